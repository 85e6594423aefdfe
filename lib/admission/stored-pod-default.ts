// A PodDefault as the API server stores it, and so as the webhook lists it (main.go L654) and `kubectl get`
// shows it. Decoding a custom resource, apiextensions-apiserver (pkg/apiserver/customresource_handler.go,
// unstructuredSchemaCoercer.apply, and unstructuredDefaulter) runs, in this order:
// - pruning (pkg/apiserver/schema/pruning/algorithm.go): a field its structural schema does not declare is
//   deleted, at any depth; apiVersion, kind and metadata are set back afterwards. With `kubectl apply`'s
//   default `--validate=strict` (server-side field validation, GA in Kubernetes 1.27, KEP-2885) the request
//   is refused instead ("strict decoding error: unknown field ..."); `--validate=warn` or `false` stores it
//   pruned.
// - PruneNonNullableNullsWithoutDefaults (pkg/apiserver/schema/defaulting/prunenulls.go): a null field or
//   map value is deleted unless its schema is nullable (none in the PodDefault CRD) or has a default; a
//   null list item is kept.
// - Default (pkg/apiserver/schema/defaulting/algorithm.go): a field with a default that is absent or null is
//   set to it (the CRD's one default: a container port's `protocol: TCP`).
// The fields are those of the PodDefault CRD of Kubeflow 1.10 (`poddefault-crd-fields.ts`). A value of the
// wrong type is kept as it is: the API server's validation then refuses the PodDefault, whatever kubectl's
// --validate says (it is schema validation, not field validation), which the walk records as a Refusal:
// - a value of another type than its schema's (kube-openapi pkg/validation/validate/type.go, typeValidator):
//   an integer is a JSON number without fraction (kubectl sends YAML `1.0` as `1`: test/check/field-type.test.ts
//   records it), an int-or-string an integer or a string, a number any number; a null list item is refused (the
//   schema is not nullable), a null field or map value was dropped before. An integer's `format: int32` is not
//   checked (apiextensions-apiserver strips it, StripUnsupportedFormatsPostProcess): the walk records one past
//   int32 all the same, as the webhook cannot decode it (`INT32_OVERFLOW`);
// - a string that does not match its pattern (stringValidator): a resource quantity's, on int-or-string fields;
// - a required field that is absent once nulls are dropped (object_validator.go);
// - two items of an `x-kubernetes-list-type: map` list (a container's ports) with the same keys
//   (apiextensions-apiserver pkg/apiserver/schema/listtype/validation.go), the defaults set.
import { shownName } from '../names';
import { withoutNulls } from './manifest';
import { PODDEFAULT_CRD_FIELDS, PODDEFAULT_CRD_LIST_MAP_KEYS, PODDEFAULT_CRD_PATTERNS, PODDEFAULT_CRD_REQUIRED } from './poddefault-crd-fields';

/** The type of a scalar field, as the CRD's table names it. */
type ScalarType = 'string' | 'boolean' | 'integer' | 'number' | 'int-or-string';

/** The schema of one field: a scalar, an object of declared fields, or a list or map of one. */
type FieldType =
  | { readonly kind: 'scalar'; readonly scalar: ScalarType; readonly pattern?: RegExp; readonly patternName?: string; readonly int32?: boolean }
  | { readonly kind: 'object'; readonly fields: ObjectType }
  | { readonly kind: 'list'; readonly item: FieldType; readonly mapKeys?: readonly string[] }
  | { readonly kind: 'map'; readonly item: FieldType };

/**
 * One reason the API server's validation refuses a PodDefault, as stored (pruned, nulls dropped, defaults set),
 * or, a type refusal whose `found` is `NEAR_WHOLE_NUMBER` or `INT32_OVERFLOW`, an integer it stores that the
 * webhook cannot decode. It holds no part of a value: the kind of value found, at most.
 *
 * @internal
 */
export type Refusal =
  /** `path` holds a value of another type than `expected` (`found` says which: `a string`, `null`...). */
  | { readonly reason: 'type'; readonly path: string; readonly expected: ExpectedType; readonly found: string }
  /** `path` holds a string that does not match the pattern named `pattern`. */
  | { readonly reason: 'pattern'; readonly path: string; readonly pattern: string }
  /** The object at `parent` lacks its required field `field`; `path` is the field's. */
  | { readonly reason: 'required'; readonly path: string; readonly parent: string; readonly field: string }
  /** The list item at `path` has the same `keys` as the one at `first`. */
  | { readonly reason: 'duplicate'; readonly path: string; readonly first: string; readonly keys: readonly string[] };

/** What a schema asks for: a scalar type, or `object`, `list` or `map`. @internal */
export type ExpectedType = ScalarType | 'object' | 'list' | 'map';

interface DeclaredField {
  readonly type: FieldType;
  /** What the API server sets when the field is absent or null (a scalar: the generator allows no other). */
  readonly default?: string | number | boolean;
}

/** The declared fields of an object schema, in a Map: a field named `constructor` is no declared field. */
interface ObjectType {
  readonly fields: Map<string, DeclaredField>;
  /** The fields with a default, applied when absent. */
  readonly defaults: readonly string[];
  /** The fields the object must have. */
  readonly required: readonly string[];
}

const NO_STRINGS: readonly string[] = [];
const NO_FIELDS: ObjectType = { fields: new Map(), defaults: NO_STRINGS, required: NO_STRINGS };
/** The range of Go's int32, the width of the fields the PodDefault CRD declares `format: int32`. */
const MIN_INT32 = -(2 ** 31);
const MAX_INT32 = 2 ** 31 - 1;
/** The range of Go's int64, which the API server decodes a JSON number without fraction or exponent into. */
const MIN_INT64 = -(2 ** 63);
const MAX_INT64_EXCLUSIVE = 2 ** 63;

/** The CRD's table, compiled once: each entry to one ObjectType, shared by the fields that refer to it. */
const ROOT: ObjectType = compile();

function compile(): ObjectType {
  const compiled = new Map<string, ObjectType>();
  const entry = (name: string): ObjectType => {
    const known = compiled.get(name);
    if (known !== undefined) { return known; }
    const table = PODDEFAULT_CRD_FIELDS[name];
    if (table === undefined) { throw new Error(`poddefault-crd-fields: no entry ${name}`); }
    const fields = new Map<string, DeclaredField>();
    const defaults: string[] = [];
    const object: ObjectType = { fields, defaults, required: PODDEFAULT_CRD_REQUIRED[name] ?? NO_STRINGS };
    compiled.set(name, object);
    const mapKeys = PODDEFAULT_CRD_LIST_MAP_KEYS[name];
    for (const field of Object.keys(table)) {
      const declared = table[field];
      const eq = declared.indexOf('=');
      const type = typeOf(eq < 0 ? declared : declared.slice(0, eq));
      const keys = mapKeys?.[field];
      const withKeys: FieldType = keys !== undefined && type.kind === 'list' ? { kind: 'list', item: type.item, mapKeys: keys } : type;
      if (eq < 0) {
        fields.set(field, { type: withKeys });
      } else {
        fields.set(field, { type: withKeys, default: JSON.parse(declared.slice(eq + 1)) });
        defaults.push(field);
      }
    }
    return object;
  };
  const typeOf = (type: string): FieldType => {
    if (type.startsWith('[]')) { return { kind: 'list', item: typeOf(type.slice(2)) }; }
    if (type.startsWith('map[]')) { return { kind: 'map', item: typeOf(type.slice(5)) }; }
    const tilde = type.indexOf('~');
    const base = tilde < 0 ? type : type.slice(0, tilde);
    switch (base) {
      // The table's integer of format int64 is any integer the API server takes (it checks 64 bits); one of format
      // int32 is, in the webhook's Go field, an int32.
      case 'int64': return { kind: 'scalar', scalar: 'integer' };
      case 'int32': return { kind: 'scalar', scalar: 'integer', int32: true };
      case 'string':
      case 'boolean':
      case 'integer':
      case 'number':
      case 'int-or-string': {
        // An int-or-string without a pattern (a probe's port) is an intstr.IntOrString, whose integer is an int32
        // (IntVal, k8s.io/apimachinery pkg/util/intstr/intstr.go, UnmarshalJSON); with the quantity pattern, a
        // resource.Quantity, which holds any number.
        if (tilde < 0) { return base === 'int-or-string' ? { kind: 'scalar', scalar: base, int32: true } : { kind: 'scalar', scalar: base }; }
        const patternName = type.slice(tilde + 1);
        return { kind: 'scalar', scalar: base, pattern: new RegExp(PODDEFAULT_CRD_PATTERNS[patternName]), patternName };
      }
      case 'object': return { kind: 'object', fields: NO_FIELDS };
      default: return { kind: 'object', fields: entry(type) };
    }
  };
  return entry('');
}

/** The root fields the API server keeps whatever the schema says. */
const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * The fields the PodDefault CRD declares beside the field at `parts` (`['spec', 'volumeMounts', 0, 'mountpath']`):
 * those of the object that holds it, with apiVersion, kind and metadata at the root; none where the path leaves
 * the schema. For naming the field a misspelt one meant.
 *
 * @internal
 */
export function declaredBeside(parts: readonly (string | number)[]): readonly string[] {
  let type: FieldType = { kind: 'object', fields: ROOT };
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    if (type.kind === 'list' && typeof part === 'number') {
      type = type.item;
    } else if (type.kind === 'map' && typeof part === 'string') {
      type = type.item;
    } else if (type.kind === 'object' && typeof part === 'string' && type.fields.fields.has(part)) {
      type = type.fields.fields.get(part)!.type;
    } else {
      return NO_STRINGS;
    }
  }
  if (type.kind !== 'object') { return NO_STRINGS; }
  const declared = [...type.fields.fields.keys()];
  return parts.length === 1 ? [...META_FIELDS, ...declared] : declared;
}

/**
 * A copy of the PodDefault `manifest` as the API server stores it: fields the PodDefault CRD does not
 * declare pruned (a sidecar's `restartPolicy`, a mount's `recursiveReadOnly`, an `image` volume's source,
 * a misspelt field), null fields and map values dropped, a container port's `protocol` defaulted to `TCP`.
 * Shares nothing with `manifest`.
 *
 * @internal
 */
export function storedPodDefault(manifest: any): any {
  return withoutNulls(storeFields(manifest));
}

/**
 * `manifest` as the API server stores it, but for its metadata (kept as written), `manifest` itself when it
 * stores it as it is, else a copy that shares the unchanged parts. `pruned` gets the path of each field pruned (`spec.volumes[0].image`), in
 * document order; `refused` each reason the API server's validation then refuses it, in document order (an
 * object's missing fields after its fields). Linear in the size of `manifest`: the check runs it on every
 * PodDefault of the app; a path is made only for a field pruned or refused.
 *
 * @internal
 */
export function storeFields(manifest: any, pruned?: string[], refused?: Refusal[]): any {
  if (!isObject(manifest)) { return manifest; }
  const walk = new Walk(pruned, refused);
  let out: Record<string, any> | undefined;
  const keys = Object.keys(manifest);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = manifest[key];
    if (META_FIELDS.has(key)) {
      if (out !== undefined) { out[key] = value; }
      continue;
    }
    walk.path.push(key);
    const next = walk.field(ROOT, key, value);
    walk.path.pop();
    if (next !== value && out === undefined) { out = firstKeys(manifest, keys, i); }
    if (out !== undefined && next !== undefined) { out[key] = next; }
  }
  return out ?? manifest;
}

/** One walk of a PodDefault, with the path to where it is, built into a string only for a pruned field. */
class Walk {
  /** The field names and list indices from the root to the value at hand. */
  public readonly path: (string | number)[] = [];

  public constructor(private readonly pruned: string[] | undefined, private readonly refused: Refusal[] | undefined) {}

  /**
   * What is stored of `object`'s field `key`, whose value is `value` (the path ends with `key`):
   * `undefined` when it is dropped.
   */
  public field(object: ObjectType, key: string, value: unknown): unknown {
    const declared = object.fields.get(key);
    if (declared === undefined) {
      this.pruned?.push(pathText(this.path));
      return undefined;
    }
    if (value === null || value === undefined) { return declared.default; }
    return this.value(declared.type, value);
  }

  public value(type: FieldType, value: any): unknown {
    switch (type.kind) {
      case 'scalar':
        if (this.refused !== undefined) { this.scalar(type, value); }
        return value;
      case 'object':
        if (isObject(value)) { return this.object(type.fields, value); }
        break;
      case 'list':
        if (Array.isArray(value)) {
          const list = this.list(type.item, value);
          if (type.mapKeys !== undefined && this.refused !== undefined && list.length > 1) { this.mapKeys(type.mapKeys, list); }
          return list;
        }
        break;
      case 'map':
        if (isObject(value)) { return this.map(type.item, value); }
        break;
    }
    this.refuseType(type.kind, value);
    return value;
  }

  /** Records a refusal of the scalar `value` for `type`, if the API server refuses it. */
  private scalar(type: FieldType & { kind: 'scalar' }, value: unknown): void {
    switch (type.scalar) {
      case 'string':
        if (typeof value !== 'string') { return this.refuseType(type.scalar, value); }
        break;
      case 'boolean':
        if (typeof value !== 'boolean') { this.refuseType(type.scalar, value); }
        return;
      case 'integer':
        if (!isInteger(value)) {
          this.refuseType(type.scalar, value);
        } else if (type.int32 === true) {
          this.refuseWiderThanInt32(type.scalar, value as number);
        }
        return;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) { this.refuseType(type.scalar, value); }
        return;
      case 'int-or-string':
        if (typeof value !== 'string') {
          // A quantity (resource.Quantity) reads a number with a fraction as it is: one kube-openapi takes for an
          // integer is stored, and every Go client decodes it.
          const quantity = type.patternName === 'quantity' && typeof value === 'number' && isFloat64AJsonInteger(value);
          if (!isInteger(value) && !quantity) {
            this.refuseType(type.scalar, value);
          } else if (type.int32 === true) {
            this.refuseWiderThanInt32(type.scalar, value as number);
          }
          return;
        }
        break;
    }
    // A pattern applies to a string only (kube-openapi stringValidator), an int-or-string's integer passes.
    if (type.pattern !== undefined && !type.pattern.test(value as string)) {
      this.refused!.push({ reason: 'pattern', path: pathText(this.path), pattern: type.patternName! });
    }
  }

  private refuseType(expected: ExpectedType, value: unknown): void {
    this.refused?.push({ reason: 'type', path: pathText(this.path), expected, found: kindOf(value, expected) });
  }

  /** Records `value`, an integer the API server stores, when the webhook's int32 field cannot hold it (`INT32_OVERFLOW`). */
  private refuseWiderThanInt32(expected: ExpectedType, value: number): void {
    if (value < MIN_INT32 || value > MAX_INT32) { this.refused!.push({ reason: 'type', path: pathText(this.path), expected, found: INT32_OVERFLOW }); }
  }

  /**
   * Records each item of `list` (as stored: its defaults set) whose `keys` repeat an earlier item's. An item
   * that lacks a key, or holds one of another type, is refused for that already, and left out.
   */
  private mapKeys(keys: readonly string[], list: readonly any[]): void {
    let seen: Map<string, number> | undefined;
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (!isObject(item)) { continue; }
      let id = '';
      for (let k = 0; k < keys.length; k++) {
        const key = item[keys[k]];
        if (typeof key !== 'string' && !isInteger(key)) {
          id = '';
          break;
        }
        id += JSON.stringify(key) + ',';
      }
      if (id === '') { continue; }
      seen ??= new Map();
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, i);
        continue;
      }
      this.path.push(first);
      const firstPath = pathText(this.path);
      this.path[this.path.length - 1] = i;
      this.refused!.push({ reason: 'duplicate', path: pathText(this.path), first: firstPath, keys });
      this.path.pop();
    }
  }

  private object(type: ObjectType, value: Record<string, any>): Record<string, any> {
    let out: Record<string, any> | undefined;
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const child = value[key];
      this.path.push(key);
      const next = this.field(type, key, child);
      this.path.pop();
      if (next !== child && out === undefined) { out = firstKeys(value, keys, i); }
      if (out !== undefined && next !== undefined) { out[key] = next; }
    }
    for (let d = 0; d < type.defaults.length; d++) {
      const key = type.defaults[d];
      if (!Object.prototype.hasOwnProperty.call(value, key)) {
        out ??= firstKeys(value, keys, keys.length);
        out[key] = type.fields.get(key)!.default;
      }
    }
    const stored = out ?? value;
    if (this.refused !== undefined) {
      for (let r = 0; r < type.required.length; r++) {
        const key = type.required[r];
        // A null field was dropped above: the API server prunes nulls before it validates.
        if (stored[key] === undefined || !Object.prototype.hasOwnProperty.call(stored, key)) {
          const parent = pathText(this.path);
          this.path.push(key);
          this.refused.push({ reason: 'required', path: pathText(this.path), parent, field: key });
          this.path.pop();
        }
      }
    }
    return stored;
  }

  private list(item: FieldType, value: readonly any[]): readonly any[] {
    let out: any[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const child = value[i];
      // A null item is kept (PruneNonNullableNullsWithoutDefaults deletes map entries only), and refused:
      // no schema of the CRD is nullable.
      if (child === null || child === undefined) {
        if (this.refused !== undefined) {
          this.path.push(i);
          this.refuseType(itemExpected(item), null);
          this.path.pop();
        }
        if (out !== undefined) { out.push(child); }
        continue;
      }
      this.path.push(i);
      const next = this.value(item, child);
      this.path.pop();
      if (next !== child && out === undefined) { out = value.slice(0, i); }
      if (out !== undefined) { out.push(next); }
    }
    return out ?? value;
  }

  private map(item: FieldType, value: Record<string, any>): Record<string, any> {
    let out: Record<string, any> | undefined;
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const child = value[key];
      let next: unknown;
      if (child !== null && child !== undefined) {
        this.path.push(key);
        next = this.value(item, child);
        this.path.pop();
      }
      if (next !== child && out === undefined) { out = firstKeys(value, keys, i); }
      if (out !== undefined && next !== undefined) { out[key] = next; }
    }
    return out ?? value;
  }
}

/** What a schema asks for, as a Refusal names it. */
function itemExpected(type: FieldType): ExpectedType {
  return type.kind === 'scalar' ? type.scalar : type.kind;
}

/**
 * Whether the API server takes `value` as an integer: a JSON number without fraction. kubectl sends a YAML
 * `1.0` or `1e3` as `1` and `1000` (Go's float64 JSON), and a whole number as its digits, which the API server
 * decodes into an int64 (sigs.k8s.io/json), or, beyond int64, into a float64 that kube-openapi's
 * IsFloat64AJSONInteger refuses past 2^53.
 */
export function isInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_INT64 && value < MAX_INT64_EXCLUSIVE;
}

/** Whether `value` is an integer that decodes into a Go int32 (a field of `format: int32` in the webhook's structs). @internal */
export function isInt32(value: unknown): value is number {
  return isInteger(value) && (value as number) >= MIN_INT32 && (value as number) <= MAX_INT32;
}

/**
 * Whether kube-openapi takes the float64 `f` for an integer where a schema says `integer`: its typeValidator
 * (k8s.io/kube-openapi pkg/validation/validate/type.go, `isFloatInt`) asks go-openapi/swag's
 * IsFloat64AJSONInteger (convert.go; swag v0.23.0, the version kubernetes release-1.32's go.mod pins, and
 * the body of every tag from v0.16.0 to v0.23.1):
 *
 *   if math.IsNaN(f) || math.IsInf(f, 0) || f < minJSONFloat || f > maxJSONFloat { return false }  // ±(2^53 - 1)
 *   fa := math.Abs(f); g := float64(uint64(f)); ga := math.Abs(g); diff := math.Abs(f - g)
 *   switch {
 *   case f == g: return true
 *   case f == float64(int64(f)) || f == float64(uint64(f)): return true
 *   case f == 0 || g == 0 || diff < math.SmallestNonzeroFloat64: return diff < (epsilon * math.SmallestNonzeroFloat64)
 *   }
 *   return diff/math.Min(fa+ga, math.MaxFloat64) < epsilon  // epsilon = 1e-9
 *
 * So a fraction passes when it is at least 1 and its fractional part is under 1e-9 of itself and its whole
 * part together (`1.0000000001`, `1000000.001`); below 1 `g` is 0 and the bound `1e-9 * 5e-324` is 0,
 * so none does. For a negative `f`, Go's `uint64(f)` is implementation-defined (2^64 minus the truncation on
 * amd64, 0 on arm64): either way the relative difference is about 1, or `g` is 0, so no negative fraction
 * passes. The API server decodes a JSON number with a fraction or an exponent into a float64
 * (sigs.k8s.io/json, UnmarshalCaseSensitivePreserveInts), and kubectl writes a YAML float as Go's float64
 * does, so `f` is the double the manifest holds. Every operation here is IEEE 754 in both languages.
 */
export function isFloat64AJsonInteger(f: number): boolean {
  if (!Number.isFinite(f) || f < -MAX_JSON_FLOAT || f > MAX_JSON_FLOAT) { return false; }
  if (Number.isInteger(f)) { return true; }
  if (f < 0) { return false; }
  const g = Math.trunc(f);
  const diff = Math.abs(f - g);
  if (g === 0 || diff < Number.MIN_VALUE) { return diff < 1e-9 * Number.MIN_VALUE; }
  return diff / Math.min(f + g, Number.MAX_VALUE) < 1e-9;
}

/** swag's maxJSONFloat: 2^53 - 1. */
const MAX_JSON_FLOAT = 2 ** 53 - 1;

/**
 * `found` of a type refusal of an integer field (or an int-or-string one other than a quantity) holding a
 * number with a fraction that kube-openapi takes for an integer (isFloat64AJsonInteger): the API server stores
 * it, fraction and all.
 */
export const NEAR_WHOLE_NUMBER = 'a number with a tiny fraction (under 1e-9 of the number)';

/**
 * `found` of a type refusal of an integer the API server stores, beyond the int32 of the webhook's Go field: a field
 * of `format: int32` (a container port, a probe's seconds, a volume's defaultMode), whose format the API server
 * strips and does not check (StripUnsupportedFormatsPostProcess, apiextensions-apiserver v0.32.0
 * pkg/apiserver/validation/formats.go: int32 is not among its supportedFormats, so kube-openapi's numberValidator,
 * IsValueValidAgainstRange in pkg/validation/validate/values.go, checks the default, int64), or an int-or-string
 * port (intstr.IntOrString's IntVal). The webhook reads the namespace's PodDefaults into its Go structs, the core/v1
 * types (kubeflow/kubeflow components/admission-webhook pkg/apis/settings/v1alpha1/poddefault_types.go), where the
 * JSON decoder refuses a number its int32 overflows (sigs.k8s.io/json internal/golang/encoding/json/decode.go,
 * literalStore: `strconv.ParseInt(item, 10, 64)` then `v.OverflowInt(n)`, "cannot unmarshal number ... of type
 * int32"; encoding/json's is the same): it refuses every pod of the namespace, as for `NEAR_WHOLE_NUMBER`.
 */
export const INT32_OVERFLOW = 'a whole number beyond 32 bits';

/** The kind of `value`, in the words of a message, against `expected`; never any part of the value. */
function kindOf(value: unknown, expected: ExpectedType): string {
  if (value === null || value === undefined) { return 'null'; }
  if (Array.isArray(value)) { return 'a list'; }
  switch (typeof value) {
    case 'string': return 'a string';
    case 'boolean': return 'a boolean';
    case 'number':
      if (!Number.isFinite(value)) { return 'a number JSON cannot hold'; }
      if (Number.isInteger(value)) { return expected === 'integer' || expected === 'int-or-string' ? 'a whole number beyond 64 bits' : 'a number'; }
      if (expected !== 'integer' && expected !== 'int-or-string') { return 'a number'; }
      return isFloat64AJsonInteger(value) ? NEAR_WHOLE_NUMBER : 'a number with a fraction';
    case 'object': return 'a mapping';
    default: return `a ${typeof value}`;
  }
}

/**
 * A path as messages write it: `spec.volumes[0].image`, a name that is no identifier in brackets (`a["b.c"]`).
 *
 * @internal
 */
export function pathText(path: readonly (string | number)[]): string {
  let text = '';
  for (let i = 0; i < path.length; i++) { text += partText(path[i], i === 0); }
  return text;
}

/** One part of a path as `pathText` writes it: `[0]`, `.name` (`name` first), `["b.c"]`. */
function partText(part: string | number, first: boolean): string {
  if (typeof part === 'number') { return `[${part}]`; }
  if (/^[A-Za-z_$][\w$-]*$/.test(part)) { return first ? part : `.${part}`; }
  return `[${JSON.stringify(part)}]`;
}

/**
 * A path as a message shows it: `pathText`, with each part written in the input that may be a credential pasted where
 * a field name or key goes described, not shown (`metadata.annotations[(key not shown, as it may be a secret: 300
 * characters, a space at character 17)]`, names.ts shownName). `pathText` stays the data: `pathParts` reads it back.
 *
 * @internal
 */
export function shownPath(path: readonly (string | number)[]): string {
  let text = '';
  for (let i = 0; i < path.length; i++) { text += shownPart(path[i], i === 0); }
  return text;
}

/**
 * One part of a path as `shownPath` writes it, after others unless `first`: `.name`, `["b.c"]`, `[(key not shown, ...)]`.
 *
 * @internal
 */
export function shownPart(part: string | number, first = false): string {
  const shown = typeof part === 'string' ? shownName(part, 'key') : part;
  return shown === part ? partText(part, first) : `[${shown}]`;
}

/**
 * The parts of a path as `pathText` writes it: `spec.volumes[0]["a.b"]` is `spec`, `volumes`, 0, `a.b`.
 *
 * @internal
 */
export function pathParts(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  const part = /\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let match: RegExpExecArray | null;
  while ((match = part.exec(path)) !== null) {
    parts.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : JSON.parse(match[3])));
    if (part.lastIndex === path.length) { break; }
  }
  return parts;
}

/** A copy of `value`'s first `count` keys (of `keys`, its keys): where a walk found the first change. */
function firstKeys(value: Record<string, any>, keys: readonly string[], count: number): Record<string, any> {
  const out: Record<string, any> = {};
  for (let i = 0; i < count; i++) {
    if (value[keys[i]] !== undefined) { out[keys[i]] = value[keys[i]]; }
  }
  return out;
}

function isObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
