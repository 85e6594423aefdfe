// Golden YAML: the expected manifests a reviewer reads, compared byte for byte with app.synthYaml().
// A golden file changes only on purpose: UPDATE_GOLDEN=1 rewrites the ones a run compares, and the
// diff is then reviewed like any other change.
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { Construct } from 'constructs';
import { AccessError } from '../lib';

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

/**
 * Asserts that `create` throws the library's own error with exactly `message`, that the message holds
 * none of `secrets`, and that nothing named `id` was left half-built in `scope`.
 */
export function expectRejected(scope: Construct, id: string, create: () => unknown, message: string, secrets: string[]): void {
  let error: unknown;
  try {
    create();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AccessError);
  expect((error as Error).message).toBe(message);
  for (const secret of secrets) { expect((error as Error).message).not.toContain(secret); }
  expect(scope.node.tryFindChild(id)).toBeUndefined();
}
