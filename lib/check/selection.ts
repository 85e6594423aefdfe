// Which PodDefaults one pod can select together: the webhook applies every PodDefault whose selector
// matches the pod's labels, so two PodDefaults meet only when one label set satisfies both selectors,
// and a pair that both set one marker env var to their own (different) names is refused by the webhook
// whenever both are selected, so it is never selected together on purpose.
import { SelectorRequirement } from '../admission/selector';
import { compareNames } from '../names';
import { PodDefaultFound } from './objects';

/** A label set that every given PodDefault's selector matches, or `undefined` when there is none. */
export function witness(podDefaults: readonly PodDefaultFound[]): Record<string, string> | undefined {
  const byKey = new Map<string, SelectorRequirement[]>();
  for (const pd of podDefaults) {
    for (const r of pd.selector.requirements) {
      const list = byKey.get(r.key);
      if (list === undefined) { byKey.set(r.key, [r]); } else { list.push(r); }
    }
  }
  const labels: Record<string, string> = {};
  for (const key of [...byKey.keys()].sort(compareNames)) {
    const value = valueFor(byKey.get(key)!);
    if (value === null) { return undefined; }
    if (value !== undefined) { labels[key] = value; }
  }
  return labels;
}

/**
 * A value for one label key that meets every requirement on it: `undefined` for "leave the label out",
 * `null` when no choice works. Prefers `true`, the value the notebook UI sets.
 */
function valueFor(requirements: readonly SelectorRequirement[]): string | undefined | null {
  let allowed: string[] | undefined;
  const excluded = new Set<string>();
  let present = false;
  let absent = false;
  for (const r of requirements) {
    if (r.operator === 'In') {
      present = true;
      allowed = allowed === undefined ? [...r.values] : allowed.filter(v => r.values.includes(v));
    } else if (r.operator === 'NotIn') {
      r.values.forEach(v => excluded.add(v));
    } else if (r.operator === 'Exists') {
      present = true;
    } else {
      absent = true;
    }
  }
  if (!present) { return undefined; }
  if (absent) { return null; }
  if (allowed !== undefined) {
    const candidates = allowed.filter(v => !excluded.has(v)).sort(compareNames);
    if (candidates.length === 0) { return null; }
    return candidates.includes('true') ? 'true' : candidates[0];
  }
  for (let i = 0; ; i++) {
    const value = i === 0 ? 'true' : `v${i}`;
    if (!excluded.has(value)) { return value; }
  }
}

/** Whether the two both set one marker env var to their own (different) names. */
export function exclusive(a: PodDefaultFound, b: PodDefaultFound): boolean {
  if (a.markers.length === 0 || b.markers.length === 0 || a.name === b.name) { return false; }
  for (let i = 0; i < a.markers.length; i++) {
    if (b.markers.includes(a.markers[i])) { return true; }
  }
  return false;
}

/** Whether one pod can select both (`a` may be `b`). */
export function coSelectable(a: PodDefaultFound, b: PodDefaultFound): boolean {
  return !exclusive(a, b) && witness(a === b ? [a] : [a, b]) !== undefined;
}

/** `labelled a=true,b=true`, for messages: labels are selection keys, never secrets. */
export function describeLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) { return 'whatever its labels'; }
  return `labelled ${entries.map(([k, v]) => `${k}=${v}`).join(',')}`;
}

/**
 * The sets of PodDefaults one pod can select at most, when each is small to enumerate: every
 * PodDefault without a marker, with one choice from each group of exclusive markers. `undefined` when
 * the group needs pairwise judgement instead: a PodDefault with markers in two groups, more than
 * `MAX_WORLDS` combinations, or a combination whose selectors no label set satisfies together.
 */
export function worlds(group: readonly PodDefaultFound[]): PodDefaultFound[][] | undefined {
  const byMarker = new Map<string, PodDefaultFound[]>();
  for (const pd of group) {
    for (const m of pd.markers) {
      const list = byMarker.get(m);
      if (list === undefined) { byMarker.set(m, [pd]); } else { list.push(pd); }
    }
  }
  const choices = [...byMarker.values()].filter(list => new Set(list.map(p => p.name)).size > 1);
  const chosen = new Set(choices.flat());
  if (chosen.size !== choices.reduce((n, list) => n + list.length, 0)) { return undefined; }
  const count = choices.reduce((n, list) => n * list.length, 1);
  if (count > MAX_WORLDS) { return undefined; }
  const rest = group.filter(pd => !chosen.has(pd));
  let result: PodDefaultFound[][] = [rest];
  for (const list of choices) {
    result = result.flatMap(world => list.map(pd => [...world, pd]));
  }
  for (const world of result) {
    world.sort(byName);
    if (witness(world) === undefined) { return undefined; }
  }
  return result;
}

const MAX_WORLDS = 16;

export function byName(a: PodDefaultFound, b: PodDefaultFound): number {
  return compareNames(a.name, b.name) || a.index - b.index;
}

/**
 * Sorts `list` in place by `byName`, a total order. `Array.prototype.sort` allocates about a kilobyte
 * even for four elements, and the check sorts the PodDefaults of every namespace of the app: a short
 * list gets an insertion sort instead, which allocates nothing.
 */
export function sortByName(list: PodDefaultFound[]): PodDefaultFound[] {
  if (list.length > SHORT_LIST) { return list.sort(byName); }
  for (let i = 1; i < list.length; i++) {
    const item = list[i];
    let j = i - 1;
    for (; j >= 0 && byName(list[j], item) > 0; j--) { list[j + 1] = list[j]; }
    list[j + 1] = item;
  }
  return list;
}

const SHORT_LIST = 8;
