import { checkManifests } from '../../lib/check';
import { configMap, externalSecret, inputs, line, pd, secret } from './support';

const REFUSE_BOTH = (labels: string) => `the webhook refuses every notebook that selects both (labelled ${labels}); make the two definitions identical or rename one`;
const volume = (secretName: string) => ({ volumes: [{ name: 'creds', secret: { secretName } }] });
const mount = (mountPath: string, name = 'v') => ({ volumes: [{ name, emptyDir: {} }], volumeMounts: [{ name, mountPath }] });

describe('webhook merge: only PodDefaults one pod can select are merged', () => {
  test.each<[string, any[], { rule: string; message: string }[]]>([
    ['two notebook PodDefaults with one volume defined differently', [pd('a', volume('x')), pd('b', volume('y'))],
      [{ rule: 'volume', message: `volume creds differs between poddefaults a (s0) and b (s1) in namespace team-a: ${REFUSE_BOTH('a=true,b=true')}` }]],
    ['selectors that no label set satisfies together never meet', [
      pd('a', { ...volume('x'), selector: { matchLabels: { tier: 'gpu' } } }),
      pd('b', { ...volume('y'), selector: { matchLabels: { tier: 'cpu' } } }),
    ], []],
    ['Exists against DoesNotExist never meet', [
      pd('a', { ...volume('x'), selector: { matchExpressions: [{ key: 'gpu', operator: 'Exists' }] } }),
      pd('b', { ...volume('y'), selector: { matchExpressions: [{ key: 'gpu', operator: 'DoesNotExist' }] } }),
    ], []],
    ['In and NotIn leave one value: the message shows it', [
      pd('a', { ...volume('x'), selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['cpu', 'gpu'] }] } }),
      pd('b', { ...volume('y'), selector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['cpu'] }] } }),
    ], [{ rule: 'volume', message: `volume creds differs between poddefaults a (s0) and b (s1) in namespace team-a: ${REFUSE_BOTH('tier=gpu')}` }]],
    ['two Docker configs on ~/.docker/: the fix points to one config.json for both registries', [
      pd('docker-config', mount('/home/kubeflow/.docker/', 'docker-config-volume')),
      pd('mirror', mount('/home/kubeflow/.docker/', 'mirror-volume')),
    ], [{ rule: 'volume-mount-path', message: 'the mount at /home/kubeflow/.docker/ differs between poddefaults docker-config (s0) and mirror (s1) in namespace team-a: '
      + `${REFUSE_BOTH('docker-config=true,mirror=true')}, or put the logins to both registries in one config.json with DockerConfig.fromLogins` }]],
    ['a marker env var set to each one\'s own name makes two PodDefaults exclusive', [
      pd('a', { ...volume('x'), env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a' }] }),
      pd('b', { ...volume('y'), env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'b' }] }),
    ], []],
    // Exclusive by their markers, and yet never selected apart: a notebook labelled to select one selects both, and
    // the webhook refuses it for the marker's two values (identities sharing one selectorLabel, say).
    ['two exclusive by their marker that select the same pods: the marker cannot keep them apart', [
      pd('a', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a' }], selector: { matchLabels: { 'cloud-identity': 'true' } } }),
      pd('b', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'b' }], selector: { matchLabels: { 'cloud-identity': 'true' } } }),
    ], [{ rule: 'marker-selector', message: 'poddefaults a (s0) and b (s1) in namespace team-a set KUBEFLOW_S3_ACCESS to their own names, to exclude '
      + 'each other, but select the same pods (labelled cloud-identity=true): every notebook that selects one selects both, and the webhook refuses it '
      + '(two values for KUBEFLOW_S3_ACCESS); give each its own selector label' }]],
    ['three that select the same pods: one line, counting the third', [
      pd('a', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a' }], selector: { matchLabels: { 'cloud-identity': 'true' } } }),
      pd('b', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'b' }], selector: { matchLabels: { 'cloud-identity': 'true' } } }),
      pd('c', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'c' }], selector: { matchLabels: { 'cloud-identity': 'true' } } }),
    ], [{ rule: 'marker-selector', message: 'poddefaults a (s0) and b (s1) (and 1 more PodDefault of that selector and marker) in namespace team-a set '
      + 'KUBEFLOW_S3_ACCESS to their own names, to exclude each other, but select the same pods (labelled cloud-identity=true): every notebook that selects '
      + 'one selects both, and the webhook refuses it (two values for KUBEFLOW_S3_ACCESS); give each its own selector label' }]],
    ['one selector within two others\': one line, counting the second', [
      pd('a', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a' }], selector: { matchLabels: { 'cloud-identity': 'true' } } }),
      pd('b', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'b' }], selector: { matchLabels: { 'cloud-identity': 'true', gpu: 'true' } } }),
      pd('c', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'c' }], selector: { matchLabels: { gpu: 'true' } } }),
    ], [{ rule: 'marker-selector', message: 'poddefaults a (s0) and b (s1) in namespace team-a set KUBEFLOW_S3_ACCESS to their own names, to exclude '
      + 'each other, but every pod that b selects (labelled cloud-identity=true,gpu=true), a selects too (and so does 1 more PodDefault of that marker): '
      + 'every notebook that selects b selects both, and the webhook refuses it (two values for KUBEFLOW_S3_ACCESS); give each its own selector label' }]],
    ['the same selector written otherwise (matchExpressions In) is the same pods', [
      pd('a', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a' }], selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['gpu', 'cpu'] }] } }),
      pd('b', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'b' }], selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['cpu', 'gpu'] }] } }),
    ], [{ rule: 'marker-selector', message: 'poddefaults a (s0) and b (s1) in namespace team-a set KUBEFLOW_S3_ACCESS to their own names, to exclude '
      + 'each other, but select the same pods (their selectors are the same): every notebook that selects one selects both, and the webhook refuses it '
      + '(two values for KUBEFLOW_S3_ACCESS); give each its own selector label' }]],
    ['the same selector written with a requirement twice, or an Exists beside an In of its key, is the same pods', [
      pd('a', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a' }], selector: { matchLabels: { 'cloud-identity': 'true' } } }),
      pd('b', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'b' }], selector: { matchLabels: { 'cloud-identity': 'true' },
        matchExpressions: [{ key: 'cloud-identity', operator: 'Exists' }, { key: 'cloud-identity', operator: 'In', values: ['true', 'true'] }] } }),
    ], [{ rule: 'marker-selector', message: 'poddefaults a (s0) and b (s1) in namespace team-a set KUBEFLOW_S3_ACCESS to their own names, to exclude '
      + 'each other, but select the same pods (labelled cloud-identity=true): every notebook that selects one selects both, and the webhook refuses it '
      + '(two values for KUBEFLOW_S3_ACCESS); give each its own selector label' }]],
    ['an In beside a NotIn of another value of its key is the In alone', [
      pd('a', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a' }], selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['gpu'] }] } }),
      pd('b', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'b' }], selector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['cpu'] },
        { key: 'tier', operator: 'In', values: ['gpu', 'cpu'] }] } }),
    ], [{ rule: 'marker-selector', message: 'poddefaults a (s0) and b (s1) in namespace team-a set KUBEFLOW_S3_ACCESS to their own names, to exclude '
      + 'each other, but select the same pods (labelled tier=gpu): every notebook that selects one selects both, and the webhook refuses it '
      + '(two values for KUBEFLOW_S3_ACCESS); give each its own selector label' }]],
    // One selector that implies the other's (a label more): a selects pods b does not, but every pod b selects, a
    // selects too, so every notebook that selects b is refused.
    ['one selector within the other\'s (a label more): every notebook that selects the narrower selects both', [
      pd('a', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a' }], selector: { matchLabels: { 'cloud-identity': 'true' } } }),
      pd('b', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'b' }], selector: { matchLabels: { 'cloud-identity': 'true', gpu: 'true' } } }),
    ], [{ rule: 'marker-selector', message: 'poddefaults a (s0) and b (s1) in namespace team-a set KUBEFLOW_S3_ACCESS to their own names, to exclude '
      + 'each other, but every pod that b selects (labelled cloud-identity=true,gpu=true), a selects too: every notebook that selects b selects both, and '
      + 'the webhook refuses it (two values for KUBEFLOW_S3_ACCESS); give each its own selector label' }]],
    // marker-selector indexes each selector by the key fewest of its marker read: here b by its own label, a and c by gpu
    // (of the two keys all three read, the first), and b is found within a all the same.
    ['one selector within another whose keys others read more: found by any of its keys', [
      pd('a', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a' }], selector: { matchExpressions: [{ key: 'gpu', operator: 'Exists' }, { key: 'zone', operator: 'DoesNotExist' }] } }),
      pd('b', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'b' }], selector: { matchLabels: { gpu: 'true', own: 'true' }, matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] } }),
      pd('c', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'c' }], selector: { matchLabels: { gpu: 'false' }, matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] } }),
    ], [{ rule: 'marker-selector', message: 'poddefaults a (s0) and b (s1) in namespace team-a set KUBEFLOW_S3_ACCESS to their own names, to exclude '
      + 'each other, but every pod that b selects, a selects too: every notebook that selects b selects both, and '
      + 'the webhook refuses it (two values for KUBEFLOW_S3_ACCESS); give each its own selector label' },
    { rule: 'marker-selector', message: 'poddefaults a (s0) and c (s2) in namespace team-a set KUBEFLOW_S3_ACCESS to their own names, to exclude '
      + 'each other, but every pod that c selects, a selects too: every notebook that selects c selects both, and '
      + 'the webhook refuses it (two values for KUBEFLOW_S3_ACCESS); give each its own selector label' }]],
    ['an In within a NotIn of other values, and an empty selector around every other', [
      pd('a', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a' }], selector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['cpu'] }] } }),
      pd('b', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'b' }], selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['gpu'] }] } }),
      pd('c', { env: [{ name: 'KUBEFLOW_AWS_CREDENTIAL', value: 'c' }], selector: {} }),
      pd('d', { env: [{ name: 'KUBEFLOW_AWS_CREDENTIAL', value: 'd' }], selector: { matchLabels: { d: 'true' } } }),
    ], [{ rule: 'marker-selector', message: 'poddefaults a (s0) and b (s1) in namespace team-a set KUBEFLOW_S3_ACCESS to their own names, to exclude '
      + 'each other, but every pod that b selects (labelled tier=gpu), a selects too: every notebook that selects b selects both, and '
      + 'the webhook refuses it (two values for KUBEFLOW_S3_ACCESS); give each its own selector label' },
    { rule: 'marker-selector', message: 'poddefaults c (s2) and d (s3) in namespace team-a set KUBEFLOW_AWS_CREDENTIAL to their own names, to exclude '
      + 'each other, but every pod that d selects (labelled d=true), c selects too: every notebook that selects d selects both, and '
      + 'the webhook refuses it (two values for KUBEFLOW_AWS_CREDENTIAL); give each its own selector label' }]],
    // Guards: selectors that overlap, neither within the other (each selects pods of its own), or that exclude each other.
    ['selectors that overlap, or exclude each other, neither within the other: no problem', [
      pd('a', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a' }], selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['cpu', 'gpu'] }] } }),
      pd('b', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'b' }], selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['gpu', 'tpu'] }] } }),
      pd('c', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'c' }], selector: { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] } }),
      pd('d', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'd' }], selector: { matchExpressions: [{ key: 'tier', operator: 'Exists' }, { key: 'x', operator: 'NotIn', values: ['1'] }] } }),
    ], []],
    ['exclusive stores are still each judged against the others', [
      pd('a', { ...volume('x'), env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a' }] }),
      pd('b', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'b' }] }),
      pd('c', volume('z')),
    ], [{ rule: 'volume', message: `volume creds differs between poddefaults a (s0) and c (s2) in namespace team-a: ${REFUSE_BOTH('a=true,c=true')}` }]],
    ['three exclusive by their marker', [
      pd('a', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a' }] }),
      pd('b', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'b' }] }),
      pd('c', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'c' }] }),
    ], []],
    ['two exclusive by their marker, a third with another value clashes with both', [
      pd('a', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a' }] }),
      pd('b', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'b' }] }),
      pd('c', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'other' }] }),
    ], [
      { rule: 'env', message: `env var KUBEFLOW_S3_ACCESS differs between poddefaults a (s0) and c (s2) in namespace team-a: ${REFUSE_BOTH('a=true,c=true')}` },
      { rule: 'env', message: `env var KUBEFLOW_S3_ACCESS differs between poddefaults b (s1) and c (s2) in namespace team-a: ${REFUSE_BOTH('b=true,c=true')}` },
    ]],
    ['a volume name that is another\'s env var name is no clash', [
      pd('a', { volumes: [{ name: 'x', emptyDir: {} }], volumeMounts: [{ name: 'x', mountPath: '/x' }] }),
      pd('b', { env: [{ name: 'x', value: '1' }] }),
    ], []],
    // The PodDefault CRD of Kubeflow 1.10 has no recursiveReadOnly, so the API server prunes it (and the webhook's
    // k8s.io/api v0.28.1 lacks it too); main.go L308 compares the mounts without it. kubectl apply refuses it first.
    ['two mounts of one volume that differ only in recursiveReadOnly, which the CRD lacks, are no clash', [
      pd('a', { volumes: [{ name: 'v', emptyDir: {} }], volumeMounts: [{ name: 'v', mountPath: '/m', readOnly: true, recursiveReadOnly: 'Enabled' }] }),
      pd('b', { volumes: [{ name: 'v', emptyDir: {} }], volumeMounts: [{ name: 'v', mountPath: '/m', readOnly: true }] }),
    ], [{ rule: 'unknown-field', message: 'poddefault a (s0) in namespace team-a sets spec.volumeMounts[0].recursiveReadOnly, a core/v1 field the PodDefault CRD '
      + 'of Kubeflow 1.10 does not declare: kubectl apply refuses the PodDefault (strict field validation, its default), and with --validate=warn or false '
      + 'the api server drops the field as it stores the PodDefault; remove the field: a PodDefault of Kubeflow 1.10 cannot carry it' }]],
    ['a marker with another value is an ordinary env var, and clashes', [
      pd('a', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a' }] }),
      pd('b', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a-too' }] }),
    ], [{ rule: 'env', message: `env var KUBEFLOW_S3_ACCESS differs between poddefaults a (s0) and b (s1) in namespace team-a: ${REFUSE_BOTH('a=true,b=true')}` }]],
  ])('%s', (_, manifests, expected) => {
    // (selectors other than one "true" label are the listing rule's, judged elsewhere)
    expect(checkManifests(inputs(...manifests)).filter(p => p.rule !== 'listing').map(p => ({ rule: p.rule, message: line(p) }))).toEqual(expected);
  });

  test('pairs are judged one by one when the selectors of all cannot hold together', () => {
    // GIVEN a selects tier=gpu, b tier=cpu, and c, selectable with each, clashes with both
    const problems = checkManifests(inputs(
      pd('a', { ...volume('x'), selector: { matchLabels: { tier: 'gpu' } } }),
      pd('b', { ...volume('y'), selector: { matchLabels: { tier: 'cpu' } } }),
      pd('c', volume('z')),
    ));
    // THEN a-c and b-c are reported, each with its own label set, and a-b is not
    expect(problems.filter(p => p.rule !== 'listing').map(p => [p.rule, p.sources, p.key, line(p)])).toEqual([
      ['volume', ['s0', 's2'], 'creds', `volume creds differs between poddefaults a (s0) and c (s2) in namespace team-a: ${REFUSE_BOTH('c=true,tier=gpu')}`],
      ['volume', ['s1', 's2'], 'creds', `volume creds differs between poddefaults b (s1) and c (s2) in namespace team-a: ${REFUSE_BOTH('c=true,tier=cpu')}`],
    ]);
  });
});

describe('a PodDefault without a namespace', () => {
  test('is judged in every namespace that holds PodDefaults, and against the other namespace-less ones once', () => {
    // GIVEN one clash with a PodDefault of team-a, one of team-b, and one between two namespace-less ones
    const problems = checkManifests(inputs(
      pd('a', volume('x')),
      pd('b', volume('y'), 'team-b'),
      pd('c', volume('z'), null),
      pd('d', { env: [{ name: 'E', value: '1' }] }, null),
      pd('e', { env: [{ name: 'E', value: '2' }] }, null),
    ));
    // THEN
    expect(problems.map(p => [p.rule, p.namespace, p.sources])).toEqual([
      ['volume', 'team-a', ['s0', 's2']],
      ['volume', 'team-b', ['s1', 's2']],
      ['env', undefined, ['s3', 's4']],
    ]);
    expect(line(problems[1])).toBe(`volume creds differs between poddefaults b (s1) and c (s2) in namespace team-b: ${REFUSE_BOTH('b=true,c=true')}`);
  });
});

describe('env-source with namespace-less objects, as kubectl apply -n places them', () => {
  const FIX = 'without a warning; set it in one of them only, or make the two exclusive by giving both an env var of one name whose value is their own name';
  const floatingSecret = (name: string, keys: string[]) => ({ ...secret(name, keys), metadata: { name } });

  test('a namespace-less Secret read by a namespace-less PodDefault counts in each namespace that holds PodDefaults', () => {
    // GIVEN a of team-a sets AWS_REGION; b (no namespace) reads it from Secret s3 (no namespace)
    const problems = checkManifests(inputs(
      pd('a', { env: [{ name: 'AWS_REGION', value: 'x' }] }),
      pd('b', { envFrom: [{ secretRef: { name: 's3' } }] }, null),
      floatingSecret('s3', ['AWS_REGION']),
    ));
    // THEN the clash is found in team-a, where kubectl apply -n team-a puts b and s3
    expect(problems.map(p => [p.rule, p.namespace, line(p)])).toEqual([['env-source', 'team-a',
      `env var AWS_REGION is set by the envFrom Secret s3 of poddefault b (s1) and by the env of poddefault a (s0) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of a ${FIX}`]]);
  });

  test('a namespace-less Secret read by a PodDefault of a namespace counts there', () => {
    const problems = checkManifests(inputs(
      pd('a', { env: [{ name: 'AWS_REGION', value: 'x' }] }, null),
      pd('b', { envFrom: [{ secretRef: { name: 's3' } }] }),
      floatingSecret('s3', ['AWS_REGION']),
    ));
    expect(problems.map(p => [p.rule, p.namespace, p.sources])).toEqual([['env-source', 'team-a', ['s1', 's0']]]);
  });

  test('two namespace-less PodDefaults are judged once, among the namespace-less objects', () => {
    const problems = checkManifests(inputs(
      pd('c', {}),
      pd('a', { env: [{ name: 'AWS_REGION', value: 'x' }] }, null),
      pd('b', { envFrom: [{ secretRef: { name: 's3' } }] }, null),
      floatingSecret('s3', ['AWS_REGION']),
    ));
    expect(problems.map(p => [p.rule, p.namespace, p.sources])).toEqual([['env-source', undefined, ['s2', 's1']]]);
  });

  test('two namespace-less PodDefaults read the Secret of each namespace kubectl apply -n may put them in', () => {
    // GIVEN a and b name no namespace; b reads Secret s3, which only team-a holds
    const problems = checkManifests(inputs(
      pd('a', { env: [{ name: 'AWS_REGION', value: 'x' }] }, null),
      pd('b', { envFrom: [{ secretRef: { name: 's3' } }] }, null),
      secret('s3', ['AWS_REGION']),
      pd('c', {}),
    ));
    // THEN applied to team-a, a notebook that selects both gets AWS_REGION twice: reported once, among the namespace-less ones
    expect(problems.map(p => [p.rule, p.namespace, p.sources, p.key])).toEqual([['env-source', undefined, ['s1', 's0'], 'AWS_REGION']]);
    // AND the message says where: the namespace whose Secret makes the clash
    expect(problems[0].message).toMatch(/^env var AWS_REGION is set by the envFrom Secret s3 of poddefault b \(s1\) and by the env of poddefault a \(s0\) in namespace team-a once they are applied there \(kubectl apply -n team-a\): /);
  });
});

describe('env-source with envFrom ConfigMaps, read as the kubelet reads them', () => {
  const FIX = 'without a warning; set it in one of them only, or make the two exclusive by giving both an env var of one name whose value is their own name';
  const fromConfigMap = (name: string, prefix?: string) => ({ envFrom: [{ configMapRef: { name }, ...(prefix === undefined ? {} : { prefix }) }] });
  const fromSecret = (name: string) => ({ envFrom: [{ secretRef: { name } }] });
  const region = { env: [{ name: 'AWS_REGION', value: 'x' }] };
  const toConfigMap = (template?: any) => ({ name: 'settings', manifest: { apiVersion: 'v1', kind: 'ConfigMap' }, ...(template === undefined ? {} : { template }) });
  test.each<[string, any[], string[]]>([
    ['env of one against the envFrom ConfigMap of another', [pd('a', region), pd('b', fromConfigMap('settings')), configMap('settings', ['AWS_REGION'])],
      [`env var AWS_REGION is set by the envFrom ConfigMap settings of poddefault b (s1) and by the env of poddefault a (s0) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of a ${FIX}`]],
    ['an envFrom Secret against an envFrom ConfigMap: the later by name wins', [pd('a', fromSecret('one')), pd('b', fromConfigMap('two')), secret('one', ['AWS_REGION']), configMap('two', ['AWS_REGION'])],
      [`env var AWS_REGION is set by the envFrom Secret one of poddefault a (s0) and by the envFrom ConfigMap two of poddefault b (s1) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of b ${FIX}`]],
    ['a Secret and a ConfigMap of one name are two sources', [pd('a', fromConfigMap('shared')), pd('b', fromSecret('shared')), configMap('shared', ['AWS_REGION']), secret('shared', ['AWS_REGION'])],
      [`env var AWS_REGION is set by the envFrom ConfigMap shared of poddefault a (s0) and by the envFrom Secret shared of poddefault b (s1) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of b ${FIX}`]],
    ['one ConfigMap in both gives one value', [pd('a', fromConfigMap('settings')), pd('b', fromConfigMap('settings')), configMap('settings', ['AWS_REGION'])], []],
    ['a prefix applies to a ConfigMap\'s keys', [pd('a', region), pd('b', fromConfigMap('settings', 'AWS_')), configMap('settings', ['REGION'])],
      [`env var AWS_REGION is set by the envFrom ConfigMap settings of poddefault b (s1) and by the env of poddefault a (s0) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of a ${FIX}`]],
    // kubernetes pkg/kubelet/kubelet_pods.go, makeEnvironmentVariables: `for k, v := range configMap.Data`.
    ['binaryData keys are not env vars', [pd('a', region), pd('b', fromConfigMap('settings')), configMap('settings', ['OTHER'], 'team-a', ['AWS_REGION'])], []],
    ['a ConfigMap that names no namespace lands in the namespace of the PodDefaults', [pd('a', region), pd('b', fromConfigMap('settings')), configMap('settings', ['AWS_REGION'], null)],
      [`env var AWS_REGION is set by the envFrom ConfigMap settings of poddefault b (s1) and by the env of poddefault a (s0) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of a ${FIX}`]],
    ['a ConfigMap of another namespace does not count', [pd('a', region), pd('b', fromConfigMap('settings')), configMap('settings', ['AWS_REGION'], 'team-b')], []],
    ['a ConfigMap the input does not hold has unknown keys', [pd('a', region), pd('b', fromConfigMap('elsewhere'))], []],
    ['a ConfigMap is not read by a secretRef of its name', [pd('a', region), pd('b', fromSecret('settings')), configMap('settings', ['AWS_REGION'])], []],
    // ESO v2.9.0 generic targets (docs/guides/targeting-custom-resources.md; createSimpleManifest and
    // renderTemplatedManifest in pkg/controllers/externalsecret/externalsecret_controller_manifest.go).
    ['an ExternalSecret that writes a ConfigMap (spec.target.manifest): its fetched keys', [pd('a', region), pd('b', fromConfigMap('settings')),
      externalSecret('fetch', { target: toConfigMap(), data: [{ secretKey: 'AWS_REGION', remoteRef: { key: 'k' } }] })],
    [`env var AWS_REGION is set by the envFrom ConfigMap settings of poddefault b (s1) and by the env of poddefault a (s0) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of a ${FIX}`]],
    ['with a template, the template\'s keys only, even with mergePolicy Merge', [pd('a', { env: [{ name: 'TOKEN', value: 'x' }, { name: 'USER', value: 'y' }] }), pd('b', fromConfigMap('settings')),
      externalSecret('fetch', { target: toConfigMap({ mergePolicy: 'Merge', data: { TOKEN: '{{ .USER }}' } }), data: [{ secretKey: 'USER', remoteRef: { key: 'k' } }] })],
    [`env var TOKEN is set by the envFrom ConfigMap settings of poddefault b (s1) and by the env of poddefault a (s0) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of a ${FIX}`]],
    ['an ExternalSecret that writes a ConfigMap writes no Secret', [pd('a', region), pd('b', fromSecret('settings')),
      externalSecret('fetch', { target: toConfigMap(), data: [{ secretKey: 'AWS_REGION', remoteRef: { key: 'k' } }] })], []],
  ])('%s', (_, manifests, expected) => {
    expect(checkManifests(inputs(...manifests)).map(line)).toEqual(expected);
  });
});

describe('mount-spelling', () => {
  test.each<[string, string, string, string | undefined]>([
    ['a trailing slash', '/home/jovyan/.aws/', '/home/jovyan/.aws', '/home/jovyan/.aws'],
    ['a dot-dot segment', '/home/jovyan/x/../.aws', '/home/jovyan/.aws', '/home/jovyan/.aws'],
    ['repeated slashes and a dot', '/home//jovyan/./.aws', '/home/jovyan/.aws', '/home/jovyan/.aws'],
    ['two directories', '/home/jovyan/.aws', '/home/jovyan/.docker', undefined],
  ])('%s', (_, first, second, folded) => {
    const problems = checkManifests(inputs(pd('a', mount(first, 'va')), pd('b', mount(second, 'vb'))));
    expect(problems.filter(p => p.rule === 'mount-spelling')).toEqual(folded === undefined ? [] : [{
      rule: 'mount-spelling', namespace: 'team-a', sources: ['s0', 's1'], key: folded,
      message: `mount paths ${first} of poddefault a (s0) and ${second} of poddefault b (s1) in namespace team-a are the same directory spelled differently: `
        + 'the webhook does not see the clash and the container cannot mount both',
      fix: 'spell them the same way or use different directories',
    }]);
  });
});

describe('env-source', () => {
  const FIX = 'without a warning; set it in one of them only, or make the two exclusive by giving both an env var of one name whose value is their own name';
  test.each<[string, any[], string[]]>([
    ['env of one against the envFrom Secret of another', [
      pd('a', { env: [{ name: 'AWS_REGION', value: 'x' }] }), pd('b', { envFrom: [{ secretRef: { name: 's3' } }] }), secret('s3', ['AWS_REGION', 'S3_ENDPOINT']),
    ], [`env var AWS_REGION is set by the envFrom Secret s3 of poddefault b (s1) and by the env of poddefault a (s0) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of a ${FIX}`]],
    ['two envFrom Secrets, one with a prefix', [
      pd('a', { envFrom: [{ secretRef: { name: 'one' } }] }), pd('b', { envFrom: [{ secretRef: { name: 'two' }, prefix: 'AWS_' }] }),
      secret('one', ['AWS_REGION']), secret('two', ['REGION']),
    ], [`env var AWS_REGION is set by the envFrom Secret one of poddefault a (s0) and by the envFrom Secret two of poddefault b (s1) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of b ${FIX}`]],
    // ESO v2.9.0, ApplyTemplate in pkg/controllers/externalsecret/externalsecret_controller_template.go: with a
    // template, the Secret holds the template's data keys, and the fetched keys (data[].secretKey) only with
    // mergePolicy Merge or when the template has neither data nor templateFrom.
    ['an ExternalSecret\'s template keys are its Secret\'s keys (mergePolicy Replace, the default)', [
      pd('a', { env: [{ name: 'TOKEN', value: 'x' }, { name: 'USER', value: 'y' }] }), pd('b', { envFrom: [{ secretRef: { name: 'remote' } }] }),
      externalSecret('fetch', { target: { name: 'remote', template: { data: { TOKEN: '{{ .USER }}' } } }, data: [{ secretKey: 'USER', remoteRef: { key: 'k' } }] }),
    ], [
      `env var TOKEN is set by the envFrom Secret remote of poddefault b (s1) and by the env of poddefault a (s0) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of a ${FIX}`,
    ]],
    ['with mergePolicy Merge, the fetched keys too', [
      pd('a', { env: [{ name: 'TOKEN', value: 'x' }, { name: 'USER', value: 'y' }] }), pd('b', { envFrom: [{ secretRef: { name: 'remote' } }] }),
      externalSecret('fetch', { target: { name: 'remote', template: { mergePolicy: 'Merge', data: { TOKEN: '{{ .USER }}' } } }, data: [{ secretKey: 'USER', remoteRef: { key: 'k' } }] }),
    ], [
      `env var TOKEN is set by the envFrom Secret remote of poddefault b (s1) and by the env of poddefault a (s0) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of a ${FIX}`,
      `env var USER is set by the envFrom Secret remote of poddefault b (s1) and by the env of poddefault a (s0) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of a ${FIX}`,
    ]],
    ['a template with neither data nor templateFrom keeps the fetched keys', [
      pd('a', { env: [{ name: 'USER', value: 'y' }] }), pd('b', { envFrom: [{ secretRef: { name: 'remote' } }] }),
      externalSecret('fetch', { target: { name: 'remote', template: { type: 'Opaque' } }, data: [{ secretKey: 'USER', remoteRef: { key: 'k' } }] }),
    ], [
      `env var USER is set by the envFrom Secret remote of poddefault b (s1) and by the env of poddefault a (s0) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of a ${FIX}`,
    ]],
    // docs/guides/ownership-deletion-policy.md: creationPolicy Merge merges into the existing Secret, which keeps its keys.
    ['creationPolicy Merge adds its keys to those of the Secret it fills', [
      pd('a', { env: [{ name: 'USER', value: 'y' }, { name: 'HOST', value: 'h' }] }), pd('b', { envFrom: [{ secretRef: { name: 'remote' } }] }),
      secret('remote', ['HOST']),
      externalSecret('fetch', { target: { name: 'remote', creationPolicy: 'Merge' }, data: [{ secretKey: 'USER', remoteRef: { key: 'k' } }] }),
    ], [
      `env var HOST is set by the envFrom Secret remote of poddefault b (s1) and by the env of poddefault a (s0) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of a ${FIX}`,
      `env var USER is set by the envFrom Secret remote of poddefault b (s1) and by the env of poddefault a (s0) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of a ${FIX}`,
    ]],
    // The API server drops a null map value before it stores the ExternalSecret (PruneNonNullableNullsWithoutDefaults,
    // apiextensions-apiserver pkg/apiserver/schema/defaulting/prunenulls.go; ESO v2.9.0's CRD declares no spec field
    // nullable), and ESO templates what is stored: a template key left empty in YAML is no key of the Secret.
    ['a template key of null is no key', [
      pd('a', { env: [{ name: 'TOKEN', value: 'x' }, { name: 'USER', value: 'y' }] }), pd('b', { envFrom: [{ secretRef: { name: 'remote' } }] }),
      externalSecret('fetch', { target: { name: 'remote', template: { data: { TOKEN: null, USER: '{{ .u }}' } } }, data: [{ secretKey: 'u', remoteRef: { key: 'k' } }] }),
    ], [
      `env var USER is set by the envFrom Secret remote of poddefault b (s1) and by the env of poddefault a (s0) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of a ${FIX}`,
    ]],
    ['a template whose only key is null has no data: the fetched keys are copied', [
      pd('a', { env: [{ name: 'TOKEN', value: 'x' }, { name: 'USER', value: 'y' }] }), pd('b', { envFrom: [{ secretRef: { name: 'remote' } }] }),
      externalSecret('fetch', { target: { name: 'remote', template: { data: { TOKEN: null } } }, data: [{ secretKey: 'USER', remoteRef: { key: 'k' } }] }),
    ], [
      `env var USER is set by the envFrom Secret remote of poddefault b (s1) and by the env of poddefault a (s0) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of a ${FIX}`,
    ]],
    // The same document: creationPolicy None does not create or update the Secret.
    ['creationPolicy None writes no keys', [
      pd('a', { env: [{ name: 'USER', value: 'y' }] }), pd('b', { envFrom: [{ secretRef: { name: 'remote' } }] }),
      externalSecret('fetch', { target: { name: 'remote', creationPolicy: 'None' }, data: [{ secretKey: 'USER', remoteRef: { key: 'k' } }] }),
    ], []],
    ['a Secret that names no namespace lands in the namespace of the PodDefaults', [
      pd('a', { env: [{ name: 'AWS_REGION', value: 'x' }] }), pd('b', { envFrom: [{ secretRef: { name: 's3' } }] }),
      { ...secret('s3', ['AWS_REGION']), metadata: { name: 's3' } },
    ], [`env var AWS_REGION is set by the envFrom Secret s3 of poddefault b (s1) and by the env of poddefault a (s0) in namespace team-a: a notebook that selects both (labelled a=true,b=true) gets the value of a ${FIX}`]],
    ['a Secret the input does not hold has unknown keys', [pd('a', { env: [{ name: 'AWS_REGION', value: 'x' }] }), pd('b', { envFrom: [{ secretRef: { name: 'elsewhere' } }] })], []],
    ['one Secret in both gives one value', [
      pd('a', { envFrom: [{ secretRef: { name: 's3' } }] }), pd('b', { envFrom: [{ secretRef: { name: 's3' } }] }), secret('s3', ['AWS_REGION']),
    ], []],
    ['two exclusive by their marker, a third meets both', [
      pd('a', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a' }], envFrom: [{ secretRef: { name: 'one' } }] }),
      pd('b', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'b' }], envFrom: [{ secretRef: { name: 'two' } }] }),
      pd('c', { env: [{ name: 'AWS_REGION', value: 'x' }] }),
      secret('one', ['AWS_REGION']), secret('two', ['AWS_REGION']),
    ], [
      `env var AWS_REGION is set by the envFrom Secret one of poddefault a (s0) and by the env of poddefault c (s2) in namespace team-a: a notebook that selects both (labelled a=true,c=true) gets the value of c ${FIX}`,
      `env var AWS_REGION is set by the envFrom Secret two of poddefault b (s1) and by the env of poddefault c (s2) in namespace team-a: a notebook that selects both (labelled b=true,c=true) gets the value of c ${FIX}`,
    ]],
    ['exclusive by their marker', [
      pd('a', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a' }], envFrom: [{ secretRef: { name: 'one' } }] }),
      pd('b', { env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'b' }], envFrom: [{ secretRef: { name: 'two' } }] }),
      secret('one', ['AWS_REGION']), secret('two', ['AWS_REGION']),
    ], []],
  ])('%s', (_, manifests, expected) => {
    expect(checkManifests(inputs(...manifests)).map(line)).toEqual(expected);
  });
});

describe('annotation-size of a notebook that selects two PodDefaults', () => {
  // The webhook (kubeflow/kubeflow v1.10.0 components/admission-webhook/main.go, applyPodDefaultsOnPod) merges the
  // spec.annotations of every PodDefault a pod selects into its annotations (mergeMap: each key once), then sets
  // poddefault.admission.kubeflow.org/poddefault-<name> to each one's resourceVersion (at least one digit). The API
  // server refuses a pod whose annotations exceed 262144 bytes, keys and values (k8s.io/apimachinery v0.32.9
  // pkg/api/validation/objectmeta.go ValidateAnnotationsSize).
  const LIMIT = 262144;
  const MARKER = (name: string) => `poddefault.admission.kubeflow.org/poddefault-${name}`;
  /** A value that makes `name`'s note annotation and its marker (with a one-digit resourceVersion) `bytes` bytes. */
  const note = (name: string, bytes: number) => 'x'.repeat(bytes - 'note-'.length - name.length - MARKER(name).length - 1);
  const half = (name: string, bytes: number) => ({ annotations: { [`note-${name}`]: note(name, bytes) } });

  test('each under the limit, together over it: refused for every notebook that selects both, by size alone', () => {
    // GIVEN PodDefaults a and b whose notebook annotations (with markers) are 131072 and 131073 bytes
    const given = inputs(pd('a', half('a', LIMIT / 2)), pd('b', half('b', LIMIT / 2 + 1)));
    // WHEN checked
    const problems = checkManifests(given);
    // THEN one problem for the pair
    const markers = MARKER('a').length + MARKER('b').length + 2;
    expect(problems).toEqual([{
      rule: 'annotation-size', namespace: 'team-a', sources: ['s0', 's1'], key: 'spec.annotations',
      message: `poddefaults a (s0) and b (s1) in namespace team-a give a notebook that selects both (labelled a=true,b=true) ${LIMIT + 1 - markers} bytes `
        + `of annotations in spec.annotations (keys and values), and the webhook adds ${MARKER('a')} and ${MARKER('b')} with their resourceVersions: at least `
        + `${LIMIT + 1} bytes, more than the ${LIMIT} (256 KiB) the api server allows in a pod (ValidateAnnotationsSize), so it refuses every notebook that selects both`,
      fix: 'remove annotations from spec.annotations of one of them, or make the two exclusive by giving both an env var of one name whose value is their own name',
    }]);
    expect(JSON.stringify(problems)).not.toContain('xxxx');
  });

  test('each under the limit in bytes of UTF-8, together over it: counted in bytes, not in characters', () => {
    // GIVEN PodDefaults a and b whose one annotation each is 80000 euro signs (3 bytes of UTF-8 each): 240006 bytes
    // with its key, 80006 characters; the two together 480012 bytes
    const given = inputs(pd('a', { annotations: { 'note-a': '\u20ac'.repeat(80000) } }), pd('b', { annotations: { 'note-b': '\u20ac'.repeat(80000) } }));
    // WHEN checked
    const problems = checkManifests(given);
    // THEN one problem for the pair, its sizes in bytes
    const markers = MARKER('a').length + MARKER('b').length + 2;
    expect(problems.map(p => [p.rule, p.sources])).toEqual([['annotation-size', ['s0', 's1']]]);
    expect(problems[0].message).toContain(`${2 * 240006} bytes of annotations in spec.annotations`);
    expect(problems[0].message).toContain(`at least ${2 * 240006 + markers} bytes`);
  });

  test.each<[string, any[]]>([
    ['together at the limit', [pd('a', half('a', LIMIT / 2)), pd('b', half('b', LIMIT / 2))]],
    ['one key of one value in both counts once', [
      pd('a', { annotations: { shared: 'x'.repeat(LIMIT - 6 - MARKER('a').length - MARKER('b').length - 2) } }),
      pd('b', { annotations: { shared: 'x'.repeat(LIMIT - 6 - MARKER('a').length - MARKER('b').length - 2) } })]],
    ['two that no pod selects together', [
      pd('a', { ...half('a', LIMIT / 2 + 1), selector: { matchLabels: { a: 'true' }, matchExpressions: [{ key: 'b', operator: 'DoesNotExist' }] } }),
      pd('b', half('b', LIMIT / 2 + 1))]],
    ['two exclusive by the marker convention', [
      pd('a', { ...half('a', LIMIT / 2 + 1), env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'a' }] }),
      pd('b', { ...half('b', LIMIT / 2 + 1), env: [{ name: 'KUBEFLOW_S3_ACCESS', value: 'b' }] })]],
  ])('%s: nothing', (_title, manifests) => {
    expect(checkManifests(inputs(...manifests))).toEqual([]);
  });

  test('three bytes a character: each under the limit, together over it, counted in bytes', () => {
    // GIVEN a, whose one annotation is 87000 euro signs (261001 bytes, 87001 characters), and b, whose one annotation
    // is 10001 bytes of ASCII; with markers and one-digit resourceVersions, 271002 + 100 bytes
    const given = inputs(pd('a', { annotations: { e: '\u20ac'.repeat(87000) } }), pd('b', { annotations: { f: 'x'.repeat(10000) } }));
    // WHEN checked
    const problems = checkManifests(given);
    // THEN the pair is refused (the rule counted the characters of a, 87001, and found nothing)
    expect(problems.map(p => [p.rule, p.sources])).toEqual([['annotation-size', ['s0', 's1']]]);
    expect(problems[0].message).toContain(`271002 bytes of annotations in spec.annotations (keys and values), and the webhook adds ${MARKER('a')} and `
      + `${MARKER('b')} with their resourceVersions: at least ${271002 + MARKER('a').length + MARKER('b').length + 2} bytes`);
  });

  test('five that all meet, each pair over the limit: one problem naming the five (pair-report.ts)', () => {
    // GIVEN five PodDefaults one notebook can select together, each of 131073 bytes with its marker: ten pairs
    const names = ['a', 'b', 'c', 'd', 'e'];
    const given = inputs(...names.map(n => pd(n, half(n, LIMIT / 2 + 1))));
    // WHEN checked
    const problems = checkManifests(given);
    // THEN one problem, of the rule and key of a pair, with every PodDefault of the ten pairs, and the first pair whole
    expect(problems.map(p => [p.rule, p.key, p.sources])).toEqual([['annotation-size', 'spec.annotations', ['s0', 's1', 's2', 's3', 's4']]]);
    expect(problems[0].message).toMatch(/^10 pairs of poddefaults that one notebook can select together give it more annotations than the api server allows in a pod, in namespace team-a, among the 5 poddefaults a \(s0\), b \(s1\), c \(s2\), d \(s3\), e \(s4\); the first pair: poddefaults a \(s0\) and b \(s1\) in namespace team-a give a notebook/);
    expect(problems[0].fix).toBe('for each pair, remove annotations from spec.annotations of one of them, or make the two exclusive by giving both an env var of one name whose value is their own name');
    expect(JSON.stringify(problems)).not.toContain('xxxx');
  });
});
