// README.md is tested: every ```ts block compiles as a standalone program (with 'cdk8s-kubeflow-access'
// mapped to lib/), and every block that makes assertions runs.
import { readFileSync } from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..');
const PACKAGE = 'cdk8s-kubeflow-access';

/** The ```ts blocks of a Markdown text, with their line numbers, unindented (a block may sit in a list). */
function typescriptBlocks(markdown: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)```ts\s*$/.exec(lines[i]);
    if (open === null) { continue; }
    const indent = open[1].length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^ *```\s*$/.test(lines[j]); j++) { body.push(lines[j].slice(indent)); }
    blocks.push({ line: i + 1, code: `${body.join('\n')}\n` });
    i = j;
  }
  return blocks;
}

const blocks = typescriptBlocks(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
// Each block becomes a module beside lib/, so that its imports resolve as an installed package's would.
const fileOf = (line: number) => path.join(ROOT, 'readme', `block-at-line-${line}.ts`);
const mapped = (code: string) => code.replace(new RegExp(`from '${PACKAGE}'`, 'g'), "from '../lib'");

describe('README.md', () => {
  test('holds the blocks this test is about', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(13);
    expect(blocks.every(b => b.code.includes(`from '${PACKAGE}'`))).toBe(true);
  });

  test('every ts block compiles as a standalone program', () => {
    // GIVEN the blocks as files of their own, compiled with the project's strict settings
    const files = new Map(blocks.map(b => [fileOf(b.line), mapped(b.code)]));
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, lib: ['lib.es2022.d.ts'],
      types: ['node', 'jest'], typeRoots: [path.join(ROOT, 'node_modules', '@types')],
      strict: true, noEmit: true, skipLibCheck: true,
    };
    const host = ts.createCompilerHost(options);
    const { fileExists, readFile, getSourceFile } = host;
    host.fileExists = f => files.has(f) || fileExists.call(host, f);
    host.readFile = f => files.get(f) ?? readFile.call(host, f);
    host.getSourceFile = (f, language, ...rest) => (files.has(f)
      ? ts.createSourceFile(f, files.get(f)!, language)
      : getSourceFile.call(host, f, language, ...rest));
    // WHEN
    const program = ts.createProgram([...files.keys()], options, host);
    // THEN no block has a type error
    const problems = ts.getPreEmitDiagnostics(program)
      .filter(d => d.file !== undefined && files.has(d.file.fileName))
      .map(d => `README.md block at line ${/(\d+)\.ts$/.exec(d.file!.fileName)![1]}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
  }, 60_000);

  const asserting = blocks.filter(b => b.code.includes('expect('));
  test.each(asserting.map(b => [b.line, b.code] as const))('the block at line %d runs and its assertions hold', (_line, code) => {
    // GIVEN the block as CommonJS, its package import mapped to lib/
    const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const load = (specifier: string) => require(specifier === PACKAGE ? '../lib' : specifier);
    // WHEN / THEN it runs without throwing, with jest's expect
    new Function('require', 'expect', 'exports', js)(load, expect, {});
  });

  test('the assertions that run include the admission example and the Chart labels', () => {
    expect(asserting.map(b => b.code).join('\n')).toContain("name: 'docker-config-volume'");
    expect(asserting.map(b => b.code).join('\n')).toContain("['Secret', { team: 'a' }]");
  });
});
