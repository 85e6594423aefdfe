// Equality as the webhook sees it: each PodDefault is decoded into the typed structs of k8s.io/api
// core/v1 (main.go L654 lists them through a typed client) of the version the webhook is built with,
// v0.28.1 (`webhook-v1-types.ts`), and two entries of one name are compared with
// reflect.DeepEqual (main.go L212, L256, L308, L320, L360, L407, L450). Decoding is what makes
// equality differ from comparing manifests: an absent field and a zero plain field (`readOnly: false`,
// `initialDelaySeconds: 0`) decode alike; an absent list (nil) and an empty one (`items: []`, kept as
// written by the API server for a custom resource) do not, nor an absent pointer and its zero
// (`optional: false`); `sizeLimit: 1` and `"1"` parse to one resource.Quantity; fields the struct does
// not know are dropped, such as those k8s.io/api added after v0.28.1 (`recursiveReadOnly`, an `image` volume).
import { parseQuantity, quantityKey, quantityText } from './quantity';
import { WEBHOOK_V1_STRUCTS } from './webhook-v1-types';

/** The key of a zero value: what a field decodes to when it is absent. */
const ZERO = '';

/**
 * A key of `value` decoded into the Go type `type` (a `WEBHOOK_V1_STRUCTS` type): two values have one key
 * exactly when reflect.DeepEqual finds them equal once decoded. `''` for the zero value of the type.
 */
export function goKey(value: unknown, type: string): string {
  if (value === undefined || value === null) { return ZERO; }
  switch (type) {
    case 'string': return typeof value === 'string' ? (value === '' ? ZERO : JSON.stringify(value)) : opaque(value);
    case 'bool': return typeof value === 'boolean' ? (value ? 't' : ZERO) : opaque(value);
    case 'int':
    case 'float': return typeof value === 'number' ? (value === 0 ? ZERO : String(value)) : opaque(value);
    case 'quantity': {
      const text = quantityText(value);
      const parsed = text === undefined ? undefined : parseQuantity(text);
      return parsed === undefined ? opaque(value) : `q(${quantityKey(parsed)})`;
    }
    // intstr.IntOrString: a string keeps its text; a number is an int, whose zero is the struct's zero.
    case 'intstr': return typeof value === 'string' ? `s${JSON.stringify(value)}` : typeof value === 'number' ? (value === 0 ? ZERO : `i${value}`) : opaque(value);
    case 'time':
    case 'bytes':
    case 'raw': return opaque(value);
  }
  if (type.startsWith('*')) { return `&${goKey(value, type.slice(1))}`; }
  // Built by concatenation: every key is a JSON string or number, or bracketed, so the result is as
  // unambiguous as JSON; the check computes one for each entry that shares its name with another.
  if (type.startsWith('[]')) {
    if (!Array.isArray(value)) { return opaque(value); }
    const item = type.slice(2);
    let key = '[';
    for (let i = 0; i < value.length; i++) { key += `${i === 0 ? '' : ','}${goKey(value[i], item)}`; }
    return `${key}]`;
  }
  if (type.startsWith('map[]')) {
    if (typeof value !== 'object' || Array.isArray(value)) { return opaque(value); }
    const item = type.slice(5);
    const keys = Object.keys(value).sort();
    let key = '<';
    for (let i = 0; i < keys.length; i++) { key += `${i === 0 ? '' : ','}${JSON.stringify(keys[i])}:${goKey((value as any)[keys[i]], item)}`; }
    return `${key}>`;
  }
  const fields = WEBHOOK_V1_STRUCTS[type];
  if (fields === undefined) { throw new Error(`goKey: no Go type ${type}`); }
  if (typeof value !== 'object' || Array.isArray(value)) { return opaque(value); }
  let key = '';
  for (const field in fields) {
    const child = (value as any)[field];
    if (child === undefined || child === null) { continue; }
    const childKey = goKey(child, goType(fields[field]));
    if (childKey !== ZERO) { key += `${key === '' ? '{' : ','}${field}:${childKey}`; }
  }
  return key === '' ? ZERO : `${key}}`;
}

/** Whether two manifest values of the Go type `type` are equal as reflect.DeepEqual sees them decoded. */
export function goDeepEqual(a: unknown, b: unknown, type: string): boolean {
  return a === b || goKey(a, type) === goKey(b, type);
}

/**
 * `value` as the webhook holds it once decoded into the Go type `type` (a `WEBHOOK_V1_STRUCTS` type) and
 * encoded again, as far as fields go: a field the struct does not know is dropped, everything else is kept
 * as written (empty lists too: the webhook's typed value still tells them from nil).
 */
export function goDecode(value: any, type: string): any {
  if (value === undefined || value === null) { return value; }
  if (type.startsWith('*')) { return goDecode(value, type.slice(1)); }
  if (type.startsWith('[]')) { return Array.isArray(value) ? value.map(item => goDecode(item, type.slice(2))) : value; }
  if (type.startsWith('map[]')) {
    if (typeof value !== 'object' || Array.isArray(value)) { return value; }
    const out: Record<string, any> = {};
    for (const key of Object.keys(value)) { out[key] = goDecode(value[key], type.slice(5)); }
    return out;
  }
  const fields = WEBHOOK_V1_STRUCTS[type];
  if (fields === undefined || typeof value !== 'object' || Array.isArray(value)) { return value; }
  const out: Record<string, any> = {};
  for (const key of Object.keys(value)) {
    const declared = fields[key];
    if (declared !== undefined) { out[key] = goDecode(value[key], goType(declared)); }
  }
  return out;
}

/** A field's type without the table's `!` (no `omitempty`) mark. */
export function goType(declared: string): string {
  return declared.endsWith('!') ? declared.slice(0, -1) : declared;
}

/**
 * A value Go cannot decode into the field (a number for a string...): the API server refuses such an
 * object, so it never reaches the webhook; it is kept apart from every value that decodes.
 */
function opaque(value: unknown): string {
  return `?${JSON.stringify(value)}`;
}
