// What External Secrets Operator writes for an ExternalSecret, as its controller does (ESO v2.9.0):
// - `spec.target.creationPolicy` (docs/guides/ownership-deletion-policy.md, and the switch in
//   pkg/controllers/externalsecret/externalsecret_controller.go): `Owner` (the default) creates the
//   Secret and owns it, and errors out on one it does not own; `Orphan` creates or updates it without
//   owning it; `Merge` never creates it, but merges its keys into an existing one; `CreateOrMerge`
//   creates it when missing and merges into it otherwise; `None` writes nothing.
// - The keys of a Secret (ApplyTemplate in pkg/controllers/externalsecret/externalsecret_controller_template.go):
//   without a template, the fetched keys (`data[].secretKey`, and `dataFrom`'s, unknown here); with
//   one, the template's `data` keys (and `templateFrom`'s, unknown here), and the fetched keys only
//   with `mergePolicy: Merge` or when the template has neither `data` nor `templateFrom`. Owner and
//   Orphan clear the Secret first; Merge and CreateOrMerge keep the keys it holds.
// - `spec.target.manifest` ({apiVersion, kind}) makes ESO write that kind instead of a Secret, a "generic
//   target" (docs/guides/targeting-custom-resources.md, behind --unsafe-allow-generic-targets). For a
//   ConfigMap (applyTemplateToManifest in externalsecret_controller_manifest.go): without a template,
//   `data` is the fetched keys (createSimpleManifest); with one, the template's `data` keys (and
//   `templateFrom`'s), and never the fetched keys, whatever `mergePolicy` says. Merge and
//   CreateOrMerge render into the ConfigMap that exists.
import { withoutNulls } from '../admission/manifest';
import { shownPart } from '../admission/stored-pod-default';
import { isPlainObject, str, typeName } from '../json';
import { shownKey, shownName } from '../names';
import { goDurationNanoseconds } from '../sources/go-duration';
import { missingField, notAllowed, Refusal, schemaRefusal, wrongType } from './eso-schema';
import { readGoTemplate } from './go-template';
import { apiGroup } from './input-model';
import { Found, isExternalSecret, ns } from './objects';
import { checkProblem } from './problem';
import { SHAPE_FIX } from './rules/shape';
import { CheckProblem } from './types';

/**
 * What the check makes of an ExternalSecret: the manifest as stored (`storedExternalSecret`), why the API server or
 * ESO's webhook refuses it (`specRefusal`), and the secretKeys its webhook refuses as repeated. Judged once per check
 * pass, when the object is read (`toFound`), as the walk of the whole spec is not to run once per rule.
 *
 * @internal
 */
export interface ExternalSecretVerdict {
  readonly manifest: any;
  readonly refusal: Refusal | undefined;
  readonly repeated: readonly RepeatedKey[];
}

/**
 * `manifest`, an ExternalSecret, as the API server stores it and External Secrets Operator reads it: each
 * null of a mapping in its `spec` dropped, at any depth, `spec` too (PruneNonNullableNullsWithoutDefaults,
 * apiextensions-apiserver pkg/apiserver/schema/defaulting/prunenulls.go: ESO v2.9.0's
 * config/crds/bases/external-secrets.io_externalsecrets.yaml, and the ClusterExternalSecret's, whose
 * `externalSecretSpec` a generated ExternalSecret gets, declare no spec field nullable and none
 * x-kubernetes-preserve-unknown-fields; a null of a field with a default is defaulted instead, to what
 * the readers take for absent). So `data:` left empty in YAML is no data, a template key of null no key.
 * A null item of a list is kept, and refused, as is a field of another type than the CRD's (`specRefusal`). Every reader of an ExternalSecret's spec
 * reads it through this (`storedOf`, for an object of the input); the manifest itself when it holds no null.
 */
export function storedExternalSecret(manifest: any): any {
  if (!isPlainObject(manifest)) { return manifest; }
  const spec = manifest.spec;
  return 'spec' in manifest && hasNullField(spec) ? { ...manifest, spec: spec === null ? undefined : withoutNulls(spec) } : manifest;
}

/** The verdict on `manifest`, an ExternalSecret: `toFound` keeps it on the object it reads, for this pass only. @internal */
export function judgeExternalSecret(manifest: any): ExternalSecretVerdict {
  const read = storedExternalSecret(manifest);
  if (!isPlainObject(manifest)) { return { manifest: read, refusal: undefined, repeated: NO_REPEATS }; }
  const unserved = unservedVersion(manifest.apiVersion, 'ExternalSecret');
  if (unserved !== undefined) { return { manifest: read, refusal: unserved, repeated: NO_REPEATS }; }
  return { manifest: read, refusal: specRefusal(manifest.spec, read.spec, 'spec', 'ExternalSecret'), repeated: repeatedSecretKeys(read.spec) };
}

/** The one version of ExternalSecret and ClusterExternalSecret ESO v2.9.0's CRDs serve. */
const SERVED_VERSION = 'external-secrets.io/v1';

/**
 * Why the API server refuses an object of `crd` (ExternalSecret, ClusterExternalSecret) of `apiVersion`: ESO v2.9.0's
 * CRDs serve v1 alone, and keep v1beta1's schema with `served: false` (not served since v0.17.0; any other version they
 * do not list), so `kubectl apply` fails ("no matches for kind"), and ESO never sees it. `undefined` for v1. Names a
 * version of the usual form (`v1beta1`), never other text.
 */
export function unservedVersion(apiVersion: unknown, crd: string): Refusal | undefined {
  if (apiVersion === SERVED_VERSION) { return undefined; }
  const version = typeof apiVersion === 'string' ? apiVersion.slice(apiVersion.indexOf('/') + 1) : '';
  const named = /^v[0-9]+((alpha|beta)[0-9]+)?$/.test(version) ? `apiVersion external-secrets.io/${version}` : 'an apiVersion of another version';
  return {
    field: 'apiVersion',
    problem: `${named}, which External Secrets Operator v2.9's ${crd} CRD does not serve (it serves v1 alone; v1beta1 is kept with served: false `
      + 'since v0.17.0), so the api server refuses it',
    fix: `write apiVersion: ${SERVED_VERSION}, the version External Secrets Operator serves`,
  };
}

/**
 * The verdict on `found`, an ExternalSecret: the one `toFound` made, or one made now for an object read otherwise. It is
 * kept on the object read for one pass, never by the manifest's identity: an object's content may change between passes
 * (a field set after the first synth).
 */
function verdictOf(found: Found): ExternalSecretVerdict {
  return found.externalSecret ?? judgeExternalSecret(found.manifest);
}

/** `found`, an ExternalSecret, as the API server stores it (`storedExternalSecret`), from its verdict. */
export function storedOf(found: Found): any {
  return verdictOf(found).manifest;
}

/** A `spec.data[].secretKey` given again: its first item and the repeat. */
export interface RepeatedKey {
  readonly key: string;
  readonly first: number;
  readonly repeat: number;
}

const NO_REPEATS: readonly RepeatedKey[] = Object.freeze([]);

/**
 * Each `secretKey` that `spec` (an ExternalSecret's, as stored) gives two items of `data`, at its first repeat,
 * while `target.deletionPolicy` is `Retain`: ESO's validating webhook refuses the ExternalSecret ("duplicate
 * secretKey found: KEY", validateDuplicateKeys in apis/externalsecrets/v1/externalsecret_validator.go, v2.9.0).
 * The webhook sees the object the API server defaulted: `deletionPolicy` absent (or null) is `Retain`, the CRD's
 * default. With `Delete` or `Merge` it takes the repeat.
 */
export function repeatedSecretKeys(spec: any): readonly RepeatedKey[] {
  if (!isPlainObject(spec) || !Array.isArray(spec.data) || spec.data.length < 2) { return NO_REPEATS; }
  const policy = isPlainObject(spec.target) ? spec.target.deletionPolicy : undefined;
  if (policy !== undefined && policy !== 'Retain') { return NO_REPEATS; }
  const seen = new Map<string, number>();
  let repeated: RepeatedKey[] | undefined;
  spec.data.forEach((item: any, i: number) => {
    const key = item?.secretKey;
    if (typeof key !== 'string') { return; }
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
    } else if (first >= 0) {
      (repeated ??= []).push({ key, first, repeat: i });
      seen.set(key, -1);
    }
  });
  return repeated ?? NO_REPEATS;
}

/** The message of a repeated `secretKey` of the spec at `prefix` (`spec`, or a CES's `spec.externalSecretSpec`), which ESO's webhook refuses in `what`. */
export function repeatedKeyMessage(prefix: string, repeated: RepeatedKey, what: string): string {
  return `${prefix}.data[${repeated.repeat}].secretKey ${shownKey(repeated.key)}, as ${prefix}.data[${repeated.first}] has, with ${prefix}.target.deletionPolicy Retain (the default): `
    + `External Secrets Operator's webhook refuses ${what} (duplicate secretKey found)`;
}

export const REPEATED_KEY_FIX = 'give each spec.data[] item its own secretKey (the key of the Secret it writes), or remove the repeated item';

function hasNullField(value: unknown): boolean {
  if (value === null) { return true; }
  if (Array.isArray(value)) { return value.some(item => item !== null && hasNullField(item)); }
  return isPlainObject(value) && Object.keys(value).some(key => hasNullField(value[key]));
}

/**
 * The path of the first null item of a list in `value` (`spec.data[0]`), in document order; `undefined` when
 * there is none. PruneNonNullableNullsWithoutDefaults deletes map entries only: the API server keeps a null
 * item, and its validation refuses it, as ESO's CRDs declare no item nullable (an ExternalSecret's spec, a
 * ClusterExternalSecret's `externalSecretSpec`).
 */
export function nullListItem(value: unknown, path: string): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = value[i] === null ? `${path}[${i}]` : nullListItem(value[i], `${path}[${i}]`);
      if (found !== undefined) { return found; }
    }
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      const found = nullListItem(value[key], `${path}${shownPart(key)}`);
      if (found !== undefined) { return found; }
    }
  }
  return undefined;
}

/** What a null list item at `field` makes of the object: the message's tail. */
export function nullItemProblem(field: string, crd: string): string {
  return `${field} that is null (an item left empty in YAML), where the ${crd} CRD declares no null item, so the api server refuses it`;
}

type SpecShape = 'a string' | 'a mapping' | 'a list of mappings' | 'a map of strings';

/**
 * A field of the spec the check reads, with the type ESO's CRD declares, the fields of it (or of each item) the
 * check reads, whether the CRD requires it, and for a string the values its `enum` allows with its `default`.
 *
 * @internal
 */
export interface SpecField {
  readonly name: string;
  readonly shape: SpecShape;
  readonly inner: readonly SpecField[];
  readonly required: boolean;
  readonly allowed?: SpecEnum;
}

/** The `enum` of a string field, in the CRD's order, and the `default` the API server sets when it is absent (or null). @internal */
export interface SpecEnum {
  readonly values: readonly string[];
  readonly default: string;
}

function specField(name: string, shape: SpecShape, inner: readonly SpecField[] = []): SpecField {
  return { name, shape, inner, required: false };
}

/** A field the CRD requires where its parent is given (`required` of the parent's schema). */
function requiredField(name: string, shape: SpecShape, inner: readonly SpecField[] = []): SpecField {
  return { name, shape, inner, required: true };
}

/**
 * A string field whose CRD declares an `enum`: the API server refuses any other string, the empty one too
 * (apiextensions-apiserver v0.32.0 pkg/apiserver/validation/validation.go keeps the schema's `enum`, and
 * kube-openapi's basicCommonValidator.Validate, pkg/validation/validate/validator.go at the version Kubernetes 1.32
 * pins, fails a value equal to none of it: "Unsupported value").
 */
function enumField(name: string, values: readonly string[], defaultValue: string): SpecField {
  return { name, shape: 'a string', inner: [], required: false, allowed: { values, default: defaultValue } };
}

/**
 * The fields of an ExternalSecret's spec the check reads (`externalSecretTarget`, `externalSecretKeys`,
 * `externalSecretExactKeys`, `repeatedSecretKeys`, secret-type's and cloud-identity's reading of the template),
 * with their types in ESO v2.9.0's config/crds/bases/external-secrets.io_externalsecrets.yaml (the same under a
 * ClusterExternalSecret's `externalSecretSpec`), the fields their CRD requires: a `data` item's `secretKey` and
 * `remoteRef`, a target manifest's `apiVersion` and `kind`, and the enums of those it declares one of (v1, the
 * version v2.9.0 serves): `creationPolicy`, `deletionPolicy` and the template's `mergePolicy` (`templateFrom[].target`
 * has none in v1). test/check/objects-rules.test.ts holds them to both CRDs. `refreshInterval` is judged by
 * `durationProblem`.
 *
 * @internal
 */
export const SPEC_FIELDS: readonly SpecField[] = [
  specField('data', 'a list of mappings', [requiredField('secretKey', 'a string'), requiredField('remoteRef', 'a mapping')]),
  specField('dataFrom', 'a list of mappings'),
  specField('target', 'a mapping', [
    specField('name', 'a string'),
    enumField('creationPolicy', ['Owner', 'Orphan', 'Merge', 'None', 'CreateOrMerge'], 'Owner'),
    enumField('deletionPolicy', ['Delete', 'Merge', 'Retain'], 'Retain'),
    specField('manifest', 'a mapping', [requiredField('apiVersion', 'a string'), requiredField('kind', 'a string')]),
    specField('template', 'a mapping', [
      specField('type', 'a string'),
      enumField('mergePolicy', ['Replace', 'Merge'], 'Replace'),
      specField('data', 'a map of strings'),
      specField('metadata', 'a mapping', [specField('annotations', 'a map of strings')]),
      specField('templateFrom', 'a list of mappings', [specField('target', 'a string')]),
    ]),
  ]),
];

/** The fields of an ExternalSecret's spec judged by another rule: `refreshInterval` by `durationProblem` (refresh-interval). */
const JUDGED_ELSEWHERE: ReadonlySet<string> = new Set(['refreshInterval']);

/**
 * Why `spec` (`raw` as given, `read` as stored: `storedExternalSecret`), an ExternalSecret's spec or a
 * ClusterExternalSecret's `externalSecretSpec` at `path`, is refused, so that the object is never stored (or the
 * CES's ExternalSecret never created) and writes nothing; `undefined` when none. By the API server: a spec that is
 * no mapping, a null list item anywhere in it (`nullListItem`), a field the check reads of another type than
 * `crd`'s CRD declares or a string none of its `enum` allows (`SPEC_FIELDS`, first, with their own messages), then
 * anything else the whole CRD's schema refuses (`schemaRefusal`). Then by ESO's validating webhook
 * (`webhookRefusal`), which an absent spec fails too. Names the field, the types and the enum's values, never the
 * value.
 */
export function specRefusal(raw: unknown, read: unknown, path: string, crd: string): Refusal | undefined {
  if (raw === undefined || raw === null) { return webhookRefusal({}, path, crd); }
  if (!isPlainObject(raw)) { return wrongType(path, raw, 'a mapping', crd); }
  const nullItem = nullListItem(raw, path);
  if (nullItem !== undefined) { return { field: nullItem, problem: nullItemProblem(nullItem, crd), fix: SHAPE_FIX }; }
  return wrongField(read, SPEC_FIELDS, path, crd) ?? schemaRefusal(read, 'ExternalSecret.spec', path, crd, JUDGED_ELSEWHERE) ?? webhookRefusal(read, path, crd);
}

/** Who refuses the ExternalSecret of a spec of `crd`: its own, or each one a ClusterExternalSecret makes ESO create. */
function webhookRefuses(crd: string): string {
  return `External Secrets Operator's webhook refuses ${crd === 'ExternalSecret' ? 'it' : 'each ExternalSecret of it'}`;
}

/**
 * Why ESO v2.9.0's validating webhook refuses an ExternalSecret of `spec` (as stored, and valid for the CRD), at
 * `path`; `undefined` when it takes it (validateExternalSecret in apis/externalsecrets/v1/externalsecret_validator.go,
 * tag v2.9.0; the chart's ValidatingWebhookConfiguration externalsecret-validate sends it every ExternalSecret created
 * or updated, deploy/charts/external-secrets/templates/validatingwebhook.yaml). It sees the object the API server
 * defaulted: `target` absent is `{creationPolicy: Owner, deletionPolicy: Retain}`, either policy absent its default.
 * A repeated secretKey (`repeatedSecretKeys`, secret-data) and a privileged template (secret-type) are reported
 * by their own rules. A ClusterExternalSecret has no webhook, but ESO creates each of its ExternalSecrets, which this
 * one judges.
 */
function webhookRefusal(spec: any, path: string, crd: string): Refusal | undefined {
  const webhook = webhookRefuses(crd);
  const target = isPlainObject(spec.target) ? spec.target : {};
  const creation = target.creationPolicy ?? 'Owner';
  const deletion = target.deletionPolicy ?? 'Retain';
  // validatePolicies.
  if (deletion === 'Delete' && (creation === 'Merge' || creation === 'None' || creation === 'CreateOrMerge')) {
    return {
      field: `${path}.target.deletionPolicy`,
      problem: `${path}.target.deletionPolicy Delete with ${path}.target.creationPolicy ${creation}, which ${webhook} `
        + '(deletionPolicy=Delete must not be used when the controller doesn\'t own the secret)',
      fix: `set ${path}.target.creationPolicy to Owner, or ${path}.target.deletionPolicy to Retain (the default)`,
    };
  }
  if (deletion === 'Merge' && creation === 'None') {
    return {
      field: `${path}.target.deletionPolicy`,
      problem: `${path}.target.deletionPolicy Merge with ${path}.target.creationPolicy None, which ${webhook} (there is no Secret to merge with)`,
      fix: `set ${path}.target.deletionPolicy to Retain (the default), or remove it`,
    };
  }
  if (!hasItems(spec.data) && !hasItems(spec.dataFrom)) {
    return {
      field: `${path}.data`,
      problem: `${path} with no item of data or of dataFrom, which ${webhook} (either data or dataFrom should be specified)`,
      fix: `give ${path}.data (a secretKey and a remoteRef each) or ${path}.dataFrom the secrets to fetch`,
    };
  }
  return dataFromRefusal(spec.dataFrom, `${path}.dataFrom`, webhook) ?? templateFromRefusal(target, `${path}.target`, webhook);
}

/**
 * The first item of `dataFrom` the webhook refuses: one with more than one of `extract`, `find` and
 * `sourceRef.generatorRef` (validateExtractFindGenerator), or with none of `extract`, `find` and `sourceRef`
 * (validateFindExtractSourceRef). A `sourceRef` with neither `generatorRef` nor `storeRef` (validateSourceRef) the CRD
 * refuses first: it asks for exactly one of its two fields (minProperties, maxProperties).
 */
function dataFromRefusal(dataFrom: unknown, path: string, webhook: string): Refusal | undefined {
  if (!Array.isArray(dataFrom)) { return undefined; }
  for (let i = 0; i < dataFrom.length; i++) {
    const item = dataFrom[i];
    const at = `${path}[${i}]`;
    const generator = isPlainObject(item.sourceRef) && item.sourceRef.generatorRef !== undefined;
    const set = (item.extract !== undefined ? 1 : 0) + (item.find !== undefined ? 1 : 0) + (generator ? 1 : 0);
    if (set > 1) {
      return {
        field: at,
        problem: `${at} with more than one of extract, find and sourceRef.generatorRef, which ${webhook} (extract, find, or generatorRef cannot be set at the same time)`,
        fix: `split ${at} into one item for each of them`,
      };
    }
    if (set === 0 && item.sourceRef === undefined) {
      return {
        field: at,
        problem: `${at} with none of extract, find and sourceRef, which ${webhook} (either extract, find, or sourceRef must be set to dataFrom)`,
        fix: `give ${at} an extract (a key to fetch), a find or a sourceRef, or remove it`,
      };
    }
  }
  return undefined;
}

/**
 * `text` in lower case, as strings.EqualFold compares it with a word of ASCII letters: EqualFold also folds `ſ`
 * (U+017F) to `s`, which `toLowerCase` leaves; the Kelvin sign it folds to `k`, as `toLowerCase` does, and no other
 * character to an ASCII letter.
 */
function goFoldLower(text: string): string {
  return text.toLowerCase().replace(/\u017f/g, 's');
}

/** The templateFrom targets the webhook takes where ESO writes a Secret, and `""`: in lower case, and without case (strings.EqualFold). */
const SECRET_TEMPLATE_TARGETS: ReadonlySet<string> = new Set(['', 'data', 'annotations', 'labels']);

/**
 * The first `template.templateFrom[].target` of `target` (as stored) the webhook refuses where ESO writes a Secret
 * (no `manifest`, or one of apiVersion v1 and kind Secret: isManifestSecretTarget): one that is not `Data`,
 * `Annotations` or `Labels` in any case, nor empty (validateTemplateFromTarget, ValidateSecretTemplateFromTargets).
 * Absent is the CRD's default, `Data`.
 */
function templateFromRefusal(target: any, path: string, webhook: string): Refusal | undefined {
  const manifest = target.manifest;
  if (isPlainObject(manifest) && !(manifest.apiVersion === 'v1' && manifest.kind === 'Secret')) { return undefined; }
  const templateFrom = isPlainObject(target.template) ? target.template.templateFrom : undefined;
  if (!Array.isArray(templateFrom)) { return undefined; }
  for (let i = 0; i < templateFrom.length; i++) {
    const to = templateFrom[i].target;
    if (typeof to !== 'string' || SECRET_TEMPLATE_TARGETS.has(goFoldLower(to))) { continue; }
    const at = `${path}.template.templateFrom[${i}].target`;
    return {
      field: at,
      problem: `${at} that is none of Data, Annotations or Labels (in any case), which ${webhook} where it writes a Secret `
        + '(templateFrom target is not allowed when targeting a Secret)',
      fix: `give ${at} Data, Annotations or Labels, or remove it for the default, Data`,
    };
  }
  return undefined;
}

/** The first of `fields` that `value` (as stored: no null but a list item's) gives a value of another type, in the table's order. */
function wrongField(value: any, fields: readonly SpecField[], path: string, crd: string): Refusal | undefined {
  for (const field of fields) {
    const v = value[field.name];
    const at = `${path}.${field.name}`;
    if (v === undefined || v === null) {
      if (field.required) { return missingField(path, field.name, field.shape, crd); }
      continue;
    }
    switch (field.shape) {
      case 'a string':
        if (typeof v !== 'string') { return wrongType(at, v, field.shape, crd); }
        if (field.allowed !== undefined && !field.allowed.values.includes(v)) { return notAllowed(at, field.allowed.values, field.allowed.default, crd); }
        break;
      case 'a map of strings': {
        if (!isPlainObject(v)) { return wrongType(at, v, field.shape, crd); }
        const other = Object.keys(v).find(key => typeof v[key] !== 'string');
        // The value's type, not its key: a key of template data may be anything pasted there.
        if (other !== undefined) { return wrongType(at, v, field.shape, crd, `a mapping holding ${typeName(v[other])}`); }
        break;
      }
      case 'a mapping': {
        if (!isPlainObject(v)) { return wrongType(at, v, field.shape, crd); }
        const inner = wrongField(v, field.inner, at, crd);
        if (inner !== undefined) { return inner; }
        break;
      }
      case 'a list of mappings':
        if (!Array.isArray(v)) { return wrongType(at, v, field.shape, crd); }
        for (let i = 0; i < v.length; i++) {
          if (!isPlainObject(v[i])) { return wrongType(`${at}[${i}]`, v[i], 'a mapping', crd); }
          const inner = wrongField(v[i], field.inner, `${at}[${i}]`, crd);
          if (inner !== undefined) { return inner; }
        }
        break;
    }
  }
  return undefined;
}

/** The annotation of a service account token Secret that names its ServiceAccount (corev1.ServiceAccountNameKey). */
export const SERVICE_ACCOUNT_NAME = 'kubernetes.io/service-account.name';
/** The type of a bootstrap token Secret (corev1.SecretTypeBootstrapToken). */
export const BOOTSTRAP_TOKEN = 'bootstrap.kubernetes.io/token';

/**
 * Why ESO's webhook (and its controller, before it writes) refuses `template`, an ExternalSecret's
 * `spec.target.template` as stored, as privileged; `undefined` when it does not (validatePrivilegedTemplate in
 * apis/externalsecrets/v1/externalsecret_validator.go, v2.9.0, whatever the target's kind): type
 * bootstrap.kubernetes.io/token (`bootstrap`), or kubernetes.io/service-account-token with the annotation
 * kubernetes.io/service-account.name in `metadata.annotations` (`annotation`; any value, a null one is dropped
 * first), or else with a `templateFrom` of target Annotations (`templateFrom`; compared with strings.EqualFold),
 * which could write it.
 */
export function privilegedTemplate(template: any): 'bootstrap' | 'annotation' | 'templateFrom' | undefined {
  if (!isPlainObject(template)) { return undefined; }
  if (template.type === BOOTSTRAP_TOKEN) { return 'bootstrap'; }
  if (template.type !== 'kubernetes.io/service-account-token') { return undefined; }
  const annotations = isPlainObject(template.metadata) ? template.metadata.annotations : undefined;
  if (isPlainObject(annotations) && SERVICE_ACCOUNT_NAME in annotations) { return 'annotation'; }
  const annotating = Array.isArray(template.templateFrom)
    && template.templateFrom.some((from: any) => typeof from?.target === 'string' && goFoldLower(from.target) === 'annotations');
  return annotating ? 'templateFrom' : undefined;
}

/**
 * Whether `found`, an ExternalSecret, is neither refused for another reason than a privileged template (`specRefusal`,
 * a repeated secretKey) nor unreadable to ESO (`durationProblem`): one problem is reported of it, the first.
 */
export function isReadExternalSecret(found: Found): boolean {
  const read = verdictOf(found);
  return read.refusal === undefined && read.repeated.length === 0 && durationProblem(read.manifest.spec?.refreshInterval) === undefined;
}

/** The object an ExternalSecret writes. */
export interface ExternalSecretTarget {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  /** `spec.target.creationPolicy`, `Owner` when unset. */
  readonly policy: string;
  /** Whether ESO writes the whole object (Owner, Orphan) rather than merging keys into one that exists (Merge, CreateOrMerge). */
  readonly replaces: boolean;
}

/**
 * What `found`, an ExternalSecret, writes; `undefined` with `creationPolicy: None`, which writes nothing,
 * for one ESO cannot read (see `durationProblem`), which it never syncs, for one the API server or ESO's webhook
 * refuses (`specRefusal`), for one of a repeated secretKey, which ESO's webhook refuses (`repeatedSecretKeys`), and
 * for one of a privileged template, which ESO's webhook refuses too (`privilegedTemplate`, which secret-type reports).
 */
export function externalSecretTarget(found: Found): ExternalSecretTarget | undefined {
  if (!isReadExternalSecret(found)) { return undefined; }
  const spec = verdictOf(found).manifest.spec;
  if (privilegedTemplate(spec?.target?.template) !== undefined) { return undefined; }
  const target = isPlainObject(spec?.target) ? spec.target : {};
  const policy = typeof target.creationPolicy === 'string' && target.creationPolicy !== '' ? target.creationPolicy : 'Owner';
  if (policy === 'None') { return undefined; }
  const other = isPlainObject(target.manifest) && typeof target.manifest.kind === 'string' && target.manifest.kind !== '';
  return {
    group: other ? apiGroup(str(target.manifest.apiVersion)) : 'core',
    kind: other ? target.manifest.kind : 'Secret',
    name: typeof target.name === 'string' && target.name !== '' ? target.name : found.name,
    policy,
    replaces: policy !== 'Merge' && policy !== 'CreateOrMerge',
  };
}

/**
 * The keys ESO writes for `found` into the Secret (or, for a generic target, the ConfigMap), as far as its manifest
 * tells: those of `dataFrom` and `templateFrom` are only known once ESO has fetched them.
 */
export function externalSecretKeys(found: Found, kind: 'Secret' | 'ConfigMap' = 'Secret'): readonly string[] {
  const stored = storedOf(found);
  const spec = isPlainObject(stored.spec) ? stored.spec : {};
  const fetched: string[] = [];
  if (Array.isArray(spec.data)) {
    for (const d of spec.data) {
      if (typeof d?.secretKey === 'string') { fetched.push(d.secretKey); }
    }
  }
  const template = spec.target?.template;
  if (!isPlainObject(template)) { return fetched; }
  const templated = isPlainObject(template.data) ? Object.keys(template.data) : [];
  if (kind === 'ConfigMap') { return templated; }
  return copiesFetched(template) ? templated.concat(fetched) : templated;
}

/** Whether ESO copies the fetched keys into a Secret under `template` (ApplyTemplate): with `mergePolicy: Merge`, or when it has neither `data` nor `templateFrom`. */
export function copiesFetched(template: any): boolean {
  const templated = isPlainObject(template.data) && Object.keys(template.data).length > 0;
  return template.mergePolicy === 'Merge' || (!templated && !hasItems(template.templateFrom));
}

function hasItems(list: unknown): boolean {
  return Array.isArray(list) && list.length > 0;
}

/**
 * The keys of the Secret ESO writes for `found` (a template-less or templated Secret target), when its
 * manifest tells them exactly: `undefined` when `templateFrom` adds keys, or when the fetched keys are
 * copied and `dataFrom` fetches some, which only the provider knows at sync time. Keys the Secret already
 * holds (creationPolicy Merge, CreateOrMerge) are the caller's business.
 */
export function externalSecretExactKeys(found: Found): readonly string[] | undefined {
  const stored = storedOf(found);
  const spec = isPlainObject(stored.spec) ? stored.spec : {};
  const template = spec.target?.template;
  // Fields of another shape than the CRD's: the API server refuses the ExternalSecret, so it writes nothing.
  if (spec.data !== undefined && (!Array.isArray(spec.data) || spec.data.some((d: any) => typeof d?.secretKey !== 'string'))) { return undefined; }
  if (isPlainObject(template) && template.data !== undefined && !isPlainObject(template.data)) { return undefined; }
  if (isPlainObject(template) && hasItems(template.templateFrom)) { return undefined; }
  if (hasItems(spec.dataFrom) && (!isPlainObject(template) || copiesFetched(template))) { return undefined; }
  return externalSecretKeys(found);
}

/**
 * Why ESO cannot read `value` as the duration of a `refreshInterval` (ExternalSecret, and the
 * `externalSecretSpec` of a ClusterExternalSecret) or a ClusterExternalSecret's `refreshTime`; `undefined`
 * when it can, or when it is absent (null too: the API server drops it and defaults). Both fields are
 * `*metav1.Duration` (apis/externalsecrets/v1/externalsecret_types.go and clusterexternalsecret_types.go,
 * ESO v2.9.0), whose UnmarshalJSON (k8s.io/apimachinery pkg/apis/meta/v1/duration.go) takes a string
 * that time.ParseDuration reads, and fails on anything else. The CRDs declare a plain `type: string`, so
 * the API server takes `1d` or `1 hour`: ESO's webhook, which decodes an ExternalSecret, refuses one, and
 * with no webhook (and none validates a ClusterExternalSecret) the controller cannot decode the object and
 * never syncs it. Names the type or the form, never the value.
 */
export function durationProblem(value: unknown): string | undefined {
  if (value === undefined || value === null) { return undefined; }
  if (typeof value !== 'string') { return `is ${typeName(value)}, where the CRD declares a string (the API server refuses it)`; }
  // ParseDuration takes one sign; goDurationNanoseconds reads a `+` and no `-`. (A negative duration of
  // exactly -2^63 ns, which Go also reads, is refused here.)
  const body = value.startsWith('-') && !value.startsWith('-+') ? value.slice(1) : value;
  if (goDurationNanoseconds(body) !== undefined) { return undefined; }
  return 'is not a Go duration (time.ParseDuration: numbers with the units ns, us, ms, s, m or h, such as 1h30m; there is no unit d), '
    + 'which External Secrets Operator cannot decode (metav1.Duration)';
}

const DURATION_FIX = 'give a Go duration such as "1h" or "15m", or "0s" to fetch once';

/**
 * The ExternalSecrets of `objects` that ESO cannot read, by `spec.refreshInterval`: ESO's webhook refuses
 * one, and without it the ExternalSecret is never synced. Those a ClusterExternalSecret generates have
 * its `externalSecretSpec`, judged on the CES (a CES whose duration ESO cannot read generates none).
 */
export function externalSecretProblems(objects: readonly Found[]): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (let i = 0; i < objects.length; i++) {
    const found = objects[i];
    if (!isExternalSecret(found)) { continue; }
    const read = verdictOf(found);
    const refusal = read.refusal;
    if (refusal !== undefined) {
      problems.push(checkProblem({
        rule: 'shape', namespace: found.namespace, sources: [found.source], key: refusal.field,
        message: `externalsecret ${shownName(found.name, 'name')} (${found.source}) in namespace ${ns(found.namespace)} has ${refusal.problem}, `
          + 'and External Secrets Operator writes nothing of it',
        fix: refusal.fix,
      }));
    }
    for (const repeated of read.repeated) {
      problems.push(checkProblem({
        rule: 'secret-data', namespace: found.namespace, sources: [found.source], key: `spec.data[${repeated.repeat}].secretKey`,
        message: `externalsecret ${shownName(found.name, 'name')} (${found.source}) in namespace ${ns(found.namespace)} has ${repeatedKeyMessage('spec', repeated, 'the ExternalSecret')}, `
          + 'so kubectl apply fails and it writes nothing',
        fix: REPEATED_KEY_FIX,
      }));
    }
    if (externalSecretTarget(found) !== undefined) {
      for (const template of templateProblems(read.manifest.spec, 'spec')) {
        problems.push(checkProblem({
          rule: 'template', namespace: found.namespace, sources: [found.source], key: template.field,
          message: `externalsecret ${shownName(found.name, 'name')} (${found.source}) in namespace ${ns(found.namespace)} has ${template.problem}, `
            + 'so every sync fails and External Secrets Operator writes nothing of it',
          fix: template.fix,
        }));
      }
    }
    const problem = durationProblem(found.manifest.spec?.refreshInterval);
    if (problem === undefined) { continue; }
    problems.push(checkProblem({
      rule: 'refresh-interval', namespace: found.namespace, sources: [found.source], key: 'spec.refreshInterval',
      message: `externalsecret ${shownName(found.name, 'name')} (${found.source}) in namespace ${ns(found.namespace)} has a spec.refreshInterval that ${problem}: `
        + 'its webhook refuses the ExternalSecret, and without the webhook it is never synced',
      fix: DURATION_FIX,
    }));
  }
  return problems;
}

/** The problems of a ClusterExternalSecret whose durations ESO cannot read: it then writes no ExternalSecret of it. */
export function clusterExternalSecretDurationProblems(subject: string, source: string, spec: any): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const fields: [string, unknown][] = [['spec.refreshTime', spec.refreshTime], ['spec.externalSecretSpec.refreshInterval', spec.externalSecretSpec?.refreshInterval]];
  for (const [field, value] of fields) {
    const problem = durationProblem(value);
    if (problem === undefined) { continue; }
    problems.push(checkProblem({
      rule: 'refresh-interval', namespace: '', sources: [source], key: field,
      message: `${subject} has a ${field} that ${problem}: External Secrets Operator cannot read the ClusterExternalSecret, and writes no ExternalSecret of it`,
      fix: DURATION_FIX,
    }));
  }
  return problems;
}

/**
 * Each string of `spec.target.template` that ESO renders as a template, with its path, in the order ESO v2.9.0 renders
 * them (ApplyTemplate in pkg/controllers/externalsecret/externalsecret_controller_template.go: templateFrom, then data,
 * then metadata labels, then annotations; the keys of one map in no fixed order). For a generic target (any
 * `target.manifest`: isGenericTarget) ESO renders templateFrom and data alone, and copies the metadata labels and
 * annotations as they are (externalsecret_controller_manifest.go applyTemplateToManifest, renderTemplatedManifest).
 */
function templatedFields(template: any, prefix: string, generic: boolean): [string, string][] {
  const fields: [string, string][] = [];
  const add = (map: unknown, path: string) => {
    if (!isPlainObject(map)) { return; }
    for (const key of Object.keys(map)) {
      if (typeof map[key] === 'string') { fields.push([`${path}${shownPart(key)}`, map[key]]); }
    }
  };
  if (Array.isArray(template.templateFrom)) {
    template.templateFrom.forEach((from: any, i: number) => {
      if (typeof from?.literal === 'string') { fields.push([`${prefix}.templateFrom[${i}].literal`, from.literal]); }
    });
  }
  add(template.data, `${prefix}.data`);
  if (!generic && isPlainObject(template.metadata)) {
    add(template.metadata.labels, `${prefix}.metadata.labels`);
    add(template.metadata.annotations, `${prefix}.metadata.annotations`);
  }
  return fields;
}

/**
 * The keys of `.` in the templates of `spec` when its manifest tells them all: the `data[].secretKey`s, when there is
 * no `dataFrom` item, whose keys only the provider knows (ESO v2.9.0 merges the dataFrom results, then each
 * data[].secretKey, into one flat map[string]string: runtime/template/v2/template.go `execute`).
 */
function templateInputs(spec: any): ReadonlySet<string> | undefined {
  if (hasItems(spec.dataFrom) || !Array.isArray(spec.data)) { return undefined; }
  return new Set(spec.data.map((item: any) => item.secretKey).filter((key: unknown): key is string => typeof key === 'string'));
}

const TEMPLATE_FIX = 'correct the template (External Secrets Operator\'s engine is Go\'s text/template with the delimiters {{ and }}; '
  + 'a literal {{ is written {{ "{{" }})';
const DASHED_FIX = 'read a key that holds \'-\' with {{ index . "the-key" }}: {{ .the-key }} is no field name in Go\'s text/template';

/**
 * Why ESO v2.9.0 can never render a template of `spec` (an ExternalSecret's, as stored): the first error Go's
 * text/template parser reports in it (`readGoTemplate`), or, when the inputs are all known (`templateInputs`), the first
 * `.name` every run reads that no input gives, which fails with missingkey=error. Templated are the values of
 * `target.template.data`, each `templateFrom[].literal` and the values of `target.template.metadata` labels and
 * annotations where the target is a Secret (`templatedFields`). Assumes the default delimiters (ESO's
 * `--template-left-delimiter`/`--template-right-delimiter` can change them). Names the field, the line and what is
 * wrong in words; never the template's text, which may hold a secret.
 */
export function templateProblems(spec: any, prefix: string): Refusal[] {
  const template = isPlainObject(spec) && isPlainObject(spec.target) ? spec.target.template : undefined;
  if (!isPlainObject(template)) { return []; }
  const inputs = templateInputs(spec);
  const problems: Refusal[] = [];
  for (const [field, text] of templatedFields(template, `${prefix}.target.template`, spec.target.manifest != null)) {
    const reading = readGoTemplate(text);
    if (reading.kind === 'error') {
      problems.push({
        field,
        problem: `a ${field} that Go's text/template cannot parse: at line ${reading.line}, ${reading.what}`,
        fix: reading.dashedField === true ? DASHED_FIX : TEMPLATE_FIX,
      });
      continue;
    }
    if (reading.kind !== 'parsed' || inputs === undefined) { continue; }
    const missing = reading.reads.find(read => !inputs.has(read.name));
    if (missing === undefined) { continue; }
    const given = inputs.size === 0 ? 'none' : [...inputs].map(shownKey).join(', ');
    problems.push({
      field,
      problem: `a ${field} that reads .${shownKey(missing.name)} at line ${missing.line}, which no ${prefix}.data[].secretKey gives (the template's inputs, `
        + `as there is no dataFrom: ${given}): with missingkey=error a run fails there (map has no entry for key), if not before`,
      fix: `add a ${prefix}.data item of secretKey ${shownKey(missing.name)}, or read a secretKey given`,
    });
  }
  return problems;
}
