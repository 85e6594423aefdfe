// The commands of the consumers besides notebooks (kserve, pipelines-store, trainer), and
// --workspace-mountable of the access commands, run in-process: each prints exactly what the library
// synthesises for the same input, compared byte for byte with the library's own golden files.
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { runMain } from './cli-io';
import { COMMANDS } from '../../lib/cli/main';
import { fixture, GOLDEN_DIR } from '../support';

const ACCESS_KEY_ID = 'AKIAFAKEFAKEFAKE0000';
const FAKE_SECRET = 'fake-secret-key-0000';
const FAKE_PASSWORD = 'fake-password-0000';
const FAKE_TOKEN = 'hf_fakeTokenForTestsOnly0000000000';
const SECRETS = [FAKE_SECRET, FAKE_PASSWORD, FAKE_TOKEN, 'fake-session-token-0000'];

const dir = mkdtempSync(path.join(tmpdir(), 'consumers-cli-'));
const secretKeyFile = path.join(dir, 'secret-access-key');
writeFileSync(secretKeyFile, `${FAKE_SECRET}\n`);
const golden = (name: string) => readFileSync(path.join(GOLDEN_DIR, `${name}.yaml`), 'utf8');

const MINIO_FLAGS = ['--s3-access-key-id', ACCESS_KEY_ID, '--s3-secret-access-key-file', secretKeyFile,
  '--s3-endpoint', 'http://minio-service.kubeflow:9000', '--s3-region', 'us-east-1', '--s3-force-path-style', 'true'];
const STORED_S3_FLAGS = ['--s3-remote-access-key-id', 'kubeflow/s3#access_key_id', '--s3-remote-secret-access-key', 'kubeflow/s3#secret_access_key'];

describe('consumer commands print what the library synthesises', () => {
  test.each<[string, string[], string | undefined, string]>([
    ['kserve: MinIO keys from a file, a registry login on stdin',
      ['kserve', '--namespace', 'user', ...MINIO_FLAGS, '--registry-server', 'ghcr.io', '--registry-username', 'fake-user', '--registry-password-stdin'],
      `${FAKE_PASSWORD}\n`, 'consumer-kserve-minio'],
    ['kserve: an IAM role', ['kserve', '--namespace', 'user', '--aws-role-arn', 'arn:aws:iam::123456789012:role/kserve-models', '--s3-verify-ssl', 'true'],
      undefined, 'consumer-kserve-irsa'],
    ['kserve: existing Secrets',
      ['kserve', '--namespace', 'user', '--s3-existing-secret', 'team-s3', '--gcs-existing-secret', 'team-gcs', '--gcs-existing-key', 'gcloud-application-credentials.json',
        '--registry-existing-secret', 'team-registry'],
      undefined, 'consumer-kserve-existing'],
    ['kserve: every source from one secret store',
      ['kserve', '--namespace', 'user', '--cluster-secret-store', 'vault', ...STORED_S3_FLAGS,
        '--s3-endpoint', 'https://s3.example.com', '--s3-region', 'eu-west-1', '--s3-force-path-style', 'false', '--s3-verify-ssl', 'false',
        '--gcs-remote-key', 'kubeflow/gcs-key', '--azure-account-name', 'fakeaccount0000', '--azure-remote-account-key', 'kubeflow/azure#key',
        '--registry-server', 'ghcr.io', '--registry-remote-username', 'kubeflow/ghcr#username', '--registry-remote-password', 'kubeflow/ghcr#token'],
      undefined, 'consumer-kserve-eso'],
    ['pipelines-store: MinIO', ['pipelines-store', '--namespace', 'user', '--pipeline-root', 'minio://mlpipeline/v2/artifacts', ...MINIO_FLAGS],
      undefined, 'consumer-pipelines-minio'],
    ['pipelines-store: S3 keys in a secret store',
      ['pipelines-store', '--namespace', 'user', '--pipeline-root', 's3://team-a-artifacts/v2', '--cluster-secret-store', 'vault', ...STORED_S3_FLAGS, '--s3-region', 'eu-west-1'],
      undefined, 'consumer-pipelines-s3-eso'],
    ['pipelines-store: a GCS key file', ['pipelines-store', '--namespace', 'user', '--pipeline-root', 'gs://team-a-artifacts/v2', '--gcs-key-file', fixture('gcp-service-account-key.json')],
      undefined, 'consumer-pipelines-gcs'],
    ['pipelines-store: an existing GCS Secret', ['pipelines-store', '--namespace', 'user', '--pipeline-root', 'gs://team-a-artifacts/v2', '--gcs-existing-secret', 'user-gcp-sa'],
      undefined, 'consumer-pipelines-gcs-existing'],
    ['trainer: MinIO', ['trainer', '--namespace', 'user', ...MINIO_FLAGS], undefined, 'consumer-trainer-s3'],
    ['trainer: a Hugging Face token on stdin and a role',
      ['trainer', '--namespace', 'user', '--name', 'trainer-credentials', '--hf-token-stdin', '--aws-role-arn', 'arn:aws:iam::123456789012:role/datasets'],
      `${FAKE_TOKEN}\n`, 'consumer-trainer-hf-role'],
    ['trainer: everything from one secret store',
      ['trainer', '--namespace', 'user', '--cluster-secret-store', 'vault', ...STORED_S3_FLAGS, '--s3-endpoint', 'https://s3.example.com', '--s3-region', 'eu-west-1',
        '--hf-remote-token', 'kubeflow/hf#token', '--aws-role-arn', 'arn:aws:iam::123456789012:role/datasets'],
      undefined, 'consumer-trainer-eso'],
  ])('%s', async (_name, args, stdin, expected) => {
    const result = await runMain(args, { stdin });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(golden(expected));
    expect(result.code).toBe(0);
  });

  test('docker --workspace-mountable labels the Secret as the library does', async () => {
    const result = await runMain(['docker', '--namespace', 'user', '--server', 'ghcr.io', '--username', 'fake-user', '--password-stdin', '--workspace-mountable'],
      { stdin: FAKE_PASSWORD });
    expect(result.stdout).toBe(golden('workspace-mountable').split('---\n').slice(0, 2).join('---\n'));
  });

  test('notebook --workspace-mountable labels both Secrets', async () => {
    const result = await runMain(['notebook', '--namespace', 'user', '--docker-username', 'fake-user', '--docker-password-stdin', '--storage', 'gcs',
      '--gcs-key-file', fixture('gcp-service-account-key.json'), '--workspace-mountable'], { stdin: FAKE_PASSWORD });
    expect(result.stderr).toBe('');
    expect(result.stdout.match(/^ {4}notebooks\.kubeflow\.org\/can-mount: "true"$/gm)).toHaveLength(2);
  });

  test('trainer --hf-from-env reads HF_TOKEN from the environment', async () => {
    const result = await runMain(['trainer', '--namespace', 'user', '--name', 'trainer-credentials', '--hf-from-env', '--aws-role-arn', 'arn:aws:iam::123456789012:role/datasets'],
      { env: { HF_TOKEN: FAKE_TOKEN } });
    expect(result.stdout).toBe(golden('consumer-trainer-hf-role'));
  });
});

describe('consumer commands refuse bad input with one line naming the flag, and no secret', () => {
  test.each<[string, string[], string | undefined, number, string]>([
    ['nothing to write', ['kserve', '--namespace', 'user'], undefined, 2,
      'cdk8s-kubeflow-access kserve: nothing to write: give at least one of --s3-..., --gcs-..., --azure-..., --registry-..., --aws-role-arn'],
    ['a verify-ssl that is no boolean', ['kserve', '--namespace', 'user', '--aws-role-arn', 'arn:aws:iam::123456789012:role/x', '--s3-verify-ssl', 'yes'], undefined, 2,
      'cdk8s-kubeflow-access kserve: --s3-verify-ssl must be one of "true", "false"'],
    ['a flag another command has', ['trainer', '--namespace', 'user', '--s3-signature-version', 's3v4'], undefined, 2,
      'cdk8s-kubeflow-access trainer: unknown option --s3-signature-version: see "cdk8s-kubeflow-access trainer --help"'],
    ['two readers of stdin', ['kserve', '--namespace', 'user', '--s3-access-key-id', ACCESS_KEY_ID, '--s3-secret-access-key-stdin', '--registry-username', 'u', '--registry-password-stdin'],
      undefined, 2, 'cdk8s-kubeflow-access kserve: --s3-secret-access-key-stdin and --registry-password-stdin all read stdin, which can be read once: give the others a file instead'],
    ['a store no flag reads', ['trainer', '--namespace', 'user', '--cluster-secret-store', 'vault', '--aws-role-arn', 'arn:aws:iam::123456789012:role/x'], undefined, 2,
      'cdk8s-kubeflow-access trainer: --cluster-secret-store does not apply without a remote value: give one of --s3-remote-access-key-id, --s3-remote-secret-access-key, --s3-remote-session-token, --hf-remote-token'],
    ['a session token', ['pipelines-store', '--namespace', 'user', '--pipeline-root', 's3://team-b/v2', '--s3-access-key-id', ACCESS_KEY_ID, '--s3-secret-access-key-file', secretKeyFile,
      '--s3-session-token-stdin'], 'fake-session-token-0000', 1,
      'cdk8s-kubeflow-access pipelines-store: --s3-session-token-stdin: has a session token, which never reaches the Pipelines launcher (only the access key and secret key do, and temporary keys fail without their token): give long-lived keys'],
    ['a root of another scheme', ['pipelines-store', '--namespace', 'user', '--pipeline-root', 'https://b/v2', '--gcs-existing-secret', 'g'], undefined, 1,
      'cdk8s-kubeflow-access pipelines-store: --pipeline-root: is not a pipeline root the launcher reads a provider for (the scheme s3://, minio:// or gs://, a bucket name of 3 to 255 letters, digits, ".", "_" and "-" that starts and ends with a letter or digit, then an optional /PREFIX; no whitespace, control character, "#" or query): give s3://BUCKET/PREFIX, minio://BUCKET/PREFIX or gs://BUCKET/PREFIX'],
    ['an S3 store without a region', ['pipelines-store', '--namespace', 'user', '--pipeline-root', 'minio://mlpipeline/v2', '--s3-access-key-id', ACCESS_KEY_ID, '--s3-secret-access-key-file', secretKeyFile,
      '--s3-endpoint', 'http://minio-service.kubeflow:9000'], undefined, 1,
      'cdk8s-kubeflow-access pipelines-store: --s3-region: has no region, and the Pipelines launcher\'s S3 client sends no request without one: give the store\'s region (for MinIO or SeaweedFS any, such as "us-east-1")'],
    // Keys from a credentials file: the fix says where that source takes a region from, as --s3-region is refused
    // beside it ("the source holds the settings"); the test below does so for the environment.
    ['an S3 store without a region, from a credentials file', ['pipelines-store', '--namespace', 'user', '--pipeline-root', 'minio://mlpipeline/v2', '--s3-from-file', '-'],
      `[default]\naws_access_key_id = ${ACCESS_KEY_ID}\naws_secret_access_key = ${FAKE_SECRET}\n`, 1,
      'cdk8s-kubeflow-access pipelines-store: --s3-from-file: has no region, and the Pipelines launcher\'s S3 client sends no request without one: add "region = REGION" to the profile in the file, with the store\'s region (for MinIO or SeaweedFS any, such as "us-east-1")'],
    // GIVEN AWS keys without a region for Trainer, whose initializers would then address s3.auto.amazonaws.com: the fix says where the file takes one
    ['a Trainer store on AWS without a region, from a credentials file', ['trainer', '--namespace', 'user', '--s3-from-file', '-'],
      `[default]\naws_access_key_id = ${ACCESS_KEY_ID}\naws_secret_access_key = ${FAKE_SECRET}\n`, 1,
      'cdk8s-kubeflow-access trainer: --s3-from-file: has no region, and Trainer\'s dataset and model initializers then address AWS S3 in the region "auto" (what they pass when REGION is empty), '
      + 'at https://s3.auto.amazonaws.com, a host that does not exist: add "region = REGION" to the profile in the file, with the store\'s region'],
    ['a bad role', ['kserve', '--namespace', 'user', '--aws-role-arn', 'arn:aws:iam::123456789012:user/x'], undefined, 1,
      'cdk8s-kubeflow-access kserve: --aws-role-arn: is not an IAM role ARN ("arn:PARTITION:iam::ACCOUNT:role/NAME"): give one, such as "arn:aws:iam::123456789012:role/notebook-s3"'],
    ['an empty token', ['trainer', '--namespace', 'user', '--hf-token-stdin'], '\n', 1,
      'cdk8s-kubeflow-access trainer: --hf-token-stdin: the hf token is empty: check the command that pipes it in'],
    ['an existing Secret for Trainer', ['trainer', '--namespace', 'user', '--s3-existing-secret', 'team-s3'], undefined, 1,
      'cdk8s-kubeflow-access trainer: --s3-existing-secret: names an existing Secret, and Trainer\'s dataset and model initializers read ENDPOINT, ACCESS_KEY_ID, SECRET_ACCESS_KEY and REGION, names no other construct writes: give the keys (--s3-access-key-id with --s3-secret-access-key-stdin, or --s3-remote-access-key-id), or name that Secret in the TrainJob\'s secretRef yourself if it holds those keys'],
    // Each fix names flags, not the library's props and factories (s3, S3Configuration.fromValues, ...).
    ['keys beside a role', ['kserve', '--namespace', 'user', '--s3-existing-secret', 'team-s3', '--aws-role-arn', 'arn:aws:iam::123456789012:role/x'], undefined, 1,
      'cdk8s-kubeflow-access kserve: --aws-role-arn: is given with --s3-existing-secret, and both give the S3 credentials: give --aws-role-arn for the pods\' IAM role (IRSA, no keys) or --s3-existing-secret for keys, not both'],
    ['a verify-ssl without S3', ['kserve', '--namespace', 'user', '--gcs-existing-secret', 'g', '--gcs-existing-key', 'gcloud-application-credentials.json', '--s3-verify-ssl', 'true'], undefined, 1,
      'cdk8s-kubeflow-access kserve: --s3-verify-ssl: applies to an S3 store: give --s3-... or --aws-role-arn, or leave --s3-verify-ssl out'],
    ['a GCS Secret under the notebook key', ['kserve', '--namespace', 'user', '--gcs-existing-secret', 'team-gcs'], undefined, 1,
      'cdk8s-kubeflow-access kserve: --gcs-existing-secret: names an existing Secret whose key file is user-gcp-sa.json (the default), and KServe recognises a GCS Secret by the key gcloud-application-credentials.json alone: '
      + 'give --gcs-existing-secret NAME --gcs-existing-key gcloud-application-credentials.json for a Secret that holds it so, or the key file itself'],
    ['an Azure account alone', ['kserve', '--namespace', 'user', '--azure-account-name', 'fakeaccount0000', '--azure-workload-identity'], undefined, 1,
      'cdk8s-kubeflow-access kserve: --azure-account-name: is the account alone (--azure-workload-identity), and KServe\'s storage initializer reads an account key (AZURE_STORAGE_ACCESS_KEY) or a service principal, '
      + 'not a notebook\'s workload identity: give the account key (--azure-account-key-stdin, --azure-account-key-file or --azure-remote-account-key)'],
    ['an Azure SAS token', ['kserve', '--namespace', 'user', '--azure-account-name', 'fakeaccount0000', '--azure-sas-token-stdin'], 'sv=2022-11-02&ss=b&srt=co&sp=r&se=2030-01-01T00:00:00Z&sig=ZmFrZS1zaWc%3D', 1,
      'cdk8s-kubeflow-access kserve: --azure-account-name: holds a SAS token, and KServe\'s storage initializer reads an account key (AZURE_STORAGE_ACCESS_KEY) or a service principal, never a SAS token: '
      + 'give the account key as --azure-account-key-stdin'],
    ['a registry Secret under another key', ['kserve', '--namespace', 'user', '--registry-existing-secret', 'regcred', '--registry-key', 'config.json'], undefined, 1,
      'cdk8s-kubeflow-access kserve: --registry-existing-secret: names a key of an existing Secret other than .dockerconfigjson and .dockercfg, and the kubelet reads an image pull Secret\'s .dockerconfigjson (of a kubernetes.io/dockerconfigjson Secret) or .dockercfg (of a kubernetes.io/dockercfg Secret) alone: '
      + 'give --registry-existing-secret NAME without --registry-key for such a Secret'],
    ['S3 keys for a gs:// root', ['pipelines-store', '--namespace', 'user', '--pipeline-root', 'gs://team-b/v2', '--s3-existing-secret', 'team-s3'], undefined, 1,
      'cdk8s-kubeflow-access pipelines-store: --s3-existing-secret: does not match the pipeline root, whose scheme gs:// reads the GCS store: give --gcs-..., or a s3:// or minio:// --pipeline-root'],
    ['a GCS key for an s3:// root', ['pipelines-store', '--namespace', 'user', '--pipeline-root', 's3://team-b/v2', '--gcs-existing-secret', 'g'], undefined, 1,
      'cdk8s-kubeflow-access pipelines-store: --gcs-existing-secret: does not match the pipeline root, whose scheme s3:// reads the S3 store: give --s3-..., or a gs:// --pipeline-root'],
    ['no HF_TOKEN in the environment', ['trainer', '--namespace', 'user', '--hf-from-env'], undefined, 1,
      'cdk8s-kubeflow-access trainer: --hf-from-env: HF_TOKEN is not set: export it, or use --hf-token-stdin or --hf-token-file'],
    ['workspace-mountable with an existing Secret', ['docker', '--namespace', 'user', '--existing-secret', 'team-registry', '--workspace-mountable'], undefined, 1,
      'cdk8s-kubeflow-access docker: --workspace-mountable: only applies to a synthesised Secret, but the source is an existing Secret: leave --workspace-mountable out, and label that Secret notebooks.kubeflow.org/can-mount: "true" yourself'],
  ])('%s', async (_name, args, stdin, code, line) => {
    const result = await runMain(args, { stdin });
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${line}\n`);
    expect(result.code).toBe(code);
    for (const secret of SECRETS) { expect(result.stderr).not.toContain(secret); }
  });

  test('an S3 store without a region, from the environment: the fix names the variable, as --s3-region is refused beside --s3-from-env', async () => {
    // GIVEN keys in the environment, and no AWS_REGION or AWS_DEFAULT_REGION
    const env = { AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET };
    // WHEN pipelines-store reads them
    const result = await runMain(['pipelines-store', '--namespace', 'user', '--pipeline-root', 'minio://mlpipeline/v2', '--s3-from-env'], { env });
    // THEN the one line says what to export, not "give the store's region", which no flag beside --s3-from-env can
    expect(result.stderr).toBe('cdk8s-kubeflow-access pipelines-store: --s3-from-env: has no region, and the Pipelines launcher\'s S3 client sends no request without one: '
      + 'export AWS_REGION with the store\'s region (for MinIO or SeaweedFS any, such as "us-east-1")\n');
    expect(result.code).toBe(1);
  });

  test('the fixes of a store without a region work: a region in the credentials file\'s profile, or AWS_REGION', async () => {
    const root = ['pipelines-store', '--namespace', 'user', '--pipeline-root', 'minio://mlpipeline/v2'];
    // GIVEN the profile with "region = REGION" added, as the fix says WHEN read THEN the ConfigMap names that region
    const fromFile = await runMain([...root, '--s3-from-file', '-'], { stdin: `[default]\naws_access_key_id = ${ACCESS_KEY_ID}\naws_secret_access_key = ${FAKE_SECRET}\nregion = us-east-1\n` });
    expect(fromFile.stderr).toBe('');
    expect(fromFile.stdout).toContain('region: us-east-1');
    // AND so with AWS_REGION exported
    const fromEnv = await runMain([...root, '--s3-from-env'], { env: { AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET, AWS_REGION: 'us-east-1' } });
    expect(fromEnv.stderr).toBe('');
    expect(fromEnv.stdout).toContain('region: us-east-1');
  });

  test('S3_SIGNATURE_VERSION=s3 from the environment: the fix names the variable, not the library\'s S3SignatureVersion', async () => {
    // GIVEN keys from the environment that ask for the legacy signature, which KServe cannot use
    const env = { AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET, S3_SIGNATURE_VERSION: 's3' };
    // WHEN kserve reads them
    const result = await runMain(['kserve', '--namespace', 'user', '--s3-from-env'], { env });
    // THEN the one line says what to do in the shell
    expect(result.stderr).toBe('cdk8s-kubeflow-access kserve: --s3-from-env: asks for the legacy "s3" signature, which KServe\'s storage initializer cannot use (Signature Version 4 only): '
      + 'unset S3_SIGNATURE_VERSION, or set it to s3v4\n');
    expect(result.code).toBe(1);
  });

  test.each<[string, string]>([
    ['kserve', '"true" or "false": whether the store is addressed path-style or virtual-hosted, with --s3-access-key-id'],
    ['pipelines-store', '"true" or "false": whether the store is addressed path-style or virtual-hosted, with --s3-access-key-id'],
    ['trainer', 'not written: the initializers address the store path-style whatever it says'],
  ])('%s --help says the S3 settings as the consumer takes them, not as the notebook\'s S3_ENDPOINT and S3_FORCE_PATH_STYLE', (name, forcePathStyle) => {
    // GIVEN the command's flags WHEN their help is read
    const options = Object.assign({}, ...COMMANDS.find(c => c.name === name)!.options.map(group => group.options));
    // THEN no consumer's help names a variable it never reads
    expect(options['s3-endpoint'].help).toBe('the store\'s http(s)://host[:port], with --s3-access-key-id');
    expect(options['s3-force-path-style'].help).toBe(forcePathStyle);
  });

  test('trainer --help says where a role alone takes its region from: the initializers assume it at the STS endpoint of REGION', () => {
    // GIVEN trainer's flags WHEN the help of --aws-role-arn is read THEN it says REGION is needed without --s3-...
    const options = Object.assign({}, ...COMMANDS.find(c => c.name === 'trainer')!.options.map(group => group.options));
    expect(options['aws-role-arn'].help).toBe('an IAM role the S3 initializers assume (ROLE_ARN), at the STS endpoint of REGION: without --s3-..., set REGION in the TrainJob\'s initializer env');
  });

  test.each(['kserve', 'pipelines-store', 'trainer'])('%s --help names its construct and exits 0', async command => {
    const result = await runMain([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\((KServeServiceAccount|PipelinesArtifactStore|TrainerStorageCredentials)\)/);
  });
});
