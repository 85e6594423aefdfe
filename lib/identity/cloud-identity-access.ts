// What the keyless identities share: a PodDefault and no Secret, whose projected ServiceAccount token
// and environment carry the whole identity, so no other webhook needs to see the pod; the props every
// one takes; and the ServiceAccount the cloud must trust.
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { KubePodDefault } from '../../imports/kubeflow.org';
import { resolveNames } from '../access/pod-default-access';
import { ACCESS_OPTIONS_SHAPE, openConstruct, PropsShape } from '../access/props-guard';
import { PodDefaultValidation } from '../check/pod-default-validation';
import { fieldError } from '../errors';
import { checkWrittenName, labelKeyProblem } from '../names';
import { checkedServiceAccountName, isPattern, serviceAccountSubject } from './trust-subject';

/**
 * Props every keyless identity takes.
 */
export interface CloudIdentityOptions {
  /**
   * Namespace (the Kubeflow profile) of the PodDefault, and of the ServiceAccount the cloud trusts.
   * @default - the enclosing Chart's namespace
   */
  readonly namespace?: string;

  /**
   * Name of the PodDefault. A DNS-1123 subdomain of at most 52 characters (the API server's rule for a custom resource, and the webhook's pod annotation key).
   * @default - the construct id in kebab case
   */
  readonly name?: string;

  /**
   * The PodDefault's `desc`, shown in the notebook spawner.
   * @default - per construct
   */
  readonly description?: string;

  /**
   * Key of the PodDefault's one selector label (`<selectorLabel>: "true"`), which the notebook spawner
   * sets when the configuration is chosen.
   * @default - the PodDefault's name
   */
  readonly selectorLabel?: string;

  /**
   * The ServiceAccount the notebook pods run as, which the cloud side trusts (`trustSubject`). Kubeflow
   * notebooks run as `default-editor`; a Notebooks 2.0 workspace runs as `ws-<workspace name>`. Where
   * the cloud's trust takes a pattern (AWS), `*` stands for any characters, such as `ws-*`.
   * @default 'default-editor'
   */
  readonly serviceAccountName?: string;

  /**
   * Also make the selected pods run as `serviceAccountName` (the PodDefault's `serviceAccountName`).
   * Off by default: the pod keeps the account its controller gives it, and the webhook gives no
   * warning when two PodDefaults set different accounts (the last by name wins).
   * @default false
   */
  readonly switchServiceAccount?: boolean;
}

/** The props every keyless identity takes, as props-guard checks them. */
export const IDENTITY_OPTIONS_SHAPE = {
  strings: ['namespace', 'name', 'description', 'selectorLabel', 'serviceAccountName'],
  booleans: ['switchServiceAccount'],
} as const;

/**
 * Everything a keyless identity's PodDefault holds, resolved and checked before the construct is created.
 */
export interface CloudIdentitySpec {
  /** Namespace of the PodDefault. */
  readonly namespace: string;
  /** Name of the PodDefault. */
  readonly name: string;
  /** The PodDefault's `desc`. */
  readonly description: string;
  /** Key of the selector label. */
  readonly selectorLabel: string;
  /** The ServiceAccount the cloud trusts, or a pattern of them. */
  readonly serviceAccountName: string;
  /** Set the pod's `serviceAccountName`. */
  readonly switchServiceAccount: boolean;
  /** The env the PodDefault adds, its mutual-exclusion marker not included. */
  readonly env: k8s.EnvVar[];
  /**
   * The env var the PodDefault sets to its own name: two PodDefaults that do so for one var are never
   * selected together, since the webhook refuses the pod.
   */
  readonly marker: string;
  /** The volumes the PodDefault adds. */
  readonly volumes: k8s.Volume[];
  /** The mounts the PodDefault adds, all read-only. */
  readonly volumeMounts: k8s.VolumeMount[];
}

/**
 * A keyless cloud identity for notebook pods: a PodDefault (this construct) that projects the pod's own
 * ServiceAccount token for the cloud's audience and sets the environment the cloud's SDKs read. No
 * Secret, no ServiceAccount annotation, no other webhook.
 */
export abstract class CloudIdentityAccess extends KubePodDefault {
  /** Namespace of the PodDefault. */
  public readonly namespace: string;
  /** The labels a Notebook carries to select this PodDefault: `{ <selectorLabel>: "true" }`, frozen. */
  public readonly selectorLabels: { [key: string]: string };
  /** The ServiceAccount the cloud trusts (a pattern such as `ws-*` where the cloud takes one). */
  public readonly serviceAccountName: string;

  protected constructor(scope: Construct, id: string, spec: CloudIdentitySpec) {
    // Frozen, since it is the selector the PodDefault renders (as PodDefaultAccess's): a caller who reads it cannot change that.
    const selectorLabels = Object.freeze({ [spec.selectorLabel]: 'true' });
    super(scope, id, {
      metadata: { name: spec.name, namespace: spec.namespace },
      spec: {
        selector: { matchLabels: selectorLabels },
        desc: spec.description,
        serviceAccountName: spec.switchServiceAccount ? spec.serviceAccountName : undefined,
        env: [...spec.env, { name: spec.marker, value: spec.name }],
        volumes: spec.volumes,
        volumeMounts: spec.volumeMounts,
      },
    });
    this.namespace = spec.namespace;
    this.selectorLabels = selectorLabels;
    this.serviceAccountName = spec.serviceAccountName;
    PodDefaultValidation.attachTo(this);
  }

  /** The PodDefault: this construct itself. */
  public get podDefault(): KubePodDefault {
    return this;
  }

  /**
   * The subject of the pods' tokens, which the cloud side must trust: `system:serviceaccount:NS:SA`
   * (`*` stays in it for a pattern).
   */
  public get trustSubject(): string {
    return serviceAccountSubject(this.namespace, this.serviceAccountName);
  }
}

/** The resolved common props of a keyless identity. */
export interface ResolvedIdentityNames extends Omit<CloudIdentitySpec, 'env' | 'marker' | 'volumes' | 'volumeMounts'> {
  /** The construct path, for error messages. */
  readonly path: string;
}

/** What a keyless identity construct says about its own props. */
export interface IdentityKind {
  /** The class name, for messages. */
  readonly construct: string;
  readonly defaultDescription: string;
  /** Its own props, beyond the common ones. */
  readonly shape: PropsShape;
  /** Why a service account pattern is refused; undefined when the cloud's trust takes one. */
  readonly wildcard?: string;
}

/**
 * Opens the construct (its path, props' types, Chart) and resolves the common props; `checkOwn` checks
 * the construct's own props in between, so that errors come in the order the props are documented.
 */
export function openIdentity<T>(scope: Construct, id: string, props: CloudIdentityOptions, kind: IdentityKind,
  checkOwn: (path: string) => T): { names: ResolvedIdentityNames; own: T } {
  const shape: PropsShape = {
    ...kind.shape,
    strings: [...IDENTITY_OPTIONS_SHAPE.strings, ...kind.shape.strings ?? []],
    booleans: [...IDENTITY_OPTIONS_SHAPE.booleans, ...kind.shape.booleans ?? []],
  };
  const path = openConstruct(scope, id, props, shape);
  // JavaScript callers can pass the Secret props of the other constructs; say why they do nothing here.
  for (const field of [...ACCESS_OPTIONS_SHAPE.strings, ...ACCESS_OPTIONS_SHAPE.booleans]) {
    if (!shape.strings!.includes(field) && (props as { [key: string]: unknown })[field] !== undefined) {
      throw fieldError(path, field, `does not apply: ${kind.construct} has no Secret, and mounts the token where the cloud's SDKs look for it; leave ${field} out`);
    }
  }
  const own = checkOwn(path);
  const serviceAccountName = checkedServiceAccountName(path, props.serviceAccountName, kind.wildcard);
  const switchServiceAccount = props.switchServiceAccount === true;
  if (switchServiceAccount && isPattern(serviceAccountName)) {
    throw fieldError(path, 'switchServiceAccount', `makes the pods run as serviceAccountName, but serviceAccountName is a pattern (it holds "*"): give one account's name, or leave switchServiceAccount out`);
  }
  // Written into the PodDefault only when the pods switch to it; a trust subject holds it as text.
  if (switchServiceAccount) { checkWrittenName(path, 'serviceAccountName', serviceAccountName); }
  const { namespace, name, description } = resolveNames(scope, id, props, kind.defaultDescription);
  const selectorLabel = props.selectorLabel ?? name;
  const labelProblem = labelKeyProblem(selectorLabel);
  if (labelProblem !== undefined || selectorLabel === 'constructor') {
    // cdk8s fails to render any map with the key "constructor" (it reads `obj.constructor.name`).
    throw fieldError(path, 'selectorLabel', `is not a label key the library can write (${labelProblem ?? 'cdk8s cannot render "constructor" as a key'}): give one such as "cloud-identity", or leave selectorLabel out for the PodDefault's name`);
  }
  checkWrittenName(path, 'selectorLabel', selectorLabel);
  return { names: { path, namespace, name, description, selectorLabel, serviceAccountName, switchServiceAccount }, own };
}

/** The spec of a keyless identity: its resolved names and what its PodDefault adds. */
export function identitySpec(names: ResolvedIdentityNames, adds: Pick<CloudIdentitySpec, 'env' | 'marker' | 'volumes' | 'volumeMounts'>): CloudIdentitySpec {
  return {
    namespace: names.namespace,
    name: names.name,
    description: names.description,
    selectorLabel: names.selectorLabel,
    serviceAccountName: names.serviceAccountName,
    switchServiceAccount: names.switchServiceAccount,
    env: adds.env,
    marker: adds.marker,
    volumes: adds.volumes,
    volumeMounts: adds.volumeMounts,
  };
}
