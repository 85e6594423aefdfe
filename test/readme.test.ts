// README.md and every page of docs/ are tested: every ```ts block compiles as a standalone program (with
// 'cdk8s-kubeflow-access' mapped to lib/), and every block that makes assertions runs. The README opens
// small, and its quick start is the starter in examples/starter/, word for word.
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..');
const PACKAGE = 'cdk8s-kubeflow-access';
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

/** The ```LANGUAGE blocks of a Markdown text, with their line numbers, unindented (a block may sit in a list). */
function fencedBlocks(markdown: string, language: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = new RegExp(`^( *)\`\`\`${language}\\s*$`).exec(lines[i]);
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

/** The README and every page of docs/, each a document whose TypeScript blocks are tested. */
const DOCUMENTS = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter(f => f.endsWith('.md')).sort().map(f => `docs/${f}`)];
const blocks = DOCUMENTS.flatMap(doc => fencedBlocks(read(doc), 'ts').map(b => ({ ...b, doc })));
// Each block becomes a module beside lib/, so that its imports resolve as an installed package's would.
const fileOf = (doc: string, line: number) => path.join(ROOT, 'readme', `${doc.replace(/[/.]/g, '-')}-line-${line}.ts`);
const mapped = (code: string) => code.replace(new RegExp(`from '${PACKAGE}'`, 'g'), "from '../lib'");

describe('README.md and docs/', () => {
  test('hold the blocks this test is about, each importing the package', () => {
    expect(DOCUMENTS).toEqual(expect.arrayContaining(['README.md', 'docs/constructs.md', 'docs/sources.md', 'docs/check.md']));
    expect(blocks.filter(b => b.doc === 'README.md').length).toBeGreaterThanOrEqual(6);
    expect(blocks.length).toBeGreaterThanOrEqual(25);
    expect(blocks.filter(b => !b.code.includes(`from '${PACKAGE}'`)).map(b => `${b.doc}:${b.line}`)).toEqual([]);
  });

  test('every ts block compiles as a standalone program', () => {
    // GIVEN the blocks as files of their own, compiled with the project's strict settings
    const files = new Map(blocks.map(b => [fileOf(b.doc, b.line), mapped(b.code)]));
    const where = new Map(blocks.map(b => [fileOf(b.doc, b.line), `${b.doc} block at line ${b.line}`]));
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
      .map(d => `${where.get(d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
  }, 60_000);

  const asserting = blocks.filter(b => b.code.includes('expect('));
  test.each(asserting.map(b => [b.doc, b.line, b.code] as const))('%s: the block at line %d runs and its assertions hold', (_doc, _line, code) => {
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

describe('the README opens small', () => {
  const readme = read('README.md');
  const section = (heading: string) => {
    const start = readme.indexOf(`\n## ${heading}\n`);
    expect(start).toBeGreaterThan(0);
    const end = readme.indexOf('\n## ', start + 1);
    return readme.slice(start, end < 0 ? undefined : end);
  };

  test('at most 20 KB, with the two commands on its first screen', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(20 * 1024);
    const firstScreen = readme.split('\n').slice(0, 30).join('\n');
    expect(firstScreen).toContain('npm ci && npm run synth');
    expect(firstScreen).toContain('npm test');
  });

  test('its quick start is examples/starter, word for word', () => {
    const quickStart = section('Quick start');
    expect(fencedBlocks(quickStart, 'ts').map(b => b.code)).toEqual([read('examples/starter/main.ts')]);
    expect(fencedBlocks(quickStart, 'yaml').map(b => b.code)).toEqual([read('examples/starter/cdk8s.yaml')]);
    // and it says where each secret comes from
    expect(quickStart).toContain('REGISTRY_TOKEN');
    expect(quickStart).toContain('mlpipeline-minio-artifact');
  });

  test('the install says the package is not published, and names the tarball npm pack writes', () => {
    const { version } = JSON.parse(read('package.json'));
    const install = section('Install');
    expect(install).toContain('not on the npm registry yet');
    expect(install).toContain(`cdk8s-kubeflow-access-${version}.tgz`);
  });

  test('every page the README links to exists', () => {
    const links = [...readme.matchAll(/\]\(((?:docs\/|examples\/)?[A-Za-z/.-]+\.md|examples\/starter\/)\)/g)].map(m => m[1]);
    expect(links.length).toBeGreaterThanOrEqual(10);
    expect(links.filter(link => !DOCUMENTS.includes(link) && !['CHANGELOG.md', 'API.md', 'BENCHMARKS.md', 'examples/starter/'].includes(link))).toEqual([]);
  });
});

describe('the starter pins what works', () => {
  const starter = JSON.parse(read('examples/starter/package.json'));
  const installed = (name: string): string => JSON.parse(read(`node_modules/${name}/package.json`)).version;

  test('it installs the tarball of this version, and the versions this repository tests with', () => {
    const { version } = JSON.parse(read('package.json'));
    expect(starter.dependencies).toEqual({
      'cdk8s': installed('cdk8s'),
      'cdk8s-kubeflow-access': `file:cdk8s-kubeflow-access-${version}.tgz`,
      'cdk8s-plus-28': installed('cdk8s-plus-28'),
      'constructs': installed('constructs'),
    });
    expect(starter.devDependencies).toEqual({
      '@types/node': installed('@types/node'),
      'cdk8s-cli': installed('cdk8s-cli'),
      'ts-node': '10.9.2',
      'typescript': installed('typescript'),
    });
    // TypeScript 7 has no JavaScript API, which ts-node needs
    expect(starter.devDependencies.typescript).toMatch(/^6\.0\.\d+$/);
  });

  test('the root project does not compile it: it imports the installed package', () => {
    const tsconfig = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config;
    expect(tsconfig.exclude).toContain('examples/starter');
  });
});
