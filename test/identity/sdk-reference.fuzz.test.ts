// The check's reader of the AWS credentials and config files, read together (botocoreProviders), against botocore's own
// credential chain over random pairs of files: profiles of roles (source profiles in either file, chains, loops,
// credential_source), keys, a key alone, credential_process, a profile's web identity, SSO (of an sso-session or
// legacy) and regions. Whenever the reader finds a provider for the profile read, botocore 1.43.11 resolves by that
// one; when it finds none, botocore uses none of its profile providers (it raises, or falls to the container endpoint,
// answered in-process here). Each case's files are written in ~/.aws/ of a temporary HOME; no network.
import { spawnSync } from 'child_process';
import * as fc from 'fast-check';
import { botocoreFile, botocoreProviders } from '../../lib/sources/botocore-credentials-file';
import { params, RUNS, timeout } from '../fuzz';

const PROBE = `
import json, os, shutil, sys, tempfile
import botocore, botocore.session, botocore.exceptions, botocore.utils
def retrieve_full_uri(self, full_url, headers=None):
    return {'AccessKeyId': 'ASIAFAKECONTAINER000', 'SecretAccessKey': 'fake-container-secret', 'Token': 'fake', 'Expiration': '2099-01-01T00:00:00Z'}
botocore.utils.ContainerMetadataFetcher.retrieve_full_uri = retrieve_full_uri
base = {k: v for k, v in os.environ.items() if not k.startswith('AWS_')}
out = []
for case in json.load(sys.stdin):
    root = tempfile.mkdtemp()
    os.makedirs(os.path.join(root, '.aws'))
    for name in ('credentials', 'config'):
        if case.get(name) is not None:
            with open(os.path.join(root, '.aws', name), 'w') as f: f.write(case[name])
    os.environ.clear(); os.environ.update(base)
    os.environ.update({'HOME': root, 'AWS_EC2_METADATA_DISABLED': 'true', 'AWS_CONTAINER_CREDENTIALS_FULL_URI': 'http://169.254.170.23/v1/credentials'})
    if case['profile'] != 'default': os.environ['AWS_PROFILE'] = case['profile']
    try:
        credentials = botocore.session.Session().get_credentials()
        out.append('none' if credentials is None else credentials.method)
    except botocore.exceptions.BotoCoreError as e:
        out.append(type(e).__name__)
    shutil.rmtree(root)
print(json.dumps({'botocore': botocore.__version__, 'methods': out}))
`;

const NAMES = ['default', 'a', 'b', 'c'];
const OPTIONS = fc.constantFrom(
  'aws_access_key_id = AKIAFAKEFAKEFAKE0000\n', 'aws_secret_access_key = fake-secret-key-0000\n',
  'credential_source = EcsContainer\n', 'credential_source = Environment\n', 'credential_source = Nowhere\n',
  'credential_process = printf \'{"Version": 1, "AccessKeyId": "AKIAFAKEPROCESS00000", "SecretAccessKey": "fake-process-secret"}\'\n',
  'web_identity_token_file = /var/run/fake/token\n', 'sso_session = team\n', 'sso_account_id = 123456789012\nsso_role_name = reader\n',
  'sso_start_url = https://fake.awsapps.com/start\nsso_region = eu-west-1\n', 'region = eu-west-1\n',
);
/** A profile's lines: often a role with a source profile, then a few options (one twice makes configparser raise, as it should). */
const body = fc.tuple(fc.boolean(), fc.option(fc.constantFrom(...NAMES), { nil: undefined }), fc.array(OPTIONS, { maxLength: 3 }))
  .map(([role, source, options]) => `${role ? 'role_arn = arn:aws:iam::123456789012:role/fuzz\n' : ''}${source === undefined ? '' : `source_profile = ${source}\n`}${options.join('')}`);
const file = (config: boolean) => fc.option(fc.tuple(fc.subarray(NAMES), fc.array(body, { minLength: 4, maxLength: 4 }), fc.boolean()).map(([names, bodies, session]) =>
  names.map((name, k) => `[${config && name !== 'default' ? `profile ${name}` : name}]\n${bodies[k]}`).join('')
  + (config && session ? '[sso-session team]\nsso_start_url = https://fake.awsapps.com/start\nsso_region = eu-west-1\n' : '')), { nil: undefined, freq: 4 });
const CASE = fc.record({ credentials: file(false), config: file(true), profile: fc.constantFrom(...NAMES) })
  // A profile named in no file makes botocore raise ProfileNotFound before any provider: cloud-identity judges that apart.
  .filter(c => c.profile === 'default' || (c.credentials ?? '').includes(`[${c.profile}]`) || (c.config ?? '').includes(`[profile ${c.profile}]`));

const hasBotocore = spawnSync('python3', ['-c', 'import botocore'], { encoding: 'utf8' }).status === 0;

(hasBotocore ? test : test.skip)('the provider the reader finds for the profile read is the one botocore uses', () => {
  // GIVEN random pairs of files (8 a run), with the profile read
  const cases = fc.sample(CASE, { ...params(), numRuns: RUNS * 8 });
  // WHEN botocore resolves its credentials for each
  const run = spawnSync('python3', ['-c', PROBE], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(run.stderr).toBe('');
  const { botocore, methods } = JSON.parse(run.stdout) as { botocore: string; methods: string[] };
  expect(botocore).toMatch(/^1\.43\./);
  // THEN the reader finds botocore's provider, or none where botocore uses no profile provider
  const METHODS: Record<string, string> = { 'web-identity': 'assume-role-with-web-identity' };
  const PROFILE_METHODS = ['assume-role', 'assume-role-with-web-identity', 'sso', 'shared-credentials-file', 'custom-process', 'config-file'];
  const read = cases.map(c => {
    const found = botocoreProviders(c.credentials === undefined ? undefined : botocoreFile(c.credentials, 'credentials'),
      c.config === undefined ? undefined : botocoreFile(c.config, 'config')).get(c.profile)?.provider;
    return found === undefined ? undefined : METHODS[found] ?? found;
  });
  expect(cases.map((c, i) => ({ ...c, method: read[i] ?? (PROFILE_METHODS.includes(methods[i]) ? 'none' : methods[i]) })))
    .toEqual(cases.map((c, i) => ({ ...c, method: methods[i] })));
}, timeout(400));
