// The objects of a manifest file, read as kubectl reads one (k8s.io/apimachinery's YAMLOrJSONDecoder):
// text that starts with `{` is a stream of JSON values, one after another; anything else is YAML,
// split into documents at lines that start with `---` followed by nothing but a comment. Each document
// or value is one object, or a list of objects (see input-model.ts's listItems). Problems name the
// file, the document and the field, never a value.
import { YAMLException } from 'js-yaml';
import { listItems, objectProblem } from './input-model';
import { loadKubectlYaml, yamlErrorInWords } from './kubectl-yaml';

/** One object read: where it is (`FILE#N`, or `FILE#N.items[I]` inside a list), and its value. */
export interface ReadObject {
  readonly source: string;
  readonly value: any;
}

/** The objects of a file, and the problems that kept others from being read. */
export interface ReadResult {
  readonly objects: ReadObject[];
  readonly problems: string[];
}

/** How many nodes aliases may expand a document to, beyond its own text: kubectl refuses excessive aliasing too. */
const ALIAS_BUDGET = 1_000_000;

/** The objects of the manifest text `text` of the file named `name`. */
export function readManifestText(text: string, name: string): ReadResult {
  const result: ReadResult = { objects: [], problems: [] };
  if (/^[ \t\r\n]*\{/.test(text)) {
    readJsonStream(text, name, result);
  } else {
    readYamlDocuments(text, name, result);
  }
  return result;
}

/** Adds the object (or the items of the list) a document or JSON value holds. */
function add(value: unknown, where: string, result: ReadResult): void {
  if (value === null || value === undefined) { return; }
  const items = listItems(value);
  if (typeof items === 'string') {
    result.problems.push(`${where}: ${items}`);
    return;
  }
  if (items === undefined) {
    const problem = objectProblem(value);
    if (problem === undefined) { result.objects.push({ source: where, value }); } else { result.problems.push(`${where}: ${problem}`); }
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const source = `${where}.items[${i}]`;
    const problem = listItems(items[i]) !== undefined ? 'is a list inside a list, which kubectl does not read' : objectProblem(items[i]);
    if (problem === undefined) { result.objects.push({ source, value: items[i] }); } else { result.problems.push(`${source}: ${problem}`); }
  }
}

/**
 * JSON values one after another, as Go's json.Decoder reads them: whitespace between them is optional
 * around objects. A value that does not parse ends the file, as it ends kubectl's reading of it.
 */
function readJsonStream(text: string, name: string, result: ReadResult): void {
  try {
    add(JSON.parse(text), `${name}#1`, result);
    return;
  } catch {
    // More than one value, or one that does not parse: read them one by one.
  }
  let at = 0;
  for (let n = 1; ; n++) {
    at = skipSpace(text, at);
    if (at >= text.length) { return; }
    const end = jsonValueEnd(text, at);
    const where = `${name}#${n}`;
    let value: unknown;
    try {
      value = JSON.parse(text.slice(at, end));
    } catch (e) {
      const position = /position (\d+)/.exec(String((e as Error).message));
      const offset = at + (position === null ? 0 : Number(position[1]));
      result.problems.push(`${where}: not valid JSON at ${lineAndColumn(text, offset)}`);
      return;
    }
    add(value, where, result);
    at = end;
  }
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) { at++; }
  return at;
}

/** Where the JSON value that starts at `at` ends: after its closing bracket, or at the next space or bracket. */
function jsonValueEnd(text: string, at: number): number {
  const open = text[at];
  if (open !== '{' && open !== '[') {
    if (open === '"') { return stringEnd(text, at); }
    let end = at;
    while (end < text.length && !' \t\r\n{}[],"'.includes(text[end])) { end++; }
    return Math.max(end, at + 1);
  }
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = stringEnd(text, i) - 1;
    } else if (c === '{' || c === '[') {
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) { return i + 1; }
    }
  }
  return text.length;
}

/** After the closing quote of the string that starts at `at`, or the end of the text. */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === '\\') { i++; } else if (text[i] === '"') { return i + 1; }
  }
  return text.length;
}

/** `line L, column C` of an offset, both from 1. */
function lineAndColumn(text: string, offset: number, firstLine = 0): string {
  let line = firstLine + 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return `line ${line}, column ${offset - start + 1}`;
}

/** A line that separates documents, as kubectl's YAMLReader finds them: `---`, then at most spaces and a comment. */
const SEPARATOR = /^---([^\n]*)$/gm;

function readYamlDocuments(text: string, name: string, result: ReadResult): void {
  let start = 0;
  let n = 0;
  const next = (end: number): void => {
    const document = text.slice(start, end);
    if (document.length > 0) {
      n++;
      const first = start;
      readYamlDocument(document, `${name}#${n}`, () => linesBefore(text, first), result);
    }
  };
  SEPARATOR.lastIndex = 0;
  for (let match = SEPARATOR.exec(text); match !== null; match = SEPARATOR.exec(text)) {
    const rest = match[1].trim();
    if (rest !== '' && !rest.startsWith('#')) {
      result.problems.push(`${name}#${n + 1}: not valid YAML at line ${linesBefore(text, match.index) + 1}: a document separator (---) is followed by more than a comment, which kubectl refuses`);
      return;
    }
    next(match.index);
    start = Math.min(text.length, match.index + match[0].length + 1);
  }
  next(text.length);
}

/** How many lines come before `offset`. */
function linesBefore(text: string, offset: number): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { lines++; }
  return lines;
}

/**
 * NEL, LS and PS: line breaks to go-yaml v2, and so to kubectl (its scanner's is_break), characters to
 * YAML 1.2 readers such as js-yaml. A file that holds one as it is, even in quotes or a comment, is not
 * judged: what kubectl makes of it depends on where it is (it folds one in quotes, ends a comment or a
 * plain scalar at one), and an escape says the same without doubt.
 */
const GO_YAML_ONLY_LINE_BREAKS = /[\u0085\u2028\u2029]/;

function lineBreakInWords(code: number): string {
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const escape = code === 0x85 ? '\\N' : `\\u${code.toString(16)}`;
  return `the text holds ${name}, which kubectl reads as a line break and this check would read as a character: `
    + `remove it, or write it as the escape ${escape} in a double-quoted string`;
}

/**
 * Reads one document. One that cannot be read is reported, and the next ones are still read (kubectl
 * stops at it): the documents are split by lines first, so a broken one cannot hide the next.
 */
function readYamlDocument(document: string, where: string, firstLine: () => number, result: ReadResult): void {
  const lineBreak = document.search(GO_YAML_ONLY_LINE_BREAKS);
  if (lineBreak >= 0) {
    result.problems.push(`${where}: not read as kubectl reads it, at ${lineAndColumn(document, lineBreak, firstLine())}: ${lineBreakInWords(document.charCodeAt(lineBreak))}`);
    return;
  }
  let value: unknown;
  try {
    value = loadKubectlYaml(document);
  } catch (e) {
    if (!(e instanceof YAMLException)) { throw e; }
    result.problems.push(`${where}: not valid YAML ${yamlErrorInWords(e, firstLine())}`);
    return;
  }
  // An anchor is the only way aliases can share, and so multiply, the nodes of a document.
  if (document.includes('&')) {
    const expansion = aliasExpansion(value, ALIAS_BUDGET + document.length);
    if (expansion !== undefined) {
      result.problems.push(`${where}: not valid YAML: ${expansion}`);
      return;
    }
  }
  add(value, where, result);
}

/**
 * Why walking `value`, aliases expanded, cannot end well, or `undefined`: it visits more than `budget`
 * nodes, or an alias inside its own anchor's node (`&a [*a]`, which go-yaml refuses) makes it endless.
 */
function aliasExpansion(value: unknown, budget: number): string | undefined {
  let left = budget;
  const ancestors = new Set<object>();
  const visit = (node: unknown): string | undefined => {
    if (--left < 0) { return 'its aliases expand too far'; }
    if (typeof node !== 'object' || node === null) { return undefined; }
    if (ancestors.has(node)) { return 'an alias is inside the node its anchor names, so the value contains itself'; }
    ancestors.add(node);
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      const problem = visit(child);
      if (problem !== undefined) { return problem; }
    }
    ancestors.delete(node);
    return undefined;
  };
  return visit(value);
}
