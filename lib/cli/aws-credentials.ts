// `aws-credentials`: an AwsFileCredentials, from a credentials file, keys, or an existing Secret.
import { Args, checkOneStdinReader, CommandSpec, EXIT_OK, Io, str } from './framework';
import { commonOptions, commonProps, mountOptions, mountProps } from './options';
import { awsFileSource, awsFileSourceOptions } from './sources';
import { synthesize } from './synth';

export const awsCredentialsCommand: CommandSpec = {
  name: 'aws-credentials',
  summary: 'an AWS credentials file, mounted as ~/.aws/credentials',
  synopsis: [
    '--namespace NS --from-file CREDENTIALS [--region REGION] [options]',
    '--namespace NS --access-key-id ID (--secret-access-key-stdin | --secret-access-key-file FILE) [--region REGION] [options]',
    '--namespace NS --existing-secret NAME [--key KEY] [options]',
  ],
  description: [
    'Prints a Secret holding an AWS shared-credentials file (and, with a region, the config file) and a PodDefault that mounts it at /home/kubeflow/.aws/ in the notebooks that select it (AwsFileCredentials).',
  ],
  options: [
    { heading: 'Credentials (one of --from-file, --access-key-id, --existing-secret)', options: awsFileSourceOptions('') },
    commonOptions('aws-credentials', 'Add AWS credentials'),
    mountOptions('/home/kubeflow/.aws/'),
  ],
  examples: [
    'cdk8s-kubeflow-access aws-credentials --namespace user --from-file ~/.aws/credentials --region eu-west-1 | kubectl apply -f -',
    'cdk8s-kubeflow-access aws-credentials --namespace user --access-key-id AKIA... --secret-access-key-file key.txt',
  ],
  run: runAwsCredentials,
};

async function runAwsCredentials(args: Args, io: Io): Promise<number> {
  const common = commonProps(args);
  const source = awsFileSource(args, io, '');
  checkOneStdinReader(args);
  await synthesize(io, { credentials: source.flag, region: '--region' }, (lib, chart) => {
    new lib.AwsFileCredentials(chart, 'aws-credentials', {
      ...common,
      ...mountProps(args),
      credentials: source.build(lib, io),
      region: str(args, 'region'),
    });
  });
  return EXIT_OK;
}
