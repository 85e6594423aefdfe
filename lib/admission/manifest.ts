// Small readers of manifest values that the webhook model shares, as Go's decoder sees them.

/** `metadata.name` of a manifest, `''` when it has none. */
export function nameOf(manifest: any): string {
  return str(manifest?.metadata?.name);
}

/** A value as a string, `''` for an absent one. */
export function str(value: any): string {
  return value === undefined || value === null ? '' : String(value);
}

/** Whether a value is absent (`undefined` or `null`, which Go decodes alike). */
export function isNil(value: any): boolean {
  return value === undefined || value === null;
}

/** A key for a message: `""` when empty. */
export function quoteEmpty(key: string): string {
  return key === '' ? '""' : key;
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
