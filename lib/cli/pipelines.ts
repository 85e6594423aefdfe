// `pipelines`: a PipelinesApiAccess, the Kubeflow docs' access-ml-pipeline; no Secret, no credential.
import { accessCommand } from './access-command';

export const pipelinesCommand = accessCommand({
  name: 'pipelines',
  summary: 'the Kubeflow Pipelines API token, as the Kubeflow docs\' access-ml-pipeline',
  synopsis: ['--namespace NS [--expiration-seconds N] [--audience AUDIENCE] [options]'],
  description: [
    'Prints a PodDefault that projects the notebook\'s service account token for the Pipelines API to /var/run/secrets/kubeflow/pipelines/token and sets KF_PIPELINES_SA_TOKEN_PATH, where kfp.Client() finds it (PipelinesApiAccess). No Secret is printed.',
    'It never sets KF_PIPELINES_ENDPOINT: with a host set, kfp.Client() attaches no token.',
  ],
  examples: [
    'cdk8s-kubeflow-access pipelines --namespace user --name access-ml-pipeline | kubectl apply -f -',
    'cdk8s-kubeflow-access pipelines --namespace user --expiration-seconds 3600',
  ],
  construct: lib => lib.PipelinesApiAccess,
  id: 'access-ml-pipeline',
  defaultDescription: 'Allow access to Kubeflow Pipelines',
  groups: [{
    heading: 'Token',
    options: {
      'expiration-seconds': { type: 'string', value: 'N', help: 'lifetime of the projected token in seconds, at least 600 (default: 7200); the kubelet renews it' },
      'audience': { type: 'string', value: 'AUDIENCE', help: 'audience of the token: the TOKEN_REVIEW_AUDIENCE of the ml-pipeline Deployment, for installs that changed it (default: pipelines.kubeflow.org)' },
    },
  }],
  props: {
    'expiration-seconds': { prop: 'expirationSeconds', integer: true },
    'audience': { prop: 'audience' },
  },
});
