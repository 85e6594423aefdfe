// The check's doors read YAML as kubectl does. The vectors were recorded from kubectl 1.32.4 (sigs.k8s.io/yaml):
// each TEXT below was written as `spec.vN: TEXT` of one manifest and decoded with
//   kubectl annotate --local -o json -f FILE x=y
// which decodes a file as `kubectl create -f` and `kubectl apply -f` do, but needs no cluster. The last
// test runs kubectl on the same manifest when it is on PATH.
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { goYamlText, loadKubectlYaml } from '../../lib/check/kubectl-yaml';

/** [YAML text, the JSON value kubectl gave it]. */
const VECTORS: [string, unknown][] = [
  ['E1', 'E1'], ['e1', 'e1'], ['1E1', 10], ['.1e1', 1], ['1.', 1], ['-.5', -0.5], ['1e3', 1000],
  ['2001-12-14', '2001-12-14'], ['2001-12-14 21:59:43.10 -5', '2001-12-14 21:59:43.10 -5'],
  ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
  ['yes', true], ['Off', false], ['y', true], ['TRUE', true], ['True', true], ['tRue', 'tRue'],
  ['0o17', 15], ['017', 15], ['0b101', 5], ['08', 8], ['0x1F', 31], ['1_000', 1000], ['1_0.5', 10.5],
  ['~', null], ['Null', null], ['NULL', null], ['', null],
  ['190:20:30', '190:20:30'], ['1:20', '1:20'], ['+12', 12], ['.5', 0.5], ['0', 0], ['-0', 0], ['00', 0],
  ['1.0', 1], ['0.0', 0], ['"010"', '010'], ['!!str 12', '12'], ['!!int "12"', 12], ['=', '='], ['<<', '<<'],
];

function manifest(): string {
  return ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: vectors', 'spec:',
    ...VECTORS.map(([text], i) => `  v${i}: ${text}`)].join('\n') + '\n';
}

/** The spec as check reads it, through JSON as kubectl prints it. */
function ours(): { [key: string]: unknown } {
  return JSON.parse(JSON.stringify((loadKubectlYaml(manifest()) as any).spec));
}

test.each(VECTORS.map(([text, value], i) => [text, value, i] as const))('%j decodes to %j, as kubectl decodes it', (_text, value, i) => {
  expect(ours()[`v${i}`]).toEqual(value);
});

test('kubectl decodes the vectors as recorded (runs kubectl when on PATH)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubectl-yaml-'));
  const file = path.join(dir, 'vectors.yaml');
  writeFileSync(file, manifest());
  const result = spawnSync('kubectl', ['annotate', '--local', '-o', 'json', '-f', file, 'x=y'], { encoding: 'utf8' });
  if (result.error !== undefined) {
    console.log(`kubectl is not on PATH (${result.error.message}): compared with the recorded vectors only`);
    return;
  }
  expect(result.stderr).toBe('');
  expect(JSON.parse(result.stdout).spec).toEqual(ours());
});

describe('goYamlText writes what go-yaml v2 reads back', () => {
  test.each(VECTORS.map(([text]) => [text] as const))('the string %j round-trips', text => {
    // GIVEN a scalar kubectl resolves to something else when plain (a boolean, a number, a null), or a name
    const value = { value: text };
    // WHEN written and read back as kubectl reads it THEN it is the same string
    expect(loadKubectlYaml(goYamlText(value))).toEqual(value);
  });

  test('any map of strings and booleans round-trips', () => {
    // GIVEN random maps, with strings drawn to look like YAML 1.1 scalars often
    const scalar = fc.oneof(fc.string(), fc.constantFrom('on', 'Off', 'y', 'N', 'yes', '0x1F', '0o17', '017', '1_000', '.inf', '~', 'null', '1e3', '2001-12-14', '1:20', '<<'));
    fc.assert(fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.oneof(scalar, fc.boolean())), map => {
      // WHEN written and read back THEN nothing changed
      expect(loadKubectlYaml(goYamlText({ map }))).toEqual({ map });
    }), { seed: Number(process.env.FUZZ_SEED ?? 20261207), numRuns: Number(process.env.FUZZ_RUNS ?? 300) });
  });
});
