import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { AwsCredentials, AwsFileCredentials, AwsFileCredentialsProps, SecretStoreRef } from '../../lib';
import { expectGolden, expectRejected, fixture, secretAndPodDefault, synthAccess, thrownMessage, unsaidInErrorTable, userChart } from '../support';
import { buildOrReject, expectRefused, scratchFiles, storedBytes } from '../fuzz';

const FAKE_SECRET = 'fake-secret-key-0000';
const keys = { accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET };

const synthAws = (props: AwsFileCredentialsProps, id = 'aws-credentials'): [any, any] => synthAccess(chart => new AwsFileCredentials(chart, id, props));

const decode = (data: string) => Buffer.from(data, 'base64').toString('utf8');

describe('AwsFileCredentials golden output', () => {
  test('with the tutorial names it synthesises the tutorial Secret and PodDefault, selector fixed', () => {
    // GIVEN the tutorial's names and a credentials file
    const app = Testing.app();
    // WHEN
    new AwsFileCredentials(userChart(app), 'aws-credentials', {
      credentials: AwsCredentials.fromFile(fixture('aws-credentials')),
      volumeName: 'aws-secret-volume',
      mountPath: '/home/kubeflow/.aws/',
    });
    // THEN the selector is aws-credentials, not the tutorial's copy-pasted docker-config
    expectGolden(app, 'aws-file-tutorial');
  });

  test('fromKeys with defaults only', () => {
    const app = Testing.app();
    new AwsFileCredentials(userChart(app), 'AwsCredentials', { credentials: AwsCredentials.fromKeys(keys) });
    expectGolden(app, 'aws-file-defaults');
  });

  test('fromProfiles with a region on one profile and the construct region for the other', () => {
    const app = Testing.app();
    new AwsFileCredentials(userChart(app), 'aws-credentials', {
      credentials: AwsCredentials.fromProfiles([
        keys,
        { profile: 'staging', accessKeyId: 'AKIAFAKEFAKEFAKE0001', secretAccessKey: 'fake-secret-key-0001', sessionToken: 'fake-session-token-0001', region: 'eu-central-1' },
      ]),
      region: 'us-east-1',
    });
    expectGolden(app, 'aws-file-profiles-region');
  });

  test('fromExistingSecret with a different key', () => {
    const app = Testing.app();
    new AwsFileCredentials(userChart(app), 'aws-credentials', {
      credentials: AwsCredentials.fromExistingSecret('team-aws', 'aws-credentials'),
    });
    expectGolden(app, 'aws-file-existing-secret');
  });
});

describe('AwsFileCredentials values', () => {
  test('the Secret data is the base64 of the file bytes, as kubectl --from-file writes it', () => {
    // GIVEN
    const file = fixture('aws-credentials');
    // WHEN
    const [secret, podDefault] = synthAws({ credentials: AwsCredentials.fromFile(file) });
    // THEN
    expect(secret.data).toEqual({ credentials: readFileSync(file).toString('base64') });
    expect(secret.type).toBe('Opaque');
    expect(secret).not.toHaveProperty('stringData');
    expect(secret).not.toHaveProperty('immutable');
    expect(podDefault.spec.selector).toEqual({ matchLabels: { 'aws-credentials': 'true' } });
  });

  test('a file with a byte-order mark and CRLF line ends is accepted and stored without the byte-order mark', () => {
    // GIVEN a file saved on Windows, with a byte-order mark, CRLF line ends and a region on its second profile
    const file = fixture('aws-credentials-windows');
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // WHEN
    const [secret] = synthAws({ credentials: AwsCredentials.fromFile(file) });
    // THEN its bytes are in the Secret but for the byte-order mark, which Python's configparser (and so
    // boto3) cannot read; CRLF stays, and the region goes to the config file
    expect(Buffer.from(secret.data.credentials, 'base64').equals(bytes.subarray(3))).toBe(true);
    expect(decode(secret.data.credentials)).toContain('\r\n');
    expect(decode(secret.data.config)).toBe('[profile minio]\nregion = eu-west-1\n');
  });

  test('only a leading byte-order mark is dropped: one later in the file is a broken line', () => {
    // GIVEN a file whose second header starts with a byte-order mark
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'aws-bom-')), 'credentials');
    writeFileSync(file, `[default]\naws_access_key_id = A\naws_secret_access_key = ${FAKE_SECRET}\n\ufeff[dev]\n`);
    // WHEN it is used THEN it is rejected by line number, without the secret
    expect(() => synthAws({ credentials: AwsCredentials.fromFile(file) })).toThrow(
      `[test/aws-credentials] credentials: the file line 4 is not a "[profile]" header, a "key = value" or "key: value" setting, or a comment: fix or remove it`);
  });

  test('a file with "key: value" settings is read as configparser reads it, and stored unchanged', () => {
    // GIVEN a file that separates keys from values with ":", as configparser allows
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'aws-colon-')), 'credentials');
    const content = `[default]\naws_access_key_id: A\naws_secret_access_key: ${FAKE_SECRET}\nregion: eu-west-1\n`;
    writeFileSync(file, content);
    // WHEN
    const [secret] = synthAws({ credentials: AwsCredentials.fromFile(file) });
    // THEN the file is stored as it is, and its region is found
    expect(decode(secret.data.credentials)).toBe(content);
    expect(decode(secret.data.config)).toBe('[default]\nregion = eu-west-1\n');
  });

  test('the construct region writes a config for every profile of a file that has no region of its own', () => {
    const [secret] = synthAws({ credentials: AwsCredentials.fromFile(fixture('aws-credentials-profiles')), region: 'us-west-2' });
    expect(decode(secret.data.config)).toBe('[default]\nregion = us-west-2\n\n[profile staging]\nregion = eu-central-1\n');
  });

  test('fromKeys renders the credentials file, and without a region no config', () => {
    const [secret] = synthAws({ credentials: AwsCredentials.fromKeys({ ...keys, sessionToken: 'fake-session-token-0000', profile: 'ml' }) });
    expect(Object.keys(secret.data)).toEqual(['credentials']);
    expect(decode(secret.data.credentials)).toBe(
      '[ml]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = fake-secret-key-0000\naws_session_token = fake-session-token-0000\n');
  });

  test('fromKeys with a region writes the config file beside the credentials', () => {
    const [secret, podDefault] = synthAws({ credentials: AwsCredentials.fromKeys({ ...keys, region: 'eu-west-1' }) });
    expect(decode(secret.data.config)).toBe('[default]\nregion = eu-west-1\n');
    // the whole Secret is mounted, so both files land in ~/.aws/
    expect(podDefault.spec.volumes).toEqual([{ name: 'aws-credentials-volume', secret: { secretName: 'aws-credentials' } }]);
  });

  test('an existing Secret with the default key is mounted whole, and gets no Secret object', () => {
    const chart = userChart();
    const access = new AwsFileCredentials(chart, 'aws', { credentials: AwsCredentials.fromExistingSecret('aws-secret') });
    expect(access.secret).toBeUndefined();
    expect(access.secretName).toBe('aws-secret');
    const [, podDefault] = secretAndPodDefault(Testing.synth(chart));
    expect(podDefault.spec.volumes).toEqual([{ name: 'aws-volume', secret: { secretName: 'aws-secret' } }]);
    expect(podDefault.spec.volumeMounts).toEqual([{ name: 'aws-volume', mountPath: '/home/jovyan/.aws/' }]);
  });

  test('attributes name the PodDefault, the Secret and the selector labels', () => {
    const chart = userChart();
    const access = new AwsFileCredentials(chart, 'S3Creds', { credentials: AwsCredentials.fromKeys(keys), secretName: 's3' });
    expect([access.name, access.namespace, access.secretName]).toEqual(['s3-creds', 'user', 's3']);
    expect(access.selectorLabels).toEqual({ 's3-creds': 'true' });
    expect(access.secret).toBeDefined();
    expect(access.podDefault.name).toBe('s3-creds');
  });

  test('a file is read when the construct is created, not when the source is', () => {
    // GIVEN a source for a file that does not exist yet
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'aws-late-')), 'credentials');
    const credentials = AwsCredentials.fromFile(file);
    // WHEN the file appears before the construct is created
    writeFileSync(file, readFileSync(fixture('aws-credentials')));
    // THEN the construct reads it
    const [secret] = synthAws({ credentials });
    expect(secret.data.credentials).toBe(readFileSync(file).toString('base64'));
  });
});

const dir = mkdtempSync(path.join(tmpdir(), 'aws-access-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('AwsFileCredentials rejects bad input', () => {
  const malformed = file('malformed', `[default]\naws_access_key_id = A\n${FAKE_SECRET}\n`);
  const empty = file('empty', '');
  const noSecret = file('no-secret', '[default]\naws_access_key_id = A\n');
  const duplicate = file('duplicate', `[default]\naws_access_key_id = A\naws_secret_access_key = ${FAKE_SECRET}\n[default]\n`);
  const emptyValue = file('empty-value', '[default]\naws_access_key_id = A\naws_secret_access_key = \n');
  const continued = file('continued', `[default]\naws_access_key_id = A\n  aws_secret_access_key = ${FAKE_SECRET}\n`);
  const spacedHeader = file('spaced-header', `[ default ]\naws_access_key_id = A\naws_secret_access_key = ${FAKE_SECRET}\n`);
  const pastedHeader = file('pasted-header', `[default]\naws_access_key_id = A\naws_secret_access_key = B\n[${FAKE_SECRET}]\n`);
  const cases: Array<[string, Partial<AwsFileCredentialsProps>, string]> = [
    ['a missing file', { credentials: AwsCredentials.fromFile('/nonexistent/credentials') },
      '[test/aws-credentials] credentials: the path does not exist: give the path of a readable file (relative to the current directory), or the content itself to AwsCredentials.fromKeys (or fromProfiles); the path is not shown, since it may be a credential given in its place'],
    ['a directory', { credentials: AwsCredentials.fromFile(dir) },
      `[test/aws-credentials] credentials: the path is a directory, not a file: give the path of a readable file (relative to the current directory), or the content itself to AwsCredentials.fromKeys (or fromProfiles); the path is not shown, since it may be a credential given in its place`],
    ['an empty file', { credentials: AwsCredentials.fromFile(empty) },
      `[test/aws-credentials] credentials: the file holds no profile: add a "[default]" header followed by aws_access_key_id and aws_secret_access_key`],
    ['a malformed line', { credentials: AwsCredentials.fromFile(malformed) },
      `[test/aws-credentials] credentials: the file line 3 is not a "[profile]" header, a "key = value" or "key: value" setting, or a comment: fix or remove it`],
    ['a profile without a secret key', { credentials: AwsCredentials.fromFile(noSecret) },
      `[test/aws-credentials] credentials: the file has a profile at line 1 without aws_secret_access_key: add it, or remove the profile`],
    ['a duplicate profile', { credentials: AwsCredentials.fromFile(duplicate) },
      `[test/aws-credentials] credentials: the file line 4: the profile of line 1 appears again: give each profile once`],
    ['an empty value', { credentials: AwsCredentials.fromFile(emptyValue) },
      `[test/aws-credentials] credentials: the file line 3: aws_secret_access_key in the profile of line 1 is empty: give a value or remove the line`],
    ['an indented line that configparser appends to the line before', { credentials: AwsCredentials.fromFile(continued) },
      `[test/aws-credentials] credentials: the file line 3 is indented, which AWS tools read as the continuation of the previous line's value: remove the indentation`],
    ['spaces inside a header\'s brackets', { credentials: AwsCredentials.fromFile(spacedHeader) },
      `[test/aws-credentials] credentials: the file line 1: the profile name has spaces inside the brackets, which AWS tools keep as part of the name: write "[NAME]"`],
    ['a pasted key as a header without keys', { credentials: AwsCredentials.fromFile(pastedHeader) },
      `[test/aws-credentials] credentials: the file has a profile at line 4 without aws_access_key_id and aws_secret_access_key: add them, or remove the profile`],
    ['a key with a control character', { credentials: AwsCredentials.fromKeys({ ...keys, secretAccessKey: `${FAKE_SECRET}\u0003` }) },
      '[test/aws-credentials] credentials: profile "default": secretAccessKey contains a control character: check what was pasted'],
    ['a key with a trailing newline', { credentials: AwsCredentials.fromKeys({ ...keys, secretAccessKey: `${FAKE_SECRET}\n` }) },
      '[test/aws-credentials] credentials: profile "default": secretAccessKey contains a line break (often from "echo" without -n or a file\'s last newline): remove it'],
    ['a key with surrounding whitespace', { credentials: AwsCredentials.fromKeys({ ...keys, secretAccessKey: ` ${FAKE_SECRET}` }) },
      '[test/aws-credentials] credentials: profile "default": secretAccessKey has leading or trailing whitespace: remove it'],
    ['an empty access key ID', { credentials: AwsCredentials.fromKeys({ ...keys, accessKeyId: '' }) },
      '[test/aws-credentials] credentials: profile "default": accessKeyId is empty: give a non-empty value'],
    ['a token with a newline', { credentials: AwsCredentials.fromKeys({ ...keys, sessionToken: `${FAKE_SECRET}\n` }) },
      '[test/aws-credentials] credentials: profile "default": sessionToken contains a line break (often from "echo" without -n or a file\'s last newline): remove it'],
    ['a profile region that is not a region', { credentials: AwsCredentials.fromKeys({ ...keys, region: 'Frankfurt' }) },
      '[test/aws-credentials] credentials: profile "default": region is not a region name (lower-case letters, digits and "-"): give a region code such as "us-east-1"'],
    ['an invalid profile name', { credentials: AwsCredentials.fromKeys({ ...keys, profile: 'my profile' }) },
      '[test/aws-credentials] credentials: profile has a space at character 3; a profile name is letters, digits, "-", "_", ".", "@" and "+": rename it'],
    ['the same profile twice', { credentials: AwsCredentials.fromProfiles([keys, { ...keys, profile: 'default' }]) },
      '[test/aws-credentials] credentials: profile "default" is given twice: give each profile once'],
    ['no profiles', { credentials: AwsCredentials.fromProfiles([]) },
      '[test/aws-credentials] credentials: no profile given: pass at least one profile'],
    ['no credentials', {},
      '[test/aws-credentials] credentials: is missing: give the credentials, such as AwsCredentials.fromFile("credentials")'],
    ['a construct region that is not a region', { credentials: AwsCredentials.fromKeys(keys), region: 'us_east_1' },
      '[test/aws-credentials] region: is not a region name (lower-case letters, digits and "-"): give a region code such as "us-east-1"'],
    ['a region with an existing Secret', { credentials: AwsCredentials.fromExistingSecret('aws-secret'), region: 'us-east-1' },
      '[test/aws-credentials] region: only applies to a synthesised Secret, but the source is an existing Secret: leave region out, and put an AWS config file under the key "config" of that Secret'],
    ['a region with an existing Secret of a key of its own, mounted alone', { credentials: AwsCredentials.fromExistingSecret('aws-secret', 'creds'), region: 'us-east-1' },
      '[test/aws-credentials] region: only applies to a synthesised Secret, but the source is an existing Secret of which only the key given to fromExistingSecret is mounted (as credentials), '
      + 'so no config file of it would reach the notebook: leave region out, and keep that Secret\'s file under the key "credentials", an AWS config file under the key "config", and no key in fromExistingSecret'],
    ['an invalid existing Secret name', { credentials: AwsCredentials.fromExistingSecret('AWS_Secret') },
      '[test/aws-credentials] credentials: the existing Secret name has an upper-case letter at character 1; a Secret name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters): give the name of the Secret as kubectl shows it'],
    ['an invalid existing Secret key', { credentials: AwsCredentials.fromExistingSecret('aws-secret', 'aws credentials') },
      '[test/aws-credentials] credentials: the key of the existing Secret has a space at character 4; a Secret key is letters, digits, "-", "_" and ".", at most 253 characters, neither "." alone nor starting with "..": give the key the Secret holds'],
    ['secretName with an existing Secret', { credentials: AwsCredentials.fromExistingSecret('aws-secret'), secretName: 'x' },
      '[test/aws-credentials] secretName: only applies to a synthesised Secret, but the source is an existing Secret: leave secretName out and name the Secret in fromExistingSecret'],
    ['immutable with an existing Secret', { credentials: AwsCredentials.fromExistingSecret('aws-secret'), immutable: true },
      '[test/aws-credentials] immutable: only applies to a synthesised Secret, but the source is an existing Secret: leave immutable out'],
    ['a relative mountPath', { credentials: AwsCredentials.fromKeys(keys), mountPath: '.aws' },
      '[test/aws-credentials] mountPath: is not an absolute path (it does not start with "/"); a directory to mount at is an absolute path without ".." segments, control characters (such as a line break or a tab), "\\" or whitespace at its end: give a directory such as "/home/jovyan/.aws/"'],
    ['an invalid volumeName', { credentials: AwsCredentials.fromKeys(keys), volumeName: 'aws_volume' },
      '[test/aws-credentials] volumeName: has "_" at character 4; a volume name is a DNS-1123 label (lower-case letters, digits and "-", starting and ending with a letter or digit, at most 63 characters), which the api server requires of a volume in a pod: set volumeName to one'],
  ];

  test.each(cases)('%s', (_what, props, message) => {
    // GIVEN a chart
    const chart = userChart();
    // WHEN the construct is given bad input THEN it throws the library's error with the exact message,
    // naming no secret and leaving nothing half-built in the tree
    expectRejected(chart, 'aws-credentials', () => new AwsFileCredentials(chart, 'aws-credentials', props as AwsFileCredentialsProps), message, [FAKE_SECRET]);
  });

  test('docs/constructs.md\'s table of its errors quotes each as the library words it', () => {
    // GIVEN the inputs above, and the ones only the table names
    const more: Array<Partial<AwsFileCredentialsProps>> = [
      { credentials: AwsCredentials.fromFile('a'.repeat(300)) },
      { credentials: AwsCredentials.fromFile(file('no-header', `aws_access_key_id = A\naws_secret_access_key = ${FAKE_SECRET}\n`)) },
      { credentials: AwsCredentials.fromFile(file('config-header', `[profile dev]\naws_access_key_id = A\naws_secret_access_key = ${FAKE_SECRET}\n`)) },
      { credentials: AwsCredentials.fromFile(file('key-twice', `[default]\naws_access_key_id = A\naws_access_key_id = B\naws_secret_access_key = ${FAKE_SECRET}\n`)) },
      { credentials: AwsCredentials.fromFile(file('bad-region', `[default]\naws_access_key_id = A\naws_secret_access_key = ${FAKE_SECRET}\nregion = Frankfurt\n`)) },
      { credentials: AwsCredentials.fromFile(file('commented-key', `[default]\naws_access_key_id = A # team\naws_secret_access_key = ${FAKE_SECRET}\n`)) },
      { credentials: AwsCredentials.fromKeys({ ...keys, profile: 'DEFAULT' }) },
      { credentials: AwsCredentials.fromKeys({ ...keys, secretAccessKey: 'fake secret' }) },
      { credentials: AwsCredentials.fromKeys({ ...keys, secretAccessKey: '' }) },
      { credentials: AwsCredentials.fromKeys({ ...keys, secretAccessKey: 42 as unknown as string }) },
    ];
    const messages = [...cases.map(([, props]) => props), ...more].map(props => thrownMessage(() => new AwsFileCredentials(userChart(), 'aws-credentials', props as AwsFileCredentialsProps)));
    // WHEN the table's messages are matched with them THEN each is said; the one left is what root, who
    // runs CI, cannot provoke: EACCES, which lib/sources/source-file.ts words as "is not readable (permission denied)"
    expect(unsaidInErrorTable('| error (after `[path] credentials:`) | fix |', messages)).toEqual(['is not readable']);
  });
});

describe('a credentials file given as text (the CLI\'s stdin)', () => {
  test('is stored and checked as fromFile stores and checks the file', () => {
    // GIVEN the text of a file, with a byte-order mark
    const text = readFileSync(fixture('aws-credentials'), 'utf8');
    const synth = (credentials: AwsCredentials) => {
      const chart = userChart();
      new AwsFileCredentials(chart, 'aws', { credentials });
      return Testing.synth(chart);
    };
    // WHEN THEN the same objects as from the file
    expect(synth(AwsCredentials._fromFileText(`\ufeff${text}`, 'stdin'))).toEqual(synth(AwsCredentials.fromFile(fixture('aws-credentials'))));
    // AND a broken file is named as the caller named it
    expect(() => synth(AwsCredentials._fromFileText('[default]\n', 'stdin'))).toThrow(
      '[test/aws] credentials: stdin has a profile at line 1 without aws_access_key_id and aws_secret_access_key: add them, or remove the profile');
  });
});

describe('AwsFileCredentials at the edges the property tests found', () => {
  const SECRET = 'SeCrEtRegression00000000000000';
  const KEY_ID = 'FAKEACCESSKEYID00000';
  const VALID_INI = `[default]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n`;
  const { file: edgeFile } = scratchFiles('aws-file-edges-');
  const awsFile = (credentials: AwsCredentials) => (chart: Chart) => new AwsFileCredentials(chart, 'aws-credentials', { credentials });
  const refused = (build: (chart: Chart) => unknown, message: string | RegExp) => expectRefused(build, message, [SECRET]);

  test('a secret key with the escape sequence a terminal pastes is refused as a control character', () => {
    refused(awsFile(AwsCredentials.fromKeys({ accessKeyId: KEY_ID, secretAccessKey: `\u001b[200~${SECRET}` })),
      '[test/aws-credentials] credentials: profile "default": secretAccessKey contains a control character: check what was pasted');
  });

  test('a 10 MB file is refused as larger than a Secret holds', () => {
    const big = edgeFile('big-credentials', `# ${'x'.repeat(10 * 1024 * 1024)}\n${VALID_INI}`);
    refused(awsFile(AwsCredentials.fromFile(big)),
      '[test/aws-credentials] credentials: the file is larger than 1 MiB, more than a Kubernetes Secret holds: check the path, a credentials file is a few kilobytes');
  });

  test('a Latin-1 file is refused', () => {
    refused(awsFile(AwsCredentials.fromFile(edgeFile('latin1', Buffer.from(`# caf\u00e9\n${VALID_INI}`, 'latin1')))),
      '[test/aws-credentials] credentials: the file is not UTF-8 text: save it as UTF-8');
  });

  test.each([
    ['CRLF', VALID_INI.replace(/\n/g, '\r\n')],
    ['a BOM', `\ufeff${VALID_INI}`],
    ['a BOM and CRLF', `\ufeff${VALID_INI.replace(/\n/g, '\r\n')}`],
    ['no final newline', VALID_INI.trimEnd()],
  ])('a file with %s is accepted and stored unchanged, but for a leading BOM', (_what, content) => {
    // GIVEN a well-formed file WHEN it is used
    const outcome = buildOrReject(awsFile(AwsCredentials.fromFile(edgeFile('credentials', content))), [SECRET]);
    // THEN the Secret holds its bytes without the BOM, which Python's configparser (and so boto3) cannot read
    expect(outcome.ok).toBe(true);
    if (outcome.ok) { expect(storedBytes(outcome.manifests, 'credentials')!.equals(Buffer.from(content.replace(/^\ufeff/, '')))).toBe(true); }
  });
});

// What the notebook's botocore (boto3, s3fs, the AWS CLI) reads from the Secret mounted at ~/.aws/: each
// profile's keys, token and region, by botocore 1.43.11 on this machine with the Secret's files as
// AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE.
describe('AwsFileCredentials as botocore reads the files it writes', () => {
  const PROBE = `
import json, os, sys
import botocore.session
directory, profiles = sys.argv[1], json.loads(sys.argv[2])
for name in [n for n in os.environ if n.startswith('AWS_')]:
    del os.environ[name]
os.environ['AWS_SHARED_CREDENTIALS_FILE'] = os.path.join(directory, 'credentials')
os.environ['AWS_CONFIG_FILE'] = os.path.join(directory, 'config')
result = {}
for profile in profiles:
    session = botocore.session.Session(profile=profile)
    credentials = session.get_credentials()
    result[profile] = [credentials.access_key, credentials.secret_key, credentials.token, session.get_config_variable('region')]
print(json.dumps(result))
`;
  const hasBotocore = spawnSync('python3', ['-c', 'import botocore'], { encoding: 'utf8' }).status === 0;
  const { file: scratch } = scratchFiles('aws-file-botocore-');

  /** What botocore reads for each profile from the Secret `props` synthesise. */
  function botocoreReads(props: AwsFileCredentialsProps, profiles: string[]): Record<string, (string | null)[]> {
    const [secret] = synthAws(props);
    const directory = mkdtempSync(path.join(tmpdir(), 'aws-home-'));
    for (const [key, value] of Object.entries<string>(secret.data)) { writeFileSync(path.join(directory, key), Buffer.from(value, 'base64')); }
    const run = spawnSync('python3', ['-c', PROBE, directory, JSON.stringify(profiles)], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout);
  }

  (hasBotocore ? test : test.skip)('keys, a session token with INI and interpolation characters, and the construct region', () => {
    const token = 'fake-token%(x)s;#=/+0000';
    expect(botocoreReads({ credentials: AwsCredentials.fromKeys({ ...keys, sessionToken: token }), region: 'eu-west-1' }, ['default']))
      .toEqual({ default: [keys.accessKeyId, FAKE_SECRET, token, 'eu-west-1'] });
  });

  (hasBotocore ? test : test.skip)('profiles with their own regions and the construct region, and names botocore reads as written', () => {
    const credentials = AwsCredentials.fromProfiles([
      { profile: 'default', ...keys },
      { profile: 'team.a@b+1', ...keys, region: 'us-west-2' },
      { profile: 'profile', ...keys },
    ]);
    expect(botocoreReads({ credentials, region: 'eu-west-1' }, ['default', 'team.a@b+1', 'profile'])).toEqual({
      'default': [keys.accessKeyId, FAKE_SECRET, null, 'eu-west-1'],
      'team.a@b+1': [keys.accessKeyId, FAKE_SECRET, null, 'us-west-2'],
      'profile': [keys.accessKeyId, FAKE_SECRET, null, 'eu-west-1'],
    });
  });

  (hasBotocore ? test : test.skip)('a file with [DEFAULT], a name holding ";" and "#", and a profile with spaces and a region of its own', () => {
    const credentials = AwsCredentials.fromFile(scratch('credentials', [
      '[DEFAULT]', 'region = ap-south-1',
      '[default]', `aws_access_key_id = ${keys.accessKeyId}`, `aws_secret_access_key = ${FAKE_SECRET}`,
      '[a;b#c]', `aws_access_key_id = ${keys.accessKeyId}`, `aws_secret_access_key = ${FAKE_SECRET}`, 'region = sa-east-1',
      '[team a]', `aws_access_key_id = ${keys.accessKeyId}`, `aws_secret_access_key = ${FAKE_SECRET}`, 'region = eu-north-1', ''].join('\n')));
    expect(botocoreReads({ credentials, region: 'us-east-2' }, ['default', 'a;b#c', 'team a'])).toEqual({
      'default': [keys.accessKeyId, FAKE_SECRET, null, 'ap-south-1'],
      'a;b#c': [keys.accessKeyId, FAKE_SECRET, null, 'sa-east-1'],
      'team a': [keys.accessKeyId, FAKE_SECRET, null, 'eu-north-1'],
    });
  });

  (hasBotocore ? test : test.skip)('a profile name with a space gets no region from a config file: botocore drops the section "[profile team a]"', () => {
    // GIVEN the config file the construct would write for such a profile
    const directory = mkdtempSync(path.join(tmpdir(), 'aws-home-'));
    writeFileSync(path.join(directory, 'credentials'), `[team a]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${FAKE_SECRET}\n`);
    writeFileSync(path.join(directory, 'config'), '[profile team a]\nregion = us-east-2\n');
    // WHEN botocore reads it THEN the region is lost, which is why the construct refuses it (below)
    const run = spawnSync('python3', ['-c', PROBE, directory, JSON.stringify(['team a'])], { encoding: 'utf8' });
    expect(JSON.parse(run.stdout)).toEqual({ 'team a': [keys.accessKeyId, FAKE_SECRET, null, null] });
  });

  test.each(['team a', 'team\ta', 'o\'brien', 'say"hi', 'back\\slash'])('the construct region for a profile %j of a file, which has none of its own, is refused', name => {
    const credentials = AwsCredentials.fromFile(scratch('credentials', `[${name}]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${FAKE_SECRET}\n`));
    expectRefused(chart => new AwsFileCredentials(chart, 'aws-credentials', { credentials, region: 'us-east-2' }),
      `[test/aws-credentials] region: would be written for profile 1 of the credentials (in their order) in the config file, under a header "[profile NAME]" that botocore cannot read, `
      + 'since the name holds a space, a tab, a quote or a backslash: rename the profile, or give it a region line of its own in the credentials file', [FAKE_SECRET]);
  });

  (hasBotocore ? test : test.skip)('a comment after a key is part of the key botocore signs with, so such a file is refused', () => {
    // GIVEN a hand-written file with a comment after each key
    const text = `[default]\naws_access_key_id = ${keys.accessKeyId}  # team key\naws_secret_access_key = ${FAKE_SECRET} ; rotated\n`;
    const directory = mkdtempSync(path.join(tmpdir(), 'aws-home-'));
    writeFileSync(path.join(directory, 'credentials'), text);
    // WHEN botocore reads it THEN the comments are in the keys
    const run = spawnSync('python3', ['-c', PROBE, directory, JSON.stringify(['default'])], { encoding: 'utf8' });
    expect(JSON.parse(run.stdout)).toEqual({ default: [`${keys.accessKeyId}  # team key`, `${FAKE_SECRET} ; rotated`, null, null] });
    // AND the construct refuses the file, by line
    expectRefused(chart => new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromFile(scratch('commented', text)) }),
      '[test/aws-credentials] credentials: the file line 2: aws_access_key_id in the profile of line 1 holds "#" or ";" after a space, which AWS tools read as part of the value, '
      + 'not as a comment: put the comment on a line of its own', [FAKE_SECRET]);
  });

  (hasBotocore ? test : test.skip)('a profile named "DEFAULT" is no profile to botocore, and lends its keys to every other: refused', () => {
    // GIVEN the file fromProfiles would write for [default] and a profile "DEFAULT" with a session token
    const directory = mkdtempSync(path.join(tmpdir(), 'aws-home-'));
    writeFileSync(path.join(directory, 'credentials'), `[default]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${FAKE_SECRET}\n\n`
      + `[DEFAULT]\naws_access_key_id = AKIAFAKEOTHER0000000\naws_secret_access_key = fake-other-0000\naws_session_token = fake-token-0000\n`);
    // WHEN botocore reads it THEN [default] carries the other profile's session token
    const run = spawnSync('python3', ['-c', PROBE, directory, JSON.stringify(['default'])], { encoding: 'utf8' });
    expect(JSON.parse(run.stdout)).toEqual({ default: [keys.accessKeyId, FAKE_SECRET, 'fake-token-0000', null] });
    // AND the construct refuses such a profile, from keys and from a store
    const refusal = 'profile is "DEFAULT", which AWS tools read as the section whose keys every profile inherits, not as a profile: name it otherwise, such as "default"';
    expectRefused(chart => new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromKeys({ ...keys, profile: 'DEFAULT' }) }),
      `[test/aws-credentials] credentials: ${refusal}`, [FAKE_SECRET]);
    expectRefused(chart => new AwsFileCredentials(chart, 'aws-credentials', {
      credentials: AwsCredentials.fromSecretStoreKeys({ store: SecretStoreRef.namespaced('vault'), accessKeyId: { key: 'a' }, secretAccessKey: { key: 's' }, profile: 'DEFAULT' }),
    }), `[test/aws-credentials] credentials: ${refusal}`, [FAKE_SECRET]);
  });

  test('a secret key ending in U+0085, which botocore strips as whitespace, is refused', () => {
    // botocore read "fake-secret-key-0000" from a file written with "fake-secret-key-0000\u0085": another key.
    expectRefused(chart => new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromKeys({ ...keys, secretAccessKey: `${FAKE_SECRET}\u0085` }) }),
      '[test/aws-credentials] credentials: profile "default": secretAccessKey contains a control character: check what was pasted', [FAKE_SECRET]);
  });
});

test('a "name" from JavaScript, which is no field of a profile, does not rename it: the profile is "profile" or "default"', () => {
  // GIVEN a profile given with name (from JavaScript) rather than profile
  const [secret] = synthAws({ credentials: AwsCredentials.fromProfiles([{ ...keys, name: 'team-a' } as any]) });
  // THEN the file holds the default profile
  expect(decode(secret.data.credentials)).toBe(`[default]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${FAKE_SECRET}\n`);
});
