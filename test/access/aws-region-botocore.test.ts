// The region of a notebook as botocore (boto3, s3fs, the Kubeflow SDKs) resolves it. botocore reads
// AWS_DEFAULT_REGION and never AWS_REGION, the tutorial's variable, so every access that gives a notebook a
// region sets both. Each PodDefault is admitted into a notebook pod by the webhook model (views.ts reads the
// container's env as the kubelet builds it: envFrom Secrets, then env, secretKeyRefs read), and botocore
// on this machine resolves the region from that env, with no config file of the machine.
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ApiObject, Chart, Testing } from 'cdk8s';
import {
  AwsEnvConfiguration, AwsWebIdentityAccess, DockerConfig, MinioCredentials, MinioDefault, NotebookAccess, S3Configuration, SecretStoreRef, StorageAccess,
} from '../../lib';
import { notebookEnv } from '../consumers/views';
import { FakeStore } from '../sources/eso-template';
import { userChart } from '../support';

const keys = { accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: 'fake-secret-key-0000' };

/** botocore's `session.get_config_variable('region')` for each environment, in one Python process. */
const PROBE = `
import json, os, sys
import botocore, botocore.session
result = {'botocore': botocore.__version__, 'regions': []}
for env in json.load(sys.stdin):
    for name in [n for n in os.environ if n.startswith('AWS_')]:
        del os.environ[name]
    os.environ.update(env)
    result['regions'].append(botocore.session.Session().get_config_variable('region'))
print(json.dumps(result))
`;

const hasBotocore = spawnSync('python3', ['-c', 'import botocore'], { encoding: 'utf8' }).status === 0;
if (!hasBotocore) {
  // eslint-disable-next-line no-console
  console.log('aws-region-botocore.test.ts: python3 with botocore is not available: the region comparisons are skipped');
}
const withBotocore = hasBotocore ? test : test.skip;

let home: string;
beforeAll(() => { home = mkdtempSync(path.join(tmpdir(), 'aws-region-')); });
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** The regions botocore resolves from each notebook environment, and the version that resolved them. */
function botocoreRegions(envs: readonly { [name: string]: string }[]): { botocore: string; regions: (string | null)[] } {
  const isolated = envs.map(env => ({ HOME: home, AWS_CONFIG_FILE: path.join(home, 'no-config'), AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'no-credentials'), ...env }));
  const run = spawnSync('python3', ['-c', PROBE], { input: JSON.stringify(isolated), encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

/** A Secret that exists in the profile already, as the cluster holds it. */
function existingSecret(chart: Chart, name: string, data: { [key: string]: string }): void {
  new ApiObject(chart, `existing-${name}`, { apiVersion: 'v1', kind: 'Secret', metadata: { name }, stringData: data });
}

/** The env of a notebook that selects the PodDefault `podDefault` of the app `build` makes. */
function notebookEnvOf(build: (chart: Chart) => void, podDefault: string, store?: FakeStore): { [name: string]: string } {
  const chart = userChart();
  build(chart);
  // Secrets written with stringData, as a cluster holds them with data.
  const manifests = Testing.synth(chart).map(m => (m.kind === 'Secret' && m.stringData !== undefined
    ? { ...m, stringData: undefined, data: Object.fromEntries(Object.entries<string>(m.stringData).map(([k, v]) => [k, Buffer.from(v).toString('base64')])) }
    : m));
  return notebookEnv(manifests, podDefault, store).env;
}

const STORE: FakeStore = { 'kubeflow/s3#access_key_id': keys.accessKeyId, 'kubeflow/s3#secret_access_key': keys.secretAccessKey };

/** Each access that gives a notebook a region: the notebook's env, and the region botocore must resolve. */
const CASES: [string, () => { [name: string]: string }, string][] = [
  ['AwsEnvConfiguration, S3Configuration.fromValues',
    () => notebookEnvOf(chart => new AwsEnvConfiguration(chart, 'aws-configuration', { configuration: S3Configuration.fromValues({ ...keys, region: 'eu-west-1' }) }), 'aws-configuration'),
    'eu-west-1'],
  ['AwsEnvConfiguration, S3Configuration.fromEnv with AWS_DEFAULT_REGION alone',
    () => notebookEnvOf(chart => new AwsEnvConfiguration(chart, 'aws-configuration', {
      configuration: S3Configuration.fromEnv({ AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey, AWS_DEFAULT_REGION: 'ap-south-1' }),
    }), 'aws-configuration'),
    'ap-south-1'],
  ['AwsEnvConfiguration, S3Configuration.fromSecretStore',
    () => notebookEnvOf(chart => new AwsEnvConfiguration(chart, 'aws-configuration', {
      configuration: S3Configuration.fromSecretStore({
        store: SecretStoreRef.cluster('vault'),
        accessKeyId: { key: 'kubeflow/s3', property: 'access_key_id' },
        secretAccessKey: { key: 'kubeflow/s3', property: 'secret_access_key' },
        region: 'eu-central-1',
      }),
    }), 'aws-configuration', STORE),
    'eu-central-1'],
  ['MinioDefault with no props, the keys read from mlpipeline-minio-artifact',
    () => notebookEnvOf(chart => {
      new MinioDefault(chart, 'minio');
      existingSecret(chart, 'mlpipeline-minio-artifact', { accesskey: 'minio', secretkey: 'fake-minio-secret-0000' });
    }, 'minio'),
    'us-east-1'],
  ['MinioDefault with keys and a region of its own',
    () => notebookEnvOf(chart => new MinioDefault(chart, 'minio', {
      credentials: MinioCredentials.fromKeys({ accessKey: 'fake-minio-access-0000', secretKey: 'fake-minio-secret-0000' }), region: 'eu-west-3',
    }), 'minio'),
    'eu-west-3'],
  ['NotebookAccess with StorageAccess.awsEnv',
    () => notebookEnvOf(chart => new NotebookAccess(chart, 'notebook', {
      docker: DockerConfig.fromExistingSecret('regcred'), storage: StorageAccess.awsEnv(S3Configuration.fromValues({ ...keys, region: 'sa-east-1' })),
    }), 'aws-configuration'),
    'sa-east-1'],
  ['AwsWebIdentityAccess',
    () => notebookEnvOf(chart => new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: 'arn:aws:iam::123456789012:role/notebook-s3', region: 'us-west-2' }), 'aws-role'),
    'us-west-2'],
];

describe('botocore resolves the region every AWS access gives a notebook', () => {
  withBotocore.each(CASES)('%s', (_what, envOf, region) => {
    // GIVEN the env of a notebook admitted with the PodDefault
    const env = envOf();
    // WHEN botocore resolves the region, from that env and from it without AWS_DEFAULT_REGION
    const { AWS_DEFAULT_REGION: _botocoreRegion, ...withoutDefault } = env;
    const result = botocoreRegions([env, withoutDefault]);
    // THEN it finds the region, and only through AWS_DEFAULT_REGION: AWS_REGION alone gives it none
    expect(result.botocore).toMatch(/^1\.43\./);
    expect(result.regions).toEqual([region, null]);
    expect(env.AWS_REGION).toBe(region);
  });

  withBotocore('an existing Secret gives boto3 the region only when it holds AWS_DEFAULT_REGION, as the docs say', () => {
    // GIVEN an AwsEnvConfiguration of an existing Secret, which holds AWS_REGION alone or both variables
    const envWith = (data: { [key: string]: string }) => notebookEnvOf(chart => {
      new AwsEnvConfiguration(chart, 'team-s3', { configuration: S3Configuration.fromExistingSecret('team-s3') });
      existingSecret(chart, 'team-s3', { AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey, ...data });
    }, 'team-s3');
    // WHEN / THEN
    expect(botocoreRegions([
      envWith({ AWS_REGION: 'eu-west-1' }),
      envWith({ AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1' }),
    ]).regions).toEqual([null, 'eu-west-1']);
  });
});
