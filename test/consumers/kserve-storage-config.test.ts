import { spawnSync } from 'child_process';
import { Testing } from 'cdk8s';
import { KServeStorageConfig, KServeStorageConfigProps, S3Configuration, SecretStoreRef } from '../../lib';
import { expectGolden, expectRejected, userChart } from '../support';
import { expectValidManifests } from '../schema';
import { kserveStorageSpecView } from './views';

const FAKE_SECRET = 'fake-secret-key-0000';
const KEYS = { accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET };
const SETTINGS = { endpoint: 'http://minio-service.kubeflow:9000', region: 'us-east-1' };
const STORED = S3Configuration.fromSecretStore({
  store: SecretStoreRef.cluster('vault'), accessKeyId: { key: 'kubeflow/s3', property: 'access_key_id' }, secretAccessKey: { key: 'kubeflow/s3', property: 'secret_access_key' }, ...SETTINGS,
});

function synth(props: KServeStorageConfigProps): any[] {
  const chart = userChart();
  new KServeStorageConfig(chart, 'storage', props);
  const manifests = Testing.synth(chart);
  expectValidManifests(manifests);
  return manifests;
}

test.each<[string, KServeStorageConfigProps]>([
  ['consumer-kserve-storage-config', { s3: S3Configuration.fromValues({ ...KEYS, ...SETTINGS }), bucket: 'models', s3VerifySsl: false }],
  ['consumer-kserve-storage-config-eso', { s3: STORED, key: 'minio', bucket: 'models' }],
])('golden file %s', (name, props) => {
  const app = Testing.app();
  new KServeStorageConfig(userChart(app), 'storage-config', props);
  expectGolden(app, name);
});

test('the JSON under the key holds the store as the storage initializer reads it, every value a string', () => {
  const manifests = synth({ s3: S3Configuration.fromValues({ ...KEYS, ...SETTINGS }), bucket: 'models', s3VerifySsl: true });
  expect(kserveStorageSpecView(manifests, 'storage-config', 'default').json).toEqual({
    type: 's3', access_key_id: KEYS.accessKeyId, secret_access_key: FAKE_SECRET, endpoint_url: SETTINGS.endpoint, region: 'us-east-1', bucket: 'models', verify_ssl: '1',
  });
});

test('from a secret store, ESO writes the same JSON, the keys escaped as JSON whatever they hold', () => {
  // GIVEN keys with characters JSON must escape
  const tricky = { accessKeyId: 'AKIA"FAKE\\0000', secretAccessKey: 'fake<secret>&0000' };
  const fromValues = synth({ s3: S3Configuration.fromValues({ ...tricky, ...SETTINGS }), key: 'minio' });
  const fromStore = synth({ s3: STORED, key: 'minio' });
  // WHEN ESO fills the template
  const store = { 'kubeflow/s3#access_key_id': tricky.accessKeyId, 'kubeflow/s3#secret_access_key': tricky.secretAccessKey };
  // THEN both Secrets hold the same store
  expect(kserveStorageSpecView(fromStore, 'storage-config', 'minio', store).json).toEqual(kserveStorageSpecView(fromValues, 'storage-config', 'minio').json);
});

test.each<[string, KServeStorageConfigProps, string]>([
  ['an existing Secret', { s3: S3Configuration.fromExistingSecret('team-s3') },
    's3: names an existing Secret, and KServe reads a storage spec as JSON under one key, a format no other construct writes: give the keys (S3Configuration.fromValues or fromSecretStore)'],
  ['a bucket with a path', { s3: S3Configuration.fromValues(KEYS), bucket: 'models/v1' },
    'bucket: has "/" at character 7; an S3 bucket name is 3 to 63 lower-case letters, digits, "." and "-", starting and ending with a letter or digit, no "..", not an IP address: give the bucket alone, without a path'],
    ['a bucket with two adjacent periods', { s3: S3Configuration.fromValues(KEYS), bucket: 'models..v1' },
      'bucket: has ".." (two "." in a row); an S3 bucket name is 3 to 63 lower-case letters, digits, "." and "-", starting and ending with a letter or digit, no "..", not an IP address: give the bucket alone, without a path'],
    ['a bucket that is an IP address', { s3: S3Configuration.fromValues(KEYS), bucket: '192.168.1.1' },
      'bucket: has the form of an IP address; an S3 bucket name is 3 to 63 lower-case letters, digits, "." and "-", starting and ending with a letter or digit, no "..", not an IP address: give the bucket alone, without a path'],
  ['a bad key', { s3: S3Configuration.fromValues(KEYS), key: 'my key' },
    'key: has a space at character 3; a Secret key is letters, digits, "-", "_" and ".", at most 253 characters, neither "." alone nor starting with "..": give the key InferenceServices name in storage.key'],
  ['no store', {} as any, 's3: is missing: give the S3 store, such as S3Configuration.fromValues({ accessKeyId, secretAccessKey })'],
])('%s is refused', (_name, props, message) => {
  const chart = userChart();
  expectRejected(chart, 'storage', () => new KServeStorageConfig(chart, 'storage', props), `[test/storage] ${message}`, [FAKE_SECRET]);
});

describe('the addressing style, which a storage spec cannot carry', () => {
  // The storage initializer copies the spec's fields to its environment (kserve/kserve v0.20.0
  // python/storage/kserve_storage/kserve_storage.py, _update_with_storage_spec) and builds its boto3
  // config from that environment (get_S3_config): virtual-hosted only for S3_USER_VIRTUAL_BUCKET, which
  // a spec never sets, or for the legacy https://s3.amazonaws.com outside us-east-1. botocore 1.43 then
  // picks the style, as it does in the initializer.
  const hasBotocore = spawnSync('python3', ['-c', 'import botocore'], { encoding: 'utf8' }).status === 0;
  const PROBE = [
    'import json, sys',
    'import boto3',
    'from botocore.config import Config',
    'spec = json.loads(sys.stdin.read())',
    "config = Config()",
    "if spec.get('endpoint_url') == 'https://s3.amazonaws.com' and spec.get('region') not in (None, 'us-east-1'):",
    "    config = config.merge(Config(s3={'addressing_style': 'virtual'}))",
    "client = boto3.client('s3', endpoint_url=spec.get('endpoint_url'), region_name=spec.get('region'), config=config,",
    "    aws_access_key_id=spec['access_key_id'], aws_secret_access_key=spec['secret_access_key'])",
    "print(client.generate_presigned_url('get_object', Params={'Bucket': 'models', 'Key': 'model.bin'}).split('?')[0])",
  ].join('\n');
  /** The URL the storage initializer fetches `s3://models/model.bin` from, for the spec under `default`. */
  const initializerUrl = (s3: S3Configuration) => {
    const spec = kserveStorageSpecView(synth({ s3 }), 'storage-config', 'default').json;
    return spawnSync('python3', ['-c', PROBE], { input: JSON.stringify(spec), encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } }).stdout.trim();
  };

  test('the spec holds no addressing field, whatever forcePathStyle says', () => {
    // GIVEN one store asked for either style
    const specs = [true, false, undefined].map(forcePathStyle =>
      kserveStorageSpecView(synth({ s3: S3Configuration.fromValues({ ...KEYS, ...SETTINGS, forcePathStyle }) }), 'storage-config', 'default').json);
    // THEN the three specs are one
    expect(specs[0]).toEqual(specs[2]);
    expect(specs[1]).toEqual(specs[2]);
    expect(Object.keys(specs[2]).sort()).toEqual(['access_key_id', 'endpoint_url', 'region', 'secret_access_key', 'type']);
  });

  (hasBotocore ? test : test.skip)('so boto3 addresses a custom endpoint path-style and AWS S3 virtual-hosted, as the s3 prop documents', () => {
    // WHEN / THEN a MinIO asked for virtual-hosted style is still addressed path-style
    expect(initializerUrl(S3Configuration.fromValues({ ...KEYS, ...SETTINGS, forcePathStyle: false }))).toBe('http://minio-service.kubeflow:9000/models/model.bin');
    // AND AWS S3 asked for path style is addressed virtual-hosted, which it serves for every such bucket
    expect(initializerUrl(S3Configuration.fromValues({ ...KEYS, region: 'eu-west-1', forcePathStyle: true }))).toBe('https://models.s3.amazonaws.com/model.bin');
  });
});
