export { PodDefaultAccess, PodDefaultAccessOptions, PodDefaultAccessSpec, PodDefaultMountOptions } from './access';
export { DockerConfig, DockerSecretType } from './docker-config';
export { DockerLogin } from './docker-config-json';
export { DockerRegistryAccess, DockerRegistryAccessOptions, DockerRegistryAccessProps } from './docker-registry-access';
export { AccessError } from './errors';
export { KubePodDefault, KubePodDefaultProps, PodDefaultSpec } from '../imports/kubeflow.org';
