import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { parse } from 'yaml';
import { DockerConfig, DockerRegistryAccess } from '../../lib';
import { secretContentHash } from '../../lib/access/content-hash';
import { fixture, secretAndPodDefault, userChart } from '../support';

/**
 * Inputs given to `kubectl kustomize` (a kustomization.yaml and the files it names) and the exact
 * output it wrote; `recordedWith` names the kubectl and kustomize versions.
 */
interface KustomizeVectors {
  readonly recordedWith: { kubectl: string; kustomize: string };
  readonly vectors: { title: string; kustomization: string; files: Record<string, string>; output: string }[];
}
const recorded: KustomizeVectors = JSON.parse(readFileSync(fixture('kustomize-secret-vectors.json'), 'utf8'));

/** The Secret as our library holds it: kustomize's output with each base64 value on one line. */
function secretOf(output: string): { name: string; type: string; data: Record<string, string> } {
  const secret = parse(output);
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries<string>(secret.data)) { data[key] = value.replace(/\n/g, ''); }
  return { name: secret.metadata.name, type: secret.type, data };
}

function kustomize(kustomization: string, files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kustomize-'));
  try {
    for (const [name, content] of Object.entries(files)) { writeFileSync(path.join(dir, name), content); }
    writeFileSync(path.join(dir, 'kustomization.yaml'), kustomization);
    const run = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
    if (run.status !== 0) { throw new Error(`kubectl kustomize failed: ${run.stderr}`); }
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
if (!hasKubectl) {
  // eslint-disable-next-line no-console
  console.log('content-hash.test.ts: kubectl is not on PATH: the live kubectl kustomize comparisons are skipped, the recorded vectors still run');
}
const withKubectl = hasKubectl ? test : test.skip;

describe('secretContentHash', () => {
  test('the recorded vectors cover what the hash must handle', () => {
    const secrets = recorded.vectors.map(v => secretOf(v.output));
    expect(new Set(secrets.map(s => s.type))).toEqual(new Set(['Opaque', 'kubernetes.io/dockerconfigjson']));
    expect(secrets.some(s => Object.keys(s.data).length > 1)).toBe(true);
    expect(secrets.some(s => Object.values(s.data).some(v => Buffer.from(v, 'base64').length > 1024))).toBe(true);
    expect(recorded.vectors.some(v => /immutable: true/.test(v.output))).toBe(true);
  });

  test.each(recorded.vectors.map(v => [v.title, v] as const))('equals kubectl kustomize: %s', (_title, vector) => {
    // GIVEN the Secret kustomize generated and named
    const secret = secretOf(vector.output);
    // WHEN
    const hash = secretContentHash(secret.type, secret.data);
    // THEN
    expect(secret.name).toBe(`${parse(vector.kustomization).secretGenerator[0].name}-${hash}`);
  });

  test('the issue\'s example: name s, one key a holding b', () => {
    expect(secretContentHash('Opaque', { a: 'Yg==' })).toBe('k695gkmbtk');
  });

  test('does not depend on the order of the keys', () => {
    expect(secretContentHash('Opaque', { a: 'YQ==', b: 'Yg==' }))
      .toBe(secretContentHash('Opaque', { b: 'Yg==', a: 'YQ==' }));
  });

  test.each([
    ['the data', 'Opaque', { a: 'Yg==' }],
    ['a key', 'Opaque', { b: 'YQ==' }],
    ['the type', 'kubernetes.io/dockerconfigjson', { a: 'YQ==' }],
  ])('changes with %s', (_what, type, data) => {
    expect(secretContentHash(type, data)).not.toBe(secretContentHash('Opaque', { a: 'YQ==' }));
  });

  withKubectl.each(recorded.vectors.map(v => [v.title, v] as const))('kubectl kustomize on this machine still writes the recorded output: %s', (_title, vector) => {
    expect(kustomize(vector.kustomization, vector.files)).toBe(vector.output);
  });
});

describe('hashSecretName', () => {
  const synth = (password: string, immutable?: boolean) => {
    const chart = userChart();
    const access = new DockerRegistryAccess(chart, 'docker-config', {
      config: DockerConfig.fromLogin({ username: 'fake-user', password }),
      hashSecretName: true,
      immutable,
    });
    return { access, manifests: secretAndPodDefault(Testing.synth(chart)) };
  };

  test('names the Secret with its content hash and points the PodDefault at it', () => {
    // GIVEN / WHEN
    const { access, manifests: [secret, podDefault] } = synth('fake-password-1');
    // THEN
    const hash = secretContentHash('Opaque', secret.data);
    expect(secret.metadata.name).toBe(`docker-config-${hash}`);
    expect(access.secretName).toBe(`docker-config-${hash}`);
    expect(podDefault.metadata.name).toBe('docker-config');
    expect(podDefault.spec.volumes[0].secret.secretName).toBe(`docker-config-${hash}`);
  });

  test('rotated credentials get a new Secret name', () => {
    expect(synth('fake-password-1').access.secretName).not.toBe(synth('fake-password-2').access.secretName);
  });

  test('immutable keeps the name, as in kustomize', () => {
    expect(synth('fake-password-1', true).access.secretName).toBe(synth('fake-password-1').access.secretName);
  });

  withKubectl('the synthesised Secret gets the name kubectl kustomize gives the same data', () => {
    // GIVEN the Secret the construct synthesises
    const [secret] = synth('fake-password-1'.repeat(20)).manifests;
    const keys = Object.keys(secret.data);
    const files = Object.fromEntries(keys.map((key, i) => [`file-${i}`, Buffer.from(secret.data[key], 'base64')]));
    const kustomization = ['secretGenerator:', '- name: docker-config', `  type: ${secret.type}`,
      `  files: [${keys.map((key, i) => `${key}=file-${i}`).join(', ')}]`, ''].join('\n');
    // WHEN kustomize generates a Secret from the same data
    const generated = secretOf(kustomize(kustomization, files));
    // THEN
    expect(generated.data).toEqual(secret.data);
    expect(secret.metadata.name).toBe(generated.name);
  });

  test('is refused with an existing Secret', () => {
    const chart = userChart();
    expect(() => new DockerRegistryAccess(chart, 'docker-config', {
      config: DockerConfig.fromExistingSecret('regcred'), hashSecretName: true,
    })).toThrow('[test/docker-config] hashSecretName: only applies to a synthesised Secret, but the source is an existing Secret: leave hashSecretName out');
  });
});
