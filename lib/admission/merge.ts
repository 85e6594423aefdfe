// The webhook's merge of PodDefaults into a pod: one small function per merge rule, like the webhook's
// mergeVolumes/mergeEnv, each returning the merged list and the conflicts it found. Line numbers are
// those of kubeflow/dashboard components/poddefaults-webhooks/main.go at d84246482d86.
import { goDecode, goDeepEqual, goKey } from './go-equal';
import { deepCopy, isNil, nameOf, str } from './manifest';

/** The prefix of the annotations the webhook reads and writes. */
export const ANNOTATION_PREFIX = 'poddefault.admission.kubeflow.org';
const ISTIO_PROXY = 'istio-proxy';

/** The source index of an entry the pod had before admission. */
export const POD = -1;

/**
 * A list the webhook merges by a key, comparing two entries of one key as reflect.DeepEqual sees their
 * Go type: a later entry must equal the first one, or the pod is refused.
 *
 * @internal
 */
export interface KeyedList {
  /** The conflict's rule. */
  readonly rule: string;
  /** The PodDefault spec field (and the pod or container field it merges into). */
  readonly field: string;
  /** The entry's field that keys it. */
  readonly key: string;
  /** The core/v1 type of an entry. */
  readonly type: string;
}

/** Every keyed list of a PodDefault, in the order the webhook judges them (main.go L118-166). @internal */
export const KEYED_LISTS: readonly KeyedList[] = [
  { rule: 'volume', field: 'volumes', key: 'name', type: 'Volume' },
  { rule: 'toleration', field: 'tolerations', key: 'key', type: 'Toleration' },
  { rule: 'env', field: 'env', key: 'name', type: 'EnvVar' },
  { rule: 'volume-mount-name', field: 'volumeMounts', key: 'name', type: 'VolumeMount' },
  { rule: 'volume-mount-path', field: 'volumeMounts', key: 'mountPath', type: 'VolumeMount' },
  { rule: 'init-container', field: 'initContainers', key: 'name', type: 'Container' },
  { rule: 'sidecar', field: 'sidecars', key: 'name', type: 'Container' },
];

/** The maps a PodDefault merges into the pod's metadata; two values of one key must be equal (main.go L471). @internal */
export const KEYED_MAPS: readonly { readonly rule: string; readonly field: 'labels' | 'annotations' }[] = [
  { rule: 'annotation', field: 'annotations' },
  { rule: 'label', field: 'labels' },
];

const VOLUMES = KEYED_LISTS[0];
const TOLERATIONS = KEYED_LISTS[1];
const ENV = KEYED_LISTS[2];
const MOUNT_NAMES = KEYED_LISTS[3];
const MOUNT_PATHS = KEYED_LISTS[4];
const INIT_CONTAINERS = KEYED_LISTS[5];
const SIDECARS = KEYED_LISTS[6];

/**
 * A conflict found by `mergePodDefaults`, with its sources as indices into the PodDefault list
 * (`-1` for the pod's own entry), so that callers can tell apart PodDefaults that share a name.
 *
 * @internal
 */
export interface MergeConflict {
  readonly rule: string;
  readonly key: string;
  readonly sources: number[];
  readonly container?: string;
  /** For `json-patch`, the sidecars added. */
  readonly sidecars?: string[];
}

/** @internal */
export interface MergeOutcome {
  /** The pod with every PodDefault applied, as if there had been no conflict. */
  readonly pod: any;
  readonly conflicts: MergeConflict[];
}

/**
 * Merges `podDefaults`, in the given order and regardless of their selectors, into a copy of `pod`, and
 * collects every conflict. Linear in the size of the pod and the PodDefaults. `pod` is the pod as the API
 * server passes it on (see `podAsStored`): an empty list in it is absent. The PodDefaults are as the API
 * server stores them (`storedPodDefault`), as the webhook lists them: its callers have them so already.
 *
 * @internal
 */
export function mergePodDefaults(pod: any, podDefaults: any[]): MergeOutcome {
  const out = deepCopy(pod ?? {});
  const metadata = out.metadata = out.metadata ?? {};
  const spec = out.spec = out.spec ?? {};
  const specs = podDefaults.map(pd => decodeSpec(pd?.spec ?? {}));
  const conflicts: MergeConflict[] = [];
  const merge = (field: string, result: Merged) => {
    conflicts.push(...result.conflicts);
    if (result.list.length > 0 || spec[field] !== undefined) { spec[field] = result.list; }
  };

  merge('volumes', mergeKeyed(VOLUMES, spec.volumes, specs));
  merge('tolerations', mergeKeyed(TOLERATIONS, spec.tolerations, specs));
  merge('imagePullSecrets', mergeImagePullSecrets(spec.imagePullSecrets, specs));
  mergeAccount(spec, specs);

  const labels = mergeMap('label', metadata.labels, specs.map(s => s.labels));
  const annotations = mergeMap('annotation', metadata.annotations, specs.map(s => s.annotations));
  conflicts.push(...labels.conflicts, ...annotations.conflicts);
  if (Object.keys(labels.map).length > 0) { metadata.labels = labels.map; }

  const originalContainers: any[] = spec.containers ?? [];
  const changed: number[] = [];
  const containers = originalContainers.map((ctr, i) => {
    const applied = applyOnContainer(ctr, specs);
    conflicts.push(...applied.conflicts);
    if (applied.changed) { changed.push(i); }
    return applied.container;
  });
  merge('initContainers', mergeKeyed(INIT_CONTAINERS, spec.initContainers, specs));
  const sidecars = mergeKeyed(SIDECARS, originalContainers, specs);
  conflicts.push(...sidecars.conflicts, ...sidecarsNamedLikeContainers(originalContainers, containers, specs));
  const added = sidecars.list.slice(originalContainers.length);
  if (added.length > 0) { conflicts.push(...patchContainers(containers, changed, added, sidecars.addedBy)); }
  if (containers.length + added.length > 0) { spec.containers = [...containers, ...added]; }

  const marked = { ...annotations.map };
  podDefaults.forEach(pd => { marked[`${ANNOTATION_PREFIX}/poddefault-${nameOf(pd)}`] = pd?.metadata?.resourceVersion ?? ''; });
  if (podDefaults.length > 0) { metadata.annotations = marked; }

  return { pod: out, conflicts };
}

interface Merged {
  readonly list: any[];
  readonly conflicts: MergeConflict[];
  /** The source of each entry appended to the list, in order. */
  readonly addedBy?: number[];
}

/** The lists of a PodDefault's spec that the webhook decodes into core/v1 structs, and their Go types. */
const TYPED_FIELDS: readonly (readonly [string, string])[] = [
  ['volumes', '[]Volume'], ['tolerations', '[]Toleration'], ['imagePullSecrets', '[]LocalObjectReference'],
  ['env', '[]EnvVar'], ['envFrom', '[]EnvFromSource'], ['volumeMounts', '[]VolumeMount'],
  ['initContainers', '[]Container'], ['sidecars', '[]Container'],
];

/**
 * A PodDefault's spec, as the API server stored it (`storedPodDefault`: the fields the CRD lacks pruned, such as a
 * sidecar's `restartPolicy`), as the webhook decodes it (main.go L654): fields its k8s.io/api lacks are dropped.
 */
function decodeSpec(spec: any): any {
  const out = { ...spec };
  for (const [field, type] of TYPED_FIELDS) {
    if (Array.isArray(out[field])) { out[field] = goDecode(out[field], type); }
  }
  return out;
}

/**
 * The webhook's JSON patch of a containers list that sidecars made longer (main.go L710,
 * github.com/mattbaird/jsonpatch 81af80346b1a `compareArray`): every container the merge changed is removed
 * by its old index, in one patch, one removal after the other, then added again whole as the webhook
 * encodes it. With one changed container that works, and it loses the fields the webhook's structs lack;
 * with two or more, the second removal misses (the list has shrunk), so the API server either cannot
 * apply the patch or finds a container twice, and refuses the pod.
 */
function patchContainers(containers: any[], changed: number[], added: any[], addedBy: number[] = []): MergeConflict[] {
  if (changed.length === 1) {
    containers[changed[0]] = goDecode(containers[changed[0]], 'Container');
    return [];
  }
  if (changed.length === 0) { return []; }
  const sources = [...new Set(addedBy)];
  return [{ rule: 'json-patch', key: changed.map(i => str(containers[i]?.name)).join(', '), sources, sidecars: added.map(c => str(c?.name)) }];
}

/**
 * The webhook's merge of a keyed list: the first entry of each key stays, a later entry with the same key
 * must be equal (as reflect.DeepEqual sees the typed structs) or it is a conflict.
 */
function mergeKeyed(keyed: KeyedList, existing: any[] | undefined, specs: any[], container?: string): Merged {
  const list = [...(existing ?? [])];
  const seen = new Map<string, { entry: any; source: number }>();
  list.forEach(entry => seen.set(str(entry?.[keyed.key]), { entry, source: POD }));
  const conflicts: MergeConflict[] = [];
  const addedBy: number[] = [];
  specs.forEach((spec, source) => {
    for (const entry of spec[keyed.field] ?? []) {
      const key = str(entry?.[keyed.key]);
      const found = seen.get(key);
      if (found === undefined) {
        seen.set(key, { entry, source });
        list.push(entry);
        addedBy.push(source);
      } else if (!goDeepEqual(found.entry, entry, keyed.type)) {
        conflicts.push(conflict(keyed.rule, key, [found.source, source], container));
      }
    }
  });
  return { list, conflicts, addedBy };
}

/** A LocalObjectReference holds only a name (anything else is pruned), so this only de-duplicates. */
function mergeImagePullSecrets(secrets: any[] | undefined, specs: any[]): Merged {
  const list = [...(secrets ?? [])];
  const names = new Set(list.map(r => str(r?.name)));
  for (const ref of specs.flatMap(s => s.imagePullSecrets ?? [])) {
    if (!names.has(str(ref?.name))) {
      names.add(str(ref?.name));
      list.push(ref);
    }
  }
  return { list, conflicts: [] };
}

/**
 * Mounts clash by volume name and, separately, by mount path, compared as raw strings (main.go L283-334).
 */
function mergeVolumeMounts(mounts: any[] | undefined, specs: any[], container: string): Merged {
  const list = [...(mounts ?? [])];
  const byName = new Map<string, { entry: any; source: number }>();
  const byPath = new Map<string, { entry: any; source: number }>();
  for (const entry of list) {
    byName.set(str(entry?.name), { entry, source: POD });
    byPath.set(str(entry?.mountPath), { entry, source: POD });
  }
  const conflicts: MergeConflict[] = [];
  specs.forEach((spec, source) => {
    for (const entry of spec.volumeMounts ?? []) {
      const name = str(entry?.name);
      const path = str(entry?.mountPath);
      const sameName = byName.get(name);
      if (sameName === undefined) {
        byName.set(name, { entry, source });
        list.push(entry);
      } else if (!goDeepEqual(sameName.entry, entry, MOUNT_NAMES.type)) {
        conflicts.push(conflict(MOUNT_NAMES.rule, name, [sameName.source, source], container));
      }
      const samePath = byPath.get(path);
      if (samePath === undefined) {
        byPath.set(path, { entry, source });
      } else if (!goDeepEqual(samePath.entry, entry, MOUNT_PATHS.type)) {
        conflicts.push(conflict(MOUNT_PATHS.rule, path, [samePath.source, source], container));
      }
    }
  });
  return { list, conflicts };
}

/** envFrom never conflicts: every source is appended, duplicates too. */
function mergeEnvFrom(envFrom: any[] | undefined, specs: any[]): any[] {
  return [...(envFrom ?? []), ...specs.flatMap(s => s.envFrom ?? [])];
}

/** The first PodDefault that sets a command (or args) wins, for a container that has none. */
function setCommandAndArgs(ctr: any, specs: any[]): void {
  if (ctr.name === ISTIO_PROXY) { return; }
  for (const spec of specs) {
    if (isNil(ctr.command) && !isNil(spec.command)) { ctr.command = deepCopy(spec.command); }
    if (isNil(ctr.args) && !isNil(spec.args)) { ctr.args = deepCopy(spec.args); }
  }
}

/** serviceAccountName and automountServiceAccountToken: the last PodDefault that sets them wins. */
function mergeAccount(podSpec: any, specs: any[]): void {
  for (const spec of specs) {
    if (!isNil(spec.automountServiceAccountToken)) { podSpec.automountServiceAccountToken = spec.automountServiceAccountToken; }
    if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== '') {
      podSpec.serviceAccountName = spec.serviceAccountName;
    }
  }
}

/** Labels and annotations: a key set twice must have the same value, the pod's own included. */
function mergeMap(rule: string, existing: Record<string, string> | undefined,
  added: (Record<string, string> | undefined)[]): { map: Record<string, string>; conflicts: MergeConflict[] } {
  const map: Record<string, string> = { ...(existing ?? {}) };
  const source = new Map<string, number>(Object.keys(map).map(k => [k, POD]));
  const conflicts: MergeConflict[] = [];
  added.forEach((entries, index) => {
    for (const [key, value] of Object.entries(entries ?? {})) {
      if (!source.has(key)) {
        map[key] = value;
        source.set(key, index);
      } else if (map[key] !== value) {
        conflicts.push(conflict(rule, key, [source.get(key)!, index]));
      }
    }
  });
  return { map, conflicts };
}

/**
 * The webhook checks sidecars against the pod's containers before it mutates them (main.go L162), then
 * merges them into the mutated containers (L563); a sidecar named like one of the pod's containers that
 * passed the first check but differs from the mutated container makes mergeContainers fail, and the
 * webhook then writes the pod without containers (L567), which the API server refuses. The mutated
 * container always has an env and a mounts list, empty or not (`make` in mergeEnv L240 and
 * mergeVolumeMounts L292), and an envFrom list only when something is in it (L272).
 */
function sidecarsNamedLikeContainers(originals: any[], mutated: any[], specs: any[]): MergeConflict[] {
  const conflicts: MergeConflict[] = [];
  specs.forEach((spec, source) => {
    for (const sidecar of spec.sidecars ?? []) {
      const name = str(sidecar?.name);
      const i = originals.findIndex(c => str(c?.name) === name);
      if (i < 0 || !goDeepEqual(originals[i], sidecar, SIDECARS.type)) { continue; }
      const ctr = mutated[i];
      const asGo = { ...ctr, env: ctr.env ?? [], volumeMounts: ctr.volumeMounts ?? [] };
      if (goKey(asGo, SIDECARS.type) !== goKey(sidecar, SIDECARS.type)) { conflicts.push(conflict('sidecar', name, [POD, source])); }
    }
  });
  return conflicts;
}

/**
 * The container with the PodDefaults' env, mounts, envFrom, command and args; `changed` when its JSON
 * differs (something was added: an empty command set where there was none encodes as none).
 */
function applyOnContainer(original: any, specs: any[]): { container: any; conflicts: MergeConflict[]; changed: boolean } {
  const ctr = deepCopy(original);
  const name = str(ctr.name);
  const env = mergeKeyed(ENV, ctr.env, specs, name);
  const mounts = mergeVolumeMounts(ctr.volumeMounts, specs, name);
  const envFrom = mergeEnvFrom(ctr.envFrom, specs);
  const before = [original.env, original.volumeMounts, original.envFrom, original.command, original.args].map(lengthOf);
  if (env.list.length > 0) { ctr.env = env.list; }
  if (mounts.list.length > 0) { ctr.volumeMounts = mounts.list; }
  if (envFrom.length > 0) { ctr.envFrom = envFrom; }
  setCommandAndArgs(ctr, specs);
  const after = [ctr.env, ctr.volumeMounts, ctr.envFrom, ctr.command, ctr.args].map(lengthOf);
  return { container: ctr, conflicts: [...env.conflicts, ...mounts.conflicts], changed: after.some((n, i) => n !== before[i]) };
}

function lengthOf(list: unknown): number {
  return Array.isArray(list) ? list.length : 0;
}

function conflict(rule: string, key: string, sources: number[], container?: string): MergeConflict {
  return container === undefined ? { rule, key, sources } : { rule, key, sources, container };
}

