// Values of an object's metadata that the API server refuses, not for their types (metadata-type.ts judges those, and a
// value of another type is left to it here): the name and generateName, the namespace, label keys and values, annotation
// keys, a negative generation, owner references and finalizers. Every create and update runs k8s.io/apimachinery v0.32.9
// pkg/api/validation/objectmeta.go ValidateObjectMetaAccessor on any kind (k8s.io/apiserver v0.32.9
// pkg/registry/rest/create.go BeforeCreate and update.go, with path.ValidatePathSegmentName for the name; the kind's own
// Validate first, with its name validator: builtin-kinds.ts for Kubernetes' own kinds, kubernetes release-1.32, a custom
// resource's apiextensions-apiserver v0.32.9 pkg/registry/customresource/validator.go). kubectl's client runs none of it:
// `kubectl create --dry-run=client` decodes such a file and stops only where it needs a server
// (test/check/objects-rules.test.ts), so only the API server refuses it, whatever kubectl's --validate. Annotation sizes
// are annotation-size's, a PodDefault's name name-format's and name-length's; what a kind's own validator ties its name
// to beyond its rule (a CRD's or an APIService's spec, a Job's hostnames and labels, a PriorityClass's prefix) kind-name.ts's.
import { isInteger, shownPath } from '../../admission/stored-pod-default';
import { isPlainObject, withArticle } from '../../json';
import { annotationKeyProblem, dns1035LabelRule, dnsLabelRule, dnsSubdomainRule, isDns1035Label, isDnsLabel, isDnsSubdomain, labelKeyProblem, labelValueProblem, NameRule, refusal, spelledAlike } from '../../names';
import { BuiltinKind, builtinKind, NameValidator } from '../builtin-kinds';
import { generatingSource } from '../cluster-external-secret';
import { goCanonicalAddr } from '../go-netip';
import { isNamespaced } from '../input-model';
import { judgedMetadata, OBJECT_META } from '../object-meta';
import { Found, isPodDefault, kindWord, objectSubject } from '../objects';
import { checkProblem } from '../problem';
import { CheckProblem } from '../types';
import { kindNameRules, Refuse } from './kind-name';

/** The label keys, label values and annotation keys one call found valid. */
interface Valid {
  readonly labelKeys: Set<string>;
  readonly labelValues: Set<string>;
  readonly annotationKeys: Set<string>;
}

const REQUIRED = ['apiVersion', 'kind', 'name', 'uid'] as const;
const OWNER_FIELDS = Object.keys((OBJECT_META.ownerReferences as { objects: Record<string, unknown> }).objects);

const REQUIRED_FIX: Readonly<Record<typeof REQUIRED[number], string>> = {
  apiVersion: 'give the owner\'s apiVersion (v1, or its group and version: apps/v1)',
  kind: 'give the owner\'s kind',
  name: 'give the owner\'s name',
  uid: 'give the owner\'s uid, as kubectl get shows it in the owner\'s metadata.uid once the owner exists, or remove the owner reference',
};

/**
 * Kubernetes' own finalizers, the only names without a `/` that the API server takes on a kind whose validation calls
 * the core group's ValidateObjectMeta (`kubeFinalizers`): kubernetes v1.32 pkg/apis/core/helper/helpers.go
 * IsStandardFinalizerName (core.FinalizerKubernetes, metav1.FinalizerOrphanDependents,
 * metav1.FinalizerDeleteDependents; apiextensions-apiserver v0.32.9 pkg/registry/customresource/validator.go lists the
 * same three).
 */
const STANDARD_FINALIZERS: ReadonlySet<string> = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/**
 * Each value of an object's metadata that the API server's ObjectMeta validation refuses, by its path, never a label or
 * annotation value or a finalizer; every object but a list (kubectl sends its items) and an ExternalSecret the check
 * models a ClusterExternalSecret writing (ESO names it, and gives its owner reference the CES's uid). In the order
 * ValidateObjectMetaAccessor judges them.
 */
export function metadataValues(objects: readonly Found[]): CheckProblem[] {
  const problems: CheckProblem[] = [];
  // The keys and label values found valid, for this call: an app's objects share most of theirs (app.kubernetes.io/name).
  const valid: Valid = { labelKeys: new Set(), labelValues: new Set(), annotationKeys: new Set() };
  for (let i = 0; i < objects.length; i++) {
    const found = objects[i];
    const metadata = judgedMetadata(found);
    if (metadata === undefined || generatingSource(found.source) !== undefined) { continue; }
    const kind = kindWord(found);
    const refuse: Refuse = (parts, what, why, fix) => {
      const path = shownPath(parts);
      problems.push(checkProblem({
        rule: 'field-type',
        namespace: found.namespace,
        sources: [found.source],
        key: path,
        message: `${objectSubject(found)} has ${what} at ${path}: the api server refuses the ${kind}, ${why}`,
        fix,
      }));
    };
    const builtin = builtinKind(found.group, found.kind);
    names(found, builtin, metadata, kind, refuse);
    nameLength(builtin, metadata.name, kind, refuse);
    if (typeof metadata.name === 'string' && metadata.name !== '' && kindNames(found, builtin).passes(metadata.name, false)) {
      kindNameRules(found, metadata.name, refuse);
    }
    namespace(found, metadata.namespace, refuse);
    generation(builtin, metadata.generation, refuse);
    labels(metadata.labels, kind, valid, refuse);
    annotationKeys(metadata.annotations, valid, refuse);
    ownerReferences(metadata.ownerReferences, refuse);
    finalizers(metadata.finalizers, kubeFinalizers(found, builtin), refuse);
  }
  return problems;
}

/**
 * API groups served only by CustomResourceDefinitions (Kubeflow's, External Secrets Operator's): the API server
 * validates such a resource's name as a DNS-1123 subdomain (apiextensions-apiserver v0.32.9
 * pkg/registry/customresource/validator.go Validate, NameIsDNSSubdomain).
 */
const CUSTOM_GROUPS: ReadonlySet<string> = new Set(['kubeflow.org', 'external-secrets.io', 'generators.external-secrets.io']);

/**
 * The name every kind takes: k8s.io/apiserver v0.32.9 pkg/registry/rest/create.go BeforeCreate validates it with
 * k8s.io/apimachinery v0.32.9 pkg/api/validation/path/name.go ValidatePathSegmentName, whatever the kind ("." and ".."
 * alone, "/" and "%" anywhere are refused; a generateName only the latter, IsValidPathSegmentPrefix). A kind neither
 * builtin-kinds.ts nor CUSTOM_GROUPS lists is judged by it alone: its own validator is unknown here, and a stricter rule
 * would refuse names that kind takes.
 */
const PATH_SEGMENT_RULE: NameRule = {
  text: 'a segment of a url path: neither "." nor "..", and without "/" or "%"',
  character: /^[^/%]$/u,
  other: name => (name === '.' || name === '..' ? `is ${JSON.stringify(name)}` : undefined),
};
const PATH_SEGMENT_PREFIX_RULE: NameRule = { text: 'the start of a segment of a url path, without "/" or "%"', character: /^[^/%]$/u };

/** How the API server validates the names of a kind. */
interface KindNames {
  /** The rule of a name, and of a generateName (`prefix`). */
  readonly rule: (prefix: boolean) => NameRule;
  /** Whether a name passes, as the kind's ValidateNameFunc with `prefix`. */
  readonly passes: (name: string, prefix: boolean) => boolean;
  /** Whether a generateName is judged with its last "-" masked (maskTrailingDash). */
  readonly masks: boolean;
}

const PATH_SEGMENT_NAMES: KindNames = {
  rule: prefix => (prefix ? PATH_SEGMENT_PREFIX_RULE : PATH_SEGMENT_RULE),
  passes: (name, prefix) => !/[/%]/.test(name) && (prefix || (name !== '.' && name !== '..')),
  masks: false,
};
/** A DNS rule's names: NameIsDNSSubdomain, NameIsDNSLabel and NameIsDNS1035Label judge a generateName with its last "-" masked (maskTrailingDash). */
function dnsNames(rule: () => NameRule, passes: (name: string) => boolean): KindNames {
  // `rule()` called bare: the rules take optional arguments of their own (a length), which `prefix` must not fill.
  return { rule: () => rule(), passes: (name, prefix) => passes(prefix ? maskTrailingDash(name) : name), masks: true };
}
const SUBDOMAIN_NAMES = dnsNames(dnsSubdomainRule, isDnsSubdomain);
const LABEL_NAMES = dnsNames(dnsLabelRule, isDnsLabel);
const DNS_1035_NAMES = dnsNames(dns1035LabelRule, isDns1035Label);

/**
 * An IPAddress's name (builtin-kinds.ts): kubernetes' ValidateIPAddressName wants the address as Go's netip writes it
 * back, and BeforeCreate's ValidatePathSegmentName refuses "/" and "%" (so a zone). It ignores `prefix` ("IPAddress does
 * not support generating names"), so a generateName is judged as a name.
 */
const IP_ADDRESS_RULE: NameRule = {
  text: 'an IP address in canonical form (IPv4 as four decimal numbers without leading zeros, 192.168.1.5; IPv6 as RFC 5952 '
    + 'writes it, in lower case without leading zeros and the longest run of zero groups as "::", 2001:db8::1), without "/" or "%"',
  character: /^[^/%]$/u,
  other: name => (goCanonicalAddr(name) === undefined ? 'is no IP address' : 'is an IP address, but not in canonical form'),
};
const IP_ADDRESS_NAMES: KindNames = {
  rule: () => IP_ADDRESS_RULE,
  passes: name => !/[/%]/.test(name) && goCanonicalAddr(name) === name,
  masks: false,
};

const VALIDATOR_NAMES: Readonly<Record<NameValidator, KindNames>> = {
  'dns-subdomain': SUBDOMAIN_NAMES, 'dns-label': LABEL_NAMES, 'dns-1035-label': DNS_1035_NAMES, 'path-segment': PATH_SEGMENT_NAMES,
  'ip-address': IP_ADDRESS_NAMES,
};

/** The name rules of `found`'s kind: its row of builtin-kinds.ts (`builtin`), a custom resource's, or the path segment rule. */
function kindNames(found: Found, builtin: BuiltinKind | undefined): KindNames {
  if (builtin !== undefined) { return VALIDATOR_NAMES[builtin.names]; }
  return CUSTOM_GROUPS.has(found.group) ? SUBDOMAIN_NAMES : PATH_SEGMENT_NAMES;
}

/** The name of `found`'s kind, in the words of `refusal`: `a Secret name`. */
function nameWords(found: Found, builtin: BuiltinKind | undefined): string {
  if (builtin !== undefined) { return `${withArticle(found.kind)} name`; }
  return CUSTOM_GROUPS.has(found.group) ? 'a custom resource\'s name' : 'the name of any kind';
}

/**
 * k8s.io/apimachinery v0.32.9 pkg/api/validation/generic.go maskTrailingDash, as written: a name of more than one
 * character that ends with "-" loses its last two characters and gains "a" (`ab-` is judged as `aa`).
 */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/**
 * The name and generateName ValidateObjectMetaAccessor refuses: a generateName by the kind's rule with prefix (a last
 * "-" allowed), a name by the kind's rule, and no name at all unless there is a generateName ("name or generateName is
 * required"; kubectl create takes one, kubectl apply does not). A PodDefault's name is name-format's (an empty one too).
 * Another type than a string is metadata-type's.
 */
function names(found: Found, builtin: BuiltinKind | undefined, metadata: Record<string, any>, kind: string, refuse: Refuse): void {
  const rules = kindNames(found, builtin);
  const { name, generateName } = metadata;
  if (typeof generateName === 'string' && generateName !== '') {
    if (!rules.passes(generateName, true)) {
      // The refusal of what Go judged: a DNS rule's prefix with its last "-" masked.
      const judged = rules.masks ? maskTrailingDash(generateName) : generateName;
      refuse(['metadata', 'generateName'], 'an invalid generateName',
        `as the generateName${rules.masks ? ' (a last "-" aside)' : ''} ${refusal(judged, rules.rule(true), nameWords(found, builtin))}`,
        `change the generateName by that rule${rules.masks ? ' (it may end with "-")' : ''}`);
    }
  }
  if (isPodDefault(found)) { return; }
  if (name === undefined || name === null || name === '') {
    if (typeof generateName !== 'string' || generateName === '') {
      refuse(['metadata', 'name'], 'no name', 'as every object needs one (or a generateName, which kubectl create takes and kubectl apply does not)',
        `give the ${kind} a metadata.name`);
    }
  } else if (typeof name === 'string' && !rules.passes(name, false)) {
    refuse(['metadata', 'name'], 'an invalid name', `as the name ${refusal(name, rules.rule(false), nameWords(found, builtin))}`, `rename the ${kind} by that rule`);
  }
}

/**
 * A namespace ValidateObjectMetaAccessor refuses, of a namespaced kind: ValidateNamespaceName, a DNS-1123 label. A
 * cluster-scoped kind's namespace is cleared before it (k8s.io/apiserver v0.32.9 pkg/registry/rest/meta.go
 * EnsureObjectNamespaceMatchesRequestNamespace, from BeforeCreate), and kubectl apply ignores it.
 */
function namespace(found: Found, value: unknown, refuse: Refuse): void {
  if (typeof value !== 'string' || value === '' || isDnsLabel(value) || !isNamespaced(found.group, found.kind)) { return; }
  refuse(['metadata', 'namespace'], 'an invalid namespace', `as the namespace ${refusal(value, dnsLabelRule(), 'a namespace name')}`,
    'give the name of the namespace, as kubectl get namespaces shows it');
}

/**
 * A name longer than the kind's validation takes on create, though its rule takes it: a CronJob's (builtin-kinds.ts).
 */
function nameLength(builtin: BuiltinKind | undefined, name: unknown, kind: string, refuse: Refuse): void {
  const max = builtin?.maxName;
  if (max === undefined || typeof name !== 'string' || name.length <= max.length) { return; }
  refuse(['metadata', 'name'], 'a name too long', `as a ${kind} name is at most ${max.length} characters (this one is ${name.length}): ${max.why}`,
    `rename the ${kind} to at most ${max.length} characters`);
}

/**
 * A negative generation, which ValidateObjectMetaAccessor refuses (ValidateNonnegativeField, "must be greater than or
 * equal to 0"), of the kinds whose strategies keep the generation sent (builtin-kinds.ts `keepsGeneration`). A custom
 * resource's is set to 1 before (apiextensions-apiserver v0.32.9 pkg/registry/customresource/strategy.go
 * PrepareForCreate), as many built-in kinds' is: a kind not confirmed is not judged.
 */
function generation(builtin: BuiltinKind | undefined, value: unknown, refuse: Refuse): void {
  if (!isInteger(value) || (value as number) >= 0 || builtin?.keepsGeneration !== true) { return; }
  refuse(['metadata', 'generation'], 'a negative generation', 'as a generation must be greater than or equal to 0',
    'remove metadata.generation (the api server keeps it), or write 0 or more');
}

/**
 * Labels k8s.io/apimachinery v0.32.9 pkg/apis/meta/v1/validation/validation.go ValidateLabels refuses: a key that is
 * no qualified name (ValidateLabelName, IsQualifiedName), a value that is no label value (IsValidLabelValue); a null
 * value is an empty one, which passes, and a value of another type is metadata-type's. The key is named (the path
 * holds it), the value never.
 */
function labels(value: unknown, kind: string, valid: Valid, refuse: Refuse): void {
  if (!isPlainObject(value)) { return; }
  for (const key of Object.keys(value)) {
    const keyProblem = valid.labelKeys.has(key) ? undefined : labelKeyProblem(key);
    if (keyProblem === undefined) {
      valid.labelKeys.add(key);
    } else {
      refuse(['metadata', 'labels', key], 'an invalid label key', `as a label key is an optional DNS subdomain and /, then a name: ${keyProblem}`,
        'rename the label key');
    }
    const label = value[key];
    // Another type than a string is metadata-type's.
    if (typeof label !== 'string' || valid.labelValues.has(label)) { continue; }
    const valueProblem = labelValueProblem(label);
    if (valueProblem === undefined) {
      valid.labelValues.add(label);
    } else {
      refuse(['metadata', 'labels', key], 'an invalid label value', `as ${valueProblem}`,
        `shorten the value to that rule, or move it to an annotation of the ${kind}, whose values are free text`);
    }
  }
}

/**
 * Annotation keys ValidateAnnotations (k8s.io/apimachinery v0.32.9 pkg/api/validation/objectmeta.go) refuses: it checks
 * each key in lower case as a qualified name (a label key's rule). Their size is annotation-size's.
 */
function annotationKeys(value: unknown, valid: Valid, refuse: Refuse): void {
  if (!isPlainObject(value)) { return; }
  for (const key of Object.keys(value)) {
    if (valid.annotationKeys.has(key)) { continue; }
    const keyProblem = annotationKeyProblem(key);
    if (keyProblem === undefined) {
      valid.annotationKeys.add(key);
      continue;
    }
    refuse(['metadata', 'annotations', key], 'an invalid annotation key', `as it checks the key in lower case as a label key, an optional DNS subdomain and /, then a name: ${keyProblem}`,
      'rename the annotation key');
  }
}

/**
 * Owner references ValidateOwnerReferences refuses (k8s.io/apimachinery v0.32.9 pkg/api/validation/objectmeta.go):
 * validateOwnerReference wants an apiVersion whose version is not empty (schema.FromAPIVersionAndKind), a kind,
 * a name and a uid, and bans an Event (v1) as owner; more than one reference with `controller: true` is refused
 * once for each after the first. A null field is an empty one (Go's decoder leaves it so), and a null reference
 * one with every field empty: a custom resource's metadata is decoded into ObjectMeta and written back
 * (apiextensions-apiserver v0.32.9 customresource_handler.go, SetObjectMeta). blockOwnerDeletion is judged only
 * by the OwnerReferencesPermissionEnforcement admission plugin, which is off by default, against RBAC.
 */
function ownerReferences(references: unknown, refuse: Refuse): void {
  if (!Array.isArray(references)) { return; }
  let controllers = 0;
  references.forEach((reference, j) => {
    if (reference !== null && !isPlainObject(reference)) { return; }
    const item: Record<string, unknown> = reference ?? {};
    for (const field of REQUIRED) {
      const value = item[field];
      // Another type is metadata-type's; a misspelt field (`UID`) is unknown-field's, whose fix renames it.
      if (value !== undefined && value !== null && typeof value !== 'string') { continue; }
      if (value === undefined && Object.keys(item).some(k => !OWNER_FIELDS.includes(k) && spelledAlike(k, field))) { continue; }
      if (value === undefined || value === null || value === '') {
        refuse(['metadata', 'ownerReferences', j, field], `an owner reference without ${field}`, `as every owner reference needs its apiVersion, kind, name and uid`,
          REQUIRED_FIX[field]);
      } else if (field === 'apiVersion' && !hasVersion(value)) {
        refuse(['metadata', 'ownerReferences', j, field], 'an owner reference\'s apiVersion without a version', 'as an owner reference needs the owner\'s version',
          'write the owner\'s apiVersion as kubectl get shows it: v1, or its group and version (apps/v1)');
      }
    }
    if (typeof item.apiVersion === 'string' && isCoreV1(item.apiVersion) && item.kind === 'Event') {
      refuse(['metadata', 'ownerReferences', j], 'an Event as owner', 'as no Event may own an object', 'remove the owner reference');
    }
    if (item.controller === true && ++controllers > 1) {
      refuse(['metadata', 'ownerReferences', j, 'controller'], 'a second owner reference with controller: true', 'as only one owner may be an object\'s controller',
        'set controller: true on one owner reference only');
    }
  });
}

/** Whether schema.ParseGroupVersion reads a version in `apiVersion`: `v1` or `group/version`, not `group/`, `/` or two slashes. */
function hasVersion(apiVersion: string): boolean {
  const parts = apiVersion.split('/');
  return parts.length <= 2 && parts[parts.length - 1] !== '';
}

/** Whether `apiVersion` is the core group's `v1` as schema.ParseGroupVersion reads it (`/v1` too). */
function isCoreV1(apiVersion: string): boolean {
  return apiVersion === 'v1' || apiVersion === '/v1';
}

/**
 * Whether the API server's validation of `found`'s kind adds validateKubeFinalizerName (kubernetes release-1.32
 * pkg/apis/core/validation/validation.go ValidateObjectMeta): a kind of builtin-kinds.ts whose row says so, and any other
 * kind of the core group (`apiVersion: v1`), as every core validator but Event's calls it. A kind the check does not know
 * is not judged by it.
 */
function kubeFinalizers(found: Found, builtin: BuiltinKind | undefined): boolean {
  return builtin !== undefined ? builtin.kubeFinalizers : found.group === 'core' && found.manifest.apiVersion === 'v1';
}

/**
 * Finalizers the API server refuses. Of any kind, ValidateFinalizers (k8s.io/apimachinery v0.32.9
 * pkg/api/validation/objectmeta.go) wants each a qualified name (ValidateFinalizerName: IsQualifiedName, a label key's
 * rule; a null entry is an empty name) and refuses `orphan` with `foregroundDeletion`. Where `kube` (see
 * `kubeFinalizers`: the core group's kinds but Event, and the apps, batch, networking, rbac, autoscaling, storage,
 * scheduling, certificates, discovery and flowcontrol kinds of builtin-kinds.ts), kubernetes' ValidateObjectMeta adds
 * validateKubeFinalizerName: a name without `/` must be one of Kubernetes' own. Not on a core Event, whose
 * ValidateEventCreate (pkg/apis/core/validation/events.go) returns after legacyValidateEvent for a request of v1 ("No
 * further validation for backwards compatibility"), nor on a PodDisruptionBudget, a CustomResourceDefinition, an
 * APIService or the admissionregistration, coordination and node kinds of builtin-kinds.ts, whose validation calls
 * apimachinery's alone. A custom resource's such name is only a warning (apiextensions-apiserver v0.32.9
 * pkg/registry/customresource/strategy.go WarningsOnCreate, "prefer a domain-qualified finalizer name"), so it passes;
 * so does a name twice, which neither checks.
 */
function finalizers(names: unknown, kube: boolean, refuse: Refuse): void {
  if (!Array.isArray(names)) { return; }
  const fix = 'name the finalizer after the controller that removes it, with its domain (example.com/cleanup), or remove it';
  names.forEach((name, j) => {
    if (name !== null && typeof name !== 'string') { return; }
    const parts = ['metadata', 'finalizers', j];
    if (name === null || name === '') {
      refuse(parts, 'an empty finalizer', 'as a finalizer is a qualified name', 'remove the empty entry');
    } else if (labelKeyProblem(name) !== undefined) {
      refuse(parts, 'a finalizer that is no qualified name', 'as a finalizer must be one (an optional DNS subdomain and /, then 1 to 63 letters, digits, '
        + '-, _ and ., starting and ending with a letter or digit)', fix);
    } else if (kube && !name.includes('/') && !STANDARD_FINALIZERS.has(name)) {
      refuse(parts, 'a finalizer without a domain (no /) that is none of kubernetes, orphan and foregroundDeletion',
        'as kubernetes\' own kinds\' validation does (a custom resource\'s only warns of it)', fix);
    }
  });
  if (names.includes('orphan') && names.includes('foregroundDeletion')) {
    refuse(['metadata', 'finalizers'], 'both orphan and foregroundDeletion', 'as its dependents cannot be both orphaned and deleted first',
      'keep one of them: orphan leaves the dependents, foregroundDeletion deletes them before the object');
  }
}
