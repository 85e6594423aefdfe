// Kubeflow Notebooks 2.0 mounts a Secret into a workspace only when it is labelled
// notebooks.kubeflow.org/can-mount: "true" (kubeflow/notebooks v2.0.0-beta.0,
// workspaces/backend/internal/helper/validation.go): every access construct that makes a Secret can label it.
import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import {
  AwsCredentials, AwsEnvConfiguration, AwsFileCredentials, AzureBlobConfiguration, AzureStorageConfiguration, DockerConfig, DockerRegistryAccess,
  GcpServiceAccountKey, GcsCredentials, MinioCredentials, MinioDefault, NotebookAccess, S3Configuration, SecretStoreRef, StorageAccess,
} from '../../lib';
import { appSecrets } from '../consumers/views';
import { expectValidManifests } from '../schema';
import { accessErrorOf, expectGolden, fixture, userChart } from '../support';

const LABEL = { 'notebooks.kubeflow.org/can-mount': 'true' };
const FAKE_SECRET = 'fake-secret-key-0000';
const KEYS = { accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET };
const AZURE_KEY = Buffer.from('fake-azure-account-key-0000'.padEnd(64, '0')).toString('base64');
const VAULT = SecretStoreRef.cluster('vault');

/** Each access construct that makes a Secret, from a value in code and from a secret store. */
const ACCESSES: [string, (scope: Construct, options: { workspaceMountable?: boolean }) => unknown, (scope: Construct, options: { workspaceMountable?: boolean }) => unknown][] = [
  ['DockerRegistryAccess',
    (s, o) => new DockerRegistryAccess(s, 'access', { ...o, config: DockerConfig.fromLogin({ username: 'fake-user', password: 'fake-password-0000' }) }),
    (s, o) => new DockerRegistryAccess(s, 'access', { ...o, config: DockerConfig.fromSecretStore({ store: VAULT, config: { key: 'docker' } }) })],
  ['AwsFileCredentials',
    (s, o) => new AwsFileCredentials(s, 'access', { ...o, credentials: AwsCredentials.fromKeys(KEYS) }),
    (s, o) => new AwsFileCredentials(s, 'access', { ...o, credentials: AwsCredentials.fromSecretStore({ store: VAULT, credentials: { key: 'aws' } }) })],
  ['AwsEnvConfiguration',
    (s, o) => new AwsEnvConfiguration(s, 'access', { ...o, configuration: S3Configuration.fromValues(KEYS) }),
    (s, o) => new AwsEnvConfiguration(s, 'access', { ...o, configuration: S3Configuration.fromSecretStore({ store: VAULT, accessKeyId: { key: 'a' }, secretAccessKey: { key: 's' } }) })],
  ['MinioDefault',
    (s, o) => new MinioDefault(s, 'access', { ...o, credentials: MinioCredentials.fromKeys({ accessKey: 'minio', secretKey: FAKE_SECRET }) }),
    (s, o) => new MinioDefault(s, 'access', { ...o, credentials: MinioCredentials.fromSecretStore({ store: VAULT, accessKey: { key: 'a' }, secretKey: { key: 's' } }) })],
  ['GcsCredentials',
    (s, o) => new GcsCredentials(s, 'access', { ...o, key: GcpServiceAccountKey.fromFile(fixture('gcp-service-account-key.json')) }),
    (s, o) => new GcsCredentials(s, 'access', { ...o, key: GcpServiceAccountKey.fromSecretStore({ store: VAULT, key: { key: 'gcs' } }) })],
  ['AzureBlobConfiguration',
    (s, o) => new AzureBlobConfiguration(s, 'access', { ...o, configuration: AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', accountKey: AZURE_KEY }) }),
    (s, o) => new AzureBlobConfiguration(s, 'access', { ...o, configuration: AzureStorageConfiguration.fromSecretStore({ store: VAULT, accountName: 'fakeaccount0000', accountKey: { key: 'azure' } }) })],
];

/** Every value a fake store holds: whatever the key, a fake text. */
const ANY_STORE = new Proxy({}, { has: () => true, get: () => 'fake-stored-value-0000' });

describe.each(ACCESSES)('%s', (_name, fromValues, fromStore) => {
  test('workspaceMountable labels the Secret, and only then', () => {
    for (const workspaceMountable of [true, false, undefined]) {
      const chart = userChart();
      fromValues(chart, { workspaceMountable });
      const manifests = Testing.synth(chart);
      expectValidManifests(manifests);
      expect(manifests.find(m => m.kind === 'Secret').metadata.labels).toEqual(workspaceMountable ? LABEL : undefined);
    }
  });

  test('from a secret store, the Secret ESO writes carries the label', () => {
    const chart = userChart();
    fromStore(chart, { workspaceMountable: true });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    const externalSecret = manifests.find(m => m.kind === 'ExternalSecret');
    expect(externalSecret.spec.target.template.metadata).toEqual({ labels: LABEL });
    expect(appSecrets(manifests, ANY_STORE).get(externalSecret.spec.target.name)!.labels).toEqual(LABEL);
  });
});

test('the ExternalSecret\'s template keeps every key the Secret had without the label', () => {
  // GIVEN a source whose ExternalSecret needs no template of its own
  const build = (workspaceMountable?: boolean) => {
    const chart = userChart();
    new GcsCredentials(chart, 'gcs', { key: GcpServiceAccountKey.fromSecretStore({ store: VAULT, key: { key: 'gcs' } }), workspaceMountable });
    return Testing.synth(chart).find(m => m.kind === 'ExternalSecret');
  };
  // WHEN / THEN a template with metadata alone still copies the fetched keys, as none did before
  const store = { gcs: '{"type":"service_account"}' };
  expect(appSecrets([build(true)], store).get('gcs')!.data).toEqual(appSecrets([build()], store).get('gcs')!.data);
});

test('a NotebookAccess passes the option on to the constructs it makes', () => {
  const chart = userChart();
  new NotebookAccess(chart, 'notebook', {
    docker: DockerConfig.fromLogin({ username: 'fake-user', password: 'fake-password-0000' }),
    dockerOptions: { workspaceMountable: true },
    storage: StorageAccess.gcs(GcpServiceAccountKey.fromFile(fixture('gcp-service-account-key.json')), { workspaceMountable: true }),
  });
  expect(Testing.synth(chart).filter(m => m.kind === 'Secret').map(m => m.metadata.labels)).toEqual([LABEL, LABEL]);
});

test('golden file', () => {
  const app = Testing.app();
  const chart = new Chart(app, 'workspace', { namespace: 'user' });
  new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromLogin({ server: 'ghcr.io', username: 'fake-user', password: 'fake-password-0000' }), workspaceMountable: true });
  new GcsCredentials(chart, 'gcs-credentials', { key: GcpServiceAccountKey.fromSecretStore({ store: VAULT, key: { key: 'kubeflow/gcs-key' } }), workspaceMountable: true });
  expectGolden(app, 'workspace-mountable');
});

test('an existing Secret is not this library\'s to label: refused with the fix', () => {
  const chart = userChart();
  expect(accessErrorOf(() => new DockerRegistryAccess(chart, 'access', { config: DockerConfig.fromExistingSecret('team-registry'), workspaceMountable: true }), []))
    .toBe('[test/access] workspaceMountable: only applies to a synthesised Secret, but the source is an existing Secret: leave workspaceMountable out, and label that Secret notebooks.kubeflow.org/can-mount: "true" yourself');
  expect(chart.node.tryFindChild('access')).toBeUndefined();
});

test('a JavaScript caller\'s string is refused as the other boolean props are', () => {
  const chart = userChart();
  expect(accessErrorOf(() => new GcsCredentials(chart, 'access', { key: GcpServiceAccountKey.fromExistingSecret('s'), workspaceMountable: 'true' as any }), []))
    .toBe('[test/access] workspaceMountable: is a string, not true or false: give true or false, or leave workspaceMountable out');
});
