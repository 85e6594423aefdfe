import { conflictSubject, shownConflictKey } from '../../admission/conflict-subject';
import { goKey } from '../../admission/go-equal';
import { KEYED_LISTS, KEYED_MAPS } from '../../admission/merge';
import { SelectorRequirement } from '../../admission/selector';
import { foldPath, quotedName, shownName } from '../../names';
import { append, listOf, NO_PROBLEMS, ns, PodDefaultFound } from '../objects';
import { MAX_PAIRS, pairProblems } from '../pair-report';
import { checkProblem } from '../problem';
import { byName, describeLabels, Entry, Meetings, witness } from '../selection';
import { CheckProblem } from '../types';

/** One keyed rule of the merge as the check judges it: the entries of a list, or the values of a map. */
interface Rule {
  readonly rule: string;
  /** The spec field. */
  readonly field: string;
  /** For a list, the entry's field that keys it; a map is keyed by its keys. */
  readonly key?: string;
  /** The class of an entry: two entries of one key clash when their classes differ. */
  readonly klass: (entry: unknown) => string;
}

function listRule(rule: string): Rule {
  const keyed = KEYED_LISTS.find(k => k.rule === rule)!;
  return { rule, field: keyed.field, key: keyed.key, klass: entry => goKey(entry, keyed.type) };
}

function mapRule(rule: string): Rule {
  const field = KEYED_MAPS.find(k => k.rule === rule)!.field;
  return { rule, field, klass: value => (typeof value === 'string' ? value : `\0${JSON.stringify(value)}`) };
}

/** The rules in the order the webhook judges them (main.go L118-166). */
const RULES: readonly Rule[] = [
  listRule('volume'), listRule('toleration'), listRule('env'), listRule('volume-mount-name'), listRule('volume-mount-path'),
  mapRule('annotation'), mapRule('label'), listRule('init-container'), listRule('sidecar'),
];

/**
 * What the webhook refuses when one notebook selects several PodDefaults of the namespace: two entries
 * of one key defined differently (as reflect.DeepEqual sees them decoded) by two PodDefaults one pod can
 * select, or twice by one; and a pod label a PodDefault sets that differs from the one the pod is selected
 * by. Every such pair is reported, with a label set that selects both; more than a few pairs of one key
 * as one problem that names every PodDefault of them (pair-report.ts).
 */
export function webhookMerge(group: readonly PodDefaultFound[], namespace: string,
  meetings: Meetings = new Meetings(group, namespace)): readonly CheckProblem[] {
  let problems: CheckProblem[] | undefined;
  /** The pairs whose labels of one key differ: a pod label clash between them says nothing more. */
  const labelPairs = new Set<string>();
  /** The label keys some selector of the group reads: the pod label rule asks for the pairs of those only. */
  let read: Set<string> | undefined;
  for (const rule of RULES) {
    const buckets = bucketsOf(group, rule);
    if (buckets === undefined) { continue; }
    buckets.forEach((bucket, key) => {
      if (!Array.isArray(bucket) || !meetings.mayClash(bucket) || !hasTwoClasses(bucket, rule)) { return; }
      const what = `define ${conflictSubject(rule.rule, key)} differently in namespace ${ns(namespace)}`;
      // A label the pod carries is the first of its key (main.go L471-489): two PodDefaults' labels are
      // compared with each other only on a pod without it.
      const extra: SelectorRequirement[] = rule.rule === 'label' ? [{ key, operator: 'DoesNotExist', values: [] }] : [];
      // Many pairs of PodDefaults that define the key once each, counted; those of a label some selector
      // reads are listed, for the pod label rule.
      read ??= rule.rule === 'label' ? new Set(group.flatMap(pd => pd.selector.requirements.map(r => r.key))) : undefined;
      const { counted, listed } = read?.has(key) ? {} : meetings.summary(bucket, MAX_PAIRS, { extra });
      if (counted !== undefined) {
        append(problems ??= [], pairProblems({
          pairs: [],
          counted: { ...counted, first: [counted.first[0].pd, counted.first[1].pd] },
          parties: pair => pair,
          describe: ([a, b]) => describe(rule.rule, key, a, b, namespace),
          what,
        }));
        return;
      }
      const found = meetings.clashes(bucket, { extra, listed });
      const pairs: [PodDefaultFound, PodDefaultFound][] = [];
      for (const [a, b] of found) {
        if (rule.rule === 'label') { labelPairs.add(pairId(key, a.pd, b.pd)); }
        // One PodDefault that defines the key twice is reported on its own: at most once each.
        if (a.pd === b.pd) { (problems ??= []).push(describe(rule.rule, key, a.pd, b.pd, namespace)); } else { pairs.push([a.pd, b.pd]); }
      }
      if (pairs.length === 0) { return; }
      append(problems ??= [], pairProblems({
        pairs,
        parties: pair => pair,
        describe: ([a, b]) => describe(rule.rule, key, a, b, namespace),
        what,
      }));
    });
  }
  const labels = podLabelClashes(group, namespace, labelPairs, meetings);
  if (labels.length > 0) { append(problems ??= [], labels); }
  return problems ?? NO_PROBLEMS;
}

/** The entries of the group by key, each key's one entry alone (most keys have one) or a list. */
type Buckets = Map<string, Entry<unknown> | Entry<unknown>[]>;

function bucketsOf(group: readonly PodDefaultFound[], rule: Rule): Buckets | undefined {
  let buckets: Buckets | undefined;
  const add = (pd: PodDefaultFound, key: string, item: unknown) => {
    buckets ??= new Map();
    // The class is set when a second entry of the key shows up: most keys never need one.
    const entry = { pd, klass: '', item };
    const held = buckets.get(key);
    if (held === undefined) {
      buckets.set(key, entry);
    } else if (Array.isArray(held)) {
      held.push(entry);
    } else {
      buckets.set(key, [held, entry]);
    }
  };
  for (let i = 0; i < group.length; i++) {
    const value = group[i].manifest.spec?.[rule.field];
    if (value === undefined || value === null) { continue; }
    if (rule.key !== undefined) {
      const list = listOf(value);
      for (let j = 0; j < list.length; j++) { add(group[i], String(list[j]?.[rule.key] ?? ''), list[j]); }
    } else if (typeof value === 'object') {
      for (const key of Object.keys(value)) { add(group[i], key, value[key]); }
    }
  }
  return buckets;
}

/** Sets the class of every entry; whether two differ. */
function hasTwoClasses(bucket: Entry<unknown>[], rule: Rule): boolean {
  let differ = false;
  for (const entry of bucket) {
    (entry as { klass: string }).klass = rule.klass(entry.item);
    differ = differ || entry.klass !== bucket[0].klass;
  }
  return differ;
}

/**
 * A label a PodDefault sets (`spec.labels`) that a selector of the group reads clashes with the pod's own
 * label whenever a pod selected by both carries another value there (main.go L154): judged over every
 * label set, with the first PodDefault (by name) that reads the key as the other party. A pair whose
 * labels of the key differ is reported as such, once.
 */
function podLabelClashes(group: readonly PodDefaultFound[], namespace: string, labelPairs: ReadonlySet<string>,
  meetings: Meetings): CheckProblem[] {
  const setters: { pd: PodDefaultFound; key: string; extra: SelectorRequirement[] }[] = [];
  for (const pd of group) {
    const labels = pd.manifest.spec?.labels;
    if (labels === null || typeof labels !== 'object') { continue; }
    for (const [key, value] of Object.entries(labels)) {
      if (typeof value !== 'string') { continue; }
      setters.push({ pd, key, extra: [{ key, operator: 'Exists', values: [] }, { key, operator: 'NotIn', values: [value] }] });
    }
  }
  if (setters.length === 0) { return []; }
  const readers = new Map<string, Entry<undefined>[]>();
  for (const pd of group) {
    for (const r of pd.selector.requirements) {
      const list = readers.get(r.key) ?? [];
      if (list[list.length - 1]?.pd !== pd) { list.push({ pd, klass: '', item: undefined }); }
      readers.set(r.key, list);
    }
  }
  // The setters of each key judged against its readers at once, in the order they were found.
  const byKey = new Map<string, number[]>();
  setters.forEach((setter, i) => { if (readers.has(setter.key)) { byKey.set(setter.key, (byKey.get(setter.key) ?? []).concat(i)); } });
  const firstReader = new Array<Entry<undefined> | undefined>(setters.length);
  byKey.forEach((indices, key) => {
    const found = meetings.firstMeetings(indices.map(i => setters[i]), readers.get(key)!);
    indices.forEach((i, n) => { firstReader[i] = found[n]; });
  });
  const problems: CheckProblem[] = [];
  setters.forEach((setter, i) => {
    const reader = firstReader[i];
    if (reader === undefined || labelPairs.has(pairId(setter.key, reader.pd, setter.pd))) { return; }
    // A namespace-less PodDefault alone is judged once, among the namespace-less ones.
    if (reader.pd === setter.pd && setter.pd.floating && namespace !== '') { return; }
    const [a, b] = byName(reader.pd, setter.pd) <= 0 ? [reader.pd, setter.pd] : [setter.pd, reader.pd];
    problems.push(describe('label', setter.key, a, b, namespace, setter.extra));
  });
  return problems;
}

function pairId(key: string, a: PodDefaultFound, b: PodDefaultFound): string {
  return `${key}\n${Math.min(a.index, b.index)}\n${Math.max(a.index, b.index)}`;
}

function describe(rule: string, key: string, a: PodDefaultFound, b: PodDefaultFound, namespace: string,
  extra: readonly SelectorRequirement[] = []): CheckProblem {
  const subject = conflictSubject(rule, key);
  if (a === b && extra.length > 0) {
    return checkProblem({
      rule,
      namespace,
      sources: [a.source],
      key: shownConflictKey(rule, key),
      message: `${subject} is set by poddefault ${shownName(a.name, 'name')} (${a.source}) in namespace ${ns(namespace)}, which also selects notebooks whose label `
        + `${quotedName(key, 'key')} has another value: the webhook refuses each of them (${describeLabels(witness([a], extra))})`,
      fix: 'set the label only to a value the selector requires, or leave it out',
    });
  }
  if (a === b) {
    return checkProblem({
      rule,
      namespace,
      sources: [a.source],
      key: shownConflictKey(rule, key),
      message: `${subject} is defined twice, differently, by poddefault ${shownName(a.name, 'name')} (${a.source}) in namespace ${ns(namespace)}: `
        + `the webhook refuses every notebook that selects it (${describeLabels(witness([a]))})`,
      fix: 'keep one definition',
    });
  }
  return checkProblem({
    rule,
    namespace,
    sources: [a.source, b.source],
    key: shownConflictKey(rule, key),
    message: `${subject} differs between poddefaults ${shownName(a.name, 'name')} (${a.source}) and ${shownName(b.name, 'name')} (${b.source}) in namespace ${ns(namespace)}: `
      + `the webhook refuses every notebook that selects both (${describeLabels(witness([a, b], extra))})`,
    fix: `make the two definitions identical or rename one${dockerHint(rule, key)}`,
  });
}

/**
 * Two Docker configs clash on `~/.docker/`, where Docker reads one config.json: logins to several
 * registries belong in one config.
 */
function dockerHint(rule: string, key: string): string {
  return rule === 'volume-mount-path' && foldPath(key).endsWith('/.docker')
    ? ', or put the logins to both registries in one config.json with DockerConfig.fromLogins'
    : '';
}
