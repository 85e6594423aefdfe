// A model of the Kubeflow PodDefault admission webhook (kubeflow/dashboard
// `components/poddefaults-webhooks`): which PodDefaults select a pod, whether their merge conflicts, and
// the pod it writes back. One small function per merge rule, like the webhook's mergeVolumes/mergeEnv.
// Messages carry names, keys and paths only, never an env value or anything read from a Secret.
import { podAsStored } from './pod-as-stored';

import { labelKeyProblem, labelValueProblem, MAX_PODDEFAULT_NAME_LENGTH } from './names';

const ANNOTATION_PREFIX = 'poddefault.admission.kubeflow.org';
const EXCLUDE_ANNOTATION = `${ANNOTATION_PREFIX}/exclude`;
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
const ISTIO_PROXY = 'istio-proxy';

/** The source index of an entry the pod had before admission. */
const POD = -1;

/**
 * Options for `PodDefaultAdmission.admit`.
 */
export interface AdmissionOptions {
  /**
   * The namespace of the admission request, used for a pod (and a PodDefault) whose manifest has none.
   *
   * @default - the pod's own `metadata.namespace`; a pod without one only meets PodDefaults without one
   */
  readonly namespace?: string;
}

/**
 * One reason the webhook rejects a pod.
 */
export interface AdmissionConflict {
  /**
   * What clashed: `volume`, `volume-mount-name`, `volume-mount-path`, `env`, `label`, `annotation`,
   * `toleration`, `init-container`, `sidecar`, `selector` (an invalid selector in the namespace) or
   * `name-length` (a PodDefault name too long for the annotation the webhook adds).
   */
  readonly rule: string;

  /**
   * The clashing volume name, mount path, env name, label or annotation key, toleration key or container
   * name; for `selector`, the selector key at fault.
   */
  readonly key: string;

  /**
   * The PodDefaults involved, by name. When the clash is with the pod's own entry, only the PodDefault.
   */
  readonly podDefaults: string[];

  /**
   * The container the clash is in, for env and volume mounts.
   *
   * @default - the clash is at pod level
   */
  readonly container?: string;

  /**
   * A readable description; names, keys and paths only.
   */
  readonly message: string;
}

/**
 * What the webhook does with a pod.
 */
export interface AdmissionResult {
  /** Whether the webhook admits the pod. */
  readonly allowed: boolean;

  /**
   * When allowed, the pod as the API server stores it after the webhook: zero values of `omitempty`
   * fields left out, as Go writes them (`readOnly: false`, a toleration's `key: ""`). Pointer fields such
   * as `optional: false` kept. When refused, an unchanged copy of the input.
   */
  readonly pod: any;

  /** Every conflict found; empty when allowed. */
  readonly conflicts: AdmissionConflict[];

  /** The names of the PodDefaults applied, in the order the webhook merges them (by name). */
  readonly applied: string[];
}

/**
 * Predicts what the Kubeflow PodDefault webhook does with a pod on CREATE.
 *
 * @example
 * const manifests = Testing.synth(chart);
 * const result = PodDefaultAdmission.admit(notebookPod, manifests.filter(m => m.kind === 'PodDefault'));
 */
export class PodDefaultAdmission {
  /**
   * The pod annotation that makes the webhook leave a pod alone (value `"true"`).
   */
  public static readonly EXCLUDE_ANNOTATION = EXCLUDE_ANNOTATION;

  /**
   * Runs the webhook's admission of `pod` against `podDefaults`.
   *
   * Only PodDefaults of the pod's namespace count (a PodDefault manifest without a namespace counts as
   * being in `options.namespace`, else in the pod's). Nothing is applied when any of them conflicts.
   *
   * @param pod a Pod manifest (`{apiVersion, kind, metadata, spec}`), as the API server passes it on
   * @param podDefaults PodDefault manifests, in any order
   */
  public static admit(pod: any, podDefaults: any[], options: AdmissionOptions = {}): AdmissionResult {
    const input = deepCopy(pod ?? {});
    const namespace = input.metadata?.namespace ?? options.namespace;
    const annotations = input.metadata?.annotations ?? {};
    if (annotations[EXCLUDE_ANNOTATION] === 'true' || annotations[MIRROR_POD_ANNOTATION] !== undefined) {
      return { allowed: true, pod: podAsStored(input), conflicts: [], applied: [] };
    }

    const inNamespace = (podDefaults ?? [])
      .filter(pd => (pd?.metadata?.namespace ?? options.namespace ?? namespace) === namespace)
      .sort((a, b) => compareNames(nameOf(a), nameOf(b)));

    const labels = input.metadata?.labels ?? {};
    const matching: any[] = [];
    const selectorConflicts: AdmissionConflict[] = [];
    for (const pd of inNamespace) {
      const selector = parseSelector(pd.spec?.selector);
      if (selector.error !== undefined) {
        selectorConflicts.push({
          rule: 'selector',
          key: selector.key ?? '',
          podDefaults: [nameOf(pd)],
          message: `poddefault ${nameOf(pd)} has an invalid selector: ${selector.error}; the webhook rejects every pod of the namespace`,
        });
      } else if (selector.matches(labels)) {
        matching.push(pd);
      }
    }
    if (selectorConflicts.length > 0) {
      return { allowed: false, pod: input, conflicts: selectorConflicts, applied: [] };
    }
    if (matching.length === 0) {
      return { allowed: true, pod: podAsStored(input), conflicts: [], applied: [] };
    }

    const merged = mergePodDefaults(input, matching);
    const conflicts = [
      ...merged.conflicts.map(c => toAdmissionConflict(c, matching)),
      ...matching.filter(pd => nameOf(pd).length > MAX_PODDEFAULT_NAME_LENGTH).map(pd => ({
        rule: 'name-length',
        key: nameOf(pd),
        podDefaults: [nameOf(pd)],
        message: `poddefault ${nameOf(pd)} has a name over ${MAX_PODDEFAULT_NAME_LENGTH} characters, so the annotation the webhook adds is not a valid key and the pod is refused`,
      })),
    ];
    if (conflicts.length > 0) {
      return { allowed: false, pod: input, conflicts, applied: [] };
    }
    return { allowed: true, pod: podAsStored(merged.pod), conflicts: [], applied: matching.map(nameOf) };
  }
}

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

const SUBJECTS: Record<string, (key: string, container?: string) => string> = {
  'volume': key => `volume ${key}`,
  'volume-mount-name': (key, c) => `the mount of volume ${key} in container ${c}`,
  'volume-mount-path': (key, c) => `the mount at ${key} in container ${c}`,
  'env': (key, c) => `env var ${key} in container ${c}`,
  'label': key => `pod label ${key}`,
  'annotation': key => `pod annotation ${key}`,
  'toleration': key => `the toleration of key ${quoteEmpty(key)}`,
  'init-container': key => `init container ${key}`,
  'sidecar': key => `container ${key}`,
};

/**
 * A readable description of a conflict between the named parties. `parties` are PodDefault names, or
 * `undefined` for the pod's own entry.
 */
function describeConflict(rule: string, key: string, parties: (string | undefined)[], container?: string): string {
  const subject = (SUBJECTS[rule] ?? ((k: string) => `${rule} ${k}`))(key, container);
  const names = parties.filter((p): p is string => p !== undefined);
  const byPod = parties.some(p => p === undefined);
  if (rule === 'sidecar' && byPod) {
    return `poddefault ${names.join(', ')} adds ${subject}, which the pod already has`;
  }
  const who = byPod
    ? `the pod and poddefault ${names.join(', ')}`
    : `poddefaults ${names.join(' and ')}`;
  return `${subject} differs between ${who}`;
}

function toAdmissionConflict(c: MergeConflict, podDefaults: any[]): AdmissionConflict {
  const parties = c.sources.map(s => (s === POD ? undefined : nameOf(podDefaults[s])));
  const message = describeConflict(c.rule, c.key, parties, c.container);
  const names = parties.filter((p): p is string => p !== undefined);
  return c.container === undefined
    ? { rule: c.rule, key: c.key, podDefaults: names, message }
    : { rule: c.rule, key: c.key, podDefaults: names, container: c.container, message };
}

// ---- selectors (metav1.LabelSelectorAsSelector and labels.Selector.Matches)

/**
 * One requirement of a selector; a `matchLabels` entry is `In` with its one value.
 *
 * @internal
 */
export interface SelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values: readonly string[];
}

/** @internal */
export interface ParsedSelector {
  readonly error?: string;
  readonly key?: string;
  /** The requirements, all of which a pod's labels meet to be selected; empty when invalid. */
  readonly requirements: readonly SelectorRequirement[];
  readonly matches: (labels: Record<string, string>) => boolean;
}

/**
 * Parses a LabelSelector as the webhook does; an empty (or absent) selector matches every pod.
 *
 * @internal
 */
export function parseSelector(selector: any): ParsedSelector {
  // Keys, an indexed loop and an array of the final length rather than entries, for...of and pushes
  // (`[].push` reserves room for seventeen): the app-wide check parses the selector of every PodDefault
  // of the app, cold.
  const matchLabels = selector?.matchLabels ?? {};
  const keys = Object.keys(matchLabels);
  const requirements: SelectorRequirement[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = matchLabels[key];
    const problem = labelKeyProblem(key) ?? labelValueProblem(value);
    if (problem !== undefined) { return new Selector([], key, `matchLabels key ${key}: ${problem}`); }
    requirements[i] = { key, operator: 'In', values: [value] };
  }
  // Read only when present: a for...of over an empty list still costs an iterator and its result.
  const expressions = selector?.matchExpressions;
  if (expressions === undefined || expressions === null) { return new Selector(requirements); }
  for (const expression of expressions) {
    const key = str(expression?.key);
    const values: any[] = expression?.values ?? [];
    const operator = expression?.operator;
    const keyProblem = labelKeyProblem(key);
    if (keyProblem !== undefined) { return new Selector([], key, `matchExpressions key ${quoteEmpty(key)}: ${keyProblem}`); }
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) { return new Selector([], key, `matchExpressions key ${key}: operator ${operator} needs values`); }
      const valueProblem = values.map(labelValueProblem).find(p => p !== undefined);
      if (valueProblem !== undefined) { return new Selector([], key, `matchExpressions key ${key}: ${valueProblem}`); }
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) { return new Selector([], key, `matchExpressions key ${key}: operator ${operator} takes no values`); }
    } else {
      return new Selector([], key, `matchExpressions key ${key}: unknown operator ${String(operator)}`);
    }
    requirements.push({ key, operator, values });
  }
  return new Selector(requirements);
}

/** A parsed selector; a class, so that `matches` is one method rather than a closure per selector. */
class Selector implements ParsedSelector {
  public constructor(
    public readonly requirements: readonly SelectorRequirement[],
    public readonly key?: string,
    public readonly error?: string,
  ) {}

  public matches(labels: Record<string, string>): boolean {
    return this.error === undefined && this.requirements.every(r => meets(r, labels));
  }
}

/**
 * Whether `labels` meet one requirement (labels.Requirement.Matches).
 *
 * @internal
 */
export function meets(requirement: SelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  switch (requirement.operator) {
    case 'In': return has && requirement.values.includes(labels[requirement.key]);
    case 'NotIn': return !has || !requirement.values.includes(labels[requirement.key]);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
  }
}

// ---- equality as Go's reflect.DeepEqual sees the decoded core/v1 structs

/**
 * Fields that are plain (non-pointer) values in core/v1, where an absent field decodes to the zero value.
 * Every other field is a pointer, slice, map or struct pointer, where absent and zero differ.
 */
const PLAIN_FIELDS = new Set([
  'name', 'value', 'key', 'path', 'mountPath', 'subPath', 'subPathExpr', 'readOnly', 'secretName',
  'claimName', 'medium', 'operator', 'effect', 'fieldPath', 'apiVersion', 'containerName', 'resource',
  'image', 'imagePullPolicy', 'workingDir', 'terminationMessagePath', 'terminationMessagePolicy', 'stdin',
  'stdinOnce', 'tty', 'prefix', 'driver', 'audience', 'server', 'fsType', 'containerPort', 'hostPort',
  'hostIP', 'protocol',
]);

/** Fields that are pointers in some structs although plain in most. */
const POINTER_FIELDS_OF: Record<string, Set<string>> = {
  csi: new Set(['readOnly', 'fsType']),
  azureDisk: new Set(['readOnly', 'fsType', 'cachingMode', 'kind']),
};

/** Struct (non-pointer) fields: absent equals an empty object. */
const PLAIN_STRUCTS = new Set(['resources']);

/**
 * Whether two manifest values are equal as `reflect.DeepEqual` sees them once decoded into core/v1 types.
 */
function goDeepEqual(a: any, b: any, owner?: string, field?: string): boolean {
  const x = a === null ? undefined : a;
  const y = b === null ? undefined : b;
  if (x === undefined || y === undefined) {
    if (x === y) { return true; }
    const present = x === undefined ? y : x;
    if (field === undefined) { return false; }
    if (PLAIN_STRUCTS.has(field)) { return goDeepEqual(present, {}, owner, field); }
    const plain = PLAIN_FIELDS.has(field) && !(owner !== undefined && POINTER_FIELDS_OF[owner]?.has(field));
    return plain && (present === '' || present === false || present === 0);
  }
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) { return false; }
    return x.every((item, i) => goDeepEqual(item, y[i], owner, field));
  }
  if (typeof x === 'object' && typeof y === 'object') {
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    for (const key of keys) {
      if (!goDeepEqual(x[key], y[key], field, key)) { return false; }
    }
    return true;
  }
  return x === y;
}

// ---- small helpers

function nameOf(manifest: any): string {
  return str(manifest?.metadata?.name);
}

function str(value: any): string {
  return value === undefined || value === null ? '' : String(value);
}

function isNil(value: any): boolean {
  return value === undefined || value === null;
}

function quoteEmpty(key: string): string {
  return key === '' ? '""' : key;
}

/**
 * The API server lists PodDefaults in name order. Names are DNS subdomains (ASCII), for which this
 * UTF-16 order is Go's byte order.
 *
 * @internal
 */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy of a JSON value (manifests hold no cycles, functions or dates). */
function deepCopy(value: any): any {
  if (Array.isArray(value)) { return value.map(deepCopy); }
  if (value === null || typeof value !== 'object') { return value; }
  const out: Record<string, any> = {};
  for (const key of Object.keys(value)) {
    if (value[key] !== undefined) { out[key] = deepCopy(value[key]); }
  }
  return out;
}
