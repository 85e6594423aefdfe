// `minio`: a MinioDefault, the in-cluster object store with its standard defaults.
import { accessCommand } from './access-command';
import { MINIO_SOURCE, minioProps } from './sources';

export const minioCommand = accessCommand({
  name: 'minio',
  summary: 'the in-cluster MinIO of Kubeflow Pipelines, as S3 environment variables',
  synopsis: [
    '--namespace NS [--existing-secret NAME [--access-key-key KEY] [--secret-key-key KEY]] [options]',
    '--namespace NS --access-key KEY (--secret-key-stdin | --secret-key-file FILE) [options]',
    '--namespace NS (--secret-store NAME | --cluster-secret-store NAME) --remote-access-key REMOTE --remote-secret-key REMOTE [options]',
  ],
  description: [
    'Prints a PodDefault that sets the store\'s endpoint, region, signature version, addressing style and checksum settings as plain env, plus AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY read from the keys of an existing Secret, in the notebooks that select it (MinioDefault); with keys of its own, a Secret holding them.',
    'With only --namespace it works on a standard multi-user Kubeflow: the keys come from the Secret mlpipeline-minio-artifact, which Kubeflow copies into every profile, and no Secret is printed.',
  ],
  examples: [
    'cdk8s-kubeflow-access minio --namespace user | kubectl apply -f -',
    'cdk8s-kubeflow-access minio --namespace user --endpoint http://seaweedfs.kubeflow:8333',
  ],
  construct: lib => lib.MinioDefault,
  id: 'minio',
  defaultDescription: 'Add in-cluster MinIO storage',
  source: { kind: MINIO_SOURCE, heading: 'Store', prop: 'credentials' },
  props: minioProps(''),
});
