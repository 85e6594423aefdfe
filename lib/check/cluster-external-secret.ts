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
import { shownPath } from '../admission/stored-pod-default';
import { isPlainObject, typeName } from '../json';
import { annotationKeyProblem, compareNames, isDnsLabel, labelKeyProblem, labelValueProblem, quotedName, shownKey, shownName } from '../names';
import { schemaRefusal, Refusal, wrongType } from './eso-schema';
import { clusterExternalSecretDurationProblems, REPEATED_KEY_FIX, repeatedKeyMessage, repeatedSecretKeys, specRefusal, storedExternalSecret, unservedVersion } from './external-secret';
import { Found, isExternalSecret, ns, toFound } from './objects';
import { checkProblem, selectorProblem } from './problem';
import { SHAPE_FIX } from './rules/shape';
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
    // A CES without a spec targets no namespace (the CRD requires none): there is nothing to generate.
    if (spec === undefined || spec === null) { continue; }
    // The API server refuses a CES whose spec is no mapping, or without an externalSecretSpec mapping (the CRD
    // requires it; a null one it drops first): there is nothing to generate.
    if (!isPlainObject(spec) || !isPlainObject(spec.externalSecretSpec)) {
      problems.push(refusedCes(ces, isPlainObject(spec) ? requiredSpec(spec.externalSecretSpec) : wrongType('spec', spec, 'a mapping', 'ClusterExternalSecret')));
      continue;
    }
    const targets = readTargets(ces, spec);
    const unreadable = clusterExternalSecretDurationProblems(subjectOf(ces), ces.source, spec);
    const esSpec = spec.externalSecretSpec;
    const read = storedExternalSecret({ spec }).spec;
    const refusal = unservedVersion(ces.manifest.apiVersion, 'ClusterExternalSecret')
      ?? schemaRefusal(read, 'ClusterExternalSecret.spec', 'spec', 'ClusterExternalSecret', JUDGED_ELSEWHERE)
      ?? metadataRefusal(read.externalSecretMetadata)
      ?? specRefusal(esSpec, read.externalSecretSpec, 'spec.externalSecretSpec', 'ClusterExternalSecret');
    if (refusal !== undefined) { unreadable.unshift(refusedCes(ces, refusal)); }
    for (const repeated of repeatedSecretKeys(read.externalSecretSpec)) {
      unreadable.push(checkProblem({
        rule: 'secret-data', namespace: '', sources: [ces.source], key: `spec.externalSecretSpec.data[${repeated.repeat}].secretKey`,
        message: `${subjectOf(ces)} has ${repeatedKeyMessage('spec.externalSecretSpec', repeated, 'each ExternalSecret of it')}, so it writes none`,
        fix: REPEATED_KEY_FIX,
      }));
    }
    if (targets.problems.length > 0 || unreadable.length > 0) {
      // ESO lists no namespace at all, cannot decode the CES, or the API server refuses it: no ExternalSecret is written.
      for (const problem of targets.problems) { problems.push(problem); }
      for (const problem of unreadable) { problems.push(problem); }
      continue;
    }
    const name = typeof spec.externalSecretName === 'string' && spec.externalSecretName !== '' ? spec.externalSecretName : ces.name;
    for (const namespace of targetNamespaces(targets, namespaces)) {
      const source = `${ces.source}${GENERATED}${namespace})`;
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

/**
 * The fields of a CES's spec judged apart from its CRD's schema walk (`schemaRefusal`): `externalSecretSpec` by
 * `specRefusal`, as an ExternalSecret's spec; the targets by `readTargets`, with their own messages; `refreshTime`
 * by `durationProblem` (refresh-interval). The walk judges the rest: `externalSecretName` (1 to 253 characters, a
 * DNS-1123 subdomain) and `externalSecretMetadata` (maps of strings).
 */
const JUDGED_ELSEWHERE: ReadonlySet<string> = new Set(['externalSecretSpec', 'namespaces', 'namespaceSelector', 'namespaceSelectors', 'refreshTime']);

/**
 * Why the API server refuses each ExternalSecret ESO makes of a CES for the labels and annotations it copies, as they
 * are, from `spec.externalSecretMetadata` (ESO v2.9.0 pkg/controllers/clusterexternalsecret/clusterexternalsecret_controller.go
 * createOrUpdateExternalSecret; the namespace goes to status.failedNamespaces): a label key or value, or an annotation
 * key (in lower case), that ValidateObjectMetaAccessor refuses (k8s.io/apimachinery v0.32.9 pkg/api/validation/objectmeta.go
 * ValidateAnnotations, pkg/apis/meta/v1/validation ValidateLabels), as metadata-value judges an object's own. The
 * first found, labels first; `meta` as stored and valid for the CRD (maps of strings). Names
 * the key, never a value.
 */
function metadataRefusal(meta: unknown): Refusal | undefined {
  if (!isPlainObject(meta)) { return undefined; }
  const refusal = (kind: string, key: string, why: string, fix: string): Refusal => {
    const field = shownPath(['spec', 'externalSecretMetadata', kind, key]);
    return { field, problem: `${field}, which the api server refuses on each ExternalSecret of it (${why})`, fix };
  };
  const labels = isPlainObject(meta.labels) ? meta.labels : {};
  for (const key of Object.keys(labels)) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem !== undefined) {
      return refusal('labels', key, `an invalid label key: ${keyProblem}`, 'rename the label key');
    }
    if (typeof labels[key] === 'string' && labelValueProblem(labels[key]) !== undefined) {
      return refusal('labels', key, `an invalid label value: ${labelValueProblem(labels[key])}`,
        'shorten the value to that rule, or move it to spec.externalSecretMetadata.annotations, whose values are free text');
    }
  }
  const annotations = isPlainObject(meta.annotations) ? meta.annotations : {};
  for (const key of Object.keys(annotations)) {
    const keyProblem = annotationKeyProblem(key);
    if (keyProblem !== undefined) {
      return refusal('annotations', key, `an invalid annotation key, checked in lower case as a label key: ${keyProblem}`, 'rename the annotation key');
    }
  }
  return undefined;
}

/** The shape problem of a CES the API server refuses for `refusal`. */
function refusedCes(ces: Found, refusal: Refusal): CheckProblem {
  return checkProblem({
    rule: 'shape', namespace: '', sources: [ces.source], key: refusal.field,
    message: `${subjectOf(ces)} has ${refusal.problem} and External Secrets Operator writes no ExternalSecret of it`,
    fix: refusal.fix,
  });
}

/**
 * The refusal of `value`, a `spec.externalSecretSpec` that is no mapping: ESO v2.9.0's ClusterExternalSecret CRD
 * declares it an object, and lists it in the spec's `required` (a null one is dropped, so missing, first).
 */
function requiredSpec(value: unknown): Refusal {
  const field = 'spec.externalSecretSpec';
  if (value !== undefined && value !== null) { return wrongType(field, value, 'a mapping', 'ClusterExternalSecret'); }
  return {
    field,
    problem: `${field} that is ${value === null ? 'null (left empty in YAML)' : 'missing'}, where the ClusterExternalSecret CRD requires it (a mapping, the spec of each ExternalSecret), `
      + 'so the api server refuses it',
    fix: `give ${field}, the spec of the ExternalSecret it writes in each namespace`,
  };
}

/** What the source of a generated ExternalSecret adds to its CES's: `<CES source> (its ExternalSecret in namespace NS)`. */
const GENERATED = ' (its ExternalSecret in namespace ';

/**
 * The source of the ClusterExternalSecret that generated the ExternalSecret of `source`, when `source` is
 * one's (`<CES source> (its ExternalSecret in namespace NS)`), for a door that reports an object by where
 * it read it; `undefined` for any other.
 */
export function generatingSource(source: string): string | undefined {
  // Most sources end otherwise: the ending first, as every object's metadata is judged through this.
  if (!source.endsWith(')')) { return undefined; }
  const at = source.lastIndexOf(GENERATED);
  return at > 0 ? source.slice(0, at) : undefined;
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
    key: shownName(name, 'name'),
    message: `${other.source} and ${source} are both ExternalSecret ${shownName(name, 'name')} in namespace ${ns(namespace)}: External Secrets Operator does not take over `
      + `an ExternalSecret that ClusterExternalSecret ${shownName(ces.name, 'name')} does not own, and leaves namespace ${ns(namespace)} out of it (status.failedNamespaces)`,
    fix: `give one of them another name (spec.externalSecretName on the ClusterExternalSecret), or leave namespace ${ns(namespace)} out of the ClusterExternalSecret`,
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

/** A CES as messages name it. */
function subjectOf(ces: Found): string {
  return `clusterexternalsecret ${shownName(ces.name, 'name')} (${ces.source})`;
}

/** How a CES targets namespaces: the names of `spec.namespaces` and its selectors; or why ESO targets none. */
interface Targets {
  readonly names: readonly string[];
  readonly selectors: readonly ParsedSelector[];
  readonly problems: readonly CheckProblem[];
}

/**
 * The targets of `ces`, as GetTargetNamespaces reads them: each name of `spec.namespaces` as a selector on
 * `kubernetes.io/metadata.name`, then `spec.namespaceSelector`, then each of `spec.namespaceSelectors`,
 * each converted by metav1.LabelSelectorAsSelector. One it refuses fails the whole reconcile: the
 * controller (pkg/controllers/clusterexternalsecret/clusterexternalsecret_controller.go, reconcile) sets
 * `status.failedNamespaces` to the namespace `unknown` with that error, and writes no ExternalSecret
 * anywhere, not even in the namespaces the other selectors name. A field of a type the ClusterExternalSecret
 * CRD does not declare (or a name that is no DNS-1123 label, its pattern) is refused by the API server:
 * there is no CES then. Both are problems; so is a null item of `spec.namespaceSelectors`, which the API
 * server keeps and refuses; a null `spec.namespaceSelector` it drops, and is none.
 */
function readTargets(ces: Found, spec: any): Targets {
  const names: string[] = [];
  const selectors: ParsedSelector[] = [];
  const problems: CheckProblem[] = [];
  const subject = subjectOf(ces);
  const refused = (field: string, what: string, rule = 'shape', fix = SHAPE_FIX) => problems.push(checkProblem({
    rule, namespace: '', sources: [ces.source], key: field,
    message: `${subject} has ${field} ${what}, so the api server refuses it and External Secrets Operator writes no ExternalSecret of it`,
    fix,
  }));
  const list = (field: string, value: unknown, item: (value: unknown, field: string) => void) => {
    if (value === undefined || value === null) { return; }
    if (!Array.isArray(value)) {
      refused(`spec.${field}`, `that is ${typeName(value)}, where the ClusterExternalSecret CRD declares a list`);
      return;
    }
    value.forEach((v, i) => item(v, `spec.${field}[${i}]`));
  };
  list('namespaces', spec.namespaces, (name, field) => {
    // The CRD's pattern; the name is not quoted, as it may be anything pasted there.
    if (typeof name !== 'string' || !isDnsLabel(name)) {
      if (typeof name === 'string') {
        refused(field, 'that is not a namespace name (a DNS-1123 label: lower-case letters, digits and "-", at most 63 characters, the CRD\'s pattern)',
          'selector', 'give the name of a namespace');
      } else {
        refused(field, `that is ${typeName(name)}, where the ClusterExternalSecret CRD declares a namespace name`);
      }
    } else {
      names.push(name);
    }
  });
  const selector = (value: unknown, field: string, item = false) => {
    // A null field is dropped by the API server (apiextensions-apiserver PruneNonNullableNullsWithoutDefaults);
    // a null list item is kept, and refused: the CRD declares each item of spec.namespaceSelectors a
    // non-nullable object (ESO v2.9.0 config/crds/bases/external-secrets.io_clusterexternalsecrets.yaml).
    if (value === undefined || (value === null && !item)) { return; }
    // Its shape first: a value of another type makes the API server refuse the CES, whatever nulls it drops.
    const shape = selectorShapeProblem(value);
    if (shape !== undefined) {
      refused(field, `${shape}, where the ClusterExternalSecret CRD declares a label selector`);
      return;
    }
    const nullLabel = nullLabelOf(value);
    if (nullLabel !== undefined) {
      // The API server drops a null map value, or a null matchLabels (PruneNonNullableNullsWithoutDefaults), and stores
      // the selector without it: it is valid, and selects more namespaces than meant. Reported, and not judged further.
      const what = nullLabel === null ? `${field}.matchLabels null (left empty in YAML)` : `${field}.matchLabels ${quotedName(nullLabel, 'key')} null (a value left empty in YAML)`;
      problems.push(checkProblem({
        rule: 'shape', namespace: '', sources: [ces.source], key: `${field}.matchLabels`,
        message: `${subject} has ${what}, which the api server drops as it stores `
          + `the ClusterExternalSecret, so the selector lacks ${nullLabel === null ? 'its labels' : 'the key'} and External Secrets Operator writes its ExternalSecret in more namespaces than meant `
          + '(every namespace, when no other requirement is left)',
        fix: nullLabel === null ? 'give matchLabels its labels, or remove it' : 'give the label a value, or remove the key',
      }));
      return;
    }
    const parsed = parseSelector(value);
    if (parsed.error !== undefined) {
      problems.push(selectorProblem({ namespace: '', source: ces.source, subject, field, selector: parsed, consequence: INVALID_CONSEQUENCE }));
    } else {
      selectors.push(parsed);
    }
  };
  selector(spec.namespaceSelector, 'spec.namespaceSelector');
  list('namespaceSelectors', spec.namespaceSelectors, (value, field) => selector(value, field, true));
  return { names, selectors, problems };
}

const INVALID_CONSEQUENCE = 'which External Secrets Operator cannot convert (metav1.LabelSelectorAsSelector): it then writes its ExternalSecret '
  + 'in no namespace, not even those its other selectors or spec.namespaces name (status.failedNamespaces: unknown)';

/**
 * The first key of `value.matchLabels` whose value is null, `null` when matchLabels itself is null, else undefined.
 * Called once the selector's shape passed: every other value is a string.
 */
function nullLabelOf(value: unknown): string | null | undefined {
  if (!isPlainObject(value)) { return undefined; }
  const labels = value.matchLabels;
  if (labels === null) { return null; }
  if (!isPlainObject(labels)) { return undefined; }
  return Object.keys(labels).find(k => labels[k] === null);
}

/**
 * Why `value` is not a LabelSelector of the CRD's types (matchLabels a map of strings, matchExpressions a
 * list of {key, operator: strings, values: list of strings}, key and operator required), naming the field
 * and the type, never a value; `undefined` when it is one.
 */
function selectorShapeProblem(value: unknown): string | undefined {
  if (!isPlainObject(value)) { return `that is ${typeName(value)}`; }
  const labels = value.matchLabels;
  if (labels !== undefined && labels !== null) {
    if (!isPlainObject(labels)) { return `whose matchLabels is ${typeName(labels)}`; }
    // A null value is dropped before the schema is validated (PruneNonNullableNullsWithoutDefaults).
    const key = Object.keys(labels).find(k => labels[k] !== null && typeof labels[k] !== 'string');
    if (key !== undefined) { return `whose matchLabels ${shownKey(key)} is ${typeName(labels[key])}, not a string`; }
  }
  const expressions = value.matchExpressions;
  if (expressions === undefined || expressions === null) { return undefined; }
  if (!Array.isArray(expressions)) { return `whose matchExpressions is ${typeName(expressions)}`; }
  for (let i = 0; i < expressions.length; i++) {
    const e = expressions[i];
    const at = `matchExpressions[${i}]`;
    if (!isPlainObject(e)) { return `whose ${at} is ${typeName(e)}`; }
    for (const field of ['key', 'operator']) {
      if (typeof e[field] !== 'string') { return `whose ${at}.${field} is ${typeName(e[field])}, not a string`; }
    }
    const values = e.values;
    if (values === undefined || values === null) { continue; }
    if (!Array.isArray(values)) { return `whose ${at}.values is ${typeName(values)}`; }
    const j = values.findIndex(v => typeof v !== 'string');
    if (j >= 0) { return `whose ${at}.values[${j}] is ${typeName(values[j])}, not a string`; }
  }
  return undefined;
}

/**
 * The namespaces the CES targets, by name (as the API server lists namespaces): the names of
 * `spec.namespaces`, and the known namespaces a selector matches, as far as their labels are known.
 */
function targetNamespaces(targets: Targets, namespaces: ReadonlyMap<string, Record<string, string> | undefined>): string[] {
  const found = new Set<string>(targets.names);
  for (const selector of targets.selectors) {
    const byNameOnly = selector.requirements.every(r => r.key === NAME_LABEL);
    for (const [name, labels] of namespaces) {
      if (labels !== undefined ? selector.matches(labels) : byNameOnly && selector.matches({ [NAME_LABEL]: name })) { found.add(name); }
    }
  }
  return [...found].sort(compareNames);
}
