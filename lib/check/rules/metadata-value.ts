// Owner references and finalizers of an object's metadata that the API server refuses for their values, not their
// types (metadata-type.ts judges those, and a value of another type is left to it here). Every create and update runs
// k8s.io/apimachinery v0.32.9 pkg/api/validation/objectmeta.go ValidateObjectMetaAccessor on any kind (k8s.io/apiserver
// v0.32.9 pkg/registry/rest/create.go BeforeCreate and update.go; a custom resource's validator.go again), and it
// calls ValidateOwnerReferences and ValidateFinalizers ("uid must not be empty"...). kubectl's client runs none of
// it: `kubectl create --dry-run=client` decodes such a file and stops only where it needs a server
// (test/check/objects-rules.test.ts), so only the API server refuses it, whatever kubectl's --validate.
import { pathText } from '../../admission/stored-pod-default';
import { isPlainObject } from '../../json';
import { labelKeyProblem } from '../../names';
import { generatingSource } from '../cluster-external-secret';
import { judgedMetadata, OBJECT_META } from '../object-meta';
import { Found, objectSubject } from '../objects';
import { checkProblem } from '../problem';
import { CheckProblem } from '../types';
import { spelledAlike } from './unknown-field';

type Parts = readonly (string | number)[];
type Refuse = (parts: Parts, what: string, why: string, fix: string) => void;

const REQUIRED = ['apiVersion', 'kind', 'name', 'uid'] as const;
const OWNER_FIELDS = Object.keys((OBJECT_META.ownerReferences as { objects: Record<string, unknown> }).objects);

const REQUIRED_FIX: Readonly<Record<typeof REQUIRED[number], string>> = {
  apiVersion: 'give the owner\'s apiVersion (v1, or its group and version: apps/v1)',
  kind: 'give the owner\'s kind',
  name: 'give the owner\'s name',
  uid: 'give the owner\'s uid, as kubectl get shows it in the owner\'s metadata.uid once the owner exists, or remove the owner reference',
};

/**
 * Kubernetes' own finalizers, the only names without a `/` that the API server takes on a kind of the core
 * group: kubernetes v1.32 pkg/apis/core/helper/helpers.go IsStandardFinalizerName (core.FinalizerKubernetes,
 * metav1.FinalizerOrphanDependents, metav1.FinalizerDeleteDependents; apiextensions-apiserver v0.32.9
 * pkg/registry/customresource/validator.go lists the same three).
 */
const STANDARD_FINALIZERS: ReadonlySet<string> = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/**
 * Each owner reference and finalizer of an object's metadata that the API server's ObjectMeta validation refuses,
 * by its path, never its value; every object but a list (kubectl sends its items) and an ExternalSecret the check
 * models a ClusterExternalSecret writing (ESO gives its owner reference the CES's uid).
 */
export function metadataValues(objects: readonly Found[]): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (let i = 0; i < objects.length; i++) {
    const found = objects[i];
    const metadata = judgedMetadata(found);
    if (metadata === undefined || generatingSource(found.source) !== undefined) { continue; }
    const kind = found.kind === '' ? 'object' : found.kind;
    const refuse: Refuse = (parts, what, why, fix) => {
      const path = pathText(parts);
      problems.push(checkProblem({
        rule: 'field-type',
        namespace: found.namespace,
        sources: [found.source],
        key: path,
        message: `${objectSubject(found)} has ${what} at ${path}: the api server refuses the ${kind}, ${why}`,
        fix,
      }));
    };
    ownerReferences(metadata.ownerReferences, refuse);
    // A core Event's validation skips the core group's ObjectMeta rules (see `finalizers`).
    finalizers(metadata.finalizers, found.manifest.apiVersion === 'v1' && found.kind !== 'Event', refuse);
  }
  return problems;
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
 * Finalizers the API server refuses. Of any kind, ValidateFinalizers (k8s.io/apimachinery v0.32.9
 * pkg/api/validation/objectmeta.go) wants each a qualified name (ValidateFinalizerName: IsQualifiedName, a label
 * key's rule; a null entry is an empty name) and refuses `orphan` with `foregroundDeletion`. Of a kind of the core
 * group (`core`: apiVersion v1), kubernetes v1.32 pkg/apis/core/validation/validation.go ValidateObjectMeta adds
 * validateKubeFinalizerName: a name without `/` must be one of Kubernetes' own; not on a core Event, whose
 * ValidateEventCreate (pkg/apis/core/validation/events.go) returns after legacyValidateEvent for a request of v1
 * ("No further validation for backwards compatibility"), before ValidateObjectMeta. A custom resource's such name is only
 * a warning (apiextensions-apiserver v0.32.9 pkg/registry/customresource/strategy.go WarningsOnCreate, "prefer a
 * domain-qualified finalizer name"), so it passes; so does a name twice, which neither checks.
 */
function finalizers(names: unknown, core: boolean, refuse: Refuse): void {
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
    } else if (core && !name.includes('/') && !STANDARD_FINALIZERS.has(name)) {
      refuse(parts, 'a finalizer without a domain (no /) that is none of kubernetes, orphan and foregroundDeletion',
        'as it does on the kinds of the core group (v1) but Event; a custom resource\'s it only warns of', fix);
    }
  });
  if (names.includes('orphan') && names.includes('foregroundDeletion')) {
    refuse(['metadata', 'finalizers'], 'both orphan and foregroundDeletion', 'as its dependents cannot be both orphaned and deleted first',
      'keep one of them: orphan leaves the dependents, foregroundDeletion deletes them before the object');
  }
}
