// go-yaml v2's scanner, as far as the check follows it by hand: positions, quoted and plain scalars, the next token, the
// tokens of a flow collection. kubectl-yaml.ts refuses with it what go-yaml refuses and js-yaml reads;
// kubectl-yaml-errors.ts names with it a YAML error where kubectl names it. A function that follows a part of goyaml.v2's
// scannerc.go says which.
import { YAMLException } from 'js-yaml';

/** Where a node's content starts: js-yaml opens a node before the spaces, comments and properties (tag, anchor) in front of it. */
export function contentStart(text: string, from: number, end: number): number {
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
 * The tokens go-yaml v2's scanner reads in the flow collection that starts at `start`, up to its end: where each
 * starts, its first character ("[", "{", ",", "]", "}", ":", "?"; "node" for a scalar, an anchor, a tag or an alias),
 * how many collections are open after it, and where the scanner is once it has read it (`mark`: a plain scalar's
 * scan goes on over the blanks and line breaks after it, yaml_parser_scan_plain_scalar). Comments and blanks are
 * passed over; a quoted scalar left open ends them.
 */
export function* goYamlFlowTokens(text: string, start: number): Generator<{ at: number; token: string; depth: number; mark: number }> {
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
export function markAt(text: string, offset: number): YAMLException['mark'] {
  return { ...positionOf(text, offset), position: offset, name: '', buffer: '', snippet: '' } as unknown as YAMLException['mark'];
}

/** The character that closes a quoted scalar, by the one that opens it. */
export const QUOTES: ReadonlyMap<string, string> = new Map([['"', '"'], ['\'', '\'']]);
/** The character that closes a flow collection, by the one that opens it. */
export const BRACKETS: ReadonlyMap<string, string> = new Map([['[', ']'], ['{', '}']]);

/** The offset after the closing quote of the quoted scalar that starts at `start` (`\` escapes in double quotes, `''` in single). */
export function quotedScalarEnd(text: string, start: number): number | undefined {
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
export function nextTokenAfter(text: string, from: number): number {
  let at = from;
  for (; text[at] === ' ' || text[at] === '\t'; at++);
  for (;;) {
    if (text[at] === '#') { for (; at < text.length && text[at] !== '\n' && text[at] !== '\r'; at++); }
    if (at >= text.length || (text[at] !== '\n' && text[at] !== '\r')) { return at; }
    at += text.startsWith('\r\n', at) ? 2 : 1;
    for (; text[at] === ' '; at++);
  }
}

/** The characters go-yaml v2's scanner passes over between tokens (a blank or a line break). */
export const BLANK_OR_BREAK = ' \t\r\n';

/**
 * Where go-yaml v2's scanner stops a plain scalar that starts at `start` in a block: at ": " (or ":" at a
 * line end), at a comment, at a document marker at the start of a line, or at a line indented less than
 * `indent` (the block's indentation plus one). Its error for a key with no ":" names this place
 * (gopkg.in/yaml.v2 v2.4.0 scannerc.go, yaml_parser_scan_plain_scalar, then yaml_simple_key_is_valid,
 * which sets the problem mark where the scanner is).
 */
export function goYamlPlainScalarEnd(text: string, start: number, indent: number): number {
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
export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
