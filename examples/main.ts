// The example app that `npm run synth` runs (see cdk8s.yaml): the tutorial's credentials for the
// profile namespace `user`, from obviously fake fixtures.
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import {
  AwsCredentials, AwsEnvConfiguration, AwsFileCredentials, DockerConfig, DockerRegistryAccess, MinioDefault,
  PipelinesApiAccess, S3Configuration, S3SignatureVersion,
} from '../lib';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

const app = new App();
const chart = new Chart(app, 'kubeflow-access', { namespace: 'user' });

new DockerRegistryAccess(chart, 'docker-config', {
  config: DockerConfig.fromFile(fixture('config.json')),
});

new AwsFileCredentials(chart, 'aws-credentials', {
  credentials: AwsCredentials.fromFile(fixture('credentials')),
});

new AwsEnvConfiguration(chart, 'aws-configuration', {
  configuration: S3Configuration.fromValues({
    accessKeyId: 'AKIAFAKEFAKEFAKE0000',
    secretAccessKey: 'fake-secret-key-0000',
    region: 'us-east-1',
    endpoint: 'https://s3.us-east-1.amazonaws.com',
    signatureVersion: S3SignatureVersion.S3V4,
    forcePathStyle: false,
  }),
});

// Kubeflow Pipelines' MinIO, with the keys Kubeflow copies into every profile namespace.
new MinioDefault(chart, 'minio');

// The Kubeflow docs' access-ml-pipeline PodDefault: the notebook's own token for the Pipelines API, no Secret.
new PipelinesApiAccess(chart, 'access-ml-pipeline');

app.synth();
