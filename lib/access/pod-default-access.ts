// The contract every access construct shares: its common props, how their defaults are derived, and
// the Secret plus PodDefault it synthesises.
import { ApiObject, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ExternalSecretSpec } from '../../imports/external-secrets.io';
import { KubePodDefault } from '../../imports/kubeflow.org';
import { PodDefaultValidation } from '../check/pod-default-validation';
import { writtenValueProblem } from '../check/written-yaml';
import { childPath, fieldError } from '../errors';
import {
  checkWrittenName, directoryProblem, dnsLabelRule, dnsSubdomainRule, foldPath, hasLoneSurrogate, isAbsoluteDirectory, isDnsLabel, isDnsSubdomain, kebabCase,
  podDefaultNameProblem, quote, refusal,
} from '../names';
import { addSecret, ResolvedSecret, resolveSecret, SecretSource } from './synthesised-secret';

export type { SecretSource } from './synthesised-secret';

/**
 * Props every access construct takes.
 */
export interface PodDefaultAccessOptions {
  /**
   * Namespace (the Kubeflow profile) of the Secret and the PodDefault.
   * @default - the enclosing Chart's namespace
   */
  readonly namespace?: string;

  /**
   * Name of the PodDefault, and the key of its one selector label (`<name>: "true"`), which the
   * notebook spawner lists as a configuration. A DNS-1123 subdomain of at most 52 characters (the API server's rule for a custom resource, and the webhook's pod annotation key).
   * @default - the construct id in kebab case (`DockerConfig` -> `docker-config`)
   */
  readonly name?: string;

  /**
   * The PodDefault's `desc`, shown in the notebook spawner.
   * @default - per construct, the tutorial's wording
   */
  readonly description?: string;

  /**
   * Name of the synthesised Secret.
   * @default - the PodDefault's name
   */
  readonly secretName?: string;

  /**
   * Render `immutable: true` on the synthesised Secret.
   * @default false
   */
  readonly immutable?: boolean;

  /**
   * Append a kustomize-style content hash (10 characters) to the synthesised Secret's name, and
   * point the PodDefault at it: rotated credentials then reach new notebooks while running ones keep
   * the Secret they started with.
   * @default false
   */
  readonly hashSecretName?: boolean;

  /**
   * Label the synthesised Secret `notebooks.kubeflow.org/can-mount: "true"`, which Kubeflow Notebooks
   * 2.0 requires before a workspace may mount it (its workspaces backend refuses other Secrets). With a
   * secret store source, the Secret External Secrets Operator writes carries the label.
   * @default false
   */
  readonly workspaceMountable?: boolean;
}

/**
 * Props of access constructs that mount their Secret as a volume.
 */
export interface PodDefaultMountOptions {
  /**
   * Name of the volume in the notebook pod.
   * @default - `<name>-volume`
   */
  readonly volumeName?: string;

  /**
   * Directory the Secret is mounted at in every container of the notebook pod.
   * @default - per construct
   */
  readonly mountPath?: string;
}

/**
 * Everything an access construct synthesises, resolved and checked before any construct is created.
 *
 * The PodDefault is rendered as given, so its volumes, mounts and env hold plain values: a
 * `k8s.Quantity` or `k8s.IntOrString` object is not converted.
 */
export interface PodDefaultAccessSpec {
  /** Namespace of the Secret and the PodDefault. */
  readonly namespace: string;
  /** Name of the PodDefault and key of its selector label. */
  readonly name: string;
  /** The PodDefault's `desc`. */
  readonly description: string;
  /**
   * Name of the Secret the PodDefault refers to.
   * @default - none: the PodDefault refers to no Secret
   */
  readonly secretName?: string;
  /**
   * The Secret's `data`, base64-encoded.
   * @default - no Secret is synthesised: the PodDefault refers to an existing one
   */
  readonly secretData?: { [key: string]: string };
  /**
   * The Secret's `type`.
   * @default 'Opaque'
   */
  readonly secretType?: string;
  /**
   * Render `immutable: true` on the Secret.
   * @default false
   */
  readonly immutable?: boolean;
  /**
   * The spec of an ExternalSecret (named `secretName`) that External Secrets Operator writes the Secret
   * from; rendered in place of a Secret.
   * @default - no ExternalSecret
   */
  readonly externalSecret?: ExternalSecretSpec;
  /**
   * Labels of the Secret (or of the one the ExternalSecret writes).
   * @default - none
   */
  readonly secretLabels?: { [key: string]: string };
  /**
   * Volumes the PodDefault adds.
   * @default - none
   */
  readonly volumes?: k8s.Volume[];
  /**
   * Volume mounts the PodDefault adds.
   * @default - none
   */
  readonly volumeMounts?: k8s.VolumeMount[];
  /**
   * Environment variables the PodDefault adds.
   * @default - none
   */
  readonly env?: k8s.EnvVar[];
  /**
   * Environment sources the PodDefault adds.
   * @default - none
   */
  readonly envFrom?: k8s.EnvFromSource[];
  /**
   * Image pull secrets the PodDefault adds.
   * @default - none
   */
  readonly imagePullSecrets?: k8s.LocalObjectReference[];
}

/**
 * A PodDefault that gives a Secret to the notebooks that select it, and the Secret as its child.
 *
 * The construct is the PodDefault itself rather than a wrapper around one: cdk8s walks the whole
 * construct tree once per chart, so every extra node per profile costs time quadratic in the number of
 * charts of an app that has one chart per profile.
 */
export abstract class PodDefaultAccess extends KubePodDefault {
  /** Namespace of the Secret and the PodDefault. */
  public readonly namespace: string;
  /** Name of the Secret the PodDefault refers to; undefined when it refers to none (an account-only AzureStorageConfiguration). */
  public readonly secretName?: string;
  /** The synthesised Secret; undefined when an existing Secret is used or a secret store fills it. */
  public readonly secret?: ApiObject;
  /** The synthesised ExternalSecret that fills the Secret from a secret store; undefined for other sources. */
  public readonly externalSecret?: ApiObject;
  /** The labels a Notebook carries to select this PodDefault: `{ <name>: "true" }`, frozen. */
  public readonly selectorLabels: { [key: string]: string };

  protected constructor(scope: Construct, id: string, spec: PodDefaultAccessSpec) {
    // Frozen, since it is the selector the PodDefault renders: a caller who reads it cannot change that.
    const selectorLabels = Object.freeze({ [spec.name]: 'true' });
    const podDefaultSpec: any = { selector: { matchLabels: selectorLabels }, desc: spec.description };
    // Only the lists that are set: cdk8s leaves out undefined fields when it renders, but visits each on
    // the way, on every synthesis.
    for (let i = 0; i < POD_DEFAULT_LISTS.length; i++) {
      const field = POD_DEFAULT_LISTS[i];
      if (spec[field] !== undefined) { podDefaultSpec[field] = spec[field]; }
    }
    super(scope, id, { metadata: { name: spec.name, namespace: spec.namespace }, spec: podDefaultSpec });
    this.namespace = spec.namespace;
    this.secretName = spec.secretName;
    this.selectorLabels = selectorLabels;
    // A PodDefault that refers to no Secret (an account-only Azure configuration) synthesises none.
    if (spec.secretName !== undefined) {
      const { secret, externalSecret } = addSecret(this, spec.namespace, spec as ResolvedSecret);
      this.secret = secret;
      this.externalSecret = externalSecret;
    }
    PodDefaultValidation.attachTo(this);
  }

  /** The PodDefault: this construct itself. */
  public get podDefault(): KubePodDefault {
    return this;
  }
}

// The PodDefault renders as cdk8s's ApiObject does: its spec holds plain JSON values only (no
// `k8s.Quantity` or `k8s.IntOrString`), so KubePodDefault's typed conversion would give the same manifest
// after copying every nested object once more (a fifth of synth time at scale). The method itself, not a
// wrapper, so that the app-wide check sees a plain ApiObject rendering (check/cdk8s-internals.ts).
PodDefaultAccess.prototype.toJson = ApiObject.prototype.toJson;

/** The PodDefault's list fields, in the order they are written. */
const POD_DEFAULT_LISTS = ['env', 'envFrom', 'imagePullSecrets', 'volumeMounts', 'volumes'] as const;

/** The common part of an access construct's spec, resolved from its props and the construct tree. */
export interface ResolvedAccess extends Pick<PodDefaultAccessSpec,
  'namespace' | 'name' | 'description' | 'secretName' | 'secretData' | 'secretType' | 'immutable' | 'externalSecret' | 'secretLabels'> {
  /** The construct path, for error messages. */
  readonly path: string;
  /** Name of the Secret the PodDefault refers to. */
  readonly secretName: string;
}

/** The names every PodDefault of the library has, resolved from its props and the construct tree. */
export interface ResolvedNames extends Pick<PodDefaultAccessSpec, 'namespace' | 'name' | 'description'> {
  /** The construct path, for error messages. */
  readonly path: string;
}

/**
 * Resolves and checks the naming props (namespace, name, description) that every PodDefault of the
 * library takes, whether or not it comes with a Secret.
 */
export function resolveNames(scope: Construct, id: string,
  props: Pick<PodDefaultAccessOptions, 'namespace' | 'name' | 'description'>, defaultDescription: string): ResolvedNames {
  const path = childPath(scope, id);
  const fail = (field: string, problem: string) => fieldError(path, field, problem);
  const namespace = resolveNamespace(scope, path, props.namespace);

  const name = props.name ?? kebabCase(id);
  const nameProblem = podDefaultNameProblem(name);
  if (nameProblem !== undefined) {
    // The id is in the path already; the name made from it is not shown, as no refused name is.
    const problem = isDnsSubdomain(name) ? nameProblem
      : `${refusal(name, dnsSubdomainRule(), 'a PodDefault name')}, the api server's rule for a custom resource's name`;
    throw fail('name', props.name !== undefined
      ? `${problem}: set name to another`
      : `the name made from the construct id (in kebab case) ${problem}: set name explicitly`);
  }
  if (name === 'constructor') {
    // cdk8s fails to render any map with this key (it reads `obj.constructor.name`), and the name is the selector's key.
    throw fail('name', '"constructor" is the one DNS label that cdk8s cannot render as a label key: set name to another one');
  }
  checkWrittenName(path, 'name', name);

  const description = props.description ?? defaultDescription;
  if (description.replace(INVISIBLE, '') === '') {
    throw fail('description', `${description.trim() === '' ? 'is empty' : 'holds only invisible characters (such as a zero-width space)'}: give the text the notebook spawner shows, or leave description out for the default`);
  }
  // The spawner shows desc as the text of an HTML label, where a line break or tab is a space; any
  // other C0 control (NUL, ESC from a terminal paste) is no text, and the api server keeps it as it is.
  if (/[\u0000-\u0008\u000b-\u001f]/.test(description)) {
    throw fail('description', 'holds a control character (such as NUL, a carriage return or the escape of a terminal colour), which the notebook spawner cannot show: remove it');
  }
  if (hasLoneSurrogate(description)) {
    throw fail('description', 'holds half of a UTF-16 surrogate pair, which UTF-8 cannot encode: the notebook spawner would show U+FFFD in its place; give the text without it');
  }
  // Refused here, naming the prop, rather than by the app-wide check's yaml-scalar rule at synth.
  const written = writtenValueProblem(description);
  if (written !== undefined) { throw fail('description', written); }
  return { path, namespace, name, description };
}

/** Whitespace and the invisible format characters (zero-width space, direction marks, byte-order mark): a description of only these shows nothing. */
const INVISIBLE = /[\s\p{Cf}]/gu;

/** The namespace of the construct at `path` in `scope`: `namespace`, else the enclosing Chart's; checked. */
export function resolveNamespace(scope: Construct, path: string, namespace: string | undefined): string {
  const resolved = namespace ?? chartNamespace(scope);
  if (resolved === undefined) {
    throw fieldError(path, 'namespace', 'no namespace: set namespace, or give the enclosing Chart a namespace');
  }
  // The API server's namespace names (ValidateNamespaceName).
  if (!isDnsLabel(resolved)) {
    throw fieldError(path, 'namespace', `${refusal(resolved, dnsLabelRule(), 'a namespace')}: set namespace to the profile's namespace`);
  }
  checkWrittenName(path, 'namespace', resolved);
  return resolved;
}

/**
 * Resolves and checks the common props before the construct is added to the tree, so that a bad
 * input leaves nothing half-built behind.
 */
export function resolveAccess(scope: Construct, id: string, props: PodDefaultAccessOptions,
  defaultDescription: string, secret: SecretSource): ResolvedAccess {
  const { path, namespace, name, description } = resolveNames(scope, id, props, defaultDescription);
  const resolved = resolveSecret((field, problem) => fieldError(path, field, problem), props, name, secret);
  return {
    path, namespace, name, description,
    secretName: resolved.secretName,
    secretData: resolved.secretData,
    secretType: resolved.secretType,
    immutable: resolved.immutable,
    externalSecret: resolved.externalSecret,
    secretLabels: resolved.secretLabels,
  };
}

/** What an access construct's PodDefault adds to the notebook pod. */
export type PodDefaultAdditions = Pick<PodDefaultAccessSpec, 'volumes' | 'volumeMounts' | 'env' | 'envFrom' | 'imagePullSecrets'>;

/**
 * The spec of an access construct: its resolved common part and what its PodDefault adds. Field by field
 * rather than `{ ...access, ...adds }`: `access` also holds the construct path, which is no part of the
 * spec.
 */
export function accessSpec(access: ResolvedAccess, adds: PodDefaultAdditions): PodDefaultAccessSpec {
  return {
    namespace: access.namespace,
    name: access.name,
    description: access.description,
    secretName: access.secretName,
    secretData: access.secretData,
    secretType: access.secretType,
    immutable: access.immutable,
    externalSecret: access.externalSecret,
    secretLabels: access.secretLabels,
    volumes: adds.volumes,
    volumeMounts: adds.volumeMounts,
    env: adds.env,
    envFrom: adds.envFrom,
    imagePullSecrets: adds.imagePullSecrets,
  };
}

/**
 * Refuses the mount props on an access construct that mounts nothing (it sets environment variables):
 * its props type has none, but JavaScript callers, whom the types do not hold back, can give them, and
 * they would be left out silently.
 */
export function checkNoMount(path: string, props: object): void {
  for (const field of ['volumeName', 'mountPath'] as const) {
    if ((props as PodDefaultMountOptions)[field] !== undefined) {
      throw fieldError(path, field, `does not apply: this construct mounts nothing, it sets environment variables: leave ${field} out`);
    }
  }
}

/** The volume name and mount path of an access construct that mounts its Secret, checked. */
export function resolveMount(names: ResolvedAccess, props: PodDefaultMountOptions,
  defaultMountPath: string): { volumeName: string; mountPath: string } {
  const volumeName = props.volumeName ?? `${names.name}-volume`;
  // The API server's pod validation requires volume names to be DNS-1123 labels (ValidateVolumes).
  if (!isDnsLabel(volumeName)) {
    // The default is name and "-volume": name is valid, so it is too long, and no value of the caller's is shown.
    const which = props.volumeName === undefined ? 'the default volume name, made from name, ' : '';
    throw fieldError(names.path, 'volumeName', `${which}${refusal(volumeName, dnsLabelRule(), 'a volume name')}, which the api server requires of a volume in a pod: set volumeName to one`);
  }
  checkWrittenName(names.path, 'volumeName', volumeName);
  const mountPath = props.mountPath ?? defaultMountPath;
  if (!isAbsoluteDirectory(mountPath)) {
    throw fieldError(names.path, 'mountPath', `${directoryProblem(mountPath)}: give a directory such as ${quote(defaultMountPath)}`);
  }
  const written = writtenValueProblem(mountPath);
  if (written !== undefined) { throw fieldError(names.path, 'mountPath', written); }
  // The API server lets a volume mount at / (kubernetes/kubernetes#101749), but it hides the image's own files.
  if (foldPath(mountPath) === '/') {
    throw fieldError(names.path, 'mountPath', `is the container's root directory: the Secret would hide every file of the notebook image, `
      + `which then cannot start: give a directory such as ${quote(defaultMountPath)}`);
  }
  return { volumeName, mountPath };
}

// Every construct checks that it is inside a Chart first (props-guard.ts), so Chart.of finds one.
function chartNamespace(scope: Construct): string | undefined {
  return Chart.of(scope).namespace;
}
