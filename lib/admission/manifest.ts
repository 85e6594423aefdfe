// Small readers of manifest values that the webhook model shares, as Go's decoder sees them.
import { str } from '../json';

export { isNil, str } from '../json';

/** `metadata.name` of a manifest, `''` when it has none. */
export function nameOf(manifest: any): string {
  return str(manifest?.metadata?.name);
}

/** A copy of a JSON value (manifests hold no cycles, functions or dates). */
export function deepCopy(value: any): any {
  if (Array.isArray(value)) { return value.map(deepCopy); }
  if (value === null || typeof value !== 'object') { return value; }
  const out: Record<string, any> = {};
  for (const key of Object.keys(value)) {
    if (value[key] !== undefined) { out[key] = deepCopy(value[key]); }
  }
  return out;
}

/**
 * A custom resource as the API server stores it: every field and map value that is `null` is dropped
 * (the PodDefault CRD marks nothing nullable; apiextensions-apiserver PruneNonNullableNullsWithoutDefaults,
 * schema/defaulting/prunenulls.go), while a `null` list item is kept.
 */
export function withoutNulls(value: any): any {
  if (Array.isArray(value)) { return value.map(withoutNulls); }
  if (value === null || typeof value !== 'object') { return value; }
  const out: Record<string, any> = {};
  for (const key of Object.keys(value)) {
    if (value[key] !== undefined && value[key] !== null) { out[key] = withoutNulls(value[key]); }
  }
  return out;
}
