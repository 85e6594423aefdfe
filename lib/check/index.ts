import { checkManifests } from './check-manifests';
import { CheckInput, CheckOptions, CheckProblem } from './types';

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
   * a value.
   */
  public static check(inputs: CheckInput[], options: CheckOptions = {}): CheckProblem[] {
    return checkManifests(inputs, options);
  }

  private constructor() {}
}
