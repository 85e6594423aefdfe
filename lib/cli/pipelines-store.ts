// `pipelines-store`: a PipelinesArtifactStore, the kfp-launcher ConfigMap of a profile and the Secret it names.
import { consumerCommand, consumerOptions, s3Source } from './consumer-command';
import { GCS_SOURCE } from './sources';

export const pipelinesStoreCommand = consumerCommand({
  name: 'pipelines-store',
  summary: 'the kfp-launcher ConfigMap (pipeline root and providers) of Kubeflow Pipelines v2 runs, and its Secret',
  synopsis: [
    '--namespace NS --pipeline-root s3://BUCKET/PREFIX S3 [options]',
    '--namespace NS --pipeline-root minio://BUCKET/PREFIX S3 [options]',
    '--namespace NS --pipeline-root gs://BUCKET/PREFIX GCS [options]',
  ],
  description: [
    'Prints the kfp-launcher ConfigMap that the launcher of every Pipelines v2 run in the namespace reads (defaultPipelineRoot, and providers with the store\'s endpoint, region, TLS and addressing style) and the Secret its credentials.secretRef names (PipelinesArtifactStore). Kubeflow\'s profile controller writes kfp-launcher only where there is none (updateStrategy OnDelete): once this one is applied, it stays.',
    'S3 is one of --s3-from-env, --s3-from-file, --s3-access-key-id and --s3-remote-access-key-id, as the aws-env command takes them; GCS one of --gcs-key-file, --gcs-existing-secret and --gcs-remote-key.',
  ],
  examples: [
    'cdk8s-kubeflow-access pipelines-store --namespace user --pipeline-root minio://mlpipeline/v2/artifacts --s3-access-key-id minio --s3-secret-access-key-stdin --s3-endpoint http://minio-service.kubeflow:9000 --s3-region us-east-1 | kubectl apply -f -',
    'cdk8s-kubeflow-access pipelines-store --namespace user --pipeline-root gs://team-a-artifacts/v2 --gcs-key-file key.json',
  ],
  construct: lib => lib.PipelinesArtifactStore,
  id: 'pipelines-artifacts',
  sources: [
    s3Source('S3, for s3:// and minio:// roots (one of --s3-from-env, --s3-from-file, --s3-access-key-id, --s3-remote-access-key-id)',
      { 's3-existing-secret': 'refused: the launcher reads the endpoint and region from the ConfigMap, which an existing Secret cannot fill' }),
    { prop: 'gcs', prefix: 'gcs-', kind: GCS_SOURCE, heading: 'GCS, for gs:// roots (one of --gcs-key-file, --gcs-existing-secret, --gcs-remote-key)' },
  ],
  options: consumerOptions('ConfigMap and Secret', {
    'pipeline-root': { type: 'string', value: 'URI', help: 'where runs write their artifacts (defaultPipelineRoot): s3://, minio:// or gs://BUCKET/PREFIX; required' },
    'secret-name': { type: 'string', value: 'NAME', help: 'name of the Secret (default: pipelines-artifacts)' },
  }),
});
