import { readFileSync } from 'fs';
import { Testing } from 'cdk8s';
import {
  AzureStorageConfiguration, DockerConfig, GcpServiceAccountKey, KServeServiceAccount, KServeServiceAccountProps, S3Configuration, SecretStoreRef,
} from '../../lib';
import { decodedData, expectGolden, expectRejected, fixture, userChart } from '../support';
import { expectValidManifests } from '../schema';

const FAKE_SECRET = 'fake-secret-key-0000';
const KEYS = { accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET };
const LOGIN = { server: 'ghcr.io', username: 'fake-user', password: 'fake-password-0000' };
const AZURE_KEY = Buffer.from('fake-azure-account-key-0000'.padEnd(64, '0')).toString('base64');
const MINIO = S3Configuration.fromValues({ ...KEYS, endpoint: 'http://minio-service.kubeflow:9000', region: 'us-east-1', forcePathStyle: true });
const VAULT = SecretStoreRef.cluster('vault');

/** The objects of one KServeServiceAccount in namespace user, by kind and name. */
function synth(props: KServeServiceAccountProps, id = 'kserve'): { [kindName: string]: any } {
  const chart = userChart();
  new KServeServiceAccount(chart, id, props);
  expectValidManifests(Testing.synth(chart));
  return Object.fromEntries(Testing.synth(chart).map(m => [`${m.kind}/${m.metadata.name}`, m]));
}

describe('golden files', () => {
  test.each<[string, KServeServiceAccountProps]>([
    ['consumer-kserve-minio', { s3: MINIO, registry: DockerConfig.fromLogin(LOGIN) }],
    ['consumer-kserve-aws-gcs-azure', {
      s3: S3Configuration.fromValues({ ...KEYS, region: 'eu-west-1' }),
      gcs: GcpServiceAccountKey.fromFile(fixture('gcp-service-account-key.json')),
      azure: AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', accountKey: AZURE_KEY }),
      immutable: true,
    }],
    ['consumer-kserve-irsa', { awsRoleArn: 'arn:aws:iam::123456789012:role/kserve-models', s3VerifySsl: true }],
    ['consumer-kserve-eso', {
      s3: S3Configuration.fromSecretStore({
        store: VAULT, accessKeyId: { key: 'kubeflow/s3', property: 'access_key_id' }, secretAccessKey: { key: 'kubeflow/s3', property: 'secret_access_key' },
        endpoint: 'https://s3.example.com', region: 'eu-west-1', forcePathStyle: false,
      }),
      s3VerifySsl: false,
      gcs: GcpServiceAccountKey.fromSecretStore({ store: VAULT, key: { key: 'kubeflow/gcs-key' } }),
      azure: AzureStorageConfiguration.fromSecretStore({ store: VAULT, accountName: 'fakeaccount0000', accountKey: { key: 'kubeflow/azure', property: 'key' } }),
      registry: DockerConfig.fromSecretStoreLogin({ store: VAULT, server: 'ghcr.io', username: { key: 'kubeflow/ghcr', property: 'username' }, password: { key: 'kubeflow/ghcr', property: 'token' } }),
    }],
    ['consumer-kserve-existing', {
      s3: S3Configuration.fromExistingSecret('team-s3'),
      gcs: GcpServiceAccountKey.fromExistingSecret('team-gcs', 'gcloud-application-credentials.json'),
      registry: DockerConfig.fromExistingSecret('team-registry'),
    }],
  ])('%s', (name, props) => {
    // GIVEN
    const app = Testing.app();
    new KServeServiceAccount(userChart(app), 'kserve', props);
    // WHEN / THEN
    expectGolden(app, name);
  });
});

describe('an S3 store', () => {
  test('is a Secret with the keys the shipped inferenceservice-config names, listed in the ServiceAccount', () => {
    // GIVEN / WHEN
    const objects = synth({ s3: MINIO });
    // THEN
    expect(objects['ServiceAccount/kserve'].secrets).toEqual([{ name: 'kserve-s3' }]);
    expect(decodedData(objects['Secret/kserve-s3'])).toEqual({ AWS_ACCESS_KEY_ID: KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: FAKE_SECRET });
  });

  test.each<[string, S3Configuration, boolean | undefined, { [key: string]: string }]>([
    ['http MinIO: host and port, s3-usehttps 0', MINIO, undefined, {
      'serving.kserve.io/s3-endpoint': 'minio-service.kubeflow:9000', 'serving.kserve.io/s3-usehttps': '0', 'serving.kserve.io/s3-region': 'us-east-1',
    }],
    ['https on a port, a trailing slash, certificate unchecked', S3Configuration.fromValues({ ...KEYS, endpoint: 'HTTPS://Minio.Example.com:9443/' }), false, {
      'serving.kserve.io/s3-endpoint': 'Minio.Example.com:9443', 'serving.kserve.io/s3-usehttps': '1', 'serving.kserve.io/s3-verifyssl': '0',
    }],
    ['AWS by region, virtual-hosted asked for', S3Configuration.fromValues({ ...KEYS, region: 'eu-west-1', forcePathStyle: false }), true, {
      'serving.kserve.io/s3-region': 'eu-west-1', 'serving.kserve.io/s3-verifyssl': '1', 'serving.kserve.io/s3-usevirtualbucket': 'true',
    }],
    ['AWS with nothing but keys', S3Configuration.fromValues(KEYS), undefined, {}],
  ])('%s: the annotations', (_name, s3, s3VerifySsl, annotations) => {
    // GIVEN / WHEN
    const secret = synth({ s3, s3VerifySsl })['Secret/kserve-s3'];
    // THEN
    expect(secret.metadata.annotations ?? {}).toEqual(annotations);
  });

  test('an existing Secret is listed as it is, and nothing is made', () => {
    const objects = synth({ s3: S3Configuration.fromExistingSecret('team-s3') });
    expect(Object.keys(objects)).toEqual(['ServiceAccount/kserve']);
    expect(objects['ServiceAccount/kserve'].secrets).toEqual([{ name: 'team-s3' }]);
  });

  test('from a secret store, ESO writes the keys and the template carries the annotations', () => {
    // GIVEN / WHEN
    const objects = synth({
      s3: S3Configuration.fromSecretStore({ store: VAULT, accessKeyId: { key: 'k', property: 'id' }, secretAccessKey: { key: 'k', property: 'secret' }, region: 'us-east-1' }),
    });
    // THEN
    const target = objects['ExternalSecret/kserve-s3'].spec.target;
    expect(target.template).toEqual({ engineVersion: 'v2', metadata: { annotations: { 'serving.kserve.io/s3-region': 'us-east-1' } } });
    expect(objects['ExternalSecret/kserve-s3'].spec.data.map((d: any) => d.secretKey)).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']);
  });
});

describe('the other stores and the registry', () => {
  test('a GCS key is kept as gcloud-application-credentials.json, unchanged', () => {
    const objects = synth({ gcs: GcpServiceAccountKey.fromFile(fixture('gcp-service-account-key.json')) });
    expect(objects['ServiceAccount/kserve'].secrets).toEqual([{ name: 'kserve-gcs' }]);
    expect(Buffer.from(objects['Secret/kserve-gcs'].data['gcloud-application-credentials.json'], 'base64')).toEqual(readFileSync(fixture('gcp-service-account-key.json')));
  });

  test('an Azure account key is AZURE_STORAGE_ACCESS_KEY and nothing else', () => {
    const objects = synth({ azure: AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', accountKey: AZURE_KEY }) });
    expect(decodedData(objects['Secret/kserve-azure'])).toEqual({ AZURE_STORAGE_ACCESS_KEY: AZURE_KEY });
  });

  test('registry credentials are a kubernetes.io/dockerconfigjson Secret in imagePullSecrets, not in secrets', () => {
    const objects = synth({ registry: DockerConfig.fromLogin(LOGIN) });
    expect(objects['ServiceAccount/kserve'].imagePullSecrets).toEqual([{ name: 'kserve-registry' }]);
    expect(objects['ServiceAccount/kserve'].secrets).toBeUndefined();
    expect(objects['Secret/kserve-registry'].type).toBe('kubernetes.io/dockerconfigjson');
    expect(JSON.parse(decodedData(objects['Secret/kserve-registry'])['.dockerconfigjson']).auths['ghcr.io'].username).toBe('fake-user');
  });

  test('an existing kubernetes.io/dockercfg Secret (key .dockercfg), which the kubelet also reads, is listed in imagePullSecrets', () => {
    // GIVEN a legacy image pull Secret: the kubelet reads .dockercfg of a kubernetes.io/dockercfg Secret
    // (kubernetes/kubernetes pkg/credentialprovider/secrets/secrets.go, MakeDockerKeyring)
    // WHEN
    const objects = synth({ registry: DockerConfig.fromExistingSecret('legacy-registry', '.dockercfg') });
    // THEN it is listed as it is, and nothing is made
    expect(objects['ServiceAccount/kserve'].imagePullSecrets).toEqual([{ name: 'legacy-registry' }]);
    expect(Object.keys(objects)).toEqual(['ServiceAccount/kserve']);
  });

  test('the storage Secrets are listed in a fixed order, S3, GCS, Azure; hashSecretName names each by its content', () => {
    const objects = synth({
      s3: MINIO, gcs: GcpServiceAccountKey.fromExistingSecret('team-gcs', 'gcloud-application-credentials.json'),
      azure: AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', accountKey: AZURE_KEY }), hashSecretName: true,
    });
    const names = objects['ServiceAccount/kserve'].secrets.map((s: any) => s.name);
    expect(names).toHaveLength(3);
    expect(names[0]).toMatch(/^kserve-s3-[a-z0-9]{10}$/);
    expect(names[1]).toBe('team-gcs');
    expect(names[2]).toMatch(/^kserve-azure-[a-z0-9]{10}$/);
  });

  test('an IAM role annotates the ServiceAccount, with the S3 settings KServe then reads from it, and no Secret', () => {
    const objects = synth({ awsRoleArn: 'arn:aws:iam::123456789012:role/path/kserve', s3VerifySsl: false });
    expect(Object.keys(objects)).toEqual(['ServiceAccount/kserve']);
    expect(objects['ServiceAccount/kserve'].metadata.annotations).toEqual({
      'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/path/kserve', 'serving.kserve.io/s3-verifyssl': '0',
    });
  });
});

describe('refusals name the construct and the field, hold no secret, and leave nothing', () => {
  test.each<[string, KServeServiceAccountProps, string]>([
    ['no source', {}, 'props: hold none of s3, awsRoleArn, gcs, azure and registry, so KServe would find nothing on the ServiceAccount: give at least one'],
    ['keys and a role', { s3: MINIO, awsRoleArn: 'arn:aws:iam::123456789012:role/x' },
      'awsRoleArn: is given with s3, and both give the S3 credentials: give awsRoleArn for the pods\' IAM role (IRSA, no keys) or s3 for keys, not both'],
    ['a bad role', { awsRoleArn: 'arn:aws:iam::123:role/x' },
      'awsRoleArn: has an account id that is not 12 digits: give the role\'s account, such as "arn:aws:iam::123456789012:role/notebook-s3"'],
    ['s3VerifySsl alone', { s3VerifySsl: true, gcs: GcpServiceAccountKey.fromExistingSecret('g', 'gcloud-application-credentials.json') },
      's3VerifySsl: applies to an S3 store: give s3 or awsRoleArn, or leave s3VerifySsl out'],
    ['s3VerifySsl on an existing Secret', { s3: S3Configuration.fromExistingSecret('team-s3'), s3VerifySsl: true },
      's3VerifySsl: is an annotation of the S3 Secret, and the source is an existing Secret this construct does not write: leave s3VerifySsl out, and annotate that Secret serving.kserve.io/s3-verifyssl yourself'],
    ['a session token', { s3: S3Configuration.fromValues({ ...KEYS, sessionToken: 'fake-session-token-0000' }) },
      's3: has a session token, which never reaches KServe\'s storage initializer (only the access key and secret key do, and temporary keys fail without their token): give long-lived keys'],
    ['the legacy signature', { s3: S3Configuration.fromValues({ ...KEYS, signatureVersion: 's3' as any }) },
      's3: asks for the legacy \"s3\" signature, which KServe\'s storage initializer cannot use (Signature Version 4 only): leave signatureVersion out, or give S3SignatureVersion.S3V4'],
    ['an existing GCS Secret under the notebook\'s key', { gcs: GcpServiceAccountKey.fromExistingSecret('user-gcp-sa') },
      'gcs: names an existing Secret whose key file is user-gcp-sa.json (the default), and KServe recognises a GCS Secret by the key gcloud-application-credentials.json alone: give GcpServiceAccountKey.fromExistingSecret(name, "gcloud-application-credentials.json") for a Secret that holds it so, or the key file itself'],
    ['an Azure SAS token', { azure: AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', sasToken: 'sv=2022-11-02&ss=b&sig=FAKE0000' }) },
      'azure: holds a SAS token, and KServe\'s storage initializer reads an account key (AZURE_STORAGE_ACCESS_KEY) or a service principal, never a SAS token: give the account key as accountKey'],
    ['an existing Azure Secret', { azure: AzureStorageConfiguration.fromExistingSecret('team-azure') },
      'azure: names an existing Secret holding AZURE_STORAGE_* variables, and KServe reads an account key only as AZURE_STORAGE_ACCESS_KEY: give the account key (AzureStorageConfiguration.fromValues or fromSecretStore), or list a Secret in KServe\'s own format yourself'],
    ['an Azure account alone, for a notebook\'s workload identity', { azure: AzureStorageConfiguration.fromAccountName('fakeaccount0000') },
      'azure: is the account alone (AzureStorageConfiguration.fromAccountName), and KServe\'s storage initializer reads an account key (AZURE_STORAGE_ACCESS_KEY) or a service principal, not a notebook\'s workload identity: give the account key (AzureStorageConfiguration.fromValues or fromSecretStore)'],
    ['an existing registry Secret under config.json', { registry: DockerConfig.fromExistingSecret('docker-config', 'config.json') },
      'registry: names a key of an existing Secret other than .dockerconfigjson and .dockercfg, and the kubelet reads an image pull Secret\'s .dockerconfigjson (of a kubernetes.io/dockerconfigjson Secret) or .dockercfg (of a kubernetes.io/dockercfg Secret) alone: give DockerConfig.fromExistingSecret(name) for such a Secret'],
    ['immutable with nothing made', { s3: S3Configuration.fromExistingSecret('team-s3'), immutable: true },
      'immutable: only applies to a Secret this construct makes, and with the sources given it makes none: leave immutable out'],
    ['a name too long for its Secrets', { s3: MINIO, name: 'a'.repeat(234) },
      'name: is 234 characters long, more than 233; a ServiceAccount name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 233 characters, so that the names made from it fit): set name to a valid name'],
  ])('%s', (_name, props, message) => {
    const chart = userChart();
    expectRejected(chart, 'kserve', () => new KServeServiceAccount(chart, 'kserve', props), `[test/kserve] ${message}`, [FAKE_SECRET, AZURE_KEY, 'fake-session-token-0000', 'FAKE0000']);
  });
});
