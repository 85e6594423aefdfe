// `docker`: a DockerRegistryAccess, from a config.json, a login, or an existing Secret.
import { accessCommand } from './access-command';
import { DOCKER_SECRET_TYPES, DOCKER_SOURCE } from './sources';

export const dockerCommand = accessCommand({
  name: 'docker',
  summary: 'Docker registry credentials, mounted as ~/.docker/config.json',
  synopsis: [
    '--namespace NS --from-file CONFIG_JSON [options]',
    '--namespace NS --username USER (--password-stdin | --password-file FILE) [--server URL] [options]',
    '--namespace NS --existing-secret NAME [--key KEY] [options]',
    '--namespace NS (--secret-store NAME | --cluster-secret-store NAME) --remote-config REMOTE [options]',
    '--namespace NS (--secret-store NAME | --cluster-secret-store NAME) --remote-username REMOTE --remote-password REMOTE [--server URL] [options]',
  ],
  description: [
    'Prints a Secret holding a Docker config.json and a PodDefault that mounts it at /home/jovyan/.docker/ in the notebooks that select it (DockerRegistryAccess).',
    'A config.json whose credentials live in a credential helper ("credsStore", "credHelpers", as Docker Desktop writes) grants nothing inside a pod and is refused: give --username instead.',
  ],
  examples: [
    'cdk8s-kubeflow-access docker --namespace user --from-file ~/.docker/config.json | kubectl apply -f -',
    'echo "$TOKEN" | cdk8s-kubeflow-access docker --namespace user --server ghcr.io --username bot --password-stdin',
    'cdk8s-kubeflow-access docker --namespace user --cluster-secret-store vault --server ghcr.io --remote-username \'kubeflow/ghcr#username\' --remote-password \'kubeflow/ghcr#token\'',
  ],
  construct: lib => lib.DockerRegistryAccess,
  id: 'docker-config',
  defaultDescription: 'Add Docker registry credentials',
  source: { kind: DOCKER_SOURCE, heading: 'Credentials (one of --from-file, --username, --existing-secret, --remote-config, --remote-username)', prop: 'config' },
  props: {
    'secret-type': { prop: 'secretType', choices: DOCKER_SECRET_TYPES, enumOf: lib => lib.DockerSecretType },
  },
  mountPath: '/home/jovyan/.docker/',
});
