import { externalSecretTarget, Found, isExternalSecret, ns } from '../objects';
import { CheckProblem } from '../types';

/**
 * Two objects with one group, kind, namespace and name: applying them, one overwrites the other. An
 * ExternalSecret also counts as the Secret it writes (`spec.target.name`), since ESO and `kubectl
 * apply` would then fight over that Secret.
 */
export function duplicateObjects(objects: readonly Found[]): CheckProblem[] {
  // Maps within maps rather than one map by a joined key, which cost a string per object of the app;
  // the namespace last, since apps repeat one set of names in many namespaces.
  const first = new Map<string, Map<string, Map<string, Map<string, Found>>>>();
  const problems: CheckProblem[] = [];
  const see = (found: Found, external: boolean, group: string, kind: string, name: string) => {
    const byNamespace = inner(inner(inner(first, group), kind), name);
    const seen = byNamespace.get(found.namespace);
    if (seen === undefined) {
      byNamespace.set(found.namespace, found);
      return;
    }
    const sources = [seen.source, found.source];
    // An object seen under another kind than its own was seen as the Secret an ExternalSecret writes.
    const message = seen.kind !== kind || external
      ? `${sources[0]} and ${sources[1]} both make Secret ${name} in namespace ${ns(found.namespace)} (an ExternalSecret writes the Secret `
        + 'its spec.target.name names, by default its own name): one overwrites the other; give them different names or namespaces'
      : `${sources[0]} and ${sources[1]} are both ${kind} ${name} (api group ${group}) in namespace ${ns(found.namespace)}: `
        + 'applying them, one overwrites the other; give them different names or namespaces';
    problems.push(problem(found.namespace, sources, name, message));
  };
  for (let i = 0; i < objects.length; i++) {
    const found = objects[i];
    see(found, false, found.group, found.kind, found.name);
    if (isExternalSecret(found)) { see(found, true, 'core', 'Secret', externalSecretTarget(found)); }
  }
  return problems;
}

/** The map under `key`, made when there is none. */
function inner<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let found = map.get(key);
  if (found === undefined) {
    found = new Map();
    map.set(key, found);
  }
  return found;
}

export function identityOf(group: string, kind: string, namespace: string, name: string): string {
  return `${group}\n${kind}\n${namespace}\n${name}`;
}

function problem(namespace: string, sources: string[], key: string, message: string): CheckProblem {
  return namespace === ''
    ? { rule: 'duplicate-object', sources, key, message }
    : { rule: 'duplicate-object', namespace, sources, key, message };
}
