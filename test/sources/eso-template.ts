// Test-only: the part of External Secrets Operator that turns an ExternalSecret and the values in its
// store into a Secret, for the subset of Go text/template + sprig the library emits. Written from the
// Go and ESO sources, independently of the library's own rendering, so that comparing the two means
// something: ESO template engine v2 (missingkey=error, `.` the flat map of fetched values), sprig's
// toJson (Go's json.Marshal, HTML-escaping), b64enc (standard base64), printf (%s and %% only),
// trimPrefix (strings.TrimPrefix, arguments swapped: Masterminds/sprig functions.go), and string
// literals unquoted as Go unquotes them (text/template/parse: strconv.Unquote).

/** The Secret ESO writes: its type and the raw bytes of each key. */
export interface EsoSecret {
  readonly type: string;
  readonly data: { [key: string]: Buffer };
}

/** A store: the value of each `key`, or of `key` + `#` + `property` for a property of a structured value. */
export type FakeStore = { [keyAndProperty: string]: string };

/**
 * The Secret ESO writes for `externalSecret` (a rendered ExternalSecret manifest) from `store`, with the
 * default merge policy Replace and creation policy Owner: the template's keys when it has data, the
 * fetched keys otherwise.
 */
export function esoSecret(externalSecret: any, store: FakeStore): EsoSecret {
  const inputs: { [key: string]: string } = {};
  for (const item of externalSecret.spec.data ?? []) {
    const { key, property } = item.remoteRef;
    const where = property === undefined ? key : `${key}#${property}`;
    if (!(where in store)) { throw new Error(`the store has no ${where}`); }
    inputs[item.secretKey] = store[where];
  }
  const template = externalSecret.spec.target?.template;
  const data: { [key: string]: Buffer } = {};
  if (template?.data !== undefined) {
    for (const [key, text] of Object.entries<string>(template.data)) { data[key] = Buffer.from(renderTemplate(text, inputs)); }
  } else {
    for (const [key, value] of Object.entries(inputs)) { data[key] = Buffer.from(value); }
  }
  return { type: template?.type || 'Opaque', data };
}

type Token = { kind: 'string' | 'field' | 'ident'; text: string } | { kind: 'pipe' };

/** Renders a Go text/template over the flat map `values`, for the subset of actions the library emits. */
export function renderTemplate(text: string, values: { [key: string]: string }): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    if (open < 0) { out += text.slice(i); break; }
    out += text.slice(i, open);
    const { tokens, end } = lexAction(text, open + 2);
    out += evalPipeline(tokens, values);
    i = end;
  }
  return out;
}

/** Reads the tokens of an action up to its `}}`, which may stand inside a string literal. */
function lexAction(text: string, start: number): { tokens: Token[]; end: number } {
  const tokens: Token[] = [];
  let i = start;
  if (text[i] !== ' ') { throw new Error(`unsupported action at ${start}: the library writes "{{ " only`); }
  for (;;) {
    if (i >= text.length) { throw new Error('unclosed action'); }
    const c = text[i];
    if (c === ' ') { i++; continue; }
    if (text.startsWith('}}', i)) { return { tokens, end: i + 2 }; }
    if (c === '|') { tokens.push({ kind: 'pipe' }); i++; continue; }
    if (c === '"') {
      const { value, end } = unquoteGoString(text, i);
      tokens.push({ kind: 'string', text: value });
      i = end;
      continue;
    }
    const word = /^\.?[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (word === null) { throw new Error(`unexpected ${JSON.stringify(c)} in action`); }
    tokens.push(word[0].startsWith('.') ? { kind: 'field', text: word[0].slice(1) } : { kind: 'ident', text: word[0] });
    i += word[0].length;
  }
}

function evalPipeline(tokens: Token[], values: { [key: string]: string }): string {
  const commands: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'pipe') { commands.push([]); } else { commands[commands.length - 1].push(token); }
  }
  let result: string | undefined;
  for (const [first, ...rest] of commands) {
    const operand = (token: Token): string => {
      if (token.kind === 'string') { return token.text; }
      if (token.kind === 'field') {
        // missingkey=error, as ESO sets it.
        if (!Object.prototype.hasOwnProperty.call(values, token.text)) { throw new Error(`map has no entry for key "${token.text}"`); }
        return values[token.text];
      }
      throw new Error(`${JSON.stringify(token)} is not an operand`);
    };
    if (first.kind !== 'ident') {
      if (rest.length > 0 || result !== undefined) { throw new Error('a value cannot take arguments'); }
      result = operand(first);
      continue;
    }
    const args = rest.map(operand);
    if (result !== undefined) { args.push(result); }
    result = callFunction(first.text, args);
  }
  return result ?? '';
}

/**
 * An interpreted Go string literal starting at `start` (its `"`), unquoted as text/template's parser
 * unquotes one (strconv.Unquote): the escapes \\ \" \a \b \f \n \r \t \v, \uXXXX and \UXXXXXXXX; the octal
 * and \x byte escapes are outside the subset.
 */
function unquoteGoString(text: string, start: number): { value: string; end: number } {
  const SIMPLE: { [c: string]: string } = { '\\': '\\', '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
  let value = '';
  let j = start + 1;
  for (;;) {
    if (j >= text.length || text[j] === '\n') { throw new Error('unterminated string'); }
    const c = text[j];
    if (c === '"') { return { value, end: j + 1 }; }
    if (c !== '\\') { value += c; j++; continue; }
    const e = text[j + 1];
    if (SIMPLE[e] !== undefined) { value += SIMPLE[e]; j += 2; continue; }
    const digits = e === 'u' ? 4 : e === 'U' ? 8 : 0;
    const hex = text.slice(j + 2, j + 2 + digits);
    if (digits === 0 || !new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) { throw new Error(`the escape \\${e} is outside the subset`); }
    const code = parseInt(hex, 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) { throw new Error('invalid Unicode escape'); }
    value += String.fromCodePoint(code);
    j += 2 + digits;
  }
}

function callFunction(name: string, args: string[]): string {
  switch (name) {
    case 'toJson': return goJsonMarshalString(one(name, args));
    case 'b64enc': return Buffer.from(one(name, args), 'utf8').toString('base64');
    case 'printf': return goSprintf(args[0], args.slice(1));
    // sprig: func(a, b string) string { return strings.TrimPrefix(b, a) }, so `x | trimPrefix "p"` trims p off x.
    case 'trimPrefix': return two(name, args, (prefix, value) => value.startsWith(prefix) ? value.slice(prefix.length) : value);
    default: throw new Error(`function "${name}" is not in the subset`);
  }
}

function two(name: string, args: string[], f: (a: string, b: string) => string): string {
  if (args.length !== 2) { throw new Error(`${name} takes two arguments, got ${args.length}`); }
  return f(args[0], args[1]);
}

function one(name: string, args: string[]): string {
  if (args.length !== 1) { throw new Error(`${name} takes one argument, got ${args.length}`); }
  return args[0];
}

/** fmt.Sprintf with %s and %% only. */
function goSprintf(format: string, args: string[]): string {
  let n = 0;
  return format.replace(/%[s%]/g, verb => {
    if (verb === '%%') { return '%'; }
    if (n >= args.length) { return '%!s(MISSING)'; }
    return args[n++];
  });
}

/**
 * json.Marshal of a Go string (encoding/json appendString with escapeHTML), rune by rune: `"` and `\`
 * backslashed; \b, \f, \n, \r, \t short; other control characters, `<`, `>`, `&` as \u00XX with
 * lower-case hex; U+2028 and U+2029 as \u2028 and \u2029; everything else as its UTF-8 bytes.
 */
export function goJsonMarshalString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') { out += `\\${ch}`; continue; }
    const short: { [c: string]: string } = { '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    if (short[ch] !== undefined) { out += short[ch]; continue; }
    if (code < 0x20 || ch === '<' || ch === '>' || ch === '&' || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) { out += '\\ufffd'; continue; }
    out += ch;
  }
  return `${out}"`;
}
