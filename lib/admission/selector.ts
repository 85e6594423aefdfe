// Label selectors as the webhook parses and matches them (metav1.LabelSelectorAsSelector and
// labels.Selector.Matches).
import { labelKeyProblem, labelValueProblem, shownKey, shownName } from '../names';
import { str } from './manifest';

/**
 * One requirement of a selector; a `matchLabels` entry is `In` with its one value.
 *
 * @internal
 */
export interface SelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values: readonly string[];
}

/** @internal */
export interface ParsedSelector {
  readonly error?: string;
  readonly key?: string;
  /** The requirements, all of which a pod's labels meet to be selected; empty when invalid. */
  readonly requirements: readonly SelectorRequirement[];
  readonly matches: (labels: Record<string, string>) => boolean;
}

/**
 * Parses a LabelSelector as the webhook does; an empty (or absent) selector matches every pod.
 *
 * @internal
 */
export function parseSelector(selector: any): ParsedSelector {
  const matchLabels = selector?.matchLabels ?? {};
  const keys = Object.keys(matchLabels);
  const requirements: SelectorRequirement[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = matchLabels[key];
    const problem = labelKeyProblem(key) ?? labelValueProblem(value);
    if (problem !== undefined) { return new Selector([], key, `matchLabels key ${shownKey(key)}: ${problem}`); }
    requirements[i] = { key, operator: 'In', values: [value] };
  }
  const expressions = selector?.matchExpressions;
  if (expressions === undefined || expressions === null) { return new Selector(requirements); }
  for (const expression of expressions) {
    const key = str(expression?.key);
    const values: any[] = expression?.values ?? [];
    const operator = expression?.operator;
    const keyProblem = labelKeyProblem(key);
    if (keyProblem !== undefined) { return invalidExpression(key, keyProblem); }
    // The API server refuses such a PodDefault first (its CRD declares a list of strings); it crashed the walk below.
    if (!Array.isArray(values)) { return invalidExpression(key, 'values is no list'); }
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) { return invalidExpression(key, `operator ${operator} needs values`); }
      const valueProblem = values.map(labelValueProblem).find(p => p !== undefined);
      if (valueProblem !== undefined) { return invalidExpression(key, valueProblem); }
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) { return invalidExpression(key, `operator ${operator} takes no values`); }
    } else {
      return invalidExpression(key, `unknown operator ${shownName(String(operator), 'operator')}`);
    }
    requirements.push({ key, operator, values });
  }
  return new Selector(requirements);
}

/** The selector of an invalid `matchExpressions` entry of key `key`, which names the key as a message may show it (`shownKey`). */
function invalidExpression(key: string, why: string): Selector {
  return new Selector([], key, `matchExpressions key ${shownKey(key)}: ${why}`);
}

/** A parsed selector; a class, so that `matches` is one method rather than a closure per selector. */
class Selector implements ParsedSelector {
  public constructor(
    public readonly requirements: readonly SelectorRequirement[],
    public readonly key?: string,
    public readonly error?: string,
  ) {}

  public matches(labels: Record<string, string>): boolean {
    return this.error === undefined && this.requirements.every(r => meets(r, labels));
  }
}

/**
 * Whether `labels` meet one requirement (labels.Requirement.Matches).
 *
 * @internal
 */
export function meets(requirement: SelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  switch (requirement.operator) {
    case 'In': return has && requirement.values.includes(labels[requirement.key]);
    case 'NotIn': return !has || !requirement.values.includes(labels[requirement.key]);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
  }
}

