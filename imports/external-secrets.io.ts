// Typed binding for the External Secrets Operator ExternalSecret custom resource, external-secrets.io/v1.
// Hand-written in the shape `cdk8s import` produces from the CRD that ESO v2.9.0 installs
// (config/crds/bases/external-secrets.io_externalsecrets.yaml), cut to the v1 fields this library
// renders: v1beta1 is not served since ESO v0.17, and the fields left out are ones the library never sets.
import { ApiObject, ApiObjectMetadata, GroupVersionKind } from 'cdk8s';
import { Construct } from 'constructs';

/**
 * ExternalSecret fetches values from an external store (a SecretStore or ClusterSecretStore) and
 * writes them into a Kubernetes Secret, through External Secrets Operator.
 *
 * @schema ExternalSecret
 */
export class KubeExternalSecret extends ApiObject {
  /**
   * Returns the apiVersion and kind for "ExternalSecret".
   */
  public static readonly GVK: GroupVersionKind = {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
  };

  /**
   * Renders a Kubernetes manifest for "ExternalSecret".
   *
   * This can be used to inline resource manifests inside other objects (e.g. as templates).
   *
   * @param props initialization props
   */
  public static manifest(props: KubeExternalSecretProps): any {
    return {
      ...KubeExternalSecret.GVK,
      ...toJson_KubeExternalSecretProps(props),
    };
  }

  /**
   * Defines an "ExternalSecret" API object.
   * @param scope the scope in which to define this object
   * @param id a scope-local name for the object
   * @param props initialization props
   */
  public constructor(scope: Construct, id: string, props: KubeExternalSecretProps) {
    super(scope, id, {
      ...KubeExternalSecret.GVK,
      ...props,
    });
  }

  /**
   * Renders the object to Kubernetes JSON.
   */
  public toJson(): any {
    const resolved = super.toJson();
    return {
      ...KubeExternalSecret.GVK,
      ...toJson_KubeExternalSecretProps(resolved),
    };
  }
}

/**
 * @schema ExternalSecret
 */
export interface KubeExternalSecretProps {
  /**
   * @schema ExternalSecret#metadata
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * ExternalSecretSpec defines the desired state of ExternalSecret.
   *
   * @schema ExternalSecret#spec
   */
  readonly spec: ExternalSecretSpec;
}

/**
 * Converts an object of type 'KubeExternalSecretProps' to JSON representation.
 */
/* eslint-disable max-len, quote-props */
export function toJson_KubeExternalSecretProps(obj: KubeExternalSecretProps | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'metadata': obj.metadata,
    'spec': toJson_ExternalSecretSpec(obj.spec),
  };
  return dropUndefined(result);
}
/* eslint-enable max-len, quote-props */

/**
 * ExternalSecretSpec defines the desired state of ExternalSecret.
 *
 * @schema ExternalSecretSpec
 */
export interface ExternalSecretSpec {
  /**
   * Data defines the connection between the Kubernetes Secret keys and the Provider data.
   *
   * @schema ExternalSecretSpec#data
   */
  readonly data?: ExternalSecretSpecData[];

  /**
   * RefreshInterval is the amount of time before the values are read again from the SecretStore
   * provider, as a Go duration string ("1h0m0s", "10m0s"); "0s" fetches once.
   *
   * @default 1h0m0s
   * @schema ExternalSecretSpec#refreshInterval
   */
  readonly refreshInterval?: string;

  /**
   * SecretStoreRef defines which SecretStore to fetch the ExternalSecret data.
   *
   * @schema ExternalSecretSpec#secretStoreRef
   */
  readonly secretStoreRef?: ExternalSecretSpecSecretStoreRef;

  /**
   * ExternalSecretTarget defines the Kubernetes Secret to be created.
   *
   * @schema ExternalSecretSpec#target
   */
  readonly target?: ExternalSecretSpecTarget;
}

/**
 * Converts an object of type 'ExternalSecretSpec' to JSON representation.
 */
/* eslint-disable max-len, quote-props */
export function toJson_ExternalSecretSpec(obj: ExternalSecretSpec | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'data': obj.data?.map(y => toJson_ExternalSecretSpecData(y)),
    'refreshInterval': obj.refreshInterval,
    'secretStoreRef': toJson_ExternalSecretSpecSecretStoreRef(obj.secretStoreRef),
    'target': toJson_ExternalSecretSpecTarget(obj.target),
  };
  return dropUndefined(result);
}
/* eslint-enable max-len, quote-props */

/**
 * ExternalSecretData defines the connection between the Kubernetes Secret key and the Provider data.
 *
 * @schema ExternalSecretSpecData
 */
export interface ExternalSecretSpecData {
  /**
   * RemoteRef points to the remote secret and defines which secret (version/property/..) to fetch.
   *
   * @schema ExternalSecretSpecData#remoteRef
   */
  readonly remoteRef: ExternalSecretSpecDataRemoteRef;

  /**
   * The key in the Kubernetes Secret to store the value.
   *
   * @schema ExternalSecretSpecData#secretKey
   */
  readonly secretKey: string;
}

/**
 * Converts an object of type 'ExternalSecretSpecData' to JSON representation.
 */
/* eslint-disable max-len, quote-props */
export function toJson_ExternalSecretSpecData(obj: ExternalSecretSpecData | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'remoteRef': toJson_ExternalSecretSpecDataRemoteRef(obj.remoteRef),
    'secretKey': obj.secretKey,
  };
  return dropUndefined(result);
}
/* eslint-enable max-len, quote-props */

/**
 * SecretStoreRef defines which SecretStore to fetch the ExternalSecret data.
 *
 * @schema ExternalSecretSpecSecretStoreRef
 */
export interface ExternalSecretSpecSecretStoreRef {
  /**
   * Kind of the SecretStore resource (SecretStore or ClusterSecretStore).
   *
   * @default SecretStore
   * @schema ExternalSecretSpecSecretStoreRef#kind
   */
  readonly kind?: ExternalSecretSpecSecretStoreRefKind;

  /**
   * Name of the SecretStore resource.
   *
   * @schema ExternalSecretSpecSecretStoreRef#name
   */
  readonly name?: string;
}

/**
 * Converts an object of type 'ExternalSecretSpecSecretStoreRef' to JSON representation.
 */
/* eslint-disable max-len, quote-props */
export function toJson_ExternalSecretSpecSecretStoreRef(obj: ExternalSecretSpecSecretStoreRef | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'kind': obj.kind,
    'name': obj.name,
  };
  return dropUndefined(result);
}
/* eslint-enable max-len, quote-props */

/**
 * ExternalSecretTarget defines the Kubernetes Secret to be created.
 *
 * @schema ExternalSecretSpecTarget
 */
export interface ExternalSecretSpecTarget {
  /**
   * CreationPolicy defines rules on how to create the resulting Secret.
   *
   * @default Owner
   * @schema ExternalSecretSpecTarget#creationPolicy
   */
  readonly creationPolicy?: ExternalSecretSpecTargetCreationPolicy;

  /**
   * Immutable defines if the final secret will be immutable.
   *
   * @schema ExternalSecretSpecTarget#immutable
   */
  readonly immutable?: boolean;

  /**
   * The name of the Secret resource to be managed.
   *
   * @default the .metadata.name of the ExternalSecret resource
   * @schema ExternalSecretSpecTarget#name
   */
  readonly name?: string;

  /**
   * Template defines a blueprint for the created Secret resource.
   *
   * @schema ExternalSecretSpecTarget#template
   */
  readonly template?: ExternalSecretSpecTargetTemplate;
}

/**
 * Converts an object of type 'ExternalSecretSpecTarget' to JSON representation.
 */
/* eslint-disable max-len, quote-props */
export function toJson_ExternalSecretSpecTarget(obj: ExternalSecretSpecTarget | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'creationPolicy': obj.creationPolicy,
    'immutable': obj.immutable,
    'name': obj.name,
    'template': toJson_ExternalSecretSpecTargetTemplate(obj.template),
  };
  return dropUndefined(result);
}
/* eslint-enable max-len, quote-props */

/**
 * RemoteRef points to the remote secret and defines which secret (version/property/..) to fetch.
 *
 * @schema ExternalSecretSpecDataRemoteRef
 */
export interface ExternalSecretSpecDataRemoteRef {
  /**
   * Key is the key used in the Provider, mandatory.
   *
   * @schema ExternalSecretSpecDataRemoteRef#key
   */
  readonly key: string;

  /**
   * Used to select a specific property of the Provider value (if a map), if supported.
   *
   * @schema ExternalSecretSpecDataRemoteRef#property
   */
  readonly property?: string;

  /**
   * Used to select a specific version of the Provider value, if supported.
   *
   * @schema ExternalSecretSpecDataRemoteRef#version
   */
  readonly version?: string;
}

/**
 * Converts an object of type 'ExternalSecretSpecDataRemoteRef' to JSON representation.
 */
/* eslint-disable max-len, quote-props */
export function toJson_ExternalSecretSpecDataRemoteRef(obj: ExternalSecretSpecDataRemoteRef | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'key': obj.key,
    'property': obj.property,
    'version': obj.version,
  };
  return dropUndefined(result);
}
/* eslint-enable max-len, quote-props */

/**
 * Template defines a blueprint for the created Secret resource.
 *
 * @schema ExternalSecretSpecTargetTemplate
 */
export interface ExternalSecretSpecTargetTemplate {
  /**
   * The Secret's keys, each with the template its value is rendered from.
   *
   * @schema ExternalSecretSpecTargetTemplate#data
   */
  readonly data?: { [key: string]: string };

  /**
   * EngineVersion specifies the template engine version that should be used to compile/execute the
   * template specified in .data and .templateFrom[].
   *
   * @default v2
   * @schema ExternalSecretSpecTargetTemplate#engineVersion
   */
  readonly engineVersion?: ExternalSecretSpecTargetTemplateEngineVersion;

  /**
   * Labels and annotations of the Secret; once there is a template, ESO writes these and not the
   * ExternalSecret's own.
   *
   * @schema ExternalSecretSpecTargetTemplate#metadata
   */
  readonly metadata?: ExternalSecretSpecTargetTemplateMetadata;

  /**
   * The type of the Secret.
   *
   * @schema ExternalSecretSpecTargetTemplate#type
   */
  readonly type?: string;
}

/**
 * Converts an object of type 'ExternalSecretSpecTargetTemplate' to JSON representation.
 */
/* eslint-disable max-len, quote-props */
export function toJson_ExternalSecretSpecTargetTemplate(obj: ExternalSecretSpecTargetTemplate | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'data': obj.data === undefined ? undefined : dropUndefined(obj.data),
    'engineVersion': obj.engineVersion,
    'metadata': toJson_ExternalSecretSpecTargetTemplateMetadata(obj.metadata),
    'type': obj.type,
  };
  return dropUndefined(result);
}
/* eslint-enable max-len, quote-props */

/**
 * ExternalSecretTemplateMetadata defines metadata fields for the Secret blueprint.
 *
 * @schema ExternalSecretSpecTargetTemplateMetadata
 */
export interface ExternalSecretSpecTargetTemplateMetadata {
  /**
   * Annotations of the Secret; each value is a template.
   *
   * @schema ExternalSecretSpecTargetTemplateMetadata#annotations
   */
  readonly annotations?: { [key: string]: string };

  /**
   * Labels of the Secret; each value is a template.
   *
   * @schema ExternalSecretSpecTargetTemplateMetadata#labels
   */
  readonly labels?: { [key: string]: string };
}

/**
 * Converts an object of type 'ExternalSecretSpecTargetTemplateMetadata' to JSON representation.
 */
/* eslint-disable max-len, quote-props */
export function toJson_ExternalSecretSpecTargetTemplateMetadata(obj: ExternalSecretSpecTargetTemplateMetadata | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'annotations': obj.annotations === undefined ? undefined : dropUndefined(obj.annotations),
    'labels': obj.labels === undefined ? undefined : dropUndefined(obj.labels),
  };
  return dropUndefined(result);
}
/* eslint-enable max-len, quote-props */

/**
 * Kind of the SecretStore resource (SecretStore or ClusterSecretStore).
 *
 * @schema ExternalSecretSpecSecretStoreRefKind
 */
export enum ExternalSecretSpecSecretStoreRefKind {
  /** SecretStore */
  SECRET_STORE = 'SecretStore',
  /** ClusterSecretStore */
  CLUSTER_SECRET_STORE = 'ClusterSecretStore',
}

/**
 * CreationPolicy defines rules on how to create the resulting Secret.
 *
 * @schema ExternalSecretSpecTargetCreationPolicy
 */
export enum ExternalSecretSpecTargetCreationPolicy {
  /** Owner */
  OWNER = 'Owner',
  /** Orphan */
  ORPHAN = 'Orphan',
  /** Merge */
  MERGE = 'Merge',
  /** None */
  NONE = 'None',
  /** CreateOrMerge */
  CREATE_OR_MERGE = 'CreateOrMerge',
}

/**
 * EngineVersion specifies the template engine version.
 *
 * @schema ExternalSecretSpecTargetTemplateEngineVersion
 */
export enum ExternalSecretSpecTargetTemplateEngineVersion {
  /** v2 */
  V2 = 'v2',
}

function dropUndefined(obj: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (value !== undefined) { out[key] = value; }
  }
  return out;
}
