// GCS and Azure credentials from a secret store: the ExternalSecret each source synthesises in place of
// the Secret, the Secret External Secrets Operator would write from it (rendered by test/eso-template.ts)
// compared byte for byte with the in-code sources, and the bad input each source refuses.
import { readFileSync } from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import {
  AzureBlobConfiguration, AzureStorageConfiguration, DockerConfig, GcpServiceAccountKey, GcsCredentials, NotebookAccess, SecretStoreRef,
  StorageAccess,
} from '../../lib';
import { esoSecret, FakeStore } from './eso-template';
import { byKind, expectGolden, expectRejected, fixture, GOLDEN_DIR, secretBytes, userChart } from '../support';
import { expectValidManifests, parseManifests } from '../schema';

const vault = SecretStoreRef.cluster('vault');
const team = SecretStoreRef.namespaced('team-store');

/** The committed fake service-account key (a throwaway RSA key, labelled in the file). */
const KEY_TEXT = readFileSync(fixture('gcp-service-account-key.json'), 'utf8');
/** 64 bytes, as a storage account key has; obviously fake. */
const FAKE_KEY = Buffer.from('fake-azure-account-key-0000'.padEnd(64, '0')).toString('base64');
const FAKE_SAS = 'sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=fakeSignature0000%3D';

const GOLDEN = ['eso-gcs', 'eso-azure-account-key', 'eso-azure-connection-string', 'eso-notebook-gcs'];

describe('golden output of GCS and Azure from a secret store', () => {
  test('GcpServiceAccountKey.fromSecretStore: the whole key file from a ClusterSecretStore', () => {
    // GIVEN a key file kept in Vault
    const app = Testing.app();
    // WHEN
    new GcsCredentials(userChart(app), 'gcp-credentials', {
      key: GcpServiceAccountKey.fromSecretStore({ store: vault, key: { key: 'kubeflow/gcp', property: 'user-gcp-sa.json' } }),
    });
    // THEN
    expectGolden(app, 'eso-gcs');
  });

  test('AzureStorageConfiguration.fromSecretStore with an account key, immutable, read once', () => {
    const app = Testing.app();
    new AzureBlobConfiguration(userChart(app), 'azure-blob', {
      configuration: AzureStorageConfiguration.fromSecretStore({
        store: team, accountName: 'fakeaccount0000', accountKey: { key: 'azure-storage', property: 'key1', version: '2' }, refreshInterval: '0s',
      }),
      secretName: 'team-azure',
      immutable: true,
    });
    expectGolden(app, 'eso-azure-account-key');
  });

  test('AzureStorageConfiguration.fromSecretStore with a connection string', () => {
    const app = Testing.app();
    new AzureBlobConfiguration(userChart(app), 'azure-blob', {
      configuration: AzureStorageConfiguration.fromSecretStore({
        store: vault, accountName: 'fakeaccount0000', connectionString: { key: 'kubeflow/azure', property: 'connection-string' },
      }),
    });
    expectGolden(app, 'eso-azure-connection-string');
  });

  test('NotebookAccess with a registry config and a GCS key from a secret store', () => {
    const app = Testing.app();
    new NotebookAccess(userChart(app), 'access', {
      docker: DockerConfig.fromSecretStore({ store: vault, config: { key: 'kubeflow/registry', property: 'config.json' } }),
      storage: StorageAccess.gcs(GcpServiceAccountKey.fromSecretStore({ store: vault, key: { key: 'kubeflow/gcp', property: 'user-gcp-sa.json' } })),
      homeDirectory: '/home/jovyan',
    });
    expectGolden(app, 'eso-notebook-gcs');
  });

  test.each(GOLDEN)('%s holds no Secret, and valid ExternalSecrets only where a Secret would be', name => {
    const objs = parseManifests(readFileSync(path.join(GOLDEN_DIR, `${name}.yaml`), 'utf8'));
    expect(objs.filter(o => o.kind === 'Secret')).toEqual([]);
    const externalSecrets = objs.filter(o => o.kind === 'ExternalSecret');
    expect(externalSecrets.length).toBe(name === 'eso-notebook-gcs' ? 2 : 1);
    expectValidManifests(objs);
  });
});

describe('NotebookAccess with Azure from a secret store', () => {
  test('synthesises the ExternalSecret under azure-blob and no Secret', () => {
    // GIVEN
    const chart = userChart();
    // WHEN
    new NotebookAccess(chart, 'access', {
      docker: DockerConfig.fromSecretStore({ store: vault, config: { key: 'kubeflow/registry' } }),
      storage: StorageAccess.azure(AzureStorageConfiguration.fromSecretStore({ store: vault, accountName: 'fakeaccount0000', sasToken: { key: 'kubeflow/azure-sas' } })),
    });
    // THEN
    const objs = Testing.synth(chart);
    expect(objs.filter(o => o.kind === 'Secret')).toEqual([]);
    const azure = objs.find(o => o.kind === 'ExternalSecret' && o.metadata.name === 'azure-blob');
    expect(azure.spec.data).toEqual([{ secretKey: 'AZURE_STORAGE_SAS_TOKEN', remoteRef: { key: 'kubeflow/azure-sas' } }]);
    // the fetched key is the Secret's key as it is: no template; the account name is plain env
    expect(azure.spec.target.template).toBeUndefined();
    expect(objs.find(o => o.kind === 'PodDefault' && o.metadata.name === 'azure-blob').spec.env)
      .toContainEqual({ name: 'AZURE_STORAGE_ACCOUNT_NAME', value: 'fakeaccount0000' });
    expectValidManifests(objs);
  });
});

describe('the Secret ESO writes holds the bytes the in-code source writes', () => {
  // Keys google-auth accepts whose text holds what would break naive templating or quoting: template
  // delimiters, printf verbs, HTML characters, escapes, non-ASCII, JavaScript line separators, CRLF.
  const base = JSON.parse(KEY_TEXT);
  const TRICKY_KEYS = [
    KEY_TEXT,
    KEY_TEXT.replace(/\n/g, '\r\n'),
    JSON.stringify({ ...base, project_id: 'p{{ .x }}}}%s%%<&>"\\', client_id: 'pässwörd-日本-🔑\u2028\u2029' }),
    JSON.stringify({ ...base, client_email: '{{ "{{" }}fake@fake.iam.gserviceaccount.com' }, null, '\t'),
  ];

  test.each(TRICKY_KEYS.map((text, i) => [i, text]))('GcpServiceAccountKey.fromSecretStore equals fromJson for key %d', (_i, text) => {
    // GIVEN the key in code, and the same key in a store
    const inCode = userChart();
    new GcsCredentials(inCode, 'gcp-credentials', { key: GcpServiceAccountKey.fromJson(text as string) });
    const inStore = userChart();
    new GcsCredentials(inStore, 'gcp-credentials', { key: GcpServiceAccountKey.fromSecretStore({ store: vault, key: { key: 'gcp', property: 'json' } }) });
    // WHEN ESO writes the Secret from the store
    const written = esoSecret(byKind(inStore).ExternalSecret, { 'gcp#json': text as string });
    // THEN the Secret's type, keys and bytes, and the PodDefault, are those of the source in code
    expect(written).toEqual(secretBytes(byKind(inCode).Secret));
    expect(byKind(inStore).PodDefault).toEqual(byKind(inCode).PodDefault);
  });

  // Credentials fromValues accepts that hold what would break naive templating: template delimiters,
  // printf verbs, HTML characters, quotes and backslashes.
  const TRICKY_SAS = [FAKE_SAS, `${FAKE_SAS}&x={{.y}}}}{{`, `?${FAKE_SAS}&a=<b>&c="%s%%"\\`, `${FAKE_SAS}&n=日本-🔑`];
  const TRICKY_CONNECTIONS = [
    `DefaultEndpointsProtocol=https;AccountName=fakeaccount0000;AccountKey=${FAKE_KEY};EndpointSuffix=core.windows.net`,
    `BlobEndpoint=https://fakeaccount0000.blob.core.windows.net;SharedAccessSignature=${FAKE_SAS}&x={{.y}}<&>"\\%s;`,
  ];
  const CASES: Array<[string, string]> = [
    ['accountKey', FAKE_KEY],
    ...TRICKY_SAS.map((sas): [string, string] => ['sasToken', sas]),
    ...TRICKY_CONNECTIONS.map((text): [string, string] => ['connectionString', text]),
  ];

  test.each(CASES)('AzureStorageConfiguration.fromSecretStore equals fromValues for the %s %j', (field, value) => {
    const store: FakeStore = { 'azure#credential': value };
    // GIVEN the credential in code, and the same credential in a store
    const inCode = userChart();
    new AzureBlobConfiguration(inCode, 'azure-blob', {
      configuration: AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', [field]: value }),
    });
    const inStore = userChart();
    new AzureBlobConfiguration(inStore, 'azure-blob', {
      configuration: AzureStorageConfiguration.fromSecretStore({ store: vault, accountName: 'fakeaccount0000', [field]: { key: 'azure', property: 'credential' } }),
    });
    // WHEN ESO writes the Secret from the store
    const written = esoSecret(byKind(inStore).ExternalSecret, store);
    // THEN
    expect(written).toEqual(secretBytes(byKind(inCode).Secret));
    expect(byKind(inStore).PodDefault).toEqual(byKind(inCode).PodDefault);
  });
});

describe('GCS and Azure secret store sources reject bad input', () => {
  const G = '[test/gcp-credentials]';
  const gcs = (props: object, construct: object = {}) => (chart: Chart) => new GcsCredentials(chart, 'gcp-credentials', {
    key: GcpServiceAccountKey.fromSecretStore({ store: vault, key: { key: 'kubeflow/gcp' }, ...props }),
    ...construct,
  });
  test.each<[string, (chart: Chart) => unknown, string]>([
    ['no key', gcs({ key: undefined }),
      `${G} key: key is missing: give the value's place in the store, such as { key: "kubeflow/registry", property: "password" }`],
    ['an empty remote key', gcs({ key: { key: '' } }),
      `${G} key: key.key is empty: give the key the store keeps the value under`],
    ['a property with a tab', gcs({ key: { key: 'kubeflow/gcp', property: 'json\t' } }),
      `${G} key: key.property has a tab at character 5; a store's property is text without surrounding whitespace or control characters: give it as the store shows it`],
    ['a store name with an underscore', gcs({ store: SecretStoreRef.namespaced('gcp_store') }),
      `${G} key: store name has "_" at character 4; a SecretStore name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters): give the name "kubectl get secretstore" shows`],
    ['no store', gcs({ store: undefined }),
      `${G} key: store is missing: give SecretStoreRef.cluster("NAME") or SecretStoreRef.namespaced("NAME")`],
    ['a refresh interval in days', gcs({ refreshInterval: '7d' }),
      `${G} key: refreshInterval is not a Go duration: give one such as "1h", "15m" or "1h30m", or "0s" to read the store once`],
    ['hashSecretName', gcs({}, { hashSecretName: true }),
      `${G} hashSecretName: does not apply to a secret store source: External Secrets Operator rewrites the Secret in place, under the same name, whenever the stored values change: leave hashSecretName out`],
    ['an invalid secretName', gcs({}, { secretName: 'GCP' }),
      `${G} secretName: has an upper-case letter at character 1; a Secret name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters): use a valid name`],
  ])('GCS: %s', (_what, create, message) => {
    const chart = userChart();
    expectRejected(chart, 'gcp-credentials', () => create(chart), message, []);
  });

  const Z = '[test/azure-blob] configuration:';
  const azure = (props: object, construct: object = {}) => (chart: Chart) => new AzureBlobConfiguration(chart, 'azure-blob', {
    configuration: AzureStorageConfiguration.fromSecretStore({ store: vault, accountName: 'fakeaccount0000', ...props } as any),
    ...construct,
  });
  test.each<[string, (chart: Chart) => unknown, string]>([
    ['no credential', azure({}),
      `${Z} no credential: give one of accountKey, sasToken, connectionString, or use AzureStorageConfiguration.fromAccountName for the notebook's own Azure identity (workload identity, no key)`],
    ['two credentials', azure({ accountKey: { key: 'k' }, sasToken: { key: 's' } }),
      `${Z} accountKey and sasToken are given together: give exactly one of accountKey, sasToken, connectionString (adlfs would use one and ignore the others)`],
    ['three credentials', azure({ accountKey: { key: 'k' }, sasToken: { key: 's' }, connectionString: { key: 'c' } }),
      `${Z} accountKey and sasToken and connectionString are given together: give exactly one of accountKey, sasToken, connectionString (adlfs would use one and ignore the others)`],
    ['no account name with a key', azure({ accountName: undefined, accountKey: { key: 'k' } }),
      `${Z} accountName is missing: give the storage account's name`],
    ['no account name with a connection string', azure({ accountName: undefined, connectionString: { key: 'c' } }),
      `${Z} accountName is missing: give the storage account's name (with a connection string, its AccountName: the string is in the store and is not read at synth time)`],
    ['an account name that is a URL', azure({ accountName: 'https://fakeaccount0000.blob.core.windows.net', sasToken: { key: 's' } }),
      `${Z} accountName is not a storage account name (3 to 24 lower-case letters and digits): give the account's name, not its URL`],
    ['an upper-case account name', azure({ accountName: 'FakeAccount', connectionString: { key: 'c' } }),
      `${Z} accountName is not a storage account name (3 to 24 lower-case letters and digits): give the account's name, not its URL`],
    ['an empty remote key', azure({ sasToken: { key: '' } }),
      `${Z} sasToken.key is empty: give the key the store keeps the value under`],
    ['a version with a newline', azure({ connectionString: { key: 'c', version: '1\n' } }),
      `${Z} connectionString.version has a line break at character 2; a store's version is text without surrounding whitespace or control characters: give it as the store shows it`],
    ['a refresh interval of "1"', azure({ accountKey: { key: 'k' }, refreshInterval: '1' }),
      `${Z} refreshInterval is not a Go duration: give one such as "1h", "15m" or "1h30m", or "0s" to read the store once`],
    ['hashSecretName', azure({ accountKey: { key: 'k' } }, { hashSecretName: true }),
      '[test/azure-blob] hashSecretName: does not apply to a secret store source: External Secrets Operator rewrites the Secret in place, under the same name, whenever the stored values change: leave hashSecretName out'],
  ])('Azure: %s', (_what, create, message) => {
    const chart = userChart();
    expectRejected(chart, 'azure-blob', () => create(chart), message, []);
  });
});
