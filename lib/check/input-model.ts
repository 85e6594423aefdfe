// Manifests as the check's inputs, the same for every door: what identifies an object (its API group,
// kind, namespace and name, as `kubectl apply` matches objects), where `kubectl apply -n NS` places an
// object that names no namespace, which values kubectl reads as objects or lists of objects, and which
// PodDefaults the user exempts from the listing rule.
import { isPlainObject, typeName } from '../json';
import { shownName } from '../names';

/** The API group of an `apiVersion`: `core` for the core group (`v1`), as messages name it. */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? 'core' : apiVersion.slice(0, slash);
}

/**
 * Kinds the API server keeps in no namespace, by API group: `kubectl apply -n NS` leaves them there, and
 * ignores a namespace they name. Kinds not listed are namespaced, as most kinds, and every custom kind
 * these manifests are about, are.
 */
const CLUSTER_SCOPED: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries({
  'core': ['Namespace', 'Node', 'PersistentVolume', 'ComponentStatus'],
  'rbac.authorization.k8s.io': ['ClusterRole', 'ClusterRoleBinding'],
  'apiextensions.k8s.io': ['CustomResourceDefinition'],
  'apiregistration.k8s.io': ['APIService'],
  'admissionregistration.k8s.io': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding', 'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding'],
  'storage.k8s.io': ['StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'VolumeAttributesClass'],
  'scheduling.k8s.io': ['PriorityClass'],
  'node.k8s.io': ['RuntimeClass'],
  'networking.k8s.io': ['IngressClass', 'IPAddress', 'ServiceCIDR'],
  'certificates.k8s.io': ['CertificateSigningRequest', 'ClusterTrustBundle'],
  'flowcontrol.apiserver.k8s.io': ['FlowSchema', 'PriorityLevelConfiguration'],
  'resource.k8s.io': ['DeviceClass', 'ResourceSlice'],
  'kubeflow.org': ['Profile'],
  'external-secrets.io': ['ClusterSecretStore', 'ClusterExternalSecret', 'ClusterPushSecret'],
  'generators.external-secrets.io': ['ClusterGenerator'],
  'cert-manager.io': ['ClusterIssuer'],
}).map(([group, kinds]) => [group, new Set(kinds)]));

/** Whether objects of this kind live in a namespace (see `CLUSTER_SCOPED`). */
export function isNamespaced(group: string, kind: string): boolean {
  return CLUSTER_SCOPED.get(group)?.has(kind) !== true;
}

/**
 * The namespace the object ends up in, `''` for none: its own, none for a cluster-scoped kind, and for
 * a namespaced object that names none, `namespace` (where `kubectl apply -n` puts it; `''` to leave
 * it open, judged wherever it may land).
 */
export function placedNamespace(group: string, kind: string, own: string, namespace: string): string {
  if (!isNamespaced(group, kind)) { return ''; }
  return own === '' ? namespace : own;
}

/** `manifest` with `metadata.namespace` set to `namespace`, as `kubectl apply -n` places it; unchanged when it names one or has none. */
export function inNamespace(manifest: any, namespace: string): any {
  const own = manifest.metadata?.namespace;
  if ((own !== undefined && own !== null && own !== '') || namespace === ''
    || !isNamespaced(apiGroup(String(manifest.apiVersion ?? '')), String(manifest.kind ?? ''))) { return manifest; }
  return { ...manifest, metadata: { ...manifest.metadata, namespace } };
}

/** Why a decoded value is not an object kubectl can apply, naming fields only; `undefined` when it is one. */
export function objectProblem(value: unknown): string | undefined {
  if (!isPlainObject(value)) { return 'is not a Kubernetes object (a mapping with apiVersion, kind and metadata.name)'; }
  if (typeof value.apiVersion !== 'string' || value.apiVersion === '') { return 'has no apiVersion'; }
  if (typeof value.kind !== 'string' || value.kind === '') { return 'has no kind'; }
  const name = isPlainObject(value.metadata) ? value.metadata.name : undefined;
  if (name !== undefined && name !== null && typeof name !== 'string') {
    return `${shownName(value.kind, 'kind')} has a metadata.name that is ${typeName(name)}, not a string`;
  }
  if (typeof name !== 'string' || name === '') {
    return `${shownName(value.kind, 'kind')} has no metadata.name, which kubectl apply needs (kubectl create takes a metadata.generateName instead): give it a name`;
  }
  if (value.metadata.namespace !== undefined && value.metadata.namespace !== null && typeof value.metadata.namespace !== 'string') {
    return `${shownName(value.kind, 'kind')} ${shownName(name, 'name')} has a metadata.namespace that is not a string`;
  }
  return undefined;
}

/**
 * The items of a list, as kubectl reads one: any object with an `items` list is one (`kind: List` as
 * `kubectl get -o yaml` prints it, `SecretList`, ...), and stands for its items. `undefined` for an
 * object that is not a list; a string saying why kubectl refuses one whose `items` is not a list.
 */
export function listItems(value: unknown): readonly unknown[] | string | undefined {
  if (!isPlainObject(value) || value.items === undefined || value.items === null) { return undefined; }
  return Array.isArray(value.items) ? value.items : 'has an items field that is not a list, which kubectl cannot read';
}

/**
 * Whether a file of a directory is cdk8s's `construct-metadata.json`, which `cdk8s synth` writes beside
 * the manifests when validation plugins run: a record of construct paths, not a Kubernetes object.
 */
export function isConstructMetadata(fileName: string, value: unknown): boolean {
  return fileName === 'construct-metadata.json' && isPlainObject(value) && typeof value.version === 'string' && isPlainObject(value.resources)
    && value.kind === undefined;
}

/**
 * The PodDefaults a user exempts from the listing rule, given as `NAME` (in every namespace) or
 * `NAMESPACE/NAME`: the plugin's `allowUnlisted` property and the CLI's `--allow-unlisted`.
 */
export class AllowUnlisted {
  /**
   * Why an entry is not `NAME` or `NAMESPACE/NAME`, or `undefined`; `what` is what the door calls an entry.
   */
  public static entryProblem(entry: unknown, what: string): string | undefined {
    if (typeof entry !== 'string') { return `${what} is a ${typeof entry}, not a string of the form NAME or NAMESPACE/NAME`; }
    const parts = entry.split('/');
    // Not shown, as no refused value is: where it breaks the form is said instead.
    if (parts.length > 2) { return `${what} has ${parts.length - 1} "/", and is not of the form NAME or NAMESPACE/NAME`; }
    if (parts.some(p => p === '')) { return `${what} ${entry === '' ? 'is empty' : 'has an empty part before or after "/"'}, and is not of the form NAME or NAMESPACE/NAME`; }
    return undefined;
  }

  private readonly everywhere = new Set<string>();
  private readonly inNamespace = new Set<string>();

  /** Throws an Error naming the first entry that is not `NAME` or `NAMESPACE/NAME` (check entryProblem first). */
  public constructor(entries: readonly unknown[]) {
    for (const entry of entries) {
      const problem = AllowUnlisted.entryProblem(entry, 'the entry');
      if (problem !== undefined) { throw new Error(problem); }
      const text = entry as string;
      (text.includes('/') ? this.inNamespace : this.everywhere).add(text);
    }
  }

  /** Whether no PodDefault is exempt. */
  public get none(): boolean {
    return this.everywhere.size === 0 && this.inNamespace.size === 0;
  }

  /** Whether the PodDefault `name` of `namespace` is exempt. */
  public matches(namespace: string, name: string): boolean {
    return this.everywhere.has(name) || this.inNamespace.has(`${namespace}/${name}`);
  }
}
