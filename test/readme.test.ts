// README.md is tested: every ```ts block compiles as a standalone program (with 'cdk8s-kubeflow-access'
// mapped to lib/), and every block that makes assertions runs.
import { readFileSync } from 'fs';
import * as path from 'path';
import { compileProblems, PACKAGE, runBlock, typescriptBlocks } from './markdown-blocks';

const blocks = typescriptBlocks(readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8'));

describe('README.md', () => {
  test('holds the blocks this test is about', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(13);
    expect(blocks.every(b => b.code.includes(`from '${PACKAGE}'`))).toBe(true);
  });

  test('every ts block compiles as a standalone program', () => {
    // GIVEN the blocks as files of their own WHEN compiled THEN no block has a type error
    expect(compileProblems('README.md', blocks)).toEqual([]);
  }, 60_000);

  const asserting = blocks.filter(b => b.code.includes('expect('));
  test.each(asserting.map(b => [b.line, b.code] as const))('the block at line %d runs and its assertions hold', (_line, code) => {
    // GIVEN the block WHEN run THEN it does not throw, and its assertions hold
    runBlock(code);
  });

  test('the assertions that run include the admission example and the Chart labels', () => {
    expect(asserting.map(b => b.code).join('\n')).toContain("name: 'docker-config-volume'");
    expect(asserting.map(b => b.code).join('\n')).toContain("['Secret', { team: 'a' }]");
  });
});
