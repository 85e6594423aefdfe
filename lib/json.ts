// Readers of JSON values that every layer shares: manifests, props from JavaScript, parsed files.

/** Whether `value` is a mapping (a JSON object), not `null` or a list. */
export function isPlainObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a value is absent (`undefined` or `null`, which Go's decoder reads alike). */
export function isNil(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** A value's type, for a message that says a value has the wrong type without showing it: `a number`, `null`, `an array`, ... */
export function typeName(value: unknown): string {
  if (value === null) { return 'null'; }
  if (Array.isArray(value)) { return 'an array'; }
  const type = typeof value;
  return type === 'undefined' ? 'missing' : withArticle(type);
}

/** `word` after "a", or "an" before a vowel: `a number`, `an Ingress`. */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** Go's encoding/json refuses JSON nested deeper than this (scanner.go, maxNestingDepth), and so do Docker and the API server. */
export const GO_JSON_MAX_DEPTH = 10000;

/** A value's type in YAML's words, for a message that shows no part of it: `a list`, `a mapping`, `a string`, `null`, ... */
export function yamlTypeName(value: unknown): string {
  if (Array.isArray(value)) { return 'a list'; }
  return value !== null && typeof value === 'object' ? 'a mapping' : typeName(value);
}

/** A value as a string, `''` for an absent one. */
export function str(value: unknown): string {
  return isNil(value) ? '' : String(value);
}

/** A deep copy of a JSON value without its `undefined` members, which cdk8s would leave out when it renders. */
export function withoutUndefined<T>(value: T): T {
  if (typeof value !== 'object' || value === null) { return value; }
  if (Array.isArray(value)) { return value.map(withoutUndefined) as unknown as T; }
  const copy: { [key: string]: unknown } = {};
  for (const key of Object.keys(value)) {
    const member = (value as { [key: string]: unknown })[key];
    if (member !== undefined) { copy[key] = withoutUndefined(member); }
  }
  return copy as T;
}
