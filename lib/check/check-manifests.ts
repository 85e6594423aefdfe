import { Found, isPodDefault, PodDefaultFound, toFound, toPodDefault } from './objects';
import { duplicateObjects } from './rules/duplicate-object';
import { envSources, secretKeys } from './rules/env-source';
import { filePerResourceCollisions } from './rules/file-per-resource';
import { mountSpelling } from './rules/mount-spelling';
import { labelKeysAndSelector, listing, nameFormat, nameLength, spawnerVolume } from './rules/one-pod-default';
import { podDefaultShape } from './rules/shape';
import { webhookMerge } from './rules/webhook-merge';
import { byName } from './selection';
import { CheckInput, CheckOptions, CheckProblem } from './types';

/** The rules on one PodDefault, in the order their problems are reported. */
const ONE_POD_DEFAULT_RULES = [nameFormat, nameLength, listing, spawnerVolume, labelKeysAndSelector];

/**
 * Every problem Kubeflow's PodDefault webhook, its notebook UI or `kubectl apply` would have with the
 * given objects, in input order: objects that overwrite each other first, then namespace by namespace,
 * the rules on each PodDefault and then those across the PodDefaults one notebook can select. A
 * PodDefault without a namespace lands wherever `kubectl apply -n` sends it, so it is judged in every
 * namespace that holds PodDefaults, and against the other namespace-less ones. Pure: it reads nothing
 * but its arguments and never changes them.
 */
export function checkManifests(inputs: readonly CheckInput[], options: CheckOptions = {}): CheckProblem[] {
  const objects: Found[] = inputs.map(toFound);
  const problems = duplicateObjects(objects);
  if (options.filePerResource) { problems.push(...filePerResourceCollisions(objects)); }

  const byNamespace = new Map<string, PodDefaultFound[]>();
  for (const found of objects) {
    if (!isPodDefault(found)) { continue; }
    const shape = podDefaultShape(found);
    if (shape !== undefined) {
      problems.push(shape);
      continue;
    }
    const pd = toPodDefault(found);
    const list = byNamespace.get(pd.namespace);
    if (list === undefined) { byNamespace.set(pd.namespace, [pd]); } else { list.push(pd); }
  }
  if (byNamespace.size === 0) { return problems; }

  const keys = secretKeys(objects);
  const floating = byNamespace.get('') ?? [];
  for (const [namespace, own] of byNamespace) {
    own.sort(byName);
    for (const pd of own) {
      for (const rule of ONE_POD_DEFAULT_RULES) {
        const found = rule(pd);
        if (found.length > 0) { problems.push(...found); }
      }
    }
    const group = namespace === '' || floating.length === 0 ? own : [...own, ...floating].sort(byName);
    problems.push(...webhookMerge(group, namespace), ...mountSpelling(group, namespace), ...envSources(group, namespace, keys));
  }
  return problems;
}
