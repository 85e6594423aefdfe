// The reader of Go's text/template (lib/check/go-template.ts) against Go itself, on random templates: kubectl 1.32
// (go1.23.8) parses each with text/template and runs it over a ConfigMap with missingkey=error (`-o go-template`,
// --allow-missing-template-keys=false). Templates are built from actions, controls (if, with, range, else, break),
// comments, declarations and pipelines of text/template's builtins, then cut, or given a stray character or action.
// The seed is fixed (FUZZ_SEED replays another); FUZZ_RUNS sets the number of templates.
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { readGoTemplate } from '../../lib/check/go-template';

const SEED = Number(process.env.FUZZ_SEED ?? 20261208);
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const KEYS = ['apiVersion', 'kind', 'metadata', 'data'];

const OPERANDS = ['.kind', '.nosuch', '.', '$x', '$', '"s"', '`r`', '1', 'true', 'nil', '(.kind)', '.kind.x', '(len .kind)', '.a-b', '\'c\'', '.data.a'];
const FUNCTIONS = ['printf "%v"', 'len', 'index .', 'or', 'and', 'not', 'print', 'eq .kind', ''];
const JUNK = ['{{', '}}', ' ', '-', '|', '(', ')', '"', '`', ':', '=', '{{ end }}', '{{ else }}', '\n', ',', '{{- ', ' -}}', '\'', '\\', '$y', '}', '{', '/*', '*/'];

/** A random template of `random`, an integer source. */
function template(random: (n: number) => number): string {
  const pick = <T>(xs: readonly T[]) => xs[random(xs.length)];
  const pipeline = () => {
    const commands: string[] = [];
    for (let i = 1 + random(3); i > 0; i--) {
      const f = pick(FUNCTIONS);
      commands.push(f === '' || (commands.length === 0 && random(2) === 0) ? pick(OPERANDS) : `${f} ${pick(OPERANDS)}`);
    }
    return (random(5) === 0 ? '$x := ' : '') + commands.join(' | ');
  };
  const list = (depth: number): string => {
    let text = '';
    for (let i = random(4); i > 0; i--) {
      const k = random(10);
      if (k < 4 || depth > 2) {
        text += `{{ ${pipeline()} }}`;
      } else if (k < 5) {
        text += 'text\n';
      } else if (k < 6) {
        text += '{{/* c */}}';
      } else {
        const c = pick(['if', 'with', 'range']);
        const otherwise = random(3) === 0 ? `{{ else }}${list(depth + 1)}` : '';
        text += `{{ ${c} ${pipeline()} }}${list(depth + 1)}${otherwise}${c === 'range' && random(2) === 0 ? '{{ break }}' : ''}{{ end }}`;
      }
    }
    return text;
  };
  const whole = list(0);
  if (random(2) === 0 || whole.length === 0) { return whole; }
  const at = random(whole.length + 1);
  switch (random(3)) {
    case 0: return whole.slice(0, at);
    case 1: return whole.slice(0, at) + pick(JUNK) + whole.slice(at);
    default: return whole.slice(0, at) + whole.slice(at + 1);
  }
}

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
const withKubectl = hasKubectl ? test : test.skip;

withKubectl('random templates: a parse error where Go has one, a missing key only where Go\'s run fails', () => {
  // GIVEN a ConfigMap, and random templates
  let state = SEED >>> 0;
  const random = (n: number) => { state = (Math.imul(state, 1664525) + 1013904223) >>> 0; return (state >>> 8) % n; };
  const dir = mkdtempSync(path.join(tmpdir(), 'go-template-fuzz-'));
  try {
    const file = path.join(dir, 'cm.json');
    writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'b' } }));
    const differ: string[] = [];
    const seen = { error: 0, parsed: 0, unsure: 0 };
    for (let run = 0; run < RUNS; run++) {
      const text = template(random);
      // WHEN the reader reads it, and Go (kubectl) parses and runs it
      const reading = readGoTemplate(text);
      seen[reading.kind]++;
      if (reading.kind === 'unsure') { continue; }
      const go = spawnSync('kubectl', ['label', '--local', '-f', file, 'x=y', '--allow-missing-template-keys=false', '-o', `go-template=${text}`], { encoding: 'utf8' });
      const goParseError = go.stderr.includes('error parsing template');
      const missing = reading.kind === 'parsed' ? reading.reads.find(read => !KEYS.includes(read.name)) : undefined;
      // THEN they agree on whether it parses, and a key the reader says every run reads and the map lacks fails Go's run
      if (goParseError !== (reading.kind === 'error')) { differ.push(`${JSON.stringify(text)}: Go ${goParseError ? 'cannot parse it' : 'parses it'}`); }
      if (missing !== undefined && go.status === 0) { differ.push(`${JSON.stringify(text)}: Go runs it, reading .${missing.name}`); }
    }
    expect(differ).toEqual([]);
    // (and the templates are of every kind)
    expect(Object.values(seen).every(count => count > 0)).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
