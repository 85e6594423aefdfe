// `docker`: a DockerRegistryAccess, from a config.json, a login, or an existing Secret.
import { Args, checkOneStdinReader, CommandSpec, EXIT_OK, Io } from './framework';
import { commonOptions, commonProps, mountOptions, mountProps } from './options';
import { dockerSource, dockerSourceOptions } from './sources';
import { synthesize } from './synth';

export const dockerCommand: CommandSpec = {
  name: 'docker',
  summary: 'Docker registry credentials, mounted as ~/.docker/config.json',
  synopsis: [
    '--namespace NS --from-file CONFIG_JSON [options]',
    '--namespace NS --username USER (--password-stdin | --password-file FILE) [--server URL] [options]',
    '--namespace NS --existing-secret NAME [--key KEY] [options]',
  ],
  description: [
    'Prints a Secret holding a Docker config.json and a PodDefault that mounts it at /home/kubeflow/.docker/ in the notebooks that select it (DockerRegistryAccess).',
    'A config.json whose credentials live in a credential helper ("credsStore", "credHelpers", as Docker Desktop writes) grants nothing inside a pod and is refused: give --username instead.',
  ],
  options: [
    { heading: 'Credentials (one of --from-file, --username, --existing-secret)', options: dockerSourceOptions('') },
    commonOptions('docker-config', 'Add Docker registry credentials'),
    mountOptions('/home/kubeflow/.docker/'),
  ],
  examples: [
    'cdk8s-kubeflow-access docker --namespace user --from-file ~/.docker/config.json | kubectl apply -f -',
    'echo "$TOKEN" | cdk8s-kubeflow-access docker --namespace user --server ghcr.io --username bot --password-stdin',
  ],
  run: runDocker,
};

async function runDocker(args: Args, io: Io): Promise<number> {
  const common = commonProps(args);
  const source = dockerSource(args, io, '');
  checkOneStdinReader(args);
  const flags = { 'config': source.flag, 'DockerConfig.fromLogin': '--username with --password-stdin' };
  await synthesize(io, flags, (lib, chart) => {
    new lib.DockerRegistryAccess(chart, 'docker-config', {
      ...common,
      ...mountProps(args),
      config: source.build(lib, io),
      secretType: source.secretType === undefined ? undefined : lib.DockerSecretType[source.secretType],
    });
  });
  return EXIT_OK;
}
