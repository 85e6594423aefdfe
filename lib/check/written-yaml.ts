// Strings that cdk8s writes so that kubectl reads back something else. cdk8s 2.70 writes YAML 1.1 (the
// yaml package with `version: '1.1'`), which quotes a string that YAML 1.1 reads as a number, a boolean
// or a null, but leaves plain the forms `0o17`, `0O17`, `0X1F` and `0B1` (and signed ones), which
// kubectl reads as numbers: it resolves plain scalars with Go's strconv (kubectl-yaml.ts). It also leaves
// a key `<<` plain, which kubectl reads as a merge key. `kubectl apply` then refuses the object (a number
// where a string belongs), or, in an int-or-string field, applies another value without a word.
//
// Only the in-process check sees these strings before they are written; the doors that read written
// files see what kubectl reads. Each is judged exactly: a string kubectl could read as something else
// when plain is written with cdk8s's own `Yaml.stringify` and read back as kubectl reads it.
// test/check/written-yaml.test.ts compares that with kubectl's own reading of cdk8s's output.
import { Yaml } from 'cdk8s';
import { isGoYamlNonString, loadKubectlYaml } from './kubectl-yaml';
import { checkProblem } from './problem';
import { CheckInput, CheckProblem } from './types';
import { isPlainObject } from '../json';


/** Every string of `inputs` (a key or a value) that cdk8s writes so that kubectl reads back something else. */
export function unquotedScalars(inputs: readonly CheckInput[]): CheckProblem[] {
  const written = new WrittenYaml();
  const problems: CheckProblem[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const { manifest, source } = inputs[i];
    if (!isPlainObject(manifest)) { continue; }
    const found: Found[] = [];
    written.scan(manifest, [], found);
    if (found.length === 0) { continue; }
    const namespace = typeof manifest.metadata?.namespace === 'string' ? manifest.metadata.namespace : '';
    const where = source ?? `${manifest.kind} ${manifest.metadata?.name}`;
    for (const { path, key, readAs } of found) {
      const what = key ? `the key ${JSON.stringify(path[path.length - 1])} of ${pathText(path.slice(0, -1)) || 'the object'}` : pathText(path);
      problems.push(checkProblem({
        rule: 'yaml-scalar', namespace, sources: [where], key: pathText(path),
        message: `${where}: ${what} is a string that cdk8s writes without quotes, and kubectl reads it back as ${readAs}`,
        fix: readAs === 'a merge key' ? 'use another key' : `use another ${key ? 'key' : 'value'}: cdk8s quotes 0x1F and 0b1, but not 0o17, 0X1F or 0B1, which kubectl reads as numbers`,
      }));
    }
  }
  return problems;
}

/** A string that writing changes: where it is, whether it is the key there rather than the value, and what kubectl reads. */
interface Found {
  readonly path: readonly (string | number)[];
  readonly key: boolean;
  readonly readAs: string;
}

/** `spec.env[0].value`, as the shape rule names fields. */
function pathText(path: readonly (string | number)[]): string {
  let text = '';
  for (const step of path) { text += typeof step === 'number' ? `[${step}]` : text === '' ? step : `.${step}`; }
  return text;
}

/** The walk, with what kubectl reads of each string cdk8s's writer was asked about, for one check. */
class WrittenYaml {
  /** What kubectl reads of a string written as a value or as a key, or `undefined` for the string itself. */
  private readonly values = new Map<string, string | undefined>();
  private readonly keys = new Map<string, string | undefined>();

  /**
   * Adds to `found` each string under `value` that writing changes; `path` leads to `value`, and is
   * copied only for what is found. This visits every string of the app: strings are judged in the loop
   * over their list or map, and only lists and maps are visited by a call (measured: a third of the time).
   */
  public scan(value: object, path: (string | number)[], found: Found[]): void {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'string') {
          if (isGoYamlNonString(item)) { this.judgeValue(item, path, i, found); }
        } else if (typeof item === 'object' && item !== null) {
          path.push(i);
          this.scan(item, path, found);
          path.pop();
        }
      }
      return;
    }
    const map = value as { readonly [key: string]: unknown };
    const keys = Object.keys(map);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (isGoYamlNonString(key)) { this.judgeKey(key, path, found); }
      const item = map[key];
      if (typeof item === 'string') {
        if (isGoYamlNonString(item)) { this.judgeValue(item, path, key, found); }
      } else if (typeof item === 'object' && item !== null) {
        path.push(key);
        this.scan(item, path, found);
        path.pop();
      }
    }
  }

  private judgeValue(text: string, path: readonly (string | number)[], step: string | number, found: Found[]): void {
    const readAs = this.readAsValue(text);
    if (readAs !== undefined) { found.push({ path: [...path, step], key: false, readAs }); }
  }

  private judgeKey(key: string, path: readonly (string | number)[], found: Found[]): void {
    const readAs = this.readAsKey(key);
    if (readAs !== undefined) { found.push({ path: [...path, key], key: true, readAs }); }
  }

  private readAsValue(text: string): string | undefined {
    if (!this.values.has(text)) {
      this.values.set(text, readBack(Yaml.stringify([text]), text, read => (read[0] === text ? undefined : kindOf(read[0]))));
    }
    return this.values.get(text);
  }

  private readAsKey(text: string): string | undefined {
    if (!this.keys.has(text)) {
      // kubectl's decoder turns a key it reads as a number into that number's text.
      this.keys.set(text, readBack(Yaml.stringify({ [text]: 'x' }), text, read => (read[text] === 'x' ? undefined : 'another key')));
    }
    return this.keys.get(text);
  }
}

/**
 * What kubectl makes of `written` (one YAML document) by `read`: `undefined` where it is unchanged.
 * Where kubectl cannot read it at all, `<<` is a merge key.
 */
function readBack(written: string, text: string, read: (value: any) => string | undefined): string | undefined {
  try {
    return read(loadKubectlYaml(written));
  } catch {
    return text === '<<' ? 'a merge key' : 'text it cannot read';
  }
}

/** The YAML word for what kubectl read, which holds no part of the value. */
function kindOf(value: unknown): string {
  return value === null ? 'null' : typeof value === 'boolean' ? 'a boolean' : typeof value === 'number' ? 'a number' : 'another string';
}
