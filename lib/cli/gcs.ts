// `gcs`: a GcsCredentials, from a service-account key file or an existing Secret.
import { accessCommand } from './access-command';
import { GCS_SOURCE } from './sources';

export const gcsCommand = accessCommand({
  name: 'gcs',
  summary: 'a Google Cloud service-account key, mounted with GOOGLE_APPLICATION_CREDENTIALS',
  synopsis: [
    '--namespace NS --key-file FILE [options]',
    '--namespace NS --existing-secret NAME [--existing-key KEY] [options]',
    '--namespace NS (--secret-store NAME | --cluster-secret-store NAME) --remote-key REMOTE [options]',
  ],
  description: [
    'Prints a Secret holding a service-account key as user-gcp-sa.json and a PodDefault that mounts it at /secret/gcp/ and points GOOGLE_APPLICATION_CREDENTIALS at it in the notebooks that select it (GcsCredentials).',
    'The key is checked as google-auth reads it (a service_account key with client_email, token_uri and an RSA private_key): gcsfs falls back to anonymous access on a broken key without a word.',
  ],
  examples: [
    'cdk8s-kubeflow-access gcs --namespace user --key-file key.json | kubectl apply -f -',
    'gcloud secrets versions access latest --secret notebook-key | cdk8s-kubeflow-access gcs --namespace user --key-file -',
    'cdk8s-kubeflow-access gcs --namespace user --existing-secret user-gcp-sa',
  ],
  construct: lib => lib.GcsCredentials,
  id: 'gcp-credentials',
  defaultDescription: 'Add GCP credentials',
  source: { kind: GCS_SOURCE, heading: 'Key (one of --key-file, --existing-secret, --remote-key)', prop: 'key' },
  mountPath: '/secret/gcp/',
});
