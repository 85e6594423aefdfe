import { App, Chart } from 'cdk8s';
import { DockerConfig, NotebookAccess } from 'cdk8s-kubeflow-access';

const app = new App();
const chart = new Chart(app, 'kubeflow-access', { namespace: 'team-a' });
new NotebookAccess(chart, 'access', {
  // The registry password comes from REGISTRY_TOKEN when you synth: export it first (an empty one is
  // refused). dist/ then holds it in base64, so keep dist/ out of git, or keep the token in a secret
  // store with DockerConfig.fromSecretStoreLogin.
  docker: DockerConfig.fromLogin({ server: 'ghcr.io', username: 'ml-bot', password: process.env.REGISTRY_TOKEN ?? '' }),
  // The object store is Kubeflow's in-cluster MinIO (SeaweedFS from 1.11): its keys come from the Secret
  // mlpipeline-minio-artifact that Kubeflow copies into every profile, so none is in dist/.
  // The Pipelines API token is the notebook's own, projected by the kubelet: no Secret either.
  pipelines: true,
  // Where the notebook's tools look for ~/.docker/: /home/jovyan on stock Kubeflow images (the default,
  // written out here); /home/kubeflow on Kaptain's.
  homeDirectory: '/home/jovyan',
});
app.synth();
