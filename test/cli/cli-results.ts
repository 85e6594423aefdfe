// What a CLI run must show, in-process or as the real binary: success with exactly the expected output,
// or errors, one prefixed line each, with no stack trace and none of the test's secrets.
import type { CliResult } from './cli-runner';

/** Succeeded, with `expected` on stdout and nothing on stderr. */
export function expectOutput(result: CliResult, expected: string): void {
  expect(result.stderr).toBe('');
  expect(result.stdout).toBe(expected);
  expect(result.code).toBe(0);
}

/**
 * The check of a failed run, for tests that feed in `secrets`: failed with `code`, one line on stderr per
 * error, each prefixed, no stack trace, none of `secrets`; it returns the lines without the prefix.
 */
export function errorExpectation(secrets: readonly string[]): (result: CliResult, code: number, prefix: string) => string[] {
  return (result, code, prefix) => {
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    const lines = result.stderr.replace(/\n$/, '').split('\n');
    for (const line of lines) { expect(line.startsWith(`${prefix}: `)).toBe(true); }
    expect(result.stderr).not.toMatch(/^\s+at /m);
    for (const secret of secrets) { expect(result.stderr).not.toContain(secret); }
    return lines.map(l => l.slice(prefix.length + 2));
  };
}
