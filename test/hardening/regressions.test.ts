// One test per defect the property-based tests found, named after the defect, plus the edge files
// the hardening issue names (empty, 10 MB, CRLF, BOM, non-UTF-8, deeply nested and very long JSON).
import { App, Chart } from 'cdk8s';
import {
  AwsCredentials, AwsEnvConfiguration, AwsFileCredentials, DockerConfig, DockerRegistryAccess, MinioCredentials, MinioDefault,
  NotebookAccess, S3Configuration,
} from '../../lib';
import { secretOf, userChart } from '../support';
import { buildOrReject, expectRefused, filesAfter, scratchFiles } from '../fuzz';

const SECRET = 'SeCrEtRegression00000000000000';
const KEY_ID = 'FAKEACCESSKEYID00000';
const { file } = scratchFiles('hardening-regressions-');
const VALID_CONFIG = JSON.stringify({ auths: { 'ghcr.io': { username: 'fake-user', password: SECRET } } });
const VALID_INI = `[default]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n`;
const docker = (config: DockerConfig) => (chart: Chart) => new DockerRegistryAccess(chart, 'docker-config', { config });
const awsFile = (credentials: AwsCredentials) => (chart: Chart) => new AwsFileCredentials(chart, 'aws-credentials', { credentials });

const expectRejected = (build: (chart: Chart) => unknown, message: string | RegExp) => expectRefused(build, message, [SECRET]);

describe('defects found by the property-based tests', () => {
  test('a registry named "__proto__" in fromLogin was dropped from config.json, leaving "auths" empty', () => {
    // GIVEN a login whose server is "__proto__"
    const outcome = buildOrReject(docker(DockerConfig.fromLogin({ server: '__proto__', username: 'fake-user', password: SECRET })), [SECRET]);
    // THEN the rendered config.json keeps it as a registry like any other
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) { return; }
    const config = JSON.parse(Buffer.from(secretOf(outcome.manifests).data['config.json'], 'base64').toString());
    expect(Object.keys(config.auths)).toEqual(['__proto__']);
  });

  test('a fromLogin password with a lone surrogate gave a config.json whose "auth" disagreed with its password', () => {
    expectRejected(docker(DockerConfig.fromLogin({ username: 'fake-user', password: `${SECRET}\ud800` })),
      '[test/docker-config] config: login for "https://index.docker.io/v1/": password is not valid Unicode (it holds half of a UTF-16 surrogate pair): remove the broken character');
  });

  test.each([
    ['arrays', (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`],
    ['objects', (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`],
  ])('config.json with %s nested 100000 deep overflowed the stack (RangeError) instead of an AccessError', (_what, nest) => {
    const json = `{"auths":{"ghcr.io":{"username":"fake-user","password":"${SECRET}"}},"x":${nest(100_000)}}`;
    expectRejected(docker(DockerConfig.fromJson(json)),
      '[test/docker-config] config: config.json "x" is nested more than 10000 levels deep, more than Docker\'s JSON parser reads: flatten it');
  });

  test('a newline deep inside config.json is still found, and its path named', () => {
    const json = `{"auths":{"ghcr.io":{"username":"fake-user","password":"${SECRET}"}},"x":${'['.repeat(5000)}"a\\n"${']'.repeat(5000)}}`;
    expectRejected(docker(DockerConfig.fromJson(json)), /^\[test\/docker-config\] config: config.json "x"(\[0\]){5000} ends in a newline/);
  });

  test('a PodDefault named "constructor" passed every check, then cdk8s failed to render its selector', () => {
    expectRejected(chart => new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromLogin({ username: 'u', password: SECRET }), name: 'constructor' }),
      '[test/docker-config] name: "constructor" is the one DNS label that cdk8s cannot render as a label key: set name to another one');
    expectRejected(chart => new AwsEnvConfiguration(chart, 'Constructor', { configuration: S3Configuration.fromValues({ accessKeyId: KEY_ID, secretAccessKey: SECRET }) }),
      '[test/Constructor] name: "constructor" is the one DNS label that cdk8s cannot render as a label key: set name to another one');
  });

  test('an AWS credentials file with a BOM was stored with it, and boto3 could not parse the Secret', () => {
    // GIVEN a file that starts with a UTF-8 byte-order mark WHEN it is used
    const outcome = buildOrReject(awsFile(AwsCredentials.fromFile(file('bom-credentials', `\ufeff${VALID_INI}`))), [SECRET]);
    // THEN the stored file starts with its header, as configparser needs
    expect(outcome.ok).toBe(true);
    if (outcome.ok) { expect(Buffer.from(secretOf(outcome.manifests).data.credentials, 'base64').toString('utf8')).toBe(VALID_INI); }
  });

  test('an indented secret key was accepted, though configparser appends it to the access key ID', () => {
    // GIVEN a profile whose second setting is indented further than the first
    const text = `[default]\naws_access_key_id = ${KEY_ID}\n  aws_secret_access_key = ${SECRET}\n`;
    // WHEN it is used THEN it is rejected by line number
    expectRejected(awsFile(AwsCredentials.fromFile(file('continued-credentials', text))),
      /^\[test\/aws-credentials\] credentials: the file line 3 is indented, which AWS tools read as the continuation of the previous line's value: remove the indentation$/);
  });

  test('"[ default ]" was read as the profile "default", though configparser names it " default "', () => {
    const text = `[ default ]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n`;
    expectRejected(awsFile(AwsCredentials.fromFile(file('spaced-credentials', text))),
      /^\[test\/aws-credentials\] credentials: the file line 1: the profile name has spaces inside the brackets, which AWS tools keep as part of the name: write "\[NAME\]"$/);
  });

  test('"key: value" was a malformed line, though configparser reads it as "key = value"', () => {
    // GIVEN a file with ":" as its delimiter WHEN it is read for S3 variables
    const text = `[default]\naws_access_key_id: ${KEY_ID}\naws_secret_access_key: ${SECRET}\n`;
    const outcome = buildOrReject(chart => new AwsEnvConfiguration(chart, 'aws-configuration', {
      configuration: S3Configuration.fromCredentialsFile(file('colon-credentials', text)),
    }), [SECRET]);
    // THEN the keys are those configparser reads
    expect(outcome.ok).toBe(true);
    if (outcome.ok) { expect(Buffer.from(secretOf(outcome.manifests).data.AWS_SECRET_ACCESS_KEY, 'base64').toString()).toBe(SECRET); }
  });

  test('a header that was a pasted key, with no keys under it, was named in the error', () => {
    // GIVEN a file whose last "profile" is a secret key in brackets
    const text = `${VALID_INI}[${SECRET}]\n`;
    // WHEN it is used THEN the profile is named by its line only
    expectRejected(awsFile(AwsCredentials.fromFile(file('pasted-header-credentials', text))),
      /^\[test\/aws-credentials\] credentials: the file the profile at line 4 has no aws_access_key_id and no aws_secret_access_key: add them, or remove the profile$/);
  });

  test('a control character in a key was accepted, by every AWS, S3 and MinIO source and by Docker logins', () => {
    // GIVEN keys with an escape sequence a terminal pasted WHEN each source is used THEN each rejects it
    const pasted = `\u001b[200~${SECRET}`;
    expectRejected(awsFile(AwsCredentials.fromKeys({ accessKeyId: KEY_ID, secretAccessKey: pasted })),
      '[test/aws-credentials] credentials: profile "default": secretAccessKey contains a control character: check what was pasted');
    expectRejected(chart => new AwsEnvConfiguration(chart, 'aws-configuration', { configuration: S3Configuration.fromValues({ accessKeyId: KEY_ID, secretAccessKey: pasted }) }),
      '[test/aws-configuration] configuration: secretAccessKey contains a control character: check what was pasted');
    expectRejected(chart => new AwsEnvConfiguration(chart, 'aws-configuration', {
      configuration: S3Configuration.fromCredentialsFile(file('control-credentials', `[default]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\u0000\n`)),
    }), /^\[test\/aws-configuration\] configuration: the file profile "default": aws_secret_access_key contains a control character: check what was pasted$/);
    expectRejected(chart => new MinioDefault(chart, 'minio', { credentials: MinioCredentials.fromKeys({ accessKey: KEY_ID, secretKey: `${SECRET}\u007f` }) }),
      /secretKey contains a control character: check what was pasted$/);
    expectRejected(docker(DockerConfig.fromLogin({ username: 'fake-user', password: pasted })),
      '[test/docker-config] config: login for "https://index.docker.io/v1/": password contains a control character: check what was pasted');
  });

  test('a construct with the id "valueOf" in an empty chart failed with the constructs library\'s own error', () => {
    expectRejected(chart => new MinioDefault(chart, 'valueOf'),
      '[test/valueOf] the id "valueOf" is taken in this scope, by another construct or by JavaScript itself: give the construct another id');
  });

  test('a NotebookAccess whose id holds a newline stayed in the tree when a child was rejected', () => {
    // GIVEN an id that constructs rewrites ("\n" becomes "--") and a login the DockerRegistryAccess rejects
    // WHEN it is built THEN it throws, and buildOrReject finds nothing left in the chart
    expectRejected(chart => new NotebookAccess(chart, 'a\nb', { docker: DockerConfig.fromLogin({ username: '', password: SECRET }) }),
      /docker-config\] config: login for "https:\/\/index.docker.io\/v1\/": username is empty: give a non-empty username$/);
  });

  test('a 10 MB config.json was synthesised into a Secret the API server rejects (more than 1 MiB)', () => {
    const big = file('big-config.json', `{"auths":{"ghcr.io":{"username":"fake-user","password":"${SECRET}"}},"padding":"${'a'.repeat(10 * 1024 * 1024)}"}`);
    expectRejected(docker(DockerConfig.fromFile(big)),
      `[test/docker-config] config: the file is larger than 1 MiB, more than a Kubernetes Secret holds: check the path, a credentials file is a few kilobytes`);
  });

  test('a 10 MB AWS credentials file was synthesised into a Secret the API server rejects', () => {
    const big = file('big-credentials', `# ${'x'.repeat(10 * 1024 * 1024)}\n${VALID_INI}`);
    expectRejected(awsFile(AwsCredentials.fromFile(big)),
      `[test/aws-credentials] credentials: the file is larger than 1 MiB, more than a Kubernetes Secret holds: check the path, a credentials file is a few kilobytes`);
  });

  test('a config.json of more than 1 MiB given in memory was synthesised too', () => {
    const json = `{"auths":{"ghcr.io":{"username":"fake-user","password":"${SECRET}"}},"padding":"${'a'.repeat(1024 * 1024)}"}`;
    expectRejected(docker(DockerConfig.fromJson(json)),
      /^\[test\/docker-config\] secret: would hold \d+ bytes, more than the 1048576 \(1 MiB\) the API server accepts in a Secret: give the credentials only, or create the Secret another way and use fromExistingSecret$/);
  });

  test('a file that never ends (/dev/zero) was read until memory ran out', () => {
    expectRejected(docker(DockerConfig.fromFile('/dev/zero')), '[test/docker-config] config: the file is larger than 1 MiB, more than a Kubernetes Secret holds: check the path, a credentials file is a few kilobytes');
  });
});

describe('edge files', () => {
  test('a config.json of exactly 1 MiB is read whole and accepted', () => {
    const head = `{"auths":{"ghcr.io":{"username":"fake-user","password":"${SECRET}"}},"padding":"`;
    const content = `${head}${'a'.repeat(1024 * 1024 - head.length - 2)}"}`;
    expect(Buffer.byteLength(content)).toBe(1024 * 1024);
    const outcome = buildOrReject(docker(DockerConfig.fromFile(file('one-mib.json', content))), [SECRET]);
    expect(outcome.ok).toBe(true);
  });

  test.each([
    ['an empty config.json', () => docker(DockerConfig.fromFile(file('empty.json', ''))),
      `[test/docker-config] config: the file is not valid JSON: check the file with "jq . config.json", or build it with DockerConfig.fromLogin`],
    ['an empty credentials file', () => awsFile(AwsCredentials.fromFile(file('empty-credentials', ''))),
      `[test/aws-credentials] credentials: the file holds no profile: add a "[default]" header followed by aws_access_key_id and aws_secret_access_key`],
    ['a UTF-16 config.json', () => docker(DockerConfig.fromFile(file('utf16.json', Buffer.from(`\ufeff${VALID_CONFIG}`, 'utf16le')))),
      `[test/docker-config] config: the file is not UTF-8 text: save it as UTF-8`],
    ['a Latin-1 credentials file', () => awsFile(AwsCredentials.fromFile(file('latin1', Buffer.from(`# caf\u00e9\n${VALID_INI}`, 'latin1')))),
      `[test/aws-credentials] credentials: the file is not UTF-8 text: save it as UTF-8`],
    ['a config.json with a BOM', () => docker(DockerConfig.fromFile(file('bom.json', `\ufeff${VALID_CONFIG}`))),
      `[test/docker-config] config: the file starts with a byte-order mark, which Docker cannot read: save the file as UTF-8 without a BOM`],
  ])('%s is rejected', (_what, build, message) => {
    expectRejected(build(), message);
  });

  test.each([
    ['CRLF', VALID_INI.replace(/\n/g, '\r\n')],
    ['a BOM', `\ufeff${VALID_INI}`],
    ['a BOM and CRLF', `\ufeff${VALID_INI.replace(/\n/g, '\r\n')}`],
    ['no final newline', VALID_INI.trimEnd()],
  ])('an AWS credentials file with %s is accepted and stored unchanged, but for a leading BOM', (_what, content) => {
    // GIVEN a well-formed file WHEN it is used
    const outcome = buildOrReject(awsFile(AwsCredentials.fromFile(file('credentials', content))), [SECRET]);
    // THEN the Secret holds its bytes without the BOM, which Python's configparser (and so boto3) cannot read
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      const stored = Buffer.from(secretOf(outcome.manifests).data.credentials, 'base64');
      expect(stored.equals(Buffer.from(content.replace(/^\ufeff/, '')))).toBe(true);
    }
  });

  test('a config.json with CRLF line ends is accepted and stored unchanged', () => {
    const content = JSON.stringify(JSON.parse(VALID_CONFIG), null, '\t').replace(/\n/g, '\r\n');
    const outcome = buildOrReject(docker(DockerConfig.fromFile(file('crlf.json', content))), [SECRET]);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) { expect(Buffer.from(secretOf(outcome.manifests).data['config.json'], 'base64').toString('utf8')).toBe(content); }
  });

  test('a very long config.json (40000 registries) is checked in linear time, then found too large', () => {
    const auths = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`r${i}.example.com`, { auth: 'dTpw' }]));
    expectRejected(docker(DockerConfig.fromJson(JSON.stringify({ auths }))),
      '[test/docker-config] secret: would hold 1468901 bytes, more than the 1048576 (1 MiB) the API server accepts in a Secret: give the credentials only, or create the Secret another way and use fromExistingSecret');
  });
});

describe('a failed synth writes no file', () => {
  test.each([
    ['a bad source', (chart: Chart) => new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromJson(`{"auths":{"x":{"auth":"${SECRET}"}}}`) })],
    ['a bad name', (chart: Chart) => new MinioDefault(chart, 'minio', { name: 'Minio' })],
    ['a bad file', (chart: Chart) => new AwsFileCredentials(chart, 'aws', { credentials: AwsCredentials.fromFile(file('bad-credentials', `[default]\n${SECRET}\n`)) })],
  ])('%s', (_what, build) => {
    // GIVEN an app whose one construct gets a bad input WHEN the app is built and synthesised
    const { error, files } = filesAfter(outdir => {
      const app = new App({ outdir });
      build(userChart(app));
      app.synth();
    });
    // THEN it fails with the library's error, and the output directory stays empty
    expect((error as Error).name).toBe('AccessError');
    expect((error as Error).message).not.toContain(SECRET);
    expect(files).toEqual([]);
  });

  test('an app-wide conflict, found only when the app is synthesised', () => {
    // GIVEN two constructs that are each fine but give one namespace two PodDefaults of the same name
    const { error, files } = filesAfter(outdir => {
      const app = new App({ outdir });
      const chart = userChart(app);
      new DockerRegistryAccess(chart, 'one', { name: 'registry', config: DockerConfig.fromLogin({ username: 'u', password: SECRET }) });
      new DockerRegistryAccess(chart, 'two', { name: 'registry', config: DockerConfig.fromLogin({ username: 'v', password: SECRET }) });
      app.synth();
    });
    // THEN cdk8s reports the validation error, and no manifest is written
    expect((error as Error).message).toMatch(/registry/);
    expect((error as Error).message).not.toContain(SECRET);
    expect(files).toEqual([]);
  });

  test('a good app writes its manifests there', () => {
    const { error, files } = filesAfter(outdir => {
      const app = new App({ outdir });
      new MinioDefault(userChart(app), 'minio');
      app.synth();
    });
    expect(error).toBeUndefined();
    expect(files).toEqual(['test.k8s.yaml']);
  });
});
