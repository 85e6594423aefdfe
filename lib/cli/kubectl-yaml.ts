// YAML as kubectl reads it. kubectl decodes manifests with sigs.k8s.io/yaml, which resolves plain
// scalars as go-yaml v2 does: YAML 1.1 booleans (yes, on, y) and nulls, numbers as Go's strconv reads
// them (0o17, 017, 0x1F, 1_000), and everything else as a string: "E1", a date, "1:20". The yaml
// package's own 1.1 schema differs on exactly those (NaN for "E1", Date objects, base-60 numbers), so
// its int, float and timestamp tags are replaced by one resolver. test/cli-check.test.ts holds the
// vectors, recorded from kubectl 1.32.
import type { Document, ScalarTag, Tags } from 'yaml';

const INT = 'tag:yaml.org,2002:int';
const FLOAT = 'tag:yaml.org,2002:float';
const TIMESTAMP = 'tag:yaml.org,2002:timestamp';

/** Go's strconv.ParseInt with base 0, after go-yaml has removed the underscores. */
const GO_INT = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|0[oO]?([0-7]+)|([1-9][0-9]*|0))$/;
/** go-yaml v2's yamlStyleFloat. */
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL_FLOATS: { readonly [text: string]: number } = {
  '.inf': Infinity, '.Inf': Infinity, '.INF': Infinity, '+.inf': Infinity, '+.Inf': Infinity, '+.INF': Infinity,
  '-.inf': -Infinity, '-.Inf': -Infinity, '-.INF': -Infinity, '.nan': NaN, '.NaN': NaN, '.NAN': NaN,
};

/** The number a plain scalar is to go-yaml v2, or the scalar itself when it is none. */
export function goYamlScalar(text: string): number | string {
  if (Object.prototype.hasOwnProperty.call(SPECIAL_FLOATS, text)) { return SPECIAL_FLOATS[text]; }
  const plain = text.replace(/_/g, '');
  const int = GO_INT.exec(plain);
  if (int !== null) {
    const [, sign, hex, bin, oct, dec] = int;
    const magnitude = hex !== undefined ? parseInt(hex, 16) : bin !== undefined ? parseInt(bin, 2) : oct !== undefined ? parseInt(oct, 8) : Number(dec);
    return sign === '-' ? -magnitude : magnitude;
  }
  return GO_FLOAT.test(plain) ? Number(plain) : text;
}

const numberTag = (tag: string): ScalarTag => ({
  tag,
  default: true,
  identify: value => typeof value === 'number',
  test: /^(?:[-+]?[0-9.]|\.(?:nan|NaN|NAN)$)/,
  resolve: goYamlScalar,
});

/** The yaml-1.1 schema's tags with numbers and timestamps resolved as go-yaml v2 does. */
export function kubectlTags(tags: Tags): Tags {
  const kept = tags.filter(t => typeof t === 'string' || ![INT, FLOAT, TIMESTAMP].includes(t.tag));
  return [...kept, numberTag(INT), numberTag(FLOAT)];
}

/** Options for yaml's parseAllDocuments. */
export const KUBECTL_YAML = { version: '1.1', customTags: kubectlTags } as const;

/** What a yaml error code means, in words; the parser's own message quotes the input, a credential maybe. */
const ERROR_WORDS: { readonly [code: string]: string } = {
  ALIAS_PROPS: 'an alias cannot have a tag or anchor',
  BAD_ALIAS: 'an alias names no anchor before it',
  BAD_DIRECTIVE: 'a directive is not valid',
  BAD_DQ_ESCAPE: 'a double-quoted string holds an invalid escape',
  BAD_INDENT: 'the indentation does not match the lines around it',
  BAD_PROP_ORDER: 'an anchor or tag is in the wrong place',
  BAD_SCALAR_START: 'a plain value starts with a character reserved by YAML: quote it',
  BLOCK_AS_IMPLICIT_KEY: 'a key is not allowed here (a value that holds ": " needs quotes)',
  BLOCK_IN_FLOW: 'a block is inside a flow collection ([...] or {...})',
  DUPLICATE_KEY: 'a key appears twice in the same mapping',
  IMPOSSIBLE: 'the text cannot be parsed',
  KEY_OVER_1024_CHARS: 'a key is longer than 1024 characters',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  MULTILINE_IMPLICIT_KEY: 'a key spans several lines',
  MULTIPLE_ANCHORS: 'a node has two anchors',
  MULTIPLE_DOCS: 'a document holds more than one value',
  MULTIPLE_TAGS: 'a node has two tags',
  NON_STRING_KEY: 'a key is not a string',
  TAB_AS_INDENT: 'a tab is used for indentation: use spaces',
  TAG_RESOLVE_FAILED: 'a value does not fit its tag',
  UNEXPECTED_TOKEN: 'a character is not allowed here',
  BAD_COLLECTION_TYPE: 'a collection does not fit its tag',
};

/** The first error of a parsed document, as `at line L, column C: what`, naming no content. */
export function yamlErrorInWords(doc: Document.Parsed): string | undefined {
  const error = doc.errors[0];
  if (error === undefined) { return undefined; }
  const pos = error.linePos?.[0];
  const words = ERROR_WORDS[error.code] ?? 'the text cannot be parsed';
  return `${pos === undefined ? '' : `at line ${pos.line}, column ${pos.col}: `}${words}`;
}
