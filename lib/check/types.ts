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

  /**
   * The file synth writes the object to, relative to the output directory, with `/` between folders
   * (`profile-1/PodDefault.minio.k8s.yaml`). Two objects given one file are refused, since the later
   * write replaces the earlier one, unless one `chart` writes both in one piece.
   * @default - with `CheckOptions.filePerResource`, the file `YamlOutputType.FILE_PER_RESOURCE` names
   * after the object's kind and name; otherwise the object's file is not judged
   */
  readonly file?: string;

  /**
   * The chart that writes `file` in one piece with all its objects (`YamlOutputType.FILE_PER_CHART`), by
   * its construct path: objects of one chart share its file, objects of two charts never do.
   * @default - the object is written to `file` alone
   */
  readonly chart?: string;
}

/**
 * How the checked objects are written.
 */
export interface CheckOptions {
  /**
   * The objects are written one file per object as cdk8s's `YamlOutputType.FILE_PER_RESOURCE` names
   * them: an input without `file` is placed in the file of its kind and name, and objects that would
   * share a file are refused.
   * @default false
   */
  readonly filePerResource?: boolean;
}

/**
 * One reason Kubeflow (or kubectl) would refuse, or silently mistreat, the checked objects.
 */
export interface CheckProblem {
  /**
   * The rule that fired: `duplicate-object`, `output-file`, `shape` (also an ExternalSecret's null list item), `name-format`, `unknown-field` (a PodDefault
   * field its CRD does not declare, or a metadata field of any object that ObjectMeta does not declare, which kubectl
   * apply refuses and the API server otherwise drops), `field-type` (a
   * PodDefault field of a type its CRD refuses, a string off its pattern, a required field missing, two ports alike,
   * a metadata value of any object of a type ObjectMeta does not declare, or an owner reference or finalizer that ObjectMeta's
   * validation refuses: the API server refuses the object), `name-length`,
   * `listing`, `spawner-volume`, `label-key`, `label-value`, `annotation-key`, `annotation-size` (annotations over the 256 KiB the API server allows, in an object, or in the
   * notebook one or two PodDefaults change), `selector` (a PodDefault's, or a
   * ClusterExternalSecret's namespace selectors), `refresh-interval` (an ExternalSecret's or ClusterExternalSecret's
   * duration that External Secrets Operator cannot read), `template` (an ExternalSecret template Go's text/template cannot
   * parse, or that reads a key no `spec.data[].secretKey` gives), `secret-data` (a Secret whose `data` the API server cannot
   * decode as base64, a `data` or `stringData` value of the wrong type, more than 1 MiB of data, or a key the API server refuses, or an ExternalSecret's
   * two `spec.data` items of one `secretKey`, which External Secrets Operator's webhook refuses, or a key of the Secret it
   * writes that the API server refuses), `secret-type` (a
   * Secret that lacks what the API server asks of its type: `.dockerconfigjson` or `.dockercfg` holding a JSON object, `username` or `password`,
   * `ssh-privatekey`, `tls.crt` and `tls.key`, a service account token's ServiceAccount annotation; or a type that is no string; also the
   * Secret an ExternalSecret's `spec.target.template.type` makes External Secrets Operator write), `mount-spelling`, `env-source`,
   * `service-account`, `cloud-identity`, `marker-selector` (two PodDefaults exclusive by a marker that have the same selector, or one a selector that selects only pods the other's does), a webhook merge rule (`volume`, `volume-mount-name`,
   * `volume-mount-path`, `env`, `label`, `annotation`, `toleration`, `init-container`, `sidecar`), or, in
   * the in-process check only, `yaml-scalar`.
   */
  readonly rule: string;

  /**
   * The namespace the problem is in.
   * @default - the objects have no namespace
   */
  readonly namespace?: string;

  /**
   * The sources of the objects involved, the first one first; for more than a few pairs of PodDefaults that
   * clash on one key, reported as one problem, every PodDefault of them, by name.
   */
  readonly sources: string[];

  /**
   * The clashing name, path or key; never a value. A name or key that may be a credential pasted in its place (a
   * character no name has, too long, a token) is described, not shown: `spec.env[0][(key not shown, as it may be a
   * secret: 300 characters, a space at character 17)]`.
   * @default - the rule concerns the object as a whole
   */
  readonly key?: string;

  /** What is wrong, in one line that names objects, keys and paths, never a value. */
  readonly message: string;

  /** How to fix it, in words that hold wherever the check runs. */
  readonly fix: string;

  /**
   * The name of a PodDefault (in `namespace`) that exempting from the listing rule also lets through:
   * each door words that remedy itself (`PodDefaultValidation.allowUnlisted()`, the plugin's
   * `allowUnlisted` property, the CLI's `--allow-unlisted NS/NAME`).
   * @default - no exemption settles the problem
   */
  readonly exempt?: string;
}
