import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { AccessError, S3Configuration } from '../../lib';
import { parseCredentialsIni } from '../../lib/sources/aws-credentials-ini';
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
