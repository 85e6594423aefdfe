// The secret-type rule: what the API server's ValidateSecret (kubernetes pkg/apis/core/validation/validation.go,
// release-1.32) asks of a Secret of each built-in type, with `stringData` written over `data` first
// (pkg/apis/core/v1/conversion.go, Convert_v1_Secret_To_core_Secret).
//
// The JSON of .dockercfg and .dockerconfigjson the API server reads with encoding/json's Unmarshal into a
// map[string]interface{}. kubectl reads a JSON manifest with the same decoder into a map: a file that is a
// JSON object and no manifest makes it say "Object 'Kind' is missing" once it has decoded it, and name Go's
// error ("exceeded max depth", "cannot unmarshal number 1e400") when it cannot. The verdicts below were
// recorded from kubectl v1.32.4 on this project's machine; where kubectl is on PATH the test runs it again on
// the vectors that are a JSON object to kubectl (after the byte order mark its FileVisitor drops, which the
// API server does not drop), comparing the verdict.
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { checkManifests } from '../../lib/check';
import { goJsonMapProblem } from '../../lib/check/go-json';
import { inputs, line, pd } from './support';
import { GOLDEN_DIR } from '../support';

const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** What Go's json.Unmarshal into a map makes of the bytes: `undefined` when it decodes them, else why not. */
const JSON_VECTORS: readonly (readonly [string, string | Buffer, string | undefined])[] = [
  ['a docker config', '{"auths":{"registry.example.com":{"auth":"ZmFrZS11c2VyOmZha2UtcGFzcw=="}}}', undefined],
  ['an empty object', '{}', undefined],
  ['an object without auths (a map, not the DockerConfigJSON struct)', '{"auths":1}', undefined],
  ['whitespace around', ' \t\r\n{"a":1}\n', undefined],
  ['a key given twice', '{"a":1,"a":2}', undefined],
  ['an escape of half a surrogate pair', '{"a":"\\ud800"}', undefined],
  ['bytes that are no UTF-8 inside a string', Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]), undefined],
  ['a number below the range of float64, which is 0 to Go', '{"a":1e-400}', undefined],
  ['the largest float64', '{"a":1.7976931348623157e308}', undefined],
  ['nested 10000 levels', nested(10000), undefined],
  ['null, which leaves the map nil', 'null', undefined],
  ['nested 10001 levels', nested(10001), 'is nested more than 10000 levels deep, more than Go\'s JSON decoder reads'],
  // Go's scanner pushes a level for a list as for an object (scanner.go, stateBeginValue: pushParseState on [ and {).
  ['an object of lists nested 10000 levels', '{"a":' + '['.repeat(9999) + ']'.repeat(9999) + '}', undefined],
  ['an object of lists nested 10001 levels', '{"a":' + '['.repeat(10000) + ']'.repeat(10000) + '}', 'is nested more than 10000 levels deep, more than Go\'s JSON decoder reads'],
  ['a number beyond float64', '{"a":1e400}', 'holds a number beyond the range of 64-bit floats, which Go\'s JSON decoder refuses'],
  ['309 digits, beyond float64', `{"a":${'9'.repeat(309)}}`, 'holds a number beyond the range of 64-bit floats, which Go\'s JSON decoder refuses'],
  ['a number beyond float64 in a list', '{"a":[1,-2e308]}', 'holds a number beyond the range of 64-bit floats, which Go\'s JSON decoder refuses'],
  ['a trailing comma', '{"a":1,}', 'is not valid JSON'],
  ['single quotes', '{\'a\':1}', 'is not valid JSON'],
  ['cut off', '{"auths":{"registry.example.com":', 'is not valid JSON'],
  ['a second value after the object', '{"a":1}{"b":2}', 'is not valid JSON'],
  ['a comment', '{"a":1} // fake', 'is not valid JSON'],
  ['a control character in a string', '{"a":"x\ty"}', 'is not valid JSON'],
  ['a byte order mark first (kubectl drops it, the API server does not)', '\ufeff{"a":1}', 'is not valid JSON'],
  ['YAML, not JSON', 'auths:\n  registry.example.com: {}\n', 'is not valid JSON'],
  ['the base64 of the config left encoded', 'eyJhdXRocyI6e319', 'is not valid JSON'],
  ['empty', '', 'is empty'],
  ['only whitespace', ' \n', 'holds only whitespace'],
  ['a list', '[{"auths":{}}]', 'is JSON, but a list, not an object'],
  ['a string', '"{\\"auths\\":{}}"', 'is JSON, but a string, not an object'],
  ['a number', '1', 'is JSON, but a number, not an object'],
  ['true', 'true', 'is JSON, but true or false, not an object'],
];

/**
 * kubectl reads a file as a stream of JSON values, one after another (json.Decoder), where Unmarshal takes one
 * value and refuses what follows it ("invalid character '{' after top-level value"): not compared live.
 */
const STREAM_ONLY: ReadonlySet<string> = new Set(['a second value after the object', 'a comment']);

const bytes = (payload: string | Buffer) => (typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload);

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
const withKubectl = hasKubectl ? test : test.skip;
if (!hasKubectl) { console.log('secret-type.test.ts: kubectl is not on PATH: the live comparisons with its JSON decoder are skipped, the recorded vectors still run'); }

/** Whether kubectl's JSON decoder (Go's) decodes `payload`, a JSON object to it, into a map. */
function kubectlDecodes(dir: string, payload: Buffer): boolean {
  const file = path.join(dir, 'payload.json');
  writeFileSync(file, payload);
  const run = spawnSync('kubectl', ['label', '--local', '-f', file, 'x=y', '-o', 'name'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.stderr.includes('Object \'Kind\' is missing')) { return true; }
  if (/json: |invalid character|exceeded max depth|cannot unmarshal/.test(run.stderr)) { return false; }
  throw new Error(`kubectl failed otherwise: ${run.stderr.slice(0, 200)}`);
}

describe('Go\'s json.Unmarshal into a map, as the API server reads .dockercfg and .dockerconfigjson', () => {
  test.each(JSON_VECTORS.map(([name, payload, verdict]) => [name, payload, verdict] as const))('%s', (_name, payload, verdict) => {
    expect(goJsonMapProblem(bytes(payload))).toEqual(verdict);
  });

  withKubectl('kubectl on this machine: every vector that is a JSON object to kubectl, its verdict', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'secret-type-'));
    try {
      let compared = 0;
      for (const [name, payload] of JSON_VECTORS) {
        const raw = bytes(payload);
        // kubectl reads a file as JSON when it starts with "{"; its FileVisitor drops a byte order mark first.
        if (!/^[ \t\r\n]*\{/.test(raw.toString('latin1')) || STREAM_ONLY.has(name)) { continue; }
        // GIVEN a vector WHEN kubectl decodes it THEN it decodes exactly when ours does
        expect([name, kubectlDecodes(dir, raw)]).toEqual([name, goJsonMapProblem(raw) === undefined]);
        compared++;
      }
      expect(compared).toBe(20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

/** A Secret `creds` of team-a of `type`, with `fields` (data, stringData, metadata). */
const secret = (type: unknown, fields: object = {}) =>
  ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'team-a' }, type, ...fields });
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const PREFIX = 'secret creds (s0) in namespace team-a: ';
const REFUSED = 'the api server refuses the Secret, so kubectl apply fails and no pod gets the Secret\'s keys';
const OTHER_TYPE = 'or, for a Secret of other keys, use type Opaque';
const DOCKER_FIX = 'give the config.json that docker login writes ({"auths": {...}}), base64-encoded under data or as it is under stringData';
const DOCKERCFG_FIX = 'give the legacy ~/.dockercfg (a JSON object of registries), base64-encoded under data or as it is under stringData, '
  + 'or use type kubernetes.io/dockerconfigjson with the key .dockerconfigjson';
const CONFIG = '{"auths":{"registry.example.com":{"auth":"ZmFrZS11c2VyOmZha2UtcGFzcw=="}}}';

const lines = (...manifests: any[]) => checkManifests(inputs(...manifests)).map(line);

describe('secret-type', () => {
  describe('kubernetes.io/dockerconfigjson and kubernetes.io/dockercfg: the key, holding a JSON object', () => {
    test.each<[string, object]>([
      ['in data', { data: { '.dockerconfigjson': b64(CONFIG) } }],
      ['in stringData', { stringData: { '.dockerconfigjson': CONFIG } }],
      ['in stringData, over data that is no JSON', { data: { '.dockerconfigjson': b64('not json') }, stringData: { '.dockerconfigjson': CONFIG } }],
      ['as a list of bytes', { data: { '.dockerconfigjson': [...Buffer.from('{}')] } }],
      ['as null JSON, which the API server takes', { stringData: { '.dockerconfigjson': 'null' } }],
    ])('a config %s passes', (_title, fields) => {
      expect(lines(secret('kubernetes.io/dockerconfigjson', fields))).toEqual([]);
    });

    test('the key missing is refused, naming the type and the key', () => {
      // GIVEN a Secret of type dockerconfigjson whose config is under config.json, as a volume would want it
      expect(lines(secret('kubernetes.io/dockerconfigjson', { data: { 'config.json': b64(CONFIG) } }))).toEqual([
        `${PREFIX}type kubernetes.io/dockerconfigjson needs the key .dockerconfigjson in data or stringData, which it lacks: ${REFUSED}; `
        + `${DOCKER_FIX}, ${OTHER_TYPE}`,
      ]);
    });

    test('a Secret with no data at all lacks the key too', () => {
      expect(checkManifests(inputs(secret('kubernetes.io/dockercfg'))).map(p => [p.rule, p.key, line(p)])).toEqual([[
        'secret-type', '.dockercfg',
        `${PREFIX}type kubernetes.io/dockercfg needs the key .dockercfg in data or stringData, which it lacks: ${REFUSED}; ${DOCKERCFG_FIX}, ${OTHER_TYPE}`,
      ]]);
    });

    test.each<[string, string, object, string, string]>([
      ['no JSON, in data', 'kubernetes.io/dockerconfigjson', { data: { '.dockerconfigjson': b64('{"auths":{"fake-registry":{"auth":"fake-secret-token"}}') } },
        'data .dockerconfigjson', 'is not valid JSON'],
      ['no JSON, in stringData over valid data', 'kubernetes.io/dockerconfigjson',
        { data: { '.dockerconfigjson': b64(CONFIG) }, stringData: { '.dockerconfigjson': 'fake-secret-token' } }, 'stringData .dockerconfigjson', 'is not valid JSON'],
      ['the base64 encoded twice', 'kubernetes.io/dockerconfigjson', { data: { '.dockerconfigjson': b64(b64(CONFIG)) } }, 'data .dockerconfigjson', 'is not valid JSON'],
      ['a list', 'kubernetes.io/dockercfg', { stringData: { '.dockercfg': '[]' } }, 'stringData .dockercfg', 'is JSON, but a list, not an object'],
      ['empty', 'kubernetes.io/dockerconfigjson', { data: { '.dockerconfigjson': '' } }, 'data .dockerconfigjson', 'is empty'],
      // Go's decoder keeps the key of a null data value, with no bytes.
      ['null', 'kubernetes.io/dockerconfigjson', { data: { '.dockerconfigjson': null } }, 'data .dockerconfigjson', 'is empty'],
      ['a number beyond float64', 'kubernetes.io/dockerconfigjson', { stringData: { '.dockerconfigjson': '{"auths":{},"n":1e999}' } },
        'stringData .dockerconfigjson', 'holds a number beyond the range of 64-bit floats, which Go\'s JSON decoder refuses'],
    ])('a config that is %s is refused, never shown', (_title, type, fields, where, why) => {
      const problems = checkManifests(inputs(secret(type, fields)));
      const fix = type === 'kubernetes.io/dockercfg' ? DOCKERCFG_FIX : DOCKER_FIX;
      const key = where.split(' ')[1];
      expect(problems.map(p => [p.rule, p.key, line(p)])).toEqual([[
        'secret-type', key, `${PREFIX}type ${type} needs ${where} to be a JSON object (json.Unmarshal into a map), and it ${why}: ${REFUSED}; ${fix}`,
      ]]);
      expect(JSON.stringify(problems)).not.toMatch(/fake|ZmFrZ|registry\.example/);
    });
  });

  describe('kubernetes.io/basic-auth: username or password', () => {
    test.each<[string, object]>([
      ['both', { stringData: { username: 'fake-user', password: 'fake-pass' } }],
      ['username alone', { data: { username: b64('fake-user') } }],
      ['an empty password alone', { stringData: { password: '' } }],
      ['a null password alone (the key is kept)', { data: { password: null } }],
    ])('%s passes', (_title, fields) => {
      expect(lines(secret('kubernetes.io/basic-auth', fields))).toEqual([]);
    });

    test('neither is refused, once', () => {
      expect(lines(secret('kubernetes.io/basic-auth', { stringData: { user: 'fake-user', pass: 'fake-pass' } }))).toEqual([
        `${PREFIX}type kubernetes.io/basic-auth needs the key username or the key password (or both) in data or stringData, and has neither: ${REFUSED}; `
        + `add username and password, ${OTHER_TYPE}`,
      ]);
    });
  });

  describe('kubernetes.io/ssh-auth: ssh-privatekey, not empty', () => {
    test('a key passes', () => {
      expect(lines(secret('kubernetes.io/ssh-auth', { stringData: { 'ssh-privatekey': 'FAKE KEY' } }))).toEqual([]);
    });

    test.each<[string, object, string]>([
      ['missing', { data: { id_ed25519: b64('FAKE KEY') } }, 'which it lacks'],
      ['empty', { data: { 'ssh-privatekey': '' } }, 'which is empty'],
      ['null', { stringData: { 'ssh-privatekey': null } }, 'which is empty'],
      ['empty in stringData over a key in data', { data: { 'ssh-privatekey': b64('FAKE KEY') }, stringData: { 'ssh-privatekey': '' } }, 'which is empty'],
    ])('%s is refused', (_title, fields, state) => {
      expect(lines(secret('kubernetes.io/ssh-auth', fields))).toEqual([
        `${PREFIX}type kubernetes.io/ssh-auth needs the key ssh-privatekey in data or stringData, ${state}: ${REFUSED}; `
        + `give the private key (the file ssh-keygen writes, such as id_ed25519) under ssh-privatekey, ${OTHER_TYPE}`,
      ]);
    });
  });

  describe('kubernetes.io/tls: tls.crt and tls.key', () => {
    test('both, empty ones too, pass: the API server reads neither as PEM', () => {
      expect(lines(secret('kubernetes.io/tls', { data: { 'tls.crt': '', 'tls.key': null } }))).toEqual([]);
    });

    test('each missing key is one problem, as the API server reports them', () => {
      const problems = checkManifests(inputs(secret('kubernetes.io/tls', { stringData: { 'cert.pem': 'FAKE', 'key.pem': 'FAKE' } })));
      expect(problems.map(p => [p.key, line(p)])).toEqual([
        ['tls.crt', `${PREFIX}type kubernetes.io/tls needs the key tls.crt in data or stringData, which it lacks: ${REFUSED}; `
          + `add tls.crt, the PEM certificate (kubectl create secret tls writes both), ${OTHER_TYPE}`],
        ['tls.key', `${PREFIX}type kubernetes.io/tls needs the key tls.key in data or stringData, which it lacks: ${REFUSED}; `
          + `add tls.key, the PEM private key (kubectl create secret tls writes both), ${OTHER_TYPE}`],
      ]);
    });

    test('one of them missing is refused', () => {
      expect(checkManifests(inputs(secret('kubernetes.io/tls', { data: { 'tls.crt': b64('FAKE') } }))).map(p => p.key)).toEqual(['tls.key']);
    });
  });

  describe('kubernetes.io/service-account-token: the annotation naming the ServiceAccount', () => {
    const token = (annotations?: object) => ({ ...secret('kubernetes.io/service-account-token'), metadata: { name: 'creds', namespace: 'team-a', annotations } });
    const FIX = 'set the annotation kubernetes.io/service-account.name to the ServiceAccount\'s name (the token controller then fills in the token), '
      + OTHER_TYPE;

    test('the annotation passes, without any data: the token controller adds it', () => {
      expect(lines(token({ 'kubernetes.io/service-account.name': 'notebook' }))).toEqual([]);
    });

    test.each<[string, unknown]>([['annotations that are a list', ['kubernetes.io/service-account.name']],
      ['a name that is a number (unquoted in YAML)', { 'kubernetes.io/service-account.name': 5 }]])(
      '%s fail the decoding, not this rule', (_title, annotations) => {
        expect(checkManifests(inputs(token(annotations as object))).filter(p => p.rule === 'secret-type')).toEqual([]);
      });

    test.each<[string, object | undefined, string]>([
      ['no annotations', undefined, 'which it lacks'],
      ['another annotation', { 'kubernetes.io/service-account.uid': 'x' }, 'which it lacks'],
      ['an empty name', { 'kubernetes.io/service-account.name': '' }, 'which is empty'],
      ['a null name', { 'kubernetes.io/service-account.name': null }, 'which is empty'],
    ])('%s is refused', (_title, annotations, state) => {
      const problems = checkManifests(inputs(token(annotations))).filter(p => p.rule === 'secret-type');
      expect(problems.map(p => [p.key, line(p)])).toEqual([[
        'metadata.annotations["kubernetes.io/service-account.name"]',
        `${PREFIX}type kubernetes.io/service-account-token needs the annotation kubernetes.io/service-account.name, `
        + `the name of the ServiceAccount whose token it holds, ${state}: ${REFUSED}; ${FIX}`,
      ]]);
    });
  });

  test.each<[string, unknown]>([['Opaque', 'Opaque'], ['no type', undefined], ['null', null], ['empty, which is Opaque', ''],
    ['a type of one\'s own', 'example.com/token'], ['a built-in type in other case, which is another type', 'Kubernetes.io/TLS'],
    ['bootstrap.kubernetes.io/token, which ValidateSecret does not judge', 'bootstrap.kubernetes.io/token']])(
    '%s asks for nothing', (_title, type) => {
      expect(lines(secret(type, { stringData: { a: 'b' } }))).toEqual([]);
    });

  test.each<[string, unknown, string]>([['a number', 1, 'a number'], ['a boolean', true, 'a boolean'], ['a mapping', { tls: true }, 'an object']])(
    'a type that is %s is refused: Go cannot decode it into the string SecretType', (_title, type, name) => {
      expect(checkManifests(inputs(secret(type, { stringData: { a: 'b' } }))).map(p => [p.rule, p.key, line(p)])).toEqual([[
        'secret-type', 'type', `${PREFIX}type is ${name}, not a string: ${REFUSED}; write the type as a string, such as Opaque or kubernetes.io/tls`,
      ]]);
    });

  test('a Secret the API server cannot decode is not judged for its type: secret-data says why', () => {
    // GIVEN a tls Secret without tls.key, whose tls.crt is no base64
    const problems = checkManifests(inputs(secret('kubernetes.io/tls', { data: { 'tls.crt': 'not base64' } })));
    // THEN only the decoding is reported
    expect(problems.map(p => [p.rule, p.key])).toEqual([['secret-data', 'tls.crt']]);
  });

  test('a Secret refused for a key or its size is judged for its type too: the API server validates all at once', () => {
    const problems = checkManifests(inputs(secret('kubernetes.io/basic-auth', { stringData: { 'user name': 'fake-user' } })));
    expect(problems.map(p => p.rule)).toEqual(['secret-data', 'secret-type']);
  });

  test('the rule runs after secret-data and before the PodDefault rules, for Secrets of any namespace and of a list', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [{ ...secret('kubernetes.io/ssh-auth'), metadata: { name: 'git', namespace: 'team-a' } }] };
    const floating = { ...secret('kubernetes.io/tls', { data: { 'tls.crt': '', 'tls.key': '' } }), metadata: { name: 'cert' } };
    const problems = checkManifests(inputs(pd('a', {}), secret('kubernetes.io/basic-auth', { data: { k: 'Zm9' } }), list, pd('a', {}), floating,
      { ...floating, type: 'kubernetes.io/dockercfg', metadata: { name: 'other' } }));
    expect(problems.map(p => [p.rule, p.namespace, p.sources])).toEqual([
      ['duplicate-object', 'team-a', ['s0', 's3']],
      ['secret-data', 'team-a', ['s1']],
      ['secret-type', 'team-a', ['s2.items[0]']],
      ['secret-type', undefined, ['s5']],
    ]);
  });

  test('objects of another kind or api group are not judged', () => {
    expect(lines(
      { ...secret('kubernetes.io/tls'), kind: 'ConfigMap' },
      { ...secret('kubernetes.io/tls'), apiVersion: 'other.io/v1' },
    )).toEqual([]);
  });
});

// External Secrets Operator v2.9.0 (tag v2.9.0, pkg/controllers/externalsecret/externalsecret_controller_template.go,
// ApplyTemplate): a non-empty spec.target.template.type becomes the Secret's type; Owner and Orphan clear its data,
// then write template.data's keys as they are, and the fetched keys only with mergePolicy Merge or a template with
// neither data nor templateFrom.
describe('secret-type of the Secret an ExternalSecret writes', () => {
  const es = (target: object, more: object = {}) => ({
    apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'registry', namespace: 'team-a' },
    spec: { secretStoreRef: { name: 'vault', kind: 'SecretStore' }, target, data: [{ secretKey: 'password', remoteRef: { key: 'fake/registry' } }], ...more },
  });
  const ES_PREFIX = 'externalsecret registry (s0) in namespace team-a: spec.target.template.';
  const ES_REFUSED = 'the api server refuses the Secret External Secrets Operator writes, so the ExternalSecret never syncs and no pod gets the Secret\'s keys';
  const ES_OTHER_TYPE = 'or, for a Secret of other keys, set spec.target.template.type to Opaque';
  const TOKEN_FIX = 'leave service account tokens to Kubernetes (a Secret of that type with the annotation, which the token controller fills in, '
    + `or a projected token), ${ES_OTHER_TYPE}`;
  const judged = (...manifests: any[]) => checkManifests(inputs(...manifests)).filter(p => p.rule === 'secret-type').map(p => [p.key, line(p)]);

  test('a dockerconfigjson template under config.json, as a volume would want it, is refused, naming the ExternalSecret and the type', () => {
    // GIVEN an ExternalSecret whose template writes config.json into a Secret of type dockerconfigjson
    const problems = judged(es({ template: { type: 'kubernetes.io/dockerconfigjson', data: { 'config.json': '{"auths":{}}' } } }));
    // THEN the missing .dockerconfigjson is reported, with the template as the fix
    expect(problems).toEqual([['spec.target.template.type',
      `${ES_PREFIX}type kubernetes.io/dockerconfigjson needs the key .dockerconfigjson in the Secret it writes (the keys of spec.target.template.data), `
      + `which it lacks: ${ES_REFUSED}; add the key .dockerconfigjson under spec.target.template.data, a template of the fetched keys, ${ES_OTHER_TYPE}`]]);
  });

  test.each<[string, object, object]>([
    ['the key templated, whatever its value renders to (JSON is only known at sync time)', { template: { type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': '{{ .password }}' } } }, {}],
    ['the key fetched with no template data', { template: { type: 'kubernetes.io/dockerconfigjson' } },
      { data: [{ secretKey: '.dockerconfigjson', remoteRef: { key: 'fake/registry' } }] }],
    ['the key fetched, merged with template data', { template: { type: 'kubernetes.io/dockerconfigjson', mergePolicy: 'Merge', data: { other: 'x' } } },
      { data: [{ secretKey: '.dockerconfigjson', remoteRef: { key: 'fake/registry' } }] }],
    ['an empty ssh-privatekey template (its value is only known at sync time)', { template: { type: 'kubernetes.io/ssh-auth', data: { 'ssh-privatekey': '' } } }, {}],
    ['tls keys templated', { template: { type: 'kubernetes.io/tls', data: { 'tls.crt': '{{ .crt }}', 'tls.key': '{{ .key }}' } } }, {}],
    ['no type: Opaque', { template: { data: { 'config.json': 'x' } } }, {}],
    ['a type of another case', { template: { type: 'Kubernetes.io/TLS', data: { a: 'x' } } }, {}],
    ['no template', {}, {}],
  ])('%s passes', (_title, target, more) => {
    expect(judged(es(target, more))).toEqual([]);
  });

  test.each<[string, object, object]>([
    ['creationPolicy Merge: the Secret that exists keeps its keys', { creationPolicy: 'Merge', template: { type: 'kubernetes.io/tls', data: { a: 'x' } } }, {}],
    ['creationPolicy CreateOrMerge', { creationPolicy: 'CreateOrMerge', template: { type: 'kubernetes.io/tls', data: { a: 'x' } } }, {}],
    ['creationPolicy None: nothing is written', { creationPolicy: 'None', template: { type: 'kubernetes.io/tls', data: { a: 'x' } } }, {}],
    ['templateFrom: its keys come from a ConfigMap at sync time',
      { template: { type: 'kubernetes.io/tls', templateFrom: [{ configMap: { name: 'tpl', items: [{ key: 'tls.crt' }] } }] } }, {}],
    ['dataFrom copied (no template data): the provider names the keys', { template: { type: 'kubernetes.io/tls' } }, { dataFrom: [{ extract: { key: 'fake/tls' } }] }],
    ['dataFrom merged with template data', { template: { type: 'kubernetes.io/tls', mergePolicy: 'Merge', data: { a: 'x' } } }, { dataFrom: [{ extract: { key: 'fake/tls' } }] }],
    ['a generic target (a ConfigMap)', { manifest: { apiVersion: 'v1', kind: 'ConfigMap' }, template: { type: 'kubernetes.io/tls', data: { a: 'x' } } }, {}],
    ['spec.data that is no list, which the API server refuses', { template: { type: 'kubernetes.io/tls', data: { a: 'x' } } }, { data: { secretKey: 'tls.key' } }],
    ['a spec.data item without a secretKey', { template: { type: 'kubernetes.io/tls' } }, { data: [{ remoteRef: { key: 'fake/tls' } }] }],
    ['template data that is a list', { template: { type: 'kubernetes.io/tls', data: ['tls.crt'] } }, {}],
    ['a refreshInterval ESO cannot read: never synced', { template: { type: 'kubernetes.io/tls', data: { a: 'x' } } }, { refreshInterval: '1d' }],
  ])('%s is not judged', (_title, target, more) => {
    expect(judged(es(target, more))).toEqual([]);
  });

  test('dataFrom is judged when the template replaces the fetched keys: only the template\'s keys are written', () => {
    const problems = judged(es({ template: { type: 'kubernetes.io/basic-auth', data: { user: '{{ .user }}' } } }, { dataFrom: [{ extract: { key: 'fake/login' } }] }));
    expect(problems).toEqual([['spec.target.template.type',
      `${ES_PREFIX}type kubernetes.io/basic-auth needs the key username or the key password (or both) in the Secret it writes (the keys of spec.target.template.data), `
      + `and has neither: ${ES_REFUSED}; add the keys username and password under spec.target.template.data, a template of the fetched keys, ${ES_OTHER_TYPE}`]]);
  });

  test('tls with the fetched keys copied: each missing key, with fetching as a fix; Orphan clears the data too', () => {
    // GIVEN an Orphan ExternalSecret that fetches tls.crt and templates nothing
    const problems = judged(es({ creationPolicy: 'Orphan', template: { type: 'kubernetes.io/tls' } }, { data: [{ secretKey: 'tls.crt', remoteRef: { key: 'fake/tls' } }] }));
    expect(problems).toEqual([['spec.target.template.type',
      `${ES_PREFIX}type kubernetes.io/tls needs the key tls.key in the Secret it writes (the keys of spec.data[].secretKey), which it lacks: ${ES_REFUSED}; `
      + `add the key tls.key under spec.target.template.data, a template of the fetched keys, or fetch it as spec.data[].secretKey, ${ES_OTHER_TYPE}`]]);
  });

  test('mergePolicy Merge: the template\'s and the fetched keys', () => {
    const problems = judged(es({ template: { type: 'kubernetes.io/ssh-auth', mergePolicy: 'Merge', data: { known_hosts: 'x' } } }));
    expect(problems).toEqual([['spec.target.template.type',
      `${ES_PREFIX}type kubernetes.io/ssh-auth needs the key ssh-privatekey in the Secret it writes (the keys of spec.target.template.data and spec.data[].secretKey), `
      + `which it lacks: ${ES_REFUSED}; add the key ssh-privatekey under spec.target.template.data, a template of the fetched keys, `
      + `or fetch it as spec.data[].secretKey, ${ES_OTHER_TYPE}`]]);
  });

  test('mergePolicy Replace with template data: the fetched keys are not written, so fetching tls.key does not count', () => {
    const problems = judged(es({ template: { type: 'kubernetes.io/tls', data: { 'tls.crt': '{{ .crt }}' } } },
      { data: [{ secretKey: 'tls.key', remoteRef: { key: 'fake/tls' } }] }));
    expect(problems.map(p => String(p[1]).split(':')[1])).toEqual([' spec.target.template.type kubernetes.io/tls needs the key tls.key in the Secret it writes (the keys of spec.target.template.data), which it lacks']);
  });

  // The API server drops a null where the CRD does not declare it nullable, before it stores the ExternalSecret
  // (apiextensions-apiserver pkg/apiserver/schema/defaulting/prunenulls.go, PruneNonNullableNullsWithoutDefaults;
  // ESO v2.9.0's CRD declares no spec field nullable): `data:` left empty in YAML is no data, a template key of
  // null is no key, an annotation of null is no annotation. ESO sees what is stored.
  describe('nulls the API server drops', () => {
    test('spec.data null is no fetched key: with no dataFrom either, ESO\'s webhook refuses the ExternalSecret (shape), and its Secret is not judged', () => {
      // GIVEN a tls template over spec.data null WHEN checked
      const problems = checkManifests(inputs(es({ template: { type: 'kubernetes.io/tls' } }, { data: null })));
      // THEN the webhook's refusal alone (validateExternalSecret: either data or dataFrom should be specified)
      expect(problems.map(p => [p.rule, p.key])).toEqual([['shape', 'spec.data']]);
    });

    test('template.data null is no template: the fetched keys are copied', () => {
      const problems = judged(es({ template: { type: 'kubernetes.io/tls', data: null } }, { data: [{ secretKey: 'tls.crt', remoteRef: { key: 'fake/tls' } }] }));
      expect(problems).toEqual([['spec.target.template.type',
        `${ES_PREFIX}type kubernetes.io/tls needs the key tls.key in the Secret it writes (the keys of spec.data[].secretKey), which it lacks: ${ES_REFUSED}; `
        + `add the key tls.key under spec.target.template.data, a template of the fetched keys, or fetch it as spec.data[].secretKey, ${ES_OTHER_TYPE}`]]);
    });

    test('a template key of null is no key ESO writes', () => {
      const problems = judged(es({ template: { type: 'kubernetes.io/tls', data: { 'tls.crt': '{{ .crt }}', 'tls.key': null } } }));
      expect(problems.map(([, text]) => String(text).match(/needs the key (\S+)/)?.[1])).toEqual(['tls.key']);
    });

    test('the annotation of null is no annotation: ESO takes the template, and only an Owner\'s Secret lacks it', () => {
      const template = { type: 'kubernetes.io/service-account-token', metadata: { annotations: { 'kubernetes.io/service-account.name': null } } };
      expect(judged(es({ creationPolicy: 'Orphan', template }))).toEqual([]);
      expect(judged(es({ template }))).toEqual([['spec.target.template.type',
        `${ES_PREFIX}type kubernetes.io/service-account-token needs the annotation kubernetes.io/service-account.name, the name of the ServiceAccount whose token it holds, `
        + `which it lacks: ${ES_REFUSED}; External Secrets Operator refuses a template with that annotation: ${TOKEN_FIX}`]]);
    });
  });

  describe('kubernetes.io/service-account-token', () => {
    test('with the annotation, ESO refuses the template, whatever the creationPolicy', () => {
      // validatePrivilegedTemplate, apis/externalsecrets/v1/externalsecret_validator.go (v2.9.0)
      for (const creationPolicy of ['Owner', 'Merge']) {
        const problems = judged(es({ creationPolicy, template: { type: 'kubernetes.io/service-account-token',
          metadata: { annotations: { 'kubernetes.io/service-account.name': 'notebook' } } } }));
        expect(problems).toEqual([['spec.target.template.type',
          `${ES_PREFIX}type kubernetes.io/service-account-token with the annotation kubernetes.io/service-account.name in spec.target.template.metadata.annotations `
          + `is refused by External Secrets Operator (its webhook, and its controller before it writes), so the ExternalSecret never syncs; ${TOKEN_FIX}`]]);
      }
    });

    test('a templateFrom into the annotations, which could write it, is refused by ESO too', () => {
      // validatePrivilegedTemplate: a templateFrom whose target is Annotations (strings.EqualFold)
      const problems = judged(es({ template: { type: 'kubernetes.io/service-account-token',
        templateFrom: [{ target: 'annotations', literal: 'kubernetes.io/service-account.name: notebook' }] } }));
      expect(problems).toEqual([['spec.target.template.type',
        `${ES_PREFIX}type kubernetes.io/service-account-token with a spec.target.template.templateFrom of target Annotations `
        + `is refused by External Secrets Operator (its webhook, and its controller before it writes), so the ExternalSecret never syncs; ${TOKEN_FIX}`]]);
    });

    test('without it, the Secret an Owner ExternalSecret creates lacks it, and the api server refuses it', () => {
      expect(judged(es({ template: { type: 'kubernetes.io/service-account-token', data: { token: '{{ .password }}' } } }))).toEqual([['spec.target.template.type',
        `${ES_PREFIX}type kubernetes.io/service-account-token needs the annotation kubernetes.io/service-account.name, the name of the ServiceAccount whose token it holds, `
        + `which it lacks: ${ES_REFUSED}; External Secrets Operator refuses a template with that annotation: ${TOKEN_FIX}`]]);
    });

    test('without it, Orphan is not judged: the Secret that exists keeps its annotations', () => {
      expect(judged(es({ creationPolicy: 'Orphan', template: { type: 'kubernetes.io/service-account-token' } }))).toEqual([]);
    });
  });

  test('bootstrap.kubernetes.io/token is refused by ESO, whatever the creationPolicy and keys', () => {
    // validatePrivilegedTemplate, apis/externalsecrets/v1/externalsecret_validator.go (v2.9.0): the type is not allowed
    for (const creationPolicy of ['Owner', 'Merge']) {
      const problems = judged(es({ creationPolicy, template: { type: 'bootstrap.kubernetes.io/token', data: { 'token-id': 'x', 'token-secret': 'y' } } }));
      expect(problems).toEqual([['spec.target.template.type',
        `${ES_PREFIX}type bootstrap.kubernetes.io/token is refused by External Secrets Operator (its webhook, and its controller before it writes), `
        + `so the ExternalSecret never syncs; create bootstrap tokens with kubeadm token create, ${ES_OTHER_TYPE}`]]);
    }
  });

  const REFUSED_BY_ESO = 'is refused by External Secrets Operator (its webhook, and its controller before it writes), so the ExternalSecret never syncs';
  const BOOTSTRAP = `${ES_PREFIX}type bootstrap.kubernetes.io/token ${REFUSED_BY_ESO}; create bootstrap tokens with kubeadm token create, ${ES_OTHER_TYPE}`;
  test.each<[string, object, string]>([
    ['bootstrap.kubernetes.io/token with creationPolicy None', { creationPolicy: 'None', template: { type: 'bootstrap.kubernetes.io/token' } }, BOOTSTRAP],
    ['bootstrap.kubernetes.io/token with a generic target (a ConfigMap)', { manifest: { apiVersion: 'v1', kind: 'ConfigMap' }, template: { type: 'bootstrap.kubernetes.io/token' } }, BOOTSTRAP],
    ['a token with the annotation and creationPolicy None', { creationPolicy: 'None', template: { type: 'kubernetes.io/service-account-token', metadata: { annotations: { 'kubernetes.io/service-account.name': 'default' } } } },
      `${ES_PREFIX}type kubernetes.io/service-account-token with the annotation kubernetes.io/service-account.name in spec.target.template.metadata.annotations ${REFUSED_BY_ESO}; ${TOKEN_FIX}`],
    ['a token with a templateFrom of target annotations and a generic target', { manifest: { apiVersion: 'v1', kind: 'ConfigMap' },
      template: { type: 'kubernetes.io/service-account-token', templateFrom: [{ literal: '{{ .token }}', target: 'annotations' }] } },
    `${ES_PREFIX}type kubernetes.io/service-account-token with a spec.target.template.templateFrom of target Annotations ${REFUSED_BY_ESO}; ${TOKEN_FIX}`],
  ])('a privileged template is refused by ESO\'s webhook whatever ESO would write: %s', (_title, target, expected) => {
    // GIVEN an ExternalSecret of that template, which writes no Secret (validatePrivilegedTemplate, externalsecret_validator.go
    // v2.9.0, judges the template of every ExternalSecret, whatever its target and creationPolicy)
    // WHEN checked
    // THEN refused, as it is where ESO writes a Secret
    expect(judged(es(target))).toEqual([['spec.target.template.type', expected]]);
  });

  test.each(['consumer-kserve-eso', 'eso-docker-config-dockerconfigjson', 'eso-docker-login-dockerconfigjson'])(
    'the library\'s own ExternalSecrets of type kubernetes.io/dockerconfigjson pass (golden %s), and would not without the key', (name) => {
      // GIVEN the golden output WHEN checked THEN no secret-type problem
      const manifests = YAML.parseAllDocuments(readFileSync(path.join(GOLDEN_DIR, `${name}.yaml`), 'utf8')).map(d => d.toJS());
      expect(checkManifests(inputs(...manifests)).filter(p => p.rule === 'secret-type')).toEqual([]);
      // GIVEN the same with .dockerconfigjson renamed, in the template or the fetched keys THEN its ExternalSecret is reported
      const renamed = manifests.map(m => (m.kind === 'ExternalSecret' ? JSON.parse(JSON.stringify(m).replace(/"\.dockerconfigjson"/g, '"config.json"')) : m));
      expect(checkManifests(inputs(...renamed)).filter(p => p.rule === 'secret-type').map(p => p.key)).toEqual(['spec.target.template.type']);
    });

  test('a ClusterExternalSecret: the ExternalSecret it generates in each namespace, no value shown', () => {
    const spec = es({ template: { type: 'kubernetes.io/tls', data: { 'tls.crt': 'fake-secret-cert' } } }).spec;
    const ces = { apiVersion: 'external-secrets.io/v1', kind: 'ClusterExternalSecret', metadata: { name: 'registry' }, spec: { namespaces: ['team-a', 'team-b'], externalSecretSpec: spec } };
    const problems = checkManifests(inputs(ces)).filter(p => p.rule === 'secret-type');
    expect(problems.map(p => [p.namespace, p.key, p.message.split(':')[0]])).toEqual([
      ['team-a', 'spec.target.template.type', 'externalsecret registry (s0 (its ExternalSecret in namespace team-a)) in namespace team-a'],
      ['team-b', 'spec.target.template.type', 'externalsecret registry (s0 (its ExternalSecret in namespace team-b)) in namespace team-b'],
    ]);
    expect(JSON.stringify(problems)).not.toMatch(/fake/);
  });
});
