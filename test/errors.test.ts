// AccessError carries the construct path and field it concerns as data, so that callers such as the
// CLI name the field in their own terms without reading the message; the message stays as it was.
import { App, Chart } from 'cdk8s';
import { AccessError, DockerConfig, DockerRegistryAccess } from '../lib';

function thrown(build: () => unknown): AccessError {
  try {
    build();
  } catch (e) {
    if (e instanceof AccessError) { return e; }
    throw e;
  }
  throw new Error('nothing was thrown');
}

test('a construct\'s own field: path, field and problem, and the message that joins them', () => {
  // GIVEN a chart WHEN a mount path is relative
  const chart = new Chart(new App(), 'chart');
  const error = thrown(() => new DockerRegistryAccess(chart, 'docker', {
    namespace: 'user', config: DockerConfig.fromExistingSecret('registry'), mountPath: 'relative/',
  }));
  // THEN
  expect(error.path).toBe('chart/docker');
  expect(error.field).toBe('mountPath');
  expect(error.problem).toBe('"relative/" is not an absolute path without ".." segments: give a directory such as "/home/kubeflow/.docker/"');
  expect(error.message).toBe(`[chart/docker] mountPath: ${error.problem}`);
});

test('a source read for a field (readField): the field the source was given as', () => {
  const chart = new Chart(new App(), 'chart');
  const error = thrown(() => new DockerRegistryAccess(chart, 'docker', { namespace: 'user', config: DockerConfig.fromFile('/nonexistent/config.json') }));
  expect(error.path).toBe('chart/docker');
  expect(error.field).toBe('config');
  expect(error.message).toBe(`[chart/docker] config: ${error.problem}`);
  expect(error.problem).toMatch(/^file "\/nonexistent\/config.json" does not exist/);
});

test('an error about no one field carries none', () => {
  // GIVEN a chart that holds a construct WHEN another takes its id
  const chart = new Chart(new App(), 'chart');
  const props = { namespace: 'user', config: DockerConfig.fromExistingSecret('registry') };
  new DockerRegistryAccess(chart, 'docker', props);
  const error = thrown(() => new DockerRegistryAccess(chart, 'docker', props));
  // THEN
  expect(error.message).toMatch(/^\[chart\/docker\] the id "docker" is taken/);
  expect(error.field).toBeUndefined();
  expect(error.path).toBeUndefined();
});
