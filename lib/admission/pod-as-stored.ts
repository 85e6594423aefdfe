// A pod as the API server stores it (and `kubectl get pod -o yaml` shows it), as far as Go's
// encoding/json shapes it: the webhook and the API server decode the pod into the core/v1 structs and
// marshal it again (main.go L627, L706), so a field tagged `omitempty` whose value is the zero of its
// type is left out (`readOnly: false`, a toleration's `key: ""`, `args: []`, `labels: {}`), a pointer keeps
// its zero (`optional: false`, `defaultMode: 0`), a struct is kept even when empty (`emptyDir: {}`,
// `resources: {}`), a quantity is written in canonical form (`1024Mi` as `1Gi`), and a field the struct
// does not know is dropped. The API server's defaulting (`defaultMode: 420`, `terminationMessagePath`...)
// is not modelled. The types are those of `core-v1-types.ts`.
import { CORE_V1_STRUCTS } from './core-v1-types';
import { goType } from './go-equal';
import { canonicalQuantity, parseQuantity, quantityText } from './quantity';

/**
 * A copy of `pod` as Go's encoding/json writes it once decoded into a core/v1 Pod.
 */
export function podAsStored(pod: any): any {
  return shape(pod, 'Pod');
}

function shape(value: any, type: string): any {
  if (value === undefined || value === null) { return zeroOf(type); }
  if (type.startsWith('*')) { return shape(value, type.slice(1)); }
  if (type.startsWith('[]')) { return Array.isArray(value) ? value.map(item => shape(item, type.slice(2))) : value; }
  if (type.startsWith('map[]')) {
    if (typeof value !== 'object' || Array.isArray(value)) { return value; }
    const out: Record<string, any> = {};
    for (const key of Object.keys(value)) { out[key] = shape(value[key], type.slice(5)); }
    return out;
  }
  if (type === 'quantity') {
    const text = quantityText(value);
    const parsed = text === undefined ? undefined : parseQuantity(text);
    return parsed === undefined ? value : canonicalQuantity(parsed);
  }
  const fields = CORE_V1_STRUCTS[type];
  if (fields === undefined || typeof value !== 'object' || Array.isArray(value)) { return value; }
  const out: Record<string, any> = {};
  for (const field of Object.keys(value)) {
    const declared = fields[field];
    if (declared === undefined) { continue; }
    const child = value[field];
    if (!declared.endsWith('!') && isEmpty(child, declared)) { continue; }
    out[field] = shape(child, goType(declared));
  }
  return out;
}

/**
 * Whether `omitempty` leaves the value out: the zero of a scalar, a nil pointer, an empty list or map.
 * A struct (not a pointer to one) is never left out.
 */
function isEmpty(value: any, type: string): boolean {
  if (value === undefined || value === null) { return !isStruct(type); }
  if (type.startsWith('*')) { return false; }
  if (type.startsWith('[]')) { return Array.isArray(value) && value.length === 0; }
  if (type.startsWith('map[]')) { return typeof value === 'object' && Object.keys(value).length === 0; }
  return value === '' || value === false || value === 0;
}

/** What Go writes for a field it decoded from `null`: nil, or the zero of a plain value. */
function zeroOf(type: string): any {
  if (isStruct(type)) { return {}; }
  switch (type) {
    case 'string': return '';
    case 'bool': return false;
    case 'int':
    case 'float':
    case 'intstr': return 0;
    case 'quantity': return '0';
    default: return null;
  }
}

function isStruct(type: string): boolean {
  return CORE_V1_STRUCTS[type] !== undefined;
}
