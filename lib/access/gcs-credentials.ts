import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { accessSpec, PodDefaultAccess, PodDefaultAccessOptions, PodDefaultAccessSpec, PodDefaultMountOptions, resolveAccess, resolveMount, SecretSource } from './pod-default-access';
import { encodeBase64 } from '../sources/base64';
import { fieldError, readField } from '../errors';
import { expandEnvValue } from '../admission/env-expansion';
import { GcpServiceAccountKey, ResolvedGcpServiceAccountKey } from '../sources/gcp-service-account-key';
import { GCP_CREDENTIAL_MARKER, markerEnv } from './markers';
import { ACCESS_OPTIONS_SHAPE, openConstruct, PropsShape, SOURCE_SHAPES } from './props-guard';

/** The Kubeflow GKE docs' mount directory and file name for the key. */
const DEFAULT_MOUNT_PATH = '/secret/gcp/';
const KEY_FILE = 'user-gcp-sa.json';
/** The key file google-auth (and so gcsfs, the GCS client libraries and the Kubeflow SDKs) loads first. */
const CREDENTIALS_VARIABLE = 'GOOGLE_APPLICATION_CREDENTIALS';

/**
 * Options of GcsCredentials, all but the key.
 */
export interface GcsCredentialsOptions extends PodDefaultAccessOptions, PodDefaultMountOptions {}

/**
 * Props of GcsCredentials.
 */
export interface GcsCredentialsProps extends GcsCredentialsOptions {
  /** The service-account key. */
  readonly key: GcpServiceAccountKey;
}

/**
 * Google Cloud Storage (and every Google Cloud API) for Kubeflow notebooks through a service-account
 * key: a Secret holding the key as `user-gcp-sa.json`, and a PodDefault that mounts it at
 * `/secret/gcp/` and points `GOOGLE_APPLICATION_CREDENTIALS` at the file, in the notebooks that
 * select it. It sets `KUBEFLOW_GCP_CREDENTIAL` to its own name, as a `GcpWorkloadIdentityAccess` does: a
 * profile can offer several keys and the identity side by side, and the webhook refuses a notebook that
 * selects two.
 *
 * @example
 * new GcsCredentials(chart, 'gcp-credentials', {
 *   key: GcpServiceAccountKey.fromFile('key.json'),
 * });
 */
export class GcsCredentials extends PodDefaultAccess {
  /** Where the notebook finds the key file: the value of `GOOGLE_APPLICATION_CREDENTIALS`. */
  public readonly keyFilePath: string;

  public constructor(scope: Construct, id: string, props: GcsCredentialsProps) {
    const spec = gcsSpec(scope, id, props);
    super(scope, id, spec);
    this.keyFilePath = spec.env![0].value!;
  }
}

/** The props this construct takes, as props-guard checks them. */
const PROPS_SHAPE: PropsShape = {
  ...ACCESS_OPTIONS_SHAPE,
  instances: { key: { ...SOURCE_SHAPES.gcs, required: 'the service-account key' } },
};

function gcsSpec(scope: Construct, id: string, props: GcsCredentialsProps): PodDefaultAccessSpec {
  const path = openConstruct(scope, id, props, PROPS_SHAPE);
  const key = readField(path, 'key', () => props.key._resolve());
  const access = resolveAccess(scope, id, props, 'Add GCP credentials', keySecret(key));
  const { volumeName, mountPath } = resolveMount(access, props, DEFAULT_MOUNT_PATH);

  const keyFilePath = `${mountPath.replace(/\/+$/, '')}/${KEY_FILE}`;
  // The kubelet expands "$$" and "$(NAME)" in an env value at container start, never in a mount path
  // (kubernetes third_party/forked/golang/expansion/expand.go, Expand): the variable would name a file
  // that is not there, and gcsfs would go anonymous without a word.
  if (expandEnvValue(keyFilePath, () => undefined) !== keyFilePath) {
    throw fieldError(access.path, 'mountPath', 'has "$$", "$(NAME)" or "$" before a non-ASCII character, which the kubelet expands in '
      + `${CREDENTIALS_VARIABLE} and not in the mount path, so the variable would name a file that is not there: give a directory without them, such as "${DEFAULT_MOUNT_PATH}"`);
  }
  const secretKey = (key.kind === 'existing' ? key.key : undefined) ?? KEY_FILE;
  const volumeSecret: k8s.SecretVolumeSource = secretKey === KEY_FILE
    ? { secretName: access.secretName }
    : { secretName: access.secretName, items: [{ key: secretKey, path: KEY_FILE }] };
  return accessSpec(access, {
    volumes: [{ name: volumeName, secret: volumeSecret }],
    volumeMounts: [{ name: volumeName, mountPath }],
    env: [{ name: CREDENTIALS_VARIABLE, value: keyFilePath }, markerEnv(GCP_CREDENTIAL_MARKER, access.name)],
  });
}

function keySecret(key: ResolvedGcpServiceAccountKey): SecretSource {
  switch (key.kind) {
    case 'content':
      return { type: 'Opaque', data: { [KEY_FILE]: encodeBase64(key.bytes) } };
    case 'existing':
      return { existing: key.secretName };
    case 'store':
      return { store: key.secret(KEY_FILE) };
  }
}
