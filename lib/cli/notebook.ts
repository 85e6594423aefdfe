// `notebook`: a NotebookAccess, Docker credentials plus one object storage and a keyless cloud identity,
// as the Kaptain SDK's Config reads them.
import type { CloudIdentity, DockerSecretType } from '..';
import { AWS_WEB_IDENTITY } from './aws-web-identity';
import { AZURE_WORKLOAD_IDENTITY } from './azure-workload-identity';
import { Args, bool, checkOneStdinReader, choice, CommandSpec, EXIT_OK, given, Io, OptionSpec, refuse, required, str } from './framework';
import { GCP_WORKLOAD_IDENTITY } from './gcp-workload-identity';
import { identityOptionGroups, identityProps, requireIdentityFlags } from './identity-command';
import { flagNames, PropFlags, readProps } from './props';
import {
  AWS_ENV_SOURCE, AWS_FILE_SOURCE, awsEnvSourceOptions, awsFileSourceOptions, AZURE_SOURCE, DOCKER_SECRET_TYPES, DOCKER_SOURCE, GCS_SOURCE, MINIO_SOURCE,
  minioOptions, minioProps,
} from './sources';
import { checkStoreUsed, REMOTE_VALUE_HELP, remoteFlags, STORE_OPTIONS } from './secret-store';
import { Library, synthesize } from './synth';

const STORAGES = { 'minio': 'minio', 'aws-file': 'aws-file', 'aws-env': 'aws-env', 'gcs': 'gcs', 'azure': 'azure' } as const;

/** The identities of `--identity`, by their commands' names; their flags are the commands' own, under `--identity-`. */
const IDENTITIES = [AWS_WEB_IDENTITY, AZURE_WORKLOAD_IDENTITY, GCP_WORKLOAD_IDENTITY];
const IDENTITY_PREFIX = 'identity-';
const IDENTITY_GROUPS = identityOptionGroups(IDENTITIES, IDENTITY_PREFIX, identity => `--identity ${identity.name}`);

/** The `--aws-...` flags of both AWS storages; the help says which flag serves which. */
function awsOptions(): { [flag: string]: OptionSpec } {
  const env = awsEnvSourceOptions('aws-');
  const file = awsFileSourceOptions('aws-');
  return {
    ...env,
    'aws-from-file': { type: 'string', value: 'FILE', help: 'an AWS shared-credentials file: mounted whole with aws-file, one profile\'s keys with aws-env; "-" reads it from stdin' },
    'aws-profile': { type: 'string', value: 'NAME', help: 'aws-file: profile of the keys of --aws-access-key-id; aws-env: the profile of --aws-from-file (default: default)' },
    'aws-region': { type: 'string', value: 'REGION', help: 'aws-file: region written to ~/.aws/config; aws-env: AWS_REGION and AWS_DEFAULT_REGION, with --aws-access-key-id' },
    'aws-from-env': { ...env['aws-from-env'], help: `aws-env: ${env['aws-from-env'].help}` },
    'aws-endpoint': { ...env['aws-endpoint'], help: `aws-env: ${env['aws-endpoint'].help}` },
    'aws-signature-version': { ...env['aws-signature-version'], help: `aws-env: ${env['aws-signature-version'].help}` },
    'aws-force-path-style': { ...env['aws-force-path-style'], help: `aws-env: ${env['aws-force-path-style'].help}` },
    'aws-checksums': { ...env['aws-checksums'], help: `aws-env: ${env['aws-checksums'].help}` },
    'aws-existing-secret': { type: 'string', value: 'NAME', help: 'use a Secret that already exists in the namespace (with aws-file holding the credentials file, with aws-env the variables)' },
    'aws-key': { ...file['aws-key'], help: `aws-file: ${file['aws-key'].help}` },
    'aws-remote-credentials': { ...file['aws-remote-credentials'], help: `aws-file: ${file['aws-remote-credentials'].help}` },
  };
}

const AWS_ENV_ONLY = ['aws-from-env', 'aws-endpoint', 'aws-signature-version', 'aws-force-path-style', 'aws-checksums'];
const AWS_FILE_ONLY = ['aws-key', 'aws-remote-credentials'];

export const notebookCommand: CommandSpec = {
  name: 'notebook',
  summary: 'Docker credentials plus object storage for notebooks, as the Kaptain SDK\'s Config reads them',
  synopsis: [
    '--namespace NS DOCKER [--storage minio] [--minio-... ...] [options]',
    '--namespace NS DOCKER --storage aws-file (--aws-from-file FILE | --aws-access-key-id ID ... | --aws-existing-secret NAME) [options]',
    '--namespace NS DOCKER --storage aws-env (--aws-from-env | --aws-from-file FILE | --aws-access-key-id ID ... | --aws-existing-secret NAME) [options]',
    '--namespace NS DOCKER --storage gcs (--gcs-key-file FILE | --gcs-existing-secret NAME) [options]',
    '--namespace NS DOCKER --storage azure (--azure-account-name NAME --azure-account-key-stdin ... | --azure-from-env | --azure-existing-secret NAME) [options]',
    '--namespace NS DOCKER --identity KIND --identity-... [--storage KIND ...] [options]',
  ],
  description: [
    'Prints the objects of a NotebookAccess: the Docker registry credentials (DockerRegistryAccess, PodDefault docker-config) and one object storage, by default the in-cluster MinIO (MinioDefault, PodDefault minio), else an AWS credentials file (AwsFileCredentials, aws-credentials), S3 environment variables (AwsEnvConfiguration, aws-configuration), a Google Cloud service-account key (GcsCredentials, gcs-credentials) or Azure Blob Storage variables (AzureBlobConfiguration, azure-blob). With --pipelines, also the Pipelines API token (PipelinesApiAccess, access-ml-pipeline).',
    'With --identity, also a keyless cloud identity, as the aws-web-identity, azure-workload-identity and gcp-workload-identity commands print it (PodDefault aws-web-identity, azure-workload-identity or gcp-workload-identity), from their flags under --identity-: then no storage unless --storage is given, since the identity reaches its cloud\'s storage itself; storage that gives a credential of the identity\'s cloud is refused.',
    'DOCKER is one of --docker-from-file FILE, --docker-username USER with --docker-password-stdin or --docker-password-file FILE, or --docker-existing-secret NAME, or, from a secret store, --docker-remote-config REMOTE or --docker-remote-username REMOTE with --docker-remote-password REMOTE. The other commands offer every option of each construct.',
    `One store serves every --...-remote-... flag. ${REMOTE_VALUE_HELP}`,
  ],
  options: [
    {
      heading: 'Notebook',
      options: {
        'namespace': { type: 'string', value: 'NS', help: 'namespace (the Kubeflow profile) of every object; required' },
        'home-directory': { type: 'string', value: 'DIR', help: 'the notebook user\'s home, where .docker/ and .aws/ are mounted (default: /home/jovyan, the home of stock Kubeflow images; Kaptain\'s used /home/kubeflow)' },
        'storage': { type: 'string', value: 'KIND', help: '"minio" (the default), "aws-file", "aws-env", "gcs" or "azure"' },
        'pipelines': { type: 'boolean', help: 'also give the notebooks the Kubeflow Pipelines API token (access-ml-pipeline)' },
        'identity': { type: 'string', value: 'KIND', help: `a keyless cloud identity: ${IDENTITIES.map(i => `"${i.name}"`).join(', ')}, from the --identity-... flags below (default: none)` },
        'workspace-mountable': { type: 'boolean', help: 'label every Secret printed notebooks.kubeflow.org/can-mount: "true", so that Kubeflow Notebooks 2.0 workspaces may mount it' },
      },
    },
    { heading: 'Docker (one of --docker-from-file, --docker-username, --docker-existing-secret, --docker-remote-config, --docker-remote-username)', options: DOCKER_SOURCE.options('docker-') },
    { heading: 'MinIO storage (--storage minio)', options: minioOptions('minio-') },
    { heading: 'AWS storage (--storage aws-file or aws-env; one of --aws-from-file, --aws-from-env, --aws-access-key-id, --aws-existing-secret, --aws-remote-credentials, --aws-remote-access-key-id)', options: awsOptions() },
    { heading: 'GCS storage (--storage gcs; one of --gcs-key-file, --gcs-existing-secret)', options: GCS_SOURCE.options('gcs-') },
    { heading: 'Azure storage (--storage azure; --azure-account-name with one credential, a connection string, --azure-from-env, or --azure-existing-secret)', options: AZURE_SOURCE.options('azure-') },
    ...IDENTITY_GROUPS,
    STORE_OPTIONS,
  ],
  examples: [
    'cdk8s-kubeflow-access notebook --namespace user --docker-from-file ~/.docker/config.json | kubectl apply -f -',
    'cdk8s-kubeflow-access notebook --namespace user --home-directory /home/jovyan --docker-from-file config.json --storage aws-file --aws-from-file ~/.aws/credentials',
    'cdk8s-kubeflow-access notebook --namespace user --docker-from-file config.json --identity aws-web-identity --identity-role-arn arn:aws:iam::123456789012:role/notebook-s3 --identity-region eu-west-1',
  ],
  run: runNotebook,
};

async function runNotebook(args: Args, io: Io): Promise<number> {
  const namespace = required(args, 'namespace', 'the namespace (Kubeflow profile) of every object');
  const docker = DOCKER_SOURCE.read(args, io, 'docker-');
  const dockerOptions = readProps(args, { 'docker-secret-type': { prop: 'secretType', choices: DOCKER_SECRET_TYPES, enumOf: lib => lib.DockerSecretType } });
  const identity = readIdentity(args);
  // An identity reaches its cloud's storage itself: no storage unless asked for, as NotebookAccess does.
  const storage = choice(args, 'storage', STORAGES) ?? (identity === undefined ? 'minio' : undefined);
  const minioFlags = Object.keys(minioOptions('minio-'));
  // The flags of each storage but MinIO, and the --storage values they serve.
  const storageFlags: [readonly string[], readonly string[]][] = [
    [Object.keys(awsOptions()), ['aws-file', 'aws-env']],
    [Object.keys(GCS_SOURCE.options('gcs-')), ['gcs']],
    [Object.keys(AZURE_SOURCE.options('azure-')), ['azure']],
  ];
  const noStorage = 'with --identity and no --storage';
  if (storage !== 'minio') { refuse(args, minioFlags, storage === undefined ? `${noStorage}: add --storage minio` : `with --storage ${storage}`); }
  for (const [flags, storages] of storageFlags) {
    const add = storages.map(s => `--storage ${s}`).join(' or ');
    if (storage === 'minio' && given(args, flags).length > 0) { refuse(args, flags, `with the default storage (MinIO): add ${add}`); }
    if (storage === undefined) { refuse(args, flags, `${noStorage}: add ${add}`); }
    if (!storages.includes(storage!)) { refuse(args, flags, `with --storage ${storage}`); }
  }
  if (storage === 'aws-file') { refuse(args, AWS_ENV_ONLY, 'with --storage aws-file'); }
  if (storage === 'aws-env') { refuse(args, AWS_FILE_ONLY, 'with --storage aws-env'); }
  const minio = storage === 'minio' ? MINIO_SOURCE.read(args, io, 'minio-') : undefined;
  const minioSettings = readProps(args, minioProps('minio-'));
  const awsFile = storage === 'aws-file' ? AWS_FILE_SOURCE.read(args, io, 'aws-') : undefined;
  const awsEnv = storage === 'aws-env' ? AWS_ENV_SOURCE.read(args, io, 'aws-') : undefined;
  const gcs = storage === 'gcs' ? GCS_SOURCE.read(args, io, 'gcs-') : undefined;
  const azure = storage === 'azure' ? AZURE_SOURCE.read(args, io, 'azure-') : undefined;
  checkOneStdinReader(args);
  const remote = [DOCKER_SOURCE.options('docker-'), minioOptions('minio-'), awsOptions(), GCS_SOURCE.options('gcs-'), AZURE_SOURCE.options('azure-')].flatMap(remoteFlags);
  const storageSource = minio ?? awsFile ?? awsEnv ?? gcs ?? azure;
  checkStoreUsed(args, docker.usesStore || storageSource?.usesStore === true, remote);

  const storageFields = ['credentials', 'configuration', 'key'];
  const flags = {
    ...flagNames(minioProps('minio-')),
    'docker': docker.flag, 'config': docker.flag, 'homeDirectory': '--home-directory', 'storage': '--storage', 'identity': '--identity',
    // The factory of each storage, as NotebookAccess's errors name it.
    'StorageAccess.minio': '--storage minio', 'StorageAccess.awsFile': '--storage aws-file', 'StorageAccess.awsEnv': '--storage aws-env',
    'StorageAccess.gcs': '--storage gcs', 'StorageAccess.azure': '--storage azure',
    'give the storage account without a credential': 'give --azure-account-name with --azure-workload-identity',
    ...storageSource === undefined ? {} : Object.fromEntries(storageFields.map(field => [field, storageSource.flag])),
    'region': storage === 'minio' ? '--minio-region' : '--aws-region',
    ...identity === undefined ? {} : flagNames(identity.props),
  };
  const sources = [{ fields: ['docker', 'config'], input: docker }, ...storageSource === undefined ? [] : [{ fields: storageFields, input: storageSource }]];
  await synthesize(io, flags, sources, (lib, chart) => {
    const read = (secret: { read: () => string }) => secret.read();
    const workspaceMountable = bool(args, 'workspace-mountable');
    let storageAccess;
    if (minio !== undefined) {
      storageAccess = lib.StorageAccess.minio({ credentials: minio.build(lib, read), ...minioSettings(lib), workspaceMountable });
    } else if (awsFile !== undefined) {
      storageAccess = lib.StorageAccess.awsFile(awsFile.build(lib, read), { region: str(args, 'aws-region'), workspaceMountable });
    } else if (awsEnv !== undefined) {
      storageAccess = lib.StorageAccess.awsEnv(awsEnv.build(lib, read), { workspaceMountable });
    } else if (gcs !== undefined) {
      storageAccess = lib.StorageAccess.gcs(gcs.build(lib, read), { workspaceMountable });
    } else if (azure !== undefined) {
      storageAccess = lib.StorageAccess.azure(azure.build(lib, read), { workspaceMountable });
    }
    const secretType = dockerOptions(lib).secretType as DockerSecretType | undefined;
    new lib.NotebookAccess(chart, 'notebook', {
      namespace,
      homeDirectory: str(args, 'home-directory'),
      docker: docker.build(lib, read),
      dockerOptions: secretType === undefined && workspaceMountable === undefined ? undefined : { secretType, workspaceMountable },
      storage: storageAccess,
      identity: identity?.build(lib),
      pipelines: bool(args, 'pipelines'),
    });
  });
  return EXIT_OK;
}

/** The identity `--identity` names: the flags that set its props, and the CloudIdentity they give. */
interface IdentityInput {
  readonly props: PropFlags;
  readonly build: (lib: Library) => CloudIdentity;
}

/**
 * The identity `--identity` names, with the props its `--identity-...` flags give, checked now; the flags
 * of the other identities, or any of them without `--identity`, are refused.
 */
function readIdentity(args: Args): IdentityInput | undefined {
  const name = choice(args, 'identity', Object.fromEntries(IDENTITIES.map(i => [i.name, i.name])));
  const identity = IDENTITIES.find(i => i.name === name);
  if (identity === undefined) {
    refuse(args, IDENTITY_GROUPS.flatMap(group => Object.keys(group.options)), 'without --identity: add --identity and the kind of identity');
    return undefined;
  }
  for (const other of IDENTITIES.filter(i => i !== identity)) {
    refuse(args, Object.keys(other.options).map(flag => `${IDENTITY_PREFIX}${flag}`), `with --identity ${identity.name}`);
  }
  requireIdentityFlags(args, identity, IDENTITY_PREFIX);
  const props = identityProps(identity, IDENTITY_PREFIX);
  const propsOf = readProps(args, props);
  return { props, build: lib => identity.cloudIdentity(lib, propsOf(lib)) };
}
