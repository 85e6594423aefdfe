import { externalSecretTarget, Found, isExternalSecret, ns } from '../objects';
import { CheckProblem } from '../types';

/**
 * Two objects with one group, kind, namespace and name: applying them, one overwrites the other. An
 * ExternalSecret also counts as the Secret it writes (`spec.target.name`), since ESO and `kubectl
 * apply` would then fight over that Secret.
 */
export function duplicateObjects(objects: readonly Found[]): CheckProblem[] {
  const first = new Map<string, Found>();
  // A set beside the map rather than a record per object: most inputs hold no ExternalSecret.
  const firstExternal = new Set<string>();
  const problems: CheckProblem[] = [];
  const see = (found: Found, identity: string, external: boolean, group: string, kind: string, name: string) => {
    const seen = first.get(identity);
    if (seen === undefined) {
      first.set(identity, found);
      if (external) { firstExternal.add(identity); }
      return;
    }
    const sources = [seen.source, found.source];
    const message = firstExternal.has(identity) || external
      ? `${sources[0]} and ${sources[1]} both make Secret ${name} in namespace ${ns(found.namespace)} (an ExternalSecret writes the Secret `
        + 'its spec.target.name names, by default its own name): one overwrites the other; give them different names or namespaces'
      : `${sources[0]} and ${sources[1]} are both ${kind} ${name} (api group ${group}) in namespace ${ns(found.namespace)}: `
        + 'applying them, one overwrites the other; give them different names or namespaces';
    problems.push(problem(found.namespace, sources, name, message));
  };
  for (let i = 0; i < objects.length; i++) {
    const found = objects[i];
    see(found, identityOf(found.group, found.kind, found.namespace, found.name), false, found.group, found.kind, found.name);
    if (isExternalSecret(found)) {
      const target = externalSecretTarget(found);
      see(found, identityOf('core', 'Secret', found.namespace, target), true, 'core', 'Secret', target);
    }
  }
  return problems;
}

export function identityOf(group: string, kind: string, namespace: string, name: string): string {
  return `${group}\n${kind}\n${namespace}\n${name}`;
}

function problem(namespace: string, sources: string[], key: string, message: string): CheckProblem {
  return namespace === ''
    ? { rule: 'duplicate-object', sources, key, message }
    : { rule: 'duplicate-object', namespace, sources, key, message };
}
