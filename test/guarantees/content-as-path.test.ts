// The most common CI mistake: a secret's content given where a path goes (`--password-file "$TOKEN"`,
// `DockerConfig.fromFile(json)`). The content looks like any file name, so no message may quote the path:
// every file-taking entry point of the library and every file flag of the CLI is driven with the fake
// credentials of the fixtures as the path, and must say that the path does not exist, where content
// goes instead, and nothing of the content.
import { readFileSync } from 'fs';
import { App, Chart } from 'cdk8s';
import {
  AccessError, AwsCredentials, AwsEnvConfiguration, AwsFileCredentials, DockerConfig, DockerRegistryAccess, GcpServiceAccountKey,
  GcsCredentials, HuggingFaceToken, NotebookAccess, S3Configuration, StorageAccess, TrainerStorageCredentials,
} from '../../lib';
import { COMMANDS } from '../../lib/cli/main';
import { runMain } from '../cli/cli-io';
import { awsSecrets, azureSecrets, dockerSecrets, envVariables, fixtureFiles, gcpSecrets } from './fixture-secrets';
import { leakedSecrets } from '../fuzz';

/** Credentials as they would be pasted where a path goes, each with what no message may show. */
function pastedCredentials(): Array<{ name: string; content: string; secrets: string[] }> {
  const fixtures = fixtureFiles();
  const read = (f: string) => readFileSync(f, 'utf8');
  const azure = envVariables(read(fixtures.azure[0]));
  const pasted = [
    ...fixtures.docker.map(f => ({ name: 'a config.json', content: read(f), secrets: dockerSecrets(read(f)) })),
    ...fixtures.aws.map(f => ({ name: 'an AWS credentials file', content: read(f), secrets: awsSecrets(read(f)) })),
    ...fixtures.gcp.map(f => ({ name: 'a service-account key', content: read(f), secrets: gcpSecrets(read(f)) })),
    ...['AZURE_STORAGE_ACCOUNT_KEY', 'AZURE_STORAGE_SAS_TOKEN', 'AZURE_STORAGE_CONNECTION_STRING'].map(name =>
      ({ name: `an Azure ${name}`, content: azure[name], secrets: azureSecrets(read(fixtures.azure[0])) })),
    { name: 'a registry token', content: 'ghp_FakeTokenFakeTokenFakeToken000000', secrets: [] },
  ];
  // The content itself, each of its lines, and (for `$(cat file)`) without its last newline.
  return pasted.map(p => ({
    ...p,
    secrets: [p.content, p.content.trim(), ...p.content.split(/\r?\n/).map(line => line.trim()), ...p.secrets],
  }));
}

const PASTED = pastedCredentials();
/** What a path that is some content gives: no such file, or a name longer than a file system takes. */
const why = (content: string) => content.split('/').some(name => Buffer.byteLength(name) > 255) ? 'is longer than a file name can be' : 'does not exist';
const NOT_SHOWN = 'the path is not shown, since it may be a credential given in its place';

describe('library: content given where a path goes is never quoted', () => {
  // Every factory that takes a path, each with the field that takes it and the factory that takes the content.
  const FILE_FACTORIES: Array<[string, (p: string) => (chart: Chart) => unknown, string, string]> = [
    ['DockerConfig.fromFile', p => chart => new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromFile(p) }),
      'scan/docker-config] config', 'DockerConfig.fromJson'],
    ['AwsCredentials.fromFile', p => chart => new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromFile(p) }),
      'scan/aws-credentials] credentials', 'AwsCredentials.fromKeys (or fromProfiles)'],
    ['S3Configuration.fromCredentialsFile', p => chart => new AwsEnvConfiguration(chart, 'aws-configuration', { configuration: S3Configuration.fromCredentialsFile(p) }),
      'scan/aws-configuration] configuration', 'S3Configuration.fromValues'],
    ['GcpServiceAccountKey.fromFile', p => chart => new GcsCredentials(chart, 'gcs', { key: GcpServiceAccountKey.fromFile(p) }),
      'scan/gcs] key', 'GcpServiceAccountKey.fromJson'],
    ['HuggingFaceToken.fromFile', p => chart => new TrainerStorageCredentials(chart, 'trainer', { huggingFaceToken: HuggingFaceToken.fromFile(p) }),
      'scan/trainer] huggingFaceToken', 'HuggingFaceToken.fromValue'],
    ['DockerConfig.fromFile in NotebookAccess', p => chart => new NotebookAccess(chart, 'notebook', { docker: DockerConfig.fromFile(p) }),
      'scan/notebook/docker-config] config', 'DockerConfig.fromJson'],
    ['AwsCredentials.fromFile in StorageAccess.awsFile', p => chart => new NotebookAccess(chart, 'notebook', {
      docker: DockerConfig.fromExistingSecret('regcred'), storage: StorageAccess.awsFile(AwsCredentials.fromFile(p)),
    }), 'scan/notebook/aws-credentials] credentials', 'AwsCredentials.fromKeys (or fromProfiles)'],
  ];

  test('the scan covers every fixture kind', () => {
    expect(PASTED.map(p => p.name)).toEqual(expect.arrayContaining(['a config.json', 'an AWS credentials file', 'a service-account key',
      'an Azure AZURE_STORAGE_CONNECTION_STRING', 'a registry token']));
  });

  describe.each(FILE_FACTORIES)('%s', (_name, build, where, inMemory) => {
    test.each(PASTED.map(p => [p.name, p] as const))('given %s as its path', (_what, pasted) => {
      // GIVEN the content where the path goes WHEN the construct is built
      let error: unknown;
      try {
        build(pasted.content)(new Chart(new App(), 'scan', { namespace: 'user' }));
      } catch (e) {
        error = e;
      }
      // THEN it is one AccessError that says the path does not exist and where content goes, and nothing of the content
      expect(error).toBeInstanceOf(AccessError);
      const { message, stack } = error as Error;
      expect(message).toBe(`[${where}: the path ${why(pasted.content)}: give the path of a readable file (relative to the current directory), `
        + `or the content itself to ${inMemory}; ${NOT_SHOWN}`);
      expect(leakedSecrets(`${message}\n${stack}`, pasted.secrets)).toEqual([]);
    });
  });
});

describe('command line: content given to a file flag is never quoted', () => {
  const KEY_ID = 'AKIAFAKEFAKEFAKE0000';
  const STDIN_SECRET = 'fake-secret-key-stdin-0000';
  // What each file flag needs beside it to be read; a secret that goes with it is read from stdin.
  const CONTEXT: { [commandAndFlag: string]: string[] } = {
    'docker from-file': [],
    'docker password-file': ['--username', 'fake-user'],
    'aws-credentials from-file': [],
    'aws-credentials secret-access-key-file': ['--access-key-id', KEY_ID],
    'aws-credentials session-token-file': ['--access-key-id', KEY_ID, '--secret-access-key-stdin'],
    'aws-env from-file': [],
    'aws-env secret-access-key-file': ['--access-key-id', KEY_ID],
    'aws-env session-token-file': ['--access-key-id', KEY_ID, '--secret-access-key-stdin'],
    'minio secret-key-file': ['--access-key', 'fake-minio-access-0000'],
    'gcs key-file': [],
    'azure account-key-file': ['--account-name', 'fakeaccount0000'],
    'azure sas-token-file': ['--account-name', 'fakeaccount0000'],
    'azure connection-string-file': [],
    'notebook docker-from-file': [],
    'notebook docker-password-file': ['--docker-username', 'fake-user'],
    'notebook minio-secret-key-file': ['--docker-existing-secret', 'regcred', '--minio-access-key', 'fake-minio-access-0000'],
    'notebook aws-from-file': ['--docker-existing-secret', 'regcred', '--storage', 'aws-file'],
    'notebook aws-secret-access-key-file': ['--docker-existing-secret', 'regcred', '--storage', 'aws-env', '--aws-access-key-id', KEY_ID],
    'notebook aws-session-token-file': ['--docker-existing-secret', 'regcred', '--storage', 'aws-file', '--aws-access-key-id', KEY_ID, '--aws-secret-access-key-stdin'],
    'notebook gcs-key-file': ['--docker-existing-secret', 'regcred', '--storage', 'gcs'],
    'notebook azure-account-key-file': ['--docker-existing-secret', 'regcred', '--storage', 'azure', '--azure-account-name', 'fakeaccount0000'],
    'notebook azure-sas-token-file': ['--docker-existing-secret', 'regcred', '--storage', 'azure', '--azure-account-name', 'fakeaccount0000'],
    'notebook azure-connection-string-file': ['--docker-existing-secret', 'regcred', '--storage', 'azure'],
    'kserve s3-from-file': [],
    'kserve s3-secret-access-key-file': ['--s3-access-key-id', KEY_ID],
    'kserve s3-session-token-file': ['--s3-access-key-id', KEY_ID, '--s3-secret-access-key-stdin'],
    'kserve gcs-key-file': [],
    'kserve azure-account-key-file': ['--azure-account-name', 'fakeaccount0000'],
    'kserve azure-sas-token-file': ['--azure-account-name', 'fakeaccount0000'],
    'kserve azure-connection-string-file': [],
    'kserve registry-from-file': [],
    'kserve registry-password-file': ['--registry-username', 'fake-user'],
    'pipelines-store s3-from-file': ['--pipeline-root', 's3://fake-bucket/v2'],
    'pipelines-store s3-secret-access-key-file': ['--pipeline-root', 's3://fake-bucket/v2', '--s3-access-key-id', KEY_ID],
    'pipelines-store s3-session-token-file': ['--pipeline-root', 's3://fake-bucket/v2', '--s3-access-key-id', KEY_ID, '--s3-secret-access-key-stdin'],
    'pipelines-store gcs-key-file': ['--pipeline-root', 'gs://fake-bucket/v2'],
    'trainer s3-from-file': [],
    'trainer s3-secret-access-key-file': ['--s3-access-key-id', KEY_ID],
    'trainer s3-session-token-file': ['--s3-access-key-id', KEY_ID, '--s3-secret-access-key-stdin'],
    'trainer hf-token-file': [],
  };

  test('the table holds every flag that reads a file, of every command that reads credentials', () => {
    const fileFlags = COMMANDS.filter(c => c.name !== 'check')
      .flatMap(c => c.options.flatMap(g => Object.entries(g.options).filter(([, spec]) => spec.value === 'FILE').map(([flag]) => `${c.name} ${flag}`)));
    expect(Object.keys(CONTEXT).sort()).toEqual(fileFlags.sort());
  });

  const runs = Object.entries(CONTEXT).flatMap(([commandAndFlag, context]) => PASTED.map(p => [commandAndFlag, p.name, context, p] as const));
  test.each(runs)('%s given %s', async (commandAndFlag, _what, context, pasted) => {
    // GIVEN the content where the path goes
    const [command, flag] = commandAndFlag.split(' ');
    // WHEN
    const result = await runMain([command, '--namespace', 'user', ...context, `--${flag}`, pasted.content], { stdin: `${STDIN_SECRET}\n` });
    // THEN one line on stderr says the path does not exist and that content goes on stdin, and nothing shows the content
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toBe(`cdk8s-kubeflow-access ${command}: --${flag}: the path ${why(pasted.content)}: `
      + `give the path of a readable file, or "-" and the content on stdin; ${NOT_SHOWN}\n`);
    expect(leakedSecrets(result.stderr, pasted.secrets)).toEqual([]);
  });
});
