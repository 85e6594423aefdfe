// A YAML error in words, at the line kubectl 1.32 names: js-yaml's reason and place, or, where go-yaml v2 stops at
// another place or for another reason, kubectl's (goYamlPlace). Words never quote the file: a merge conflict or a
// stray line may hold a credential. test/check/kubectl-yaml.test.ts holds the broken files, recorded from kubectl.
import { YAMLException } from 'js-yaml';
import { GoYamlValueError } from './go-yaml-decode';
import { closeNodes, FLOW_REASON_WORDS } from './kubectl-yaml';
import { BLANK_OR_BREAK, BRACKETS, QUOTES, columnOf, contentStart, goYamlFlowTokens, goYamlPlainScalarEnd, nextTokenAfter, positionOf, quotedScalarEnd } from './go-yaml-scan';

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
export function goYamlPlace(text: string, reason: string, position: number): { line: number; words: string } | undefined {
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
