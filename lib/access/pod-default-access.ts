// The contract every access construct shares: its common props, how their defaults are derived, and
// the Secret plus PodDefault it synthesises.
import { ApiObject, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ExternalSecretSpec, ExternalSecretSpecSecretStoreRefKind, ExternalSecretSpecTargetCreationPolicy, ExternalSecretSpecTargetTemplateEngineVersion, KubeExternalSecret } from '../../imports/external-secrets.io';
import { KubePodDefault } from '../../imports/kubeflow.org';
import { secretContentHash } from './content-hash';
import { AccessError, childPath, fieldError } from '../errors';
import { hasLoneSurrogate, isAbsoluteDirectory, isDnsLabel, isDnsSubdomain, kebabCase, MAX_PODDEFAULT_NAME_LENGTH, quote } from '../names';
import { PodDefaultValidation } from '../check/pod-default-validation';
import { withoutUndefined } from '../json';
import { SecretStoreKind } from '../sources/secret-store';
import { StoreSecret } from '../sources/store-secret';

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
   * notebook spawner lists as a configuration. A DNS-1123 label of at most 52 characters.
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
  /** Name of the Secret the PodDefault refers to. */
  readonly secretName: string;
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
  /** Name of the Secret the PodDefault refers to. */
  public readonly secretName: string;
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
    if (spec.secretData !== undefined) {
      // A plain ApiObject: its data is JSON already, which KubeSecret would only copy once more.
      const secret: any = {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: spec.secretName, namespace: spec.namespace },
        type: spec.secretType ?? 'Opaque',
        data: spec.secretData,
      };
      if (spec.immutable) { secret.immutable = true; }
      this.secret = new ApiObject(this, 'Secret', secret);
    }
    if (spec.externalSecret !== undefined) {
      // A plain ApiObject too: the spec is written as KubeExternalSecret would write it, field for field.
      this.externalSecret = new ApiObject(this, 'ExternalSecret', {
        apiVersion: KubeExternalSecret.GVK.apiVersion,
        kind: KubeExternalSecret.GVK.kind,
        metadata: { name: spec.secretName, namespace: spec.namespace },
        // Without the fields the spec leaves unset, which cdk8s would drop: the check then reads it as it is.
        spec: withoutUndefined(spec.externalSecret),
      });
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

/** What an access construct's Secret holds, the existing Secret it uses instead, or the store ESO fills it from. */
export type SecretSource =
  | { readonly existing: string }
  | { readonly data: { [key: string]: string }; readonly type: string }
  | { readonly store: StoreSecret };

/** The common part of an access construct's spec, resolved from its props and the construct tree. */
export interface ResolvedAccess extends Pick<PodDefaultAccessSpec,
  'namespace' | 'name' | 'description' | 'secretName' | 'secretData' | 'secretType' | 'immutable' | 'externalSecret'> {
  /** The construct path, for error messages. */
  readonly path: string;
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

  const namespace = props.namespace ?? chartNamespace(scope);
  if (namespace === undefined) {
    throw fail('namespace', 'no namespace: set namespace, or give the enclosing Chart a namespace');
  }
  if (!isDnsLabel(namespace)) {
    throw fail('namespace', `${quote(namespace)} is not a valid namespace (a DNS-1123 label: lower-case letters, digits and "-", at most 63 characters): set namespace to the profile's namespace`);
  }

  let name: string;
  if (props.name !== undefined) {
    name = props.name;
    if (!isDnsLabel(name, MAX_PODDEFAULT_NAME_LENGTH)) {
      throw fail('name', `${quote(name)} is not a valid PodDefault name (a DNS-1123 label of lower-case letters, digits and "-", at most ${MAX_PODDEFAULT_NAME_LENGTH} characters): set name to one`);
    }
  } else {
    name = kebabCase(id);
    if (!isDnsLabel(name, MAX_PODDEFAULT_NAME_LENGTH)) {
      throw fail('name', `the construct id ${quote(id)} gives ${quote(name)}, which is not a valid PodDefault name (a DNS-1123 label of lower-case letters, digits and "-", at most ${MAX_PODDEFAULT_NAME_LENGTH} characters): set name explicitly`);
    }
  }
  if (name === 'constructor') {
    // cdk8s fails to render any map with this key (it reads `obj.constructor.name`), and the name is the selector's key.
    throw fail('name', '"constructor" is the one DNS label that cdk8s cannot render as a label key: set name to another one');
  }

  const description = props.description ?? defaultDescription;
  if (description.trim() === '') {
    throw fail('description', 'is empty: give the text the notebook spawner shows, or leave description out for the default');
  }
  if (hasLoneSurrogate(description)) {
    throw fail('description', 'holds half of a UTF-16 surrogate pair, which UTF-8 cannot encode: the notebook spawner would show U+FFFD in its place; give the text without it');
  }
  return { path, namespace, name, description };
}

/**
 * Resolves and checks the common props before the construct is added to the tree, so that a bad
 * input leaves nothing half-built behind.
 */
export function resolveAccess(scope: Construct, id: string, props: PodDefaultAccessOptions,
  defaultDescription: string, secret: SecretSource): ResolvedAccess {
  const { path, namespace, name, description } = resolveNames(scope, id, props, defaultDescription);
  const fail = (field: string, problem: string) => fieldError(path, field, problem);

  if ('existing' in secret) {
    if (props.secretName !== undefined) {
      throw fail('secretName', 'only applies to a synthesised Secret, but the source is an existing Secret: leave secretName out and name the Secret in fromExistingSecret');
    }
    for (const field of ['immutable', 'hashSecretName'] as const) {
      if (props[field] !== undefined) {
        throw fail(field, `only applies to a synthesised Secret, but the source is an existing Secret: leave ${field} out`);
      }
    }
    return { path, namespace, name, description, secretName: secret.existing };
  }

  if ('store' in secret) {
    if (props.hashSecretName) {
      throw fail('hashSecretName', 'does not apply to a secret store source: External Secrets Operator rewrites the Secret in place, under the same name, whenever the stored values change: leave hashSecretName out');
    }
    const secretName = checkedSecretName(fail, props.secretName ?? name, false);
    return { path, namespace, name, description, secretName, externalSecret: externalSecretSpec(secretName, secret.store, props.immutable) };
  }

  // Every source writes its data with encodeBase64 (padded standard base64), whose decoded size
  // byteLength computes from the length alone, without decoding the credentials once more.
  let size = 0;
  for (const key in secret.data) { size += Buffer.byteLength(secret.data[key], 'base64'); }
  if (size > MAX_SECRET_BYTES) {
    throw fail('secret', `would hold ${size} bytes, more than the ${MAX_SECRET_BYTES} (1 MiB) the API server accepts in a Secret: give the credentials only, or create the Secret another way and use fromExistingSecret`);
  }

  const baseName = checkedSecretName(fail, props.secretName ?? name, props.hashSecretName);
  const secretName = props.hashSecretName
    ? `${baseName}-${secretContentHash(secret.type, secret.data)}`
    : baseName;
  return {
    path, namespace, name, description, secretName,
    secretData: secret.data,
    secretType: secret.type,
    immutable: props.immutable,
  };
}

/** What an access construct's PodDefault adds to the notebook pod. */
export type PodDefaultAdditions = Pick<PodDefaultAccessSpec, 'volumes' | 'volumeMounts' | 'env' | 'envFrom' | 'imagePullSecrets'>;

/**
 * The spec of an access construct: its resolved common part and what its PodDefault adds. Written out
 * field by field because V8 builds `{ ...access, env }` on its slow path, a microsecond or two per
 * construct.
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
    volumes: adds.volumes,
    volumeMounts: adds.volumeMounts,
    env: adds.env,
    envFrom: adds.envFrom,
    imagePullSecrets: adds.imagePullSecrets,
  };
}

function checkedSecretName(fail: (field: string, problem: string) => AccessError, name: string, hashed: boolean | undefined): string {
  if (!isDnsSubdomain(name) || (hashed && name.length > 253 - 11)) {
    throw fail('secretName', `${quote(name)} is not a valid Secret name (a DNS-1123 subdomain of lower-case letters, digits, "-" and ".", at most 253 characters, 242 with hashSecretName): use a valid name`);
  }
  return name;
}

const STORE_KINDS: Record<SecretStoreKind, ExternalSecretSpecSecretStoreRefKind> = {
  [SecretStoreKind.SECRET_STORE]: ExternalSecretSpecSecretStoreRefKind.SECRET_STORE,
  [SecretStoreKind.CLUSTER_SECRET_STORE]: ExternalSecretSpecSecretStoreRefKind.CLUSTER_SECRET_STORE,
};

/**
 * The ExternalSecret that writes the Secret `secretName`: owned by it (`creationPolicy: Owner`), so
 * that deleting the ExternalSecret deletes the Secret, and with the template engine spelt out because
 * the templates are written for v2.
 */
function externalSecretSpec(secretName: string, store: StoreSecret, immutable: boolean | undefined): ExternalSecretSpec {
  const hasTemplate = store.template !== undefined || store.type !== undefined;
  return {
    refreshInterval: store.refreshInterval,
    secretStoreRef: { name: store.store.name, kind: STORE_KINDS[store.store.kind] },
    target: {
      name: secretName,
      creationPolicy: ExternalSecretSpecTargetCreationPolicy.OWNER,
      immutable: immutable ? true : undefined,
      template: hasTemplate
        ? { type: store.type, engineVersion: ExternalSecretSpecTargetTemplateEngineVersion.V2, data: store.template && { ...store.template } }
        : undefined,
    },
    data: store.inputs.map(({ secretKey, remote }) => ({ secretKey, remoteRef: { ...remote } })),
  };
}

/** The most data a Secret holds: the API server rejects a larger one (corev1.MaxSecretSize). */
const MAX_SECRET_BYTES = 1024 * 1024;

/** The volume name and mount path of an access construct that mounts its Secret, checked. */
export function resolveMount(names: ResolvedAccess, props: PodDefaultMountOptions,
  defaultMountPath: string): { volumeName: string; mountPath: string } {
  const volumeName = props.volumeName ?? `${names.name}-volume`;
  if (!isDnsLabel(volumeName)) {
    throw fieldError(names.path, 'volumeName', `${quote(volumeName)} is not a valid volume name (a DNS-1123 label: lower-case letters, digits and "-", at most 63 characters): set volumeName to one`);
  }
  const mountPath = props.mountPath ?? defaultMountPath;
  if (!isAbsoluteDirectory(mountPath)) {
    throw fieldError(names.path, 'mountPath', `${quote(mountPath)} is not an absolute path without ".." segments: give a directory such as ${quote(defaultMountPath)}`);
  }
  return { volumeName, mountPath };
}

// Every construct checks that it is inside a Chart first (props-guard.ts), so Chart.of finds one.
function chartNamespace(scope: Construct): string | undefined {
  return Chart.of(scope).namespace;
}
