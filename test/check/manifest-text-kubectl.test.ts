// Whole files read as kubectl reads them: `check` and the cdk8s-cli plugin read manifest files with
// readManifestText (lib/check/manifest-text.ts), and this test compares its reading of every file of CASES
// (hand-picked) and of generatedCases() (seeded) with kubectl's own. What kubectl read of each file is
// recorded in test/fixtures/kubectl-reads-manifest-files.json, from kubectl 1.32.4: each file was decoded with
//   kubectl annotate --local -o json -f DIR x=y
// which decodes files as `kubectl apply -f` does (k8s.io/apimachinery's YAMLOrJSONDecoder, sigs.k8s.io/yaml,
// the unstructured decoder and its list flattening) and needs no cluster. One run reads a folder that holds
// each case in a file of its own (see kubectlReadings for how its output is told apart by file). The
// recording test runs kubectl again when it is on PATH (RECORD_KUBECTL_VECTORS=1 rewrites the fixture).
//
// What kubectl does with a file it cannot read whole: a document that does not parse (or a bad separator)
// ends the file, and the objects of the documents before it are read; a document that parses but is no
// object (a list, a string, no kind) is skipped, and the next ones are read. Either way the file is reported.
// So for a file kubectl reads, readManifestText must read the same objects and no problem; for a file kubectl
// refuses, it must report a problem, and the objects kubectl read are the first ones it reads (it reads on
// after a broken document, which is reported). STRICTER lists the files it refuses and kubectl reads, each
// with the reason the refusal is kept.
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { readManifestText } from '../../lib/check/manifest-text';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'kubectl-reads-manifest-files.json');

/** A ConfigMap named `name`, then `rest` (lines at column 0). */
const cm = (name: string, rest = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${rest}`;
/** A ConfigMap named `name` with `data` written as the YAML lines `data` (each indented by two spaces). */
const cmData = (name: string, ...data: string[]) => cm(name, `data:\n${data.map(d => `  ${d}\n`).join('')}`);
/** A ConfigMap named `name` as one line of JSON, with `rest` (`, "data": {...}`) before its closing brace. */
const jsonCm = (name: string, rest = '') => `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "${name}"}${rest}}`;
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

/** [name, file text]: small files, each about one way of writing a manifest file. */
const CASES: readonly (readonly [string, string])[] = [
  // Documents and separators
  ['one document', cmData('a', 'k: v')],
  ['no line break at the end', cmData('a', 'k: v').slice(0, -1)],
  ['two documents', cm('a') + '---\n' + cm('b')],
  ['a separator first', '---\n' + cm('a')],
  ['a separator last', cm('a') + '---\n'],
  ['a separator last, without a line break', cm('a') + '---'],
  ['a separator with a comment', cm('a') + '--- # the next one\n' + cm('b')],
  ['a separator with a comment right after it', cm('a') + '---# the next one\n' + cm('b')],
  ['a first separator with a comment right after it', '---# the first one\n' + cm('a')],
  ['a separator with spaces and a tab after it', cm('a') + '--- \t \n' + cm('b')],
  ['a separator followed by content', cm('a') + '--- ' + cm('b')],
  ['a first separator followed by content', '--- ' + cm('a')],
  ['a first separator followed by a no-break space', '--- \u00a0\n' + cm('a')],
  ['a separator followed by a no-break space', cm('a') + '--- \u00a0\n' + cm('b')],
  ['a separator followed by a BOM', cm('a') + '---\ufeff\n' + cm('b')],
  ['a first separator followed by a vertical tab', '---\v\n' + cm('a')],
  ['a separator with a comment right after it, after another separator', cm('a') + '---\n---# c\n' + cm('b')],
  ['a separator followed by a block scalar', '--- |\n  text\n'],
  ['four dashes', cm('a') + '----\n' + cm('b')],
  ['dashes in a literal block', cmData('a', 'k: |', '  ---', '  text')],
  ['empty documents between separators', cm('a') + '---\n---\n\n---\n' + cm('b')],
  ['a document of only a comment', cm('a') + '---\n# only a comment\n---\n' + cm('b')],
  ['a file of only comments', '# one\n# two\n'],
  ['an empty file', ''],
  ['a file of only line breaks and spaces', '\n  \n\n'],
  ['a file of only separators', '---\n---\n'],
  ['a document end marker last', cm('a') + '...\n'],
  ['a document end marker with a comment', cm('a') + '... # end\n'],
  ['a document end marker, then an object without a separator', cm('a') + '...\n' + cm('b')],
  ['a document end marker, then text that does not parse', cm('a') + '...\n: [\n'],
  ['a document end marker, then a separator', cm('a') + '...\n---\n' + cm('b')],
  ['a document end marker first', '...\n' + cm('a')],
  ['a comment, then a document end marker', '# c\n...\n' + cm('a')],
  ['a separator, then a document end marker, then an object', '---\n...\n' + cm('a')],
  ['a null document', '~\n'],
  ['a null document between objects', cm('a') + '---\nnull\n---\n' + cm('b')],
  ['a document that is a string', 'just text\n'],
  ['a document that is a list', '- a\n- b\n'],
  ['a document that is a number', '---\n12\n'],
  ['a YAML directive', '%YAML 1.1\n---\n' + cm('a')],
  ['a YAML directive after an object', cm('a') + '%YAML 1.1\n---\n' + cm('b')],
  ['a YAML directive, a separator after a CR, then a document end marker', '%YAML 1.1\r--- # c\n...\n' + '---\n' + cm('a')],
  ['a separator with a comment right after it, after a CR', '\r---#c\n---\n' + cm('a')],
  ['a double-quoted value across a separator line', cmData('a', 'k: "one') + '---\n  two"\n'],
  ['a document that does not parse, between two that do', cm('a') + '---\n' + cmData('b', 'k: [') + '---\n' + cm('c')],
  ['a document that is not an object, between two that are', cm('a') + '---\n- x\n---\n' + cm('c')],
  ['an object without a kind, between two objects', cm('a') + '---\napiVersion: v1\nmetadata:\n  name: b\n---\n' + cm('c')],

  // Comments
  ['comments everywhere', '# head\napiVersion: v1 # c\nkind: ConfigMap\n# between\nmetadata:\n  name: a  # c\ndata:\n  k: v#not a comment\n  j: "v" # c\n  # indented\n  l: v # c\n# tail'],
  ['a comment inside a flow mapping', cm('a', 'data: {k: v, # c\n  j: w}\n')],
  ['a comment after a block scalar header', cmData('a', 'k: | # c', '  text')],
  ['a comment-like line inside a literal block', cmData('a', 'k: |', '  # not a comment', '  text')],

  // Byte order marks
  ['a BOM first', '\ufeff' + cm('a')],
  ['a BOM first, then JSON', '\ufeff' + jsonCm('a')],
  ['a BOM first, then a JSON stream', '\ufeff' + jsonCm('a') + '\n' + jsonCm('b')],
  ['a BOM at the start of the second document', cm('a') + '---\n\ufeff' + cm('b')],
  ['a BOM inside a value', cmData('a', 'k: a\ufeffb')],
  ['a BOM at the start of a line inside a document', cm('a', '\ufeffdata:\n  k: v\n')],
  ['a BOM, then a document end marker, after a separator', cm('a') + '---\n\ufeff\n...\n'],

  // Line ends
  ['CRLF line ends', crlf(cm('a') + '---\n' + cmData('b', 'k: v'))],
  ['CRLF in a literal block', crlf(cmData('a', 'k: |', '  one', '  two'))],
  ['CRLF in a multi-line plain scalar', crlf(cmData('a', 'k: one', '  two', '', '  three'))],
  ['CRLF in a multi-line double-quoted scalar', crlf(cmData('a', 'k: "one', '  two"'))],
  ['CR line ends', cmData('a', 'k: v').replace(/\n/g, '\r')],
  ['CR line ends with a separator', (cm('a') + '---\n' + cm('b')).replace(/\n/g, '\r')],
  ['CR line ends with a separator first', ('---\n' + cm('a')).replace(/\n/g, '\r')],
  ['a CR before a separator line', cm('a') + 'data:\r---\n' + cm('b')],
  ['CR CR LF', cmData('a', 'k: one\r\r', 'j: two')],
  ['mixed CRLF and LF', cm('a') + '---\r\n' + crlf(cm('b')) + '---\n' + cm('c')],

  // Tabs
  ['a tab as indentation', cm('a', 'data:\n\tk: v\n')],
  ['a tab after a colon', cmData('a', 'k:\tv')],
  ['a tab inside a value', cmData('a', 'k: one\ttwo')],
  ['a tab after a value', cmData('a', 'k: v\t')],
  ['a tab before a comment', cmData('a', 'k: v\t# c')],
  ['a tab after a dash', cm('a', 'l:\n-\tx\n')],
  ['a tab inside double quotes', cmData('a', 'k: "one\ttwo"')],
  ['a tab on a line of a literal block', cmData('a', 'k: |', '  one', '  \ttwo')],
  ['a tab after the colon of an explicit key', cm('a', 'data:\n  ? k\n  :\tv\n')],
  ['a tab after a dash on a line of a literal block', cmData('a', 'k: |', '  -\tx')],
  ['a tab after a dash on a line of a multi-line plain scalar', cmData('a', 'k: one', '  -\ttwo')],
  ['a tab in the indentation of a later line of a literal block', cmData('a', 'k: |', '    one', '  \ttwo')],
  ['a tab at the start of a folded block', cmData('a', 'k: >-', '  \tone')],
  ['a line of only a tab', '\t\n' + cm('a')],
  ['a comment line that starts with a tab', cm('a', '\t# c\n')],
  ['a line of only a tab after a plain scalar', cmData('a', 'k: one', '\t', 'j: two')],
  ['a line of only a tab after a quoted scalar', cmData('a', 'k: "one"', '\t', 'j: two')],
  ['tabs in a flow sequence across lines', cm('a', 'l: [a,\n\tb,\n  \tc]\n')],
  ['tab-indented lines in a literal block', cmData('a', 'k: |', '  all:', '  \tcc -o x x.c', '  \t\tstrip x')],

  // Flow style
  ['a flow mapping', cm('a', 'data: {k: v, j: "w", "q":x}\n')],
  ['a flow sequence', cm('a', 'l: [a, "b", 1, y, ~]\n')],
  ['a flow mapping across lines', cm('a', 'data: {\n  k: v,\n  j: w\n}\n')],
  ['a trailing comma in a flow sequence', cm('a', 'l: [a, b,]\n')],
  ['a flow mapping entry without a value', cm('a', 'data: {k}\n')],
  ['a flow pair inside a flow sequence', cm('a', 'l: [k: v]\n')],
  ['empty flow collections', cm('a', 'm: {}\nl: []\n')],
  ['a whole document in flow style', '{apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n'],
  ['a whole document in flow style after a comment', '# c\n{apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n'],
  ['a second document in flow style', cm('a') + '---\n{apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n'],
  ['an unclosed flow sequence', cm('a', 'l: [a, b\n')],

  // Anchors, aliases and merge keys
  ['an alias of a scalar', cmData('a', 'k: &v text', 'j: *v')],
  ['an alias of a mapping', cm('a', 'm: &m {k: v}\ndata: *m\n')],
  ['a merge key, then a key it also sets', cm('a', 'base: &b {k: "1", j: "2"}\ndata:\n  <<: *b\n  j: "3"\n')],
  ['a key, then a merge key that also sets it', cm('a', 'base: &b {k: "1", j: "2"}\ndata:\n  j: "3"\n  <<: *b\n')],
  ['a merge key of a list of mappings', cm('a', 'b1: &b1 {k: "1"}\nb2: &b2 {k: "2", j: "3"}\ndata:\n  <<: [*b1, *b2]\n')],
  ['two merge keys in one mapping', cm('a', 'b1: &b1 {k: "1"}\nb2: &b2 {k: "2", j: "3"}\ndata:\n  <<: *b1\n  <<: *b2\n')],
  ['a merge key of a mapping written in place', cmData('a', '<<: {k: v}', 'j: w')],
  ['a merge key of a scalar', cm('a', 's: &s text\ndata:\n  <<: *s\n')],
  ['a merge key of a list holding a scalar', cm('a', 'data:\n  <<: [{k: v}, text]\n')],
  ['a merge key inside a merged mapping', cm('a', 'b1: &b1 {k: "1"}\nb2: &b2 {<<: *b1, j: "2"}\ndata:\n  <<: *b2\n')],
  ['a quoted <<', cmData('a', '"<<": v')],
  ['an alias before its anchor', cmData('a', 'k: *v', 'j: &v x')],
  ['an anchor of another document', cm('a', 'data: &d {k: v}\n') + '---\n' + cm('b', 'data: *d\n')],
  ['an anchor given twice', cm('a', 'x: &v one\ny: &v two\ndata:\n  k: *v\n')],
  ['an alias as a key', cm('a', 'x: &k key\ndata:\n  *k : v\n')],
  ['an alias inside its own anchor', cm('a', 'l: &l [a, *l]\n')],
  ['a merge key with no value', cmData('a', '<<:', 'k: v')],
  ['a merge key of an alias of a list', cm('a', 'a: &a {k: "1"}\nl: &l [*a]\ndata:\n  <<: *l\n')],
  ['a merge key of a list with an anchor', cm('a', 'a: &a {k: "1"}\ndata:\n  <<: &l [*a]\n')],
  ['a merge key in a flow mapping', cm('a', 'b: &b {k: "1"}\ndata: {<<: *b, j: "2"}\n')],
  ['<< as a value', cmData('a', 'k: <<')],
  ['a number key, then a merge key that also sets it', cm('a', 'data:\n  1: "a"\n  <<: {1: "b"}\n')],

  // Duplicate keys
  ['a key twice', cmData('a', 'k: one', 'k: two')],
  ['a key twice in a flow mapping', cm('a', 'data: {k: one, k: two}\n')],
  ['a key twice in JSON', jsonCm('a', ', "data": {"k": "one", "k": "two"}')],

  // Quoted scalars
  ['a single-quoted scalar with a quote', cmData('a', "k: 'it''s'")],
  ['double-quoted escapes', cmData('a', 'k: "tab\\t line\\n e\\u00e9 A\\x41 back\\\\ quote\\" bell\\a esc\\e nul\\0 vt\\v ff\\f cr\\r bs\\b"')],
  ['a double-quoted escape of a slash', cmData('a', 'k: "a\\/b"')],
  ['a double-quoted escape of a space and a tab', cmData('a', 'k: "a\\ b\\\tc"')],
  ['double-quoted escapes of NEL, no-break space and line separators', cmData('a', 'k: "nel\\N sp\\_ ls\\L ps\\P"')],
  ['a 32-bit escape', cmData('a', 'k: "\\U0001F600"')],
  ['an escape of half a surrogate pair', cmData('a', 'k: "\\ud800"')],
  ['an unknown escape', cmData('a', 'k: "\\q"')],
  ['an escape of a single quote in double quotes', cmData('a', 'k: "a\\\'b"')],
  ['an escape of a surrogate pair', cmData('a', 'k: "\\ud83d\\ude00"')],
  ['an escape beyond U+10FFFF', cmData('a', 'k: "\\U00110000"')],
  ['a backslash and a slash outside double quotes', cmData('a', 'k: a\\/b', "j: 'a\\/b'", 'l: |', '    a\\/b \\ud800')],
  ['a multi-line double-quoted scalar', cmData('a', 'k: "one', '  two', '', '  three "')],
  ['an escaped line break in double quotes', cmData('a', 'k: "one\\', '  two"')],
  ['a multi-line single-quoted scalar', cmData('a', "k: 'one", "  two'")],
  ['quoted YAML 1.1 scalars stay strings', cmData('a', 'k: "y"', "j: 'on'", 'l: "0o17"', 'm: "~"')],
  ['an unclosed double quote', cmData('a', 'k: "one')],

  // Block scalars
  ['a literal block', cmData('a', 'k: |', '  one', '   two', '', '  three')],
  ['a literal block, kept', cmData('a', 'k: |+', '  one', '', '') + '---\n' + cm('b')],
  ['a literal block, stripped', cmData('a', 'k: |-', '  one', '')],
  ['a literal block, kept, at the end of the file', cmData('a', 'k: |+', '  one', '', '')],
  ['a literal block at the end of the file without a line break', cmData('a', 'k: |', '  one').slice(0, -1)],
  ['a literal block, kept, at the end of the file without a line break', cmData('a', 'k: |+', '  one').slice(0, -1)],
  ['lines of spaces before the first line of a literal block, fewer than its indentation', cmData('a', 'k: |', ' ', '  one')],
  ['a folded block', cmData('a', 'k: >', '  one', '  two', '', '    more', '  three')],
  ['a folded block, stripped', cmData('a', 'k: >-', '  one', '  two')],
  ['an indentation indicator', cmData('a', 'k: |2', '    one', '  two')],
  ['an indentation indicator and chomping', cmData('a', 'k: |2-', '   one', 'j: >-1', '   two')],
  ['chomping and an indentation indicator', cmData('a', 'k: |-2', '   one')],
  ['an indentation indicator 0', cmData('a', 'k: |0', '  one')],
  ['a block scalar, then a key', cmData('a', 'k: |', '  one', '', 'j: two')],
  ['lines of spaces before the first line of a literal block', cmData('a', 'k: |', '     ', '  one')],
  ['a tab at the start of a literal block', cmData('a', 'k: |', '  \tone')],
  ['a literal block that is less indented than its first line of spaces', cmData('a', 'k: |', '      ', '    one')],

  // Plain scalars as kubectl resolves them
  ['YAML 1.1 booleans', cmData('a', 'k1: y', 'k2: N', 'k3: on', 'k4: Off', 'k5: yes', 'k6: TRUE', 'k7: tRue')],
  ['numbers', cmData('a', 'k1: 0o17', 'k2: 017', 'k3: 0x1F', 'k4: 1_000', 'k5: 1e3', 'k6: .5', 'k7: +12', 'k8: -0', 'k9: 0b101', 'k10: 1.0')],
  ['numbers beyond 64 bits', cmData('a', 'k1: 1e400', 'k2: 0x10000000000000000', 'k3: 18446744073709551615', 'k4: 9223372036854775808', 'k5: -9223372036854775809')],
  ['numbers Go reads only as uint64, as floats or as strings', cmData('a', 'k1: 0x8000000000000000', 'k2: +18446744073709551615', 'k3: -0x8000000000000001', 'k4: 01777777777777777777777777')],
  ['numbers that start with a dot', cmData('a', 'k1: ._5', 'k2: .5_0', 'k3: .5e1')],
  ['an infinity', cmData('a', 'k: .inf')],
  ['not a number', cmData('a', 'k: .nan')],
  ['nulls', cmData('a', 'k1: ~', 'k2: null', 'k3:', 'k4: NULL')],
  ['timestamps and times stay strings', cmData('a', 'k1: 2001-12-14', 'k2: 2001-12-14t21:59:43.10-05:00', 'k3: 1:20')],
  ['a multi-line plain scalar', cmData('a', 'k: one', '  two', '', '  three')],
  ['a plain scalar with a colon', cmData('a', 'k: a:b', 'j: http://x')],
  ['a plain scalar with ": "', cmData('a', 'k: a: b')],
  ['a plain scalar starting with @', cmData('a', 'k: @x')],
  ['explicit tags', cmData('a', 'k1: !!str 12', 'k2: !!int "12"', 'k3: !!float "1"', 'k4: !!null ""', 'k5: !!bool "true"')],
  ['a local tag', cmData('a', 'k: !mine text')],
  ['a binary tag', cmData('a', 'k: !!binary aGVsbG8=')],

  // Keys
  ['keys that are not strings', cmData('a', 'y: a', '1: b', '0x10: c', 'false: d', '-3: e', '1_0: f', '2001-12-14: g')],
  ['keys that are floats', cmData('a', '1.5: a', '1.0: b', '1e3: c', '1e20: d', '0.1: e', '3.14159265358979: f')],
  ['keys that are floats Go writes otherwise', cmData('a', '1e39: a', '-0.0: b', '1234567.0: c', '0.0001: d', '0.00001: e')],
  ['keys that are integers beyond 2^53', cmData('a', '9007199254740993: a', '-9223372036854775808: b')],
  ['a key that is a uint64', cmData('a', '0x8000000000000000: a')],
  ['a quoted null key', cmData('a', '"null": v', '"~": w')],
  ['an explicit empty key', cm('a', 'data:\n  ?\n  : v\n')],
  ['an alias of a mapping as a key', cm('a', 'x: &m {a: b}\ndata:\n  *m : v\n')],
  ['a flow sequence as a key', cm('a', 'data:\n  [a]: v\n')],
  ['a null key', cmData('a', '~: a')],
  ['an empty key', cm('a', 'data: {: a}\n')],
  ['a key beyond 64 bits', cmData('a', '9223372036854775808: a')],
  ['an infinity as a key', cmData('a', '.inf: a')],
  ['a list as a key', cm('a', 'data:\n  ? [a, b]\n  : v\n')],
  ['a mapping as a key', cm('a', 'data:\n  ? {a: b}\n  : v\n')],
  ['an explicit key', cm('a', 'data:\n  ? k\n  : v\n')],
  ['a key with spaces before its colon', cmData('a', 'k  : v')],

  // Indentation
  ['a list at the indentation of its key', cm('a', 'l:\n- a\n- b\n')],
  ['a value on the next line', cmData('a', 'k:', '  v')],
  ['bad indentation', cm('a', 'data:\n  k: v\n j: w\n')],

  // Characters
  ['text that is not ASCII', cmData('a', 'k: é ü 日本 😀')],
  ['a NUL character', cmData('a', 'k: a\u0000b')],
  ['a control character', cmData('a', 'k: a\u0007b')],
  ['a no-break space in a value', cmData('a', 'k: a\u00a0b')],
  ['a line separator in a value', cmData('a', 'k: a\u2028b')],
  ['a line of 5000 characters', cmData('a', `k: ${'x'.repeat(5000)}`)],

  // JSON
  ['a JSON object', jsonCm('a', ', "data": {"k": "v"}')],
  ['JSON objects one after another', jsonCm('a') + jsonCm('b')],
  ['JSON objects on lines of their own', jsonCm('a') + '\n' + jsonCm('b') + '\n'],
  ['JSON after spaces and line breaks', ' \n\t\r\n' + jsonCm('a')],
  ['JSON after 5000 line breaks', '\n'.repeat(5000) + jsonCm('a') + '\n' + jsonCm('b')],
  ['JSON after a form feed', '\f' + jsonCm('a')],
  ['JSON, then a YAML separator', jsonCm('a') + '\n---\n' + cm('b')],
  ['JSON, then a YAML document', jsonCm('a') + '\n' + cm('b')],
  ['JSON, then text that does not parse', jsonCm('a') + ' x'],
  ['JSON, then null', jsonCm('a') + '\nnull\n' + jsonCm('b')],
  ['JSON, then a number', jsonCm('a') + ' 1 ' + jsonCm('b')],
  ['a JSON array', `[${jsonCm('a')}]`],
  ['a JSON List', `{"apiVersion": "v1", "kind": "List", "items": [${jsonCm('a')}, ${jsonCm('b')}]}`],
  ['a JSON comment', '{"apiVersion": "v1", // c\n"kind": "ConfigMap", "metadata": {"name": "a"}}'],
  ['a JSON escape of half a surrogate pair', jsonCm('a', ', "data": {"k": "\\ud800"}')],
  ['JSON escapes of half surrogate pairs in a key and around a pair', jsonCm('a', ', "data": {"\\udc00": "x", "k": "\\ud83d\\ude00 \\ud800\\ud800"}')],
  ['JSON numbers', jsonCm('a', ', "n": [1.0, 1e3, 18446744073709551615, -0, 0.1, 1e-400]')],
  ['a JSON number beyond 64-bit floats', jsonCm('a', ', "n": 1E400')],
  ['a JSON number beyond 64-bit floats under a key given again', jsonCm('a', ', "n": 1E400, "n": 1')],
  ['the JSON field items twice, first not a list', `{"apiVersion": "v1", "kind": "List", "items": true, "items": [${jsonCm('a')}]}`],
  ['the JSON field items twice, both lists', `{"apiVersion": "v1", "kind": "List", "items": [${jsonCm('b')}], "items": [${jsonCm('a')}]}`],
  ['a JSON line separator as it is', jsonCm('a', ', "data": {"k": "a\u2028b"}')],
  ['an unclosed JSON object', '{"apiVersion": "v1"'],

  // Lists
  ['a List', 'apiVersion: v1\nkind: List\nitems:\n- ' + cm('a').replace(/\n(?=.)/g, '\n  ') + '- ' + cm('b').replace(/\n(?=.)/g, '\n  ')],
  ['an empty List', 'apiVersion: v1\nkind: List\nitems: []\n'],
  ['a List whose items are null', 'apiVersion: v1\nkind: List\nitems: null\n'],
  ['a List whose items are not a list', 'apiVersion: v1\nkind: List\nitems: {}\n'],
  ['a ConfigMap with items: null', cm('a', 'items: null\n')],
  ['a ConfigMap with an empty items list', cm('a', 'items: []\n')],
  ['a typed list whose items name no kind', 'apiVersion: v1\nkind: ConfigMapList\nitems:\n- metadata:\n    name: a\n'],
  ['a List whose items name no kind', 'apiVersion: v1\nkind: List\nitems:\n- metadata:\n    name: a\n'],
  ['a typed list whose items name only a kind', 'apiVersion: v1\nkind: ConfigMapList\nitems:\n- kind: ConfigMap\n  metadata:\n    name: a\n'],
  ['a List with an item that is a string', 'apiVersion: v1\nkind: List\nitems:\n- text\n'],
  ['a List inside a List', 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items:\n  - ' + cm('a').replace(/\n(?=.)/g, '\n    ') + '- ' + cm('b').replace(/\n(?=.)/g, '\n  ')],
  ['a List with an item whose items are not a list', 'apiVersion: v1\nkind: List\nitems:\n- ' + cm('a', 'items: text\n').replace(/\n(?=.)/g, '\n  ')],

  // Objects
  ['an object without a name', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    k: v\n'],
  ['an object without a kind', 'apiVersion: v1\nmetadata:\n  name: a\n'],
  ['an object without an apiVersion', 'kind: ConfigMap\nmetadata:\n  name: a\n'],
  ['a name that is a number', cm('0x1F')],
];

/**
 * Files built at random (seeded) from the pieces of the cases above: one to three documents, each an object
 * in one of several styles, a comment or nothing, with separators, end markers, a byte order mark, CR LF line
 * ends and tabs where kubectl's splitting and go-yaml's reading meet. Their readings are recorded as the
 * hand-picked cases' are.
 */
function generatedCases(): [string, string][] {
  const document = fc.constantFrom(cm('a'), cmData('b', 'k: v', 'j: y'), cmData('c', 'k: |', '  one', ''), cmData('d', 'k: >-', '  one', '  two'),
    cm('e', 'data: {k: "1", j: 0x1F}\n'), cm('f', 'base: &b {k: v}\ndata:\n  <<: *b\n'), 'apiVersion: v1\nkind: List\nitems:\n- ' + cm('g').replace(/\n(?=.)/g, '\n  '),
    '# only a comment\n', '', '~\n', '{apiVersion: v1, kind: ConfigMap, metadata: {name: h}}\n', cmData('i', 'k: "one', '  two"'), cmData('j', 'k:\tv'));
  const separator = fc.constantFrom('---\n', '--- # c\n', '---\t\n', '...\n---\n', '\n---\n', '---\n---\n', '...\n', '---#c\n');
  const file = fc.record({
    bom: fc.boolean(), crlf: fc.boolean(),
    lead: fc.constantFrom('', '---\n', '# c\n', '\n', '--- # c\n'),
    documents: fc.array(fc.tuple(document, separator), { minLength: 1, maxLength: 3 }),
    trail: fc.constantFrom('', '---\n', '...\n', '\n', '# c'),
  });
  return fc.sample(file, { seed: 20261208, numRuns: 80 }).map((f, i) => {
    const body = f.documents.map(([d, sep], j) => (j === 0 ? d : sep + d)).join('') + f.trail;
    const text = (f.bom ? '\ufeff' : '') + f.lead + body;
    return [`generated ${i}`, f.crlf ? crlf(text) : text];
  });
}

/** The hand-picked cases, then the generated ones. */
const ALL_CASES: readonly (readonly [string, string])[] = [...CASES, ...generatedCases()];

/** The files this reader refuses and kubectl reads, each with the reason the refusal is kept. */
const STRICTER: { readonly [name: string]: string } = {
  'a key twice': 'kubectl keeps the last value of a key given twice; a key given twice is refused, as the YAML spec, js-yaml and '
    + 'go-yaml v3 (kustomize) refuse it: which value is meant is unclear',
  'a key twice in a flow mapping': 'as a key twice',
  'an escape of a single quote in double quotes': 'go-yaml v2 knows the escape \\\' and js-yaml does not: the message says where; write \' or \\x27',
  'a local tag': 'go-yaml ignores a tag it does not know; a tag js-yaml does not know is refused, since what it means to the writer is unclear',
  'a binary tag': 'go-yaml decodes !!binary into a string of its bytes; js-yaml has no such type in this schema, and manifests do not use it '
    + '(a Secret\'s data is base64 text, decoded by the API server)',
  'JSON after 5000 line breaks': 'after 4096 bytes of spaces kubectl reads the file as YAML, where go-yaml reads the first flow mapping and ignores '
    + 'what follows it on the next lines; js-yaml refuses a document that holds more than one value',
  'a number key, then a merge key that also sets it': 'go-yaml keeps a key that is a number or a boolean apart from a string key of the same text, '
    + 'and kubectl then writes both as one key, keeping either value; where a merge key sets such a key over another, this reader cannot tell '
    + 'whether go-yaml holds one key or two, and refuses',
  'a YAML directive after an object': 'go-yaml reads the first document and ignores the directive line and what follows; js-yaml refuses a directive '
    + 'inside a document (like text after a document\'s root flow collection)',
  'an object without an apiVersion': 'the check identifies objects by API group; kubectl apply cannot map the object to a resource without one',
  'an object without a name': 'the check identifies objects by kind, namespace and name; kubectl apply refuses it at the API server',
};

/** What kubectl read of a file: its objects (annotation x stripped); `refused`, the kind of error it reported, if it did. */
interface Reading {
  readonly objects: unknown[];
  readonly refused?: string;
}

/** The kind of an error kubectl reported for a file, in a word (its messages change between versions, and may quote the file). */
function errorKind(message: string): string {
  if (message.includes('invalid Yaml document separator')) { return 'separator'; }
  if (message.includes('error converting YAML to JSON: yaml:')) { return 'yaml'; }
  if (message.includes('error converting YAML to JSON')) { return 'yaml-to-json'; }
  // The JSON decoder's errors (json: offset N, unexpected EOF) are the others of the stream's reading.
  if (message.includes('error parsing')) { return 'json'; }
  // The object's decoding: no kind, not an object, a list kubectl cannot flatten.
  return 'object';
}

/** `object` without the annotation x that `kubectl annotate` added (and its annotations, when left empty). */
function withoutAnnotation(object: any): unknown {
  const annotations = object?.metadata?.annotations;
  if (annotations !== undefined) {
    delete annotations.x;
    if (Object.keys(annotations).length === 0) { delete object.metadata.annotations; }
  }
  return object;
}

const MARKER = 'kubectl-reads-marker';

/**
 * What kubectl reads of each file, by case name: one run over a folder that holds each case in a file of its
 * own, each followed by a marker file of one object and a fence file that kubectl refuses. kubectl visits the
 * files in order of their names, prints the objects as it reads them and the errors at the end, in the order
 * it met them; some errors name no file (a list it cannot flatten). So the objects printed before a case's
 * marker, and the errors before its fence, are the case's. Undefined when kubectl is not on PATH.
 */
function kubectlReadings(cases: readonly (readonly [string, string])[]): { [name: string]: Reading } | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'manifest-text-kubectl-'));
  const file = (i: number) => `c${String(i).padStart(3, '0')}`;
  cases.forEach(([, text], i) => {
    writeFileSync(path.join(dir, `${file(i)}.yaml`), text);
    writeFileSync(path.join(dir, `${file(i)}m.yaml`), JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${MARKER}-${i}` } }));
    writeFileSync(path.join(dir, `${file(i)}n.yaml`), '--- fence\n');
  });
  const result = spawnSync('kubectl', ['annotate', '--local', '-o', 'json', '-f', dir, 'x=y'], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 60_000 });
  if (result.error !== undefined) {
    console.log(`kubectl is not on PATH (${result.error.message}): compared with the recorded readings only`);
    return undefined;
  }
  const errors: (string | undefined)[] = [];
  let first: string | undefined;
  for (const line of result.stderr.split('\n').filter(l => l.trim() !== '')) {
    const fence = /\bc(\d{3})n\.yaml/.exec(line);
    if (fence === null) {
      first ??= line;
    } else {
      expect(Number(fence[1])).toBe(errors.length);
      errors.push(first === undefined ? undefined : errorKind(first));
      first = undefined;
    }
  }
  expect(errors).toHaveLength(cases.length);
  // kubectl prints each object as indented JSON, one after another.
  const printed: any[] = result.stdout.trim() === '' ? [] : JSON.parse(`[${result.stdout.replace(/\n}\n{/g, '\n},\n{')}]`);
  const readings: { [name: string]: Reading } = {};
  let objects: unknown[] = [];
  let i = 0;
  for (const object of printed) {
    if (object.metadata?.name === `${MARKER}-${i}`) {
      const refused = errors[i];
      readings[cases[i][0]] = refused === undefined ? { objects } : { objects, refused };
      objects = [];
      i++;
    } else {
      objects.push(withoutAnnotation(object));
    }
  }
  expect(i).toBe(cases.length);
  return readings;
}

function recorded(): { [name: string]: Reading } {
  return JSON.parse(readFileSync(FIXTURE, 'utf8'));
}

/** What readManifestText reads of `text`: its objects' values as kubectl prints them (through JSON), and its problems. */
function ours(text: string): { objects: unknown[]; problems: string[] } {
  const read = readManifestText(text, 'f');
  return { objects: JSON.parse(JSON.stringify(read.objects.map(o => o.value))), problems: read.problems };
}

test('the case names are unique', () => {
  // GIVEN the hand-picked and the generated cases WHEN named THEN no two share a name (the fixture is keyed by name)
  expect(new Set(ALL_CASES.map(([name]) => name)).size).toBe(ALL_CASES.length);
});

test('kubectl reads the files as recorded (runs kubectl when on PATH)', () => {
  // GIVEN every case in a file of its own WHEN kubectl reads the folder
  const readings = kubectlReadings(ALL_CASES);
  if (readings === undefined) { return; }
  if (process.env.RECORD_KUBECTL_VECTORS === '1') { writeFileSync(FIXTURE, JSON.stringify(readings, undefined, 2) + '\n'); }
  // THEN it reads what was recorded
  expect(readings).toEqual(recorded());
});

describe('each file is read as kubectl reads it', () => {
  const readings = recorded();
  test.each(ALL_CASES.map(([name, text]) => [name, text] as const))('%s', (name, text) => {
    // GIVEN what kubectl read of the file
    const kubectl = readings[name];
    expect(kubectl).toBeDefined();
    // WHEN read by the check's reader
    const read = ours(text);
    if (kubectl.refused !== undefined) {
      // THEN a file kubectl refuses is reported, and the objects kubectl read before its failure are read first
      expect(read.problems).not.toEqual([]);
      expect(read.objects.slice(0, kubectl.objects.length)).toEqual(kubectl.objects);
    } else if (name in STRICTER) {
      // THEN a file it refuses on purpose is reported
      expect(read.problems).not.toEqual([]);
    } else {
      // THEN a file kubectl reads is read the same, with no problem
      expect(read).toEqual({ objects: kubectl.objects, problems: [] });
    }
  });
});

test('the files read more strictly than kubectl reads them are all read by kubectl', () => {
  // GIVEN the recorded readings
  const readings = recorded();
  for (const name of Object.keys(STRICTER)) {
    // WHEN a file is listed as refused on purpose THEN it is a case, and kubectl read it
    expect(ALL_CASES.map(([n]) => n)).toContain(name);
    expect({ name, refused: readings[name].refused }).toEqual({ name, refused: undefined });
  }
});

describe('what kubectl refuses and js-yaml alone would read is reported by place, never by text', () => {
  /** [file text holding the fake credential fake-token, the problem]. */
  const REFUSED: readonly (readonly [string, string])[] = [
    [cm('a', 'data:\n  ~: fake-token\n'), 'f#1: not valid YAML: data has a key that is null (~, null or nothing), which kubectl refuses: write the key as a string'],
    [cm('a', 'data:\n  0x8000000000000000: fake-token\n'),
      'f#1: not valid YAML: data has a key that is a number beyond the 64-bit integers Go keeps as keys, which kubectl refuses: write the key as a string'],
    [cm('a', 'data:\n  ? [fake-token]\n  : v\n'), 'f#1: not valid YAML: data has a key that is a list, which kubectl refuses: write the key as a string'],
    [cm('a', 'data:\n  k: .inf\n  j: fake-token\n'), 'f#1: not valid YAML: data.k is .inf or .nan, which kubectl cannot write as JSON: quote it, or give a number'],
    [cm('a', 'l: &l [{k: fake-token}]\ndata:\n  <<: *l\n'),
      'f#1: not valid YAML: data has a merge key (<<) whose value is not a mapping, an alias of one, or a list of those, which kubectl refuses'],
    [cm('a', 'data:\n  k: "fake\\/token"\n'), 'f#1: not valid YAML at line 6, column 12: a double-quoted string holds an invalid escape'],
    [cm('a', 'l:\n-\tfake-token\n'),
      'f#1: not valid YAML at line 6, column 2: a tab starts a line, or follows the "-", "?" or ":" that starts an entry, outside a string, which kubectl refuses: use spaces'],
    [cm('a', 'data:\n  k: |\n    \tfake-token\n'),
      'f#1: not valid YAML at line 7, column 5: a tab is in the indentation of a block scalar (| or >) before its text, which kubectl refuses: indent with spaces'],
    ['---#fake-token\n' + cm('a'), 'f#1: not valid YAML at line 1, column 1: a document separator (---) that starts a document is followed by a character other than a space, '
      + 'which kubectl reads as text: put a space after ---'],
    ['# fake-token\n...\n' + cm('a'), 'f#1: not valid YAML at line 2, column 1: a document end marker (...) ends no document, which kubectl refuses: remove it'],
    [cm('a', 'data:\n  "1": fake-token\n  <<: {1: fake-token}\n'), 'f#1: not valid YAML: data has a key that a merge key (<<) sets over another of the same text '
      + 'that may be a number or a boolean, which kubectl keeps apart and then writes as one, either of them: set the key once'],
    [jsonCm('a', ', "fake-token": 1e999'), 'f#1: holds a number beyond the range of 64-bit floats, which kubectl refuses: write it as a string'],
  ];

  test.each(REFUSED.map(([text, problem]) => [problem, text] as const))('%s', (problem, text) => {
    // GIVEN a file that kubectl refuses, with a fake credential where it goes wrong
    // WHEN read THEN the problem names the document and the place, and not the text
    const read = readManifestText(text, 'f');
    expect(read.problems).toEqual([problem]);
    expect(read.problems.join('\n')).not.toContain('fake');
  });

  test('a refused document does not keep the next ones from being read, as the split comes first', () => {
    // GIVEN a file whose second document has a null key
    const text = cm('a') + '---\n' + cm('b', 'data:\n  ~: x\n') + '---\n' + cm('c');
    // WHEN read THEN the first and the third are read, and the second reported by number
    const read = readManifestText(text, 'f');
    expect(read.objects.map(o => o.source)).toEqual(['f#1', 'f#3']);
    expect(read.problems).toEqual([expect.stringMatching(/^f#2: not valid YAML: data has a key that is null/)]);
  });
});
