import { App, Chart } from 'cdk8s';
import { DockerConfig, NotebookAccess } from 'cdk8s-kubeflow-access';

// The registry password is read from REGISTRY_TOKEN when you synth. dist/ then holds it in base64, so
// keep dist/ out of git, or keep the token in a secret store with DockerConfig.fromSecretStoreLogin.
const token = process.env.REGISTRY_TOKEN;
if (!token) {
  console.error('REGISTRY_TOKEN is empty or not set: export REGISTRY_TOKEN=... with a token that may read the packages of ghcr.io, then run "npx cdk8s synth" again');
  process.exit(1);
}

const app = new App();
const chart = new Chart(app, 'kubeflow-access', { namespace: 'team-a' });
new NotebookAccess(chart, 'access', {
  docker: DockerConfig.fromLogin({ server: 'ghcr.io', username: 'ml-bot', password: token }),
  // The object store is Kubeflow's in-cluster MinIO (SeaweedFS from 1.11): its keys come from the Secret
  // mlpipeline-minio-artifact that Kubeflow copies into every profile, so none is in dist/.
  // The Pipelines API token is the notebook's own, projected by the kubelet: no Secret either.
  pipelines: true,
  // Where the notebook's tools look for ~/.docker/: /home/jovyan on stock Kubeflow images (the default,
  // written out here); /home/kubeflow on Kaptain's.
  homeDirectory: '/home/jovyan',
});
app.synth();
