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
import { decodeWithStandIns, mergeKey, nullValue, numberValue } from './go-yaml-decode';
import { goYamlNumber, NUMBER_START } from './go-yaml-number';
import { BLANK_OR_BREAK, QUOTES, contentStart, goYamlFlowTokens, markAt, quotedScalarEnd } from './go-yaml-scan';

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
  const longLine = hasLineOver(text, 1024);
  if ((MAYBE_FLOW_REFUSAL.test(text) || longLine) && NON_EMPTY_FLOW.test(text)) { refuseGoYamlFlowIndicators(text); }
  if (longLine) { refuseGoYamlLongKeys(text); }
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
  const spans: [number, number][] = [];
  const parses = closeNodes(text, (kind, open, end) => {
    if (kind !== 'scalar' && kind !== 'sequence' && kind !== 'mapping') { return; }
    const start = contentStart(text, open, end);
    if (kind === 'scalar' || text[start] === '[' || text[start] === '{') { spans.push([start, end]); }
  });
  return parses ? spans : undefined;
}

/**
 * Loads `text` as kubectl's reading does, calling `closed` as js-yaml closes each node, with its kind, where js-yaml
 * opened it (before what `contentStart` passes over) and where it ends; whether the text parses. `opens` is left
 * holding where the nodes still open when it fails were opened, outermost first.
 */
export function closeNodes(text: string, closed: (kind: string | null, open: number, end: number) => void, opens: number[] = []): boolean {
  try {
    load(text, {
      schema: KUBECTL_SCHEMA,
      listener: (event, state) => {
        if (event === 'open') {
          opens.push(state.position);
          return;
        }
        closed(state.kind, opens.pop()!, state.position);
      },
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Text that may hold a ":" or a "?" go-yaml v2 refuses in a flow collection: a ":" where a token starts after "[",
 * "{", "," or another ":", or any "?". A document that holds neither, or no flow collection with anything in it, is
 * not scanned (the scan loads the text once more).
 */
const MAYBE_FLOW_REFUSAL = /[[{,:][ \t\r\n]*:|\?/;
/** A bracket that may open a flow collection with something in it: kubectl's own output holds only `{}` and `[]`. */
const NON_EMPTY_FLOW = /[[{](?![ \t]*[\]}])/;

/** What go-yaml v2 refuses in a flow collection and js-yaml reads (see goYamlFlowProblem), thrown at its place. */
function refuseGoYamlFlowIndicators(text: string): void {
  const starts = flowCollectionStarts(text);
  if (starts === undefined) { return; }
  let end = -1;
  for (const start of starts) {
    if (start < end) { continue; }
    const scanned = goYamlFlowProblem(text, start);
    if (typeof scanned !== 'number') { throw new YAMLException(scanned.reason, markAt(text, scanned.at)); }
    end = scanned;
  }
}

/** Where the flow collections of a text start (their `[` or `{`), in order; `undefined` when it does not parse (the reading reports it). */
function flowCollectionStarts(text: string): number[] | undefined {
  const starts: number[] = [];
  const parses = closeNodes(text, (kind, open, end) => {
    if (kind !== 'sequence' && kind !== 'mapping') { return; }
    const start = contentStart(text, open, end);
    if (text[start] === '[' || text[start] === '{') { starts.push(start); }
  });
  return parses ? starts.sort((a, b) => a - b) : undefined;
}

/** The reasons go-yaml v2's parser gives, as this file throws them (goYamlPlace names them at kubectl's line). */
const FLOW_VALUE_WITH_NO_KEY = 'go-yaml: a value indicator with no key in a flow collection';
const FLOW_KEY_INDICATOR_AFTER_NODE = 'go-yaml: a key indicator after a node in a flow collection';
const FLOW_LONG_KEY = 'go-yaml: a key of more than 1024 characters in a flow collection';
const LONG_KEY = 'go-yaml: a key of more than 1024 characters';

/** What goYamlFlowProblem finds, in words after "the line after it holds, at column C,": go-yaml's parser names the line above. */
export const FLOW_REASON_WORDS: ReadonlyMap<string, string> = new Map([
  [FLOW_VALUE_WITH_NO_KEY, 'a ":" with no key before it in a flow collection ([...] or {...}), which kubectl refuses '
    + '(it reads every ":" that starts a token there as the colon of a key): write the key, or quote a value that starts with ":"'],
  [FLOW_KEY_INDICATOR_AFTER_NODE, 'a "?" inside an unquoted value in a flow collection ([...] or {...}), where kubectl ends the value '
    + 'and wants a comma: quote the value'],
  [FLOW_LONG_KEY, 'a key of a flow collection ([...] or {...}) that runs over 1024 characters before its ":", which kubectl refuses: shorten the key'],
]);

/**
 * The first token go-yaml v2 refuses in the flow collection that starts at `start` and js-yaml reads, or where
 * the collection ends. go-yaml's scanner reads a ":" where a token starts in a flow collection as a VALUE token
 * whatever follows it, and a "?" as a KEY token, and ends a plain scalar at a "?" (gopkg.in/yaml.v2 v2.4.0 as
 * sigs.k8s.io/yaml v1.4.0 vendors it, goyaml.v2/scannerc.go: yaml_parser_fetch_next_token, `flow_level > 0 ||`;
 * yaml_parser_scan_plain_scalar); a VALUE token gets a KEY before it only after a node (yaml_parser_fetch_value).
 * Its parser then finds no node where one is due after "[", "{", "," or a ":" (parserc.go, yaml_parser_parse_node:
 * "did not find expected node content"), and a KEY token after a node where a "," is due
 * (yaml_parser_parse_flow_sequence_entry, yaml_parser_parse_flow_mapping_key: "did not find expected ',' or ']'").
 * js-yaml reads `[:]` and `[: b]` as a null key, `[:b]` and `{a: :b}` as the text ":b", `{k: http://x?y=1}` as a URL.
 * A key over lines, which go-yaml refuses too, js-yaml refuses.
 */
function goYamlFlowProblem(text: string, start: number): number | { at: number; reason: string } {
  // The last token: an opening bracket, ",", ":", "?", or a node; and where the scalar that is the last token starts.
  let last = '';
  let scalar = -1;
  for (const { at, token, depth } of goYamlFlowTokens(text, start)) {
    if (token === ':' && last !== 'node' && last !== '?') { return { at, reason: FLOW_VALUE_WITH_NO_KEY }; }
    if (token === ':' && last === 'node' && scalar >= 0 && isOverLongKey(text, scalar, at)) { return { at, reason: FLOW_LONG_KEY }; }
    if (token === '?' && last === 'node') { return { at, reason: FLOW_KEY_INDICATOR_AFTER_NODE }; }
    if ((token === ']' || token === '}') && depth === 0) { return at + 1; }
    scalar = token === 'node' ? (last === 'node' ? scalar : at) : -1;
    last = token === ']' || token === '}' ? 'node' : token;
  }
  return text.length;
}

/**
 * Whether a simple key that starts at `key` is over when the scanner meets its ":" at `colon`: go-yaml v2 keeps a
 * key possible up to 1024 characters (code points) from its start (scannerc.go, yaml_simple_key_is_valid:
 * `simple_key.mark.index+1024 < parser.mark.index`).
 */
function isOverLongKey(text: string, key: number, colon: number): boolean {
  return colon - key > 1024 && [...text.slice(key, colon)].length > 1024;
}

/**
 * A block mapping's key that runs over 1024 characters before its ":" on its line, which go-yaml v2 gives up on
 * (isOverLongKey): kubectl says "could not find expected ':'" where the key is required, else "mapping values are
 * not allowed in this context", both at the ":"'s line. Only a line that long is looked at, and only a key js-yaml
 * read as a scalar there (not a line of a block scalar, or of a quoted or plain one over lines).
 */
function refuseGoYamlLongKeys(text: string): void {
  let starts: Set<number> | undefined;
  for (let lineStart = 0; lineStart < text.length;) {
    const next = text.indexOf('\n', lineStart);
    const lineEnd = next < 0 ? text.length : next;
    if (lineEnd - lineStart > 1024) {
      const key = lineStart + /^[ ]*(?:[-?][ ]+)*/.exec(text.slice(lineStart, lineStart + 4096))![0].length;
      const colon = blockKeyColon(text, key, lineEnd);
      if (colon !== undefined && isOverLongKey(text, key, colon)) {
        starts ??= scalarStarts(text);
        if (starts.has(key)) { throw new YAMLException(LONG_KEY, markAt(text, colon)); }
      }
    }
    lineStart = lineEnd + 1;
  }
}

/** The ":" (and a blank) that ends the key starting at `key` on its line (up to `lineEnd`), if any: after a quoted key's closing quote, or the first outside a comment. */
function blockKeyColon(text: string, key: number, lineEnd: number): number | undefined {
  let at = key;
  if (QUOTES.has(text[key])) {
    const end = quotedScalarEnd(text, key);
    if (end === undefined || end > lineEnd) { return undefined; }
    for (at = end; text[at] === ' ' || text[at] === '\t'; at++);
    return text[at] === ':' && BLANK_OR_BREAK.includes(text[at + 1] ?? '\n') ? at : undefined;
  }
  for (; at < lineEnd; at++) {
    if (text[at] === '#' && (text[at - 1] === ' ' || text[at - 1] === '\t')) { return undefined; }
    if (text[at] === ':' && BLANK_OR_BREAK.includes(text[at + 1] ?? '\n')) { return at; }
  }
  return undefined;
}

/** Whether a line of `text` is longer than `length` (where a key may be too long for go-yaml). */
function hasLineOver(text: string, length: number): boolean {
  if (text.length <= length) { return false; }
  let lineStart = 0;
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', end + 1)) {
    if (end - lineStart > length) { return true; }
    lineStart = end + 1;
  }
  return text.length - lineStart > length;
}

/** Where the scalars js-yaml reads in `text` start (after their properties). */
function scalarStarts(text: string): Set<number> {
  const starts = new Set<number>();
  closeNodes(text, (kind, open, end) => { if (kind === 'scalar') { starts.add(contentStart(text, open, end)); } });
  return starts;
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
