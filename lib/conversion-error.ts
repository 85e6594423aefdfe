// The error KubePodDefault (imports/kubeflow.org.ts) throws when cdk8s-plus-28's core/v1 conversion of its
// spec fails on a value of the wrong shape: JavaScript callers pass any value, and the conversion's own
// TypeError names neither the construct nor the field. (JSON patches apply after the conversion.)
import { shownPath } from './admission/stored-pod-default';
import { fieldError } from './errors';
import { yamlTypeName } from './json';
/**
 * The error for a KubePodDefault's spec that its core/v1 conversion `convert` cannot read (it threw `error`):
 * naming the deepest field whose value alone makes it throw, found by converting specs that hold that value
 * only, and never any part of the value. cdk8s-plus-28's converters call `.map` on each list field and
 * `.toISOString` on each timestamp, which fail on any other value; everything else they copy.
 */
export function conversionError(path: string, spec: unknown, error: unknown, convert: (spec: unknown) => unknown): unknown {
  const throwsAt = (at: readonly (string | number)[], value: unknown): unknown => {
    let node = value;
    for (let i = at.length - 1; i >= 0; i--) {
      const part = at[i];
      // Defined, not assigned: a field named __proto__ stays a field.
      node = typeof part === 'number' ? [node] : Object.defineProperty({}, part, { value: node, enumerable: true, writable: true, configurable: true });
    }
    try {
      convert(node);
      return undefined;
    } catch (e) {
      return e ?? error;
    }
  };
  if (throwsAt([], spec) === undefined) { return error; }
  const at: (string | number)[] = [];
  let value: any = spec;
  let cause = error;
  for (;;) {
    // The first item or field whose value alone throws; a mapping that throws as `{}` does is itself the fault.
    const parts: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i)
      : value !== null && typeof value === 'object' && throwsAt(at, {}) === undefined ? Object.keys(value) : [];
    let inner: unknown;
    const part = parts.find(p => (inner = throwsAt([...at, p], value[p])) !== undefined);
    if (part === undefined) { break; }
    at.push(part);
    value = value[part];
    cause = inner;
  }
  const field = shownPath(['spec', ...at]);
  // A null the converters read fields of (an item of a list).
  if (value === null || value === undefined) { return fieldError(path, field, 'is null, which KubePodDefault cannot render: remove it, or give it a value'); }
  const found = yamlTypeName(value);
  const declared = String((cause as Error)?.message).includes('toISOString') ? 'a timestamp' : 'a list';
  return fieldError(path, field, `is ${found}, where core/v1 declares ${declared}, so KubePodDefault cannot render it: write ${declared} there`);
}
