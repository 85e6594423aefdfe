// `aws-env`: an AwsEnvConfiguration, from this environment, a credentials file, values, or an existing Secret.
import { accessCommand } from './access-command';
import { AWS_ENV_SOURCE } from './sources';

export const awsEnvCommand = accessCommand({
  name: 'aws-env',
  summary: 'S3 client settings as AWS_* and S3_* environment variables',
  synopsis: [
    '--namespace NS --from-env [options]',
    '--namespace NS --from-file CREDENTIALS [--profile NAME] [options]',
    '--namespace NS --access-key-id ID (--secret-access-key-stdin | --secret-access-key-file FILE) [--region REGION] [--endpoint URL] [options]',
    '--namespace NS --existing-secret NAME [options]',
    '--namespace NS (--secret-store NAME | --cluster-secret-store NAME) --remote-access-key-id REMOTE --remote-secret-access-key REMOTE [--region REGION] [--endpoint URL] [options]',
  ],
  description: [
    'Prints a Secret holding AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), and a PodDefault that injects its keys and sets the other S3 settings as plain env in the notebooks that select it (AwsEnvConfiguration).',
  ],
  examples: [
    'cdk8s-kubeflow-access aws-env --namespace user --from-env | kubectl apply -f -',
    'cdk8s-kubeflow-access aws-env --namespace user --from-file ~/.aws/credentials --profile team',
  ],
  construct: lib => lib.AwsEnvConfiguration,
  id: 'aws-configuration',
  defaultDescription: 'Add AWS Environment variables',
  source: { kind: AWS_ENV_SOURCE, heading: 'Settings (one of --from-env, --from-file, --access-key-id, --existing-secret, --remote-access-key-id)', prop: 'configuration' },
  groups: [{
    heading: 'Variables',
    options: {
      'sdk-endpoint-variable': { type: 'boolean', help: 'also set AWS_ENDPOINT_URL_S3 to the endpoint, which current AWS SDKs and the AWS CLI read' },
    },
  }],
  props: { 'sdk-endpoint-variable': { prop: 'sdkEndpointVariable' } },
});
