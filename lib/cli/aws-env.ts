// `aws-env`: an AwsEnvConfiguration, from this environment, a credentials file, values, or an existing Secret.
import { Args, bool, checkOneStdinReader, CommandSpec, EXIT_OK, Io } from './framework';
import { commonOptions, commonProps } from './options';
import { awsEnvSource, awsEnvSourceOptions } from './sources';
import { synthesize } from './synth';

export const awsEnvCommand: CommandSpec = {
  name: 'aws-env',
  summary: 'S3 client settings as AWS_* and S3_* environment variables',
  synopsis: [
    '--namespace NS --from-env [options]',
    '--namespace NS --from-file CREDENTIALS [--profile NAME] [options]',
    '--namespace NS --access-key-id ID (--secret-access-key-stdin | --secret-access-key-file FILE) [--region REGION] [--endpoint URL] [options]',
    '--namespace NS --existing-secret NAME [options]',
  ],
  description: [
    'Prints a Secret holding AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and the other S3 settings, and a PodDefault that injects all of its keys as environment variables into the notebooks that select it (AwsEnvConfiguration).',
  ],
  options: [
    { heading: 'Settings (one of --from-env, --from-file, --access-key-id, --existing-secret)', options: awsEnvSourceOptions('') },
    {
      heading: 'Variables',
      options: {
        'sdk-endpoint-variable': { type: 'boolean', help: 'also set AWS_ENDPOINT_URL_S3 to the endpoint, which current AWS SDKs and the AWS CLI read' },
      },
    },
    commonOptions('aws-configuration', 'Add AWS Environment variables'),
  ],
  examples: [
    'cdk8s-kubeflow-access aws-env --namespace user --from-env | kubectl apply -f -',
    'cdk8s-kubeflow-access aws-env --namespace user --from-file ~/.aws/credentials --profile team',
  ],
  run: runAwsEnv,
};

async function runAwsEnv(args: Args, io: Io): Promise<number> {
  const common = commonProps(args);
  const source = awsEnvSource(args, io, '');
  checkOneStdinReader(args);
  await synthesize(io, { configuration: source.flag, sdkEndpointVariable: '--sdk-endpoint-variable' }, (lib, chart) => {
    new lib.AwsEnvConfiguration(chart, 'aws-configuration', {
      ...common,
      configuration: source.build(lib, io),
      sdkEndpointVariable: bool(args, 'sdk-endpoint-variable'),
    });
  });
  return EXIT_OK;
}
