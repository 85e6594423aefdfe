// How go-yaml v2 (and so kubectl, through sigs.k8s.io/yaml) reads a literal block scalar (`|`), as
// yaml_parser_scan_block_scalar and yaml_parser_scan_block_scalar_breaks in its scannerc.go do. It differs
// from the YAML spec, and from js-yaml, on lines of spaces before the first line of text (their spaces
// are all taken for indentation, and the deepest sets the indentation of the rest) and on a tab right
// after the indentation of those lines (refused). cdk8s writes multi-line strings as literal block
// scalars without an indentation indicator, so those strings do not reach the cluster as written.

/** go-yaml's line breaks (is_break): the written text of a string holds only these two. */
function isBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

/**
 * The string go-yaml reads from `text`, a literal block scalar that runs to the end of the document
 * (`|`, chomping and indentation indicators, a line break, then the content lines) and is the value of
 * a key of a mapping at column 0; `undefined` where go-yaml refuses it or stops before its end.
 */
export function readGoYamlLiteralBlock(text: string): string | undefined {
  const scanner = new Scanner(text);
  return scanner.literalBlock();
}

class Scanner {
  private pos = 0;
  private column: number;

  public constructor(private readonly text: string) {
    this.column = 0;
  }

  public literalBlock(): string | undefined {
    if (this.text[this.pos] !== '|') { return undefined; }
    this.skip();
    let chomping = 0;
    let increment = 0;
    const c = this.text[this.pos];
    if (c === '+' || c === '-') {
      chomping = c === '+' ? 1 : -1;
      this.skip();
      increment = this.digit();
    } else {
      increment = this.digit();
      const d = this.text[this.pos];
      if (d === '+' || d === '-') {
        chomping = d === '+' ? 1 : -1;
        this.skip();
      }
    }
    if (increment < 0) { return undefined; }
    // Nothing but a line break may follow the header (cdk8s writes no comment there).
    if (!isBreak(this.text[this.pos])) { return undefined; }
    this.readLine();
    // The key is at column 0, so the block mapping's indent is 0 (parser.indent).
    const parentIndent = 0;
    const state = { indent: increment > 0 ? parentIndent + increment : 0, breaks: '' };
    if (!this.breaks(state, parentIndent)) { return undefined; }
    let s = '';
    let leadingBreak = '';
    while (this.column === state.indent && this.pos < this.text.length) {
      s += leadingBreak + state.breaks;
      leadingBreak = '';
      state.breaks = '';
      while (this.pos < this.text.length && !isBreak(this.text[this.pos])) { this.skip(); s += this.text[this.pos - 1]; }
      if (this.pos >= this.text.length) { break; }
      leadingBreak = this.readLine();
      if (!this.breaks(state, parentIndent)) { return undefined; }
    }
    // A less indented line ends the scalar before the end of the text: the rest is read as something else.
    if (this.pos < this.text.length) { return undefined; }
    if (chomping !== -1) { s += leadingBreak; }
    if (chomping === 1) { s += state.breaks; }
    return s;
  }

  /** yaml_parser_scan_block_scalar_breaks: eats indentation and empty lines; false where go-yaml refuses a tab. */
  private breaks(state: { indent: number; breaks: string }, parentIndent: number): boolean {
    let maxIndent = 0;
    for (;;) {
      while ((state.indent === 0 || this.column < state.indent) && this.text[this.pos] === ' ') { this.skip(); }
      if (this.column > maxIndent) { maxIndent = this.column; }
      if ((state.indent === 0 || this.column < state.indent) && this.text[this.pos] === '\t') { return false; }
      if (!isBreak(this.text[this.pos])) { break; }
      state.breaks += this.readLine();
    }
    if (state.indent === 0) {
      state.indent = Math.max(maxIndent, parentIndent + 1, 1);
    }
    return true;
  }

  /** An indentation indicator: its value, 0 when there is none, -1 for `0`, which go-yaml refuses. */
  private digit(): number {
    const c = this.text[this.pos];
    if (c === undefined || c < '0' || c > '9') { return 0; }
    this.skip();
    return c === '0' ? -1 : Number(c);
  }

  private skip(): void {
    this.pos++;
    this.column++;
  }

  /** read_line: a CR LF pair, a CR or a LF is one `\n`. */
  private readLine(): string {
    if (this.text[this.pos] === '\r' && this.text[this.pos + 1] === '\n') { this.pos++; }
    this.pos++;
    this.column = 0;
    return '\n';
  }
}
