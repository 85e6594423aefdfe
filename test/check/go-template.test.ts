// The reader of Go's text/template (lib/check/go-template.ts), held to Go itself: kubectl 1.32 (v1.32.4, built with
// go1.23.8: `kubectl version --client -o json`) is a Go program whose
// `-o go-template=...` parses the template with text/template and executes it over the object (a map), with
// missingkey=error under --allow-missing-template-keys=false (k8s.io/cli-runtime pkg/printers/template.go). It prints
// "error parsing template" for a parse error and "error executing template ... map has no entry for key" for a
// missing key. Its function map is not ESO's, so the vectors compared use text/template's builtins alone.
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { readGoTemplate, TemplateReading } from '../../lib/check/go-template';

const DASH = 'a field name that holds \'-\' (Go reads .my-key as .my followed by -key)';

/** [template, what the reader makes of it]: a parse error (line, words), the keys it surely reads, or unsure. */
const VECTORS: readonly (readonly [string, TemplateReading])[] = [
  // lex.go lexFieldOrVariable: a `-` after `.my` is no terminator (atTerminator): "bad character U+002D '-'".
  ['{{ .my-key }}', { kind: 'error', line: 1, what: DASH, dashedField: true }],
  ['x\n{{ .kind }}\n{{ .my-key }}', { kind: 'error', line: 3, what: DASH, dashedField: true }],
  // funcs.go index: a missing map key gives the zero value, no error: nothing is read with `.name`.
  ['{{ index . "my-key" }}', { kind: 'parsed', reads: [] }],
  // lexInsideAction: EOF inside an action, "unclosed action".
  ['{{ .kind', { kind: 'error', line: 1, what: 'an action opened with {{ is not closed with }}' }],
  // itemList: EOF before {{end}}, "unexpected EOF".
  ['{{ if .kind }}x', { kind: 'error', line: 1, what: 'an {{ if }} with no {{ end }} (the template ends first)' }],
  ['{{ range .metadata }}\n{{ if .x }}{{ end }}', { kind: 'error', line: 1, what: 'an {{ range }} with no {{ end }} (the template ends first)' }],
  // parse: "unexpected {{end}}", "unexpected {{else}}"; parseControl: "expected end; found {{else}}".
  ['{{ end }}', { kind: 'error', line: 1, what: 'an {{ end }} that closes no {{ if }}, {{ range }} or {{ with }}' }],
  ['{{ else }}', { kind: 'error', line: 1, what: 'an {{ else }} outside {{ if }}, {{ range }} or {{ with }}' }],
  ['{{ if .kind }}a{{ else }}b{{ else }}c{{ end }}', { kind: 'error', line: 1, what: 'a second {{ else }} in an {{ if }}' }],
  // checkPipeline: "missing value for command", "missing value for if", "non executable command in pipeline stage 2".
  ['{{ }}', { kind: 'error', line: 1, what: 'an action with nothing in it' }],
  ['{{ if }}{{ end }}', { kind: 'error', line: 1, what: 'an {{ if }} with nothing in it' }],
  ['{{ .kind | "x" }}', { kind: 'error', line: 1, what: 'a value that is no function or field at stage 2 of a pipeline (after |)' }],
  // command: a `|` with nothing after it ends the command; pipeline takes the }} as its end.
  ['{{ .kind | }}', { kind: 'parsed', reads: [{ name: 'kind', line: 1 }] }],
  // useVar: "undefined variable"; parseControl pops the variables of its list at {{end}}.
  ['{{ $x }}', { kind: 'error', line: 1, what: 'a variable that is not declared (undefined variable)' }],
  ['{{ $x := .kind }}{{ $x }}', { kind: 'parsed', reads: [{ name: 'kind', line: 1 }] }],
  ['{{ if .kind }}{{ $x := 1 }}{{ end }}{{ $x }}', { kind: 'error', line: 1, what: 'a variable that is not declared (undefined variable)' }],
  // breakControl, continueControl: "{{break}} outside {{range}}".
  ['{{ break }}', { kind: 'error', line: 1, what: 'a {{ break }} outside {{ range }}' }],
  ['{{ continue }}', { kind: 'error', line: 1, what: 'a {{ continue }} outside {{ range }}' }],
  ['{{ range .metadata }}{{ break }}{{ end }}', { kind: 'parsed', reads: [{ name: 'metadata', line: 1 }] }],
  // lexComment: "unclosed comment", "comment ends before closing delimiter".
  ['{{/* a comment */}}{{ .kind }}', { kind: 'parsed', reads: [{ name: 'kind', line: 1 }] }],
  ['{{- /* a comment */ -}}', { kind: 'parsed', reads: [] }],
  ['{{/* a comment', { kind: 'error', line: 1, what: 'a comment /* that is never closed' }],
  ['{{/* a */ .kind }}', { kind: 'error', line: 1, what: 'a comment that does not end right before }}' }],
  // Trim markers need a space (lex.go hasLeftTrimMarker): `{{-.kind}}` is a number that starts `-.k`.
  ['{{- .kind -}}', { kind: 'parsed', reads: [{ name: 'kind', line: 1 }] }],
  ['{{-.kind}}', { kind: 'error', line: 1, what: 'a malformed number' }],
  // lexQuote, lexRawQuote.
  ['{{ "open }}', { kind: 'error', line: 1, what: 'a quoted string not closed on its line' }],
  ['{{ `open }}', { kind: 'error', line: 1, what: 'a raw string (`) that is never closed' }],
  // lexInsideAction: parenDepth, "unclosed left paren", "unexpected right paren".
  ['{{ (.kind }}', { kind: 'error', line: 1, what: 'a ( is not closed before the }} that ends the action' }],
  ['{{ .kind) }}', { kind: 'error', line: 1, what: 'a ) that closes no (' }],
  ['{{ (.kind) }}', { kind: 'parsed', reads: [{ name: 'kind', line: 1 }] }],
  // operand: "unexpected . after term".
  ['{{ "a".x }}', { kind: 'error', line: 1, what: 'a field read off a constant or off . itself (as "a".x or ..x)' }],
  // pipeline: range declarations.
  ['{{ range $i, $v := .metadata }}{{ $v }}{{ end }}', { kind: 'parsed', reads: [{ name: 'metadata', line: 1 }] }],
  ['{{ range $i, $v, $w := .metadata }}{{ end }}', { kind: 'error', line: 1, what: 'too many variables declared in an {{ range }}' }],
  ['{{ range $i, 3 }}{{ end }}', { kind: 'error', line: 1, what: 'a {{ range }} whose declaration gives other than variables' }],
  ['{{ $i, $v := .kind }}', { kind: 'error', line: 1, what: 'too many variables declared in an action' }],
  // lexFieldOrVariable, atTerminator: a `"` right after a field; lexInsideAction: `:` without `=`.
  ['{{ .kind"a" }}', { kind: 'error', line: 1, what: 'a name holds \'"\', where only letters, digits and _ go' }],
  // command: a `}` alone is a character, no operand: "unexpected \"}\" in operand"; right after a name, no terminator.
  ['{{ .kind }', { kind: 'error', line: 1, what: 'a punctuation character where Go\'s parser expects none (in an operand)' }],
  ['{{ .kind}', { kind: 'error', line: 1, what: 'a name holds \'}\', where only letters, digits and _ go' }],
  ['{{ :x }}', { kind: 'error', line: 1, what: 'a : that no = follows (:= declares a variable)' }],
  ['{{ .a\u20ac }}', { kind: 'error', line: 1, what: 'a name holds a character that is no letter, digit or _, where only letters, digits and _ go' }],
  ['{{{{ .kind }}', { kind: 'error', line: 1, what: 'a punctuation character where Go\'s parser expects none (in an action)' }],
  // Text around actions; a newline inside an action (Go 1.16 and later); `}}` outside one is text.
  ['{{ .kind }}}}', { kind: 'parsed', reads: [{ name: 'kind', line: 1 }] }],
  ['{{ .kind\n}}', { kind: 'parsed', reads: [{ name: 'kind', line: 1 }] }],
  ['{{ .\u043a\u043b\u044e\u0447 }}', { kind: 'parsed', reads: [{ name: '\u043a\u043b\u044e\u0447', line: 1 }] }],
  // The reads that every run makes (unless it fails before): not in a branch, and only the first argument of and/or.
  ['{{ .kind }}\n{{ .nosuch }}', { kind: 'parsed', reads: [{ name: 'kind', line: 1 }, { name: 'nosuch', line: 2 }] }],
  ['{{ if .kind }}{{ .nosuch }}{{ end }}', { kind: 'parsed', reads: [{ name: 'kind', line: 1 }] }],
  ['{{ if .kind }}x{{ else if .nosuch }}y{{ end }}', { kind: 'parsed', reads: [{ name: 'kind', line: 1 }] }],
  ['{{ or .kind .nosuch }}', { kind: 'parsed', reads: [{ name: 'kind', line: 1 }] }],
  ['{{ with .kind }}{{ .nosuch }}{{ end }}', { kind: 'parsed', reads: [{ name: 'kind', line: 1 }] }],
  ['{{ printf "%s-%s" .kind .nosuch }}', { kind: 'parsed', reads: [{ name: 'kind', line: 1 }, { name: 'nosuch', line: 1 }] }],
  ['{{ .nosuch.x }}', { kind: 'parsed', reads: [{ name: 'nosuch', line: 1 }] }],
  ['{{ .kind | len | printf "%d" }}', { kind: 'parsed', reads: [{ name: 'kind', line: 1 }] }],
  ['{{ $.nosuch }}', { kind: 'parsed', reads: [] }],
  ['{{ "a" "b" }}', { kind: 'parsed', reads: [] }],
  ['{{ 3 }}', { kind: 'parsed', reads: [] }],
];

/** Where the reader cannot be sure it answers nothing: functions it does not know, other trees, numbers newNumber reads. */
const UNSURE: readonly string[] = [
  '{{ nofunc .kind }}', '{{ template "x" }}', '{{ define "x" }}{{ end }}', '{{ block "x" . }}{{ end }}', '{{ 0x1F }}',
  '{{ \'a\' }}', '{{ "a\\qb" }}', '{{ .x | shout }}{{ .my-key }}', `${'{{ if 1 }}'.repeat(200)}`, `{{ ${'('.repeat(200)}`,
];

describe('readGoTemplate', () => {
  test.each(VECTORS)('%j', (template, expected) => {
    // GIVEN a template WHEN read THEN Go's first parse error, or the keys every run reads
    expect(readGoTemplate(template)).toEqual(expected);
  });

  test.each(UNSURE)('%j: unsure, so nothing is judged', (template) => {
    expect(readGoTemplate(template)).toEqual({ kind: 'unsure' });
  });

  test('what the library writes parses, and reads its inputs', () => {
    // GIVEN the templates of docker-login-template.ts, aws-credentials-template.ts and store-secret.ts (a `{{` in text
    // turned into an action that prints it, a string with a \u escape)
    const docker = '{{ "{{" }}"auths":{"r.io":{"username":{{ .username | toJson }},"password":{{ .password | toJson }},'
      + '"auth":{{ printf "%s:%s" .username .password | b64enc | toJson }}}}}';
    // THEN each parses, and reads exactly those inputs
    expect(readGoTemplate(docker)).toEqual({ kind: 'parsed', reads: ['username', 'password', 'username', 'password'].map(name => ({ name, line: 1 })) });
    expect(readGoTemplate('{{ .credentials | trimPrefix "\\ufeff" }}')).toEqual({ kind: 'parsed', reads: [{ name: 'credentials', line: 1 }] });
  });

  test('a 1 MB template is read in one pass', () => {
    // GIVEN 1 MB of actions, and 1 MB of one action's spaces
    const many = '{{ .username }}\n'.repeat(65536);
    const wide = `{{ ${' '.repeat(1 << 20)}.username }}`;
    // THEN each is read (linear: the lexer and the line count go forward only)
    const reading = readGoTemplate(many);
    expect(reading.kind === 'parsed' && reading.reads.length).toBe(65536);
    expect(reading.kind === 'parsed' && reading.reads[65535]).toEqual({ name: 'username', line: 65536 });
    expect(readGoTemplate(wide)).toEqual({ kind: 'parsed', reads: [{ name: 'username', line: 1 }] });
  });
});

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
const withKubectl = hasKubectl ? test : test.skip;

/** What Go's text/template (in kubectl) makes of `template` over a ConfigMap of the keys apiVersion, kind, metadata, data. */
function goVerdict(file: string, template: string): string {
  const run = spawnSync('kubectl', ['label', '--local', '-f', file, 'x=y', '--allow-missing-template-keys=false', '-o', `go-template=${template}`], { encoding: 'utf8' });
  if (run.stderr.includes('error parsing template')) { return 'parse error'; }
  const missing = /map has no entry for key "([^"]*)"/.exec(run.stderr);
  if (missing) { return `missing ${missing[1]}`; }
  return run.status === 0 ? 'ok' : 'execution error';
}

/** The same verdict from the reader: a parse error, or the first key it surely reads that the ConfigMap lacks. */
function ourVerdict(template: string): string | undefined {
  const reading = readGoTemplate(template);
  if (reading.kind === 'error') { return 'parse error'; }
  if (reading.kind === 'unsure') { return undefined; }
  const missing = reading.reads.find(read => !['apiVersion', 'kind', 'metadata', 'data'].includes(read.name));
  return missing === undefined ? undefined : `missing ${missing.name}`;
}

withKubectl('each vector as Go reads it (kubectl 1.32 -o go-template)', () => {
  // GIVEN a ConfigMap, and Go's text/template run by kubectl over it with missingkey=error
  const dir = mkdtempSync(path.join(tmpdir(), 'go-template-'));
  try {
    const file = path.join(dir, 'cm.json');
    writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'b' } }));
    // WHEN each vector is parsed and run by Go, and read by the reader
    const differ = VECTORS.map(([template]) => [template, goVerdict(file, template), ourVerdict(template)])
      // THEN a parse error is Go's parse error, a missing key one Go's run stops at, and no more: where the reader
      // says nothing, Go may still fail (a read in a branch it takes)
      .filter(([, go, ours]) => ours !== undefined ? go !== ours : go === 'parse error');
    expect(differ).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
