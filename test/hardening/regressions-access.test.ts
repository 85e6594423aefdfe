// One test per defect the property-based tests of the Pipelines, GCS and Azure sources found, named
// after the defect, plus the edge files the hardening suite asks of every source.
import { spawnSync } from 'child_process';
import { generateKeyPairSync } from 'crypto';
import { Chart } from 'cdk8s';
import * as fc from 'fast-check';
import {
  AzureBlobConfiguration, AzureStorageConfiguration, DockerConfig, DockerRegistryAccess, GcpServiceAccountKey, GcsCredentials,
  PipelinesApiAccess,
} from '../../lib';
import { decodeBase64Bytes } from '../../lib/sources/base64';
import { secretOf } from '../support';
import { buildOrReject, expectRefused, params, scratchFiles } from '../fuzz';

const SECRET = 'SeCrEtRegressionAccess00000000';
/** A pure-letter token: what a key or signature looks like often enough for a fuzz run to find it. */
const LETTERS_SECRET = 'SeCrEtabcdefghijklmnopqrstuvwx';
const FAKE_ACCOUNT_KEY = Buffer.from('FAKE azure storage account key for tests only, valid nowhere 00').toString('base64');
const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const PRIVATE_KEY_LINE = rsa.split('\n')[1];
const keyJson = (extra: string) =>
  `{"type":"service_account","client_email":"fake-sa@fake-project-0002.iam.gserviceaccount.com","token_uri":"https://oauth2.googleapis.com/token","private_key":${JSON.stringify(rsa)}${extra}}`;
const { file } = scratchFiles('hardening-regressions-access-');
const gcs = (key: GcpServiceAccountKey) => (chart: Chart) => new GcsCredentials(chart, 'gcp-credentials', { key });
const azure = (configuration: AzureStorageConfiguration) => (chart: Chart) => new AzureBlobConfiguration(chart, 'azure-blob', { configuration });

const expectRejected = (build: (chart: Chart) => unknown, message: string | RegExp, secrets = [SECRET, PRIVATE_KEY_LINE]) =>
  expectRefused(build, message, secrets);

/** The nesting depth at which python3's json module fails, or undefined where python3 is absent. */
function pythonJsonFailsAt(depths: number[]): boolean[] | undefined {
  const script = 'import json,sys\nfor d in map(int, sys.argv[1:]):\n  try:\n    json.loads("["*d+"]"*d); print("ok")\n  except RecursionError:\n    print("fails")';
  const run = spawnSync('python3', ['-c', script, ...depths.map(String)], { encoding: 'utf8' });
  if (run.error !== undefined || run.status !== 0) { return undefined; }
  return run.stdout.trim().split('\n').map(line => line === 'fails');
}

describe('defects found by the property-based tests of the new sources', () => {
  test('an Azure account key of a few megabytes overflowed the stack (RangeError) in the base64 check', () => {
    expectRejected(azure(AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', accountKey: 'A'.repeat(5_000_000) })),
      '[test/azure-blob] configuration: accountKey is not the base64 of a 64-byte key, as the Azure portal shows "key1" and "key2": copy the whole key');
  });

  test('a Docker "auth" of a few megabytes given in memory overflowed the stack (RangeError) too', () => {
    expectRejected(chart => new DockerRegistryAccess(chart, 'docker-config', {
      config: DockerConfig.fromJson(JSON.stringify({ auths: { 'ghcr.io': { auth: 'A'.repeat(5_000_000) } } })),
    }), /^\[test\/docker-config\] /);
  });

  test('the linear base64 check accepts exactly what the strict regex it replaced accepted', () => {
    const strict = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('A', 'z', '0', '+', '/', '=', '-', '_', ' ', '\n'), maxLength: 14 }), text => {
      expect(decodeBase64Bytes(text) !== undefined).toBe(strict.test(text));
    }), params(2000));
  });

  test('an unknown connection-string setting name was quoted in the error, and a key made of letters is such a name', () => {
    // GIVEN a connection string whose second part is a pasted credential in the place of a setting name
    const connectionString = `AccountName=fakeaccount0000;${LETTERS_SECRET}=x;AccountKey=${FAKE_ACCOUNT_KEY}`;
    // WHEN it is used THEN the part is named by its number only
    expectRejected(azure(AzureStorageConfiguration.fromValues({ connectionString })),
      '[test/azure-blob] configuration: connectionString part 2 has an unknown setting name (not shown: it is no misspelling of a setting, so it may be a credential): check its spelling against DefaultEndpointsProtocol, AccountName, AccountKey, SharedAccessSignature, EndpointSuffix, BlobEndpoint, BlobSecondaryEndpoint, QueueEndpoint, QueueSecondaryEndpoint, TableEndpoint, TableSecondaryEndpoint, FileEndpoint, FileSecondaryEndpoint',
      [LETTERS_SECRET]);
    // AND a misspelt setting is still quoted, as a help
    expectRejected(azure(AzureStorageConfiguration.fromValues({ connectionString: `AccountName=fakeaccount0000;AcountKee=${FAKE_ACCOUNT_KEY}` })),
      /^\[test\/azure-blob\] configuration: connectionString part 2 has the unknown setting "AcountKee": /);
  });

  test('a GcpServiceAccountKey.fromJson text with a lone surrogate was stored with U+FFFD, another key than the one given', () => {
    expectRejected(gcs(GcpServiceAccountKey.fromJson(keyJson(',"client_id":"1\ud800"'))),
      '[test/gcp-credentials] key: the key is not valid Unicode (it holds half of a UTF-16 surrogate pair): give the key file\'s content as read from the file');
  });

  test('a key nested deeper than Python\'s json module reads was accepted, and google-auth (so gcsfs) failed on it', () => {
    // GIVEN keys with an extra field nested 501 and 1000 levels deep, and the 500 the check allows
    const nested = (depth: number) => keyJson(`,"x":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}`);
    const message = (what: string) => `[test/gcp-credentials] key: ${what} is nested more than 500 levels deep, and Python's json module (and so google-auth) fails at its recursion limit, near 1000: a key file is one level deep, remove the nested field`;
    // THEN the deep ones are rejected, from a file and in memory, and the other is accepted
    expectRejected(gcs(GcpServiceAccountKey.fromJson(nested(501))), message('the key'));
    const deepFile = file('deep-key.json', nested(1000));
    expectRejected(gcs(GcpServiceAccountKey.fromFile(deepFile)), message(`the file`));
    expect(buildOrReject(gcs(GcpServiceAccountKey.fromJson(nested(500))), [PRIVATE_KEY_LINE]).ok).toBe(true);
    // AND brackets inside strings do not count
    expect(buildOrReject(gcs(GcpServiceAccountKey.fromJson(keyJson(`,"x":"${'['.repeat(2000)}\\"${'{'.repeat(2000)}"`))), [PRIVATE_KEY_LINE]).ok).toBe(true);
  });

  test('python3\'s json module reads the 500 levels the check allows and fails at 1000', () => {
    const fails = pythonJsonFailsAt([500, 1000]);
    if (fails === undefined) {
      console.log('SKIPPED: python3 is not on this machine: the nesting limit is not compared with Python\'s json module');
      return;
    }
    expect(fails).toEqual([false, true]);
  });

  test.each([
    ['a symbol', Symbol('seconds')],
    ['an object without a prototype', Object.create(null)],
  ])('PipelinesApiAccess with expirationSeconds %s threw a TypeError while building its message', (_what, value) => {
    expectRejected(chart => new PipelinesApiAccess(chart, 'kfp', { expirationSeconds: value }),
      `[test/kfp] expirationSeconds: is a ${typeof value}, not a number: give a whole number of seconds such as 7200`);
  });

  test('a PipelinesApiAccess audience with a lone surrogate was written as U+FFFD, an audience no token is issued for', () => {
    expectRejected(chart => new PipelinesApiAccess(chart, 'kfp', { audience: 'pipelines.kubeflow.org\ud800' }),
      '[test/kfp] audience: "pipelines.kubeflow.org\\ud800" is not an audience (non-empty, no whitespace): give the TOKEN_REVIEW_AUDIENCE of the ml-pipeline Deployment, or leave audience out for "pipelines.kubeflow.org"');
  });
});

describe('edge files of the GCS key', () => {
  const VALID = keyJson('');

  test('a key file of exactly 1 MiB is read whole and stored unchanged', () => {
    const head = keyJson(',"padding":"');
    const content = `${head.slice(0, -1)}${'a'.repeat(1024 * 1024 - head.length - 1)}"}`;
    expect(Buffer.byteLength(content)).toBe(1024 * 1024);
    const outcome = buildOrReject(gcs(GcpServiceAccountKey.fromFile(file('one-mib-key.json', content))), [PRIVATE_KEY_LINE]);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) { expect(Buffer.from(secretOf(outcome.manifests).data['user-gcp-sa.json'], 'base64').toString('utf8')).toBe(content); }
  });

  test.each([
    ['an empty file', () => file('empty-key.json', ''),
      'is not valid JSON: create a key with "gcloud iam service-accounts keys create" and give that file'],
    ['a 10 MB file', () => file('big-key.json', keyJson(`,"padding":"${'a'.repeat(10 * 1024 * 1024)}"`)),
      'is larger than 1 MiB, more than a Kubernetes Secret holds: check the path, a credentials file is a few kilobytes'],
    ['a UTF-16 file', () => file('utf16-key.json', Buffer.from(`\ufeff${VALID}`, 'utf16le')), 'is not UTF-8 text: save it as UTF-8'],
    ['a Latin-1 file', () => file('latin1-key.json', Buffer.from(keyJson(',"x":"caf\u00e9"'), 'latin1')), 'is not UTF-8 text: save it as UTF-8'],
    ['a file with a BOM', () => file('bom-key.json', `\ufeff${VALID}`),
      'starts with a byte-order mark, which Python\'s json module (and so google-auth) refuses: save it as UTF-8 without a BOM'],
    ['an endless device', () => '/dev/zero',
      'is larger than 1 MiB, more than a Kubernetes Secret holds: check the path, a credentials file is a few kilobytes'],
  ])('%s is rejected', (_what, make, problem) => {
    const keyFile = make();
    expectRejected(gcs(GcpServiceAccountKey.fromFile(keyFile)), `[test/gcp-credentials] key: the file ${problem}`);
  });

  test('a key file with CRLF line ends is accepted and stored unchanged', () => {
    const content = JSON.stringify(JSON.parse(VALID), null, 2).replace(/\n/g, '\r\n');
    const outcome = buildOrReject(gcs(GcpServiceAccountKey.fromFile(file('crlf-key.json', content))), [PRIVATE_KEY_LINE]);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) { expect(Buffer.from(secretOf(outcome.manifests).data['user-gcp-sa.json'], 'base64').toString('utf8')).toBe(content); }
  });
});
