// Whether the webhook admits a pod that selects a PodDefault, or two, and the labels of one it admits: what a pair rule
// (cloud-identity) asks of each pair it finds, answered without a merge for each pair of many plain PodDefaults.
import { goKey } from '../admission/go-equal';
import { KEYED_LISTS, KEYED_MAPS, mergePodDefaults } from '../admission/merge';
import { SelectorRequirement } from '../admission/selector';
import { str } from '../json';
import { PodDefaultFound } from './objects';
import { witness } from './selection';

/** A notebook pod as the webhook gets it, before any PodDefault: one container, no labels, no env. */
export function notebookPod(namespace: string): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'notebook', namespace }, spec: { containers: [{ name: 'notebook', image: 'notebook' }] } };
}

/**
 * Whether the webhook admits some pod that selects a PodDefault (or two), as `admittedLabels` judges it,
 * without merging each pair of many: 1000 PodDefaults that all meet, half of them giving AWS keys and half
 * a web identity, are 250,000 pairs, and a merge each took 7 s.
 *
 * A pair of plain PodDefaults (no sidecars, no pod labels, keyed lists that are lists, maps of strings)
 * merges as each alone, and then, key by key, the webhook compares the later one's entries with the first
 * of the key (main.go L245-260, L471): each alone admitted, its entries of one key are all equal, so the
 * pair is refused exactly when they share a key of the keyed lists or maps defined differently (as
 * `goKey` compares them, as mergePodDefaults does). Without pod labels the pod is admitted whatever its
 * labels, and the two meet. Any other pair is merged.
 */
export class Admission {
  private readonly plain = new Map<PodDefaultFound, Map<string, string> | undefined>();

  public constructor(private readonly namespace: string) {}

  /** Whether some pod that selects `a` and `b` (both meet; `a` may be `b`) is admitted. */
  public admits(a: PodDefaultFound, b: PodDefaultFound): boolean {
    const ca = a === b ? undefined : this.classesOf(a);
    const cb = ca === undefined ? undefined : this.classesOf(b);
    if (ca === undefined || cb === undefined) { return admittedLabels(a === b ? [a] : [a, b], this.namespace) !== undefined; }
    if (ca === REFUSED || cb === REFUSED) { return false; }
    const [small, large] = ca.size <= cb.size ? [ca, cb] : [cb, ca];
    for (const [key, klass] of small) {
      const other = large.get(key);
      if (other !== undefined && other !== klass) { return false; }
    }
    return true;
  }

  /**
   * Whether the webhook admits every pair of `pds` of the two sides (`used`, by position) that meet, as far
   * as their keys tell: every one plain and admitted alone, and no key defined on both sides other than
   * one way on both. (`false` does not say some pair is refused.)
   */
  public admitsAll(pds: readonly PodDefaultFound[], used: readonly boolean[]): boolean {
    const sides = [new Map<string, string | null>(), new Map<string, string | null>()];
    for (let i = 0; i < pds.length; i++) {
      const classes = this.classesOf(pds[i]);
      if (classes === undefined || classes === REFUSED) { return false; }
      const side = sides[used[i] ? 0 : 1];
      // `null`: two classes on one side.
      classes.forEach((klass, key) => { const held = side.get(key); side.set(key, held === undefined || held === klass ? klass : null); });
    }
    for (const [key, klass] of sides[0]) {
      const other = sides[1].get(key);
      if (other !== undefined && (klass === null || other !== klass)) { return false; }
    }
    return true;
  }

  /**
   * Each of `pds` as a PodDefault whose selector also asks, for each key of its keyed lists and maps, a label of that
   * key's class (`\0admission\0KEY In [CLASS]`), so that two of them meet exactly when they meet and the webhook admits
   * a pod that selects both, as `admits` judges it: the pair index (`Meetings`) then finds the pairs it admits among
   * many without a judgement per pair. Those the webhook refuses alone are left out; `undefined` when one is not plain.
   */
  public asSelectors(pds: readonly PodDefaultFound[]): Map<PodDefaultFound, PodDefaultFound> | undefined {
    const selecting = new Map<PodDefaultFound, PodDefaultFound>();
    for (const pd of pds) {
      const classes = this.classesOf(pd);
      if (classes === undefined) { return undefined; }
      if (classes === REFUSED || selecting.has(pd)) { continue; }
      const requirements: SelectorRequirement[] = [...pd.selector.requirements];
      classes.forEach((klass, key) => requirements.push({ key: `\0admission\0${key}`, operator: 'In', values: [klass] }));
      selecting.set(pd, { ...pd, selector: { ...pd.selector, requirements } });
    }
    return selecting;
  }

  /**
   * A plain PodDefault's class of each key of its keyed lists and maps (`REFUSED` when the webhook refuses
   * it alone), or `undefined` when it is not plain.
   */
  private classesOf(pd: PodDefaultFound): Map<string, string> | undefined {
    if (this.plain.has(pd)) { return this.plain.get(pd); }
    const classes = plainClasses(pd.manifest.spec ?? {});
    const found = classes === undefined ? undefined : admittedLabels([pd], this.namespace) === undefined ? REFUSED : classes;
    this.plain.set(pd, found);
    return found;
  }
}

const REFUSED: Map<string, string> = new Map();

/** `Admission.classesOf` of a spec, or `undefined` when it is not plain; the first entry of a key gives its class. */
function plainClasses(spec: any): Map<string, string> | undefined {
  const isEmpty = (value: unknown) => value === undefined || (Array.isArray(value) && value.length === 0);
  if (!isEmpty(spec.sidecars) || !(spec.labels === undefined || isStringMap(spec.labels, true))) { return undefined; }
  const classes = new Map<string, string>();
  for (const keyed of KEYED_LISTS) {
    const list = spec[keyed.field];
    if (list === undefined) { continue; }
    if (!Array.isArray(list)) { return undefined; }
    for (const entry of list) {
      const key = `${keyed.rule}\0${str(entry?.[keyed.key])}`;
      if (!classes.has(key)) { classes.set(key, goKey(entry, keyed.type)); }
    }
  }
  for (const { rule, field } of KEYED_MAPS) {
    const map = spec[field];
    if (map === undefined) { continue; }
    if (!isStringMap(map, false)) { return undefined; }
    for (const key of Object.keys(map)) { classes.set(`${rule}\0${key}`, map[key]); }
  }
  return classes;
}

/** Whether `value` is a map of strings (and, with `empty`, holds none). */
function isStringMap(value: unknown, empty: boolean): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) { return false; }
  const values = Object.values(value);
  return empty ? values.length === 0 : values.every(v => typeof v === 'string');
}

/**
 * A label set of a pod that selects each of `podDefaults` and that the webhook admits with them, or
 * `undefined` when it refuses every such pod (the merge rules then report them). A label they set
 * clashes with a pod label of another value (main.go L471-489), so the pod carries each label they set
 * that a selector reads with the value set, or not at all; a selector constrains each key on its own,
 * so the keys are chosen one by one.
 */
export function admittedLabels(podDefaults: readonly PodDefaultFound[], namespace: string): Record<string, string> | undefined {
  const merged = mergePodDefaults(notebookPod(namespace), podDefaults.map(pd => pd.manifest));
  if (merged.conflicts.length > 0) { return undefined; }
  const read = new Set(podDefaults.flatMap(pd => pd.selector.requirements.map(r => r.key)));
  const extra: SelectorRequirement[] = [];
  for (const [key, value] of Object.entries<unknown>(merged.pod.metadata.labels ?? {})) {
    if (!read.has(key)) { continue; }
    const absent: SelectorRequirement = { key, operator: 'DoesNotExist', values: [] };
    extra.push(typeof value !== 'string' || witness(podDefaults, [...extra, absent]) !== undefined ? absent : { key, operator: 'In', values: [value] });
  }
  return witness(podDefaults, extra);
}
