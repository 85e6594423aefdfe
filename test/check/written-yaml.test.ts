// Strings that cdk8s writes so that kubectl reads back something else (rule `yaml-scalar`). The vectors
// in test/fixtures/kubectl-reads-cdk8s-yaml.json were recorded from kubectl 1.32.4: each candidate string
// was written by cdk8s 2.70's `Yaml.stringify` (as App.synth writes files), as a value and as a key, and
// the file decoded with `kubectl annotate --local -o json -f FILE x=y`, which decodes as `kubectl apply -f`
// does. The recording test runs kubectl again when it is on PATH (RECORD_KUBECTL_VECTORS=1 rewrites the file).
import { spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Testing, Yaml } from 'cdk8s';
import { MinioDefault, PodDefaultValidation } from '../../lib';
import { unquotedScalars } from '../../lib/check/written-yaml';

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
  const readings: Readings = { values: {}, keys: {} };
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
  return unquotedScalars([{ manifest, source: 'cm' }]).map(p => p.key!);
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
    const expected = [...(text in values ? ['data.value'] : []), ...(text in keys ? [`keys.${text}`] : [])];
    expect({ text, reported: reported(text) }).toEqual({ text, reported: expected });
  }
});

test('a merge key `<<`, which cdk8s writes plain, is reported; as a value it is a string to kubectl', () => {
  // GIVEN a map with the key << and a value <<
  const manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'team-a' }, data: { '<<': 'x', a: '<<' } };
  // WHEN judged
  const problems = unquotedScalars([{ manifest, source: 'c/cm' }]);
  // THEN only the key is reported, in the object's namespace
  expect(problems).toEqual([{
    rule: 'yaml-scalar', namespace: 'team-a', sources: ['c/cm'], key: 'data.<<',
    message: 'c/cm: the key "<<" of data is a string that cdk8s writes without quotes, and kubectl reads it back as a merge key',
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
    // GIVEN a MinioDefault whose description is 0o17
    const outdir = mkdtempSync(path.join(tmpdir(), 'written-yaml-out-'));
    const app = new App({ outdir });
    const chart = new Chart(app, 'profile', { namespace: 'team-a' });
    new MinioDefault(chart, 'minio', { description: '0o17' });
    // WHEN synthesised THEN synth refuses, naming the construct and the field, and writes no file
    expect(() => app.synth()).toThrow('profile/minio: spec.desc is a string that cdk8s writes without quotes, and kubectl reads it back as a number; '
      + 'use another value: cdk8s quotes 0x1F and 0b1, but not 0o17, 0X1F or 0B1, which kubectl reads as numbers');
    expect(readdirSync(outdir)).toEqual([]);
  });

  test('refuses a namespace that kubectl would read as a number', () => {
    // GIVEN a profile named 0o17, a valid DNS label that cdk8s writes without quotes
    const chart = Testing.chart();
    new MinioDefault(chart, 'minio', { namespace: '0o17' });
    // WHEN synthesised THEN the PodDefault's namespace is reported (MinioDefault writes no Secret), once
    let message = '';
    try { Testing.synth(chart); } catch (e) { message = (e as Error).message; }
    expect(message.match(/metadata\.namespace is a string that cdk8s writes without quotes, and kubectl reads it back as a number/g)).toHaveLength(1);
    expect(message).toContain('minio: metadata.namespace');
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
