// One source, many consumers, no drift: one S3Configuration (or GCS key, or Azure account) given to the
// notebook access, KServe, the Pipelines store and Trainer must reach each of them as the same store.
// Each consumer's view is decoded as its own code reads it (views.ts): the notebook's through the pod the
// PodDefault webhook admits, so the test holds however the notebook access lays out its objects.
import { readFileSync } from 'fs';
import { App, Chart, Testing } from 'cdk8s';
import {
  AwsEnvConfiguration, AzureBlobConfiguration, AzureStorageConfiguration, GcpServiceAccountKey, GcsCredentials, KServeServiceAccount,
  KServeStorageConfig, PipelinesArtifactStore, S3Checksums, S3Configuration, S3ConfigurationValues, SecretStoreRef, TrainerStorageCredentials,
} from '../../lib';
import { FakeStore } from '../sources/eso-template';
import { fixture } from '../support';
import { kserveEnv, kserveGcsKey, kserveS3View, kserveStorageSpecView, launcherGcsKey, launcherS3View, notebookEnv, notebookGcsKey, notebookS3View, trainerS3View } from './views';

const KEYS = { accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: 'fake-secret-key-0000' };

/** Every consumer of one S3 store in one app, and the manifests it synthesises; the check must pass. */
function synthS3(configuration: S3Configuration, pipelineRoot: string, share: boolean, hasRegion = true): any[] {
  const app = Testing.app();
  const chart = new Chart(app, 'profile', { namespace: 'team-a' });
  new AwsEnvConfiguration(chart, 'aws-configuration', { configuration });
  const kserve = new KServeServiceAccount(chart, 'kserve', { s3: configuration });
  const trainer = new TrainerStorageCredentials(chart, 'trainer-storage', { s3: configuration });
  // The launcher's S3 client sends no request without a region, so the store refuses such a configuration.
  if (hasRegion) {
    new PipelinesArtifactStore(chart, 'pipelines-artifacts', share
      ? { pipelineRoot, credentialsSecret: kserve.s3Secret }
      : { pipelineRoot, s3: configuration });
  }
  new KServeStorageConfig(chart, 'storage-config', { s3: configuration });
  expect(trainer.s3Secret).toBeDefined();
  return Testing.synth(chart);
}

interface StoreCase {
  readonly values: S3ConfigurationValues;
  /** The endpoint each client sends requests to. */
  readonly endpoint?: string;
  readonly pipelineRoot: string;
}

const STORES: [string, StoreCase][] = [
  ['AWS S3 by region alone', { values: { ...KEYS, region: 'eu-west-1' }, pipelineRoot: 's3://team-a-artifacts/v2' }],
  ['AWS S3 at its regional endpoint, virtual-hosted', {
    values: { ...KEYS, region: 'eu-west-1', endpoint: 'https://s3.eu-west-1.amazonaws.com', forcePathStyle: false },
    endpoint: 'https://s3.eu-west-1.amazonaws.com', pipelineRoot: 's3://team-a-artifacts/v2',
  }],
  ['Kubeflow\'s MinIO over http', {
    values: { ...KEYS, region: 'us-east-1', endpoint: 'http://minio-service.kubeflow:9000', forcePathStyle: true },
    endpoint: 'http://minio-service.kubeflow:9000', pipelineRoot: 'minio://mlpipeline/v2/artifacts',
  }],
  ['a MinIO over https on its own port, the endpoint written with a trailing slash', {
    values: { ...KEYS, region: 'us-east-1', endpoint: 'https://minio.example.com:9443/', forcePathStyle: true },
    endpoint: 'https://minio.example.com:9443', pipelineRoot: 's3://team-a/v2',
  }],
  ['SeaweedFS over http, as Kubeflow 1.10 ships it', {
    values: { ...KEYS, region: 'us-east-1', endpoint: 'http://seaweedfs.kubeflow:8333', forcePathStyle: true, checksums: S3Checksums.WHEN_REQUIRED },
    endpoint: 'http://seaweedfs.kubeflow:8333', pipelineRoot: 'minio://mlpipeline/v2/artifacts',
  }],
  ['SeaweedFS over https', {
    values: { ...KEYS, endpoint: 'https://seaweedfs.example.com', forcePathStyle: true },
    endpoint: 'https://seaweedfs.example.com', pipelineRoot: 's3://mlpipeline/v2',
  }],
];

describe.each([false, true])('one S3Configuration, every consumer (the launcher borrowing KServe\'s Secret: %s)', share => {
  test.each(STORES)('%s', (_name, store) => {
    // GIVEN every consumer of one configuration
    const hasRegion = store.values.region !== undefined;
    const manifests = synthS3(S3Configuration.fromValues(store.values), store.pipelineRoot, share, hasRegion);
    // WHEN each consumer reads the store
    const views = {
      notebook: notebookS3View(manifests, 'aws-configuration'),
      kserve: kserveS3View(manifests, 'kserve'),
      ...hasRegion ? { launcher: launcherS3View(manifests) } : {},
      trainer: trainerS3View(manifests, 'trainer-storage'),
      kserveStorageSpec: kserveStorageSpecView(manifests, 'storage-config', 'default'),
    };
    // THEN they agree on the endpoint, the region and the keys
    const expected = { endpoint: store.endpoint, region: store.values.region, ...KEYS };
    for (const view of Object.values(views)) {
      expect({ endpoint: view.endpoint, region: view.region, accessKeyId: view.accessKeyId, secretAccessKey: view.secretAccessKey }).toEqual(expected);
    }
    // AND on the addressing style where the configuration sets it (boto3 in KServe addresses a custom
    // endpoint path-style unless told S3_USER_VIRTUAL_BUCKET; the launcher's default is path-style)
    if (store.values.forcePathStyle !== undefined) {
      expect(views.notebook.forcePathStyle).toBe(String(store.values.forcePathStyle));
      expect(views.kserve.virtualBucket).toBe(store.values.forcePathStyle ? undefined : 'true');
      if (views.launcher !== undefined) { expect(views.launcher.usePathStyle).toBe(store.values.forcePathStyle); }
    }
  });
});

test('a secret store source reaches every consumer as the same store, once ESO has written the Secrets', () => {
  // GIVEN the keys in a store, the settings in code
  const configuration = S3Configuration.fromSecretStore({
    store: SecretStoreRef.cluster('vault'),
    accessKeyId: { key: 'kubeflow/s3', property: 'access_key_id' },
    secretAccessKey: { key: 'kubeflow/s3', property: 'secret_access_key' },
    endpoint: 'http://minio-service.kubeflow:9000', region: 'us-east-1', forcePathStyle: true,
  });
  const store: FakeStore = { 'kubeflow/s3#access_key_id': KEYS.accessKeyId, 'kubeflow/s3#secret_access_key': KEYS.secretAccessKey };
  const manifests = synthS3(configuration, 'minio://mlpipeline/v2/artifacts', false);
  // WHEN / THEN
  const expected = { endpoint: 'http://minio-service.kubeflow:9000', region: 'us-east-1', ...KEYS };
  for (const view of [notebookS3View(manifests, 'aws-configuration', store), kserveS3View(manifests, 'kserve', store),
    launcherS3View(manifests, store), trainerS3View(manifests, 'trainer-storage', store), kserveStorageSpecView(manifests, 'storage-config', 'default', store)]) {
    expect({ endpoint: view.endpoint, region: view.region, accessKeyId: view.accessKeyId, secretAccessKey: view.secretAccessKey }).toEqual(expected);
  }
});

test('one GCS key reaches the notebook, KServe and the launcher byte for byte, the launcher through KServe\'s Secret or its own', () => {
  // GIVEN one key file for every consumer
  const bytes = readFileSync(fixture('gcp-service-account-key.json'));
  const key = GcpServiceAccountKey.fromFile(fixture('gcp-service-account-key.json'));
  for (const share of [false, true]) {
    const chart = new Chart(Testing.app(), 'profile', { namespace: 'team-a' });
    new GcsCredentials(chart, 'gcs-credentials', { key });
    const kserve = new KServeServiceAccount(chart, 'kserve', { gcs: key });
    new PipelinesArtifactStore(chart, 'pipelines-artifacts', share
      ? { pipelineRoot: 'gs://team-a-artifacts/v2', credentialsSecret: kserve.gcsSecret }
      : { pipelineRoot: 'gs://team-a-artifacts/v2', gcs: key });
    const manifests = Testing.synth(chart);
    // WHEN / THEN
    expect(notebookGcsKey(manifests, 'gcs-credentials')).toEqual(bytes);
    expect(kserveGcsKey(manifests, 'kserve')).toEqual(bytes);
    expect(launcherGcsKey(manifests)).toEqual(bytes);
  }
});

test('one Azure account key reaches the notebook and KServe', () => {
  // GIVEN
  const env = Object.fromEntries(readFileSync(fixture('azure-storage.env'), 'utf8').split('\n')
    .filter(l => /^[A-Z_]+=/.test(l)).map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  const configuration = AzureStorageConfiguration.fromValues({ accountName: env.AZURE_STORAGE_ACCOUNT_NAME, accountKey: env.AZURE_STORAGE_ACCOUNT_KEY });
  const chart = new Chart(new App(), 'profile', { namespace: 'team-a' });
  new AzureBlobConfiguration(chart, 'azure-blob', { configuration });
  new KServeServiceAccount(chart, 'kserve', { azure: configuration });
  const manifests = Testing.synth(chart);
  // WHEN
  const notebook = notebookEnv(manifests, 'azure-blob').env;
  const kserve = kserveEnv(manifests, 'kserve');
  // THEN the key is the same; KServe takes the account from the storageUri (https://ACCOUNT.blob.core.windows.net/...)
  expect(notebook.AZURE_STORAGE_ACCOUNT_KEY).toBe(env.AZURE_STORAGE_ACCOUNT_KEY);
  expect(kserve).toEqual({ AZURE_STORAGE_ACCESS_KEY: env.AZURE_STORAGE_ACCOUNT_KEY });
});
