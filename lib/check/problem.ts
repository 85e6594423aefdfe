// How rules state a problem, and how a door turns one into its line: what is wrong, then the fix, then
// the door's own words for exempting a PodDefault from the listing rule where that fixes it too.
import { ParsedSelector } from '../admission/selector';
import { isShownName, shownName } from '../names';
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
  // The door's remedy names the PodDefault to exempt: not one whose name or namespace a message does not show.
  if (parts.exempt !== undefined && isShownName(parts.exempt) && (parts.namespace === '' || isShownName(parts.namespace))) { problem.exempt = parts.exempt; }
  return problem;
}

/** What refuses an invalid selector, for `selectorProblem`. */
export interface InvalidSelector {
  readonly namespace: string;
  readonly source: string;
  /** The object, as messages name it: `poddefault NAME (SOURCE) in namespace NS`. */
  readonly subject: string;
  /** Where the selector is, for an object with more than one. @default - the object's one selector */
  readonly field?: string;
  /** The selector, whose `error` says why metav1.LabelSelectorAsSelector refuses it. */
  readonly selector: ParsedSelector;
  /** What its controller then does, from `which`: `which makes the webhook refuse every pod of the namespace`. */
  readonly consequence: string;
}

/**
 * The `selector` problem of an object whose label selector its controller cannot parse (a PodDefault's,
 * a ClusterExternalSecret's namespace selectors): the parser's reason, naming the key, never a value.
 */
export function selectorProblem(invalid: InvalidSelector): CheckProblem {
  const where = invalid.field === undefined ? '' : ` in ${invalid.field}`;
  return checkProblem({
    rule: 'selector',
    namespace: invalid.namespace,
    sources: [invalid.source],
    key: invalid.selector.key === undefined ? undefined : shownName(invalid.selector.key, 'key'),
    message: `${invalid.subject} has an invalid selector${where} (${invalid.selector.error}), ${invalid.consequence}`,
    fix: 'fix the selector',
  });
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
