// The example app that `npm run synth` runs (see cdk8s.yaml): the tutorial's credentials for the
// profile namespace `user`, from obviously fake fixtures.
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { DockerConfig, DockerRegistryAccess } from '../lib';

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

const app = new App();
const chart = new Chart(app, 'kubeflow-access', { namespace: 'user' });

new DockerRegistryAccess(chart, 'docker-config', {
  config: DockerConfig.fromFile(fixture('config.json')),
});

app.synth();
