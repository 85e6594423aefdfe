// PodDefaults that exclude each other by a marker (selection.ts `exclusive`), and yet are never selected
// apart: the pair rules leave exclusive PodDefaults out, since a notebook can select one of them without the
// other; with one selector it cannot.
import { SelectorRequirement } from '../../admission/selector';
import { NO_PROBLEMS, ns, PodDefaultFound } from '../objects';
import { checkProblem } from '../problem';
import { describeLabels, selectionKey } from '../selection';
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
  for (const [key, list] of groups) {
    if (list.length < 2) { continue; }
    // Namespace-less ones among themselves are judged once, in the group of no namespace, as the pair rules do.
    const own = namespace === '' ? list[0] : list.find(pd => !pd.floating);
    if (own === undefined) { continue; }
    const other = list.find(pd => pd !== own)!;
    // In name order, as the group is.
    const [a, b] = list.filter(pd => pd === own || pd === other);
    const marker = key.slice(0, key.indexOf('\n'));
    const more = list.length > 2 ? ` (and ${list.length - 2} more PodDefaults of that selector and marker)` : '';
    (problems ??= []).push(checkProblem({
      rule: 'marker-selector',
      namespace,
      sources: list.map(pd => pd.source),
      key: marker,
      message: `poddefaults ${a.name} (${a.source}) and ${b.name} (${b.source})${more} in namespace ${ns(namespace)} set ${marker} to their own names, `
        + `to exclude each other, but select the same pods (${sameLabels(a.selector.requirements)}): every notebook that selects one selects both, `
        + `and the webhook refuses it (two values for ${marker})`,
      fix: 'give each its own selector label',
    }));
  }
  return problems ?? NO_PROBLEMS;
}

/** The labels that select both, when the selector is labels alone (the notebook UI's form); else that the selectors are the same. */
function sameLabels(requirements: readonly SelectorRequirement[]): string {
  if (requirements.length === 0 || requirements.some(r => r.operator !== 'In' || r.values.length !== 1)) { return 'their selectors are the same'; }
  return describeLabels(Object.fromEntries(requirements.map(r => [r.key, r.values[0]])));
}

/** The label keys a selector reads, sorted: every requirement constrains its key, so selectors of one selection key read the same keys. */
function readKeys(requirements: readonly SelectorRequirement[]): string {
  return [...new Set(requirements.map(r => r.key))].sort().join('\0');
}
