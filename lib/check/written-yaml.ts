// Strings that cdk8s writes so that kubectl reads back something else, or cannot read at all. cdk8s 2.70
// writes YAML 1.1 (the yaml package with `version: '1.1'`); kubectl reads it with go-yaml v2. They part on:
// - plain scalars: cdk8s quotes a string that YAML 1.1 reads as a number, a boolean or a null, but leaves
//   plain `0o17`, `0O17`, `0X1F` and `0B1` (and signed ones), which kubectl reads as numbers (Go's strconv,
//   kubectl-yaml.ts), and a key `<<`, which kubectl reads as a merge key;
// - characters: cdk8s writes DEL, the C1 controls (U+0080 to U+009F, NEL among them), U+2028, U+2029,
//   U+FFFE and U+FFFF as they are, and half a surrogate pair as an escape; go-yaml refuses a file that holds
//   most of them, and reads NEL, U+2028 and U+2029 as line breaks (see UNREADABLE);
// - multi-line strings, which cdk8s writes as literal blocks without an indentation indicator: go-yaml
//   takes all the spaces of the lines before the first line of text for indentation, and refuses a tab
//   after them (go-yaml-block-scalar.ts);
// - numbers: cdk8s writes NaN, Infinity and -Infinity (a setting that `Number()` could not read, a division
//   by zero) as the YAML floats `.nan`, `.inf` and `-.inf`, which go-yaml reads but kubectl cannot convert to
//   JSON ("error converting YAML to JSON: json: unsupported value: NaN"), so it refuses the file;
// - values that are no JSON data, which a toJson of an object's own can return (cdk8s's own toJson refuses
//   them, but keeps a function in a map): the writer writes a Map or a Set as a tagged node, a Date as a
//   timestamp, a class instance as its own fields, a map with a method toJSON as that method's result, and
//   fails on a function or a symbol midway through the files.
// `kubectl apply` then refuses the file, or applies another value without a word.
//
// Only the in-process check sees these strings before they are written; the doors that read written
// files see what kubectl reads. Each is judged by what cdk8s's own `Yaml.stringify` writes, read as
// kubectl reads it. test/check/written-yaml.test.ts compares that with kubectl's reading of cdk8s's output.
import { Yaml } from 'cdk8s';
import { readGoYamlLiteralBlock } from './go-yaml-block-scalar';
import { isGoYamlNonString, loadKubectlYaml } from './kubectl-yaml';
import { checkProblem } from './problem';
import { CheckInput, CheckProblem } from './types';
import { shownPath } from '../admission/stored-pod-default';
import { isShownName, shownName } from '../names';
import { isPlainObject } from '../json';

/**
 * Characters kubectl does not read back as cdk8s writes them: DEL, the C1 controls and U+FFFE and U+FFFF,
 * which go-yaml's reader refuses anywhere; NEL, which it reads as a line break; half a surrogate pair,
 * which cdk8s writes as an escape that go-yaml refuses; and the line and paragraph separators, which it
 * reads as line breaks in a plain scalar, a block, a key, or next to a space in quotes. Those are refused
 * wherever they are, also in the few places (in quotes, between two other characters) where kubectl
 * keeps them: exact judgement there would have to follow go-yaml's folding of quoted scalars.
 */
const UNREADABLE = /[\u007f-\u009f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** What a string must hold for UNREADABLE, or to be written as a literal block: most strings hold none. */
const SPECIAL = /[\n\u007f-\u009f\u2028\u2029\ufffe\uffff\ud800-\udfff]/;

/** Every string of `inputs` (a key or a value) and every number that cdk8s writes so that kubectl reads back something else, or refuses. */
export function writtenYamlProblems(inputs: readonly CheckInput[]): CheckProblem[] {
  const written = new WrittenYaml();
  const problems: CheckProblem[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const { manifest, source } = inputs[i];
    if (!isPlainObject(manifest)) { continue; }
    const found: Found[] = [];
    const foreign = foreignObject(manifest);
    if (foreign === undefined) { written.scan(manifest, [], found); } else { found.push({ path: [], key: false, readAs: foreign }); }
    if (found.length === 0) { continue; }
    const namespace = typeof manifest.metadata?.namespace === 'string' ? manifest.metadata.namespace : '';
    const where = source ?? `${manifest.kind} ${typeof manifest.metadata?.name === 'string' ? shownName(manifest.metadata.name, 'name') : manifest.metadata?.name}`;
    for (const { path, key, readAs } of found) {
      const last = path[path.length - 1];
      const shownKey = typeof last === 'string' && isShownName(last) ? JSON.stringify(last) : shownName(String(last), 'key');
      const what = key ? `the key ${shownKey} of ${shownPath(path.slice(0, -1)) || 'the object'}` : shownPath(path) || 'the object';
      problems.push(checkProblem({ rule: 'yaml-scalar', namespace, sources: [where], key: shownPath(path), message: `${where}: ${what} ${readAs.message}`, fix: readAs.fix }));
    }
  }
  return problems;
}

/** What kubectl makes of a string cdk8s wrote, and how to fix it. */
interface Reading {
  readonly message: string;
  readonly fix: string;
}

/** A string or number that writing changes: where it is, whether it is the key there rather than the value, and what kubectl makes of it. */
interface Found {
  readonly path: readonly (string | number)[];
  readonly key: boolean;
  readonly readAs: Reading;
}

const NUMBER: Reading = {
  message: 'is a number that cdk8s writes as .nan, .inf or -.inf, which kubectl cannot read: it refuses the file (it cannot write the value as JSON)',
  fix: 'give a finite number',
};
const PLAIN_FIX = 'render plain JSON: strings, numbers, booleans, lists and maps';
const UNWRITABLE: Reading = {
  message: 'is a function or a symbol, which cdk8s\'s YAML writer cannot write: synth would fail midway, after writing the files before it',
  fix: PLAIN_FIX,
};
const TO_JSON: Reading = {
  message: 'is a method toJSON, which cdk8s\'s YAML writer calls, writing its result in place of the map that holds it',
  fix: PLAIN_FIX,
};

/**
 * What cdk8s's YAML writer makes of an object that is neither a list nor a map of Object's prototype (or of
 * none), which a toJson of an object's own can return (cdk8s's own toJson refuses them): a Map, a Set, a
 * Date, a class instance; `undefined` for a list or a map.
 */
function foreignObject(value: object): Reading | undefined {
  if (Array.isArray(value)) { return undefined; }
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) { return undefined; }
  const name = typeof prototype.constructor?.name === 'string' && prototype.constructor.name !== '' ? prototype.constructor.name : 'object of a class';
  return { message: `is a ${name}, which cdk8s's YAML writer writes as a tagged node, a timestamp or its own fields, not as the check reads it`, fix: PLAIN_FIX };
}

const UNQUOTED_FIX = 'cdk8s quotes 0x1F and 0b1, but not 0o17, 0X1F or 0B1, which kubectl reads as numbers';
const CHARACTER: Reading = {
  message: 'holds a character that cdk8s writes so that kubectl cannot read it back (DEL, a C1 control such as U+0085, U+FFFE, U+FFFF, '
    + 'half a surrogate pair), or a line separator (U+2028, U+2029), which kubectl reads as a line break almost everywhere',
  fix: 'remove the character',
};
const BLOCK: Reading = {
  message: 'is a multi-line string that cdk8s writes as a literal block which kubectl reads back as another string, or refuses: '
    + 'its lines of spaces before the first line of text lose their spaces, and a tab at the start of its first lines is refused',
  fix: 'remove the spaces of the lines before the text and the tab at the start of its first line, or give the text base64-encoded (a Secret\'s data)',
};

/** A string written without quotes that kubectl reads as `kind`. */
function unquoted(kind: string, key: boolean): Reading {
  return kind === 'a merge key'
    ? { message: 'is a string that cdk8s writes without quotes, and kubectl reads it back as a merge key', fix: 'use another key' }
    : { message: `is a string that cdk8s writes without quotes, and kubectl reads it back as ${kind}`, fix: `use another ${key ? 'key' : 'value'}: ${UNQUOTED_FIX}` };
}

/** The walk, with what kubectl makes of each string it has judged, for one check. */
class WrittenYaml {
  /** What kubectl makes of a string written as a value or as a key, or `undefined` for the string itself. */
  private readonly values = new Map<string, Reading | undefined>();
  private readonly keys = new Map<string, Reading | undefined>();

  /**
   * Adds to `found` each string or number under `value` that writing changes; `path` leads to `value`, and is
   * copied only for what is found. This visits every string of the app: strings are judged in the loop
   * over their list or map, and only lists and maps are visited by a call (measured: a third of the time).
   */
  public scan(value: object, path: (string | number)[], found: Found[]): void {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'string') {
          if (mayChange(item)) { this.judge(item, false, path, i, found); }
        } else if (typeof item === 'object' && item !== null) {
          const foreign = foreignObject(item);
          if (foreign === undefined) {
            path.push(i);
            this.scan(item, path, found);
            path.pop();
          } else {
            found.push({ path: [...path, i], key: false, readAs: foreign });
          }
        } else if (typeof item === 'number') {
          if (!Number.isFinite(item)) { found.push({ path: [...path, i], key: false, readAs: NUMBER }); }
        } else if (typeof item === 'function' || typeof item === 'symbol') {
          found.push({ path: [...path, i], key: false, readAs: UNWRITABLE });
        }
      }
      return;
    }
    const map = value as { readonly [key: string]: unknown };
    const keys = Object.keys(map);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (mayChange(key)) { this.judge(key, true, path, key, found); }
      const item = map[key];
      if (typeof item === 'string') {
        if (mayChange(item)) { this.judge(item, false, path, key, found); }
      } else if (typeof item === 'object' && item !== null) {
        const foreign = foreignObject(item);
        if (foreign === undefined) {
          path.push(key);
          this.scan(item, path, found);
          path.pop();
        } else {
          found.push({ path: [...path, key], key: false, readAs: foreign });
        }
      } else if (typeof item === 'number') {
        if (!Number.isFinite(item)) { found.push({ path: [...path, key], key: false, readAs: NUMBER }); }
      } else if (typeof item === 'function' || typeof item === 'symbol') {
        found.push({ path: [...path, key], key: false, readAs: key === 'toJSON' && typeof item === 'function' ? TO_JSON : UNWRITABLE });
      }
    }
  }

  private judge(text: string, key: boolean, path: readonly (string | number)[], step: string | number, found: Found[]): void {
    const memo = key ? this.keys : this.values;
    if (!memo.has(text)) { memo.set(text, key ? readAsKey(text) : readAsValue(text)); }
    const readAs = memo.get(text);
    if (readAs !== undefined) { found.push({ path: [...path, step], key, readAs }); }
  }
}

/** Whether writing may change `text`: most strings are names and words, which it never does. */
function mayChange(text: string): boolean {
  return isGoYamlNonString(text) || SPECIAL.test(text);
}

/**
 * Why kubectl would not read back `text` as cdk8s writes it as a value, in words for a construct's
 * prop (`holds a character ...: remove the character`); `undefined` when it would.
 */
export function writtenValueProblem(text: string): string | undefined {
  if (!mayChange(text)) { return undefined; }
  const reading = readAsValue(text);
  return reading === undefined ? undefined : `${reading.message}: ${reading.fix}`;
}

/** What kubectl makes of `text` written as a value, or `undefined` when it reads it back. */
function readAsValue(text: string): Reading | undefined {
  if (UNREADABLE.test(text)) { return CHARACTER; }
  const written = Yaml.stringify({ v: text });
  if (written.startsWith('v: |')) {
    return readGoYamlLiteralBlock(written.slice(3)) === text ? undefined : BLOCK;
  }
  if (!isGoYamlNonString(text)) { return undefined; }
  const read = loadKubectlYaml(written) as { v: unknown };
  return read.v === text ? undefined : unquoted(kindOf(read.v), false);
}

/** What kubectl makes of `text` written as a key (cdk8s writes one with a line break in quotes), or `undefined` when it reads it back. */
function readAsKey(text: string): Reading | undefined {
  if (UNREADABLE.test(text)) { return CHARACTER; }
  if (!isGoYamlNonString(text)) { return undefined; }
  try {
    // kubectl's decoder turns a key it reads as a number into that number's text.
    const read = loadKubectlYaml(Yaml.stringify({ [text]: 'x' })) as { [key: string]: unknown };
    return read[text] === 'x' ? undefined : unquoted('another key', true);
  } catch {
    // kubectl refuses a merge key whose value is no mapping, and a key it reads as null or a uint64.
    return unquoted(text === '<<' ? 'a merge key' : 'another key', true);
  }
}

/** The YAML word for what kubectl read, which holds no part of the value. */
function kindOf(value: unknown): string {
  return value === null ? 'null' : typeof value === 'boolean' ? 'a boolean' : typeof value === 'number' ? 'a number' : 'another string';
}
