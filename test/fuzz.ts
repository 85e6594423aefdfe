// Shared pieces of the property-based tests: run counts, recognisable secrets, hostile text, and the
// one property every source and prop must keep: either valid manifests or one AccessError that names
// no secret and leaves nothing behind. The property tests of a subject sit beside its other tests, in
// files named `*.fuzz.test.ts`: `npm run fuzz` runs those files with FUZZ_RUNS=5000.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import * as YAML from 'yaml';
import { AccessError } from '../lib';
import { manifestProblems } from './schema';
import { userChart } from './support';

/** Runs per property: small in `npm test`, large in `npm run fuzz` (FUZZ_RUNS=5000). */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

/** fast-check parameters; FUZZ_SEED replays a failure that a run printed. */
export function params<T>(numRuns = RUNS): fc.Parameters<T> {
  const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
  return { numRuns, ...(seed === undefined ? {} : { seed }) };
}

/** Scales a jest timeout with the run count, so that `npm run fuzz` is not cut short. */
export const timeout = (msPerRun: number) => Math.max(10_000, msPerRun * RUNS);

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A secret nobody could mistake for anything else: a fixed prefix and 24 random letters and digits.
 * Finding one in an error message or a log line is a leak, never a coincidence.
 */
export const token = (): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 24, maxLength: 24 }).map(s => `SeCrEt${s}`);

/** A secret value as users paste them: a token, sometimes wrapped in noise, quotes, spaces or a newline. */
export const secretValue = (): fc.Arbitrary<string> => fc.oneof(
  { weight: 3, arbitrary: token() },
  { weight: 2, arbitrary: fc.tuple(hostileText(8), token(), hostileText(8)).map(([a, t, b]) => `${a}${t}${b}`) },
  { weight: 1, arbitrary: token().map(t => `${t}\n`) },
  { weight: 1, arbitrary: token().map(t => ` ${t}\r\n`) },
);

/** The recognisable tokens inside a value that secretValue made. */
export function tokensIn(value: string): string[] {
  return value.match(/SeCrEt[A-Za-z0-9]{24}/g) ?? [];
}

/**
 * Text that breaks naive code: control characters, quotes, backslashes, CR and LF, a BOM, lone
 * surrogates, Unicode line separators, the names JavaScript objects already carry, and plain text.
 */
export const hostileText = (maxLength = 40): fc.Arbitrary<string> => fc.oneof(
  fc.string({ maxLength }),
  fc.string({ unit: 'binary', maxLength }),
  fc.string({ unit: fc.constantFrom('\r', '\n', '\0', '\t', ' ', '"', '\\', '\ufeff', '\u2028', '\ud800', ':', '/', '.', '-', '_', 'a', 'Z', '0', '=', '[', ']', '#', ';'), maxLength }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', ''),
);

/** Names as users get them wrong: every invalid character, upper case, too long, empty, and some valid ones. */
export const nameCandidate = (): fc.Arbitrary<string> => fc.oneof(
  hostileText(70),
  fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,60}[a-z0-9])?$/),
  fc.stringMatching(/^[a-z0-9][-a-z0-9.]{0,80}$/),
  fc.integer({ min: 50, max: 260 }).map(n => 'a'.repeat(n)),
);

/** File content variants of one text: as is, with CRLF line ends, with a UTF-8 BOM, or both. */
export const lineEndingVariant = (text: string): fc.Arbitrary<string> => fc.constantFrom(
  text, text.replace(/\n/g, '\r\n'), `\ufeff${text}`, `\ufeff${text.replace(/\n/g, '\r\n')}`);

/** The bytes the Secret among `manifests` holds under `key`, or undefined. */
export function storedBytes(manifests: any[], key: string): Buffer | undefined {
  const value = manifests.find(m => m.kind === 'Secret')?.data?.[key];
  return value === undefined ? undefined : Buffer.from(value, 'base64');
}

/** What building one construct led to. */
export type Outcome = { ok: true; manifests: any[] } | { ok: false; error: AccessError };

/**
 * Builds a construct with `build` in a fresh chart, and checks the property every input must keep:
 * it either synthesises manifests that pass the schema checks, or throws one AccessError that holds
 * none of `secrets` (message and stack) and leaves nothing in the tree.
 */
export function buildOrReject(build: (chart: Chart) => Construct, secrets: readonly string[]): Outcome {
  const chart = userChart();
  let error: unknown;
  try {
    build(chart);
  } catch (e) {
    error = e;
  }
  if (error === undefined) {
    // A string the props carry into the manifests that cdk8s would write so that kubectl reads it
    // otherwise is refused by the construct, naming the prop: the check's yaml-scalar rule, which would
    // refuse it at synth naming the manifest's field, finds nothing here.
    const manifests = Testing.synth(chart);
    const problems = manifests.flatMap(manifestProblems);
    if (problems.length > 0) { throw new Error(`synthesised manifests fail the schema checks:\n${problems.join('\n')}`); }
    // kubectl reads YAML 1.1: what the app writes must read back as exactly the objects it synthesised.
    const yaml = (chart.node.root as App).synthYaml();
    const readBack = YAML.parseAllDocuments(yaml, { version: '1.1' }).map(d => d.toJS());
    expect(readBack).toEqual(manifests);
    return { ok: true, manifests };
  }
  expectAccessErrorWithout(error, secrets);
  if (chart.node.children.length > 0) {
    throw new Error(`a rejected input left ${chart.node.children.map(c => c.node.path).join(', ')} in the tree`);
  }
  return { ok: false, error: error as AccessError };
}

/**
 * Asserts that `build` is refused (by the property buildOrReject checks) with exactly `message`, or
 * with a message that matches `message` where only a pattern can name it (a temporary path, a huge input).
 */
export function expectRefused(build: (chart: Chart) => unknown, message: string | RegExp, secrets: readonly string[]): void {
  const outcome = buildOrReject(build as (chart: Chart) => Construct, secrets);
  if (outcome.ok) { throw new Error(`expected a refusal, got ${outcome.manifests.length} manifests`); }
  if (typeof message === 'string') {
    expect(outcome.error.message).toBe(message);
  } else {
    expect(outcome.error.message).toMatch(message);
  }
}

/** Asserts that `error` is an AccessError whose message and stack hold none of `secrets`. */
export function expectAccessErrorWithout(error: unknown, secrets: readonly string[]): void {
  if (!(error instanceof AccessError)) {
    throw new Error(`expected an AccessError, got ${(error as Error)?.constructor?.name}: ${(error as Error)?.message?.slice(0, 300)}`);
  }
  const leaked = leakedSecrets(`${error.message}\n${error.stack}`, secrets);
  if (leaked.length > 0) {
    throw new Error(`the error message leaks a secret: ${error.message.slice(0, 300)}`);
  }
}

/** The secrets (and their base64 and JSON-escaped forms) that `text` contains. */
export function leakedSecrets(text: string, secrets: readonly string[]): string[] {
  return secrets.filter(s => s.length >= 8).filter(s =>
    text.includes(s) || text.includes(Buffer.from(s).toString('base64')) || text.includes(JSON.stringify(s).slice(1, -1)));
}

/**
 * Runs `synthesise` with a fresh output directory and reports what it left there: a failed synth must
 * leave no file behind.
 */
export function filesAfter(synthesise: (outdir: string) => void): { error?: unknown; files: string[] } {
  const outdir = mkdtempSync(path.join(tmpdir(), 'hardening-synth-'));
  try {
    try {
      synthesise(outdir);
      return { files: readdirSync(outdir) };
    } catch (error) {
      return { error, files: readdirSync(outdir) };
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * A fresh temporary directory `dir`; `file`, which writes a file there and returns its path; and
 * `fresh`, which does the same under a name not used before (for the many files of a property test).
 */
export function scratchFiles(prefix: string): {
  dir: string;
  file: (name: string, content: string | Uint8Array) => string;
  fresh: (content: string | Uint8Array) => string;
} {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const file = (name: string, content: string | Uint8Array) => {
    const p = path.join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  let count = 0;
  return { dir, file, fresh: content => file(`file-${count++}`, content) };
}
