// `npm run mutation` names the files it mutates and the tests it runs against them in
// stryker.config.json. A path that drifted when code moved would quietly score nothing: this test fails
// instead.
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const config = JSON.parse(readFileSync(path.join(ROOT, 'stryker.config.json'), 'utf8'));

test('every file Stryker mutates exists', () => {
  // GIVEN the files Stryker mutates
  const files = config.mutate as string[];
  // THEN each one is a file of the library
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) { expect(existsSync(path.join(ROOT, file))).toBe(true); }
});

test('every test pattern Stryker runs matches a test file', () => {
  // GIVEN the test patterns, as paths under test/ with at most one `*` in the file name
  const patterns = config.jest.config.testMatch as string[];
  for (const pattern of patterns) {
    const [dir, file] = [path.dirname(pattern.replace('**/', '')), path.basename(pattern)];
    const re = new RegExp(`^${file.replace(/\./g, '\\.').replace('*', '.*')}$`);
    // THEN the pattern matches at least one file
    expect(readdirSync(path.join(ROOT, dir)).filter(f => re.test(f))).not.toHaveLength(0);
  }
});
