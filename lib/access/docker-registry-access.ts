import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { accessSpec, PodDefaultAccess, PodDefaultAccessOptions, PodDefaultAccessSpec, PodDefaultMountOptions, resolveAccess, resolveMount, SecretSource } from './pod-default-access';
import { encodeBase64 } from '../sources/base64';
import { DOCKER_SECRET_KEYS, DockerConfig, DockerSecretType, ResolvedDockerConfig } from '../sources/docker-config';
import { readField } from '../errors';
import { ACCESS_OPTIONS_SHAPE, openConstruct, PropsShape, SOURCE_SHAPES } from './props-guard';
import { DEFAULT_HOME } from './home-directory';

/** Where Docker and its tools look for config.json in a Kubeflow notebook. */
const DEFAULT_MOUNT_PATH = `${DEFAULT_HOME}/.docker/`;
const CONFIG_FILE = 'config.json';

/**
 * Options of DockerRegistryAccess, all but the credentials.
 */
export interface DockerRegistryAccessOptions extends PodDefaultAccessOptions, PodDefaultMountOptions {
  /**
   * How the credentials are stored in the Secret.
   * @default DockerSecretType.OPAQUE
   */
  readonly secretType?: DockerSecretType;
}

/**
 * Props of DockerRegistryAccess.
 */
export interface DockerRegistryAccessProps extends DockerRegistryAccessOptions {
  /** The registry credentials. */
  readonly config: DockerConfig;
}

/**
 * Docker registry credentials for Kubeflow notebooks: a Secret holding config.json, and a PodDefault
 * that mounts it at `/home/jovyan/.docker/` (the home of stock Kubeflow notebook images) in the notebooks
 * that select it.
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

/** The props this construct takes, as props-guard checks them. */
const PROPS_SHAPE: PropsShape = {
  ...ACCESS_OPTIONS_SHAPE,
  enums: { secretType: { name: 'DockerSecretType', values: DockerSecretType } },
  instances: { config: { ...SOURCE_SHAPES.docker, required: 'the credentials' } },
};

function dockerSpec(scope: Construct, id: string, props: DockerRegistryAccessProps): PodDefaultAccessSpec {
  const path = openConstruct(scope, id, props, PROPS_SHAPE);
  const config = readField(path, 'config', () => props.config._resolve());
  const secretType = props.secretType ?? DockerSecretType.OPAQUE;
  const key = (config.kind === 'existing' ? config.key : undefined) ?? DOCKER_SECRET_KEYS[secretType];
  const access = resolveAccess(scope, id, props, 'Add Docker registry credentials', dockerSecret(config, key, secretType));
  const { volumeName, mountPath } = resolveMount(access, props, DEFAULT_MOUNT_PATH);

  const secret: k8s.SecretVolumeSource = key === CONFIG_FILE
    ? { secretName: access.secretName }
    : { secretName: access.secretName, items: [{ key, path: CONFIG_FILE }] };
  return accessSpec(access, {
    volumes: [{ name: volumeName, secret }],
    volumeMounts: [{ name: volumeName, mountPath }],
    imagePullSecrets: secretType === DockerSecretType.DOCKER_CONFIG_JSON ? [{ name: access.secretName }] : undefined,
  });
}

function dockerSecret(config: ResolvedDockerConfig, key: string, secretType: DockerSecretType): SecretSource {
  switch (config.kind) {
    case 'existing':
      return { existing: config.secretName };
    case 'content':
      return { data: { [key]: encodeBase64(config.bytes) }, type: secretType };
    case 'store':
      // ESO writes an Opaque Secret unless the template names another type.
      return { store: { ...config.secret(key), type: secretType === DockerSecretType.OPAQUE ? undefined : secretType } };
  }
}
