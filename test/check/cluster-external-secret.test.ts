// ClusterExternalSecrets as External Secrets Operator expands them (ESO v2.9.0,
// apis/externalsecrets/v1/clusterexternalsecret_types.go; runtime/esutils/utils.go GetTargetNamespaces):
// one ExternalSecret per target namespace, named spec.externalSecretName (by default the CES's name), with
// the CES as controller owner, judged as an ExternalSecret the input holds there; a namespace where an
// ExternalSecret of that name exists that the CES does not own is left out (status.failedNamespaces).
import { ApiObject, Chart, Testing } from 'cdk8s';
import { MinioDefault } from '../../lib/access/minio-default';
import { checkManifests } from '../../lib/check';
import { MinioCredentials } from '../../lib/sources/minio-credentials';
import { errorsOf } from '../support';
import { externalSecret, inputs, line, pd, secret } from './support';

const MAKE = '(an ExternalSecret writes the Secret its spec.target.name names, by default its own name): one overwrites the other';
/** The fix of a clash with an existing Secret: the creationPolicy of the ExternalSecrets a CES generates is set on the CES. */
const FIX_EXISTING = (cesName: string) =>
  `give them different names or namespaces, or set spec.externalSecretSpec.target.creationPolicy to Merge on ClusterExternalSecret ${cesName} to fill the existing one`;
const ENV_FIX = 'without a warning; set it in one of them only, or make the two exclusive by giving both an env var of one name whose value is their own name';

/** The spec of an ExternalSecret that writes Secret `target` with `keys` fetched, by `creationPolicy`. */
function esSpec(target: string, keys: string[] = ['AWS_REGION'], creationPolicy?: string): any {
  return {
    secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' },
    target: { name: target, ...(creationPolicy === undefined ? {} : { creationPolicy }) },
    data: keys.map(secretKey => ({ secretKey, remoteRef: { key: 'k' } })),
  };
}

/** A ClusterExternalSecret `name` whose ExternalSecrets write Secret creds, targeting as `targets` says. */
function ces(name: string, targets: any, externalSecretSpec: any = esSpec('creds')): any {
  return { apiVersion: 'external-secrets.io/v1', kind: 'ClusterExternalSecret', metadata: { name }, spec: { externalSecretSpec, ...targets } };
}

function namespace(name: string, labels?: Record<string, string>): any {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: labels === undefined ? { name } : { name, labels } };
}

/** The problem of Secret creds in `ns` made by `first` and by the ExternalSecret there of the CES `cesName` at `cesSource`. */
function secretClash(first: string, cesSource: string, ns: string, cesName = 'creds'): any {
  const generated = `${cesSource} (its ExternalSecret in namespace ${ns})`;
  return {
    rule: 'duplicate-object', namespace: ns, sources: [first, generated], key: 'creds',
    message: `${first} and ${generated} both make Secret creds in namespace ${ns} ${MAKE}`, fix: FIX_EXISTING(cesName),
  };
}

/** `manifest` with a controller owner reference to `kind` `owner`, as a cluster dump holds it. */
function ownedBy(manifest: any, kind: string, owner: string): any {
  const reference = { apiVersion: 'external-secrets.io/v1', kind, name: owner, uid: '00000000-0000-0000-0000-000000000000', controller: true, blockOwnerDeletion: true };
  return { ...manifest, metadata: { ...manifest.metadata, ownerReferences: [reference] } };
}

describe('the namespaces a ClusterExternalSecret targets', () => {
  test('spec.namespaces: an ExternalSecret in each named namespace', () => {
    // GIVEN Secret creds in team-a and team-b, and a CES naming team-a and team-c
    const given = inputs(secret('creds', []), secret('creds', [], 'team-b'), ces('creds-everywhere', { namespaces: ['team-c', 'team-a'] }), secret('creds', [], 'team-c'));
    // WHEN checked
    const problems = checkManifests(given);
    // THEN its ExternalSecrets clash with the Secrets of team-a and team-c, in the order of the namespaces' names
    expect(problems).toEqual([secretClash('s0', 's2', 'team-a', 'creds-everywhere'), secretClash('s3', 's2', 'team-c', 'creds-everywhere')]);
  });

  test('spec.namespaceSelectors and spec.namespaceSelector, ORed, on the labels of Namespace objects', () => {
    // GIVEN Namespaces team-a (profile=yes), team-b (tier=gold) and team-c (no label), Secret creds in each,
    // and a CES selecting profile=yes or tier Exists (the deprecated single selector)
    const given = inputs(namespace('team-a', { profile: 'yes' }), namespace('team-b', { tier: 'gold' }), namespace('team-c'),
      secret('creds', []), secret('creds', [], 'team-b'), secret('creds', [], 'team-c'),
      ces('creds', { namespaceSelectors: [{ matchLabels: { profile: 'yes' } }], namespaceSelector: { matchExpressions: [{ key: 'tier', operator: 'Exists' }] } }));
    // WHEN checked
    // THEN team-a and team-b are its targets, team-c is not
    expect(checkManifests(given)).toEqual([secretClash('s3', 's6', 'team-a'), secretClash('s4', 's6', 'team-b')]);
  });

  test('a selector on kubernetes.io/metadata.name alone judges a namespace the input holds no Namespace object of', () => {
    // GIVEN Secret creds in team-a and team-b, no Namespace objects, and a CES selecting by the name label
    // that the API server sets on every namespace
    const given = inputs(secret('creds', []), secret('creds', [], 'team-b'),
      ces('creds', { namespaceSelectors: [{ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['team-b'] }] }] }));
    // WHEN checked
    // THEN the answer is exact: team-a is a target, team-b is not
    expect(checkManifests(given)).toEqual([secretClash('s0', 's2', 'team-a')]);
  });

  test('a selector on another label does not judge a namespace whose labels are unknown', () => {
    // GIVEN Secret creds in team-a (no Namespace object) and in team-b (a Namespace labelled profile=yes),
    // and a CES selecting profile=yes
    const given = inputs(secret('creds', []), namespace('team-b', { profile: 'yes' }), secret('creds', [], 'team-b'),
      ces('creds', { namespaceSelectors: [{ matchLabels: { profile: 'yes' } }] }));
    // WHEN checked
    // THEN team-b is judged; team-a, whose labels the input does not tell, is not
    expect(checkManifests(given)).toEqual([secretClash('s2', 's3', 'team-b')]);
  });

  test('an empty selector selects every namespace of the input', () => {
    // GIVEN Secret creds in team-a (by its objects only) and team-b (a Namespace object), and a CES whose selector is empty
    const given = inputs(secret('creds', []), namespace('team-b', { any: 'thing' }), secret('creds', [], 'team-b'), ces('creds', { namespaceSelectors: [{}] }));
    // WHEN checked
    // THEN both are its targets
    expect(checkManifests(given)).toEqual([secretClash('s0', 's3', 'team-a'), secretClash('s2', 's3', 'team-b')]);
  });

  test('a CES without selectors or names, or with a null selector, targets nothing', () => {
    // GIVEN Secret creds in team-a, a CES that targets nothing, and one that targets team-a by name
    const given = inputs(secret('creds', []), ces('none', { namespaceSelectors: [null] }), ces('named', { namespaces: ['team-a'] }));
    // WHEN checked
    // THEN only the named one writes creds there
    expect(checkManifests(given)).toEqual([secretClash('s0', 's2', 'team-a', 'named')]);
  });
});

describe('the ExternalSecret of a ClusterExternalSecret judged as one the input holds', () => {
  test('its Secret clashes with the Secret of one of our constructs, refused at synth', () => {
    // GIVEN our MinioDefault with keys of its own (Secret minio in namespace user) and a CES writing minio into user
    const app = Testing.app();
    const chart = new Chart(app, 'user', { namespace: 'user' });
    const minio = new MinioDefault(chart, 'minio', { credentials: MinioCredentials.fromKeys({ accessKey: 'fake-minio-access-0000', secretKey: 'fake-minio-secret-0000' }) });
    const platform = new Chart(app, 'platform');
    const cesObject = new ApiObject(platform, 'ces', ces('minio-everywhere', { namespaces: ['user'] }, esSpec('minio')));
    // WHEN synthesised
    // THEN refused, naming the CES and the namespace
    expect(errorsOf(() => app.synthYaml())).toEqual([
      `${minio.secret!.node.path} and ${cesObject.node.path} (its ExternalSecret in namespace user) both make Secret minio in namespace user ${MAKE}; ${FIX_EXISTING('minio-everywhere')}`,
    ]);
  });

  test('env-source reads the keys of the Secret it writes', () => {
    // GIVEN a sets AWS_REGION; b reads Secret creds, which only the CES's ExternalSecret in team-a writes, with key AWS_REGION
    const given = inputs(pd('a', { env: [{ name: 'AWS_REGION', value: 'x' }] }), pd('b', { envFrom: [{ secretRef: { name: 'creds' } }] }),
      ces('creds', { namespaces: ['team-a'] }));
    // WHEN checked
    const problems = checkManifests(given);
    // THEN the clash is found
    expect(problems.map(p => [p.rule, p.namespace, p.sources, p.key, line(p)])).toEqual([['env-source', 'team-a', ['s1', 's0'], 'AWS_REGION',
      `env var AWS_REGION is set by the envFrom Secret creds of poddefault b (s1) and by the env of poddefault a (s0) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of a ${ENV_FIX}`]]);
  });

  test('creationPolicy Merge fills an existing Secret: no duplicate, and its keys count', () => {
    // GIVEN Secret creds (key other) in team-a, a CES merging AWS_REGION into it, and a and b as above
    const given = inputs(secret('creds', ['other']), pd('a', { env: [{ name: 'AWS_REGION', value: 'x' }] }), pd('b', { envFrom: [{ secretRef: { name: 'creds' } }] }),
      ces('creds', { namespaces: ['team-a'] }, esSpec('creds', ['AWS_REGION'], 'Merge')));
    // WHEN checked
    // THEN no duplicate-object, and the merged key reaches env-source
    expect(checkManifests(given).map(p => [p.rule, p.namespace, p.sources, p.key])).toEqual([['env-source', 'team-a', ['s2', 's1'], 'AWS_REGION']]);
  });

  test('cloud-identity reads the keys of the Secret it writes', () => {
    // GIVEN a gives an AWS web identity; b reads Secret creds, with AWS keys only the CES's ExternalSecret writes
    const given = inputs(pd('a', { env: [{ name: 'AWS_ROLE_ARN', value: 'arn' }, { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/token' }] }),
      pd('b', { envFrom: [{ secretRef: { name: 'creds' } }] }),
      ces('creds', { namespaces: ['team-a'] }, esSpec('creds', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'])));
    // WHEN checked
    // THEN one pod would get both
    expect(checkManifests(given).map(p => [p.rule, p.namespace, p.sources])).toEqual([['cloud-identity', 'team-a', ['s1', 's0']]]);
  });
});

describe('an ExternalSecret of the name the CES gives', () => {
  const LEFT_OUT = (first: string, generated: string, ns: string, name: string, cesName: string) => ({
    rule: 'duplicate-object', namespace: ns, sources: [first, generated], key: name,
    message: `${first} and ${generated} are both ExternalSecret ${name} in namespace ${ns}: External Secrets Operator does not take over an ExternalSecret `
      + `that ClusterExternalSecret ${cesName} does not own, and leaves namespace ${ns} out of it (status.failedNamespaces)`,
    fix: `give one of them another name (spec.externalSecretName on the ClusterExternalSecret), or leave namespace ${ns} out of the ClusterExternalSecret`,
  });

  test('one it does not own: ESO leaves that namespace out', () => {
    // GIVEN an ExternalSecret creds-sync of team-a (writing Secret other) and a CES whose ExternalSecrets are named creds-sync, in team-a and team-b
    const given = inputs(externalSecret('creds-sync', esSpec('other')),
      { ...ces('platform', { namespaces: ['team-a', 'team-b'] }), spec: { externalSecretName: 'creds-sync', namespaces: ['team-a', 'team-b'], externalSecretSpec: esSpec('creds') } },
      secret('creds', [], 'team-b'));
    // WHEN checked
    // THEN team-a is left out, and in team-b its ExternalSecret is judged (its Secret clashes there); the CES's ExternalSecret is not judged in team-a
    expect(checkManifests(given)).toEqual([
      secretClash('s2', 's1', 'team-b', 'platform'),
      LEFT_OUT('s0', 's1 (its ExternalSecret in namespace team-a)', 'team-a', 'creds-sync', 'platform'),
    ]);
  });

  test('two CESs of one ExternalSecret name: the later one is left out', () => {
    // GIVEN two CESs named creds, whose ExternalSecrets are both named creds, in team-a
    const given = inputs(ces('creds', { namespaces: ['team-a'] }), { ...ces('creds', {}), spec: { externalSecretName: 'creds', namespaces: ['team-a'], externalSecretSpec: esSpec('other') },
      metadata: { name: 'creds-copy' } });
    // WHEN checked
    // THEN the second finds the first's ExternalSecret, which it does not own
    expect(checkManifests(given)).toEqual([LEFT_OUT('s0 (its ExternalSecret in namespace team-a)', 's1 (its ExternalSecret in namespace team-a)', 'team-a', 'creds', 'creds-copy')]);
  });

  test('its own, in a cluster dump: judged once, as the dump holds it', () => {
    // GIVEN a dump (kubectl get -A -o yaml) of a CES targeting team-a and team-b, its ExternalSecret in team-a
    // (controller owner: the CES) with the Secret creds it wrote, and an unrelated Secret creds in team-b
    const given = inputs(
      ces('creds', { namespaces: ['team-a', 'team-b'] }),
      ownedBy(externalSecret('creds', esSpec('creds')), 'ClusterExternalSecret', 'creds'),
      ownedBy(secret('creds', ['AWS_REGION']), 'ExternalSecret', 'creds'),
      secret('creds', [], 'team-b'),
    );
    // WHEN checked
    // THEN team-a holds no duplicate; the CES's ExternalSecret in team-b clashes with the Secret there
    expect(checkManifests(given)).toEqual([secretClash('s3', 's0', 'team-b')]);
  });

  test('its own, in a cluster dump, clashing with a Secret it did not write: the fix names the CES', () => {
    // GIVEN a dump of CES platform's ExternalSecret creds-sync in team-a (controller owner: the CES), which
    // writes Secret creds, and a Secret creds there that it does not own
    const given = inputs(ownedBy(externalSecret('creds-sync', esSpec('creds')), 'ClusterExternalSecret', 'platform'), secret('creds', []));
    // WHEN checked
    // THEN the clash tells to set creationPolicy on the CES, since ESO writes the ExternalSecret's spec back from it
    expect(checkManifests(given).map(p => p.fix)).toEqual([FIX_EXISTING('platform')]);
  });

  test('one another CES owns is not its own', () => {
    // GIVEN the ExternalSecret creds of team-a, owned by CES other, and CES creds targeting team-a
    const given = inputs(ownedBy(externalSecret('creds', esSpec('creds')), 'ClusterExternalSecret', 'other'), ces('creds', { namespaces: ['team-a'] }));
    // WHEN checked
    // THEN team-a is left out
    expect(checkManifests(given)).toEqual([LEFT_OUT('s0', 's1 (its ExternalSecret in namespace team-a)', 'team-a', 'creds', 'creds')]);
  });
});
