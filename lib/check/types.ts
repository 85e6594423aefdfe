// What the app-wide check takes and gives: plain manifests in, problems out. It knows nothing of
// constructs or cdk8s, so the in-process validation, the cdk8s-cli plugin and the CLI share it.

/**
 * One Kubernetes object for the app-wide check.
 */
export interface CheckInput {
  /** The object, as `kubectl apply` would read it. */
  readonly manifest: any;

  /**
   * Where the object comes from, for messages: a construct path, or `file#doc`.
   * @default - the object's kind and name
   */
  readonly source?: string;

  /**
   * Skip the notebook listing rule for this object (a PodDefault not meant for the notebook UI).
   * @default false
   */
  readonly allowUnlisted?: boolean;
}

/**
 * How the checked objects are written.
 */
export interface CheckOptions {
  /**
   * The objects are written one file per object (cdk8s `YamlOutputType.FILE_PER_RESOURCE`): objects that
   * would share a file are refused.
   * @default false
   */
  readonly filePerResource?: boolean;
}

/**
 * One reason Kubeflow (or kubectl) would refuse, or silently mistreat, the checked objects.
 */
export interface CheckProblem {
  /**
   * The rule that fired: `duplicate-object`, `file-per-resource`, `name-length`, `listing`,
   * `spawner-volume`, `label-key`, `selector`, `mount-spelling`, `env-source`, `service-account`,
   * `cloud-identity`, or a webhook merge rule
   * (`volume`, `volume-mount-name`, `volume-mount-path`, `env`, `label`, `annotation`, `toleration`,
   * `init-container`, `sidecar`).
   */
  readonly rule: string;

  /**
   * The namespace the problem is in.
   * @default - the objects have no namespace
   */
  readonly namespace?: string;

  /** The sources of the objects involved, the first one first. */
  readonly sources: string[];

  /**
   * The clashing name, path or key; never a value.
   * @default - the rule concerns the object as a whole
   */
  readonly key?: string;

  /** One line that says what is wrong and how to fix it; names, keys and paths only. */
  readonly message: string;
}
