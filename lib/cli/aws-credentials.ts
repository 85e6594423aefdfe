// `aws-credentials`: an AwsFileCredentials, from a credentials file, keys, or an existing Secret.
import { accessCommand } from './access-command';
import { AWS_FILE_SOURCE } from './sources';

export const awsCredentialsCommand = accessCommand({
  name: 'aws-credentials',
  summary: 'an AWS credentials file, mounted as ~/.aws/credentials',
  synopsis: [
    '--namespace NS --from-file CREDENTIALS [--region REGION] [options]',
    '--namespace NS --access-key-id ID (--secret-access-key-stdin | --secret-access-key-file FILE) [--region REGION] [options]',
    '--namespace NS --existing-secret NAME [--key KEY] [options]',
    '--namespace NS (--secret-store NAME | --cluster-secret-store NAME) --remote-credentials REMOTE [options]',
    '--namespace NS (--secret-store NAME | --cluster-secret-store NAME) --remote-access-key-id REMOTE --remote-secret-access-key REMOTE [--region REGION] [options]',
  ],
  description: [
    'Prints a Secret holding an AWS shared-credentials file (and, with a region, the config file) and a PodDefault that mounts it at /home/jovyan/.aws/ in the notebooks that select it (AwsFileCredentials).',
  ],
  examples: [
    'cdk8s-kubeflow-access aws-credentials --namespace user --from-file ~/.aws/credentials --region eu-west-1 | kubectl apply -f -',
    'cdk8s-kubeflow-access aws-credentials --namespace user --access-key-id AKIA... --secret-access-key-file key.txt',
    'cdk8s-kubeflow-access aws-credentials --namespace user --secret-store team-store --remote-credentials aws-credentials',
  ],
  construct: lib => lib.AwsFileCredentials,
  id: 'aws-credentials',
  defaultDescription: 'Add AWS credentials',
  source: { kind: AWS_FILE_SOURCE, heading: 'Credentials (one of --from-file, --access-key-id, --existing-secret, --remote-credentials, --remote-access-key-id)', prop: 'credentials' },
  props: { region: { prop: 'region' } },
  mountPath: '/home/jovyan/.aws/',
});
