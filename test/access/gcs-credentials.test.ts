import { spawnSync } from 'child_process';
import { generateKeyPairSync } from 'crypto';
import { readFileSync } from 'fs';
import { Chart, Testing } from 'cdk8s';
import { GcpServiceAccountKey, GcsCredentials, GcsCredentialsProps, PodDefaultAdmission } from '../../lib';
import { errorsOf, expectGolden, expectRejected, fixture, secretAndPodDefault, synthAccess, thrownMessage, unsaidInErrorTable, userChart } from '../support';
import { buildOrReject, expectRefused, scratchFiles, storedBytes } from '../fuzz';

/** The committed fake key (a throwaway RSA key, labelled in the file), for byte-identical goldens. */
const KEY_FILE = fixture('gcp-service-account-key.json');
const KEY_TEXT = readFileSync(KEY_FILE, 'utf8');

/** A fresh throwaway key for the rejection cases, so that no test depends on the committed one. */
const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const FAKE_EMAIL = 'fake-sa@fake-project-0001.iam.gserviceaccount.com';
const validKey = {
  type: 'service_account', project_id: 'fake-project-0001', private_key_id: 'fake-key-id-0001', private_key: rsa,
  client_email: FAKE_EMAIL, token_uri: 'https://oauth2.googleapis.com/token',
};
const keyJson = (fields: object) => JSON.stringify({ ...validKey, ...fields });
const SECRETS = [rsa.split('\n')[1], ec.split('\n')[1], FAKE_EMAIL, 'fake-project-0001', 'fake-key-id-0001'];

const synthGcs = (props: GcsCredentialsProps, id = 'gcp-credentials'): [any, any] => synthAccess(chart => new GcsCredentials(chart, id, props));

describe('GcsCredentials golden output', () => {
  test('fromFile: the Kubeflow GKE docs\' shape, the key under user-gcp-sa.json', () => {
    // GIVEN a key file
    const app = Testing.app();
    // WHEN
    new GcsCredentials(userChart(app), 'gcp-credentials', { key: GcpServiceAccountKey.fromFile(KEY_FILE) });
    // THEN
    expectGolden(app, 'gcs-file');
  });

  test('fromJson, with a hashed Secret name and another mount path', () => {
    const app = Testing.app();
    new GcsCredentials(userChart(app), 'gcp-credentials', {
      key: GcpServiceAccountKey.fromJson(KEY_TEXT), hashSecretName: true, mountPath: '/home/jovyan/.gcp',
    });
    expectGolden(app, 'gcs-json');
  });

  test('fromExistingSecret with the classic Secret user-gcp-sa and another key', () => {
    const app = Testing.app();
    new GcsCredentials(userChart(app), 'gcp-credentials', { key: GcpServiceAccountKey.fromExistingSecret('user-gcp-sa', 'key.json') });
    expectGolden(app, 'gcs-existing-secret');
  });
});

describe('GcsCredentials values', () => {
  test('the Secret holds the file\'s bytes; GOOGLE_APPLICATION_CREDENTIALS points at the mounted file', () => {
    // GIVEN WHEN
    const [secret, podDefault] = synthGcs({ key: GcpServiceAccountKey.fromFile(KEY_FILE) });
    // THEN
    expect(secret.data).toEqual({ 'user-gcp-sa.json': readFileSync(KEY_FILE).toString('base64') });
    expect(secret.type).toBe('Opaque');
    expect(podDefault.spec).toEqual({
      desc: 'Add GCP credentials',
      selector: { matchLabels: { 'gcp-credentials': 'true' } },
      volumes: [{ name: 'gcp-credentials-volume', secret: { secretName: 'gcp-credentials' } }],
      volumeMounts: [{ name: 'gcp-credentials-volume', mountPath: '/secret/gcp/' }],
      env: [{ name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/secret/gcp/user-gcp-sa.json' }, { name: 'KUBEFLOW_GCP_CREDENTIAL', value: 'gcp-credentials' }],
    });
  });

  test('fromJson stores the text as given, a generated key in PKCS#1 form too', () => {
    const pkcs1 = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    const text = keyJson({ private_key: pkcs1 });
    const [secret] = synthGcs({ key: GcpServiceAccountKey.fromJson(text) });
    expect(Buffer.from(secret.data['user-gcp-sa.json'], 'base64').toString('utf8')).toBe(text);
  });

  test('the key path follows mountPath, with or without a trailing slash', () => {
    const chart = userChart();
    const a = new GcsCredentials(chart, 'a', { key: GcpServiceAccountKey.fromJson(keyJson({})), mountPath: '/opt/gcp' });
    const b = new GcsCredentials(chart, 'b', { key: GcpServiceAccountKey.fromJson(keyJson({})), mountPath: '/var/gcp//' });
    expect([a.keyFilePath, b.keyFilePath]).toEqual(['/opt/gcp/user-gcp-sa.json', '/var/gcp/user-gcp-sa.json']);
  });

  test('a "$" the kubelet keeps as written (before an ASCII character other than "$" and "(", or an unclosed "$(") is a mountPath like any other', () => {
    // GIVEN mount paths whose "$" the kubelet's env expansion leaves alone
    const chart = userChart();
    // WHEN each is the mount path
    const a = new GcsCredentials(chart, 'a', { key: GcpServiceAccountKey.fromJson(keyJson({})), mountPath: '/opt/$gcp/' });
    const b = new GcsCredentials(chart, 'b', { key: GcpServiceAccountKey.fromJson(keyJson({})), mountPath: '/opt/$(gcp/' });
    // THEN GOOGLE_APPLICATION_CREDENTIALS is the mounted file, as the container sees it
    expect([a.keyFilePath, b.keyFilePath]).toEqual(['/opt/$gcp/user-gcp-sa.json', '/opt/$(gcp/user-gcp-sa.json']);
  });

  test('an existing Secret with the default key is mounted whole, and gets no Secret object', () => {
    const chart = userChart();
    const access = new GcsCredentials(chart, 'gcs', { key: GcpServiceAccountKey.fromExistingSecret('user-gcp-sa') });
    expect([access.secret, access.secretName, access.keyFilePath]).toEqual([undefined, 'user-gcp-sa', '/secret/gcp/user-gcp-sa.json']);
    const [, podDefault] = secretAndPodDefault(Testing.synth(chart));
    expect(podDefault.spec.volumes).toEqual([{ name: 'gcs-volume', secret: { secretName: 'user-gcp-sa' } }]);
  });

  test('the webhook model admits a notebook that selects it, with the env and mount in its container', () => {
    const chart = userChart();
    const access = new GcsCredentials(chart, 'gcp-credentials', { key: GcpServiceAccountKey.fromFile(KEY_FILE) });
    const pod = {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'nb-0', namespace: 'user', labels: access.selectorLabels },
      spec: { containers: [{ name: 'nb', image: 'nb' }] },
    };
    const result = PodDefaultAdmission.admit(pod, Testing.synth(chart).filter(m => m.kind === 'PodDefault'));
    expect(result.allowed).toBe(true);
    expect(result.pod.spec.containers[0].env).toEqual([
      { name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/secret/gcp/user-gcp-sa.json' }, { name: 'KUBEFLOW_GCP_CREDENTIAL', value: 'gcp-credentials' },
    ]);
  });

  test('two keys in one namespace synthesise, one to choose: the webhook refuses a notebook that selects both', () => {
    // GIVEN two service accounts for one profile, at one mount directory
    const app = Testing.app();
    const chart = userChart(app);
    const a = new GcsCredentials(chart, 'gcs-a', { key: GcpServiceAccountKey.fromJson(keyJson({})) });
    const b = new GcsCredentials(chart, 'gcs-b', { key: GcpServiceAccountKey.fromJson(keyJson({})) });
    // WHEN synthesised
    expect(errorsOf(() => app.synthYaml())).toEqual([]);
    // THEN a notebook that selects both is refused on the marker, rather than getting two keys at one path
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nb-0', namespace: 'user', labels: { ...a.selectorLabels, ...b.selectorLabels } }, spec: { containers: [{ name: 'nb', image: 'nb' }] } };
    const result = PodDefaultAdmission.admit(pod, Testing.synth(chart).filter(m => m.kind === 'PodDefault'));
    expect(result.allowed).toBe(false);
    expect(result.conflicts.map(c => `${c.rule} ${c.key}`)).toContain('env KUBEFLOW_GCP_CREDENTIAL');
  });
});

describe('GcsCredentials rejects bad input', () => {
  const fix = 'create a key with "gcloud iam service-accounts keys create" and give that file';
  const EXPANDED_MOUNT_PATH = '[test/gcs] mountPath: has "$$", "$(NAME)" or "$" before a non-ASCII character, which the kubelet expands in '
    + 'GOOGLE_APPLICATION_CREDENTIALS and not in the mount path, so the variable would name a file that is not there: give a directory without them, such as "/secret/gcp/"';
  const { client_email: _email, ...noEmail } = validKey;
  const { token_uri: _uri, ...noTokenUri } = validKey;
  const { private_key: _pk, ...noPrivateKey } = validKey;
  const cases: Array<[string, Partial<GcsCredentialsProps>, string]> = [
    ['no key', {},
      '[test/gcs] key: is missing: give the service-account key, such as GcpServiceAccountKey.fromFile("key.json")'],
    ['a missing file', { key: GcpServiceAccountKey.fromFile('/nonexistent/key.json') },
      '[test/gcs] key: the path does not exist: give the path of a readable file (relative to the current directory), or the content itself to GcpServiceAccountKey.fromJson; the path is not shown, since it may be a credential given in its place'],
    ['text that is not JSON', { key: GcpServiceAccountKey.fromJson(`{"private_key": "${rsa.split('\n')[1]}"`) },
      `[test/gcs] key: the key is not valid JSON: ${fix}`],
    ['JSON given as an object, not text', { key: GcpServiceAccountKey.fromJson(validKey as unknown as string) },
      '[test/gcs] key: the key is not JSON text: give the key file\'s content as a string'],
    ['a JSON array', { key: GcpServiceAccountKey.fromJson(`[${keyJson({})}]`) },
      `[test/gcs] key: the key is not a JSON object: ${fix}`],
    ['a byte-order mark', { key: GcpServiceAccountKey.fromJson(`\ufeff${keyJson({})}`) },
      '[test/gcs] key: the key starts with a byte-order mark, which Python\'s json module (and so google-auth) refuses: save it as UTF-8 without a BOM'],
    ['an authorized_user file (gcloud auth application-default login)', { key: GcpServiceAccountKey.fromJson(JSON.stringify({ type: 'authorized_user', client_id: 'x', client_secret: 'fake-client-secret-0000', refresh_token: 'fake-refresh-0000' })) },
      `[test/gcs] key: the key has no "type": "service_account" (user, external-account and other credential files are not service-account keys): ${fix}`],
    ['no type', { key: GcpServiceAccountKey.fromJson(keyJson({ type: undefined })) },
      `[test/gcs] key: the key has no "type": "service_account" (user, external-account and other credential files are not service-account keys): ${fix}`],
    ['no client_email', { key: GcpServiceAccountKey.fromJson(JSON.stringify(noEmail)) },
      `[test/gcs] key: the key has no "client_email", or an empty one, which google-auth requires: ${fix}`],
    ['an empty client_email', { key: GcpServiceAccountKey.fromJson(keyJson({ client_email: ' ' })) },
      `[test/gcs] key: the key has no "client_email", or an empty one, which google-auth requires: ${fix}`],
    ['no token_uri', { key: GcpServiceAccountKey.fromJson(JSON.stringify(noTokenUri)) },
      `[test/gcs] key: the key has no "token_uri", or an empty one, which google-auth requires: ${fix}`],
    ['a token_uri that is not a string', { key: GcpServiceAccountKey.fromJson(keyJson({ token_uri: 1 })) },
      `[test/gcs] key: the key has no "token_uri", or an empty one, which google-auth requires: ${fix}`],
    ['no private_key', { key: GcpServiceAccountKey.fromJson(JSON.stringify(noPrivateKey)) },
      `[test/gcs] key: the key: "private_key" is missing or empty: ${fix}`],
    ['a private_key escaped twice', { key: GcpServiceAccountKey.fromJson(keyJson({ private_key: rsa.replace(/\n/g, '\\n') })) },
      '[test/gcs] key: the key: "private_key" holds "\\n" escapes instead of line breaks (the JSON was escaped twice): give the file as gcloud wrote it'],
    ['a cut-off private_key', { key: GcpServiceAccountKey.fromJson(keyJson({ private_key: rsa.slice(0, 200) })) },
      `[test/gcs] key: the key: "private_key" is not a PEM private key ("-----BEGIN PRIVATE KEY-----"): ${fix}`],
    ['a public key', { key: GcpServiceAccountKey.fromJson(keyJson({ private_key: generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }) })) },
      `[test/gcs] key: the key: "private_key" is not a PEM private key ("-----BEGIN PRIVATE KEY-----"): ${fix}`],
    ['an EC private key', { key: GcpServiceAccountKey.fromJson(keyJson({ private_key: ec })) },
      `[test/gcs] key: the key: "private_key" is not an RSA key, which google-auth signs with: ${fix}`],
    ['a file that is not a key', { key: GcpServiceAccountKey.fromFile(fixture('aws-credentials')) },
      `[test/gcs] key: the file is not valid JSON: ${fix}`],
    ['an invalid existing Secret key', { key: GcpServiceAccountKey.fromExistingSecret('user-gcp-sa', 'key json') },
      '[test/gcs] key: the key of the existing Secret has a space at character 4; a Secret key is letters, digits, "-", "_" and ".", at most 253 characters, neither "." alone nor starting with "..": give the key the Secret holds'],
    ['immutable with an existing Secret', { key: GcpServiceAccountKey.fromExistingSecret('user-gcp-sa'), immutable: true },
      '[test/gcs] immutable: only applies to a synthesised Secret, but the source is an existing Secret: leave immutable out'],
    ['a relative mountPath', { key: GcpServiceAccountKey.fromJson(keyJson({})), mountPath: 'secret/gcp' },
      '[test/gcs] mountPath: is not an absolute path (it does not start with "/"); a directory to mount at is an absolute path without ".." segments, control characters (such as a line break or a tab), "\\" or whitespace at its end: give a directory such as "/secret/gcp/"'],
    // The kubelet would expand GOOGLE_APPLICATION_CREDENTIALS to /secret/$gcp/... and /secret/<NB_PREFIX>/...,
    // while the key is mounted at the path as written.
    ['a mountPath with "$$"', { key: GcpServiceAccountKey.fromJson(keyJson({})), mountPath: '/secret/$$gcp/' }, EXPANDED_MOUNT_PATH],
    ['a mountPath with "$(NAME)"', { key: GcpServiceAccountKey.fromJson(keyJson({})), mountPath: '/secret/$(NB_PREFIX)/' }, EXPANDED_MOUNT_PATH],
    ['a mountPath with "$" before a non-ASCII character', { key: GcpServiceAccountKey.fromJson(keyJson({})), mountPath: '/secret/$é/' }, EXPANDED_MOUNT_PATH],
  ];

  test.each(cases)('%s', (_what, props, message) => {
    // GIVEN a chart
    const chart = userChart();
    // WHEN the construct is given bad input THEN it throws the library's error with the exact message,
    // naming no value of the key and leaving nothing half-built in the tree
    expectRejected(chart, 'gcs', () => new GcsCredentials(chart, 'gcs', props as GcsCredentialsProps), message,
      [...SECRETS, 'fake-client-secret-0000', 'fake-refresh-0000']);
  });

  test('docs/constructs.md\'s table of its errors quotes each as the library words it', () => {
    // GIVEN the inputs above, and the ones only the table names
    const more: Array<Partial<GcsCredentialsProps>> = [
      { key: GcpServiceAccountKey.fromFile('a'.repeat(300)) },
      { key: GcpServiceAccountKey.fromFile(fixture('.')) },
      { key: GcpServiceAccountKey.fromExistingSecret('User_GCP') },
    ];
    const messages = [...cases.map(([, props]) => props), ...more].map(props => thrownMessage(() => new GcsCredentials(userChart(), 'gcs', props as GcsCredentialsProps)));
    // WHEN the table's messages are matched with them THEN each is said; the one left is what root, who
    // runs CI, cannot provoke: EACCES, which lib/sources/source-file.ts words as "is not readable (permission denied)"
    expect(unsaidInErrorTable('| error (after `[path] key:`) | fix |', messages)).toEqual(['is not readable']);
  });
});

describe('GcsCredentials at the edges the property tests found', () => {
  const KEY_LINE = rsa.split('\n')[1];
  const keyText = (extra: string) =>
    `{"type":"service_account","client_email":"fake-sa@fake-project-0002.iam.gserviceaccount.com","token_uri":"https://oauth2.googleapis.com/token","private_key":${JSON.stringify(rsa)}${extra}}`;
  const { file } = scratchFiles('gcs-key-edges-');
  const gcs = (key: GcpServiceAccountKey) => (chart: Chart) => new GcsCredentials(chart, 'gcp-credentials', { key });

  describe('keys as google-auth reads them', () => {
    /** Whether python3's json module fails at each nesting depth, or undefined where python3 is absent. */
    function pythonJsonFailsAt(depths: number[]): boolean[] | undefined {
      const script = 'import json,sys\nfor d in map(int, sys.argv[1:]):\n  try:\n    json.loads("["*d+"]"*d); print("ok")\n  except RecursionError:\n    print("fails")';
      const run = spawnSync('python3', ['-c', script, ...depths.map(String)], { encoding: 'utf8' });
      if (run.error !== undefined || run.status !== 0) { return undefined; }
      return run.stdout.trim().split('\n').map(line => line === 'fails');
    }

    test('fromJson text with a lone surrogate is refused: UTF-8 would store U+FFFD, another key than the one given', () => {
      expectRefused(gcs(GcpServiceAccountKey.fromJson(keyText(',"client_id":"1\ud800"'))),
        '[test/gcp-credentials] key: the key is not valid Unicode (it holds half of a UTF-16 surrogate pair): give the key file\'s content as read from the file', [KEY_LINE]);
    });

    test('a key nested deeper than Python\'s json module reads is refused, from a file and in memory, since google-auth (so gcsfs) fails on it', () => {
      // GIVEN keys with an extra field nested 501 and 1000 levels deep, and the 500 the check allows
      const nested = (depth: number) => keyText(`,"x":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}`);
      const message = (what: string) => `[test/gcp-credentials] key: ${what} is nested more than 500 levels deep, and Python's json module (and so google-auth) fails at its recursion limit, near 1000: a key file is one level deep, remove the nested field`;
      // THEN the deep ones are refused, from a file and in memory, and the other is accepted
      expectRefused(gcs(GcpServiceAccountKey.fromJson(nested(501))), message('the key'), [KEY_LINE]);
      expectRefused(gcs(GcpServiceAccountKey.fromFile(file('deep-key.json', nested(1000)))), message('the file'), [KEY_LINE]);
      expect(buildOrReject(gcs(GcpServiceAccountKey.fromJson(nested(500))), [KEY_LINE]).ok).toBe(true);
      // AND brackets inside strings do not count
      expect(buildOrReject(gcs(GcpServiceAccountKey.fromJson(keyText(`,"x":"${'['.repeat(2000)}\\"${'{'.repeat(2000)}"`))), [KEY_LINE]).ok).toBe(true);
    });

    test('python3\'s json module reads the 500 levels the check allows and fails at 1000', () => {
      const fails = pythonJsonFailsAt([500, 1000]);
      if (fails === undefined) {
        console.log('SKIPPED: python3 is not on this machine: the nesting limit is not compared with Python\'s json module');
        return;
      }
      expect(fails).toEqual([false, true]);
    });
  });

  describe('key files', () => {
    const VALID = keyText('');
    test('a key file of exactly 1 MiB is read whole and stored unchanged', () => {
      // GIVEN a key file of 1048576 bytes
      const head = keyText(',"padding":"');
      const content = `${head.slice(0, -1)}${'a'.repeat(1024 * 1024 - head.length - 1)}"}`;
      expect(Buffer.byteLength(content)).toBe(1024 * 1024);
      // WHEN it is used THEN the Secret holds it byte for byte
      const outcome = buildOrReject(gcs(GcpServiceAccountKey.fromFile(file('one-mib-key.json', content))), [KEY_LINE]);
      expect(outcome.ok).toBe(true);
      if (outcome.ok) { expect(storedBytes(outcome.manifests, 'user-gcp-sa.json')!.toString('utf8')).toBe(content); }
    });

    test.each([
      ['an empty file', () => file('empty-key.json', ''),
        'is not valid JSON: create a key with "gcloud iam service-accounts keys create" and give that file'],
      ['a 10 MB file', () => file('big-key.json', keyText(`,"padding":"${'a'.repeat(10 * 1024 * 1024)}"`)),
        'is larger than 1 MiB, more than a Kubernetes Secret holds: check the path, a credentials file is a few kilobytes'],
      ['a UTF-16 file', () => file('utf16-key.json', Buffer.from(`\ufeff${VALID}`, 'utf16le')), 'is not UTF-8 text: save it as UTF-8'],
      ['a Latin-1 file', () => file('latin1-key.json', Buffer.from(keyText(',"x":"caf\u00e9"'), 'latin1')), 'is not UTF-8 text: save it as UTF-8'],
      ['a file with a BOM', () => file('bom-key.json', `\ufeff${VALID}`),
        'starts with a byte-order mark, which Python\'s json module (and so google-auth) refuses: save it as UTF-8 without a BOM'],
      ['an endless device', () => '/dev/zero',
        'is larger than 1 MiB, more than a Kubernetes Secret holds: check the path, a credentials file is a few kilobytes'],
    ])('%s is refused', (_what, make, problem) => {
      expectRefused(gcs(GcpServiceAccountKey.fromFile(make())), `[test/gcp-credentials] key: the file ${problem}`, [KEY_LINE]);
    });

    test('a key file with CRLF line ends is accepted and stored unchanged', () => {
      const content = JSON.stringify(JSON.parse(VALID), null, 2).replace(/\n/g, '\r\n');
      const outcome = buildOrReject(gcs(GcpServiceAccountKey.fromFile(file('crlf-key.json', content))), [KEY_LINE]);
      expect(outcome.ok).toBe(true);
      if (outcome.ok) { expect(storedBytes(outcome.manifests, 'user-gcp-sa.json')!.toString('utf8')).toBe(content); }
    });
  });
});
