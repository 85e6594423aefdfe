// The consumer smoke test's app (see ../run.sh): a user's cdk8s app that installed the packed tarball
// and imports only the package's public entry point. Every credential is fake.
import { App, Chart } from 'cdk8s';
import {
  AccessError, AwsCredentials, AwsEnvConfiguration, AwsFileCredentials, DockerConfig, DockerRegistryAccess,
  MinioDefault, NotebookAccess, PodDefaultAdmission, S3Configuration, S3SignatureVersion, StorageAccess,
} from 'cdk8s-kubeflow-access';

const app = new App();

const user = new Chart(app, 'user', { namespace: 'user' });
new DockerRegistryAccess(user, 'docker-config', { config: DockerConfig.fromFile('fixtures/docker-config.json') });
new AwsFileCredentials(user, 'aws-credentials', { credentials: AwsCredentials.fromFile('fixtures/aws-credentials') });
new AwsEnvConfiguration(user, 'aws-configuration', {
  configuration: S3Configuration.fromValues({
    accessKeyId: 'AKIAFAKEFAKEFAKE0000',
    secretAccessKey: 'fake-secret-key-0000',
    region: 'us-east-1',
    signatureVersion: S3SignatureVersion.S3V4,
  }),
});
new MinioDefault(user, 'minio');

const team = new Chart(app, 'team', { namespace: 'team' });
const access = new NotebookAccess(team, 'access', {
  docker: DockerConfig.fromLogin({ server: 'ghcr.io', username: 'fake-user', password: 'fake-password-0000' }),
  storage: StorageAccess.awsFile(AwsCredentials.fromKeys({ accessKeyId: 'AKIAFAKEFAKEFAKE0001', secretAccessKey: 'fake-secret-key-0001' })),
  homeDirectory: '/home/jovyan',
});

// AccessError is part of the TypeScript API: a consumer can tell bad input from a bug.
try {
  new DockerRegistryAccess(team, 'invalid', { config: DockerConfig.fromExistingSecret('regcred'), name: 'Not A Name' });
  throw new Error('an invalid name was accepted');
} catch (e) {
  if (!(e instanceof AccessError)) { throw e; }
}

// The webhook model: a notebook pod that selects every PodDefault of the team is admitted.
const notebookPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'notebook-0', namespace: 'team', labels: access.selectorLabels },
  spec: { containers: [{ name: 'notebook', image: 'kubeflownotebookswg/jupyter-scipy' }] },
};
const admission = PodDefaultAdmission.admit(notebookPod, team.toJson().filter((m: any) => m.kind === 'PodDefault'));
if (!admission.allowed || admission.applied.join(',') !== 'aws-credentials,docker-config') {
  throw new Error(`the notebook pod is not admitted as expected: ${admission.conflicts.map(c => c.message).join('; ')}`);
}

app.synth();
