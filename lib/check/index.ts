import { checkManifests } from './check-manifests';
import { CheckInput, CheckOptions, CheckProblem } from './types';
import { AccessError } from '../errors';
import { isPlainObject, typeName } from '../json';

export { checkManifests } from './check-manifests';
export { CheckInput, CheckOptions, CheckProblem } from './types';

/**
 * The app-wide check over plain manifests, for callers that hold no cdk8s app (the CLI, a test of
 * rendered YAML, another language through jsii).
 *
 * @example
 * const problems = PodDefaultCheck.check(Testing.synth(chart).map(manifest => ({ manifest })));
 */
export class PodDefaultCheck {
  /**
   * Every problem with the given objects that Kubeflow's PodDefault webhook, its notebook UI or
   * `kubectl apply` would have; empty when there is none. Messages name objects, keys and paths, never
   * a value. Throws when `inputs` is not a list of `{ manifest }` objects: a list of bare manifests
   * would otherwise pass unjudged.
   */
  public static check(inputs: CheckInput[], options: CheckOptions = {}): CheckProblem[] {
    const problem = inputsProblem(inputs);
    if (problem !== undefined) {
      throw new AccessError(`${problem}: give PodDefaultCheck.check a list of { manifest } objects, such as manifests.map(manifest => ({ manifest }))`);
    }
    return checkManifests(inputs, options);
  }

  private constructor() {}
}

/**
 * Why `inputs`, from a caller the types do not reach (JavaScript, `any`), is not a list of inputs that
 * each hold a manifest, naming types only; `undefined` when it is. A bare manifest has no `manifest`
 * member, and an input without one is no object to judge.
 */
function inputsProblem(inputs: unknown): string | undefined {
  if (!Array.isArray(inputs)) { return `the inputs are ${typeName(inputs)}, not a list`; }
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    if (!isPlainObject(input)) { return `inputs[${i}] is ${typeName(input)}, not an object`; }
    if (!isPlainObject(input.manifest)) { return `inputs[${i}].manifest is ${typeName(input.manifest)}, not an object`; }
  }
  return undefined;
}
