// Keyed accesses offered beside the identity of their cloud, in one profile: each sets the cloud's
// credential marker to its own name, as the identity does, so synth accepts the pair (the check does not
// judge two PodDefaults that exclude each other together) and the webhook refuses a notebook that selects
// both, which would otherwise silently use the key (adlfs) or get GOOGLE_APPLICATION_CREDENTIALS twice.
// The AWS pair (KUBEFLOW_S3_ACCESS) is in check-rules.test.ts.
import { Chart, Testing } from 'cdk8s';
import {
  AzureBlobConfiguration, AzureStorageConfiguration, AzureWorkloadIdentityAccess, GcpServiceAccountKey, GcpWorkloadIdentityAccess, GcsCredentials,
  PodDefaultAdmission, SecretStoreRef,
} from '../../lib';
import { errorsOf, userChart } from '../support';

const AZURE = { clientId: '00000000-0000-0000-0000-000000000001', tenantId: '00000000-0000-0000-0000-000000000002' };
const GCP = { projectNumber: '123456789012', poolId: 'kubeflow', providerId: 'cluster' };
const FAKE_AZURE_KEY = Buffer.from('fake-azure-account-key-0000'.padEnd(64, '0')).toString('base64');
const FAKE_SAS = 'sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=fakeSignature0000fakeSignature0000%3D';

/** The admission of a notebook pod that selects the PodDefaults named `names`, in the objects of `chart`. */
function admitSelecting(chart: Chart, names: string[]) {
  const labels = Object.fromEntries(names.map(name => [name, 'true']));
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nb-0', namespace: 'user', labels }, spec: { containers: [{ name: 'nb', image: 'nb' }] } };
  return PodDefaultAdmission.admit(pod, Testing.synth(chart).filter(m => m.kind === 'PodDefault'));
}

describe('a keyed Azure storage access beside the Azure workload identity', () => {
  test.each<[string, () => AzureStorageConfiguration]>([
    ['an account key', () => AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', accountKey: FAKE_AZURE_KEY })],
    ['a SAS token', () => AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', sasToken: FAKE_SAS })],
    ['a connection string from a secret store', () => AzureStorageConfiguration.fromSecretStore({
      store: SecretStoreRef.cluster('vault'), accountName: 'fakeaccount0000', connectionString: { key: 'kubeflow/azure', property: 'connection_string' },
    })],
    ['an existing Secret', () => AzureStorageConfiguration.fromExistingSecret('team-azure')],
  ])('%s: synth accepts the pair, and the webhook refuses a notebook that selects both', (_what, configuration) => {
    // GIVEN the identity and a keyed account in one profile
    const app = Testing.app();
    const chart = userChart(app);
    new AzureWorkloadIdentityAccess(chart, 'azure-identity', AZURE);
    new AzureBlobConfiguration(chart, 'azure-blob', { configuration: configuration() });
    // WHEN / THEN synth accepts them
    expect(errorsOf(() => app.synth())).toEqual([]);
    // AND a notebook that selects both is refused on the credential marker alone
    const both = admitSelecting(chart, ['azure-identity', 'azure-blob']);
    expect(both.allowed).toBe(false);
    expect(both.conflicts.map(c => `${c.rule} ${c.key}`)).toEqual(['env KUBEFLOW_AZURE_CREDENTIAL']);
    // AND each alone is admitted
    expect(admitSelecting(chart, ['azure-identity']).allowed).toBe(true);
    expect(admitSelecting(chart, ['azure-blob']).allowed).toBe(true);
  });

  test('the account-only form sets no credential marker: a notebook selects it with the identity, and the keyed form with neither', () => {
    // GIVEN the identity, the account it reaches, and the same account by key
    const app = Testing.app();
    const chart = userChart(app);
    new AzureWorkloadIdentityAccess(chart, 'azure-identity', AZURE);
    new AzureBlobConfiguration(chart, 'azure-account', { configuration: AzureStorageConfiguration.fromAccountName('fakeaccount0000') });
    new AzureBlobConfiguration(chart, 'azure-key', { configuration: AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', accountKey: FAKE_AZURE_KEY }) });
    // WHEN / THEN
    expect(errorsOf(() => app.synth())).toEqual([]);
    expect(admitSelecting(chart, ['azure-identity', 'azure-account']).allowed).toBe(true);
    expect(admitSelecting(chart, ['azure-account', 'azure-key']).conflicts.map(c => `${c.rule} ${c.key}`)).toEqual(['env KUBEFLOW_AZURE_ACCESS']);
    expect(admitSelecting(chart, ['azure-identity', 'azure-key']).conflicts.map(c => `${c.rule} ${c.key}`)).toEqual(['env KUBEFLOW_AZURE_CREDENTIAL']);
  });
});

describe('a GCS key beside the Google workload identity', () => {
  test.each<[string, () => GcpServiceAccountKey]>([
    ['an existing Secret', () => GcpServiceAccountKey.fromExistingSecret('user-gcp-sa')],
    ['a key from a secret store', () => GcpServiceAccountKey.fromSecretStore({ store: SecretStoreRef.cluster('vault'), key: { key: 'kubeflow/gcp', property: 'key.json' } })],
  ])('%s: synth accepts the pair, and the webhook refuses a notebook that selects both', (_what, key) => {
    // GIVEN the identity and a key in one profile
    const app = Testing.app();
    const chart = userChart(app);
    new GcpWorkloadIdentityAccess(chart, 'gcp-identity', GCP);
    new GcsCredentials(chart, 'gcs-credentials', { key: key() });
    // WHEN / THEN synth accepts them
    expect(errorsOf(() => app.synth())).toEqual([]);
    // AND a notebook that selects both is refused: two GOOGLE_APPLICATION_CREDENTIALS, and the marker
    const both = admitSelecting(chart, ['gcp-identity', 'gcs-credentials']);
    expect(both.allowed).toBe(false);
    expect(both.conflicts.map(c => `${c.rule} ${c.key}`)).toEqual(['env GOOGLE_APPLICATION_CREDENTIALS', 'env KUBEFLOW_GCP_CREDENTIAL']);
    expect(admitSelecting(chart, ['gcs-credentials']).allowed).toBe(true);
  });
});
