// Brand checks that hold across two copies of this package in one app (a jsii build beside a direct
// dependency, two versions in a monorepo), as cdk8s's `ApiObject.isApiObject` does with `Symbol.for`:
// `instanceof` only knows its own copy's class.

const PREFIX = 'cdk8s-kubeflow-access.';

/** Marks `obj` as a `name` (a class of this package), for `hasBrand`. */
export function brand(obj: object, name: string): void {
  Object.defineProperty(obj, Symbol.for(PREFIX + name), { value: true });
}

/** Whether `value` was marked a `name` by any copy of this package. */
export function hasBrand(value: unknown, name: string): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[Symbol.for(PREFIX + name)] === true;
}
