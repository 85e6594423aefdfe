// The kubelet's expansion of `$(VAR)` in a container's env values, at container start. Followed from kubernetes
// (kubernetes/kubernetes master, read at 02604f7db394): third_party/forked/golang/expansion/expand.go, `Expand`,
// `tryReadVariableName`, `MappingFuncFor`, `syntaxWrap`; and pkg/kubelet/kubelet_pods.go (001a80e975bb),
// `makeEnvironmentVariables`, which builds the map the env values are expanded with.
//
// The image's own env (a Dockerfile's `ENV HOME=...`) is not in that map: the kubelet expands before the runtime
// merges the image's env, so `$(HOME)` stays as written unless the pod's env sets HOME.

/** A variable's value, or `undefined` when it is set to a value the check does not know. */
export type EnvValue = string | undefined;

/** Where a mapping looks a name up: a `Map` is one. */
export interface EnvLookup {
  has(name: string): boolean;
  get(name: string): EnvValue;
}

/** What `Expand` writes for a reference: the variable's value, or `undefined` for one the check does not know. */
export type EnvMapping = (name: string) => EnvValue;

const OPERATOR = '$';
const OPENER = '(';
const CLOSER = ')';

/** expand.go `syntaxWrap`: a reference as written, which is what the kubelet leaves for a name it does not know. */
function syntaxWrap(name: string): string {
  return `${OPERATOR}${OPENER}${name}${CLOSER}`;
}

/**
 * expand.go `MappingFuncFor`: the first of `contexts` that has the name gives its value; a name none has stays
 * as written (`$(NAME)`).
 *
 * @internal
 */
export function mappingFuncFor(...contexts: readonly EnvLookup[]): EnvMapping {
  return (name: string) => {
    for (const vars of contexts) {
      if (vars.has(name)) { return vars.get(name); }
    }
    return syntaxWrap(name);
  };
}

/**
 * expand.go `Expand`: `$(NAME)` replaced by what `mapping` gives, `$$` written as `$`, anything else after a
 * `$` (a bare `$NAME`, `${NAME}`, an unclosed `$(`) kept as written. `undefined` when the text is not known:
 * a reference to a variable of unknown value, or a `$` before a character that is not ASCII (Go reads the
 * input byte by byte and writes that lone byte as a rune, `string(input[0])`, which makes the text no UTF-8).
 *
 * @internal
 */
export function expandEnvValue(input: string, mapping: EnvMapping): EnvValue {
  let out = '';
  let checkpoint = 0;
  // Past the last ")" every "$(" is unclosed: known without a scan to the end for each (Go's loop scans, in
  // quadratic time on a value of many "$(").
  const lastCloser = input.lastIndexOf(CLOSER);
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== OPERATOR || cursor + 1 >= input.length) { continue; }
    out += input.slice(checkpoint, cursor);
    const read = tryReadVariableName(input, cursor + 1, lastCloser);
    if (read === undefined) { return undefined; }
    if (read.isVar) {
      const value = mapping(read.text);
      if (value === undefined) { return undefined; }
      out += value;
    } else {
      out += read.text;
    }
    cursor += read.advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

/**
 * expand.go `tryReadVariableName`, on the input after a `$` at `start - 1`: the name of a reference, or the text
 * to write as it is, and how many characters it took; `undefined` for a character that is not ASCII. `lastCloser`:
 * the place of the input's last ")", -1 for none.
 */
function tryReadVariableName(input: string, start: number, lastCloser: number): { readonly text: string; readonly isVar: boolean; readonly advance: number } | undefined {
  const first = input[start];
  if (first === OPERATOR) { return { text: OPERATOR, isVar: false, advance: 1 }; }
  if (first === OPENER) {
    const close = lastCloser > start ? input.indexOf(CLOSER, start + 1) : -1;
    // An unclosed `$(` is written as it is, and the scan goes on after the `(`.
    return close < 0 ? { text: OPERATOR + OPENER, isVar: false, advance: 1 } : { text: input.slice(start + 1, close), isVar: true, advance: close - start + 1 };
  }
  if (first.charCodeAt(0) >= 0x80) { return undefined; }
  return { text: OPERATOR + first, isVar: false, advance: 1 };
}

/** One entry of a container's `env`, as the webhook merged it into the container. */
export interface EnvEntry {
  readonly name?: unknown;
  readonly value?: unknown;
  readonly valueFrom?: unknown;
}

/** A variable of the container's env as the kubelet sets it: its value (`undefined`: not known), and whether it reads other variables. */
export interface ResolvedVariable {
  readonly value: EnvValue;
  /** Whether its value has a `$(NAME)`: another env, in another order, may give it another value. */
  readonly references: boolean;
  /**
   * Whether its value refers to a variable that no `env` entry before it sets to a value with no such reference
   * itself: one an `envFrom` source, a service link or another PodDefault's env may set, or none. A value whose
   * references are all set before it (`HOME: /home/kubeflow`, then `$(HOME)/.aws/credentials`) expands the same in
   * any pod, as another env that sets those variables otherwise is refused by the webhook (two values of one name).
   */
  readonly outside: boolean;
}

/**
 * A name the kubelet's service links may set (kubernetes pkg/kubelet/envvars/envvars.go `FromServices`:
 * `<SVC>_SERVICE_HOST`, `<SVC>_SERVICE_PORT[_<PORT>]`, `<SVC>_PORT[_<n>_<PROTO>[_PROTO|_PORT|_ADDR]]`), for the
 * services of the namespace (and `kubernetes` of `default` always): `makeEnvironmentVariables` expands with
 * them, after the container's own env. Which services exist is not known: such a name has an unknown value.
 */
const SERVICE_LINKS: EnvLookup = {
  has: (name: string) => /_SERVICE_(HOST|PORT)($|_)|_PORT($|_)/.test(name),
  get: () => undefined,
};

/** Any name, of unknown value: what an `envFrom` source whose keys the check does not know may set. */
const ANY_NAME: EnvLookup = { has: () => true, get: () => undefined };

/**
 * The env the kubelet gives a container (`makeEnvironmentVariables`): first every `envFrom` source's keys, in
 * order, later ones over earlier ones (`envFrom`: each source's names with its prefix, `undefined` for one whose
 * keys the check does not know, which may set any name); then each `env` entry in order, over them: a non-empty
 * `value` expanded with the variables set so far and the service links, else a `valueFrom`'s value, else the
 * empty string. A `valueFrom` (fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef) is read in the
 * cluster at container start, and an optional one that misses sets nothing: its value is not known, and
 * neither is any value that refers to it. A known `envFrom` key's value is not read either.
 *
 * @internal
 */
export function containerEnv(envFrom: readonly (readonly string[] | undefined)[], env: readonly EnvEntry[]): Map<string, ResolvedVariable> {
  const vars = new Map<string, EnvValue>();
  let anyName = false;
  for (const names of envFrom) {
    if (names === undefined) { anyName = true; continue; }
    for (const name of names) { vars.set(name, undefined); }
  }
  const contexts = anyName ? [vars, SERVICE_LINKS, ANY_NAME] : [vars, SERVICE_LINKS];
  const base = mappingFuncFor(...contexts);
  const resolved = new Map<string, ResolvedVariable>();
  /** The names an `env` entry so far set to a value with no reference outside (see `outside`). */
  const inside = new Set<string>();
  for (const entry of env) {
    if (typeof entry?.name !== 'string') { continue; }
    let references = false;
    let outside = false;
    const mapping = (name: string) => {
      references = true;
      if (!inside.has(name)) { outside = true; }
      return base(name);
    };
    const value = entryValue(entry, mapping);
    vars.set(entry.name, value);
    if (outside) { inside.delete(entry.name); } else { inside.add(entry.name); }
    resolved.set(entry.name, { value, references, outside });
  }
  return resolved;
}

/** One entry's value: `value` expanded when it is not empty, else a `valueFrom`'s (not known), else empty; a `value` of another type than string is not known. */
function entryValue(entry: EnvEntry, mapping: EnvMapping): EnvValue {
  if (typeof entry.value === 'string' && entry.value !== '') { return expandEnvValue(entry.value, mapping); }
  if (entry.value !== undefined && entry.value !== null && entry.value !== '') { return undefined; }
  return entry.valueFrom === undefined || entry.valueFrom === null ? '' : undefined;
}
