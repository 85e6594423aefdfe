import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { AccessError, S3Configuration } from '../../lib';
import { parseCredentialsIni, regionProblem } from '../../lib/sources/aws-credentials-ini';
import { endpointProblem } from '../../lib/sources/s3-configuration';
import { fixture } from '../support';

/**
 * Credentials files as botocore read them (`recordedWith` names Python and botocore): its profiles
 * (`raw_config_parse`), and for `profile` the credentials and region a Session finds, or the error.
 */
interface BotocoreVector {
  readonly title: string;
  readonly file: string;
  readonly profile: string;
  readonly botocore: {
    readonly profiles?: Record<string, Record<string, string>>;
    readonly credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken: string | null };
    readonly region?: string | null;
    readonly error?: 'ProfileNotFound' | 'ConfigParseError';
  };
}
const recorded: { recordedWith: { python: string; botocore: string }; vectors: BotocoreVector[] } =
  JSON.parse(readFileSync(fixture('botocore-credentials-vectors.json'), 'utf8'));

// The probe that recorded the vectors: botocore's own reading of the file, nothing of ours.
const PROBE = `
import json, os, sys
import botocore, botocore.configloader, botocore.exceptions, botocore.session
path, profile, config = sys.argv[1], sys.argv[2], sys.argv[3]
for name in [n for n in os.environ if n.startswith('AWS_')]:
    del os.environ[name]
os.environ['AWS_SHARED_CREDENTIALS_FILE'] = path
os.environ['AWS_CONFIG_FILE'] = config
try:
    result = {'profiles': botocore.configloader.raw_config_parse(path)}
except botocore.exceptions.ConfigParseError:
    print(json.dumps({'error': 'ConfigParseError'}))
    sys.exit(0)
try:
    session = botocore.session.Session(profile=profile)
    credentials = session.get_credentials()
    result['credentials'] = None if credentials is None else {
        'accessKeyId': credentials.access_key, 'secretAccessKey': credentials.secret_key, 'sessionToken': credentials.token}
    result['region'] = session.get_config_variable('region')
except botocore.exceptions.ProfileNotFound:
    result['error'] = 'ProfileNotFound'
print(json.dumps(result, sort_keys=True))
`;

let dir: string;
beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'aws-botocore-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function credentialsFile(vector: BotocoreVector): string {
  const file = path.join(dir, `credentials-${recorded.vectors.indexOf(vector)}`);
  writeFileSync(file, vector.file);
  return file;
}

/** Our profiles, keyed as botocore keys them, with the settings we read. */
function ourProfiles(text: string): Record<string, Record<string, string>> {
  return Object.fromEntries(parseCredentialsIni(text).map(p => [p.name, Object.fromEntries(Object.entries({
    aws_access_key_id: p.accessKeyId, aws_secret_access_key: p.secretAccessKey, aws_session_token: p.sessionToken, region: p.region,
  }).filter(([, value]) => value !== undefined)) as Record<string, string>]));
}

const hasBotocore = spawnSync('python3', ['-c', 'import botocore'], { encoding: 'utf8' }).status === 0;
if (!hasBotocore) {
  // eslint-disable-next-line no-console
  console.log('aws-botocore.test.ts: python3 with botocore is not available: the live comparisons are skipped, the recorded vectors still run');
}

describe('credentials files as botocore reads them', () => {
  const vectors = recorded.vectors.map(v => [v.title, v] as const);

  test.each(vectors)('parseCredentialsIni gives botocore\'s profiles: %s', (_title, vector) => {
    // GIVEN a file botocore read as recorded
    const { profiles, error } = vector.botocore;
    if (error === 'ConfigParseError') {
      // THEN we refuse it too
      expect(() => parseCredentialsIni(vector.file)).toThrow(AccessError);
    } else {
      // THEN we read the same profiles, each with its inherited keys
      expect(ourProfiles(vector.file)).toEqual(profiles);
    }
  });

  test.each(vectors)('S3Configuration.fromCredentialsFile takes what a botocore Session takes: %s', (_title, vector) => {
    // GIVEN
    const configuration = S3Configuration.fromCredentialsFile(credentialsFile(vector), vector.profile);
    // WHEN / THEN
    const { credentials, region, error } = vector.botocore;
    if (error !== undefined) {
      expect(() => configuration._resolve()).toThrow(AccessError);
    } else {
      expect(configuration._resolve()).toEqual({
        kind: 'content',
        variables: {
          AWS_ACCESS_KEY_ID: credentials!.accessKeyId,
          AWS_SECRET_ACCESS_KEY: credentials!.secretAccessKey,
          ...(credentials!.sessionToken === null ? {} : { AWS_SESSION_TOKEN: credentials!.sessionToken }),
          ...(region === null ? {} : { AWS_REGION: region }),
        },
      });
    }
  });

  test('"DEFAULT" is refused as a profile name, saying why', () => {
    const vector = recorded.vectors.find(v => v.profile === 'DEFAULT')!;
    const file = credentialsFile(vector);
    expect(() => S3Configuration.fromCredentialsFile(file, 'DEFAULT')._resolve()).toThrow(new AccessError(
      `the file: "DEFAULT" is no profile but the section whose keys every profile inherits, and AWS tools refuse it as a profile name: name a profile`));
  });

  test('a file with only [DEFAULT] holds no profile', () => {
    expect(() => parseCredentialsIni('[DEFAULT]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = fake-secret-key-0000\n')).toThrow(new AccessError(
      'holds no profile ("[DEFAULT]" holds keys every profile inherits, but is no profile itself): add a "[default]" header followed by aws_access_key_id and aws_secret_access_key'));
  });

  test('a key twice in [DEFAULT] is named by its section', () => {
    const vector = recorded.vectors.find(v => v.botocore.error === 'ConfigParseError')!;
    expect(() => parseCredentialsIni(vector.file)).toThrow(new AccessError(
      'line 8: aws_secret_access_key appears twice in "[DEFAULT]" (lines 2 and 8): keep one'));
  });

  (hasBotocore ? test.each(vectors) : test.skip.each(vectors))('botocore on this machine still reads it as recorded: %s', (_title, vector) => {
    const config = path.join(dir, 'empty-config');
    writeFileSync(config, '');
    const run = spawnSync('python3', ['-c', PROBE, credentialsFile(vector), vector.profile, config], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(vector.botocore);
  });
});

// botocore refuses to create any client (boto3.client('s3'), s3fs) for a region that is no host label or
// is digits only (utils.validate_region_name: InvalidRegionError), and for an endpoint whose host is no
// DNS name (utils.is_valid_endpoint_url: ValueError "Invalid endpoint"). Each row says whether botocore
// 1.43.11 creates the client; the library must take exactly those, so that no notebook gets a setting
// boto3 refuses on its first call.
const REGIONS: [region: string, botocoreTakes: boolean][] = [
  ['us-east-1', true],
  ['eu-central-2', true],
  ['x', true],
  ['us--east-1', true],
  ['a'.repeat(63), true],
  ['us-east-1-', false],
  ['-us-east-1', false],
  ['-', false],
  ['1234', false],
  ['a'.repeat(64), false],
];
const ENDPOINTS: [endpoint: string, botocoreTakes: boolean][] = [
  ['http://minio-service.kubeflow:9000', true],
  ['https://s3.eu-west-1.amazonaws.com', true],
  ['http://minio-service.kubeflow.svc.cluster.local.:9000', true],
  ['http://10.0.0.7:9000', true],
  ['http://[fd00::7]:9000', true],
  ['HTTP://MINIO:9000/', true],
  [`http://${'a'.repeat(63)}.example.com`, true],
  ['http://minio_service:9000', false],
  ['http://mínio.kubeflow:9000', false],
  ['http://-minio:9000', false],
  ['http://minio-.kubeflow:9000', false],
  ['http://minio..kubeflow:9000', false],
  ['http://minio%2Ekubeflow:9000', false],
  ['http://minio\u200b.kubeflow:9000', false],
  [`http://${'a'.repeat(64)}.example.com`, false],
  [`http://${'a.'.repeat(127)}aa`, false],
];

const CLIENT_PROBE = `
import json, os, sys
import botocore, botocore.session
for name in [n for n in os.environ if n.startswith('AWS_')]:
    del os.environ[name]
result = []
for region, endpoint in json.load(sys.stdin):
    try:
        botocore.session.Session().create_client('s3', region_name=region, endpoint_url=endpoint,
            aws_access_key_id='AKIAFAKEFAKEFAKE0000', aws_secret_access_key='fake-secret-key-0000')
        result.append(True)
    except (botocore.exceptions.InvalidRegionError, ValueError):
        result.append(False)
print(json.dumps(result))
`;

describe('regions and endpoints as botocore creates a client for them', () => {
  test.each(REGIONS)('region %j: taken exactly when botocore takes it (%s)', (region, botocoreTakes) => {
    // GIVEN / WHEN the region is given to the in-code S3 source
    const problem = regionProblem(region);
    // THEN it is refused exactly when botocore refuses it, in words that name no value
    expect(problem === undefined).toBe(botocoreTakes);
    if (!botocoreTakes && /^[a-z0-9-]+$/.test(region)) {
      expect(problem).toBe('is not a region name botocore accepts (it starts or ends with "-", is digits only, or is longer than 63 characters), '
        + 'so boto3 refuses to create any client in the notebook: give a region code such as "us-east-1"');
    }
  });

  test.each(ENDPOINTS)('endpoint %j: taken exactly when botocore takes it (%s)', (endpoint, botocoreTakes) => {
    const problem = endpointProblem(endpoint);
    expect(problem === undefined).toBe(botocoreTakes);
    if (!botocoreTakes) { expect(problem).toMatch(/^has a host name botocore refuses to create a client for \("Invalid endpoint"\)/); }
  });

  test('S3Configuration names the setting at fault, and never shows the endpoint', () => {
    const messageOf = (values: object) => {
      try {
        S3Configuration.fromValues({ accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: 'fake-secret-key-0000', ...values })._resolve();
      } catch (e) {
        expect(AccessError.isAccessError(e)).toBe(true);
        return (e as AccessError).message;
      }
      return 'not refused';
    };
    expect(messageOf({ region: 'us-east-1-' })).toBe('region is not a region name botocore accepts (it starts or ends with "-", is digits only, or is longer than 63 characters), '
      + 'so boto3 refuses to create any client in the notebook: give a region code such as "us-east-1"');
    const endpoint = messageOf({ endpoint: 'http://fake_secret_host:9000' });
    expect(endpoint).toMatch(/^endpoint has a host name botocore refuses to create a client for \("Invalid endpoint"\)/);
    expect(endpoint).not.toContain('fake_secret_host');
  });

  (hasBotocore ? test : test.skip)('botocore on this machine still creates a client for exactly the rows that say so', () => {
    const rows = [...REGIONS.map(([region]) => [region, null]), ...ENDPOINTS.map(([endpoint]) => ['us-east-1', endpoint])];
    const run = spawnSync('python3', ['-c', CLIENT_PROBE], { input: JSON.stringify(rows), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([...REGIONS.map(([, takes]) => takes), ...ENDPOINTS.map(([, takes]) => takes)]);
  });
});
