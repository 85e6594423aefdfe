// What the construct tests share: the chart they build in, golden YAML, what a synthesis holds, and how
// a refusal is asserted.
//
// Golden YAML: the expected manifests a reviewer reads, compared byte for byte with app.synthYaml().
// A golden file changes only on purpose: UPDATE_GOLDEN=1 rewrites the ones a run compares, and the
// diff is then reviewed like any other change.
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { AccessError } from '../lib';

/** A chart in namespace `user` of a fresh app (or of `app`). */
export function userChart(app: App = Testing.app()): Chart {
  return new Chart(app, 'test', { namespace: 'user' });
}

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
  return [secretOf(manifests), manifests.find(m => m.kind === 'PodDefault')];
}

/** The Secret among synthesised manifests, or undefined. */
export const secretOf = (manifests: any[]): any => manifests.find(m => m.kind === 'Secret');

/** Builds one access construct with `build` in a fresh user chart, and returns its Secret and PodDefault. */
export function synthAccess(build: (chart: Chart) => unknown): [any, any] {
  const chart = userChart();
  build(chart);
  return secretAndPodDefault(Testing.synth(chart));
}

/** The synthesised objects of a chart, by kind. */
export function byKind(chart: Chart): { [kind: string]: any } {
  return Object.fromEntries(Testing.synth(chart).map(o => [o.kind, o]));
}

/** A Secret's data, each value decoded as UTF-8. */
export function decodedData(secret: any): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(secret.data)) { out[key] = Buffer.from(value as string, 'base64').toString('utf8'); }
  return out;
}

/**
 * The variables a notebook gets from one access: its Secret's data (decoded) and the PodDefault's plain
 * `env` values, an `env` entry winning as in the pod; the `KUBEFLOW_*_ACCESS` marker is left out.
 */
export function variablesOf(secret: any, podDefault: any): Record<string, string> {
  const out: Record<string, string> = secret === undefined ? {} : decodedData(secret);
  for (const entry of podDefault.spec.env ?? []) {
    if (entry.value !== undefined && !/^KUBEFLOW_[A-Z0-9]+_ACCESS$/.test(entry.name)) { out[entry.name] = entry.value; }
  }
  return out;
}

/** A Secret's data as the bytes it holds, and its type. */
export function secretBytes(secret: any): { type: string; data: { [key: string]: Buffer } } {
  const data: { [key: string]: Buffer } = {};
  for (const [key, value] of Object.entries<string>(secret.data)) { data[key] = Buffer.from(value, 'base64'); }
  return { type: secret.type, data };
}

const CHECK_PREFIX = '[] ';

/** The app-wide check's problem lines (without the `[] ` prefix) that `synth` fails with, or [] when it succeeds. */
export function errorsOf(synth: () => unknown): string[] {
  try {
    synth();
    return [];
  } catch (e) {
    return String((e as Error).message).split('\n')
      .map(line => line.trim())
      .filter(line => line.startsWith(CHECK_PREFIX))
      .map(line => line.slice(CHECK_PREFIX.length));
  }
}

/** The message of the library's own error that `create` throws, checked to hold none of `secrets`. */
export function accessErrorOf(create: () => unknown, secrets: readonly string[]): string {
  let error: unknown;
  try {
    create();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AccessError);
  const message = (error as Error).message;
  for (const secret of secrets) { expect(message).not.toContain(secret); }
  return message;
}

/**
 * Asserts that `create` throws the library's own error with exactly `message`, that the message holds
 * none of `secrets`, and that nothing named `id` was left half-built in `scope`.
 */
export function expectRejected(scope: Construct, id: string, create: () => unknown, message: string, secrets: string[]): void {
  expect(accessErrorOf(create, secrets)).toBe(message);
  expect(scope.node.tryFindChild(id)).toBeUndefined();
}

/**
 * Asserts that a synthesis that threw `error` was refused by the app-wide check alone: `errors` (its
 * lines, from errorsOf) are every line of the message, each matches exactly one of `rules`, and a
 * PodDefault name that `names` holds n times is reported n - 1 times, each later one against the first.
 */
export function expectCheckRefusal(error: unknown, errors: string[], rules: RegExp[], names: string[]): void {
  expect(errors.length).toBe(String((error as Error).message).split('\n').length - 1);
  for (const line of errors) { expect(rules.filter(rule => rule.test(line))).toHaveLength(1); }
  for (const name of new Set(names)) {
    expect(errors.filter(line => line.includes(` are both PodDefault ${name} (api group kubeflow.org) `)))
      .toHaveLength(names.filter(n => n === name).length - 1);
  }
}

/** The message `build` throws, or 'nothing thrown'. */
export function thrownMessage(build: () => unknown): string {
  try {
    build();
  } catch (e) {
    return (e as Error).message;
  }
  return 'nothing thrown';
}

/**
 * The messages a table of docs/`page` (by default constructs.md) quotes that none of `messages` says: the table is the one
 * whose header row is `header`, and each `...` of a row's first column is a message or a part of one, with
 * N and M for a number, "…" for any text and "[path]" for a construct path.
 */
export function unsaidInErrorTable(header: string, messages: readonly string[], page = 'constructs.md'): string[] {
  const docs = readFileSync(path.join(__dirname, '..', 'docs', page), 'utf8');
  const start = docs.indexOf(`\n${header}\n`);
  if (start < 0) { throw new Error(`docs/${page} has no table headed ${header}`); }
  const rows = docs.slice(start + 1).split('\n\n')[0].split('\n').slice(2);
  // A bare name (`fromEnv`, in parentheses) says where a message comes from, not what it says.
  const quoted = rows.flatMap(row => [...row.split(' | ')[0].matchAll(/`([^`]+)`/g)].map(m => m[1])).filter(text => !/^[A-Za-z_.]+$/.test(text));
  if (quoted.length < rows.length) { throw new Error(`the table headed ${header} quotes fewer messages than it has rows`); }
  const pattern = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\b[NM]\b/g, '\\d+').replace(/…/g, '.+?')
    .replace(/\\\[path\\\]/g, '\\[[^\\]]+\\]'));
  return quoted.filter(text => !messages.some(m => pattern(text).test(m)));
}
