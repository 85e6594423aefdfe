// service-account and cloud-identity judged like the other pair rules: which pairs meet, on which pods the
// webhook admits them, and credentials from envFrom ConfigMaps. The identity tables themselves (which
// variables and files give which credential, and the messages) are test/identity/check-rules.test.ts's.
import { checkManifests } from '../../lib/check';
import { Meetings } from '../../lib/check/selection';
import { botocoreFile, botocoreProviders } from '../../lib/sources/botocore-credentials-file';
import { configMap, inputs, line, pd, secret } from './support';

// The reader itself, counted: a credentials file is read once however many PodDefaults mount it, and its profiles judged once.
jest.mock('../../lib/sources/botocore-credentials-file', () => {
  const actual = jest.requireActual('../../lib/sources/botocore-credentials-file');
  return { ...actual, botocoreFile: jest.fn(actual.botocoreFile), botocoreProviders: jest.fn(actual.botocoreProviders) };
});

const webIdentity = [{ name: 'AWS_ROLE_ARN', value: 'arn:aws:iam::123456789012:role/notebook' }, { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/t/token' }];
const awsKeys = [{ name: 'AWS_ACCESS_KEY_ID', value: 'AKIAFAKEFAKEFAKE0000' }];
const problemsOf = (rule: string, ...manifests: any[]) => checkManifests(inputs(...manifests)).filter(p => p.rule === rule);

describe('cloud-identity', () => {
  test('a web identity from an envFrom ConfigMap (nothing in it is secret) beside AWS keys', () => {
    // GIVEN the role's settings in a ConfigMap, and keys in another PodDefault's env
    const problems = problemsOf('cloud-identity',
      pd('role', { envFrom: [{ configMapRef: { name: 'irsa' } }] }), configMap('irsa', ['AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE']),
      pd('keys', { env: awsKeys }));
    // THEN botocore's choice is reported, naming the ConfigMap
    expect(problems.map(line)).toEqual([
      'poddefault keys (s2) gives AWS keys (env AWS_ACCESS_KEY_ID) and poddefault role (s0) gives an AWS web identity (AWS_WEB_IDENTITY_TOKEN_FILE of the envFrom '
      + 'ConfigMap irsa) in namespace team-a: a notebook that selects both (labelled keys=true,role=true) silently uses AWS keys of keys, since botocore\'s '
      + 'credential chain reads AWS_ACCESS_KEY_ID from the environment before it tries a web identity; keep one of the two, or offer them as alternatives '
      + 'by giving both an env var of one name whose value is their own name (the webhook then refuses a notebook that selects both)',
    ]);
  });

  test('a ConfigMap\'s binaryData gives no variable', () => {
    expect(problemsOf('cloud-identity', pd('role', { env: webIdentity }), pd('keys', { envFrom: [{ configMapRef: { name: 'k' } }] }),
      configMap('k', [], 'team-a', ['AWS_ACCESS_KEY_ID']))).toEqual([]);
  });

  // main.go L471-489: a label a PodDefault sets must equal the pod's own label of that key.
  test.each<[string, any, string | undefined]>([
    ['the other selects a value the role\'s label contradicts: every pod that selects both is refused', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['gpu'] }] }, undefined],
    ['the other selects pods that may carry the label as the role sets it', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, 'labelled keys=true,role=true,tier=cpu'],
    ['the other selects pods that may lack the label', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['gpu'] }] }, 'labelled keys=true,role=true'],
  ])('the role sets the pod label tier=cpu and %s', (_, selector, labels) => {
    // GIVEN
    const problems = problemsOf('cloud-identity',
      pd('role', { env: webIdentity, labels: { tier: 'cpu' } }),
      pd('keys', { env: awsKeys, selector: { matchLabels: { keys: 'true' }, ...selector } }));
    // THEN reported with a pod the webhook admits, or left to the label rule
    expect(problems.map(p => p.message.match(/selects both \(([^)]*)\)/)?.[1])).toEqual(labels === undefined ? [] : [labels]);
  });

  // main.go L245-260: a later entry of a key must equal the first one; a pair the webhook refuses is the merge rules'.
  test.each<[string, any[], any[], string[]]>([
    ['both set AWS_REGION alike: admitted, reported', [{ name: 'AWS_REGION', value: 'eu-west-1' }], [{ name: 'AWS_REGION', value: 'eu-west-1' }], ['cloud-identity']],
    ['they set AWS_REGION differently: refused, left to the env rule', [{ name: 'AWS_REGION', value: 'eu-west-1' }], [{ name: 'AWS_REGION', value: 'us-east-1' }], ['env']],
    ['the keys PodDefault sets AWS_REGION twice, differently: refused alone', [], [{ name: 'AWS_REGION', value: 'eu-west-1' }, { name: 'AWS_REGION', value: 'us-east-1' }], ['env']],
    ['each mounts volume creds its own way: refused, left to the volume rule', [], [], ['volume']],
  ])('a web identity beside AWS keys, and %s', (title, roleEnv, keysEnv, rules) => {
    // GIVEN two PodDefaults that meet, one giving a web identity and one AWS keys
    const volume = (secretName: string) => (title.includes('volume') ? { volumes: [{ name: 'creds', secret: { secretName } }] } : {});
    const problems = checkManifests(inputs(pd('role', { env: [...webIdentity, ...roleEnv], ...volume('a') }), pd('keys', { env: [...awsKeys, ...keysEnv], ...volume('b') })));
    // THEN the pair is a cloud-identity problem exactly when the webhook admits a pod that selects both
    expect(problems.map(p => p.rule)).toEqual(rules);
  });

  test.each<[string, number, string]>([
    ['every pair admitted: counted, not listed', 16, 'poddefault keys-0 (s4) gives AWS keys (env AWS_ACCESS_KEY_ID) and poddefault role-0 (s0)'],
    ['keys-0 and role-0 set AWS_REGION differently: that pair refused, the others listed', 15, 'poddefault keys-0 (s4) gives AWS keys (env AWS_ACCESS_KEY_ID) and poddefault role-1 (s1)'],
  ])('four web identities and four AWS keys that all meet, %s', (_, count, first) => {
    // GIVEN role-0..3 giving a web identity and keys-0..3 giving AWS keys, each selected by a label of its own
    const region = (value: string) => (count === 15 ? [{ name: 'AWS_REGION', value }] : []);
    const given = [0, 1, 2, 3].map(i => pd(`role-${i}`, { env: [...webIdentity, ...(i === 0 ? region('eu-west-1') : [])] }))
      .concat([0, 1, 2, 3].map(i => pd(`keys-${i}`, { env: [...awsKeys, ...(i === 0 ? region('us-east-1') : [])] })));
    // WHEN checked
    const problems = problemsOf('cloud-identity', ...given);
    // THEN one problem for the pairs the webhook admits, naming all eight, worded by the first pair by the PodDefault that gives the keys
    expect(problems.map(p => p.sources)).toEqual([['s4', 's5', 's6', 's7', 's0', 's1', 's2', 's3']]);
    expect(problems[0].message).toMatch(new RegExp(`^${count} pairs of poddefaults that one notebook can select together give AWS keys beside an AWS web identity in namespace team-a, `
      + 'among the 8 poddefaults keys-0 \\(s4\\), keys-1 \\(s5\\), keys-2 \\(s6\\), keys-3 \\(s7\\), role-0 \\(s0\\), role-1 \\(s1\\), role-2 \\(s2\\), role-3 \\(s3\\); '));
    expect(problems[0].message).toContain(`; the first pair: ${first} gives an AWS web identity (env AWS_WEB_IDENTITY_TOKEN_FILE) in namespace team-a: a notebook that selects both`);
  });

  test('a namespace-less PodDefault that gives both is judged once, among the namespace-less ones', () => {
    // GIVEN it, and PodDefaults in two namespaces
    const problems = checkManifests(inputs(pd('both', { env: [...webIdentity, ...awsKeys] }, null), pd('x'), pd('y', {}, 'team-b')));
    // THEN one problem, of no namespace
    expect(problems.filter(p => p.rule === 'cloud-identity').map(p => [p.namespace, p.sources])).toEqual([[undefined, ['s0']]]);
  });

  test('an AWS credentials file from a namespace-less Secret counts in the namespace of the PodDefault that mounts it', () => {
    // GIVEN a role in team-a, and a PodDefault of team-a mounting a [default] profile from Secret aws-creds, which names no namespace
    const credentials = Buffer.from('[default]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = fake\n').toString('base64');
    const problems = problemsOf('cloud-identity',
      pd('role', { env: webIdentity }),
      pd('file', { volumes: [{ name: 'aws', secret: { secretName: 'aws-creds' } }], volumeMounts: [{ name: 'aws', mountPath: '/home/jovyan/.aws/' }] }),
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'aws-creds' }, data: { credentials } });
    // THEN botocore's choice is reported in team-a, where kubectl apply -n team-a puts the Secret
    expect(problems.map(p => [p.namespace, p.sources, p.message.match(/gives an AWS credentials file with keys for the profile botocore reads \(([^)]*)\)/)?.[1]])).toEqual([
      ['team-a', ['s0', 's1'], 'the file /home/jovyan/.aws/credentials from Secret aws-creds, its [default] profile'],
    ]);
  });

  test.each<[string, (base64: string) => string]>([
    ['in lines of 76 characters, as kustomize and base64 without -w0 write it', base64 => `${base64.replace(/(.{76})/g, '$1\n')}\n`],
    ['in CRLF lines', base64 => base64.replace(/(.{76})/g, '$1\r\n')],
  ])('an AWS credentials file whose base64 is %s counts: the api server skips the line breaks', (_title, wrap) => {
    // GIVEN a role, and a PodDefault mounting a [default] profile whose base64 is in lines (valid to Go's base64.StdEncoding)
    const credentials = wrap(Buffer.from('[default]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = fake\n').toString('base64'));
    expect(credentials).toMatch(/\n/);
    const problems = checkManifests(inputs(
      pd('role', { env: webIdentity }),
      pd('file', { volumes: [{ name: 'aws', secret: { secretName: 'aws-creds' } }], volumeMounts: [{ name: 'aws', mountPath: '/home/jovyan/.aws/' }] }),
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'aws-creds', namespace: 'team-a' }, data: { credentials } }));
    // THEN the Secret is valid, and botocore's choice is reported as for a value on one line
    expect(problems.map(p => [p.rule, p.sources])).toEqual([['cloud-identity', ['s0', 's1']]]);
  });

  test('an AWS credentials file from a secret source of a projected volume counts as one from a secret volume', () => {
    // GIVEN a role, and a PodDefault mounting a projected volume whose second source is the [default] profile, under another file name
    const credentials = Buffer.from('[default]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = fake\n').toString('base64');
    const projected = { sources: [{ configMap: { name: 'aws-config' } }, { secret: { name: 'aws-creds', items: [{ key: 'keys', path: 'credentials' }] } }] };
    const problems = problemsOf('cloud-identity',
      pd('role', { env: webIdentity }),
      pd('file', { volumes: [{ name: 'aws', projected }], volumeMounts: [{ name: 'aws', mountPath: '/home/jovyan/.aws' }] }),
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'aws-creds', namespace: 'team-a' }, data: { keys: credentials } });
    // THEN botocore's choice is reported, naming the file the item makes
    expect(problems.map(p => [p.sources, p.message.match(/gives an AWS credentials file with keys for the profile botocore reads \(([^)]*)\)/)?.[1]])).toEqual([
      [['s0', 's1'], 'the file /home/jovyan/.aws/credentials from Secret aws-creds, its [default] profile'],
    ]);
  });

  test('a Secret\'s stringData key is the file, not its data key of the same name, as the API server writes stringData over data', () => {
    // GIVEN a credentials file of a named profile in data, and of a [default] profile in stringData
    const named = Buffer.from('[work]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = fake\n').toString('base64');
    const problems = problemsOf('cloud-identity',
      pd('role', { env: webIdentity }),
      pd('file', { volumes: [{ name: 'aws', secret: { secretName: 'aws-creds' } }], volumeMounts: [{ name: 'aws', mountPath: '/home/jovyan/.aws/' }] }),
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'aws-creds', namespace: 'team-a' }, data: { credentials: named },
        stringData: { credentials: '[default]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = fake\n' } });
    // THEN the [default] profile the pod gets is reported
    expect(problems.map(p => p.sources)).toEqual([['s0', 's1']]);
  });

  test('two namespace-less PodDefaults read the Secret of each namespace kubectl apply -n may put them in, each pair once', () => {
    // GIVEN a role and keys from Secret s3, both naming no namespace; team-a and team-b each hold an s3 with AWS keys
    const problems = checkManifests(inputs(
      pd('role', { env: webIdentity }, null),
      pd('keys', { envFrom: [{ secretRef: { name: 's3' } }] }, null),
      secret('s3', ['AWS_ACCESS_KEY_ID']), secret('s3', ['AWS_ACCESS_KEY_ID'], 'team-b')));
    // THEN botocore's choice is reported once, among the namespace-less ones
    expect(problems.filter(p => p.rule === 'cloud-identity').map(p => [p.namespace, p.sources])).toEqual([[undefined, ['s1', 's0']]]);
    // AND worded in the first namespace that shows it
    expect(problems.find(p => p.rule === 'cloud-identity')?.message).toContain('in namespace team-a once they are applied there (kubectl apply -n team-a)');
  });

  test('a PodDefault no pod selects gives nothing', () => {
    const never = { matchLabels: { both: 'true' }, matchExpressions: [{ key: 'both', operator: 'DoesNotExist' }] };
    expect(problemsOf('cloud-identity', pd('both', { env: [...webIdentity, ...awsKeys], selector: never }))).toEqual([]);
  });

  test('pairs are reported by the kind pair, then the PodDefault that gives the credential used, then the other', () => {
    // GIVEN two keyed PodDefaults and two roles, out of name order
    const problems = problemsOf('cloud-identity', pd('role-b', { env: webIdentity }), pd('keys-b', { env: awsKeys }), pd('role-a', { env: webIdentity }), pd('keys-a', { env: awsKeys }));
    // THEN
    expect(problems.map(p => p.sources)).toEqual([['s3', 's2'], ['s3', 's0'], ['s1', 's2'], ['s1', 's0']]);
  });
});

describe('cloud-identity: a credentials file read as the env of the pair says', () => {
  const prodOnly = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'aws', namespace: 'team-a' },
    data: { credentials: Buffer.from('[prod]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = fake\n').toString('base64') } };
  const withDefault = { ...prodOnly, data: { credentials: Buffer.from('[default]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = fake\n').toString('base64') } };
  const mounting = (name: string, spec: any = {}) => pd(name, { ...spec, volumes: [{ name: 'aws', secret: { secretName: 'aws' } }], volumeMounts: [{ name: 'aws', mountPath: '/home/jovyan/.aws/' }] });
  const profile = (value: string) => [{ name: 'AWS_PROFILE', value }];

  test('four roles, two of which name the profile of four files: the pairs are judged one by one, not counted', () => {
    // GIVEN role-0 and role-1 naming the profile prod, role-2 and role-3 naming none, and file-0..3 mounting a file of prod only
    const given = [0, 1, 2, 3].map(i => pd(`role-${i}`, { env: [...webIdentity, ...(i < 2 ? profile('prod') : [])] }))
      .concat([0, 1, 2, 3].map(i => mounting(`file-${i}`)));
    // WHEN checked
    const problems = problemsOf('cloud-identity', prodOnly, ...given);
    // THEN the eight pairs of the two roles that name prod are reported as one, and so are the eight of role-2 and role-3:
    // a notebook that also selects role-0 (its own label) reads prod, its web identity role-2's too (the same env, admitted)
    expect(problems.map(p => p.sources)).toEqual([['s5', 's6', 's7', 's8', 's1', 's2', 's3', 's4']]);
    expect(problems[0].message).toMatch(/^16 pairs of poddefaults that one notebook can select together give an AWS web identity beside an AWS credentials file with keys for the profile botocore reads in namespace team-a, among the 8 poddefaults /);
    expect(problems[0].message).toContain('the first pair: poddefault role-0 (s1) gives an AWS web identity (env AWS_WEB_IDENTITY_TOKEN_FILE) and poddefault file-0 (s5) gives an AWS credentials file '
      + 'with keys for the profile botocore reads (the file /home/jovyan/.aws/credentials from Secret aws, the profile AWS_PROFILE of poddefault role-0 names)');
  });

  // botocore expands ~/.aws/credentials with the container's HOME (recorded in test/identity/sdk-reference.test.ts).
  test.each<[string, any[], any[], any[], string[][]]>([
    ['the file\'s PodDefault sets HOME elsewhere: its file is not read', webIdentity, [{ name: 'HOME', value: '/home/other' }], [], []],
    ['the role sets HOME elsewhere: the file is not read in the pod of both', [...webIdentity, { name: 'HOME', value: '/home/other' }], [], [], []],
    ['a third every notebook selects sets HOME elsewhere: no pod of the pair reads the file', webIdentity, [], [{ name: 'HOME', value: '/home/other/' }], []],
    ['HOME is set to /home/jovyan/ (a last "/"): the file is read', webIdentity, [{ name: 'HOME', value: '/home/jovyan/' }], [], [['s1', 's2']]],
    ['HOME is set from a value the check does not know: the file counts, as with the image\'s HOME', webIdentity, [{ name: 'HOME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }], [], [['s1', 's2']]],
  ])('a file mounted in /home/jovyan/.aws/ beside a web identity, and %s', (_, roleEnv, fileEnv, thirdEnv, sources) => {
    // GIVEN a web identity, a file of [default] in /home/jovyan/.aws/, and maybe a third PodDefault that selects every notebook
    const third = thirdEnv.length === 0 ? [] : [pd('home', { env: thirdEnv, selector: {} })];
    // WHEN checked
    const problems = problemsOf('cloud-identity', withDefault, pd('role', { env: roleEnv }), mounting('file', { env: fileEnv }), ...third);
    // THEN a pair only where botocore reads the file
    expect(problems.map(p => p.sources)).toEqual(sources);
  });

  test('the container\'s env beats its envFrom, whichever PodDefault gives them', () => {
    // GIVEN a role whose envFrom ConfigMap holds AWS_PROFILE (a value the check does not know), and a file PodDefault whose env names prod
    const problems = problemsOf('cloud-identity', prodOnly, configMap('profile', ['AWS_PROFILE']),
      pd('role', { env: webIdentity, envFrom: [{ configMapRef: { name: 'profile' } }] }), mounting('file', { env: profile('prod') }));
    // THEN botocore reads prod, as the env says
    expect(problems.map(p => [p.sources, p.message.match(/botocore reads \(([^)]*)\)/)?.[1]])).toEqual([
      [['s2', 's3'], 'the file /home/jovyan/.aws/credentials from Secret aws, the profile AWS_PROFILE names'],
    ]);
    // AND a profile from an envFrom source alone, whose value the check does not know, is not judged (it was read as [default])
    expect(problemsOf('cloud-identity', withDefault, configMap('profile', ['AWS_PROFILE']),
      pd('role', { env: webIdentity }), mounting('file', { envFrom: [{ configMapRef: { name: 'profile' } }] }))).toEqual([]);
    // AND two env values of one name are the webhook's to refuse, and the env rule's to report
    expect(checkManifests(inputs(prodOnly, pd('role', { env: [...webIdentity, ...profile('prod')] }), mounting('file', { env: profile('other') }))).map(p => p.rule)).toEqual(['env']);
  });

  test('an empty AWS_PROFILE among many pairs: botocore raises for each pod that gets it, so the pairs are judged one by one, not counted', () => {
    // GIVEN eight keyed PodDefaults, one of a role that sets AWS_PROFILE to "" and one of a role that does not
    const keyed = Array.from({ length: 8 }, (_, i) => pd(`keys-${i}`, { env: awsKeys }));
    // WHEN checked
    const problems = problemsOf('cloud-identity', pd('role-a', { env: [...webIdentity, ...profile('')] }), pd('role-b', { env: webIdentity }), ...keyed);
    // THEN only the eight pairs of role-b are reported, as one: botocore 1.43.11 raises ProfileNotFound in a pod with role-a
    // (test/identity/sdk-reference.test.ts), whatever credential it then has
    expect(problems.map(p => p.sources)).toEqual([['s2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's1']]);
    expect(problems[0].message).toMatch(/^8 pairs of poddefaults that one notebook can select together give AWS keys beside an AWS web identity in namespace team-a, among the 9 poddefaults /);
  });
});

describe('service-account', () => {
  test('every pair that meets, in name order, and none that exclude each other by their selectors', () => {
    // GIVEN c and d exclude each other (slot In one value each), a meets everyone
    const slot = (value: string) => ({ matchExpressions: [{ key: 'slot', operator: 'In', values: [value] }] });
    const problems = problemsOf('service-account',
      pd('d', { serviceAccountName: 'sa-d', selector: slot('2') }), pd('c', { serviceAccountName: 'sa-c', selector: slot('1') }),
      pd('b', { serviceAccountName: 'sa-a' }), pd('a', { serviceAccountName: 'sa-a' }));
    // THEN a and b (one account) make no pair; each meets c and d
    expect(problems.map(p => p.sources)).toEqual([['s3', 's1'], ['s3', 's0'], ['s2', 's1'], ['s2', 's0']]);
    expect(line(problems[0])).toBe('poddefault a (s3) sets serviceAccountName sa-a and poddefault c (s1) sets sa-c in namespace team-a: the webhook gives a notebook '
      + 'that selects both (labelled a=true,slot=1) the account of the later by name, sa-c, without a warning; set serviceAccountName in one of them only, '
      + 'or make the two exclusive by giving both an env var of one name whose value is their own name');
  });
});

describe('cloud-identity: the cost of a credentials file', () => {
  test('a role profile in the group leaves AWS keys beside web identities counted, not judged pair by pair', () => {
    // GIVEN 30 web identities and 30 PodDefaults of AWS keys in env, all meeting, and one PodDefault mounting a config file
    // with a role profile (which makes the pairs of a file's kind depend on the other PodDefault's files)
    const given = Array.from({ length: 30 }, (_, i) => pd(`role-${i}`, { env: webIdentity })).concat(Array.from({ length: 30 }, (_, i) => pd(`keys-${i}`, { env: awsKeys })));
    const config = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'cfg', namespace: 'team-a' },
      data: { config: Buffer.from('[profile other]\nrole_arn = arn:aws:iam::123456789012:role/x\nsource_profile = elsewhere\n').toString('base64') } };
    const roleFile = pd('zz-config', { volumes: [{ name: 'c', secret: { secretName: 'cfg' } }], volumeMounts: [{ name: 'c', mountPath: '/home/jovyan/.aws' }] });
    const listed = jest.spyOn(Meetings.prototype, 'pairs');
    try {
      // WHEN checked
      const problems = problemsOf('cloud-identity', ...given, config, roleFile);
      // THEN the 900 pairs of keys and web identities are one problem, as without the role profile
      expect(problems.map(p => p.message.match(/^\d+ pairs [^,]*/)?.[0])).toEqual(['900 pairs of poddefaults that one notebook can select together give AWS keys beside an AWS web identity in namespace team-a']);
      // AND only the 30 pairs of the role profile's PodDefault and a web identity are listed to be judged one by one: the keys and the
      // web identities are each one whatever files the pod holds (listing their 900 pairs made the check grow with their product:
      // 7 s for 1600 of each, 0.5 s without the role profile)
      expect(listed.mock.results.map(r => (r.value as unknown[]).length)).toEqual([30]);
    } finally {
      listed.mockRestore();
    }
  });

  test('web identities beside AWS keys, each of an AWS_REGION of its own: the pairs the webhook refuses are never listed', () => {
    // GIVEN 30 web identities and 30 PodDefaults of AWS keys, all meeting, each setting AWS_REGION its own way, and 4 of each
    // setting it alike (eu-west-1)
    const region = (name: string, i: number) => [{ name: 'AWS_REGION', value: i < 4 ? 'eu-west-1' : `${name}-${i}` }];
    const given = Array.from({ length: 30 }, (_, i) => pd(`role-${i}`, { env: [...webIdentity, ...region('role', i)] }))
      .concat(Array.from({ length: 30 }, (_, i) => pd(`keys-${i}`, { env: [...awsKeys, ...region('keys', i)] })));
    const listed = jest.spyOn(Meetings.prototype, 'pairs');
    try {
      // WHEN checked
      const problems = problemsOf('cloud-identity', ...given);
      // THEN the 16 pairs of the webhook admits (one region) are one problem, naming their 8 PodDefaults
      expect(problems.map(p => p.message.match(/^\d+ pairs [^;]*/)?.[0])).toEqual(['16 pairs of poddefaults that one notebook can select together give AWS keys '
        + 'beside an AWS web identity in namespace team-a, among the 8 poddefaults keys-0 (s30), keys-1 (s31), keys-2 (s32), keys-3 (s33), role-0 (s0), role-1 (s1), '
        + 'role-2 (s2), role-3 (s3)']);
      // AND no pair is listed to be judged: the other 884 pairs, which the webhook refuses (AWS_REGION), are left out by the pair
      // index (listing all 900 pairs made the check grow with their product: 30 s and 2.2 GB for 5,000 of each, for no problem)
      expect(listed.mock.results.map(r => (r.value as unknown[]).length).filter(n => n > 0)).toEqual([]);
    } finally {
      listed.mockRestore();
    }
  });

  test('one Secret\'s credentials file mounted by many PodDefaults is parsed once, not once per PodDefault', () => {
    // GIVEN a web identity, and 300 PodDefaults that each mount one Secret's AWS credentials file (a long one:
    // parsing it once per PodDefault made the check grow with their product, 29 s for 1000 PodDefaults
    // and a file of 2000 profiles)
    const file = ['[default]', 'aws_access_key_id = AKIAFAKEFAKEFAKE0000', 'aws_secret_access_key = fake/fake/fake', '']
      .concat(Array.from({ length: 200 }, (_, k) => `[p${k}]\naws_access_key_id = AKIAFAKEFAKEFAKE${String(k).padStart(4, '0')}\naws_secret_access_key = fake${k}\n`)).join('\n');
    const aws = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'aws', namespace: 'team-a' }, data: { credentials: Buffer.from(file).toString('base64') } };
    const mounting = Array.from({ length: 300 }, (_, i) => pd(`m-${i}`, {
      volumes: [{ name: 'aws', secret: { secretName: 'aws' } }],
      volumeMounts: [{ name: 'aws', mountPath: '/home/jovyan/.aws/' }],
    }));
    const parse = botocoreFile as jest.MockedFunction<typeof botocoreFile>;
    const judge = botocoreProviders as jest.MockedFunction<typeof botocoreProviders>;
    parse.mockClear();
    judge.mockClear();

    // WHEN checked
    const problems = problemsOf('cloud-identity', aws, pd('role', { env: webIdentity }), ...mounting);

    // THEN every pair is still counted, in one problem that names every PodDefault (pair-report.ts), and the file was parsed once,
    // its profiles judged once
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^300 pairs of poddefaults that one notebook can select together give an AWS web identity beside an AWS credentials file/);
    expect(problems[0].message).toContain('the file /home/jovyan/.aws/credentials from Secret aws');
    expect(problems[0].sources).toHaveLength(301);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(judge).toHaveBeenCalledTimes(1);
  });
});
