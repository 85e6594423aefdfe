// The third PodDefaults of a cloud-identity pair: those that set a variable the pair's verdict reads (AWS_PROFILE, the
// files' variables, HOME, CLOUDSDK_CONFIG, or one their values refer to) and that a pod of the pair may select too. The
// webhook applies every PodDefault whose selector matches the pod's labels and merges their env (kubeflow/dashboard
// components/poddefaults-webhooks/main.go `filterPodDefaults`, `mergeEnv`: two values of one name refused), so a pod of
// the pair reads its files with a third's AWS_PROFILE when it selects the third, and botocore raises when that is empty. Which thirds a pod selects is its labels': a pair is judged over each set of them
// some admitted pod of the pair selects exactly (`searchThirds`), which the thirds of a real app, a handful, keep small.
import { mergePodDefaults } from '../admission/merge';
import { SelectorRequirement } from '../admission/selector';
import { Settings } from './identity-settings';
import { listOf, PodDefaultFound } from './objects';
import { notebookPod } from './pair-admission';
import { AvoidingWays, canAvoid, Entry, selectorIndex, witnessAvoiding } from './selection';

/**
 * The most thirds a pair is judged with, each in or out of the pod (2^8 sets at most); with more, the pair is judged with
 * its own env, as before thirds were followed.
 */
export const MAX_THIRDS = 8;
/**
 * The most ways of setting the variables (groups of setters that set them alike) a namespace's pairs are searched with: a
 * pair looks at each group, so that its work is at most that many lookups in the groups' indexes; with more, every pair
 * is judged with its own env.
 */
export const MAX_SETTERS = 64;

/** The names `value` refers to as `$(NAME)` (a `$$` is a `$`: admission/env-expansion.ts). */
export function referredNames(value: string): string[] {
  const names: string[] = [];
  for (const m of value.matchAll(/\$(\$|\(([^)]*)\))/g)) {
    if (m[2] !== undefined) { names.push(m[2]); }
  }
  return names;
}

/**
 * The PodDefaults of a group that set one of `read` (in `env`, or a known `envFrom` source: `settings`), or, in `env`, a
 * variable an env value of one of them refers to, in turn: a third of them may change a pair's verdict. They are
 * grouped by what they set (the entries of those names, as text), each group indexed by its selectors, so that a group
 * that sets only what the pair sets alike (the PodDefaults that mount one credentials file, each setting HOME and
 * AWS_SHARED_CREDENTIALS_FILE alike) is passed over whole, without a look at its PodDefaults.
 */
export class Thirds {
  /** The PodDefaults found, in the group's order. */
  public readonly setters: readonly PodDefaultFound[];
  /** Whether a pair may have thirds to search: some setters, setting at most MAX_SETTERS things (else `of` finds too many). */
  public readonly searched: boolean;
  /** The groups of setters by what they set (`undefined` text: an `envFrom` source sets one, or one refers outside its env). */
  private readonly groups: { readonly entries: ReadonlyMap<string, string> | undefined; readonly index: SetterIndex }[] = [];
  /** Each setter's entries of the names, as text, as in `groups`. */
  private readonly entries = new Map<PodDefaultFound, ReadonlyMap<string, string> | undefined>();

  public constructor(group: readonly PodDefaultFound[], settings: ReadonlyMap<PodDefaultFound, Settings>, read: readonly string[]) {
    const names = new Set(read);
    // The variables the values of these refer to, in turn (a few rounds: each adds names).
    for (let grew = read.length > 0; grew;) {
      grew = false;
      for (const pd of group) {
        for (const entry of listOf(pd.manifest.spec?.env)) {
          if (!names.has(entry?.name) || typeof entry.value !== 'string' || !entry.value.includes('$(')) { continue; }
          for (const name of referredNames(entry.value)) {
            if (!names.has(name)) { names.add(name); grew = true; }
          }
        }
      }
    }
    const setters: PodDefaultFound[] = [];
    const bySignature = new Map<string, PodDefaultFound[]>();
    for (let i = 0; read.length > 0 && i < group.length; i++) {
      const pd = group[i];
      const own = ownEntries(pd, names, read, settings.get(pd));
      if (own === null) { continue; }
      setters.push(pd);
      this.entries.set(pd, own);
      // A setter whose text is unknown is a group of its own.
      const signature = own === undefined ? `\0${i}` : JSON.stringify([...own]);
      const held = bySignature.get(signature);
      if (held === undefined) { bySignature.set(signature, [pd]); } else { held.push(pd); }
    }
    this.setters = setters;
    this.searched = bySignature.size > 0 && bySignature.size <= MAX_SETTERS;
    if (this.searched) {
      bySignature.forEach(pds => this.groups.push({ entries: this.entries.get(pds[0]), index: selectorIndex(pds.map(pd => ({ pd, klass: '', item: pd }))) }));
    }
  }

  /**
   * The thirds of the pair `a` and `b` (`a` may be `b`): setters a pod that selects both may select too, other than
   * those that set only what the pair sets alike (in the pod with them or not, its env is the same); `undefined` when
   * more than MAX_THIRDS may be, or the setters set more than MAX_SETTERS things.
   */
  public of(a: PodDefaultFound, b: PodDefaultFound): readonly PodDefaultFound[] | undefined {
    if (!this.searched) { return this.setters.length === 0 ? NONE : undefined; }
    let requirements: readonly SelectorRequirement[] | undefined;
    let thirds: PodDefaultFound[] | undefined;
    for (const { entries, index } of this.groups) {
      if (this.setsAlike(entries, a, b)) { continue; }
      requirements ??= a === b ? a.selector.requirements : [...a.selector.requirements, ...b.selector.requirements];
      const found = index(requirements, MAX_THIRDS + 2);
      if (found === undefined) { return undefined; }
      for (const e of found) {
        if (e.item !== a && e.item !== b) { (thirds ??= []).push(e.item); }
      }
      if (thirds !== undefined && thirds.length > MAX_THIRDS) { return undefined; }
    }
    return thirds ?? NONE;
  }

  /**
   * Whether a third may change the verdict of some pair of a PodDefault of `sides[0]` and one of `sides[1]`: some group
   * of setters sets what not every PodDefault of either side sets alike (a pair of one that does has it as no third), or
   * a PodDefault of a side sets a value the check does not know (as `setsAlike`).
   */
  public mayChange(sides: readonly (readonly PodDefaultFound[])[]): boolean {
    if (sides.some(side => side.some(pd => this.entries.has(pd) && this.entries.get(pd) === undefined))) { return true; }
    return this.groups.some(({ entries }) => !sides.some(side => side.every(pd => this.setsAlike(entries, pd, pd))));
  }

  /**
   * Whether the entries of a group are each one `a` or `b` sets too, and neither's refers outside its env: a pod of
   * the pair reads the same env with them or without (the webhook keeps the first of equal entries, and each value's
   * references are set before it wherever it lands).
   */
  private setsAlike(entries: ReadonlyMap<string, string> | undefined, a: PodDefaultFound, b: PodDefaultFound): boolean {
    const [ea, eb] = [this.entries.get(a), this.entries.get(b)];
    if (entries === undefined || (this.entries.has(a) && ea === undefined) || (this.entries.has(b) && eb === undefined)) { return false; }
    for (const [name, text] of entries) {
      if (ea?.get(name) !== text && eb?.get(name) !== text) { return false; }
    }
    return true;
  }
}

const NONE: readonly PodDefaultFound[] = Object.freeze([]);

type SetterIndex = (requirements: readonly SelectorRequirement[], limit: number) => Entry<PodDefaultFound>[] | undefined;

/**
 * `pd`'s env entries of `names` (the first of each), as text; `undefined` when one refers to a variable its env does not
 * set before it, or a known `envFrom` source sets one of `read` (values the pod decides); `null` when it sets none.
 */
function ownEntries(pd: PodDefaultFound, names: ReadonlySet<string>, read: readonly string[], settings: Settings | undefined): ReadonlyMap<string, string> | undefined | null {
  const fromEnvFrom = [...settings ?? []].some(([name, s]) => !s.fromEnv && read.includes(name));
  const own = new Map<string, string>();
  const before = new Set<string>();
  let outside = false;
  for (const entry of listOf(pd.manifest.spec?.env)) {
    if (typeof entry?.name !== 'string') { continue; }
    if (names.has(entry.name)) {
      if (typeof entry.value === 'string' && referredNames(entry.value).some(n => !before.has(n))) { outside = true; }
      if (!own.has(entry.name)) { own.set(entry.name, JSON.stringify(entry)); }
    }
    before.add(entry.name);
  }
  if (own.size === 0 && !fromEnvFrom) { return null; }
  return outside || fromEnvFrom ? undefined : own;
}

/**
 * The first set of `thirds` (fewest first, in their order) that some pod of `pair` selects exactly, of them (its labels
 * avoid the others: `witnessAvoiding`, with the pod labels they set), that the webhook admits (`admits`, each two of
 * them and the pair), and for which `verdict` finds a pair; with the labels of such a pod. A third the pod does not
 * select leaves its env alone, so a third of some pods only changes the verdict of those.
 */
export function searchThirds<R>(pair: readonly PodDefaultFound[], thirds: readonly PodDefaultFound[], admits: (a: PodDefaultFound, b: PodDefaultFound) => boolean,
  verdict: (selected: readonly PodDefaultFound[]) => R | undefined, ways: AvoidingWays): { readonly result: R; readonly labels: () => Record<string, string> } | undefined {
  // The thirds each of which the webhook admits beside the pair, and each two of them, asked once.
  const beside = thirds.map(t => pair.every(pd => admits(pd, t)));
  const together = new Map<number, boolean>();
  const admitted = (i: number, j: number) => {
    const key = i * thirds.length + j;
    if (!together.has(key)) { together.set(key, admits(thirds[i], thirds[j])); }
    return together.get(key)!;
  };
  // The sets of `size` thirds from `from` on, each two admitted, added to `chosen` (positions), in order.
  const search = (size: number, from: number, chosen: number[]): { readonly result: R; readonly labels: () => Record<string, string> } | undefined => {
    if (chosen.length === size) { return judged(chosen.map(i => thirds[i])); }
    for (let i = from; i <= thirds.length - (size - chosen.length); i++) {
      if (!beside[i] || chosen.some(j => !admitted(j, i))) { continue; }
      const found = search(size, i + 1, [...chosen, i]);
      if (found !== undefined) { return found; }
    }
    return undefined;
  };
  const judged = (chosen: readonly PodDefaultFound[]) => {
    const members = [...new Set([...pair, ...chosen])];
    const [avoided, set] = [thirds.filter(t => !chosen.includes(t)), labelsSet(members)];
    if (!canAvoid(members, avoided, set, ways)) { return undefined; }
    const result = verdict(chosen);
    // The labels are written only for the pairs worded.
    return result === undefined ? undefined : { result, labels: labelsOf(members, avoided, set, ways) };
  };
  for (let size = 0; size <= thirds.length; size++) {
    const found = search(size, 0, []);
    if (found !== undefined) { return found; }
  }
  return undefined;
}

/** `witnessAvoiding`, later (a closure of these alone: many pairs are found, few worded). */
function labelsOf(selected: readonly PodDefaultFound[], avoided: readonly PodDefaultFound[], set: Record<string, string>, ways: AvoidingWays): () => Record<string, string> {
  return () => witnessAvoiding(selected, avoided, set, ways)!;
}

/** The pod labels `pds` set together, as the webhook merges them (mergePodDefaults; main.go L471-489); none for most. */
function labelsSet(pds: readonly PodDefaultFound[]): Record<string, string> {
  if (!pds.some(pd => pd.manifest.spec?.labels !== undefined)) { return {}; }
  const labels = mergePodDefaults(notebookPod(''), pds.map(pd => pd.manifest)).pod.metadata.labels ?? {};
  return Object.fromEntries(Object.entries<unknown>(labels).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
