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
// wrong type is kept as it is: the API server's validation refuses it, which the check's shape rule reports.
import { withoutNulls } from './manifest';
import { PODDEFAULT_CRD_FIELDS } from './poddefault-crd-fields';

/** The schema of one field: a scalar, an object of declared fields, or a list or map of one. */
type FieldType =
  | { readonly kind: 'scalar' }
  | { readonly kind: 'object'; readonly fields: ObjectType }
  | { readonly kind: 'list' | 'map'; readonly item: FieldType };

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
}

const SCALAR: FieldType = { kind: 'scalar' };
const NO_FIELDS: ObjectType = { fields: new Map(), defaults: [] };

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
    const object: ObjectType = { fields, defaults };
    compiled.set(name, object);
    for (const field of Object.keys(table)) {
      const declared = table[field];
      const eq = declared.indexOf('=');
      if (eq < 0) {
        fields.set(field, { type: typeOf(declared) });
      } else {
        fields.set(field, { type: typeOf(declared.slice(0, eq)), default: JSON.parse(declared.slice(eq + 1)) });
        defaults.push(field);
      }
    }
    return object;
  };
  const typeOf = (type: string): FieldType => {
    if (type.startsWith('[]')) { return { kind: 'list', item: typeOf(type.slice(2)) }; }
    if (type.startsWith('map[]')) { return { kind: 'map', item: typeOf(type.slice(5)) }; }
    switch (type) {
      case 'string':
      case 'boolean':
      case 'integer':
      case 'number':
      case 'int-or-string': return SCALAR;
      case 'object': return { kind: 'object', fields: NO_FIELDS };
      default: return { kind: 'object', fields: entry(type) };
    }
  };
  return entry('');
}

/** The root fields the API server keeps whatever the schema says. */
const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

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
 * document order. Linear in the size of `manifest`: the check runs it on every PodDefault of the app.
 *
 * @internal
 */
export function storeFields(manifest: any, pruned?: string[]): any {
  if (!isObject(manifest)) { return manifest; }
  const walk = new Walk(pruned);
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

  public constructor(private readonly pruned: string[] | undefined) {}

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
      case 'scalar': return value;
      case 'object': return isObject(value) ? this.object(type.fields, value) : value;
      case 'list': return Array.isArray(value) ? this.list(type.item, value) : value;
      case 'map': return isObject(value) ? this.map(type.item, value) : value;
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
    return out ?? value;
  }

  private list(item: FieldType, value: readonly any[]): readonly any[] {
    let out: any[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const child = value[i];
      // A null item is kept (PruneNonNullableNullsWithoutDefaults deletes map entries only).
      if (child === null || child === undefined) {
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

/** A path as messages write it: `spec.volumes[0].image`, a name that is no identifier in brackets (`a["b.c"]`). */
function pathText(path: readonly (string | number)[]): string {
  let text = '';
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    if (typeof part === 'number') {
      text += `[${part}]`;
    } else if (/^[A-Za-z_$][\w$-]*$/.test(part)) {
      text += i === 0 ? part : `.${part}`;
    } else {
      text += `[${JSON.stringify(part)}]`;
    }
  }
  return text;
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
