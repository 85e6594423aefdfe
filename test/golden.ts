// Golden YAML: the expected manifests a reviewer reads, compared byte for byte with app.synthYaml().
// A golden file changes only on purpose: UPDATE_GOLDEN=1 rewrites the ones a run compares, and the
// diff is then reviewed like any other change.
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';

export const GOLDEN_DIR = path.join(__dirname, 'golden');

export function expectGolden(app: App, name: string): void {
  const file = path.join(GOLDEN_DIR, `${name}.yaml`);
  const actual = app.synthYaml();
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, actual);
  }
  if (!existsSync(file)) {
    throw new Error(`no golden file ${file}: run with UPDATE_GOLDEN=1 once and review it`);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

export const fixture = (name: string): string => path.join(__dirname, 'fixtures', name);

/**
 * An access construct's Secret (undefined for an existing Secret) and PodDefault, out of its synthesised
 * manifests, whatever their order.
 */
export function secretAndPodDefault(manifests: any[]): [any, any] {
  return [manifests.find(m => m.kind === 'Secret'), manifests.find(m => m.kind === 'PodDefault')];
}
