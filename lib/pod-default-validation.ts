// The app-wide synth-time check: every PodDefault of the app (ours, KubePodDefaults, raw ApiObjects and
// Included YAML), grouped by namespace, judged against what Kubeflow's webhook and notebook UI accept.
// Errors name construct paths, namespaces, and the clashing name, path or key; never a value.
import { ApiObject, App } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { compareNames, labelKeyProblem, MAX_NAME_LENGTH, mergePodDefaults, parseSelector } from './pod-default-admission';

const VALIDATION_ID = 'KubeflowPodDefaultValidation';
const SPAWNER_VOLUME = 'dshm';
const SPAWNER_MOUNT_PATH = '/dev/shm';

/** What one App's validation keeps between the validation passes of one synthesis. */
interface AppState {
  /** How many `synth()`/`synthYaml()` calls of the App are running (a synthesis in progress when > 0). */
  depth: number;
  /** The errors computed in the running synthesis, reused by its later validation passes. */
  errors?: string[];
  /** The PodDefaults whose rendered manifest is handed back to cdk8s in the running synthesis. */
  rendered: IConstruct[];
}

const states = new WeakMap<IConstruct, AppState>();
const unlisted = new WeakSet<IConstruct>();

/**
 * A synth-time check that no set of PodDefaults in the app is one Kubeflow would refuse.
 *
 * The access constructs of this library attach it themselves. Attach it with `attach(app)` to an app that
 * holds only PodDefaults from elsewhere (raw `ApiObject`s, `Include`d YAML).
 *
 * It reports, as cdk8s validation errors: PodDefaults of one namespace that the webhook cannot merge
 * together (as if one notebook selected them all), mount paths that spell one directory differently, two
 * objects with the same group, kind, namespace and name, a PodDefault the notebook UI cannot list, the
 * spawner's own `dshm` volume or `/dev/shm` mount, a PodDefault name over 52 characters, invalid label
 * keys and invalid selectors.
 */
export class PodDefaultValidation {
  /**
   * Attaches the check to `app`. Attaching twice adds one check.
   */
  public static attach(app: App): void {
    PodDefaultValidation.attachTo(app);
  }

  /**
   * Attaches the check to the app (the root) of `scope`, once.
   */
  public static attachTo(scope: IConstruct): void {
    const root = scope.node.root;
    if (states.has(root)) { return; }
    const state: AppState = { depth: 0, rendered: [] };
    states.set(root, state);
    trackSynthesis(root, state);
    new Construct(root, VALIDATION_ID).node.addValidation({ validate: () => validate(root, state) });
  }

  /**
   * Exempts one PodDefault from the notebook listing rule: for PodDefaults that are not meant to be picked
   * in the notebook UI (for instance ones selecting pipeline pods with `matchExpressions`).
   *
   * A PodDefault without `matchLabels` still breaks the notebook UI's configuration list for its whole
   * namespace, so exempt one only in a namespace where nobody spawns notebooks.
   */
  public static allowUnlisted(podDefault: ApiObject): void {
    unlisted.add(podDefault);
  }
}

/**
 * cdk8s 2.70 validates the whole app once per chart: `app.synth()` and `app.synthYaml()` validate first
 * and then call `chart.toJson()` for every chart, each of which validates the whole app again. Nothing in
 * a validation call tells those passes apart from a new synthesis, so the App's own `synth` and
 * `synthYaml` are wrapped (on this instance only) to mark when a synthesis runs: the first validation
 * pass inside it computes, the others reuse the result, and the result is dropped when it returns, so a
 * later synthesis sees every change made in between. Outside them (`Testing.synth(chart)`, a direct
 * `chart.toJson()`) there is one pass per call, and each computes afresh.
 *
 * Rendering every PodDefault is most of the check's cost, and cdk8s renders each again for the output
 * later in the same synthesis; so, inside a synthesis, the manifest the check rendered is what the
 * PodDefault's `toJson()` returns until the synthesis ends (nothing can change it in between).
 */
function trackSynthesis(root: any, state: AppState): void {
  for (const method of ['synth', 'synthYaml']) {
    const original = root[method];
    if (typeof original !== 'function') { continue; }
    root[method] = function (this: any, ...args: any[]) {
      if (state.depth++ === 0) { endSynthesis(state); }
      try {
        return original.apply(this, args);
      } finally {
        if (--state.depth === 0) { endSynthesis(state); }
      }
    };
  }
}

function endSynthesis(state: AppState): void {
  state.errors = undefined;
  for (const obj of state.rendered) { delete (obj as any).toJson; }
  state.rendered = [];
}

function validate(root: IConstruct, state: AppState): string[] {
  if (state.depth > 0 && state.errors !== undefined) { return state.errors; }
  const errors = check(root, state);
  if (state.depth > 0) { state.errors = errors; }
  return errors;
}

/** Renders `obj`; inside a synthesis, cdk8s's own later `toJson()` of it gets the same manifest. */
function render(obj: ApiObject, state: AppState): any {
  const manifest = obj.toJson();
  if (state.depth > 0 && !Object.prototype.hasOwnProperty.call(obj, 'toJson')) {
    Object.defineProperty(obj, 'toJson', { value: () => manifest, configurable: true, writable: true });
    state.rendered.push(obj);
  }
  return manifest;
}

/** A PodDefault as the check sees it. */
interface Found {
  readonly path: string;
  readonly construct: IConstruct;
  readonly manifest: any;
  readonly name: string;
}

function check(root: IConstruct, state: AppState): string[] {
  const errors: string[] = [];
  const byNamespace = new Map<string, Found[]>();
  const identities = new Map<string, string>();

  for (const construct of root.node.findAll()) {
    if (!ApiObject.isApiObject(construct)) { continue; }
    const obj = construct as ApiObject;
    const isPodDefault = obj.kind === 'PodDefault' && obj.apiGroup === 'kubeflow.org';
    const manifest = isPodDefault ? render(obj, state) : undefined;
    const name: string = manifest?.metadata?.name ?? obj.name;
    const namespace: string = (manifest ? manifest.metadata?.namespace : obj.metadata.namespace) ?? '';

    const identity = `${obj.apiGroup}\n${obj.kind}\n${namespace}\n${name}`;
    const first = identities.get(identity);
    if (first === undefined) {
      identities.set(identity, obj.node.path);
    } else {
      errors.push(duplicateObject(obj.apiGroup, obj.kind, namespace, name, first, obj.node.path));
    }

    if (isPodDefault) {
      const list = byNamespace.get(namespace) ?? [];
      list.push({ path: obj.node.path, construct: obj, manifest, name });
      byNamespace.set(namespace, list);
    }
  }

  for (const [namespace, found] of byNamespace) {
    found.sort((a, b) => compareNames(a.name, b.name));
    for (const pd of found) { errors.push(...checkOne(pd, namespace)); }
    errors.push(...checkMerge(found, namespace));
    errors.push(...checkMountSpelling(found, namespace));
  }
  return errors;
}

// ---- rules on one PodDefault

function checkOne(pd: Found, namespace: string): string[] {
  return [
    ...checkName(pd, namespace),
    ...checkListing(pd, namespace),
    ...checkSpawnerVolume(pd, namespace),
    ...checkLabelKeysAndSelector(pd, namespace),
  ];
}

function checkName(pd: Found, namespace: string): string[] {
  if (pd.name.length <= MAX_NAME_LENGTH) { return []; }
  return [`poddefault ${pd.name} (${pd.path}) in namespace ${ns(namespace)} has a name of ${pd.name.length} characters: `
    + `the webhook marks the pod with the annotation poddefault.admission.kubeflow.org/poddefault-<name>, which is invalid `
    + `for names over ${MAX_NAME_LENGTH} characters, so kubernetes refuses every pod it selects; use a name of at most ${MAX_NAME_LENGTH} characters`];
}

function checkListing(pd: Found, namespace: string): string[] {
  if (unlisted.has(pd.construct)) { return []; }
  const matchLabels = pd.manifest.spec?.selector?.matchLabels ?? {};
  // The notebook UI reads the PodDefault from the API server, whose JSON holds map keys in sorted order.
  const keys = Object.keys(matchLabels).sort(compareNames);
  let problem: string | undefined;
  if (keys.length === 0) {
    problem = 'has no spec.selector.matchLabels, which makes the notebook ui fail to list the configurations of the whole namespace';
  } else if (keys.length > 1) {
    problem = `has ${keys.length} matchLabels keys, but choosing it in the notebook ui sets only the label ${keys[0]}, so it never applies`;
  } else if (matchLabels[keys[0]] !== 'true') {
    problem = `selects label ${keys[0]} with a value other than "true", but choosing it in the notebook ui sets ${keys[0]}: "true", so it never applies`;
  }
  if (problem === undefined) { return []; }
  return [`poddefault ${pd.name} (${pd.path}) in namespace ${ns(namespace)} ${problem}; `
    + 'select exactly one label with the value "true", or call PodDefaultValidation.allowUnlisted() on it if it is not meant for notebooks'];
}

function checkSpawnerVolume(pd: Found, namespace: string): string[] {
  const spec = pd.manifest.spec ?? {};
  let usesName = false;
  let usesPath = false;
  for (const volume of spec.volumes ?? []) { usesName = usesName || volume?.name === SPAWNER_VOLUME; }
  for (const mount of spec.volumeMounts ?? []) {
    usesName = usesName || mount?.name === SPAWNER_VOLUME;
    usesPath = usesPath || normalizePath(String(mount?.mountPath ?? '')) === SPAWNER_MOUNT_PATH;
  }
  if (!usesName && !usesPath) { return []; }
  const where = `poddefault ${pd.name} (${pd.path}) in namespace ${ns(namespace)}`;
  const why = 'which every notebook pod already has, so the webhook refuses every notebook that selects it';
  const errors: string[] = [];
  if (usesName) { errors.push(`${where} uses the volume name ${SPAWNER_VOLUME}, ${why}; choose another volume name`); }
  if (usesPath) { errors.push(`${where} mounts at ${SPAWNER_MOUNT_PATH}, ${why}; choose another mount path`); }
  return errors;
}

function checkLabelKeysAndSelector(pd: Found, namespace: string): string[] {
  const spec = pd.manifest.spec ?? {};
  const errors: string[] = [];
  const where = `poddefault ${pd.name} (${pd.path}) in namespace ${ns(namespace)}`;
  const badSelectorKeys = new Set<string>();
  for (const [field, map] of [['spec.selector.matchLabels', spec.selector?.matchLabels], ['spec.labels', spec.labels]] as const) {
    for (const key of Object.keys(map ?? {})) {
      const problem = labelKeyProblem(key);
      if (problem === undefined) { continue; }
      if (field === 'spec.selector.matchLabels') { badSelectorKeys.add(key); }
      errors.push(`${where} has the invalid label key ${quote(key)} in ${field}: ${problem}`);
    }
  }
  const selector = parseSelector(spec.selector);
  if (selector.error !== undefined && !badSelectorKeys.has(selector.key ?? '')) {
    errors.push(`${where} has an invalid selector (${selector.error}), which makes the webhook refuse every pod of the namespace; fix the selector`);
  }
  return errors;
}

// ---- rules across the PodDefaults of a namespace

const SUBJECTS: Record<string, (key: string) => string> = {
  'volume': key => `volume ${key}`,
  'volume-mount-name': key => `the mount of volume ${key}`,
  'volume-mount-path': key => `the mount at ${key}`,
  'env': key => `env var ${key}`,
  'label': key => `pod label ${key}`,
  'annotation': key => `pod annotation ${key}`,
  'toleration': key => `the toleration of key ${quote(key)}`,
  'init-container': key => `init container ${key}`,
  'sidecar': key => `sidecar ${key}`,
};

/**
 * Merges every PodDefault of the namespace into a pod with one container, as if one notebook selected them
 * all (the notebook UI lets a user pick any combination): the pod carries the label `<key>: "true"` that
 * choosing each PodDefault sets, so a PodDefault's `spec.labels` can clash with another's selection label.
 */
function checkMerge(found: Found[], namespace: string): string[] {
  const labels: Record<string, string> = {};
  const labelOwner = new Map<string, number>();
  found.forEach((pd, index) => {
    const key = Object.keys(pd.manifest.spec?.selector?.matchLabels ?? {}).sort(compareNames)[0];
    if (key !== undefined && !labelOwner.has(key)) {
      labels[key] = 'true';
      labelOwner.set(key, index);
    }
  });
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'notebook', namespace, labels },
    spec: { containers: [{ name: 'notebook', image: 'notebook' }] },
  };
  const { conflicts } = mergePodDefaults(pod, found.map(f => f.manifest));
  const errors: string[] = [];
  for (const c of conflicts) {
    const sources = c.sources.map(s => (s < 0 && c.rule === 'label' ? labelOwner.get(c.key) ?? s : s));
    if (sources.some(s => s < 0)) { continue; }
    const [a, b] = sources.map(s => found[s]);
    const subject = (SUBJECTS[c.rule] ?? ((k: string) => `${c.rule} ${k}`))(c.key);
    if (a === b) {
      errors.push(`${subject} is defined twice, differently, by poddefault ${a.name} (${a.path}) in namespace ${ns(namespace)}: `
        + 'the webhook refuses every notebook that selects it; keep one definition');
      continue;
    }
    errors.push(`${subject} differs between poddefaults ${a.name} (${a.path}) and ${b.name} (${b.path}) in namespace ${ns(namespace)}: `
      + 'the webhook refuses every notebook that selects both; make the two definitions identical or rename one');
  }
  return errors;
}

function checkMountSpelling(found: Found[], namespace: string): string[] {
  const seen = new Map<string, { path: string; pd: Found }>();
  const reported = new Set<string>();
  const errors: string[] = [];
  for (const pd of found) {
    for (const mount of pd.manifest.spec?.volumeMounts ?? []) {
      const path = String(mount?.mountPath ?? '');
      const normal = normalizePath(path);
      const first = seen.get(normal);
      if (first === undefined) {
        seen.set(normal, { path, pd });
        continue;
      }
      const pair = `${normal}\n${path}`;
      if (first.path === path || reported.has(pair)) { continue; }
      reported.add(pair);
      errors.push(`mount paths ${first.path} of poddefault ${first.pd.name} (${first.pd.path}) and ${path} of poddefault `
        + `${pd.name} (${pd.path}) in namespace ${ns(namespace)} are the same directory spelled differently: the webhook `
        + 'does not see the clash and the container cannot mount both; spell them the same way or use different directories');
    }
  }
  return errors;
}

// ---- rules across the whole app

function duplicateObject(group: string, kind: string, namespace: string, name: string, first: string, second: string): string {
  return `${first} and ${second} are both ${kind} ${name} (api group ${group}) in namespace ${ns(namespace)}: `
    + 'applying them, one overwrites the other; give them different names or namespaces';
}

/**
 * The directory a mount path denotes: repeated `/`, `.` segments and a trailing `/` do not matter.
 *
 * @internal
 */
export function normalizePath(path: string): string {
  if (!SPELLING.test(path)) { return path; }
  const segments = path.split('/').filter(s => s !== '' && s !== '.');
  const absolute = path.startsWith('/');
  const joined = segments.join('/');
  return absolute ? `/${joined}` : joined;
}

/** Whether a path holds `//`, a `.` segment or a trailing `/`. */
const SPELLING = /\/\/|(^|\/)\.(\/|$)|.\/$/;

function ns(namespace: string): string {
  return namespace === '' ? '(none)' : namespace;
}

function quote(key: string): string {
  return JSON.stringify(key);
}
