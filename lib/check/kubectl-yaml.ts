// YAML as kubectl reads it. kubectl decodes manifests with sigs.k8s.io/yaml, which resolves plain
// scalars as go-yaml v2 does: YAML 1.1 booleans (yes, on, y) and nulls, numbers as Go's strconv reads
// them (0o17, 017, 0x1F, 1_000), and everything else as a string: "E1", a date, "1:20". The schema
// below gives js-yaml exactly those resolutions (js-yaml, not the yaml package: it reads a cluster dump
// of 20 MB in a second where the yaml package takes fifteen). test/check/kubectl-yaml.test.ts holds the
// vectors, recorded from kubectl 1.32.
import { DEFAULT_SCHEMA, dump, load, Schema, Type, YAMLException } from 'js-yaml';

/** Go's strconv.ParseInt with base 0, after go-yaml has removed the underscores. */
const GO_INT = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|0[oO]?([0-7]+)|([1-9][0-9]*|0))$/;
/** go-yaml v2's yamlStyleFloat. */
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL_FLOATS: { readonly [text: string]: number } = {
  '.inf': Infinity, '.Inf': Infinity, '.INF': Infinity, '+.inf': Infinity, '+.Inf': Infinity, '+.INF': Infinity,
  '-.inf': -Infinity, '-.Inf': -Infinity, '-.INF': -Infinity, '.nan': NaN, '.NaN': NaN, '.NAN': NaN,
};
/** How every number go-yaml reads starts; tried first, since most plain scalars are names. */
const NUMBER_START = /^[-+.0-9]/;

/** The number a plain scalar is to go-yaml v2, or the scalar itself when it is none. */
export function goYamlScalar(text: string): number | string {
  if (Object.prototype.hasOwnProperty.call(SPECIAL_FLOATS, text)) { return SPECIAL_FLOATS[text]; }
  const plain = text.includes('_') ? text.replace(/_/g, '') : text;
  const int = GO_INT.exec(plain);
  if (int !== null) {
    const [, sign, hex, bin, oct, dec] = int;
    const magnitude = hex !== undefined ? parseInt(hex, 16) : bin !== undefined ? parseInt(bin, 2) : oct !== undefined ? parseInt(oct, 8) : Number(dec);
    return sign === '-' ? -magnitude : magnitude;
  }
  return GO_FLOAT.test(plain) ? Number(plain) : text;
}

const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const BOOLS: ReadonlyMap<string, boolean> = new Map([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map(t => [t, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map(t => [t, false] as const),
]);

/**
 * The schema: js-yaml's own definitions of strings, lists and maps, and go-yaml v2's nulls, booleans,
 * numbers and merge keys. No timestamps, which stay strings.
 */
export const KUBECTL_SCHEMA = new Schema({
  implicit: [
    new Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (t: string | null) => t === null || t === '' || NULLS.has(t), construct: () => null }),
    new Type('tag:yaml.org,2002:bool', { kind: 'scalar', resolve: (t: string | null) => t !== null && BOOLS.has(t), construct: (t: string) => BOOLS.get(t) }),
    new Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (t: string | null) => t !== null && NUMBER_START.test(t) && typeof goYamlScalar(t) === 'number',
      construct: (t: string) => goYamlScalar(t),
    }),
    new Type('tag:yaml.org,2002:merge', { kind: 'scalar', resolve: (t: string | null) => t === '<<' || t === null }),
  ],
  explicit: [
    new Type('tag:yaml.org,2002:str', { kind: 'scalar', construct: (t: string | null) => (t !== null ? t : '') }),
    new Type('tag:yaml.org,2002:seq', { kind: 'sequence', construct: (t: unknown[] | null) => (t !== null ? t : []) }),
    new Type('tag:yaml.org,2002:map', { kind: 'mapping', construct: (t: object | null) => (t !== null ? t : {}) }),
    new Type('tag:yaml.org,2002:int', { kind: 'scalar', resolve: (t: string | null) => t !== null && typeof goYamlScalar(t) === 'number', construct: (t: string) => goYamlScalar(t) }),
  ],
});

/** One YAML document as kubectl decodes it; throws js-yaml's YAMLException. */
export function loadKubectlYaml(text: string): unknown {
  return load(text, { schema: KUBECTL_SCHEMA });
}

/** What js-yaml's reasons mean, in words; some of its messages quote the input, a credential maybe. */
const REASON_WORDS: readonly [RegExp, string][] = [
  [/^duplicated mapping key/, 'a key appears twice in the same mapping'],
  [/^bad indentation/, 'the indentation does not match the lines around it'],
  [/^tab characters must not be used in indentation/, 'a tab is used for indentation: use spaces'],
  [/^unexpected end of the (stream|document) within a (double|single) quoted scalar/, 'a closing quote is missing'],
  [/^unexpected end of the stream within a flow collection/, 'a closing bracket is missing'],
  [/^missed comma between flow collection entries/, 'a comma is missing between the entries of a flow collection ([...] or {...})'],
  [/^(unidentified alias|name of an alias)/, 'an alias names no anchor before it'],
  [/^(unknown tag|undeclared tag|unacceptable node kind|cannot resolve a node)/, 'a tag is not known, or does not fit its value'],
  [/^(end of the stream or a document separator is expected|expected a single document)/, 'a document holds more than one value'],
  [/^can not read (a block mapping entry|an implicit mapping pair)/, 'a key is not allowed here (a value that holds ": " needs quotes)'],
  [/^a whitespace character is expected after the key-value separator/, 'a key is not allowed here (a value that holds ": " needs quotes)'],
  [/^unknown escape sequence|^expected hexadecimal character/, 'a double-quoted string holds an invalid escape'],
  [/^(the stream contains non-printable characters|null byte is not allowed)/, 'the text holds a character YAML does not allow'],
  [/^cannot merge mappings/, 'a merge key (<<) names something other than a mapping'],
];

/** A YAML error as `at line L, column C: what`, naming no content; `line` is where the document starts (0-based). */
export function yamlErrorInWords(error: YAMLException, firstLine: number): string {
  const reason = String((error as { reason?: unknown }).reason ?? '');
  const words = REASON_WORDS.find(([pattern]) => pattern.test(reason))?.[1] ?? 'the text cannot be parsed';
  const mark = (error as { mark?: { line?: number; column?: number } }).mark;
  return typeof mark?.line === 'number' && typeof mark.column === 'number'
    ? `at line ${firstLine + mark.line + 1}, column ${mark.column + 1}: ${words}`
    : words;
}

/**
 * js-yaml's own schema for writing, plus one implicit type that resolves every plain scalar go-yaml v2
 * reads as something other than a string: js-yaml quotes a string that any implicit type of the schema
 * resolves, so these are quoted too (`1_000`, which js-yaml alone would leave plain).
 */
const GO_YAML_WRITE_SCHEMA = DEFAULT_SCHEMA.extend({
  implicit: [new Type('tag:cdk8s-kubeflow-access,2026:go-yaml-v2-non-string', {
    kind: 'scalar',
    resolve: (t: string | null) => t !== null && isGoYamlNonString(t),
  })],
});

/**
 * Whether go-yaml v2 reads `text`, written as a plain scalar, as something other than that string: a
 * null, a boolean, a number, or (as a key) the merge key `<<`.
 */
export function isGoYamlNonString(text: string): boolean {
  if (text.length === 0) { return true; }
  // The first characters of all of them (digits, + - . < ~, and the first letters of the booleans and
  // nulls): the in-process check asks this of every string of the app, and most are names.
  const first = text.charCodeAt(0);
  if (!(first <= 57 || first === 60 || first === 126 || NON_STRING_LETTERS.includes(text[0]))) { return false; }
  return text === '<<' || NULLS.has(text) || BOOLS.has(text) || (NUMBER_START.test(text) && typeof goYamlScalar(text) === 'number');
}

/** The letters a boolean or a null that go-yaml v2 reads starts with. */
const NON_STRING_LETTERS = 'yYnNtTfFoO';

/**
 * YAML text that go-yaml v2 (and so kubectl, or a Go program on sigs.k8s.io/yaml) reads back as `value`:
 * every string it would resolve to something else (`on`, `y`, `0x12`, `1_000`) is quoted, double quoted as
 * Go tools write them, and no long line is folded.
 */
export function goYamlText(value: unknown): string {
  return dump(value, { schema: GO_YAML_WRITE_SCHEMA, lineWidth: -1, quotingType: '"' });
}
