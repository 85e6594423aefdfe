// Which PodDefaults one pod can select together. The webhook applies every PodDefault whose selector
// matches the pod's labels (main.go L99), so two PodDefaults meet when some label set satisfies both
// selectors; a pair that both set one marker env var to their own (different) names is refused by the
// webhook whenever both are selected, so it is never selected together on purpose.
//
// Judged symbolically: per label key, a selector allows the label to be absent, or present with a value
// in a finite set (`In`), or present (or absent) with any value outside a set (`Exists`, `NotIn`). Two
// selectors meet when, key by key, what they allow overlaps; the alphabet of values is infinite, so two
// "any value but" sets always overlap. This is exact for every label set, not only for one witness.
//
// The pair rules ask, for many entries (a volume, an env var...) keyed alike, which pairs of PodDefaults
// meet. `Meetings.pairs` answers through an index that splits the entries by the label keys their
// selectors constrain (and by markers, and by namespace-less origin), so that PodDefaults that exclude
// each other by a key are never compared one by one: the work grows with the entries and the pairs
// found, not with the square of the PodDefaults.
import { SelectorRequirement } from '../admission/selector';
import { compareNames, shownName } from '../names';
import { PodDefaultFound } from './objects';

/** What a selector allows for one label key. */
export type Allowed =
  | { readonly kind: 'absent' }
  | { readonly kind: 'finite'; readonly values: ReadonlySet<string> }
  /**
   * `present`: the label is there, with any value but `excluded`; `optional`: or it is absent. `signature`
   * tells apart two of these that allow different things.
   */
  | { readonly kind: 'present' | 'optional'; readonly excluded: ReadonlySet<string>; readonly signature: string };

/** What a selector allows, key by key; `undefined` when no label set satisfies it. */
type Constraints = ReadonlyMap<string, Allowed>;

const NO_VALUES: ReadonlySet<string> = new Set();

/**
 * The constraints of a list of requirements, all of which must hold; `undefined` when none can. The constraints this
 * call makes (`owned`) are narrowed in place (`narrow`), and signed once all are read (`signed`): a selector of 10,000
 * `NotIn`s on one key once copied and sorted the growing set of exclusions at each (44 s).
 */
function constraintsOf(requirements: readonly SelectorRequirement[], into = new Map<string, Allowed>()): Map<string, Allowed> | undefined {
  const owned = new Set<Allowed>();
  for (let i = 0; i < requirements.length; i++) {
    const r = requirements[i];
    const allowed: Allowed = r.operator === 'In' ? { kind: 'finite', values: new Set(r.values) }
      : r.operator === 'NotIn' ? { kind: 'optional', excluded: new Set(r.values), signature: '' }
        : r.operator === 'Exists' ? PRESENT
          : ABSENT;
    if (allowed.kind === 'finite' || allowed.kind === 'optional') { owned.add(allowed); }
    const earlier = into.get(r.key);
    const both = earlier === undefined ? allowed : narrow(earlier, allowed, owned);
    if (both === undefined) { return undefined; }
    into.set(r.key, both);
  }
  return signed(into, owned);
}

/** `constraints`, each "any value but" constraint of `owned` (left unsigned by `narrow`) given its signature. */
function signed(constraints: Map<string, Allowed>, owned: ReadonlySet<Allowed>): Map<string, Allowed> {
  constraints.forEach((allowed, key) => {
    if (owned.has(allowed) && (allowed.kind === 'present' || allowed.kind === 'optional')) { constraints.set(key, excluding(allowed.kind, allowed.excluded)); }
  });
  return constraints;
}

/** What two constraints on one key allow together; `undefined` when nothing. */
function combine(a: Allowed, b: Allowed): Allowed | undefined {
  if (a.kind === 'absent' || b.kind === 'absent') {
    const other = a.kind === 'absent' ? b : a;
    return other.kind === 'absent' || other.kind === 'optional' ? ABSENT : undefined;
  }
  if (a.kind === 'finite' || b.kind === 'finite') {
    const finite = (a.kind === 'finite' ? a : b) as { values: ReadonlySet<string> };
    const other = a.kind === 'finite' ? b : a;
    const values = new Set<string>();
    finite.values.forEach(v => { if (other.kind === 'finite' ? other.values.has(v) : !other.excluded.has(v)) { values.add(v); } });
    return values.size === 0 ? undefined : { kind: 'finite', values };
  }
  return excluding(a.kind === 'present' || b.kind === 'present' ? 'present' : 'optional', new Set([...a.excluded, ...b.excluded]));
}

/**
 * `combine` for many requirements or selectors on one key (`constraintsOf`, `Meetings.summary`): a constraint the
 * caller made (`owned`) is narrowed in place, one it did not is copied first, so that n requirements on one key cost
 * their values, not n copies of a growing set of exclusions, nor n scans of one long `In`. The result is owned; the
 * `signature` of an "any value but" one is left empty, for the caller to set (`signed`) or not read.
 */
function narrow(held: Allowed, allowed: Allowed, owned: Set<Allowed>): Allowed | undefined {
  if (held.kind === 'absent' || allowed.kind === 'absent') { return combine(held, allowed); }
  if (held.kind === 'finite') { return narrowValues(held, allowed, owned); }
  if (allowed.kind === 'finite') {
    // The values of `allowed` outside `held`'s exclusions, a new set: as long as `allowed`, read once.
    const values = combine(held, allowed);
    if (values !== undefined) { owned.add(values); }
    return values;
  }
  return together(held, allowed, owned);
}

/** `narrow` of a finite constraint: its values (in their order) that `allowed` allows too. */
function narrowValues(held: Allowed & { kind: 'finite' }, allowed: Allowed & { kind: 'finite' | 'present' | 'optional' }, owned: Set<Allowed>): Allowed | undefined {
  const values = owned.has(held) ? held.values as Set<string> : new Set(held.values);
  // A set's forEach visits the values left as others are deleted.
  if (allowed.kind === 'finite') {
    values.forEach(v => { if (!allowed.values.has(v)) { values.delete(v); } });
  } else {
    allowed.excluded.forEach(v => values.delete(v));
  }
  if (values.size === 0) { return undefined; }
  if (owned.has(held)) { return held; }
  const narrowed: Allowed = { kind: 'finite', values };
  owned.add(narrowed);
  return narrowed;
}

/** `narrow` of two "any value but" constraints: one whose exclusions are both's, extended in place when owned. */
function together(held: Allowed & { kind: 'present' | 'optional' }, allowed: Allowed & { kind: 'present' | 'optional' }, owned: Set<Allowed>): Allowed {
  const kind = held.kind === 'present' || allowed.kind === 'present' ? 'present' : 'optional';
  const excluded = owned.has(held) ? held.excluded as Set<string> : new Set(held.excluded);
  allowed.excluded.forEach(value => excluded.add(value));
  if (owned.has(held) && held.kind === kind) { return held; }
  const joined: Allowed = { kind, excluded, signature: '' };
  owned.add(joined);
  return joined;
}

function excluding(kind: 'present' | 'optional', excluded: ReadonlySet<string>): Allowed {
  return { kind, excluded, signature: `${kind}\0${[...excluded].sort().join('\0')}` };
}

const ABSENT: Allowed = { kind: 'absent' };
const PRESENT: Allowed = excluding('present', NO_VALUES);

/** Whether two constraints on one key allow some common value (or absence). */
function overlaps(a: Allowed, b: Allowed): boolean {
  if (a.kind === 'absent' || b.kind === 'absent') {
    const other = a.kind === 'absent' ? b : a;
    return other.kind === 'absent' || other.kind === 'optional';
  }
  if (a.kind === 'finite') {
    for (const v of a.values) {
      if (b.kind === 'finite' ? b.values.has(v) : !b.excluded.has(v)) { return true; }
    }
    return false;
  }
  if (b.kind === 'finite') { return overlaps(b, a); }
  return true;
}

/** Whether one label set satisfies both. */
function meet(a: Constraints, b: Constraints): boolean {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  for (const [key, allowed] of small) {
    const other = large.get(key);
    if (other !== undefined && !overlaps(allowed, other)) { return false; }
  }
  return true;
}

/**
 * A text that two selectors share exactly when they select the same label sets, however written (a `matchLabels`
 * entry or an `In` of one value, values in any order or twice, a requirement twice, an `Exists` beside an `In` of
 * its key); `undefined` when no label set satisfies it. Each key's constraint is one set of values, so two
 * selectors select the same pods when they constrain the same keys alike.
 */
export function selectionKey(requirements: readonly SelectorRequirement[]): string | undefined {
  const constraints = constraintsOf(requirements);
  if (constraints === undefined) { return undefined; }
  const keyOf = (allowed: Allowed) => (allowed.kind === 'finite' ? `finite\0${[...allowed.values].sort().join('\0')}` : allowed.kind === 'absent' ? 'absent' : allowed.signature);
  return [...constraints].map(([key, allowed]) => `${key}\0${keyOf(allowed)}`).sort().join('\n');
}

/** What a selector selects, key by key (`selectionOf`), for `selectsWithin`. */
export type Selection = Constraints;

/** What `requirements` select; `undefined` when no label set satisfies them. */
export function selectionOf(requirements: readonly SelectorRequirement[]): Selection | undefined {
  return constraintsOf(requirements);
}

/**
 * Whether every label set `inner` selects, `outer` selects too. Key by key: a key `outer` constrains is one `inner`
 * constrains within it (a key `inner` leaves free may be absent or hold any value, which no constraint allows all of:
 * a `NotIn` has values, and label values are infinitely many); a key `outer` leaves free constrains nothing.
 */
export function selectsWithin(inner: Selection, outer: Selection): boolean {
  if (outer.size > inner.size) { return false; }
  for (const [key, allowed] of outer) {
    const constraint = inner.get(key);
    if (constraint === undefined || !allowedWithin(constraint, allowed)) { return false; }
  }
  return true;
}

/** Whether what `inner` allows on a key (a value, or absence) `outer` allows too. */
function allowedWithin(inner: Allowed, outer: Allowed): boolean {
  if (inner.kind === 'absent') { return outer.kind === 'absent' || outer.kind === 'optional'; }
  if (inner.kind === 'finite') {
    if (outer.kind === 'absent') { return false; }
    for (const v of inner.values) {
      if (outer.kind === 'finite' ? !outer.values.has(v) : outer.excluded.has(v)) { return false; }
    }
    return true;
  }
  // Any value but some (infinitely many), and for `optional` absence too: within another such of no more exclusions.
  if (outer.kind === 'absent' || outer.kind === 'finite' || (inner.kind === 'optional' && outer.kind === 'present')) { return false; }
  for (const v of outer.excluded) {
    if (!inner.excluded.has(v)) { return false; }
  }
  return true;
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
  if (exclusive(a, b)) { return false; }
  const ca = constraintsOf(a.selector.requirements);
  const cb = a === b ? ca : constraintsOf(b.selector.requirements);
  return ca !== undefined && cb !== undefined && meet(ca, cb);
}

/**
 * A label set that every given PodDefault's selector matches, and `extra` too, or `undefined` when there
 * is none. Only the keys the selectors read are set; a value is `true` (what the notebook UI sets) where
 * allowed, else the first allowed value by name, else `v1`, `v2`...
 */
export function witness(podDefaults: readonly PodDefaultFound[], extra: readonly SelectorRequirement[] = []): Record<string, string> | undefined {
  let constraints: Map<string, Allowed> | undefined = new Map();
  for (let i = 0; i < podDefaults.length && constraints !== undefined; i++) {
    constraints = constraintsOf(podDefaults[i].selector.requirements, constraints);
  }
  constraints = constraints === undefined ? undefined : constraintsOf(extra, constraints);
  return constraints === undefined ? undefined : labelsOf(constraints);
}

/**
 * A label set that every one of `selected` selects and none of `avoided` does, and that holds each label of `set` (the
 * pod labels the PodDefaults set, which the webhook refuses beside a pod label of another value: main.go L471-489) with
 * its value or not at all; `undefined` when there is none. A selector is avoided on one key it constrains, by a value
 * or an absence it does not allow: each avoided one (and each label set) is a choice of a few ways, searched in turn,
 * so the work grows as their product: for the few PodDefaults a pair rule asks about (cloud-identity's thirds).
 */
export function witnessAvoiding(selected: readonly PodDefaultFound[], avoided: readonly PodDefaultFound[], set: Record<string, string> = {},
  ways: AvoidingWays = avoidingWays): Record<string, string> | undefined {
  const found = podAvoiding(selected, avoided, set, ways);
  return found === undefined ? undefined : labelsOf(found);
}

/** Whether `witnessAvoiding` finds a label set: without writing it. */
export function canAvoid(selected: readonly PodDefaultFound[], avoided: readonly PodDefaultFound[], set: Record<string, string> = {},
  ways: AvoidingWays = avoidingWays): boolean {
  return podAvoiding(selected, avoided, set, ways) !== undefined;
}

/** The constraints of a label set `witnessAvoiding` writes. */
function podAvoiding(selected: readonly PodDefaultFound[], avoided: readonly PodDefaultFound[], set: Record<string, string>,
  ways: AvoidingWays): Map<string, Allowed> | undefined {
  let constraints: Map<string, Allowed> | undefined = new Map();
  for (let i = 0; i < selected.length && constraints !== undefined; i++) {
    constraints = constraintsOf(selected[i].selector.requirements, constraints);
  }
  if (constraints === undefined) { return undefined; }
  const choices: Choice[] = [];
  const labels = Object.entries(set);
  const read = labels.length === 0 ? undefined : new Set([...selected, ...avoided].flatMap(pd => pd.selector.requirements.map(r => r.key)));
  for (const [key, value] of labels) {
    if (read!.has(key)) { choices.push({ ways: [[key, ABSENT], [key, { kind: 'finite', values: new Set([value]) }]] }); }
  }
  for (const pd of avoided) {
    const choice = ways(pd);
    // A selector no label set satisfies selects no pod.
    if (choice !== undefined) { choices.push(choice); }
  }
  // The choices of fewest ways first (a stable sort): a choice of one way is taken before any other is tried. Most
  // come in that order (a PodDefault of its own label is avoided one way): sorted only when not.
  for (let i = 1; i < choices.length; i++) {
    if (choices[i].ways.length < choices[i - 1].ways.length) { choices.sort((x, y) => x.ways.length - y.ways.length); break; }
  }
  return choose(constraints, choices, 0, { left: AVOIDING_STEPS });
}

/**
 * The most ways `choose` tries for one label set. Avoiding several selectors is a satisfiability problem (each selector
 * avoided is a clause of its ways), so the search may grow with the product of the ways; past this many it answers that
 * no pod avoids them: a set of thirds left unjudged (a pair missed, never one reported that no pod has).
 */
export const AVOIDING_STEPS = 10000;

/** The ways a pod avoids a PodDefault (`undefined`: its selector selects none), for `witnessAvoiding` and `canAvoid`. */
export type AvoidingWays = (pd: PodDefaultFound) => Choice | undefined;

/** The ways a pod avoids `pd`, worked out anew. */
export function avoidingWays(pd: PodDefaultFound): Choice | undefined {
  const own = constraintsOf(pd.selector.requirements);
  return own === undefined ? undefined : { avoided: own, ways: [...own].flatMap(([key, allowed]) => outside(allowed).map(way => [key, way] as const)) };
}

/**
 * `avoidingWays`, each PodDefault's worked out once, for a caller that asks about the same few PodDefaults for many
 * pairs (cloud-identity's thirds: the `identity-thirds` row took 4.9 s without it, 3.1 s with it) and keeps it for one judgement.
 */
export function rememberedAvoidingWays(): AvoidingWays {
  const known = new Map<PodDefaultFound, Choice | undefined>();
  return pd => {
    if (!known.has(pd)) { known.set(pd, avoidingWays(pd)); }
    return known.get(pd);
  };
}

/** One choice of `witnessAvoiding`: the pod takes one of its ways (a key and what it allows there); none needed once `avoided` is. */
export interface Choice {
  readonly avoided?: Constraints;
  readonly ways: readonly (readonly [string, Allowed])[];
}

/**
 * `constraints` narrowed in place to take a way of each choice from `i` on (each way tried is undone when it fails), or
 * `undefined`; `steps.left` the tries this search has left (AVOIDING_STEPS), past which it answers `undefined`.
 */
function choose(constraints: Map<string, Allowed>, choices: readonly Choice[], i: number, steps: { left: number }): Map<string, Allowed> | undefined {
  if (i === choices.length) { return constraints; }
  const choice = choices[i];
  if (choice.avoided !== undefined && !meet(constraints, choice.avoided)) { return choose(constraints, choices, i + 1, steps); }
  for (const [key, way] of choice.ways) {
    if (--steps.left < 0) { return undefined; }
    const held = constraints.get(key);
    const both = held === undefined ? way : combine(held, way);
    if (both === undefined) { continue; }
    constraints.set(key, both);
    if (choose(constraints, choices, i + 1, steps) !== undefined) { return constraints; }
    if (held === undefined) { constraints.delete(key); } else { constraints.set(key, held); }
  }
  return undefined;
}

/** What a key may hold (a value, or absence) that `allowed` does not allow, as constraints: one, two or none. */
function outside(allowed: Allowed): Allowed[] {
  switch (allowed.kind) {
    case 'absent': return [PRESENT];
    case 'finite': return [excluding('optional', allowed.values)];
    case 'optional': return allowed.excluded.size === 0 ? [] : [{ kind: 'finite', values: allowed.excluded }];
    default: return allowed.excluded.size === 0 ? [ABSENT] : [ABSENT, { kind: 'finite', values: allowed.excluded }];
  }
}

/** A label set the constraints allow: only the keys they constrain (absent or optional ones left out), as `witness` says. */
function labelsOf(constraints: Constraints): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const key of [...constraints.keys()].sort(compareNames)) {
    const allowed = constraints.get(key)!;
    if (allowed.kind === 'absent' || allowed.kind === 'optional') { continue; }
    if (allowed.kind === 'finite') {
      labels[key] = allowed.values.has('true') ? 'true' : [...allowed.values].sort(compareNames)[0];
      continue;
    }
    for (let i = 0; ; i++) {
      const value = i === 0 ? 'true' : `v${i}`;
      if (!allowed.excluded.has(value)) {
        labels[key] = value;
        break;
      }
    }
  }
  return labels;
}

/** `labelled a=true,b=true`, for messages: labels are selection keys, never secrets. */
export function describeLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) { return 'whatever its labels'; }
  return `labelled ${entries.map(([k, v]) => `${shownName(k, 'key')}=${shownName(v, 'value')}`).join(',')}`;
}

export function byName(a: PodDefaultFound, b: PodDefaultFound): number {
  return compareNames(a.name, b.name) || a.index - b.index;
}

/**
 * Sorts `list` in place by `byName`, a total order. A short list gets an insertion sort: the check
 * sorts the PodDefaults of every namespace of the app, most of them a handful, and measured with
 * `npm run bench` the built-in sort's setup cost more than the sorting.
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

/**
 * One keyed entry of a PodDefault for `Meetings.pairs`: entries of one key in different classes (two
 * different definitions) clash when their PodDefaults meet.
 */
export interface Entry<T> {
  readonly pd: PodDefaultFound;
  /** The class of the entry: equal classes never clash. */
  readonly klass: string;
  readonly item: T;
}

/** What `Meetings.pairs` pairs. */
export interface PairOptions<T> {
  /** The entries a later one is paired with. @default - every entry */
  readonly earlier?: readonly Entry<T>[];
  /** Requirements the pod meets too. @default - none */
  readonly extra?: readonly SelectorRequirement[];
  /**
   * The pairs of these entries on a pod that meets `extra`, as `summary` of the same entries and `extra`
   * listed them (`PairTally.listed`): used when `earlier` is every entry. @default - found here
   */
  readonly listed?: Pair<T>[];
}

/** What `Meetings.summary` counts, and how. */
export interface SummaryOptions {
  /** Requirements the pod meets too. @default - none */
  readonly extra?: readonly SelectorRequirement[];
  /** Count only when no two PodDefaults share a name. @default false */
  readonly distinctNames?: boolean;
  /** The order of the first pair. @default 'later' */
  readonly order?: PairOrder;
}

/**
 * What `Meetings.summary` found: the pairs counted, when there are more than its limit; or, when it had to
 * list them to count them, the pairs `pairs(entries, { extra })` lists, for `PairOptions.listed`.
 */
export interface PairTally<T> {
  /** The pairs counted. @default - not counted: list them */
  readonly counted?: PairSummary<T>;
  /** The pairs listed. @default - not listed */
  readonly listed?: Pair<T>[];
}

/** A pair of entries that clash, the earlier PodDefault (in the group's order) first. */
export type Pair<T> = readonly [Entry<T>, Entry<T>];

/** The order of pairs whose first `Meetings.summary` gives (see `PairSummary.first`). */
export type PairOrder = 'later' | 'earlier' | { readonly klass: string };

/** What `Meetings.summary` tells of the pairs `Meetings.pairs` lists, without listing them. */
export interface PairSummary<T> {
  /** How many pairs. */
  readonly count: number;
  /** Every PodDefault of a pair, in the group's order. */
  readonly parties: readonly PodDefaultFound[];
  /**
   * The first pair, in the order `pairs` lists them (`later`), or by the earlier PodDefault, then the later
   * (`earlier`), or by the PodDefault of the entry of a class, then the other (`{ klass }`).
   */
  readonly first: Pair<T>;
}

/**
 * The PodDefaults of one namespace as the pair rules judge them (`group` in name order, `namespace` `''`
 * for the namespace-less ones among themselves): two meet when one pod can select both, they do not
 * exclude each other by a marker, and they are not both namespace-less in a namespace's group (those
 * pairs are judged once, among the namespace-less ones).
 */
export class Meetings {
  private orders?: Map<PodDefaultFound, number>;
  private readonly constraints = new Map<PodDefaultFound, Constraints | undefined>();

  public constructor(private readonly group: readonly PodDefaultFound[], private readonly namespace: string) {}

  /**
   * Whether two of the entries may clash at all, as far as their PodDefaults tell without their selectors:
   * two entries of one PodDefault, or of two that neither exclude each other by a marker nor are both
   * namespace-less in a namespace's group. Most keys of a namespace are set by PodDefaults that exclude
   * each other (the S3 configurations of a profile), and this rules them out without judging selectors;
   * a long list is left to `pairs`.
   */
  public mayClash(entries: readonly { readonly pd: PodDefaultFound }[]): boolean {
    if (entries.length > SHORT_LIST) { return true; }
    for (let i = 0; i < entries.length; i++) {
      for (let j = i + 1; j < entries.length; j++) {
        const a = entries[i].pd;
        const b = entries[j].pd;
        if (a === b || (!exclusive(a, b) && !(this.namespace !== '' && a.floating && b.floating))) { return true; }
      }
    }
    return false;
  }

  /** Whether some pod selects it: a selector no label set satisfies selects nothing. */
  public selectable(pd: PodDefaultFound): boolean {
    return this.constraintsOf(pd) !== undefined;
  }

  /**
   * Every pair of an entry of `options.earlier` (by default `entries`) and a later entry of `entries`, of
   * different classes, whose (different) PodDefaults meet, on a pod that also meets `options.extra`: by
   * the later entry, then the earlier one, in the group's order.
   */
  public pairs<T>(entries: readonly Entry<T>[], options: PairOptions<T> = {}): Pair<T>[] {
    if (options.listed !== undefined && (options.earlier === undefined || options.earlier === entries)) { return options.listed; }
    const extra = options.extra ?? [];
    const members = this.members(entries, extra);
    const earlier = options.earlier === undefined || options.earlier === entries ? members : this.members(options.earlier, extra);
    return this.pairsOf(members, earlier);
  }

  /** `pairs` of members. */
  private pairsOf<T>(members: readonly Member<T>[], earlier: readonly Member<T>[]): Pair<T>[] {
    const root = new IndexNode(earlier, new Set());
    const pairs: Pair<T>[] = [];
    for (let i = 0; i < members.length; i++) {
      const later = members[i];
      const found: Member<T>[] = [];
      root.collect({ constraints: later.constraints, before: later.order, klass: later.entry.klass, first: false }, found);
      found.sort((a, b) => a.order - b.order || a.position - b.position);
      for (let j = 0; j < found.length; j++) {
        // A member under several cells of the index is found once per cell.
        if (j === 0 || found[j] !== found[j - 1]) { pairs.push([found[j].entry, later.entry]); }
      }
    }
    return pairs;
  }

  /**
   * The pairs `pairs(entries, { extra })` lists, counted rather than listed, when there are more than
   * `limit` of them; not counted when there are at most `limit` (list them), or when they cannot be
   * counted so: a PodDefault with two entries, or, with `distinctNames`, two PodDefaults of one name.
   * When it listed them to count them, it gives them, for `PairOptions.listed`.
   *
   * A member meets every other when each key it constrains is constrained by no other member, or allows
   * some value (or absence) that every member that constrains the key allows: meeting fails only on a key
   * both constrain (`meet`). Such members ("open") are counted by their classes; the others are paired
   * through the index, as `pairs` does. 1000 PodDefaults each selected by a label of its own that all
   * define one key their own way are half a million pairs, two seconds to list; counted, a few
   * milliseconds.
   */
  public summary<T>(entries: readonly Entry<T>[], limit: number, options: SummaryOptions = {}): PairTally<T> {
    // Fewer pairs than that, whatever they are.
    if (entries.length * (entries.length - 1) / 2 <= limit) { return {}; }
    const members = this.members(entries, options.extra ?? []);
    // In the group's order, two entries of one PodDefault are side by side.
    for (let i = 1; i < members.length; i++) {
      if (members[i].order === members[i - 1].order) { return {}; }
    }
    if (options.distinctNames && new Set(members.map(m => m.entry.pd.name)).size < members.length) { return {}; }
    // Each key that two members constrain: what all of them allow together (`null`: nothing).
    const first = new Map<string, Allowed>();
    const shared = new Map<string, Allowed | null>();
    const owned = new Set<Allowed>();
    const add = (allowed: Allowed, key: string) => {
      const held = shared.get(key);
      if (held === null) { return; }
      if (held !== undefined) {
        shared.set(key, narrow(held, allowed, owned) ?? null);
        return;
      }
      const one = first.get(key);
      if (one === undefined) { first.set(key, allowed); } else { shared.set(key, narrow(one, allowed, owned) ?? null); }
    };
    for (let i = 0; i < members.length; i++) { members[i].constraints.forEach(add); }
    const isOpen = (m: Member<T>) => {
      for (const key of m.constraints.keys()) {
        if (shared.get(key) === null) { return false; }
      }
      return true;
    };
    const rest: Member<T>[] = [];
    const opened: boolean[] = [];
    for (const m of members) {
      const o = isOpen(m);
      opened.push(o);
      if (!o) { rest.push(m); }
    }
    const openCount = members.length - rest.length;
    /** Of each class: the open members, and all (counted only when some are open). */
    const open = new Map<string, number>();
    const all = new Map<string, number>();
    for (let i = 0; openCount > 0 && i < members.length; i++) {
      const klass = members[i].entry.klass;
      all.set(klass, (all.get(klass) ?? 0) + 1);
      if (opened[i]) { open.set(klass, (open.get(klass) ?? 0) + 1); }
    }
    let count = openCount * (openCount - 1) / 2;
    open.forEach(n => { count -= n * (n - 1) / 2; });
    for (const r of rest) { count += openCount - (open.get(r.entry.klass) ?? 0); }
    // The pairs of two members that are not open, listed: the index rules out most of them at once.
    const restPairs = rest.length < 2 ? [] : this.pairsOf(rest, rest);
    count += restPairs.length;
    if (count <= limit) {
      // None open: those are the pairs `pairs` lists.
      return openCount === 0 ? { listed: restPairs } : {};
    }
    const paired = new Set<PodDefaultFound>();
    for (const [a, b] of restPairs) { paired.add(a.pd).add(b.pd); }
    const parties: PodDefaultFound[] = [];
    members.forEach((m, i) => {
      // An open member meets every member of another class; another, the open ones and those it was paired with.
      const others = opened[i] ? members.length - all.get(m.entry.klass)! : openCount - (open.get(m.entry.klass) ?? 0);
      if (others > 0 || paired.has(m.entry.pd)) { parties.push(m.entry.pd); }
    });
    return { counted: { count, parties, first: this.firstPair(members, options.order ?? 'later') } };
  }

  /**
   * The first pair of `members` (in the group's order, at least one pair) that meet, of different classes:
   * by the later member, then the earlier (`later`), or by the earlier, then the later (`earlier`).
   */
  private firstPair<T>(members: readonly Member<T>[], order: PairOrder): Pair<T> {
    const next = nextOtherClass(members);
    for (let i = 0; i < members.length; i++) {
      if (typeof order === 'object') {
        if (members[i].entry.klass !== order.klass) { continue; }
        for (let j = 0; j < members.length; j++) {
          if (members[j].entry.klass !== order.klass && meet(members[i].constraints, members[j].constraints)) {
            return j < i ? [members[j].entry, members[i].entry] : [members[i].entry, members[j].entry];
          }
        }
      } else if (order === 'later') {
        for (let j = 0; j < i; j = j + 1) {
          if (members[j].entry.klass !== members[i].entry.klass && meet(members[j].constraints, members[i].constraints)) { return [members[j].entry, members[i].entry]; }
        }
      } else {
        for (let j = next[i]; j < members.length; j++) {
          if (members[j].entry.klass !== members[i].entry.klass && meet(members[i].constraints, members[j].constraints)) { return [members[i].entry, members[j].entry]; }
        }
      }
    }
    throw new Error('no pair');
  }

  /**
   * The clashing pairs of entries of one key, as the webhook merges them (main.go L245-260): each entry
   * must equal the first of its key. So a PodDefault clashes with itself when one of its entries differs
   * from its first (as a pair with itself, when some pod selects it), and with an earlier PodDefault when
   * one of its entries differs from that one's first; once per pair of PodDefaults. With `anyEntry`, an
   * entry clashes with every earlier entry of another class, not only with the first one of its PodDefault.
   * With `extra`, only on a pod that also meets those requirements.
   */
  public clashes<T>(entries: readonly Entry<T>[], options: { readonly anyEntry?: boolean; readonly extra?: readonly SelectorRequirement[]; readonly listed?: Pair<T>[] } = {}): Pair<T>[] {
    const found: Pair<T>[] = [];
    const first = new Map<PodDefaultFound, Entry<T>>();
    const twice = new Set<PodDefaultFound>();
    for (const entry of entries) {
      const earlier = first.get(entry.pd);
      if (earlier === undefined) {
        first.set(entry.pd, entry);
      } else if (earlier.klass !== entry.klass && !twice.has(entry.pd) && this.selectable(entry.pd)
        // A namespace-less PodDefault alone is judged once, among the namespace-less ones.
        && !(this.namespace !== '' && entry.pd.floating)) {
        twice.add(entry.pd);
        found.push([earlier, entry]);
      }
    }
    // A pair of places in the group as one number: a string per pair cost most of the time of a key that
    // 1000 PodDefaults that all meet define each their own way (half a million pairs).
    const reported = new Set<number>();
    const size = this.group.length;
    const earlier = options.anyEntry || first.size === entries.length ? entries : [...first.values()];
    for (const pair of this.pairs(entries, { earlier, extra: options.extra, listed: options.listed })) {
      const id = this.orderOf(pair[0].pd) * size + this.orderOf(pair[1].pd);
      if (!reported.has(id)) {
        reported.add(id);
        found.push(pair);
      }
    }
    return found;
  }

  /**
   * For each of `queries`, the first of `readers` (in the group's order; the query's own PodDefault may
   * be one) that meets it when the pod also meets the query's `extra`, or `undefined`.
   */
  public firstMeetings<T>(queries: readonly { readonly pd: PodDefaultFound; readonly extra: readonly SelectorRequirement[] }[],
    readers: readonly Entry<T>[]): (Entry<T> | undefined)[] {
    const root = new IndexNode(this.members(readers, []), new Set());
    return queries.map(q => {
      const own = this.constraintsOf(q.pd);
      const constraints = own === undefined ? undefined : constraintsOf(q.extra, new Map(own));
      if (constraints === undefined) { return undefined; }
      const found: Member<T>[] = [];
      root.collect({ constraints, before: Infinity, klass: '\0none', first: true }, found);
      return found.length === 0 ? undefined : found.reduce((a, b) => (b.order < a.order ? b : a)).entry;
    });
  }

  /** The entries whose PodDefaults some pod selects, in the group's order. */
  private members<T>(entries: readonly Entry<T>[], extra: readonly SelectorRequirement[]): Member<T>[] {
    const members: Member<T>[] = [];
    for (let i = 0; i < entries.length; i++) {
      const own = this.constraintsOf(entries[i].pd);
      const constraints = own === undefined || extra.length === 0 ? own : constraintsOf(extra, new Map(own));
      if (constraints !== undefined) { members.push({ entry: entries[i], order: this.orderOf(entries[i].pd), position: i, constraints }); }
    }
    return members.sort((a, b) => a.order - b.order || a.position - b.position);
  }

  /** The PodDefault's place in the group. */
  private orderOf(pd: PodDefaultFound): number {
    if (this.orders === undefined) {
      this.orders = new Map();
      for (let i = 0; i < this.group.length; i++) { this.orders.set(this.group[i], i); }
    }
    return this.orders.get(pd)!;
  }

  /** The PodDefault's selector, markers and namespace-less origin as constraints; cached per group. */
  private constraintsOf(pd: PodDefaultFound): Constraints | undefined {
    if (this.constraints.has(pd)) { return this.constraints.get(pd); }
    const constraints = constraintsOf(pd.selector.requirements);
    if (constraints !== undefined) {
      // A marker is a key whose one value is the PodDefault's name: two of one marker and different names
      // never meet. A namespace-less PodDefault in a namespace's group is a key whose one value is its
      // position: two never meet there.
      for (let i = 0; i < pd.markers.length; i++) { constraints.set(`\0marker\0${pd.markers[i]}`, { kind: 'finite', values: new Set([pd.name]) }); }
      if (pd.floating && this.namespace !== '') { constraints.set('\0namespace-less', { kind: 'finite', values: new Set([String(pd.index)]) }); }
    }
    this.constraints.set(pd, constraints);
    return constraints;
  }
}

/**
 * An index of `readers` by their selectors alone (not their markers nor a namespace-less origin): for a pod that meets
 * `requirements`, the readers it may select too (each once, in the order given), or `undefined` when more than `limit`
 * may be (the search stops there: its work is the index's, up to `limit` found).
 */
export function selectorIndex<T>(readers: readonly Entry<T>[]): (requirements: readonly SelectorRequirement[], limit: number) => Entry<T>[] | undefined {
  const members: Member<T>[] = [];
  readers.forEach((entry, i) => {
    const constraints = constraintsOf(entry.pd.selector.requirements);
    if (constraints !== undefined) { members.push({ entry, order: i, position: i, constraints }); }
  });
  const root = new IndexNode(members, new Set());
  return (requirements, limit) => {
    const constraints = constraintsOf(requirements);
    if (constraints === undefined || members.length === 0) { return []; }
    const found: Member<T>[] = [];
    // A member under several cells of the index is found once per cell: a few more than `limit` are looked for.
    const query: Query = { constraints, before: Infinity, klass: '\0none', first: false, limit: 2 * limit + 1 };
    root.collect(query, found);
    const once = [...new Set(found)].sort((a, b) => a.order - b.order);
    return once.length > limit || found.length > query.limit! ? undefined : once.map(m => m.entry);
  };
}

interface Member<T> {
  readonly entry: Entry<T>;
  /** The PodDefault's place in the group. */
  readonly order: number;
  /** The entry's place in the list given. */
  readonly position: number;
  readonly constraints: Constraints;
}

/**
 * What `IndexNode.collect` looks for: members before `before`, of another class than `klass`, that meet;
 * with `first`, only the earliest, and `before` then narrows as members are found.
 */
interface Query {
  readonly constraints: Constraints;
  before: number;
  readonly klass: string;
  readonly first: boolean;
  /** Stop once more members than this are found. @default - every one */
  readonly limit?: number;
}

/** How many members a large node counts to choose its pivot. */
const PIVOT_SAMPLE = 64;
/** Above this many cells, a query that allows most values searches every finite member at once. */
const CELL_SCAN_LIMIT = 16;
/** Above this many different exclusion sets, members that exclude values are searched together. */
const GROUP_LIMIT = 16;

/** The members that exclude one set of values on the split key (`present` or `optional`). */
interface ExcludingGroup<T> {
  /** Undefined for the group of every exclusion set beyond `GROUP_LIMIT`. */
  readonly kind?: 'present' | 'optional';
  readonly excluded: ReadonlySet<string>;
  readonly node: IndexNode<T>;
}

/** How a node splits its members by what they allow for one key. */
interface Split<T> {
  readonly key: string;
  readonly absent: IndexNode<T>;
  /** Members that allow finitely many values, under each value they allow (a member may be under several). */
  readonly cells: ReadonlyMap<string, IndexNode<T>>;
  readonly finite: IndexNode<T>;
  readonly excluding: readonly ExcludingGroup<T>[];
  /** Members that do not constrain the key. */
  readonly free: IndexNode<T>;
  /** Every member, for a query that does not constrain the key. */
  readonly all: IndexNode<T>;
}

/**
 * A node of the index: members in the group's order, split (on first use) by the label key most of them
 * constrain, which the path to the node has not split on yet. A node with no key that two members
 * constrain is a leaf, searched member by member: there a member fails a query only on a key that the
 * query constrains, so the misses are few, and runs of the query's own class are skipped at once.
 */
class IndexNode<T> {
  private split?: Split<T> | null;
  private nextOtherClass?: Int32Array;

  public constructor(private readonly members: readonly Member<T>[], private readonly used: ReadonlySet<string>) {}

  /** Adds to `found` the members that answer `query` (a member under several cells may come twice). */
  public collect(query: Query, found: Member<T>[]): void {
    if (this.members.length === 0 || this.members[0].order >= query.before || found.length > (query.limit ?? Infinity)) { return; }
    const split = this.split === undefined ? (this.split = this.splitMembers()) : this.split;
    if (split === null) {
      this.scan(query, found);
      return;
    }
    const allowed = query.constraints.get(split.key);
    if (allowed === undefined) {
      split.all.collect(query, found);
      return;
    }
    split.free.collect(query, found);
    if (allowed.kind === 'absent' || allowed.kind === 'optional') { split.absent.collect(query, found); }
    if (allowed.kind === 'finite') {
      allowed.values.forEach(v => split.cells.get(v)?.collect(query, found));
    } else if (allowed.kind !== 'absent') {
      if (split.cells.size <= CELL_SCAN_LIMIT) {
        split.cells.forEach((node, v) => { if (!allowed.excluded.has(v)) { node.collect(query, found); } });
      } else {
        split.finite.collect(query, found);
      }
    }
    for (const group of split.excluding) {
      // Two "any value but" sets always overlap; a finite set overlaps one unless it is inside it.
      const meets = group.kind === undefined
        || (allowed.kind === 'absent' ? group.kind === 'optional' : allowed.kind !== 'finite' || [...allowed.values].some(v => !group.excluded.has(v)));
      if (meets) { group.node.collect(query, found); }
    }
  }

  /** The unused key that most of every `step`-th member constrain, if two of them do. */
  private pivot(step: number): string | undefined {
    const counts = new Map<string, number>();
    for (let i = 0; i < this.members.length; i += step) {
      for (const k of this.members[i].constraints.keys()) { counts.set(k, (counts.get(k) ?? 0) + 1); }
    }
    let key: string | undefined;
    let best = 1;
    counts.forEach((count, k) => {
      if (!this.used.has(k) && (count > best || (count === best && key !== undefined && k < key))) {
        best = count;
        key = k;
      }
    });
    return key;
  }

  private scan(query: Query, found: Member<T>[]): void {
    const members = this.members;
    const next = this.nextOtherClass ??= nextOtherClass(members);
    for (let j = 0; j < members.length && members[j].order < query.before;) {
      const m = members[j];
      if (m.entry.klass === query.klass) {
        j = next[j];
        continue;
      }
      if (meet(m.constraints, query.constraints)) {
        found.push(m);
        if (found.length > (query.limit ?? Infinity)) { return; }
        if (query.first) {
          query.before = m.order;
          return;
        }
      }
      j++;
    }
  }

  private splitMembers(): Split<T> | null {
    // The pivot is the key most members constrain; counted on a sample of a large node first (any key two
    // members of the sample constrain will do), and on every member only when the sample has none.
    const step = Math.max(1, Math.floor(this.members.length / PIVOT_SAMPLE));
    let key = step > 1 ? this.pivot(step) : undefined;
    if (key === undefined) { key = this.pivot(1); }
    if (key === undefined) { return null; }
    const used = new Set(this.used).add(key);
    const absent: Member<T>[] = [];
    const cells = new Map<string, Member<T>[]>();
    const finite: Member<T>[] = [];
    const excluding = new Map<string, { kind?: 'present' | 'optional'; excluded: ReadonlySet<string>; members: Member<T>[] }>();
    const free: Member<T>[] = [];
    for (const m of this.members) {
      const allowed = m.constraints.get(key);
      if (allowed === undefined) {
        free.push(m);
      } else if (allowed.kind === 'absent') {
        absent.push(m);
      } else if (allowed.kind === 'finite') {
        finite.push(m);
        allowed.values.forEach(v => {
          const cell = cells.get(v);
          if (cell === undefined) { cells.set(v, [m]); } else { cell.push(m); }
        });
      } else {
        let signature = allowed.signature;
        if (!excluding.has(signature) && excluding.size >= GROUP_LIMIT) { signature = '\0mixed'; }
        const group = excluding.get(signature);
        if (group !== undefined) {
          group.members.push(m);
        } else {
          excluding.set(signature, signature === '\0mixed'
            ? { excluded: NO_VALUES, members: [m] }
            : { kind: allowed.kind, excluded: allowed.excluded, members: [m] });
        }
      }
    }
    const node = (list: readonly Member<T>[]) => new IndexNode(list, used);
    const cellNodes = new Map<string, IndexNode<T>>();
    cells.forEach((list, v) => cellNodes.set(v, node(list)));
    return {
      key,
      absent: node(absent),
      cells: cellNodes,
      finite: node(finite),
      excluding: [...excluding.values()].map(g => ({ kind: g.kind, excluded: g.excluded, node: node(g.members) })),
      free: node(free),
      all: node(this.members),
    };
  }
}

/** For each position, the next position whose class differs from its own (or the length). */
function nextOtherClass<T>(members: readonly Member<T>[]): Int32Array {
  const next = new Int32Array(members.length);
  for (let j = members.length - 1; j >= 0; j--) {
    next[j] = j === members.length - 1 ? members.length
      : members[j + 1].entry.klass !== members[j].entry.klass ? j + 1 : next[j + 1];
  }
  return next;
}
