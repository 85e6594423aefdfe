// What go-yaml v2 and sigs.k8s.io/yaml make of a document's keys, merge keys and special numbers, where
// js-yaml alone would read another value. js-yaml turns every key into a string with String(), and merges
// `<<` as YAML 1.1 says; kubectl instead:
// - writes a number key as Go does (`1e3` is the key "1000", `1.5e20` is "1.5e+20": see go-yaml-number.ts)
//   and refuses a key that is null, a list, a mapping or a uint64 (convertToJSONableObject);
// - cannot write a value .inf or .nan as JSON, and refuses the file;
// - merges as go-yaml v2's decoder does (decode.go, merge): the keys of a mapping in order, each `<<` setting
//   the keys of its mapping (or of each mapping of its list, the first winning) over those set before it. Where
//   a merge meets a key that may be a number or a boolean, go-yaml may hold two keys that kubectl then writes
//   as one (1 and "1"), keeping either value: that is refused.
// The reading schema (kubectl-yaml.ts) builds stand-ins for those during the load: a number whose key text
// or value js-yaml would get wrong, a null in a document that may have a null key, a unique string for each
// merge key. js-yaml turns a stand-in key into a string with its toString(), which gives the key kubectl
// makes of it or a placeholder for one it refuses. settle() then puts the values back, merges, and says
// what kubectl refuses. A load that made no stand-in needs no settling, and most documents make none.
import { State, YAMLException } from 'js-yaml';
import { isPlainObject } from '../json';
import { shownKey } from '../names';

/** A problem go-yaml v2 or sigs.k8s.io/yaml finds after parsing; its words name the field, never a value. */
export class GoYamlValueError extends YAMLException {
  public constructor(public readonly words: string) {
    super(words);
  }
}

/** How many keys merge keys may copy in one document: kubectl refuses excessive aliasing too. */
const MERGE_BUDGET = 1_000_000;

/** Keeps stand-ins apart from any string of the document (one can hold U+0000 only as an escape). */
const NONCE = `\u0000${Math.random().toString(36).slice(2)}`;

/** The load in progress: js-yaml is synchronous, and the schema's constructors are global. */
let current: Decoding | undefined;

/** What a load made that settle() has to undo. */
class Decoding {
  /** Stand-ins made, of any kind. */
  public standIns = 0;
  /** The placeholder keys of keys kubectl refuses, and why. */
  public readonly refusedKeys = new Map<string, string>();
  /** The stand-ins of merge keys, and those whose value is an alias of a list (go-yaml refuses those). */
  public readonly mergeKeys = new Set<string>();
  public readonly aliasedListMerges = new Set<string>();

  /** `careful`: nulls and the lists and mappings that could be keys are stood in for too. */
  public constructor(public readonly careful: boolean) {}

  public refusedKey(why: string): string {
    const placeholder = `${NONCE}:key${this.refusedKeys.size}`;
    this.refusedKeys.set(placeholder, why);
    return placeholder;
  }
}

/** A number whose key text or value js-yaml would get wrong: a float, an integer beyond 2^53, .inf, .nan. */
class NumberStandIn {
  public constructor(public readonly value: number, private readonly key: string | undefined) {}

  public get [Symbol.toStringTag](): string { return 'GoYamlNumber'; }

  public toString(): string {
    return this.key ?? refusedKey('is a number beyond the 64-bit integers Go keeps as keys');
  }
}

/** A null of a careful load: as a key, kubectl refuses it. */
const NULL_STAND_IN = Object.freeze({
  get [Symbol.toStringTag]() { return 'GoYamlNull'; },
  toString: () => refusedKey('is null (~, null or nothing)'),
});

/** A list or a mapping of a careful load, its prototype swapped for one of these until settled: as a key, kubectl refuses it. */
class ListStandIn extends Array {
  public override toString(): string { return refusedKey('is a list'); }
}
const MAPPING_STAND_IN: object = Object.create(Object.prototype, {
  [Symbol.toStringTag]: { value: 'GoYamlMapping' },
  toString: { value: () => refusedKey('is a mapping') },
});

function refusedKey(why: string): string {
  return current === undefined ? '' : current.refusedKey(why);
}

/** The value the schema constructs for a number: itself, unless js-yaml would write or read it otherwise. */
export function numberValue(value: number, key: string | undefined): number | NumberStandIn {
  if (current === undefined || (key === String(value) && Number.isFinite(value))) { return value; }
  current.standIns++;
  return new NumberStandIn(value, key);
}

/** The value the schema constructs for a null. */
export function nullValue(): null | object {
  if (current === undefined || !current.careful) { return null; }
  current.standIns++;
  return NULL_STAND_IN;
}

/** The value the schema constructs for `<<`: a stand-in key, unique, so that js-yaml neither merges nor calls a second one a duplicate. */
export function mergeKey(): string {
  if (current === undefined) { return '<<'; }
  const key = `${NONCE}:merge${current.mergeKeys.size}`;
  current.mergeKeys.add(key);
  current.standIns++;
  return key;
}

/**
 * Loads with `load` (js-yaml's, given the reading schema and the listener, if any), then settles the
 * stand-ins. `careful` stands in for nulls, lists and mappings too, for a document that may have such a
 * key or a merge key; it costs a listener call per node and a walk.
 */
export function decodeWithStandIns(load: (listener?: (event: string, state: State) => void) => unknown, careful: boolean): unknown {
  const decoding = new Decoding(careful);
  current = decoding;
  let value: unknown;
  try {
    value = load(careful ? listener(decoding) : undefined);
  } finally {
    current = undefined;
  }
  return decoding.standIns === 0 && !careful ? value : settle(value, decoding);
}

/**
 * Marks each list and mapping as it is read, so that a key that is one names itself; and notes a merge key
 * whose value is an alias of a list (js-yaml gives no sign of it afterwards: the value is the same list).
 */
function listener(decoding: Decoding): (event: string, state: State) => void {
  let mergeAt: { key: string; depth: number } | undefined;
  return (event, state) => {
    if (event !== 'close') { return; }
    const depth = (state as unknown as { depth: number }).depth;
    const result = state.result;
    if (mergeAt !== undefined && depth === mergeAt.depth) {
      // The node after a merge key, at its depth, is its value; an alias has no kind of its own.
      if (state.kind === null && Array.isArray(result)) { decoding.aliasedListMerges.add(mergeAt.key); }
      mergeAt = undefined;
    }
    if (typeof result === 'string' && decoding.mergeKeys.has(result)) {
      mergeAt = { key: result, depth };
    } else if (state.kind === 'sequence') {
      Object.setPrototypeOf(result, ListStandIn.prototype);
      decoding.standIns++;
    } else if (state.kind === 'mapping') {
      Object.setPrototypeOf(result, MAPPING_STAND_IN);
      decoding.standIns++;
    }
  };
}

/** `value` with its stand-ins undone and its merge keys merged; throws a GoYamlValueError for what kubectl refuses. */
function settle(value: unknown, decoding: Decoding): unknown {
  const settled = new Set<object>();
  let budget = MERGE_BUDGET;
  const visit = (node: unknown, path: string): unknown => {
    if (node instanceof NumberStandIn) {
      if (!Number.isFinite(node.value)) { fail(path, 'is .inf or .nan, which kubectl cannot write as JSON: quote it, or give a number'); }
      return node.value;
    }
    if (node === NULL_STAND_IN) { return null; }
    if (typeof node === 'string') { return decoding.mergeKeys.has(node) ? '<<' : node; }
    if (typeof node !== 'object' || node === null || settled.has(node)) { return node; }
    settled.add(node);
    if (Array.isArray(node)) {
      if (Object.getPrototypeOf(node) !== Array.prototype) { Object.setPrototypeOf(node, Array.prototype); }
      for (let i = 0; i < node.length; i++) { node[i] = visit(node[i], `${path}[${i}]`); }
      return node;
    }
    if (Object.getPrototypeOf(node) === MAPPING_STAND_IN) { Object.setPrototypeOf(node, Object.prototype); }
    const mapping = node as Record<string, unknown>;
    let merges = false;
    for (const key of Object.keys(mapping)) {
      const why = decoding.refusedKeys.get(key);
      if (why !== undefined) { fail(path, `has a key that ${why}, which kubectl refuses: write the key as a string`); }
      if (decoding.careful && key === 'null') { fail(path, 'has a key that is null, empty or "null", which kubectl refuses or this check cannot tell from one: use another key'); }
      if (decoding.mergeKeys.has(key)) { merges = true; }
      // The path is for messages alone: a key that may be a credential is described in it (names.ts shownName).
      const name = decoding.mergeKeys.has(key) ? '<<' : shownKey(key);
      mapping[key] = visit(mapping[key], path === '' ? name : `${path}.${name}`);
    }
    if (merges) { budget = merge(mapping, path, decoding, budget); }
    return node;
  };
  return visit(value, '');
}

/**
 * Merges the merge keys of `mapping` as go-yaml v2 does: in the order of the keys, each key set over what
 * was set before it. Returns what is left of the budget.
 */
function merge(mapping: Record<string, unknown>, path: string, decoding: Decoding, budget: number): number {
  const keys = Object.keys(mapping);
  const merged: Record<string, unknown> = {};
  const setBefore = new Set<string>();
  for (const key of keys) {
    if (!decoding.mergeKeys.has(key)) {
      merged[key] = mapping[key];
      setBefore.add(key);
      continue;
    }
    for (const source of mergeSources(mapping[key], decoding.aliasedListMerges.has(key), path)) {
      for (const k of Object.keys(source)) {
        if (--budget < 0) { fail(path, 'has merge keys (<<) that copy too many keys, which kubectl refuses as excessive aliasing'); }
        if (setBefore.has(k) && MAYBE_NOT_A_STRING.test(k)) {
          fail(path, 'has a key that a merge key (<<) sets over another of the same text that may be a number or a boolean, which kubectl keeps '
            + 'apart and then writes as one, either of them: set the key once');
        }
        merged[k] = source[k];
      }
    }
    for (const k of Object.keys(merged)) { setBefore.add(k); }
  }
  // A key given after a merge key that set it: JavaScript keeps keys such as "1" first, not where the text has them.
  for (const key of keys) {
    if (!decoding.mergeKeys.has(key) && MAYBE_NOT_A_STRING.test(key) && keys.some(k => decoding.mergeKeys.has(k) && mergeSets(mapping[k], key))) {
      fail(path, 'has a key that a merge key (<<) sets over another of the same text that may be a number or a boolean, which kubectl keeps '
        + 'apart and then writes as one, either of them: set the key once');
    }
  }
  for (const key of keys) { delete mapping[key]; }
  Object.assign(mapping, merged);
  return budget;
}

/**
 * The text of a key that go-yaml may hold as a number or a boolean: it keeps such a key apart from a string
 * key of the same text, and a merge can put both in one mapping, which kubectl then writes as one key, keeping
 * either value. JavaScript also keeps keys such as "1" first, not where the text has them.
 */
const MAYBE_NOT_A_STRING = /^(?:true|false|[-+]?\.?[0-9].*|[-+]?\.inf|\.nan)$/;

function mergeSets(value: unknown, key: string): boolean {
  const sources = Array.isArray(value) ? value : [value];
  return sources.some(s => isPlainObject(s) && Object.prototype.hasOwnProperty.call(s, key));
}

/** The mappings a merge key's value merges, in the order go-yaml sets them (the first of a list last, so that it wins). */
function mergeSources(value: unknown, aliasOfList: boolean, path: string): Record<string, unknown>[] {
  if (isPlainObject(value)) { return [value]; }
  if (Array.isArray(value) && !aliasOfList && value.every(isPlainObject)) { return [...value].reverse(); }
  return fail(path, 'has a merge key (<<) whose value is not a mapping, an alias of one, or a list of those, which kubectl refuses');
}

function fail(path: string, what: string): never {
  throw new GoYamlValueError(`${path === '' ? 'the document' : path} ${what}`);
}
