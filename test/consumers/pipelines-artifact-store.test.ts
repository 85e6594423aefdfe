import { spawnSync } from 'child_process';
import { App, Chart, Testing } from 'cdk8s';
import {
  DockerConfig, GcpServiceAccountKey, KServeServiceAccount, PipelinesArtifactStore, PipelinesArtifactStoreProps, S3Configuration, SecretStoreRef,
  TrainerStorageCredentials,
} from '../../lib';
import { decodedData, expectGolden, expectRejected, fixture, userChart } from '../support';
import { expectValidManifests } from '../schema';
import { decodeProviders, getStoreSessionInfo } from './kfp-launcher-model';

const FAKE_SECRET = 'fake-secret-key-0000';
const KEYS = { accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET };
const MINIO = S3Configuration.fromValues({ ...KEYS, endpoint: 'http://minio-service.kubeflow:9000', region: 'us-east-1', forcePathStyle: true });
const VAULT = SecretStoreRef.cluster('vault');

/** The objects of one PipelinesArtifactStore in namespace user, by kind and name. */
function synth(props: PipelinesArtifactStoreProps): { [kindName: string]: any } {
  const chart = userChart();
  new PipelinesArtifactStore(chart, 'pipelines-artifacts', props);
  const manifests = Testing.synth(chart);
  expectValidManifests(manifests);
  return Object.fromEntries(manifests.map(m => [`${m.kind}/${m.metadata.name}`, m]));
}

describe('golden files', () => {
  test.each<[string, (chart: Chart) => void]>([
    ['consumer-pipelines-minio', c => new PipelinesArtifactStore(c, 'pipelines-artifacts', { pipelineRoot: 'minio://mlpipeline/v2/artifacts', s3: MINIO })],
    ['consumer-pipelines-s3-eso', c => new PipelinesArtifactStore(c, 'pipelines-artifacts', {
      pipelineRoot: 's3://team-a-artifacts/v2',
      s3: S3Configuration.fromSecretStore({ store: VAULT, accessKeyId: { key: 'kubeflow/s3', property: 'access_key_id' }, secretAccessKey: { key: 'kubeflow/s3', property: 'secret_access_key' }, region: 'eu-west-1' }),
    })],
    ['consumer-pipelines-gcs', c => new PipelinesArtifactStore(c, 'pipelines-artifacts', {
      pipelineRoot: 'gs://team-a-artifacts/v2', gcs: GcpServiceAccountKey.fromFile(fixture('gcp-service-account-key.json')),
    })],
    ['consumer-pipelines-gcs-existing', c => new PipelinesArtifactStore(c, 'pipelines-artifacts', {
      pipelineRoot: 'gs://team-a-artifacts/v2', gcs: GcpServiceAccountKey.fromExistingSecret('user-gcp-sa'),
    })],
    ['consumer-shared', c => {
      const kserve = new KServeServiceAccount(c, 'kserve', { s3: MINIO, registry: DockerConfig.fromLogin({ server: 'ghcr.io', username: 'fake-user', password: 'fake-password-0000' }) });
      new PipelinesArtifactStore(c, 'pipelines-artifacts', { pipelineRoot: 'minio://mlpipeline/v2/artifacts', credentialsSecret: kserve.s3Secret });
      new TrainerStorageCredentials(c, 'trainer-storage', { s3: MINIO });
    }],
  ])('%s', (name, build) => {
    // GIVEN
    const app = Testing.app();
    build(userChart(app));
    // WHEN / THEN
    expectGolden(app, name);
  });
});

describe('the kfp-launcher ConfigMap', () => {
  test('holds the pipeline root and one provider, which the launcher parses with every field named exactly as it tags them', () => {
    // GIVEN / WHEN
    const data = synth({ pipelineRoot: 'minio://mlpipeline/v2/artifacts', s3: MINIO })['ConfigMap/kfp-launcher'].data;
    // THEN
    expect(data.defaultPipelineRoot).toBe('minio://mlpipeline/v2/artifacts');
    const { value, inexactKeys } = decodeProviders(data.providers);
    expect(inexactKeys).toEqual([]);
    expect(value).toEqual({
      minio: {
        default: {
          endpoint: 'minio-service.kubeflow:9000', region: 'us-east-1', disableSSL: true, forcePathStyle: true,
          credentials: { fromEnv: false, secretRef: { secretName: 'pipelines-artifacts', accessKeyKey: 'AWS_ACCESS_KEY_ID', secretKeyKey: 'AWS_SECRET_ACCESS_KEY' } },
        },
      },
    });
    expect(getStoreSessionInfo(data, data.defaultPipelineRoot)).toEqual({
      provider: 'minio',
      params: {
        endpoint: 'minio-service.kubeflow:9000', region: 'us-east-1', disableSSL: 'true', forcePathStyle: 'true', maxRetries: '5', fromEnv: 'false',
        secretName: 'pipelines-artifacts', accessKeyKey: 'AWS_ACCESS_KEY_ID', secretKeyKey: 'AWS_SECRET_ACCESS_KEY',
      },
    });
  });

  test.each<[string, S3Configuration, { [key: string]: unknown }]>([
    ['https on a port', S3Configuration.fromValues({ ...KEYS, endpoint: 'https://minio.example.com:9443', region: 'us-east-1' }), { endpoint: 'minio.example.com:9443', region: 'us-east-1', disableSSL: false }],
    ['AWS by region: no endpoint, no disableSSL, path style left to the launcher', S3Configuration.fromValues({ ...KEYS, region: 'eu-west-1' }), { region: 'eu-west-1' }],
    ['virtual-hosted style asked for', S3Configuration.fromValues({ ...KEYS, region: 'eu-west-1', forcePathStyle: false }), { region: 'eu-west-1', forcePathStyle: false }],
  ])('S3 settings: %s', (_name, s3, settings) => {
    const data = synth({ pipelineRoot: 's3://bucket/v2', s3 })['ConfigMap/kfp-launcher'].data;
    const { credentials, ...rest } = decodeProviders(data.providers).value.s3.default;
    expect(rest).toEqual(settings);
    expect(credentials.secretRef.secretName).toBe('pipelines-artifacts');
  });

  test('a value that YAML 1.1 reads as a boolean is quoted, so the launcher reads the string', () => {
    // GIVEN a Secret named "on", which go-yaml v2 would read as true unquoted
    const data = synth({ pipelineRoot: 's3://bucket/v2', s3: MINIO, secretName: 'on' })['ConfigMap/kfp-launcher'].data;
    // THEN
    expect(data.providers).toContain('secretName: "on"');
    expect(getStoreSessionInfo(data, 's3://bucket/v2').params.secretName).toBe('on');
  });

  test('the Secret holds the two keys under the names the notebook and KServe give them', () => {
    expect(decodedData(synth({ pipelineRoot: 's3://bucket/v2', s3: MINIO })['Secret/pipelines-artifacts'])).toEqual({ AWS_ACCESS_KEY_ID: KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: FAKE_SECRET });
  });

  test('a GCS key from an existing Secret is read where it is: no Secret is made', () => {
    const objects = synth({ pipelineRoot: 'gs://bucket/v2', gcs: GcpServiceAccountKey.fromExistingSecret('team-gcs', 'key.json') });
    expect(Object.keys(objects)).toEqual(['ConfigMap/kfp-launcher']);
    expect(getStoreSessionInfo(objects['ConfigMap/kfp-launcher'].data, 'gs://bucket/v2').params).toEqual({ fromEnv: 'false', secretName: 'team-gcs', tokenKey: 'key.json' });
  });

  test('a GCS key from an existing Secret needs no name of the construct\'s own: an id that makes no Secret name is accepted', () => {
    // GIVEN an id whose kebab case is no Secret name, and an existing Secret, with which secretName is refused
    const chart = userChart();
    // WHEN
    new PipelinesArtifactStore(chart, 'Ärtifacts', { pipelineRoot: 'gs://bucket/v2', gcs: GcpServiceAccountKey.fromExistingSecret('team-gcs', 'key.json') });
    // THEN the ConfigMap names the existing Secret, and no error asks for the secretName that would then be refused
    const manifests = Testing.synth(chart);
    expect(manifests.map(m => m.kind)).toEqual(['ConfigMap']);
    expect(getStoreSessionInfo(manifests[0].data, 'gs://bucket/v2').params).toEqual({ fromEnv: 'false', secretName: 'team-gcs', tokenKey: 'key.json' });
  });
});

describe('one Secret for two consumers', () => {
  test('the launcher reads the keys of KServe\'s S3 Secret, with the settings of the source it was made from, and no second Secret is made', () => {
    // GIVEN
    const chart = userChart();
    const kserve = new KServeServiceAccount(chart, 'kserve', { s3: MINIO });
    // WHEN
    const store = new PipelinesArtifactStore(chart, 'pipelines-artifacts', { pipelineRoot: 's3://models/v2', credentialsSecret: kserve.s3Secret });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests.filter(m => m.kind === 'Secret').map(m => m.metadata.name)).toEqual(['kserve-s3']);
    expect(store.secretName).toBe('kserve-s3');
    expect(store.secret).toBeUndefined();
    const { params } = getStoreSessionInfo(manifests.find(m => m.kind === 'ConfigMap').data, 's3://models/v2');
    expect(params).toMatchObject({ endpoint: 'minio-service.kubeflow:9000', region: 'us-east-1', secretName: 'kserve-s3', accessKeyKey: 'AWS_ACCESS_KEY_ID' });
  });

  test('the launcher reads Trainer\'s Secret under Trainer\'s key names', () => {
    const chart = userChart();
    const trainer = new TrainerStorageCredentials(chart, 'trainer-storage', { s3: MINIO });
    new PipelinesArtifactStore(chart, 'pipelines-artifacts', { pipelineRoot: 's3://models/v2', credentialsSecret: trainer.s3Secret });
    const data = Testing.synth(chart).find(m => m.kind === 'ConfigMap').data;
    expect(getStoreSessionInfo(data, 's3://models/v2').params).toMatchObject({ secretName: 'trainer-storage', accessKeyKey: 'ACCESS_KEY_ID', secretKeyKey: 'SECRET_ACCESS_KEY' });
  });

  test('two stores in one namespace are two kfp-launcher ConfigMaps, which the app-wide check refuses', () => {
    // GIVEN
    const chart = userChart();
    new PipelinesArtifactStore(chart, 'one', { pipelineRoot: 's3://team-a/v2', s3: MINIO });
    new PipelinesArtifactStore(chart, 'two', { pipelineRoot: 's3://team-b/v2', s3: MINIO });
    // WHEN / THEN
    expect(() => Testing.synth(chart)).toThrow('test/one/ConfigMap and test/two/ConfigMap are both ConfigMap kfp-launcher (api group core) in namespace user: applying them, one overwrites the other; give them different names or namespaces');
  });
});

describe('refusals name the construct and the field, hold no secret, and leave nothing', () => {
  /** A KServeServiceAccount in `app`, in a Chart of its own in `namespace`. */
  const kserveSecret = (namespace: string, app: App) => new KServeServiceAccount(new Chart(app, 'lender', { namespace }), 'kserve', {
    s3: MINIO, gcs: GcpServiceAccountKey.fromFile(fixture('gcp-service-account-key.json')), registry: DockerConfig.fromLogin({ username: 'u', password: 'fake-password-0000' }),
  });

  test.each<[string, (app: App) => PipelinesArtifactStoreProps, string]>([
    ['no credentials', () => ({ pipelineRoot: 's3://bucket/v2' }), 'pipelineRoot: has the scheme s3://, and no credentials are given for it: give s3 or credentialsSecret'],
    ['two sources', () => ({ pipelineRoot: 's3://bucket/v2', s3: MINIO, gcs: GcpServiceAccountKey.fromExistingSecret('g') }),
      'gcs: is given with s3, and both give the credentials: give one of them'],
    ['a GCS key for an S3 root', () => ({ pipelineRoot: 'minio://bucket/v2', gcs: GcpServiceAccountKey.fromExistingSecret('g') }),
      'gcs: does not match the pipeline root, whose scheme minio:// reads the S3 store: give s3, or a gs:// pipelineRoot'],
    ['a root with a query string', () => ({ pipelineRoot: 's3://bucket/v2?region=eu-west-1', s3: MINIO }),
      'pipelineRoot: has a query string, and for such a root the Pipelines launcher ignores providers and opens the bucket from the task\'s environment: give the root without it'],
    // GIVEN a "#": the launcher's bucketPattern (backend/src/v2/objectstore/config.go) reads no query there, and
    // uses providers with the "#" in the prefix, so the refusal must not say it ignores them
    ['a root with a "#"', () => ({ pipelineRoot: 's3://bucket/v2#runs', s3: MINIO }), 'pipelineRoot: is not a pipeline root the launcher reads a provider for (the scheme s3://, minio:// or gs://, a bucket name of 3 to 255 letters, digits, ".", "_" and "-" that starts and ends with a letter or digit, then an optional /PREFIX; no whitespace, control character, "#" or query): give s3://BUCKET/PREFIX, minio://BUCKET/PREFIX or gs://BUCKET/PREFIX'],
    ['a root of another scheme', () => ({ pipelineRoot: 'https://bucket/v2', s3: MINIO }), 'pipelineRoot: is not a pipeline root the launcher reads a provider for (the scheme s3://, minio:// or gs://, a bucket name of 3 to 255 letters, digits, ".", "_" and "-" that starts and ends with a letter or digit, then an optional /PREFIX; no whitespace, control character, "#" or query): give s3://BUCKET/PREFIX, minio://BUCKET/PREFIX or gs://BUCKET/PREFIX'],
    // The bucket must be a bucket name: a root pasted with the keys in it (s3://KEY:SECRET@bucket) is refused, and not echoed.
    ['a root with keys before the bucket', () => ({ pipelineRoot: `s3://AKIAFAKEFAKEFAKE0000:${FAKE_SECRET}@bucket/v2`, s3: MINIO }), 'pipelineRoot: is not a pipeline root the launcher reads a provider for (the scheme s3://, minio:// or gs://, a bucket name of 3 to 255 letters, digits, ".", "_" and "-" that starts and ends with a letter or digit, then an optional /PREFIX; no whitespace, control character, "#" or query): give s3://BUCKET/PREFIX, minio://BUCKET/PREFIX or gs://BUCKET/PREFIX'],
    ['a bucket outside ASCII', () => ({ pipelineRoot: 's3://bücket/v2', s3: MINIO }), 'pipelineRoot: is not a pipeline root the launcher reads a provider for (the scheme s3://, minio:// or gs://, a bucket name of 3 to 255 letters, digits, ".", "_" and "-" that starts and ends with a letter or digit, then an optional /PREFIX; no whitespace, control character, "#" or query): give s3://BUCKET/PREFIX, minio://BUCKET/PREFIX or gs://BUCKET/PREFIX'],
    ['a bucket of two characters', () => ({ pipelineRoot: 'gs://ab/v2', gcs: GcpServiceAccountKey.fromExistingSecret('g') }), 'pipelineRoot: is not a pipeline root the launcher reads a provider for (the scheme s3://, minio:// or gs://, a bucket name of 3 to 255 letters, digits, ".", "_" and "-" that starts and ends with a letter or digit, then an optional /PREFIX; no whitespace, control character, "#" or query): give s3://BUCKET/PREFIX, minio://BUCKET/PREFIX or gs://BUCKET/PREFIX'],
    ['half a surrogate pair in the prefix', () => ({ pipelineRoot: 's3://bucket/v2\ud800', s3: MINIO }), 'pipelineRoot: is not a pipeline root the launcher reads a provider for (the scheme s3://, minio:// or gs://, a bucket name of 3 to 255 letters, digits, ".", "_" and "-" that starts and ends with a letter or digit, then an optional /PREFIX; no whitespace, control character, "#" or query): give s3://BUCKET/PREFIX, minio://BUCKET/PREFIX or gs://BUCKET/PREFIX'],
    // kubeflow/pipelines backend/src/v2/objectstore/object_store.go: the S3 client's region is the provider's alone.
    ['an S3 store without a region', () => ({ pipelineRoot: 'minio://mlpipeline/v2', s3: S3Configuration.fromValues({ ...KEYS, endpoint: 'http://minio-service.kubeflow:9000' }) }),
      's3: has no region, and the Pipelines launcher\'s S3 client sends no request without one: give the store\'s region (for MinIO or SeaweedFS any, such as "us-east-1")'],
    ['a borrowed Secret whose source has no region', app => ({ pipelineRoot: 's3://bucket/v2',
      credentialsSecret: new TrainerStorageCredentials(new Chart(app, 'lender', { namespace: 'user' }), 'trainer', { s3: S3Configuration.fromValues({ ...KEYS, endpoint: 'http://minio-service.kubeflow:9000' }) }).s3Secret }),
      'credentialsSecret: has no region, and the Pipelines launcher\'s S3 client sends no request without one: give the store\'s region (for MinIO or SeaweedFS any, such as "us-east-1")'],
    ['an existing S3 Secret', () => ({ pipelineRoot: 's3://bucket/v2', s3: S3Configuration.fromExistingSecret('team-s3') }),
      's3: names an existing Secret, and the Pipelines launcher reads the endpoint and region from the ConfigMap, which the Secret cannot fill: give the settings with the keys (S3Configuration.fromValues or fromSecretStore), or the credentialsSecret of another construct'],
    ['a session token', () => ({ pipelineRoot: 's3://bucket/v2', s3: S3Configuration.fromValues({ ...KEYS, sessionToken: 'fake-session-token-0000' }) }),
      's3: has a session token, which never reaches the Pipelines launcher (only the access key and secret key do, and temporary keys fail without their token): give long-lived keys'],
    ['an IAM role, from JavaScript', () => ({ pipelineRoot: 's3://bucket/v2', s3: MINIO, awsRoleArn: 'arn:aws:iam::123456789012:role/x' } as any),
      'awsRoleArn: does not apply: the Pipelines launcher takes no role; through credentials.secretRef it reads static keys alone, and with credentials.fromEnv the task pod\'s own identity, which this construct does not write: leave awsRoleArn out and give s3 or credentialsSecret'],
    // GIVEN Trainer's Secret of keys it assumes a role with: the launcher would read the store as the keys, not the role
    ['a borrowed Secret whose keys assume a role', app => ({ pipelineRoot: 's3://bucket/v2',
      credentialsSecret: new TrainerStorageCredentials(new Chart(app, 'lender', { namespace: 'user' }), 'trainer', {
        s3: S3Configuration.fromValues({ ...KEYS, region: 'eu-west-1' }), awsRoleArn: 'arn:aws:iam::123456789012:role/trainer-data' }).s3Secret }),
      'credentialsSecret: holds S3 keys that its readers use only to assume the role of its ROLE_ARN, and the Pipelines launcher reads the keys alone, never a role, so runs would reach the store as the keys\' own identity: give s3 with keys that reach the bucket themselves, or a Secret made without awsRoleArn'],
    ['a borrowed Secret in another namespace', app => ({ pipelineRoot: 's3://bucket/v2', credentialsSecret: kserveSecret('other', app).s3Secret }),
      'credentialsSecret: is in namespace "other", and the Pipelines launcher reads the Secret in the run\'s namespace "user": give a Secret made in "user"'],
    ['a borrowed Secret of another app', () => ({ pipelineRoot: 's3://bucket/v2', credentialsSecret: kserveSecret('user', Testing.app()).s3Secret }),
      'credentialsSecret: was made by a construct of another App, whose Secret this app does not write: give a Secret of a construct in this app'],
    ['a borrowed GCS Secret for an S3 root', app => ({ pipelineRoot: 's3://bucket/v2', credentialsSecret: kserveSecret('user', app).gcsSecret }),
      'credentialsSecret: holds a GCS key, and a pipeline root of scheme s3:// needs S3 keys: give a Secret that holds them, such as kserve.s3Secret'],
    ['a borrowed registry Secret', app => ({ pipelineRoot: 'gs://bucket/v2', credentialsSecret: kserveSecret('user', app).registrySecret }),
      'credentialsSecret: holds registry credentials, and a pipeline root of scheme gs:// needs a GCS key: give a Secret that holds them, such as kserve.gcsSecret'],
    ['a lent Secret that is not there', () => ({ pipelineRoot: 's3://bucket/v2', credentialsSecret: new KServeServiceAccount(userChart(), 'k', { s3: S3Configuration.fromExistingSecret('team-s3') }).s3Secret }),
      'credentialsSecret: is undefined: the attribute it was read from holds no Secret (its construct has no source of that kind, or names an existing Secret): give s3 or gcs instead'],
    ['a Secret name with a borrowed Secret', app => ({ pipelineRoot: 's3://bucket/v2', credentialsSecret: kserveSecret('user', app).s3Secret, secretName: 'x' }),
      'secretName: only applies to a Secret this construct makes, and the keys are in the credentialsSecret: leave secretName out'],
  ])('%s', (_name, props, message) => {
    const app = Testing.app();
    const chart = new Chart(app, 'test', { namespace: 'user' });
    const given = props(app);
    expectRejected(chart, 'store', () => new PipelinesArtifactStore(chart, 'store', given), `[test/store] ${message}`, [FAKE_SECRET, 'fake-session-token-0000']);
  });
});

describe('why an S3 store without a region is refused', () => {
  // The launcher builds its S3 client with the AWS SDK for Go v2 and takes the region from the provider
  // alone (kubeflow/pipelines backend/src/v2/objectstore/object_store.go, newS3Client). The S3 endpoint
  // rules are one Smithy rule set that every AWS SDK ships; botocore 1.43's copy is the reference here.
  const hasBotocore = spawnSync('python3', ['-c', 'import botocore'], { encoding: 'utf8' }).status === 0;
  const resolve = (params: object) => spawnSync('python3', ['-c', [
    'import json, sys',
    'from botocore.loaders import create_loader',
    'from botocore.endpoint_provider import EndpointProvider',
    'loader = create_loader()',
    "provider = EndpointProvider(loader.load_service_model('s3', 'endpoint-rule-set-1'), loader.load_data('partitions'))",
    'try:',
    '    print(provider.resolve_endpoint(**json.loads(sys.stdin.read())).url)',
    'except Exception as e:',
    "    print('error: ' + str(e))",
  ].join('\n')], { input: JSON.stringify(params), encoding: 'utf8' }).stdout.trim();

  (hasBotocore ? test : test.skip)('the S3 endpoint rules refuse a request without a region, even at a custom endpoint, and resolve it with one', () => {
    // GIVEN the endpoint and path style the construct writes for Kubeflow's MinIO
    const params = { Bucket: 'mlpipeline', Endpoint: 'http://minio-service.kubeflow:9000', ForcePathStyle: true };
    // WHEN / THEN
    expect(resolve(params)).toBe('error: A region must be set when sending requests to S3.');
    expect(resolve({ ...params, Region: 'us-east-1' })).toBe('http://minio-service.kubeflow:9000/mlpipeline');
  });
});
