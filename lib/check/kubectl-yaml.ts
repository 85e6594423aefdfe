// YAML as kubectl reads it. kubectl decodes manifests with sigs.k8s.io/yaml, which reads them with
// go-yaml v2: plain scalars resolve to YAML 1.1 booleans (yes, on, y) and nulls, numbers as Go's strconv
// reads them (0o17, 017, 0x1F, 1_000; go-yaml-number.ts), and everything else to a string: "E1", a date,
// "1:20". The schema below gives js-yaml exactly those resolutions (js-yaml, not the yaml package: it reads
// a cluster dump of 20 MB in a second where the yaml package takes fifteen); go-yaml-decode.ts makes keys,
// merge keys and .inf what kubectl makes of them; and the checks below refuse what go-yaml's scanner
// refuses and js-yaml reads (a tab where go-yaml wants a space, an escape go-yaml does not know).
// test/check/kubectl-yaml.test.ts holds the vectors of scalars, test/check/manifest-text-kubectl.test.ts
// those of whole files, recorded from kubectl 1.32.
import { DEFAULT_SCHEMA, dump, load, Schema, Type, YAMLException } from 'js-yaml';
import { decodeWithStandIns, GoYamlValueError, mergeKey, nullValue, numberValue } from './go-yaml-decode';
import { goYamlNumber, NUMBER_START } from './go-yaml-number';

/** The number a plain scalar is to go-yaml v2, or the scalar itself when it is none. */
export function goYamlScalar(text: string): number | string {
  const number = NUMBER_START.test(text) ? goYamlNumber(text) : undefined;
  return number === undefined ? text : number.value;
}

const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const BOOLS: ReadonlyMap<string, boolean> = new Map([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map(t => [t, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map(t => [t, false] as const),
]);

const isNumber = (t: string | null) => t !== null && NUMBER_START.test(t) && goYamlNumber(t) !== undefined;

/**
 * A schema of js-yaml's own definitions of strings, lists and maps, and go-yaml v2's nulls, booleans,
 * numbers and merge keys. No timestamps, which stay strings. `standIns`: the schema the reading loads
 * with, whose nulls, numbers and merge keys are built as go-yaml-decode.ts says.
 */
function kubectlSchema(standIns: boolean): Schema {
  const number = standIns
    ? (t: string) => { const n = goYamlNumber(t)!; return numberValue(n.value, n.key); }
    : (t: string) => goYamlNumber(t)!.value;
  const merge = standIns
    ? new Type('tag:cdk8s-kubeflow-access,2026:go-yaml-merge', { kind: 'scalar', resolve: (t: string | null) => t === '<<', construct: mergeKey })
    : new Type('tag:yaml.org,2002:merge', { kind: 'scalar', resolve: (t: string | null) => t === '<<' || t === null });
  return new Schema({
    implicit: [
      new Type('tag:yaml.org,2002:null', {
        kind: 'scalar', resolve: (t: string | null) => t === null || t === '' || NULLS.has(t), construct: standIns ? nullValue : () => null,
      }),
      new Type('tag:yaml.org,2002:bool', { kind: 'scalar', resolve: (t: string | null) => t !== null && BOOLS.has(t), construct: (t: string) => BOOLS.get(t) }),
      new Type('tag:yaml.org,2002:float', { kind: 'scalar', resolve: isNumber, construct: number }),
      merge,
    ],
    explicit: [
      new Type('tag:yaml.org,2002:str', { kind: 'scalar', construct: (t: string | null) => (t !== null ? t : '') }),
      new Type('tag:yaml.org,2002:seq', { kind: 'sequence', construct: (t: unknown[] | null) => (t !== null ? t : []) }),
      new Type('tag:yaml.org,2002:map', { kind: 'mapping', construct: (t: object | null) => (t !== null ? t : {}) }),
      new Type('tag:yaml.org,2002:int', { kind: 'scalar', resolve: (t: string | null) => t !== null && goYamlNumber(t) !== undefined, construct: number }),
    ],
  });
}

/** The schema, for a YAML 1.2 reader to read as kubectl reads; a key or a merge key it may read otherwise (loadKubectlYaml does not). */
export const KUBECTL_SCHEMA = kubectlSchema(false);
const READING_SCHEMA = kubectlSchema(true);

/**
 * Text that may hold a key kubectl refuses and js-yaml turns into a string: a null (`~:`, `null:`, `? ` with
 * nothing), a list or a mapping (`? [`, `]:`, `}:`), an alias (`*a :`). A document that holds none is read
 * without the careful reading's stand-ins.
 */
const MAYBE_REFUSED_KEY = /(?:~|null|Null|NULL)[ \t]*:|!!null|\?(?:[ \t\r\n]|$)|[{,\]}][ \t]*:|\*[^ \t\r\n,[\]{}]+[ \t]*:/m;

/** One YAML document as kubectl decodes it; throws js-yaml's YAMLException (a GoYamlValueError for what only kubectl refuses). */
export function loadKubectlYaml(text: string): unknown {
  if (text.includes('\t')) { refuseGoYamlTabs(text); }
  const careful = text.includes('<<') || MAYBE_REFUSED_KEY.test(text);
  const value = decodeWithStandIns(listener => load(text, { schema: READING_SCHEMA, listener }), careful);
  if (text.includes('\\')) { refuseGoYamlEscapes(text); }
  return value;
}

/**
 * A tab where go-yaml's scanner wants a space, which YAML 1.2 readers allow: at the start of a line, after
 * its spaces and after the `-`, `?` or `:` that start an entry (go-yaml eats a tab only where a simple key
 * cannot start, and one can at the start of a line), unless in a string or between brackets; and in the
 * indentation of a block scalar's first lines (yaml_parser_scan_block_scalar_breaks). A block scalar's
 * header is found by its look, which text can have too (rarely).
 */
const LINE_START_TAB = /^[ ]*(?:[-?:][ ]+)*(?:[-?:][ ]*)?\t/gm;
const TAB_IN_BLOCK_INDENT = /(?:^|[ \t])[|>][-+]?[ \t]*(?:#[^\n]*)?\n(?:[ ]*\n)*[ ]*\t/m;

function refuseGoYamlTabs(text: string): void {
  const block = TAB_IN_BLOCK_INDENT.exec(text);
  if (block !== null) { throw new YAMLException('go-yaml: a tab in a block scalar\'s indentation', markAt(text, block.index + block[0].length - 1)); }
  LINE_START_TAB.lastIndex = 0;
  let match = LINE_START_TAB.exec(text);
  if (match === null) { return; }
  const spans = stringAndFlowSpans(text)?.sort((a, b) => a[0] - b[0]);
  if (spans === undefined) { return; }
  // The matches come in order: the spans that start before each are passed once, keeping the furthest end.
  let passed = 0;
  let end = -1;
  for (; match !== null; match = LINE_START_TAB.exec(text)) {
    const tab = match.index + match[0].length - 1;
    for (; passed < spans.length && spans[passed][0] < tab; passed++) { end = Math.max(end, spans[passed][1]); }
    if (tab >= end) { throw new YAMLException('go-yaml: a tab where a token may start', markAt(text, tab)); }
  }
}

/**
 * Where the scalars (of every style) and the flow collections of a text are, from their first character to
 * their end: a tab there is text, or between brackets, where go-yaml allows it. `undefined` when the text
 * does not parse, which the reading reports.
 */
function stringAndFlowSpans(text: string): [number, number][] | undefined {
  const opens: number[] = [];
  const spans: [number, number][] = [];
  try {
    load(text, {
      schema: KUBECTL_SCHEMA,
      listener: (event, state) => {
        if (event === 'open') {
          opens.push(state.position);
          return;
        }
        const open = opens.pop()!;
        if (state.kind !== 'scalar' && state.kind !== 'sequence' && state.kind !== 'mapping') { return; }
        const start = contentStart(text, open, state.position);
        if (state.kind === 'scalar' || text[start] === '[' || text[start] === '{') { spans.push([start, state.position]); }
      },
    });
  } catch {
    return undefined;
  }
  return spans;
}

/** Where a node's content starts: js-yaml opens a node before the spaces, comments and properties (tag, anchor) in front of it. */
function contentStart(text: string, from: number, end: number): number {
  let at = from;
  while (at < end) {
    const c = text[at];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      at++;
    } else if (c === '#' || c === '!' || c === '&') {
      const stop = c === '#' ? '\n' : ' \t\r\n';
      while (at < end && !stop.includes(text[at])) { at++; }
    } else {
      return at;
    }
  }
  return at;
}

/**
 * Escapes of a double-quoted string that go-yaml v2 refuses and js-yaml reads: `\/`, and `\u` or `\U` of
 * half a surrogate pair or beyond U+10FFFF. Each is turned into `\q`, which both refuse: a text js-yaml
 * then refuses there held one in double quotes (elsewhere, in a plain or single-quoted string, a block or a
 * comment, it is text).
 */
const MAYBE_REFUSED_ESCAPE = /\\(?:\/|u[dD][89a-fA-F][0-9a-fA-F]{2}|U(?:0000[dD][89a-fA-F]|00(?:1[1-9a-fA-F]|[2-9a-fA-F][0-9a-fA-F])|0[1-9a-fA-F][0-9a-fA-F]|[1-9a-fA-F][0-9a-fA-F]{2})[0-9a-fA-F]{2})/g;

function refuseGoYamlEscapes(text: string): void {
  const at = new Set<number>();
  const marked = text.replace(MAYBE_REFUSED_ESCAPE, (escape, offset: number) => {
    at.add(offset + 1);
    return `\\q${escape.slice(2)}`;
  });
  if (at.size === 0) { return; }
  try {
    load(marked, { schema: KUBECTL_SCHEMA });
  } catch (e) {
    const position = (e as YAMLException).mark?.position;
    if (e instanceof YAMLException && /^unknown escape sequence/.test(e.reason) && [...at].some(p => Math.abs(p - position) <= 1)) {
      throw new YAMLException(e.reason, markAt(text, position));
    }
  }
}

/** The line and column (both from 0) of an offset of `text`: lines end at LF. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start };
}

/** A js-yaml mark (0-based line and column) of an offset. */
function markAt(text: string, offset: number): YAMLException['mark'] {
  return { ...positionOf(text, offset), position: offset, name: '', buffer: '', snippet: '' } as unknown as YAMLException['mark'];
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
  [/^go-yaml: a tab where a token may start/, 'a tab starts a line, or follows the "-", "?" or ":" that starts an entry, outside a string, which kubectl refuses: use spaces'],
  [/^go-yaml: a tab in a block scalar's indentation/, 'a tab is in the indentation of a block scalar (| or >) before its text, which kubectl refuses: indent with spaces'],
];

/**
 * A YAML error as ` at line L, column C: what`, or `: what` when it has no position (what go-yaml-decode.ts
 * finds names the field), naming no content, to follow `not valid YAML`; `firstLine` is where the document
 * starts (0-based).
 */
export function yamlErrorInWords(error: YAMLException, firstLine: number): string {
  if (error instanceof GoYamlValueError) { return `: ${error.words}`; }
  const reason = String((error as { reason?: unknown }).reason ?? '');
  const words = REASON_WORDS.find(([pattern]) => pattern.test(reason))?.[1] ?? 'the text cannot be parsed';
  const mark = (error as { mark?: { line?: number; column?: number } }).mark;
  return typeof mark?.line === 'number' && typeof mark.column === 'number'
    ? ` at line ${firstLine + mark.line + 1}, column ${mark.column + 1}: ${words}`
    : `: ${words}`;
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
