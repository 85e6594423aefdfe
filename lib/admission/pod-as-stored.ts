// A pod as the API server stores it (and `kubectl get pod -o yaml` shows it), as far as Go's
// encoding/json shapes it: the webhook and the API server decode the pod into core/v1 structs and
// marshal it again, and a field tagged `omitempty` whose value is the zero of a plain (non-pointer)
// type is left out: `readOnly: false`, a toleration's `key: ""`, `args: []`, `labels: {}`. A pointer
// keeps its zero (`optional: false`, `defaultMode: 0`), and so does a struct (`emptyDir: {}`,
// `resources: {}`). The API server's defaulting (`defaultMode: 420`, `terminationMessagePath`...) is
// not modelled. Field tags are those of k8s.io/api core/v1 (Kubernetes 1.32).

/** Fields without `omitempty`, by the field that holds them (a list's items by the list's name). */
const NOT_OMITEMPTY: Record<string, readonly string[]> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  volumes: ['name'],
  volumeMounts: ['name', 'mountPath'],
  volumeDevices: ['name', 'devicePath'],
  env: ['name'],
  ports: ['containerPort'],
  fieldRef: ['fieldPath'],
  resourceFieldRef: ['resource'],
  secretKeyRef: ['key'],
  configMapKeyRef: ['key'],
  items: ['key', 'path'],
  hostPath: ['path'],
  persistentVolumeClaim: ['claimName'],
  nfs: ['server', 'path'],
  csi: ['driver'],
  serviceAccountToken: ['path'],
  sysctls: ['name', 'value'],
  httpHeaders: ['name', 'value'],
  matchExpressions: ['key', 'operator'],
  topologySpreadConstraints: ['maxSkew', 'topologyKey', 'whenUnsatisfiable'],
  podAffinityTerm: ['topologyKey'],
  requiredDuringSchedulingIgnoredDuringExecution: ['topologyKey'],
  preferredDuringSchedulingIgnoredDuringExecution: ['weight'],
  readinessGates: ['conditionType'],
  hostAliases: ['ip'],
  seccompProfile: ['type'],
  appArmorProfile: ['type'],
  resourceClaims: ['name'],
  claims: ['name'],
  ownerReferences: ['apiVersion', 'kind', 'name', 'uid'],
  spec: ['containers'],
  projected: ['sources'],
};

/** Scalar fields that are pointers (`*bool`, `*int64`, `*string`...): their zero value is kept. */
const POINTERS = new Set([
  'optional', 'defaultMode', 'mode', 'tolerationSeconds', 'automountServiceAccountToken', 'expirationSeconds',
  'runAsUser', 'runAsGroup', 'runAsNonRoot', 'privileged', 'readOnlyRootFilesystem', 'allowPrivilegeEscalation',
  'procMount', 'fsGroup', 'fsGroupChangePolicy', 'supplementalGroupsPolicy', 'seLinuxChangePolicy',
  'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'priority', 'enableServiceLinks',
  'shareProcessNamespace', 'hostUsers', 'setHostnameAsFQDN', 'preemptionPolicy', 'runtimeClassName',
  'mountPropagation', 'recursiveReadOnly', 'sizeLimit', 'localhostProfile', 'gmsaCredentialSpec',
  'gmsaCredentialSpecName', 'runAsUserName', 'hostProcess', 'signerName', 'lun',
]);

/** Scalar fields that are pointers only in some structs, by the field that holds them. */
const POINTERS_IN: Record<string, readonly string[]> = {
  containers: ['restartPolicy'],
  initContainers: ['restartPolicy'],
  ephemeralContainers: ['restartPolicy'],
  hostPath: ['type'],
  csi: ['readOnly', 'fsType'],
  azureDisk: ['readOnly', 'fsType', 'cachingMode', 'kind'],
};

/** Fields that are maps, which `omitempty` leaves out when empty; every other object is a struct. */
const MAPS = new Set(['labels', 'annotations', 'nodeSelector', 'limits', 'requests', 'overhead', 'volumeAttributes', 'options']);

/** Subtrees the API server owns or resets on create, left as given (but for being left out when empty). */
const UNSHAPED = new Set(['status', 'managedFields']);

/**
 * A copy of `pod` without the zero values Go's encoding/json leaves out of core/v1 structs.
 */
export function podAsStored(pod: any): any {
  return shape(pod, undefined);
}

function shape(value: any, owner: string | undefined): any {
  if (Array.isArray(value)) { return value.map(item => shape(item, owner)); }
  if (value === null || typeof value !== 'object') { return value; }
  const out: Record<string, any> = {};
  for (const [field, child] of Object.entries(value)) {
    if (omitted(field, child, owner)) { continue; }
    if (UNSHAPED.has(field) || MAPS.has(field)) {
      // A map's keys are data (label keys, resource names), not fields.
      out[field] = child;
    } else {
      out[field] = shape(child, field);
    }
  }
  return out;
}

function omitted(field: string, value: any, owner: string | undefined): boolean {
  if (owner !== undefined && NOT_OMITEMPTY[owner]?.includes(field)) { return false; }
  if (value === null || value === undefined) { return true; }
  if (Array.isArray(value)) { return value.length === 0; }
  if (typeof value === 'object') { return MAPS.has(field) && Object.keys(value).length === 0; }
  if (POINTERS.has(field) || (owner !== undefined && POINTERS_IN[owner]?.includes(field))) { return false; }
  return value === '' || value === false || value === 0;
}
