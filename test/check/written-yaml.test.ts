// Strings that cdk8s writes so that kubectl reads back something else (rule `yaml-scalar`). The vectors
// in test/fixtures/kubectl-reads-cdk8s-yaml.json were recorded from kubectl 1.32.4: each candidate string
// was written by cdk8s 2.70's `Yaml.stringify` (as App.synth writes files), as a value and as a key, and
// the file decoded with `kubectl annotate --local -o json -f FILE x=y`, which decodes as `kubectl apply -f`
// does. The recording tests run kubectl again when it is on PATH (RECORD_KUBECTL_VECTORS=1 rewrites the file).
import { spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Testing, Yaml, YamlOutputType } from 'cdk8s';
import { KubePodDefault } from '../../imports/kubeflow.org';
import { MinioDefault, PodDefaultValidation } from '../../lib';
import { writtenYamlProblems } from '../../lib/check/written-yaml';
import { characterClass } from '../../lib/names';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'kubectl-reads-cdk8s-yaml.json');

/** Strings YAML or Go could read as numbers, booleans or nulls, and some that neither does. */
function candidates(): string[] {
  const found = new Set<string>();
  for (const sign of ['', '+', '-']) {
    for (const prefix of ['', '0', '0x', '0X', '0o', '0O', '0b', '0B', '.', '0.', '1.']) {
      for (const body of ['', '1', '17', '1_7', '_1', '1_', '0', '8', '1f', 'F', '1e3', '1E3', '1.5', '.5', '1e', 'inf', 'Inf', 'nan', '1_000', '1__0', '01']) {
        found.add(sign + prefix + body);
      }
    }
  }
  for (const word of ['y', 'Y', 'n', 'N', 'yes', 'Yes', 'YES', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'true', 'True', 'TRUE',
    'false', 'False', 'FALSE', '~', 'null', 'Null', 'NULL', '.inf', '.Inf', '.INF', '-.inf', '+.inf', '.nan', '.NaN', '.NAN', '=', '2001-12-14',
    '1:20', '190:20:30', '0x', '0o', '0b', '_', '__1', '1_e3', '0x_', '0_1', '0_8', '0b2', '0o8', '0x1p3', 'tRue', 'E1']) {
    found.add(word);
  }
  return [...found];
}

/** What kubectl read of each candidate, where it differs from the candidate: as a value, and as a key. */
interface Readings {
  readonly values: { [text: string]: unknown };
  readonly keys: { [text: string]: string };
  /** The character candidates kubectl refused or read as another string, as values and as keys. */
  readonly characters: { readonly values: string[]; readonly keys: string[] };
  /** The multi-line candidates kubectl refused or read as another string. */
  readonly blocks: string[];
}

/**
 * Each character cdk8s writes as it is or as an escape, in the contexts that decide how it writes a
 * string (alone, inside text, first, last, on a line of a multi-line string, after a space, after `: `, after a quote).
 */
function characterCandidates(): string[] {
  const codes: number[] = [];
  for (let c = 0; c <= 0x20; c++) { codes.push(c); }
  for (let c = 0x7f; c <= 0xa0; c++) { codes.push(c); }
  codes.push(0x2028, 0x2029, 0xfeff, 0xfffe, 0xffff, 0xfdd0, 0xe000, 0xd800, 0xdc00, 0x200b, 0x1f600);
  const contexts = [(c: string) => c, (c: string) => `a${c}b`, (c: string) => `${c}a`, (c: string) => `a${c}`, (c: string) => `x\ny${c}z`,
    (c: string) => ` ${c}`, (c: string) => `a: ${c}`, (c: string) => `"${c}`];
  return [...new Set(codes.flatMap(code => contexts.map(context => context(String.fromCodePoint(code)))))];
}

/** Every string of up to four of space, line break, text, tab, `#`, `-`, `:` and carriage return. */
function multiLineCandidates(): string[] {
  const alphabet = [' ', '\n', 'a', '\t', '#', '-', ':', '\r'];
  let level = [''];
  const all: string[] = [];
  for (let length = 1; length <= 4; length++) {
    level = level.flatMap(prefix => alphabet.map(c => prefix + c));
    all.push(...level);
  }
  return all;
}

/**
 * The texts kubectl refuses or reads as another string, each written by cdk8s in a file of its own
 * (as `data.v`, or as a key of `data`): one kubectl run over the folder reads every file it can and
 * names each one it cannot. Undefined when kubectl is not on PATH.
 */
function kubectlUnreadable(texts: readonly string[], asKey: boolean): string[] | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'written-yaml-files-'));
  texts.forEach((text, i) => writeFileSync(path.join(dir, `f${i}.yaml`),
    Yaml.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `f${i}` }, data: asKey ? { [text]: 'x' } : { v: text } })));
  const result = spawnSync('kubectl', ['annotate', '--local', '-o', 'json', '-f', dir, 'x=y'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.error !== undefined) { return undefined; }
  const refused = new Set([...result.stderr.matchAll(/f(\d+)\.yaml/g)].map(m => Number(m[1])));
  const read = new Map<number, any>();
  for (const object of JSON.parse(`[${result.stdout.replace(/\n}\n{/g, '\n},\n{')}]`)) { read.set(Number(object.metadata.name.slice(1)), object.data); }
  return texts.filter((text, i) => {
    if (refused.has(i)) { return true; }
    const data = read.get(i);
    return asKey ? Object.keys(data ?? {})[0] !== text : data?.v !== text;
  });
}

/** Runs kubectl on cdk8s's writing of every candidate; undefined when kubectl is not on PATH. */
function kubectlReadings(texts: readonly string[]): Readings | undefined {
  const values: { [key: string]: string } = {};
  const keys: { [key: string]: { [key: string]: string } } = {};
  texts.forEach((text, i) => {
    values[`v${i}`] = text;
    keys[`k${i}`] = { [text]: 'x' };
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'written-yaml-'));
  const file = path.join(dir, 'vectors.yaml');
  writeFileSync(file, Yaml.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'vectors' }, values, keys }));
  const result = spawnSync('kubectl', ['annotate', '--local', '-o', 'json', '-f', file, 'x=y'], { encoding: 'utf8' });
  if (result.error !== undefined) {
    console.log(`kubectl is not on PATH (${result.error.message}): compared with the recorded vectors only`);
    return undefined;
  }
  expect(result.stderr).toBe('');
  const read = JSON.parse(result.stdout);
  const characters = characterCandidates();
  const readings: Readings = {
    values: {}, keys: {},
    characters: { values: kubectlUnreadable(characters, false)!, keys: kubectlUnreadable(characters, true)! },
    blocks: kubectlUnreadable(multiLineCandidates(), false)!,
  };
  texts.forEach((text, i) => {
    if (read.values[`v${i}`] !== text) { readings.values[text] = read.values[`v${i}`]; }
    const [key] = Object.keys(read.keys[`k${i}`]);
    if (key !== text) { readings.keys[text] = key; }
  });
  return readings;
}

function recorded(): Readings {
  return JSON.parse(readFileSync(FIXTURE, 'utf8'));
}

/** A chart in an app that the check is attached to, as an app without the library's constructs needs. */
function checkedChart(): Chart {
  const app = Testing.app();
  PodDefaultValidation.attach(app);
  return new Chart(app, 'test');
}

/** The paths the rule reports for a ConfigMap holding `text` as a value and as a key. */
function reported(text: string): string[] {
  const manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { value: text }, keys: { [text]: 'x' } };
  return writtenYamlProblems([{ manifest, source: 'cm' }]).map(p => p.key!);
}


/** A key's path as the check's messages write it: `.key` for a name of letters, digits, `_`, `$` and `-` that starts with no digit, `["key"]` for any other. */
/**
 * The path of `key` in `map` as a problem names it: in brackets when it is no identifier, and described, not shown, when
 * it holds a character no name has (it may be a secret pasted where a key goes; names.ts shownName).
 */
function keyPath(map: string, key: string): string {
  const chars = Array.from(key);
  const bad = chars.findIndex(c => !/^[-A-Za-z0-9_./]$/.test(c));
  if (bad >= 0) { return `${map}[(key not shown, as it may be a secret: ${chars.length} characters, ${characterClass(chars[bad])} at character ${bad + 1})]`; }
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `${map}.${key}` : `${map}[${JSON.stringify(key)}]`;
}

test('kubectl reads cdk8s\'s writing of the candidates as recorded (runs kubectl when on PATH)', () => {
  const readings = kubectlReadings(candidates());
  if (readings === undefined) { return; }
  if (process.env.RECORD_KUBECTL_VECTORS === '1') { writeFileSync(FIXTURE, JSON.stringify(readings, undefined, 2) + '\n'); }
  expect(readings).toEqual(recorded());
});

test('the rule reports exactly the strings kubectl reads back as something else, as a value or as a key', () => {
  // GIVEN the recorded vectors: 0o17, 0O17, 0X1F, 0B1 and their signed forms change; 0x1F, 0b1, 017, yes, ~ do not
  const { values, keys } = recorded();
  expect(values['0o17']).toBe(15);
  expect(values['-0X1f']).toBe(-31);
  expect(Object.keys(values)).not.toContain('0x1f');
  for (const text of candidates()) {
    // WHEN a ConfigMap holds the string as a value and as a key
    // THEN the rule reports each place where kubectl reads something else
    const expected = [...(text in values ? ['data.value'] : []), ...(text in keys ? [keyPath('keys', text)] : [])];
    expect({ text, reported: reported(text) }).toEqual({ text, reported: expected });
  }
});

test('the rule reports exactly the characters kubectl refuses or reads as others, as a value or as a key', () => {
  // GIVEN the recorded vectors: DEL, the C1 controls, U+2028, U+2029, U+FFFE, U+FFFF and half a surrogate pair, in every
  // context, except U+2028 and U+2029 in a value cdk8s writes in quotes and away from spaces (refused all the same, below)
  const { characters } = recorded();
  const separator = (text: string) => /[\u2028\u2029]/.test(text);
  expect(characters.values).toContain('\u0085');
  expect(characters.keys).toContain('a\u2028b');
  expect(characters.values).not.toContain('\ufeff');
  for (const text of characterCandidates()) {
    // WHEN a ConfigMap holds the string as a value and as a key
    // THEN the rule reports each place where kubectl refuses it or reads another string
    const expected = [...(characters.values.includes(text) || separator(text) ? ['data.value'] : []),
      ...(characters.keys.includes(text) || separator(text) ? [keyPath('keys', text)] : [])];
    expect({ text, reported: reported(text) }).toEqual({ text, reported: expected });
  }
  expect(characterCandidates().filter(text => separator(text) && !characters.values.includes(text))).toEqual(['"\u2028', '"\u2029']);
});

test('a line separator is refused also where kubectl keeps it: in quotes, between two other characters', () => {
  // GIVEN a value and a long key (which cdk8s writes as an explicit key) in quotes, each holding U+2028
  const key = `"${'a'.repeat(1100)}\u2028b`;
  const manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'quoted' }, data: { [key]: 'x', value: '"\u2028' } };
  // WHEN judged THEN both are reported
  expect(writtenYamlProblems([{ manifest, source: 'quoted' }]).map(p => p.key)).toEqual(['data[(key not shown, as it may be a secret: 1103 characters, "\\"" at character 1)]', 'data.value']);
  // AND kubectl reads them back (when on PATH): the rule refuses more than it must here, and says so in its comment
  expect(kubectlUnreadable([key], true) ?? []).toEqual([]);
  expect(kubectlUnreadable(['"\u2028'], false) ?? []).toEqual([]);
});

test('the rule reports exactly the multi-line strings kubectl refuses or reads as others', () => {
  // GIVEN the recorded vectors: lines of spaces before the text, a tab at the start of the first lines
  const { blocks } = recorded();
  expect(blocks).toEqual(expect.arrayContaining([' \n', '\n\n\ta', '  \t\n']));
  expect(blocks).not.toContain('a\n b');
  for (const text of multiLineCandidates()) {
    // WHEN a ConfigMap holds the string as a value
    const manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { value: text } };
    // THEN the rule reports it when kubectl refuses it or reads another string
    expect({ text, reported: writtenYamlProblems([{ manifest, source: 'cm' }]).length }).toEqual({ text, reported: blocks.includes(text) ? 1 : 0 });
  }
});

test('a merge key `<<`, which cdk8s writes plain, is reported; as a value it is a string to kubectl', () => {
  // GIVEN a map with the key << and a value <<
  const manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'team-a' }, data: { '<<': 'x', a: '<<' } };
  // WHEN judged
  const problems = writtenYamlProblems([{ manifest, source: 'c/cm' }]);
  // THEN only the key is reported, in the object's namespace
  expect(problems).toEqual([{
    rule: 'yaml-scalar', namespace: 'team-a', sources: ['c/cm'], key: 'data[(key not shown, as it may be a secret: 2 characters, "<" at character 1)]',
    message: 'c/cm: the key (key not shown, as it may be a secret: 2 characters, "<" at character 1) of data is a string that cdk8s writes without quotes, and kubectl reads it back as a merge key',
    fix: 'use another key',
  }]);
  // AND kubectl refuses such a file (when on PATH)
  const dir = mkdtempSync(path.join(tmpdir(), 'written-yaml-'));
  const file = path.join(dir, 'merge.yaml');
  writeFileSync(file, Yaml.stringify(manifest));
  const result = spawnSync('kubectl', ['annotate', '--local', '-o', 'json', '-f', file, 'x=y'], { encoding: 'utf8' });
  if (result.error !== undefined) {
    console.log(`kubectl is not on PATH (${result.error.message}): not run`);
    return;
  }
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain('map merge requires map or sequence of maps as the value');
});

describe('synth', () => {
  test('refuses a description that kubectl would read as a number, and writes nothing', () => {
    // GIVEN a KubePodDefault whose desc is 0o17 (the library's constructs refuse it before synth)
    const outdir = mkdtempSync(path.join(tmpdir(), 'written-yaml-out-'));
    const app = new App({ outdir });
    PodDefaultValidation.attach(app);
    const chart = new Chart(app, 'profile', { namespace: 'team-a' });
    new KubePodDefault(chart, 'minio', { metadata: { name: 'minio' }, spec: { desc: '0o17', selector: { matchLabels: { minio: 'true' } } } });
    // WHEN synthesised THEN synth refuses, naming the construct and the field, and writes no file
    expect(() => app.synth()).toThrow('profile/minio: spec.desc is a string that cdk8s writes without quotes, and kubectl reads it back as a number; '
      + 'use another value: cdk8s quotes 0x1F and 0b1, but not 0o17, 0X1F or 0B1, which kubectl reads as numbers');
    expect(readdirSync(outdir)).toEqual([]);
    // AND a MinioDefault refuses that description itself, naming the prop
    expect(() => new MinioDefault(chart, 'minio-default', { description: '0o17' })).toThrow('[profile/minio-default] description: is a string that cdk8s writes '
      + 'without quotes, and kubectl reads it back as a number: use another value');
  });

  test('refuses a namespace that kubectl would read as a number', () => {
    // GIVEN a Chart for a profile named 0o17, a valid DNS label that cdk8s writes without quotes, holding a
    // plain ConfigMap (the library's constructs refuse the namespace themselves, naming the prop)
    const app = Testing.app();
    PodDefaultValidation.attach(app);
    const chart = new Chart(app, 'profile', { namespace: '0o17' });
    new ApiObject(chart, 'settings', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { a: 'b' } });
    // WHEN synthesised THEN its namespace is reported, once
    let message = '';
    try { Testing.synth(chart); } catch (e) { message = (e as Error).message; }
    expect(message.match(/metadata\.namespace is a string that cdk8s writes without quotes, and kubectl reads it back as a number/g)).toHaveLength(1);
    expect(message).toContain('profile/settings: metadata.namespace');
  });

  test('a Secret value that kubectl would read as a number is reported by its path, never its value', () => {
    // GIVEN a Secret whose stringData token is 0XFACE (an obviously fake credential, hexadecimal to Go)
    const chart = checkedChart();
    new ApiObject(chart, 'token', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token' }, stringData: { token: '0XFACE' } });
    // WHEN synthesised THEN the message names the path only
    let message = '';
    try { Testing.synth(chart); } catch (e) { message = (e as Error).message; }
    expect(message).toContain('token: stringData.token is a string that cdk8s writes without quotes, and kubectl reads it back as a number');
    expect(message).not.toMatch(/FACE|64206/);
  });

  test('a construct refuses a description pasted with a line separator, naming the prop, before synth', () => {
    // GIVEN a chart
    const chart = Testing.chart();
    // WHEN a MinioDefault's description holds U+2028 (as text copied from a web page may)
    // THEN the construct refuses it, naming the prop, and the character class, not the text
    expect(() => new MinioDefault(chart, 'minio', { namespace: 'team-a', description: 'Team\u2028bucket' })).toThrow(
      '[test/minio] description: holds a character that cdk8s writes so that kubectl cannot read it back (DEL, a C1 control '
      + 'such as U+0085, U+FFFE, U+FFFF, half a surrogate pair), or a line separator (U+2028, U+2029), which kubectl reads as a line break almost everywhere: '
      + 'remove the character');
    expect(chart.node.children).toHaveLength(0);
  });

  test('refuses a multi-line string whose first line starts with a tab after an empty line, never showing it', () => {
    // GIVEN a Secret whose stringData holds a script that starts with an empty line and a tab (a fake credential)
    const chart = checkedChart();
    new ApiObject(chart, 'script', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'script' }, stringData: { 'run.sh': '\n\texport TOKEN=fake-token' } });
    // WHEN synthesised THEN the message names the path and the cause, not the text
    let message = '';
    try { Testing.synth(chart); } catch (e) { message = (e as Error).message; }
    expect(message).toContain('test/script: stringData["run.sh"] is a multi-line string that cdk8s writes as a literal block which kubectl reads back '
      + 'as another string, or refuses');
    expect(message).not.toContain('fake-token');
  });

  test.each<[string, number, string]>([['NaN', NaN, '.nan'], ['Infinity', Infinity, '.inf'], ['-Infinity', -Infinity, '-.inf']])(
    'refuses a number %s, which cdk8s writes as a YAML float kubectl cannot decode, and writes nothing', (_, value, written) => {
      // GIVEN a Deployment whose replicas came from Number() of a missing setting (NaN), or a division by zero (Infinity)
      const outdir = mkdtempSync(path.join(tmpdir(), 'written-yaml-out-'));
      const app = new App({ outdir });
      PodDefaultValidation.attach(app);
      const chart = new Chart(app, 'profile', { namespace: 'team-a' });
      const manifest = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: value } };
      new ApiObject(chart, 'web', manifest);
      // AND cdk8s writes it as a YAML float, which kubectl refuses to convert to JSON (when on PATH)
      expect(Yaml.stringify(manifest)).toContain(`replicas: ${written}\n`);
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'written-yaml-')), 'web.yaml');
      writeFileSync(file, Yaml.stringify({ ...manifest, metadata: { name: 'web', namespace: 'team-a' } }));
      const result = spawnSync('kubectl', ['annotate', '--local', '-o', 'json', '-f', file, 'x=y'], { encoding: 'utf8' });
      if (result.error === undefined) {
        expect(result.status).not.toBe(0);
        expect(result.stderr).toContain('error converting YAML to JSON: json: unsupported value: ');
      }
      // WHEN synthesised THEN synth refuses, naming the construct and the field, and writes no file
      expect(() => app.synth()).toThrow('profile/web: spec.replicas is a number that cdk8s writes as .nan, .inf or -.inf, which kubectl cannot read: '
        + 'it refuses the file (it cannot write the value as JSON); give a finite number');
      expect(readdirSync(outdir)).toEqual([]);
    });

  test('a number NaN in a list or in the metadata is reported where it is', () => {
    // GIVEN a ConfigMap with NaN in a list and an additional metadata field of Infinity
    const manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', generation: Infinity }, list: [1, NaN], data: { a: 'b' } };
    // WHEN judged THEN each place is reported, finite numbers are not
    expect(writtenYamlProblems([{ manifest, source: 'c/cm' }]).map(p => p.key)).toEqual(['metadata.generation', 'list[1]']);
  });

  test('a value that is no JSON data is refused where it is: cdk8s\'s YAML writer writes it as the check does not read it, or fails midway', () => {
    // GIVEN values a toJson of its own can return (cdk8s's own toJson refuses class instances), and a map with a method toJSON, which toJson keeps
    class Settings { public readonly region = 'x'; }
    const manifest = {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' },
      data: { map: new Map([['a', 'b']]), date: new Date(0), settings: new Settings(), list: [new Set(['a'])], plain: Object.create(null) },
      spec: { toJSON: () => ({ other: 'spec' }), a: 'b' },
      extra: { fn: () => 'x' },
    };
    // AND what the writer makes of some of them
    expect(Yaml.stringify({ spec: manifest.spec })).toBe('spec:\n  other: spec\n');
    expect(Yaml.stringify({ data: { map: manifest.data.map } })).toBe('data:\n  map: !!omap\n    - a: b\n');
    expect(() => Yaml.stringify({ extra: manifest.extra })).toThrow('Tag not resolved for Function value');
    // WHEN judged
    const problems = writtenYamlProblems([{ manifest, source: 'c/cm' }]);
    // THEN each is reported by its path, and a map of no prototype (written as a map) is not
    expect(problems.map(p => p.message)).toEqual([
      'c/cm: data.map is a Map, which cdk8s\'s YAML writer writes as a tagged node, a timestamp or its own fields, not as the check reads it',
      'c/cm: data.date is a Date, which cdk8s\'s YAML writer writes as a tagged node, a timestamp or its own fields, not as the check reads it',
      'c/cm: data.settings is a Settings, which cdk8s\'s YAML writer writes as a tagged node, a timestamp or its own fields, not as the check reads it',
      'c/cm: data.list[0] is a Set, which cdk8s\'s YAML writer writes as a tagged node, a timestamp or its own fields, not as the check reads it',
      'c/cm: spec.toJSON is a method toJSON, which cdk8s\'s YAML writer calls, writing its result in place of the map that holds it',
      'c/cm: extra.fn is a function or a symbol, which cdk8s\'s YAML writer cannot write: synth would fail midway, after writing the files before it',
    ]);
    expect(new Set(problems.map(p => p.fix))).toEqual(new Set(['render plain JSON: strings, numbers, booleans, lists and maps']));
  });

  test('synth refuses an object whose toJson of its own returns a Map, and writes nothing', () => {
    // GIVEN a chart whose first object is plain and whose second renders its data as a Map
    const outdir = mkdtempSync(path.join(tmpdir(), 'written-yaml-out-'));
    const app = new App({ outdir, yamlOutputType: YamlOutputType.FILE_PER_RESOURCE });
    PodDefaultValidation.attach(app);
    const chart = new Chart(app, 'profile', { namespace: 'team-a' });
    new ApiObject(chart, 'plain', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'plain' }, data: { a: 'b' } });
    class MapData extends ApiObject {
      public toJson(): any { return { ...super.toJson(), data: new Map([['a', 'b']]) }; }
    }
    new MapData(chart, 'mapped', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'mapped' } });
    // WHEN synthesised THEN refused, naming the construct and the field, and nothing is written
    expect(() => app.synth()).toThrow('profile/mapped: data is a Map, which cdk8s');
    expect(readdirSync(outdir)).toEqual([]);
  });

  test('strings cdk8s quotes pass: 0x1F, 0b1, 017, 9000, true, yes, an empty string', () => {
    // GIVEN a ConfigMap of strings that YAML 1.1 reads as numbers, booleans or nulls
    const chart = checkedChart();
    new ApiObject(chart, 'cm', {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' },
      data: { a: '0x1F', b: '0b1', c: '017', d: '9000', e: 'true', f: 'yes', g: '', h: '~', i: '1e3', j: '1_000', k: '0o8' },
    });
    // WHEN synthesised THEN synth passes
    expect(Testing.synth(chart)).toHaveLength(1);
    // AND with one string kubectl would read as a number, it refuses: the check ran
    new ApiObject(chart, 'cm2', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm2' }, data: { a: '0O17' } });
    expect(() => Testing.synth(chart)).toThrow('test/cm2: data.a is a string');
  });
});
