// JSON as Go's encoding/json reads it, where that differs from JSON.parse. Both take the grammar of RFC 8259
// alike (whitespace is space, tab, CR and LF only, so a byte order mark is refused by both; Go replaces an
// escape of half a surrogate pair or a byte that is no UTF-8 inside a string with U+FFFD, which JSON.parse
// and Node's UTF-8 decoding read too). Go refuses besides: a number beyond the range of float64, which
// JSON.parse reads as Infinity (decode.go, convertNumber: strconv.ParseFloat's range error becomes an
// UnmarshalTypeError "cannot unmarshal number 1e400 into Go value of type float64"), and nesting deeper than
// 10000 arrays and objects, which JSON.parse reads at any depth (scanner.go, maxNestingDepth: "exceeded max
// depth"). Here JSON.parse reads the text, and these two are looked for beside it: not a second parser.
// test/check/secret-type.test.ts compares the verdicts with kubectl's own decoder.
import { GO_JSON_MAX_DEPTH } from '../json';

/** The strings and the numbers of JSON text. */
const JSON_TOKEN = /"(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*/g;

/** Whether JSON text holds a number beyond the range of float64, which Go's decoder refuses. */
export function hasNumberBeyondFloat64(json: string): boolean {
  for (const [token] of json.matchAll(JSON_TOKEN)) {
    if (token[0] !== '"' && !Number.isFinite(Number(token))) { return true; }
  }
  return false;
}

/** Whether valid JSON text nests arrays and objects deeper than Go's decoder reads. */
function tooDeep(json: string): boolean {
  let depth = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22) {
      // Past the string: its closing quote is the first one no backslash escapes.
      for (i++; json.charCodeAt(i) !== 0x22; i++) {
        if (json.charCodeAt(i) === 0x5c) { i++; }
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > GO_JSON_MAX_DEPTH) { return true; }
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/**
 * Why Go's `json.Unmarshal(bytes, &map[string]interface{}{})` fails on `bytes`, in words that fit after
 * "it" (`is not valid JSON`), or `undefined` when it decodes them: a JSON object, or `null`, which leaves
 * the map nil. Never any part of the value.
 */
export function goJsonMapProblem(bytes: Uint8Array): string | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (/^[ \t\r\n]*$/.test(text)) { return text === '' ? 'is empty' : 'holds only whitespace'; }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the text, which may be a credential.
    return 'is not valid JSON';
  }
  if (tooDeep(text)) { return `is nested more than ${GO_JSON_MAX_DEPTH} levels deep, more than Go's JSON decoder reads`; }
  if (hasNumberBeyondFloat64(text)) { return 'holds a number beyond the range of 64-bit floats, which Go\'s JSON decoder refuses'; }
  if (value === null || (typeof value === 'object' && !Array.isArray(value))) { return undefined; }
  const kind = Array.isArray(value) ? 'a list' : typeof value === 'string' ? 'a string' : typeof value === 'number' ? 'a number' : 'true or false';
  return `is JSON, but ${kind}, not an object`;
}
