// How rules state a problem, and how a door turns one into its line: what is wrong, then the fix, then
// the door's own words for exempting a PodDefault from the listing rule where that fixes it too.
import { CheckProblem } from './types';

/** A problem as a rule states it; `namespace` is `''` when the objects have none. */
export interface ProblemParts {
  readonly rule: string;
  readonly namespace: string;
  readonly sources: readonly string[];
  readonly key?: string;
  /** What is wrong, lower case, naming objects, keys and paths, never a value. */
  readonly message: string;
  /** How to fix it, lower case, in words that hold for every door. */
  readonly fix: string;
  /** The PodDefault whose exemption from the listing rule also settles the problem. */
  readonly exempt?: string;
}

/** The CheckProblem of `parts`, without the fields they leave empty. */
export function checkProblem(parts: ProblemParts): CheckProblem {
  const problem: { -readonly [K in keyof CheckProblem]: CheckProblem[K] } = { rule: parts.rule, sources: [...parts.sources], message: parts.message, fix: parts.fix };
  if (parts.namespace !== '') { problem.namespace = parts.namespace; }
  if (parts.key !== undefined) { problem.key = parts.key; }
  if (parts.exempt !== undefined) { problem.exempt = parts.exempt; }
  return problem;
}

/**
 * The line a door reports for `problem`: `message; fix`, and where exempting a PodDefault settles it,
 * `, or <remedy> if it is not meant for notebooks`, the remedy in the door's own words.
 */
export function problemLine(problem: CheckProblem, remedy: (problem: CheckProblem) => string): string {
  const line = `${problem.message}; ${problem.fix}`;
  return problem.exempt === undefined ? line : `${line}, or ${remedy(problem)} if it is not meant for notebooks`;
}

/** `NAMESPACE/NAME` of the PodDefault a problem's exemption names, as the plugin and the CLI take it. */
export function exemptEntry(problem: CheckProblem): string {
  return problem.namespace === undefined ? `${problem.exempt}` : `${problem.namespace}/${problem.exempt}`;
}
