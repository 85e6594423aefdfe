// The validation plugin, run by the real `cdk8s synth` on a temporary app that holds only hand-written
// PodDefaults (raw ApiObjects, no construct of this library), with the plugin in cdk8s.yaml by local path.
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildCli, runCli } from '../cli/cli-runner';

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

/**
 * Writes an app of raw objects with the plugin in cdk8s.yaml, runs `cdk8s synth`, returns its exit code
 * and output, and what `then` makes of the app's directory. The plugin is named by `package` as given,
 * or by its absolute path; `./node_modules/cdk8s-kubeflow-access` is linked to it.
 */
async function synth(pluginDir: string, objects: object[], pkg?: string, then?: (dir: string) => Promise<unknown>): Promise<{ code: number | null; output: string; after?: any }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'plugin-app-'));
  try {
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(pluginDir, path.join(dir, 'node_modules', 'cdk8s-kubeflow-access'));
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
      `  - package: ${pkg ?? pluginDir}`,
      '    class: PodDefaultValidationPlugin',
      '    version: 0.0.0',
    ].join('\n'));
    const result = spawnSync(CDK8S, ['synth'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false', NODE_PATH: path.join(ROOT, 'node_modules'), NO_COLOR: '1' },
    });
    return { code: result.status, output: `${result.stdout}\n${result.stderr}`, after: then === undefined ? undefined : await then(dir) };
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

  test('two hand-written PodDefaults that mount different volumes at one path fail cdk8s synth, naming both', async () => {
    // GIVEN an app of two raw PodDefaults, one mount path
    const objects = [podDefault('docker-config', '/home/jovyan/.docker'), podDefault('other-config', '/home/jovyan/.docker')];

    // WHEN cdk8s synth runs the plugin
    const { code, output } = await synth(pluginDir, objects);

    // THEN it fails with the webhook's mount path rule, naming both objects by construct path
    expect(code).not.toBe(0);
    expect(output).toContain('volume-mount-path (2 occurrences)');
    expect(output).toContain('Construct Path: hand-written/pd0');
    expect(output).toContain('Construct Path: hand-written/pd1');
    expect(output).toContain('Recommendation: the mount at /home/jovyan/.docker differs between poddefaults docker-config (');
    expect(output).toContain('How to fix: make the two definitions identical or rename one');
  }, 120_000);

  test('an ExternalSecret that fetches two items into one secretKey fails cdk8s synth, naming it and the item', async () => {
    // GIVEN a raw ExternalSecret whose spec.data fetches two items into token (deletionPolicy Retain, the default), which
    // ESO v2.9.0's webhook refuses (validateDuplicateKeys, apis/externalsecrets/v1/externalsecret_validator.go)
    const objects = [{ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'fetch', namespace: 'team-a' },
      spec: { data: [{ secretKey: 'token', remoteRef: { key: 'fake/one' } }, { secretKey: 'token', remoteRef: { key: 'fake/two' } }] } }];

    // WHEN cdk8s synth runs the plugin
    const { code, output } = await synth(pluginDir, objects);

    // THEN it fails with the secret-data rule, on the ExternalSecret's construct
    expect(code).not.toBe(0);
    expect(output).toContain('secret-data (1 occurrences)');
    expect(output).toContain('Construct Path: hand-written/pd0');
    expect(output).toContain('Recommendation: externalsecret fetch (dist/hand-written.k8s.yaml#1) in namespace team-a has spec.data[1].secretKey token, as spec.data[0] has');
    expect(output).toContain('How to fix: give each spec.data[] item its own secretKey (the key of the Secret it writes), or remove the repeated item');
  }, 120_000);

  test('without the conflict cdk8s synth passes, with the plugin named by ./node_modules/cdk8s-kubeflow-access; then check dist/ passes too', async () => {
    // GIVEN the same two PodDefaults at two paths
    const objects = [podDefault('docker-config', '/home/jovyan/.docker'), podDefault('other-config', '/home/jovyan/.other')];

    // WHEN cdk8s synth runs the plugin, named by the path that works before the package is published, and check reads dist/
    const { code, output, after } = await synth(pluginDir, objects, './node_modules/cdk8s-kubeflow-access',
      dir => runCli(pluginDir, ['check', 'dist'], { cwd: dir }));

    // THEN it passes, and the plugin reported success
    expect(output).not.toContain('Recommendation:');
    expect(output).toMatch(/Status\s*│\s*success/);
    expect(code).toBe(0);
    // AND check read dist/, beside the construct-metadata.json cdk8s synth wrote for the plugin, and passed
    expect(after).toEqual({
      code: 0,
      stdout: 'ok: 2 objects, 2 PodDefaults in 1 namespace, no problems\n',
      stderr: 'cdk8s-kubeflow-access check: skipped dist/construct-metadata.json: cdk8s\'s record of construct paths, not a manifest\n',
    });
  }, 120_000);

  test('each of two objects of one name is named by its own construct, or by none', async () => {
    // GIVEN two raw Secrets of one name and namespace in one chart
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team-a' } };

    // WHEN cdk8s synth runs the plugin
    const { code, output } = await synth(pluginDir, [secret, secret]);

    // THEN the later one is named by its construct (the one construct-metadata.json records for the name), the earlier by its file and document
    expect(code).not.toBe(0);
    expect(output).toContain('duplicate-object (2 occurrences)');
    expect(output.match(/Construct Path: hand-written\/pd1/g)).toHaveLength(1);
    expect(output).not.toContain('Construct Path: hand-written/pd0');
    expect(output).toContain('Construct Path: N/A');
    expect(output).toMatch(/Resource Name: creds \(\S+hand-written\.k8s\.yaml#1\)/);
  }, 120_000);

  // The docs' way to apply dist/ once the plugin ran (docs/check.md, "Applying dist/"): kubectl 1.32 reads every
  // *.json file of a directory as a manifest, and cdk8s writes construct-metadata.json there for the plugin.
  // Offline, `kubectl label --local` reads files as `kubectl apply -f` does (the same resource builder), and
  // `kubectl apply` against a closed port reports a file without kind before it needs the server.
  const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  if (kubectl.error !== undefined) { console.log(`skipped: kubectl is not on PATH (${kubectl.error.message}), so "kubectl apply -f dist/" was not run`); }
  (kubectl.error === undefined ? test : test.skip)('kubectl apply -f dist/ fails on construct-metadata.json; dist/*.k8s.yaml, as the docs apply it, reads every object', async () => {
    // GIVEN the dist/ of a cdk8s synth with the plugin, two PodDefaults in it
    const objects = [podDefault('docker-config', '/home/jovyan/.docker'), podDefault('other-config', '/home/jovyan/.other')];
    const offline = (dir: string, command: string) => {
      writeFileSync(path.join(dir, 'kubeconfig'), '');
      const r = spawnSync('bash', ['-c', command], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, KUBECONFIG: path.join(dir, 'kubeconfig') } });
      // discovery's own complaints about the closed port, one per retry, are not what this is about
      return { code: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter(l => !l.includes('memcache.go')).join('\n') };
    };
    const APPLY = 'kubectl apply -f dist/*.k8s.yaml';
    const CLOSED = '--dry-run=client --server=http://127.0.0.1:1';

    // WHEN kubectl reads dist/ whole, and the docs' glob
    const { code, after } = await synth(pluginDir, objects, undefined, async dir => ({
      files: readdirSync(path.join(dir, 'dist')).sort(),
      apply: offline(dir, `kubectl apply ${CLOSED} -f dist/`),
      applyUnvalidated: offline(dir, `kubectl apply ${CLOSED} --validate=false -f dist/`),
      read: offline(dir, 'kubectl label --local -o name -f dist/ x=y'),
      documented: offline(dir, `${APPLY} ${CLOSED}`),
      documentedRead: offline(dir, 'kubectl label --local -o name -f dist/*.k8s.yaml x=y'),
    }));

    // THEN cdk8s wrote the metadata beside the manifests
    expect(code).toBe(0);
    expect(after.files).toEqual(['construct-metadata.json', 'hand-written.k8s.yaml']);
    // AND kubectl takes it for a manifest and fails on it, validated or not
    expect(after.apply.code).not.toBe(0);
    expect(after.apply.stderr).toContain('error validating "dist/construct-metadata.json": error validating data: [apiVersion not set, kind not set]');
    expect(after.applyUnvalidated.stderr).toContain('unable to decode "dist/construct-metadata.json": Object \'Kind\' is missing');
    expect(after.read).toMatchObject({ code: 1, stdout: 'poddefault.kubeflow.org/docker-config\npoddefault.kubeflow.org/other-config\n' });
    expect(after.read.stderr).toMatch(/^error: unable to decode "dist\/construct-metadata\.json": Object 'Kind' is missing/);
    // AND the glob reads both PodDefaults and nothing else: apply then fails only for want of a server, even
    // with --dry-run=client, which still asks the server (docs/check.md: "no offline check either")
    expect(after.documentedRead).toEqual({ code: 0, stdout: 'poddefault.kubeflow.org/docker-config\npoddefault.kubeflow.org/other-config\n', stderr: '' });
    expect(after.documented.code).not.toBe(0);
    expect(after.documented.stderr).not.toContain('construct-metadata');
    expect(after.documented.stderr).toContain('"dist/hand-written.k8s.yaml"');
    expect(after.documented.stderr).toContain('127.0.0.1:1');
  }, 120_000);
});

describe('the docs apply dist/ as the manifests alone', () => {
  test('every "kubectl apply ... -f dist" of README.md and docs/ names dist/*.k8s.yaml', () => {
    // GIVEN the pages a newcomer reads
    const ROOT_DOCS = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter(f => f.endsWith('.md')).map(f => `docs/${f}`)];
    const applies = ROOT_DOCS.flatMap(page => [...readFileSync(path.join(ROOT, page), 'utf8').matchAll(/kubectl apply[^`\n]*-f dist[^\s`]*/g)].map(m => `${page}: ${m[0]}`));
    // THEN there are some, and each applies the manifests alone, not construct-metadata.json
    expect(applies.length).toBeGreaterThanOrEqual(4);
    expect(applies.filter(a => !a.endsWith('-f dist/*.k8s.yaml'))).toEqual([]);
    expect(readFileSync(path.join(ROOT, 'docs', 'check.md'), 'utf8')).toContain('```sh\nkubectl apply -f dist/*.k8s.yaml\n```');
  });
});
