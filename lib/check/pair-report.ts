// How the rules across PodDefaults report the pairs that clash on one key. Each pair is a problem of
// its own while they are few; beyond that, one problem counts them, names every PodDefault of them and
// shows the first pair as the rule words it, with the label set that selects both. A namespace where
// 100 PodDefaults one notebook can select together each define volume `creds` their own way has 4950
// such pairs: reported one by one, that is 4950 lines (1.6 MB from `check`) naming each PodDefault 99
// times, and at 1000 PodDefaults half a million lines.
import { shownName } from '../names';
import { PodDefaultFound } from './objects';
import { byName } from './selection';
import { CheckProblem } from './types';

/** The most pairs of one rule and key reported one by one: four PodDefaults that all clash make six. */
export const MAX_PAIRS = 6;

/** The pairs of PodDefaults one rule finds clashing on one key, in the order it reports them. */
export interface PairClashes<T> {
  readonly pairs: readonly T[];
  /**
   * Instead of `pairs`, more than `MAX_PAIRS` of them counted (`Meetings.summary`): how many, every
   * PodDefault of them, and the first.
   */
  readonly counted?: { readonly count: number; readonly parties: readonly PodDefaultFound[]; readonly first: T };
  /** The two PodDefaults of a pair. */
  readonly parties: (pair: T) => readonly PodDefaultFound[];
  /** The problem of one pair, as the rule words it. */
  readonly describe: (pair: T) => CheckProblem;
  /**
   * What every pair does, after `N pairs of poddefaults that one notebook can select together`:
   * `define volume creds differently in namespace team-a`.
   */
  readonly what: string;
}

/**
 * The problems of `clashes`: one per pair, up to `MAX_PAIRS`; beyond that one, with the rule, namespace
 * and key of the first pair's, whose sources are every PodDefault of the pairs by name (each door lists
 * them all), whose message counts the pairs, names each PodDefault with its source and quotes the first
 * pair's message, and whose fix is the first pair's, for each pair.
 */
export function pairProblems<T>(clashes: PairClashes<T>): CheckProblem[] {
  const { pairs, counted } = clashes;
  if (counted === undefined && pairs.length <= MAX_PAIRS) { return pairs.map(clashes.describe); }
  const parties = new Set<PodDefaultFound>(counted?.parties);
  for (let i = 0; counted === undefined && i < pairs.length; i++) {
    for (const pd of clashes.parties(pairs[i])) { parties.add(pd); }
  }
  const named = [...parties].sort(byName);
  const first = clashes.describe(counted?.first ?? pairs[0]);
  return [{
    ...first,
    sources: named.map(pd => pd.source),
    message: `${counted?.count ?? pairs.length} pairs of poddefaults that one notebook can select together ${clashes.what}, among the ${named.length} poddefaults `
      + `${named.map(pd => `${shownName(pd.name, 'name')} (${pd.source})`).join(', ')}; the first pair: ${first.message}`,
    fix: `for each pair, ${first.fix}`,
  }];
}
