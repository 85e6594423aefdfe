// Names (and one value) a built-in kind's own validation refuses though its name rule takes them, for field-type
// (metadata-value.ts calls it once an object's name is judged): a CustomResourceDefinition's and an APIService's name
// tied to their spec, a Job's name tied to its pods' hostnames and labels, a PriorityClass's reserved prefix and values.
// Each function cites its validator; builtin-kinds.ts ties them to kubernetes release-1.32. kubectl's client runs none of
// them: `kubectl create --dry-run=client` of kubectl 1.32 passes each such object (test/check/objects-rules.test.ts).
import { isInt32 } from '../../admission/stored-pod-default';
import { isPlainObject } from '../../json';
import { dnsLabelRule, isDnsLabel, refusal } from '../../names';
import { Found } from '../objects';

/** A problem at the path `parts` of an object: what it has there, why the API server refuses it, and the fix. */
export type Refuse = (parts: readonly (string | number)[], what: string, why: string, fix: string) => void;

/**
 * The problems of `found`'s name beyond its kind's name rule; `name` is a non-empty string its rule takes (a name it
 * refuses is reported once, by that rule).
 */
export function kindNameRules(found: Found, name: string, refuse: Refuse): void {
  customResourceDefinitionName(found, name, refuse);
  apiServiceName(found, name, refuse);
  if (!indexedJobName(found, name, refuse)) { jobNameLabels(found, name, refuse); }
  priorityClass(found, name, refuse);
}

/** `value` as Go decodes an optional string into a string: an absent or null one is empty; `undefined` for another type. */
function optionalString(value: unknown): string | undefined {
  if (value === undefined || value === null) { return ''; }
  return typeof value === 'string' ? value : undefined;
}

/**
 * A CustomResourceDefinition whose name is not `<spec.names.plural>.<spec.group>`: apiextensions-apiserver v0.32.9
 * pkg/apis/apiextensions/validation/validation.go ValidateCustomResourceDefinition's name function refuses it ("must be
 * spec.names.plural+"."+spec.group"). Judged when both are strings; a missing one is the CRD's own problem.
 */
function customResourceDefinitionName(found: Found, name: string, refuse: Refuse): void {
  if (found.group !== 'apiextensions.k8s.io' || found.kind !== 'CustomResourceDefinition') { return; }
  const spec = found.manifest.spec;
  const plural = isPlainObject(spec) && isPlainObject(spec.names) ? spec.names.plural : undefined;
  const group = isPlainObject(spec) ? spec.group : undefined;
  if (typeof plural !== 'string' || typeof group !== 'string' || name === `${plural}.${group}`) { return; }
  refuse(['metadata', 'name'], 'a name other than spec.names.plural, ".", then spec.group',
    'as a CustomResourceDefinition\'s name must be its plural and its group, joined by "."', 'rename the CustomResourceDefinition to <spec.names.plural>.<spec.group>, or correct those fields');
}

/**
 * An APIService whose name is not `<spec.version>.<spec.group>`: k8s.io/kube-aggregator v0.32.9
 * pkg/apis/apiregistration/validation/validation.go ValidateAPIService's name function refuses it ("must be
 * `spec.version+"."+spec.group`"), an absent field an empty one to Go, so the core group's is `v1.`. Judged when
 * each is a string or absent; the spec's own rules (a version that is a DNS-1035 label, ...) are not judged here.
 */
function apiServiceName(found: Found, name: string, refuse: Refuse): void {
  if (found.group !== 'apiregistration.k8s.io' || found.kind !== 'APIService' || !isPlainObject(found.manifest.spec)) { return; }
  const version = optionalString(found.manifest.spec.version);
  const group = optionalString(found.manifest.spec.group);
  if (version === undefined || group === undefined || name === `${version}.${group}`) { return; }
  refuse(['metadata', 'name'], 'a name other than spec.version, ".", then spec.group',
    'as an APIService\'s name must be its version and its group, joined by "."',
    'rename the APIService to <spec.version>.<spec.group> (v1beta1.metrics.k8s.io for version v1beta1 of metrics.k8s.io), or correct those fields');
}

/**
 * An Indexed Job whose last pod's hostname, the Job's name, "-" and `spec.completions - 1`, is no DNS-1123 label:
 * kubernetes release-1.32 pkg/apis/batch/validation/validation.go ValidateJob refuses its name ("will not able to create
 * pod with invalid DNS label"), when spec.completionMode is Indexed and spec.completions is above 0. A name with "."
 * passes a Job's own rule (a DNS subdomain) and fails this one.
 */
function indexedJobName(found: Found, name: string, refuse: Refuse): boolean {
  if (found.group !== 'batch' || found.kind !== 'Job' || !isPlainObject(found.manifest.spec)) { return false; }
  const { completionMode, completions } = found.manifest.spec;
  if (completionMode !== 'Indexed' || !isInt32(completions) || completions <= 0) { return false; }
  const last = completions - 1;
  const hostname = `${name}-${last}`;
  if (isDnsLabel(hostname)) { return false; }
  refuse(['metadata', 'name'], 'a name its Indexed pods\' hostnames cannot hold',
    `as the hostname of its last pod, the name, "-" and ${last} (spec.completions - 1), ${refusal(hostname, dnsLabelRule(), 'a pod\'s hostname')}`,
    `rename the Job to at most ${63 - 1 - String(last).length} characters without ".", or lower spec.completions`);
  return true;
}

/** The longest label value: k8s.io/apimachinery v0.32 pkg/util/validation/validation.go LabelValueMaxLength. */
const LABEL_VALUE_MAX = 63;

/**
 * A Job whose name is longer than a label value may be, with a generated selector (spec.manualSelector not true; the
 * API server defaults it to false: kubernetes release-1.32 pkg/apis/batch/v1/defaults.go SetDefaults_Job). On create,
 * pkg/registry/batch/job/strategy.go PrepareForCreate (generateSelectorIfNeeded, generateSelector) sets the pod
 * template's labels job-name and batch.kubernetes.io/job-name to the name, unless given; then
 * pkg/apis/batch/validation/validation.go ValidateJob requires both to be the name (validateGeneratedSelector,
 * ValidateHasLabel; the prefixed one on create, RequirePrefixedLabels) and validates the template's labels
 * (ValidateJobSpec, core ValidatePodTemplateSpec, ValidateLabels: "must be no more than 63 characters" at
 * spec.template.labels), so a name of more than 63 characters is refused either way. A name that passes a Job's rule (a
 * DNS subdomain) of at most 63 characters is a label value. With spec.manualSelector true no label is set: not judged.
 * An Indexed Job whose hostnames the name breaks is reported by indexedJobName instead, whose limit is lower.
 */
function jobNameLabels(found: Found, name: string, refuse: Refuse): void {
  if (found.group !== 'batch' || found.kind !== 'Job' || name.length <= LABEL_VALUE_MAX) { return; }
  const spec = found.manifest.spec;
  // A spec of another type is the decoder's to refuse.
  if (spec !== undefined && spec !== null && (!isPlainObject(spec) || spec.manualSelector === true)) { return; }
  refuse(['metadata', 'name'], `a name of more than ${LABEL_VALUE_MAX} characters`,
    `as it sets the labels job-name and batch.kubernetes.io/job-name of the Job's pod template to its name (spec.manualSelector is not true), `
      + `and a label value is at most ${LABEL_VALUE_MAX} characters (this name is ${name.length})`,
    `rename the Job to at most ${LABEL_VALUE_MAX} characters`);
}

/**
 * kubernetes release-1.32 pkg/apis/scheduling/types.go: SystemPriorityClassPrefix and HighestUserDefinablePriority;
 * pkg/apis/scheduling/v1/helpers.go systemPriorityClasses, the classes the API server creates (SystemCriticalPriority
 * = 2 * HighestUserDefinablePriority, node-critical 1000 above it; globalDefault false).
 */
const SYSTEM_PREFIX = 'system-';
const HIGHEST_USER_PRIORITY = 1000000000;
const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2 * HIGHEST_USER_PRIORITY + 1000,
  'system-cluster-critical': 2 * HIGHEST_USER_PRIORITY,
};

/**
 * A PriorityClass that kubernetes release-1.32 refuses. A name starting with "system-" other than the system classes:
 * pkg/apis/scheduling/validation/validation.go ValidatePriorityClass (the create kubectl apply makes of a new name) refuses
 * it at metadata.name ("priority class names with 'system-' prefix are reserved for system use only"). A system class
 * always exists (the API server's scheduling/bootstrap-system-priority-classes hook creates it, and
 * pkg/registry/scheduling/priorityclass/storage/storage.go Delete refuses to delete it), so kubectl apply updates it, and
 * ValidatePriorityClassUpdate refuses a value other than the one it was created with ("may not be changed in an update");
 * it checks no globalDefault, and plugin/pkg/admission/priority/admission.go validatePriorityClass (the same in the
 * stored versions from 1.14 to after 1.32) refuses a globalDefault only when another class is the default already, which
 * only the cluster knows: globalDefault is not judged. Any other name: ValidatePriorityClass refuses a value above
 * HighestUserDefinablePriority ("maximum allowed value of a user defined priority is 1000000000"). An absent value is 0,
 * as Go decodes it on create; another type is not judged. A system class without a value is not judged: kubectl apply
 * patches the existing class with the fields the file sets (client-side, a strategic merge patch, which deletes only
 * fields of its last-applied annotation; server-side, the fields the file owns), so the value stays the api server's.
 */
function priorityClass(found: Found, name: string, refuse: Refuse): void {
  if (found.group !== 'scheduling.k8s.io' || found.kind !== 'PriorityClass') { return; }
  const system = Object.prototype.hasOwnProperty.call(SYSTEM_PRIORITY_CLASSES, name);
  if (system && found.manifest.value === undefined) { return; }
  const value = found.manifest.value ?? 0;
  if (!isInt32(value)) { return; }
  if (!name.startsWith(SYSTEM_PREFIX)) {
    if (value > HIGHEST_USER_PRIORITY) {
      refuse(['value'], `a value above ${HIGHEST_USER_PRIORITY}`, 'as higher values are reserved for kubernetes\' system priority classes',
        `lower value to at most ${HIGHEST_USER_PRIORITY}`);
    }
    return;
  }
  const systemValue = SYSTEM_PRIORITY_CLASSES[name];
  if (!system) {
    refuse(['metadata', 'name'], 'a name starting with "system-"',
      'as that prefix is reserved for kubernetes\' own priority classes, system-node-critical and system-cluster-critical',
      'rename the PriorityClass without the "system-" prefix');
  } else if (value !== systemValue) {
    refuse(['value'], `a value other than ${systemValue}`,
      `as the api server creates ${name} itself, with value ${systemValue}, and keeps it (a system priority class may not be deleted), so kubectl `
        + 'apply updates it, and an update may not change a PriorityClass\'s value',
      `give it value ${systemValue}, or rename the PriorityClass without the "system-" prefix`);
  }
}
