// What External Secrets Operator makes of a ClusterExternalSecret (ESO v2.9.0,
// apis/externalsecrets/v1/clusterexternalsecret_types.go and the ClusterExternalSecret controller): one
// ExternalSecret per target namespace, named `spec.externalSecretName` (by default the CES's own name),
// with `spec.externalSecretMetadata`'s labels and annotations, the spec `spec.externalSecretSpec`, and the
// CES as its controller owner. The target namespaces (runtime/esutils/utils.go GetTargetNamespaces) are
// those any selector of `spec.namespaceSelectors` (and the deprecated `spec.namespaceSelector`) matches,
// ORed with the names of the deprecated `spec.namespaces`, each of which becomes a
// `kubernetes.io/metadata.name` selector. Where an ExternalSecret of that name exists that the CES does
// not own, ESO writes nothing and lists the namespace in `status.failedNamespaces`.
//
// The check knows the labels of a namespace only from a Namespace object of the input (plus
// `kubernetes.io/metadata.name`, which the API server sets on every namespace). A namespace that only
// holds objects of the input is judged by a selector that reads `kubernetes.io/metadata.name` alone,
// where the answer is exact, and left out by any other: its labels are unknown.
import { parseSelector, ParsedSelector } from '../admission/selector';
import { isPlainObject } from '../json';
import { compareNames } from '../names';
import { Found, isExternalSecret, toFound } from './objects';
import { checkProblem } from './problem';
import { CheckProblem } from './types';

/** The label the API server sets on every namespace to its name. */
const NAME_LABEL = 'kubernetes.io/metadata.name';

/** What the CES expansion adds: the ExternalSecrets ESO generates, and the namespaces it leaves out. */
export interface GeneratedExternalSecrets {
  readonly objects: readonly Found[];
  readonly problems: readonly CheckProblem[];
}

const NOTHING: GeneratedExternalSecrets = Object.freeze({ objects: Object.freeze([]), problems: Object.freeze([]) });

export function isClusterExternalSecret(found: Found): boolean {
  return found.kind === 'ClusterExternalSecret' && found.group === 'external-secrets.io';
}

/**
 * For each ClusterExternalSecret of `objects`, in order, the ExternalSecret ESO writes in each target
 * namespace, to be judged as one the input holds there (numbered from `objects.length`); and, as
 * `duplicate-object` problems, the target namespaces ESO leaves out because an ExternalSecret of that name
 * it does not own is there. Where the ExternalSecret of that name is the CES's own (its controller owner,
 * as a cluster dump holds both), that one is judged, and nothing is added. Costs one pass over `objects`
 * when they hold no CES.
 */
export function clusterExternalSecretObjects(objects: readonly Found[]): GeneratedExternalSecrets {
  let sets: Found[] | undefined;
  for (let i = 0; i < objects.length; i++) {
    if (isClusterExternalSecret(objects[i])) { (sets ??= []).push(objects[i]); }
  }
  if (sets === undefined) { return NOTHING; }
  const namespaces = knownNamespaces(objects);
  const existing = externalSecretsByNamespace(objects);
  const added: Found[] = [];
  const problems: CheckProblem[] = [];
  for (const ces of sets) {
    const spec = ces.manifest.spec;
    // The API server refuses a CES without an externalSecretSpec: there is nothing to generate.
    if (!isPlainObject(spec) || !isPlainObject(spec.externalSecretSpec)) { continue; }
    const name = typeof spec.externalSecretName === 'string' && spec.externalSecretName !== '' ? spec.externalSecretName : ces.name;
    for (const namespace of targetNamespaces(spec, namespaces)) {
      const source = `${ces.source} (its ExternalSecret in namespace ${namespace})`;
      const other = existing.get(namespace)?.get(name);
      if (other !== undefined) {
        if (!isOwnedBy(other, ces)) { problems.push(leftOut(other, source, ces, namespace, name)); }
        continue;
      }
      const found = toFound({ manifest: generated(ces, spec, name, namespace), source }, objects.length + added.length, {});
      added.push(found);
      // A later CES that generates this name here finds it, as ESO would.
      let byName = existing.get(namespace);
      if (byName === undefined) {
        byName = new Map();
        existing.set(namespace, byName);
      }
      byName.set(name, found);
    }
  }
  return { objects: added, problems };
}

/** The ExternalSecret ESO writes for `ces` in `namespace`, as the controller builds it. */
function generated(ces: Found, spec: any, name: string, namespace: string): any {
  const meta = isPlainObject(spec.externalSecretMetadata) ? spec.externalSecretMetadata : {};
  const metadata: Record<string, unknown> = {
    name,
    namespace,
    ownerReferences: [{ apiVersion: ces.manifest.apiVersion, kind: 'ClusterExternalSecret', name: ces.name, controller: true }],
  };
  if (isPlainObject(meta.labels)) { metadata.labels = meta.labels; }
  if (isPlainObject(meta.annotations)) { metadata.annotations = meta.annotations; }
  return { apiVersion: ces.manifest.apiVersion, kind: 'ExternalSecret', metadata, spec: spec.externalSecretSpec };
}

/** The problem of a target namespace where an ExternalSecret of the name, not the CES's, already is. */
function leftOut(other: Found, source: string, ces: Found, namespace: string, name: string): CheckProblem {
  return checkProblem({
    rule: 'duplicate-object',
    namespace,
    sources: [other.source, source],
    key: name,
    message: `${other.source} and ${source} are both ExternalSecret ${name} in namespace ${namespace}: External Secrets Operator does not take over `
      + `an ExternalSecret that ClusterExternalSecret ${ces.name} does not own, and leaves namespace ${namespace} out of it (status.failedNamespaces)`,
    fix: `give one of them another name (spec.externalSecretName on the ClusterExternalSecret), or leave namespace ${namespace} out of the ClusterExternalSecret`,
  });
}

/**
 * Whether `es` is the ExternalSecret `ces` generated: its controller owner reference names the CES, as
 * ESO sets it (mirrors duplicate-object's `isOutputOf` for the Secret of an ExternalSecret).
 */
function isOwnedBy(es: Found, ces: Found): boolean {
  return clusterExternalSecretOwner(es) === ces.name;
}

/**
 * The name of the ClusterExternalSecret that generated `es` (its controller owner), or `undefined` for an
 * ExternalSecret of its own: ESO writes the generated one's spec back from the CES, so its settings are
 * changed there.
 */
export function clusterExternalSecretOwner(es: Found): string | undefined {
  const owners = es.manifest.metadata?.ownerReferences;
  if (!Array.isArray(owners)) { return undefined; }
  const owner = owners.find(o => o?.controller === true && o.kind === 'ClusterExternalSecret'
    && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('external-secrets.io/'));
  return typeof owner?.name === 'string' ? owner.name : undefined;
}

/**
 * The namespaces of the input, by name: the labels of its Namespace object (with the name label the API
 * server sets), or `undefined` for one that only holds objects, whose labels are unknown.
 */
function knownNamespaces(objects: readonly Found[]): Map<string, Record<string, string> | undefined> {
  const namespaces = new Map<string, Record<string, string> | undefined>();
  for (const found of objects) {
    if (found.kind === 'Namespace' && found.group === 'core' && found.name !== '') {
      if (namespaces.get(found.name) !== undefined) { continue; }
      const own = found.manifest.metadata?.labels;
      namespaces.set(found.name, { ...(isPlainObject(own) ? own : {}), [NAME_LABEL]: found.name });
    } else if (found.namespace !== '' && !namespaces.has(found.namespace)) {
      namespaces.set(found.namespace, undefined);
    }
  }
  return namespaces;
}

/** The ExternalSecrets of the input that name a namespace, by namespace and name; the first of a name. */
function externalSecretsByNamespace(objects: readonly Found[]): Map<string, Map<string, Found>> {
  const byNamespace = new Map<string, Map<string, Found>>();
  for (const found of objects) {
    if (!isExternalSecret(found) || found.namespace === '') { continue; }
    let byName = byNamespace.get(found.namespace);
    if (byName === undefined) {
      byName = new Map();
      byNamespace.set(found.namespace, byName);
    }
    if (!byName.has(found.name)) { byName.set(found.name, found); }
  }
  return byNamespace;
}

/**
 * The namespaces the CES targets, by name (as the API server lists namespaces): the names of
 * `spec.namespaces`, and the known namespaces a selector of `spec.namespaceSelectors` or
 * `spec.namespaceSelector` matches, as far as their labels are known.
 */
function targetNamespaces(spec: any, namespaces: ReadonlyMap<string, Record<string, string> | undefined>): string[] {
  const targets = new Set<string>();
  if (Array.isArray(spec.namespaces)) {
    for (const name of spec.namespaces) {
      if (typeof name === 'string' && name !== '') { targets.add(name); }
    }
  }
  const selectors: ParsedSelector[] = [];
  // A null or absent selector selects nothing (metav1.LabelSelectorAsSelector); an empty one, everything.
  if (isPlainObject(spec.namespaceSelector)) { selectors.push(selectorOf(spec.namespaceSelector)); }
  if (Array.isArray(spec.namespaceSelectors)) {
    for (const selector of spec.namespaceSelectors) {
      if (isPlainObject(selector)) { selectors.push(selectorOf(selector)); }
    }
  }
  for (const selector of selectors) {
    const byNameOnly = selector.requirements.every(r => r.key === NAME_LABEL);
    for (const [name, labels] of namespaces) {
      if (labels !== undefined ? selector.matches(labels) : byNameOnly && selector.matches({ [NAME_LABEL]: name })) { targets.add(name); }
    }
  }
  return [...targets].sort(compareNames);
}

/** A LabelSelector as `parseSelector` reads it; one of the wrong shape matches nothing, as ESO cannot list with it. */
function selectorOf(selector: Record<string, any>): ParsedSelector {
  const labels = selector.matchLabels;
  const expressions = selector.matchExpressions;
  const shaped = (labels === undefined || labels === null || isPlainObject(labels))
    && (expressions === undefined || expressions === null
      || (Array.isArray(expressions) && expressions.every(e => isPlainObject(e) && (e.values === undefined || e.values === null || Array.isArray(e.values)))));
  return shaped ? parseSelector(selector) : INVALID;
}

const INVALID: ParsedSelector = Object.freeze({ error: 'not a label selector', requirements: Object.freeze([]), matches: () => false });
