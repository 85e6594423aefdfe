// PodDefaults that exclude each other by a marker (selection.ts `exclusive`), and yet are never selected
// apart: the pair rules leave exclusive PodDefaults out, since a notebook can select one of them without the
// other; with one selector it cannot.
import { SelectorRequirement } from '../../admission/selector';
import { shownName } from '../../names';
import { NO_PROBLEMS, ns, PodDefaultFound } from '../objects';
import { checkProblem } from '../problem';
import { Allowed, describeLabels, Selection, selectionKey, selectionOf, selectsWithin } from '../selection';
import { CheckProblem } from '../types';

/**
 * PodDefaults of `group` (one namespace's, in name order) that set one marker env var to their own names and
 * have selectors that select the same label sets (`selectionKey`: a `matchLabels` entry is an `In` requirement, a
 * requirement twice or implied by another is one):
 * every label set that selects one selects the other, so the webhook refuses every notebook that selects
 * either, for the marker's two values. Two identities given one `selectorLabel` are such a pair. Grouped by
 * selector, then by marker, so that only PodDefaults of one selector and one marker are compared; one problem
 * per group, naming its first two by name.
 */
export function markerSelectors(group: readonly PodDefaultFound[], namespace: string): readonly CheckProblem[] {
  // First by marker and the keys the selector reads, which selectors of one selection key share: the selection key
  // is computed only where two PodDefaults of one marker read the same keys.
  const candidates = new Map<string, PodDefaultFound[]>();
  for (let i = 0; i < group.length; i++) {
    const pd = group[i];
    if (pd.markers.length === 0 || pd.selector.error !== undefined) { continue; }
    const keys = readKeys(pd.selector.requirements);
    for (const marker of new Set(pd.markers)) {
      const key = `${marker}\n${keys}`;
      const list = candidates.get(key);
      if (list === undefined) { candidates.set(key, [pd]); } else { list.push(pd); }
    }
  }
  const groups = new Map<string, PodDefaultFound[]>();
  const selectors = new Map<PodDefaultFound, string | undefined>();
  for (const [key, list] of candidates) {
    if (list.length < 2) { continue; }
    const marker = key.slice(0, key.indexOf('\n'));
    for (const pd of list) {
      if (!selectors.has(pd)) { selectors.set(pd, selectionKey(pd.selector.requirements)); }
      const selector = selectors.get(pd);
      // A selector no label set satisfies selects no pod.
      if (selector === undefined) { continue; }
      const same = `${marker}\n${selector}`;
      const sharing = groups.get(same);
      // One name twice is the duplicate rule's.
      if (sharing === undefined) { groups.set(same, [pd]); } else if (!sharing.some(other => other.name === pd.name)) { sharing.push(pd); }
    }
  }
  let problems: CheckProblem[] | undefined;
  /** The PodDefaults of each marker that share their selector with another: reported here, not again as the narrower of a pair. */
  const same = new Map<string, Set<PodDefaultFound>>();
  for (const [key, list] of groups) {
    if (list.length < 2) { continue; }
    const marker = key.slice(0, key.indexOf('\n'));
    let sharing = same.get(marker);
    if (sharing === undefined) { same.set(marker, sharing = new Set()); }
    list.forEach(pd => sharing!.add(pd));
  }
  for (const [key, list] of groups) {
    if (list.length < 2) { continue; }
    // Namespace-less ones among themselves are judged once, in the group of no namespace, as the pair rules do.
    const own = namespace === '' ? list[0] : list.find(pd => !pd.floating);
    if (own === undefined) { continue; }
    const other = list.find(pd => pd !== own)!;
    // In name order, as the group is.
    const [a, b] = list.filter(pd => pd === own || pd === other);
    const marker = key.slice(0, key.indexOf('\n'));
    const more = list.length > 2 ? ` (and ${list.length - 2} more PodDefault${list.length === 3 ? '' : 's'} of that selector and marker)` : '';
    (problems ??= []).push(checkProblem({
      rule: 'marker-selector',
      namespace,
      sources: list.map(pd => pd.source),
      key: shownName(marker, 'name'),
      message: `poddefaults ${shownName(a.name, 'name')} (${a.source}) and ${shownName(b.name, 'name')} (${b.source})${more} in namespace ${ns(namespace)} set ${shownName(marker, 'name')} to their own names, `
        + `to exclude each other, but select the same pods (${sameLabels(a.selector.requirements)}): every notebook that selects one selects both, `
        + `and the webhook refuses it (two values for ${shownName(marker, 'name')})`,
      fix: 'give each its own selector label',
    }));
  }
  const narrower = narrowerSelectors(group, namespace, same);
  return problems === undefined ? narrower : narrower.length === 0 ? problems : [...problems, ...narrower];
}

/** A PodDefault of a marker, its place in the group and what its selector selects. */
interface Marked {
  readonly pd: PodDefaultFound;
  readonly index: number;
  readonly selection: Selection;
}

/**
 * PodDefaults of `group` that set one marker env var to their own names where one selector selects every label set the
 * other's does, and more (`selectsWithin`: a label more, an `In` within a `NotIn` of other values, any selector within an
 * empty one): the wider is selected alone, but every notebook that selects the narrower selects both, and the webhook
 * refuses it. One problem per narrower PodDefault and marker, naming the first wider one by name; those that share
 * their selector (`same`) are reported as such. The wider of a narrower one constrains no key it does not: indexed by
 * its rarest key (`indexKey`, and that key's values, see `candidates`), so that only those are compared.
 */
function narrowerSelectors(group: readonly PodDefaultFound[], namespace: string, same: ReadonlyMap<string, ReadonlySet<PodDefaultFound>>): readonly CheckProblem[] {
  const byMarker = new Map<string, Marked[]>();
  const selections = new Map<PodDefaultFound, Selection | undefined>();
  for (let i = 0; i < group.length; i++) {
    const pd = group[i];
    if (pd.markers.length === 0 || pd.selector.error !== undefined) { continue; }
    for (const marker of new Set(pd.markers)) {
      if (!selections.has(pd)) { selections.set(pd, selectionOf(pd.selector.requirements)); }
      const selection = selections.get(pd);
      // A selector no label set satisfies selects no pod.
      if (selection === undefined) { continue; }
      const list = byMarker.get(marker);
      const marked = { pd, index: i, selection };
      if (list === undefined) { byMarker.set(marker, [marked]); } else { list.push(marked); }
    }
  }
  const problems: CheckProblem[] = [];
  for (const [marker, list] of byMarker) {
    if (list.length < 2) { continue; }
    const byIndexKey = new Map<string, Wider>();
    const constraining = keyCounts(list);
    for (const marked of list) {
      const first = indexKey(marked.selection, constraining);
      let wider = byIndexKey.get(first);
      if (wider === undefined) { byIndexKey.set(first, wider = { all: [], byValue: new Map(), absent: [], open: [], byExcluded: new Map() }); }
      addWider(wider, marked, first === '' ? undefined : marked.selection.get(first));
    }
    for (const inner of list) {
      if (same.get(marker)?.has(inner.pd) === true) { continue; }
      const wider: Marked[] = [];
      for (const key of ['', ...inner.selection.keys()]) {
        for (const outer of candidates(byIndexKey.get(key), inner.selection, key)) {
          // One name twice is the duplicate rule's; namespace-less ones among themselves are judged in the group of no namespace.
          if (outer.pd.name === inner.pd.name || (namespace !== '' && outer.pd.floating && inner.pd.floating)) { continue; }
          if (selectsWithin(inner.selection, outer.selection) && !selectsWithin(outer.selection, inner.selection)) { wider.push(outer); }
        }
      }
      if (wider.length === 0) { continue; }
      wider.sort((x, y) => x.index - y.index);
      const outer = wider[0].pd;
      const [a, b] = wider[0].index < inner.index ? [outer, inner.pd] : [inner.pd, outer];
      const labels = plainLabels(inner.pd.selector.requirements);
      const more = wider.length > 1 ? wider.length === 2 ? ' (and so does 1 more PodDefault of that marker)' : ` (and so do ${wider.length - 1} more PodDefaults of that marker)` : '';
      problems.push(checkProblem({
        rule: 'marker-selector',
        namespace,
        sources: [inner, ...wider].sort((x, y) => x.index - y.index).map(m => m.pd.source),
        key: shownName(marker, 'name'),
        message: `poddefaults ${shownName(a.name, 'name')} (${a.source}) and ${shownName(b.name, 'name')} (${b.source}) in namespace ${ns(namespace)} set ${shownName(marker, 'name')} to their own names, `
          + `to exclude each other, but every pod that ${shownName(inner.pd.name, 'name')} selects${labels === undefined ? '' : ` (${describeLabels(labels)})`}, ${shownName(outer.name, 'name')} `
          + `selects too${more}: every notebook that selects ${shownName(inner.pd.name, 'name')} selects both, and the webhook refuses it (two values for ${shownName(marker, 'name')})`,
        fix: 'give each its own selector label',
      }));
    }
  }
  return problems.length === 0 ? NO_PROBLEMS : problems;
}

/**
 * The PodDefaults of one marker indexed by one key (`indexKey`), by what they allow it: `all` (the key `''`:
 * selectors that constrain none), an `In` by each of its values, `DoesNotExist`, and the others (`Exists`, `NotIn`),
 * also by the first of the values they exclude (`''` for none).
 */
interface Wider {
  readonly all: Marked[];
  readonly byValue: Map<string, Marked[]>;
  readonly absent: Marked[];
  readonly open: Marked[];
  readonly byExcluded: Map<string, Marked[]>;
}

function addWider(wider: Wider, marked: Marked, allowed: Allowed | undefined): void {
  const add = (map: Map<string, Marked[]>, value: string) => {
    const bucket = map.get(value);
    if (bucket === undefined) { map.set(value, [marked]); } else { bucket.push(marked); }
  };
  if (allowed === undefined) {
    wider.all.push(marked);
  } else if (allowed.kind === 'finite') {
    allowed.values.forEach(value => add(wider.byValue, value));
  } else if (allowed.kind === 'absent') {
    wider.absent.push(marked);
  } else {
    wider.open.push(marked);
    const [first = ''] = allowed.excluded;
    add(wider.byExcluded, first);
  }
}

/**
 * Those of `wider` (of index key `key`) that may select every label set `inner` selects (`selectsWithin` decides), by
 * what `inner` allows the key: finitely many values, within an `In` that holds the first of them or any `Exists` or
 * `NotIn`; absence, within a `DoesNotExist` or a `NotIn`; any value but some, within an `Exists` or `NotIn` that
 * excludes none of the others, so none or one whose first excluded value `inner` excludes too. So a namespace of one
 * key and many values compares each PodDefault with those its selector may be within, not with every other.
 */
function candidates(wider: Wider | undefined, inner: Selection, key: string): readonly Marked[] {
  if (wider === undefined) { return NO_MARKED; }
  if (key === '') { return wider.all; }
  const allowed = inner.get(key)!;
  if (allowed.kind === 'finite') {
    const [first] = allowed.values;
    return [...(wider.byValue.get(first) ?? NO_MARKED), ...wider.open];
  }
  if (allowed.kind === 'absent') { return [...wider.absent, ...wider.open]; }
  const found = [...(wider.byExcluded.get('') ?? NO_MARKED)];
  allowed.excluded.forEach(value => found.push(...(wider.byExcluded.get(value) ?? NO_MARKED)));
  return found;
}

const NO_MARKED: readonly Marked[] = [];

/** How many selections of `list` constrain each label key. */
function keyCounts(list: readonly Marked[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const marked of list) {
    for (const key of marked.selection.keys()) { counts.set(key, (counts.get(key) ?? 0) + 1); }
  }
  return counts;
}

/**
 * The label key a selection is indexed by: of those it constrains, the one fewest selections of its marker constrain
 * (`counts`), the first by code unit order among those; `''` (no label key) for one that constrains none. A narrower
 * selection constrains every key of a wider one, so any of them finds it; the rarest, such as the PodDefault's own
 * label, leaves the fewest to compare. By the first key alone, 10,000 PodDefaults of one marker that each read a code of
 * 30 keys by `Exists` and `DoesNotExist` beside their own label were each compared with half the others (13.5 s).
 */
function indexKey(selection: Selection, counts: ReadonlyMap<string, number>): string {
  let first: string | undefined;
  for (const key of selection.keys()) {
    if (first === undefined || counts.get(key)! < counts.get(first)! || (counts.get(key) === counts.get(first) && key < first)) { first = key; }
  }
  return first ?? '';
}

/** The labels that select both, when the selector is labels alone (the notebook UI's form); else that the selectors are the same. */
function sameLabels(requirements: readonly SelectorRequirement[]): string {
  const labels = plainLabels(requirements);
  return labels === undefined ? 'their selectors are the same' : describeLabels(labels);
}

/** The labels a selector of labels alone (the notebook UI's form) asks for; `undefined` for another selector, or an empty one. */
function plainLabels(requirements: readonly SelectorRequirement[]): Record<string, string> | undefined {
  if (requirements.length === 0 || requirements.some(r => r.operator !== 'In' || r.values.length !== 1)) { return undefined; }
  return Object.fromEntries(requirements.map(r => [r.key, r.values[0]]));
}

/** The label keys a selector reads, sorted: every requirement constrains its key, so selectors of one selection key read the same keys. */
function readKeys(requirements: readonly SelectorRequirement[]): string {
  return [...new Set(requirements.map(r => r.key))].sort().join('\0');
}
