// The credential sources of each access construct as flags: their help, the checks of which flags go
// together, and how they become the library's source objects. Each takes a prefix so that `notebook`
// can offer the same flags as `--docker-...`, `--aws-...` and `--minio-...`.
import type { AwsCredentials, AzureStorageConfiguration, DockerConfig, GcpServiceAccountKey, MinioCredentials, S3Configuration } from '..';
import { Args, choice, definedOnly, given, InputError, Io, oneOf, OptionSpec, refuse, SecretInput, secretReader, str, UsageError } from './framework';
import { inputSource, once, readCredentialText } from './input';
import type { PropFlags } from './props';
import { readStore, remoteValue, storeValueFlags } from './secret-store';
import type { FlagNames, Resolvable, SourceInput } from './synth';

/** A kind of credential source as flags, each under a prefix (`docker-` in `notebook`). */
export interface SourceKind<T extends Resolvable | undefined> {
  readonly options: (prefix: string) => { [flag: string]: OptionSpec };
  /** Checks the flags (usage errors only: nothing is read yet) and returns the source. */
  readonly read: (args: Args, io: Io, prefix: string) => SourceInput<T>;
}

const SIGNATURE_VERSIONS = { s3v4: 'S3V4', s3: 'S3' } as const;
const BOOLEANS = { true: true, false: false } as const;
/** The values of `--checksums`, as members of S3Checksums. */
const CHECKSUMS = { when_supported: 'WHEN_SUPPORTED', when_required: 'WHEN_REQUIRED' } as const;
const CHECKSUMS_HELP = '"when_required" (for stores that break on the checksums boto3 1.36 and later send by default, such as MinIO before 2025-01 and SeaweedFS before its 2025-12 fixes) or "when_supported"';

// ---- Docker

export function dockerSourceOptions(p: string): { [flag: string]: OptionSpec } {
  return {
    [`${p}from-file`]: { type: 'string', value: 'FILE', help: 'a Docker config.json, stored unchanged; "-" reads it from stdin' },
    [`${p}username`]: { type: 'string', value: 'USER', help: 'log in to one registry with this user name' },
    [`${p}password-stdin`]: { type: 'boolean', help: 'read the password or token from stdin (one trailing newline is removed)' },
    [`${p}password-file`]: { type: 'string', value: 'FILE', help: 'read the password or token from FILE (one trailing newline is removed)' },
    [`${p}server`]: { type: 'string', value: 'URL', help: 'the registry, as config.json names it (default: https://index.docker.io/v1/)' },
    [`${p}email`]: { type: 'string', value: 'EMAIL', help: 'an e-mail address for older tools' },
    [`${p}existing-secret`]: { type: 'string', value: 'NAME', help: 'use a Secret that already exists in the namespace; none is printed' },
    [`${p}remote-config`]: { type: 'string', value: 'REMOTE', help: 'a whole config.json kept in the secret store, written to the Secret unchanged' },
    [`${p}remote-username`]: { type: 'string', value: 'REMOTE', help: `the user name of one login, kept in the secret store (with --${p}remote-password; --${p}server names the registry)` },
    [`${p}remote-password`]: { type: 'string', value: 'REMOTE', help: 'the password or token of that login, kept in the secret store' },
    [`${p}key`]: { type: 'string', value: 'KEY', help: `key of config.json in the existing Secret (default: config.json, or .dockerconfigjson with --${p}secret-type dockerconfigjson)` },
    [`${p}secret-type`]: { type: 'string', value: 'TYPE', help: '"opaque" (key config.json, the default) or "dockerconfigjson" (type kubernetes.io/dockerconfigjson, also listed in imagePullSecrets)' },
  };
}

/** The values of `--secret-type`, as members of DockerSecretType. */
export const DOCKER_SECRET_TYPES = { opaque: 'OPAQUE', dockerconfigjson: 'DOCKER_CONFIG_JSON' } as const;

/** The Docker source the flags give. */
function dockerSource(args: Args, io: Io, p: string): SourceInput<DockerConfig> {
  const source = oneOf(args, [`${p}from-file`, `${p}username`, `${p}existing-secret`, `${p}remote-config`, `${p}remote-username`], 'the Docker credentials')!;
  const store = readStore(args);
  if (source !== `${p}username` && source !== `${p}remote-username`) { refuse(args, [`${p}server`], `without --${p}username or --${p}remote-username`); }
  if (source !== `${p}username`) { refuse(args, [`${p}email`, `${p}password-stdin`, `${p}password-file`], `without --${p}username`); }
  if (source !== `${p}remote-username`) { refuse(args, [`${p}remote-password`], `without --${p}remote-username`); }
  const remote = {
    config: remoteValue(args, `${p}remote-config`, store),
    username: remoteValue(args, `${p}remote-username`, store),
    password: remoteValue(args, `${p}remote-password`, store),
  };
  if (source === `${p}remote-username` && remote.password === undefined) {
    throw new UsageError(`the remote password is missing: give --${p}remote-password with --${p}remote-username`);
  }
  if (source !== `${p}existing-secret`) { refuse(args, [`${p}key`], `without --${p}existing-secret`); }
  choice(args, `${p}secret-type`, DOCKER_SECRET_TYPES);
  const password = source === `${p}username` ? secretReader(args, io, `${p}password`, true)! : undefined;
  const configText = fileText(args, io, source);
  return {
    flag: `--${source}`,
    usesStore: remote.config !== undefined || remote.username !== undefined,
    valueFlags: {
      [`${p}from-file`]: {},
      [`${p}existing-secret`]: { key: `--${p}key` },
      [`${p}username`]: { server: `--${p}server`, username: `--${p}username`, email: `--${p}email`, ...password === undefined ? {} : { password: password.flag } },
      [`${p}remote-config`]: { ...storeValueFlags(store), config: `--${p}remote-config` },
      [`${p}remote-username`]: { ...storeValueFlags(store), server: `--${p}server`, username: `--${p}remote-username`, password: `--${p}remote-password` },
    }[source]!,
    hints: {
      'DockerConfig.fromLogin': `--${p}username with --${p}password-stdin`,
      'DockerConfig.fromExistingSecret(name)': `--${p}existing-secret NAME without --${p}key`,
    },
    build: (lib, secret) => {
      if (remote.config !== undefined) { return lib.DockerConfig.fromSecretStore({ ...store!.options(lib), config: remote.config }); }
      if (remote.username !== undefined) {
        return lib.DockerConfig.fromSecretStoreLogin({ ...store!.options(lib), server: str(args, `${p}server`), username: remote.username, password: remote.password! });
      }
      // config.json is stored as its bytes, which fromJson takes from the UTF-8 text unchanged.
      if (source === `${p}from-file`) { return lib.DockerConfig.fromJson(configText()); }
      if (source === `${p}existing-secret`) { return lib.DockerConfig.fromExistingSecret(str(args, source)!, str(args, `${p}key`)); }
      return lib.DockerConfig.fromLogin({ server: str(args, `${p}server`), username: str(args, source)!, password: secret(password!), email: str(args, `${p}email`) });
    },
  };
}

export const DOCKER_SOURCE: SourceKind<DockerConfig> = { options: dockerSourceOptions, read: dockerSource };

// ---- AWS credentials file

export function awsFileSourceOptions(p: string): { [flag: string]: OptionSpec } {
  return {
    [`${p}from-file`]: { type: 'string', value: 'FILE', help: 'an AWS shared-credentials file (such as ~/.aws/credentials), stored unchanged; "-" reads it from stdin' },
    ...awsKeyOptions(p),
    [`${p}profile`]: { type: 'string', value: 'NAME', help: `profile of the keys given with --${p}access-key-id (default: default)` },
    [`${p}existing-secret`]: { type: 'string', value: 'NAME', help: 'use a Secret that already exists in the namespace; none is printed' },
    [`${p}key`]: { type: 'string', value: 'KEY', help: 'key of the credentials file in the existing Secret (default: credentials)' },
    [`${p}remote-credentials`]: { type: 'string', value: 'REMOTE', help: 'a whole credentials file kept in the secret store, written to the Secret unchanged' },
    ...awsRemoteKeyOptions(p),
    [`${p}region`]: { type: 'string', value: 'REGION', help: 'region for the profiles, written to ~/.aws/config (not with an existing Secret)' },
  };
}

function awsRemoteKeyOptions(p: string): { [flag: string]: OptionSpec } {
  return {
    [`${p}remote-access-key-id`]: { type: 'string', value: 'REMOTE', help: `the access key ID, kept in the secret store (with --${p}remote-secret-access-key)` },
    [`${p}remote-secret-access-key`]: { type: 'string', value: 'REMOTE', help: 'the secret access key, kept in the secret store' },
    [`${p}remote-session-token`]: { type: 'string', value: 'REMOTE', help: 'the session token of temporary credentials, kept in the secret store' },
  };
}

/** The remote key flags, checked: the keys when the source is `--remote-access-key-id`. */
function awsRemoteKeys(args: Args, p: string, source: string) {
  const store = readStore(args);
  if (source !== `${p}remote-access-key-id`) {
    refuse(args, [`${p}remote-secret-access-key`, `${p}remote-session-token`], `without --${p}remote-access-key-id`);
    return undefined;
  }
  const secretAccessKey = remoteValue(args, `${p}remote-secret-access-key`, store);
  if (secretAccessKey === undefined) {
    throw new UsageError(`the remote secret access key is missing: give --${p}remote-secret-access-key with --${p}remote-access-key-id`);
  }
  return {
    accessKeyId: remoteValue(args, source, store)!,
    secretAccessKey,
    sessionToken: remoteValue(args, `${p}remote-session-token`, store),
  };
}

function awsKeyOptions(p: string): { [flag: string]: OptionSpec } {
  return {
    [`${p}access-key-id`]: { type: 'string', value: 'ID', help: 'the access key ID' },
    [`${p}secret-access-key-stdin`]: { type: 'boolean', help: 'read the secret access key from stdin' },
    [`${p}secret-access-key-file`]: { type: 'string', value: 'FILE', help: 'read the secret access key from FILE' },
    [`${p}session-token-stdin`]: { type: 'boolean', help: 'read the session token of temporary credentials from stdin' },
    [`${p}session-token-file`]: { type: 'string', value: 'FILE', help: 'read the session token of temporary credentials from FILE' },
  };
}

/** The AWS credentials the flags give. */
function awsFileSource(args: Args, io: Io, p: string): SourceInput<AwsCredentials> {
  const source = oneOf(args, [`${p}from-file`, `${p}access-key-id`, `${p}existing-secret`, `${p}remote-credentials`, `${p}remote-access-key-id`], 'the AWS credentials')!;
  const store = readStore(args);
  const keys = awsKeys(args, io, p, source);
  const credentialsText = fileText(args, io, source);
  const remoteKeys = awsRemoteKeys(args, p, source);
  const remoteFile = remoteValue(args, `${p}remote-credentials`, store);
  if (source !== `${p}access-key-id` && source !== `${p}remote-access-key-id`) {
    refuse(args, [`${p}profile`], `without --${p}access-key-id or --${p}remote-access-key-id`);
  }
  if (source !== `${p}existing-secret`) { refuse(args, [`${p}key`], `without --${p}existing-secret`); }
  return {
    flag: `--${source}`,
    usesStore: remoteKeys !== undefined || remoteFile !== undefined,
    valueFlags: {
      [`${p}from-file`]: {},
      [`${p}existing-secret`]: { key: `--${p}key` },
      [`${p}access-key-id`]: { ...keys?.flags, profile: `--${p}profile` },
      [`${p}remote-credentials`]: { ...storeValueFlags(store), credentials: `--${p}remote-credentials` },
      [`${p}remote-access-key-id`]: { ...remoteKeyFlags(p), ...storeValueFlags(store), profile: `--${p}profile` },
    }[source]!,
    build: (lib, secret) => {
      if (remoteFile !== undefined) { return lib.AwsCredentials.fromSecretStore({ ...store!.options(lib), credentials: remoteFile }); }
      if (remoteKeys !== undefined) { return lib.AwsCredentials.fromSecretStoreKeys({ ...store!.options(lib), ...remoteKeys, profile: str(args, `${p}profile`) }); }
      // The file is stored as its bytes, which its UTF-8 text gives unchanged.
      if (source === `${p}from-file`) { return lib.AwsCredentials._fromFileText(credentialsText(), fileName(args, source)); }
      if (source === `${p}existing-secret`) { return lib.AwsCredentials.fromExistingSecret(str(args, source)!, str(args, `${p}key`)); }
      return lib.AwsCredentials.fromKeys({ ...keys!.values(secret), profile: str(args, `${p}profile`) });
    },
  };
}

export const AWS_FILE_SOURCE: SourceKind<AwsCredentials> = { options: awsFileSourceOptions, read: awsFileSource };

/** How the library's messages name a credentials file the CLI read for flag `--<flag>`: never by its path. */
function fileName(args: Args, flag: string): string {
  return str(args, flag) === '-' ? 'stdin' : 'the file';
}

/** The flag of each remote key. */
function remoteKeyFlags(p: string): FlagNames {
  return { accessKeyId: `--${p}remote-access-key-id`, secretAccessKey: `--${p}remote-secret-access-key`, sessionToken: `--${p}remote-session-token` };
}

/** The key flags, checked; the flag of each key and a function giving the keys when the source is `--access-key-id`. */
function awsKeys(args: Args, io: Io, p: string, source: string) {
  if (source !== `${p}access-key-id`) {
    refuse(args, Object.keys(awsKeyOptions(p)), `without --${p}access-key-id`);
    return undefined;
  }
  const secretAccessKey = secretReader(args, io, `${p}secret-access-key`, true)!;
  const sessionToken = secretReader(args, io, `${p}session-token`, false);
  return {
    flags: { accessKeyId: `--${source}`, secretAccessKey: secretAccessKey.flag, ...sessionToken === undefined ? {} : { sessionToken: sessionToken.flag } },
    values: (secret: (input: SecretInput) => string) => ({
      accessKeyId: str(args, source)!,
      secretAccessKey: secret(secretAccessKey),
      sessionToken: sessionToken === undefined ? undefined : secret(sessionToken),
    }),
  };
}

/**
 * The text of the file that flag `--<flag>` names, or of stdin for `-`, read once. The CLI reads every
 * credential file itself, so that a message names the flag and never the path (which may be a
 * credential given in its place), and says that `-` reads the content from stdin.
 */
function fileText(args: Args, io: Io, flag: string): () => string {
  return once(() => {
    const source = inputSource(str(args, flag)!);
    const text = readCredentialText(io, source, `--${flag}`);
    // Say so, rather than that it is no JSON or holds no profile: an empty stdin is most often a
    // command before the pipe that failed (`vault kv get ... | cdk8s-kubeflow-access ... -`).
    if (text.trim() === '') {
      throw new InputError('stdin' in source
        ? `--${flag}: stdin is empty: check the command that pipes the content in`
        : `--${flag}: the file is empty: give the path of the file that holds the content`);
    }
    return text;
  });
}

// ---- S3 settings as environment variables

export function awsEnvSourceOptions(p: string): { [flag: string]: OptionSpec } {
  return {
    [`${p}from-env`]: { type: 'boolean', help: 'take AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION (else AWS_DEFAULT_REGION), S3_ENDPOINT, S3_SIGNATURE_VERSION, S3_FORCE_PATH_STYLE, AWS_REQUEST_CHECKSUM_CALCULATION and AWS_RESPONSE_CHECKSUM_VALIDATION from this environment' },
    [`${p}from-file`]: { type: 'string', value: 'FILE', help: 'take the keys (and region) of a profile of an AWS shared-credentials file; "-" reads it from stdin' },
    [`${p}profile`]: { type: 'string', value: 'NAME', help: `the profile of --${p}from-file (default: default)` },
    ...awsKeyOptions(p),
    ...awsRemoteKeyOptions(p),
    [`${p}region`]: { type: 'string', value: 'REGION', help: `the region, which a notebook gets as AWS_REGION and AWS_DEFAULT_REGION, with --${p}access-key-id` },
    [`${p}endpoint`]: { type: 'string', value: 'URL', help: `S3_ENDPOINT, the store's http(s)://host[:port], with --${p}access-key-id` },
    [`${p}signature-version`]: { type: 'string', value: 'VERSION', help: `S3_SIGNATURE_VERSION, "s3v4" or "s3", with --${p}access-key-id` },
    [`${p}force-path-style`]: { type: 'string', value: 'BOOL', help: `S3_FORCE_PATH_STYLE, "true" or "false", with --${p}access-key-id` },
    [`${p}checksums`]: { type: 'string', value: 'WHEN', help: `AWS_REQUEST_CHECKSUM_CALCULATION and AWS_RESPONSE_CHECKSUM_VALIDATION: ${CHECKSUMS_HELP}, with --${p}access-key-id` },
    [`${p}existing-secret`]: { type: 'string', value: 'NAME', help: 'use a Secret that already exists in the namespace and holds the variables; none is printed' },
  };
}

const VALUE_FLAGS = ['region', 'endpoint', 'signature-version', 'force-path-style', 'checksums'];

/** The S3 settings the flags give. */
function awsEnvSource(args: Args, io: Io, p: string): SourceInput<S3Configuration> {
  const source = oneOf(args, [`${p}from-env`, `${p}from-file`, `${p}access-key-id`, `${p}existing-secret`, `${p}remote-access-key-id`], 'the S3 settings')!;
  const keys = awsKeys(args, io, p, source);
  const credentialsText = fileText(args, io, source);
  const remoteKeys = awsRemoteKeys(args, p, source);
  const store = readStore(args);
  if (source !== `${p}access-key-id` && source !== `${p}remote-access-key-id`) {
    refuse(args, VALUE_FLAGS.map(f => `${p}${f}`), `without --${p}access-key-id or --${p}remote-access-key-id (${source === `${p}from-env` ? 'set the variable instead' : 'the source holds the settings'})`);
  }
  if (source !== `${p}from-file`) { refuse(args, [`${p}profile`], `without --${p}from-file`); }
  const signatureVersion = choice(args, `${p}signature-version`, SIGNATURE_VERSIONS);
  const forcePathStyle = choice(args, `${p}force-path-style`, BOOLEANS);
  const checksums = choice(args, `${p}checksums`, CHECKSUMS);
  return {
    flag: `--${source}`,
    usesStore: remoteKeys !== undefined,
    // Only the values the flags give: those of a file or the environment are the source's own.
    valueFlags: source !== `${p}access-key-id` && source !== `${p}remote-access-key-id` ? {} : {
      ...keys?.flags ?? { ...remoteKeyFlags(p), ...storeValueFlags(store) },
      region: `--${p}region`, endpoint: `--${p}endpoint`, signatureVersion: `--${p}signature-version`,
      forcePathStyle: `--${p}force-path-style`, checksums: `--${p}checksums`,
    },
    hints: {
      'S3Configuration.fromValues or fromSecretStore': `--${p}access-key-id with --${p}secret-access-key-stdin, or --${p}remote-access-key-id`,
      // What fromEnv says of a variable that is not set.
      'S3Configuration.fromValues': `--${p}access-key-id with --${p}secret-access-key-stdin`,
      // What a consumer that signs with Signature Version 4 alone says of S3_SIGNATURE_VERSION=s3.
      ...source === `${p}from-env` ? { 'leave signatureVersion out, or give S3SignatureVersion.S3V4': 'unset S3_SIGNATURE_VERSION, or set it to s3v4' } : {},
      // What PipelinesArtifactStore says of settings without a region: where this source takes one from, since
      // --region is refused beside it (the file's profile: S3Configuration.fromCredentialsFile reads its region).
      ...source === `${p}from-env` ? { 'give the store\'s region': 'export AWS_REGION with the store\'s region' } : {},
      ...source === `${p}from-file` ? { 'give the store\'s region': 'add "region = REGION" to the profile in the file, with the store\'s region' } : {},
    },
    build: (lib, secret) => {
      const settings = {
        region: str(args, `${p}region`),
        endpoint: str(args, `${p}endpoint`),
        signatureVersion: signatureVersion === undefined ? undefined : lib.S3SignatureVersion[signatureVersion],
        forcePathStyle,
        checksums: checksums === undefined ? undefined : lib.S3Checksums[checksums],
      };
      if (remoteKeys !== undefined) { return lib.S3Configuration.fromSecretStore({ ...store!.options(lib), ...remoteKeys, ...settings }); }
      if (source === `${p}from-env`) { return lib.S3Configuration.fromEnv(definedOnly(io.env)); }
      if (source === `${p}from-file`) { return lib.S3Configuration._fromCredentialsFileText(credentialsText(), fileName(args, source), str(args, `${p}profile`)); }
      if (source === `${p}existing-secret`) { return lib.S3Configuration.fromExistingSecret(str(args, source)!); }
      return lib.S3Configuration.fromValues({ ...keys!.values(secret), ...settings });
    },
  };
}

export const AWS_ENV_SOURCE: SourceKind<S3Configuration> = { options: awsEnvSourceOptions, read: awsEnvSource };


// ---- In-cluster MinIO

export function minioOptions(p: string): { [flag: string]: OptionSpec } {
  return {
    [`${p}existing-secret`]: { type: 'string', value: 'NAME', help: 'Secret in the namespace holding the keys, read by the notebook through secretKeyRef (default: mlpipeline-minio-artifact, which Kubeflow copies into every profile)' },
    [`${p}access-key-key`]: { type: 'string', value: 'KEY', help: `key of --${p}existing-secret holding the access key (default: accesskey)` },
    [`${p}secret-key-key`]: { type: 'string', value: 'KEY', help: `key of --${p}existing-secret holding the secret key (default: secretkey)` },
    [`${p}access-key`]: { type: 'string', value: 'KEY', help: 'write this access key into the Secret instead' },
    [`${p}secret-key-stdin`]: { type: 'boolean', help: `read the secret key for --${p}access-key from stdin` },
    [`${p}secret-key-file`]: { type: 'string', value: 'FILE', help: `read the secret key for --${p}access-key from FILE` },
    [`${p}remote-access-key`]: { type: 'string', value: 'REMOTE', help: `the access key, kept in the secret store (with --${p}remote-secret-key)` },
    [`${p}remote-secret-key`]: { type: 'string', value: 'REMOTE', help: 'the secret key, kept in the secret store' },
    [`${p}endpoint`]: { type: 'string', value: 'URL', help: 'the store\'s http(s)://host[:port] (default: http://minio-service.kubeflow:9000)' },
    [`${p}region`]: { type: 'string', value: 'REGION', help: 'AWS_REGION and AWS_DEFAULT_REGION (default: us-east-1)' },
    [`${p}signature-version`]: { type: 'string', value: 'VERSION', help: '"s3v4" (the default) or "s3"' },
    [`${p}force-path-style`]: { type: 'string', value: 'BOOL', help: '"true" (the default, which MinIO needs) or "false"' },
    [`${p}checksums`]: { type: 'string', value: 'WHEN', help: `AWS_REQUEST_CHECKSUM_CALCULATION and AWS_RESPONSE_CHECKSUM_VALIDATION: ${CHECKSUMS_HELP} (default: when_required)` },
    [`${p}no-sdk-endpoint-variable`]: { type: 'boolean', help: 'leave out AWS_ENDPOINT_URL_S3, which current AWS SDKs read the endpoint from' },
  };
}

/** The MinIO keys the flags give; none when neither flag is given (the construct's default Secret). */
function minioSource(args: Args, io: Io, p: string): SourceInput<MinioCredentials | undefined> {
  const source = oneOf(args, [`${p}existing-secret`, `${p}access-key`, `${p}remote-access-key`], 'the MinIO keys', true);
  const store = readStore(args);
  if (source !== `${p}remote-access-key`) { refuse(args, [`${p}remote-secret-key`], `without --${p}remote-access-key`); }
  const remoteAccessKey = remoteValue(args, `${p}remote-access-key`, store);
  const remoteSecretKey = remoteValue(args, `${p}remote-secret-key`, store);
  if (remoteAccessKey !== undefined && remoteSecretKey === undefined) {
    throw new UsageError(`the remote secret key is missing: give --${p}remote-secret-key with --${p}remote-access-key`);
  }
  if (source !== `${p}access-key`) { refuse(args, [`${p}secret-key-stdin`, `${p}secret-key-file`], `without --${p}access-key`); }
  if (source !== `${p}existing-secret`) { refuse(args, [`${p}access-key-key`, `${p}secret-key-key`], `without --${p}existing-secret`); }
  const secretKey = source === `${p}access-key` ? secretReader(args, io, `${p}secret-key`, true)! : undefined;
  return {
    flag: `--${source ?? `${p}existing-secret`}`,
    usesStore: remoteAccessKey !== undefined,
    valueFlags: remoteAccessKey === undefined
      ? { accessKey: `--${p}access-key`, accessKeyKey: `--${p}access-key-key`, secretKeyKey: `--${p}secret-key-key`, ...secretKey === undefined ? {} : { secretKey: secretKey.flag } }
      : { ...storeValueFlags(store), accessKey: `--${p}remote-access-key`, secretKey: `--${p}remote-secret-key` },
    build: (lib, secret) => {
      if (remoteAccessKey !== undefined) {
        return lib.MinioCredentials.fromSecretStore({ ...store!.options(lib), accessKey: remoteAccessKey, secretKey: remoteSecretKey! });
      }
      if (source === `${p}access-key`) { return lib.MinioCredentials.fromKeys({ accessKey: str(args, source)!, secretKey: secret(secretKey!) }); }
      if (source === `${p}existing-secret`) {
        return lib.MinioCredentials.fromExistingSecret(str(args, source)!, str(args, `${p}access-key-key`), str(args, `${p}secret-key-key`));
      }
      return undefined;
    },
  };
}

export const MINIO_SOURCE: SourceKind<MinioCredentials | undefined> = { options: minioOptions, read: minioSource };

/** The flags of minioOptions that set a MinioDefault prop directly. */
export function minioProps(p: string): PropFlags {
  return {
    [`${p}endpoint`]: { prop: 'endpoint' },
    [`${p}region`]: { prop: 'region' },
    [`${p}signature-version`]: { prop: 'signatureVersion', choices: SIGNATURE_VERSIONS, enumOf: lib => lib.S3SignatureVersion },
    [`${p}force-path-style`]: { prop: 'forcePathStyle', choices: BOOLEANS },
    [`${p}checksums`]: { prop: 'checksums', choices: CHECKSUMS, enumOf: lib => lib.S3Checksums },
    [`${p}no-sdk-endpoint-variable`]: { prop: 'sdkEndpointVariable', whenGiven: false },
  };
}

// ---- Google Cloud Storage through a service-account key

export function gcsSourceOptions(p: string): { [flag: string]: OptionSpec } {
  return {
    [`${p}key-file`]: { type: 'string', value: 'FILE', help: 'a service-account key file (JSON, as "gcloud iam service-accounts keys create" writes it), checked and stored unchanged; "-" reads it from stdin' },
    [`${p}existing-secret`]: { type: 'string', value: 'NAME', help: 'use a Secret that already exists in the namespace; none is printed' },
    [`${p}existing-key`]: { type: 'string', value: 'KEY', help: `key of the key file in --${p}existing-secret, mounted as user-gcp-sa.json (default: user-gcp-sa.json)` },
    [`${p}remote-key`]: { type: 'string', value: 'REMOTE', help: 'a whole key file kept in the secret store, written to the Secret unchanged (not checked: nothing reads it at synth time)' },
  };
}

/** The service-account key the flags give. */
function gcsSource(args: Args, io: Io, p: string): SourceInput<GcpServiceAccountKey> {
  const source = oneOf(args, [`${p}key-file`, `${p}existing-secret`, `${p}remote-key`], 'the service-account key')!;
  const store = readStore(args);
  const remote = remoteValue(args, `${p}remote-key`, store);
  if (source !== `${p}existing-secret`) { refuse(args, [`${p}existing-key`], `without --${p}existing-secret`); }
  const keyText = fileText(args, io, source);
  return {
    flag: `--${source}`,
    usesStore: remote !== undefined,
    // `key` is the existing Secret's key, or the remote value of the key file.
    valueFlags: source === `${p}existing-secret` ? { key: `--${p}existing-key` } : { ...storeValueFlags(store), key: `--${p}remote-key` },
    // KServe's fix for a Secret whose key file is under another key.
    hints: { 'GcpServiceAccountKey.fromExistingSecret(name, "gcloud-application-credentials.json")': `--${p}existing-secret NAME --${p}existing-key gcloud-application-credentials.json` },
    build: lib => {
      if (remote !== undefined) { return lib.GcpServiceAccountKey.fromSecretStore({ ...store!.options(lib), key: remote }); }
      if (source === `${p}key-file`) { return lib.GcpServiceAccountKey.fromJson(keyText()); }
      return lib.GcpServiceAccountKey.fromExistingSecret(str(args, source)!, str(args, `${p}existing-key`));
    },
  };
}

export const GCS_SOURCE: SourceKind<GcpServiceAccountKey> = { options: gcsSourceOptions, read: gcsSource };

// ---- Azure Blob Storage as environment variables

/** The three credentials of an Azure Storage account, each a secret read from stdin or a file. */
const AZURE_CREDENTIALS = ['account-key', 'sas-token', 'connection-string'] as const;

export function azureSourceOptions(p: string): { [flag: string]: OptionSpec } {
  return {
    [`${p}account-name`]: { type: 'string', value: 'NAME', help: 'the storage account (AZURE_STORAGE_ACCOUNT_NAME); with a connection string, its AccountName by default' },
    [`${p}account-key-stdin`]: { type: 'boolean', help: 'read the account key (AZURE_STORAGE_ACCOUNT_KEY) from stdin' },
    [`${p}account-key-file`]: { type: 'string', value: 'FILE', help: 'read the account key from FILE' },
    [`${p}sas-token-stdin`]: { type: 'boolean', help: 'read a shared access signature (AZURE_STORAGE_SAS_TOKEN) from stdin' },
    [`${p}sas-token-file`]: { type: 'string', value: 'FILE', help: 'read the shared access signature from FILE' },
    [`${p}connection-string-stdin`]: { type: 'boolean', help: 'read a connection string (AZURE_STORAGE_CONNECTION_STRING) from stdin' },
    [`${p}connection-string-file`]: { type: 'string', value: 'FILE', help: 'read the connection string from FILE' },
    [`${p}from-env`]: { type: 'boolean', help: 'take AZURE_STORAGE_ACCOUNT_NAME and one of AZURE_STORAGE_ACCOUNT_KEY, AZURE_STORAGE_SAS_TOKEN, AZURE_STORAGE_CONNECTION_STRING from this environment' },
    [`${p}existing-secret`]: { type: 'string', value: 'NAME', help: 'use a Secret that already exists in the namespace and holds the variables; none is printed' },
    [`${p}remote-account-key`]: { type: 'string', value: 'REMOTE', help: `the account key, kept in the secret store (with --${p}account-name)` },
    [`${p}remote-sas-token`]: { type: 'string', value: 'REMOTE', help: `a shared access signature, kept in the secret store (with --${p}account-name)` },
    [`${p}remote-connection-string`]: { type: 'string', value: 'REMOTE', help: `a connection string, kept in the secret store (with --${p}account-name, its AccountName)` },
    [`${p}workload-identity`]: { type: 'boolean', help: `no credential and no Secret: with --${p}account-name, the notebook authenticates with its own Azure identity (workload identity; AZURE_STORAGE_ANON=false)` },
  };
}

/** The Azure configuration the flags give. */
function azureSource(args: Args, io: Io, p: string): SourceInput<AzureStorageConfiguration> {
  return { ...azureSourceInput(args, io, p), hints: azureHints(p) };
}

/** KServe's fixes for an Azure source it cannot read, in flags. */
function azureHints(p: string): FlagNames {
  return {
    'AzureStorageConfiguration.fromValues or fromSecretStore': `--${p}account-key-stdin, --${p}account-key-file or --${p}remote-account-key`,
    'AzureStorageConfiguration.fromAccountName': `--${p}workload-identity`,
    'accountKey': `--${p}account-key-stdin`,
  };
}

function azureSourceInput(args: Args, io: Io, p: string): SourceInput<AzureStorageConfiguration> {
  const credentialFlags = AZURE_CREDENTIALS.flatMap(c => [`${p}${c}-stdin`, `${p}${c}-file`, `${p}remote-${c}`]);
  const valueFlags = [`${p}account-name`, `${p}workload-identity`, ...credentialFlags];
  const values = given(args, valueFlags)[0];
  const found = given(args, [`${p}from-env`, `${p}existing-secret`]);
  if (values !== undefined && found.length > 0) {
    throw new UsageError(`--${found[0]} and --${values} each give the Azure account: give one of them`);
  }
  const source = values === undefined ? oneOf(args, [`${p}from-env`, `${p}existing-secret`, `${p}account-name`], 'the Azure account')! : `${p}account-name`;
  if (source !== `${p}account-name`) { return azureWhole(args, io, source); }
  const store = readStore(args);
  const credentials = AZURE_CREDENTIALS.map(c => ({
    name: c,
    reader: secretReader(args, io, `${p}${c}`, false),
    remote: remoteValue(args, `${p}remote-${c}`, store),
  })).filter(c => c.reader !== undefined || c.remote !== undefined);
  const flagOf = (c: typeof credentials[number]) => c.reader?.flag ?? `--${p}remote-${c.name}`;
  const accountName = str(args, `${p}account-name`);
  if (args.values[`${p}workload-identity`] !== undefined) {
    if (credentials.length > 0) {
      throw new UsageError(`--${p}workload-identity and ${flagOf(credentials[0])} each give the Azure credential: give one of them`);
    }
    if (accountName === undefined) { throw new UsageError(`--${p}workload-identity needs --${p}account-name: give the storage account`); }
    return {
      flag: `--${p}account-name`,
      usesStore: false,
      valueFlags: { accountName: `--${p}account-name` },
      build: lib => lib.AzureStorageConfiguration.fromAccountName(accountName),
    };
  }
  if (credentials.length !== 1 || (credentials[0].reader !== undefined && credentials[0].remote !== undefined)) {
    const each = AZURE_CREDENTIALS.map(c => `--${p}${c}-stdin`).join(', ');
    const flags = credentials.flatMap(c => [c.reader?.flag, c.remote === undefined ? undefined : `--${p}remote-${c.name}`]).filter(f => f !== undefined);
    throw new UsageError(credentials.length === 0
      ? `the Azure credential is missing: give one of ${each} (or its -file or --${p}remote-... form), or --${p}workload-identity for none`
      : `${flags.join(' and ')} each give the Azure credential: give one of them`);
  }
  const [credential] = credentials;
  const field = credential.name === 'account-key' ? 'accountKey' : credential.name === 'sas-token' ? 'sasToken' : 'connectionString';
  return {
    flag: accountName === undefined ? flagOf(credential) : `--${p}account-name`,
    usesStore: credential.remote !== undefined,
    valueFlags: { ...storeValueFlags(store), accountName: `--${p}account-name`, [field]: flagOf(credential) },
    build: (lib, secret) => credential.remote !== undefined
      ? lib.AzureStorageConfiguration.fromSecretStore({ ...store!.options(lib), accountName: accountName!, [field]: credential.remote })
      : lib.AzureStorageConfiguration.fromValues({ accountName, [field]: secret(credential.reader!) }),
  };
}

function azureWhole(args: Args, io: Io, source: string): SourceInput<AzureStorageConfiguration> {
  return {
    flag: `--${source}`,
    usesStore: false,
    valueFlags: {},
    build: lib => source.endsWith('from-env')
      ? lib.AzureStorageConfiguration.fromEnv(definedOnly(io.env))
      : lib.AzureStorageConfiguration.fromExistingSecret(str(args, source)!),
  };
}

export const AZURE_SOURCE: SourceKind<AzureStorageConfiguration> = { options: azureSourceOptions, read: azureSource };
