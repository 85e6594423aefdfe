// The secret-data rule: a Secret's data as the API server decodes it, and its size.
//
// The decoder against kubectl's: the API server reads a `data` value with Go's base64.StdEncoding (its JSON
// decoder, sigs.k8s.io/json, decode.go literalStore), and kubectl's go-template function `base64decode` is
// base64.StdEncoding.DecodeString (k8s.io/cli-runtime pkg/printers/template.go), which needs no cluster:
//   kubectl label --local -f secret.json x=y -o go-template='{{base64decode .data.k}}'
// prints the bytes, or fails with "illegal base64 data at input byte N". The verdicts below were recorded
// from kubectl v1.32.4 on this project's machine; where kubectl is on PATH the test runs it again on the
// same vectors, comparing the verdict, the offset and, for a value it decodes, the bytes goBase64Decode
// gives (which cloud-identity reads credentials files with).
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { checkManifests } from '../../lib/check';
import { goBase64Decode, goBase64ErrorOffset, goBase64Length } from '../../lib/check/go-base64';
import { externalSecret, inputs, line, pd } from './support';

/**
 * What kubectl v1.32.4's base64decode made of a value: the number of bytes and the bytes (in hex, or the
 * first 16 hex digits of their SHA-256), or the offset of its error.
 */
type Verdict = { readonly bytes: number; readonly decoded: string } | { readonly offset: number };

const VECTORS: readonly (readonly [string, string, Verdict])[] = [
  ['valid, no padding needed', 'Zm9vYmFy', { bytes: 6, decoded: '666f6f626172' }],
  ['valid, one "="', 'Zm8=', { bytes: 2, decoded: '666f' }],
  ['valid, two "="', 'Zg==', { bytes: 1, decoded: '66' }],
  ['the empty string', '', { bytes: 0, decoded: '' }],
  ['missing padding, three characters', 'Zm9', { offset: 0 }],
  ['missing padding, two characters', 'Zg', { offset: 0 }],
  ['one character', 'Z', { offset: 0 }],
  ['missing padding after a whole quantum', 'Zm9vYmE', { offset: 4 }],
  ['"=" in the middle', 'Zm=vYmFy', { offset: 2 }],
  ['"==" in the middle', 'Zg==Zm9v', { offset: 4 }],
  ['"=" first', '=Zm9', { offset: 0 }],
  ['"=" second', 'Z=m9', { offset: 1 }],
  ['three "="', 'Z===', { offset: 1 }],
  ['only padding', '====', { offset: 0 }],
  ['a single "=" where two are needed', 'Zg=', { offset: 3 }],
  ['the second "=" after a line break', 'Zg=\n=', { bytes: 1, decoded: '66' }],
  ['a line break where the second "=" is needed', 'Zg=\n', { offset: 4 }],
  ['LF inside', 'Zm9v\nYmFy', { bytes: 6, decoded: '666f6f626172' }],
  ['CRLF inside and at the end', 'Zm9v\r\nYmFy\r\n', { bytes: 6, decoded: '666f6f626172' }],
  ['LF inside a quantum', 'Zm\n9v', { bytes: 3, decoded: '666f6f' }],
  // Go reports the start of the quantum as if the line break were not there: 4 characters read, 3 digits.
  ['LF inside a quantum that ends too early', 'Z\nm9', { offset: 1 }],
  ['line breaks only', '\r\n\n', { bytes: 0, decoded: '' }],
  ['line breaks after the padding', 'Zm8=\r\n', { bytes: 2, decoded: '666f' }],
  ['76-character lines, as base64 without -w0 writes them', `${'QUFB'.repeat(19)}\n${'QUFB'.repeat(19)}\nQUE=\n`, { bytes: 116, decoded: 'sha256:cf2050114ccaefd8' }],
  ['a space inside', 'Zm9v YmFy', { offset: 4 }],
  ['a leading space', ' Zm9v', { offset: 0 }],
  ['a trailing space', 'Zm9v ', { offset: 4 }],
  ['a tab inside', 'Zm9v\tYmFy', { offset: 4 }],
  ['a vertical tab', 'Zm9v\vYmFy', { offset: 4 }],
  ['a form feed', 'Zm9v\fYmFy', { offset: 4 }],
  ['URL-safe "-"', 'Zm-v', { offset: 2 }],
  ['URL-safe "_"', 'Zm9_YmFy', { offset: 3 }],
  ['non-ASCII "é"', 'Zm9vé', { offset: 4 }],
  ['non-ASCII first', 'éZm9v', { offset: 0 }],
  ['an emoji', 'Zm9v😀', { offset: 4 }],
  ['a line separator U+2028', 'Zm9v\u2028', { offset: 4 }],
  ['a NUL', 'Zm9v\u0000', { offset: 4 }],
  ['trailing bits zero', 'Zm8=', { bytes: 2, decoded: '666f' }],
  ['trailing bits not zero, one "="', 'Zm9=', { bytes: 2, decoded: '666f' }],
  ['trailing bits not zero, two "="', 'Zh==', { bytes: 1, decoded: '66' }],
  ['a quantum after the padding', 'Zm8=Zm8=', { offset: 4 }],
  ['garbage after the padding', 'Zm8=x', { offset: 4 }],
  ['plain text, as data meant for stringData', 'admin', { offset: 4 }],
  ['plain text of four characters, which is base64', 'bill', { bytes: 3, decoded: '6e2965' }],
  ['plain text with a dash', 'fake-password', { offset: 4 }],
  ['a placeholder left in', '${PASSWORD_B64}', { offset: 0 }],
  ['a template left in', '<foo>', { offset: 0 }],
  ['a percent sign', 'Zm9v%', { offset: 4 }],
  ['very long and valid', 'QUFB'.repeat(300000), { bytes: 900000, decoded: 'sha256:30fa3caca47f52c5' }],
  ['very long, with padding missing at the end', 'QUFB'.repeat(100000) + 'QQ', { offset: 400000 }],
  ['very long, a space deep inside', 'QUFB'.repeat(50000) + ' ' + 'QUFB'.repeat(50000), { offset: 200000 }],
];

/** The bytes as the vectors record them. */
function described(bytes: Buffer): string {
  return bytes.length <= 8 ? bytes.toString('hex') : `sha256:${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
}

/** Our decoder's verdict, in the form of the recorded ones: the length it counts, and the bytes goBase64Decode gives. */
function ours(value: string): Verdict {
  const result = goBase64Length(value);
  if (result < 0) {
    expect(goBase64Decode(value)).toBeUndefined();
    return { offset: goBase64ErrorOffset(result) };
  }
  return { bytes: result, decoded: described(goBase64Decode(value)!) };
}

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
const withKubectl = hasKubectl ? test : test.skip;
if (!hasKubectl) { console.log('secret-data.test.ts: kubectl is not on PATH: the live comparisons with base64decode are skipped, the recorded vectors still run'); }

/** kubectl's base64decode of `value`: its verdict. */
function kubectlDecode(dir: string, value: string): Verdict {
  const file = path.join(dir, 'secret.json');
  writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { k: value } }));
  const run = spawnSync('kubectl', ['label', '--local', '-f', file, 'x=y', '-o', 'go-template={{base64decode .data.k}}'], { maxBuffer: 1 << 30 });
  if (run.status === 0) { return { bytes: run.stdout.length, decoded: described(run.stdout) }; }
  const error = /illegal base64 data at input byte (\d+)/.exec(run.stderr.toString());
  if (error === null) { throw new Error(`kubectl failed otherwise: ${run.stderr.toString()}`); }
  return { offset: Number(error[1]) };
}

describe('Go\'s base64.StdEncoding, as the API server decodes a Secret\'s data', () => {
  test.each(VECTORS.map(([name, value, verdict]) => [name, value, verdict] as const))('recorded from kubectl v1.32.4: %s', (_name, value, verdict) => {
    expect(ours(value)).toEqual(verdict);
  });

  withKubectl('kubectl on this machine: every vector, its verdict, offset and bytes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'secret-data-'));
    try {
      for (const [name, value] of VECTORS) {
        // GIVEN a vector WHEN kubectl decodes it THEN our verdict, offset and bytes are kubectl's
        expect([name, ours(value)]).toEqual([name, kubectlDecode(dir, value)]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** A Secret `creds` of team-a with `fields` (data, stringData). */
const secretWith = (fields: object, namespace: string | null = 'team-a') =>
  ({ apiVersion: 'v1', kind: 'Secret', metadata: namespace === null ? { name: 'creds' } : { name: 'creds', namespace }, type: 'Opaque', ...fields });

const REFUSED = 'so kubectl apply fails and no pod gets the Secret\'s keys';
const BASE64_FIX = 'encode the value as standard base64 on one line, with its "=" padding (base64 -w0 FILE, or printf %s VALUE | base64 -w0; '
  + 'spaces, tabs and the URL-safe "-" and "_" are refused), or give it unencoded under stringData';
const MIB = 1024 * 1024;

describe('secret-data', () => {
  test('a value that is not base64 is refused, naming the Secret, the key and the byte, never the value', () => {
    // GIVEN a Secret whose password was pasted unencoded
    const problems = checkManifests(inputs(secretWith({ data: { AWS_ACCESS_KEY_ID: 'QUtJQUZBS0VGQUtFRkFLRTAwMDA=', AWS_SECRET_ACCESS_KEY: 'fake-secret-value' } })));
    // THEN one problem, of the key, at the byte Go stops at (the '-')
    expect(problems).toEqual([{
      rule: 'secret-data', namespace: 'team-a', sources: ['s0'], key: 'AWS_SECRET_ACCESS_KEY',
      message: 'secret creds (s0) in namespace team-a: data AWS_SECRET_ACCESS_KEY is not base64 as the api server decodes it (illegal base64 data at input byte 4), '
        + `which refuses the Secret, ${REFUSED}`,
      fix: BASE64_FIX,
    }]);
    // AND nothing of the value shows
    expect(JSON.stringify(problems)).not.toMatch(/fake|secret-value/);
  });

  test.each(VECTORS.map(([name, value, verdict]) => [name, value, verdict] as const))('as the recorded verdict says: %s', (_name, value, verdict) => {
    // GIVEN a Secret with the vector as a value WHEN checked
    const problems = checkManifests(inputs(secretWith({ data: { k: value } })));
    // THEN refused at kubectl's offset exactly when kubectl refuses it
    expect(problems.map(p => p.message.match(/input byte (\d+)/)?.[1])).toEqual('offset' in verdict ? [String(verdict.offset)] : []);
    // AND no problem holds a run of the value (a value of a few characters is part of every message's words)
    if (value.length >= 8) { expect(JSON.stringify(problems)).not.toContain(value.slice(0, 8)); }
  });

  test('every key is judged, each bad one reported in the order of data', () => {
    const problems = checkManifests(inputs(secretWith({ data: { a: 'Zm9v', b: 'not base64', c: 'Zg', d: 'Zg==' } })));
    expect(problems.map(p => [p.key, p.message.match(/input byte (\d+)/)?.[1]])).toEqual([['b', '3'], ['c', '0']]);
  });

  test.each<[string, unknown, string]>([
    ['a number (an unquoted 1234 in YAML)', 1234, 'a number'],
    ['a boolean', true, 'a boolean'],
    ['a mapping', { a: 'Zm9v' }, 'an object'],
    ['a list that is no bytes', [1, 256], 'an array'],
    ['a list of strings', ['Zm9v'], 'an array'],
  ])('a data value that is %s is refused as Go cannot read it as bytes', (_title, value, type) => {
    expect(checkManifests(inputs(secretWith({ data: { pin: value } }))).map(line)).toEqual([
      `secret creds (s0) in namespace team-a: data pin is ${type}, not a base64 string: the api server cannot read it as bytes and refuses the Secret, ${REFUSED}; `
      + 'give the value base64-encoded in quotes, or unencoded in quotes under stringData',
    ]);
  });

  test('a data value that is null, or a list of bytes, is read by Go: no bytes, or those bytes', () => {
    expect(checkManifests(inputs(secretWith({ data: { a: null, b: [104, 105], c: [] } })))).toEqual([]);
  });

  test.each<[string, unknown, string]>([
    ['a number (an unquoted port in YAML)', 5432, 'a number'],
    ['a boolean', false, 'a boolean'],
    ['a list', ['x'], 'an array'],
  ])('a stringData value that is %s is refused', (_title, value, type) => {
    expect(checkManifests(inputs(secretWith({ stringData: { port: value, host: 'db.example.com', empty: null } }))).map(line)).toEqual([
      `secret creds (s0) in namespace team-a: stringData port is ${type}, not a string: the api server refuses the Secret, ${REFUSED}; quote the value`,
    ]);
  });

  test.each<[string, unknown, string]>([['a string', 'Zm9v', 'a string'], ['a list', ['Zm9v'], 'an array'], ['a number', 1, 'a number']])(
    'data or stringData that is %s, not a mapping, is refused', (_title, value, type) => {
      expect(checkManifests(inputs(secretWith({ data: value, stringData: value }))).map(p => [p.key, line(p)])).toEqual([
        ['data', `secret creds (s0) in namespace team-a: data is ${type}, not a mapping of keys to base64 strings: the api server refuses the Secret, ${REFUSED}; `
          + 'give data as a mapping of keys to base64 strings'],
        ['stringData', `secret creds (s0) in namespace team-a: stringData is ${type}, not a mapping of keys to strings: the api server refuses the Secret, ${REFUSED}; `
          + 'give stringData as a mapping of keys to strings'],
      ]);
    });

  test('a Secret that names no namespace, and one of a list, are judged where they are', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [secretWith({ data: { k: 'Zm9' } })] };
    const problems = checkManifests(inputs(secretWith({ data: { k: 'Zm9' } }, null), list)).filter(p => p.rule === 'secret-data');
    expect(problems.map(p => [p.namespace, p.sources, p.message.split(':')[0]])).toEqual([
      [undefined, ['s0'], 'secret creds (s0) in namespace (none)'],
      ['team-a', ['s1.items[0]'], 'secret creds (s1.items[0]) in namespace team-a'],
    ]);
  });

  describe('keys: as the api server\'s IsConfigMapKey takes them, each refused one named by its place, never shown', () => {
    // kubernetes pkg/apis/core/validation/validation.go, ValidateSecret, validates each key of data (stringData merged in) with
    // IsConfigMapKey (k8s.io/apimachinery pkg/util/validation: [-._a-zA-Z0-9], at most 253, not ".", not starting with "..").
    const KEY_RULE = 'a Secret key is letters, digits, "-", "_" and ".", at most 253 characters, neither "." alone nor starting with ".."';
    const FIX = 'rename the key: it is the file name in a Secret volume, and the env var name with envFrom';

    test.each<[string, object, string[]]>([
      ['a key with a space, in data', { data: { 'AWS_ACCESS_KEY_ID': 'Zm9v', 'FAKE ghp_SecretToken123': 'Zm9v' } },
        [`key 2 of data has a space at character 5; ${KEY_RULE}`]],
      ['a key starting with "..", in stringData', { stringData: { '..FAKEghpSecretToken123': 'x' } }, [`key 1 of stringData starts with ".."; ${KEY_RULE}`]],
      ['"." alone', { data: { '.': 'Zm9v' } }, [`key 1 of data is "." alone; ${KEY_RULE}`]],
      ['a key of 254 characters', { data: { ['F'.repeat(254)]: 'Zm9v' } }, [`key 1 of data is 254 characters long, more than 253; ${KEY_RULE}`]],
      // A refused key's value is not judged, nor shown: one problem for the key.
      ['a refused key whose value is no base64', { data: { 'FAKE/ghpSecretToken123': 'not base64' } }, [`key 1 of data has "/" at character 5; ${KEY_RULE}`]],
    ])('%s', (_title, fields, said) => {
      const problems = checkManifests(inputs(secretWith(fields)));
      expect(problems.map(line)).toEqual(said.map(s => `secret creds (s0) in namespace team-a: ${s}: the api server refuses the Secret, ${REFUSED}; ${FIX}`));
      // AND no part of the key shows
      expect(JSON.stringify(problems)).not.toMatch(/FAKE|ghp|SecretToken/);
    });

    test('keys the api server takes pass: dots inside and in front, underscores, 253 characters', () => {
      expect(checkManifests(inputs(secretWith({ data: { '.dockerconfigjson': 'e30=', 'a..b': 'Zm9v', 'AWS_SECRET_ACCESS_KEY': 'Zm9v', ['k'.repeat(253)]: 'Zm9v' } })))).toEqual([]);
    });
  });

  describe('keys of the Secret an ExternalSecret writes: ESO writes template and fetched keys as they are, and the api server refuses a bad one', () => {
    const KEY_RULE = 'letters, digits, "-", "_" and ".", at most 253 characters, neither "." alone nor starting with ".."';
    const store = { name: 'vault', kind: 'ClusterSecretStore' };
    const es = (spec: object) => externalSecret('creds', { secretStoreRef: store, data: [{ secretKey: 'password', remoteRef: { key: 'k' } }], ...spec });
    const said = (place: string, why: string, kind = 'Secret') => `externalsecret creds (s0) in namespace team-a has ${place} that ${why}; a ${kind} key is ${KEY_RULE}: `
      + `the api server refuses the ${kind} External Secrets Operator writes with it, so the ExternalSecret never syncs and no pod gets the ${kind}'s keys; `
      + `rename the key: it is the file name in a ${kind} volume, and the env var name with envFrom`;

    test.each<[string, object, string[]]>([
      // ESO v2.9.0 runtime/template/v2/template.go applyToTarget sets each template.data key on the Secret as written.
      ['a template key with a space', { target: { template: { data: { 'config.json': '{{ .password }}', 'FAKE ghpSecretToken123': 'x' } } } },
        [said('key 2 of spec.target.template.data', 'has a space at character 5')]],
      ['a template key with "/", merged into a Secret that exists', { target: { creationPolicy: 'Merge', template: { data: { 'FAKE/ghpSecretToken123': 'x' } } } },
        [said('key 1 of spec.target.template.data', 'has "/" at character 5')]],
      // The CRD's pattern for secretKey (^[-._a-zA-Z0-9]+$) lets "." and ".." through; ApplyTemplate copies the fetched keys as they are.
      ['a secretKey starting with "..", copied without a template', { data: [{ secretKey: 'password', remoteRef: { key: 'k' } }, { secretKey: '..FAKEghpSecretToken123', remoteRef: { key: 'k' } }] },
        [said('spec.data[1].secretKey', 'starts with ".."')]],
      ['a secretKey "." copied beside a template of metadata only', { data: [{ secretKey: '.', remoteRef: { key: 'k' } }], target: { template: { metadata: { labels: { a: 'b' } } } } },
        [said('spec.data[0].secretKey', 'is "." alone')]],
      ['a template key with a space, in a ConfigMap', { target: { manifest: { apiVersion: 'v1', kind: 'ConfigMap' }, template: { data: { 'FAKE ghpSecretToken123': 'x' } } } },
        [said('key 1 of spec.target.template.data', 'has a space at character 5', 'ConfigMap')]],
    ])('%s', (_title, spec, expected) => {
      // GIVEN an ExternalSecret whose Secret would hold a key the api server refuses
      // WHEN the check runs
      const problems = checkManifests(inputs(es(spec)));
      // THEN the key is named by its place, with the reason
      expect(problems.map(line)).toEqual(expected);
      // AND no part of the key shows
      expect(JSON.stringify(problems)).not.toMatch(/FAKE|ghp|SecretToken/);
    });

    test.each<[string, object]>([
      ['a secretKey ".." not copied: the template\'s keys replace it', { data: [{ secretKey: '..x', remoteRef: { key: 'k' } }], target: { template: { data: { 'config.json': 'x' } } } }],
      ['creationPolicy None, which writes nothing', { target: { creationPolicy: 'None', template: { data: { 'a b': 'x' } } } }],
      ['a generic target of another kind', { target: { manifest: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application' }, template: { data: { 'a b': 'x' } } } }],
      ['keys the api server takes', { data: [{ secretKey: '.dockerconfigjson', remoteRef: { key: 'k' } }, { secretKey: 'a..b', remoteRef: { key: 'k' } }] }],
    ])('not judged, or taken: %s', (_title, spec) => {
      // GIVEN an ExternalSecret whose odd keys no Secret gets, or whose keys are valid WHEN the check runs THEN nothing is said
      expect(checkManifests(inputs(es(spec)))).toEqual([]);
    });
  });

  test('objects of another kind or api group are not judged', () => {
    expect(checkManifests(inputs(
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'team-a' }, data: { k: 'not base64' } },
      { apiVersion: 'other.io/v1', kind: 'Secret', metadata: { name: 'c', namespace: 'team-a' }, data: { k: 'not base64' } },
    ))).toEqual([]);
  });

  test('the rule runs without any PodDefault, and before the PodDefault rules', () => {
    const problems = checkManifests(inputs(pd('a', {}), secretWith({ data: { k: 'Zm9' } }), pd('a', {})));
    expect(problems.map(p => p.rule)).toEqual(['duplicate-object', 'secret-data']);
  });

  describe('the size: the values decoded, stringData written over data, at most 1 MiB (ValidateSecret, core.MaxSecretSize)', () => {
    /** The base64 of `n` bytes, as long as Go reads it. */
    const bytes = (n: number) => Buffer.alloc(n, 0x41).toString('base64');

    test.each<[string, object, number | undefined]>([
      ['exactly 1 MiB in one key', { data: { a: bytes(MIB) } }, undefined],
      ['1 MiB and a byte in one key', { data: { a: bytes(MIB + 1) } }, MIB + 1],
      ['1 MiB and a byte over two keys', { data: { a: bytes(MIB / 2), b: bytes(MIB / 2 + 1) } }, MIB + 1],
      // Only values count: keys are not bytes of the data.
      ['exactly 1 MiB with a long key', { data: { ['k'.repeat(253)]: bytes(MIB) } }, undefined],
      ['exactly 1 MiB over data and stringData', { data: { a: bytes(MIB / 2) }, stringData: { b: 'A'.repeat(MIB / 2) } }, undefined],
      ['a stringData value written over a large data value', { data: { a: bytes(MIB + 1) }, stringData: { a: 'small' } }, undefined],
      ['a large stringData value written over a small data value', { data: { a: 'Zm9v' }, stringData: { a: 'A'.repeat(MIB + 1) } }, MIB + 1],
      // stringData counts its UTF-8 bytes: é is two.
      ['stringData in UTF-8', { stringData: { a: 'é'.repeat(MIB / 2) + 'x' } }, MIB + 1],
      ['line breaks in the base64 are no bytes', { data: { a: bytes(MIB).replace(/(.{76})/g, '$1\n') } }, undefined],
      ['a list of bytes counts each', { data: { a: bytes(MIB), b: [1] } }, MIB + 1],
    ])('%s', (_title, fields, over) => {
      const problems = checkManifests(inputs(secretWith(fields)));
      expect(problems.map(line)).toEqual(over === undefined ? [] : [
        `secret creds (s0) in namespace team-a: holds ${over} bytes once its data is decoded and its stringData merged in, more than the 1048576 (1 MiB) `
        + `the api server accepts in a Secret, ${REFUSED}; split the keys over several Secrets, or keep large files out of Secrets`,
      ]);
    });

    test('a Secret refused for its base64 is not also judged for its size: the API server never gets to validate it', () => {
      expect(checkManifests(inputs(secretWith({ data: { a: bytes(2 * MIB), b: 'Zm9' } }))).map(p => p.key)).toEqual(['b']);
    });
  });
});
