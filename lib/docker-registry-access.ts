import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { PodDefaultAccess, PodDefaultAccessOptions, PodDefaultAccessSpec, PodDefaultMountOptions, resolveMount, resolveNames } from './access';
import { encodeBase64 } from './base64';
import { DOCKER_SECRET_KEYS, DockerConfig, DockerSecretType } from './docker-config';
import { fieldError, readField } from './errors';

/** Where Docker and its tools look for config.json in a Kubeflow notebook. */
const DEFAULT_MOUNT_PATH = '/home/kubeflow/.docker/';
const CONFIG_FILE = 'config.json';

/**
 * Props of DockerRegistryAccess.
 */
export interface DockerRegistryAccessProps extends PodDefaultAccessOptions, PodDefaultMountOptions {
  /** The registry credentials. */
  readonly config: DockerConfig;

  /**
   * How the credentials are stored in the Secret.
   * @default DockerSecretType.OPAQUE
   */
  readonly secretType?: DockerSecretType;
}

/**
 * Docker registry credentials for Kubeflow notebooks: a Secret holding config.json, and a PodDefault
 * that mounts it at `/home/kubeflow/.docker/` in the notebooks that select it.
 *
 * @example
 * new DockerRegistryAccess(chart, 'docker-config', {
 *   config: DockerConfig.fromFile('config.json'),
 * });
 */
export class DockerRegistryAccess extends PodDefaultAccess {
  public constructor(scope: Construct, id: string, props: DockerRegistryAccessProps) {
    super(scope, id, dockerSpec(scope, id, props));
  }
}

function dockerSpec(scope: Construct, id: string, props: DockerRegistryAccessProps): PodDefaultAccessSpec {
  const path = scope.node.path ? `${scope.node.path}/${id}` : id;
  if (props.config === undefined) {
    throw fieldError(path, 'config', 'is missing: give the credentials, such as DockerConfig.fromFile("config.json")');
  }
  const config = readField(path, 'config', () => props.config._resolve());
  const secretType = props.secretType ?? DockerSecretType.OPAQUE;
  const names = resolveNames(scope, id, props, 'Add Docker registry credentials',
    config.kind === 'existing' ? config.secretName : undefined);
  const { volumeName, mountPath } = resolveMount(names, props, DEFAULT_MOUNT_PATH);
  const key = (config.kind === 'existing' ? config.key : undefined) ?? DOCKER_SECRET_KEYS[secretType];

  const secret: k8s.SecretVolumeSource = key === CONFIG_FILE
    ? { secretName: names.secretName }
    : { secretName: names.secretName, items: [{ key, path: CONFIG_FILE }] };
  return {
    ...names,
    secretData: config.kind === 'content' ? { [key]: encodeBase64(config.bytes) } : undefined,
    secretType,
    immutable: props.immutable,
    volumes: [{ name: volumeName, secret }],
    volumeMounts: [{ name: volumeName, mountPath }],
    imagePullSecrets: secretType === DockerSecretType.DOCKER_CONFIG_JSON ? [{ name: names.secretName }] : undefined,
  };
}
