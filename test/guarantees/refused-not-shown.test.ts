// A value the library refuses is never shown, in whole or in part: a token pasted where a name goes would
// otherwise land in CI logs. For every name-like prop of the constructs and source factories, and every
// CLI flag that takes a name, a refused fake token is given; the thrown message (or stderr) must hold no
// part of it, yet still name the field and say where the rule breaks. (A construct id is the exception
// the constructs library makes: it is in the construct path of every message.)
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { Construct } from 'constructs';
import {
  AwsCredentials, AwsEnvConfiguration, AwsFileCredentials, AwsWebIdentityAccess, AzureBlobConfiguration, AzureStorageConfiguration, AzureWorkloadIdentityAccess, DockerConfig,
  DockerRegistryAccess, GcpServiceAccountKey, GcpWorkloadIdentityAccess, GcsCredentials, KServeServiceAccount, KServeStorageConfig, MinioCredentials,
  MinioDefault, NotebookAccess, PipelinesApiAccess, S3Configuration, SecretStoreRef,
} from '../../lib';
import { characterClass, dnsSubdomainRule, refusal } from '../../lib/names';
import { runMain } from '../cli/cli-io';
import { accessErrorOf, userChart } from '../support';

/** A fake GitHub token: refused by every name rule for its upper-case letters and "_". */
const TOKEN = 'FAKE-ghp_SecretToken123';
/** The parts of it that must never show: any of them would be a part of the value. */
const PARTS = ['FAKE', 'ghp', 'SecretToken', 'Token123'];
/** The same token with a space, refused also where upper-case letters and "_" are taken (Secret keys, profiles). */
const SPACED = 'FAKE ghp_SecretToken123';
const login = { username: 'fake-user', password: 'fake-password-0000' };
const keys = { accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: 'fake-secret-key-0000' };
const ROLE_ARN = 'arn:aws:iam::123456789012:role/notebook-s3';
const GCP = { projectNumber: '123456789012', poolId: 'kubeflow', providerId: 'cluster' };
const AZURE = { clientId: '00000000-0000-0000-0000-000000000001', tenantId: '00000000-0000-0000-0000-000000000002' };
/** A credentials file with one profile, "default". */
const credentialsFile = () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'refused-')), 'credentials');
  writeFileSync(file, `[default]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`);
  return file;
};
const docker = () => DockerConfig.fromLogin(login);
const store = (name: string) => DockerConfig.fromSecretStore({ store: SecretStoreRef.namespaced(name), config: { key: 'kubeflow/registry' } });

/** Each case: the field the message names, and the construct made with one name-like prop refused. */
const CASES: [string, string, (scope: Construct) => unknown][] = [
  ['namespace', 'namespace', s => new DockerRegistryAccess(s, 'c', { config: docker(), namespace: TOKEN })],
  ['name', 'name', s => new DockerRegistryAccess(s, 'c', { config: docker(), name: TOKEN })],
  ['secretName', 'secretName', s => new DockerRegistryAccess(s, 'c', { config: docker(), secretName: TOKEN })],
  ['secretName with hashSecretName', 'secretName', s => new DockerRegistryAccess(s, 'c', { config: docker(), secretName: TOKEN, hashSecretName: true })],
  ['volumeName', 'volumeName', s => new DockerRegistryAccess(s, 'c', { config: docker(), volumeName: TOKEN })],
  ['mountPath', 'mountPath', s => new DockerRegistryAccess(s, 'c', { config: docker(), mountPath: TOKEN })],
  ['homeDirectory', 'homeDirectory', s => new NotebookAccess(s, 'c', { docker: docker(), homeDirectory: TOKEN })],
  ['existing Secret name', 'config', s => new DockerRegistryAccess(s, 'c', { config: DockerConfig.fromExistingSecret(TOKEN) })],
  ['existing Secret key', 'config', s => new DockerRegistryAccess(s, 'c', { config: DockerConfig.fromExistingSecret('registry', SPACED) })],
  ['GCS existing Secret key', 'key', s => new GcsCredentials(s, 'c', { key: GcpServiceAccountKey.fromExistingSecret('gcs', SPACED) })],
  ['Azure existing Secret name', 'configuration', s => new AzureBlobConfiguration(s, 'c', { configuration: AzureStorageConfiguration.fromExistingSecret(TOKEN) })],
  ['MinIO existing Secret name', 'credentials', s => new MinioDefault(s, 'c', { credentials: MinioCredentials.fromExistingSecret(TOKEN) })],
  ['secret store name', 'config', s => new DockerRegistryAccess(s, 'c', { config: store(TOKEN) })],
  ['cluster secret store name', 'config', s => new DockerRegistryAccess(s, 'c', {
    config: DockerConfig.fromSecretStore({ store: SecretStoreRef.cluster(TOKEN), config: { key: 'kubeflow/registry' } }),
  })],
  ['refreshInterval', 'config', s => new DockerRegistryAccess(s, 'c', {
    config: DockerConfig.fromSecretStore({ store: SecretStoreRef.namespaced('vault'), config: { key: 'k' }, refreshInterval: TOKEN }),
  })],
  ['remote key', 'config', s => new DockerRegistryAccess(s, 'c', {
    config: DockerConfig.fromSecretStore({ store: SecretStoreRef.namespaced('vault'), config: { key: ` ${TOKEN}` } }),
  })],
  ['remote property', 'config', s => new DockerRegistryAccess(s, 'c', {
    config: DockerConfig.fromSecretStore({ store: SecretStoreRef.namespaced('vault'), config: { key: 'k', property: `${TOKEN}\n` } }),
  })],
  ['profile of fromKeys', 'credentials', s => new AwsFileCredentials(s, 'c', {
    credentials: AwsCredentials.fromKeys({ ...keys, profile: SPACED }),
  })],
  ['profile of fromSecretStoreKeys', 'credentials', s => new AwsFileCredentials(s, 'c', {
    credentials: AwsCredentials.fromSecretStoreKeys({ store: SecretStoreRef.namespaced('vault'), accessKeyId: { key: 'a' }, secretAccessKey: { key: 'b' }, profile: SPACED }),
  })],
  ['profile of a credentials file not found', 'configuration', s => new AwsEnvConfiguration(s, 'c', {
    configuration: S3Configuration.fromCredentialsFile(credentialsFile(), TOKEN),
  })],
  ['selectorLabel', 'selectorLabel', s => new AwsWebIdentityAccess(s, 'c', { roleArn: ROLE_ARN, selectorLabel: `${TOKEN}/x/y` })],
  ['serviceAccountName', 'serviceAccountName', s => new AwsWebIdentityAccess(s, 'c', { roleArn: ROLE_ARN, serviceAccountName: TOKEN })],
  ['serviceAccountName pattern', 'serviceAccountName', s => new AzureWorkloadIdentityAccess(s, 'c', { ...AZURE, serviceAccountName: `${TOKEN.toLowerCase()}-*` })],
  ['serviceAccountName pattern the pods switch to', 'switchServiceAccount', s => new AwsWebIdentityAccess(s, 'c', {
    roleArn: ROLE_ARN, serviceAccountName: 'fake-ghp-secrettoken123-*', switchServiceAccount: true,
  })],
  ['configMapName', 'configMapName', s => new GcpWorkloadIdentityAccess(s, 'c', { ...GCP, configMapName: TOKEN })],
  ['audience', 'audience', s => new PipelinesApiAccess(s, 'c', { audience: SPACED })],
  ['consumer name', 'name', s => new KServeServiceAccount(s, 'c', { s3: S3Configuration.fromValues(keys), name: TOKEN })],
  ['KServe storage key', 'key', s => new KServeStorageConfig(s, 'c', { s3: S3Configuration.fromValues(keys), key: SPACED })],
  ['KServe bucket', 'bucket', s => new KServeStorageConfig(s, 'c', { s3: S3Configuration.fromValues(keys), bucket: TOKEN })],
  ['KServe GCS Secret under another key', 'gcs', s => new KServeServiceAccount(s, 'c', { gcs: GcpServiceAccountKey.fromExistingSecret('gcs', 'fake-ghp_SecretToken123') })],
];

/** The parts of the token in the cases that lower-case it. */
const LOWER_PARTS = ['fake-ghp', 'secrettoken'];

describe.each(CASES)('%s', (_what, field, create) => {
  test('refused without any part of the value, naming the field', () => {
    // GIVEN / WHEN
    const message = accessErrorOf(() => create(userChart()), [...PARTS, ...LOWER_PARTS, SPACED]);
    // THEN the message is about the field
    expect(message).toMatch(new RegExp(`^\\[test/[^\\]]+\\] ${field}: `));
  });
});

describe('refusal', () => {
  test.each<[string, string]>([
    [TOKEN, 'has an upper-case letter at character 1'],
    ['-team', 'starts with "-"'],
    ['team-', 'ends with "-"'],
    ['team.-a', 'has "." next to "-" at character 5'],
    ['a'.repeat(254), 'is 254 characters long, more than 253'],
    ['', 'is empty'],
    ['team\u00e9', 'has a non-ASCII letter at character 5'],
    ['team\u200b', 'has an invisible character (such as a zero-width space) at character 5'],
    ['team\u{1f600}', 'has a non-ASCII character at character 5'],
  ])('%j: says where, never the value', (value, where) => {
    expect(refusal(value, dnsSubdomainRule(), 'a Secret name'))
      .toBe(`${where}; a Secret name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters)`);
  });

  test.each<[string, string]>([
    ['A', 'an upper-case letter'], ['a', 'a lower-case letter'], ['7', 'a digit'], ['_', '"_"'], ['/', '"/"'], ['"', '"\\""'],
    [' ', 'a space'], ['\t', 'a tab'], ['\n', 'a line break'], ['\u0000', 'a control character'], ['\u0085', 'a control character'],
    ['\ud800', 'half of a UTF-16 surrogate pair'], ['\u00a0', 'a non-ASCII space or line separator'], ['\u2028', 'a non-ASCII space or line separator'],
    ['\u200b', 'an invisible character (such as a zero-width space)'], ['\u00e9', 'a non-ASCII letter'], ['\u{1f600}', 'a non-ASCII character'],
  ])('the character %j is named by its class, punctuation alone as itself', (c, text) => {
    expect(characterClass(c)).toBe(text);
  });
});

/** The least each command needs besides the flag under test, with a secret on stdin where one is needed. */
const BASE: Record<string, [string[], string | undefined]> = {
  'docker': [['--namespace', 'user', '--username', 'u', '--password-stdin'], 'fake-password-0000'],
  'aws-credentials': [['--namespace', 'user', '--access-key-id', keys.accessKeyId, '--secret-access-key-stdin'], keys.secretAccessKey],
  'aws-env': [['--namespace', 'user', '--access-key-id', keys.accessKeyId, '--secret-access-key-stdin'], keys.secretAccessKey],
  'minio': [['--namespace', 'user', '--access-key', 'fake-minio-0000', '--secret-key-stdin'], 'fake-minio-secret-0000'],
  'gcs': [['--namespace', 'user', '--existing-secret', 'user-gcp-sa'], undefined],
  'azure': [['--namespace', 'user', '--existing-secret', 'azure'], undefined],
  'pipelines': [['--namespace', 'user'], undefined],
  'aws-web-identity': [['--namespace', 'user', '--role-arn', ROLE_ARN], undefined],
  'azure-workload-identity': [['--namespace', 'user', '--client-id', AZURE.clientId, '--tenant-id', AZURE.tenantId], undefined],
  'gcp-workload-identity': [['--namespace', 'user', '--project-number', GCP.projectNumber, '--pool-id', GCP.poolId, '--provider-id', GCP.providerId], undefined],
  'notebook': [['--namespace', 'user', '--docker-username', 'u', '--docker-password-stdin'], 'fake-password-0000'],
  'kserve': [['--namespace', 'user', '--s3-existing-secret', 's3'], undefined],
  'check': [['-'], 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n'],
};

/** Every flag that takes a name, by command, with the value that is refused there. */
const FLAGS: [string, string, string, string[]?, string?][] = [
  ...['docker', 'aws-credentials', 'aws-env', 'minio', 'gcs', 'azure', 'pipelines', 'aws-web-identity', 'azure-workload-identity', 'gcp-workload-identity', 'notebook', 'kserve', 'check']
    .map((c): [string, string, string] => [c, '--namespace', TOKEN]),
  ...['docker', 'aws-credentials', 'aws-env', 'minio', 'gcs', 'azure', 'pipelines', 'aws-web-identity', 'kserve'].map((c): [string, string, string] => [c, '--name', TOKEN]),
  ...['docker', 'aws-credentials', 'aws-env', 'minio', 'gcs', 'azure'].map((c): [string, string, string] => [c, '--secret-name', TOKEN]),
  ...['docker', 'aws-credentials', 'gcs'].map((c): [string, string, string] => [c, '--volume-name', TOKEN]),
  ...['docker', 'aws-credentials', 'gcs'].map((c): [string, string, string] => [c, '--mount-path', TOKEN]),
  ['notebook', '--home-directory', TOKEN],
  ['aws-credentials', '--profile', SPACED],
  ['docker', '--secret-store', TOKEN, ['--namespace', 'user', '--remote-config', 'kubeflow/registry']],
  ['docker', '--cluster-secret-store', TOKEN, ['--namespace', 'user', '--remote-config', 'kubeflow/registry']],
  ['docker', '--remote-config', ` ${TOKEN}`, ['--namespace', 'user', '--secret-store', 'vault']],
  ['docker', '--refresh-interval', TOKEN, ['--namespace', 'user', '--secret-store', 'vault', '--remote-config', 'k']],
  // A Secret's key is blamed on the flag that gave it (hostile-cli), the Secret's name on its own.
  ['gcs', '--existing-secret', TOKEN], ['gcs', '--existing-key', SPACED],
  ['aws-credentials', '--existing-secret', TOKEN, ['--namespace', 'user']],
  ['aws-web-identity', '--service-account-name', TOKEN], ['aws-web-identity', '--selector-label', `${TOKEN}/a/b`],
  ['azure-workload-identity', '--service-account-name', 'fake-ghp-secrettoken123-*'],
  ['gcp-workload-identity', '--config-map-name', TOKEN],
  ['pipelines', '--audience', SPACED],
  ['check', '--allow-unlisted', `${TOKEN}/a/b`],
];

describe.each(FLAGS)('%s %s', (command, flag, value, own, blamed = flag) => {
  test('refused without any part of the value, blamed on the flag', async () => {
    // GIVEN the command's least flags and the refused value
    const [all, stdin] = own === undefined ? BASE[command] : [own, undefined];
    const at = all.indexOf(flag);
    const base = at < 0 ? all : [...all.slice(0, at), ...all.slice(at + 2)];
    // WHEN
    const result = await runMain([command, ...base, flag, value], { stdin });
    // THEN
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^cdk8s-kubeflow-access ${command}: ${blamed}: `));
    for (const part of [...PARTS, ...LOWER_PARTS]) { expect(result.stderr).not.toContain(part); }
  });
});
