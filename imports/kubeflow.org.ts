// Typed binding for the Kubeflow PodDefault custom resource, kubeflow.org/v1alpha1.
// Hand-written in the shape `cdk8s import` produces, mirroring the CRD that Kubeflow 1.10 installs
// (kubeflow/manifests, `poddefaults.kubeflow.org`). The nested types are the core/v1 ones that
// cdk8s-plus-28 exports, so their JSON conversion is cdk8s-plus-28's own.
import { ApiObject, ApiObjectMetadata, GroupVersionKind, JsonPatch } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { k8s as k8sJson } from './k8s-runtime';
import { conversionError } from '../lib/conversion-error';
import { Construct } from 'constructs';

/**
 * PodDefault injects volumes, mounts, environment and other pod settings into every pod whose labels
 * match its selector, through the Kubeflow PodDefault admission webhook.
 *
 * @schema PodDefault
 */
export class KubePodDefault extends ApiObject {
  /**
   * Returns the apiVersion and kind for "PodDefault".
   */
  public static readonly GVK: GroupVersionKind = {
    apiVersion: 'kubeflow.org/v1alpha1',
    kind: 'PodDefault',
  };

  /**
   * Renders a Kubernetes manifest for "PodDefault".
   *
   * This can be used to inline resource manifests inside other objects (e.g. as templates).
   *
   * @param props initialization props
   */
  public static manifest(props: KubePodDefaultProps): any {
    return {
      ...KubePodDefault.GVK,
      ...toJson_KubePodDefaultProps(props),
    };
  }

  /**
   * Defines a "PodDefault" API object.
   * @param scope the scope in which to define this object
   * @param id a scope-local name for the object
   * @param props initialization props
   */
  public constructor(scope: Construct, id: string, props: KubePodDefaultProps) {
    // What `{ ...KubePodDefault.GVK, ...props }` builds, key for key: V8 (Node 20) builds that double
    // spread on its slow path, a few microseconds for every PodDefault of an app.
    super(scope, id, Object.assign({ apiVersion: KubePodDefault.GVK.apiVersion, kind: KubePodDefault.GVK.kind }, props));
  }

  /** The JSON patches, applied to the manifest once converted (see addJsonPatch). */
  private readonly manifestPatches: JsonPatch[] = [];

  /**
   * Applies a set of RFC-6902 JSON-Patch operations to the manifest synthesized for this API object, as
   * it is written: a patch's plain JSON (`cpu: 500m`, a probe's `port: 8080`) is written as given.
   *
   * @param ops The JSON-Patch operations to apply.
   *
   * @example
   *
   *   podDefault.addJsonPatch(JsonPatch.add('/spec/volumes/0/emptyDir/sizeLimit', '1Gi'));
   */
  public addJsonPatch(...ops: JsonPatch[]): void {
    // ApiObject applies its patches before a binding's toJson converts the result, and the conversion reads
    // plain JSON as the typed values it expects: a quantity or an int-or-string becomes undefined, a string
    // where a map goes a map of its characters (cdk8s-team/cdk8s#2172, #908, #1184). Kept here instead, but
    // for a subclass that renders with ApiObject's toJson (no conversion), which applies ApiObject's own.
    if (this.rendersWithoutConversion()) {
      super.addJsonPatch(...ops);
      return;
    }
    this.manifestPatches.push(...ops);
  }

  /**
   * Whether ApiObject's toJson renders this object rather than ours: the first toJson of the prototype chain
   * (the object's own, then its classes') that is one of the two: a subclass of a PodDefaultAccess may have a toJson of
   * its own, which calls ApiObject's.
   */
  private rendersWithoutConversion(): boolean {
    for (let proto: any = this; proto !== null; proto = Object.getPrototypeOf(proto)) {
      const own = Object.prototype.hasOwnProperty.call(proto, 'toJson') ? proto.toJson : undefined;
      if (own === ApiObject.prototype.toJson) { return true; }
      if (own === KubePodDefault.prototype.toJson) { return false; }
    }
    return false;
  }

  /**
   * Renders the object to Kubernetes JSON.
   */
  public toJson(): any {
    const resolved = super.toJson();
    let json: Record<string, any> | undefined;
    try {
      json = toJson_KubePodDefaultProps(resolved);
    } catch (error) {
      // A value the core/v1 conversion cannot read (a mapping where a list goes, from JavaScript) throws a
      // TypeError that names neither the object nor the field.
      throw conversionError(this.node.path, resolved?.spec, error, spec => toJson_PodDefaultSpec(spec as PodDefaultSpec));
    }
    const rendered: Record<string, any> = {
      ...KubePodDefault.GVK,
      ...json,
    };
    if (this.manifestPatches.length === 0) { return rendered; }
    let patched: Record<string, any>;
    try {
      patched = JsonPatch.apply(rendered, ...this.manifestPatches);
    } catch (e) {
      // ApiObject.toJson's own words for a patch that fails.
      throw new Error(`Failed serializing construct at path '${this.node.path}' with name '${this.name}': ${e}`);
    }
    // apiVersion, kind and metadata first, as ApiObject.toJson orders them.
    const result: Record<string, any> = {};
    for (const key of ['apiVersion', 'kind', 'metadata', ...Object.keys(patched)]) {
      if (key in patched) { result[key] = patched[key]; }
    }
    return result;
  }
}

/**
 * @schema PodDefault
 */
export interface KubePodDefaultProps {
  /**
   * @schema PodDefault#metadata
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * @schema PodDefault#spec
   */
  readonly spec: PodDefaultSpec;
}

/**
 * Converts an object of type 'KubePodDefaultProps' to JSON representation.
 */
/* eslint-disable max-len, quote-props */
export function toJson_KubePodDefaultProps(obj: KubePodDefaultProps | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'metadata': obj.metadata,
    'spec': toJson_PodDefaultSpec(obj.spec),
  };
  return dropUndefined(result);
}
/* eslint-enable max-len, quote-props */

/**
 * PodDefaultSpec defines the desired state of PodDefault.
 *
 * @schema PodDefaultSpec
 */
export interface PodDefaultSpec {
  /**
   * Annotations added to the pod.
   *
   * @schema PodDefaultSpec#annotations
   */
  readonly annotations?: { [key: string]: string };

  /**
   * Arguments set on containers that have none.
   *
   * @schema PodDefaultSpec#args
   */
  readonly args?: string[];

  /**
   * Whether the pod mounts its service account token.
   *
   * @schema PodDefaultSpec#automountServiceAccountToken
   */
  readonly automountServiceAccountToken?: boolean;

  /**
   * Command set on containers that have none.
   *
   * @schema PodDefaultSpec#command
   */
  readonly command?: string[];

  /**
   * Description shown in the notebook spawner's configuration list.
   *
   * @schema PodDefaultSpec#desc
   */
  readonly desc?: string;

  /**
   * Environment variables added to every container.
   *
   * @schema PodDefaultSpec#env
   */
  readonly env?: k8s.EnvVar[];

  /**
   * Environment sources appended to every container.
   *
   * @schema PodDefaultSpec#envFrom
   */
  readonly envFrom?: k8s.EnvFromSource[];

  /**
   * Image pull secrets added to the pod.
   *
   * @schema PodDefaultSpec#imagePullSecrets
   */
  readonly imagePullSecrets?: k8s.LocalObjectReference[];

  /**
   * Init containers added to the pod.
   *
   * @schema PodDefaultSpec#initContainers
   */
  readonly initContainers?: k8s.Container[];

  /**
   * Labels added to the pod.
   *
   * @schema PodDefaultSpec#labels
   */
  readonly labels?: { [key: string]: string };

  /**
   * Selects the pods this PodDefault applies to.
   *
   * @schema PodDefaultSpec#selector
   */
  readonly selector: k8s.LabelSelector;

  /**
   * Service account set on the pod.
   *
   * @schema PodDefaultSpec#serviceAccountName
   */
  readonly serviceAccountName?: string;

  /**
   * Containers added to the pod.
   *
   * @schema PodDefaultSpec#sidecars
   */
  readonly sidecars?: k8s.Container[];

  /**
   * Tolerations added to the pod.
   *
   * @schema PodDefaultSpec#tolerations
   */
  readonly tolerations?: k8s.Toleration[];

  /**
   * Volume mounts added to every container.
   *
   * @schema PodDefaultSpec#volumeMounts
   */
  readonly volumeMounts?: k8s.VolumeMount[];

  /**
   * Volumes added to the pod.
   *
   * @schema PodDefaultSpec#volumes
   */
  readonly volumes?: k8s.Volume[];
}

/**
 * Converts an object of type 'PodDefaultSpec' to JSON representation.
 */
/* eslint-disable max-len, quote-props */
export function toJson_PodDefaultSpec(obj: PodDefaultSpec | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'annotations': obj.annotations,
    'args': obj.args,
    'automountServiceAccountToken': obj.automountServiceAccountToken,
    'command': obj.command,
    'desc': obj.desc,
    'env': obj.env?.map(y => k8sJson.toJson_EnvVar(y)),
    'envFrom': obj.envFrom?.map(y => k8sJson.toJson_EnvFromSource(y)),
    'imagePullSecrets': obj.imagePullSecrets?.map(y => k8sJson.toJson_LocalObjectReference(y)),
    'initContainers': obj.initContainers?.map(y => k8sJson.toJson_Container(y)),
    'labels': obj.labels,
    'selector': k8sJson.toJson_LabelSelector(obj.selector),
    'serviceAccountName': obj.serviceAccountName,
    'sidecars': obj.sidecars?.map(y => k8sJson.toJson_Container(y)),
    'tolerations': obj.tolerations?.map(y => k8sJson.toJson_Toleration(y)),
    'volumeMounts': obj.volumeMounts?.map(y => k8sJson.toJson_VolumeMount(y)),
    'volumes': obj.volumes?.map(y => k8sJson.toJson_Volume(y)),
  };
  return dropUndefined(result);
}
/* eslint-enable max-len, quote-props */

function dropUndefined(obj: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (value !== undefined) { out[key] = value; }
  }
  return out;
}

