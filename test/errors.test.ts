// AccessError carries the construct path and field it concerns as data, so that callers such as the
// CLI name the field in their own terms without reading the message; the message stays as it was.
import { inspect } from 'util';
import { App, Chart } from 'cdk8s';
import {
  AccessError, AwsCredentials, AwsEnvConfiguration, AwsFileCredentials, AzureBlobConfiguration, AzureStorageConfiguration, DockerConfig, DockerRegistryAccess,
  GcpServiceAccountKey, GcsCredentials, MinioCredentials, MinioDefault, S3Configuration, SecretStoreRef,
} from '../lib';

function thrown(build: () => unknown): AccessError {
  try {
    build();
  } catch (e) {
    if (e instanceof AccessError) { return e; }
    throw e;
  }
  throw new Error('nothing was thrown');
}

test('a construct\'s own field: path, field and problem, and the message that joins them', () => {
  // GIVEN a chart WHEN a mount path is relative
  const chart = new Chart(new App(), 'chart');
  const error = thrown(() => new DockerRegistryAccess(chart, 'docker', {
    namespace: 'user', config: DockerConfig.fromExistingSecret('registry'), mountPath: 'relative/',
  }));
  // THEN
  expect(error.path).toBe('chart/docker');
  expect(error.field).toBe('mountPath');
  expect(error.problem).toBe('is not an absolute path (it does not start with "/"); a directory to mount at is an absolute path without ".." segments, control characters (such as a line break or a tab), "\\" or whitespace at its end: give a directory such as "/home/jovyan/.docker/"');
  expect(error.message).toBe(`[chart/docker] mountPath: ${error.problem}`);
});

test('printed as Node prints an uncaught error, its message once: the fields are data, not printed after the stack', () => {
  // GIVEN a construct's own field at fault, which cdk8s synth would print uncaught
  const chart = new Chart(new App(), 'chart');
  const error = thrown(() => new DockerRegistryAccess(chart, 'docker', {
    namespace: 'user', config: DockerConfig.fromExistingSecret('registry'), mountPath: 'relative/',
  }));
  // WHEN Node formats it (util.inspect, as for an uncaught error) THEN it is the stack alone, which holds the message once
  expect(inspect(error)).toBe(error.stack);
  expect(error.stack!.split(error.problem!).length).toBe(2);
  // AND the fields still read as data, read-only
  expect([error.path, error.field, error.valueField]).toEqual(['chart/docker', 'mountPath', undefined]);
  expect(() => { (error as { field?: string }).field = 'other'; }).toThrow(TypeError);
});

test('a source read for a field (readField): the field the source was given as', () => {
  const chart = new Chart(new App(), 'chart');
  const error = thrown(() => new DockerRegistryAccess(chart, 'docker', { namespace: 'user', config: DockerConfig.fromFile('/nonexistent/config.json') }));
  expect(error.path).toBe('chart/docker');
  expect(error.field).toBe('config');
  expect(error.message).toBe(`[chart/docker] config: ${error.problem}`);
  expect(error.problem).toMatch(/^the path does not exist: /);
});

test('an error about no one field carries none', () => {
  // GIVEN a chart that holds a construct WHEN another takes its id
  const chart = new Chart(new App(), 'chart');
  const props = { namespace: 'user', config: DockerConfig.fromExistingSecret('registry') };
  new DockerRegistryAccess(chart, 'docker', props);
  const error = thrown(() => new DockerRegistryAccess(chart, 'docker', props));
  // THEN
  expect(error.message).toMatch(/^\[chart\/docker\] the id "docker" is taken/);
  expect(error.field).toBeUndefined();
  expect(error.path).toBeUndefined();
});

describe('a source names the value at fault as data (valueField); the message is unchanged', () => {
  const chart = () => new Chart(new App(), 'chart');
  const vault = SecretStoreRef.cluster('vault');
  const AZURE_KEY = Buffer.from('fake-azure-account-key-0000'.padEnd(64, '0')).toString('base64');
  test.each<[string, () => unknown, string, string, string]>([
    ['a login password with a line break',
      () => new DockerRegistryAccess(chart(), 'docker', { namespace: 'user', config: DockerConfig.fromLogin({ username: 'u', password: 'fake\npassword' }) }),
      'config', 'password', '[chart/docker] config: login: password contains a line break (often from "echo" without -n or a file\'s last newline): remove it'],
    ['a user name with ":"',
      () => new DockerRegistryAccess(chart(), 'docker', { namespace: 'user', config: DockerConfig.fromLogin({ username: 'u:v', password: 'fake-password' }) }),
      'config', 'username', '[chart/docker] config: login: username contains ":", which Docker cannot tell apart from the password in "auth": use a user name without ":"'],
    ['a secret access key with whitespace',
      () => new AwsFileCredentials(chart(), 'aws', { namespace: 'user', credentials: AwsCredentials.fromKeys({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake secret' }) }),
      'credentials', 'secretAccessKey', '[chart/aws] credentials: profile "default": secretAccessKey contains whitespace, which no key or token does: check what was pasted'],
    ['a session token with a tab',
      () => new AwsEnvConfiguration(chart(), 'aws', { namespace: 'user', configuration: S3Configuration.fromValues({ accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake', sessionToken: 'a\tb' }) }),
      'configuration', 'sessionToken', '[chart/aws] configuration: sessionToken contains whitespace, which no key or token does: check what was pasted'],
    ['a MinIO secret key that is empty',
      () => new MinioDefault(chart(), 'minio', { namespace: 'user', credentials: MinioCredentials.fromKeys({ accessKey: 'fake', secretKey: '' }) }),
      'credentials', 'secretKey', '[chart/minio] credentials: secretKey is empty: give a non-empty value'],
    ['an Azure account key that is not one',
      () => new AzureBlobConfiguration(chart(), 'azure', { namespace: 'user', configuration: AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', accountKey: 'fake' }) }),
      'configuration', 'accountKey', '[chart/azure] configuration: accountKey is not the base64 of a 64-byte key, as the Azure portal shows "key1" and "key2": copy the whole key'],
    ['an Azure account name that is none',
      () => new AzureBlobConfiguration(chart(), 'azure', { namespace: 'user', configuration: AzureStorageConfiguration.fromValues({ accountName: 'Bad_Name', accountKey: AZURE_KEY }) }),
      'configuration', 'accountName', ''],
    ['a GCS remote key with an empty property',
      () => new GcsCredentials(chart(), 'gcs', { namespace: 'user', key: GcpServiceAccountKey.fromSecretStore({ store: vault, key: { key: 'k', property: '' } }) }),
      'key', 'key', '[chart/gcs] key: key.property is empty: give the property the store keeps the value under, or leave property out'],
    ['a store name that is none',
      () => new GcsCredentials(chart(), 'gcs', { namespace: 'user', key: GcpServiceAccountKey.fromSecretStore({ store: SecretStoreRef.namespaced('Vault_1'), key: { key: 'k' } }) }),
      'key', 'store', ''],
    ['a refresh interval that is no Go duration',
      () => new MinioDefault(chart(), 'minio', { namespace: 'user', credentials: MinioCredentials.fromSecretStore({ store: vault, accessKey: { key: 'a' }, secretKey: { key: 'b' }, refreshInterval: '1 hour' }) }),
      'credentials', 'refreshInterval', '[chart/minio] credentials: refreshInterval is not a Go duration: give one such as "1h", "15m" or "1h30m", or "0s" to read the store once'],
  ])('%s', (_name, build, field, valueField, message) => {
    // GIVEN WHEN the source is read by its construct
    const error = thrown(build);
    // THEN the construct names its field, the source the value within it
    expect(error.field).toBe(field);
    expect(error.valueField).toBe(valueField);
    if (message !== '') { expect(error.message).toBe(message); }
  });

  test('a whole file at fault names no value', () => {
    const error = thrown(() => new DockerRegistryAccess(chart(), 'docker', { namespace: 'user', config: DockerConfig.fromFile('/nonexistent/config.json') }));
    expect(error.valueField).toBeUndefined();
  });
});
