// ClusterExternalSecrets as External Secrets Operator expands them (ESO v2.9.0,
// apis/externalsecrets/v1/clusterexternalsecret_types.go; runtime/esutils/utils.go GetTargetNamespaces):
// one ExternalSecret per target namespace, named spec.externalSecretName (by default the CES's name), with
// the CES as controller owner, judged as an ExternalSecret the input holds there; a namespace where an
// ExternalSecret of that name exists that the CES does not own is left out (status.failedNamespaces).
import { ApiObject, Chart, Testing } from 'cdk8s';
import { MinioDefault } from '../../lib/access/minio-default';
import { checkManifests } from '../../lib/check';
import { PodDefaultValidation } from '../../lib/check/pod-default-validation';
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

  test('a CES without selectors or names, or with a null spec.namespaceSelector, targets nothing', () => {
    // GIVEN Secret creds in team-a, a CES that targets nothing, one whose deprecated selector is null (the API server
    // drops a null field: apiextensions-apiserver PruneNonNullableNullsWithoutDefaults), and one that targets team-a by name
    const given = inputs(secret('creds', []), ces('none', {}), ces('null', { namespaceSelector: null, namespaceSelectors: null }), ces('named', { namespaces: ['team-a'] }));
    // WHEN checked
    // THEN only the named one writes creds there
    expect(checkManifests(given)).toEqual([secretClash('s0', 's3', 'team-a', 'named')]);
  });
});

describe('a ClusterExternalSecret whose targets ESO cannot read', () => {
  // GetTargetNamespaces (runtime/esutils/utils.go, ESO v2.9.0) converts each name of spec.namespaces and
  // each selector with metav1.LabelSelectorAsSelector and returns the first error; the controller
  // (pkg/controllers/clusterexternalsecret/clusterexternalsecret_controller.go) then sets
  // status.failedNamespaces {unknown: error} and writes no ExternalSecret anywhere. No webhook of ESO
  // validates a CES, and its CRD gives the operator no enum, so the API server takes such a CES.
  const CONSEQUENCE = 'which External Secrets Operator cannot convert (metav1.LabelSelectorAsSelector): it then writes its ExternalSecret '
    + 'in no namespace, not even those its other selectors or spec.namespaces name (status.failedNamespaces: unknown)';
  const invalid = (field: string, key: string, error: string, source = 's1', name = 'creds') => ({
    rule: 'selector', sources: [source], key,
    message: `clusterexternalsecret ${name} (${source}) has an invalid selector in ${field} (${error}), ${CONSEQUENCE}`,
    fix: 'fix the selector',
  });

  test.each<[string, any, string, string]>([
    ['an unknown operator', { matchExpressions: [{ key: 'tier', operator: 'Like', values: ['gold'] }] }, 'tier', 'matchExpressions key tier: unknown operator Like'],
    ['Exists with values', { matchExpressions: [{ key: 'tier', operator: 'Exists', values: ['gold'] }] }, 'tier', 'matchExpressions key tier: operator Exists takes no values'],
    ['DoesNotExist with values', { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist', values: ['gold'] }] }, 'tier', 'matchExpressions key tier: operator DoesNotExist takes no values'],
    ['In without values', { matchExpressions: [{ key: 'tier', operator: 'In' }] }, 'tier', 'matchExpressions key tier: operator In needs values'],
    ['NotIn with an empty list', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: [] }] }, 'tier', 'matchExpressions key tier: operator NotIn needs values'],
    ['a lower-case operator', { matchExpressions: [{ key: 'tier', operator: 'in', values: ['gold'] }] }, 'tier', 'matchExpressions key tier: unknown operator in'],
    ['an invalid matchLabels key', { matchLabels: { 'team name': 'a' } }, '(key not shown, as it may be a secret: 9 characters, a space at character 5)',
      'matchLabels key (key not shown, as it may be a secret: 9 characters, a space at character 5): the name must be 1 to 63 characters of letters, digits, -, _ and ., starting and ending with a letter or digit'],
    ['an invalid matchLabels value', { matchLabels: { team: 'team a' } }, 'team',
      'matchLabels key team: a label value must be at most 63 characters of letters, digits, -, _ and ., starting and ending with a letter or digit'],
    ['an invalid expression value', { matchExpressions: [{ key: 'team', operator: 'In', values: ['a', '-b'] }] }, 'team',
      'matchExpressions key team: a label value must be at most 63 characters of letters, digits, -, _ and ., starting and ending with a letter or digit'],
    ['an empty expression key', { matchExpressions: [{ key: '', operator: 'Exists' }] }, '',
      'matchExpressions key "": the name must be 1 to 63 characters of letters, digits, -, _ and ., starting and ending with a letter or digit'],
  ])('%s: reported, and no ExternalSecret of it is judged, not even in the namespaces it names', (_title, selector, key, error) => {
    // GIVEN Secret creds in team-a, and a CES naming team-a and selecting namespaces with an invalid selector
    const given = inputs(secret('creds', []), ces('creds', { namespaces: ['team-a'], namespaceSelectors: [{ matchLabels: { profile: 'yes' } }, selector] }));
    // WHEN checked
    // THEN the selector is reported by its field; the Secret creds of team-a does not clash, as ESO writes nothing there
    expect(checkManifests(given)).toEqual([invalid('spec.namespaceSelectors[1]', key, error)]);
  });

  test('refused at synth, naming the construct', () => {
    // GIVEN an app with the check attached, a raw CES whose selector has Exists with values, naming namespace user, and a Secret creds in user
    const app = Testing.app();
    PodDefaultValidation.attach(app);
    const chart = new Chart(app, 'platform');
    const cesObject = new ApiObject(chart, 'ces', ces('creds', { namespaces: ['user'], namespaceSelectors: [{ matchExpressions: [{ key: 'tier', operator: 'Exists', values: ['gold'] }] }] }));
    new ApiObject(chart, 'secret', secret('creds', [], 'user'));
    // WHEN synthesised
    // THEN refused with the selector's problem alone
    expect(errorsOf(() => app.synthYaml())).toEqual([line(invalid('spec.namespaceSelectors[0]', 'tier', 'matchExpressions key tier: operator Exists takes no values', cesObject.node.path))]);
  });

  test('the deprecated spec.namespaceSelector, and each invalid selector of a CES once', () => {
    // GIVEN a CES whose deprecated selector and both selectors of spec.namespaceSelectors are invalid
    const given = inputs(secret('creds', []), ces('creds', {
      namespaceSelector: { matchExpressions: [{ key: 'tier', operator: 'Exists', values: ['gold'] }] },
      namespaceSelectors: [{ matchExpressions: [{ key: 'a', operator: 'Like' }] }, { matchExpressions: [{ key: 'b', operator: 'In' }] }],
    }));
    // WHEN checked
    // THEN each is reported, in the order ESO converts them
    expect(checkManifests(given)).toEqual([
      invalid('spec.namespaceSelector', 'tier', 'matchExpressions key tier: operator Exists takes no values'),
      invalid('spec.namespaceSelectors[0]', 'a', 'matchExpressions key a: unknown operator Like'),
      invalid('spec.namespaceSelectors[1]', 'b', 'matchExpressions key b: operator In needs values'),
    ]);
  });

  test('the CES with an invalid selector leaves the name to another CES', () => {
    // GIVEN CES broken (invalid selector) and CES creds-copy, both writing ExternalSecret creds in team-a
    const given = inputs(
      { ...ces('broken', { namespaces: ['team-a'], namespaceSelectors: [{ matchExpressions: [{ key: 'x', operator: 'Like' }] }] }),
        spec: { externalSecretName: 'creds', namespaces: ['team-a'], namespaceSelectors: [{ matchExpressions: [{ key: 'x', operator: 'Like' }] }], externalSecretSpec: esSpec('creds') } },
      { ...ces('creds-copy', {}), spec: { externalSecretName: 'creds', namespaces: ['team-a'], externalSecretSpec: esSpec('other') } },
    );
    // WHEN checked
    // THEN only the selector: ESO writes no ExternalSecret of the broken one, so the other's is not left out
    expect(checkManifests(given)).toEqual([invalid('spec.namespaceSelectors[0]', 'x', 'matchExpressions key x: unknown operator Like', 's0', 'broken')]);
  });

  test.each<[string, any, string, string]>([
    ['a matchLabels value that is no string', { namespaceSelectors: [{ matchLabels: { profile: true } }] }, 'spec.namespaceSelectors[0]',
      'spec.namespaceSelectors[0] whose matchLabels profile is a boolean, not a string, where the ClusterExternalSecret CRD declares a label selector'],
    ['an expression without operator', { namespaceSelector: { matchExpressions: [{ key: 'tier' }] } }, 'spec.namespaceSelector',
      'spec.namespaceSelector whose matchExpressions[0].operator is missing, not a string, where the ClusterExternalSecret CRD declares a label selector'],
    ['values that are no list', { namespaceSelectors: [{ matchExpressions: [{ key: 'tier', operator: 'In', values: 'gold' }] }] }, 'spec.namespaceSelectors[0]',
      'spec.namespaceSelectors[0] whose matchExpressions[0].values is a string, where the ClusterExternalSecret CRD declares a label selector'],
    ['namespaceSelectors that is no list', { namespaceSelectors: { matchLabels: { profile: 'yes' } } }, 'spec.namespaceSelectors',
      'spec.namespaceSelectors that is an object, where the ClusterExternalSecret CRD declares a list'],
    ['a namespace that is no string', { namespaces: ['team-a', 7] }, 'spec.namespaces[1]',
      'spec.namespaces[1] that is a number, where the ClusterExternalSecret CRD declares a namespace name'],
  ])('%s: the api server refuses the CES; reported by the field, never its value', (_title, targets, field, what) => {
    // GIVEN Secret creds in team-a, and a CES of a field the CRD declares otherwise, naming team-a
    const given = inputs(secret('creds', []), ces('creds', { namespaces: ['team-a'], ...targets }));
    // WHEN checked
    // THEN the shape is reported; nothing of the CES is judged
    expect(checkManifests(given)).toEqual([{
      rule: 'shape', sources: ['s1'], key: field, fix: 'fix the manifest',
      message: `clusterexternalsecret creds (s1) has ${what}, so the api server refuses it and External Secrets Operator writes no ExternalSecret of it`,
    }]);
  });

  test('a namespace name that is no DNS-1123 label is refused, without its value', () => {
    // GIVEN a CES naming team-a and, in the place of a name, a fake token pasted there
    const given = inputs(secret('creds', []), ces('creds', { namespaces: ['team-a', 'FAKE_TOKEN_0000'] }));
    // WHEN checked
    const problems = checkManifests(given);
    // THEN the field is named, the value is not
    expect(problems).toEqual([{
      rule: 'selector', sources: ['s1'], key: 'spec.namespaces[1]', fix: 'give the name of a namespace',
      message: 'clusterexternalsecret creds (s1) has spec.namespaces[1] that is not a namespace name (a DNS-1123 label: lower-case letters, digits and "-", '
        + 'at most 63 characters, the CRD\'s pattern), so the api server refuses it and External Secrets Operator writes no ExternalSecret of it',
    }]);
    expect(JSON.stringify(problems)).not.toContain('FAKE_TOKEN');
  });

  test('valid selectors beside spec.namespaces are read as ESO reads them', () => {
    // GIVEN Namespace team-b (tier=gold), Secret creds in team-a and team-b, and a CES naming team-a, selecting tier In (gold)
    const given = inputs(namespace('team-b', { tier: 'gold' }), secret('creds', []), secret('creds', [], 'team-b'),
      ces('creds', { namespaces: ['team-a'], namespaceSelectors: [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['gold'] }] }] }));
    // WHEN checked
    // THEN no selector problem: both namespaces are targets
    expect(checkManifests(given)).toEqual([secretClash('s1', 's3', 'team-a'), secretClash('s2', 's3', 'team-b')]);
  });

  describe('a null item of spec.namespaceSelectors', () => {
    // The CRD of ESO v2.9.0 (config/crds/bases/external-secrets.io_clusterexternalsecrets.yaml) declares each item
    // `type: object`, not nullable. apiextensions-apiserver (v0.32.9, pkg/apiserver/schema/defaulting/prunenulls.go,
    // PruneNonNullableNullsWithoutDefaults) drops a null field or map value but keeps a null list item, which the
    // schema validation (kube-openapi pkg/validation/validate/type.go) refuses: "must be of type object". So there is no
    // CES, whatever kubectl's --validate, and ESO writes nothing of it.
    const REFUSED = {
      rule: 'shape', sources: ['s1'], key: 'spec.namespaceSelectors[0]', fix: 'fix the manifest',
      message: 'clusterexternalsecret creds (s1) has spec.namespaceSelectors[0] that is null, where the ClusterExternalSecret CRD declares a label selector, '
        + 'so the api server refuses it and External Secrets Operator writes no ExternalSecret of it',
    };

    test('alone, or beside valid selectors and names: the api server refuses the CES, and none of its ExternalSecrets is judged', () => {
      // GIVEN Namespace team-b (tier=gold), Secret creds in team-a and team-b, and a CES naming team-a, with a null
      // selector before tier In (gold)
      const given = inputs(namespace('team-b', { tier: 'gold' }), secret('creds', []), secret('creds', [], 'team-b'),
        ces('creds', { namespaces: ['team-a'], namespaceSelectors: [null, { matchExpressions: [{ key: 'tier', operator: 'In', values: ['gold'] }] }] }));
      // WHEN checked
      // THEN the null item is reported by its path; no Secret clashes, as there is no CES
      expect(checkManifests(given)).toEqual([{ ...REFUSED, sources: ['s3'], message: REFUSED.message.replace('(s1)', '(s3)') }]);
      expect(checkManifests(inputs(secret('creds', []), ces('creds', { namespaceSelectors: [null] })))).toEqual([REFUSED]);
    });

    test('a null matchLabels value is dropped, not refused: the selector then selects more namespaces than meant', () => {
      // GIVEN a CES whose selector's label value was left empty in YAML (`profile:`): the API server drops the null map
      // value (PruneNonNullableNullsWithoutDefaults), stores `matchLabels: {}`, and ESO writes the ExternalSecret in every namespace
      const given = inputs(secret('creds', []), ces('creds', { namespaceSelectors: [{ matchLabels: { profile: null } }] }));
      // WHEN checked
      // THEN reported by its path, with what the API server does with it
      expect(checkManifests(given)).toEqual([{
        rule: 'shape', sources: ['s1'], key: 'spec.namespaceSelectors[0].matchLabels', fix: 'give the label a value, or remove the key',
        message: 'clusterexternalsecret creds (s1) has spec.namespaceSelectors[0].matchLabels "profile" null (a value left empty in YAML), which the api server '
          + 'drops as it stores the ClusterExternalSecret, so the selector lacks the key and External Secrets Operator writes its ExternalSecret in more '
          + 'namespaces than meant (every namespace, when no other requirement is left)',
      }]);
    });

    test('a null matchLabels value beside one of another type: refused for the other, as the api server drops the null first', () => {
      // GIVEN a CES whose selector has a label left empty and one whose value is a number
      const given = inputs(secret('creds', []), ces('creds', { namespaceSelectors: [{ matchLabels: { profile: null, tier: 1 } }] }));
      // WHEN checked
      // THEN refused, naming the number's key, not the null's (pruned before the schema is validated)
      expect(checkManifests(given).map(p => p.message)).toEqual([expect.stringContaining('spec.namespaceSelectors[0] whose matchLabels tier is a number, not a string')]);
    });

    test('matchLabels null (left empty in YAML) is dropped: reported as a selector of more namespaces than meant', () => {
      // GIVEN a CES whose one selector's matchLabels was left empty in YAML (`- matchLabels:`): the API server drops the null
      // field and stores `{}`, which LabelSelectorAsSelector reads as every namespace
      const given = inputs(secret('creds', []), ces('creds', { namespaceSelectors: [{ matchLabels: null }] }));
      // WHEN checked
      // THEN reported by its path
      expect(checkManifests(given).map(p => [p.rule, p.key])).toEqual([['shape', 'spec.namespaceSelectors[0].matchLabels']]);
    });

    test('refused at synth, naming the construct and the field', () => {
      // GIVEN an app with the check attached and a raw CES whose one selector is null
      const app = Testing.app();
      PodDefaultValidation.attach(app);
      const chart = new Chart(app, 'platform');
      const cesObject = new ApiObject(chart, 'ces', ces('creds', { namespaceSelectors: [null] }));
      // WHEN synthesised
      // THEN refused by the field's path
      expect(errorsOf(() => app.synthYaml())).toEqual([`${REFUSED.message.replace('(s1)', `(${cesObject.node.path})`)}; fix the manifest`]);
    });
  });
});

describe('a ClusterExternalSecret ESO cannot decode', () => {
  // spec.refreshTime and spec.externalSecretSpec.refreshInterval are *metav1.Duration (clusterexternalsecret_types.go,
  // externalsecret_types.go, ESO v2.9.0): a string time.ParseDuration does not read fails to decode; the CRD declares a
  // plain string, and no ESO webhook validates a CES, so the API server takes it and ESO writes no ExternalSecret of it.
  const NOT_GO = 'is not a Go duration (time.ParseDuration: numbers with the units ns, us, ms, s, m or h, such as 1h30m; there is no unit d), '
    + 'which External Secrets Operator cannot decode (metav1.Duration)';
  const unreadable = (field: string, why: string) => ({
    rule: 'refresh-interval', sources: ['s1'], key: field, fix: 'give a Go duration such as "1h" or "15m", or "0s" to fetch once',
    message: `clusterexternalsecret creds (s1) has a ${field} that ${why}: External Secrets Operator cannot read the ClusterExternalSecret, and writes no ExternalSecret of it`,
  });

  test.each<[string, any, any, any]>([
    ['spec.refreshTime of a day', { namespaces: ['team-a'], refreshTime: '1d' }, esSpec('creds'), unreadable('spec.refreshTime', NOT_GO)],
    ['spec.externalSecretSpec.refreshInterval of a number', { namespaces: ['team-a'] }, { ...esSpec('creds'), refreshInterval: 60 },
      unreadable('spec.externalSecretSpec.refreshInterval', 'is a number, where the CRD declares a string (the API server refuses it)')],
  ])('%s: reported, and none of its ExternalSecrets is judged', (_title, targets, externalSecretSpec, expected) => {
    // GIVEN Secret creds in team-a, and a CES naming team-a whose duration ESO cannot read
    const given = inputs(secret('creds', []), ces('creds', targets, externalSecretSpec));
    // WHEN checked THEN the duration alone
    expect(checkManifests(given)).toEqual([expected]);
  });

  // PruneNonNullableNullsWithoutDefaults (apiextensions-apiserver prunenulls.go) deletes null map entries only: a null
  // list item is kept, and refused, as ESO v2.9.0's CRD declares no item of externalSecretSpec nullable.
  test('a null item of spec.externalSecretSpec.data (`- ` left empty in YAML): reported, and none of its ExternalSecrets is judged', () => {
    // GIVEN Secret creds in team-a, and a CES naming team-a whose externalSecretSpec.data holds a null and a key
    const given = inputs(secret('creds', []), ces('creds', { namespaces: ['team-a'] }, { ...esSpec('creds'), data: [null, { secretKey: 'b', remoteRef: { key: 'k' } }] }));
    // WHEN checked THEN the null item alone, by its path
    expect(checkManifests(given)).toEqual([{
      rule: 'shape', sources: ['s1'], key: 'spec.externalSecretSpec.data[0]', fix: 'fix the manifest',
      message: 'clusterexternalsecret creds (s1) has spec.externalSecretSpec.data[0] that is null (an item left empty in YAML), where the ClusterExternalSecret CRD '
        + 'declares no null item, so the api server refuses it and External Secrets Operator writes no ExternalSecret of it',
    }]);
  });

  // ESO v2.9.0 config/crds/bases/external-secrets.io_clusterexternalsecrets.yaml (/work/shared/crds/clusterexternalsecret-crd.eso-v2.9.0.yaml):
  // spec an object that requires externalSecretSpec, an object of the ExternalSecret spec's types (data an array of
  // objects, target an object of string name, ...). The schema validation refuses another type, or the field missing
  // (a null one is dropped first, PruneNonNullableNullsWithoutDefaults): the CES is never stored.
  const CES_REFUSED = ', so the api server refuses it and External Secrets Operator writes no ExternalSecret of it';
  const wrong = (field: string, actual: string, declared: string) => ({
    rule: 'shape', sources: ['s1'], key: field, fix: `give ${field} ${declared}, as the ClusterExternalSecret CRD declares, or remove it`,
    message: `clusterexternalsecret creds (s1) has ${field} that is ${actual}, where the ClusterExternalSecret CRD declares ${declared}${CES_REFUSED}`,
  });
  const required = (what: string) => ({
    rule: 'shape', sources: ['s1'], key: 'spec.externalSecretSpec', fix: 'give spec.externalSecretSpec, the spec of the ExternalSecret it writes in each namespace',
    message: `clusterexternalsecret creds (s1) has spec.externalSecretSpec that is ${what}, where the ClusterExternalSecret CRD requires it `
      + `(a mapping, the spec of each ExternalSecret)${CES_REFUSED}`,
  });
  const cesOf = (spec: any) => ({ apiVersion: 'external-secrets.io/v1', kind: 'ClusterExternalSecret', metadata: { name: 'creds' }, spec });

  test.each<[string, any, any]>([
    ['spec.externalSecretSpec null (left empty in YAML)', { namespaces: ['team-a'], externalSecretSpec: null }, required('null (left empty in YAML)')],
    ['spec.externalSecretSpec missing', { namespaces: ['team-a'] }, required('missing')],
    ['spec.externalSecretSpec a string', { namespaces: ['team-a'], externalSecretSpec: 'x' }, wrong('spec.externalSecretSpec', 'a string', 'a mapping')],
    ['spec a list', [], wrong('spec', 'a list', 'a mapping')],
    ['spec.externalSecretSpec.data a string', { namespaces: ['team-a'], externalSecretSpec: { ...esSpec('creds'), data: 'x' } },
      wrong('spec.externalSecretSpec.data', 'a string', 'a list of mappings')],
    ['spec.externalSecretSpec.target.name a number', { namespaces: ['team-a'], externalSecretSpec: { ...esSpec('creds'), target: { name: 5 } } },
      wrong('spec.externalSecretSpec.target.name', 'a number', 'a string')],
    // The CRD's enum of spec.externalSecretSpec.target.creationPolicy (v1): Owner, Orphan, Merge, None, CreateOrMerge.
    ['spec.externalSecretSpec.target.creationPolicy none of its enum', { namespaces: ['team-a'], externalSecretSpec: { ...esSpec('creds'), target: { name: 'creds', creationPolicy: 'Sometimes' } } }, {
      rule: 'shape', sources: ['s1'], key: 'spec.externalSecretSpec.target.creationPolicy',
      fix: 'give spec.externalSecretSpec.target.creationPolicy one of Owner, Orphan, Merge, None or CreateOrMerge, or remove it for the default, Owner',
      message: 'clusterexternalsecret creds (s1) has spec.externalSecretSpec.target.creationPolicy that is none of the values the ClusterExternalSecret CRD allows '
        + `(Owner, Orphan, Merge, None or CreateOrMerge)${CES_REFUSED}`,
    }],
  ])('%s: reported, and none of its ExternalSecrets is judged', (_title, spec, expected) => {
    // GIVEN Secret creds in team-a, and CES creds naming team-a (its ExternalSecret would write creds there) of a field the CRD refuses
    const given = inputs(secret('creds', []), cesOf(spec));
    // WHEN checked THEN that field alone: no ExternalSecret of it, so no duplicate of creds
    expect(checkManifests(given)).toEqual([expected]);
  });

  test('a CES without a spec targets no namespace: nothing reported', () => {
    // GIVEN Secret creds in team-a, and CES creds without a spec (the CRD requires none)
    const given = inputs(secret('creds', []), { apiVersion: 'external-secrets.io/v1', kind: 'ClusterExternalSecret', metadata: { name: 'creds' } });
    // WHEN checked THEN nothing
    expect(checkManifests(given)).toEqual([]);
  });

  // validateDuplicateKeys, ESO v2.9.0 apis/externalsecrets/v1/externalsecret_validator.go: its webhook refuses each
  // ExternalSecret the CES controller writes with two spec.data items of one secretKey (deletionPolicy Retain, the default).
  test('two items of spec.externalSecretSpec.data of one secretKey: reported once, and none of its ExternalSecrets is judged', () => {
    // GIVEN Secret creds in team-a, and a CES naming team-a and team-b whose externalSecretSpec fetches two items into token
    const spec = { ...esSpec('creds', ['token', 'token']), target: { name: 'creds', deletionPolicy: null } };
    const given = inputs(secret('creds', []), ces('creds', { namespaces: ['team-a', 'team-b'] }, spec));
    // WHEN checked THEN the repeat once, on the CES
    expect(checkManifests(given)).toEqual([{
      rule: 'secret-data', sources: ['s1'], key: 'spec.externalSecretSpec.data[1].secretKey',
      message: 'clusterexternalsecret creds (s1) has spec.externalSecretSpec.data[1].secretKey token, as spec.externalSecretSpec.data[0] has, '
        + 'with spec.externalSecretSpec.target.deletionPolicy Retain (the default): External Secrets Operator\'s webhook refuses each ExternalSecret of it '
        + '(duplicate secretKey found), so it writes none',
      fix: 'give each spec.data[] item its own secretKey (the key of the Secret it writes), or remove the repeated item',
    }]);
  });

  test('a duration ESO reads: its ExternalSecret is judged', () => {
    // GIVEN Secret creds in team-a, and a CES naming team-a, refreshing every 30m and its ExternalSecret every 1h0m0s
    const given = inputs(secret('creds', []), ces('creds', { namespaces: ['team-a'], refreshTime: '30m' }, { ...esSpec('creds'), refreshInterval: '1h0m0s' }));
    // WHEN checked THEN its Secret clashes
    expect(checkManifests(given)).toEqual([secretClash('s0', 's1', 'team-a')]);
  });
});

describe('a ClusterExternalSecret refused for its whole CRD, or whose ExternalSecrets ESO\'s webhook refuses', () => {
  // ESO v2.9.0's CRDs, v1 (lib/check/eso-crd-fields.ts, generated from them): the API server refuses a CES of any field
  // its schema refuses, in spec.externalSecretSpec (the ExternalSecret's spec) or in spec.externalSecretName and
  // spec.externalSecretMetadata. No webhook validates a CES, but ESO creates each of its ExternalSecrets, which its
  // webhook (validateExternalSecret, apis/externalsecrets/v1/externalsecret_validator.go) refuses alike. Either way it
  // writes no ExternalSecret.
  const TAIL = ' and External Secrets Operator writes no ExternalSecret of it';
  const refused = (field: string, problem: string, fix: string) => ({
    rule: 'shape', sources: ['s1'], key: field, fix, message: `clusterexternalsecret creds (s1) has ${field} ${problem}, so the api server refuses it${TAIL}`,
  });
  const SUBDOMAIN = 'a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit)';

  test.each<[string, any, any]>([
    ['spec.externalSecretSpec.data[0].remoteRef.conversionStrategy Base64', { namespaces: ['team-a'], externalSecretSpec: { ...esSpec('creds'), data: [{ secretKey: 'token', remoteRef: { key: 'k', conversionStrategy: 'Base64' } }] } },
      refused('spec.externalSecretSpec.data[0].remoteRef.conversionStrategy', 'that is none of the values the ClusterExternalSecret CRD allows (Default or Unicode)',
        'give spec.externalSecretSpec.data[0].remoteRef.conversionStrategy one of Default or Unicode, or remove it')],
    ['spec.externalSecretSpec.target.template.engineVersion v1', { namespaces: ['team-a'], externalSecretSpec: { ...esSpec('creds'), target: { name: 'creds', template: { engineVersion: 'v1' } } } },
      refused('spec.externalSecretSpec.target.template.engineVersion', 'that is none of the values the ClusterExternalSecret CRD allows (v2)',
        'give spec.externalSecretSpec.target.template.engineVersion one of v2, or remove it for the default, v2')],
    ['spec.externalSecretName with an upper-case letter', { namespaces: ['team-a'], externalSecretName: 'Creds' },
      refused('spec.externalSecretName', `that is not ${SUBDOMAIN}, the pattern the ClusterExternalSecret CRD declares`, `give spec.externalSecretName ${SUBDOMAIN}, or remove it`)],
    ['spec.externalSecretName over 253 characters', { namespaces: ['team-a'], externalSecretName: 'a'.repeat(254) },
      refused('spec.externalSecretName', 'of a length the ClusterExternalSecret CRD does not allow (from 1 to 253 characters)', 'give spec.externalSecretName from 1 to 253 characters, or remove it')],
    ['spec.externalSecretMetadata.labels holding a number', { namespaces: ['team-a'], externalSecretMetadata: { labels: { tier: 1 } } },
      refused('spec.externalSecretMetadata.labels', 'that is a mapping holding a number, where the ClusterExternalSecret CRD declares a map of strings',
        'give spec.externalSecretMetadata.labels a map of strings, as the ClusterExternalSecret CRD declares, or remove it')],
    ['spec.externalSecretSpec.target deletionPolicy Delete with creationPolicy Merge', { namespaces: ['team-a'], externalSecretSpec: { ...esSpec('creds'), target: { name: 'creds', creationPolicy: 'Merge', deletionPolicy: 'Delete' } } }, {
      rule: 'shape', sources: ['s1'], key: 'spec.externalSecretSpec.target.deletionPolicy',
      fix: 'set spec.externalSecretSpec.target.creationPolicy to Owner, or spec.externalSecretSpec.target.deletionPolicy to Retain (the default)',
      message: 'clusterexternalsecret creds (s1) has spec.externalSecretSpec.target.deletionPolicy Delete with spec.externalSecretSpec.target.creationPolicy Merge, '
        + 'which External Secrets Operator\'s webhook refuses each ExternalSecret of it (deletionPolicy=Delete must not be used when the controller doesn\'t own the secret)' + TAIL,
    }],
    ['spec.externalSecretSpec without data or dataFrom', { namespaces: ['team-a'], externalSecretSpec: { target: { name: 'creds' } } }, {
      rule: 'shape', sources: ['s1'], key: 'spec.externalSecretSpec.data',
      fix: 'give spec.externalSecretSpec.data (a secretKey and a remoteRef each) or spec.externalSecretSpec.dataFrom the secrets to fetch',
      message: 'clusterexternalsecret creds (s1) has spec.externalSecretSpec with no item of data or of dataFrom, '
        + 'which External Secrets Operator\'s webhook refuses each ExternalSecret of it (either data or dataFrom should be specified)' + TAIL,
    }],
  ])('%s: reported by its path, and none of its ExternalSecrets is judged', (_title, spec, expected) => {
    // GIVEN Secret creds in team-a, and CES creds naming team-a (its ExternalSecret would write creds there), refused
    const given = inputs(secret('creds', []), { apiVersion: 'external-secrets.io/v1', kind: 'ClusterExternalSecret', metadata: { name: 'creds' }, spec: { externalSecretSpec: esSpec('creds'), ...spec } });
    // WHEN checked THEN that refusal alone: no ExternalSecret of it, so no duplicate of creds
    expect(checkManifests(given)).toEqual([expected]);
  });

  test('a ClusterExternalSecret of v1beta1, which ESO v2.9.0\'s CRD keeps with served: false: refused, and none of its ExternalSecrets is judged', () => {
    // GIVEN Secret creds in team-a, and a v1beta1 CES creds naming team-a (its ExternalSecret would write creds there)
    const given = inputs(secret('creds', []), { apiVersion: 'external-secrets.io/v1beta1', kind: 'ClusterExternalSecret', metadata: { name: 'creds' },
      spec: { namespaces: ['team-a'], externalSecretSpec: esSpec('creds') } });
    // WHEN checked THEN the refusal of apiVersion alone: no ExternalSecret of it, so no duplicate of creds
    expect(checkManifests(given)).toEqual([{
      rule: 'shape', sources: ['s1'], key: 'apiVersion',
      message: 'clusterexternalsecret creds (s1) has apiVersion external-secrets.io/v1beta1, which External Secrets Operator v2.9\'s ClusterExternalSecret CRD does not serve '
        + '(it serves v1 alone; v1beta1 is kept with served: false since v0.17.0), so the api server refuses it' + TAIL,
      fix: 'write apiVersion: external-secrets.io/v1, the version External Secrets Operator serves',
    }]);
  });

  // ESO copies spec.externalSecretMetadata's labels and annotations onto each ExternalSecret as they are
  // (createOrUpdateExternalSecret, pkg/controllers/clusterexternalsecret/clusterexternalsecret_controller.go, v2.9.0):
  // the API server's ObjectMeta validation refuses each, though the CES's CRD takes any map of strings.
  const KEY_RULE = 'the name must be 1 to 63 characters of letters, digits, -, _ and ., starting and ending with a letter or digit';
  test.each<[string, any, string, string, string]>([
    ['a label key with a space', { labels: { 'tier name': 'gold' } }, 'spec.externalSecretMetadata.labels[(key not shown, as it may be a secret: 9 characters, a space at character 5)]', `an invalid label key: ${KEY_RULE}`, 'rename the label key'],
    ['a label value with a space', { labels: { tier: 'fake gold value' } }, 'spec.externalSecretMetadata.labels.tier',
      'an invalid label value: a label value must be at most 63 characters of letters, digits, -, _ and ., starting and ending with a letter or digit',
      'shorten the value to that rule, or move it to spec.externalSecretMetadata.annotations, whose values are free text'],
    ['an annotation key with two slashes', { annotations: { 'example.com/a/b': 'v' } }, 'spec.externalSecretMetadata.annotations["example.com/a/b"]',
      'an invalid annotation key, checked in lower case as a label key: a label key has at most one /', 'rename the annotation key'],
  ])('spec.externalSecretMetadata with %s: each ExternalSecret of it refused, by the key\'s path, never the value', (_title, metadata, field, why, fix) => {
    // GIVEN Secret creds in team-a, and CES creds naming team-a whose ExternalSecrets would carry that metadata
    const given = inputs(secret('creds', []), ces('creds', { namespaces: ['team-a'], externalSecretMetadata: metadata }));
    // WHEN checked
    // THEN that refusal alone: no ExternalSecret of it, so no duplicate of creds
    expect(checkManifests(given)).toEqual([{
      rule: 'shape', sources: ['s1'], key: field, fix,
      message: `clusterexternalsecret creds (s1) has ${field}, which the api server refuses on each ExternalSecret of it (${why})${TAIL}`,
    }]);
  });

  test('spec.externalSecretMetadata with an upper-case annotation key: taken, as the api server checks it in lower case', () => {
    // GIVEN Secret creds in team-a, and a CES naming team-a whose ExternalSecrets carry annotation Example.com/Owner
    const given = inputs(secret('creds', []), ces('creds', { namespaces: ['team-a'], externalSecretMetadata: { annotations: { 'Example.com/Owner': 'v' } } }));
    // WHEN checked THEN its Secret clashes: the ExternalSecret is written
    expect(checkManifests(given)).toEqual([secretClash('s0', 's1', 'team-a')]);
  });

  test('spec.externalSecretName and spec.externalSecretMetadata the CRD allows: its ExternalSecret is judged', () => {
    // GIVEN Secret creds in team-a, and a CES naming team-a whose ExternalSecret, fetch.v2, is labelled
    const given = inputs(secret('creds', []), ces('creds', { namespaces: ['team-a'], externalSecretName: 'fetch.v2', externalSecretMetadata: { labels: { tier: 'gold' }, annotations: { a: '' } } }));
    // WHEN checked THEN its Secret clashes
    expect(checkManifests(given)).toEqual([secretClash('s0', 's1', 'team-a')]);
  });
});

describe('unknown-field in a ClusterExternalSecret\'s spec', () => {
  // ESO v2.9.0's ClusterExternalSecret CRD, v1 (lib/check/eso-crd-fields.ts), whose spec.externalSecretSpec is the
  // ExternalSecret's spec: a field it does not declare is pruned as the API server stores the CES, which kubectl 1.32's
  // default --validate=strict refuses (`unknown field "spec.externalSecretSpec.target.creationpolicy"`). ESO copies the
  // stored spec into each ExternalSecret, the field dropped: it is reported once, on the CES.
  const REFUSED = 'kubectl apply refuses the ClusterExternalSecret (strict field validation, its default), and with --validate=warn or false the api server drops the field as it stores the ClusterExternalSecret';
  const unknown = (path: string, tail: string, fix: string) => ({
    rule: 'unknown-field', sources: ['s2'], key: path, fix,
    message: `clusterexternalsecret creds (s2) sets ${path}, a field the ClusterExternalSecret CRD does not declare: ${REFUSED}${tail}`,
  });

  test('a misspelt creationpolicy Merge in spec.externalSecretSpec: reported once, and each ExternalSecret read as stored, an Owner', () => {
    // GIVEN Secret creds in team-a and team-b, and CES creds naming both, meant to merge into creds, with creationPolicy misspelt
    const given = inputs(secret('creds', []), secret('creds', [], 'team-b'),
      ces('creds', { namespaces: ['team-a', 'team-b'] }, { ...esSpec('creds'), target: { name: 'creds', creationpolicy: 'Merge' } }));
    // WHEN checked
    // THEN the field once, on the CES, with the default the api server sets in its place; and, as stored with
    // --validate=warn or false, each ExternalSecret is an Owner, whose Secret clashes with creds
    expect(checkManifests(given)).toEqual([
      secretClash('s0', 's2', 'team-a'), secretClash('s1', 's2', 'team-b'),
      unknown('spec.externalSecretSpec.target.creationpolicy', ', so spec.externalSecretSpec.target.creationPolicy takes its default, Owner',
        'rename the field to spec.externalSecretSpec.target.creationPolicy'),
    ]);
  });

  test('fields of the CES\'s own spec and of spec.externalSecretSpec, in document order; a map takes any key', () => {
    // GIVEN CES creds with a misspelt namespaceSelector (so it targets nothing), a field of no name spelt alike in a
    // data item, and keys of its own in spec.externalSecretMetadata's maps and a selector's matchLabels
    const given = inputs(secret('creds', []), secret('creds', [], 'team-b'), ces('creds', {
      namespaceSelecter: { matchLabels: { team: 'a' } }, namespaceSelectors: [{ matchLabels: { 'any/key': 'x' } }],
      externalSecretMetadata: { labels: { 'any-label': 'x' }, annotations: { lables: 'y' } },
    }, { ...esSpec('creds'), data: [{ secretKey: 'AWS_REGION', remoteRef: { key: 'k' }, comment: 'x' }] }));
    // WHEN checked
    // THEN each field the CRD does not declare, by its path, in document order (externalSecretSpec is written first)
    expect(checkManifests(given)).toEqual([
      unknown('spec.externalSecretSpec.data[0].comment', '', 'correct the field\'s name, or remove it'),
      unknown('spec.namespaceSelecter', '', 'rename the field to spec.namespaceSelector'),
    ]);
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
