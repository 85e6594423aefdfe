import { Testing } from 'cdk8s';
import { HuggingFaceToken, KServeServiceAccount, S3Configuration, SecretStoreRef, TrainerStorageCredentials, TrainerStorageCredentialsProps } from '../../lib';
import { esoSecret } from '../sources/eso-template';
import { decodedData, expectGolden, expectRejected, userChart } from '../support';
import { expectValidManifests } from '../schema';

const FAKE_SECRET = 'fake-secret-key-0000';
const FAKE_TOKEN = 'hf_fakeTokenForTestsOnly0000000000';
const KEYS = { accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET };
const MINIO = S3Configuration.fromValues({ ...KEYS, endpoint: 'http://minio-service.kubeflow:9000', region: 'us-east-1', forcePathStyle: true });
const VAULT = SecretStoreRef.cluster('vault');
const STORED_S3 = S3Configuration.fromSecretStore({
  store: VAULT, accessKeyId: { key: 'kubeflow/s3', property: 'access_key_id' }, secretAccessKey: { key: 'kubeflow/s3', property: 'secret_access_key' },
  endpoint: 'https://s3.example.com', region: 'eu-west-1',
});
const STORED_TOKEN = HuggingFaceToken.fromSecretStore({ store: VAULT, token: { key: 'kubeflow/hf', property: 'token' } });

/** The objects of one TrainerStorageCredentials in namespace user. */
function synth(props: TrainerStorageCredentialsProps): any[] {
  const chart = userChart();
  new TrainerStorageCredentials(chart, 'trainer-storage', props);
  const manifests = Testing.synth(chart);
  expectValidManifests(manifests);
  return manifests;
}

describe('golden files', () => {
  test.each<[string, TrainerStorageCredentialsProps]>([
    ['consumer-trainer-s3', { s3: MINIO }],
    ['consumer-trainer-hf-role', { huggingFaceToken: HuggingFaceToken.fromValue(FAKE_TOKEN), awsRoleArn: 'arn:aws:iam::123456789012:role/datasets', name: 'trainer-credentials' }],
    ['consumer-trainer-eso', { s3: STORED_S3, huggingFaceToken: STORED_TOKEN, awsRoleArn: 'arn:aws:iam::123456789012:role/datasets' }],
  ])('%s', (name, props) => {
    const app = Testing.app();
    new TrainerStorageCredentials(userChart(app), 'trainer-storage', props);
    expectGolden(app, name);
  });
});

describe('the Secret holds the initializers\' names', () => {
  test('S3: the endpoint as a URL, the keys and the region', () => {
    const [secret] = synth({ s3: MINIO });
    expect(decodedData(secret)).toEqual({
      ENDPOINT: 'http://minio-service.kubeflow:9000', ACCESS_KEY_ID: KEYS.accessKeyId, SECRET_ACCESS_KEY: FAKE_SECRET, REGION: 'us-east-1',
    });
  });

  test.each(['HTTP://minio-service.kubeflow:9000', 'Http://minio-service.kubeflow:9000/'])(
    'an endpoint whose scheme is not in lower case (%s) is ENDPOINT with it in lower case', endpoint => {
      // GIVEN an endpoint S3Configuration takes, its scheme written in upper case
      const s3 = S3Configuration.fromValues({ ...KEYS, endpoint, region: 'us-east-1' });
      // WHEN
      const [secret] = synth({ s3 });
      // THEN ENDPOINT starts with "http://": OpenDAL keeps an endpoint that starts with "http", case-sensitively, and
      // prepends "https://" to any other (apache/opendal core/src/services/s3/backend.rs, S3Builder::build_endpoint),
      // which made "https://HTTP://minio-service.kubeflow:9000"
      expect(decodedData(secret).ENDPOINT).toBe('http://minio-service.kubeflow:9000');
    });

  test('AWS S3 by region: REGION, and no ENDPOINT (OpenDAL makes it from the region)', () => {
    const [secret] = synth({ s3: S3Configuration.fromValues({ ...KEYS, region: 'eu-west-1' }) });
    expect(decodedData(secret)).toEqual({ ACCESS_KEY_ID: KEYS.accessKeyId, SECRET_ACCESS_KEY: FAKE_SECRET, REGION: 'eu-west-1' });
  });

  test('a store at an endpoint of its own without a region: no REGION, as MinIO and SeaweedFS take the "auto" the initializers then sign with', () => {
    // GIVEN MinIO's endpoint and no region WHEN synthesised
    const [secret] = synth({ s3: S3Configuration.fromValues({ ...KEYS, endpoint: 'http://minio-service.kubeflow:9000' }) });
    // THEN
    expect(decodedData(secret)).toEqual({ ENDPOINT: 'http://minio-service.kubeflow:9000', ACCESS_KEY_ID: KEYS.accessKeyId, SECRET_ACCESS_KEY: FAKE_SECRET });
  });

  test('a role is ROLE_ARN, beside the keys', () => {
    const [secret] = synth({ s3: S3Configuration.fromValues({ ...KEYS, region: 'cn-north-1' }), awsRoleArn: 'arn:aws-cn:iam::123456789012:role/x' });
    expect(decodedData(secret).ROLE_ARN).toBe('arn:aws-cn:iam::123456789012:role/x');
  });

  test('a Hugging Face token is ACCESS_TOKEN for the initializers and HF_TOKEN for huggingface_hub', () => {
    const [secret] = synth({ huggingFaceToken: HuggingFaceToken.fromValue(FAKE_TOKEN) });
    expect(decodedData(secret)).toEqual({ ACCESS_TOKEN: FAKE_TOKEN, HF_TOKEN: FAKE_TOKEN });
  });

  test('from one secret store, ESO writes the same keys, the settings as they are', () => {
    // GIVEN / WHEN
    const [externalSecret] = synth({ s3: STORED_S3, huggingFaceToken: STORED_TOKEN });
    const written = esoSecret(externalSecret, { 'kubeflow/s3#access_key_id': KEYS.accessKeyId, 'kubeflow/s3#secret_access_key': FAKE_SECRET, 'kubeflow/hf#token': FAKE_TOKEN });
    // THEN
    expect(Object.fromEntries(Object.entries(written.data).map(([k, v]) => [k, v.toString('utf8')]))).toEqual({
      ENDPOINT: 'https://s3.example.com', ACCESS_KEY_ID: KEYS.accessKeyId, SECRET_ACCESS_KEY: FAKE_SECRET, REGION: 'eu-west-1', ACCESS_TOKEN: FAKE_TOKEN, HF_TOKEN: FAKE_TOKEN,
    });
  });

  test('the construct names its Secret for the TrainJob\'s secretRef, and lends it when it holds S3 keys', () => {
    const chart = userChart();
    const s3 = new TrainerStorageCredentials(chart, 'datasets', { s3: MINIO });
    const hf = new TrainerStorageCredentials(chart, 'models', { huggingFaceToken: HuggingFaceToken.fromValue(FAKE_TOKEN), hashSecretName: true });
    expect(s3.secretName).toBe('datasets');
    expect(s3.s3Secret?.secretName).toBe('datasets');
    expect(hf.secretName).toMatch(/^models-[a-z0-9]{10}$/);
    expect(hf.s3Secret).toBeUndefined();
  });
});

test('a Trainer Secret named as KServe\'s S3 Secret is two objects of one name, which the app-wide check refuses', () => {
  // GIVEN
  const chart = userChart();
  new KServeServiceAccount(chart, 'models', { s3: MINIO });
  new TrainerStorageCredentials(chart, 'trainer', { s3: MINIO, name: 'models-s3' });
  // WHEN / THEN
  expect(() => Testing.synth(chart)).toThrow('test/models/S3Secret and test/trainer/Secret are both Secret models-s3 (api group core) in namespace user: applying them, one overwrites the other; give them different names or namespaces');
});

describe('refusals name the construct and the field, hold no secret, and leave nothing', () => {
  test.each<[string, TrainerStorageCredentialsProps, string]>([
    ['nothing to hold', {}, 'props: hold none of s3, awsRoleArn and huggingFaceToken, so the Secret would be empty: give at least one'],
    ['an existing S3 Secret', { s3: S3Configuration.fromExistingSecret('team-s3') },
      's3: names an existing Secret, and Trainer\'s dataset and model initializers read ENDPOINT, ACCESS_KEY_ID, SECRET_ACCESS_KEY and REGION, names no other construct writes: give the keys (S3Configuration.fromValues or fromSecretStore), or name that Secret in the TrainJob\'s secretRef yourself if it holds those keys'],
    ['a session token', { s3: S3Configuration.fromValues({ ...KEYS, sessionToken: 'fake-session-token-0000' }) },
      's3: has a session token, which never reaches Trainer\'s dataset and model initializers (only the access key and secret key do, and temporary keys fail without their token): give long-lived keys'],
    // GIVEN AWS S3 without a region: the initializers pass OpenDAL the region "auto" (kubeflow/trainer pkg/initializers/utils/opendal.py),
    // and OpenDAL makes the endpoint https://s3.auto.amazonaws.com from it (apache/opendal S3Builder::build_endpoint)
    ['AWS S3 without a region', { s3: S3Configuration.fromValues(KEYS) },
      's3: has no region, and Trainer\'s dataset and model initializers then address AWS S3 in the region "auto" (what they pass when REGION is empty), at https://s3.auto.amazonaws.com, a host that does not exist: give the store\'s region'],
    // GIVEN AWS S3's global endpoint without a region: OpenDAL turns it into the regional one, s3.auto.amazonaws.com (ENDPOINT_TEMPLATES)
    ['AWS S3\'s global endpoint without a region', { s3: S3Configuration.fromValues({ ...KEYS, endpoint: 'https://s3.amazonaws.com:443/' }) },
      's3: has no region, and Trainer\'s dataset and model initializers then address AWS S3 in the region "auto" (what they pass when REGION is empty), at https://s3.auto.amazonaws.com, a host that does not exist: give the store\'s region'],
    // GIVEN a role with a store of its own endpoint and no region: the role is assumed at the regional STS endpoint (reqsign sts_endpoint)
    ['a role with a store without a region', { s3: S3Configuration.fromValues({ ...KEYS, endpoint: 'https://s3.example.com' }), awsRoleArn: 'arn:aws:iam::123456789012:role/x' },
      's3: has no region, and with awsRoleArn Trainer\'s dataset and model initializers assume the role at the STS endpoint of the region "auto" (what they pass when REGION is empty), sts.auto.amazonaws.com, a host that does not exist: give the store\'s region'],
    ['a bad role', { awsRoleArn: 'arn:aws:iam::123456789012:user/x' },
      'awsRoleArn: is not an IAM role ARN ("arn:PARTITION:iam::ACCOUNT:role/NAME"): give one, such as "arn:aws:iam::123456789012:role/notebook-s3"'],
    ['keys in code with a token from a store', { s3: MINIO, huggingFaceToken: STORED_TOKEN },
      's3: holds its secret values in code, and huggingFaceToken reads from a secret store: the ExternalSecret would carry them in clear in its template; give both from the secret store, or both in code'],
    ['a token in code with keys from a store', { s3: STORED_S3, huggingFaceToken: HuggingFaceToken.fromValue(FAKE_TOKEN) },
      'huggingFaceToken: holds its secret values in code, and s3 reads from a secret store: the ExternalSecret would carry them in clear in its template; give both from the secret store, or both in code'],
    ['two stores', { s3: STORED_S3, huggingFaceToken: HuggingFaceToken.fromSecretStore({ store: SecretStoreRef.namespaced('hub'), token: { key: 'hf' } }) },
      'huggingFaceToken: reads from another secret store, or with another refreshInterval, than s3, and the one ExternalSecret that writes the Secret reads one store: keep both in one store with one refreshInterval'],
    ['a token with a line break', { huggingFaceToken: HuggingFaceToken.fromValue(`${FAKE_TOKEN}\n`) },
      'huggingFaceToken: the token contains a line break (often from "echo" without -n or a file\'s last newline): remove it'],
    ['a bad name', { huggingFaceToken: HuggingFaceToken.fromValue(FAKE_TOKEN), name: 'Trainer' },
      'name: has an upper-case letter at character 1; a Secret name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters): set name to a valid name'],
  ])('%s', (_name, props, message) => {
    const chart = userChart();
    expectRejected(chart, 'trainer', () => new TrainerStorageCredentials(chart, 'trainer', props), `[test/trainer] ${message}`, [FAKE_SECRET, FAKE_TOKEN, 'fake-session-token-0000']);
  });
});
