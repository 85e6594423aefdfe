// The real SDKs as the reference. Each identity's PodDefault is admitted into a notebook pod by the
// webhook model, the pod's volumes are written under a temporary root (an obviously fake token where the
// kubelet would project one, the ConfigMap's files, the Secrets' files), every mounted path in the env
// and the files is moved onto that root, and then each cloud's own SDK reads that env: botocore (Python),
// @azure/identity and google-auth-library. Their token requests are answered in-process: no network.
// The same SDKs back the orders the cloud-identity rule states.
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as identity from '@azure/identity';
import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { GoogleAuth } from 'google-auth-library';
import {
  AwsCredentials, AwsEnvConfiguration, AwsFileCredentials, AwsWebIdentityAccess, AzureWorkloadIdentityAccess, GcpWorkloadIdentityAccess,
  PodDefaultAdmission, S3Configuration,
} from '../../lib';
import { IAM_OIDC_PROVIDER_MAX_LENGTH } from '../../lib/identity/aws-web-identity-access';
import { regionPartition } from '../../lib/sources/aws-role-arn';
import { checkManifests } from '../../lib/check';
import { botocoreFile, botocoreProviders } from '../../lib/sources/botocore-credentials-file';
import { inputs, pd } from '../check/support';
import { errorsOf, userChart } from '../support';

const ROOT = path.join(__dirname, '..', '..');
const ROLE_ARN = 'arn:aws:iam::123456789012:role/notebook-s3';
const AZURE = { clientId: '00000000-0000-0000-0000-000000000001', tenantId: '00000000-0000-0000-0000-000000000002' };
const GCP = { projectNumber: '123456789012', poolId: 'kubeflow', providerId: 'cluster' };
const FAKE_SECRET = 'fake-secret-key-0000';

/** The versions these tests were written against: the last releases that run on Node 20. */
const versionOf = (pkg: string) => JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
test('the SDKs are the recorded versions', () => {
  expect(versionOf('@azure/identity')).toBe('4.13.0');
  expect(versionOf('google-auth-library')).toBe('10.5.0');
});

/** An obviously fake ServiceAccount token (unsigned) for `audience`. */
function fakeToken(audience: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: 'https://kubernetes.default.svc', sub: 'system:serviceaccount:user:default-editor', aud: [audience] })}.fake-signature`;
}

/** A notebook pod, as the notebook controller creates it, with `labels`. */
function notebookPod(labels: Record<string, string>): any {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'notebook-0', namespace: 'user', labels },
    spec: { serviceAccountName: 'default-editor', containers: [{ name: 'notebook', image: 'kubeflownotebookswg/jupyter-scipy' }] },
  };
}

/** What the notebook container sees, its paths under `root`. */
interface Container {
  readonly env: Record<string, string>;
  /** The fake tokens written, by audience. */
  readonly tokens: Record<string, string>;
  readonly root: string;
}

let workDir: string;
beforeAll(() => { workDir = mkdtempSync(path.join(tmpdir(), 'identity-sdk-')); });
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/**
 * Admits a notebook pod that selects every PodDefault `build` adds (or those `labels` name), writes its
 * volumes under a fresh root, and returns the container's env with every mounted path moved there.
 * `refusedBy` is the one problem the app-wide check finds in the objects (the pair the SDK then shows
 * the reason for); they are rendered one by one, past the check.
 */
function admit(build: (chart: Chart) => void, labels?: Record<string, string>, refusedBy?: RegExp): Container {
  const chart = userChart();
  build(chart);
  expect(errorsOf(() => Testing.synth(chart))).toEqual(refusedBy === undefined ? [] : [expect.stringMatching(refusedBy)]);
  const objects = chart.node.findAll().filter(ApiObject.isApiObject).map(o => o.toJson());
  const podDefaults = objects.filter(o => o.kind === 'PodDefault');
  const selecting = labels ?? Object.assign({}, ...podDefaults.map(p => p.spec.selector.matchLabels));
  const result = PodDefaultAdmission.admit(notebookPod(selecting), podDefaults);
  expect(result.conflicts).toEqual([]);
  const pod = result.pod;
  const root = mkdtempSync(path.join(workDir, 'pod-'));
  const container = pod.spec.containers[0];
  const mounts: string[] = (container.volumeMounts ?? []).map((m: any) => m.mountPath.replace(/\/+$/, ''));
  const rooted = (value: string) => (mounts.some(m => value.startsWith(`${m}/`)) ? `${root}${value}` : value);
  const rootedText = (text: string) => mounts.reduce((t, m) => t.split(`"${m}/`).join(`"${root}${m}/`), text);
  const tokens: Record<string, string> = {};
  for (const mount of container.volumeMounts ?? []) {
    const dir = path.join(root, mount.mountPath);
    mkdirSync(dir, { recursive: true });
    const volume = pod.spec.volumes.find((v: any) => v.name === mount.name);
    for (const source of volume.projected?.sources ?? []) {
      const { audience, path: file } = source.serviceAccountToken;
      tokens[audience] = fakeToken(audience);
      writeFileSync(path.join(dir, file), tokens[audience]);
    }
    if (volume.configMap !== undefined) {
      const configMap = objects.find(o => o.kind === 'ConfigMap' && o.metadata.name === volume.configMap.name);
      for (const [key, text] of Object.entries<string>(configMap.data)) { writeFileSync(path.join(dir, key), rootedText(text)); }
    }
    if (volume.secret !== undefined) {
      const secret = objects.find(o => o.kind === 'Secret' && o.metadata.name === volume.secret.secretName);
      for (const [key, data] of Object.entries<string>(secret.data)) { writeFileSync(path.join(dir, key), Buffer.from(data, 'base64')); }
    }
  }
  const env: Record<string, string> = {};
  // An entry without a value (the webhook's Go decoding leaves out an empty one) is set, empty, in the container.
  for (const entry of container.env ?? []) { env[entry.name] = rooted(entry.value ?? ''); }
  for (const from of container.envFrom ?? []) {
    const secret = objects.find(o => o.kind === 'Secret' && o.metadata.name === from.secretRef.name);
    for (const [key, data] of Object.entries<string>(secret.data)) { env[key] ??= Buffer.from(data, 'base64').toString('utf8'); }
  }
  return { env, tokens, root };
}

/** A hand-written PodDefault that sets `env`, selected by `<name>: "true"`. */
function handWritten(scope: Construct, name: string, env: Record<string, string>): void {
  new ApiObject(scope, name, {
    apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name },
    spec: { desc: name, selector: { matchLabels: { [name]: 'true' } }, env: Object.entries(env).map(([k, v]) => ({ name: k, value: v })) },
  });
}

describe('botocore reads the AWS web identity of the admitted pod', () => {
  // The probe: botocore's own credential chain over the given env, the STS call answered in-process. `probe(env)` answers
  // for one pod, in a fresh Session, the env of the machine's Python (its AWS_ variables left out) replaced each time.
  const PROBE_FUNCTIONS = `
import json, os, sys
import botocore, botocore.awsrequest, botocore.exceptions, botocore.loaders, botocore.session
sent = []
class Raw:
    def __init__(self, body): self.body = body
    def stream(self, **kwargs): yield self.body
def answer(request, **kwargs):
    sent.append({'url': request.url, 'body': request.body.decode() if isinstance(request.body, bytes) else request.body})
    xml = (b'<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleWithWebIdentityResult><Credentials>'
           b'<AccessKeyId>ASIAFAKEFAKEFAKE0000</AccessKeyId><SecretAccessKey>fake-sts-secret</SecretAccessKey><SessionToken>fake-sts-session</SessionToken>'
           b'<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>')
    return botocore.awsrequest.AWSResponse(request.url, 200, {}, Raw(xml))
# The container credentials endpoint (EKS Pod Identity's agent), answered in-process too.
import botocore.utils
def retrieve_full_uri(self, full_url, headers=None):
    sent.append({'url': full_url, 'headers': headers})
    return {'AccessKeyId': 'ASIAFAKECONTAINER000', 'SecretAccessKey': 'fake-container-secret', 'Token': 'fake-container-session', 'Expiration': '2099-01-01T00:00:00Z'}
botocore.utils.ContainerMetadataFetcher.retrieve_full_uri = retrieve_full_uri
machine = {n: v for n, v in os.environ.items() if not n.startswith('AWS_')}
# botocore's data files (service models, endpoints; AWS_DATA_PATH is never set here) read once for all the pods a run
# answers: a Session's own loader reads them again (the STS client of a web identity, 90 ms a pod, 18 ms with one).
loader = botocore.loaders.create_loader()
def probe(env):
    os.environ.clear()
    os.environ.update(machine)
    os.environ.update(env)
    sent.clear()
    session = botocore.session.Session()
    session.register_component('data_loader', loader)
    session.register('before-send.sts.AssumeRoleWithWebIdentity', answer)
    credentials = session.get_credentials()
    result = {'botocore': botocore.__version__, 'method': None if credentials is None else credentials.method}
    if result['method'] in ('assume-role-with-web-identity', 'container-role'):
        result['accessKeyId'] = credentials.get_frozen_credentials().access_key
        result['requests'] = list(sent)
    return result
# probe, reporting the class of a botocore error it raises ({"raised": "ProfileNotFound"}) rather than failing.
def catching(env):
    try:
        return probe(env)
    except botocore.exceptions.BotoCoreError as e:
        return {'raised': type(e).__name__}
`;
  const PROBE = `${PROBE_FUNCTIONS}print(json.dumps(probe(json.load(sys.stdin))))\n`;
  const hasBotocore = spawnSync('python3', ['-c', 'import botocore'], { encoding: 'utf8' }).status === 0;
  if (!hasBotocore) {
    // eslint-disable-next-line no-console
    console.log('sdk-reference.test.ts: python3 with botocore is not available: the botocore comparisons are skipped');
  }
  const withBotocore = hasBotocore ? test : test.skip;

  /** PROBE, reporting the class of a botocore error it raises (`{ raised: 'ProfileNotFound' }`) rather than failing. */
  const CATCHING_PROBE = `${PROBE_FUNCTIONS}print(json.dumps(catching(json.load(sys.stdin))))\n`;

  /** The env botocore is given for `container`: no config file of the machine and no instance metadata. */
  const botocoreEnv = (container: Container, more: Record<string, string> = {}): Record<string, string> => ({
    HOME: path.join(container.root, 'home', 'nobody'),
    AWS_CONFIG_FILE: path.join(container.root, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(container.root, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...container.env,
    ...more,
  });

  /** botocore's view of `env`, with no config file of the machine and no instance metadata. */
  function botocore(container: Container, more: Record<string, string> = {}, probe = PROBE): any {
    const run = spawnSync('python3', ['-c', probe], { input: JSON.stringify(botocoreEnv(container, more)), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout);
  }

  /**
   * The pods the profile and three-source cases ask botocore about (about 220), answered by one python3 in beforeAll
   * rather than one each (a start took about 0.4 s): each its files in ~/.aws/ of a temporary HOME of its own
   * (which holds a fake token), and its env; `{root}` in either stands for that HOME. Each answer is CATCHING_PROBE's.
   */
  interface LivePod {
    readonly files: { readonly credentials?: string; readonly config?: string };
    readonly env: Record<string, string>;
  }
  const livePods = new Map<string, LivePod>();
  const live = { answers: new Map<string, any>(), stderr: '' };
  beforeAll(() => {
    if (!hasBotocore || livePods.size === 0) { return; }
    const keys = [...livePods.keys()];
    const root = mkdtempSync(path.join(workDir, 'live-'));
    const envs = keys.map((key, i) => {
      const { files, env } = livePods.get(key)!;
      const home = path.join(root, String(i));
      const rooted = (text: string) => text.split('{root}').join(home);
      mkdirSync(path.join(home, '.aws'), { recursive: true });
      for (const [name, text] of Object.entries(files)) { writeFileSync(path.join(home, '.aws', name), rooted(text!)); }
      writeFileSync(path.join(home, 'token'), 'fake-web-identity-token');
      return botocoreEnv({ env: {}, tokens: {}, root: home }, Object.fromEntries(Object.entries(env).map(([name, value]) => [name, rooted(value)])));
    });
    const run = spawnSync('python3', ['-c', `${PROBE_FUNCTIONS}print(json.dumps([catching(env) for env in json.load(sys.stdin)]))\n`],
      { input: JSON.stringify(envs), encoding: 'utf8', maxBuffer: 1 << 26 });
    live.stderr = run.stderr;
    if (run.status === 0) { JSON.parse(run.stdout).forEach((answer: any, i: number) => live.answers.set(keys[i], answer)); }
  });
  /** botocore's answer for the pod `key` of `livePods`: its method, or the error it raises (`none`: no credentials). */
  const liveMethod = (key: string): string => {
    expect(live.stderr).toBe('');
    const answer = live.answers.get(key);
    return answer.raised ?? answer.method ?? 'none';
  };

  withBotocore('assume-role-with-web-identity, with the role, the session name and the token from the mounted file, at the regional STS', () => {
    // GIVEN a notebook that selects the role
    const container = admit(chart => new AwsWebIdentityAccess(chart, 'aws-role', {
      roleArn: ROLE_ARN, region: 'eu-west-1', stsRegionalEndpoints: true, roleSessionName: 'kubeflow-notebook',
    }));
    // WHEN botocore resolves its credentials
    const result = botocore(container);
    // THEN (the version recorded with the result)
    expect(result.botocore).toMatch(/^1\.43\./);
    expect(result.method).toBe('assume-role-with-web-identity');
    expect(result.accessKeyId).toBe('ASIAFAKEFAKEFAKE0000');
    expect(result.requests).toHaveLength(1);
    expect(result.requests[0].url).toBe('https://sts.eu-west-1.amazonaws.com/');
    expect(Object.fromEntries(new URLSearchParams(result.requests[0].body))).toEqual({
      Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', RoleArn: ROLE_ARN, RoleSessionName: 'kubeflow-notebook',
      WebIdentityToken: container.tokens['sts.amazonaws.com'],
    });
  });

  withBotocore('botocore reads AWS_DEFAULT_REGION, not AWS_REGION: the identity sets both', () => {
    const container = admit(chart => new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN, region: 'eu-west-1' }));
    const { AWS_DEFAULT_REGION, ...withoutDefault } = container.env;
    expect(botocore(container).requests[0].url).toBe('https://sts.eu-west-1.amazonaws.com/');
    expect(botocore({ ...container, env: withoutDefault }).requests[0].url).toBe('https://sts.amazonaws.com/');
    expect(AWS_DEFAULT_REGION).toBe('eu-west-1');
  });

  withBotocore('without a region botocore asks the aws partition\'s STS whatever partition the role names: why AwsWebIdentityAccess requires a region for an aws-cn or aws-us-gov role', () => {
    // GIVEN a China role and region, the env then given no region, and a GovCloud role likewise
    const container = admit(chart => new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: 'arn:aws-cn:iam::123456789012:role/notebook-s3', region: 'cn-north-1' }));
    const { AWS_DEFAULT_REGION: _default, AWS_REGION: _region, ...withoutRegion } = container.env;
    for (const roleArn of ['arn:aws-cn:iam::123456789012:role/notebook-s3', 'arn:aws-us-gov:iam::123456789012:role/notebook-s3']) {
      // WHEN botocore resolves its credentials
      const result = botocore({ ...container, env: { ...withoutRegion, AWS_ROLE_ARN: roleArn } });
      // THEN it asks the commercial partition's global STS, for a role of another partition
      expect(result.requests.map((r: any) => r.url)).toEqual(['https://sts.amazonaws.com/']);
      expect(new URLSearchParams(result.requests[0].body).get('RoleArn')).toBe(roleArn);
    }
  });

  withBotocore('the STS asked is the region\'s partition\'s, and the partitions are botocore\'s: why AwsWebIdentityAccess refuses a region of another partition than the role\'s', () => {
    // GIVEN a China role and region, the env then given a commercial role's ARN (which the construct refuses)
    const container = admit(chart => new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: 'arn:aws-cn:iam::123456789012:role/notebook-s3', region: 'cn-north-1' }));
    // WHEN botocore resolves its credentials
    const result = botocore(container, { AWS_ROLE_ARN: ROLE_ARN });
    // THEN it asks the STS of the China partition, for the commercial role
    expect(result.requests.map((r: any) => r.url)).toEqual(['https://sts.cn-north-1.amazonaws.com.cn/']);
    expect(new URLSearchParams(result.requests[0].body).get('RoleArn')).toBe(ROLE_ARN);
    // AND the library's partition of each region is botocore's (a region of none: botocore raises UnknownRegionError)
    const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-7', 'mx-central-1', 'cn-north-1', 'cn-northwest-1', 'us-gov-west-1', 'us-gov-east-1',
      'us-iso-east-1', 'us-isob-east-1', 'eu-isoe-west-1', 'us-isof-south-1', 'eusc-de-east-1', 'xx-future-1', 'local'];
    const probe = 'import json, sys, botocore.session\nr = botocore.session.get_session()._get_internal_component("endpoint_resolver")\n'
      + 'def p(x):\n    try: return r.get_partition_for_region(x)\n    except Exception: return None\n'
      + 'print(json.dumps([p(x) for x in json.load(sys.stdin)]))';
    const run = spawnSync('python3', ['-c', probe], { input: JSON.stringify(regions), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(regions.map(r => regionPartition(r) ?? null)).toEqual(JSON.parse(run.stdout));
  });

  withBotocore('env when a key pair is added beside the role (a PodDefault the webhook admits with it): why cloud-identity refuses the pair', () => {
    const container = admit(chart => {
      new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN });
      handWritten(chart, 'team-keys', { AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE0000', AWS_SECRET_ACCESS_KEY: FAKE_SECRET });
    }, undefined, /^poddefault team-keys .* silently uses AWS keys of team-keys/);
    expect(botocore(container)).toEqual({ botocore: expect.any(String), method: 'env' });
  });

  withBotocore('the role before a credentials file with [default] in ~/.aws/, which botocore reads without the role', () => {
    // GIVEN the role and an AwsFileCredentials, whose Secret is mounted at the home's .aws/, without its
    // marker (as a hand-written one would be), so that the webhook admits a pod that selects both
    const build = (chart: Chart) => {
      new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN });
      new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromKeys({ accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET }) })
        .addJsonPatch(JsonPatch.remove('/spec/env'));
    };
    const both = admit(build, undefined, /^poddefault aws-role .* silently uses an AWS web identity of aws-role/);
    const home = jovyanHome(both);
    // THEN botocore uses the role
    expect(botocore(both, home).method).toBe('assume-role-with-web-identity');
    // AND the file alone gives credentials, so the role silently wins over a working file
    const fileOnly = admit(build, { 'aws-credentials': 'true' }, /silently uses an AWS web identity/);
    expect(botocore(fileOnly, { HOME: path.join(fileOnly.root, 'home', 'jovyan'), AWS_SHARED_CREDENTIALS_FILE: path.join(fileOnly.root, 'home', 'jovyan', '.aws', 'credentials') }).method)
      .toBe('shared-credentials-file');
  });

  withBotocore('the role before the named profile AWS_PROFILE makes botocore read: why cloud-identity counts that profile, not only [default]', () => {
    // GIVEN the role and a credentials file of the profile prod alone in ~/.aws/, whose PodDefault also sets AWS_PROFILE=prod
    const build = (chart: Chart) => {
      new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN });
      new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromProfiles([{ profile: 'prod', accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET }]) })
        .addJsonPatch(JsonPatch.add('/spec/env', [{ name: 'AWS_PROFILE', value: 'prod' }]));
    };
    // WHEN a notebook selects both
    const both = admit(build, undefined, /^poddefault aws-role .* silently uses an AWS web identity of aws-role/);
    // THEN botocore uses the role
    expect(botocore(both, jovyanHome(both)).method).toBe('assume-role-with-web-identity');
    // AND the file alone gives credentials for the profile AWS_PROFILE names, so the role silently wins over a working file
    const fileOnly = admit(build, { 'aws-credentials': 'true' }, /silently uses an AWS web identity/);
    expect(fileOnly.env.AWS_PROFILE).toBe('prod');
    expect(botocore(fileOnly, jovyanHome(fileOnly)).method).toBe('shared-credentials-file');
  });

  withBotocore('the IAM limits AwsWebIdentityAccess keeps to (an OIDC provider\'s URL and client IDs) are those of botocore\'s IAM model', () => {
    // GIVEN botocore's IAM service model (CreateOpenIDConnectProvider's Url and ClientIDList)
    const probe = 'import json, botocore.session\nm = botocore.session.get_session().get_service_model("iam")\n'
      + 'op = m.operation_model("CreateOpenIDConnectProvider").input_shape.members\n'
      + 'print(json.dumps([op["Url"].metadata.get("max"), op["ClientIDList"].member.metadata.get("max")]))';
    // WHEN its limits are read
    const run = spawnSync('python3', ['-c', probe], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    // THEN they are the library's: an issuer or audience past them is refused (aws-web-identity-access.test.ts)
    expect(JSON.parse(run.stdout)).toEqual([IAM_OIDC_PROVIDER_MAX_LENGTH, IAM_OIDC_PROVIDER_MAX_LENGTH]);
  });

  withBotocore('the default credential chain, in order: the vector cloud-identity\'s AWS pairs follow', () => {
    // GIVEN botocore's own resolver (credentials.py create_credential_resolver), with no profile given to the session
    const probe = 'import json, botocore, botocore.session, botocore.credentials as c\n'
      + 'print(json.dumps([botocore.__version__, [p.METHOD for p in c.create_credential_resolver(botocore.session.Session()).providers]]))';
    // WHEN its providers are listed
    const run = spawnSync('python3', ['-c', probe], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const [version, methods] = JSON.parse(run.stdout);
    // THEN (recorded with botocore 1.43.11): keys in the env, then a web identity, then the credentials file, then
    // the container endpoint (EKS Pod Identity, ECS) near the end, before instance metadata only
    expect(version).toMatch(/^1\.43\./);
    expect(methods).toEqual(['env', 'assume-role', 'assume-role-with-web-identity', 'sso', 'shared-credentials-file', 'login', 'custom-process',
      'config-file', 'ec2-credentials-file', 'boto-config', 'container-role', 'iam-role']);
  });

  withBotocore('EKS Pod Identity\'s variables written by hand: the endpoint alone, and silently unused beside the role, AWS keys or a credentials file: why cloud-identity refuses the pairs', () => {
    // GIVEN a hand-written PodDefault with EKS Pod Identity's variables (the agent's address; the token file under the pod's root)
    const podIdentity = (chart: Chart) => handWritten(chart, 'pod-identity', {
      AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.23/v1/credentials',
      AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '/var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token',
    });
    const withToken = (container: Container) => {
      const file = path.join(container.root, 'eks-pod-identity-token');
      writeFileSync(file, 'fake-eks-pod-identity-token');
      return { AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: file };
    };
    // WHEN botocore resolves its credentials from it alone
    const alone = admit(podIdentity);
    const result = botocore(alone, withToken(alone));
    // THEN it asks the endpoint, signed with the token of the file
    expect(result).toEqual({ botocore: expect.any(String), method: 'container-role', accessKeyId: 'ASIAFAKECONTAINER000',
      requests: [{ url: 'http://169.254.170.23/v1/credentials', headers: { Authorization: 'fake-eks-pod-identity-token' } }] });
    // AND beside the role, botocore uses the role and never asks the endpoint
    const withRole = admit(chart => {
      new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN });
      podIdentity(chart);
    }, undefined, /^poddefault aws-role .* silently uses an AWS web identity of aws-role, since botocore's credential chain tries a web identity before the container credentials endpoint/);
    const both = botocore(withRole, withToken(withRole));
    expect([both.method, both.requests.map((r: any) => r.url)]).toEqual(['assume-role-with-web-identity', ['https://sts.amazonaws.com/']]);
    // AND beside the library's S3 keys (whose marker the hand-written PodDefault lacks), the keys
    const withKeys = admit(chart => {
      new AwsEnvConfiguration(chart, 'aws-configuration', { configuration: S3Configuration.fromValues({ accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET }) });
      podIdentity(chart);
    }, undefined, /^poddefault aws-configuration .* silently uses AWS keys of aws-configuration/);
    expect(botocore(withKeys, withToken(withKeys)).method).toBe('env');
    // AND beside a credentials file with [default] in ~/.aws/ (without its marker, as written by hand), the file
    const withFile = admit(chart => {
      new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromKeys({ accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET }) })
        .addJsonPatch(JsonPatch.remove('/spec/env'));
      podIdentity(chart);
    }, undefined, /^poddefault aws-credentials .* silently uses an AWS credentials file with keys for the profile botocore reads of aws-credentials/);
    expect(botocore(withFile, { ...withToken(withFile), HOME: path.join(withFile.root, 'home', 'jovyan'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(withFile.root, 'home', 'jovyan', '.aws', 'credentials') }).method).toBe('shared-credentials-file');
  });

  withBotocore('the profile the role\'s PodDefault names, read from the other\'s credentials file: the merged env is what botocore reads', () => {
    // GIVEN the role, whose PodDefault also sets AWS_PROFILE=prod, and a credentials file of the profile prod alone in ~/.aws/
    const build = (chart: Chart) => {
      new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN }).addJsonPatch(JsonPatch.add('/spec/env/-', { name: 'AWS_PROFILE', value: 'prod' }));
      new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromProfiles([{ profile: 'prod', accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET }]) });
    };
    // WHEN a notebook selects both
    const both = admit(build, undefined, /^poddefault aws-role .* \(the file \/home\/jovyan\/\.aws\/credentials from Secret aws-credentials, the profile AWS_PROFILE of poddefault aws-role names\)/);
    const home = jovyanHome(both);
    // THEN the pod's env has AWS_PROFILE from the role's PodDefault, and botocore uses the role
    expect(both.env.AWS_PROFILE).toBe('prod');
    expect(botocore(both, home).method).toBe('assume-role-with-web-identity');
    // AND without the web identity's variables, the same env reads the file: a working credential silently unused
    const { AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN, ...fileOnly } = both.env;
    expect(AWS_WEB_IDENTITY_TOKEN_FILE).toBeDefined();
    expect(botocore({ ...both, env: fileOnly }, home).method).toBe('shared-credentials-file');
  });

  withBotocore('an empty AWS_PROFILE: botocore raises ProfileNotFound, with the role or without, so no credentials file is silently unused: why cloud-identity counts none', () => {
    // GIVEN the role, whose PodDefault also sets AWS_PROFILE to "", and a credentials file with [default] in ~/.aws/,
    // without its marker (as a hand-written one would be), so that the webhook admits a pod that selects both
    const build = (chart: Chart) => {
      new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN }).addJsonPatch(JsonPatch.add('/spec/env/-', { name: 'AWS_PROFILE', value: '' }));
      new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromKeys({ accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET }) })
        .addJsonPatch(JsonPatch.remove('/spec/env'));
    };
    // WHEN a notebook selects both (the check reports no pair)
    const both = admit(build);
    // THEN botocore (recorded with 1.43.11) raises ProfileNotFound, loud: an empty profile is set, and in no file, with the
    // web identity's variables or without them (the file is never read as [default])
    const home = expectProfileNotFound(both);
    // AND the same file without AWS_PROFILE is read
    const { AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN, AWS_PROFILE, ...noProfile } = both.env;
    expect(botocore({ ...both, env: noProfile }, home).method).toBe('shared-credentials-file');
  });

  /** A hand-written Secret holding `text` as `credentials`, and a PodDefault that mounts it at `mountPath` and sets `env`, selected by `<name>: "true"`. */
  function handWrittenFile(scope: Construct, name: string, text: string, mountPath: string, env: Record<string, string> = {}): void {
    new ApiObject(scope, `${name}-secret`, { apiVersion: 'v1', kind: 'Secret', metadata: { name }, data: { credentials: Buffer.from(text).toString('base64') } });
    new ApiObject(scope, name, {
      apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name },
      spec: {
        desc: name, selector: { matchLabels: { [name]: 'true' } }, env: Object.entries(env).map(([k, v]) => ({ name: k, value: v })),
        volumes: [{ name: 'aws', secret: { secretName: name } }], volumeMounts: [{ name: 'aws', mountPath }],
      },
    });
  }
  const KEYS_FILE = `[default]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = ${FAKE_SECRET}\n`;

  withBotocore('AWS_PROFILE of a third PodDefault the notebook selects: botocore reads the file\'s profile it names, after the role: why cloud-identity follows a third', () => {
    // GIVEN the role, a hand-written file of the profile prod only in ~/.aws/, and a third PodDefault that sets only AWS_PROFILE=prod
    const prodFile = KEYS_FILE.replace('[default]', '[prod]');
    const build = (chart: Chart) => {
      new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN });
      handWrittenFile(chart, 'aws-file', prodFile, '/home/jovyan/.aws');
      handWritten(chart, 'aws-profile', { AWS_PROFILE: 'prod' });
    };
    const reported = /^poddefault aws-role .* \(the file \/home\/jovyan\/\.aws\/credentials from Secret aws-file, the profile AWS_PROFILE of poddefault aws-profile names\) .*\(labelled aws-file=true,aws-profile=true,aws-role=true\)/;
    // WHEN a notebook selects the three (the check reports the pair, for that notebook)
    const three = admit(build, undefined, reported);
    // THEN botocore (recorded with 1.43.11) uses the role
    expect(three.env.AWS_PROFILE).toBe('prod');
    expect(botocore(three, jovyanHome(three)).method).toBe('assume-role-with-web-identity');
    // AND without the web identity's variables, the same env reads the file's prod: a working credential silently unused
    const { AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN, ...fileOnly } = three.env;
    expect(AWS_WEB_IDENTITY_TOKEN_FILE).toBeDefined();
    expect(botocore({ ...three, env: fileOnly }, jovyanHome(three)).method).toBe('shared-credentials-file');
    // AND a notebook of the role and the file alone reads [default], which the file lacks: none (no pair without the third)
    const two = admit(build, { 'aws-role': 'true', 'aws-file': 'true' }, reported);
    const { AWS_WEB_IDENTITY_TOKEN_FILE: t, AWS_ROLE_ARN: r, ...twoFileOnly } = two.env;
    expect(t).toBeDefined();
    expect(botocore({ ...two, env: twoFileOnly }, jovyanHome(two)).method).toBeNull();
  });

  withBotocore('a HOME a PodDefault sets elsewhere: botocore reads ~/.aws/credentials there, not the file mounted in /home/jovyan/.aws/, so cloud-identity reports no pair', () => {
    // GIVEN the role, and a hand-written file of [default] mounted in /home/jovyan/.aws/ by a PodDefault that sets HOME=/home/other
    const build = (chart: Chart) => {
      new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN });
      handWrittenFile(chart, 'aws-file', KEYS_FILE, '/home/jovyan/.aws', { HOME: '/home/other' });
    };
    // WHEN a notebook selects both (the check reports no pair: synth passes)
    const both = admit(build);
    // THEN botocore (recorded with 1.43.11), with the pod's HOME, uses the role, and never reads the mounted file
    expect(both.env.HOME).toBe('/home/other');
    const other = { HOME: path.join(both.root, 'home', 'other') };
    expect(botocore(both, other).method).toBe('assume-role-with-web-identity');
    const { AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN, ...fileOnly } = both.env;
    expect(AWS_WEB_IDENTITY_TOKEN_FILE).toBeDefined();
    expect(botocore({ ...both, env: fileOnly }, other).method).toBeNull();
    // AND with HOME=/home/jovyan the same file is read: the pair the check reports there
    expect(botocore({ ...both, env: fileOnly }, jovyanHome(both)).method).toBe('shared-credentials-file');
  });

  withBotocore('AWS_PROFILE="" of a third PodDefault every notebook of the role selects: botocore raises ProfileNotFound, so cloud-identity reports no pair', () => {
    // GIVEN the role, a hand-written file with [default] in ~/.aws/, and a third that selects the role's notebooks and sets AWS_PROFILE to ""
    const build = (chart: Chart) => {
      new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN });
      handWrittenFile(chart, 'aws-file', KEYS_FILE, '/home/jovyan/.aws');
      new ApiObject(chart, 'no-profile', {
        apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name: 'no-profile' },
        spec: { desc: 'no-profile', selector: { matchLabels: { 'aws-role': 'true' } }, env: [{ name: 'AWS_PROFILE', value: '' }] },
      });
    };
    // WHEN a notebook selects the role and the file, and so the third (the check reports no pair: synth passes)
    const both = admit(build, { 'aws-role': 'true', 'aws-file': 'true' });
    // THEN botocore (recorded with 1.43.11) raises ProfileNotFound, loud, with the web identity's variables or without them
    expectProfileNotFound(both);
  });

  /** The pod's HOME and the credentials file botocore reads there, as paths of the container `c` on this machine. */
  function jovyanHome(c: Container): Record<string, string> {
    return { HOME: path.join(c.root, 'home', 'jovyan'), AWS_SHARED_CREDENTIALS_FILE: path.join(c.root, 'home', 'jovyan', '.aws', 'credentials') };
  }

  /**
   * Asserts that botocore raises ProfileNotFound in `both` (a pod whose AWS_PROFILE is ""), and so it does without the web
   * identity's variables; the pod's HOME and credentials file, for more.
   */
  function expectProfileNotFound(both: Container): Record<string, string> {
    const home = jovyanHome(both);
    expect(both.env.AWS_PROFILE).toBe('');
    expect(botocore(both, home, CATCHING_PROBE)).toEqual({ raised: 'ProfileNotFound' });
    const { AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN, ...fileOnly } = both.env;
    expect(AWS_WEB_IDENTITY_TOKEN_FILE).toBeDefined();
    expect(botocore({ ...both, env: fileOnly }, home, CATCHING_PROBE)).toEqual({ raised: 'ProfileNotFound' });
    return home;
  }

  withBotocore('a credentials file the library\'s own parser refuses ([profile x], a profile without keys, comments, ":"): botocore reads its [default], after the role: why cloud-identity counts it', () => {
    // GIVEN the role, and a hand-written file in ~/.aws/ that parseCredentialsIni refuses
    const odd = `# team keys\n[profile x]\nregion = eu-west-1\n\n[empty]\n\n[default]\n; the keys\nAWS_ACCESS_KEY_ID:AKIAFAKEFAKEFAKE0000\naws_secret_access_key   =\t${FAKE_SECRET}\n`;
    const build = (chart: Chart) => {
      new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN });
      handWrittenFile(chart, 'aws-file', odd, '/home/jovyan/.aws');
    };
    // WHEN a notebook selects both (the check reports the pair)
    const both = admit(build, undefined, /^poddefault aws-role .* \(the file \/home\/jovyan\/\.aws\/credentials from Secret aws-file, its \[default\] profile\)/);
    // THEN botocore uses the role
    expect(botocore(both, jovyanHome(both)).method).toBe('assume-role-with-web-identity');
    // AND the file alone gives credentials: a working credential silently unused
    const fileOnly = admit(build, { 'aws-file': 'true' }, /silently uses an AWS web identity/);
    expect(botocore(fileOnly, jovyanHome(fileOnly)).method).toBe('shared-credentials-file');
  });

  withBotocore('AWS_SHARED_CREDENTIALS_FILE with "~" or "$HOME": botocore reads the file in HOME, after the role: why cloud-identity matches it to the mount', () => {
    for (const named of ['~/secrets/aws/credentials', '$HOME/secrets/aws/credentials']) {
      // GIVEN the role, and a file mounted at ~/secrets/aws/ of the Kubeflow images' home, named from the home
      const build = (chart: Chart) => {
        new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN });
        handWrittenFile(chart, 'aws-file', KEYS_FILE, '/home/jovyan/secrets/aws', { AWS_SHARED_CREDENTIALS_FILE: named });
      };
      // WHEN a notebook selects both (the check reports the pair), its HOME the pod's root's /home/jovyan
      const both = admit(build, undefined, /^poddefault aws-role .* \(the file \/home\/jovyan\/secrets\/aws\/credentials from Secret aws-file, its \[default\] profile\)/);
      expect(both.env.AWS_SHARED_CREDENTIALS_FILE).toBe(named);
      // THEN botocore uses the role
      expect(botocore(both, { HOME: path.join(both.root, 'home', 'jovyan') }).method).toBe('assume-role-with-web-identity');
      // AND the file alone, found through HOME, gives credentials
      const fileOnly = admit(build, { 'aws-file': 'true' }, /silently uses an AWS web identity/);
      expect(botocore(fileOnly, { HOME: path.join(fileOnly.root, 'home', 'jovyan') }).method).toBe('shared-credentials-file');
    }
  });

  withBotocore('an empty AWS_PROFILE beside AWS keys and the role, or container credentials, with no file: botocore raises ProfileNotFound: why cloud-identity reports no pair', () => {
    // GIVEN keys whose PodDefault also sets AWS_PROFILE to "", beside the role
    const keys = (chart: Chart) => handWritten(chart, 'team-keys', { AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE0000', AWS_SECRET_ACCESS_KEY: FAKE_SECRET, AWS_PROFILE: '' });
    // WHEN a notebook selects both (the check reports no pair)
    const withRole = admit(chart => {
      new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN });
      keys(chart);
    });
    // THEN botocore (recorded with 1.43.11) raises ProfileNotFound, loud, though the keys are in the env
    expect(withRole.env.AWS_PROFILE).toBe('');
    expect(botocore(withRole, {}, CATCHING_PROBE)).toEqual({ raised: 'ProfileNotFound' });
    // AND so it does beside container credentials
    const withContainer = admit(chart => {
      handWritten(chart, 'pod-identity', { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.23/v1/credentials' });
      keys(chart);
    });
    expect(botocore(withContainer, {}, CATCHING_PROBE)).toEqual({ raised: 'ProfileNotFound' });
    // AND without AWS_PROFILE, the keys are used
    const { AWS_PROFILE, ...noProfile } = withRole.env;
    expect(botocore({ ...withRole, env: noProfile }).method).toBe('env');
  });

  // The profiles of ~/.aws/credentials and ~/.aws/config as cloud-identity reads them (botocoreProviders, both files
  // together), against botocore's own chain: which provider gives the profile read, alone and beside a web identity
  // (method, or the error it raises, loud). Recorded with botocore 1.43.11 (python3 3.11.7, each case's files in ~/.aws/
  // of a temporary HOME, `Session().get_credentials()`), and compared with it live on every run; no network: assume-role,
  // sso and a profile's web identity return DeferredRefreshableCredentials that call STS or SSO only when used, a
  // credential_process prints fake keys, the container endpoint is answered in-process by PROBE.
  const KEY_LINES = `aws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = ${FAKE_SECRET}\n`;
  const PROCESS = 'credential_process = printf \'{"Version": 1, "AccessKeyId": "AKIAFAKEPROCESS00000", "SecretAccessKey": "fake-process-secret"}\'\n';
  const ROLE = `role_arn = ${ROLE_ARN}\n`;
  const MID = 'role_arn = arn:aws:iam::123456789012:role/middle\n';
  const SSO = 'sso_session = team\nsso_account_id = 123456789012\nsso_role_name = reader\n';
  const SSO_SESSION = '[sso-session team]\nsso_start_url = https://fake.awsapps.com/start\nsso_region = eu-west-1\n';
  /** A profile's token file: `{root}` is the case's temporary HOME, which holds a fake token. */
  const TOKEN = 'web_identity_token_file = {root}/token\n';
  const PROFILE_VECTORS: [title: string, files: { credentials?: string; config?: string }, env: Record<string, string>, alone: string, beside: string][] = [
    ['keys in the config file\'s [default]', { config: `[default]\n${KEY_LINES}` }, {}, 'config-file', 'assume-role-with-web-identity'],
    ['keys in the config file\'s [profile prod], AWS_PROFILE=prod', { config: `[profile prod]\n${KEY_LINES}` }, { AWS_PROFILE: 'prod' }, 'config-file', 'assume-role-with-web-identity'],
    ['keys in the config file\'s [profile "prod"] (shlex)', { config: `[profile "prod"]\n${KEY_LINES}` }, { AWS_PROFILE: 'prod' }, 'config-file', 'assume-role-with-web-identity'],
    ['keys in the config file\'s [prod], no profile', { config: `[prod]\n${KEY_LINES}` }, { AWS_PROFILE: 'prod' }, 'ProfileNotFound', 'ProfileNotFound'],
    ['a region alone in the config file, as AwsFileCredentials writes it', { config: '[default]\nregion = eu-west-1\n' }, {}, 'none', 'assume-role-with-web-identity'],
    ['a credential_process in the config file', { config: `[default]\n${PROCESS}` }, {}, 'custom-process', 'assume-role-with-web-identity'],
    ['a credential_process in the credentials file', { credentials: `[default]\n${PROCESS}` }, {}, 'custom-process', 'assume-role-with-web-identity'],
    ['a credential_process and keys in the credentials file', { credentials: `[default]\n${PROCESS}${KEY_LINES}` }, {}, 'shared-credentials-file', 'assume-role-with-web-identity'],
    ['a credential_process and keys in the config file', { config: `[default]\n${PROCESS}${KEY_LINES}` }, {}, 'custom-process', 'assume-role-with-web-identity'],
    ['a role with a source profile with keys in the config file', { config: `[default]\n${ROLE}source_profile = src\n[profile src]\n${KEY_LINES}` }, {}, 'assume-role', 'assume-role'],
    ['a role with a source profile with keys in the credentials file', { credentials: `[default]\n${ROLE}source_profile = src\n[src]\n${KEY_LINES}` }, {}, 'assume-role', 'assume-role'],
    ['a role sourced from its own keys', { credentials: `[default]\n${ROLE}source_profile = default\n${KEY_LINES}` }, {}, 'assume-role', 'assume-role'],
    ['a role of the profile AWS_PROFILE names', { config: `[profile prod]\n${ROLE}source_profile = src\n[profile src]\n${KEY_LINES}` }, { AWS_PROFILE: 'prod' }, 'assume-role', 'assume-role'],
    ['a role sourced from the container endpoint', { config: `[default]\n${ROLE}credential_source = EcsContainer\n` },
      { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.23/v1/credentials' }, 'assume-role', 'assume-role'],
    ['a role sourced from the environment, which has no keys', { config: `[default]\n${ROLE}credential_source = Environment\n` }, {}, 'CredentialRetrievalError', 'CredentialRetrievalError'],
    ['a role without a source', { config: `[default]\n${ROLE}` }, {}, 'PartialCredentialsError', 'PartialCredentialsError'],
    ['a role whose source profile is missing', { config: `[default]\n${ROLE}source_profile = src\n` }, {}, 'InvalidConfigError', 'InvalidConfigError'],
    ['a role with a source profile and a credential_source', { config: `[default]\n${ROLE}source_profile = src\ncredential_source = EcsContainer\n[profile src]\n${KEY_LINES}` }, {},
      'InvalidConfigError', 'InvalidConfigError'],
    // A source profile in the other file: Session.full_config merges the profiles of both, the credentials file's options over the config file's.
    ['a role in the config file sourced from keys in the credentials file', { config: `[default]\n${ROLE}source_profile = src\n`, credentials: `[src]\n${KEY_LINES}` }, {},
      'assume-role', 'assume-role'],
    ['a role in the credentials file sourced from keys in the config file', { credentials: `[default]\n${ROLE}source_profile = src\n`, config: `[profile src]\n${KEY_LINES}` }, {},
      'assume-role', 'assume-role'],
    ['role_arn and source_profile in the config file\'s [default], its keys in the credentials file\'s', { config: `[default]\n${ROLE}source_profile = default\n`,
      credentials: `[default]\n${KEY_LINES}` }, {}, 'assume-role', 'assume-role'],
    ['role_arn alone in the config file\'s [default], keys in the credentials file\'s', { config: `[default]\n${ROLE}`, credentials: `[default]\n${KEY_LINES}` }, {},
      'PartialCredentialsError', 'PartialCredentialsError'],
    ['a role sourced from an access key alone in the other file', { config: `[default]\n${ROLE}source_profile = src\n`, credentials: '[src]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\n' }, {},
      'PartialCredentialsError', 'PartialCredentialsError'],
    ['a role sourced from a secret key alone in the other file', { config: `[default]\n${ROLE}source_profile = src\n`, credentials: `[src]\naws_secret_access_key = ${FAKE_SECRET}\n` }, {},
      'InvalidConfigError', 'InvalidConfigError'],
    // Either file unreadable (ConfigParseError): botocore raises whenever it reads the profiles, beside the web identity too.
    ['a role in the config file beside a credentials file botocore cannot read', { config: `[default]\n${ROLE}source_profile = src\n[profile src]\n${KEY_LINES}`,
      credentials: 'a line before any header\n[src]\n' }, {}, 'ConfigParseError', 'ConfigParseError'],
    ['keys in the credentials file beside a config file botocore cannot read', { config: 'a line before any header\n[default]\n', credentials: `[default]\n${KEY_LINES}` }, {},
      'ConfigParseError', 'ConfigParseError'],
    // Chains: a source profile that is a role is assumed in turn; one visited again raises.
    ['a chain of two roles to keys', { config: `[default]\n${ROLE}source_profile = middle\n[profile middle]\n${MID}source_profile = src\n[profile src]\n${KEY_LINES}` }, {},
      'assume-role', 'assume-role'],
    ['a chain of two roles to keys in the credentials file', { config: `[default]\n${ROLE}source_profile = middle\n[profile middle]\n${MID}source_profile = src\n`,
      credentials: `[src]\n${KEY_LINES}` }, {}, 'assume-role', 'assume-role'],
    ['a chain of two roles to the container endpoint', { config: `[default]\n${ROLE}source_profile = middle\n[profile middle]\n${MID}credential_source = EcsContainer\n` },
      { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.23/v1/credentials' }, 'assume-role', 'assume-role'],
    ['a chain of two roles to a source that gives nothing', { config: `[default]\n${ROLE}source_profile = middle\n[profile middle]\n${MID}source_profile = src\n[profile src]\nregion = eu-west-1\n` },
      {}, 'InvalidConfigError', 'InvalidConfigError'],
    ['a loop of two roles', { config: `[default]\n${ROLE}source_profile = middle\n[profile middle]\n${MID}source_profile = default\n` }, {},
      'InfiniteLoopConfigError', 'InfiniteLoopConfigError'],
    ['a loop back to the first role, which has keys', { config: `[default]\n${ROLE}source_profile = middle\n${KEY_LINES}[profile middle]\n${MID}source_profile = default\n` }, {},
      'InfiniteLoopConfigError', 'InfiniteLoopConfigError'],
    ['the same loop read from its middle role: the first role, visited second, is read as its keys', { config: `[default]\n${ROLE}source_profile = middle\n${KEY_LINES}`
      + `[profile middle]\n${MID}source_profile = default\n` }, { AWS_PROFILE: 'middle' }, 'assume-role', 'assume-role'],
    ['a middle role sourced from its own keys (read as keys)', { config: `[default]\n${ROLE}source_profile = middle\n[profile middle]\n${MID}source_profile = middle\n${KEY_LINES}` }, {},
      'assume-role', 'assume-role'],
    ['a middle role sourced from itself without keys', { config: `[default]\n${ROLE}source_profile = middle\n[profile middle]\n${MID}source_profile = middle\n` }, {},
      'InfiniteLoopConfigError', 'InfiniteLoopConfigError'],
    ['a role sourced from itself by a credential_process, without keys', { config: `[default]\n${ROLE}source_profile = default\n${PROCESS}` }, {},
      'InfiniteLoopConfigError', 'InfiniteLoopConfigError'],
    ['a role sourced from a credential_process', { config: `[default]\n${ROLE}source_profile = src\n[profile src]\n${PROCESS}` }, {}, 'assume-role', 'assume-role'],
    // A profile's own web identity: the web identity provider, after assume-role; the env's variables are read over the profile's.
    ['a profile\'s own web identity', { config: `[default]\n${ROLE}${TOKEN}` }, {}, 'assume-role-with-web-identity', 'assume-role-with-web-identity'],
    ['a profile\'s own web identity beside keys in the credentials file', { config: `[default]\n${ROLE}${TOKEN}`, credentials: `[default]\n${KEY_LINES}` }, {},
      'assume-role-with-web-identity', 'assume-role-with-web-identity'],
    ['a profile\'s token file without a role', { config: `[default]\n${TOKEN}` }, {}, 'InvalidConfigError', 'assume-role-with-web-identity'],
    ['a role sourced from a profile\'s web identity', { config: `[default]\n${ROLE}source_profile = src\n[profile src]\n${MID}${TOKEN}` }, {}, 'assume-role', 'assume-role'],
    ['a role sourced from a profile\'s token file without a role', { config: `[default]\n${ROLE}source_profile = src\n[profile src]\n${TOKEN}` }, {},
      'InvalidConfigError', 'InvalidConfigError'],
    // SSO: after the web identity (the env's wins), before the credentials file's keys.
    ['an SSO profile of an sso-session', { config: `[default]\n${SSO}${SSO_SESSION}` }, {}, 'sso', 'assume-role-with-web-identity'],
    ['a legacy SSO profile', { config: '[default]\nsso_start_url = https://fake.awsapps.com/start\nsso_region = eu-west-1\nsso_account_id = 123456789012\nsso_role_name = reader\n' }, {},
      'sso', 'assume-role-with-web-identity'],
    ['an SSO profile beside keys in the credentials file', { config: `[default]\n${SSO}${SSO_SESSION}`, credentials: `[default]\n${KEY_LINES}` }, {},
      'sso', 'assume-role-with-web-identity'],
    ['an SSO profile without its region', { config: '[default]\nsso_start_url = https://fake.awsapps.com/start\nsso_account_id = 123456789012\nsso_role_name = reader\n' }, {},
      'InvalidConfigError', 'assume-role-with-web-identity'],
    // Beside the web identity botocore takes the env's web identity, then raises creating any client (the STS one here): the
    // profile's sso_session names no [sso-session] for its token provider. Loud.
    ['an SSO profile of a missing sso-session', { config: `[default]\n${SSO}` }, {}, 'InvalidConfigError', 'InvalidConfigError'],
    ['an SSO profile that disagrees with its sso-session', { config: `[default]\n${SSO}sso_region = us-east-1\n${SSO_SESSION}` }, {},
      'InvalidConfigError', 'assume-role-with-web-identity'],
    ['a role sourced from an SSO profile', { config: `[default]\n${ROLE}source_profile = src\n[profile src]\n${SSO}${SSO_SESSION}` }, {}, 'assume-role', 'assume-role'],
    ['a role sourced from an SSO profile of a missing sso-session', { config: `[default]\n${ROLE}source_profile = src\n[profile src]\n${SSO}` }, {},
      'InvalidConfigError', 'InvalidConfigError'],
  ];

  /** The files' own HOME, the pod's env `env` in it. */
  const profilePod = (files: LivePod['files'], env: Record<string, string>): LivePod => ({
    files, env: { HOME: '{root}', AWS_CONFIG_FILE: '{root}/.aws/config', AWS_SHARED_CREDENTIALS_FILE: '{root}/.aws/credentials', ...env },
  });
  PROFILE_VECTORS.forEach(([title, files, env]) => {
    livePods.set(`profiles: ${title}, alone`, profilePod(files, env));
    livePods.set(`profiles: ${title}, beside a web identity`, profilePod(files, { ...env, AWS_ROLE_ARN: ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE: '{root}/token' }));
  });

  withBotocore.each(PROFILE_VECTORS)('profiles of the credentials and config files: %s', (title, files, env, alone, beside) => {
    // GIVEN the files in ~/.aws/ of a HOME of their own
    // WHEN botocore resolves its credentials, alone and beside a web identity (livePods)
    // THEN it uses the recorded provider
    expect(liveMethod(`profiles: ${title}, alone`)).toBe(alone);
    expect(liveMethod(`profiles: ${title}, beside a web identity`)).toBe(beside);
    // AND the check's reader, both files together, finds the provider botocore uses for the profile read (an error: none)
    const profile = env.AWS_PROFILE ?? 'default';
    const METHODS: Record<string, string> = { 'assume-role-with-web-identity': 'web-identity' };
    const found = botocoreProviders(files.credentials === undefined ? undefined : botocoreFile(files.credentials, 'credentials'),
      files.config === undefined ? undefined : botocoreFile(files.config, 'config')).get(profile)?.provider;
    expect(found ?? 'none').toBe(/^[a-z-]+$/.test(alone) && alone !== 'none' ? METHODS[alone] ?? alone : 'none');
  });

  // Three AWS credentials in a pod that selects two PodDefaults, each source in the place a user would put it: keys and a
  // web identity and container credentials in the env, a role profile (role_arn with source_profile) and a
  // credential_process in ~/.aws/config, keys in ~/.aws/credentials. botocore uses one; cloud-identity must name that
  // one as used in every pair it reports. Recorded with botocore 1.43.11 (python3 3.11.7: the three sources in one
  // temporary HOME and env, `Session().get_credentials().method`; no network, as PROFILE_VECTORS), and compared with it
  // live on every run for each way of splitting the three between the two PodDefaults.
  const TRIPLE_VECTORS: [sources: string, method: string][] = [
    ['keys web container', 'env'], ['keys web role', 'env'], ['keys web file', 'env'], ['keys web process', 'env'],
    ['keys container role', 'env'], ['keys container file', 'env'], ['keys container process', 'env'], ['keys role file', 'env'],
    ['keys role process', 'env'], ['keys file process', 'env'],
    ['web container role', 'assume-role'], ['web container file', 'assume-role-with-web-identity'], ['web container process', 'assume-role-with-web-identity'],
    ['web role file', 'assume-role'], ['web role process', 'assume-role'], ['web file process', 'assume-role-with-web-identity'],
    ['container role file', 'assume-role'], ['container role process', 'assume-role'], ['container file process', 'shared-credentials-file'],
    ['role file process', 'assume-role'],
  ];
  /** The same, of two of the sources: a pod that selects the PodDefault that gives both, alone. */
  const PAIR_VECTORS: Record<string, string> = {
    'keys web': 'env', 'keys container': 'env', 'keys role': 'env', 'keys file': 'env', 'keys process': 'env',
    'web container': 'assume-role-with-web-identity', 'web role': 'assume-role', 'web file': 'assume-role-with-web-identity', 'web process': 'assume-role-with-web-identity',
    'container role': 'assume-role', 'container file': 'shared-credentials-file', 'container process': 'custom-process',
    'role file': 'assume-role', 'role process': 'assume-role', 'file process': 'shared-credentials-file',
  };
  /** What cloud-identity calls the credential of each of botocore's methods (its WHAT). */
  const USED_BY_METHOD: Record<string, string> = {
    'env': 'AWS keys',
    'assume-role': 'an AWS profile that assumes a role (role_arn with source_profile or credential_source) for the profile botocore reads',
    'assume-role-with-web-identity': 'an AWS web identity',
    'shared-credentials-file': 'an AWS credentials file with keys for the profile botocore reads',
    'custom-process': 'an AWS config file with keys, or a credential_process, for the profile botocore reads',
  };
  /** Each split of the three sources: one PodDefault (`a`) gives one, the other (`b`) two; with the file each file source is in. */
  const splits = (sources: string[]) => sources.map(alone => {
    const owner = (source: string) => (source === alone ? 'a' : 'b');
    // A credential_process goes in the config file, or, when the role's PodDefault is another, in the credentials file.
    const processIn = !sources.includes('role') || owner('role') === owner('process') ? 'config'
      : !sources.includes('file') || owner('file') === owner('process') ? 'credentials' : undefined;
    return { alone, owner, processIn };
    // A split with the role, the keys file and the credential_process each in a file of the other PodDefault is none: a pod mounts one ~/.aws/config.
  }).filter(split => !sources.includes('process') || split.processIn !== undefined);

  /**
   * Each split of the three sources of `triple` as PodDefaults a and b, their files mounted from Secrets of their own; and
   * the pods botocore is asked about (livePods, the files in ~/.aws/ of a temporary HOME): the one that selects both, and
   * the one that selects b alone.
   */
  const tripleCases = (triple: string) => {
    const sources = triple.split(' ');
    return splits(sources).map(({ alone, owner, processIn }) => {
      const env = (source: string): Record<string, string> => ({
        keys: { AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE0000', AWS_SECRET_ACCESS_KEY: FAKE_SECRET },
        web: { AWS_ROLE_ARN: ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' },
        container: { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.23/v1/credentials' },
      } as Record<string, Record<string, string>>)[source] ?? {};
      const filesOf = (name: string) => {
        const own = sources.filter(s => owner(s) === name);
        const config = (own.includes('role') ? `${ROLE}source_profile = src\n` : '') + (own.includes('process') && processIn === 'config' ? PROCESS : '');
        const credentials = (own.includes('file') ? KEY_LINES : '') + (own.includes('process') && processIn === 'credentials' ? PROCESS : '');
        const files: Record<string, string> = {};
        if (config !== '') { files.config = `[default]\n${config}${own.includes('role') ? `[profile src]\n${KEY_LINES}` : ''}`; }
        if (credentials !== '') { files.credentials = `[default]\n${credentials}`; }
        return files;
      };
      const manifests: any[] = [];
      const envOf: Record<string, Record<string, string>> = {};
      const filesOfPd: Record<string, Record<string, string>> = {};
      for (const name of ['a', 'b']) {
        envOf[name] = Object.assign({}, ...sources.filter(s => owner(s) === name).map(env));
        filesOfPd[name] = filesOf(name);
        const keys = Object.keys(filesOfPd[name]);
        // A volume a file: the webhook keys volumes and mounts by name.
        manifests.push(pd(name, {
          env: Object.entries(envOf[name]).map(([n, value]) => ({ name: n, value })),
          volumes: keys.map(key => ({ name: `${name}-aws-${key}`, secret: { secretName: `${name}-aws`, items: [{ key, path: key }] } })),
          volumeMounts: keys.map(key => ({ name: `${name}-aws-${key}`, mountPath: `/home/jovyan/.aws/${key}`, subPath: key })),
        }));
        if (keys.length > 0) { manifests.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: `${name}-aws`, namespace: 'team-a' }, stringData: filesOfPd[name] }); }
      }
      const podOf = (names: string[]): LivePod => {
        const pod = Object.assign({}, ...names.map(name => envOf[name]));
        return {
          files: Object.assign({}, ...names.map(name => filesOfPd[name])),
          env: { ...pod, ...(pod.AWS_WEB_IDENTITY_TOKEN_FILE === undefined ? {} : { AWS_WEB_IDENTITY_TOKEN_FILE: '{root}/token' }),
            HOME: '{root}', AWS_CONFIG_FILE: '{root}/.aws/config', AWS_SHARED_CREDENTIALS_FILE: '{root}/.aws/credentials' },
        };
      };
      const key = (names: string[]) => `three: ${triple}, ${alone} alone, ${names.join('')}`;
      const bSources = sources.filter(s => owner(s) === 'b').join(' ');
      return { alone, manifests, bSources, key, pods: [['a', 'b'], ['b']].map(names => [key(names), podOf(names)] as const) };
    });
  };
  TRIPLE_VECTORS.forEach(([triple]) => tripleCases(triple).forEach(c => c.pods.forEach(([key, pod]) => livePods.set(key, pod))));

  test.each(TRIPLE_VECTORS)('three AWS credentials in a pod of two PodDefaults (%s): cloud-identity names botocore\'s as used', (triple, method) => {
    const sources = triple.split(' ');
    // GIVEN PodDefault a with one source and b with the other two, their files mounted from Secrets of their own
    for (const { alone, manifests, bSources, key } of tripleCases(triple)) {
      // WHEN botocore resolves the credentials of the pod that selects both, and of the one that selects b alone (its
      // files in ~/.aws/ of a temporary HOME: livePods)
      if (hasBotocore) {
        // THEN it uses the recorded provider, however the sources are split
        expect([alone, liveMethod(key(['a', 'b'])), liveMethod(key(['b']))]).toEqual([alone, method, PAIR_VECTORS[bSources]]);
      }
      // AND every pair cloud-identity reports names it as used (a PodDefault that gives two alone: the one botocore
      // uses in a pod of it alone); a pair is reported when the pod gets a keyless identity
      const problems = checkManifests(inputs(...manifests)).filter(p => p.rule === 'cloud-identity');
      const used = problems.map(p => /silently uses (.+?)(?: of [ab])?, since/.exec(p.message)?.[1]);
      const expected = problems.map(p => USED_BY_METHOD[/^poddefault b \(s\d\) in namespace/.test(p.message) ? PAIR_VECTORS[bSources] : method]);
      const keyless = sources.includes('web') || sources.includes('container');
      expect([alone, used.length > 0]).toEqual([alone, keyless]);
      expect([alone, used]).toEqual([alone, expected]);
    }
  });

  withBotocore('a profile\'s own web identity beside the env\'s: botocore reads each of AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE over the profile\'s: why cloud-identity reports no pair', () => {
    // GIVEN ~/.aws/config whose [default] has a web identity of its own (another role, another token file)
    const root = mkdtempSync(path.join(tmpdir(), 'aws-profiles-'));
    try {
      mkdirSync(path.join(root, '.aws'));
      writeFileSync(path.join(root, '.aws', 'config'), `[default]\nrole_arn = arn:aws:iam::123456789012:role/profile-role\nweb_identity_token_file = ${root}/profile-token\n`
        + 'role_session_name = profile-session\n');
      writeFileSync(path.join(root, 'profile-token'), 'fake-profile-token');
      writeFileSync(path.join(root, 'env-token'), 'fake-env-token');
      const home = { HOME: root, AWS_CONFIG_FILE: path.join(root, '.aws', 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(root, 'no-credentials') };
      const container: Container = { env: {}, tokens: {}, root };
      const sent = (env: Record<string, string>) => {
        const result = botocore(container, { ...home, ...env });
        const { RoleArn, WebIdentityToken, RoleSessionName } = Object.fromEntries(new URLSearchParams(result.requests[0].body));
        return { method: result.method, RoleArn, WebIdentityToken, RoleSessionName };
      };
      // WHEN botocore resolves its credentials beside the env's web identity
      // THEN it is the env's role and token that are used (AssumeRoleWithWebIdentityProvider._get_config), the profile's
      // role_session_name with them: the profile's identity is keyless too, so no pair is reported
      expect(sent({ AWS_ROLE_ARN: ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE: path.join(root, 'env-token') }))
        .toEqual({ method: 'assume-role-with-web-identity', RoleArn: ROLE_ARN, WebIdentityToken: 'fake-env-token', RoleSessionName: 'profile-session' });
      // AND with the env's token file alone, the profile's role is assumed with the env's token
      expect(sent({ AWS_WEB_IDENTITY_TOKEN_FILE: path.join(root, 'env-token') }))
        .toEqual({ method: 'assume-role-with-web-identity', RoleArn: 'arn:aws:iam::123456789012:role/profile-role', WebIdentityToken: 'fake-env-token', RoleSessionName: 'profile-session' });
      // AND without the env's, the profile's own
      expect(sent({})).toEqual({ method: 'assume-role-with-web-identity', RoleArn: 'arn:aws:iam::123456789012:role/profile-role', WebIdentityToken: 'fake-profile-token',
        RoleSessionName: 'profile-session' });
      // AND the check's reader gives the profile no kind cloud-identity pairs (its provider is the web identity's)
      expect(botocoreProviders(undefined, botocoreFile(readFileSync(path.join(root, '.aws', 'config'), 'utf8'), 'config')).get('default')).toEqual({ provider: 'web-identity', from: 'config' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('the webhook refuses a notebook that selects the role and the library\'s S3 keys: the marker', () => {
    const chart = userChart();
    new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN });
    new AwsEnvConfiguration(chart, 'aws-configuration', { configuration: S3Configuration.fromValues({ accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET }) });
    const podDefaults = Testing.synth(chart).filter(o => o.kind === 'PodDefault');
    const result = PodDefaultAdmission.admit(notebookPod({ 'aws-role': 'true', 'aws-configuration': 'true' }), podDefaults);
    expect(result.allowed).toBe(false);
    expect(result.conflicts.map(c => c.message)).toEqual(['env var KUBEFLOW_S3_ACCESS in container notebook differs between poddefaults aws-configuration and aws-role']);
  });
});

/** Runs `body` with `env` as the process's environment (Azure and Google read it), then restores it. */
async function withEnv<T>(env: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  for (const name of Object.keys(process.env)) {
    if (/^(AZURE_|GOOGLE_|GCLOUD_|CLOUDSDK_)/.test(name)) { delete process.env[name]; }
  }
  Object.assign(process.env, env);
  try {
    return await body();
  } finally {
    for (const name of Object.keys(process.env)) { if (!(name in saved)) { delete process.env[name]; } }
    Object.assign(process.env, saved);
  }
}

describe('@azure/identity reads the Azure workload identity of the admitted pod', () => {
  // @azure/identity's own dependency, which builds the headers its HTTP clients return.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHttpHeaders } = require('@azure/core-rest-pipeline');

  /** An HTTP client that answers every token request and records it. */
  function recordingClient(): { httpClient: any; sent: { url: string; body: Record<string, string> }[] } {
    const sent: { url: string; body: Record<string, string> }[] = [];
    const httpClient = {
      async sendRequest(request: any) {
        sent.push({ url: request.url.replace(/\?.*$/, ''), body: Object.fromEntries(new URLSearchParams(String(request.body ?? ''))) });
        const json = { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'fake-access-token' };
        return { status: 200, headers: createHttpHeaders({ 'content-type': 'application/json' }), bodyAsText: JSON.stringify(json), request };
      },
    };
    return { httpClient, sent };
  }

  test('WorkloadIdentityCredential takes the client, the tenant and the token from the mounted file, at the authority', async () => {
    // GIVEN a notebook that selects the identity
    const container = admit(chart => new AzureWorkloadIdentityAccess(chart, 'azure-identity', AZURE));
    const { httpClient, sent } = recordingClient();
    // WHEN the credential reads the env (no options) and gets a token
    const token = await withEnv(container.env, () => new identity.WorkloadIdentityCredential({ httpClient }).getToken('https://storage.azure.com/.default'));
    // THEN it sent the projected token as the client assertion, for the client, to the tenant
    expect(token?.token).toBe('fake-access-token');
    expect(sent.map(s => s.url)).toEqual([`https://login.microsoftonline.com/${AZURE.tenantId}/oauth2/v2.0/token`]);
    expect(sent[0].body).toMatchObject({
      client_id: AZURE.clientId, grant_type: 'client_credentials', scope: 'https://storage.azure.com/.default',
      client_assertion: container.tokens['api://AzureADTokenExchange'], client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    });
  });

  test('a sovereign authority host is where the token is asked for', async () => {
    const container = admit(chart => new AzureWorkloadIdentityAccess(chart, 'azure-identity', { ...AZURE, authorityHost: 'https://login.microsoftonline.us/' }));
    const { httpClient, sent } = recordingClient();
    await withEnv(container.env, () => new identity.WorkloadIdentityCredential({ httpClient }).getToken('https://storage.azure.com/.default'));
    expect(sent.map(s => s.url)).toEqual([`https://login.microsoftonline.us/${AZURE.tenantId}/oauth2/v2.0/token`]);
  });

  test('an authority host whose scheme is not "https:" in lower case is refused by @azure/identity: why AzureWorkloadIdentityAccess refuses it', async () => {
    // GIVEN the identity's env with the scheme of the authority in upper case (which the construct refuses)
    const container = admit(chart => new AzureWorkloadIdentityAccess(chart, 'azure-identity', { ...AZURE, authorityHost: 'https://login.microsoftonline.us/' }));
    const { httpClient, sent } = recordingClient();
    // WHEN / THEN the credential throws before any request; a host in upper case is taken
    await expect(withEnv({ ...container.env, AZURE_AUTHORITY_HOST: 'HTTPS://login.microsoftonline.us/' },
      async () => new identity.WorkloadIdentityCredential({ httpClient }).getToken('https://storage.azure.com/.default'))).rejects.toThrow("The authorityHost address must use the 'https' protocol.");
    expect(sent).toEqual([]);
    await withEnv({ ...container.env, AZURE_AUTHORITY_HOST: 'https://LOGIN.MICROSOFTONLINE.US/' },
      () => new identity.WorkloadIdentityCredential({ httpClient }).getToken('https://storage.azure.com/.default'));
    expect(sent.map(s => s.url)).toEqual([`https://login.microsoftonline.us/${AZURE.tenantId}/oauth2/v2.0/token`]);
  });

  test('DefaultAzureCredential uses the workload identity, and a client secret beside it instead: why cloud-identity refuses the pair', async () => {
    const container = admit(chart => new AzureWorkloadIdentityAccess(chart, 'azure-identity', AZURE));
    const alone = recordingClient();
    await withEnv(container.env, () => new identity.DefaultAzureCredential({ httpClient: alone.httpClient }).getToken('https://storage.azure.com/.default'));
    expect(alone.sent.map(s => [s.body.client_assertion !== undefined, s.body.client_secret])).toEqual([[true, undefined]]);

    const withSecret = admit(chart => {
      new AzureWorkloadIdentityAccess(chart, 'azure-identity', AZURE);
      handWritten(chart, 'service-principal', { AZURE_CLIENT_SECRET: FAKE_SECRET });
    }, undefined, /^poddefault service-principal .* silently uses an Azure client secret or certificate of service-principal/);
    const both = recordingClient();
    await withEnv(withSecret.env, () => new identity.DefaultAzureCredential({ httpClient: both.httpClient }).getToken('https://storage.azure.com/.default'));
    expect(both.sent.map(s => [s.body.client_assertion !== undefined, s.body.client_secret])).toEqual([[false, FAKE_SECRET]]);
  });
});

describe('@azure/identity: a user\'s password beside the workload identity', () => {
  test('DefaultAzureCredential uses AZURE_USERNAME and AZURE_PASSWORD before the federated token: why cloud-identity refuses the pair', async () => {
    // GIVEN the identity and a hand-written PodDefault with a user's password, which the webhook admits together
    const container = admit(chart => {
      new AzureWorkloadIdentityAccess(chart, 'azure-identity', AZURE);
      handWritten(chart, 'user-login', { AZURE_USERNAME: 'fake-user@example.com', AZURE_PASSWORD: FAKE_SECRET });
    }, undefined, /^poddefault user-login .* silently uses an Azure user's password of user-login/);
    // WHEN DefaultAzureCredential gets a token (its token requests answered in-process)
    const sent: Record<string, string>[] = [];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createHttpHeaders } = require('@azure/core-rest-pipeline');
    const httpClient = {
      async sendRequest(request: any) {
        sent.push(Object.fromEntries(new URLSearchParams(String(request.body ?? ''))));
        const json = { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'fake-access-token' };
        return { status: 200, headers: createHttpHeaders({ 'content-type': 'application/json' }), bodyAsText: JSON.stringify(json), request };
      },
    };
    await withEnv(container.env, () => new identity.DefaultAzureCredential({ httpClient }).getToken('https://storage.azure.com/.default'));
    // THEN the password grant is sent, and no client assertion (the federated token goes unused)
    expect(sent.filter(s => s.grant_type !== undefined).map(s => [s.grant_type, s.password, s.client_assertion])).toEqual([['password', FAKE_SECRET, undefined]]);
  });
});

describe('google-auth-library reads the Google credential configuration of the admitted pod', () => {
  /** Answers the STS exchange and the impersonation in-process, and records them. */
  function answer(client: any): string[] {
    const sent: string[] = [];
    const adapter = async (options: any) => {
      const url = String(options.url);
      const body = options.data instanceof URLSearchParams ? options.data.toString() : JSON.stringify(options.data);
      sent.push(`${options.method} ${url} ${body}`);
      const data = url.startsWith('https://sts.googleapis.com/')
        ? { access_token: 'fake-federated-token', issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: 3600 }
        : { accessToken: 'fake-impersonated-token', expireTime: new Date(Date.now() + 3600_000).toISOString() };
      return { data, status: 200, statusText: 'OK', headers: new Headers(), config: options };
    };
    // The client's transporter, and the one of its STS exchange (a field of the client: the one seam, pinned by the version test above).
    client.transporter.defaults.adapter = adapter;
    client.stsCredential.transporter.defaults.adapter = adapter;
    return sent;
  }

  test('the external-account client reads the token from the mounted file, exchanges it for the provider, and impersonates', async () => {
    // GIVEN a notebook that selects the identity
    const container = admit(chart => new GcpWorkloadIdentityAccess(chart, 'gcp-identity', { ...GCP, serviceAccountEmail: 'notebooks@my-project.iam.gserviceaccount.com' }));
    const provider = 'projects/123456789012/locations/global/workloadIdentityPools/kubeflow/providers/cluster';
    // WHEN google-auth finds its credentials (Application Default Credentials) in that env
    await withEnv({ ...container.env, HOME: path.join(container.root, 'home') }, async () => {
      const client: any = await new GoogleAuth({ projectId: 'fake-project', scopes: ['https://www.googleapis.com/auth/cloud-platform'] }).getClient();
      // THEN it is the external-account client of the configuration, and the token is the mounted one
      expect(client.constructor.name).toBe('IdentityPoolClient');
      expect(await client.retrieveSubjectToken()).toBe(container.tokens[`https://iam.googleapis.com/${provider}`]);
      expect(client.getServiceAccountEmail()).toBe('notebooks@my-project.iam.gserviceaccount.com');
      // AND the exchange sends it to STS for the provider, then impersonates the service account
      const sent = answer(client);
      expect((await client.getAccessToken()).token).toBe('fake-impersonated-token');
      expect(sent).toHaveLength(2);
      const [sts, impersonation] = sent;
      expect(sts.startsWith('POST https://sts.googleapis.com/v1/token ')).toBe(true);
      expect(Object.fromEntries(new URLSearchParams(sts.split(' ')[2]))).toMatchObject({
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange', audience: `//iam.googleapis.com/${provider}`,
        subject_token: container.tokens[`https://iam.googleapis.com/${provider}`], subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      });
      expect(impersonation.startsWith('POST https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/notebooks@my-project.iam.gserviceaccount.com:generateAccessToken ')).toBe(true);
    });
  });

  test('GOOGLE_APPLICATION_CREDENTIALS before gcloud\'s application default credentials: why cloud-identity refuses the pair', async () => {
    const container = admit(chart => new GcpWorkloadIdentityAccess(chart, 'gcp-identity', GCP));
    const home = path.join(container.root, 'home');
    mkdirSync(path.join(home, '.config', 'gcloud'), { recursive: true });
    writeFileSync(path.join(home, '.config', 'gcloud', 'application_default_credentials.json'), JSON.stringify({
      type: 'authorized_user', client_id: 'fake.apps.googleusercontent.com', client_secret: FAKE_SECRET, refresh_token: 'fake-refresh-token',
    }));
    const clientType = (env: Record<string, string>) => withEnv({ ...env, HOME: home }, async () =>
      (await new GoogleAuth({ projectId: 'fake-project' }).getClient()).constructor.name);
    expect(await clientType(container.env)).toBe('IdentityPoolClient');
    const { GOOGLE_APPLICATION_CREDENTIALS, ...withoutVariable } = container.env;
    expect(GOOGLE_APPLICATION_CREDENTIALS).toBe(path.join(container.root, '/etc/workload-identity/credential-configuration.json'));
    expect(await clientType(withoutVariable)).toBe('UserRefreshClient');
  });

  test('google-auth-library reads ~/.config/gcloud whatever CLOUDSDK_CONFIG says: why cloud-identity still counts a file there when CLOUDSDK_CONFIG names another directory', async () => {
    // GIVEN gcloud's application default credentials in ~/.config/gcloud, and CLOUDSDK_CONFIG naming an empty directory
    // (google-auth for Python reads that directory instead: google/auth/_cloud_sdk.py get_config_path)
    const home = path.join(workDir, 'gcloud-home');
    mkdirSync(path.join(home, '.config', 'gcloud'), { recursive: true });
    mkdirSync(path.join(home, 'other'), { recursive: true });
    writeFileSync(path.join(home, '.config', 'gcloud', 'application_default_credentials.json'), JSON.stringify({
      type: 'authorized_user', client_id: 'fake.apps.googleusercontent.com', client_secret: FAKE_SECRET, refresh_token: 'fake-refresh-token',
    }));
    // WHEN google-auth-library 10.5.0 finds its credentials
    const type = await withEnv({ HOME: home, CLOUDSDK_CONFIG: path.join(home, 'other') }, async () =>
      (await new GoogleAuth({ projectId: 'fake-project' }).getClient()).constructor.name);
    // THEN it read the file in ~/.config/gcloud
    expect(type).toBe('UserRefreshClient');
  });

  test('google-auth-library reads $HOME/.config/gcloud: with HOME elsewhere, a file in /home/jovyan/.config/gcloud is never read: why cloud-identity leaves it', async () => {
    // GIVEN gcloud's application default credentials in one home's .config/gcloud, and HOME naming another (empty) directory
    const jovyan = path.join(workDir, 'gcloud-jovyan');
    const other = path.join(workDir, 'gcloud-other');
    mkdirSync(path.join(jovyan, '.config', 'gcloud'), { recursive: true });
    mkdirSync(other, { recursive: true });
    writeFileSync(path.join(jovyan, '.config', 'gcloud', 'application_default_credentials.json'), JSON.stringify({
      type: 'authorized_user', client_id: 'fake.apps.googleusercontent.com', client_secret: FAKE_SECRET, refresh_token: 'fake-refresh-token',
    }));
    // WHEN google-auth-library 10.5.0 looks for gcloud's well-known file with HOME elsewhere
    const found = await withEnv({ HOME: other }, async () =>
      new GoogleAuth({ projectId: 'fake-project' })._tryGetApplicationCredentialsFromWellKnownFile({}));
    // THEN it finds none; with HOME at the first, the file
    expect(found).toBeNull();
    const read = await withEnv({ HOME: jovyan }, async () =>
      (await new GoogleAuth({ projectId: 'fake-project' })._tryGetApplicationCredentialsFromWellKnownFile({}))?.constructor.name);
    expect(read).toBe('UserRefreshClient');
  });
});
