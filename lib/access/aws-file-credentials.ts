import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { accessSpec, PodDefaultAccess, PodDefaultAccessOptions, PodDefaultAccessSpec, PodDefaultMountOptions, resolveAccess, resolveMount, SecretSource } from './pod-default-access';
import { AwsCredentials, ResolvedAwsCredentials } from '../sources/aws-credentials';
import { ConfigProfile, regionProblem, renderConfigIni } from '../sources/aws-credentials-ini';
import { encodeBase64 } from '../sources/base64';
import { fieldError, readField } from '../errors';
import { foldPath } from '../names';
import { StoreSecret, templateLiteral } from '../sources/store-secret';
import { ACCESS_OPTIONS_SHAPE, openConstruct, PropsShape } from './props-guard';
import { DEFAULT_HOME } from './home-directory';
import { AWS_CREDENTIAL_MARKER, markerEnv } from './markers';

/** Where the AWS CLI and SDKs look for `credentials` and `config` in a Kubeflow notebook. */
const DEFAULT_MOUNT_PATH = `${DEFAULT_HOME}/.aws/`;
const CREDENTIALS_FILE = 'credentials';
const CONFIG_FILE = 'config';
/** What Python's shlex takes as a word break or quoting (`shlex.whitespace` is space, tab, CR and LF). */
const SHLEX_SPECIAL = /[ \t'"\\]/;

/**
 * Options of AwsFileCredentials, all but the credentials.
 */
export interface AwsFileCredentialsOptions extends PodDefaultAccessOptions, PodDefaultMountOptions {
  /**
   * Region for the profiles that have none, written to the AWS config file (`~/.aws/config`, the
   * Secret's key `config`) so that SDKs find it. Not with an existing Secret.
   * @default - only profiles with their own region get one; no config file when none has
   */
  readonly region?: string;
}

/**
 * Props of AwsFileCredentials.
 */
export interface AwsFileCredentialsProps extends AwsFileCredentialsOptions {
  /** The AWS credentials. */
  readonly credentials: AwsCredentials;
}

/**
 * AWS credentials for Kubeflow notebooks: a Secret holding the shared-credentials file (and, with a
 * region, the config file), and a PodDefault that mounts it at `/home/jovyan/.aws/` (the home of stock
 * Kubeflow notebook images) in the notebooks that select it. Mounted in a `.aws` directory with a
 * `[default]` profile (or profiles unknown at synth), it sets `KUBEFLOW_AWS_CREDENTIAL` to its name, as
 * `AwsWebIdentityAccess` does, so that no notebook gets both: botocore would use the role and ignore
 * the file.
 *
 * @example
 * new AwsFileCredentials(chart, 'aws-credentials', {
 *   credentials: AwsCredentials.fromFile('credentials'),
 * });
 */
export class AwsFileCredentials extends PodDefaultAccess {
  public constructor(scope: Construct, id: string, props: AwsFileCredentialsProps) {
    super(scope, id, awsFileSpec(scope, id, props));
  }
}

/** The props this construct takes, as props-guard checks them. */
const PROPS_SHAPE: PropsShape = {
  ...ACCESS_OPTIONS_SHAPE,
  strings: [...ACCESS_OPTIONS_SHAPE.strings, 'region'],
  instances: { credentials: { name: 'AwsCredentials', example: 'AwsCredentials.fromFile("credentials")', required: 'the credentials' } },
};

function awsFileSpec(scope: Construct, id: string, props: AwsFileCredentialsProps): PodDefaultAccessSpec {
  const path = openConstruct(scope, id, props, PROPS_SHAPE);
  const credentials = readField(path, 'credentials', () => props.credentials._resolve());
  if (props.region !== undefined) {
    if (credentials.kind === 'existing') {
      // With a key of its own only that key is mounted (items), so a "config" key of the Secret would not reach the notebook.
      throw fieldError(path, 'region', credentials.key === undefined || credentials.key === CREDENTIALS_FILE
        ? 'only applies to a synthesised Secret, but the source is an existing Secret: leave region out, and put an AWS config file under the key "config" of that Secret'
        : 'only applies to a synthesised Secret, but the source is an existing Secret of which only the key given to fromExistingSecret is mounted (as credentials), '
          + 'so no config file of it would reach the notebook: leave region out, and keep that Secret\'s file under the key "credentials", an AWS config file under the key "config", and no key in fromExistingSecret');
    }
    if (credentials.kind === 'store' && credentials.profiles === undefined) {
      throw fieldError(path, 'region', 'needs the profile names, but the whole credentials file comes from the secret store: leave region out, or use AwsCredentials.fromSecretStoreKeys with its region');
    }
    const problem = regionProblem(props.region);
    if (problem !== undefined) { throw fieldError(path, 'region', problem); }
  }
  if (credentials.kind === 'content' && props.region !== undefined) {
    // botocore finds a config section "[profile NAME]" by splitting its header with shlex
    // (botocore 1.43.11 configloader._parse_section), and drops one that does not split into two words.
    const unreadable = credentials.profiles.findIndex(profile => profile.region === undefined && SHLEX_SPECIAL.test(profile.name));
    if (unreadable >= 0) {
      // Named by its place: the name is in the Secret, not the YAML.
      throw fieldError(path, 'region', `would be written for profile ${unreadable + 1} of the credentials (in their order) in the config file, under a header "[profile NAME]" that botocore cannot read, `
        + 'since the name holds a space, a tab, a quote or a backslash: rename the profile, or give it a region line of its own in the credentials file');
    }
  }
  let secret: SecretSource;
  if (credentials.kind === 'content') {
    const config = renderConfigIni(credentials.profiles.map(({ name, region }) => ({ name, region: region ?? props.region })));
    secret = {
      type: 'Opaque',
      data: {
        [CREDENTIALS_FILE]: encodeBase64(credentials.bytes),
        ...(config === undefined ? {} : { [CONFIG_FILE]: encodeBase64(config) }),
      },
    };
  } else if (credentials.kind === 'store') {
    secret = { store: withConfigFile(credentials.secret, credentials.profiles, props.region) };
  } else {
    secret = { existing: credentials.secretName };
  }
  const access = resolveAccess(scope, id, props, 'Add AWS credentials', secret);
  const { volumeName, mountPath } = resolveMount(access, props, DEFAULT_MOUNT_PATH);

  // The whole Secret is mounted, so that `config` lands beside `credentials`, unless an existing
  // Secret keeps the file under another key.
  const key = (credentials.kind === 'existing' ? credentials.key : undefined) ?? CREDENTIALS_FILE;
  const volumeSecret: k8s.SecretVolumeSource = key === CREDENTIALS_FILE
    ? { secretName: access.secretName }
    : { secretName: access.secretName, items: [{ key, path: CREDENTIALS_FILE }] };
  return accessSpec(access, {
    volumes: [{ name: volumeName, secret: volumeSecret }],
    volumeMounts: [{ name: volumeName, mountPath }],
    env: botocoreMayRead(credentials, mountPath) ? [markerEnv(AWS_CREDENTIAL_MARKER, access.name)] : undefined,
  });
}

/**
 * Whether botocore's default chain may read the file, as the check's cloud-identity rule judges it: it
 * is mounted as `credentials` in a `.aws` directory, and has a `[default]` profile or profiles unknown
 * here (an existing Secret, a whole file from the store). A file of named profiles only is read for
 * `Session(profile_name=...)`, and a file elsewhere only where code names it, so both work beside a web
 * identity and set no marker.
 */
function botocoreMayRead(credentials: ResolvedAwsCredentials, mountPath: string): boolean {
  return foldPath(`${mountPath}/${CREDENTIALS_FILE}`).endsWith('/.aws/credentials')
    && (credentials.kind === 'existing' || credentials.profiles === undefined
      || credentials.profiles.some(profile => profile.name === 'default'));
}

/**
 * The stored credentials with the config file beside them, as literal template text: the profile
 * names and regions are known at synth time, and ESO renders only the template's keys.
 */
function withConfigFile(secret: StoreSecret, profiles: readonly ConfigProfile[] | undefined, region: string | undefined): StoreSecret {
  if (profiles === undefined) { return secret; }
  const config = renderConfigIni(profiles.map(profile => ({ name: profile.name, region: profile.region ?? region })));
  return config === undefined ? secret : { ...secret, template: { ...secret.template, [CONFIG_FILE]: templateLiteral(config) } };
}
