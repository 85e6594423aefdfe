// `minio`: a MinioDefault, the in-cluster object store with its standard defaults.
import { Args, checkOneStdinReader, CommandSpec, EXIT_OK, Io } from './framework';
import { commonOptions, commonProps } from './options';
import { minioOptions, minioSource } from './sources';
import { synthesize } from './synth';

export const minioCommand: CommandSpec = {
  name: 'minio',
  summary: 'the in-cluster MinIO of Kubeflow Pipelines, as S3 environment variables',
  synopsis: [
    '--namespace NS [--existing-secret NAME [--access-key-key KEY] [--secret-key-key KEY]] [options]',
    '--namespace NS --access-key KEY (--secret-key-stdin | --secret-key-file FILE) [options]',
  ],
  description: [
    'Prints a Secret holding the store\'s endpoint, region, signature version and addressing style, and a PodDefault that injects them, plus AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY read from the keys of an existing Secret, into the notebooks that select it (MinioDefault).',
    'With only --namespace it works on a standard multi-user Kubeflow: the keys come from the Secret mlpipeline-minio-artifact, which Kubeflow copies into every profile, and no key is printed.',
  ],
  options: [
    { heading: 'Store', options: minioOptions('') },
    commonOptions('minio', 'Add in-cluster MinIO storage'),
  ],
  examples: [
    'cdk8s-kubeflow-access minio --namespace user | kubectl apply -f -',
    'cdk8s-kubeflow-access minio --namespace user --endpoint http://seaweedfs.kubeflow:9000',
  ],
  run: runMinio,
};

async function runMinio(args: Args, io: Io): Promise<number> {
  const common = commonProps(args);
  const source = minioSource(args, io, '');
  checkOneStdinReader(args);
  await synthesize(io, { credentials: source.flag, endpoint: '--endpoint', region: '--region', signatureVersion: '--signature-version', forcePathStyle: '--force-path-style', sdkEndpointVariable: '--no-sdk-endpoint-variable' }, (lib, chart) => {
    new lib.MinioDefault(chart, 'minio', { ...common, ...source.build(lib, io) });
  });
  return EXIT_OK;
}
