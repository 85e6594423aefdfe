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
function closeNodes(text: string, closed: (kind: string | null, open: number, end: number) => void, opens: number[] = []): boolean {
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
const FLOW_REASON_WORDS: ReadonlyMap<string, string> = new Map([
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
 * The tokens go-yaml v2's scanner reads in the flow collection that starts at `start`, up to its end: where each
 * starts, its first character ("[", "{", ",", "]", "}", ":", "?"; "node" for a scalar, an anchor, a tag or an alias),
 * how many collections are open after it, and where the scanner is once it has read it (`mark`: a plain scalar's
 * scan goes on over the blanks and line breaks after it, yaml_parser_scan_plain_scalar). Comments and blanks are
 * passed over; a quoted scalar left open ends them.
 */
function* goYamlFlowTokens(text: string, start: number): Generator<{ at: number; token: string; depth: number; mark: number }> {
  let depth = 0;
  for (let at = start; at < text.length;) {
    const c = text[at];
    if (BLANK_OR_BREAK.includes(c)) {
      at++;
    } else if (c === '#') {
      // A token stops before a blank, so a "#" where one starts begins a comment.
      for (; at < text.length && text[at] !== '\n'; at++);
    } else if ('[{,]}:?'.includes(c)) {
      depth += c === '[' || c === '{' ? 1 : c === ']' || c === '}' ? -1 : 0;
      yield { at, token: c, depth, mark: at + 1 };
      if (depth === 0) { return; }
      at++;
    } else if (c === '"' || c === '\'') {
      const end = quotedScalarEnd(text, at);
      yield { at, token: 'node', depth, mark: end ?? text.length };
      if (end === undefined) { return; }
      at = end;
    } else {
      // A plain scalar, or an anchor, tag or alias (which end at a blank or a flow indicator too).
      const end = goYamlFlowPlainEnd(text, at);
      let mark = end;
      for (; mark < text.length && BLANK_OR_BREAK.includes(text[mark]); mark++);
      yield { at, token: 'node', depth, mark };
      at = end;
    }
  }
}

/**
 * Where go-yaml v2's scanner ends a plain scalar that starts at `at` in a flow collection: at ": " (or ":" before a
 * line break), at one of ",?[]{}", or at a comment; over line breaks (yaml_parser_scan_plain_scalar).
 */
function goYamlFlowPlainEnd(text: string, from: number): number {
  let at = from;
  for (;;) {
    for (; at < text.length && !BLANK_OR_BREAK.includes(text[at]); at++) {
      const c = text[at];
      if (',?[]{}'.includes(c) || (c === ':' && (at + 1 === text.length || BLANK_OR_BREAK.includes(text[at + 1])))) { return at; }
    }
    const blank = at;
    for (; at < text.length && BLANK_OR_BREAK.includes(text[at]); at++);
    if (at >= text.length || text[at] === '#' || ',?[]{}'.includes(text[at]) || (text[at] === ':' && BLANK_OR_BREAK.includes(text[at + 1] ?? ' '))) { return blank; }
  }
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

/** kubectl's "did not find expected comment or line break" after the ">" or "|" that starts a block scalar, in words. */
const BLOCK_HEADER_WORDS = 'a ">" or "|" starts a block scalar, and its header goes on with more than "+" or "-", a digit and a comment '
  + '(a merge conflict marker ">>>>>>>" does): remove it, or quote the value';

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
  ...[...FLOW_REASON_WORDS].map(([reason, words]) => [new RegExp(`^${reason}`), words] as [RegExp, string]),
  [/^go-yaml: a key of more than 1024 characters/, 'a key runs over 1024 characters before its ":", which kubectl refuses: shorten the key'],
  [/^go-yaml: a tab in a block scalar's indentation/, 'a tab is in the indentation of a block scalar (| or >) before its text, which kubectl refuses: indent with spaces'],
];

/**
 * A YAML error as ` at line L, column C: what`, or `: what` when it has no position (what go-yaml-decode.ts
 * finds names the field), naming no content, to follow `not valid YAML`; `firstLine` is where the document
 * starts (0-based), `text` the document js-yaml read. Where js-yaml stops at another place than go-yaml v2,
 * or for another reason, the place and the words are kubectl's (goYamlPlace).
 */
export function yamlErrorInWords(error: YAMLException, firstLine: number, text?: string): string {
  if (error instanceof GoYamlValueError) { return `: ${error.words}`; }
  const reason = String((error as { reason?: unknown }).reason ?? '');
  const mark = (error as { mark?: { line?: number; column?: number; position?: number } }).mark;
  const kubectl = text !== undefined && typeof mark?.position === 'number' ? goYamlPlace(text, reason, mark.position) : undefined;
  if (kubectl !== undefined) { return ` at line ${firstLine + kubectl.line}${kubectl.words}`; }
  const words = REASON_WORDS.find(([pattern]) => pattern.test(reason))?.[1] ?? 'the text cannot be parsed';
  return typeof mark?.line === 'number' && typeof mark.column === 'number'
    ? ` at line ${firstLine + mark.line + 1}, column ${mark.column + 1}: ${words}`
    : `: ${words}`;
}

/**
 * kubectl's line (from 1, in `text`) of an error js-yaml reports at `position`, and the words after it,
 * where the two part: the vectors in test/check/kubectl-yaml.test.ts were recorded from kubectl 1.32.4.
 * go-yaml v2 (gopkg.in/yaml.v2 v2.4.0, as sigs.k8s.io/yaml v1.4.0 vendors it in goyaml.v2; decode.go,
 * (*parser).fail) names the line of a scanner error's mark, and for a parser error the 0-based line of
 * the token it did not expect: the line above it. So a parser error is named at the line before the one
 * that is wrong, and the words say so. `undefined` where js-yaml's place and words stand.
 */
function goYamlPlace(text: string, reason: string, position: number): { line: number; words: string } | undefined {
  const at = positionOf(text, position);
  const flow = FLOW_REASON_WORDS.get(reason);
  if (flow !== undefined) {
    // A parser error: go-yaml names the line above the token (never line 0, which it leaves unnamed).
    return at.line === 0 ? undefined : { line: at.line, words: `: the line after it holds, at column ${at.column + 1}, ${flow}` };
  }
  if (/^can not read (a block mapping entry|an implicit mapping pair)/.test(reason)) {
    const key = strayKeyStart(text);
    const stray = key === undefined ? undefined : strayKeyAt(text, key);
    if (stray !== undefined) { return stray; }
  }
  if (unclosedQuoteAt(text, position)) {
    // A scanner error at the end of the document, which go-yaml meets before the parser's error there.
    const end = positionOf(text, text.length);
    return { line: end.line + 1, words: `, column ${end.column + 1}: a closing quote is missing` };
  }
  const afterNode = /^(bad indentation|can not read (a block mapping entry|an implicit mapping pair))/.test(reason) ? tokenAfterClosedNode(text, position) : undefined;
  if (afterNode !== undefined) {
    const token = positionOf(text, afterNode);
    return token.line === 0 ? undefined : { line: token.line, words: `: the line after it holds, at column ${token.column + 1}, ${AFTER_NODE_WORDS}` };
  }
  if (',]}'.includes(text[position]) && /(?:^[ ]*|:[ \t]+|(?:^|[ \t])-[ \t]+)$/.test(text.slice(position - at.column, position))) {
    // A "," or closing bracket where a key or a node is due (at a line's start, after "key: " or "- "): go-yaml's scanner
    // reads its token in the block context too (yaml_parser_fetch_flow_entry, yaml_parser_fetch_flow_collection_end)
    // and its parser finds no key or node there (yaml_parser_parse_block_mapping_key, yaml_parser_parse_node).
    return at.line === 0 ? undefined : { line: at.line, words: `: the line after it holds, at column ${at.column + 1}, ${STRAY_FLOW_INDICATOR_WORDS}` };
  }
  const value = valueWithNoKeyAt(text, position);
  if (value !== undefined) {
    const colon = positionOf(text, value);
    return colon.line === 0 ? undefined : { line: colon.line, words: `: the line after it starts, at column ${colon.column + 1}, ${VALUE_WITH_NO_KEY_WORDS}` };
  }
  const lineStart = /^[ ]*$/.test(text.slice(position - at.column, position));
  if (/^end of the stream or a document separator is expected/.test(reason)) {
    // A plain scalar at the root goes on over every line to go-yaml (its block indentation is -1), up to a ": ".
    const root = strayKeyStart(text);
    const end = root === undefined || /^(?:["'|>&!*[{#%@`]|[-?:](?:[ \t\r\n]|$))/.test(text.slice(root, root + 2)) ? -1 : goYamlPlainScalarEnd(text, root, 0);
    if (text[end] === ':') {
      const stop = positionOf(text, end);
      return { line: stop.line + 1, words: `, column ${stop.column + 1}: ${VALUE_INDICATOR_WORDS}` };
    }
  }
  if (/^(bad indentation|end of the stream or a document separator is expected)/.test(reason) && lineStart && BAD_BLOCK_HEADER.test(text.slice(position))) {
    return { line: at.line + 1, words: `, column ${at.column + 1}: ${BLOCK_HEADER_WORDS}` };
  }
  if (/^(a line break is expected|repeat of a (chomping mode|indentation width) identifier)/.test(reason) && /[>|]/.test(text.slice(position - at.column, position))) {
    return { line: at.line + 1, words: `, column ${at.column + 1}: ${BLOCK_HEADER_WORDS}` };
  }
  if (/^(bad indentation|end of the stream or a document separator is expected)/.test(reason) && text[position] === ':') {
    return { line: at.line + 1, words: `, column ${at.column + 1}: ${VALUE_INDICATOR_WORDS}` };
  }
  if (/^(missed comma between flow collection entries|unexpected end of the stream within a flow collection)/.test(reason)) {
    const key = openFlowKeyAt(text);
    if (key !== undefined) { return key; }
  }
  if (/^unexpected end of the stream within a flow collection/.test(reason)) {
    // go-yaml names the line of the stream's end, counted from 0 (a parser error), in the document kubectl ends
    // with a line break: the last line of the document.
    return { line: positionOf(text, text.length).line + (text.endsWith('\n') ? 0 : 1), words: ': a flow collection ([...] or {...}) misses its closing bracket before the end of the document' };
  }
  // A parser error at the first token of a line: go-yaml names the line above (never line 0, which it leaves unnamed).
  if (at.line === 0) { return undefined; }
  if (/^end of the stream or a document separator is expected/.test(reason) && lineStart && /^-(?:[ \t\r\n]|$)/.test(text.slice(position))) {
    return { line: at.line, words: NO_KEY_WORDS(at.column) };
  }
  if (/^bad indentation/.test(reason) && lineStart) {
    // A plain scalar that runs on without ": " at the indentation of a block is a key to go-yaml, which never finds its ":".
    const stray = atBlockIndentation(text, position) ? strayKeyAt(text, position) : undefined;
    if (stray !== undefined) { return stray; }
    return { line: at.line, words: NO_KEY_WORDS(at.column) };
  }
  if (/^missed comma between flow collection entries/.test(reason)) {
    return { line: at.line, words: `: a flow collection ([...] or {...}) misses its closing bracket, or a comma between entries, before column ${at.column + 1} of the line after it` };
  }
  return undefined;
}

/**
 * The token that follows, on its line, the last quoted scalar or flow collection js-yaml read before failing at
 * `position` (on that line too), unless that node starts its line at a block's indentation (a key, which stray keys
 * place): go-yaml v2 allows no key after either (scannerc.go, yaml_parser_fetch_flow_scalar and
 * yaml_parser_fetch_flow_collection_end set simple_key_allowed to false), so the token is what its parser meets where
 * a key or a "-" is due (parserc.go, yaml_parser_parse_block_mapping_key: "did not find expected key", a parser error
 * named at the line above). An unclosed quote whose string closes at a later line's quote leaves that line's rest so.
 */
function tokenAfterClosedNode(text: string, position: number): number | undefined {
  let node: [number, number] | undefined;
  // The text does not parse: that error is the one being described.
  closeNodes(text, (kind, open, end) => {
    if (end > position || kind === null) { return; }
    const start = contentStart(text, open, end);
    const closer = kind === 'scalar' ? QUOTES.get(text[start]) : BRACKETS.get(text[start]);
    if (closer === undefined) { return; }
    let last = end;
    for (; last > start && BLANK_OR_BREAK.includes(text[last - 1]); last--);
    if (text[last - 1] === closer) { node = [start, last]; }
  });
  if (node === undefined) { return undefined; }
  const [start, close] = node;
  // Its line's start is looked for once: a long line of quoted strings stays linear.
  if (/^[ ]*$/.test(text.slice(start - columnOf(text, start), start)) && atBlockIndentation(text, start)) { return undefined; }
  if (/[\r\n]/.test(text.slice(close, position))) { return undefined; }
  let after = close;
  for (; text[after] === ' ' || text[after] === '\t'; after++);
  return after <= position && !':#\r\n'.includes(text[after] ?? '\n') ? after : undefined;
}

const QUOTES: ReadonlyMap<string, string> = new Map([['"', '"'], ['\'', '\'']]);
const BRACKETS: ReadonlyMap<string, string> = new Map([['[', ']'], ['{', '}']]);

/**
 * Whether js-yaml failed inside a quoted scalar, or at one that starts where it failed, that no quote closes: go-yaml
 * v2's scanner reads it to the end of the document before its parser meets what js-yaml refused
 * (yaml_parser_scan_flow_scalar: "found unexpected end of stream", a scanner error named at the end).
 */
function unclosedQuoteAt(text: string, position: number): boolean {
  const opens: number[] = [];
  closeNodes(text, () => undefined, opens);
  const inner = opens.length === 0 ? -1 : contentStart(text, opens[opens.length - 1], text.length);
  let at = position;
  for (; text[at] === ' ' || text[at] === '\t'; at++);
  return [inner, at].some(start => QUOTES.has(text[start]) && start <= at && quotedScalarEnd(text, start) === undefined);
}

/**
 * Where the line of `position` starts with a ":" (and a blank) that follows no key, in the block context: go-yaml v2's
 * scanner reads a VALUE token there (yaml_parser_fetch_value) and its parser meets it where a key is due
 * (yaml_parser_parse_block_mapping_key: "did not find expected key"; this fork takes no VALUE there), a parser error
 * named at the line above. `undefined` in a text with a complex key (`? `), whose ":" may start a line.
 */
function valueWithNoKeyAt(text: string, position: number): number | undefined {
  const lineStart = position - columnOf(text, position);
  const colon = /^[ ]*:(?:[ \t\r\n]|$)/.exec(text.slice(lineStart, position + 2));
  if (colon === null || lineStart + colon[0].indexOf(':') > position || COMPLEX_KEY.test(text)) { return undefined; }
  return lineStart + colon[0].indexOf(':');
}

/** A complex key: a "?" and a blank that start a line, or an entry of a list. */
const COMPLEX_KEY = /^[ ]*(?:-[ ]+)*\?(?:[ \t\r\n]|$)/m;

/**
 * kubectl's place and words for a plain scalar at `key`, the first thing on its line, that go-yaml takes for a
 * key: where its scanner stops the scalar, unless at the ": " that makes it a key (`undefined`). A comment on
 * the key's own line leaves the key possible, so the error is where the next token starts (see nextTokenAfterComment).
 */
function strayKeyAt(text: string, key: number): { line: number; words: string } | undefined {
  if (text[key] === '"' || text[key] === '\'') { return strayQuotedKeyAt(text, key); }
  if (/^(?:[|>&!*[{#%@`]|[-?:](?:[ \t\r\n]|$))/.test(text.slice(key, key + 2))) { return undefined; }
  const end = goYamlPlainScalarEnd(text, key, columnOf(text, key) + 1);
  const sameLine = positionOf(text, end).line === positionOf(text, key).line;
  if (text[end] === ':' && sameLine) { return undefined; }
  const stop = positionOf(text, text[end] === '#' && sameLine ? nextTokenAfter(text, end) : end);
  return { line: stop.line + 1, words: `, column ${stop.column + 1}: ${STRAY_KEY_WORDS}` };
}

/**
 * kubectl's place and words for a flow collection left open whose "[" or "{" starts a line where a key is due (at the
 * indentation of the block mapping or list it is in): go-yaml v2's scanner saves the bracket as a simple key that is
 * required (scannerc.go, yaml_parser_save_simple_key: in the block context, at the block's indentation), and finds it
 * no longer valid once the scanner has read a token that leaves it on a later line (yaml_parser_fetch_more_tokens asks
 * yaml_simple_key_is_valid after each token while the bracket heads the queue): "could not find expected ':'", a
 * scanner error named where the scanner is. `undefined` when no such collection is open, or it closes on its line.
 */
function openFlowKeyAt(text: string): { line: number; words: string } | undefined {
  const open = outermostOpenFlow(text);
  if (open === undefined || !/^[ ]*$/.test(text.slice(open - columnOf(text, open), open)) || !atBlockIndentation(text, open)) { return undefined; }
  const lineEnd = text.indexOf('\n', open);
  let stale = text.length;
  for (const { mark, depth } of goYamlFlowTokens(text, open)) {
    if (lineEnd >= 0 && mark > lineEnd) {
      stale = mark;
      break;
    }
    if (depth === 0) { return undefined; }
  }
  const stop = positionOf(text, stale);
  return { line: stop.line + 1, words: `, column ${stop.column + 1}: ${STRAY_KEY_WORDS}` };
}

/** Where the outermost flow collection js-yaml left open when it failed on `text` starts (its bracket). */
function outermostOpenFlow(text: string): number | undefined {
  const opens: number[] = [];
  if (closeNodes(text, () => undefined, opens)) { return undefined; }
  for (const open of opens) {
    const start = contentStart(text, open, text.length);
    if (text[start] === '[' || text[start] === '{') { return start; }
  }
  return undefined;
}

/**
 * The same for a quoted scalar at `key` (a stray `"..."` line): go-yaml finds the key stale after its closing quote
 * when that is on a later line than the key, else at the next token when that is on a later line, else where the scan
 * of a plain scalar that follows on the key's line stops (`"a" b`: yaml_parser_scan_plain_scalar reads on over the
 * line breaks after it; `undefined` when that is on the key's line: js-yaml's place stands).
 */
function strayQuotedKeyAt(text: string, key: number): { line: number; words: string } | undefined {
  const after = quotedScalarEnd(text, key);
  if (after === undefined) { return undefined; }
  const keyLine = positionOf(text, key).line;
  const next = nextTokenAfter(text, after);
  const plain = positionOf(text, next).line === keyLine && !/^(?:["'|>&!*[\]{},#%@`]|[-?:](?:[ \t\r\n]|$))/.test(text.slice(next, next + 2));
  const stop = positionOf(text, positionOf(text, after).line > keyLine ? after : plain ? goYamlPlainScalarEnd(text, next, columnOf(text, key) + 1) : next);
  return stop.line === keyLine ? undefined : { line: stop.line + 1, words: `, column ${stop.column + 1}: ${STRAY_KEY_WORDS}` };
}

/** The offset after the closing quote of the quoted scalar that starts at `start` (`\` escapes in double quotes, `''` in single). */
function quotedScalarEnd(text: string, start: number): number | undefined {
  const quote = text[start];
  for (let at = start + 1; at < text.length; at++) {
    if (quote === '"' && text[at] === '\\') {
      at++;
    } else if (text[at] === quote) {
      if (quote === '\'' && text[at + 1] === '\'') { at++; continue; }
      return at + 1;
    }
  }
  return undefined;
}

/**
 * Where go-yaml v2's scanner finds the next token from `from`: past blanks, a comment, line breaks, the spaces that
 * start lines and comment lines (a tab at a line's start stops it). A simple key is stale only once the scanner is
 * on a later line: yaml_parser_fetch_more_tokens checks it where the key's scalar ended (on the key's line, still
 * valid), then yaml_parser_fetch_next_token runs yaml_parser_scan_to_next_token before
 * yaml_parser_stale_simple_keys, whose "could not find expected ':'" names this place (gopkg.in/yaml.v2 v2.4.0
 * scannerc.go). Recorded: test/check/kubectl-yaml.test.ts, "a merge conflict marker followed by a comment on its line".
 */
function nextTokenAfter(text: string, from: number): number {
  let at = from;
  for (; text[at] === ' ' || text[at] === '\t'; at++);
  for (;;) {
    if (text[at] === '#') { for (; at < text.length && text[at] !== '\n' && text[at] !== '\r'; at++); }
    if (at >= text.length || (text[at] !== '\n' && text[at] !== '\r')) { return at; }
    at += text.startsWith('\r\n', at) ? 2 : 1;
    for (; text[at] === ' '; at++);
  }
}

/**
 * Whether the line of `offset` starts at the indentation of a block open above it (go-yaml's indent after
 * unroll_indent equals its column, so a key there is required): the nearest line above indented no deeper is
 * indented as much, or is a list item whose content starts there. Blank and comment lines are passed over.
 */
function atBlockIndentation(text: string, offset: number): boolean {
  const column = columnOf(text, offset);
  for (let end = offset - column - 1; end > 0;) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    const indent = /^[ ]*/.exec(line)![0].length;
    if (indent === line.length || line[indent] === '#' || indent > column) { continue; }
    return indent === column || (/^[ ]*(?:-[ ]+)+/.exec(line)?.[0].length ?? -1) === column;
  }
  return false;
}

/** A ">" or "|" that go-yaml reads as the start of a block scalar whose header goes on with more than indicators and a comment. */
const BAD_BLOCK_HEADER = /^[>|](?![-+0-9]*[ \t]*(?:#[^\n]*)?(?:\r?\n|$))/;



/** kubectl's "did not find expected key" (or "'-' indicator"), in words, named at the line above the one at fault (from 0, `column`). */
const NO_KEY_WORDS = (column: number) => `: the line after it, from column ${column + 1}, is neither a key of the mapping nor an item of the list `
  + 'it is in (a list item "- " among the keys of a mapping, a key among the items of a list, or a line indented to none of the levels above it): '
  + 'fix its indentation';

/** kubectl's "did not find expected key" for a token after a quoted scalar or a flow collection on its line, in words. */
const AFTER_NODE_WORDS = 'text after a quoted string or a closing bracket on its line, which kubectl refuses (a quoted string ends at its '
  + 'closing quote, and an unclosed quote runs on to the next quote): quote the whole value, or close the quote';

/** kubectl's "did not find expected node content" (or key) for a ",", "]" or "}" outside brackets, in words after "the line after it holds, at column C,". */
const STRAY_FLOW_INDICATOR_WORDS = 'a "," or a closing bracket outside a flow collection ([...] or {...}), which kubectl refuses: remove it, or quote the value';

/** kubectl's "did not find expected key" for a ":" that starts a line, in words after "the line after it starts, at column C,". */
const VALUE_WITH_NO_KEY_WORDS = 'with a ":" that follows no key, which kubectl refuses: write the key before it, or remove it';

/** kubectl's "could not find expected ':'", in words. */
const STRAY_KEY_WORDS = 'text that stands where a key is due (a merge conflict marker, a stray line, or lines that lost their indentation) '
  + 'has no ": " after it up to here: remove it, or indent it under its key';

/** kubectl's "mapping values are not allowed in this context", in words. */
const VALUE_INDICATOR_WORDS = 'a ": " follows text that can only be a value here (a value that holds ": " needs quotes, a key needs a space '
  + 'after its ":", and a line indented deeper than the keys above it goes on with the value before it)';

/** Where the implicit key js-yaml refused starts: the last node it read before the error, when it starts its line. */
function strayKeyStart(text: string): number | undefined {
  let last: number | undefined;
  // The text does not parse: that error is the one being described.
  closeNodes(text, (kind, open, end) => { last = kind === 'scalar' ? contentStart(text, open, end) : undefined; });
  return last !== undefined && /^[ ]*$/.test(text.slice(last - columnOf(text, last), last)) ? last : undefined;
}

const BLANK_OR_BREAK = ' \t\r\n';

/**
 * Where go-yaml v2's scanner stops a plain scalar that starts at `start` in a block: at ": " (or ":" at a
 * line end), at a comment, at a document marker at the start of a line, or at a line indented less than
 * `indent` (the block's indentation plus one). Its error for a key with no ":" names this place
 * (gopkg.in/yaml.v2 v2.4.0 scannerc.go, yaml_parser_scan_plain_scalar, then yaml_simple_key_is_valid,
 * which sets the problem mark where the scanner is).
 */
function goYamlPlainScalarEnd(text: string, start: number, indent: number): number {
  let at = start;
  // The start of the line of `at`, kept as the scan passes line breaks: a column found from the text for
  // every word made a long line of words quadratic (a 1.4 MB line took minutes).
  let lineStart = text.lastIndexOf('\n', start - 1) + 1;
  for (;;) {
    if (at === lineStart && /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text.slice(at, at + 4))) { return at; }
    if (text[at] === '#') { return at; }
    for (; at < text.length && !BLANK_OR_BREAK.includes(text[at]); at++) {
      if (text[at] === ':' && (at + 1 === text.length || BLANK_OR_BREAK.includes(text[at + 1]))) { return at; }
    }
    for (; at < text.length && BLANK_OR_BREAK.includes(text[at]); at++) {
      if (text[at] === '\n') { lineStart = at + 1; }
    }
    if (at >= text.length || at - lineStart < indent) { return at; }
  }
}

/** The column (from 0) of an offset: its distance from the line's start. */
function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
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
