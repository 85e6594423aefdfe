// A field of a PodDefault that its CRD does not declare. The CRD's schema is structural, so `kubectl apply`
// refuses such a PodDefault: kubectl 1.32 defaults to `--validate=strict`, which asks the API server for
// strict field validation (KEP-2885, GA in Kubernetes 1.27), and apiextensions-apiserver answers
// "strict decoding error: unknown field ..." (customresource_handler.go). With `--validate=warn` or `false`
// it prunes the field when it stores the PodDefault (schema/pruning/algorithm.go), so the webhook never
// sees it (stored-pod-default.ts). The Kubeflow 1.10 CRD was generated from an older k8s.io/api than the
// webhook's, so it also lacks fields core/v1 has: a container's restartPolicy and resizePolicy, a mount's
// recursiveReadOnly, an image volume.
import { CORE_V1_STRUCTS } from '../../admission/core-v1-types';
import { goType } from '../../admission/go-equal';
import { declaredBeside, pathParts, shownPath } from '../../admission/stored-pod-default';
import { isPlainObject } from '../../json';
import { nearestSpelledAlike, shownName } from '../../names';
import { generatingSource, isClusterExternalSecret } from '../cluster-external-secret';
import { undeclaredFields, UndeclaredField } from '../eso-schema';
import { judgedMetadata, OBJECT_META } from '../object-meta';
import { Found, isExternalSecret, kindWord, NO_PROBLEMS, ns, objectSubject, PodDefaultFound } from '../objects';
import { checkProblem } from '../problem';
import { CheckProblem } from '../types';
import { misspeltAs } from './field-type';

/** The core/v1 type of each PodDefault spec field that holds core/v1 objects (main.go decodes them so). */
const SPEC_TYPES: Readonly<Record<string, string>> = {
  volumes: '[]Volume', volumeMounts: '[]VolumeMount', env: '[]EnvVar', envFrom: '[]EnvFromSource', tolerations: '[]Toleration',
  imagePullSecrets: '[]LocalObjectReference', initContainers: '[]Container', sidecars: '[]Container', selector: 'metav1.LabelSelector',
};

const VOLUME_FIELD = /^spec\.volumes\[(\d+)\](\.|\[")/;
const INIT_CONTAINER_RESTART_POLICY = /^spec\.initContainers\[\d+\]\.restartPolicy$/;
/** A field of a list entry that reaches a container: the PodDefault's own, or an init container's or sidecar's. */
const containerEntry = (field: string) => new RegExp(`^(spec(?:\\.(?:initContainers|sidecars)\\[\\d+\\])?\\.${field})(\\.|\\[")`);
const VALUE_FROM_FIELD = containerEntry('env\\[\\d+\\]\\.valueFrom');
const ENV_FROM_FIELD = containerEntry('envFrom\\[\\d+\\]');
const REFUSED = 'which the api server refuses on every notebook that selects the PodDefault';

/** Each field of the PodDefault that the API server prunes, named by its path; never its value. */
export function unknownFields(pd: PodDefaultFound): readonly CheckProblem[] {
  if (pd.pruned.length === 0) { return NO_PROBLEMS; }
  const subject = `poddefault ${shownName(pd.name, 'name')} (${pd.source}) in namespace ${ns(pd.namespace)}`;
  return pd.pruned.map(path => {
    const parts = pathParts(path);
    const inCoreV1 = coreV1Has(parts);
    const what = inCoreV1
      ? 'a core/v1 field the PodDefault CRD of Kubeflow 1.10 does not declare'
      : 'a field the PodDefault CRD does not declare';
    const meant = inCoreV1 ? undefined : meantField(parts, declaredBeside(parts), pd.manifest);
    const shown = shownPath(parts);
    return checkProblem({
      rule: 'unknown-field',
      namespace: pd.namespace,
      sources: [pd.source],
      key: shown,
      message: `${subject} sets ${shown}, ${what}: kubectl apply refuses the PodDefault (strict field validation, its default), `
        + `and with --validate=warn or false the api server drops the field as it stores the PodDefault${consequence(pd, path)}`,
      fix: inCoreV1 ? 'remove the field: a PodDefault of Kubeflow 1.10 cannot carry it' : renameFix(meant),
    });
  });
}

/** What the pod then gets that matters, from the PodDefault as stored: `, so ...`, or `''`. */
function consequence(pd: PodDefaultFound, path: string): string {
  const volume = VOLUME_FIELD.exec(path);
  if (volume !== null) {
    const stored = pd.manifest.spec?.volumes?.[Number(volume[1])];
    // SetDefaults_Volume (kubernetes pkg/apis/core/v1/defaults.go): a volume without a source is an emptyDir.
    if (isPlainObject(stored) && Object.keys(stored).every(key => key === 'name')) {
      const name = typeof stored.name === 'string' ? `volume ${shownName(stored.name, 'name')}` : 'the volume';
      return `, so ${name} reaches the pod with no source, which the api server makes an emptyDir`;
    }
    return '';
  }
  if (INIT_CONTAINER_RESTART_POLICY.test(path)) {
    // restartPolicy: Always (the one value an init container takes) makes a native sidecar (KEP-753); without
    // it, the kubelet starts the pod's containers only once the init container has exited.
    return ', so the init container is no native sidecar: the pod\'s containers start only once it has exited';
  }
  // A misspelt field the CRD requires (a mount's mountPath, an env var's name): once it is pruned, the API
  // server's validation refuses the PodDefault for lacking it (the field-type rule leaves that line to this one).
  for (const refusal of pd.refused) {
    if (refusal.reason === 'required' && misspeltAs([path], refusal) === path) {
      return `, so ${shownPath(pathParts(refusal.parent))} has no ${refusal.field}, which the PodDefault CRD requires: the api server refuses the PodDefault all the same`;
    }
  }
  // The API server's pod validation (kubernetes pkg/apis/core/validation/validation.go) requires one source in
  // an env var's valueFrom (validateEnvVarValueFrom) and in an envFrom entry (ValidateEnvFrom); the webhook
  // writes what is left of them into the pod.
  const valueFrom = VALUE_FROM_FIELD.exec(path);
  if (valueFrom !== null) {
    const stored = valueAt(pd.manifest, pathParts(valueFrom[1]));
    if (isPlainObject(stored) && Object.keys(stored).length === 0) { return `, so the env var's valueFrom names no source, ${REFUSED}`; }
    return '';
  }
  const envFrom = ENV_FROM_FIELD.exec(path);
  if (envFrom !== null) {
    const stored = valueAt(pd.manifest, pathParts(envFrom[1]));
    if (isPlainObject(stored) && stored.configMapRef === undefined && stored.secretRef === undefined) {
      return `, so the envFrom entry names no Secret or ConfigMap, ${REFUSED}`;
    }
  }
  return '';
}

/** Whether the API server's core/v1 (k8s.io/api v0.35.0) has the field at `parts` (`spec`, a field, ...). */
function coreV1Has(parts: readonly (string | number)[]): boolean {
  if (parts[0] !== 'spec' || typeof parts[1] !== 'string' || !Object.prototype.hasOwnProperty.call(SPEC_TYPES, parts[1])) { return false; }
  let type = SPEC_TYPES[parts[1]];
  for (let i = 2; i < parts.length; i++) {
    type = type.replace(/^\*/, '');
    if (typeof parts[i] === 'number') {
      if (!type.startsWith('[]')) { return false; }
      type = type.slice(2);
      continue;
    }
    if (type.startsWith('map[]')) {
      type = type.slice(5);
      continue;
    }
    const fields = CORE_V1_STRUCTS[type];
    if (fields === undefined || !Object.prototype.hasOwnProperty.call(fields, parts[i])) { return false; }
    type = goType(fields[parts[i] as string]);
  }
  return true;
}

function valueAt(value: any, parts: readonly (string | number)[]): any {
  let at = value;
  for (const part of parts) { at = at?.[part]; }
  return at;
}

// metadata is an ObjectMeta in every kind, so its fields are judged in every object, whether or not the check knows
// the kind's schema. The API server decodes it case-sensitively (sigs.k8s.io/json) and, under kubectl's default
// --validate=strict, refuses a field ObjectMeta lacks ("unknown field \"metadata.lables\""): a custom resource in
// apiextensions-apiserver v0.32.9 pkg/apiserver/schema/objectmeta/coerce.go GetObjectMetaWithOptions (UnmarshalStrict),
// a built-in kind in its strict decoder. With --validate=warn or false it drops the field (SetObjectMeta writes the
// typed ObjectMeta back). The fields: k8s.io/apimachinery v0.32.9 pkg/apis/meta/v1/types.go (clusterName was removed in
// 1.25; fieldsV1 holds any JSON), in object-meta.ts.

/** The fields of ObjectMeta, each with the fields of its list items when it is a list of structs. */
const OBJECT_META_FIELDS: ReadonlyMap<string, ReadonlySet<string> | undefined> = new Map(Object.entries(OBJECT_META)
  .map(([field, type]) => [field, typeof type === 'object' && 'objects' in type ? new Set(Object.keys(type.objects)) : undefined]));

/**
 * Each field of an object's metadata (or of its owner references and managed fields) that ObjectMeta does not declare,
 * named by its path, never its value; for every object but a list, which kubectl never sends (its items are objects
 * of their own).
 */
export function unknownMetadataFields(objects: readonly Found[]): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (let i = 0; i < objects.length; i++) {
    const found = objects[i];
    const metadata = judgedMetadata(found);
    if (metadata === undefined) { continue; }
    for (const key of Object.keys(metadata)) {
      if (!OBJECT_META_FIELDS.has(key)) {
        problems.push(metadataProblem(found, ['metadata', key], OBJECT_META_FIELDS));
        continue;
      }
      const itemFields = OBJECT_META_FIELDS.get(key);
      const list = metadata[key];
      if (itemFields === undefined || !Array.isArray(list)) { continue; }
      for (let j = 0; j < list.length; j++) {
        if (!isPlainObject(list[j])) { continue; }
        for (const field of Object.keys(list[j])) {
          if (!itemFields.has(field)) { problems.push(metadataProblem(found, ['metadata', key, j, field], itemFields)); }
        }
      }
    }
  }
  return problems;
}

function metadataProblem(found: Found, parts: readonly (string | number)[], known: ReadonlyMap<string, unknown> | ReadonlySet<string>): CheckProblem {
  const path = shownPath(parts);
  const kind = kindWord(found);
  const subject = objectSubject(found);
  const meant = meantField(parts, known.keys(), found.manifest);
  const lost = meant?.field === 'labels' || meant?.field === 'annotations' ? `, so it carries none of the ${meant.field} listed there` : '';
  return checkProblem({
    rule: 'unknown-field',
    namespace: found.namespace,
    sources: [found.source],
    key: path,
    message: `${subject} sets ${path}, a field the metadata of every object (ObjectMeta) does not declare: kubectl apply refuses the ${kind} `
      + `(strict field validation, its default), and with --validate=warn or false the api server drops the field as it stores the ${kind}${lost}`,
    fix: renameFix(meant),
  });
}

// An ExternalSecret's spec and a ClusterExternalSecret's (with its externalSecretSpec, an ExternalSecret's spec) are
// judged against their whole v1 CRD of ESO v2.9.0 (eso-crd-fields.ts): a field it does not declare is pruned as the
// API server stores the object, which kubectl's default --validate=strict refuses ("strict decoding error: unknown
// field \"spec.target.creationpolicy\"", apiextensions-apiserver v0.32.9 pkg/apiserver/customresource_handler.go
// schemaCoercingDecoder, from the pruned paths of pkg/apiserver/schema/pruning/algorithm.go). As for a PodDefault, the
// rest of the check reads the object as the API server stores it with --validate=warn or false, the field dropped
// (every reader reads declared fields only): a misspelt `creationpolicy: Merge` is an Owner, what ESO then does.
// `status` is not judged: the status subresource drops it on create.

/**
 * Each field of the spec of an ExternalSecret or a ClusterExternalSecret (its `externalSecretSpec` too) that the CRD
 * does not declare, named by its path, never its value. The ExternalSecrets a ClusterExternalSecret makes are
 * judged on it, once: ESO copies the spec it stored, the field dropped.
 */
export function unknownExternalSecretFields(objects: readonly Found[]): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (let i = 0; i < objects.length; i++) {
    const found = objects[i];
    const crd = isExternalSecret(found) ? 'ExternalSecret' : isClusterExternalSecret(found) ? 'ClusterExternalSecret' : undefined;
    if (crd === undefined || generatingSource(found.source) !== undefined) { continue; }
    for (const field of undeclaredFields(found.manifest.spec, `${crd}.spec`, ['spec'])) { problems.push(esoProblem(found, crd, field)); }
  }
  return problems;
}

function esoProblem(found: Found, crd: string, field: UndeclaredField): CheckProblem {
  const { parts, declared } = field;
  const path = shownPath(parts);
  const meant = meantField(parts, declared.keys(), found.manifest);
  return checkProblem({
    rule: 'unknown-field',
    namespace: found.namespace,
    sources: [found.source],
    key: path,
    message: `${objectSubject(found)} sets ${path}, a field the ${crd} CRD does not declare: kubectl apply refuses the ${crd} (strict field validation, its default), `
      + `and with --validate=warn or false the api server drops the field as it stores the ${crd}${defaulted(meant, declared)}`,
    fix: renameFix(meant),
  });
}

/**
 * `, so FIELD takes its default, VALUE` when the field meant has a default the API server sets (the CRD's) and the
 * object does not give it besides: a misspelt `creationpolicy: Merge` leaves `creationPolicy` Owner. `''` otherwise.
 */
function defaulted(meant: Meant | undefined, declared: UndeclaredField['declared']): string {
  if (meant === undefined || meant.set) { return ''; }
  const schema = declared.get(meant.field)!;
  if (schema.type !== 'string' || schema.default === undefined) { return ''; }
  return `, so ${meant.path} takes its default, ${schema.default === '' ? 'an empty string' : schema.default}`;
}

/** The declared field a misspelt one meant: its name and path, and whether the object sets it besides. */
interface Meant {
  readonly field: string;
  readonly path: string;
  readonly set: boolean;
}

/**
 * The declared field that the last field of `parts` misspells nearest (`selector` for `spec.selecter`, `spec` for `Spec`,
 * `dataSourceRef` for `dataSourceRf` beside `dataSource`), if any: one alone, as names.ts nearestSpelledAlike finds it.
 */
function meantField(parts: readonly (string | number)[], declared: Iterable<string>, root: unknown): Meant | undefined {
  const written = parts[parts.length - 1];
  if (typeof written !== 'string') { return undefined; }
  const field = nearestSpelledAlike(written, declared);
  if (field === undefined) { return undefined; }
  const holder = valueAt(root, parts.slice(0, -1));
  const set = isPlainObject(holder) && holder[field] !== undefined && holder[field] !== null;
  return { field, path: shownPath([...parts.slice(0, -1), field]), set };
}

/** Renaming the field to the one it meant, unless that one is set besides: renaming would then write it twice. */
function renameFix(meant: Meant | undefined): string {
  if (meant === undefined) { return 'correct the field\'s name, or remove it'; }
  return meant.set ? `remove the field: ${meant.path} is set besides` : `rename the field to ${meant.path}`;
}
