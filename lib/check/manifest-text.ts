// The objects of a manifest file, read as kubectl reads one (k8s.io/apimachinery's YAMLOrJSONDecoder of
// kubectl 1.32, after cli-runtime's FileVisitor has dropped a leading byte order mark): text that starts
// with `{` within its first 4096 bytes is a stream of JSON values, one after another; anything else is YAML,
// split into documents at lines that start with `---` followed by nothing but a comment, each read by
// go-yaml v2 up to its end. Each document or value is one object, or a list of objects (see input-model.ts's
// listItems), flattened as kubectl's unstructured decoder does. test/check/manifest-text-kubectl.test.ts
// compares the reading of whole files with kubectl's. Problems name the file, the document and the field,
// never a value.
import { YAMLException } from 'js-yaml';
import { listItems, objectProblem } from './input-model';
import { hasNumberBeyondFloat64 } from './go-json';
import { isPlainObject } from '../json';
import { LONE_SURROGATE } from '../names';
import { positionOf } from './go-yaml-scan';
import { loadKubectlYaml } from './kubectl-yaml';
import { yamlErrorInWords } from './kubectl-yaml-errors';

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
  // kubectl reads a file through a UTF-8 decoder that drops the byte order mark at its start.
  const content = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (isJsonStream(content)) {
    readJsonStream(content, name, result);
  } else {
    readYamlDocuments(content, name, result);
  }
  return result;
}

/** Go's unicode.IsSpace, which kubectl skips before looking for the `{` of JSON (and trims around a separator's comment). */
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** Whether kubectl reads the text as JSON: a `{` after spaces, within the 4096 bytes it peeks at (GuessJSONStream). */
function isJsonStream(text: string): boolean {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes < 4096; i++) {
    const c = text[i];
    if (c === '{') { return true; }
    if (!GO_SPACE.test(c)) { return false; }
    bytes += c < '\u0080' ? 1 : c < '\u0800' ? 2 : 3;
  }
  return false;
}

/** Adds the object (or the items of the list) a document or JSON value holds. */
function add(value: unknown, where: string, result: ReadResult): void {
  if (value === null || value === undefined) { return; }
  // kubectl's unstructured decoder takes an object with the field items, even null, for a list (null: of no items).
  if (isPlainObject(value) && value.items === null) { return; }
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
    const item = listItem(value as { [key: string]: unknown }, items[i]);
    // An item is a list to kubectl when its items are a list; it refuses to flatten that.
    const problem = isPlainObject(item) && Array.isArray(item.items) ? 'is a list inside a list, which kubectl does not read' : objectProblem(item);
    if (problem === undefined) { result.objects.push({ source, value: item }); } else { result.problems.push(`${source}: ${problem}`); }
  }
}

/**
 * An item of a list as kubectl's decodeToList gives it: one that names neither its kind nor its apiVersion
 * takes the list's apiVersion and the list's kind without its `List` suffix (a ConfigMapList's items are ConfigMaps).
 */
function listItem(list: { [key: string]: unknown }, item: unknown): unknown {
  if (!isPlainObject(item) || isNamed(item.kind) || isNamed(item.apiVersion)) { return item; }
  const kind = typeof list.kind === 'string' ? list.kind.replace(/List$/, '') : '';
  return { ...item, apiVersion: typeof list.apiVersion === 'string' ? list.apiVersion : '', kind };
}

function isNamed(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}

/**
 * JSON values one after another, as Go's json.Decoder reads them: whitespace between them is optional
 * around objects. A value that does not parse ends the file, as it ends kubectl's reading of it.
 */
function readJsonStream(text: string, name: string, result: ReadResult): void {
  try {
    addJson(JSON.parse(text), text, `${name}#1`, result);
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
    addJson(value, text.slice(at, end), where, result);
    at = end;
  }
}

/** A JSON escape of half a surrogate pair, which Go's decoder reads as U+FFFD where JSON.parse keeps it. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
/**
 * What JSON.parse reads and Go's decoder may not, looked for in one pass (a JSON dump is tens of MB): a
 * number that may be beyond float64 (which JSON.parse reads as Infinity, or drops under a key given again),
 * an escape of half a surrogate pair, and the field items given a value that is neither a list nor null. A
 * number of 309 digits or more, beyond float64 too, has a pass of its own: digits are everywhere.
 */
const JSON_SUSPECT = /[eE]\+?[0-9]{3}|\\u[dD][89a-fA-F]|"items"\s*:\s*[^\s[n]/;
const LONG_NUMBER = /[0-9]{309}/;

/** Adds a JSON value (of the text `json`) as kubectl reads it, or says why kubectl refuses it. */
function addJson(value: unknown, json: string, where: string, result: ReadResult): void {
  if (!JSON_SUSPECT.test(json) && !LONG_NUMBER.test(json)) {
    add(value, where, result);
    return;
  }
  const problem = jsonProblem(value, json);
  if (problem !== undefined) {
    result.problems.push(`${where}: ${problem}`);
    return;
  }
  // Go's decoder reads an escape of half a surrogate pair as U+FFFD.
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') { return node.replace(LONE_SURROGATES, '\ufffd'); }
    if (Array.isArray(node)) { return node.map(visit); }
    if (!isPlainObject(node)) { return node; }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [visit(k) as string, visit(v)]));
  };
  add(SURROGATE_ESCAPE.test(json) ? visit(value) : value, where, result);
}

/**
 * Why kubectl refuses a JSON value that JSON.parse reads: a number beyond float64 anywhere in its text, or
 * the field items given twice in the object, one of them neither a list nor null (Go's decoder types each
 * one, where JSON.parse keeps the last).
 */
function jsonProblem(value: unknown, json: string): string | undefined {
  if (hasNumberBeyondFloat64(json)) {
    return 'holds a number beyond the range of 64-bit floats, which kubectl refuses: write it as a string';
  }
  if (isPlainObject(value) && topLevelKeys(json).filter(k => k === '"items"').length > 1) {
    return 'has the field items twice, which kubectl refuses: give it once';
  }
  return undefined;
}

/** The keys (as written, quotes and all) of the JSON object that is the text `json`. */
function topLevelKeys(json: string): string[] {
  const keys: string[] = [];
  for (let at = skipSpace(json, json.indexOf('{') + 1); at < json.length && json[at] === '"';) {
    const keyEnd = stringEnd(json, at);
    keys.push(json.slice(at, keyEnd));
    // The colon, then the value and the comma after it.
    const valueAt = skipSpace(json, skipSpace(json, keyEnd) + 1);
    at = skipSpace(json, skipSpace(json, jsonValueEnd(json, valueAt)) + 1);
  }
  return keys;
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

/** `line L, column C` of an offset, both from 1; `firstLine` lines come before `text`. */
function lineAndColumn(text: string, offset: number, firstLine = 0): string {
  const { line, column } = positionOf(text, offset);
  return `line ${firstLine + line + 1}, column ${column + 1}`;
}

/** A line that may separate documents: kubectl's YAMLReader splits lines at LF only (after CR LF became LF). */
const SEPARATOR = /^---[^\n]*/gm;
const GO_SPACE_RUN = new RegExp(`^${GO_SPACE.source}+|${GO_SPACE.source}+$`, 'g');

/**
 * Splits the text into documents as kubectl's YAMLReader does: at each line that starts with `---` and
 * holds at most a comment after it (Go's TrimSpace), refusing the rest of the file at one that holds more.
 * A separator ends the lines before it; one that ends none (the first line, or one right after another)
 * starts the next document instead, and go-yaml reads it as a document start (`---#` is text to it).
 */
function readYamlDocuments(source: string, name: string, result: ReadResult): void {
  // Go's bufio ReadLine drops the CR of a CR LF.
  const text = source.includes('\r\n') ? source.replace(/\r\n/g, '\n') : source;
  let start = 0;
  let n = 0;
  const next = (end: number): void => {
    n++;
    const first = start;
    // Each line kubectl hands on ends with LF, the last one too.
    const document = text.endsWith('\n', end) ? text.slice(start, end) : `${text.slice(start, end)}\n`;
    readYamlDocument(document, `${name}#${n}`, () => linesBefore(text, first), result);
  };
  SEPARATOR.lastIndex = 0;
  for (let match = SEPARATOR.exec(text); match !== null; match = SEPARATOR.exec(text)) {
    // JavaScript's multiline ^ also starts a line after a lone CR.
    if (match.index > 0 && text[match.index - 1] !== '\n') { continue; }
    const rest = match[0].slice(3).replace(GO_SPACE_RUN, '');
    if (rest !== '' && !rest.startsWith('#')) {
      result.problems.push(`${name}#${n + 1}: not valid YAML at line ${linesBefore(text, match.index) + 1}: a document separator (---) is followed by more than a comment, which kubectl refuses`);
      return;
    }
    if (match.index > start) {
      next(match.index);
      start = Math.min(text.length, match.index + match[0].length + 1);
    }
  }
  if (start < text.length) { next(text.length); }
}

/**
 * The first line of a document that is content to go-yaml: not blank, a comment or a directive (`%YAML`).
 * JavaScript's multiline ^ starts a line after a lone CR too, as go-yaml does.
 */
const CONTENT_LINE = /^(?![ \t]*(?:#.*)?$|%).+/m;

/**
 * The part of a document go-yaml v2 reads: yaml.Unmarshal reads the first YAML document and never scans
 * past its end, a line that starts with `...` (or with `---`, which a document holds after a lone CR) after
 * some content; where a `...` ends nothing but comments, which go-yaml refuses, its offset. A byte order mark
 * at its start is none of its text to either reader.
 */
function firstDocument(document: string): { text: string } | { endAt: number } {
  const marker = /(?:^|\r\n?|\n)(---|\.\.\.)(?=[ \t\r\n]|$)/g;
  const bom = document.startsWith('\ufeff') ? 1 : 0;
  for (let match = marker.exec(document); match !== null; match = marker.exec(document)) {
    const end = match.index + match[0].length - 3;
    if (CONTENT_LINE.test(document.slice(bom, end))) { return { text: document.slice(0, end) }; }
    if (match[1] === '...') { return { endAt: end }; }
  }
  return { text: document };
}

/**
 * Where a document starts with `---` and no space after it: go-yaml reads that line as text, where js-yaml
 * takes it for the start of the document (kubectl's YAMLReader keeps such a line, after a comment, when it
 * ends no document: at the start of the file, or right after another separator). -1 when it does not.
 */
function textSeparatorAt(document: string): number {
  const first = CONTENT_LINE.exec(document.startsWith('\ufeff') ? document.slice(1) : document);
  return first !== null && /^---[^ \t\r\n]/.test(first[0]) ? first.index + (document.startsWith('\ufeff') ? 1 : 0) : -1;
}

/** How many lines come before `offset`. */
function linesBefore(text: string, offset: number): number {
  return positionOf(text, offset).line;
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
function readYamlDocument(whole: string, where: string, firstLine: () => number, result: ReadResult): void {
  const first = whole.includes('...') || whole.includes('\r') ? firstDocument(whole) : { text: whole };
  if ('endAt' in first) {
    result.problems.push(`${where}: not valid YAML at ${lineAndColumn(whole, first.endAt, firstLine())}: a document end marker (...) ends no document, which kubectl refuses: remove it`);
    return;
  }
  const document = first.text;
  const separator = textSeparatorAt(document);
  if (separator >= 0) {
    result.problems.push(`${where}: not valid YAML at ${lineAndColumn(document, separator, firstLine())}: a document separator (---) that starts a document `
      + 'is followed by a character other than a space, which kubectl reads as text: put a space after ---');
    return;
  }
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
    result.problems.push(`${where}: not valid YAML${yamlErrorInWords(e, firstLine(), document)}`);
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
