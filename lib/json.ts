// Readers of JSON values that every layer shares: manifests, props from JavaScript, parsed files.

/** Whether `value` is a mapping (a JSON object), not `null` or a list. */
export function isPlainObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a value is absent (`undefined` or `null`, which Go's decoder reads alike). */
export function isNil(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** A value as a string, `''` for an absent one. */
export function str(value: unknown): string {
  return isNil(value) ? '' : String(value);
}

/**
 * `value`, frozen at every level, without its `undefined` members: what a construct keeps of the spec
 * it built, so that nothing changes what synth writes later. Frozen in place, since the construct made
 * every object of it (copying would cost more than the rest of the construct); a map that holds an
 * `undefined` member is copied without it.
 */
export function freezeJson<T>(value: T): T {
  return freeze(value) as T;
}

/**
 * The values freezeJson froze that hold only strings, numbers, booleans, lists and plain maps, and no
 * `null`. Frozen at every level, each stays so: the app-wide check reads them as cdk8s renders them
 * without walking them again (check/cdk8s-internals.ts).
 */
const PLAIN_FROZEN = new WeakSet<object>();

/** Whether `value` is a value freezeJson froze that holds plain JSON without `null`. */
export function isFrozenPlainJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && PLAIN_FROZEN.has(value);
}

/** Freezes `value` as freezeJson does, returning it (or its copy without `undefined` members). */
function freeze(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) { return value; }
  if (Object.isFrozen(value)) { return value; }
  let plain = true;
  let result: any = value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const member = freeze(value[i]);
      if (member !== value[i]) { value[i] = member; }
      plain = plain && isPlainMember(member);
    }
  } else {
    plain = Object.getPrototypeOf(value) === Object.prototype;
    let copy: { [key: string]: unknown } | undefined;
    const map = value as { [key: string]: unknown };
    for (const key in map) {
      const member = map[key];
      if (member === undefined) {
        copy ??= { ...map };
        delete copy[key];
        continue;
      }
      const frozen = freeze(member);
      if (frozen !== member) { (copy ?? map)[key] = frozen; }
      plain = plain && isPlainMember(frozen) && key !== 'constructor' && key !== 'resolve';
    }
    if (copy !== undefined) { result = copy; }
  }
  Object.freeze(result);
  if (plain) { PLAIN_FROZEN.add(result); }
  return result;
}

/** Whether a member of a frozen value keeps it plain JSON. */
function isPlainMember(member: unknown): boolean {
  const type = typeof member;
  return type === 'string' || type === 'number' || type === 'boolean' || (type === 'object' && member !== null && PLAIN_FROZEN.has(member as object));
}
