// `npm run mutation` scores the merge functions of lib/pod-default-admission.ts by a line range in
// stryker.config.json. A range that drifted when code moved would quietly score other lines: this test
// fails instead, naming the range to write.
import { readFileSync } from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');

test('the mutation range of pod-default-admission.ts spans mergePodDefaults to the end of conflict', () => {
  // GIVEN the range Stryker mutates, and the file
  const config = JSON.parse(readFileSync(path.join(ROOT, 'stryker.config.json'), 'utf8'));
  const range = (config.mutate as string[]).find(m => m.startsWith('lib/pod-default-admission.ts:'))!;
  const lines = readFileSync(path.join(ROOT, 'lib', 'pod-default-admission.ts'), 'utf8').split('\n');
  // WHEN the boundaries are found in the file
  const first = lines.findIndex(l => l.startsWith('export function mergePodDefaults(')) + 1;
  const conflictStart = lines.findIndex(l => l.startsWith('function conflict('));
  const last = lines.findIndex((l, i) => i > conflictStart && l === '}') + 1;
  // THEN the configured range is exactly those lines
  expect(range).toBe(`lib/pod-default-admission.ts:${first}-${last}`);
});
