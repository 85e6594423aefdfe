// The rules on objects as kubectl and External Secrets Operator place them: duplicate-object and
// output-file.
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { checkManifests, PodDefaultCheck } from '../../lib/check';
import { SpecField, SPEC_FIELDS } from '../../lib/check/external-secret';
import { schemaRefusal, undeclaredFields } from '../../lib/check/eso-schema';
import { pathText } from '../../lib/admission/stored-pod-default';
import { readManifestText } from '../../lib/check/manifest-text';
import { fieldManager } from '../../lib/check/rules/duplicate-object';
import { compileCrd, EXTERNALSECRET_CRD, hasExternalSecretCrd } from '../schema';
import { configMap, externalSecret, inputs, line, pd, secret } from './support';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
const withKubectl = hasKubectl ? test : test.skip;
if (!hasKubectl) { console.log('objects-rules.test.ts: kubectl is not on PATH: the live comparisons with its decoding of metadata are skipped, the recorded vectors still run'); }

/**
 * How kubectl on this machine reads `text` as it creates the object against an unreachable server: it decodes the file
 * into the kind's Go type first (`refused` when it cannot), and fails after, where it needs the server.
 */
function kubectlDecoding(text: string): { readonly refused: boolean; readonly needsServer: boolean } {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubectl-decoding-'));
  try {
    const file = path.join(dir, 'c.yaml');
    writeFileSync(file, text);
    const run = spawnSync('kubectl', ['create', '--dry-run=client', '--validate=false', '-o', 'name', '--server=http://127.0.0.1:9', '-f', file],
      { encoding: 'utf8', env: { ...process.env, KUBECONFIG: '/dev/null' } });
    const decoding = { refused: run.stderr.includes('unable to decode'), needsServer: run.stderr.includes('unable to recognize') };
    // One or the other: kubectl never got further, nor failed otherwise.
    expect(decoding.refused || decoding.needsServer).toBe(true);
    return decoding;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The keys of the problems the check finds in `text`, read as the CLI reads a file. */
function problemKeys(text: string): (string | undefined)[] {
  return PodDefaultCheck.check(readManifestText(text, 'c.yaml').objects.map(o => ({ manifest: o.value, source: o.source }))).map(p => p.key);
}

const OVERWRITE = 'applying them, one overwrites the other; give them different names or namespaces';
const ESO = '(an ExternalSecret writes the Secret its spec.target.name names, by default its own name): one overwrites the other; give them different names or namespaces';
const ESO_EXISTING = `${ESO}, or set spec.target.creationPolicy to Merge on the ExternalSecret to fill the existing one`;
/** A spec.data that fetches one key: ESO's webhook refuses an ExternalSecret with no item of data or dataFrom. */
const FETCH = [{ secretKey: 'token', remoteRef: { key: 'fake/token' } }];

/** An ExternalSecret `name` writing Secret `target` with `creationPolicy`, its keys fetched as `keys`. */
function eso(name: string, target: string, creationPolicy: string | undefined, keys: string[] = [], namespace = 'team-a'): any {
  return externalSecret(name, { target: { name: target, ...(creationPolicy === undefined ? {} : { creationPolicy }) },
    data: keys.map(secretKey => ({ secretKey, remoteRef: { key: 'k' } })) }, namespace);
}

/** `manifest` with the owner reference External Secrets Operator gives the Secret of ExternalSecret `owner` (creationPolicy Owner). */
function ownedBy(manifest: any, owner: string, controller = true): any {
  const reference = { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', name: owner, uid: '00000000-0000-0000-0000-000000000000', controller, blockOwnerDeletion: true };
  return { ...manifest, metadata: { ...manifest.metadata, labels: { 'reconcile.external-secrets.io/managed': 'true' }, ownerReferences: [reference] } };
}

describe('duplicate-object', () => {
  test.each<[string, any[], { rule: string; namespace?: string; sources: string[]; key: string; message: string; fix: string }[]]>([
    ['two Secrets of one name and namespace', [secret('creds', []), secret('creds', [])],
      [{ rule: 'duplicate-object', namespace: 'team-a', sources: ['s0', 's1'], key: 'creds', message: 's0 and s1 are both Secret creds (api group core) in namespace team-a: applying them, one overwrites the other', fix: 'give them different names or namespaces' }]],
    ['two objects without namespace', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }],
      [{ rule: 'duplicate-object', sources: ['s0', 's1'], key: 'c', message: 's0 and s1 are both ConfigMap c (api group core) in namespace (none): applying them, one overwrites the other', fix: 'give them different names or namespaces' }]],
  ])('%s: the problem as data', (_, manifests, expected) => {
    expect(checkManifests(inputs(...manifests))).toEqual(expected);
  });

  test.each<[string, any[], string[]]>([
    ['one name in two namespaces', [secret('creds', []), secret('creds', [], 'team-b')], []],
    ['one kind and name in two api groups', [{ apiVersion: 'other.io/v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team-a' } }, secret('creds', [])], []],
    ['a Secret and an ExternalSecret that targets it', [secret('creds', []), externalSecret('fetch', { target: { name: 'creds' }, data: FETCH })],
      [`s0 and s1 both make Secret creds in namespace team-a ${ESO_EXISTING}`]],
    ['an ExternalSecret without target.name writes a Secret of its own name', [externalSecret('creds', { data: FETCH }), secret('creds', [])],
      [`s0 and s1 both make Secret creds in namespace team-a ${ESO_EXISTING}`]],
    ['two ExternalSecrets with one target', [externalSecret('a', { target: { name: 'creds' }, data: FETCH }), externalSecret('b', { target: { name: 'creds' }, data: FETCH })],
      [`s0 and s1 both make Secret creds in namespace team-a ${ESO}`]],
    ['two ExternalSecrets with one target in two namespaces', [externalSecret('a', { target: { name: 'creds' }, data: FETCH }), externalSecret('b', { target: { name: 'creds' }, data: FETCH }, 'team-b')], []],
    ['two ExternalSecrets of one name with different targets', [externalSecret('creds', { target: { name: 'one' }, data: FETCH }), externalSecret('creds', { target: { name: 'two' }, data: FETCH })],
      [`s0 and s1 are both ExternalSecret creds (api group external-secrets.io) in namespace team-a: ${OVERWRITE}`]],
  ])('%s', (_, manifests, expected) => {
    expect(checkManifests(inputs(...manifests)).map(line)).toEqual(expected);
  });

  // What ESO v2.9.0 does with an existing Secret, by spec.target.creationPolicy: docs/guides/ownership-deletion-policy.md
  // ("Merge: The operator does not create a secret. Instead, it expects the secret to already exist. Values from the
  // secret provider will be merged into the existing secret", "Multiple ExternalSecrets can use creationPolicy=Merge
  // with a single secret as long as the fields don't collide - otherwise you end up in an oscillating state",
  // "None: The operator does not create or update the secret"), and the switch on CreationPolicy in
  // pkg/controllers/externalsecret/externalsecret_controller.go (Orphan and CreateOrMerge create or update;
  // ApplyTemplate keeps the existing keys only for Merge and CreateOrMerge).
  describe('External Secrets Operator\'s creation policies', () => {
    test.each<[string, any[], string[]]>([
      ['Merge fills the Secret it targets: no duplicate', [secret('creds', ['a']), eso('fill', 'creds', 'Merge', ['b'])], []],
      ['CreateOrMerge merges into an existing Secret too', [secret('creds', ['a']), eso('fill', 'creds', 'CreateOrMerge', ['b'])], []],
      ['None writes nothing', [secret('creds', ['a']), eso('fill', 'creds', 'None', ['a'])], []],
      ['Orphan creates or rewrites the Secret: a duplicate', [secret('creds', ['a']), eso('fill', 'creds', 'Orphan', ['b'])],
        [`s0 and s1 both make Secret creds in namespace team-a ${ESO_EXISTING}`]],
      ['Owner, the default, likewise', [secret('creds', ['a']), eso('fill', 'creds', undefined, ['b'])],
        [`s0 and s1 both make Secret creds in namespace team-a ${ESO_EXISTING}`]],
      ['Owner, and the Secret it wrote, as a cluster dump holds them: one object', [ownedBy(secret('creds', ['b']), 'fill'), eso('fill', 'creds', undefined, ['b'])], []],
      ['a Secret another ExternalSecret owns: a duplicate', [ownedBy(secret('creds', ['b']), 'other'), eso('fill', 'creds', undefined, ['b'])],
        [`s0 and s1 both make Secret creds in namespace team-a ${ESO_EXISTING}`]],
      ['a Secret the ExternalSecret owns but does not control: a duplicate', [ownedBy(secret('creds', ['b']), 'fill', false), eso('fill', 'creds', undefined, ['b'])],
        [`s0 and s1 both make Secret creds in namespace team-a ${ESO_EXISTING}`]],
      ['two Merges of different keys into one Secret', [secret('creds', []), eso('one', 'creds', 'Merge', ['a']), eso('two', 'creds', 'Merge', ['b'])], []],
      ['two Merges of one key oscillate', [secret('creds', []), eso('one', 'creds', 'Merge', ['a', 'b']), eso('two', 'creds', 'CreateOrMerge', ['b'])],
        ['s1 and s2 both write key b of Secret creds in namespace team-a (creationPolicy Merge and CreateOrMerge): External Secrets Operator writes one value '
          + 'and then the other, on every refresh; write each key from one ExternalSecret only']],
      // A template key of null is dropped by the API server (PruneNonNullableNullsWithoutDefaults; ESO v2.9.0's CRD
      // declares no spec field nullable): ESO writes no such key, so it clashes with none.
      ['two Merges, one with a template key of null that the other fetches: no clash', [secret('creds', []),
        externalSecret('one', { target: { name: 'creds', creationPolicy: 'Merge', template: { data: { a: '{{ .x }}', b: null } } }, data: [{ secretKey: 'x', remoteRef: { key: 'k' } }] }),
        eso('two', 'creds', 'Merge', ['b'])], []],
      ['two Merges, one whose only template key is null: its fetched keys are copied, and clash', [secret('creds', []),
        externalSecret('one', { target: { name: 'creds', creationPolicy: 'Merge', template: { data: { a: null } } }, data: [{ secretKey: 'b', remoteRef: { key: 'k' } }] }),
        eso('two', 'creds', 'Merge', ['b'])],
      ['s1 and s2 both write key b of Secret creds in namespace team-a (creationPolicy Merge and Merge): External Secrets Operator writes one value '
        + 'and then the other, on every refresh; write each key from one ExternalSecret only']],
      // A Merge is reported with the first earlier writer it clashes with (duplicate-object looks it up by the keys merged):
      // here the Merge of key b, before the Owner, and the Secret itself, which it never clashes with.
      ['a Merge of keys c and b after a Merge of b and an Owner: reported with the Merge of b', [secret('creds', []), eso('one', 'creds', 'Merge', ['a']),
        eso('two', 'creds', 'Merge', ['b']), eso('three', 'creds', 'Owner', ['c']), eso('four', 'creds', 'Merge', ['c', 'b'])],
      [`s0 and s3 both make Secret creds in namespace team-a ${ESO_EXISTING}`,
        's2 and s4 both write key b of Secret creds in namespace team-a (creationPolicy Merge and Merge): External Secrets Operator writes one value '
          + 'and then the other, on every refresh; write each key from one ExternalSecret only']],
      ['a Merge after an Owner and a later Merge of its key: reported with the Owner', [eso('one', 'creds', 'Owner', ['a']), eso('two', 'creds', 'Merge', ['b']),
        eso('three', 'creds', 'Merge', ['b'])],
      ['s0 and s1 both write Secret creds in namespace team-a: External Secrets Operator rewrites the whole Secret for s0 (creationPolicy Owner), '
          + 'dropping the keys s1 merges into it; set creationPolicy Merge on both, or give them different targets',
      's0 and s2 both write Secret creds in namespace team-a: External Secrets Operator rewrites the whole Secret for s0 (creationPolicy Owner), '
          + 'dropping the keys s2 merges into it; set creationPolicy Merge on both, or give them different targets']],
      ['a Secret after Merges: reported with the Secret before them only', [secret('creds', []), eso('one', 'creds', 'Merge', ['a']), secret('creds', [])],
        ['s0 and s2 are both Secret creds (api group core) in namespace team-a: applying them, one overwrites the other; give them different names or namespaces']],
      ['an Owner beside a Merge drops the merged keys', [eso('whole', 'creds', 'Owner', ['a']), eso('part', 'creds', 'Merge', ['b'])],
        ['s0 and s1 both write Secret creds in namespace team-a: External Secrets Operator rewrites the whole Secret for s0 (creationPolicy Owner), '
          + 'dropping the keys s1 merges into it; set creationPolicy Merge on both, or give them different targets']],
      // A ConfigMap target (docs/guides/targeting-custom-resources.md; applyTemplateToManifest in
      // externalsecret_controller_manifest.go) holds the template's keys, never the fetched ones, whatever mergePolicy says.
      ['two Merges into one ConfigMap, with templates of different keys, fetching one key', [configMap('cfg', []),
        externalSecret('one', { target: { name: 'cfg', creationPolicy: 'Merge', manifest: { apiVersion: 'v1', kind: 'ConfigMap' }, template: { mergePolicy: 'Merge', data: { a: '{{ .x }}' } } },
          data: [{ secretKey: 'x', remoteRef: { key: 'k' } }] }),
        externalSecret('two', { target: { name: 'cfg', creationPolicy: 'Merge', manifest: { apiVersion: 'v1', kind: 'ConfigMap' }, template: { mergePolicy: 'Merge', data: { b: '{{ .x }}' } } },
          data: [{ secretKey: 'x', remoteRef: { key: 'k' } }] })], []],
      ['two Merges into one ConfigMap without templates, fetching one key', [configMap('cfg', []),
        externalSecret('one', { target: { name: 'cfg', creationPolicy: 'Merge', manifest: { apiVersion: 'v1', kind: 'ConfigMap' } }, data: [{ secretKey: 'x', remoteRef: { key: 'k' } }] }),
        externalSecret('two', { target: { name: 'cfg', creationPolicy: 'Merge', manifest: { apiVersion: 'v1', kind: 'ConfigMap' } }, data: [{ secretKey: 'x', remoteRef: { key: 'k' } }] })],
      ['s1 and s2 both write key x of ConfigMap cfg in namespace team-a (creationPolicy Merge and Merge): External Secrets Operator writes one value '
        + 'and then the other, on every refresh; write each key from one ExternalSecret only']],
      ['target.manifest writes another kind', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'team-a' } },
        externalSecret('fill', { target: { name: 'cfg', manifest: { apiVersion: 'v1', kind: 'ConfigMap' } }, data: FETCH }), secret('cfg', [])],
      ['s0 and s1 both make ConfigMap cfg in namespace team-a (an ExternalSecret writes the ConfigMap its spec.target.name names, by default its own name): '
        + 'one overwrites the other; give them different names or namespaces, or set spec.target.creationPolicy to Merge on the ExternalSecret to fill the existing one']],
    ])('%s', (_, manifests, expected) => {
      expect(checkManifests(inputs(...manifests)).map(line)).toEqual(expected);
    });
  });

  // What ESO v2.9.0 leaves on a Secret it writes (pkg/controllers/externalsecret/externalsecret_controller.go):
  // applyOwnership sets a controller owner reference with creationPolicy Owner only; createSecret and
  // updateSecret write as field manager fqdnFor(name) (util.go: externalsecrets.external-secrets.io/NAME, or
  // externalsecrets.external-secrets.io/sha3/<hex of sha3.Sum224(NAME)> past 63 bytes), with Owner and Orphan
  // alike; the label reconcile.external-secrets.io/managed names no ExternalSecret. `kubectl get -o yaml` drops
  // managedFields unless given --show-managed-fields.
  describe('an Orphan\'s Secret in a cluster dump', () => {
    const MANAGED = { 'reconcile.external-secrets.io/managed': 'true' };
    /** The Secret creds as a dump shows it: ESO's label, and `managers` as its field managers when given. */
    const dumped = (managers?: string[]) => ({ ...secret('creds', ['b']), metadata: { name: 'creds', namespace: 'team-a', labels: MANAGED,
      ...(managers === undefined ? {} : { managedFields: managers.map(manager => ({ manager, operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:b': {} } } })) }) } });
    const HINT = '; if s0 is the Secret External Secrets Operator wrote for s1 (it has the label reconcile.external-secrets.io/managed), '
      + 'check a dump made with kubectl get --show-managed-fields, whose field managers tell which ExternalSecret wrote it';

    test.each<[string, any[], string[]]>([
      ['its only field manager is the ExternalSecret\'s: one object', [dumped(['externalsecrets.external-secrets.io/fill']), eso('fill', 'creds', 'Orphan', ['b'])], []],
      ['with Owner too, without the owner reference', [dumped(['externalsecrets.external-secrets.io/fill']), eso('fill', 'creds', 'Owner', ['b'])], []],
      ['a name of 27 characters is not hashed', [dumped([`externalsecrets.external-secrets.io/${'a'.repeat(27)}`]), eso('a'.repeat(27), 'creds', 'Orphan', ['b'])], []],
      // The digests from python3's hashlib.sha3_224, FIPS 202 as Go's crypto/sha3 Sum224.
      ['a name of 28 characters is hashed', [dumped(['externalsecrets.external-secrets.io/sha3/52a6f48b37cd3535ef771a530c08d9cc4b78350ccdd33f2405e22ebb']),
        eso('a'.repeat(28), 'creds', 'Orphan', ['b'])], []],
      ['a longer name', [dumped(['externalsecrets.external-secrets.io/sha3/f2b973e8a5552617c2f355a3f405e0b65ac50e750d11157027f7854f']),
        eso('orphan-writer-of-team-a-creds', 'creds', 'Orphan', ['b'])], []],
      ['a longer name, unhashed, is another manager: a duplicate', [dumped(['externalsecrets.external-secrets.io/orphan-writer-of-team-a-creds']),
        eso('orphan-writer-of-team-a-creds', 'creds', 'Orphan', ['b'])], [`s0 and s1 both make Secret creds in namespace team-a ${ESO_EXISTING}`]],
      ['another ExternalSecret\'s field manager: a duplicate', [dumped(['externalsecrets.external-secrets.io/other']), eso('fill', 'creds', 'Orphan', ['b'])],
        [`s0 and s1 both make Secret creds in namespace team-a ${ESO_EXISTING}`]],
      ['kubectl applied it too: a duplicate, as the next apply overwrites it', [dumped(['kubectl-client-side-apply', 'externalsecrets.external-secrets.io/fill']),
        eso('fill', 'creds', 'Orphan', ['b'])], [`s0 and s1 both make Secret creds in namespace team-a ${ESO_EXISTING}`]],
      ['no managed fields shown: a duplicate, and how to tell', [dumped(), eso('fill', 'creds', 'Orphan', ['b'])],
        [`s0 and s1 both make Secret creds in namespace team-a ${ESO_EXISTING}${HINT}`]],
      ['no managed fields, with Owner: no hint, as Owner leaves an owner reference', [dumped(), eso('fill', 'creds', 'Owner', ['b'])],
        [`s0 and s1 both make Secret creds in namespace team-a ${ESO_EXISTING}`]],
      ['a ConfigMap target: ESO writes it under its own field manager, not the ExternalSecret\'s', [
        { ...configMap('cfg', []), metadata: { name: 'cfg', namespace: 'team-a', managedFields: [{ manager: 'externalsecrets.external-secrets.io/fill', operation: 'Update' }] } },
        externalSecret('fill', { target: { name: 'cfg', creationPolicy: 'Orphan', manifest: { apiVersion: 'v1', kind: 'ConfigMap' } }, data: FETCH })],
      ['s0 and s1 both make ConfigMap cfg in namespace team-a (an ExternalSecret writes the ConfigMap its spec.target.name names, by default its own name): '
        + 'one overwrites the other; give them different names or namespaces, or set spec.target.creationPolicy to Merge on the ExternalSecret to fill the existing one']],
    ])('%s', (_, manifests, expected) => {
      expect(checkManifests(inputs(...manifests)).map(line)).toEqual(expected);
    });

    test('the field manager of a long name is the SHA3-224 that python3\'s hashlib computes, when python3 is on PATH', () => {
      // GIVEN names around the 63-byte limit
      const names = ['a'.repeat(27), 'a'.repeat(28), 'orphan-writer-of-team-a-creds', `x.${'y'.repeat(250)}`];
      const script = 'import hashlib, json, sys\nfor n in json.load(sys.stdin):\n  f = "externalsecrets.external-secrets.io/" + n\n'
        + '  print(f if len(f.encode()) <= 63 else "externalsecrets.external-secrets.io/sha3/" + hashlib.sha3_224(n.encode()).hexdigest())';
      const python = spawnSync('python3', ['-c', script], { input: JSON.stringify(names), encoding: 'utf8' });
      if (python.error !== undefined) {
        console.log(`python3 is not on PATH (${python.error.message}): compared with the recorded digests only`);
        return;
      }
      // WHEN named as ESO names them THEN as python3 computes them
      expect(names.map(fieldManager)).toEqual(python.stdout.trim().split('\n'));
    });
  });

  describe('objects that name no namespace land wherever kubectl apply -n sends them', () => {
    const floating = (name: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name } });
    test.each<[string, any[], string[]]>([
      ['after its twin of a namespace', [secret('creds', []), floating('creds')],
        [`s0 and s1 are both Secret creds (api group core) in namespace team-a once s1, which names no namespace, is applied there (kubectl apply -n team-a): ${OVERWRITE}`]],
      ['before it', [floating('creds'), secret('creds', [])],
        [`s0 and s1 are both Secret creds (api group core) in namespace team-a once s0, which names no namespace, is applied there (kubectl apply -n team-a): ${OVERWRITE}`]],
      ['once, whatever the twins of other namespaces', [floating('creds'), secret('creds', []), secret('creds', [], 'team-b'), secret('creds', [], 'team-c')],
        [`s0 and s1 are both Secret creds (api group core) in namespace team-a once s0, which names no namespace, is applied there (kubectl apply -n team-a): ${OVERWRITE}`]],
      ['an ExternalSecret that names no namespace writes its Secret there', [secret('creds', []), { ...externalSecret('creds', { data: FETCH }), metadata: { name: 'creds' } }],
        [`s0 and s1 both make Secret creds in namespace team-a once s1, which names no namespace, is applied there (kubectl apply -n team-a) ${ESO_EXISTING}`]],
      ['another name', [secret('creds', []), floating('other')], []],
      ['a kind that lives in no namespace ignores the namespace it names', [
        { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader', namespace: 'team-a' } },
        { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader', namespace: 'team-b' } }],
      [`s0 and s1 are both ClusterRole reader (api group rbac.authorization.k8s.io) in namespace (none): ${OVERWRITE}`]],
    ])('%s', (_, manifests, expected) => {
      expect(checkManifests(inputs(...manifests)).map(line)).toEqual(expected);
    });
  });
});

describe('an ExternalSecret the api server refuses for a null list item', () => {
  // PruneNonNullableNullsWithoutDefaults (apiextensions-apiserver pkg/apiserver/schema/defaulting/prunenulls.go) deletes
  // null map entries only: a null list item is kept, and the schema refuses it (ESO v2.9.0's CRD declares no item nullable).
  const refused = (field: string) => ({
    rule: 'shape', namespace: 'team-a', sources: ['s1'], key: field, fix: 'fix the manifest',
    message: `externalsecret fetch (s1) in namespace team-a has ${field} that is null (an item left empty in YAML), where the ExternalSecret CRD `
      + 'declares no null item, so the api server refuses it, and External Secrets Operator writes nothing of it',
  });

  test.each<[string, any, string]>([
    ['spec.data', { data: [{ secretKey: 'a', remoteRef: { key: 'k' } }, null] }, 'spec.data[1]'],
    ['spec.dataFrom', { dataFrom: [null] }, 'spec.dataFrom[0]'],
    ['a list deeper in the spec', { target: { name: 'creds', template: { metadata: { finalizers: ['x', null] } } } }, 'spec.target.template.metadata.finalizers[1]'],
  ])('a null item of %s: reported, and the Secret it names is not written', (_, spec, field) => {
    // GIVEN Secret creds, and an ExternalSecret writing creds (by default, its target) with a null list item
    const given = inputs(secret('creds', []), externalSecret('fetch', { target: { name: 'creds' }, ...spec }));
    // WHEN checked THEN the null item alone: no duplicate of creds, as the ExternalSecret is never stored
    expect(checkManifests(given)).toEqual([refused(field)]);
  });

  test('a null field is dropped, not refused: the ExternalSecret writes its Secret', () => {
    // GIVEN Secret creds, and an ExternalSecret writing creds with spec.dataFrom null
    const given = inputs(secret('creds', []), externalSecret('fetch', { target: { name: 'creds' }, data: FETCH, dataFrom: null }));
    // WHEN checked THEN creds is made twice
    expect(checkManifests(given).map(line)).toEqual([`s0 and s1 both make Secret creds in namespace team-a ${ESO_EXISTING}`]);
  });
});

describe('an ExternalSecret the api server refuses for a field of another type than the CRD declares', () => {
  // ESO v2.9.0 config/crds/bases/external-secrets.io_externalsecrets.yaml (/work/shared/crds/externalsecret-crd.eso-v2.9.0.yaml):
  // spec an object; data and dataFrom arrays of objects, data[].secretKey a string; target an object, its name,
  // creationPolicy and deletionPolicy strings, manifest an object of string apiVersion and kind, template an object
  // whose type and mergePolicy are strings, data and metadata.annotations maps of strings, templateFrom an array of
  // objects of string target; a data item requires secretKey and remoteRef, a manifest apiVersion and kind. The schema
  // validation refuses another type, or a required field missing: the ExternalSecret is never stored.
  const refused = (field: string, actual: string, declared: string) => ({
    rule: 'shape', namespace: 'team-a', sources: ['s1'], key: field, fix: `give ${field} ${declared}, as the ExternalSecret CRD declares, or remove it`,
    message: `externalsecret creds (s1) in namespace team-a has ${field} that is ${actual}, where the ExternalSecret CRD declares ${declared}, `
      + 'so the api server refuses it, and External Secrets Operator writes nothing of it',
  });
  const item = { secretKey: 'token', remoteRef: { key: 'fake/token' } };

  test.each<[string, any, any]>([
    ['spec.data a string', { data: 'x' }, refused('spec.data', 'a string', 'a list of mappings')],
    ['an item of spec.data a string', { data: [item, 'x'] }, refused('spec.data[1]', 'a string', 'a mapping')],
    ['spec.data[].secretKey a number', { data: [item, { secretKey: 5, remoteRef: { key: 'fake/n' } }] }, refused('spec.data[1].secretKey', 'a number', 'a string')],
    ['spec.dataFrom a mapping', { dataFrom: {} }, refused('spec.dataFrom', 'a mapping', 'a list of mappings')],
    ['spec.target a list', { target: [] }, refused('spec.target', 'a list', 'a mapping')],
    ['spec.target.name a number', { target: { name: 5 } }, refused('spec.target.name', 'a number', 'a string')],
    ['spec.target.creationPolicy a number', { target: { name: 'creds', creationPolicy: 5 } }, refused('spec.target.creationPolicy', 'a number', 'a string')],
    ['spec.target.deletionPolicy a boolean', { target: { name: 'creds', deletionPolicy: true } }, refused('spec.target.deletionPolicy', 'a boolean', 'a string')],
    ['spec.target.manifest a string', { target: { name: 'creds', manifest: 'ConfigMap' } }, refused('spec.target.manifest', 'a string', 'a mapping')],
    ['spec.target.manifest.kind a list', { target: { name: 'creds', manifest: { apiVersion: 'v1', kind: ['Secret'] } } },
      refused('spec.target.manifest.kind', 'a list', 'a string')],
    ['spec.target.template a string', { target: { name: 'creds', template: 'x' } }, refused('spec.target.template', 'a string', 'a mapping')],
    ['spec.target.template.data a string', { target: { name: 'creds', template: { data: 'x' } } }, refused('spec.target.template.data', 'a string', 'a map of strings')],
    ['a value of spec.target.template.data a number: its type named, neither its key nor the other values',
      { target: { name: 'creds', template: { data: { token: 'fake-not-a-secret', 'pasted-key': 5 } } } },
      refused('spec.target.template.data', 'a mapping holding a number', 'a map of strings')],
    ['spec.target.template.metadata.annotations a list', { target: { name: 'creds', template: { metadata: { annotations: ['a'] } } } },
      refused('spec.target.template.metadata.annotations', 'a list', 'a map of strings')],
    ['spec.target.template.templateFrom[].target a boolean', { target: { name: 'creds', template: { templateFrom: [{ target: true }] } } },
      refused('spec.target.template.templateFrom[0].target', 'a boolean', 'a string')],
  ])('%s: reported by its path, and the Secret it names is not written', (_, spec, expected) => {
    // GIVEN Secret creds, and ExternalSecret creds (writing creds, by its target or by default) with a field of another type
    const given = inputs(secret('creds', []), externalSecret('creds', { secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' }, data: [item], ...spec }));
    // WHEN checked THEN that field alone: no duplicate of creds, as the ExternalSecret is never stored
    expect(checkManifests(given)).toEqual([expected]);
  });

  test.each<[string, any, string, string, string]>([
    ['a spec.data item without secretKey', { data: [item, { remoteRef: { key: 'fake/n' } }] }, 'spec.data[1]', 'secretKey', 'a string'],
    ['a spec.data item whose secretKey is null (dropped, so missing)', { data: [{ secretKey: null, remoteRef: { key: 'fake/n' } }] }, 'spec.data[0]', 'secretKey', 'a string'],
    ['a spec.data item without remoteRef', { data: [item, { secretKey: 'user' }] }, 'spec.data[1]', 'remoteRef', 'a mapping'],
    ['a target manifest without kind', { target: { name: 'creds', manifest: { apiVersion: 'v1' } } }, 'spec.target.manifest', 'kind', 'a string'],
  ])('%s: reported as a field the CRD requires, and the Secret it names is not written', (_, spec, parent, field, shape) => {
    // GIVEN Secret creds, and ExternalSecret creds without a field the CRD lists in the `required` of its parent (a
    // data item requires remoteRef and secretKey, a target manifest apiVersion and kind), which its schema validation refuses
    const given = inputs(secret('creds', []), externalSecret('creds', { secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' }, data: [item], ...spec }));
    // WHEN checked THEN that field alone: no duplicate of creds, as the ExternalSecret is never stored
    expect(checkManifests(given)).toEqual([{
      rule: 'shape', namespace: 'team-a', sources: ['s1'], key: `${parent}.${field}`,
      message: `externalsecret creds (s1) in namespace team-a has ${parent} without ${field}, which the ExternalSecret CRD requires, so the api server refuses it, `
        + 'and External Secrets Operator writes nothing of it',
      fix: `give ${parent} a ${field} (${shape}), as the ExternalSecret CRD requires, or remove ${parent}`,
    }]);
  });

  test('a spec that is no mapping: reported, and the Secret of its name is not written', () => {
    // GIVEN Secret creds, and ExternalSecret creds whose spec is a string
    const given = inputs(secret('creds', []), externalSecret('creds', 'x'));
    // WHEN checked THEN the spec alone
    expect(checkManifests(given)).toEqual([refused('spec', 'a string', 'a mapping')]);
  });

  test('a null list item is reported before a field of another type, once', () => {
    // GIVEN ExternalSecret creds with spec.data a string and a null item of spec.dataFrom
    const given = inputs(secret('creds', []), externalSecret('creds', { data: 'x', dataFrom: [null] }));
    // WHEN checked THEN the null item alone
    expect(checkManifests(given).map(p => p.key)).toEqual(['spec.dataFrom[0]']);
  });

  test('the fields of the types the CRD declares: the ExternalSecret writes its Secret', () => {
    // GIVEN Secret creds, and ExternalSecret creds giving every field the check reads, of the CRD's types
    const spec = {
      data: [item], dataFrom: [{ extract: { key: 'fake/all' } }],
      target: {
        name: 'creds', creationPolicy: 'Owner', deletionPolicy: 'Delete', manifest: { apiVersion: 'v1', kind: 'Secret' },
        template: { type: 'Opaque', mergePolicy: 'Replace', data: { token: '{{ .token }}' }, metadata: { annotations: { a: 'b' } }, templateFrom: [{ target: 'Data' }] },
      },
    };
    const given = inputs(secret('creds', []), externalSecret('creds', spec));
    // WHEN checked THEN creds is made twice, and no shape problem
    expect(checkManifests(given).map(p => p.rule)).toEqual(['duplicate-object']);
  });
});

describe('an ExternalSecret the api server refuses for a value its CRD\'s enum lacks', () => {
  // ESO v2.9.0 config/crds/bases/external-secrets.io_externalsecrets.yaml, v1 (the version it serves): spec.target.creationPolicy
  // enum Owner, Orphan, Merge, None, CreateOrMerge; deletionPolicy Delete, Merge, Retain; template.mergePolicy Replace, Merge.
  // kube-openapi's basicCommonValidator (pkg/validation/validate/validator.go, the version Kubernetes 1.32 pins) fails any
  // other value ("Unsupported value"): the ExternalSecret is never stored, so it writes nothing.
  const refused = (field: string, values: string, defaultValue: string) => ({
    rule: 'shape', namespace: 'team-a', sources: ['s1'], key: field, fix: `give ${field} one of ${values}, or remove it for the default, ${defaultValue}`,
    message: `externalsecret creds (s1) in namespace team-a has ${field} that is none of the values the ExternalSecret CRD allows (${values}), `
      + 'so the api server refuses it, and External Secrets Operator writes nothing of it',
  });
  const CREATION = 'Owner, Orphan, Merge, None or CreateOrMerge';
  const item = { secretKey: 'token', remoteRef: { key: 'fake/token' } };

  test.each<[string, any, any]>([
    ['creationPolicy Sometimes', { name: 'creds', creationPolicy: 'Sometimes' }, refused('spec.target.creationPolicy', CREATION, 'Owner')],
    ['creationPolicy in lower case', { name: 'creds', creationPolicy: 'owner' }, refused('spec.target.creationPolicy', CREATION, 'Owner')],
    ['creationPolicy empty (the enum has no empty string)', { name: 'creds', creationPolicy: '' }, refused('spec.target.creationPolicy', CREATION, 'Owner')],
    ['deletionPolicy Keep', { name: 'creds', deletionPolicy: 'Keep' }, refused('spec.target.deletionPolicy', 'Delete, Merge or Retain', 'Retain')],
    ['template.mergePolicy Append', { name: 'creds', template: { mergePolicy: 'Append' } }, refused('spec.target.template.mergePolicy', 'Replace or Merge', 'Replace')],
  ])('%s: reported by its path with the values allowed, never the value, and the Secret it names is not written', (_, target, expected) => {
    // GIVEN Secret creds, and ExternalSecret creds (writing creds) with a target field its CRD's enum lacks
    const given = inputs(secret('creds', []), externalSecret('creds', { secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' }, data: [item], target }));
    // WHEN checked
    const problems = checkManifests(given);
    // THEN that field alone: no duplicate of creds, as the ExternalSecret is never stored
    expect(problems).toEqual([expected]);
    expect(line(problems[0])).not.toMatch(/Sometimes|owner|Keep|Append/);
  });

  test.each([['Owner'], ['Orphan'], ['None'], ['CreateOrMerge']])('creationPolicy %s, one of the enum: no shape problem', creationPolicy => {
    // GIVEN ExternalSecret creds with a creationPolicy its CRD allows
    const given = inputs(externalSecret('creds', { data: [item], target: { name: 'creds', creationPolicy, deletionPolicy: 'Retain', template: { mergePolicy: 'Merge' } } }));
    // WHEN checked THEN nothing
    expect(checkManifests(given)).toEqual([]);
  });

  // The CRDs are reference data beside the clone (../shared/crds, there in CI), as for the PodDefault CRD's table.
  const withCrds = hasExternalSecretCrd() ? test.each : test.skip.each;
  withCrds([
    ['ExternalSecret', EXTERNALSECRET_CRD, ['spec']],
    ['ClusterExternalSecret', path.join(path.dirname(EXTERNALSECRET_CRD), 'clusterexternalsecret-crd.eso-v2.9.0.yaml'), ['spec', 'externalSecretSpec']],
  ])('every field of the table is held to the %s CRD: the enum of each, and the default, are the CRD\'s (none where it has none)', (_, file, prefix) => {
    // GIVEN the CRD's served v1 schema
    const crd = YAML.parse(readFileSync(file as string, 'utf8'));
    const version = crd.spec.versions.find((v: any) => v.served && v.storage);
    let root = version.schema.openAPIV3Schema;
    for (const name of prefix as string[]) { root = root.properties[name]; }
    // WHEN each field of SPEC_FIELDS is looked up in it
    const mismatches: string[] = [];
    const walk = (fields: readonly SpecField[], schema: any, at: string) => {
      for (const field of fields) {
        const node = schema.properties?.[field.name];
        const crdEnum = node?.enum === undefined ? undefined : { values: node.enum, default: node.default };
        if (node === undefined) { mismatches.push(`${at}.${field.name}: not in the CRD`); continue; }
        if (JSON.stringify(field.allowed) !== JSON.stringify(crdEnum)) { mismatches.push(`${at}.${field.name}: ${JSON.stringify(field.allowed)} for ${JSON.stringify(crdEnum)}`); }
        walk(field.inner, node.type === 'array' ? node.items : node, `${at}.${field.name}`);
      }
    };
    walk(SPEC_FIELDS, root, (prefix as string[]).join('.'));
    // THEN each enum, and each default, is the CRD's
    expect(mismatches).toEqual([]);
  });
});

describe('an ExternalSecret the api server refuses for a field of its whole CRD the check does not read', () => {
  // ESO v2.9.0 config/crds/bases/external-secrets.io_externalsecrets.yaml, v1 (lib/check/eso-crd-fields.ts, generated from
  // it): kube-openapi's validators (the version Kubernetes 1.32 pins) refuse a value of another type, one its enum lacks,
  // one of a length or number of items off its bounds, one off its pattern, an object without a required field or with
  // fewer or more fields than its bounds. The ExternalSecret is never stored, so it writes nothing.
  const TAIL = ', so the api server refuses it, and External Secrets Operator writes nothing of it';
  const refused = (field: string, problem: string, fix: string) => ({
    rule: 'shape', namespace: 'team-a', sources: ['s1'], key: field, fix,
    message: `externalsecret creds (s1) in namespace team-a has ${field} ${problem}${TAIL}`,
  });
  const notOf = (field: string, values: string, defaultValue?: string) => refused(field, `that is none of the values the ExternalSecret CRD allows (${values})`,
    `give ${field} one of ${values}, or remove it${defaultValue === undefined ? '' : ` for the default, ${defaultValue}`}`);
  const SUBDOMAIN = 'a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit)';
  const item = (remoteRef: object = {}, more: object = {}) => ({ secretKey: 'token', remoteRef: { key: 'fake/token', ...remoteRef }, ...more });

  test.each<[string, any, any]>([
    ['remoteRef.conversionStrategy Base64', { data: [item({ conversionStrategy: 'Base64' })] }, notOf('spec.data[0].remoteRef.conversionStrategy', 'Default or Unicode')],
    ['remoteRef.decodingStrategy in lower case', { data: [item({ decodingStrategy: 'base64' })] }, notOf('spec.data[0].remoteRef.decodingStrategy', 'Auto, Base64, Base64URL or None')],
    ['remoteRef.metadataPolicy Always', { data: [item({ metadataPolicy: 'Always' })] }, notOf('spec.data[0].remoteRef.metadataPolicy', 'None or Fetch')],
    ['template.engineVersion v1 (v2 alone since ESO v0.10)', { data: [item()], target: { name: 'creds', template: { engineVersion: 'v1' } } },
      notOf('spec.target.template.engineVersion', 'v2', 'v2')],
    ['refreshPolicy Always', { data: [item()], refreshPolicy: 'Always' }, notOf('spec.refreshPolicy', 'CreatedOnce, Periodic or OnChange')],
    ['secretStoreRef.kind Store', { data: [item()], secretStoreRef: { kind: 'Store', name: 'vault' } }, notOf('spec.secretStoreRef.kind', 'SecretStore or ClusterSecretStore')],
    ['target.immutable a string', { data: [item()], target: { name: 'creds', immutable: 'yes' } },
      refused('spec.target.immutable', 'that is a string, where the ExternalSecret CRD declares a boolean', 'give spec.target.immutable a boolean, as the ExternalSecret CRD declares, or remove it')],
    ['template.metadata.finalizers holding a number', { data: [item()], target: { name: 'creds', template: { metadata: { finalizers: [5] } } } },
      refused('spec.target.template.metadata.finalizers[0]', 'that is a number, where the ExternalSecret CRD declares a string',
        'give spec.target.template.metadata.finalizers[0] a string, as the ExternalSecret CRD declares, or remove it')],
    ['dataFrom[].find.tags holding a number', { dataFrom: [{ find: { tags: { team: 5 } } }] },
      refused('spec.dataFrom[0].find.tags', 'that is a mapping holding a number, where the ExternalSecret CRD declares a map of strings',
        'give spec.dataFrom[0].find.tags a map of strings, as the ExternalSecret CRD declares, or remove it')],
    ['remoteRef without key', { data: [{ secretKey: 'token', remoteRef: { property: 'p' } }] }, {
      ...refused('spec.data[0].remoteRef.key', '', 'give spec.data[0].remoteRef a key (a string), as the ExternalSecret CRD requires, or remove spec.data[0].remoteRef'),
      message: `externalsecret creds (s1) in namespace team-a has spec.data[0].remoteRef without key, which the ExternalSecret CRD requires${TAIL}`,
    }],
    ['target.name with an upper-case letter', { data: [item()], target: { name: 'Creds' } },
      refused('spec.target.name', `that is not ${SUBDOMAIN}, the pattern the ExternalSecret CRD declares`, `give spec.target.name ${SUBDOMAIN}, or remove it`)],
    ['target.name over 253 characters', { data: [item()], target: { name: 'a'.repeat(254) } },
      refused('spec.target.name', 'of a length the ExternalSecret CRD does not allow (from 1 to 253 characters)', 'give spec.target.name from 1 to 253 characters, or remove it')],
    ['target.name empty', { data: [item()], target: { name: '' } },
      refused('spec.target.name', 'of a length the ExternalSecret CRD does not allow (from 1 to 253 characters)', 'give spec.target.name from 1 to 253 characters, or remove it')],
    ['secretKey with a space', { target: { name: 'creds' }, data: [{ secretKey: 'my token', remoteRef: { key: 'fake/token' } }] },
      refused('spec.data[0].secretKey', 'that is not a key of letters, digits, "-", "_" and "." only, the pattern the ExternalSecret CRD declares',
        'give spec.data[0].secretKey a key of letters, digits, "-", "_" and "." only, or remove it')],
    ['syncWindows.windows empty', { data: [item()], syncWindows: { kind: 'allow', windows: [] } },
      refused('spec.syncWindows.windows', 'of a number of items the ExternalSecret CRD does not allow (at least 1)', 'give spec.syncWindows.windows at least 1 items, or remove it')],
    ['a cron schedule of four fields', { data: [item()], syncWindows: { kind: 'allow', windows: [{ schedule: '0 9 * *', duration: '8h' }] } },
      refused('spec.syncWindows.windows[0].schedule', 'that is not a cron schedule (five fields, @hourly, @daily, ... or @every DURATION), the pattern the ExternalSecret CRD declares',
        'give spec.syncWindows.windows[0].schedule a cron schedule (five fields, @hourly, @daily, ... or @every DURATION), or remove it')],
    ['data[].sourceRef with no field', { data: [item({}, { sourceRef: {} })] },
      refused('spec.data[0].sourceRef', 'that holds none of generatorRef or storeRef, where the ExternalSecret CRD asks for exactly one', 'give spec.data[0].sourceRef exactly one of generatorRef or storeRef')],
    ['data[].sourceRef with both fields', { data: [item({}, { sourceRef: { storeRef: { name: 'vault' }, generatorRef: { kind: 'Password', name: 'pw' } } })] },
      refused('spec.data[0].sourceRef', 'that holds 2 of its fields (generatorRef, storeRef), where the ExternalSecret CRD asks for exactly one', 'give spec.data[0].sourceRef exactly one of generatorRef or storeRef')],
  ])('%s: reported by its path, never its value, and the Secret it names is not written', (_, spec, expected) => {
    // GIVEN Secret creds, and ExternalSecret creds (writing creds) with a field its CRD refuses, one the check does not read
    const given = inputs(secret('creds', []), externalSecret('creds', { target: { name: 'creds' }, ...spec }));
    // WHEN checked
    const problems = checkManifests(given);
    // THEN that field alone: no duplicate of creds, as the ExternalSecret is never stored
    expect(problems).toEqual([expected]);
    // (the value given, where it is no value the CRD allows, appears nowhere)
    for (const value of ['base64', 'Always', 'v1', 'Store', 'yes', 'Creds', 'a'.repeat(254), 'my token', '0 9 * *']) {
      expect(line(problems[0])).not.toMatch(new RegExp(`(^|[^\\w.])${value.replace(/[*]/g, '\\*')}($|[^\\w])`));
    }
  });

  test.each<[string, string, boolean]>([
    ['a no-break space inside a field', '0\u00a09 * * * *', true],
    ['a vertical tab inside a field', '0\v9 * * * *', true],
    ['a tab between fields', '0\t9 * * * *', false],
    ['@every with a line break after the duration', '@every 1h\nx', false],
    ['@every with a carriage return after the duration', '@every 1h\rx', true],
  ])('a syncWindows schedule with %s: matched as Go\'s regexp does (\\s is ASCII white space, . any character but \\n)', (_, schedule, taken) => {
    // GIVEN ExternalSecret creds with a sync window of that schedule
    const given = inputs(externalSecret('creds', { target: { name: 'creds' }, data: [item()], syncWindows: { kind: 'allow', windows: [{ schedule, duration: '1h' }] } }));
    // WHEN checked THEN the schedule is refused where Go's regexp (RE2: perl class \s = [\t\n\f\r ]) does not match the CRD's pattern
    expect(checkManifests(given).map(p => p.key)).toEqual(taken ? [] : ['spec.syncWindows.windows[0].schedule']);
  });

  test('every field of the CRD, of the types and values it allows: the ExternalSecret writes its Secret', () => {
    // GIVEN Secret creds, and ExternalSecret creds setting fields of every part of the CRD, as it allows them
    const spec = {
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' }, refreshInterval: '1h', refreshPolicy: 'Periodic',
      syncWindows: { kind: 'deny', windows: [{ schedule: '@every 1h', duration: '5m' }, { schedule: '0 9 * * 1-5', duration: '8h' }] },
      data: [item({ conversionStrategy: 'Default', decodingStrategy: 'Base64URL', metadataPolicy: 'None', nullBytePolicy: 'Fail', property: 'p', version: '1' },
        { sourceRef: { storeRef: { kind: 'SecretStore', name: 'other.store' } } })],
      dataFrom: [
        { extract: { key: 'fake/all' }, rewrite: [{ regexp: { source: 'a', target: 'b' } }, { transform: { template: '{{ .value }}' } }, { merge: { strategy: 'JSON', priority: ['a'] } }] },
        { find: { path: 'fake', name: { regexp: '.*' }, tags: { team: 'a' } } },
        { sourceRef: { generatorRef: { kind: 'Password', name: 'pw' } } },
      ],
      target: {
        name: 'creds', creationPolicy: 'Owner', deletionPolicy: 'Delete', immutable: false,
        template: {
          type: 'Opaque', engineVersion: 'v2', mergePolicy: 'Merge', data: { token: '{{ .token }}' }, metadata: { labels: { a: 'b' }, annotations: { a: 'b' }, finalizers: ['example.com/x'] },
          templateFrom: [{ configMap: { name: 'tpl', items: [{ key: 'config.json', templateAs: 'KeysAndValues' }] }, target: 'Labels' }, { literal: 'x', target: 'data' }],
        },
      },
    };
    const given = inputs(secret('creds', []), externalSecret('creds', spec));
    // WHEN checked THEN creds is made twice, and no shape problem
    expect(checkManifests(given).map(p => p.rule)).toEqual(['duplicate-object']);
  });

  test('a PodDefault reading the Secret of a refused ExternalSecret: the ExternalSecret is reported, and its Secret is not counted as written', () => {
    // GIVEN PodDefault a setting the variable token, PodDefault b reading Secret creds by envFrom, and ExternalSecret creds,
    // writing key token into creds, with a conversionStrategy its CRD refuses
    const given = inputs(
      pd('a', { env: [{ name: 'token', value: 'fake-token' }], selector: { matchLabels: { notebook: 'true' } } }),
      pd('b', { envFrom: [{ secretRef: { name: 'creds' } }], selector: { matchLabels: { notebook: 'true' } } }),
      externalSecret('creds', { target: { name: 'creds' }, data: [item({ conversionStrategy: 'Base64' })] }),
    );
    // WHEN checked
    const problems = checkManifests(given);
    // THEN the ExternalSecret is reported (before, nothing was: the check read it as writing creds, which never
    // exists, so b's envFrom makes the notebook pod fail), and no rule judges keys of creds, which the app does not hold
    expect(problems.map(p => [p.rule, p.sources, p.key])).toEqual([['shape', ['s2'], 'spec.data[0].remoteRef.conversionStrategy']]);
  });
});

// The CRDs are reference data beside the clone (../shared/crds, there in CI), as for the PodDefault CRD's table.
const CES_CRD = path.join(path.dirname(EXTERNALSECRET_CRD), 'clusterexternalsecret-crd.eso-v2.9.0.yaml');
const withEsoCrds = hasExternalSecretCrd() ? describe : describe.skip;
if (!hasExternalSecretCrd()) { console.warn(`SKIPPED: ESO's CRD table against the CRDs: ${EXTERNALSECRET_CRD} is not there (CI puts ../shared beside the project)`); }

withEsoCrds('the table of ESO\'s CRDs against the CRDs of v2.9.0 (needs ../shared/crds)', () => {
  test('scripts/eso-crd-fields.py writes the committed lib/check/eso-crd-fields.ts', () => {
    // GIVEN both CRDs WHEN the generator runs THEN it writes the committed table, byte for byte
    const run = spawnSync('python3', [path.join(__dirname, '..', '..', 'scripts', 'eso-crd-fields.py'), EXTERNALSECRET_CRD, CES_CRD], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(path.join(__dirname, '..', '..', 'lib', 'check', 'eso-crd-fields.ts'), 'utf8'));
  });

  test.each([['ExternalSecret', EXTERNALSECRET_CRD], ['ClusterExternalSecret', CES_CRD]])(
    'over %s specs broken at every place of the CRD, the walk refuses where a JSON schema of the CRD does, and nowhere else', (kind, file) => {
      // GIVEN a spec that sets every field the CRD declares, of values it allows (one field of an object that allows
      // one), and, for each place of it, a copy broken there: another type, a value off its enum, its pattern or its
      // lengths, too few items or fields, too many fields, or a required field left out (a JSON schema of the CRD, by
      // test/schema.ts: ajv, JavaScript's regexps, which match these patterns' test values as Go's do)
      const crd = YAML.parse(readFileSync(file, 'utf8'));
      const schema = crd.spec.versions.find((v: any) => v.served).schema.openAPIV3Schema.properties.spec;
      const manifest = (spec: any) => ({ apiVersion: 'external-secrets.io/v1', kind, metadata: { name: 'a' }, spec });
      const validate = compileCrd(file);
      const base = validSample(schema);
      expect(validate(manifest(base))).toBe(true);
      expect(schemaRefusal(base, `${kind}.spec`, 'spec', kind)).toBeUndefined();
      const cases = schemaBreakages(schema, ['spec']);
      expect(cases.length).toBeGreaterThan(kind === 'ExternalSecret' ? 250 : 300);
      const mismatches: string[] = [];
      for (const { at, broken } of cases) {
        const spec = structuredClone(base);
        setAt({ spec }, at, broken);
        // WHEN the walk judges it, and the JSON schema validates it
        const refusal = schemaRefusal(spec, `${kind}.spec`, 'spec', kind);
        const paths = validate(manifest(spec)) ? [] : schemaErrorPaths(validate.errors ?? []);
        // THEN both refuse it, at the same place, or neither does
        if (refusal === undefined ? paths.length > 0 : !paths.includes(refusal.field)) {
          mismatches.push(`${at.join('.')}: ${JSON.stringify(broken)}: walk ${refusal?.field}, json schema ${paths.join(' ')}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
});

withEsoCrds('unknown-field against a closed JSON schema of ESO\'s CRDs (needs ../shared/crds)', () => {
  test.each([['ExternalSecret', EXTERNALSECRET_CRD], ['ClusterExternalSecret', CES_CRD]])(
    'a field added to every object of a %s spec: the walk names each one a closed JSON schema of the CRD refuses, and none a map takes', (kind, file) => {
      // GIVEN a spec that sets every field the CRD declares, with a field zzUndeclared added to every object and map of it
      // (test/schema.ts closes each object of `properties` with additionalProperties: false, as pruning treats it)
      const crd = YAML.parse(readFileSync(file, 'utf8'));
      const schema = crd.spec.versions.find((v: any) => v.served).schema.openAPIV3Schema.properties.spec;
      const spec = withUndeclared(validSample(schema));
      const validate = compileCrd(file);
      // WHEN the walk lists the fields the CRD does not declare, and the JSON schema validates the object
      const walk = undeclaredFields(spec, `${kind}.spec`, ['spec']).map(f => pathText(f.parts));
      validate({ apiVersion: 'external-secrets.io/v1', kind, metadata: { name: 'a' }, spec });
      const closed = (validate.errors ?? []).filter(e => e.keyword === 'additionalProperties')
        .map(e => `${e.instancePath.slice(1).replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.')}.${(e.params as any).additionalProperty}`);
      // THEN the same fields, and as many as the objects of the sample
      expect(walk.length).toBe(kind === 'ExternalSecret' ? 25 : 31);
      expect([...walk].sort()).toEqual([...closed].sort());
    });
});

withEsoCrds('the generator records where a field the CRD does not declare is kept (needs ../shared/crds)', () => {
  /** Runs the generator over both CRDs, each with x-kubernetes-preserve-unknown-fields set as `edit` does; its output. */
  function generate(edit: (spec: any) => void) {
    const dir = mkdtempSync(path.join(tmpdir(), 'eso-crd-'));
    try {
      const files = [EXTERNALSECRET_CRD, CES_CRD].map((file, i) => {
        const crd = YAML.parse(readFileSync(file, 'utf8'));
        const spec = crd.spec.versions.find((v: any) => v.served).schema.openAPIV3Schema.properties.spec;
        edit(i === 0 ? spec : spec.properties.externalSecretSpec);
        const out = path.join(dir, `${i}.yaml`);
        writeFileSync(out, YAML.stringify(crd));
        return out;
      });
      return spawnSync('python3', [path.join(__dirname, '..', '..', 'scripts', 'eso-crd-fields.py'), ...files], { encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  test('an object of x-kubernetes-preserve-unknown-fields: its entry preservesUnknownFields, and nothing else changes', () => {
    // GIVEN both CRDs with spec.target.template.metadata (the ClusterExternalSecret's externalSecretSpec's too) keeping unknown fields
    // WHEN the generator runs
    const run = generate(spec => { spec.properties.target.properties.template.properties.metadata['x-kubernetes-preserve-unknown-fields'] = true; });
    // THEN the table is the committed one, with preservesUnknownFields on that entry alone
    expect(run.stderr).toBe('');
    const committed = readFileSync(path.join(__dirname, '..', '..', 'lib', 'check', 'eso-crd-fields.ts'), 'utf8');
    const entry = "  'ExternalSecret.spec.target.template.metadata': {\n";
    const at = committed.indexOf(entry);
    const end = committed.indexOf('    },\n', at) + '    },\n'.length;
    expect(run.stdout).toBe(`${committed.slice(0, end)}    preservesUnknownFields: true,\n${committed.slice(end)}`);
  });

  test('x-kubernetes-preserve-unknown-fields on a string, or on an object that declares no field, stops it', () => {
    // GIVEN the CRDs with the flag on target.name, or on a target.template.metadata without its properties
    // WHEN the generator runs THEN it stops, naming the place
    const onString = generate(spec => { spec.properties.target.properties.name['x-kubernetes-preserve-unknown-fields'] = true; });
    expect([onString.status, onString.stderr.trim()]).toEqual([1,
      'ExternalSecret.spec.target.name: x-kubernetes-preserve-unknown-fields on a value that is no object of properties']);
    const freeForm = generate(spec => { spec.properties.target.properties.template.properties.metadata = { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true }; });
    expect([freeForm.status, freeForm.stderr.trim()]).toEqual([1, 'ExternalSecret.spec.target.template.metadata: an object that declares no field']);
  });
});

describe('unknown-field where the table keeps unknown fields', () => {
  test('undeclaredFields keeps any field of an entry that preservesUnknownFields, and walks its declared ones', () => {
    // GIVEN a table whose ExternalSecret target keeps unknown fields, and whose template does not
    jest.isolateModules(() => {
      jest.doMock('../../lib/check/eso-crd-fields', () => ({
        ESO_CRD_PATTERNS: {},
        ESO_CRD_OBJECTS: {
          'ExternalSecret.spec': { fields: { target: { type: 'object', entry: 'T' } } },
          'T': { fields: { name: { type: 'string' }, template: { type: 'object', entry: 'M' } }, preservesUnknownFields: true },
          'M': { fields: { type: { type: 'string' } } },
        },
      }));
      const { undeclaredFields: walk } = require('../../lib/check/eso-schema');
      // WHEN a spec with a field of its own in each is walked
      const found = walk({ target: { name: 'x', extra: { any: 1 }, template: { type: 'Opaque', typo: 1 } }, other: 1 }, 'ExternalSecret.spec', ['spec']);
      // THEN the template's and the spec's, not the target's
      expect(found.map((f: any) => pathText(f.parts))).toEqual(['spec.target.template.typo', 'spec.other']);
    });
    jest.dontMock('../../lib/check/eso-crd-fields');
  });
});

/** `value` with a field zzUndeclared, a string, added to each mapping at any depth (a map's too, which takes it). */
function withUndeclared(value: any): any {
  if (Array.isArray(value)) { return value.map(withUndeclared); }
  if (typeof value !== 'object' || value === null) { return value; }
  return { ...Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withUndeclared(v)])), zzUndeclared: 'x' };
}

/** A value of `schema` that sets every declared field (one, where it allows at most one) with a value it allows. */
function validSample(schema: any): any {
  switch (schema.type) {
    case 'string':
      if (schema.enum !== undefined) { return schema.enum[0]; }
      return schema.pattern?.startsWith('^(@') ? '@daily' : schema.default ?? 'x';
    case 'boolean': return true;
    case 'array': return [validSample(schema.items)];
  }
  if (schema.additionalProperties !== undefined) { return { mapKey: validSample(schema.additionalProperties) }; }
  const names = Object.keys(schema.properties);
  const out: Record<string, any> = {};
  for (const name of schema.maxProperties === 1 ? names.slice(0, 1) : names) { out[name] = validSample(schema.properties[name]); }
  return out;
}

/** For every place of `schema`, values that break it (see the test above). */
function schemaBreakages(schema: any, at: (string | number)[]): { at: (string | number)[]; broken: any }[] {
  const out: { at: (string | number)[]; broken: any }[] = [];
  const add = (broken: any) => out.push({ at, broken });
  switch (schema.type) {
    case 'string':
      [1, true, {}].forEach(add);
      if (schema.enum !== undefined) { add('Nope'); }
      if (schema.pattern !== undefined) { add('Not Valid'); }
      if (schema.minLength !== undefined) { add(''); }
      if (schema.maxLength !== undefined) { add('a'.repeat(schema.maxLength + 1)); }
      return out;
    case 'boolean': ['true', 1].forEach(add); return out;
    case 'array':
      [{}, 'x'].forEach(add);
      if (schema.minItems !== undefined) { add([]); }
      return out.concat(schemaBreakages(schema.items, [...at, 0]));
  }
  ['x', []].forEach(add);
  if (schema.additionalProperties !== undefined) { return out.concat(schemaBreakages(schema.additionalProperties, [...at, 'mapKey'])); }
  for (const field of schema.required ?? []) {
    const without = validSample(schema);
    delete without[field];
    add(without);
  }
  if (schema.minProperties !== undefined) { add({}); }
  if (schema.maxProperties !== undefined) { add(Object.fromEntries(Object.keys(schema.properties).map(name => [name, validSample(schema.properties[name])]))); }
  const sample = validSample(schema);
  for (const name of Object.keys(sample)) { out.push(...schemaBreakages(schema.properties[name], [...at, name])); }
  return out;
}

function setAt(root: any, at: readonly (string | number)[], value: any): void {
  let parent = root;
  for (let i = 0; i < at.length - 1; i++) { parent = parent[at[i]]; }
  parent[at[at.length - 1]] = value;
}

/**
 * The paths ajv refuses, as the walk names them: a missing field by its own path, a map's value by the map's (the
 * walk names no key of a map, as a key may be anything pasted there).
 */
function schemaErrorPaths(errors: readonly any[]): string[] {
  return errors.map(e => {
    const at = e.instancePath.slice(1).replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.').replace(/\.mapKey$/, '');
    return e.keyword === 'required' ? `${at}.${e.params.missingProperty}` : at;
  });
}

describe('an ExternalSecret that ESO\'s webhook refuses', () => {
  // ESO v2.9.0 apis/externalsecrets/v1/externalsecret_validator.go, validateExternalSecret (the chart's
  // ValidatingWebhookConfiguration externalsecret-validate sends it every ExternalSecret created or updated): the
  // ExternalSecret is never stored, so it writes nothing. It sees the object the API server defaulted (creationPolicy
  // Owner, deletionPolicy Retain, a templateFrom's target Data).
  const refused = (field: string, what: string, why: string, fix: string) => ({
    rule: 'shape', namespace: 'team-a', sources: ['s1'], key: field, fix,
    message: `externalsecret creds (s1) in namespace team-a has ${what}, which External Secrets Operator's webhook refuses it (${why}), and External Secrets Operator writes nothing of it`,
  });
  const data = [{ secretKey: 'token', remoteRef: { key: 'fake/token' } }];
  const DELETE = 'deletionPolicy=Delete must not be used when the controller doesn\'t own the secret';
  const policies = (creation: string, deletion: string, why: string, fix: string) => refused('spec.target.deletionPolicy',
    `spec.target.deletionPolicy ${deletion} with spec.target.creationPolicy ${creation}`, why, fix);
  const DELETE_FIX = 'set spec.target.creationPolicy to Owner, or spec.target.deletionPolicy to Retain (the default)';
  const NO_DATA = refused('spec.data', 'spec with no item of data or of dataFrom', 'either data or dataFrom should be specified',
    'give spec.data (a secretKey and a remoteRef each) or spec.dataFrom the secrets to fetch');
  const BOTH = 'extract, find, or generatorRef cannot be set at the same time';

  test.each<[string, any, any]>([
    ['deletionPolicy Delete with creationPolicy Merge', { data, target: { name: 'creds', creationPolicy: 'Merge', deletionPolicy: 'Delete' } }, policies('Merge', 'Delete', DELETE, DELETE_FIX)],
    ['deletionPolicy Delete with creationPolicy CreateOrMerge', { data, target: { name: 'creds', creationPolicy: 'CreateOrMerge', deletionPolicy: 'Delete' } },
      policies('CreateOrMerge', 'Delete', DELETE, DELETE_FIX)],
    ['deletionPolicy Delete with creationPolicy None', { data, target: { name: 'creds', creationPolicy: 'None', deletionPolicy: 'Delete' } }, policies('None', 'Delete', DELETE, DELETE_FIX)],
    ['deletionPolicy Merge with creationPolicy None', { data, target: { name: 'creds', creationPolicy: 'None', deletionPolicy: 'Merge' } },
      policies('None', 'Merge', 'there is no Secret to merge with', 'set spec.target.deletionPolicy to Retain (the default), or remove it')],
    ['neither data nor dataFrom', { target: { name: 'creds' } }, NO_DATA],
    ['data and dataFrom empty', { target: { name: 'creds' }, data: [], dataFrom: [] }, NO_DATA],
    ['data null (dropped) and no dataFrom', { target: { name: 'creds' }, data: null }, NO_DATA],
    ['a dataFrom item of extract and find', { target: { name: 'creds' }, dataFrom: [{ extract: { key: 'fake/a' } }, { extract: { key: 'fake/b' }, find: { path: 'fake' } }] },
      refused('spec.dataFrom[1]', 'spec.dataFrom[1] with more than one of extract, find and sourceRef.generatorRef', BOTH, 'split spec.dataFrom[1] into one item for each of them')],
    ['a dataFrom item of find and a generator', { target: { name: 'creds' }, dataFrom: [{ find: { path: 'fake' }, sourceRef: { generatorRef: { kind: 'Password', name: 'pw' } } }] },
      refused('spec.dataFrom[0]', 'spec.dataFrom[0] with more than one of extract, find and sourceRef.generatorRef', BOTH, 'split spec.dataFrom[0] into one item for each of them')],
    ['a dataFrom item of nothing but a rewrite', { target: { name: 'creds' }, dataFrom: [{ rewrite: [{ regexp: { source: 'a', target: 'b' } }] }] },
      refused('spec.dataFrom[0]', 'spec.dataFrom[0] with none of extract, find and sourceRef', 'either extract, find, or sourceRef must be set to dataFrom',
        'give spec.dataFrom[0] an extract (a key to fetch), a find or a sourceRef, or remove it')],
    ['a templateFrom target Type, into a Secret', { data, target: { name: 'creds', template: { templateFrom: [{ literal: 'x', target: 'Data' }, { literal: 'Opaque', target: 'Type' }] } } },
      { ...refused('spec.target.template.templateFrom[1].target', '', '', 'give spec.target.template.templateFrom[1].target Data, Annotations or Labels, or remove it for the default, Data'),
      message: 'externalsecret creds (s1) in namespace team-a has spec.target.template.templateFrom[1].target that is none of Data, Annotations or Labels (in any case), '
        + 'which External Secrets Operator\'s webhook refuses it where it writes a Secret (templateFrom target is not allowed when targeting a Secret), '
        + 'and External Secrets Operator writes nothing of it' }],
  ])('%s: reported, and the Secret it names is not written', (_, spec, expected) => {
    // GIVEN Secret creds, and ExternalSecret creds (writing creds) its webhook refuses
    const given = inputs(secret('creds', []), externalSecret('creds', spec));
    // WHEN checked THEN the refusal alone: no duplicate of creds
    expect(checkManifests(given)).toEqual([expected]);
  });

  test.each<[string, string, string]>([
    ['v1beta1, which ESO v2.9 keeps with served: false', 'external-secrets.io/v1beta1', 'apiVersion external-secrets.io/v1beta1'],
    ['v1alpha1, which its CRD does not list', 'external-secrets.io/v1alpha1', 'apiVersion external-secrets.io/v1alpha1'],
    ['a version that is no version name, not shown', 'external-secrets.io/FAKE-ghpSecretToken123', 'an apiVersion of another version'],
  ])('an ExternalSecret of %s: refused by the api server, and the Secret it names is not written', (_title, apiVersion, named) => {
    // GIVEN Secret creds, and ExternalSecret creds (writing creds) of a version ESO v2.9.0's CRD does not serve
    const given = inputs(secret('creds', []), { ...externalSecret('creds', { data, target: { name: 'creds' } }), apiVersion });
    // WHEN checked THEN the refusal alone, of apiVersion: no duplicate of creds
    const problems = checkManifests(given);
    expect(problems).toEqual([{
      rule: 'shape', namespace: 'team-a', sources: ['s1'], key: 'apiVersion',
      message: `externalsecret creds (s1) in namespace team-a has ${named}, which External Secrets Operator v2.9's ExternalSecret CRD does not serve `
        + '(it serves v1 alone; v1beta1 is kept with served: false since v0.17.0), so the api server refuses it, and External Secrets Operator writes nothing of it',
      fix: 'write apiVersion: external-secrets.io/v1, the version External Secrets Operator serves',
    }]);
    // AND no text that is no version name shows
    expect(JSON.stringify(problems)).not.toMatch(/FAKE|ghp/);
  });

  test('an ExternalSecret without a spec: refused (no data), and it writes nothing', () => {
    // GIVEN Secret creds, and ExternalSecret creds without a spec
    const given = inputs(secret('creds', []), { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'creds', namespace: 'team-a' } });
    // WHEN checked THEN the webhook's refusal alone
    expect(checkManifests(given)).toEqual([NO_DATA]);
  });

  test.each<[string, any]>([
    ['deletionPolicy Delete with creationPolicy Owner', { data, target: { name: 'creds', creationPolicy: 'Owner', deletionPolicy: 'Delete' } }],
    ['deletionPolicy Merge with creationPolicy Orphan', { data, target: { name: 'creds', creationPolicy: 'Orphan', deletionPolicy: 'Merge' } }],
    ['dataFrom alone, of a generator', { target: { name: 'creds' }, dataFrom: [{ sourceRef: { generatorRef: { kind: 'Password', name: 'pw' } } }] }],
    ['templateFrom targets in any case, ſ folded as s (strings.EqualFold), and empty',
      { data, target: { name: 'creds', template: { templateFrom: [{ literal: 'a', target: 'DATA' }, { literal: 'b', target: 'labelſ' }, { literal: 'c', target: '' }, { literal: 'd' }] } } }],
  ])('%s: the webhook takes it, and the ExternalSecret writes its Secret', (_, spec) => {
    // GIVEN Secret creds, and ExternalSecret creds (writing creds) its webhook takes
    const given = inputs(secret('creds', []), externalSecret('creds', spec));
    // WHEN checked THEN creds is made twice
    expect(checkManifests(given).map(p => p.rule)).toEqual(['duplicate-object']);
  });

  test('a templateFrom target Type into a ConfigMap (a generic target): the webhook takes it, and the ConfigMap is written', () => {
    // GIVEN ConfigMap cfg, and ExternalSecret cfg writing ConfigMap cfg with a templateFrom of target Type
    const given = inputs(configMap('cfg', []), externalSecret('cfg', { data, target: { name: 'cfg', manifest: { apiVersion: 'v1', kind: 'ConfigMap' },
      template: { templateFrom: [{ literal: 'x', target: 'Type' }] } } }));
    // WHEN checked THEN cfg is made twice
    expect(checkManifests(given).map(p => p.rule)).toEqual(['duplicate-object']);
  });

  test('a template of type bootstrap.kubernetes.io/token (validatePrivilegedTemplate): reported by secret-type, and the Secret it names is not written', () => {
    // GIVEN Secret creds, and ExternalSecret creds writing creds with a bootstrap token template
    const given = inputs(secret('creds', []), externalSecret('creds', { data, target: { name: 'creds', template: { type: 'bootstrap.kubernetes.io/token' } } }));
    // WHEN checked THEN secret-type alone: no duplicate of creds
    expect(checkManifests(given).map(p => [p.rule, p.key])).toEqual([['secret-type', 'spec.target.template.type']]);
  });
});

describe('an ExternalSecret that fetches two items into one secretKey', () => {
  // ESO v2.9.0 apis/externalsecrets/v1/externalsecret_validator.go, validateDuplicateKeys: with deletionPolicy Retain, its
  // webhook refuses a spec.data of two items of one secretKey ("duplicate secretKey found: KEY"); the API server defaults
  // spec.target.deletionPolicy to Retain (the CRD's default) before the webhook sees it.
  const refused = (repeat: number, key: string, first: number) => ({
    rule: 'secret-data', namespace: 'team-a', sources: ['s1'], key: `spec.data[${repeat}].secretKey`,
    message: `externalsecret fetch (s1) in namespace team-a has spec.data[${repeat}].secretKey ${key}, as spec.data[${first}] has, with spec.target.deletionPolicy Retain `
      + '(the default): External Secrets Operator\'s webhook refuses the ExternalSecret (duplicate secretKey found), so kubectl apply fails and it writes nothing',
    fix: 'give each spec.data[] item its own secretKey (the key of the Secret it writes), or remove the repeated item',
  });
  const items = (...keys: string[]) => keys.map((secretKey, i) => ({ secretKey, remoteRef: { key: `fake/${i}` } }));

  test.each<[string, any, any[]]>([
    ['deletionPolicy unset (Retain): each key once, at its first repeat; and the Secret it names is not written', { data: items('a', 'b', 'a', 'b', 'a', 'c') },
      [refused(2, 'a', 0), refused(3, 'b', 1)]],
    ['deletionPolicy Retain', { target: { name: 'creds', deletionPolicy: 'Retain' }, data: items('a', 'a') }, [refused(1, 'a', 0)]],
    ['deletionPolicy null is dropped, and defaulted to Retain', { target: { name: 'creds', deletionPolicy: null }, data: items('a', 'a') }, [refused(1, 'a', 0)]],
  ])('%s', (_, spec, expected) => {
    // GIVEN Secret creds, and an ExternalSecret writing creds that fetches two items into one key
    const given = inputs(secret('creds', []), externalSecret('fetch', { target: { name: 'creds' }, ...spec }));
    // WHEN checked THEN the repeats alone: no duplicate of creds, as the ExternalSecret is never stored
    expect(checkManifests(given)).toEqual(expected);
  });

  test.each(['Delete', 'Merge'])('deletionPolicy %s: the webhook takes it, and the ExternalSecret writes its Secret', deletionPolicy => {
    // GIVEN Secret creds, and an ExternalSecret writing creds, with the deletionPolicy, that fetches two items into one key
    const given = inputs(secret('creds', []), externalSecret('fetch', { target: { name: 'creds', deletionPolicy }, data: items('a', 'a') }));
    // WHEN checked THEN creds is made twice
    expect(checkManifests(given).map(line)).toEqual([`s0 and s1 both make Secret creds in namespace team-a ${ESO_EXISTING}`]);
  });
});

describe('refresh-interval', () => {
  // spec.refreshInterval is a *metav1.Duration (ESO v2.9.0 apis/externalsecrets/v1/externalsecret_types.go), whose
  // UnmarshalJSON (k8s.io/apimachinery pkg/apis/meta/v1/duration.go) takes what time.ParseDuration reads; the CRD
  // declares `type: string` only, so the API server takes `1d`, and ESO's webhook, which decodes the object, refuses it.
  const FIX = 'give a Go duration such as "1h" or "15m", or "0s" to fetch once';
  const NOT_GO = 'is not a Go duration (time.ParseDuration: numbers with the units ns, us, ms, s, m or h, such as 1h30m; there is no unit d), '
    + 'which External Secrets Operator cannot decode (metav1.Duration)';
  const fetch = (refreshInterval: unknown) => externalSecret('fetch', { refreshInterval, target: { name: 'creds' }, data: [{ secretKey: 'AWS_REGION', remoteRef: { key: 'k' } }] });

  test.each<[string, unknown, string]>([
    ['a day', '1d', NOT_GO],
    ['words', '1 hour', NOT_GO],
    ['an empty string', '', NOT_GO],
    ['a unit without a number', 'h', NOT_GO],
    ['two signs', '-+1h', NOT_GO],
    ['a number', 3600, 'is a number, where the CRD declares a string (the API server refuses it)'],
  ])('%s: reported, and the Secret it would write is not judged', (_title, refreshInterval, why) => {
    // GIVEN an ExternalSecret of that refreshInterval, writing Secret creds, and a Secret creds
    const problems = checkManifests(inputs(fetch(refreshInterval), secret('creds', [])));
    // THEN the duration alone: ESO never writes that Secret
    expect(problems).toEqual([{
      rule: 'refresh-interval', namespace: 'team-a', sources: ['s0'], key: 'spec.refreshInterval', fix: FIX,
      message: `externalsecret fetch (s0) in namespace team-a has a spec.refreshInterval that ${why}: its webhook refuses the ExternalSecret, and without the webhook it is never synced`,
    }]);
  });

  test.each<[string, unknown]>([['1h0m0s', '1h0m0s'], ['0s', '0s'], ['0', '0'], ['1.5h', '1.5h'], ['300ms', '300ms'], ['2h45m', '2h45m'], ['a micro sign', '10\u00b5s'],
    ['a sign', '+1h'], ['a negative one', '-1h'], ['absent', undefined], ['null', null]])('%s is read: the Secret it writes is judged', (_title, refreshInterval) => {
    // GIVEN an ExternalSecret of a duration Go reads, writing Secret creds, and a Secret creds
    // THEN only the clash of the two
    expect(checkManifests(inputs(fetch(refreshInterval), secret('creds', []))).map(p => p.rule)).toEqual(['duplicate-object']);
  });

  test('a value pasted in the place of a duration is not repeated', () => {
    expect(JSON.stringify(checkManifests(inputs(fetch('FAKE-TOKEN-0000'))))).not.toContain('FAKE-TOKEN');
  });
});

describe('template', () => {
  // ESO v2.9.0 renders spec.target.template with Go's text/template (runtime/template/v2/template.go execute: Parse, then
  // Execute over a flat map[string]string of the fetched keys, with missingkey=error). The reader's vectors are compared
  // with Go's own parser through kubectl in test/check/go-template.test.ts.
  const SUFFIX = 'so every sync fails and External Secrets Operator writes nothing of it';
  const FIX = 'correct the template (External Secrets Operator\'s engine is Go\'s text/template with the delimiters {{ and }}; a literal {{ is written {{ "{{" }})';
  const login = (template: any, extra: any = {}) => externalSecret('login', {
    target: { name: 'creds', template },
    data: [{ secretKey: 'username', remoteRef: { key: 'k' } }, { secretKey: 'my-key', remoteRef: { key: 'k' } }],
    ...extra,
  });
  const problem = (key: string, what: string, fix = FIX) => ({
    rule: 'template', namespace: 'team-a', sources: ['s0'], key, fix,
    message: `externalsecret login (s0) in namespace team-a has a ${key} that ${what}, ${SUFFIX}`,
  });

  test('a field name that holds \'-\': reported by its key, with the index form as the fix', () => {
    // GIVEN a template data value that reads .my-key (Go's lexer: "bad character U+002D '-'")
    const problems = checkManifests(inputs(login({ data: { 'config.json': '{"u":"{{ .username }}",\n"k":"{{ .my-key }}"}' } })));
    // THEN the field by its path, the line, the cause in words, and the form that reads the key
    expect(problems).toEqual([problem('spec.target.template.data["config.json"]',
      'Go\'s text/template cannot parse: at line 2, a field name that holds \'-\' (Go reads .my-key as .my followed by -key)',
      'read a key that holds \'-\' with {{ index . "the-key" }}: {{ .the-key }} is no field name in Go\'s text/template')]);
  });

  test('an unclosed action in a templateFrom literal, an {{ if }} without {{ end }} in a label and in an annotation', () => {
    // GIVEN three templated places, each one Go cannot parse
    const problems = checkManifests(inputs(login({
      templateFrom: [{ literal: 'a: {{ .username' }],
      metadata: { labels: { team: '{{ if .username }}a' }, annotations: { note: '{{ end }}' } },
    })));
    // THEN each, by its path, in the order ESO renders them (ApplyTemplate: templateFrom, data, labels, annotations)
    expect(problems).toEqual([
      problem('spec.target.template.templateFrom[0].literal', 'Go\'s text/template cannot parse: at line 1, an action opened with {{ is not closed with }}'),
      problem('spec.target.template.metadata.labels.team', 'Go\'s text/template cannot parse: at line 1, an {{ if }} with no {{ end }} (the template ends first)'),
      problem('spec.target.template.metadata.annotations.note', 'Go\'s text/template cannot parse: at line 1, an {{ end }} that closes no {{ if }}, {{ range }} or {{ with }}'),
    ]);
  });

  test('a key no secretKey gives, when there is no dataFrom: reported', () => {
    // GIVEN a template that reads .pasword, where the data items give username and my-key
    const problems = checkManifests(inputs(login({ data: { password: '{{ .username }}:{{ .pasword | b64enc }}' } })));
    // THEN the key read, and the inputs there are (missingkey=error)
    expect(problems).toEqual([problem('spec.target.template.data.password',
      'reads .pasword at line 1, which no spec.data[].secretKey gives (the template\'s inputs, as there is no dataFrom: username, my-key): '
      + 'with missingkey=error a run fails there (map has no entry for key), if not before',
      'add a spec.data item of secretKey pasword, or read a secretKey given')]);
  });

  test.each<[string, any, any]>([
    ['index . "my-key"', { data: { k: '{{ index . "my-key" }}' } }, {}],
    ['the key read from dataFrom\'s keys, known only at sync', { data: { k: '{{ .password }}' } }, { dataFrom: [{ extract: { key: 'k' } }] }],
    ['a read inside {{ range }}, {{ with }} and an {{ if }} branch', { data: { k: '{{ with .username }}{{ .x }}{{ end }}{{ if .username }}{{ .y }}{{ end }}{{ range .username }}{{ .z }}{{ end }}' } }, {}],
    ['the second argument of or', { data: { k: '{{ or .username .password }}' } }, {}],
    ['a function the reader does not know', { data: { k: '{{ .username | someFunction }}{{ .my-key }}' } }, {}],
    // ESO v2.9.0 copies a generic target's template.metadata as it is (externalsecret_controller_manifest.go
    // applyTemplateToManifest): the annotation is written with its braces, and the sync succeeds.
    ['an annotation of a generic target (target.manifest), which ESO copies unrendered',
      { data: { k: '{{ .username }}' } },
      { target: { name: 'creds', manifest: { apiVersion: 'v1', kind: 'ConfigMap' },
        template: { data: { k: '{{ .username }}' }, metadata: { annotations: { note: '{{ .nokey }}', other: '{{ end }}' } } } } }],
    ['creationPolicy None, which renders nothing', { data: { k: '{{ .my-key }}' } }, { target: { name: 'creds', creationPolicy: 'None', template: { data: { k: '{{ .my-key }}' } } } }],
  ])('%s: not reported', (_title, template, extra) => {
    // GIVEN a template Go parses, or one the reader cannot be sure of, beside one Go cannot parse
    const beside = externalSecret('other', { target: { name: 'other' }, data: [{ secretKey: 'a', remoteRef: { key: 'k' } }] });
    beside.spec.target.template = { data: { k: '{{ .my-key }}' } };
    const problems = checkManifests(inputs(beside, login(template, extra)));
    // THEN only the other: false reports are worse than misses
    expect(problems.map(p => [p.rule, p.sources, p.key])).toEqual([['template', ['s0'], 'spec.target.template.data.k']]);
  });

  test('a ClusterExternalSecret: each ExternalSecret it makes ESO write is judged', () => {
    // GIVEN a CES for namespace team-a whose externalSecretSpec has a template Go cannot parse
    const ces = {
      apiVersion: 'external-secrets.io/v1', kind: 'ClusterExternalSecret', metadata: { name: 'login' },
      spec: { namespaces: ['team-a'], externalSecretSpec: login({ data: { k: '{{ .username }' } }).spec },
    };
    // THEN its ExternalSecret in team-a, named as the CES's
    expect(checkManifests(inputs(ces))).toEqual([{
      ...problem('spec.target.template.data.k', ''),
      sources: ['s0 (its ExternalSecret in namespace team-a)'],
      message: 'externalsecret login (s0 (its ExternalSecret in namespace team-a)) in namespace team-a has a spec.target.template.data.k that Go\'s text/template '
        + `cannot parse: at line 1, a punctuation character where Go's parser expects none (in an operand), ${SUFFIX}`,
    }]);
  });

  test('the template\'s text is never shown', () => {
    // GIVEN a template holding a fake credential and an error
    const problems = checkManifests(inputs(login({ data: { k: 'FAKE-TOKEN-0000 {{ .a-FAKE-TOKEN-0001 }}', j: '{{ .FAKETOKEN00000000002 }}' } })));
    // THEN reported, without any of it
    expect(problems.map(p => p.key)).toEqual(['spec.target.template.data.k', 'spec.target.template.data.j']);
    expect(JSON.stringify(problems)).not.toMatch(/FAKE|0000/);
  });
});

describe('output-file', () => {
  const PER_OBJECT = 'which cdk8s names after an object\'s kind and name only: the later write replaces the earlier one; give them different names, or use another YamlOutputType';

  test.each<[string, any[], boolean, string[]]>([
    ['one kind and name in two namespaces, one file per resource', [secret('creds', []), secret('creds', [], 'team-b')], true,
      [`s0 and s1 would both be written to the file Secret.creds.k8s.yaml, ${PER_OBJECT}`]],
    ['the same, one file per chart', [secret('creds', []), secret('creds', [], 'team-b')], false, []],
    ['one object twice is the duplicate rule\'s', [secret('creds', []), secret('creds', [])], true,
      [`s0 and s1 are both Secret creds (api group core) in namespace team-a: ${OVERWRITE}`]],
  ])('%s', (_, manifests, filePerResource, expected) => {
    expect(PodDefaultCheck.check(inputs(...manifests), { filePerResource }).map(line)).toEqual(expected);
  });

  test('objects given one file, written alone', () => {
    const given = [secret('creds', []), secret('creds', [], 'team-b'), secret('other', [], 'team-b')]
      .map((manifest, i) => ({ manifest, source: `s${i}`, file: i < 2 ? 'one/Secret.creds.yaml' : 'two/Secret.creds.yaml' }));
    expect(checkManifests(given).map(p => [p.rule, p.sources, p.key, line(p)])).toEqual([
      ['output-file', ['s0', 's1'], 'one/Secret.creds.yaml', `s0 and s1 would both be written to the file one/Secret.creds.yaml, ${PER_OBJECT}`],
    ]);
  });

  test('objects of two charts given one file: once per pair of charts', () => {
    const given = [secret('a', []), secret('b', []), secret('c', []), secret('d', [])]
      .map((manifest, i) => ({ manifest, source: `s${i}`, file: 'profile.k8s.yaml', chart: i < 2 ? 'Profile' : 'profile' }));
    expect(checkManifests(given).map(line)).toEqual([
      's0 and s2 would both be written to the file profile.k8s.yaml, which cdk8s names after their charts Profile and profile: '
        + 'the later chart\'s file replaces the earlier one\'s; give the charts ids that cdk8s names apart, or use another YamlOutputType',
    ]);
  });
});

describe('unknown-field in metadata', () => {
  // metadata is an ObjectMeta in every kind. The API server decodes it case-sensitively and, under kubectl 1.32's
  // default --validate=strict, refuses a field ObjectMeta lacks: a custom resource by apiextensions-apiserver v0.32.9
  // pkg/apiserver/schema/objectmeta/coerce.go GetObjectMetaWithOptions (sigs.k8s.io/json UnmarshalStrict, paths
  // "metadata.<field>"), a built-in kind by its strict decoder; with --validate=warn or false it drops the field
  // (SetObjectMeta writes back the typed ObjectMeta). Fields of ObjectMeta, OwnerReference and ManagedFieldsEntry:
  // k8s.io/apimachinery v0.32.9 pkg/apis/meta/v1/types.go.
  const REFUSED = (kind: string) => `kubectl apply refuses the ${kind} (strict field validation, its default), and with --validate=warn or false the api server drops the field as it stores the ${kind}`;

  test.each<[string, any, string, string, string]>([
    ['a PodDefault\'s misspelt labels', { ...pd('creds'), metadata: { name: 'creds', namespace: 'team-a', lables: { team: 'a' } } },
      'poddefault creds (s0) in namespace team-a', 'metadata.lables', `${REFUSED('PodDefault')}, so it carries none of the labels listed there; rename the field to metadata.labels`],
    ['a ConfigMap\'s annotation in the singular', { ...configMap('c', ['k']), metadata: { name: 'c', namespace: 'team-a', annotation: { note: 'x' } } },
      'configmap c (s0) in namespace team-a', 'metadata.annotation', `${REFUSED('ConfigMap')}, so it carries none of the annotations listed there; rename the field to metadata.annotations`],
    ['a Secret\'s Labels in upper case (the API server matches case)', { ...secret('creds', []), metadata: { name: 'creds', namespace: 'team-a', Labels: { a: 'b' } } },
      'secret creds (s0) in namespace team-a', 'metadata.Labels', `${REFUSED('Secret')}, so it carries none of the labels listed there; rename the field to metadata.labels`],
    ['a Namespace\'s field of no ObjectMeta', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a', description: 'x' } },
      'namespace team-a (s0)', 'metadata.description', `${REFUSED('Namespace')}; correct the field's name, or remove it`],
    ['an owner reference\'s misspelt field', { ...secret('creds', []), metadata: { name: 'creds', namespace: 'team-a', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'c', uid: 'u', controler: true }] } },
      'secret creds (s0) in namespace team-a', 'metadata.ownerReferences[0].controler', `${REFUSED('Secret')}; rename the field to metadata.ownerReferences[0].controller`],
  ])('%s: reported by its path, never its value', (_title, manifest, subject, path, rest) => {
    // GIVEN the object
    // WHEN checked
    const problems = PodDefaultCheck.check(inputs(manifest));
    // THEN one problem, naming the object and the path
    expect(problems.map(p => `${p.rule} ${p.key}: ${p.message}; ${p.fix}`)).toEqual([
      `unknown-field ${path}: ${subject} sets ${path}, a field the metadata of every object (ObjectMeta) does not declare: ${rest}`,
    ]);
  });

  test('every field ObjectMeta declares, as a cluster dump holds them, passes', () => {
    // GIVEN a Secret as `kubectl get -o yaml --show-managed-fields` prints it
    const manifest = { ...secret('creds', []), metadata: {
      name: 'creds', namespace: 'team-a', uid: 'u', resourceVersion: '1', generation: 1, creationTimestamp: '2026-01-01T00:00:00Z', labels: {}, annotations: {},
      finalizers: [], generateName: 'c', selfLink: '/x', deletionTimestamp: null, deletionGracePeriodSeconds: null,
      ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'c', uid: 'u', controller: true, blockOwnerDeletion: true }],
      managedFields: [{ manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', time: '2026-01-01T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': {} }, subresource: '' }],
    } };
    // WHEN checked THEN nothing
    expect(PodDefaultCheck.check(inputs(manifest))).toEqual([]);
  });

  test('a secret pasted as a field name is named by its path, which is where it is; its value never', () => {
    // GIVEN a ConfigMap whose metadata holds a fake token in the place of a field, with a value
    const problems = PodDefaultCheck.check(inputs({ ...configMap('c', []), metadata: { name: 'c', namespace: 'team-a', clusterName: 'FAKE_VALUE_0000' } }));
    // THEN the value is not in the problem (clusterName was removed from ObjectMeta in Kubernetes 1.25)
    expect(problems.map(p => p.key)).toEqual(['metadata.clusterName']);
    expect(JSON.stringify(problems)).not.toContain('FAKE_VALUE');
  });

  test('a list is judged by its items, as kubectl applies them', () => {
    // GIVEN a List whose second item's metadata misspells labels
    const list = { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: [configMap('a', []), { ...configMap('b', []), metadata: { name: 'b', namespace: 'team-a', lables: {} } }] };
    // WHEN checked THEN the item, by its source
    expect(PodDefaultCheck.check(inputs(list)).map(p => `${p.sources.join(',')} ${p.key}`)).toEqual(['s0.items[1] metadata.lables']);
  });
});

describe('unknown-field in an ExternalSecret\'s spec', () => {
  // ESO v2.9.0's ExternalSecret CRD, v1 (lib/check/eso-crd-fields.ts): a field it does not declare is pruned as the API
  // server stores the ExternalSecret (apiextensions-apiserver v0.32.9 pkg/apiserver/schema/pruning/algorithm.go), which
  // under kubectl 1.32's default --validate=strict is the error `unknown field "spec.target.creationpolicy"`
  // (customresource_handler.go). As for a PodDefault, the rest of the check reads the ExternalSecret as stored with
  // --validate=warn or false: the field dropped.
  const REFUSED = 'kubectl apply refuses the ExternalSecret (strict field validation, its default), and with --validate=warn or false the api server drops the field as it stores the ExternalSecret';
  const unknown = (path: string, tail: string, fix: string, source = 's0') => ({
    rule: 'unknown-field', namespace: 'team-a', sources: [source], key: path, fix,
    message: `externalsecret creds (${source}) in namespace team-a sets ${path}, a field the ExternalSecret CRD does not declare: ${REFUSED}${tail}`,
  });
  const CORRECT = 'correct the field\'s name, or remove it';

  test.each<[string, any, any[]]>([
    ['target.engineVersion (v1 declares template.engineVersion), as ESO\'s own multiline-template snippet sets it',
      { target: { name: 'creds', engineVersion: 'v1' }, data: FETCH }, [unknown('spec.target.engineVersion', '', CORRECT)]],
    ['remoteRef.Property in upper case (the api server matches case)', { data: [{ secretKey: 'token', remoteRef: { key: 'fake/token', Property: 'p' } }] },
      [unknown('spec.data[0].remoteRef.Property', '', 'rename the field to spec.data[0].remoteRef.property')]],
    ['a null refreshIntervall: pruned before nulls are dropped, so refused too', { refreshIntervall: null, data: FETCH },
      [unknown('spec.refreshIntervall', ', so spec.refreshInterval takes its default, 1h0m0s', 'rename the field to spec.refreshInterval')]],
    ['a misspelt field beside the right one: no default taken', { target: { name: 'creds', creationPolicy: 'Orphan', creationpolicy: 'Merge' }, data: FETCH },
      [unknown('spec.target.creationpolicy', '', 'remove the field: spec.target.creationPolicy is set besides')]],
    ['fields at every depth, in document order', {
      data: [{ secretKey: 'token', remoteRef: { key: 'fake/token' } }, { secretKey: 'user', remoteRef: { key: 'fake/user' }, sourceRef: { storeRef: { name: 'vault', knd: 'SecretStore' } } }],
      dataFrom: [{ extract: { key: 'fake/all', verison: '2' }, rewrite: [{ regexp: { source: 'a', target: 'b', flags: 'i' } }] }],
      target: { name: 'creds', template: { metadata: { labels: { a: 'b' }, owner: 'x' }, templateFrom: [{ literal: 'x', targett: 'Data' }] } },
    }, [
      unknown('spec.data[1].sourceRef.storeRef.knd', '', CORRECT),
      unknown('spec.dataFrom[0].extract.verison', '', 'rename the field to spec.dataFrom[0].extract.version'),
      unknown('spec.dataFrom[0].rewrite[0].regexp.flags', '', CORRECT),
      unknown('spec.target.template.metadata.owner', '', CORRECT),
      unknown('spec.target.template.templateFrom[0].targett', ', so spec.target.template.templateFrom[0].target takes its default, Data',
        'rename the field to spec.target.template.templateFrom[0].target'),
    ]],
  ])('%s: reported by its path, never its value', (_title, spec, expected) => {
    // GIVEN ExternalSecret creds with fields its CRD does not declare
    // WHEN checked
    const problems = checkManifests(inputs(externalSecret('creds', spec)));
    // THEN one unknown-field problem per field (a key of 4 letters or fewer is matched by case alone: knd is no kind)
    expect(problems).toEqual(expected);
  });

  test('a misspelt creationpolicy Merge: reported, and the ExternalSecret read as the api server stores it, an Owner', () => {
    // GIVEN Secret creds, and ExternalSecret fetch meant to merge its keys into creds, with creationPolicy misspelt
    const given = inputs(secret('creds', []), externalSecret('fetch', { target: { name: 'creds', creationpolicy: 'Merge' }, data: FETCH }));
    // WHEN checked
    // THEN the field is reported with the default the api server sets in its place, and, as a PodDefault's pruned field
    // is, the rest judged as stored with --validate=warn or false: an Owner, whose Secret clashes with creds
    expect(checkManifests(given)).toEqual([
      { rule: 'duplicate-object', namespace: 'team-a', sources: ['s0', 's1'], key: 'creds', message: `s0 and s1 both make Secret creds in namespace team-a ${ESO_EXISTING.split('; ')[0]}`,
        fix: ESO_EXISTING.split('; ')[1] },
      { ...unknown('spec.target.creationpolicy', ', so spec.target.creationPolicy takes its default, Owner', 'rename the field to spec.target.creationPolicy', 's1'),
        message: `externalsecret fetch (s1) in namespace team-a sets spec.target.creationpolicy, a field the ExternalSecret CRD does not declare: ${REFUSED}, `
          + 'so spec.target.creationPolicy takes its default, Owner' },
    ]);
  });

  test('the value of an unknown field never shows', () => {
    // GIVEN ExternalSecret creds with a fake password pasted under a field of its target
    const problems = checkManifests(inputs(externalSecret('creds', { target: { name: 'creds', pasword: 'fake-password-0000' }, data: FETCH })));
    // WHEN checked THEN the field, by its path, and not its value
    expect(problems.map(p => p.key)).toEqual(['spec.target.pasword']);
    expect(JSON.stringify(problems)).not.toContain('fake-password-0000');
  });

  test('maps take any key, status is not judged, and a value of another type is shape\'s alone', () => {
    // GIVEN ExternalSecret creds with keys of its own in the CRD's maps (template data, template labels and annotations,
    // find.tags), a status of fields the CRD lacks, and one field its template does not declare; and ExternalSecret
    // other whose target.name is a mapping
    const spec = {
      dataFrom: [{ find: { tags: { 'any-tag': 'x', Team: 'a' } } }],
      target: { name: 'creds', template: { engine: 'v2', data: { 'any.key': '{{ .x }}', Other_Key: 'y' }, metadata: { labels: { 'example.com/x': 'y' }, annotations: { lables: 'z' } } } },
    };
    const given = inputs({ ...externalSecret('creds', spec), status: { conditions: [], notAField: 1 } },
      externalSecret('other', { target: { name: { naem: 'x' } }, data: FETCH }));
    // WHEN checked
    // THEN other's target.name as shape (the api server refuses its type; its keys are not judged), and the template's
    // field alone of creds
    expect(checkManifests(given).map(p => [p.rule, p.sources[0], p.key])).toEqual([['shape', 's1', 'spec.target.name'], ['unknown-field', 's0', 'spec.target.template.engine']]);
  });
});

describe('field-type in metadata', () => {
  // ObjectMeta's fields have Go types (k8s.io/apimachinery v0.32.9 pkg/apis/meta/v1/types.go): labels and annotations
  // map[string]string, finalizers []string, generation an int64, an owner reference's controller a *bool... The API
  // server refuses an object whose metadata holds a value of another type, whatever kubectl's --validate: a built-in
  // kind fails to decode ("cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string"), a
  // custom resource fails apiextensions-apiserver's GetObjectMeta (customresource_handler.go: the request decoder does
  // not drop invalid metadata; only the storage decoder, for CRs stored before ObjectMeta was validated, does).
  const REFUSED = (kind: string) => `the api server refuses the ${kind} (it cannot decode its metadata), so kubectl apply fails whatever its --validate`;
  const withMetadata = (metadata: any) => ({ ...configMap('c', []), metadata: { name: 'c', namespace: 'team-a', ...metadata } });

  test.each<[string, any, string, string, string]>([
    ['a label value of a number (YAML `team: 2`)', { labels: { team: 2 } }, 'metadata.labels.team', 'a number', 'a string'],
    ['an annotation value of a boolean (YAML 1.1 `yes`)', { annotations: { 'example.com/on': true } }, 'metadata.annotations["example.com/on"]', 'a boolean', 'a string'],
    ['annotations as a list', { annotations: ['a=b'] }, 'metadata.annotations', 'a list', 'a mapping'],
    ['labels as a string', { labels: 'team=a' }, 'metadata.labels', 'a string', 'a mapping'],
    ['a finalizer that is a mapping', { finalizers: [{ name: 'x' }] }, 'metadata.finalizers[0]', 'a mapping', 'a string'],
    ['finalizers as a string', { finalizers: 'example.com/x' }, 'metadata.finalizers', 'a string', 'a list'],
    ['a generation with a fraction', { generation: 1.5 }, 'metadata.generation', 'a number with a fraction', 'an integer'],
    ['a generation in quotes', { generation: '1' }, 'metadata.generation', 'a string', 'an integer'],
    ['a creationTimestamp of a number', { creationTimestamp: 1767225600 }, 'metadata.creationTimestamp', 'a number', 'a string'],
    ['an owner reference\'s controller in quotes', { ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'o', uid: 'u', controller: 'true' }] },
      'metadata.ownerReferences[0].controller', 'a string', 'true or false'],
    ['an owner reference that is a string', { ownerReferences: ['o'] }, 'metadata.ownerReferences[0]', 'a string', 'a mapping'],
    ['a uid of a number', { uid: 1 }, 'metadata.uid', 'a number', 'a string'],
  ])('%s: refused by its path, never its value', (_title, metadata, path, found, expected) => {
    // GIVEN a ConfigMap with the metadata WHEN checked
    const problems = PodDefaultCheck.check(inputs(withMetadata(metadata)));
    // THEN one problem, naming the object and the path
    expect(problems.filter(p => p.rule === 'field-type').map(p => `${p.key}: ${p.message}`)).toEqual([
      `${path}: configmap c (s0) in namespace team-a has ${found} at ${path}, where ObjectMeta declares ${expected}: ${REFUSED('ConfigMap')}`,
    ]);
  });

  test('nulls, and every type ObjectMeta declares, pass', () => {
    // GIVEN metadata with null values (Go's decoder leaves the field empty) and every field of its type
    // (a null finalizer is an empty name, which the api server refuses: see the owner references and finalizers below)
    const metadata = { labels: { a: 'b', n: null }, annotations: null, finalizers: ['example.com/x'], generation: 2, deletionGracePeriodSeconds: null,
      creationTimestamp: null, ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'o', uid: 'u', controller: true, blockOwnerDeletion: null }],
      managedFields: [{ manager: 'm', operation: 'Apply', time: '2026-01-01T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': {} } }] };
    // WHEN checked THEN no field-type problem
    expect(PodDefaultCheck.check(inputs(withMetadata(metadata))).filter(p => p.rule === 'field-type')).toEqual([]);
  });

  // An integer of ObjectMeta is an int64. kubectl reads YAML through go-yaml v2 and writes JSON of its values
  // (sigs.k8s.io/yaml), so a float that is a whole number is sent without fraction or exponent and decodes
  // into the int64 (9.007199254740993e15 is sent as 9007199254740992); one beyond int64 does not. A whole
  // number past 2^53 is no refusal: the number JavaScript reads is the number kubectl sends.
  const INTEGER_VECTORS: readonly (readonly [string, string | undefined])[] = [
    ['9007199254740992', undefined],
    ['9007199254740994', undefined],
    ['9.007199254740993e15', undefined],
    ['4611686018427387904', undefined],
    ['-9223372036854775808', undefined],
    ['1.0', undefined],
    ['1e3', undefined],
    ['9223372036854775808', 'a whole number beyond 64 bits'],
    ['1e21', 'a whole number beyond 64 bits'],
    ['-1.0000000001', 'a number with a fraction'],
  ];
  const generationYaml = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: team-a\n  generation: ${value}\n`;

  test.each(INTEGER_VECTORS.map(([value, found]) => [value, found] as const))('generation: %s in YAML, as kubectl decodes it into an int64', (value, found) => {
    // GIVEN a ConfigMap file whose generation is the number WHEN read as the CLI reads it and checked
    const read = readManifestText(generationYaml(value), 'c.yaml');
    const problems = PodDefaultCheck.check(read.objects.map(o => ({ manifest: o.value, source: o.source })));
    // THEN refused for its type exactly when the number is no int64, by its path (a negative int64 is refused for its
    // value, as the api server's ValidateNonnegativeField does: see the names, namespaces, labels... below)
    expect(problems.filter(p => p.rule === 'field-type' && p.message.includes('where ObjectMeta declares')).map(p => p.message)).toEqual(found === undefined ? [] : [
      `configmap c (c.yaml#1) in namespace team-a has ${found} at metadata.generation, where ObjectMeta declares an integer: ${REFUSED('ConfigMap')}`,
    ]);
  });

  withKubectl('kubectl on this machine decodes the same generations into its int64', () => {
    for (const [value, found] of INTEGER_VECTORS) {
      // GIVEN the file WHEN kubectl decodes it THEN it fails exactly where the check refuses
      expect([value, kubectlDecoding(generationYaml(value)).refused]).toEqual([value, found !== undefined]);
    }
  }, 60_000);

  // A timestamp of ObjectMeta is a metav1.Time, whose UnmarshalJSON (k8s.io/apimachinery v0.32.9
  // pkg/apis/meta/v1/time.go) reads a string with Go's time.Parse(time.RFC3339, ...) and fails on any other: a
  // date alone, a space for the T, no zone, a day past the month's end. Go's parse is laxer than RFC 3339 (a
  // one-digit hour, a comma before the fraction, a zone of +24:00 pass). Recorded from kubectl v1.32.4.
  const TIME_VECTORS: readonly (readonly [string, boolean])[] = [
    ['"2026-01-01T00:00:00Z"', true],
    ['2026-01-01T00:00:00Z', true],
    ['2026-01-01T00:00:00.5Z', true],
    ['"2026-01-01T00:00:00.123456789012+01:00"', true],
    ['"2026-01-01T00:00:00,5Z"', true],
    ['"2026-01-01T1:00:00Z"', true],
    ['"2024-02-29T00:00:00Z"', true],
    ['"0000-02-29T00:00:00Z"', true],
    ['"2026-01-01T00:00:00+24:00"', true],
    ['"2026-01-01T00:00:00-23:60"', true],
    ['"2026-01-01T00:00:00+24:60"', true],
    ['"2026-01-01T09:5:00Z"', false],
    ['"2026-01-01T00:00:00.123,4Z"', false],
    ['""', false],
    ['"yesterday"', false],
    ['2026-01-01', false],
    ['2026-01-01 00:00:00Z', false],
    ['"2026-01-01t00:00:00z"', false],
    ['"2026-01-01T00:00:00"', false],
    ['"2026-01-01T00:00:00+0100"', false],
    ['"2026-01-01T00:00:00+1:00"', false],
    ['"2026-01-01T00:00:00.Z"', false],
    ['"2026-01-01T00:00:00Z "', false],
    ['"10000-01-01T00:00:00Z"', false],
    ['"2026-02-29T00:00:00Z"', false],
    ['"1900-02-29T00:00:00Z"', false],
    ['"2026-04-31T00:00:00Z"', false],
    ['"2026-13-01T00:00:00Z"', false],
    ['"2026-01-01T24:00:00Z"', false],
    ['"2026-01-01T00:60:00Z"', false],
    ['"2026-01-01T00:00:60Z"', false],
    ['"2026-01-01T00:00:00+25:00"', false],
    ['"2026-01-01T00:00:00+23:61"', false],
    ['"\uff12026-01-01T00:00:00Z"', false],
  ];
  const timeYaml = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: team-a\n  creationTimestamp: ${value}\n`;

  test.each(TIME_VECTORS.map(([value, passes]) => [value, passes] as const))('creationTimestamp: %s, as metav1.Time reads it', (value, passes) => {
    // GIVEN a ConfigMap file with the creationTimestamp WHEN read as the CLI reads it and checked
    const read = readManifestText(timeYaml(value), 'c.yaml');
    const problems = PodDefaultCheck.check(read.objects.map(o => ({ manifest: o.value, source: o.source })));
    // THEN refused exactly when Go's time.Parse fails on it, by its path and never its value
    expect(problems.filter(p => p.rule === 'field-type').map(p => `${p.key}: ${p.message}; ${p.fix}`)).toEqual(passes ? [] : [
      'metadata.creationTimestamp: configmap c (c.yaml#1) in namespace team-a has a string that is no RFC 3339 time at metadata.creationTimestamp, '
      + `where ObjectMeta declares a time (a string in RFC 3339, such as 2026-01-01T00:00:00Z): ${REFUSED('ConfigMap')}; `
      + 'write the time in RFC 3339, such as 2026-01-01T00:00:00Z, or leave the field out (the api server sets creationTimestamp and deletionTimestamp)',
    ]);
  });

  test('deletionTimestamp and a managed fields entry\'s time are times too', () => {
    // GIVEN a ConfigMap with a date alone in both
    const problems = PodDefaultCheck.check(inputs(withMetadata({ deletionTimestamp: '2026-01-01',
      managedFields: [{ manager: 'm', operation: 'Apply', time: '2026-01-01 00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: {} }] })));
    // WHEN checked THEN both, by their paths
    expect(problems.filter(p => p.rule === 'field-type').map(p => p.key)).toEqual(['metadata.deletionTimestamp', 'metadata.managedFields[0].time']);
  });

  withKubectl('kubectl on this machine decodes the same creationTimestamps', () => {
    for (const [value, passes] of TIME_VECTORS) {
      // GIVEN the file WHEN kubectl decodes it THEN it fails exactly where the check refuses
      expect([value, !kubectlDecoding(timeYaml(value)).refused]).toEqual([value, passes]);
    }
  }, 60_000);

  test('a PodDefault\'s label of a number is refused once, in every door\'s words', () => {
    // GIVEN a PodDefault whose metadata label value is a number WHEN checked
    const problems = PodDefaultCheck.check(inputs({ ...pd('creds'), metadata: { name: 'creds', namespace: 'team-a', labels: { tier: 1 } } }));
    // THEN the field-type problem, and never the value
    expect(problems.filter(p => p.key === 'metadata.labels.tier').map(p => p.rule)).toEqual(['field-type']);
  });
});

describe('field-type in metadata: owner references and finalizers the api server refuses', () => {
  // Every create and update runs k8s.io/apimachinery v0.32.9 pkg/api/validation/objectmeta.go ValidateObjectMetaAccessor
  // on any kind (k8s.io/apiserver v0.32.9 pkg/registry/rest/create.go BeforeCreate), whatever kubectl's --validate:
  // - ValidateOwnerReferences / validateOwnerReference: "version must not be empty" (schema.FromAPIVersionAndKind),
  //   "kind must not be empty", "name must not be empty", "uid must not be empty", "v1, Kind=Event is disallowed from
  //   being an owner", and "Only one reference can have Controller set to true" for each controller after the first;
  // - ValidateFinalizers / ValidateFinalizerName: IsQualifiedName of each (a null entry decodes to ""), and "finalizer
  //   orphan and foregroundDeletion cannot be both set";
  // - for a kind of the core group, kubernetes v1.32 pkg/apis/core/validation/validation.go ValidateObjectMeta adds
  //   validateKubeFinalizerName: "name is neither a standard finalizer name nor is it fully qualified" for a name
  //   without / other than kubernetes, orphan, foregroundDeletion. A custom resource's gets only a warning
  //   (apiextensions-apiserver v0.32.9 pkg/registry/customresource/validator.go validateKubeFinalizerName, called
  //   from strategy.go WarningsOnCreate).
  // kubectl cannot confirm these: its client runs no ObjectMeta validation (see the kubectl test below).
  const withMetadata = (metadata: any) => ({ ...configMap('c', []), metadata: { name: 'c', namespace: 'team-a', ...metadata } });
  /** An owner reference, its fields overridden by `fields`, where one `undefined` is left out. */
  const owner = (fields: any = {}) => Object.fromEntries(Object.entries({ apiVersion: 'v1', kind: 'ConfigMap', name: 'o', uid: 'u', ...fields }).filter(([, v]) => v !== undefined));
  const REFUSED = 'the api server refuses the ConfigMap';
  const WHOLE = 'as every owner reference needs its apiVersion, kind, name and uid';
  const QUALIFIED = 'as a finalizer must be one (an optional DNS subdomain and /, then 1 to 63 letters, digits, -, _ and ., starting and ending with a letter or digit)';
  const FINALIZER_FIX = 'name the finalizer after the controller that removes it, with its domain (example.com/cleanup), or remove it';

  test.each<[string, any, string, string, string]>([
    ['an owner reference without uid', { ownerReferences: [owner({ uid: undefined })] }, 'metadata.ownerReferences[0].uid',
      `an owner reference without uid at metadata.ownerReferences[0].uid: ${REFUSED}, ${WHOLE}`,
      'give the owner\'s uid, as kubectl get shows it in the owner\'s metadata.uid once the owner exists, or remove the owner reference'],
    ['an owner reference with an empty name', { ownerReferences: [owner(), owner({ name: '' })] }, 'metadata.ownerReferences[1].name',
      `an owner reference without name at metadata.ownerReferences[1].name: ${REFUSED}, ${WHOLE}`, 'give the owner\'s name'],
    ['an owner reference whose kind is null (Go leaves it empty)', { ownerReferences: [owner({ kind: null })] }, 'metadata.ownerReferences[0].kind',
      `an owner reference without kind at metadata.ownerReferences[0].kind: ${REFUSED}, ${WHOLE}`, 'give the owner\'s kind'],
    ['an owner reference without apiVersion', { ownerReferences: [owner({ apiVersion: undefined })] }, 'metadata.ownerReferences[0].apiVersion',
      `an owner reference without apiVersion at metadata.ownerReferences[0].apiVersion: ${REFUSED}, ${WHOLE}`, 'give the owner\'s apiVersion (v1, or its group and version: apps/v1)'],
    ['an owner reference\'s apiVersion of a group alone', { ownerReferences: [owner({ apiVersion: 'apps/' })] }, 'metadata.ownerReferences[0].apiVersion',
      `an owner reference's apiVersion without a version at metadata.ownerReferences[0].apiVersion: ${REFUSED}, as an owner reference needs the owner's version`,
      'write the owner\'s apiVersion as kubectl get shows it: v1, or its group and version (apps/v1)'],
    ['an owner reference\'s apiVersion of two slashes', { ownerReferences: [owner({ apiVersion: 'example.com/v1/x' })] }, 'metadata.ownerReferences[0].apiVersion',
      `an owner reference's apiVersion without a version at metadata.ownerReferences[0].apiVersion: ${REFUSED}, as an owner reference needs the owner's version`,
      'write the owner\'s apiVersion as kubectl get shows it: v1, or its group and version (apps/v1)'],
    ['an Event as owner', { ownerReferences: [owner({ kind: 'Event' })] }, 'metadata.ownerReferences[0]',
      `an Event as owner at metadata.ownerReferences[0]: ${REFUSED}, as no Event may own an object`, 'remove the owner reference'],
    ['two owner references with controller: true', { ownerReferences: [owner({ controller: true }), owner({ uid: 'v', controller: false }), owner({ uid: 'w', controller: true })] },
      'metadata.ownerReferences[2].controller',
      `a second owner reference with controller: true at metadata.ownerReferences[2].controller: ${REFUSED}, as only one owner may be an object's controller`,
      'set controller: true on one owner reference only'],
    ['an empty finalizer', { finalizers: ['example.com/x', ''] }, 'metadata.finalizers[1]',
      `an empty finalizer at metadata.finalizers[1]: ${REFUSED}, as a finalizer is a qualified name`, 'remove the empty entry'],
    ['a null finalizer (an empty name to Go)', { finalizers: [null] }, 'metadata.finalizers[0]',
      `an empty finalizer at metadata.finalizers[0]: ${REFUSED}, as a finalizer is a qualified name`, 'remove the empty entry'],
    ['a finalizer with a space', { finalizers: ['example.com/clean up'] }, 'metadata.finalizers[0]',
      `a finalizer that is no qualified name at metadata.finalizers[0]: ${REFUSED}, ${QUALIFIED}`, FINALIZER_FIX],
    ['a finalizer whose domain is in upper case', { finalizers: ['Example.com/cleanup'] }, 'metadata.finalizers[0]',
      `a finalizer that is no qualified name at metadata.finalizers[0]: ${REFUSED}, ${QUALIFIED}`, FINALIZER_FIX],
    ['a finalizer of two slashes', { finalizers: ['example.com/a/b'] }, 'metadata.finalizers[0]',
      `a finalizer that is no qualified name at metadata.finalizers[0]: ${REFUSED}, ${QUALIFIED}`, FINALIZER_FIX],
    ['a ConfigMap\'s finalizer without a domain', { finalizers: ['cleanup'] }, 'metadata.finalizers[0]',
      `a finalizer without a domain (no /) that is none of kubernetes, orphan and foregroundDeletion at metadata.finalizers[0]: ${REFUSED}, `
      + 'as kubernetes\' own kinds\' validation does (a custom resource\'s only warns of it)', FINALIZER_FIX],
    ['orphan and foregroundDeletion together', { finalizers: ['orphan', 'foregroundDeletion'] }, 'metadata.finalizers',
      `both orphan and foregroundDeletion at metadata.finalizers: ${REFUSED}, as its dependents cannot be both orphaned and deleted first`,
      'keep one of them: orphan leaves the dependents, foregroundDeletion deletes them before the object'],
  ])('%s: refused by its path, never its value', (_title, metadata, path, rest, fix) => {
    // GIVEN a ConfigMap with the metadata WHEN checked
    const problems = PodDefaultCheck.check(inputs(withMetadata(metadata)));
    // THEN one field-type problem, naming the object and the path
    expect(problems.map(p => `${p.rule} ${p.key}: ${p.message}; ${p.fix}`)).toEqual([
      `field-type ${path}: configmap c (s0) in namespace team-a has ${rest}; ${fix}`,
    ]);
  });

  test('what the api server takes passes: complete references, one controller, qualified and standard finalizers', () => {
    // GIVEN a ConfigMap whose references are complete (a core owner by v1, another by group and version), one of them
    // the controller, and finalizers with a domain, Kubernetes' own, and one written twice (neither function checks that)
    const metadata = { ownerReferences: [owner({ controller: true, blockOwnerDeletion: true }), owner({ apiVersion: 'apps/v1', kind: 'Deployment', uid: 'v', controller: false })],
      finalizers: ['example.com/cleanup', 'kubernetes', 'foregroundDeletion', 'example.com/Clean_Up.1', 'example.com/cleanup'] };
    // WHEN checked THEN nothing
    expect(PodDefaultCheck.check(inputs(withMetadata(metadata)))).toEqual([]);
  });

  test('a custom resource\'s finalizer without a domain is only a warning; a qualified name is still required', () => {
    // GIVEN a PodDefault with a finalizer without /, and one that is no qualified name
    const manifest = { ...pd('creds'), metadata: { name: 'creds', namespace: 'team-a', finalizers: ['cleanup', 'clean up'] } };
    // WHEN checked THEN the second only
    expect(PodDefaultCheck.check(inputs(manifest)).map(p => `${p.rule} ${p.key}`)).toEqual(['field-type metadata.finalizers[1]']);
  });

  test('a core Event\'s finalizer without a domain passes: its validation skips the core group\'s ObjectMeta rules', () => {
    // GIVEN a core Event (v1) with a finalizer without /, and one that is no qualified name. kubernetes
    // pkg/apis/core/validation/events.go ValidateEventCreate returns after legacyValidateEvent for a request of v1
    // ("No further validation for backwards compatibility"), so the core ValidateObjectMeta, and its
    // validateKubeFinalizerName, never run; the generic BeforeCreate's ValidateObjectMetaAccessor (IsQualifiedName) does.
    const event = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', namespace: 'team-a', finalizers: ['cleanup', 'clean up'] },
      involvedObject: { kind: 'ConfigMap', name: 'c', namespace: 'team-a' } };
    // WHEN checked THEN the second only
    expect(PodDefaultCheck.check(inputs(event)).map(p => `${p.rule} ${p.key}`)).toEqual(['field-type metadata.finalizers[1]']);
  });

  test.each<[string, string, boolean]>([
    ['Deployment', 'apps/v1', true], ['StatefulSet', 'apps/v1', true], ['DaemonSet', 'apps/v1', true], ['ReplicaSet', 'apps/v1', true],
    ['Job', 'batch/v1', true], ['CronJob', 'batch/v1', true], ['Ingress', 'networking.k8s.io/v1', true], ['NetworkPolicy', 'networking.k8s.io/v1', true],
    ['Role', 'rbac.authorization.k8s.io/v1', true], ['ClusterRole', 'rbac.authorization.k8s.io/v1', false],
    ['RoleBinding', 'rbac.authorization.k8s.io/v1', true], ['ClusterRoleBinding', 'rbac.authorization.k8s.io/v1', false],
    ['HorizontalPodAutoscaler', 'autoscaling/v2', true], ['StorageClass', 'storage.k8s.io/v1', false], ['PriorityClass', 'scheduling.k8s.io/v1', false],
    ['Pod', 'v1', true], ['Service', 'v1', true], ['PersistentVolumeClaim', 'v1', true],
    ['IngressClass', 'networking.k8s.io/v1', false], ['ServiceCIDR', 'networking.k8s.io/v1beta1', false],
    ['CertificateSigningRequest', 'certificates.k8s.io/v1', false], ['EndpointSlice', 'discovery.k8s.io/v1', true],
    ['FlowSchema', 'flowcontrol.apiserver.k8s.io/v1', false], ['PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io/v1', false],
    ['CSIDriver', 'storage.k8s.io/v1', false], ['CSINode', 'storage.k8s.io/v1', false], ['VolumeAttachment', 'storage.k8s.io/v1', false],
  ])('the finalizer of a %s without a domain is refused: its validation calls the core group\'s ValidateObjectMeta', (kind, apiVersion, namespaced) => {
    // GIVEN a built-in kind whose validation calls kubernetes' pkg/apis/core/validation ValidateObjectMeta (builtin-kinds.ts,
    // release-1.32: apps, batch, networking, rbac, autoscaling, storage (CSIDriver, CSINode, VolumeAttachment too),
    // scheduling, certificates, discovery, flowcontrol),
    // with a finalizer without /
    const manifest = { apiVersion, kind, metadata: { name: 'x', ...(namespaced ? { namespace: 'team-a' } : {}), finalizers: ['example.com/ok', 'cleanup'] } };
    // WHEN checked
    const problems = PodDefaultCheck.check(inputs(manifest)).filter(p => p.rule === 'field-type');
    // THEN the second is refused by validateKubeFinalizerName, by its path, never its value
    expect(problems.map(p => `${p.key}: ${p.message}; ${p.fix}`)).toEqual([
      `metadata.finalizers[1]: ${kind.toLowerCase()} x (s0)${namespaced ? ' in namespace team-a' : ''} has a finalizer without a domain (no /) that is none of kubernetes, `
      + `orphan and foregroundDeletion at metadata.finalizers[1]: the api server refuses the ${kind}, as kubernetes' own kinds' validation does `
      + `(a custom resource's only warns of it); ${FINALIZER_FIX}`,
    ]);
  });

  test('an IPAddress\'s finalizer without a domain is refused: ValidateIPAddress calls the core group\'s ValidateObjectMeta', () => {
    // GIVEN an IPAddress named by its address, with a finalizer without / (kubernetes pkg/apis/networking/validation
    // ValidateIPAddress: apivalidation.ValidateObjectMeta of k8s.io/kubernetes/pkg/apis/core/validation, in the 1.29 and
    // 1.33+ versions read, builtin-kinds.ts)
    const manifest = { apiVersion: 'networking.k8s.io/v1beta1', kind: 'IPAddress', metadata: { name: '10.96.0.10', finalizers: ['cleanup'] },
      spec: { parentRef: { group: '', resource: 'services', namespace: 'kube-system', name: 'kube-dns' } } };
    // WHEN checked THEN the finalizer alone, by its path
    expect(PodDefaultCheck.check(inputs(manifest)).map(p => `${p.rule} ${p.key}`)).toEqual(['field-type metadata.finalizers[0]']);
  });

  test('a PodDisruptionBudget\'s, a CustomResourceDefinition\'s and an unknown kind\'s finalizer without a domain pass', () => {
    // GIVEN kinds whose validation calls apimachinery's ValidateObjectMeta alone, or none: kubernetes release-1.32
    // pkg/apis/policy/validation ValidatePodDisruptionBudget validates the spec alone; apiextensions-apiserver v0.32.9
    // ValidateCustomResourceDefinition calls genericvalidation.ValidateObjectMeta, as do the admissionregistration kinds,
    // ValidateLease, ValidateRuntimeClass and kube-aggregator v0.32.9 ValidateAPIService (builtin-kinds.ts); a kind the
    // check does not know is not judged by it. Each has a finalizer without /, and one that is no qualified name (every kind's rule)
    const finalizers = ['cleanup', 'clean up'];
    const manifests = [
      { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'pdb', namespace: 'team-a', finalizers }, spec: {} },
      { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com', finalizers },
        spec: { group: 'example.com', names: { plural: 'widgets', kind: 'Widget' }, scope: 'Namespaced', versions: [] } },
      { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'team-a', finalizers } },
      ...['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding']
        .map(kind => ({ apiVersion: 'admissionregistration.k8s.io/v1', kind, metadata: { name: 'x', finalizers } })),
      { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'l', namespace: 'team-a', finalizers } },
      { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'gvisor', finalizers }, handler: 'runsc' },
      { apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1beta1.metrics.k8s.io', finalizers },
        spec: { group: 'metrics.k8s.io', version: 'v1beta1' } },
    ];
    // WHEN checked THEN only the names that are no qualified name
    expect(PodDefaultCheck.check(inputs(...manifests)).filter(p => p.rule === 'field-type').map(p => `${p.sources.join(',')} ${p.key}`))
      .toEqual(manifests.map((_m, i) => `s${i} metadata.finalizers[1]`));
  });

  test('a value of another type is metadata-type\'s, a misspelt field unknown-field\'s: one problem each', () => {
    // GIVEN owner references with a uid of a number, a uid written UID, and a finalizer of a number
    const metadata = { ownerReferences: [owner({ uid: 5 }), owner({ uid: undefined, UID: 'u' })], finalizers: [5] };
    // WHEN checked THEN each reported once, by the rule that names the fix
    expect(PodDefaultCheck.check(inputs(withMetadata(metadata))).map(p => `${p.rule} ${p.key}`)).toEqual([
      'unknown-field metadata.ownerReferences[1].UID',
      'field-type metadata.ownerReferences[0].uid',
      'field-type metadata.finalizers[0]',
    ]);
  });

  test('a null owner reference is one without any field', () => {
    // GIVEN a ConfigMap whose owner reference is left empty in YAML (the api server decodes it into an empty OwnerReference)
    const problems = PodDefaultCheck.check(inputs(withMetadata({ ownerReferences: [null] })));
    // WHEN checked THEN its four required fields
    expect(problems.map(p => p.key)).toEqual(['apiVersion', 'kind', 'name', 'uid'].map(f => `metadata.ownerReferences[0].${f}`));
  });

  test('the ExternalSecret a ClusterExternalSecret writes is not judged: ESO gives its owner reference the uid', () => {
    // GIVEN a ClusterExternalSecret targeting a namespace of the input
    const ces = { apiVersion: 'external-secrets.io/v1', kind: 'ClusterExternalSecret', metadata: { name: 'creds' },
      spec: { namespaces: ['team-a'], externalSecretSpec: { secretStoreRef: { name: 's', kind: 'ClusterSecretStore' }, target: { name: 'creds' } } } };
    // WHEN checked THEN no problem with the modelled ExternalSecret's owner reference
    expect(PodDefaultCheck.check(inputs(ces, configMap('c', []))).filter(p => p.key?.startsWith('metadata.'))).toEqual([]);
  });

  test('a list is judged by its items, as kubectl applies them', () => {
    // GIVEN a List whose second item's owner reference has no uid
    const list = { apiVersion: 'v1', kind: 'List', metadata: {}, items: [configMap('a', []), withMetadata({ ownerReferences: [owner({ uid: '' })] })] };
    // WHEN checked THEN the item, by its source
    expect(PodDefaultCheck.check(inputs(list)).map(p => `${p.sources.join(',')} ${p.key}`)).toEqual(['s0.items[1] metadata.ownerReferences[0].uid']);
  });

  withKubectl('kubectl on this machine decodes such metadata without complaint: only the api server refuses it', () => {
    // GIVEN a file the check refuses
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: team-a\n  finalizers: [cleanup, "", orphan, foregroundDeletion]\n'
      + '  ownerReferences:\n  - apiVersion: v1\n    kind: Event\n    controller: true\n  - apiVersion: apps/\n    kind: Deployment\n    name: o\n    controller: true\n';
    expect(problemKeys(text)).toEqual([
      'metadata.ownerReferences[0].name', 'metadata.ownerReferences[0].uid', 'metadata.ownerReferences[0]', 'metadata.ownerReferences[1].apiVersion',
      'metadata.ownerReferences[1].uid', 'metadata.ownerReferences[1].controller', 'metadata.finalizers[0]', 'metadata.finalizers[1]', 'metadata.finalizers',
    ]);
    // WHEN kubectl creates it with an unreachable server THEN it decodes the object and fails only where it needs the server
    expect(kubectlDecoding(text)).toEqual({ refused: false, needsServer: true });
  }, 60_000);
});

describe('field-type in metadata: names, namespaces, labels and annotation keys the api server refuses', () => {
  // k8s.io/apimachinery v0.32.9 pkg/api/validation/objectmeta.go ValidateObjectMetaAccessor, on every create and update of
  // any kind (k8s.io/apiserver v0.32.9 pkg/registry/rest/create.go BeforeCreate), whatever kubectl's --validate:
  // - generateName by the kind's ValidateNameFunc with prefix (generic.go maskTrailingDash: a last "-" and the character
  //   before it become "a"), name by it without, "name or generateName is required";
  // - the name validators: kubernetes release-1.32 pkg/apis/core/validation ValidateSecretName, ValidateConfigMapName,
  //   ValidateServiceAccountName (NameIsDNSSubdomain), ValidateNamespaceName (NameIsDNSLabel); a custom resource's
  //   apiextensions-apiserver v0.32.9 validator.go NameIsDNSSubdomain; every kind's path.ValidatePathSegmentName;
  // - namespace: ValidateNamespaceName of a namespaced kind; generation: ValidateNonnegativeField;
  // - labels: pkg/apis/meta/v1/validation ValidateLabels (IsQualifiedName keys, IsValidLabelValue values);
  //   annotations: ValidateAnnotations (IsQualifiedName of the key in lower case).
  // An ExternalSecret fetches one key: ESO's webhook refuses one with no data (and the check reports it).
  const object = (kind: string, apiVersion: string, metadata: any) => (kind === 'ExternalSecret'
    ? { apiVersion, kind, metadata, spec: { data: [{ secretKey: 'token', remoteRef: { key: 'fake/token' } }] } }
    : { apiVersion, kind, metadata });
  const withMetadata = (metadata: any) => ({ ...configMap('c', []), metadata: { name: 'c', namespace: 'team-a', ...metadata } });
  const SUBDOMAIN = 'a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters)';
  const LABEL = 'a DNS-1123 label (lower-case letters, digits and "-", starting and ending with a letter or digit, at most 63 characters)';
  const PATH_SEGMENT = 'a segment of a url path: neither "." nor "..", and without "/" or "%"';
  const KEY_NAME = 'the name must be 1 to 63 characters of letters, digits, -, _ and ., starting and ending with a letter or digit';
  const LABEL_KEY = 'as a label key is an optional DNS subdomain and /, then a name';
  const ANNOTATION_KEY = 'as it checks the key in lower case as a label key, an optional DNS subdomain and /, then a name';
  const LONG = 'a'.repeat(254);

  test.each<[string, any, string, string]>([
    ['a Secret name in upper case', object('Secret', 'v1', { name: 'Creds', namespace: 'team-a' }),
      'secret Creds (s0) in namespace team-a has an invalid name at metadata.name: the api server refuses the Secret, as the name has an upper-case letter '
      + `at character 1; a Secret name is ${SUBDOMAIN}`, 'rename the Secret by that rule'],
    ['a ConfigMap name with "_"', withMetadata({ name: 'my_settings' }),
      `configmap my_settings (s0) in namespace team-a has an invalid name at metadata.name: the api server refuses the ConfigMap, as the name has "_" at character 3; a ConfigMap name is ${SUBDOMAIN}`,
      'rename the ConfigMap by that rule'],
    ['a ServiceAccount name of 254 characters', object('ServiceAccount', 'v1', { name: LONG, namespace: 'team-a' }),
      `serviceaccount (name not shown, as it may be a secret: 254 characters) (s0) in namespace team-a has an invalid name at metadata.name: the api server refuses the ServiceAccount, as the name is 254 characters long, `
      + `more than 253; a ServiceAccount name is ${SUBDOMAIN}`, 'rename the ServiceAccount by that rule'],
    ['a Namespace name with "." (a DNS label)', object('Namespace', 'v1', { name: 'team.a' }),
      `namespace team.a (s0) has an invalid name at metadata.name: the api server refuses the Namespace, as the name has "." at character 5; a Namespace name is ${LABEL}`,
      'rename the Namespace by that rule'],
    ['an ExternalSecret name in upper case (a custom resource)', object('ExternalSecret', 'external-secrets.io/v1', { name: 'Creds', namespace: 'team-a' }),
      `externalsecret Creds (s0) in namespace team-a has an invalid name at metadata.name: the api server refuses the ExternalSecret, as the name has an upper-case letter `
      + `at character 1; a custom resource's name is ${SUBDOMAIN}`, 'rename the ExternalSecret by that rule'],
    ['a name with "/" of a kind the check does not know', object('Widget', 'example.com/v1', { name: 'a/b', namespace: 'team-a' }),
      `widget a/b (s0) in namespace team-a has an invalid name at metadata.name: the api server refuses the Widget, as the name has "/" at character 2; the name of any kind is ${PATH_SEGMENT}`,
      'rename the Widget by that rule'],
    ['the name ".." of a kind the check does not know', object('Widget', 'example.com/v1', { name: '..', namespace: 'team-a' }),
      `widget .. (s0) in namespace team-a has an invalid name at metadata.name: the api server refuses the Widget, as the name is ".."; the name of any kind is ${PATH_SEGMENT}`,
      'rename the Widget by that rule'],
    ['a generateName in upper case', object('ConfigMap', 'v1', { generateName: 'Creds-', namespace: 'team-a' }),
      'configmap (s0) in namespace team-a has an invalid generateName at metadata.generateName: the api server refuses the ConfigMap, as the generateName (a last "-" aside) '
      + `has an upper-case letter at character 1; a ConfigMap name is ${SUBDOMAIN}`, 'change the generateName by that rule (it may end with "-")'],
    ['a generateName with "%" of a kind the check does not know', object('Widget', 'example.com/v1', { name: 'w', generateName: 'w%', namespace: 'team-a' }),
      'widget w (s0) in namespace team-a has an invalid generateName at metadata.generateName: the api server refuses the Widget, as the generateName has "%" at character 2; '
      + 'the name of any kind is the start of a segment of a url path, without "/" or "%"', 'change the generateName by that rule'],
    ['neither name nor generateName', withMetadata({ name: null }),
      'configmap (s0) in namespace team-a has no name at metadata.name: the api server refuses the ConfigMap, as every object needs one (or a generateName, which '
      + 'kubectl create takes and kubectl apply does not)', 'give the ConfigMap a metadata.name'],
    ['a namespace with "_"', withMetadata({ namespace: 'team_a' }),
      `configmap c (s0) in namespace team_a has an invalid namespace at metadata.namespace: the api server refuses the ConfigMap, as the namespace has "_" at character 5; a namespace name is ${LABEL}`,
      'give the name of the namespace, as kubectl get namespaces shows it'],
    ['a namespace of 64 characters', withMetadata({ namespace: 'n'.repeat(64) }),
      `configmap c (s0) in namespace ${'n'.repeat(64)} has an invalid namespace at metadata.namespace: the api server refuses the ConfigMap, as the namespace is 64 characters long, more than 63; `
      + `a namespace name is ${LABEL}`, 'give the name of the namespace, as kubectl get namespaces shows it'],
    ['a negative generation', withMetadata({ generation: -1 }),
      'configmap c (s0) in namespace team-a has a negative generation at metadata.generation: the api server refuses the ConfigMap, as a generation must be greater than or equal to 0',
      'remove metadata.generation (the api server keeps it), or write 0 or more'],
    ['a label key with a space', withMetadata({ labels: { 'team name': 'a' } }),
      `configmap c (s0) in namespace team-a has an invalid label key at metadata.labels[(key not shown, as it may be a secret: 9 characters, a space at character 5)]: the api server refuses the ConfigMap, ${LABEL_KEY}: ${KEY_NAME}`, 'rename the label key'],
    ['a label key whose prefix is in upper case', withMetadata({ labels: { 'Example.com/team': 'a' } }),
      `configmap c (s0) in namespace team-a has an invalid label key at metadata.labels["Example.com/team"]: the api server refuses the ConfigMap, ${LABEL_KEY}: `
      + 'the prefix before / must be a lower case DNS subdomain of at most 253 characters', 'rename the label key'],
    ['a label key of two slashes', withMetadata({ labels: { 'example.com/a/b': 'a' } }),
      `configmap c (s0) in namespace team-a has an invalid label key at metadata.labels["example.com/a/b"]: the api server refuses the ConfigMap, ${LABEL_KEY}: a label key has at most one /`,
      'rename the label key'],
    ['a label value with a space', withMetadata({ labels: { team: 'fake secret value' } }),
      'configmap c (s0) in namespace team-a has an invalid label value at metadata.labels.team: the api server refuses the ConfigMap, as a label value must be at most 63 '
      + 'characters of letters, digits, -, _ and ., starting and ending with a letter or digit',
      'shorten the value to that rule, or move it to an annotation of the ConfigMap, whose values are free text'],
    ['an annotation key with a space', withMetadata({ annotations: { 'release note': 'x' } }),
      `configmap c (s0) in namespace team-a has an invalid annotation key at metadata.annotations[(key not shown, as it may be a secret: 12 characters, a space at character 8)]: the api server refuses the ConfigMap, ${ANNOTATION_KEY}: ${KEY_NAME}`,
      'rename the annotation key'],
  ])('%s: refused by its path, never a value', (_title, manifest, message, fix) => {
    // GIVEN the object WHEN checked
    const problems = PodDefaultCheck.check(inputs(manifest));
    // THEN one field-type problem, naming the object and the path
    expect(problems.map(p => `${p.rule}: ${p.message}; ${p.fix}`)).toEqual([`field-type: ${message}; ${fix}`]);
    expect(problems.map(p => p.message + p.fix).join('\n')).not.toContain('fake');
  });

  test('what the api server takes passes, beside what it refuses', () => {
    // GIVEN names by each kind's rule (a kind the check does not know takes upper case and "_"), a generateName alone
    // and one whose last "-" masks the character before it ("a_-" is judged as "aa", as maskTrailingDash does),
    // a cluster-scoped kind's namespace (cleared before validation), a custom resource's negative generation (its
    // strategy sets 1 first), empty and null label values, and annotation keys checked in lower case
    const manifests = [
      object('Secret', 'v1', { name: 'creds.v1', namespace: 'team-a', labels: { 'example.com/team': 'A_1', empty: '', none: null } }),
      object('Namespace', 'v1', { name: 'team-a', namespace: 'Not_Used' }),
      object('Widget', 'example.com/v1', { name: 'My_Widget', namespace: 'team-a' }),
      object('ConfigMap', 'v1', { generateName: 'settings-', namespace: 'team-a' }),
      object('Secret', 'v1', { generateName: 'a_-', namespace: 'team-a' }),
      object('ExternalSecret', 'external-secrets.io/v1', { name: 'creds', namespace: 'team-a', generation: -1 }),
      withMetadata({ name: 'd', annotations: { 'Example.com/Release-Note': 'free text, any length', 'A.b_c': '' }, generation: 0 }),
      // and, beside them, one the api server refuses
      withMetadata({ name: 'e', labels: { 'a b': 'x' } }),
    ];
    // WHEN checked THEN the last alone
    expect(PodDefaultCheck.check(inputs(...manifests)).map(p => `${p.rule} ${p.sources.join(',')} ${p.key}`)).toEqual(['field-type s7 metadata.labels[(key not shown, as it may be a secret: 3 characters, a space at character 2)]']);
  });

  describe('built-in kinds, by the name validator each calls (lib/check/builtin-kinds.ts, kubernetes release-1.32)', () => {
    const DNS_1035 = 'a DNS-1035 label (lower-case letters, digits and "-", starting with a letter and ending with a letter or digit, at most 63 characters)';
    const RULES: Record<string, string> = { subdomain: SUBDOMAIN, label: LABEL, 'path segment': PATH_SEGMENT };
    const named = (kind: string, apiVersion: string, namespaced: boolean, metadata: any) =>
      ({ apiVersion, kind, metadata: { ...(namespaced ? { namespace: 'team-a' } : {}), ...metadata } });
    const IP = 'an IP address in canonical form (IPv4 as four decimal numbers without leading zeros, 192.168.1.5; IPv6 as RFC 5952 writes it, in lower '
      + 'case without leading zeros and the longest run of zero groups as "::", 2001:db8::1), without "/" or "%"';
    /** An IPAddress (cluster-scoped; networking.k8s.io/v1beta1 in 1.32) of a Service's cluster IP. */
    const ipAddress = (name: string, apiVersion = 'networking.k8s.io/v1beta1') => ({ ...named('IPAddress', apiVersion, false, { name }),
      spec: { parentRef: { group: '', resource: 'services', namespace: 'team-a', name: 'web' } } });

    test.each<[string, string, boolean, string]>([
      ['Pod', 'v1', true, 'subdomain'], ['PersistentVolumeClaim', 'v1', true, 'subdomain'], ['Endpoints', 'v1', true, 'subdomain'],
      ['LimitRange', 'v1', true, 'subdomain'], ['ResourceQuota', 'v1', true, 'subdomain'],
      ['Deployment', 'apps/v1', true, 'subdomain'], ['ReplicaSet', 'apps/v1', true, 'subdomain'], ['DaemonSet', 'apps/v1', true, 'subdomain'],
      ['StatefulSet', 'apps/v1', true, 'label'], ['Job', 'batch/v1', true, 'subdomain'], ['CronJob', 'batch/v1', true, 'subdomain'],
      ['Ingress', 'networking.k8s.io/v1', true, 'subdomain'], ['NetworkPolicy', 'networking.k8s.io/v1', true, 'subdomain'],
      ['HorizontalPodAutoscaler', 'autoscaling/v2', true, 'subdomain'], ['StorageClass', 'storage.k8s.io/v1', false, 'subdomain'],
      ['PriorityClass', 'scheduling.k8s.io/v1', false, 'subdomain'],
      ['Node', 'v1', false, 'subdomain'], ['PersistentVolume', 'v1', false, 'subdomain'], ['ReplicationController', 'v1', true, 'subdomain'],
      ['IngressClass', 'networking.k8s.io/v1', false, 'subdomain'], ['ServiceCIDR', 'networking.k8s.io/v1beta1', false, 'subdomain'],
      ['ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/v1', false, 'subdomain'],
      ['MutatingWebhookConfiguration', 'admissionregistration.k8s.io/v1', false, 'subdomain'],
      ['ValidatingAdmissionPolicy', 'admissionregistration.k8s.io/v1', false, 'subdomain'],
      ['ValidatingAdmissionPolicyBinding', 'admissionregistration.k8s.io/v1', false, 'subdomain'],
      ['Lease', 'coordination.k8s.io/v1', true, 'subdomain'], ['RuntimeClass', 'node.k8s.io/v1', false, 'subdomain'],
      ['EndpointSlice', 'discovery.k8s.io/v1', true, 'subdomain'], ['FlowSchema', 'flowcontrol.apiserver.k8s.io/v1', false, 'subdomain'],
      ['PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io/v1', false, 'subdomain'],
      ['PodTemplate', 'v1', true, 'subdomain'], ['CSIDriver', 'storage.k8s.io/v1', false, 'subdomain'],
      ['CSINode', 'storage.k8s.io/v1', false, 'subdomain'], ['VolumeAttachment', 'storage.k8s.io/v1', false, 'subdomain'],
    ])('the name of a %s in upper case is refused by its rule', (kind, apiVersion, namespaced, rule) => {
      // GIVEN the kind named in upper case, which the path segment rule alone took WHEN checked
      const problems = PodDefaultCheck.check(inputs(named(kind, apiVersion, namespaced, { name: 'Web' })));
      // THEN refused by the kind's own name validator
      expect(problems.map(p => `${p.rule}: ${p.message}; ${p.fix}`)).toEqual([
        `field-type: ${kind.toLowerCase()} Web (s0)${namespaced ? ' in namespace team-a' : ''} has an invalid name at metadata.name: the api server refuses the ${kind}, `
        + `as the name has an upper-case letter at character 1; ${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind} name is ${RULES[rule]}; rename the ${kind} by that rule`,
      ]);
    });

    test.each<[string, any, string, string]>([
      ['a Service name that starts with a digit (ValidateServiceName = NameIsDNS1035Label)', named('Service', 'v1', true, { name: '1api' }),
        `service 1api (s0) in namespace team-a has an invalid name at metadata.name: the api server refuses the Service, as the name starts with a digit; a Service name is ${DNS_1035}`,
        'rename the Service by that rule'],
      ['a Service name with "." (a subdomain takes it, a DNS-1035 label does not)', named('Service', 'v1', true, { name: 'api.v1' }),
        `service api.v1 (s0) in namespace team-a has an invalid name at metadata.name: the api server refuses the Service, as the name has "." at character 4; a Service name is ${DNS_1035}`,
        'rename the Service by that rule'],
      ['a Service generateName that starts with a digit', named('Service', 'v1', true, { generateName: '1api-' }),
        'service (s0) in namespace team-a has an invalid generateName at metadata.generateName: the api server refuses the Service, as the generateName (a last "-" aside) '
        + `starts with a digit; a Service name is ${DNS_1035}`, 'change the generateName by that rule (it may end with "-")'],
      ['a StatefulSet name with "." (ValidateStatefulSetName = NameIsDNSLabel)', named('StatefulSet', 'apps/v1', true, { name: 'cache.v1' }),
        `statefulset cache.v1 (s0) in namespace team-a has an invalid name at metadata.name: the api server refuses the StatefulSet, as the name has "." at character 6; a StatefulSet name is ${LABEL}`,
        'rename the StatefulSet by that rule'],
      ['a CronJob name of 53 characters (ValidateCronJobCreate: DNS1035LabelMaxLength-11)', named('CronJob', 'batch/v1', true, { name: 'n'.repeat(53) }),
        `cronjob ${'n'.repeat(53)} (s0) in namespace team-a has a name too long at metadata.name: the api server refuses the CronJob, as a CronJob name is at most 52 `
        + 'characters (this one is 53): the cronjob controller names each Job after it with an 11-character suffix, and a Job name is at most 63',
        'rename the CronJob to at most 52 characters'],
      ['a ClusterRole name with "/" (ValidateRBACName = IsValidPathSegmentName)', named('ClusterRole', 'rbac.authorization.k8s.io/v1', false, { name: 'team/reader' }),
        `clusterrole team/reader (s0) has an invalid name at metadata.name: the api server refuses the ClusterRole, as the name has "/" at character 5; a ClusterRole name is ${PATH_SEGMENT}`,
        'rename the ClusterRole by that rule'],
      ['a CustomResourceDefinition name other than <plural>.<group>', { ...named('CustomResourceDefinition', 'apiextensions.k8s.io/v1', false, { name: 'poddefault.kubeflow.org' }),
        spec: { group: 'kubeflow.org', names: { plural: 'poddefaults', kind: 'PodDefault' }, scope: 'Namespaced', versions: [] } },
      'customresourcedefinition poddefault.kubeflow.org (s0) has a name other than spec.names.plural, ".", then spec.group at metadata.name: the api server refuses the '
        + 'CustomResourceDefinition, as a CustomResourceDefinition\'s name must be its plural and its group, joined by "."',
      'rename the CustomResourceDefinition to <spec.names.plural>.<spec.group>, or correct those fields'],
      // kube-aggregator v0.32.9 ValidateAPIService: "must be `spec.version+\".\"+spec.group`"
      ['an APIService name other than <version>.<group>', { ...named('APIService', 'apiregistration.k8s.io/v1', false, { name: 'metrics.k8s.io' }),
        spec: { group: 'metrics.k8s.io', version: 'v1beta1', groupPriorityMinimum: 100, versionPriority: 100 } },
      'apiservice metrics.k8s.io (s0) has a name other than spec.version, ".", then spec.group at metadata.name: the api server refuses the APIService, '
        + 'as an APIService\'s name must be its version and its group, joined by "."',
      'rename the APIService to <spec.version>.<spec.group> (v1beta1.metrics.k8s.io for version v1beta1 of metrics.k8s.io), or correct those fields'],
      // kubernetes release-1.32 ValidateJob: "will not able to create pod with invalid DNS label: <name>-<completions-1>"
      ['an Indexed Job name with "." (a subdomain, its pods\' hostnames no DNS label)',
        { ...named('Job', 'batch/v1', true, { name: 'migrate.v2' }), spec: { completionMode: 'Indexed', completions: 3 } },
      'job migrate.v2 (s0) in namespace team-a has a name its Indexed pods\' hostnames cannot hold at metadata.name: the api server refuses the Job, '
        + `as the hostname of its last pod, the name, "-" and 2 (spec.completions - 1), has "." at character 8; a pod's hostname is ${LABEL}`,
      'rename the Job to at most 61 characters without ".", or lower spec.completions'],
      ['an Indexed Job name of 61 characters with 11 completions (its last pod\'s hostname 64)',
        { ...named('Job', 'batch/v1', true, { name: 'n'.repeat(61) }), spec: { completionMode: 'Indexed', completions: 11 } },
      `job ${'n'.repeat(61)} (s0) in namespace team-a has a name its Indexed pods' hostnames cannot hold at metadata.name: the api server refuses the Job, `
        + `as the hostname of its last pod, the name, "-" and 10 (spec.completions - 1), is 64 characters long, more than 63; a pod's hostname is ${LABEL}`,
      'rename the Job to at most 60 characters without ".", or lower spec.completions'],
      // kubernetes release-1.32 strategy.go generateSelector sets the pod template's labels job-name and
      // batch.kubernetes.io/job-name to the name; ValidateJob's ValidatePodTemplateSpec: "must be no more than 63 characters"
      ['a Job name of 64 characters (its pod template\'s job-name labels)', named('Job', 'batch/v1', true, { name: 'n'.repeat(64) }),
        `job ${'n'.repeat(64)} (s0) in namespace team-a has a name of more than 63 characters at metadata.name: the api server refuses the Job, as it sets `
        + 'the labels job-name and batch.kubernetes.io/job-name of the Job\'s pod template to its name (spec.manualSelector is not true), and a label '
        + 'value is at most 63 characters (this name is 64)', 'rename the Job to at most 63 characters'],
      ['a Job name of 71 characters with ".", spec.manualSelector false', { ...named('Job', 'batch/v1', true, { name: `${'a'.repeat(40)}.${'b'.repeat(30)}` }),
        spec: { manualSelector: false, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'busybox' }] } } } },
      `job ${'a'.repeat(40)}.${'b'.repeat(30)} (s0) in namespace team-a has a name of more than 63 characters at metadata.name: the api server refuses the Job, `
        + 'as it sets the labels job-name and batch.kubernetes.io/job-name of the Job\'s pod template to its name (spec.manualSelector is not true), '
        + 'and a label value is at most 63 characters (this name is 71)', 'rename the Job to at most 63 characters'],
      // ... reported once, by the hostnames of its Indexed pods, whose limit is lower
      ['an Indexed Job name of 64 characters: once, by its pods\' hostnames',
        { ...named('Job', 'batch/v1', true, { name: 'n'.repeat(64) }), spec: { completionMode: 'Indexed', completions: 3 } },
      `job ${'n'.repeat(64)} (s0) in namespace team-a has a name its Indexed pods' hostnames cannot hold at metadata.name: the api server refuses the Job, `
        + `as the hostname of its last pod, the name, "-" and 2 (spec.completions - 1), is 66 characters long, more than 63; a pod's hostname is ${LABEL}`,
      'rename the Job to at most 61 characters without ".", or lower spec.completions'],
      // kubernetes networking ValidateIPAddressName: netip.ParseAddr(name), and ip.String() == name ("must be a canonical
      // format IP address" in 1.29, "must be in canonical form" in 1.33); BeforeCreate's ValidatePathSegmentName refuses "%"
      ['an IPAddress name with a leading zero (no address to netip)', ipAddress('10.01.2.3'),
        `ipaddress 10.01.2.3 (s0) has an invalid name at metadata.name: the api server refuses the IPAddress, as the name is no IP address; an IPAddress name is ${IP}`,
        'rename the IPAddress by that rule'],
      ['an IPAddress name with zero groups uncompressed', ipAddress('2001:db8:0:0:0::1'),
        'ipaddress 2001:db8:0:0:0::1 (s0) has an invalid name at metadata.name: the api server refuses the IPAddress, as the name is an IP address, but not in '
        + `canonical form; an IPAddress name is ${IP}`, 'rename the IPAddress by that rule'],
      ['an IPAddress name in upper case (networking.k8s.io/v1, 1.33)', ipAddress('2001:DB8::1', 'networking.k8s.io/v1'),
        'ipaddress 2001:DB8::1 (s0) has an invalid name at metadata.name: the api server refuses the IPAddress, as the name is an IP address, but not in '
        + `canonical form; an IPAddress name is ${IP}`, 'rename the IPAddress by that rule'],
      ['an IPAddress name with a zone', ipAddress('fe80::1%eth0'),
        `ipaddress fe80::1%eth0 (s0) has an invalid name at metadata.name: the api server refuses the IPAddress, as the name has "%" at character 8; an IPAddress name is ${IP}`,
        'rename the IPAddress by that rule'],
      ['an IPAddress name that is a DNS name', ipAddress('web.team-a'),
        `ipaddress web.team-a (s0) has an invalid name at metadata.name: the api server refuses the IPAddress, as the name is no IP address; an IPAddress name is ${IP}`,
        'rename the IPAddress by that rule'],
      // ValidateIPAddressName ignores prefix ("IPAddress does not support generating names")
      ['an IPAddress generateName', { ...ipAddress('10.0.0.1'), metadata: { generateName: '10.0.0.' } },
        'ipaddress (s0) has an invalid generateName at metadata.generateName: the api server refuses the IPAddress, as the generateName is no IP address; '
        + `an IPAddress name is ${IP}`, 'change the generateName by that rule'],
      // kubernetes release-1.32 ValidatePriorityClass: "priority class names with 'system-' prefix are reserved for system use only.
      // error: system-high is not a known system priority class", "... error: value of system-node-critical PriorityClass must
      // be 2000001000", and "maximum allowed value of a user defined priority is 1000000000"
      ['a PriorityClass name starting with "system-" (ValidatePriorityClass: reserved)', { ...named('PriorityClass', 'scheduling.k8s.io/v1', false, { name: 'system-high' }), value: 1000 },
        'priorityclass system-high (s0) has a name starting with "system-" at metadata.name: the api server refuses the PriorityClass, as that prefix is reserved '
        + 'for kubernetes\' own priority classes, system-node-critical and system-cluster-critical', 'rename the PriorityClass without the "system-" prefix'],
      // ... and ValidatePriorityClassUpdate: "value: Forbidden: may not be changed in an update." (the system classes always
      // exist, so kubectl apply updates them)
      ['system-node-critical with another value (an update: its value may not change)',
        { ...named('PriorityClass', 'scheduling.k8s.io/v1', false, { name: 'system-node-critical' }), value: 1000 },
      'priorityclass system-node-critical (s0) has a value other than 2000001000 at value: the api server refuses the PriorityClass, as the api server '
        + 'creates system-node-critical itself, with value 2000001000, and keeps it (a system priority class may not be deleted), so kubectl apply updates '
        + 'it, and an update may not change a PriorityClass\'s value',
      'give it value 2000001000, or rename the PriorityClass without the "system-" prefix'],
      ['a PriorityClass value above 1000000000', { ...named('PriorityClass', 'scheduling.k8s.io/v1', false, { name: 'critical' }), value: 1000000001 },
        'priorityclass critical (s0) has a value above 1000000000 at value: the api server refuses the PriorityClass, as higher values are reserved for kubernetes\' '
        + 'system priority classes', 'lower value to at most 1000000000'],
    ])('%s', (_title, manifest, message, fix) => {
      // GIVEN the object WHEN checked
      const problems = PodDefaultCheck.check(inputs(manifest)).filter(p => p.rule === 'field-type');
      // THEN one field-type problem, naming the object and the path
      expect(problems.map(p => `${p.message}; ${p.fix}`)).toEqual([`${message}; ${fix}`]);
    });

    test('names each kind\'s validator takes pass, beside one it refuses', () => {
      // GIVEN a Deployment and a Job with "." (DNS subdomains), a Service and a StatefulSet of lower-case letters, digits
      // and "-", a CronJob of 52 characters, RBAC names with ":" and upper case (path segments), a PodDisruptionBudget in
      // upper case (its validation checks no name: the path segment rule alone), a CustomResourceDefinition named
      // <plural>.<group>, a Service generateName whose last "-" is masked, and a Service name of a digit first, refused
      const manifests = [
        named('Deployment', 'apps/v1', true, { name: 'api.v1' }), named('Job', 'batch/v1', true, { name: 'migrate.v2' }),
        named('Service', 'v1', true, { name: 'web-1' }), named('StatefulSet', 'apps/v1', true, { name: 'cache-0' }),
        named('CronJob', 'batch/v1', true, { name: 'n'.repeat(52) }),
        named('ClusterRole', 'rbac.authorization.k8s.io/v1', false, { name: 'system:controller:Foo_1' }),
        named('RoleBinding', 'rbac.authorization.k8s.io/v1', true, { name: 'Team_A:Readers' }),
        named('PodDisruptionBudget', 'policy/v1', true, { name: 'My_PDB' }),
        { ...named('CustomResourceDefinition', 'apiextensions.k8s.io/v1', false, { name: 'poddefaults.kubeflow.org' }),
          spec: { group: 'kubeflow.org', names: { plural: 'poddefaults', kind: 'PodDefault' }, scope: 'Namespaced', versions: [] } },
        named('Service', 'v1', true, { generateName: 'web-' }),
        // and (kind-name.ts) APIServices named <version>.<group>, the core group's "v1." (no group); an Indexed Job whose last
        // pod's hostname is 63 characters, one with no completions, a Job with "." that is not Indexed; the system priority
        // classes as the api server creates them, a user value of 1000000000, an absent value (0); a
        // CertificateSigningRequest named in upper case with ":" (ValidateCertificateRequestName takes any name)
        { ...named('APIService', 'apiregistration.k8s.io/v1', false, { name: 'v1beta1.metrics.k8s.io' }), spec: { group: 'metrics.k8s.io', version: 'v1beta1' } },
        { ...named('APIService', 'apiregistration.k8s.io/v1', false, { name: 'v1.' }), spec: { version: 'v1' } },
        { ...named('Job', 'batch/v1', true, { name: 'n'.repeat(61) }), spec: { completionMode: 'Indexed', completions: 10 } },
        { ...named('Job', 'batch/v1', true, { name: 'index.v1' }), spec: { completionMode: 'Indexed' } },
        { ...named('Job', 'batch/v1', true, { name: 'batch.v1' }), spec: { completionMode: 'NonIndexed', completions: 3 } },
        { ...named('PriorityClass', 'scheduling.k8s.io/v1', false, { name: 'system-node-critical' }), value: 2000001000 },
        { ...named('PriorityClass', 'scheduling.k8s.io/v1', false, { name: 'system-cluster-critical' }), value: 2000000000, globalDefault: false },
        // system-cluster-critical made the global default: kubectl apply updates it (it always exists), and
        // ValidatePriorityClassUpdate checks the value and preemptionPolicy alone; the Priority admission plugin refuses it
        // only when another class is the default already, which the cluster knows, not the files
        { ...named('PriorityClass', 'scheduling.k8s.io/v1', false, { name: 'system-cluster-critical' }), value: 2000000000, globalDefault: true },
        // system-node-critical without a value (a label or a description added): kubectl apply's patch of the existing class,
        // client-side (strategic merge patch of what the file sets) or server-side (the fields the file owns), leaves the
        // value the api server gave it, so ValidatePriorityClassUpdate sees it unchanged
        { ...named('PriorityClass', 'scheduling.k8s.io/v1', false, { name: 'system-node-critical', labels: { tier: 'node' } }), description: 'x' },
        { ...named('PriorityClass', 'scheduling.k8s.io/v1', false, { name: 'high' }), value: 1000000000, globalDefault: true },
        named('PriorityClass', 'scheduling.k8s.io/v1', false, { name: 'low' }),
        named('CertificateSigningRequest', 'certificates.k8s.io/v1', false, { name: 'Node-CSR:Worker_1' }),
        // IPAddresses named by their address in canonical form, an IPv4-mapped one among them (netip writes it back as
        // given; only 1.33's IsValidIP refuses it); the storage kinds and a PodTemplate with "." (DNS subdomains); a Job of
        // 63 characters, and one of 64 with spec.manualSelector true (no job-name label is set)
        ipAddress('192.168.1.5'), ipAddress('2001:db8::1'), ipAddress('::'), ipAddress('::ffff:10.0.0.1'), ipAddress('10.96.0.1', 'networking.k8s.io/v1'),
        named('CSIDriver', 'storage.k8s.io/v1', false, { name: 'ebs.csi.aws.com' }), named('CSINode', 'storage.k8s.io/v1', false, { name: 'ip-10-0-1-5.ec2.internal' }),
        named('VolumeAttachment', 'storage.k8s.io/v1', false, { name: 'csi-3b0d5f' }), named('PodTemplate', 'v1', true, { name: 'web.v1' }),
        named('Job', 'batch/v1', true, { name: 'n'.repeat(63) }),
        { ...named('Job', 'batch/v1', true, { name: 'n'.repeat(64) }), spec: { manualSelector: true, selector: { matchLabels: { app: 'm' } } } },
        named('Service', 'v1', true, { name: '9web' }),
      ];
      // WHEN checked THEN the last alone
      expect(PodDefaultCheck.check(inputs(...manifests)).filter(p => p.rule === 'field-type').map(p => `${p.sources.join(',')} ${p.key}`))
        .toEqual([`s${manifests.length - 1} metadata.name`]);
    });

    withKubectl('kubectl on this machine passes the names and the value kind-name.ts refuses: only the api server judges them', () => {
      // GIVEN a file of an APIService not named <version>.<group>, an Indexed Job whose last pod's hostname has ".", a
      // PriorityClass named "system-..." and one above 1000000000, a Job of 64 characters and an IPAddress in upper case,
      // each refused by the check
      const text = [
        'apiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata:\n  name: metrics.k8s.io\nspec:\n  group: metrics.k8s.io\n  version: v1beta1\n'
          + '  groupPriorityMinimum: 100\n  versionPriority: 100\n',
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate.v2\n  namespace: team-a\nspec:\n  completionMode: Indexed\n  completions: 3\n'
          + '  template:\n    spec:\n      restartPolicy: Never\n      containers: [{ name: m, image: busybox }]\n',
        'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: system-high\nvalue: 1000\n',
        'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: critical\nvalue: 1000000001\n',
        // and a Job of 64 characters, an IPAddress not in canonical form
        `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: ${'n'.repeat(64)}\n  namespace: team-a\nspec:\n`
          + '  template:\n    spec:\n      restartPolicy: Never\n      containers: [{ name: m, image: busybox }]\n',
        'apiVersion: networking.k8s.io/v1beta1\nkind: IPAddress\nmetadata:\n  name: 2001:DB8::1\nspec:\n  parentRef: { group: "", resource: services, '
          + 'namespace: team-a, name: web }\n',
      ].join('---\n');
      expect(problemKeys(text)).toEqual(['metadata.name', 'metadata.name', 'metadata.name', 'value', 'metadata.name', 'metadata.name']);
      // WHEN kubectl 1.32 creates it with --dry-run=client and an unreachable server THEN it decodes each object and fails only
      // where it needs the server: its client runs none of ValidateAPIService, ValidateJob, ValidatePriorityClass and
      // ValidateIPAddress, nor the Job strategy's labels
      expect(kubectlDecoding(text)).toEqual({ refused: false, needsServer: true });
    }, 60_000);
  });

  test('one problem for each mistake: a PodDefault\'s name is name-format\'s, a value of another type metadata-type\'s', () => {
    // GIVEN a PodDefault in upper case with a bad label key of its own, and a ConfigMap with a label value that is a number
    const pod = { ...pd('Creds'), metadata: { name: 'Creds', namespace: 'team-a', labels: { 'a b': 'x' } } };
    // WHEN checked THEN the number by metadata-type (which runs first); the label key by this rule; the name once, by name-format
    expect(PodDefaultCheck.check(inputs(pod, withMetadata({ labels: { tier: 2 } }))).map(p => `${p.rule} ${p.key}`)).toEqual([
      'field-type metadata.labels.tier',
      'field-type metadata.labels[(key not shown, as it may be a secret: 3 characters, a space at character 2)]',
      'name-format Creds',
    ]);
  });

  withKubectl('kubectl on this machine decodes such metadata without complaint: only the api server refuses it', () => {
    // GIVEN a file the check refuses
    const TEAM_NAME = 'metadata.labels[(key not shown, as it may be a secret: 9 characters, a space at character 5)]';
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Settings\n  namespace: team_a\n  generation: -1\n  labels:\n    team name: a b\n'
      + '  annotations:\n    release note: x\n';
    expect(problemKeys(text)).toEqual([
      'metadata.name', 'metadata.namespace', 'metadata.generation', TEAM_NAME, TEAM_NAME, 'metadata.annotations[(key not shown, as it may be a secret: 12 characters, a space at character 8)]',
    ]);
    // WHEN kubectl creates it with an unreachable server THEN it decodes the object and fails only where it needs the server
    expect(kubectlDecoding(text)).toEqual({ refused: false, needsServer: true });
  }, 60_000);
});

describe('annotation-size', () => {
  // k8s.io/apimachinery v0.32.9 pkg/api/validation/objectmeta.go: ValidateAnnotationsSize sums len(key) + len(value),
  // Go's lengths in bytes of UTF-8, over metadata.annotations and refuses more than TotalAnnotationSizeLimitB =
  // 256 * (1 << 10) = 262144 (ValidateObjectMeta, for every kind; apiextensions-apiserver's strategy for a custom resource).
  const LIMIT = 262144;
  const withAnnotations = (annotations: Record<string, string>) => ({ ...configMap('c', []), metadata: { name: 'c', namespace: 'team-a', annotations } });
  const refused = (bytes: number) => ({
    rule: 'annotation-size', namespace: 'team-a', sources: ['s0'], key: 'metadata.annotations',
    message: `configmap c (s0) in namespace team-a has metadata.annotations of ${bytes} bytes (keys and values), more than the ${LIMIT} (256 KiB) the api server `
      + 'allows in one object (ValidateAnnotationsSize), so it refuses the ConfigMap',
    fix: `remove annotations, or move their values elsewhere (a ConfigMap's data), to at most ${LIMIT} bytes`,
  });

  test.each<[string, Record<string, string>, number | undefined]>([
    ['exactly the limit', { a: 'x'.repeat(LIMIT - 1) }, undefined],
    ['one byte over', { a: 'x'.repeat(LIMIT) }, LIMIT + 1],
    ['over, in bytes of UTF-8 though not in characters', { a: '\u00e9'.repeat(LIMIT / 2) }, LIMIT + 1],
    ['over across keys and values', { ['k'.repeat(63)]: 'x'.repeat(LIMIT / 2), b: 'y'.repeat(LIMIT / 2 - 63) }, LIMIT + 1],
  ])('%s', (_title, annotations, bytes) => {
    // GIVEN a ConfigMap with the annotations WHEN checked THEN refused by their size alone, never a value
    const problems = PodDefaultCheck.check(inputs(withAnnotations(annotations)));
    expect(problems).toEqual(bytes === undefined ? [] : [refused(bytes)]);
  });
});
