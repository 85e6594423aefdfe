// The validation plugin, run by the real `cdk8s synth` on a temporary app that holds only hand-written
// PodDefaults (raw ApiObjects, no construct of this library), with the plugin in cdk8s.yaml by local path.
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildCli } from '../cli/cli-runner';

const ROOT = path.join(__dirname, '..', '..');
const CDK8S = path.join(ROOT, 'node_modules', '.bin', 'cdk8s');

function podDefault(name: string, mountPath: string): object {
  return {
    apiVersion: 'kubeflow.org/v1alpha1',
    kind: 'PodDefault',
    metadata: { name, namespace: 'team-a' },
    spec: {
      desc: name,
      selector: { matchLabels: { [name]: 'true' } },
      volumes: [{ name: `${name}-volume`, secret: { secretName: name } }],
      volumeMounts: [{ name: `${name}-volume`, mountPath }],
    },
  };
}

/** Writes an app of raw PodDefaults with the plugin in cdk8s.yaml, runs `cdk8s synth`, returns its exit code and output. */
function synth(pluginDir: string, objects: object[]): { code: number | null; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'plugin-app-'));
  try {
    writeFileSync(path.join(dir, 'main.js'), [
      "const { App, Chart, ApiObject } = require('cdk8s');",
      'const app = new App();',
      "const chart = new Chart(app, 'hand-written');",
      `${JSON.stringify(objects)}.forEach((o, i) => new ApiObject(chart, 'pd' + i, o));`,
      'app.synth();',
    ].join('\n'));
    writeFileSync(path.join(dir, 'cdk8s.yaml'), [
      'language: typescript',
      'app: node main.js',
      'validations:',
      `  - package: ${pluginDir}`,
      '    class: PodDefaultValidationPlugin',
      '    version: 0.0.0',
    ].join('\n'));
    const result = spawnSync(CDK8S, ['synth'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false', NODE_PATH: path.join(ROOT, 'node_modules'), NO_COLOR: '1' },
    });
    return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const describeIfCli = existsSync(CDK8S) ? describe : describe.skip;
if (!existsSync(CDK8S)) { console.log(`skipped: the validation plugin tests need cdk8s-cli (${CDK8S})`); }

describeIfCli('PodDefaultValidationPlugin in cdk8s synth', () => {
  let pluginDir: string;
  beforeAll(() => { pluginDir = buildCli(); });
  afterAll(() => rmSync(pluginDir, { recursive: true, force: true }));

  test('two hand-written PodDefaults that mount different volumes at one path fail cdk8s synth, naming both', () => {
    // GIVEN an app of two raw PodDefaults, one mount path
    const objects = [podDefault('docker-config', '/home/jovyan/.docker'), podDefault('other-config', '/home/jovyan/.docker')];

    // WHEN cdk8s synth runs the plugin
    const { code, output } = synth(pluginDir, objects);

    // THEN it fails with the webhook's mount path rule, naming both objects by construct path
    expect(code).not.toBe(0);
    expect(output).toContain('volume-mount-path (2 occurrences)');
    expect(output).toContain('Construct Path: hand-written/pd0');
    expect(output).toContain('Construct Path: hand-written/pd1');
    expect(output).toContain('Recommendation: the mount at /home/jovyan/.docker differs between poddefaults docker-config (');
    expect(output).toContain('How to fix: make the two definitions identical or rename one');
  }, 120_000);

  test('without the conflict cdk8s synth passes', () => {
    // GIVEN the same two PodDefaults at two paths
    const objects = [podDefault('docker-config', '/home/jovyan/.docker'), podDefault('other-config', '/home/jovyan/.other')];

    // WHEN cdk8s synth runs the plugin
    const { code, output } = synth(pluginDir, objects);

    // THEN it passes, and the plugin reported success
    expect(output).not.toContain('Recommendation:');
    expect(output).toMatch(/Status\s*│\s*success/);
    expect(code).toBe(0);
  }, 120_000);
});
