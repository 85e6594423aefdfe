// Every page of docs/ is tested as README.md is: each ```ts block compiles as a standalone program, with
// 'cdk8s-kubeflow-access' mapped to lib/, and every block that makes assertions runs.
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { compileProblems, PACKAGE, runBlock, typescriptBlocks } from './markdown-blocks';

const DOCS = path.join(__dirname, '..', 'docs');
const pages = existsSync(DOCS) ? readdirSync(DOCS).filter(f => f.endsWith('.md')).sort() : [];

describe.each(pages)('docs/%s', page => {
  const blocks = typescriptBlocks(readFileSync(path.join(DOCS, page), 'utf8'));

  test('every ts block imports from the package and compiles as a standalone program', () => {
    expect(blocks.every(b => b.code.includes(`from '${PACKAGE}'`))).toBe(true);
    expect(compileProblems(`docs/${page}`, blocks)).toEqual([]);
  }, 60_000);

  const asserting = blocks.filter(b => b.code.includes('expect('));
  if (asserting.length > 0) {
    test.each(asserting.map(b => [b.line, b.code] as const))('the block at line %d runs and its assertions hold', (_line, code) => {
      runBlock(code);
    });
  }
});
