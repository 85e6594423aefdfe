// `trainer`: a TrainerStorageCredentials, the Secret Kubeflow Trainer's dataset and model initializers read.
import { consumerCommand, consumerOptions, s3Source } from './consumer-command';
import { HF_TOKEN_SOURCE } from './hugging-face-token-source';

export const trainerCommand = consumerCommand({
  name: 'trainer',
  summary: 'the Secret Kubeflow Trainer\'s dataset and model initializers read (S3, IAM role, Hugging Face token)',
  synopsis: [
    '--namespace NS [--name NAME] [S3] [--aws-role-arn ARN] [HF] [options]',
  ],
  description: [
    'Prints one Secret under the names the initializers of Trainer v2 TrainJobs read (TrainerStorageCredentials): ENDPOINT, ACCESS_KEY_ID, SECRET_ACCESS_KEY and REGION for s3:// storage URIs, ROLE_ARN for a role to assume, ACCESS_TOKEN and HF_TOKEN for hf:// ones. A TrainJob passes it with spec.initializer.dataset.secretRef or spec.initializer.model.secretRef.',
    'S3 is one of --s3-from-env, --s3-from-file, --s3-access-key-id and --s3-remote-access-key-id, as the aws-env command takes them; HF one of --hf-token-stdin, --hf-token-file, --hf-from-env and --hf-remote-token.',
  ],
  examples: [
    'cdk8s-kubeflow-access trainer --namespace user --s3-from-env | kubectl apply -f -',
    'cdk8s-kubeflow-access trainer --namespace user --name hf-token --hf-token-file ~/.cache/huggingface/token',
  ],
  construct: lib => lib.TrainerStorageCredentials,
  id: 'trainer-storage',
  sources: [
    s3Source('S3 (one of --s3-from-env, --s3-from-file, --s3-access-key-id, --s3-remote-access-key-id)',
      {
        's3-existing-secret': 'refused: the initializers read names of their own, which an existing Secret of the S3 variables does not hold',
        's3-force-path-style': 'not written: the initializers address the store path-style whatever it says',
      }),
    { prop: 'huggingFaceToken', prefix: 'hf-', kind: HF_TOKEN_SOURCE, heading: 'Hugging Face (one of --hf-token-stdin, --hf-token-file, --hf-from-env, --hf-remote-token)' },
  ],
  options: consumerOptions('Secret', {
    'name': { type: 'string', value: 'NAME', help: 'name of the Secret (default: trainer-storage)' },
    'aws-role-arn': { type: 'string', value: 'ARN', help: 'an IAM role the S3 initializers assume (ROLE_ARN), at the STS endpoint of REGION: without --s3-..., set REGION in the TrainJob\'s initializer env' },
  }),
  alternatives: ['aws-role-arn'],
});
