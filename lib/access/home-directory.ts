/**
 * The notebook user's home in stock Kubeflow notebooks, where the access constructs mount `.docker/` and
 * `.aws/` by default: the notebook spawner mounts its default workspace volume there
 * (`spawnerFormDefaults.workspaceVolume.value.mount` in kubeflow/kubeflow's `spawner_ui_config.yaml`), and
 * the Kubeflow notebook images run as `jovyan` with `HOME=/home/jovyan`
 * (`components/example-notebook-servers/base/Dockerfile`). Kaptain's images used `/home/kubeflow`.
 */
export const DEFAULT_HOME = '/home/jovyan';
