import { append, Found, isPodDefault, PodDefaultFound, toFound, toPodDefault } from './objects';
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
  if (options.filePerResource) { append(problems, filePerResourceCollisions(objects)); }

  // Indexed loops and `forEach` rather than `for...of`: the iterator objects of `for...of` cost an
  // allocation per step until V8 optimises the loop, and each check runs cold, once per synthesis.
  const byNamespace = new Map<string, PodDefaultFound[]>();
  for (let i = 0; i < objects.length; i++) {
    const found = objects[i];
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
  byNamespace.forEach((own, namespace) => {
    own.sort(byName);
    for (let i = 0; i < own.length; i++) {
      for (let r = 0; r < ONE_POD_DEFAULT_RULES.length; r++) { append(problems, ONE_POD_DEFAULT_RULES[r](own[i])); }
    }
    const group = namespace === '' || floating.length === 0 ? own : own.concat(floating).sort(byName);
    append(problems, webhookMerge(group, namespace));
    append(problems, mountSpelling(group, namespace));
    append(problems, envSources(group, namespace, keys));
  });
  return problems;
}
