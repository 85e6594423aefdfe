// A reader of Go's text/template syntax, as External Secrets Operator v2.9's template engine v2 parses a template
// (runtime/template/v2/template.go `execute`: tpl.New(k).Option("missingkey=error").Funcs(tplFuncs).Delims(...).Parse,
// then Execute over a map[string]string). It follows Go's src/text/template/parse: lex.go (lexText, lexLeftDelim,
// lexComment, lexRightDelim, lexInsideAction, lexSpace, lexIdentifier, lexFieldOrVariable, atTerminator, lexChar,
// lexNumber, scanNumber, lexQuote, lexRawQuote; the lexer the parser drives, with the `break` and `continue`
// keywords and trim markers, Go 1.20 and later) and parse.go (parse, itemList, textOrAction, action,
// breakControl, continueControl, pipeline, checkPipeline, parseControl, elseControl, endControl, command, operand,
// term, useVar). It assumes the default delimiters `{{` `}}` (ESO's `--template-left-delimiter` and
// `--template-right-delimiter` can change them).
//
// Read from a copy of Go's modern text/template/parse (the lexer the parser drives, Go 1.20 and later); every test
// vector is checked against go1.23.8 through kubectl 1.32. Exact where it answers, silent where it cannot be sure: a function it does not know to be in ESO's function map
// (Go's parser then fails with "function not defined", unless the map has it), `define`, `block` and `template`
// (another tree), a number other than a plain decimal integer or a character constant (newNumber), a string
// escape strconv.Unquote may refuse, and nesting deeper than MAX_DEPTH make it answer nothing. Test vectors are
// compared with Go's own parser and executor through kubectl's `-o go-template` (test/check/go-template.test.ts).

/** What the reader makes of a template: the first parse error, or the keys of `.` its execution surely reads. */
export type TemplateReading =
  | { readonly kind: 'error'; readonly line: number; readonly what: string; readonly dashedField?: boolean }
  | { readonly kind: 'parsed'; readonly reads: readonly FieldRead[] }
  | { readonly kind: 'unsure' };

/** A key of the top-level `.` that execution reads with `.name` before anything else could stop it, and its line. */
export interface FieldRead {
  readonly name: string;
  readonly line: number;
}

/**
 * The functions the reader knows ESO v2.9's engine has: text/template's builtins (funcs.go builtins), ESO's own
 * (runtime/template/v2/template.go tplFuncs) and a few of Masterminds sprig v3's TxtFuncMap (functions.go genericMap),
 * which ESO adds (all but env and expandenv). Any other name makes the reader unsure: the parser fails on a name the
 * map lacks (parse.go term: "function %q not defined").
 */
const KNOWN_FUNCTIONS: ReadonlySet<string> = new Set([
  'and', 'call', 'html', 'index', 'slice', 'js', 'len', 'not', 'or', 'print', 'printf', 'println', 'urlquery',
  'eq', 'ge', 'gt', 'le', 'lt', 'ne',
  'pkcs12key', 'pkcs12keyPass', 'pkcs12cert', 'pkcs12certPass', 'pemToPkcs12', 'pemToPkcs12Pass', 'fullPemToPkcs12',
  'fullPemToPkcs12Pass', 'pemTruststoreToPKCS12', 'pemTruststoreToPKCS12Pass', 'filterPEM', 'filterCertChain',
  'jwkPublicKeyPem', 'jwkPrivateKeyPem', 'toYaml', 'fromYaml', 'rsaDecrypt',
  'trim', 'upper', 'lower', 'trimAll', 'trimSuffix', 'trimPrefix', 'quote', 'squote', 'replace', 'toString', 'default',
  'b64enc', 'b64dec', 'toJson', 'toRawJson', 'toPrettyJson', 'mustToJson', 'fromJson', 'dict', 'htpasswd', 'indent', 'nindent',
]);

/** How deep the reader follows parentheses and nested controls (Go allows 10000 parentheses, maxStackDepth). */
const MAX_DEPTH = 100;

const enum T {
  Error, Bool, Char, CharConstant, Complex, Assign, Declare, EOF, Field, Identifier, LeftDelim, LeftParen, Number, Pipe,
  RawString, RightDelim, RightParen, Space, String, Text, Variable,
  Block, Break, Continue, Dot, Define, Else, End, If, Nil, Range, Template, With,
}

const KEYWORDS: ReadonlyMap<string, T> = new Map([
  ['block', T.Block], ['break', T.Break], ['continue', T.Continue], ['define', T.Define], ['else', T.Else], ['end', T.End],
  ['if', T.If], ['nil', T.Nil], ['range', T.Range], ['template', T.Template], ['with', T.With],
]);

interface Token {
  readonly typ: T;
  readonly pos: number;
  readonly val: string;
}

const ALPHANUMERIC = /[_\p{L}\p{Nd}]/u;
const EOF = '';

/** Go's isSpace (lex.go): space, tab, carriage return, newline. */
function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

/** Go's isAlphaNumeric: `_`, unicode.IsLetter, unicode.IsDigit (category Nd). */
function isAlphaNumeric(c: string): boolean {
  if (c.length === 1 && c < '\u0080') {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_';
  }
  return c !== EOF && ALPHANUMERIC.test(c);
}

/** The tokens of `input`, as Go's lexer hands them to the parser, up to EOF or the first error (the last token). */
function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let start = 0;
  let parenDepth = 0;
  const at = (i: number) => {
    if (i >= input.length) { return EOF; }
    const code = input.charCodeAt(i);
    // A surrogate pair is one rune, as Go's utf8.DecodeRuneInString reads it.
    return code < 0xd800 || code > 0xdbff ? input[i] : String.fromCodePoint(input.codePointAt(i)!);
  };
  const next = () => { const c = at(pos); pos += c.length; return c; };
  const peek = () => at(pos);
  const emit = (typ: T) => { tokens.push({ typ, pos: start, val: input.slice(start, pos) }); start = pos; };
  const fail = (what: string) => { tokens.push({ typ: T.Error, pos: start, val: what }); };
  const hasLeftTrim = (i: number) => input[i] === '-' && isSpace(input[i + 1] ?? EOF);
  const hasRightTrim = (i: number) => isSpace(input[i] ?? EOF) && input[i + 1] === '-';
  const atRightDelim = (): [boolean, boolean] => {
    if (hasRightTrim(pos) && input.startsWith('}}', pos + 2)) { return [true, true]; }
    return [input.startsWith('}}', pos), false];
  };
  const atTerminator = () => {
    const c = peek();
    return isSpace(c) || c === EOF || '.,|:)('.includes(c) || input.startsWith('}}', pos);
  };
  const accept = (valid: string) => {
    const c = peek();
    if (c !== EOF && valid.includes(c)) { pos += c.length; return true; }
    return false;
  };
  const acceptRun = (valid: string) => { while (accept(valid)) { /* absorb */ } };
  const scanNumber = () => {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) { digits = '0123456789abcdefABCDEF_'; } else if (accept('oO')) { digits = '01234567_'; } else if (accept('bB')) { digits = '01_'; }
    }
    acceptRun(digits);
    if (accept('.')) { acceptRun(digits); }
    if (digits.length === 11 && accept('eE')) { accept('+-'); acceptRun('0123456789_'); }
    if (digits.length === 23 && accept('pP')) { accept('+-'); acceptRun('0123456789_'); }
    accept('i');
    if (isAlphaNumeric(peek())) { next(); return false; }
    return true;
  };
  /** lexFieldOrVariable: the `.` or `$` is read. False on an error. */
  const fieldOrVariable = (typ: T): boolean => {
    if (atTerminator()) { emit(typ === T.Variable ? T.Variable : T.Dot); return true; }
    while (isAlphaNumeric(peek())) { next(); }
    if (!atTerminator()) { fail(badCharacter(peek(), typ === T.Field)); return false; }
    emit(typ);
    return true;
  };
  /** lexInsideAction, until the right delimiter is emitted; false on an error. */
  const insideAction = (): boolean => {
    for (;;) {
      const [delim, trim] = atRightDelim();
      if (delim) {
        if (parenDepth !== 0) { fail('a ( is not closed before the }} that ends the action'); return false; }
        if (trim) { pos += 2; start = pos; }
        pos += 2;
        emit(T.RightDelim);
        if (trim) { while (isSpace(input[pos] ?? EOF)) { pos++; } start = pos; }
        return true;
      }
      const c = next();
      if (c === EOF) { fail('an action opened with {{ is not closed with }}'); return false; }
      if (isSpace(c)) {
        // lexSpace: a run of spaces; one space before a trim-marked right delimiter belongs to it.
        pos -= 1;
        let spaces = 0;
        while (isSpace(peek())) { next(); spaces++; }
        if (hasRightTrim(pos - 1) && input.startsWith('}}', pos + 1)) {
          pos -= 1;
          if (spaces === 1) { continue; }
        }
        emit(T.Space);
        continue;
      }
      switch (c) {
        case '=': emit(T.Assign); continue;
        case ':':
          if (next() !== '=') { fail('a : that no = follows (:= declares a variable)'); return false; }
          emit(T.Declare); continue;
        case '|': emit(T.Pipe); continue;
        case '"': case '\'': {
          const closing = c;
          for (;;) {
            let d = next();
            if (d === '\\') {
              d = next();
              if (d !== EOF && d !== '\n') { continue; }
            }
            if (d === EOF || d === '\n') {
              fail(closing === '"' ? 'a quoted string not closed on its line' : 'a character constant not closed on its line');
              return false;
            }
            if (d === closing) { break; }
          }
          emit(closing === '"' ? T.String : T.CharConstant);
          continue;
        }
        case '`': {
          const end = input.indexOf('`', pos);
          if (end < 0) { pos = input.length; fail('a raw string (`) that is never closed'); return false; }
          pos = end + 1;
          emit(T.RawString);
          continue;
        }
        case '$':
          if (atTerminator()) { emit(T.Variable); continue; }
          if (!fieldOrVariable(T.Variable)) { return false; }
          continue;
        case '(': parenDepth++; emit(T.LeftParen); continue;
        case ')':
          parenDepth--;
          if (parenDepth < 0) { fail('a ) that closes no ('); return false; }
          emit(T.RightParen); continue;
      }
      if (c === '.' && pos < input.length && !(input[pos] >= '0' && input[pos] <= '9')) {
        if (!fieldOrVariable(T.Field)) { return false; }
        continue;
      }
      if (c === '.' || c === '+' || c === '-' || (c >= '0' && c <= '9')) {
        pos -= 1;
        if (!scanNumber()) { fail('a malformed number'); return false; }
        const sign = peek();
        if (sign === '+' || sign === '-') {
          if (!scanNumber() || input[pos - 1] !== 'i') { fail('a malformed number'); return false; }
          emit(T.Complex);
        } else {
          emit(T.Number);
        }
        continue;
      }
      if (isAlphaNumeric(c)) {
        while (isAlphaNumeric(peek())) { next(); }
        const word = input.slice(start, pos);
        if (!atTerminator()) { fail(badCharacter(peek(), false)); return false; }
        const keyword = KEYWORDS.get(word);
        // break and continue are keywords, as ESO's function map has no function of either name (startParse's lexOptions).
        emit(keyword ?? (word === 'true' || word === 'false' ? T.Bool : T.Identifier));
        continue;
      }
      if (c.length === 1 && c >= ' ' && c <= '~') { emit(T.Char); continue; }
      fail('a character that cannot stand in an action (a control character, or one beyond ASCII that is no letter or digit)');
      return false;
    }
  };
  for (;;) {
    // lexText: up to the next {{, its trailing spaces trimmed by a `{{- `.
    const x = input.indexOf('{{', pos);
    if (x < 0) {
      pos = input.length;
      if (pos > start) { emit(T.Text); }
      tokens.push({ typ: T.EOF, pos, val: '' });
      return tokens;
    }
    if (x > pos) { pos = x; emit(T.Text); }
    pos = x + 2;
    const afterMarker = hasLeftTrim(pos) ? 2 : 0;
    if (input.startsWith('/*', pos + afterMarker)) {
      // lexComment: a comment must end right before the closing delimiter.
      start = pos + afterMarker;
      const end = input.indexOf('*/', start + 2);
      if (end < 0) { fail('a comment /* that is never closed'); return tokens; }
      pos = end + 2;
      const [delim, trim] = atRightDelim();
      if (!delim) { fail('a comment that does not end right before }}'); return tokens; }
      pos += (trim ? 2 : 0) + 2;
      if (trim) { while (isSpace(input[pos] ?? EOF)) { pos++; } }
      start = pos;
      continue;
    }
    start = x;
    emit(T.LeftDelim);
    pos += afterMarker;
    start = pos;
    parenDepth = 0;
    if (!insideAction()) { return tokens; }
  }
}

/** A field name holding `-`: Go reads `.my-key` as `.my` followed by `-key`. */
const FIELD_DASH = 'a field name that holds \'-\' (Go reads .my-key as .my followed by -key)';

/** lexFieldOrVariable's and lexIdentifier's "bad character": a name holds `c`. */
function badCharacter(c: string, field: boolean): string {
  if (c === '-' && field) { return FIELD_DASH; }
  const shown = c.length === 1 && c > ' ' && c <= '~' ? `'${c}'` : 'a character that is no letter, digit or _';
  return `a name holds ${shown}, where only letters, digits and _ go`;
}

/** Whether `text`, a Go double-quoted string literal, is one strconv.Unquote reads (only the escapes the reader is sure of). */
function isSureString(text: string): boolean {
  return !/\\(?![abfnrtv\\"]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|[0-3][0-7]{2})/.test(text.slice(1, -1).replace(/\\\\/g, ''))
    && !/\\u[dD][89a-fA-F]/.test(text);
}

/** A command of a pipeline: its words (operands). */
interface Command { readonly args: Node[] }
type Node =
  | { readonly type: 'field'; readonly name: string; readonly pos: number; readonly chained: boolean }
  | { readonly type: 'identifier'; readonly name: string }
  | { readonly type: 'pipe'; readonly cmds: Command[] }
  | { readonly type: 'chain'; readonly node: Node }
  | { readonly type: 'constant' | 'dot' | 'variable' };

class Unsure extends Error {}
class ParseError extends Error {
  constructor(readonly pos: number, readonly what: string, readonly dashedField = false) { super(what); }
}

/**
 * Go's parser (parse.go) over `tokens`: throws ParseError for the first error it would report, Unsure where the
 * reader cannot tell. Collects the pipelines execution surely runs: those of actions and controls at the top level.
 */
class Parser {
  private i = 0;
  /** The variables declared, in order (t.vars), and how many times each name is: a lookup in constant time. */
  private readonly vars: string[] = ['$'];
  private readonly declared = new Map<string, number>([['$', 1]]);
  private rangeDepth = 0;
  private depth = 0;
  readonly surely: Command[][] = [];

  constructor(private readonly tokens: Token[]) {}

  parse(): void {
    while (this.peek().typ !== T.EOF) {
      if (this.peek().typ === T.LeftDelim) {
        const at = this.i;
        this.i++;
        // A {{define}} is another tree: not read.
        if (this.nextNonSpace().typ === T.Define) { throw new Unsure(); }
        this.i = at;
      }
      const n = this.textOrAction();
      if (n === T.End) { this.fail('an {{ end }} that closes no {{ if }}, {{ range }} or {{ with }}'); }
      if (n === T.Else) { this.fail('an {{ else }} outside {{ if }}, {{ range }} or {{ with }}'); }
    }
  }

  private peek(): Token { return this.tokens[Math.min(this.i, this.tokens.length - 1)]; }
  private next(): Token { const t = this.peek(); this.i++; return t; }
  private nextNonSpace(): Token {
    let t = this.next();
    while (t.typ === T.Space) { t = this.next(); }
    return t;
  }
  private peekNonSpace(): Token { const t = this.nextNonSpace(); this.i--; return t; }
  private fail(what: string, dashed = false): never {
    throw new ParseError(this.tokens[Math.min(this.i, this.tokens.length) - 1]?.pos ?? 0, what, dashed);
  }

  /** unexpected: an error token's own error, or the token named in words, never its text. */
  private unexpected(token: Token, context: string): never {
    if (token.typ === T.Error) { throw new ParseError(token.pos, token.val, token.val === FIELD_DASH); }
    this.fail(`${tokenWords(token)} where Go's parser expects none (in ${context})`);
  }

  /** itemList: up to {{end}} or {{else}}, returned. */
  private itemList(opened: string, at: number): T {
    if (++this.depth > MAX_DEPTH) { throw new Unsure(); }
    while (this.peekNonSpace().typ !== T.EOF) {
      const n = this.textOrAction();
      if (n === T.End || n === T.Else) { this.depth--; return n; }
    }
    throw new ParseError(at, `${opened} with no {{ end }} (the template ends first)`);
  }

  /** textOrAction: the type of {{end}} or {{else}} when it was one. */
  private textOrAction(): T | undefined {
    const token = this.nextNonSpace();
    if (token.typ === T.Text) { return undefined; }
    if (token.typ === T.LeftDelim) { return this.action(); }
    return this.unexpected(token, 'input');
  }

  private action(): T | undefined {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Block: case T.Template: throw new Unsure();
      case T.Break: case T.Continue: {
        const name = token.typ === T.Break ? 'break' : 'continue';
        const end = this.nextNonSpace();
        if (end.typ !== T.RightDelim) { this.unexpected(end, `{{${name}}}`); }
        if (this.rangeDepth === 0) { this.fail(`a {{ ${name} }} outside {{ range }}`); }
        return undefined;
      }
      case T.Else: {
        const peek = this.peekNonSpace();
        if (peek.typ === T.If || peek.typ === T.With) { return T.Else; }
        const end = this.nextNonSpace();
        if (end.typ !== T.RightDelim) { this.unexpected(end, 'else'); }
        return T.Else;
      }
      case T.End: {
        const end = this.nextNonSpace();
        if (end.typ !== T.RightDelim) { this.unexpected(end, 'end'); }
        return T.End;
      }
      case T.If: this.control('if'); return undefined;
      case T.Range: this.control('range'); return undefined;
      case T.With: this.control('with'); return undefined;
    }
    this.i--;
    this.record(this.pipeline('command', T.RightDelim));
    return undefined;
  }

  private declare(name: string): void {
    this.vars.push(name);
    this.declared.set(name, (this.declared.get(name) ?? 0) + 1);
  }

  /** popVars: the variables declared since `length` go out of scope. */
  private popVars(length: number): void {
    while (this.vars.length > length) {
      const name = this.vars.pop()!;
      const count = this.declared.get(name)! - 1;
      if (count === 0) { this.declared.delete(name); } else { this.declared.set(name, count); }
    }
  }

  /** A pipeline execution surely runs: at the top level, not in a control's branches. */
  private record(cmds: Command[]): void {
    if (this.depth === 0) { this.surely.push(cmds); }
  }

  /** parseControl: the pipeline, the list, an optional else (or else if, else with), the end; variables popped. */
  private control(context: 'if' | 'range' | 'with'): void {
    const saved = this.vars.length;
    const at = this.tokens[this.i - 1].pos;
    this.record(this.pipeline(context, T.RightDelim));
    if (context === 'range') { this.rangeDepth++; }
    const opened = `an {{ ${context} }}`;
    const next = this.itemList(opened, at);
    if (context === 'range') { this.rangeDepth--; }
    if (next === T.Else) {
      const peek = this.peek().typ;
      this.depth++;
      if ((context === 'if' && peek === T.If) || (context === 'with' && peek === T.With)) {
        this.i++;
        this.control(context);
      } else if (this.itemList(opened, at) !== T.End) {
        this.fail(`a second {{ else }} in ${opened}`);
      }
      this.depth--;
    }
    this.popVars(saved);
  }

  private pipeline(context: string, end: T): Command[] {
    const cmds: Command[] = [];
    let decls = 0;
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== T.Variable) { break; }
      const at = this.i;
      this.i++;
      const after = this.peekNonSpace();
      if (after.typ === T.Assign || after.typ === T.Declare) {
        this.nextNonSpace();
        this.declare(v.val);
        break;
      }
      if (after.typ === T.Char && after.val === ',') {
        this.nextNonSpace();
        this.declare(v.val);
        decls++;
        if (context === 'range' && decls < 2) {
          const t = this.peekNonSpace().typ;
          if (t === T.Variable || t === T.RightDelim || t === T.RightParen) { continue; }
          this.fail('a {{ range }} whose declaration gives other than variables');
        }
        this.fail(`too many variables declared in ${contextWords(context)}`);
      }
      this.i = at;
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      if (token.typ === end) {
        if (cmds.length === 0) { this.fail(`${contextWords(context)} with nothing in it`); }
        cmds.slice(1).forEach((c, k) => {
          if (c.args[0].type === 'constant' || c.args[0].type === 'dot') {
            this.fail(`a value that is no function or field at stage ${k + 2} of a pipeline (after |)`);
          }
        });
        return cmds;
      }
      switch (token.typ) {
        case T.Bool: case T.CharConstant: case T.Complex: case T.Dot: case T.Field: case T.Identifier: case T.Number:
        case T.Nil: case T.RawString: case T.String: case T.Variable: case T.LeftParen:
          this.i--;
          cmds.push(this.command());
          continue;
      }
      this.unexpected(token, contextWords(context));
    }
  }

  private command(): Command {
    const args: Node[] = [];
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== undefined) { args.push(operand); }
      const token = this.next();
      if (token.typ === T.Space) { continue; }
      if (token.typ === T.RightDelim || token.typ === T.RightParen) { this.i--; break; }
      if (token.typ === T.Pipe) { break; }
      this.unexpected(token, 'an operand');
    }
    if (args.length === 0) { this.fail('an empty command'); }
    return { args };
  }

  private operand(): Node | undefined {
    const node = this.term();
    if (node === undefined || this.peek().typ !== T.Field) { return node; }
    while (this.peek().typ === T.Field) { this.i++; }
    switch (node.type) {
      case 'field': return { ...node, chained: true };
      case 'variable': return node;
      case 'constant': case 'dot': this.fail('a field read off a constant or off . itself (as "a".x or ..x)');
    }
    return { type: 'chain', node };
  }

  private term(): Node | undefined {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case T.Identifier:
        if (!KNOWN_FUNCTIONS.has(token.val)) { throw new Unsure(); }
        return { type: 'identifier', name: token.val };
      case T.Dot: return { type: 'dot' };
      case T.Nil: case T.Bool: return { type: 'constant' };
      case T.Variable: {
        const name = token.val.split('.')[0];
        if (!this.declared.has(name)) { this.fail('a variable that is not declared (undefined variable)'); }
        return { type: 'variable' };
      }
      case T.Field: return { type: 'field', name: token.val.slice(1), pos: token.pos, chained: false };
      case T.Number:
        if (!/^[+-]?(0|[1-9][0-9]*)$/.test(token.val)) { throw new Unsure(); }
        return { type: 'constant' };
      case T.CharConstant: case T.Complex: throw new Unsure();
      case T.LeftParen: {
        if (++this.depth > MAX_DEPTH) { throw new Unsure(); }
        const cmds = this.pipeline('parenthesized pipeline', T.RightParen);
        this.depth--;
        return { type: 'pipe', cmds };
      }
      case T.String:
        if (!isSureString(token.val)) { throw new Unsure(); }
        return { type: 'constant' };
      case T.RawString: return { type: 'constant' };
    }
    this.i--;
    return undefined;
  }
}

function contextWords(context: string): string {
  return context === 'command' ? 'an action' : context === 'parenthesized pipeline' ? 'a ( )' : `an {{ ${context} }}`;
}

/** A token in words, never its text (a template may hold a secret): its kind. */
function tokenWords(token: Token): string {
  switch (token.typ) {
    case T.Assign: return 'an =';
    case T.Declare: return 'a :=';
    case T.Char: return token.val === ',' ? 'a ,' : 'a punctuation character';
    case T.Pipe: return 'a |';
    case T.RightParen: return 'a )';
    case T.RightDelim: return 'the }} that ends the action';
    case T.EOF: return 'the end of the template';
    case T.String: case T.RawString: return 'a string';
    case T.Number: case T.Complex: case T.CharConstant: return 'a number';
    case T.Field: return 'a field';
    case T.Identifier: return 'a function name';
    case T.Variable: return 'a variable';
    case T.LeftParen: return 'a (';
    case T.Dot: return 'a .';
    case T.Bool: case T.Nil: return 'a constant';
    case T.Text: return 'text';
    case T.LeftDelim: return 'a {{';
  }
  return 'a keyword (if, else, end, range, with, break, continue, define, block, template)';
}

/**
 * The keys of `.` that every run of the template reads with `.name` unless it fails before, in execution order, from
 * the pipelines `surely` holds (text/template exec.go: a run goes through the top-level list in order, and stops at the
 * first error). A map lookup of a missing key then fails with missingkey=error (exec.go evalField: "map has no entry
 * for key"); `index . "k"` does not (funcs.go index: a missing key gives the zero value), so it is not listed. In a
 * command, a function's arguments are each read (evalCall), but for `and` and `or`, which since Go 1.18 stop at the
 * argument that decides: only the first is surely read. A field, a parenthesized pipeline or a chain given arguments
 * fails before reading them (evalField, notAFunction): only the word itself is listed.
 */
function surelyRead(pipelines: readonly Command[][], input: string): FieldRead[] {
  const reads: FieldRead[] = [];
  const lines = lineOf(input);
  const arg = (node: Node): void => {
    if (node.type === 'field') {
      reads.push({ name: node.name.split('.')[0], line: lines(node.pos) });
    } else if (node.type === 'pipe') {
      pipe(node.cmds);
    } else if (node.type === 'chain') {
      arg(node.node);
    }
  };
  const pipe = (cmds: readonly Command[]): void => {
    for (const cmd of cmds) {
      const [first, ...rest] = cmd.args;
      if (first.type !== 'identifier') {
        arg(first);
      } else {
        (first.name === 'and' || first.name === 'or' ? rest.slice(0, 1) : rest).forEach(arg);
      }
    }
  };
  pipelines.forEach(pipe);
  return reads;
}

/** The line (from 1) of a position of `input`, for positions asked in increasing order: linear over a template. */
function lineOf(input: string): (pos: number) => number {
  let at = 0;
  let line = 1;
  return pos => {
    for (; at < pos; at++) {
      if (input.charCodeAt(at) === 10) { line++; }
    }
    return line;
  };
}

/** What Go's text/template makes of `input`, parsed with ESO's engine and the default delimiters. */
export function readGoTemplate(input: string): TemplateReading {
  const tokens = lex(input);
  const parser = new Parser(tokens);
  try {
    parser.parse();
  } catch (e) {
    if (e instanceof Unsure) { return { kind: 'unsure' }; }
    if (e instanceof ParseError) {
      return { kind: 'error', line: lineOf(input)(e.pos), what: e.what, ...(e.dashedField ? { dashedField: true } : {}) };
    }
    throw e;
  }
  return { kind: 'parsed', reads: surelyRead(parser.surely, input) };
}
