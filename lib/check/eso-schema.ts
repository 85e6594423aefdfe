// Why the API server refuses an ExternalSecret's spec (or a ClusterExternalSecret's spec) for its CRD's schema: ESO
// v2.9.0's CRDs, version v1 (the one it serves), as eso-crd-fields.ts holds them. A custom resource is validated
// against its structural schema once it is pruned and its nulls dropped (apiextensions-apiserver v0.32
// pkg/apiserver/customresource_handler.go, then pkg/apiserver/validation/validation.go, which hands the schema to
// kube-openapi pkg/validation/validate): a value of another type (typeValidator), a string none of its `enum`
// allows (basicCommonValidator), shorter or longer than its bounds, counted in runes, or off its `pattern` (Go's
// regexp; stringValidator), a list of fewer or more items than its bounds (sliceValidator), an object without a
// field it `required`s or holding fewer or more fields than its bounds (objectValidator: counted once pruned). The
// CRDs of v2.9.0 carry no x-kubernetes-validations (CEL), no nullable in a spec, and no format in a spec (the
// generator stops on any of these), so there is nothing more to judge. A field the schema does not declare is
// pruned, or refused by kubectl's default --validate=strict: `undeclaredFields` lists them, for the unknown-field rule.
//
// PodDefaults have their own walk (admission/stored-pod-default.ts), on the hot path, which also prunes and
// copies; ESO's schema asks for enums, lengths and counts the PodDefault CRD has none of, so this walk is its own,
// and only judges: it returns the first refusal in document order, and builds a path only for it.
import { isPlainObject, typeName, yamlTypeName } from '../json';
import { ESO_CRD_OBJECTS, ESO_CRD_PATTERNS, EsoSchema } from './eso-crd-fields';

/** Why the API server refuses an ExternalSecret's spec (or a ClusterExternalSecret's `externalSecretSpec`): the field, what is wrong with it (the message's tail), and the fix. */
export interface Refusal {
  readonly field: string;
  readonly problem: string;
  readonly fix: string;
}

/** An object's schema, compiled: its fields in a Map (a field named `constructor` is no declared field). */
interface Compiled {
  readonly fields: ReadonlyMap<string, EsoSchema>;
  readonly required: readonly string[];
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly preservesUnknownFields: boolean;
}

const NO_STRINGS: readonly string[] = [];
const OBJECTS: ReadonlyMap<string, Compiled> = new Map(Object.keys(ESO_CRD_OBJECTS).map(name => {
  const entry = ESO_CRD_OBJECTS[name];
  return [name, {
    fields: new Map(Object.keys(entry.fields).map(field => [field, entry.fields[field]])),
    required: entry.required ?? NO_STRINGS,
    minProperties: entry.minProperties,
    maxProperties: entry.maxProperties,
    preservesUnknownFields: entry.preservesUnknownFields === true,
  }];
}));

/** What each pattern asks for, in words for a message (the pattern itself is the CRD's). */
const PATTERN_WORDS: Readonly<Record<string, string>> = {
  dnsSubdomain: 'a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit)',
  dnsLabel: 'a DNS-1123 label (lower-case letters, digits and "-", starting and ending with a letter or digit)',
  secretKey: 'a key of letters, digits, "-", "_" and "." only',
  cron: 'a cron schedule (five fields, @hourly, @daily, ... or @every DURATION)',
};

const PATTERNS: ReadonlyMap<string, RegExp> = new Map(Object.keys(ESO_CRD_PATTERNS).map(name => {
  if (PATTERN_WORDS[name] === undefined) { throw new Error(`eso-schema: no words for pattern ${name}`); }
  return [name, new RegExp(goRegexp(ESO_CRD_PATTERNS[name]))];
}));

/**
 * `pattern`, a Go regexp of ESO's CRDs, as a JavaScript one that matches the same strings: Go's `\s` is ASCII white
 * space only (`[\t\n\f\r ]`, regexp/syntax perl_groups.go), JavaScript's any Unicode space; Go's `.` is any
 * character but `\n`, JavaScript's leaves out `\r`, U+2028 and U+2029 too. The CRDs' patterns use no other class
 * that differs (their `$` and `^`, without the m flag, anchor the whole text in both).
 */
export function goRegexp(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[++i];
      out += next === 's' ? (inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]') : `\\${next}`;
    } else if (c === '.' && !inClass) {
      out += '[^\\n]';
    } else {
      if (c === '[') { inClass = true; }
      if (c === ']') { inClass = false; }
      out += c;
    }
  }
  return out;
}

/**
 * The first reason (in document order; an object's missing fields and counts after its fields) the API server's
 * schema validation refuses `value`, an object of the CRD's entry `entry` at `path`, read as stored (nulls dropped but
 * a list item's: those are `nullListItem`'s); `undefined` when none. `skip` names fields of the entry left to another
 * judge (a duration, a selector). Names the field, never its value.
 */
export function schemaRefusal(value: any, entry: string, path: string, crd: string, skip?: ReadonlySet<string>): Refusal | undefined {
  return objectRefusal(value, OBJECTS.get(entry)!, path, crd, skip);
}

function objectRefusal(value: any, object: Compiled, path: string, crd: string, skip?: ReadonlySet<string>): Refusal | undefined {
  const keys = Object.keys(value);
  let count = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const schema = object.fields.get(key);
    const v = value[key];
    // A field the schema does not declare is pruned before validation; a null one was dropped.
    if (schema === undefined || v === undefined || v === null) { continue; }
    count++;
    if (skip !== undefined && skip.has(key)) { continue; }
    const refusal = valueRefusal(v, schema, `${path}.${key}`, crd);
    if (refusal !== undefined) { return refusal; }
  }
  for (let i = 0; i < object.required.length; i++) {
    const name = object.required[i];
    if (value[name] === undefined || value[name] === null) { return missingField(path, name, shapeOf(object.fields.get(name)!), crd); }
  }
  if ((object.minProperties !== undefined && count < object.minProperties) || (object.maxProperties !== undefined && count > object.maxProperties)) {
    return countRefusal(path, count, object, crd);
  }
  return undefined;
}

function valueRefusal(v: any, schema: EsoSchema, at: string, crd: string): Refusal | undefined {
  switch (schema.type) {
    case 'string':
      if (typeof v !== 'string') { return wrongType(at, v, 'a string', crd); }
      if (schema.enum !== undefined && !schema.enum.includes(v)) { return notAllowed(at, schema.enum, schema.default, crd); }
      if ((schema.minLength !== undefined && runes(v, schema.minLength) < schema.minLength) || (schema.maxLength !== undefined && runes(v, schema.maxLength) > schema.maxLength)) {
        return lengthRefusal(at, schema.minLength, schema.maxLength, crd);
      }
      if (schema.pattern !== undefined && !PATTERNS.get(schema.pattern)!.test(v)) { return patternRefusal(at, schema.pattern, crd); }
      return undefined;
    case 'boolean':
      return typeof v === 'boolean' ? undefined : wrongType(at, v, 'a boolean', crd);
    case 'object':
      return isPlainObject(v) ? objectRefusal(v, OBJECTS.get(schema.entry)!, at, crd) : wrongType(at, v, 'a mapping', crd);
    case 'map': {
      if (!isPlainObject(v)) { return wrongType(at, v, shapeOf(schema), crd); }
      // The CRDs' maps are of strings: the value's type, not its key (a key may be anything pasted there).
      const other = Object.keys(v).find(key => v[key] !== null && typeof v[key] !== 'string');
      return other === undefined ? undefined : wrongType(at, v, shapeOf(schema), crd, `a mapping holding ${typeName(v[other])}`);
    }
    case 'list': {
      if (!Array.isArray(v)) { return wrongType(at, v, shapeOf(schema), crd); }
      if ((schema.minItems !== undefined && v.length < schema.minItems) || (schema.maxItems !== undefined && v.length > schema.maxItems)) {
        return itemsRefusal(at, schema.minItems, schema.maxItems, crd);
      }
      for (let i = 0; i < v.length; i++) {
        const refusal = valueRefusal(v[i], schema.items, `${at}[${i}]`, crd);
        if (refusal !== undefined) { return refusal; }
      }
      return undefined;
    }
  }
}

/**
 * The length of `text` in runes (code points), as kube-openapi counts it (utf8.RuneCountInString), when that may
 * matter to a bound of `bound`: a string of at most `bound` UTF-16 units holds at most as many runes.
 */
function runes(text: string, bound: number): number {
  if (text.length <= bound) { return text.length; }
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one rune.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { i++; }
    count++;
  }
  return count;
}

/** A schema's type in a message's words. */
export function shapeOf(schema: EsoSchema): string {
  switch (schema.type) {
    case 'string': return 'a string';
    case 'boolean': return 'a boolean';
    case 'object': return 'a mapping';
    case 'map': return 'a map of strings';
    case 'list': return schema.items.type === 'object' ? 'a list of mappings' : `a list of ${shapeOf(schema.items).slice(2)}s`;
  }
}

/** The refusal of `field`, `value` of another type than the CRD's `shape`. */
export function wrongType(field: string, value: unknown, shape: string, crd: string, actual = yamlTypeName(value)): Refusal {
  return {
    field,
    problem: `${field} that is ${actual}, where the ${crd} CRD declares ${shape}, so the api server refuses it`,
    fix: `give ${field} ${shape}, as the ${crd} CRD declares, or remove it`,
  };
}

/**
 * The refusal of the string `field` that is none of the values of its `enum`: names them (they are the CRD's, no
 * secret), never the value given, and the default the API server sets when it is absent, if the CRD has one.
 */
export function notAllowed(field: string, values: readonly string[], defaultValue: string | undefined, crd: string): Refusal {
  const allowed = orList(values);
  return {
    field,
    problem: `${field} that is none of the values the ${crd} CRD allows (${allowed}), so the api server refuses it`,
    fix: `give ${field} one of ${allowed}, or remove it${defaultValue === undefined ? '' : ` for the default, ${defaultValue}`}`,
  };
}

/** `a, b or c`. */
export function orList(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** The refusal of `parent` without `field` (of `shape`), which the CRD requires of it (a null is dropped first, so it is missing too). */
export function missingField(parent: string, field: string, shape: string, crd: string): Refusal {
  return {
    field: `${parent}.${field}`,
    problem: `${parent} without ${field}, which the ${crd} CRD requires, so the api server refuses it`,
    fix: `give ${parent} a ${field} (${shape}), as the ${crd} CRD requires, or remove ${parent}`,
  };
}

function lengthRefusal(field: string, min: number | undefined, max: number | undefined, crd: string): Refusal {
  const bounds = min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
  return {
    field,
    problem: `${field} of a length the ${crd} CRD does not allow (${bounds} characters), so the api server refuses it`,
    fix: `give ${field} ${bounds} characters, or remove it`,
  };
}

function patternRefusal(field: string, pattern: string, crd: string): Refusal {
  const words = PATTERN_WORDS[pattern];
  return {
    field,
    problem: `${field} that is not ${words}, the pattern the ${crd} CRD declares, so the api server refuses it`,
    fix: `give ${field} ${words}, or remove it`,
  };
}

function itemsRefusal(field: string, min: number | undefined, max: number | undefined, crd: string): Refusal {
  const bounds = min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
  return {
    field,
    problem: `${field} of a number of items the ${crd} CRD does not allow (${bounds}), so the api server refuses it`,
    fix: `give ${field} ${bounds} items, or remove it`,
  };
}

function countRefusal(field: string, count: number, object: Compiled, crd: string): Refusal {
  const names = orList([...object.fields.keys()]);
  const { minProperties: min, maxProperties: max } = object;
  const bounds = min === max ? (min === 1 ? 'exactly one' : `exactly ${min}`)
    : min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
  return {
    field,
    problem: `${field} that holds ${count === 0 ? `none of ${names}` : `${count} of its fields (${[...object.fields.keys()].join(', ')})`}, where the ${crd} CRD asks for ${bounds}, `
      + 'so the api server refuses it',
    fix: `give ${field} ${bounds} of ${names}`,
  };
}

/** A field of an ExternalSecret's or ClusterExternalSecret's spec that the CRD does not declare. */
export interface UndeclaredField {
  /** Its path from the object's root: `['spec', 'target', 'creationpolicy']`. */
  readonly parts: readonly (string | number)[];
  /** The fields the object holding it declares, with their schemas: a name spelt alike is the one meant. */
  readonly declared: ReadonlyMap<string, EsoSchema>;
}

/**
 * Each field of `value`, an object of the CRD's entry `entry` at `parts`, that its schema does not declare, in document
 * order, at any depth: the fields apiextensions-apiserver prunes (v0.32.9 pkg/apiserver/schema/pruning/algorithm.go
 * `prune`, run by customresource_handler.go `unstructuredSchemaCoercer.apply` before nulls are dropped, so a null
 * field counts too), which kubectl's default --validate=strict turns into `unknown field "spec..."`. A map's keys are
 * any (`additionalProperties`: template data, labels, a provider's tags), so only its values are walked. A value of
 * another type than its schema's is not walked: the API server refuses it for its type (`schemaRefusal`, the shape
 * rule). An object of x-kubernetes-preserve-unknown-fields keeps any field, and only its declared ones are walked
 * (algorithm.go `skipPrune`); the CRDs of v2.9.0 hold none in a spec.
 */
export function undeclaredFields(value: unknown, entry: string, parts: readonly (string | number)[]): UndeclaredField[] {
  const out: UndeclaredField[] = [];
  if (isPlainObject(value)) { undeclaredIn(value, OBJECTS.get(entry)!, [...parts], out); }
  return out;
}

function undeclaredIn(value: Record<string, unknown>, object: Compiled, parts: (string | number)[], out: UndeclaredField[]): void {
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const schema = object.fields.get(keys[i]);
    parts.push(keys[i]);
    if (schema === undefined) {
      if (!object.preservesUnknownFields) { out.push({ parts: parts.slice(), declared: object.fields }); }
    } else {
      undeclaredOf(value[keys[i]], schema, parts, out);
    }
    parts.pop();
  }
}

function undeclaredOf(v: unknown, schema: EsoSchema, parts: (string | number)[], out: UndeclaredField[]): void {
  if (schema.type === 'object' && isPlainObject(v)) {
    undeclaredIn(v, OBJECTS.get(schema.entry)!, parts, out);
  } else if (schema.type === 'list' && Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      parts.push(i);
      undeclaredOf(v[i], schema.items, parts, out);
      parts.pop();
    }
  } else if (schema.type === 'map' && schema.values.type !== 'string' && isPlainObject(v)) {
    for (const key of Object.keys(v)) {
      parts.push(key);
      undeclaredOf(v[key], schema.values, parts, out);
      parts.pop();
    }
  }
}
