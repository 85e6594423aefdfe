// The `cdk8s-kubeflow-access` command. Its logic runs in-process through main(argv, io) with a fake Io;
// the real binary, run as a child process, is tested for what only a process has: exit codes, streams,
// closed pipes and full disks. Each generating command must print exactly what the library synthesises
// for the same input, so its output is compared byte for byte with the library's own golden files.
import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { runMain } from './cli-io';
import { HELP_WIDTH, PROGRAM } from '../../lib/cli/framework';
import { COMMANDS } from '../../lib/cli/main';
import { errorExpectation, expectOutput } from './cli-results';
import { buildCli, removeCli, runCli } from './cli-runner';
import { fixture, GOLDEN_DIR } from '../support';

const FAKE_PASSWORD = 'fake-password-0000';
const FAKE_SECRET = 'fake-secret-key-0000';
const FAKE_TOKEN = 'fake-session-token-0000';
const FAKE_MINIO_SECRET = 'fake-minio-secret-0000';
const ACCESS_KEY_ID = 'AKIAFAKEFAKEFAKE0000';
/** 64 bytes, as a storage account key has; the value of test/golden/azure-values.yaml. */
const FAKE_AZURE_KEY = Buffer.from('fake-azure-account-key-0000'.padEnd(64, '0')).toString('base64');
const FAKE_AZURE_CONNECTION = `DefaultEndpointsProtocol=https;AccountName=fakeaccount0000;AccountKey=${FAKE_AZURE_KEY};EndpointSuffix=core.windows.net`;
/** Every secret a test feeds in; none may ever show in an error. */
const SECRETS = [FAKE_PASSWORD, FAKE_SECRET, FAKE_TOKEN, FAKE_MINIO_SECRET, FAKE_AZURE_KEY, 'hunter2', 'fake-env-value', 'ZmFrZS1zZWNyZXQt', 'fake-secret-aaaa'];

// Each run starts Node and loads cdk8s; concurrent tests wait for a slot, so allow for a busy machine.
jest.setTimeout(60_000);
// Built when the module loads, so that concurrent tests start after it.
const cliDir = buildCli();
afterAll(() => removeCli(cliDir));

const secrets = mkdtempSync(path.join(tmpdir(), 'cli-test-'));
/** A file holding `value` and a trailing newline, as an editor writes it. */
function secretFile(name: string, value: string): string {
  const file = path.join(secrets, name);
  writeFileSync(file, `${value}\n`);
  return file;
}
const passwordFile = secretFile('password', FAKE_PASSWORD);
const secretKeyFile = secretFile('secret-access-key', FAKE_SECRET);
const golden = (name: string) => readFileSync(path.join(GOLDEN_DIR, `${name}.yaml`), 'utf8');

/** The command, in-process. */
const cli = (args: string[], options?: Parameters<typeof runMain>[1]) => runMain(args, options);
/** The real binary, as a child process. */
const binary = (args: string[], options?: Parameters<typeof runCli>[2]) => runCli(cliDir, args, options);

const expectErrors = errorExpectation(SECRETS);

describe('generating commands print what the library synthesises', () => {
  test.concurrent.each<[string, string[], string | undefined, string]>([
    ['docker: the tutorial names, from a config.json',
      ['docker', '--namespace', 'user', '--from-file', fixture('docker-config.json'), '--secret-name', 'docker-secret', '--volume-name', 'docker-secret-volume', '--mount-path', '/home/kubeflow/.docker/'],
      undefined, 'docker-tutorial'],
    ['docker: a login, the password on stdin',
      ['docker', '--namespace', 'user', '--username', 'fake-user', '--password-stdin'], `${FAKE_PASSWORD}\n`, 'docker-defaults'],
    ['docker: a kubernetes.io/dockerconfigjson Secret, the password in a file',
      ['docker', '--namespace', 'user', '--server', 'ghcr.io', '--username', 'fake-user', '--password-file', passwordFile, '--secret-type', 'dockerconfigjson', '--immutable'],
      undefined, 'docker-dockerconfigjson'],
    ['docker: an existing Secret with a different key',
      ['docker', '--namespace', 'user', '--existing-secret', 'team-registry', '--key', 'docker.json'], undefined, 'docker-existing-secret'],
    ['aws-credentials: the tutorial names, from a credentials file',
      ['aws-credentials', '--namespace', 'user', '--from-file', fixture('aws-credentials'), '--volume-name', 'aws-secret-volume', '--mount-path', '/home/kubeflow/.aws/'], undefined, 'aws-file-tutorial'],
    ['aws-credentials: keys, the secret on stdin',
      ['aws-credentials', '--namespace', 'user', '--access-key-id', ACCESS_KEY_ID, '--secret-access-key-stdin'], FAKE_SECRET, 'aws-file-defaults'],
    ['aws-credentials: an existing Secret with a different key',
      ['aws-credentials', '--namespace', 'user', '--existing-secret', 'team-aws', '--key', 'aws-credentials'], undefined, 'aws-file-existing-secret'],
    ['aws-env: every tutorial setting, the secret in a file and the token on stdin',
      ['aws-env', '--namespace', 'user', '--access-key-id', ACCESS_KEY_ID, '--secret-access-key-file', secretKeyFile, '--session-token-stdin',
        '--region', 'us-east-1', '--endpoint', 'https://s3.example.com', '--signature-version', 's3v4', '--force-path-style', 'false'],
      `${FAKE_TOKEN}\n`, 'aws-env-tutorial'],
    ['aws-env: an existing Secret',
      ['aws-env', '--namespace', 'user', '--existing-secret', 'team-s3'], undefined, 'aws-env-existing-secret'],
    ['minio: no options', ['minio', '--namespace', 'user'], undefined, 'minio-defaults'],
    ['minio: keys, the secret key on stdin',
      ['minio', '--namespace', 'user', '--access-key', 'fake-minio-access-0000', '--secret-key-stdin'], FAKE_MINIO_SECRET, 'minio-keys'],
    ['notebook: Docker plus the in-cluster MinIO',
      ['notebook', '--namespace', 'user', '--docker-server', 'ghcr.io', '--docker-username', 'fake-user', '--docker-password-stdin'],
      FAKE_PASSWORD, 'notebook-default'],
    ['notebook: an AWS credentials file',
      ['notebook', '--namespace', 'user', '--docker-server', 'ghcr.io', '--docker-username', 'fake-user', '--docker-password-file', passwordFile,
        '--storage', 'aws-file', '--aws-access-key-id', ACCESS_KEY_ID, '--aws-secret-access-key-stdin', '--aws-region', 'eu-west-1'],
      FAKE_SECRET, 'notebook-aws-file'],
    ['notebook: AWS environment variables',
      ['notebook', '--namespace', 'user', '--docker-server', 'ghcr.io', '--docker-username', 'fake-user', '--docker-password-file', passwordFile,
        '--storage', 'aws-env', '--aws-access-key-id', ACCESS_KEY_ID, '--aws-secret-access-key-file', secretKeyFile, '--aws-region', 'eu-west-1'],
      undefined, 'notebook-aws-env'],
    ['notebook: a Kaptain image whose home is /home/kubeflow',
      ['notebook', '--namespace', 'user', '--home-directory', '/home/kubeflow/', '--docker-server', 'ghcr.io', '--docker-username', 'fake-user',
        '--docker-password-stdin', '--storage', 'aws-file', '--aws-access-key-id', ACCESS_KEY_ID, '--aws-secret-access-key-file', secretKeyFile],
      FAKE_PASSWORD, 'notebook-kaptain'],
    ['pipelines: no options, the Kubeflow docs\' access-ml-pipeline', ['pipelines', '--namespace', 'user'], undefined, 'pipelines-defaults'],
    ['gcs: a key file', ['gcs', '--namespace', 'user', '--key-file', fixture('gcp-service-account-key.json')], undefined, 'gcs-file'],
    ['gcs: a key on stdin, a hashed Secret name and another mount path',
      ['gcs', '--namespace', 'user', '--key-file', '-', '--hash-secret-name', '--mount-path', '/home/jovyan/.gcp'],
      readFileSync(fixture('gcp-service-account-key.json'), 'utf8'), 'gcs-json'],
    ['gcs: an existing Secret with another key',
      ['gcs', '--namespace', 'user', '--existing-secret', 'user-gcp-sa', '--existing-key', 'key.json'], undefined, 'gcs-existing-secret'],
    ['azure: an account key on stdin', ['azure', '--namespace', 'user', '--account-name', 'fakeaccount0000', '--account-key-stdin'],
      `${FAKE_AZURE_KEY}\n`, 'azure-values'],
    ['azure: an existing Secret', ['azure', '--namespace', 'user', '--existing-secret', 'team-azure'], undefined, 'azure-existing-secret'],
    ['minio: checksums as the default', ['minio', '--namespace', 'user', '--checksums', 'when_required'], undefined, 'minio-defaults'],
    ['notebook: GCS from an existing Secret, and the Pipelines API',
      ['notebook', '--namespace', 'user', '--docker-server', 'ghcr.io', '--docker-username', 'fake-user', '--docker-password-stdin',
        '--storage', 'gcs', '--gcs-existing-secret', 'user-gcp-sa', '--pipelines'],
      FAKE_PASSWORD, 'notebook-gcs-pipelines'],
    ['notebook: Azure from an existing Secret',
      ['notebook', '--namespace', 'user', '--docker-server', 'ghcr.io', '--docker-username', 'fake-user', '--docker-password-stdin',
        '--storage', 'azure', '--azure-existing-secret', 'team-azure'],
      FAKE_PASSWORD, 'notebook-azure'],
  ])('%s', async (_name, args, stdin, goldenName) => {
    // GIVEN the flags (and stdin) WHEN the binary runs
    const result = await cli(args, { stdin });
    // THEN it prints the library's golden YAML
    expectOutput(result, golden(goldenName));
  });

  test.concurrent('aws-env --from-env reads the seven variables of its environment', async () => {
    const env = {
      AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET, AWS_SESSION_TOKEN: FAKE_TOKEN, AWS_REGION: 'us-east-1',
      S3_ENDPOINT: 'https://s3.example.com', S3_SIGNATURE_VERSION: 's3v4', S3_FORCE_PATH_STYLE: 'false',
    };
    expectOutput(await cli(['aws-env', '--namespace', 'user', '--from-env'], { env }), golden('aws-env-tutorial'));
  });
});

describe('new commands and flags print what the library synthesises for the same props', () => {
  /** The YAML the library synthesises for `build`, as the CLI's in-memory App does. */
  async function librarySynth(build: (lib: typeof import('../../lib'), chart: Chart) => void): Promise<string> {
    const lib = await import('../../lib');
    const app = new App();
    build(lib, new Chart(app, 'cli'));
    return app.synthYaml();
  }

  test.concurrent('azure --from-env reads the connection string of its environment', async () => {
    const env = { AZURE_STORAGE_CONNECTION_STRING: FAKE_AZURE_CONNECTION, HOME: '/home/me' };
    expectOutput(await cli(['azure', '--namespace', 'user', '--from-env'], { env }), golden('azure-env'));
  });

  test.concurrent('azure: a connection string from a file, a SAS token from stdin', async () => {
    const connection = secretFile('azure-connection', FAKE_AZURE_CONNECTION);
    expectOutput(await cli(['azure', '--namespace', 'user', '--connection-string-file', connection]), golden('azure-env'));
    const sas = 'sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=fakeSignature0000fakeSignature0000%3D';
    const result = await cli(['azure', '--namespace', 'user', '--account-name', 'fakeaccount0000', '--sas-token-stdin', '--name', 'blob'], { stdin: `${sas}\n` });
    expectOutput(result, await librarySynth((lib, chart) => new lib.AzureBlobConfiguration(chart, 'blob', {
      namespace: 'user', configuration: lib.AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', sasToken: sas }),
    })));
  });

  test.concurrent('azure --workload-identity: the account alone, no Secret', async () => {
    const result = await cli(['azure', '--namespace', 'user', '--account-name', 'fakeaccount0000', '--workload-identity']);
    expectOutput(result, golden('azure-account-only'));
    const notebook = await cli(['notebook', '--namespace', 'user', '--docker-existing-secret', 'regcred',
      '--storage', 'azure', '--azure-account-name', 'fakeaccount0000', '--azure-workload-identity']);
    expectOutput(notebook, await librarySynth((lib, chart) => new lib.NotebookAccess(chart, 'notebook', {
      namespace: 'user', docker: lib.DockerConfig.fromExistingSecret('regcred'),
      storage: lib.StorageAccess.azure(lib.AzureStorageConfiguration.fromAccountName('fakeaccount0000')),
    })));
  });

  test.concurrent('pipelines: expiration seconds, audience and naming flags', async () => {
    const result = await cli(['pipelines', '--namespace', 'user', '--name', 'kfp', '--description', 'KFP', '--expiration-seconds', '3600', '--audience', 'kfp.example.com']);
    expectOutput(result, await librarySynth((lib, chart) => new lib.PipelinesApiAccess(chart, 'access-ml-pipeline', {
      namespace: 'user', name: 'kfp', description: 'KFP', expirationSeconds: 3600, audience: 'kfp.example.com',
    })));
  });

  test.concurrent('aws-env --checksums sets both checksum variables, as S3Configuration.fromValues does', async () => {
    const result = await cli(['aws-env', '--namespace', 'user', '--access-key-id', ACCESS_KEY_ID, '--secret-access-key-stdin', '--checksums', 'when_required'],
      { stdin: FAKE_SECRET });
    expectOutput(result, await librarySynth((lib, chart) => new lib.AwsEnvConfiguration(chart, 'aws-configuration', {
      namespace: 'user',
      configuration: lib.S3Configuration.fromValues({ accessKeyId: ACCESS_KEY_ID, secretAccessKey: FAKE_SECRET, checksums: lib.S3Checksums.WHEN_REQUIRED }),
    })));
    expect(result.stdout).toContain('- name: AWS_REQUEST_CHECKSUM_CALCULATION\n      value: when_required\n');
  });

  test.concurrent('minio --checksums when_supported overrides MinioDefault\'s when_required', async () => {
    const result = await cli(['minio', '--namespace', 'user', '--checksums', 'when_supported']);
    expectOutput(result, await librarySynth((lib, chart) => new lib.MinioDefault(chart, 'minio', { namespace: 'user', checksums: lib.S3Checksums.WHEN_SUPPORTED })));
    expect(result.stdout).not.toBe(golden('minio-defaults'));
  });

  test.concurrent('notebook --storage azure with an account key file', async () => {
    const keyFile = secretFile('azure-key', FAKE_AZURE_KEY);
    const result = await cli(['notebook', '--namespace', 'user', '--docker-existing-secret', 'regcred',
      '--storage', 'azure', '--azure-account-name', 'fakeaccount0000', '--azure-account-key-file', keyFile]);
    expectOutput(result, await librarySynth((lib, chart) => new lib.NotebookAccess(chart, 'notebook', {
      namespace: 'user', docker: lib.DockerConfig.fromExistingSecret('regcred'),
      storage: lib.StorageAccess.azure(lib.AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', accountKey: FAKE_AZURE_KEY })),
    })));
  });
  describe('notebook --identity: NotebookAccess with the identity its --identity-... flags give, as the identity commands take them', () => {
    const ROLE_ARN = 'arn:aws:iam::123456789012:role/notebook-s3';
    const AZURE = { clientId: '00000000-0000-0000-0000-000000000001', tenantId: '00000000-0000-0000-0000-000000000002' };
    const registry = ['notebook', '--namespace', 'user', '--docker-existing-secret', 'regcred'];

    test.concurrent('aws-web-identity with every flag, and no storage: the role reaches S3', async () => {
      const result = await cli([...registry, '--identity', 'aws-web-identity', '--identity-role-arn', ROLE_ARN, '--identity-region', 'eu-west-1',
        '--identity-sts-regional-endpoints', '--identity-role-session-name', 'kubeflow-notebook', '--identity-audience', 'sts.amazonaws.com',
        '--identity-expiration-seconds', '3600', '--identity-service-account-name', 'ws-analysis', '--identity-switch-service-account', '--identity-selector-label', 'aws-role']);
      expectOutput(result, await librarySynth((lib, chart) => new lib.NotebookAccess(chart, 'notebook', {
        namespace: 'user', docker: lib.DockerConfig.fromExistingSecret('regcred'),
        identity: lib.CloudIdentity.awsWebIdentity({
          roleArn: ROLE_ARN, region: 'eu-west-1', stsRegionalEndpoints: true, roleSessionName: 'kubeflow-notebook', audience: 'sts.amazonaws.com',
          expirationSeconds: 3600, serviceAccountName: 'ws-analysis', switchServiceAccount: true, selectorLabel: 'aws-role',
        }),
      })));
      expect(result.stdout).not.toContain('name: minio');
      expect(result.stdout).toContain('- name: AWS_ROLE_ARN\n      value: arn:aws:iam::123456789012:role/notebook-s3\n');
    });

    test.concurrent('azure-workload-identity with the account it reaches (--storage azure, account only)', async () => {
      const result = await cli([...registry, '--identity', 'azure-workload-identity', '--identity-client-id', AZURE.clientId, '--identity-tenant-id', AZURE.tenantId,
        '--identity-authority-host', 'https://login.microsoftonline.us/', '--storage', 'azure', '--azure-account-name', 'fakeaccount0000', '--azure-workload-identity']);
      expectOutput(result, await librarySynth((lib, chart) => new lib.NotebookAccess(chart, 'notebook', {
        namespace: 'user', docker: lib.DockerConfig.fromExistingSecret('regcred'),
        identity: lib.CloudIdentity.azureWorkloadIdentity({ ...AZURE, authorityHost: 'https://login.microsoftonline.us/' }),
        storage: lib.StorageAccess.azure(lib.AzureStorageConfiguration.fromAccountName('fakeaccount0000')),
      })));
    });

    test.concurrent('gcp-workload-identity beside the in-cluster MinIO, asked for: two clouds', async () => {
      const result = await cli([...registry, '--identity', 'gcp-workload-identity', '--identity-project-number', '123456789012', '--identity-pool-id', 'kubeflow',
        '--identity-provider-id', 'cluster', '--identity-service-account-email', 'notebooks@my-project.iam.gserviceaccount.com', '--identity-config-map-name', 'wif', '--storage', 'minio']);
      expectOutput(result, await librarySynth((lib, chart) => new lib.NotebookAccess(chart, 'notebook', {
        namespace: 'user', docker: lib.DockerConfig.fromExistingSecret('regcred'),
        identity: lib.CloudIdentity.gcpWorkloadIdentity({
          projectNumber: '123456789012', poolId: 'kubeflow', providerId: 'cluster', serviceAccountEmail: 'notebooks@my-project.iam.gserviceaccount.com', configMapName: 'wif',
        }),
        storage: lib.StorageAccess.minio(),
      })));
    });

    test.concurrent.each<[string, string[], number, string]>([
      ['an identity flag without --identity', ['--identity-role-arn', ROLE_ARN], 2,
        '--identity-role-arn does not apply without --identity: add --identity and the kind of identity'],
      ['another identity\'s flag', ['--identity', 'azure-workload-identity', '--identity-role-arn', ROLE_ARN], 2,
        '--identity-role-arn does not apply with --identity azure-workload-identity'],
      ['a flag the identity needs, missing', ['--identity', 'gcp-workload-identity', '--identity-project-number', '1'], 2,
        '--identity-pool-id is required: the workload identity pool\'s ID'],
      ['an unknown kind', ['--identity', 'aws', '--identity-role-arn', ROLE_ARN], 2,
        '--identity must be one of "aws-web-identity", "azure-workload-identity", "gcp-workload-identity"'],
      ['storage flags without --storage', ['--identity', 'aws-web-identity', '--identity-role-arn', ROLE_ARN, '--aws-from-env'], 2,
        '--aws-from-env does not apply with --identity and no --storage: add --storage aws-file or --storage aws-env'],
      ['MinIO flags without --storage', ['--identity', 'aws-web-identity', '--identity-role-arn', ROLE_ARN, '--minio-endpoint', 'http://x'], 2,
        '--minio-endpoint does not apply with --identity and no --storage: add --storage minio'],
      ['a lifetime that is no number', ['--identity', 'aws-web-identity', '--identity-role-arn', ROLE_ARN, '--identity-expiration-seconds', '2h'], 2,
        '--identity-expiration-seconds must be a whole number, such as 7200'],
      ['a bad ARN, named by its flag', ['--identity', 'aws-web-identity', '--identity-role-arn', 'arn:aws:iam::1:role/r'], 1,
        '--identity-role-arn: has an account id that is not 12 digits: give the role\'s account, such as "arn:aws:iam::123456789012:role/notebook-s3"'],
      ['a lifetime Azure refuses', ['--identity', 'azure-workload-identity', '--identity-client-id', AZURE.clientId, '--identity-tenant-id', AZURE.tenantId, '--identity-expiration-seconds', '600'], 1,
        '--identity-expiration-seconds: 600 is not a whole number of seconds from 3600 (the range Azure Workload Identity accepts) to 86400: give one such as 3600'],
      // The storage is named by its --storage value, not by the library's StorageAccess.minio.
      ['storage that gives keys of the identity\'s cloud', ['--identity', 'aws-web-identity', '--identity-role-arn', ROLE_ARN, '--storage', 'minio'], 1,
        '--storage: minio gives AWS credentials, which a notebook cannot use beside an AWS web identity: botocore uses keys in the environment before the role, '
        + 'and the role before a credentials file: leave --storage out, since the role reaches S3, or give storage of another cloud'],
      ['an AWS credentials file beside an AWS identity', ['--identity', 'aws-web-identity', '--identity-role-arn', ROLE_ARN, '--storage', 'aws-file', '--aws-existing-secret', 'team-aws'], 1,
        '--storage: aws-file gives AWS credentials, which a notebook cannot use beside an AWS web identity: botocore uses keys in the environment before the role, '
        + 'and the role before a credentials file: leave --storage out, since the role reaches S3, or give storage of another cloud'],
      ['a GCS key beside a Google identity',
        ['--identity', 'gcp-workload-identity', '--identity-project-number', '123456789012', '--identity-pool-id', 'kubeflow', '--identity-provider-id', 'cluster',
          '--storage', 'gcs', '--gcs-existing-secret', 'team-gcs'], 1,
        '--storage: gcs sets GOOGLE_APPLICATION_CREDENTIALS, as the Google identity does, and the webhook refuses a pod that sets it twice: '
        + 'leave --storage out, since the identity reaches Cloud Storage, or give storage of another cloud'],
      ['an Azure credential beside an Azure identity, the fix in flags',
        ['--identity', 'azure-workload-identity', '--identity-client-id', AZURE.clientId, '--identity-tenant-id', AZURE.tenantId, '--storage', 'azure', '--azure-existing-secret', 'team-azure'], 1,
        '--storage: azure gives an account key, SAS token or connection string (in code, from a secret store or in an existing Secret), which adlfs uses instead of the Azure identity: '
        + 'give --azure-account-name with --azure-workload-identity, or leave --storage out'],
    ])('%s', async (_what, args, code, message) => {
      expect(expectErrors(await cli([...registry, ...args]), code, 'cdk8s-kubeflow-access notebook')).toEqual([message]);
    });
  });
});

describe('--secret-store and --cluster-secret-store print the library\'s ExternalSecrets', () => {
  const vault = ['--cluster-secret-store', 'vault'];
  const team = ['--secret-store', 'team-store'];
  test.concurrent.each<[string, string[], string]>([
    ['docker --remote-config', ['docker', '--namespace', 'user', ...vault, '--remote-config', 'kubeflow/registry#config.json'], 'eso-docker-config'],
    ['docker --remote-config with a version, immutable dockerconfigjson, read once',
      ['docker', '--namespace', 'user', ...team, '--remote-config', 'registry-config@3', '--refresh-interval', '0s', '--secret-type', 'dockerconfigjson', '--immutable'],
      'eso-docker-config-dockerconfigjson'],
    ['docker --remote-username and --remote-password',
      ['docker', '--namespace', 'user', ...vault, '--remote-username', 'kubeflow/registry#username', '--remote-password', 'kubeflow/registry#password'], 'eso-docker-login'],
    ['docker --remote-username with --server, --secret-name and a versioned password',
      ['docker', '--namespace', 'user', ...team, '--server', 'ghcr.io', '--remote-username', 'ghcr-user', '--remote-password', 'ghcr-token@2',
        '--refresh-interval', '0s', '--secret-type', 'dockerconfigjson', '--secret-name', 'ghcr-pull'],
      'eso-docker-login-dockerconfigjson'],
    ['aws-credentials --remote-credentials', ['aws-credentials', '--namespace', 'user', ...vault, '--remote-credentials', 'kubeflow/aws-credentials'], 'eso-aws-file'],
    ['aws-credentials --remote-access-key-id with a session token, a profile and a region',
      ['aws-credentials', '--namespace', 'user', ...vault, '--remote-access-key-id', 'kubeflow/aws#access_key_id', '--remote-secret-access-key', 'kubeflow/aws#secret_access_key',
        '--remote-session-token', 'kubeflow/aws#session_token', '--profile', 'ml', '--region', 'eu-west-1'],
      'eso-aws-file-keys'],
    ['aws-env --remote-access-key-id with literal settings',
      ['aws-env', '--namespace', 'user', ...vault, '--remote-access-key-id', 'kubeflow/s3#access_key_id', '--remote-secret-access-key', 'kubeflow/s3#secret_access_key',
        '--region', 'eu-west-1', '--endpoint', 'https://s3.eu-west-1.amazonaws.com', '--signature-version', 's3v4', '--force-path-style', 'false', '--sdk-endpoint-variable'],
      'eso-aws-env'],
    ['aws-env with the keys only',
      ['aws-env', '--namespace', 'user', ...team, '--remote-access-key-id', 's3-access-key-id', '--remote-secret-access-key', 's3-secret-access-key',
        '--remote-session-token', 's3-session-token'],
      'eso-aws-env-keys-only'],
    ['minio --remote-access-key', ['minio', '--namespace', 'user', ...vault, '--remote-access-key', 'kubeflow/minio#accesskey', '--remote-secret-key', 'kubeflow/minio#secretkey'], 'eso-minio'],
    ['gcs --remote-key', ['gcs', '--namespace', 'user', ...vault, '--remote-key', 'kubeflow/gcp#user-gcp-sa.json'], 'eso-gcs'],
    ['azure --remote-account-key, immutable, read once',
      ['azure', '--namespace', 'user', ...team, '--account-name', 'fakeaccount0000', '--remote-account-key', 'azure-storage#key1@2', '--refresh-interval', '0s',
        '--secret-name', 'team-azure', '--immutable'],
      'eso-azure-account-key'],
    ['azure --remote-connection-string',
      ['azure', '--namespace', 'user', ...vault, '--account-name', 'fakeaccount0000', '--remote-connection-string', 'kubeflow/azure#connection-string'],
      'eso-azure-connection-string'],
    ['notebook: a registry login and MinIO keys from one store',
      ['notebook', '--namespace', 'user', ...vault, '--home-directory', '/home/jovyan', '--docker-server', 'registry.example.com',
        '--docker-remote-username', 'kubeflow/registry#username', '--docker-remote-password', 'kubeflow/registry#password',
        '--minio-remote-access-key', 'kubeflow/minio#accesskey', '--minio-remote-secret-key', 'kubeflow/minio#secretkey'],
      'eso-notebook'],
    ['notebook: a registry config and a GCS key from one store',
      ['notebook', '--namespace', 'user', ...vault, '--home-directory', '/home/jovyan', '--docker-remote-config', 'kubeflow/registry#config.json',
        '--storage', 'gcs', '--gcs-remote-key', 'kubeflow/gcp#user-gcp-sa.json'],
      'eso-notebook-gcs'],
  ])('%s', async (_name, args, goldenName) => {
    expectOutput(await cli(args), golden(goldenName));
  });

  test.concurrent.each<[string, string[], string, string]>([
    ['both stores', ['docker', '--namespace', 'user', '--secret-store', 'a', '--cluster-secret-store', 'b', '--remote-config', 'k'], 'docker',
      '--secret-store and --cluster-secret-store each name the store: give one of them'],
    ['a remote value without a store', ['docker', '--namespace', 'user', '--remote-config', 'k'], 'docker',
      '--remote-config needs the store it reads from: add --secret-store NAME or --cluster-secret-store NAME'],
    ['a store without a remote value', ['docker', '--namespace', 'user', '--secret-store', 's', '--existing-secret', 'x'], 'docker',
      '--secret-store does not apply without a remote value: give one of --remote-config, --remote-username, --remote-password'],
    ['a refresh interval without a store', ['minio', '--namespace', 'user', '--refresh-interval', '1h'], 'minio',
      '--refresh-interval does not apply without --secret-store or --cluster-secret-store'],
    ['a remote user name without its password', ['docker', '--namespace', 'user', '--secret-store', 's', '--remote-username', 'u'], 'docker',
      'the remote password is missing: give --remote-password with --remote-username'],
    ['a remote secret key without the remote access key', ['minio', '--namespace', 'user', '--secret-store', 's', '--access-key', 'a', '--remote-secret-key', 'k'], 'minio',
      '--remote-secret-key does not apply without --remote-access-key'],
    ['an empty property', ['gcs', '--namespace', 'user', '--secret-store', 's', '--remote-key', 'kubeflow/gcp#'], 'gcs',
      '--remote-key: the property is empty in KEY[#PROPERTY][@VERSION]: give it, or leave out its "#"'],
    ['an empty key', ['gcs', '--namespace', 'user', '--secret-store', 's', '--remote-key', '@3'], 'gcs',
      '--remote-key: the key is empty in KEY[#PROPERTY][@VERSION]: give the store\'s key'],
    ['a second "#"', ['gcs', '--namespace', 'user', '--secret-store', 's', '--remote-key', 'a#b#c'], 'gcs',
      '--remote-key: a second "#", or "#" after "@", in KEY[#PROPERTY][@VERSION]: escape it as "\\#" if it belongs to the property'],
    ['a stray backslash', ['gcs', '--namespace', 'user', '--secret-store', 's', '--remote-key', 'a\\b'], 'gcs',
      '--remote-key: "\\" escapes only "#", "@" and "\\" in KEY[#PROPERTY][@VERSION]: write a lone "\\" as "\\\\"'],
    ['a stored and a read Azure credential', ['azure', '--namespace', 'user', '--secret-store', 's', '--account-name', 'a', '--account-key-stdin', '--remote-sas-token', 't'], 'azure',
      '--account-key-stdin and --remote-sas-token each give the Azure credential: give one of them'],
  ])('%s', async (_name, args, command, message) => {
    expect(expectErrors(await cli(args), 2, `cdk8s-kubeflow-access ${command}`)).toEqual([message]);
  });

  test.concurrent('a store name the library refuses is one line, blamed on a flag', async () => {
    const result = await cli(['gcs', '--namespace', 'user', '--secret-store', 'Vault_1', '--remote-key', 'k']);
    const [line] = expectErrors(result, 1, 'cdk8s-kubeflow-access gcs');
    expect(line).toMatch(/^--secret-store: store name has an upper-case letter at character 1; a SecretStore name is a DNS-1123 subdomain/);
  });

  test.concurrent('escaped "#" and "@" belong to the key; the parts reach the library as given', async () => {
    const result = await cli(['gcs', '--namespace', 'user', '--cluster-secret-store', 'vault', '--remote-key', 'team\\@example.com/key\\#1#json@v2']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('key: team@example.com/key#1\n');
    expect(result.stdout).toContain('property: json\n');
    expect(result.stdout).toContain('version: v2\n');
  });
});

describe('help', () => {
  test.concurrent.each(['docker', 'aws-credentials', 'aws-env', 'minio', 'gcs', 'azure', 'pipelines', 'aws-web-identity', 'azure-workload-identity', 'gcp-workload-identity', 'notebook', 'check'])('%s --help lists its flags and exits 0', async command => {
    const result = await cli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`^Usage: cdk8s-kubeflow-access ${command} `));
    expect(result.stdout).toContain('--help, -h');
  });

  test.concurrent('azure --help names adlfs as what reads the variables: azure-storage-blob reads none', async () => {
    // GIVEN shared/facts/more-access.md 3.2: azure-storage-blob reads no environment variable itself
    // WHEN azure's help is printed
    const text = (await cli(['azure', '--help'])).stdout.replace(/\s+/g, ' ');
    // THEN it says that adlfs reads them, and how azure-storage-blob is given the connection string
    expect(text).toContain('AZURE_STORAGE_CONNECTION_STRING, as adlfs reads them (azure-storage-blob reads no variable: pass '
      + 'AZURE_STORAGE_CONNECTION_STRING to BlobServiceClient.from_connection_string), and a PodDefault that injects it');
  });

  test.concurrent('--help lists every command; no arguments prints it on stderr with exit code 2', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['docker', 'aws-credentials', 'aws-env', 'minio', 'gcs', 'azure', 'pipelines', 'aws-web-identity', 'azure-workload-identity', 'gcp-workload-identity', 'notebook', 'check']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
    const bare = await cli([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toBe(help.stdout);
  });

  test.concurrent.each([['help', 'docker'], ['--help', 'notebook'], ['-h', 'check']])('%s %s prints that command\'s help, as COMMAND --help does', async (help, command) => {
    // GIVEN the git and kubectl way of asking for a command's help WHEN it is run
    const result = await cli([help, command]);
    // THEN it is the command's own help, not the list of commands
    expect(result.code).toBe(0);
    expectOutput(result, (await cli([command, '--help'])).stdout);
    expect(result.stdout).toMatch(new RegExp(`^Usage: cdk8s-kubeflow-access ${command} `));
  });

  describe('wrapped at 80 columns, whatever the terminal, losing nothing', () => {
    const helps = async () => [['(program)', (await cli(['--help'])).stdout] as const,
      ...await Promise.all(COMMANDS.map(async c => [c.name, (await cli([c.name, '--help'])).stdout] as const))];

    test('every line of the program\'s and of each command\'s help fits in 80 columns, with no trailing space', async () => {
      // GIVEN every help text, with COLUMNS as wide as a terminal may say
      const all = await helps();
      expect(HELP_WIDTH).toBe(80);
      expect(all).toHaveLength(COMMANDS.length + 1);
      // THEN no line is wider than 80 columns or ends in a space (usage lines were up to 250 wide)
      const wide = all.flatMap(([name, text]) => text.split('\n').filter(l => l.length > 80 || / $/.test(l)).map(l => `${name}: ${l}`));
      expect(wide).toEqual([]);
      // AND the terminal's width changes nothing
      expect((await cli(['pipelines-store', '--help'], { env: { COLUMNS: '300' } })).stdout).toBe(all.find(([n]) => n === 'pipelines-store')![1]);
    });

    test.each(COMMANDS.map(c => [c.name, c] as const))('%s: the words of its help are those of its usage lines, paragraphs, flags and examples, in order', async (_name, command) => {
      // GIVEN what the command says, unwrapped
      const words = (text: string) => text.split(/\s+/).filter(w => w !== '');
      const label = (flag: string, spec: { type: string; value?: string }) => `--${flag}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`;
      const expected = [
        'Usage:', ...command.synopsis.flatMap(s => [PROGRAM, command.name, ...words(s)]),
        ...command.description.flatMap(words),
        ...command.options.flatMap(g => [...words(`${g.heading}:`),
          ...Object.entries(g.options).flatMap(([flag, spec]) => [...words(label(flag, spec)), ...words(spec.help), ...spec.multiple ? ['(repeatable)'] : []])]),
        'Other', 'options:', '--help,', '-h', 'show', 'this', 'help',
        ...command.examples === undefined ? [] : ['Examples:', ...command.examples.flatMap(words)],
      ];
      // WHEN its help is printed
      const help = (await cli([command.name, '--help'])).stdout;
      // THEN the words are the same, the examples' line continuations aside
      expect(words(help).filter(w => w !== '\\')).toEqual(expected);
    });

    test('each example, as wrapped, runs in bash as the same commands with the same arguments', async () => {
      // GIVEN the examples of every command's help, as printed and as written
      const printed = (await helps()).flatMap(([, text]) => text.split('\nExamples:\n')[1]?.replace(/\n$/, '').split(/\n(?=  \S)/) ?? []);
      const written = COMMANDS.flatMap(c => c.examples ?? []);
      expect(printed.length).toBe(written.length);
      expect(printed.some(e => e.includes(' \\\n'))).toBe(true);
      // WHEN bash runs each, with no command on PATH, so that each command only writes its arguments to stderr
      const trace = (script: string) => {
        const r = spawnSync('bash', ['-c', `PATH=/nonexistent; command_not_found_handle() { local line; line="$(printf '[%s]' "$@")"; printf '%s\\n' "$line" >&2; }; ${script}`], { encoding: 'utf8', env: { HOME: '/home/u' } });
        return r.stderr.split('\n').filter(l => l !== '').sort();
      };
      // THEN each pasted as printed runs what it says unwrapped (the stages of a pipe in any order)
      printed.forEach((example, i) => {
        const ran = trace(example);
        expect(ran.length).toBeGreaterThan(0);
        expect(ran).toEqual(trace(written[i]));
      });
    });
  });

  test.concurrent.each([[['help', 'dokcer']], [['help', 'hunter2']], [['help', 'docker', 'minio']]])('%j is a usage error that echoes no argument', async args => {
    const result = await cli(args);
    expect(expectErrors(result, 2, 'cdk8s-kubeflow-access')).toEqual([
      `${args[0]} takes one command name, one of docker, aws-credentials, aws-env, minio, gcs, azure, pipelines, aws-web-identity, azure-workload-identity, gcp-workload-identity, notebook, kserve, pipelines-store, trainer, check`]);
  });

  test.concurrent.each([['--version'], ['version']])('%s prints the package version (version as kubectl takes it)', async flag => {
    // GIVEN the package's version
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    // WHEN asked for it THEN it is printed alone
    expectOutput(await cli([flag]), `${pkg.version}\n`);
  });

  test.concurrent.each([['--version', 'extra'], ['version', 'fake-SECRET-0000 x'], ['--version', '--namespace']])('%s %j is a usage error that echoes no argument', async (flag, extra) => {
    // GIVEN / WHEN the version asked for with an argument after it
    const result = await cli([flag, extra]);
    // THEN it is refused by its place, as a command that takes only flags refuses one, and no version is printed
    expect(result.stdout).toBe('');
    expect(expectErrors(result, 2, 'cdk8s-kubeflow-access')).toEqual([
      `unexpected argument at position 2 after "${flag}", which takes none; see "cdk8s-kubeflow-access --help"`]);
  });
});

describe('usage errors exit 2 with one line naming the flag', () => {
  const fromFile = ['--from-file', fixture('docker-config.json')];
  test.concurrent.each<[string, string[], string, string]>([
    ['a password in argv', ['docker', '--namespace', 'user', '--username', 'u', '--password', 'hunter2'], 'docker',
      '--password is refused: a secret on the command line ends up in the shell history, the process list and CI logs; use --password-stdin or --password-file'],
    ['a password in argv, inline', ['docker', '--namespace', 'user', '--password=hunter2'], 'docker',
      '--password is refused: a secret on the command line ends up in the shell history, the process list and CI logs; use --password-stdin or --password-file'],
    ['a secret access key in argv', ['aws-credentials', '--namespace', 'user', '--access-key-id', 'x', '--secret-access-key', 'hunter2'], 'aws-credentials',
      '--secret-access-key is refused: a secret on the command line ends up in the shell history, the process list and CI logs; use --secret-access-key-stdin or --secret-access-key-file'],
    ['a session token in argv', ['aws-env', '--namespace', 'user', '--session-token=hunter2'], 'aws-env',
      '--session-token is refused: a secret on the command line ends up in the shell history, the process list and CI logs; use --session-token-stdin or --session-token-file'],
    ['a MinIO secret key in argv', ['minio', '--namespace', 'user', '--secret-key', 'hunter2'], 'minio',
      '--secret-key is refused: a secret on the command line ends up in the shell history, the process list and CI logs; use --secret-key-stdin or --secret-key-file'],
    ['a Docker password in argv for notebook', ['notebook', '--namespace', 'user', '--docker-password', 'hunter2'], 'notebook',
      '--docker-password is refused: a secret on the command line ends up in the shell history, the process list and CI logs; use --docker-password-stdin or --docker-password-file'],
    ['a name of our kind for a flag that would hold a secret', ['docker', '--namespace', 'user', '--registry-token', 'hunter2'], 'docker',
      '--registry-token is refused: a secret on the command line ends up in the shell history, the process list and CI logs; see "cdk8s-kubeflow-access docker --help" for the flags that read it from stdin or a file'],
    ['a token pasted after "--" that ends as a secret flag\'s name', ['docker', '--namespace', 'user', '--ghp_Fake0000-token'], 'docker',
      'a flag named for a secret (its name not shown, as it may be one) is refused: a secret on the command line ends up in the shell history, the process list and CI logs; '
      + 'see "cdk8s-kubeflow-access docker --help" for the flags that read it from stdin or a file'],
    ['no namespace', ['docker', ...fromFile], 'docker', '--namespace is required: the namespace (Kubeflow profile) of the Secret and the PodDefault'],
    ['no credentials', ['docker', '--namespace', 'user'], 'docker',
      'nothing gives the Docker credentials: give one of --from-file, --username, --existing-secret, --remote-config, --remote-username'],
    ['two credential sources', ['docker', '--namespace', 'user', ...fromFile, '--existing-secret', 's'], 'docker',
      '--from-file and --existing-secret each give the Docker credentials: give one of them'],
    ['a login without its password', ['docker', '--namespace', 'user', '--username', 'u'], 'docker',
      'the password is missing: give --password-stdin or --password-file FILE'],
    ['a password twice', ['docker', '--namespace', 'user', '--username', 'u', '--password-stdin', '--password-file', 'f'], 'docker',
      '--password-stdin and --password-file both give the password: give one'],
    ['a login flag without --username', ['docker', '--namespace', 'user', ...fromFile, '--server', 'ghcr.io'], 'docker',
      '--server does not apply without --username or --remote-username'],
    ['an unknown option', ['docker', '--namespace', 'user', '--pasword=hunter2'], 'docker',
      'unknown option --pasword: see "cdk8s-kubeflow-access docker --help"'],
    // GIVEN a flag of another command, WHEN given to this one, THEN the line names the commands that have it, not "unknown".
    ['another command\'s flag', ['docker', '--namespace', 'user', '--role-arn', 'arn:aws:iam::123456789012:role/x'], 'docker',
      '--role-arn is a flag of aws-web-identity, not of docker: see "cdk8s-kubeflow-access docker --help"'],
    ['another command\'s flag, with an inline value', ['check', '--from-file=x.yaml', 'dist/'], 'check',
      '--from-file is a flag of docker, aws-credentials or aws-env, not of check: see "cdk8s-kubeflow-access check --help"'],
    ['a flag of check given to a generating command', ['minio', '--namespace', 'user', '--recursive'], 'minio',
      '--recursive is a flag of check, not of minio: see "cdk8s-kubeflow-access minio --help"'],
    ['a short option', ['docker', '-u', 'user'], 'docker',
      'unknown option -u (short options other than -h do not exist): see "cdk8s-kubeflow-access docker --help"'],
    ['kubectl\'s -n', ['docker', '-n', 'user'], 'docker',
      'unknown option -n (short options other than -h do not exist; kubectl\'s -n is --namespace here): see "cdk8s-kubeflow-access docker --help"'],
    ['a typo of a flag, which names the flag it meant', ['docker', '--namspace', 'user', ...fromFile], 'docker',
      'unknown option --namspace (did you mean --namespace?): see "cdk8s-kubeflow-access docker --help"'],
    ['a typo of a flag with its value inline, which is not shown', ['docker', '--namespace', 'user', '--username', 'u', '--pasword-file=hunter2'], 'docker',
      'unknown option --pasword-file (did you mean --password-file?): see "cdk8s-kubeflow-access docker --help"'],
    ['a typo as near to two flags (two edits from --from-env and from --from-file), which names neither', ['aws-env', '--namespace', 'user', '--from-fiv'], 'aws-env',
      'unknown option --from-fiv: see "cdk8s-kubeflow-access aws-env --help"'],
    // A token pasted after "--" (or in place of a flag) is no flag name: its name is not shown, nor any part of it.
    ['a token pasted as a flag, never echoed', ['docker', '--namespace', 'user', '--ghp_FAKEfakeFAKEfake0000000000000000000000'], 'docker',
      'unknown option (not shown, as it may be a secret): see "cdk8s-kubeflow-access docker --help"'],
    ['a token pasted as a flag with a value, never echoed', ['docker', '--namespace', 'user', '--ghp_FAKEfake0000=x'], 'docker',
      'unknown option (not shown, as it may be a secret): see "cdk8s-kubeflow-access docker --help"'],
    ['a lower-case password with a digit pasted as a flag, never echoed', ['docker', '--namespace', 'user', '--hunter2'], 'docker',
      'unknown option (not shown, as it may be a secret): see "cdk8s-kubeflow-access docker --help"'],
    ['a password glued to a flag, never echoed', ['docker', '--namespace', 'user', '--username', 'u', '--password-filehunter'], 'docker',
      'unknown option (not shown, as it may be a secret): see "cdk8s-kubeflow-access docker --help"'],
    ['a flag typed with a letter of another alphabet, not shown but named', ['docker', '--nam\u0435space', 'user'], 'docker',
      'unknown option (not shown, as it may be a secret; did you mean --namespace?): see "cdk8s-kubeflow-access docker --help"'],
    ['a flag in capitals, not shown but named', ['docker', '--NAMESPACE', 'user'], 'docker',
      'unknown option (not shown, as it may be a secret; did you mean --namespace?): see "cdk8s-kubeflow-access docker --help"'],
    // parseArgs reports a group of short options one letter at a time: the message names the group as typed.
    // A letter and what follows it (`-abc`, `-pSECRET` as docker login's -p, `-nuser` as kubectl's -n) may be an option
    // with its value glued: not shown. A letter after -h alone, and a flag's name typed with one dash, are shown.
    ['a group of short options, not shown: the letters after -a may be its value', ['docker', '-abc'], 'docker',
      'unknown option (not shown, as it may be a secret; short options other than -h do not exist): see "cdk8s-kubeflow-access docker --help"'],
    ['a lower-case password glued to -p, as docker login takes it, never echoed', ['docker', '--namespace', 'user', '-pfakepasswordonly'], 'docker',
      'unknown option (not shown, as it may be a secret; short options other than -h do not exist): see "cdk8s-kubeflow-access docker --help"'],
    ['a group after -h, named as typed', ['check', '-hv', 'dist/'], 'check',
      'unknown option -hv (short options other than -h do not exist): see "cdk8s-kubeflow-access check --help"'],
    ['a flag with one dash, which names the flag', ['docker', '-namespace', 'user'], 'docker',
      'unknown option -namespace (short options other than -h do not exist; did you mean --namespace?): see "cdk8s-kubeflow-access docker --help"'],
    ['kubectl\'s -n with the namespace glued, which names --namespace', ['docker', '-nuser'], 'docker',
      'unknown option (not shown, as it may be a secret; short options other than -h do not exist; kubectl\'s -n is --namespace here): see "cdk8s-kubeflow-access docker --help"'],
    // A refused secret flag's name with a value glued to it, however its dashes are typed.
    ['a lower-case password glued to --password, never echoed', ['docker', '--namespace', 'user', '--passwordfakepasswordonly'], 'docker',
      'unknown option (not shown, as it may be a secret): see "cdk8s-kubeflow-access docker --help"'],
    ['a lower-case token glued to --token, never echoed', ['pipelines', '--namespace', 'user', '--tokenfaketokenonly'], 'pipelines',
      'unknown option (not shown, as it may be a secret): see "cdk8s-kubeflow-access pipelines --help"'],
    ['a lower-case password glued to -password, never echoed', ['docker', '--namespace', 'user', '-passwordfakepasswordonly'], 'docker',
      'unknown option (not shown, as it may be a secret; short options other than -h do not exist): see "cdk8s-kubeflow-access docker --help"'],
    ['a lower-case password glued to a password flag pasted with an em dash, never echoed', ['docker', '--namespace', 'user', '\u2014passwordfakepasswordonly'], 'docker',
      'unknown option (not shown, as it may be a secret; written with an em dash (U+2014) where a flag has "--", as web pages and word processors print it): see "cdk8s-kubeflow-access docker --help"'],
    ['a token pasted after one dash, never echoed', ['docker', '--namespace', 'user', '-ghp_FAKEfakeFAKEfake0000000000000000000000'], 'docker',
      'unknown option (not shown, as it may be a secret; short options other than -h do not exist): see "cdk8s-kubeflow-access docker --help"'],
    ['a lower-case password with a digit after one dash, never echoed', ['docker', '--namespace', 'user', '-hunter2'], 'docker',
      'unknown option (not shown, as it may be a secret; short options other than -h do not exist): see "cdk8s-kubeflow-access docker --help"'],
    ['a typo that starts with another flag (--name), shown: it is two edits from --namespace', ['docker', '--namespce', 'user'], 'docker',
      'unknown option --namespce (did you mean --namespace?): see "cdk8s-kubeflow-access docker --help"'],
    // A rendered web page or a word processor prints "--" as an em or en dash: a flag pasted from one is no argument.
    ['a flag pasted with an em dash', ['docker', '\u2014namespace', 'user', '--from-file', 'x'], 'docker',
      'unknown option \u2014namespace (written with an em dash (U+2014) where a flag has "--", as web pages and word processors print it; did you mean --namespace?): see "cdk8s-kubeflow-access docker --help"'],
    ['a flag pasted with an en dash, its value inline not shown', ['docker', '--namespace', 'user', '\u2013from-file=hunter2'], 'docker',
      'unknown option \u2013from-file (written with an en dash (U+2013) where a flag has "--", as web pages and word processors print it; did you mean --from-file?): see "cdk8s-kubeflow-access docker --help"'],
    ['a flag pasted with a hyphen and an en dash', ['docker', '-\u2013namespace', 'user'], 'docker',
      'unknown option -\u2013namespace (written with an en dash (U+2013) where a flag has "--", as web pages and word processors print it; did you mean --namespace?): see "cdk8s-kubeflow-access docker --help"'],
    ['check: a flag pasted with an em dash is no file name', ['check', '\u2014recursive', 'dist/'], 'check',
      'unknown option \u2014recursive (written with an em dash (U+2014) where a flag has "--", as web pages and word processors print it; did you mean --recursive?): see "cdk8s-kubeflow-access check --help"'],
    ['an em dash alone, pasted between two words', ['docker', '--namespace', 'user', '\u2014'], 'docker',
      'unknown option \u2014 (written with an em dash (U+2014) where a flag has "--", as web pages and word processors print it): see "cdk8s-kubeflow-access docker --help"'],
    ['a token pasted after an em dash, never echoed', ['docker', '\u2014ghp_FAKEfakeFAKEfake0000000000000000000000'], 'docker',
      'unknown option (not shown, as it may be a secret; written with an em dash (U+2014) where a flag has "--", as web pages and word processors print it): see "cdk8s-kubeflow-access docker --help"'],
    ['a flag without its value', ['docker', '--namespace', '--from-file', 'x'], 'docker',
      '--namespace needs a value (write --namespace=VALUE for a value that starts with "-")'],
    ['a flag given twice', ['docker', '--namespace', 'a', '--namespace', 'b'], 'docker', '--namespace is given more than once: give it once'],
    ['a value for a switch', ['docker', '--immutable=yes'], 'docker', '--immutable takes no value'],
    ['a stray argument, never echoed', ['docker', '--namespace', 'user', ...fromFile, 'hunter2'], 'docker',
      'unexpected argument at position 5 after "docker", which takes only flags (values follow their flag); see "cdk8s-kubeflow-access docker --help"'],
    ['a bad choice', ['docker', '--namespace', 'user', ...fromFile, '--secret-type', 'json'], 'docker',
      '--secret-type must be one of "opaque", "dockerconfigjson"'],
    ['two flags reading stdin', ['aws-env', '--namespace', 'user', '--access-key-id', 'x', '--secret-access-key-stdin', '--session-token-stdin'], 'aws-env',
      '--secret-access-key-stdin and --session-token-stdin all read stdin, which can be read once: give the others a file instead'],
    ['a value flag with another source', ['aws-env', '--namespace', 'user', '--from-env', '--region', 'us-east-1'], 'aws-env',
      '--region does not apply without --access-key-id or --remote-access-key-id (set the variable instead)'],
    ['MinIO key names without the existing Secret', ['minio', '--namespace', 'user', '--access-key-key', 'id'], 'minio',
      '--access-key-key does not apply without --existing-secret'],
    ['MinIO flags with AWS storage', ['notebook', '--namespace', 'user', '--docker-from-file', 'f', '--storage', 'aws-env', '--minio-endpoint', 'http://x'], 'notebook',
      '--minio-endpoint does not apply with --storage aws-env'],
    ['AWS flags with the default storage', ['notebook', '--namespace', 'user', '--docker-from-file', 'f', '--aws-from-env'], 'notebook',
      '--aws-from-env does not apply with the default storage (MinIO): add --storage aws-file or --storage aws-env'],
    ['an Azure account key in argv', ['azure', '--namespace', 'user', '--account-key', 'hunter2'], 'azure',
      '--account-key is refused: a secret on the command line ends up in the shell history, the process list and CI logs; use --account-key-stdin or --account-key-file'],
    ['an Azure connection string in argv', ['azure', '--namespace', 'user', '--connection-string=hunter2'], 'azure',
      '--connection-string is refused: a secret on the command line ends up in the shell history, the process list and CI logs; use --connection-string-stdin or --connection-string-file'],
    ['two Azure credentials', ['azure', '--namespace', 'user', '--account-name', 'a', '--account-key-stdin', '--sas-token-file', 'f'], 'azure',
      '--account-key-stdin and --sas-token-file each give the Azure credential: give one of them'],
    ['an Azure account name without a credential', ['azure', '--namespace', 'user', '--account-name', 'a'], 'azure',
      'the Azure credential is missing: give one of --account-key-stdin, --sas-token-stdin, --connection-string-stdin (or its -file or --remote-... form), or --workload-identity for none'],
    ['workload identity and a key', ['azure', '--namespace', 'user', '--account-name', 'a', '--workload-identity', '--account-key-stdin'], 'azure',
      '--workload-identity and --account-key-stdin each give the Azure credential: give one of them'],
    ['workload identity without the account', ['azure', '--namespace', 'user', '--workload-identity'], 'azure',
      '--workload-identity needs --account-name: give the storage account'],
    ['Azure values with --from-env', ['azure', '--namespace', 'user', '--from-env', '--account-name', 'a'], 'azure',
      '--from-env and --account-name each give the Azure account: give one of them'],
    ['no GCS key', ['gcs', '--namespace', 'user'], 'gcs', 'nothing gives the service-account key: give one of --key-file, --existing-secret, --remote-key'],
    ['a GCS key name without the existing Secret', ['gcs', '--namespace', 'user', '--key-file', 'k.json', '--existing-key', 'k'], 'gcs',
      '--existing-key does not apply without --existing-secret'],
    ['a token lifetime that is no number', ['pipelines', '--namespace', 'user', '--expiration-seconds', '2h'], 'pipelines',
      '--expiration-seconds must be a whole number, such as 7200'],
    ['a token lifetime past 2^53, which would reach the library rounded', ['pipelines', '--namespace', 'user', '--expiration-seconds', '99999999999999999999'], 'pipelines',
      '--expiration-seconds is too large: give a whole number such as 7200'],
    ['a Secret flag for the Pipelines API, which has no Secret', ['pipelines', '--namespace', 'user', '--secret-name', 's'], 'pipelines',
      '--secret-name is a flag of other commands, not of pipelines: see "cdk8s-kubeflow-access pipelines --help"'],
    ['a bad checksums value', ['minio', '--namespace', 'user', '--checksums', 'never'], 'minio', '--checksums must be one of "when_supported", "when_required"'],
    ['checksums with another aws-env source', ['aws-env', '--namespace', 'user', '--from-env', '--checksums', 'when_required'], 'aws-env',
      '--checksums does not apply without --access-key-id or --remote-access-key-id (set the variable instead)'],
    ['GCS flags with the default storage', ['notebook', '--namespace', 'user', '--docker-from-file', 'f', '--gcs-key-file', 'k'], 'notebook',
      '--gcs-key-file does not apply with the default storage (MinIO): add --storage gcs'],
    ['Azure flags with GCS storage', ['notebook', '--namespace', 'user', '--docker-from-file', 'f', '--storage', 'gcs', '--gcs-key-file', 'k', '--azure-from-env'], 'notebook',
      '--azure-from-env does not apply with --storage gcs'],
    ['check without files', ['check'], 'check', 'missing FILE: see "cdk8s-kubeflow-access check --help"'],
    // The commands that compose others take those commands' flags under a prefix: a flag written as the single-purpose
    // command spells it names the prefixed flags that hold it, which help lists among some eighty.
    ['a docker flag without its prefix in notebook, which names the prefixed flags', ['notebook', '--namespace', 'user', '--from-file', 'f'], 'notebook',
      'unknown option --from-file (did you mean --docker-from-file or --aws-from-file?): see "cdk8s-kubeflow-access notebook --help"'],
    ['an identity flag without its prefix in notebook, which names the prefixed flag', ['notebook', '--namespace', 'user', '--identity', 'aws-web-identity', '--role-arn', 'arn:aws:iam::123456789012:role/x'], 'notebook',
      'unknown option --role-arn (did you mean --identity-role-arn?): see "cdk8s-kubeflow-access notebook --help"'],
    ['a MinIO flag without its prefix in notebook, pasted with an em dash', ['notebook', '--namespace', 'user', '\u2014endpoint', 'http://x'], 'notebook',
      'unknown option \u2014endpoint (written with an em dash (U+2014) where a flag has "--", as web pages and word processors print it; did you mean --minio-endpoint or --aws-endpoint?): see "cdk8s-kubeflow-access notebook --help"'],
    ['an S3 flag without its prefix in kserve', ['kserve', '--namespace', 'user', '--from-env'], 'kserve',
      'unknown option --from-env (did you mean --s3-from-env or --azure-from-env?): see "cdk8s-kubeflow-access kserve --help"'],
    ['a Hugging Face flag without its prefix in trainer', ['trainer', '--namespace', 'user', '--token-stdin'], 'trainer',
      'unknown option --token-stdin (did you mean --hf-token-stdin?): see "cdk8s-kubeflow-access trainer --help"'],
    ['a docker password in argv for notebook without the prefix, which names the prefixed readers', ['notebook', '--namespace', 'user', '--password', 'hunter2'], 'notebook',
      '--password is refused: a secret on the command line ends up in the shell history, the process list and CI logs; use --docker-password-stdin or --docker-password-file'],
    ['a Hugging Face token in argv for trainer without the prefix', ['trainer', '--namespace', 'user', '--token=hunter2'], 'trainer',
      '--token is refused: a secret on the command line ends up in the shell history, the process list and CI logs; use --hf-token-stdin or --hf-token-file'],
    // A flag name that is no prefixed flag's ending is named with nothing: a word (`--name` ends some twenty flags) is no suffix.
    ['a flag that ends other flags only after two words, named with nothing', ['notebook', '--namespace', 'user', '--name', 'x'], 'notebook',
      '--name is a flag of other commands, not of notebook: see "cdk8s-kubeflow-access notebook --help"'],
  ])('%s', async (_name, args, command, message) => {
    const result = await cli(args, { stdin: 'hunter2\n' });
    expect(expectErrors(result, 2, `cdk8s-kubeflow-access ${command}`)).toEqual([message]);
  });

  test.concurrent.each<[string[], string]>([
    // A typo of a command names the command, as a typo of a flag names the flag.
    [['dokcer'], 'unknown command "dokcer" (did you mean docker?): the commands are docker, aws-credentials, aws-env, minio, gcs, azure, pipelines, aws-web-identity, azure-workload-identity, gcp-workload-identity, notebook, kserve, pipelines-store, trainer, check; see "cdk8s-kubeflow-access --help"'],
    [['notebooks', '--namespace', 'user'], 'unknown command "notebooks" (did you mean notebook?): the commands are docker, aws-credentials, aws-env, minio, gcs, azure, pipelines, aws-web-identity, azure-workload-identity, gcp-workload-identity, notebook, kserve, pipelines-store, trainer, check; see "cdk8s-kubeflow-access --help"'],
    // A command's first word names the commands it starts (`aws`, not `gcs` two letters off).
    [['aws', '--namespace', 'user'], 'unknown command "aws" (did you mean aws-credentials, aws-env or aws-web-identity?): the commands are docker, aws-credentials, aws-env, minio, gcs, azure, pipelines, aws-web-identity, azure-workload-identity, gcp-workload-identity, notebook, kserve, pipelines-store, trainer, check; see "cdk8s-kubeflow-access --help"'],
    // In capitals, not shown (a word other than a command's may be a password), but named.
    [['Docker'], 'unknown command (did you mean docker?): the commands are docker, aws-credentials, aws-env, minio, gcs, azure, pipelines, aws-web-identity, azure-workload-identity, gcp-workload-identity, notebook, kserve, pipelines-store, trainer, check; see "cdk8s-kubeflow-access --help"'],
    // A lower-case word that is no typo of a command may be a password pasted in the wrong place.
    [['hunter2'], 'unknown command: the commands are docker, aws-credentials, aws-env, minio, gcs, azure, pipelines, aws-web-identity, azure-workload-identity, gcp-workload-identity, notebook, kserve, pipelines-store, trainer, check; see "cdk8s-kubeflow-access --help"'],
    [['hunter2!'], 'unknown command: the commands are docker, aws-credentials, aws-env, minio, gcs, azure, pipelines, aws-web-identity, azure-workload-identity, gcp-workload-identity, notebook, kserve, pipelines-store, trainer, check; see "cdk8s-kubeflow-access --help"'],
    // A command's flag before the command: in the wrong place, not unknown.
    [['--namespace=user', 'docker'], '--namespace goes after the command (cdk8s-kubeflow-access COMMAND --namespace ...): the commands are docker, aws-credentials, aws-env, minio, gcs, azure, pipelines, aws-web-identity, azure-workload-identity, gcp-workload-identity, notebook, kserve, pipelines-store, trainer, check; see "cdk8s-kubeflow-access --help"'],
    // A flag pasted from a web page, with an em dash for "--".
    [['\u2014help'], 'unknown option \u2014help (written with an em dash (U+2014) where a flag has "--", as web pages and word processors print it; did you mean --help?): the commands are docker, aws-credentials, aws-env, minio, gcs, azure, pipelines, aws-web-identity, azure-workload-identity, gcp-workload-identity, notebook, kserve, pipelines-store, trainer, check; see "cdk8s-kubeflow-access --help"'],
    // A secret glued to a letter or to a refused flag's name, before any command: never echoed.
    [['-pfakepasswordonly', 'docker'], 'unknown option (not shown, as it may be a secret; short options other than -h do not exist): the commands are docker, aws-credentials, aws-env, minio, gcs, azure, pipelines, aws-web-identity, azure-workload-identity, gcp-workload-identity, notebook, kserve, pipelines-store, trainer, check; see "cdk8s-kubeflow-access --help"'],
    [['--passwordfakepasswordonly', 'docker'], 'unknown option (not shown, as it may be a secret): the commands are docker, aws-credentials, aws-env, minio, gcs, azure, pipelines, aws-web-identity, azure-workload-identity, gcp-workload-identity, notebook, kserve, pipelines-store, trainer, check; see "cdk8s-kubeflow-access --help"'],
    [['--verbose'], 'unknown option --verbose: the commands are docker, aws-credentials, aws-env, minio, gcs, azure, pipelines, aws-web-identity, azure-workload-identity, gcp-workload-identity, notebook, kserve, pipelines-store, trainer, check; see "cdk8s-kubeflow-access --help"'],
  ])('%j', async (args, message) => {
    expect(expectErrors(await cli(args), 2, 'cdk8s-kubeflow-access')).toEqual([message]);
  });
});

describe('invalid input exits 1 with one line per problem and no secret', () => {
  const credsStore = path.join(secrets, 'desktop-config.json');
  writeFileSync(credsStore, '{"auths":{"https://index.docker.io/v1/":{}},"credsStore":"desktop"}');
  const emptyPassword = secretFile('empty', '');

  test.concurrent.each<[string, string[], string | undefined, string, RegExp]>([
    ['a missing file', ['docker', '--namespace', 'user', '--from-file', '/nonexistent/config.json'], undefined, 'docker',
      /^--from-file: the path does not exist: give the path of a readable file, or "-" and the content on stdin; the path is not shown/],
    ['a config.json that keeps its credentials in a helper', ['docker', '--namespace', 'user', '--from-file', credsStore], undefined, 'docker',
      /^--from-file: .*credential helper \("credsStore"\), which grants nothing inside a pod/],
    ['a password with a line break inside, blamed on the flag that read it', ['docker', '--namespace', 'user', '--username', 'u', '--password-stdin'], 'hunter2\nhunter2\n', 'docker',
      /^--password-stdin: .*password contains a line break/],
    ['a user name with ":", blamed on --username', ['docker', '--namespace', 'user', '--username', 'u:v', '--password-stdin'], 'hunter2\n', 'docker',
      /^--username: .*username contains ":"/],
    ['an empty password file', ['docker', '--namespace', 'user', '--username', 'u', '--password-file', emptyPassword], undefined, 'docker',
      /^--password-file: the password is empty: give the path of the file that holds it$/],
    ['an empty line for the secret key on stdin', ['minio', '--namespace', 'user', '--access-key', 'fake-access-0000', '--secret-key-stdin'], '\n', 'minio',
      /^--secret-key-stdin: the secret key is empty: check the command that pipes it in$/],
    ['immutable with a store read every hour', ['docker', '--namespace', 'user', '--secret-store', 'team', '--remote-config', 'registry-config', '--immutable'], undefined, 'docker',
      /^--immutable: External Secrets Operator never rewrites an immutable Secret, so the source's --refresh-interval "1h" would never reach it: set --refresh-interval to "0s" on the source, to read the store once, or leave --immutable out$/],
    ['a Secret prop with Azure workload identity', ['azure', '--namespace', 'user', '--account-name', 'fakeaccount0000', '--workload-identity', '--secret-name', 's'], undefined, 'azure',
      /^--secret-name: does not apply: the account-only configuration .* needs no Secret/],
    ['a Secret prop with the default MinIO Secret', ['minio', '--namespace', 'user', '--hash-secret-name'], undefined, 'minio',
      /^--hash-secret-name: only applies to a synthesised Secret, but the source is an existing Secret/],
    ['an invalid namespace, the fix naming the flag', ['minio', '--namespace', 'User'], undefined, 'minio', /^--namespace: has an upper-case letter at character 1; a namespace is a DNS-1123 label .*: set --namespace to the profile's namespace$/],
    ['an invalid endpoint', ['minio', '--namespace', 'user', '--endpoint', 'minio:9000'], undefined, 'minio', /^--endpoint: /],
    // The fix names this command's flags, not the library's S3Configuration.fromValues, which a kubectl user never sees.
    ['a missing environment variable', ['aws-env', '--namespace', 'user', '--from-env'], undefined, 'aws-env',
      /^--from-env: AWS_ACCESS_KEY_ID is not set: export it, or use --access-key-id with --secret-access-key-stdin$/],
    ['a missing environment variable, with prefixed flags', ['kserve', '--namespace', 'user', '--s3-from-env'], undefined, 'kserve',
      /^--s3-from-env: AWS_ACCESS_KEY_ID is not set: export it, or use --s3-access-key-id with --s3-secret-access-key-stdin$/],
    // The app's check names the object by kind and name: the construct path (cli/docker-config) is the CLI's own.
    ['a PodDefault the spawner owns the mount path of', ['docker', '--namespace', 'user', '--existing-secret', 's', '--mount-path', '/dev/shm'], undefined, 'docker',
      /^poddefault docker-config in namespace user mounts at \/dev\/shm, which every notebook pod already has, so the webhook refuses every notebook that selects it; choose another mount path$/],
    ['a PodDefault mounted over the workspace', ['docker', '--namespace', 'user', '--existing-secret', 's', '--mount-path', '/home/jovyan'], undefined, 'docker',
      /^poddefault docker-config in namespace user mounts at \/home\/jovyan, where the notebook spawner mounts every notebook's workspace volume by default/],
    ['a GCS key that is not a key, on stdin', ['gcs', '--namespace', 'user', '--key-file', '-'], '{"type":"authorized_user"}', 'gcs',
      /^--key-file: the key has no "type": "service_account"/],
    ['a token lifetime under Kubernetes\' minimum', ['pipelines', '--namespace', 'user', '--expiration-seconds', '60'], undefined, 'pipelines',
      /^--expiration-seconds: 60 is not a whole number of seconds from 600/],
    ['an Azure account name that is none', ['azure', '--namespace', 'user', '--account-name', 'Bad_Name', '--account-key-stdin'], FAKE_AZURE_KEY, 'azure',
      /^--account-name: is not a storage account name /],
    // GIVEN a valid existing Secret name and a key no Secret can hold, WHEN the library refuses the key, THEN the line
    // blames the flag that gave the key, not --existing-secret (which was right), and names which of MinIO's two keys.
    ['an existing Secret\'s key with a space, blamed on --key', ['docker', '--namespace', 'user', '--existing-secret', 'team-registry', '--key', 'config json'], undefined, 'docker',
      /^--key: the key of the existing Secret has a space at character 7; a Secret key is letters, digits, "-", "_" and "\.", at most 253 characters, neither "\." alone nor starting with "\.\.": give the key the Secret holds$/],
    ['an existing Secret\'s key starting "..", blamed on --existing-key', ['gcs', '--namespace', 'user', '--existing-secret', 'user-gcp-sa', '--existing-key', '..key.json'], undefined, 'gcs',
      /^--existing-key: the key of the existing Secret starts with "\.\."; /],
    ['MinIO\'s secret key key, blamed on --secret-key-key', ['minio', '--namespace', 'user', '--existing-secret', 'team-minio', '--secret-key-key', 'secret key'], undefined, 'minio',
      /^--secret-key-key: the key of the existing Secret has a space at character 7; /],
    ['MinIO\'s access key key in notebook, blamed on --minio-access-key-key', ['notebook', '--namespace', 'user', '--docker-existing-secret', 'regcred', '--minio-existing-secret', 'team-minio', '--minio-access-key-key', 'access key'], undefined, 'notebook',
      /^--minio-access-key-key: the key of the existing Secret has a space at character 7; /],
    // `--from-file "$CONFIG"` with CONFIG unset: an empty path hides nothing, and "the path does not exist ... is not shown" hid the cause.
    ['an empty path, as an unset shell variable gives', ['docker', '--namespace', 'user', '--from-file', ''], undefined, 'docker',
      /^--from-file: the path is empty, as a shell variable that is not set gives: give the path of a readable file, or "-" and the content on stdin$/],
    ['an empty path for a secret', ['docker', '--namespace', 'user', '--username', 'u', '--password-file='], undefined, 'docker',
      /^--password-file: the path is empty, as a shell variable that is not set gives: give the path of a readable file, or "-" and the content on stdin$/],
  ])('%s', async (_name, args, stdin, command, message) => {
    const lines = expectErrors(await cli(args, { stdin }), 1, `cdk8s-kubeflow-access ${command}`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});

describe('secret readers read at most 1 MiB of UTF-8, from a file or ("-") stdin', () => {
  /** Each secret flag pair, with the flags that make the command otherwise complete. */
  const READERS: [string, string, string[]][] = [
    ['docker', 'password', ['--namespace', 'user', '--username', 'u']],
    ['aws-credentials', 'secret-access-key', ['--namespace', 'user', '--access-key-id', ACCESS_KEY_ID]],
    ['aws-env', 'session-token', ['--namespace', 'user', '--access-key-id', ACCESS_KEY_ID, '--secret-access-key-file', secretKeyFile]],
    ['minio', 'secret-key', ['--namespace', 'user', '--access-key', 'fake-minio-access-0000']],
    ['notebook', 'docker-password', ['--namespace', 'user', '--docker-username', 'u']],
  ];
  const latin1 = Buffer.from('p\xe4ssword\n', 'latin1');
  const latin1File = path.join(secrets, 'latin1');
  writeFileSync(latin1File, latin1);
  const prefix = (command: string) => `cdk8s-kubeflow-access ${command}`;

  test.concurrent.each(READERS)('%s --%s-stdin refuses bytes that are not UTF-8', async (command, base, args) => {
    // GIVEN a password saved as Latin-1 WHEN it is piped in
    const result = await cli([command, ...args, `--${base}-stdin`], { stdin: latin1 });
    // THEN it is refused, not stored as p\uFFFDssword
    expect(expectErrors(result, 1, prefix(command))).toEqual([`--${base}-stdin: stdin is not UTF-8 text: save it as UTF-8`]);
  });

  test.concurrent.each(READERS)('%s --%s-file refuses bytes that are not UTF-8', async (command, base, args) => {
    const result = await cli([command, ...args, `--${base}-file`, latin1File]);
    expect(expectErrors(result, 1, prefix(command))).toEqual([`--${base}-file: the file is not UTF-8 text: save it as UTF-8`]);
  });

  test.concurrent.each(READERS)('%s --%s-file /dev/zero ends in one line', async (command, base, args) => {
    const result = await cli([command, ...args, `--${base}-file`, '/dev/zero']);
    expect(expectErrors(result, 1, prefix(command))).toEqual([
      `--${base}-file: the file is larger than 1 MiB, more than a Kubernetes Secret holds: check what it names`]);
  });

  test.concurrent.each(READERS)('%s --%s-stdin reads at most 1 MiB + 1 byte', async (command, base, args) => {
    const result = await cli([command, ...args, `--${base}-stdin`], { stdin: Buffer.alloc(3 * 1024 * 1024, 'a') });
    expect(expectErrors(result, 1, prefix(command))).toEqual([
      `--${base}-stdin: stdin is larger than 1 MiB, more than a Kubernetes Secret holds: check what it names`]);
  });

  // docker/cli cli/command/registry/login.go (verifyLoginOptions) trims a "\n", then a "\r": LF, CR LF and
  // a lone CR each end the line; only one line break goes.
  test.concurrent.each([['LF', '\n'], ['CR LF', '\r\n'], ['CR', '\r']])('one trailing %s is removed, as docker login --password-stdin removes it', async (_name, end) => {
    const result = await cli(['docker', '--namespace', 'user', '--username', 'fake-user', '--password-stdin'], { stdin: `${FAKE_PASSWORD}${end}` });
    expectOutput(result, golden('docker-defaults'));
  });

  test.concurrent('a second line break stays, and is refused', async () => {
    const result = await cli(['docker', '--namespace', 'user', '--username', 'fake-user', '--password-stdin'], { stdin: `${FAKE_PASSWORD}\n\n` });
    expect(expectErrors(result, 1, prefix('docker'))).toEqual([
      '--password-stdin: login: password contains a line break (often from "echo" without -n or a file\'s last newline): remove it']);
  });

  test.concurrent.each(READERS)('%s --%s-file: a byte-order mark is named, not called whitespace', async (command, base, args) => {
    // GIVEN a secret saved by an editor that writes a BOM
    const file = path.join(secrets, `bom-${command}-${base}`);
    writeFileSync(file, `\ufeff${FAKE_SECRET}\r\n`);
    // WHEN it is read THEN the message says what is wrong with the file
    const what = base.replace(/^(docker)-/, '').replace(/-/g, ' ');
    expect(expectErrors(await cli([command, ...args, `--${base}-file`, file]), 1, prefix(command))).toEqual([
      `--${base}-file: the ${what} starts with a byte-order mark, which some editors write and which is no part of it: save it as UTF-8 without a BOM`]);
  });

  test.concurrent.each<[string, string[]]>([
    ['docker --from-file', ['docker', '--namespace', 'user', '--from-file']],
    ['aws-credentials --from-file', ['aws-credentials', '--namespace', 'user', '--from-file']],
    ['aws-env --from-file', ['aws-env', '--namespace', 'user', '--from-file']],
    ['gcs --key-file', ['gcs', '--namespace', 'user', '--key-file']],
    ['notebook --docker-from-file', ['notebook', '--namespace', 'user', '--docker-from-file']],
  ])('%s: an empty stdin or file is called empty, not invalid content', async (_name, args) => {
    // GIVEN a command before the pipe that printed nothing, or an empty file
    const flag = args[args.length - 1];
    const emptyFile = path.join(secrets, `empty-${args[0]}`);
    writeFileSync(emptyFile, '\n');
    // WHEN either is read THEN the line says it is empty
    expect(expectErrors(await cli([...args, '-'], { stdin: '' }), 1, prefix(args[0]))).toEqual([
      `${flag}: stdin is empty: check the command that pipes the content in`]);
    expect(expectErrors(await cli([...args, emptyFile]), 1, prefix(args[0]))).toEqual([
      `${flag}: the file is empty: give the path of the file that holds the content`]);
  });

  test.concurrent('exactly 1 MiB is read whole: the limit refuses only what no Secret holds', async () => {
    const result = await cli(['docker', '--namespace', 'user', '--username', 'u', '--password-stdin'], { stdin: Buffer.alloc(1024 * 1024, 'a') });
    expect(result.stderr).not.toContain('larger than 1 MiB');
  });

  test.concurrent.each<[string, string[], string]>([
    ['docker --password-file -', ['docker', '--namespace', 'user', '--username', 'fake-user', '--password-file', '-'], 'docker-defaults'],
    ['aws-credentials --secret-access-key-file -',
      ['aws-credentials', '--namespace', 'user', '--access-key-id', ACCESS_KEY_ID, '--secret-access-key-file', '-'], 'aws-file-defaults'],
    ['minio --secret-key-file -', ['minio', '--namespace', 'user', '--access-key', 'fake-minio-access-0000', '--secret-key-file', '-'], 'minio-keys'],
  ])('%s reads stdin', async (_name, args, goldenName) => {
    const stdin = goldenName === 'docker-defaults' ? FAKE_PASSWORD : goldenName === 'minio-keys' ? FAKE_MINIO_SECRET : FAKE_SECRET;
    expectOutput(await cli(args, { stdin: `${stdin}\n` }), golden(goldenName));
  });

  test.concurrent('docker --from-file - reads config.json from stdin', async () => {
    const config = readFileSync(fixture('docker-config.json'), 'utf8');
    const result = await cli(['docker', '--namespace', 'user', '--from-file', '-', '--secret-name', 'docker-secret', '--volume-name', 'docker-secret-volume', '--mount-path', '/home/kubeflow/.docker/'],
      { stdin: config });
    expectOutput(result, golden('docker-tutorial'));
  });

  test.concurrent('two file flags of "-" both read stdin: a usage error', async () => {
    const result = await cli(['aws-env', '--namespace', 'user', '--access-key-id', 'x', '--secret-access-key-file', '-', '--session-token-stdin']);
    expect(expectErrors(result, 2, prefix('aws-env'))).toEqual([
      '--secret-access-key-file - and --session-token-stdin all read stdin, which can be read once: give the others a file instead']);
  });

  test.concurrent('aws-credentials --from-file - reads the credentials file from stdin, stored as fromFile stores it', async () => {
    const text = readFileSync(fixture('aws-credentials'), 'utf8');
    const result = await cli(['aws-credentials', '--namespace', 'user', '--from-file', '-', '--volume-name', 'aws-secret-volume', '--mount-path', '/home/kubeflow/.aws/'], { stdin: text });
    expectOutput(result, golden('aws-file-tutorial'));
  });

  test.concurrent('a byte-order mark on stdin is dropped, as fromFile drops it', async () => {
    const text = `\ufeff${readFileSync(fixture('aws-credentials'), 'utf8')}`;
    const result = await cli(['aws-credentials', '--namespace', 'user', '--from-file', '-', '--volume-name', 'aws-secret-volume', '--mount-path', '/home/kubeflow/.aws/'], { stdin: text });
    expectOutput(result, golden('aws-file-tutorial'));
  });

  test.concurrent('aws-env --from-file - and notebook --aws-from-file - read a profile from stdin, as from the file', async () => {
    const text = readFileSync(fixture('aws-credentials-profiles'), 'utf8');
    for (const args of [
      ['aws-env', '--namespace', 'user', '--profile', 'staging'],
      ['notebook', '--namespace', 'user', '--docker-existing-secret', 'regcred', '--storage', 'aws-env', '--aws-profile', 'staging'],
      ['notebook', '--namespace', 'user', '--docker-existing-secret', 'regcred', '--storage', 'aws-file'],
    ]) {
      const flag = args[0] === 'notebook' ? '--aws-from-file' : '--from-file';
      const fromFile = await cli([...args, flag, fixture('aws-credentials-profiles')]);
      expect(fromFile.code).toBe(0);
      expectOutput(await cli([...args, flag, '-'], { stdin: text }), fromFile.stdout);
    }
  });

  test.concurrent('a broken credentials file on stdin names stdin and the line, never the content', async () => {
    const result = await cli(['aws-credentials', '--namespace', 'user', '--from-file', '-'], { stdin: `[default]\naws_access_key_id = ${ACCESS_KEY_ID}\n  ${FAKE_SECRET}\n` });
    expect(expectErrors(result, 1, prefix('aws-credentials'))).toEqual([
      '--from-file: stdin line 3 is indented, which AWS tools read as the continuation of the previous line\'s value: remove the indentation']);
  });

  test.concurrent('--from-file - with a secret from stdin: both read stdin, a usage error', async () => {
    const result = await cli(['aws-env', '--namespace', 'user', '--from-file', '-', '--existing-secret', 'x']);
    expect(result.code).toBe(2);
    const both = await cli(['notebook', '--namespace', 'user', '--docker-username', 'u', '--docker-password-stdin', '--storage', 'aws-file', '--aws-from-file', '-']);
    expect(expectErrors(both, 2, prefix('notebook'))).toEqual([
      '--docker-password-stdin and --aws-from-file - all read stdin, which can be read once: give the others a file instead']);
  });

  test.concurrent.each<[string, string[], string, string]>([
    ['docker', ['--namespace', 'user', '--username', 'u', '--password-stdin'], ' hunter2\n',
      '--password-stdin: login: password has leading or trailing whitespace: remove it'],
    ['aws-credentials', ['--namespace', 'user', '--access-key-id', ACCESS_KEY_ID, '--secret-access-key-stdin'], 'fake secret\n',
      '--secret-access-key-stdin: profile "default": --secret-access-key-stdin contains whitespace, which no key or token does: check what was pasted'],
    ['aws-env', ['--namespace', 'user', '--access-key-id', ACCESS_KEY_ID, '--secret-access-key-file', secretKeyFile, '--session-token-stdin'], 'a\tb',
      '--session-token-stdin: contains whitespace, which no key or token does: check what was pasted'],
    ['minio', ['--namespace', 'user', '--access-key', 'fake-minio-access-0000', '--secret-key-stdin'], 'fake secret',
      '--secret-key-stdin: contains whitespace, which no key or token does: check what was pasted'],
    ['notebook', ['--namespace', 'user', '--docker-username', 'u', '--docker-password-stdin'], ' hunter2',
      '--docker-password-stdin: login: password has leading or trailing whitespace: remove it'],
  ])('%s: a bad secret is blamed on the flag that read it', async (command, args, stdin, message) => {
    expect(expectErrors(await cli([command, ...args], { stdin }), 1, prefix(command))).toEqual([message]);
  });

  test.concurrent.each<[string, string[], string | undefined, string]>([
    // A value no harmless stand-in fixes: the old CLI, which re-resolved with one, blamed --account-name.
    ['an Azure account key that is not one', ['azure', '--namespace', 'user', '--account-name', 'fakeaccount0000', '--account-key-stdin'], 'hunter2',
      '--account-key-stdin: is not the base64 of a 64-byte key, as the Azure portal shows "key1" and "key2": copy the whole key'],
    ['an Azure account name beside a connection string of another account, the fix in flags',
      ['azure', '--namespace', 'user', '--account-name', 'otheraccount', '--connection-string-stdin'], FAKE_AZURE_CONNECTION,
      '--account-name: differs from the AccountName of --connection-string-stdin: leave --account-name out, or make the two the same'],
    ['an Azure SAS token without a signature, from a file', ['azure', '--namespace', 'user', '--account-name', 'fakeaccount0000', '--sas-token-file', '-'], 'sv=2022-11-02',
      '--sas-token-file: '],
    ['a MinIO access key with whitespace', ['minio', '--namespace', 'user', '--access-key', 'a b', '--secret-key-stdin'], 'fake secret',
      '--access-key: contains whitespace, which no key or token does: check what was pasted'],
    ['a profile name', ['aws-credentials', '--namespace', 'user', '--access-key-id', ACCESS_KEY_ID, '--secret-access-key-stdin', '--profile', 'a b'], FAKE_SECRET,
      '--profile: profile has a space at character 2; a profile name is letters, digits, "-", "_", ".", "@" and "+": rename it'],
    ['a refresh interval that is no Go duration', ['minio', '--namespace', 'user', '--secret-store', 's', '--remote-access-key', 'a', '--remote-secret-key', 'b', '--refresh-interval', '1 hour'], undefined,
      '--refresh-interval: is not a Go duration: give one such as "1h", "15m" or "1h30m", or "0s" to read the store once'],
    ['a remote password with a space around its key', ['docker', '--namespace', 'user', '--secret-store', 's', '--remote-username', 'u', '--remote-password', ' p'], undefined,
      '--remote-password: password.key starts with a space; a store\'s key is text without surrounding whitespace or control characters: give it as the store shows it'],
    ['a registry with surrounding whitespace, from the store', ['docker', '--namespace', 'user', '--secret-store', 's', '--server', ' ghcr.io', '--remote-username', 'u', '--remote-password', 'p'], undefined,
      '--server: server is empty or has surrounding whitespace: give the registry host, such as "ghcr.io"'],
    // The registry with user information is neither echoed nor taken: a credential would sit outside --password.
    ['a registry with user information', ['docker', '--namespace', 'user', '--server', 'https://fake-user:fake-pass-0000@ghcr.io', '--username', 'u', '--password-stdin'], FAKE_SECRET,
      '--server: login: server holds "@", as user information (user:password@) before a host does, which a registry address never has: give the registry host alone, such as "ghcr.io", and the credentials as username and password'],
    ['Docker Hub by a name Docker does not look up for it', ['docker', '--namespace', 'user', '--server', 'docker.io', '--username', 'u', '--password-stdin'], FAKE_SECRET,
      '--server: login: server names Docker Hub otherwise than "https://index.docker.io/v1/", the one key Docker and go-containerregistry tools (kaniko, crane) look up for a Docker Hub image'],
    ['the profile name DEFAULT', ['aws-credentials', '--namespace', 'user', '--access-key-id', ACCESS_KEY_ID, '--secret-access-key-stdin', '--profile', 'DEFAULT'], FAKE_SECRET,
      '--profile: profile is "DEFAULT", which AWS tools read as the section whose keys every profile inherits, not as a profile: name it otherwise, such as "default"'],
  ])('%s is blamed on its flag, from the error\'s data', async (_name, args, stdin, message) => {
    const lines = expectErrors(await cli(args, { stdin }), 1, prefix(args[0]));
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(message)).toBe(true);
  });

  test.concurrent('a bad access key id is still blamed on --access-key-id', async () => {
    const result = await cli(['aws-env', '--namespace', 'user', '--access-key-id', 'AKIA FAKE', '--secret-access-key-stdin'], { stdin: FAKE_SECRET });
    expect(expectErrors(result, 1, prefix('aws-env'))).toEqual([
      '--access-key-id: contains whitespace, which no key or token does: check what was pasted']);
  });
});

describe('the real binary', () => {
  const bin = () => path.join(cliDir, 'bin', 'cdk8s-kubeflow-access');
  /** Runs `script` in bash with $BIN set to the binary; returns its stdout, stderr and status. */
  function shell(script: string) {
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { env: { PATH: process.env.PATH ?? '', BIN: bin(), NODE: process.execPath }, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  test.concurrent('prints the golden YAML for a login read from stdin, and exits 0', async () => {
    expectOutput(await binary(['docker', '--namespace', 'user', '--username', 'fake-user', '--password-stdin'], { stdin: `${FAKE_PASSWORD}\n` }),
      golden('docker-defaults'));
  });

  test.concurrent('a usage error exits 2 with one line', async () => {
    expect(expectErrors(await binary(['docker', '--namespace', 'user', '--password=hunter2']), 2, 'cdk8s-kubeflow-access docker')).toHaveLength(1);
  });

  test.concurrent('non-UTF-8 stdin exits 1 with one line', async () => {
    const result = await binary(['docker', '--namespace', 'user', '--username', 'u', '--password-stdin'], { stdin: Buffer.from('p\xe4ssword', 'latin1') });
    expect(expectErrors(result, 1, 'cdk8s-kubeflow-access docker')).toEqual(['--password-stdin: stdin is not UTF-8 text: save it as UTF-8']);
  });

  // Node gives each byte of argv or the environment that is not UTF-8 as U+FFFD: written into a Secret, it is another
  // credential than the one typed, so it is refused as non-UTF-8 stdin is, naming the flag or variable, never the value.
  const NOT_UTF8 = 'is not UTF-8 text: each byte that is not UTF-8 reaches the command as U+FFFD, so it would use another value than the one given: '
    + 'pass it in UTF-8, as a terminal set to a UTF-8 locale does';
  test.each([
    ['a Latin-1 user name', 'LANG=C "$NODE" "$BIN" docker --namespace user --username $\'j\\xf6rg\' --password-stdin <<< fake-password-0000', 'docker', `--username ${NOT_UTF8}`],
    ['a Latin-1 description, inline', 'LANG=C "$NODE" "$BIN" minio --namespace user --description=$\'caf\\xe9\'', 'minio', `--description ${NOT_UTF8}`],
    ['a Latin-1 file name for check', 'LANG=C "$NODE" "$BIN" check $\'caf\\xe9.yaml\'', 'check', `the argument at position 1 ${NOT_UTF8}`],
    ['a Latin-1 secret access key in the environment', 'AWS_ACCESS_KEY_ID=AKIAFAKEFAKEFAKE0000 AWS_SECRET_ACCESS_KEY=$\'fake-s\\xe9cret\' AWS_REGION=eu-west-1 "$NODE" "$BIN" aws-env --namespace user --from-env',
      'aws-env', `the environment variable AWS_SECRET_ACCESS_KEY ${NOT_UTF8}`],
    ['a Latin-1 Hugging Face token in the environment', 'HF_TOKEN=$\'hf_fake\\xe9\' "$NODE" "$BIN" trainer --namespace user --aws-role-arn arn:aws:iam::123456789012:role/x --hf-from-env',
      'trainer', `the environment variable HF_TOKEN ${NOT_UTF8}`],
  ])('%s is one line and exit 1, not U+FFFD in the output', (_name, script, command, message) => {
    // GIVEN bytes that are not UTF-8 where a value goes; WHEN the binary runs; THEN no YAML, one line naming where, exit 1
    const result = shell(script);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`cdk8s-kubeflow-access ${command}: ${message}\n`);
    expect(result.code).toBe(1);
  });

  test('a reader that closes the pipe (| true) ends the run quietly', () => {
    const result = shell('"$NODE" "$BIN" minio --namespace user | true; echo "status ${PIPESTATUS[0]}"');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('status 1\n');
  });

  test.each([
    ['docker', '--from-file', '--from-file -'], ['docker', '--password-stdin', '--username u --password-stdin'], ['gcs', '--key-file', '--key-file -'],
  ])('%s %s: stdin from a directory (< /) is one line and exit 1, not an internal error', (command, flag, args) => {
    const result = shell(`"$NODE" "$BIN" ${command} --namespace user ${args} < /`);
    expect(result.stderr).toBe(`cdk8s-kubeflow-access ${command}: ${flag}: stdin is a directory, not a file\n`);
    expect(result.code).toBe(1);
  });

  test('in a clone whose lib/ is not compiled yet, the binary says what to run, without a stack trace', () => {
    // GIVEN the binary without the compiled lib/ beside it (a fresh clone after `npm ci && npm test`)
    const clone = mkdtempSync(path.join(secrets, 'clone-'));
    mkdirSync(path.join(clone, 'bin'));
    copyFileSync(path.join(__dirname, '..', '..', 'bin', 'cdk8s-kubeflow-access'), path.join(clone, 'bin', 'cdk8s-kubeflow-access'));
    // WHEN it runs
    const result = spawnSync(process.execPath, [path.join(clone, 'bin', 'cdk8s-kubeflow-access'), '--help'], { encoding: 'utf8' });
    // THEN one line and exit code 1
    expect(result.stderr).toBe('cdk8s-kubeflow-access: lib/ is not compiled: run "npm run build" in this clone first\n');
    expect(result.status).toBe(1);
  });

  test('a full disk (> /dev/full) is one line and exit 1', () => {
    const result = shell('"$NODE" "$BIN" minio --namespace user > /dev/full');
    expect(result.stderr).toBe('cdk8s-kubeflow-access: cannot write the output: no space left on device (ENOSPC)\n');
    expect(result.code).toBe(1);
  });
});
