// `kserve`: a KServeServiceAccount, the ServiceAccount an InferenceService runs as and the Secrets KServe reads through it.
import { consumerCommand, consumerOptions, s3Source } from './consumer-command';
import { AZURE_SOURCE, DOCKER_SOURCE, GCS_SOURCE } from './sources';

const VERIFY_SSL = { true: true, false: false } as const;

export const kserveCommand = consumerCommand({
  name: 'kserve',
  summary: 'a ServiceAccount for KServe with the S3, GCS, Azure and registry Secrets its storage initializer reads',
  synopsis: [
    '--namespace NS [--name NAME] [S3 | --aws-role-arn ARN] [GCS] [AZURE] [REGISTRY] [options]',
  ],
  description: [
    'Prints a ServiceAccount for InferenceServices (spec.predictor.serviceAccountName) and the Secrets it lists (KServeServiceAccount): S3 keys as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY with the store\'s endpoint, region and addressing style as serving.kserve.io/s3-* annotations; a GCS key as gcloud-application-credentials.json; an Azure account key as AZURE_STORAGE_ACCESS_KEY; registry credentials as a kubernetes.io/dockerconfigjson Secret in imagePullSecrets.',
    'S3 is one of --s3-from-env, --s3-from-file, --s3-access-key-id, --s3-existing-secret and --s3-remote-access-key-id, as the aws-env command takes them; --aws-role-arn annotates the ServiceAccount for IRSA instead. GCS, Azure and the registry take the flags of the gcs, azure and docker commands under --gcs-, --azure- and --registry-.',
  ],
  examples: [
    'cdk8s-kubeflow-access kserve --namespace user --s3-access-key-id AKIA... --s3-secret-access-key-stdin --s3-endpoint http://minio-service.kubeflow:9000 --s3-region us-east-1 | kubectl apply -f -',
    'cdk8s-kubeflow-access kserve --namespace user --aws-role-arn arn:aws:iam::123456789012:role/kserve-models --s3-verify-ssl true',
  ],
  construct: lib => lib.KServeServiceAccount,
  id: 'kserve',
  sources: [
    s3Source('S3 (one of --s3-from-env, --s3-from-file, --s3-access-key-id, --s3-existing-secret, --s3-remote-access-key-id)'),
    {
      prop: 'gcs', prefix: 'gcs-', kind: GCS_SOURCE, heading: 'GCS (one of --gcs-key-file, --gcs-existing-secret with --gcs-existing-key gcloud-application-credentials.json, --gcs-remote-key)',
      help: { 'gcs-existing-key': 'key of the key file in --gcs-existing-secret: KServe recognises a GCS Secret by gcloud-application-credentials.json alone, so give that' },
    },
    { prop: 'azure', prefix: 'azure-', kind: AZURE_SOURCE, heading: 'Azure (--azure-account-name with --azure-account-key-stdin, --azure-account-key-file or --azure-remote-account-key, or --azure-from-env)' },
    {
      prop: 'registry', prefix: 'registry-', kind: DOCKER_SOURCE, heading: 'Registry (one of --registry-from-file, --registry-username, --registry-existing-secret, --registry-remote-config, --registry-remote-username)',
      omit: ['registry-secret-type'],
      help: { 'registry-key': 'key of the config in the existing Secret: .dockerconfigjson or .dockercfg, which the kubelet reads (default: .dockerconfigjson)' },
    },
  ],
  options: consumerOptions('ServiceAccount and Secrets', {
    'name': { type: 'string', value: 'NAME', help: 'name of the ServiceAccount; its Secrets are NAME-s3, NAME-gcs, NAME-azure and NAME-registry (default: kserve)' },
    'aws-role-arn': { type: 'string', value: 'ARN', help: 'annotate the ServiceAccount eks.amazonaws.com/role-arn for IRSA, instead of S3 keys' },
    's3-verify-ssl': { type: 'string', value: 'BOOL', help: '"true" or "false": whether the storage initializer verifies the store\'s certificate (serving.kserve.io/s3-verifyssl)' },
  }),
  props: { 's3-verify-ssl': { prop: 's3VerifySsl', choices: VERIFY_SSL } },
  alternatives: ['aws-role-arn'],
});
