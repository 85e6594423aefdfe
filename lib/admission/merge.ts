// The webhook's merge of PodDefaults into a pod: one small function per merge rule, like the webhook's
// mergeVolumes/mergeEnv, each returning the merged list and the conflicts it found.
import { goDeepEqual } from './go-equal';
import { deepCopy, isNil, nameOf, str } from './manifest';

/** The prefix of the annotations the webhook reads and writes. */
export const ANNOTATION_PREFIX = 'poddefault.admission.kubeflow.org';
const ISTIO_PROXY = 'istio-proxy';

/** The source index of an entry the pod had before admission. */
export const POD = -1;

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
}

/** @internal */
export interface MergeOutcome {
  /** The pod with every PodDefault applied, as if there had been no conflict. */
  readonly pod: any;
  readonly conflicts: MergeConflict[];
}

/**
 * Merges `podDefaults`, in the given order and regardless of their selectors, into a copy of `pod`, and
 * collects every conflict. Linear in the size of the pod and the PodDefaults.
 *
 * @internal
 */
export function mergePodDefaults(pod: any, podDefaults: any[]): MergeOutcome {
  const out = deepCopy(pod ?? {});
  const metadata = out.metadata = out.metadata ?? {};
  const spec = out.spec = out.spec ?? {};
  const specs = podDefaults.map(pd => pd?.spec ?? {});
  const conflicts: MergeConflict[] = [];
  const merge = (field: string, result: Merged) => {
    conflicts.push(...result.conflicts);
    if (result.list.length > 0 || spec[field] !== undefined) { spec[field] = result.list; }
  };

  merge('volumes', mergeVolumes(spec.volumes, specs));
  merge('tolerations', mergeTolerations(spec.tolerations, specs));
  merge('imagePullSecrets', mergeImagePullSecrets(spec.imagePullSecrets, specs));
  mergeAccount(spec, specs);

  const labels = mergeMap('label', metadata.labels, specs.map(s => s.labels));
  const annotations = mergeMap('annotation', metadata.annotations, specs.map(s => s.annotations));
  conflicts.push(...labels.conflicts, ...annotations.conflicts);
  if (Object.keys(labels.map).length > 0) { metadata.labels = labels.map; }

  const originalContainers: any[] = spec.containers ?? [];
  const containers = originalContainers.map(ctr => {
    const applied = applyOnContainer(ctr, specs);
    conflicts.push(...applied.conflicts);
    return applied.container;
  });
  merge('initContainers', mergeContainers('init-container', spec.initContainers, specs.map(s => s.initContainers)));
  const sidecars = mergeContainers('sidecar', originalContainers, specs.map(s => s.sidecars));
  conflicts.push(...sidecars.conflicts, ...sidecarsNamedLikeContainers(originalContainers, specs));
  const added = sidecars.list.slice(originalContainers.length);
  if (containers.length + added.length > 0) { spec.containers = [...containers, ...added]; }

  const marked = { ...annotations.map };
  podDefaults.forEach(pd => { marked[`${ANNOTATION_PREFIX}/poddefault-${nameOf(pd)}`] = pd?.metadata?.resourceVersion ?? ''; });
  if (podDefaults.length > 0) { metadata.annotations = marked; }

  return { pod: out, conflicts };
}

interface Merged {
  readonly list: any[];
  readonly conflicts: MergeConflict[];
}

/**
 * The webhook's merge of a keyed list: the first entry of each key stays, a later entry with the same key
 * must be equal (as Go's reflect.DeepEqual sees the typed structs) or it is a conflict.
 */
function mergeKeyed(rule: string, existing: any[] | undefined, added: (any[] | undefined)[],
  keyOf: (entry: any) => string, container?: string): Merged {
  const list = [...(existing ?? [])];
  const seen = new Map<string, { entry: any; source: number }>();
  list.forEach(entry => seen.set(keyOf(entry), { entry, source: POD }));
  const conflicts: MergeConflict[] = [];
  added.forEach((entries, source) => {
    for (const entry of entries ?? []) {
      const key = keyOf(entry);
      const found = seen.get(key);
      if (found === undefined) {
        seen.set(key, { entry, source });
        list.push(entry);
      } else if (!goDeepEqual(found.entry, entry)) {
        conflicts.push(conflict(rule, key, [found.source, source], container));
      }
    }
  });
  return { list, conflicts };
}

function mergeVolumes(volumes: any[] | undefined, specs: any[]): Merged {
  return mergeKeyed('volume', volumes, specs.map(s => s.volumes), v => str(v?.name));
}

function mergeTolerations(tolerations: any[] | undefined, specs: any[]): Merged {
  return mergeKeyed('toleration', tolerations, specs.map(s => s.tolerations), t => str(t?.key));
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

function mergeEnv(env: any[] | undefined, specs: any[], container: string): Merged {
  return mergeKeyed('env', env, specs.map(s => s.env), e => str(e?.name), container);
}

function mergeContainers(rule: string, containers: any[] | undefined, added: (any[] | undefined)[]): Merged {
  return mergeKeyed(rule, containers, added, c => str(c?.name));
}

/**
 * Mounts clash by volume name and, separately, by mount path (compared as raw strings).
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
      } else if (!goDeepEqual(sameName.entry, entry)) {
        conflicts.push(conflict('volume-mount-name', name, [sameName.source, source], container));
      }
      const samePath = byPath.get(path);
      if (samePath === undefined) {
        byPath.set(path, { entry, source });
      } else if (!goDeepEqual(samePath.entry, entry)) {
        conflicts.push(conflict('volume-mount-path', path, [samePath.source, source], container));
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
 * The webhook checks sidecars against the pod's containers before it mutates them, then merges them into
 * the mutated containers; a sidecar named like one of the pod's containers then no longer matches and the
 * webhook drops every container, which the API server refuses. So any such sidecar rejects the pod.
 */
function sidecarsNamedLikeContainers(containers: any[], specs: any[]): MergeConflict[] {
  const names = new Set(containers.map(c => str(c?.name)));
  const conflicts: MergeConflict[] = [];
  specs.forEach((spec, source) => {
    for (const sidecar of spec.sidecars ?? []) {
      const name = str(sidecar?.name);
      if (names.has(name) && goDeepEqual(containers.find(c => str(c?.name) === name), sidecar)) {
        conflicts.push(conflict('sidecar', name, [POD, source]));
      }
    }
  });
  return conflicts;
}

function applyOnContainer(original: any, specs: any[]): { container: any; conflicts: MergeConflict[] } {
  const ctr = deepCopy(original);
  const name = str(ctr.name);
  const env = mergeEnv(ctr.env, specs, name);
  const mounts = mergeVolumeMounts(ctr.volumeMounts, specs, name);
  const envFrom = mergeEnvFrom(ctr.envFrom, specs);
  if (env.list.length > 0) { ctr.env = env.list; }
  if (mounts.list.length > 0) { ctr.volumeMounts = mounts.list; }
  if (envFrom.length > 0) { ctr.envFrom = envFrom; }
  setCommandAndArgs(ctr, specs);
  return { container: ctr, conflicts: [...env.conflicts, ...mounts.conflicts] };
}

function conflict(rule: string, key: string, sources: number[], container?: string): MergeConflict {
  return container === undefined ? { rule, key, sources } : { rule, key, sources, container };
}

