// A credential pasted where a name, key or field name goes is never shown: the check's problems (message, fix and
// key, which the validation plugin prints as a location) and the CLI's lines name the place and what is wrong, and
// describe such a name (names.ts shownName) rather than print it. Every string place of the manifests, each key and
// each value, is given a fake credential that no name could be (spaces, slashes, colons, a line break, 300
// characters), and then, by fast-check, credentials of other shapes: short ones with a colon, a token made only of
// name characters. No 12 characters in a row of it (compared in lower case, letters and digits only, so that a
// name suggested from it, lower-cased and with "-" for spaces, counts) may appear.
import { readFileSync } from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import * as YAML from 'yaml';
import {
  AwsCredentials, AwsEnvConfiguration, AwsFileCredentials, AwsWebIdentityAccess, AzureBlobConfiguration, AzureStorageConfiguration, AzureWorkloadIdentityAccess,
  DockerConfig, DockerRegistryAccess, GcpServiceAccountKey, GcpWorkloadIdentityAccess, GcsCredentials, HuggingFaceToken, KServeServiceAccount, KServeStorageConfig,
  KubePodDefault, MinioCredentials, MinioDefault, NotebookAccess, PipelinesApiAccess, PipelinesArtifactStore, PodDefaultAccess, PodDefaultAccessSpec, PodDefaultAdmission, PodDefaultCheck, PodDefaultValidation,
  S3Configuration, SecretStoreRef, StorageAccess, TrainerStorageCredentials,
} from '../../lib';
import { runMain } from '../cli/cli-io';
import { params, timeout } from '../fuzz';

/** The fake credential: its marker, then what makes it no name, then enough letters and digits to reach 300. */
const MARKER = `fake-SECRET-4f0c9a2e7b1d x/y: z\n${'q7Rt9Lm2Kp4Wz8Xv3Nb6'.repeat(14)}`.slice(0, 300);

/** Lower case, letters and digits only: a credential lower-cased or with its spaces made "-" is still found. */
const folded = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The 12-character pieces of `secret`, folded, any of which in a message is a leak. */
function pieces(secret: string): string[] {
  const text = folded(secret);
  return Array.from({ length: Math.max(0, text.length - 11) }, (_, i) => text.slice(i, i + 12));
}

/** The piece of `secret` that `text` holds, or undefined. */
function leaked(text: string, secret: string): string | undefined {
  const inText = folded(text);
  return pieces(secret).find(piece => inText.includes(piece));
}

/** One string place of a set of manifests: a key (renamed) or a string value (replaced), by its path. */
interface Place {
  readonly doc: number;
  readonly parts: readonly (string | number)[];
  readonly what: 'key' | 'value';
}

function placesIn(value: unknown, doc: number, parts: (string | number)[], out: Place[]): Place[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => placesIn(item, doc, [...parts, i], out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push({ doc, parts: [...parts, key], what: 'key' });
      placesIn(item, doc, [...parts, key], out);
    }
  } else if (typeof value === 'string') {
    out.push({ doc, parts, what: 'value' });
  }
  return out;
}

/** A copy of `docs` with `secret` at `place`, the renamed key kept in its place among the others. */
function withSecret(docs: readonly unknown[], place: Place, secret: string): any[] {
  const copy = JSON.parse(JSON.stringify(docs));
  const holder = place.parts.slice(0, -1).reduce((at: any, part) => at[part], copy[place.doc]);
  const last = place.parts[place.parts.length - 1];
  if (place.what === 'value') {
    holder[last] = secret;
    return copy;
  }
  const entries = Object.entries(holder);
  for (const key of Object.keys(holder)) { delete holder[key]; }
  for (const [key, item] of entries) { holder[key === last ? secret : key] = item; }
  return copy;
}

const where = (place: Place) => `${place.what} at document ${place.doc} ${JSON.stringify(place.parts)}`;

/** What the check says of `docs`: each problem's message, fix, key and exemption; or what it threw. */
function checkText(docs: readonly unknown[]): string[] {
  try {
    return PodDefaultCheck.check(docs.map((manifest, i) => ({ manifest, source: `s${i}` })))
      .map(p => [p.rule, p.message, p.fix, p.key ?? '', p.exempt ?? ''].join(' | '));
  } catch (e) {
    return [`thrown: ${(e as Error).message}`];
  }
}

// Two PodDefaults one notebook can select together, which clash in every way the pair rules judge, and the objects
// the other rules read: a Secret, an ExternalSecret, a ClusterExternalSecret, a ServiceAccount and a ConfigMap.
const podDefault = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name, namespace: 'team-a', labels: { tier: 'gold' }, annotations: { note: 'x' } },
  spec: { desc: name, selector: { matchLabels: { 'access-ml': 'true' } }, ...spec },
});
const RICH = [
  podDefault('aws-a', {
    env: [{ name: 'AWS_ACCESS_KEY_ID', value: 'AKIAFAKEFAKEFAKE0000' }, { name: 'AWS_SHARED_CREDENTIALS_FILE', value: '/home/jovyan/.aws/credentials' },
      { name: 'AWS_ROLE_ARN', value: 'arn:aws:iam::123456789012:role/a' }, { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/token' }],
    envFrom: [{ secretRef: { name: 'creds' } }],
    volumes: [{ name: 'creds', secret: { secretName: 'creds', items: [{ key: 'credentials', path: 'credentials' }] } }],
    volumeMounts: [{ name: 'creds', mountPath: '/home/jovyan/.aws', readOnly: true }],
    annotations: { 'example.com/note': 'a' }, labels: { team: 'a' }, serviceAccountName: 'sa-a',
    tolerations: [{ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }],
    sidecars: [{ name: 'proxy', image: 'proxy:1', ports: [{ containerPort: 8080 }] }],
  }),
  podDefault('aws-b', {
    env: [{ name: 'AWS_ACCESS_KEY_ID', value: 'AKIAFAKEFAKEFAKE0001' }, { name: 'AWS_SECRET_ACCESS_KEY', valueFrom: { secretKeyRef: { name: 'creds', key: 'secret' } } }],
    volumes: [{ name: 'creds', secret: { secretName: 'other' } }, { name: 'dshm', emptyDir: { medium: 'Memory' } }],
    volumeMounts: [{ name: 'creds', mountPath: '/home/jovyan/.aws/' }],
    annotations: { 'example.com/note': 'b' }, labels: { team: 'b' }, serviceAccountName: 'sa-b',
    tolerations: [{ key: 'gpu', operator: 'Equal', value: 'x', effect: 'NoSchedule' }],
    sidecars: [{ name: 'proxy', image: 'proxy:2' }],
  }),
  { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team-a' }, type: 'Opaque',
    data: { credentials: 'ZmFrZQ==', secret: 'ZmFrZQ==' }, stringData: { extra: 'fake-value' } },
  { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'other', namespace: 'team-a' },
    spec: { refreshInterval: '1h', secretStoreRef: { name: 'vault', kind: 'SecretStore' }, target: { name: 'other', creationPolicy: 'Owner' },
      data: [{ secretKey: 'key', remoteRef: { key: 'kubeflow/creds', property: 'key' } }] } },
  { apiVersion: 'external-secrets.io/v1', kind: 'ClusterExternalSecret', metadata: { name: 'shared' },
    spec: { namespaces: ['team-a'], namespaceSelectors: [{ matchLabels: { profile: 'yes' } }], refreshTime: '1m',
      externalSecretMetadata: { labels: { team: 'x' } },
      externalSecretSpec: { secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' }, target: { name: 'shared' }, data: [{ secretKey: 'k', remoteRef: { key: 'r' } }] } } },
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa-a', namespace: 'team-a', annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/a' } } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'team-a' }, data: { 'a.json': '{}' } },
];

/** Manifests of the library's own output, as written (golden YAML), and of the CLI's examples. */
function fileDocs(...file: string[]): unknown[] {
  return YAML.parseAllDocuments(readFileSync(path.join(__dirname, '..', ...file), 'utf8')).map(d => d.toJS()).filter(d => d !== null);
}
const SETS: [string, unknown[]][] = [
  ['two clashing PodDefaults and the objects they read', RICH],
  ['golden notebook-aws-file', fileDocs('golden', 'notebook-aws-file.yaml')],
  ['golden eso-notebook', fileDocs('golden', 'eso-notebook.yaml')],
  ['golden consumer-kserve-aws-gcs-azure', fileDocs('golden', 'consumer-kserve-aws-gcs-azure.yaml')],
  ['golden identity-aws-options', fileDocs('golden', 'identity-aws-options.yaml')],
  ['golden workspace-mountable', fileDocs('golden', 'workspace-mountable.yaml')],
  ['the CLI\'s conflicting example', fileDocs('fixtures', 'cli', 'conflicting.yaml')],
];

describe.each(SETS)('PodDefaultCheck.check over %s', (_name, docs) => {
  const places = docs.flatMap((doc, i) => placesIn(doc, i, [], []));

  test('a credential at each key and string value: no problem shows any part of it', () => {
    // GIVEN the manifests check with problems of their own or none, none of which holds the credential
    expect(checkText(docs).filter(text => leaked(text, MARKER) !== undefined)).toEqual([]);
    expect(places.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const place of places) {
      // WHEN the credential is pasted at the place
      const said = checkText(withSecret(docs, place, MARKER));
      // THEN nothing said holds 12 characters of it
      for (const text of said) {
        const piece = leaked(text, MARKER);
        if (piece !== undefined) { leaks.push(`${where(place)}: "${piece}" in ${text.slice(0, 300)}`); }
      }
    }
    expect(leaks).toEqual([]);
  }, 60_000);
});

test('PodDefaultCheck.check: what was wrong is still said, by its place, of a credential pasted as a key', () => {
  // GIVEN the credential pasted as an unknown field of a PodDefault's env var and as a label key of its pod
  const [a] = RICH as any[];
  const env = { ...a.spec.env[0], [MARKER]: 'x' };
  const manifest = { ...a, spec: { ...a.spec, env: [env], labels: { [MARKER]: 'x' } } };
  // WHEN checked
  const problems = PodDefaultCheck.check([{ manifest, source: 's0' }]).filter(p => p.rule === 'unknown-field' || p.rule === 'label-key');
  // THEN each is named by the path to its parent, its length and its first character no name has
  const hidden = '(key not shown, as it may be a secret: 300 characters, a space at character 25)';
  expect(problems.map(p => [p.rule, p.key, p.message])).toEqual([
    ['unknown-field', `spec.env[0][${hidden}]`, `poddefault aws-a (s0) in namespace team-a sets spec.env[0][${hidden}], a field the PodDefault CRD does not declare: `
      + 'kubectl apply refuses the PodDefault (strict field validation, its default), and with --validate=warn or false the api server drops the field as it '
      + 'stores the PodDefault'],
    ['label-key', hidden, `poddefault aws-a (s0) in namespace team-a has the invalid label key ${hidden} in spec.labels: `
      + 'the prefix before / must be a lower case DNS subdomain of at most 253 characters'],
  ]);
});

/** Credentials of other shapes: short with a colon, a space, a slash or a line break; tokens of name characters only (a GitHub token, an AWS key id). */
const credential = fc.oneof(
  // (with a capital: `prefix/name` in lower case is a valid label key, and shown)
  fc.stringMatching(/^[A-Za-z0-9]{12,20}[: /\n][A-Za-z0-9]{0,8}$/).filter(s => /[A-Z]/.test(s)).map(s => `fake${s}`),
  fc.stringMatching(/^[A-Za-z0-9]{36}$/).filter(s => /[0-9].*[0-9].*[0-9].*[0-9]/.test(s) || (/[0-9]/.test(s) && /[A-Z]/.test(s))).map(s => `ghp_${s}`),
  fc.stringMatching(/^[A-Z0-9]{16}$/).filter(s => /[0-9]/.test(s)).map(s => `AKIA${s}`),
  fc.stringMatching(/^[a-z0-9+/]{40}$/).filter(s => /[0-9].*[0-9].*[0-9].*[0-9]/.test(s)).map(s => `fake-${s}`),
);

test('PodDefaultCheck.check: credentials of other shapes at any place are never shown either', () => {
  const places = RICH.flatMap((doc, i) => placesIn(doc, i, [], []));
  fc.assert(fc.property(fc.constantFrom(...places), credential, (place, secret) => {
    // GIVEN / WHEN the credential at the place THEN no problem holds 12 characters of it
    const said = checkText(withSecret(RICH, place, secret));
    expect(said.map(text => leaked(text, secret)).filter(piece => piece !== undefined)).toEqual([]);
  }), params(Math.max(200, Number(process.env.FUZZ_RUNS ?? 0))));
}, timeout(200));

// A pair rule reports a key both PodDefaults of a pair write (an env var, a volume, a mount path defined twice): a
// credential at one place alone breaks the pair, so here it is at that field in both.
const AT = 'CREDENTIAL';
/** The credential at a key, and in a mount path after `/x/`, as a problem's key describes it. */
const KEY = '(key not shown, as it may be a secret: 300 characters, a space at character 25)';
const MOUNT_PATH = '(mount path not shown, as it may be a secret: 303 characters, a space at character 28)';
const PAIRS: [string, Record<string, unknown>, Record<string, unknown>, string[], number, unknown[]][] = [
  ['an env var name', { env: [{ name: AT, value: 'a' }] }, { env: [{ name: AT, value: 'b' }] }, ['env'], 1, [KEY]],
  ['an env var name set to each one\'s name (a marker)', { env: [{ name: AT, value: 'pd-0' }] }, { env: [{ name: AT, value: 'pd-1' }] }, ['marker-selector'], 1, [expect.stringMatching(/^\(name not shown, as it may be a secret: \d+ characters, a space at character 25\)$/)]],
  ['a volume name', { volumes: [{ name: AT, secret: { secretName: 'a' } }] }, { volumes: [{ name: AT, secret: { secretName: 'b' } }] }, ['volume'], 1, [KEY]],
  ['a mount path spelled two ways', { volumes: [{ name: 'a', emptyDir: {} }], volumeMounts: [{ name: 'a', mountPath: `/x/${AT}` }] },
    { volumes: [{ name: 'b', emptyDir: {} }], volumeMounts: [{ name: 'b', mountPath: `/x/${AT}/` }] }, ['mount-spelling'], 0, [MOUNT_PATH]],
  ['a mount path', { volumes: [{ name: 'a', emptyDir: {} }], volumeMounts: [{ name: 'a', mountPath: `/x/${AT}` }] },
    { volumes: [{ name: 'b', emptyDir: {} }], volumeMounts: [{ name: 'b', mountPath: `/x/${AT}` }] }, ['volume-mount-path'], 1, [MOUNT_PATH]],
  ['a pod annotation key', { annotations: { [AT]: 'a' } }, { annotations: { [AT]: 'b' } }, ['annotation-key', 'annotation-key', 'annotation'], 1, [KEY, KEY, KEY]],
  ['a pod label key', { labels: { [AT]: 'a' } }, { labels: { [AT]: 'b' } }, ['label-key', 'label-key', 'label'], 1, [KEY, KEY, KEY]],
  ['a toleration key', { tolerations: [{ key: AT, operator: 'Exists' }] }, { tolerations: [{ key: AT, operator: 'Equal', value: 'v' }] }, ['toleration'], 1, [KEY]],
  ['a sidecar name', { sidecars: [{ name: AT, image: 'a' }] }, { sidecars: [{ name: AT, image: 'b' }] }, ['sidecar'], 1, [KEY]],
  ['an init container name', { initContainers: [{ name: AT, image: 'a' }] }, { initContainers: [{ name: AT, image: 'b' }] }, ['init-container'], 1, [KEY]],
  ['a service account', { serviceAccountName: AT }, { serviceAccountName: 'b' }, ['service-account'], 0, ['serviceAccountName']],
  ['an AWS file and role', { env: [{ name: 'AWS_SHARED_CREDENTIALS_FILE', value: AT }, { name: 'AWS_ACCESS_KEY_ID', value: 'x' }, { name: 'AWS_SECRET_ACCESS_KEY', value: 'y' }] },
    { env: [{ name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: AT }, { name: 'AWS_ROLE_ARN', value: AT }] }, ['cloud-identity'], 0, ['aws']],
];

describe.each(PAIRS)('two PodDefaults that clash on %s, a credential in both', (_what, a, b, rules, conflicts, keys) => {
  const pair = [a, b].map((spec, i) => JSON.parse(JSON.stringify(podDefault(`pd-${i}`, spec)).split(AT).join(JSON.stringify(MARKER).slice(1, -1))));

  test('PodDefaultCheck.check reports the clash and shows no part of it', () => {
    // GIVEN / WHEN checked
    const problems = PodDefaultCheck.check(pair.map((manifest, i) => ({ manifest, source: `s${i}` })));
    // THEN the same rules fire as for a name, and none shows the credential
    expect(problems.map(p => p.rule)).toEqual(rules);
    expect(problems.map(p => p.key)).toEqual(keys);
    expect(checkText(pair).map(text => leaked(text, MARKER)).filter(piece => piece !== undefined)).toEqual([]);
  });

  test('PodDefaultAdmission reports the conflict and shows no part of it', () => {
    // GIVEN a notebook that selects both
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nb', namespace: 'team-a', labels: { 'access-ml': 'true' } }, spec: { containers: [{ name: 'nb', image: 'nb' }] } };
    // WHEN admitted
    const result = PodDefaultAdmission.admit(pod, pair);
    // THEN refused as before, naming the conflict without the credential
    expect(result.conflicts.length).toBe(conflicts);
    expect(result.conflicts.map(c => leaked(`${c.message} ${c.key}`, MARKER)).filter(piece => piece !== undefined)).toEqual([]);
  });
});

// Rules over other objects that name a key two of them write, with a credential at it in both: one of a Secret key's
// characters (ESO's CRD refuses any other in a secretKey), which reads as a token.
const TOKEN_KEY = 'fake_SECRET_4f0c9a2e7b1dQ7Rt9Lm2Kp4Wz8Xv3Nb6';
const externalSecret = (name: string, data: unknown[], creationPolicy = 'Owner') => ({
  apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name, namespace: 'team-a' },
  spec: { secretStoreRef: { name: 'vault', kind: 'SecretStore' }, target: { name: 'creds', creationPolicy }, data },
});
const item = (secretKey: string) => ({ secretKey, remoteRef: { key: 'kubeflow/creds' } });
const OBJECTS: [string, unknown[], string[]][] = [
  ['an ExternalSecret with one secretKey twice', [externalSecret('creds', [item(TOKEN_KEY), item(TOKEN_KEY)])], ['secret-data']],
  ['two ExternalSecrets that merge one key into one Secret', [externalSecret('a', [item(TOKEN_KEY)], 'Merge'), externalSecret('b', [item(TOKEN_KEY)], 'Merge')], ['duplicate-object']],
  ['an env var set by env and by an envFrom Secret', [
    podDefault('env', { env: [{ name: TOKEN_KEY, value: 'a' }] }), podDefault('env-from', { envFrom: [{ secretRef: { name: 'creds' } }] }),
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team-a' }, stringData: { [TOKEN_KEY]: 'fake-value' } },
  ], ['env-source']],
];

test.each(OBJECTS)('%s, a token as the key: reported, and no part of it shown', (_what, docs, rules) => {
  // GIVEN the objects with the token as the key both write
  // WHEN checked THEN reported as for a key of a name's characters, without the token
  expect(PodDefaultCheck.check(docs.map((manifest, i) => ({ manifest, source: `s${i}` }))).map(p => p.rule)).toEqual(rules);
  expect(checkText(docs).map(text => leaked(text, TOKEN_KEY)).filter(piece => piece !== undefined)).toEqual([]);
});

// A name of DNS-1123 characters that reads as a token: valid where a name goes, and still described.
const HEX_NAME = 'fake-secret-4f0c9a2e7b1d8c3f5a6b7c8d9e0f1a2b';

test('inputs without a source are named by kind and name, each described when it may be a credential', () => {
  // GIVEN the credential as the name and as the kind of objects given without a source
  const docs = [{ ...RICH[0], metadata: { ...(RICH[0] as any).metadata, name: MARKER } }, { ...RICH[6], kind: MARKER }];
  // WHEN checked
  const problems = PodDefaultCheck.check(docs.map(manifest => ({ manifest })));
  // THEN each source describes them, and nothing shows the credential
  expect(problems.map(p => p.sources[0])).toContain('PodDefault (name not shown, as it may be a secret: 300 characters, a space at character 25)');
  expect(problems.map(p => [p.message, p.fix, p.key, ...p.sources].join(' ')).map(text => leaked(text, MARKER)).filter(piece => piece !== undefined)).toEqual([]);
});

test('two ConfigMaps of one name that reads as a token: the clash is reported, and the name never shown', () => {
  // GIVEN two ConfigMaps of a valid name that reads as a token, in one namespace
  const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: HEX_NAME, namespace: 'team-a' }, data: { a: 'b' } };
  // WHEN checked THEN one duplicate-object problem, whose key (a door prints it as the place) describes the name
  const problems = PodDefaultCheck.check([configMap, configMap].map((manifest, i) => ({ manifest, source: `s${i}` })));
  expect(problems.map(p => [p.rule, p.key])).toEqual([['duplicate-object', '(name not shown, as it may be a secret: 44 characters, a run of letters and digits that reads as a token)']]);
  expect(checkText([configMap, configMap]).map(text => leaked(text, HEX_NAME)).filter(piece => piece !== undefined)).toEqual([]);
});

test.each(['Like', 'In'])('a selector key that reads as a token, with operator %s and no values: the selector is refused without it', operator => {
  // GIVEN a PodDefault whose matchExpressions key is a valid label key that reads as a token, its entry invalid
  const manifest = podDefault('selects', { selector: { matchLabels: { 'access-ml': 'true' }, matchExpressions: [{ key: 'fakeSECRET0000AAAA1111BBBB', operator }] } });
  // WHEN checked
  const problems = PodDefaultCheck.check([{ manifest, source: 's0' }]);
  // THEN the selector rule names the key described, and nothing shows it
  expect(problems.map(p => p.rule)).toEqual(['selector']);
  expect(problems[0].message).toContain('matchExpressions key (key not shown, as it may be a secret: 26 characters, a run of letters and digits that reads as a token)');
  expect(checkText([manifest]).map(text => leaked(text, 'fakeSECRET0000AAAA1111BBBB')).filter(piece => piece !== undefined)).toEqual([]);
});

test('a PodDefault over the annotation limit, named like a token: its marker annotation is described', () => {
  // GIVEN a PodDefault of a valid name that reads as a token, whose spec.annotations exceed 256 KiB
  const manifest = podDefault(HEX_NAME, { annotations: { note: 'x'.repeat(300_000) } });
  // WHEN checked
  const problems = PodDefaultCheck.check([{ manifest, source: 's0' }]).filter(p => p.rule === 'annotation-size');
  // THEN the marker annotation the webhook adds is described, not shown
  expect(problems.map(p => p.message)).toEqual([expect.stringContaining('the webhook adds poddefault.admission.kubeflow.org/poddefault-(name not shown, as it may be a secret: 44 characters, a run of letters and digits that reads as a token) with')]);
  expect(problems.map(p => leaked(`${p.message} ${p.fix}`, HEX_NAME))).toEqual([undefined]);
});

test('an ExternalSecret a ClusterExternalSecret cannot take over, named like a token: described', () => {
  // GIVEN an ExternalSecret of a token-like name in team-a, and a ClusterExternalSecret that writes one of that name there
  const own = { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: HEX_NAME, namespace: 'team-a' },
    spec: { secretStoreRef: { name: 'vault', kind: 'SecretStore' }, target: { name: 'other' }, data: [item('k')] } };
  const ces = { apiVersion: 'external-secrets.io/v1', kind: 'ClusterExternalSecret', metadata: { name: 'shared' },
    spec: { externalSecretName: HEX_NAME, namespaces: ['team-a'], externalSecretSpec: { secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' }, target: { name: 'shared' }, data: [item('k')] } } };
  // WHEN checked THEN the clash is reported without the name
  const problems = PodDefaultCheck.check([own, ces].map((manifest, i) => ({ manifest, source: `s${i}` })));
  expect(problems.map(p => p.rule)).toEqual(['duplicate-object']);
  expect(problems.map(p => leaked(`${p.message} ${p.fix} ${p.key}`, HEX_NAME))).toEqual([undefined]);
});

describe('cdk8s-kubeflow-access check', () => {
  const places = RICH.flatMap((doc, i) => placesIn(doc, i, [], []));
  test('a credential at each key and string value of a file on stdin: no line shows any part of it', async () => {
    const leaks: string[] = [];
    for (const place of places) {
      // GIVEN the credential pasted at the place of the manifests, as YAML on stdin
      const stdin = withSecret(RICH, place, MARKER).map(doc => YAML.stringify(doc)).join('---\n');
      // WHEN checked
      const result = await runMain(['check', '-'], { stdin });
      // THEN neither stdout nor stderr holds 12 characters of it
      const piece = leaked(`${result.stdout}\n${result.stderr}`, MARKER);
      if (piece !== undefined) { leaks.push(`${where(place)}: "${piece}"`); }
    }
    expect(leaks).toEqual([]);
  }, 120_000);

  test('an object without a name whose kind is a credential: refused without it', async () => {
    // GIVEN an object of the credential as its kind, with no metadata.name
    const stdin = `apiVersion: v1\nkind: ${JSON.stringify(MARKER)}\nmetadata: {}\n`;
    // WHEN checked
    const result = await runMain(['check', '-'], { stdin });
    // THEN refused for the name it lacks, the kind described
    expect(result.stderr).toContain('(kind not shown, as it may be a secret: 300 characters, a space at character 25) has no metadata.name');
    expect(leaked(`${result.stdout}\n${result.stderr}`, MARKER)).toBeUndefined();
  });

  test('a key kubectl refuses below a credential pasted as a key: the path to it describes the credential', async () => {
    // GIVEN a mapping under the credential, with a key that is a list, which kubectl refuses
    const stdin = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  ${JSON.stringify(MARKER)}:\n    ? [a]\n    : b\n`;
    // WHEN checked
    const result = await runMain(['check', '-'], { stdin });
    // THEN refused as YAML kubectl cannot read, at the path to it, the credential described
    expect(result.stderr).toContain('data.(key not shown, as it may be a secret: 300 characters, a space at character 25) has a key that');
    expect(leaked(`${result.stdout}\n${result.stderr}`, MARKER)).toBeUndefined();
  });
});

// The constructs of lib/index.ts, each with the props (and the arguments of the sources it takes) as a tree of strings:
// each string is replaced by the credential in turn, and whatever the construct throws, or synth with the check
// throws, must hold no part of it.
const GCP_KEY = readFileSync(path.join(__dirname, '..', 'fixtures', 'gcp-service-account-key.json'), 'utf8');
const KEYS = { accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: 'fake-secret-key-0000' };
const COMMON = { namespace: 'team-a', name: 'access', description: 'fake access', secretName: 'access-secret' };
const MOUNT = { volumeName: 'creds', mountPath: '/home/jovyan/.creds' };
const IDENTITY = { namespace: 'team-a', name: 'identity', description: 'an identity', selectorLabel: 'identity', serviceAccountName: 'notebooks' };
const STORE = { store: 'vault', refreshInterval: '1h', key: 'kubeflow/creds', property: 'config', version: 'v1' };
const store = (v: typeof STORE) => ({ store: SecretStoreRef.namespaced(v.store), refreshInterval: v.refreshInterval });
const remote = (v: typeof STORE) => ({ key: v.key, property: v.property, version: v.version });

type Tree = { [key: string]: string | Tree };
/** A user's own PodDefaultAccess, which passes its spec as it is. */
class CustomAccess extends PodDefaultAccess {
  public constructor(scope: Construct, id: string, spec: PodDefaultAccessSpec) { super(scope, id, spec); }
}
const CONSTRUCTS: [string, Tree, (scope: Construct, v: any) => unknown][] = [
  ['DockerRegistryAccess of a login', { props: { ...COMMON, ...MOUNT }, login: { server: 'ghcr.io', username: 'fake-user', password: 'fake-password', email: 'a@example.com' } },
    (c, v) => new DockerRegistryAccess(c, 'docker', { ...v.props, config: DockerConfig.fromLogin(v.login) })],
  ['DockerRegistryAccess of config.json', { props: COMMON, json: '{"auths":{"ghcr.io":{"auth":"ZmFrZTpmYWtl"}}}' },
    (c, v) => new DockerRegistryAccess(c, 'docker', { ...v.props, config: DockerConfig.fromJson(v.json) })],
  ['DockerRegistryAccess of an existing Secret', { props: { namespace: 'team-a', name: 'docker' }, secret: 'regcred' },
    (c, v) => new DockerRegistryAccess(c, 'docker', { ...v.props, config: DockerConfig.fromExistingSecret(v.secret) })],
  ['DockerRegistryAccess of a secret store', { props: COMMON, store: STORE },
    (c, v) => new DockerRegistryAccess(c, 'docker', { ...v.props, config: DockerConfig.fromSecretStore({ ...store(v.store), config: remote(v.store) }) })],
  ['AwsFileCredentials of keys', { props: { ...COMMON, ...MOUNT }, keys: { ...KEYS, profile: 'default' } },
    (c, v) => new AwsFileCredentials(c, 'aws', { ...v.props, credentials: AwsCredentials.fromKeys(v.keys) })],
  ['AwsFileCredentials of profiles', { props: COMMON, profile: { profile: 'team', ...KEYS, region: 'eu-west-1' } },
    (c, v) => new AwsFileCredentials(c, 'aws', { ...v.props, credentials: AwsCredentials.fromProfiles([v.profile]) })],
  ['AwsEnvConfiguration of values', { props: COMMON, values: { ...KEYS, region: 'eu-west-1', endpoint: 'https://s3.example.com' } },
    (c, v) => new AwsEnvConfiguration(c, 'aws', { ...v.props, configuration: S3Configuration.fromValues(v.values) })],
  ['MinioDefault of keys', { props: COMMON, keys: { accessKey: 'fake-minio', secretKey: 'fake-minio-secret' } },
    (c, v) => new MinioDefault(c, 'minio', { ...v.props, credentials: MinioCredentials.fromKeys(v.keys) })],
  ['GcsCredentials of a key', { props: { ...COMMON, ...MOUNT }, key: GCP_KEY },
    (c, v) => new GcsCredentials(c, 'gcs', { ...v.props, key: GcpServiceAccountKey.fromJson(v.key) })],
  ['AzureBlobConfiguration of values', { props: COMMON, values: { accountName: 'fakeaccount', accountKey: Buffer.from('fake-azure-key-0'.repeat(4)).toString('base64') } },
    (c, v) => new AzureBlobConfiguration(c, 'azure', { ...v.props, configuration: AzureStorageConfiguration.fromValues(v.values) })],
  ['PipelinesApiAccess', { props: { namespace: 'team-a', name: 'pipelines', description: 'pipelines', audience: 'pipelines.kubeflow.org' } },
    (c, v) => new PipelinesApiAccess(c, 'pipelines', v.props)],
  ['AwsWebIdentityAccess', { props: { ...IDENTITY, roleArn: 'arn:aws:iam::123456789012:role/notebooks', region: 'eu-west-1', audience: 'sts.amazonaws.com', roleSessionName: 'notebook' } },
    (c, v) => new AwsWebIdentityAccess(c, 'aws', v.props)],
  ['AzureWorkloadIdentityAccess', { props: { ...IDENTITY, clientId: '00000000-0000-0000-0000-000000000001', tenantId: '00000000-0000-0000-0000-000000000002' } },
    (c, v) => new AzureWorkloadIdentityAccess(c, 'azure', v.props)],
  ['GcpWorkloadIdentityAccess', { props: { ...IDENTITY, projectNumber: '123456789012', poolId: 'kubeflow', providerId: 'cluster' } },
    (c, v) => new GcpWorkloadIdentityAccess(c, 'gcp', v.props)],
  ['NotebookAccess', { props: { namespace: 'team-a', homeDirectory: '/home/jovyan' }, login: { username: 'fake-user', password: 'fake-password' }, keys: KEYS },
    (c, v) => new NotebookAccess(c, 'notebook', { ...v.props, docker: DockerConfig.fromLogin(v.login), storage: StorageAccess.awsEnv(S3Configuration.fromValues(v.keys)) })],
  ['KServeServiceAccount of keys', { props: { namespace: 'team-a', name: 'kserve' }, keys: KEYS },
    (c, v) => new KServeServiceAccount(c, 'kserve', { ...v.props, s3: S3Configuration.fromValues(v.keys) })],
  ['KServeServiceAccount of a role', { props: { namespace: 'team-a', name: 'kserve', awsRoleArn: 'arn:aws:iam::123456789012:role/kserve' } },
    (c, v) => new KServeServiceAccount(c, 'kserve', v.props)],
  ['KServeStorageConfig', { props: { namespace: 'team-a', name: 'storage-config', key: 'default', bucket: 'models' }, keys: KEYS },
    (c, v) => new KServeStorageConfig(c, 'storage', { ...v.props, s3: S3Configuration.fromValues(v.keys) })],
  ['PipelinesArtifactStore', { props: { namespace: 'team-a', pipelineRoot: 'gs://bucket/root', secretName: 'artifacts' }, key: GCP_KEY },
    (c, v) => new PipelinesArtifactStore(c, 'store', { ...v.props, gcs: GcpServiceAccountKey.fromJson(v.key) })],
  ['TrainerStorageCredentials', { props: { namespace: 'team-a', name: 'trainer', awsRoleArn: 'arn:aws:iam::123456789012:role/trainer' }, token: 'hf_fakeFAKEfake0000' },
    (c, v) => new TrainerStorageCredentials(c, 'trainer', { ...v.props, huggingFaceToken: HuggingFaceToken.fromValue(v.token) })],
  ['a PodDefaultAccess of one\'s own', { namespace: 'team-a', name: 'custom', description: 'custom', secretName: 'custom', secretType: 'Opaque',
    secretData: { 'config.json': Buffer.from('fake-content').toString('base64') } as any, secretLabels: { team: 'a' } as any,
    volumes: [{ name: 'custom', secret: { secretName: 'custom' } }] as any, volumeMounts: [{ name: 'custom', mountPath: '/home/jovyan/.custom' }] as any,
    env: [{ name: 'CUSTOM', value: '/home/jovyan/.custom/config.json' }] as any, envFrom: [{ secretRef: { name: 'custom' } }] as any },
  (c, v) => new CustomAccess(c, 'custom', v)],
  ['KubePodDefault', { metadata: { name: 'raw', namespace: 'team-a' }, spec: { desc: 'raw', selector: { matchLabels: { raw: 'true' } } as any,
    env: [{ name: 'A', value: 'x' }] as any, volumeMounts: [{ name: 'v', mountPath: '/v' }] as any, volumes: [{ name: 'v', secret: { secretName: 's' } }] as any } },
  (c, v) => new KubePodDefault(c, 'raw', v)],
];

/** The string leaves of a tree (values only: its keys are the props' names, but for a KubePodDefault's manifest). */
const leaves = (tree: unknown, keys: boolean) => placesIn(tree, 0, [], []).filter(p => p.what === 'value' || (keys && p.parts[0] !== 'props' && p.parts.length > 1));

/** What building `build` with `v` in an app with the check, and synthesising it, threw: its message and stack. */
function thrown(build: (scope: Construct, v: any) => unknown, v: unknown): string {
  const app = new App();
  PodDefaultValidation.attach(app);
  try {
    build(new Chart(app, 'chart', { namespace: 'team-a' }), v);
    app.synthYaml();
    return '';
  } catch (e) {
    return `${(e as Error)?.message}\n${(e as Error)?.stack}`;
  }
}

describe.each(CONSTRUCTS)('%s', (_name, base, build) => {
  test('a credential at each string of the props and sources: nothing thrown shows any part of it', () => {
    // GIVEN the construct builds and synthesises with its props as they are
    expect(thrown(build, base)).toBe('');
    const leaks: string[] = [];
    for (const place of leaves(base, _name === 'KubePodDefault' || _name.startsWith('a PodDefaultAccess'))) {
      // WHEN the credential replaces one string
      const text = thrown(build, withSecret([base], place, MARKER)[0]);
      // THEN what is thrown holds no 12 characters of it
      const piece = leaked(text, MARKER);
      if (piece !== undefined) { leaks.push(`${where(place)}: "${piece}" in ${text.slice(0, 300)}`); }
    }
    expect(leaks).toEqual([]);
  }, 60_000);
});
