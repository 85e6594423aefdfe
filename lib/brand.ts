// Brand checks that hold across two copies of this package in one app (a jsii build beside a direct
// dependency, two versions in a monorepo), as cdk8s's `ApiObject.isApiObject` does with `Symbol.for`:
// `instanceof` only knows its own copy's class.

const PREFIX = 'cdk8s-kubeflow-access.';

/**
 * The symbol of each brand, made once: `Symbol.for` looks the name up in the global registry, and the
 * props of every construct are checked against a brand (11 ms of a 1000-profile synth, CPU profile).
 */
const SYMBOLS = new Map<string, symbol>();

function symbolOf(name: string): symbol {
  let symbol = SYMBOLS.get(name);
  if (symbol === undefined) {
    symbol = Symbol.for(PREFIX + name);
    SYMBOLS.set(name, symbol);
  }
  return symbol;
}

/** Marks `obj` as a `name` (a class of this package), for `hasBrand`. */
export function brand(obj: object, name: string): void {
  Object.defineProperty(obj, symbolOf(name), { value: true });
}

/** Whether `value` was marked a `name` by any copy of this package. */
export function hasBrand(value: unknown, name: string): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[symbolOf(name)] === true;
}
