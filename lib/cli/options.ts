// Flags that several commands share: the common props of every access construct, and the mount props
// of the ones that mount their Secret.
import { OptionGroup } from './framework';

/**
 * `--namespace`, `--name`, `--description`, and the Secret flags, with the command's defaults in the
 * help; without the Secret flags for a construct that has no Secret.
 */
export function commonOptions(defaultName: string, defaultDescription: string, withSecret = true): OptionGroup {
  const podDefault: OptionGroup['options'] = {
    'namespace': { type: 'string', value: 'NS', help: `namespace (the Kubeflow profile) of the ${withSecret ? 'Secret and the ' : ''}PodDefault; required` },
    'name': { type: 'string', value: 'NAME', help: `name of the PodDefault and key of its selector label (default: ${defaultName})` },
    'description': { type: 'string', value: 'TEXT', help: `text the notebook spawner shows (default: "${defaultDescription}")` },
  };
  if (!withSecret) { return { heading: 'PodDefault', options: podDefault }; }
  return {
    heading: 'PodDefault and Secret',
    options: {
      ...podDefault,
      'secret-name': { type: 'string', value: 'NAME', help: 'name of the Secret (default: the PodDefault\'s name)' },
      'immutable': { type: 'boolean', help: 'mark the Secret immutable' },
      'hash-secret-name': { type: 'boolean', help: 'append a kustomize-style content hash to the Secret\'s name, so rotated credentials get a new Secret' },
      'workspace-mountable': { type: 'boolean', help: 'label the Secret notebooks.kubeflow.org/can-mount: "true", so that Kubeflow Notebooks 2.0 workspaces may mount it' },
    },
  };
}

/** `--volume-name` and `--mount-path`. */
export function mountOptions(defaultMountPath: string): OptionGroup {
  return {
    heading: 'Mount',
    options: {
      'volume-name': { type: 'string', value: 'NAME', help: 'name of the volume in the notebook pod (default: NAME-volume)' },
      'mount-path': { type: 'string', value: 'DIR', help: `directory the Secret is mounted at (default: ${defaultMountPath})` },
    },
  };
}
