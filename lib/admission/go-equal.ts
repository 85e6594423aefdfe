// Equality as Go's reflect.DeepEqual sees the decoded core/v1 structs, which is how the webhook
// compares two entries of one name.

/**
 * Fields that are plain (non-pointer) values in core/v1, where an absent field decodes to the zero value.
 * Every other field is a pointer, slice, map or struct pointer, where absent and zero differ.
 */
const PLAIN_FIELDS = new Set([
  'name', 'value', 'key', 'path', 'mountPath', 'subPath', 'subPathExpr', 'readOnly', 'secretName',
  'claimName', 'medium', 'operator', 'effect', 'fieldPath', 'apiVersion', 'containerName', 'resource',
  'image', 'imagePullPolicy', 'workingDir', 'terminationMessagePath', 'terminationMessagePolicy', 'stdin',
  'stdinOnce', 'tty', 'prefix', 'driver', 'audience', 'server', 'fsType', 'containerPort', 'hostPort',
  'hostIP', 'protocol',
]);

/** Fields that are pointers in some structs although plain in most. */
const POINTER_FIELDS_OF: Record<string, Set<string>> = {
  csi: new Set(['readOnly', 'fsType']),
  azureDisk: new Set(['readOnly', 'fsType', 'cachingMode', 'kind']),
};

/** Struct (non-pointer) fields: absent equals an empty object. */
const PLAIN_STRUCTS = new Set(['resources']);

/**
 * Whether two manifest values are equal as `reflect.DeepEqual` sees them once decoded into core/v1 types.
 */
export function goDeepEqual(a: any, b: any, owner?: string, field?: string): boolean {
  const x = a === null ? undefined : a;
  const y = b === null ? undefined : b;
  if (x === undefined || y === undefined) {
    if (x === y) { return true; }
    const present = x === undefined ? y : x;
    if (field === undefined) { return false; }
    if (PLAIN_STRUCTS.has(field)) { return goDeepEqual(present, {}, owner, field); }
    const plain = PLAIN_FIELDS.has(field) && !(owner !== undefined && POINTER_FIELDS_OF[owner]?.has(field));
    return plain && (present === '' || present === false || present === 0);
  }
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) { return false; }
    return x.every((item, i) => goDeepEqual(item, y[i], owner, field));
  }
  if (typeof x === 'object' && typeof y === 'object') {
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    for (const key of keys) {
      if (!goDeepEqual(x[key], y[key], field, key)) { return false; }
    }
    return true;
  }
  return x === y;
}

