// The ```ts blocks of the project's Markdown (README.md, docs/*.md): each compiles as a standalone program
// with 'cdk8s-kubeflow-access' mapped to lib/, and a block that makes assertions runs.
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..');
export const PACKAGE = 'cdk8s-kubeflow-access';

/** The ```ts blocks of a Markdown text, with their line numbers, unindented (a block may sit in a list). */
export function typescriptBlocks(markdown: string): { line: number; code: string }[] {
  return fencedBlocks(markdown, 'ts');
}

/** The blocks of a Markdown text fenced as ```LANGUAGE, with their line numbers, unindented. */
export function fencedBlocks(markdown: string, language: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const lines = markdown.split('\n');
  const fence = new RegExp(`^( *)\`\`\`${language}\\s*$`);
  for (let i = 0; i < lines.length; i++) {
    const open = fence.exec(lines[i]);
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

/**
 * The type errors of `blocks` of the Markdown file `name`, each compiled as a module of its own beside
 * lib/, so that its imports resolve as an installed package's would, with the project's strict settings.
 */
export function compileProblems(name: string, blocks: readonly { line: number; code: string }[]): string[] {
  const stem = name.replace(/\W/g, '-');
  const fileOf = (line: number) => path.join(ROOT, 'readme', `${stem}-block-at-line-${line}.ts`);
  const mapped = (code: string) => code.replace(new RegExp(`from '${PACKAGE}'`, 'g'), "from '../lib'");
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
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program)
    .filter(d => d.file !== undefined && files.has(d.file.fileName))
    .map(d => `${name} block at line ${/(\d+)\.ts$/.exec(d.file!.fileName)![1]}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

/** Runs a block as CommonJS, its package import mapped to lib/, with jest's expect. */
export function runBlock(code: string): void {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const load = (specifier: string) => require(specifier === PACKAGE ? '../lib' : specifier);
  new Function('require', 'expect', 'exports', js)(load, expect, {});
}
