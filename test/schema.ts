// Schema checks for everything the library synthesises: core objects against the Kubernetes schema
// of their kind (kubernetes-models, offline), PodDefaults and ExternalSecrets against the upstream CRDs'
// openAPIV3Schema.
// Both schemas are structural: the API server silently prunes fields they do not name, so the checks
// here also reject any field that would be pruned, and add the API server's own rules that the
// OpenAPI schemas leave out (name formats, Secret keys, the 1 MiB Secret limit).
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import * as YAML from 'yaml';
import { DNS_LABEL, DNS_SUBDOMAIN, labelKeyProblem, labelValueProblem, quote, SECRET_KEY } from '../lib/names';

const REPO_ROOT = path.join(__dirname, '..');

/** The upstream PodDefault CRD: reference data beside the clone, in CI and in the workspace, never copied. */
export const PODDEFAULT_CRD = path.join(REPO_ROOT, '..', 'shared', 'crds', 'poddefault-crd.kubeflow-v1.10.yaml');

/** The ESO ExternalSecret CRD (v2.9.0), beside the clone as the PodDefault CRD is. */
export const EXTERNALSECRET_CRD = path.join(REPO_ROOT, '..', 'shared', 'crds', 'externalsecret-crd.eso-v2.9.0.yaml');

/** kube-apiserver's limit on the decoded size of a Secret's data (corev1.MaxSecretSize). */
export const MAX_SECRET_BYTES = 1024 * 1024;

const OBJECT_META_FIELDS = ['name', 'namespace', 'labels', 'annotations'];
const SECRET_FIELDS = ['apiVersion', 'kind', 'metadata', 'type', 'data', 'immutable'];
const SERVICE_ACCOUNT_FIELDS = ['apiVersion', 'kind', 'metadata', 'secrets', 'imagePullSecrets'];
const CONFIG_MAP_FIELDS = ['apiVersion', 'kind', 'metadata', 'data'];

let crdValidator: ValidateFunction | undefined | null = null;
const compiled = new Map<string, ValidateFunction>();

/** Whether the upstream PodDefault CRD is there to validate against (it is in CI). */
export function hasPodDefaultCrd(): boolean {
  return existsSync(PODDEFAULT_CRD);
}

/** Whether the ESO ExternalSecret CRD is there to validate against (it is in CI). */
export function hasExternalSecretCrd(): boolean {
  return existsSync(EXTERNALSECRET_CRD);
}

/**
 * The problems the API server would find in `obj` (or silently prune from it); empty when there are none.
 * PodDefaults are only checked against the CRD when it is present: see hasPodDefaultCrd.
 */
export function manifestProblems(obj: any): string[] {
  const id = `${obj?.kind}/${obj?.metadata?.namespace}/${obj?.metadata?.name}`;
  const problems = [...metadataProblems(obj?.metadata)];
  switch (`${obj?.apiVersion} ${obj?.kind}`) {
    case 'v1 Secret':
      problems.push(...modelProblems(() => new Secret(obj).validate()));
      problems.push(...unknownFields(obj, SECRET_FIELDS, ''));
      problems.push(...secretProblems(obj));
      break;
    case 'v1 ServiceAccount':
      problems.push(...modelProblems(() => new ServiceAccount(obj).validate()));
      problems.push(...unknownFields(obj, SERVICE_ACCOUNT_FIELDS, ''));
      for (const ref of [...obj.secrets ?? [], ...obj.imagePullSecrets ?? []]) {
        if (!DNS_SUBDOMAIN.test(ref.name ?? '')) { problems.push(`${quote(ref.name)} names no valid Secret`); }
      }
      break;
    case 'v1 ConfigMap':
      problems.push(...modelProblems(() => new ConfigMap(obj).validate()));
      problems.push(...unknownFields(obj, CONFIG_MAP_FIELDS, ''));
      problems.push(...configMapProblems(obj));
      break;
    case 'kubeflow.org/v1alpha1 PodDefault':
      problems.push(...podDefaultProblems(obj));
      break;
    case 'external-secrets.io/v1 ExternalSecret':
      problems.push(...externalSecretProblems(obj));
      break;
    default:
      problems.push(`no schema check for ${obj?.apiVersion} ${obj?.kind}: add one to test/schema.ts`);
  }
  return problems.map(p => `${id}: ${p}`);
}

/** Asserts that every object passes manifestProblems. */
export function expectValidManifests(objs: any[]): void {
  expect(objs.length).toBeGreaterThan(0);
  expect(objs.flatMap(manifestProblems)).toEqual([]);
}

/** The objects of a multi-document YAML text, such as a golden file or a file the app wrote. */
export function parseManifests(yaml: string): any[] {
  return YAML.parseAllDocuments(yaml).map(d => d.toJS()).filter(o => o !== null && o !== undefined);
}

function metadataProblems(metadata: any): string[] {
  if (typeof metadata !== 'object' || metadata === null) { return ['metadata: missing']; }
  // kubernetes-models has no standalone ObjectMeta model; a ConfigMap is nothing but metadata and data.
  const problems = modelProblems(() => new ConfigMap({ metadata }).validate());
  problems.push(...unknownFields(metadata, OBJECT_META_FIELDS, 'metadata.'));
  if (typeof metadata.name !== 'string' || !DNS_SUBDOMAIN.test(metadata.name) || metadata.name.length > 253) {
    problems.push(`metadata.name: ${quote(metadata.name)} is not a DNS-1123 subdomain`);
  }
  if (typeof metadata.namespace !== 'string' || !DNS_LABEL.test(metadata.namespace) || metadata.namespace.length > 63) {
    problems.push(`metadata.namespace: ${quote(metadata.namespace)} is not a DNS-1123 label`);
  }
  for (const [key, value] of Object.entries<unknown>(metadata.labels ?? {})) {
    const problem = labelKeyProblem(key) ?? labelValueProblem(value);
    if (problem !== undefined) { problems.push(`metadata.labels: ${quote(key)}: ${problem}`); }
  }
  for (const [key, value] of Object.entries<unknown>(metadata.annotations ?? {})) {
    const problem = labelKeyProblem(key) ?? (typeof value === 'string' ? undefined : 'an annotation value is a string');
    if (problem !== undefined) { problems.push(`metadata.annotations: ${quote(key)}: ${problem}`); }
  }
  return problems;
}

function secretProblems(secret: any): string[] {
  const problems: string[] = [];
  if (secret.stringData !== undefined) { problems.push('stringData: the library writes data only'); }
  if (secret.immutable === false) { problems.push('immutable: false is left out, never written'); }
  let bytes = 0;
  for (const [key, value] of Object.entries<string>(secret.data ?? {})) {
    if (!SECRET_KEY.test(key) || key.length > 253 || key === '.' || key === '..') {
      problems.push(`data: ${quote(key)} is not a valid Secret key`);
    }
    if (typeof value === 'string') { bytes += Buffer.from(value, 'base64').length; }
  }
  if (bytes > MAX_SECRET_BYTES) {
    problems.push(`data: ${bytes} bytes, more than the ${MAX_SECRET_BYTES} a Secret may hold`);
  }
  if (secret.type === 'kubernetes.io/dockerconfigjson') {
    const config = secret.data?.['.dockerconfigjson'];
    if (typeof config !== 'string') {
      problems.push('data: a kubernetes.io/dockerconfigjson Secret needs the key .dockerconfigjson');
    } else {
      try {
        JSON.parse(Buffer.from(config, 'base64').toString('utf8'));
      } catch {
        problems.push('data: .dockerconfigjson is not JSON');
      }
    }
  }
  return problems;
}

/** A ConfigMap's keys follow a Secret's rule, and its data the same 1 MiB limit. */
function configMapProblems(configMap: any): string[] {
  const problems: string[] = [];
  let bytes = 0;
  for (const [key, value] of Object.entries<string>(configMap.data ?? {})) {
    if (!SECRET_KEY.test(key) || key.length > 253 || key === '.' || key === '..') { problems.push(`data: ${quote(key)} is not a valid ConfigMap key`); }
    if (typeof value !== 'string') { problems.push(`data: ${quote(key)} is not a string`); } else { bytes += Buffer.byteLength(value); }
  }
  if (bytes > MAX_SECRET_BYTES) { problems.push(`data: ${bytes} bytes, more than the ${MAX_SECRET_BYTES} a ConfigMap may hold`); }
  return problems;
}

function podDefaultProblems(podDefault: any): string[] {
  const problems = podSpecProblems(podDefault.spec ?? {});
  const validate = podDefaultValidator();
  if (validate === undefined || validate(podDefault)) { return problems; }
  return [...problems, ...crdErrors(validate)];
}

/**
 * The rules the API server applies to the pod a PodDefault is merged into, which no schema states:
 * names, references, paths, and the selector the notebook spawner lists.
 */
function podSpecProblems(spec: any): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => { if (!ok) { problems.push(problem); } };
  const labels = Object.entries<unknown>(spec.selector?.matchLabels ?? {});
  check(labels.length === 1 && labels[0][1] === 'true', 'spec.selector: the spawner needs exactly one matchLabels entry, "<name>": "true"');
  for (const [key] of labels) { check(labelKeyProblem(key) === undefined, `spec.selector: ${quote(key)} is not a label key`); }
  const volumes = new Set<string>();
  for (const volume of spec.volumes ?? []) {
    check(DNS_LABEL.test(volume.name) && volume.name.length <= 63, `spec.volumes: ${quote(volume.name)} is not a DNS-1123 label`);
    volumes.add(volume.name);
    if (volume.secret !== undefined) {
      check(DNS_SUBDOMAIN.test(volume.secret.secretName), `spec.volumes: secretName ${quote(volume.secret.secretName)} is not a DNS-1123 subdomain`);
      for (const item of volume.secret.items ?? []) {
        check(SECRET_KEY.test(item.key), `spec.volumes: items key ${quote(item.key)} is not a Secret key`);
        check(!item.path.startsWith('/') && !item.path.split('/').includes('..'), `spec.volumes: items path ${quote(item.path)} is not a relative path`);
      }
    }
  }
  for (const mount of spec.volumeMounts ?? []) {
    check(volumes.has(mount.name), `spec.volumeMounts: ${quote(mount.name)} names no volume of the PodDefault`);
    check(mount.mountPath.startsWith('/') && !/[\0\r\n]/.test(mount.mountPath), `spec.volumeMounts: ${quote(mount.mountPath)} is not an absolute path`);
  }
  for (const env of spec.env ?? []) {
    check(/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(env.name), `spec.env: ${quote(env.name)} is not an environment variable name`);
    const ref = env.valueFrom?.secretKeyRef;
    if (ref !== undefined) { check(DNS_SUBDOMAIN.test(ref.name) && SECRET_KEY.test(ref.key), `spec.env: ${env.name} refers to an invalid Secret or key`); }
  }
  for (const from of spec.envFrom ?? []) {
    check(DNS_SUBDOMAIN.test(from.secretRef?.name ?? ''), 'spec.envFrom: secretRef names no valid Secret');
  }
  for (const pull of spec.imagePullSecrets ?? []) {
    check(DNS_SUBDOMAIN.test(pull.name), `spec.imagePullSecrets: ${quote(pull.name)} is not a DNS-1123 subdomain`);
  }
  return problems;
}

/**
 * An ExternalSecret against the ESO CRD when it is present, plus what ESO's validating webhook and the
 * API server refuse beyond the schema, and the library's own promises: the Secret is owned by the
 * ExternalSecret and named after it, and every template is written for engine v2.
 */
function externalSecretProblems(es: any): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => { if (!ok) { problems.push(problem); } };
  const spec = es.spec ?? {};
  check((spec.data ?? []).length > 0 || (spec.dataFrom ?? []).length > 0, 'spec: ESO\'s webhook refuses an ExternalSecret with neither data nor dataFrom');
  const keys = (spec.data ?? []).map((d: any) => d.secretKey);
  check(new Set(keys).size === keys.length, 'spec.data: a secretKey is given twice');
  check(spec.target?.name === es.metadata?.name, 'spec.target.name: the library names the ExternalSecret after its Secret');
  check(spec.target?.creationPolicy === 'Owner', 'spec.target.creationPolicy: the library writes Owner');
  check(spec.target?.immutable !== false, 'spec.target.immutable: false is left out, never written');
  const template = spec.target?.template;
  if (template !== undefined) {
    check(template.engineVersion === 'v2', 'spec.target.template.engineVersion: the templates are written for v2');
    for (const key of Object.keys(template.data ?? {})) {
      check(SECRET_KEY.test(key) && key.length <= 253, `spec.target.template.data: ${JSON.stringify(key)} is not a valid Secret key`);
    }
  }
  const validate = externalSecretValidator();
  if (validate === undefined || validate(es)) { return problems; }
  return [...problems, ...crdErrors(validate)];
}

function crdErrors(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message}` +
    (e.keyword === 'additionalProperties' ? ` (${JSON.stringify(e.params.additionalProperty)}, which the API server would prune)` : ''));
}

function externalSecretValidator(): ValidateFunction | undefined {
  return hasExternalSecretCrd() ? compileCrd(EXTERNALSECRET_CRD) : undefined;
}

function podDefaultValidator(): ValidateFunction | undefined {
  if (crdValidator === null) {
    crdValidator = hasPodDefaultCrd() ? compileCrd(PODDEFAULT_CRD) : undefined;
  }
  return crdValidator;
}

/** Compiles the served version's openAPIV3Schema, closed so that what would be pruned is rejected. */
export function compileCrd(file: string): ValidateFunction {
  const cached = compiled.get(file);
  if (cached !== undefined) { return cached; }
  const crd = YAML.parse(readFileSync(file, 'utf8'));
  const version = crd.spec.versions.find((v: any) => v.served && v.storage);
  const schema = structuralToJsonSchema(version.schema.openAPIV3Schema);
  schema.properties.apiVersion = { const: `${crd.spec.group}/${version.name}` };
  schema.properties.kind = { const: crd.spec.names.kind };
  schema.required = [...new Set([...(schema.required ?? []), 'apiVersion', 'kind', 'metadata', 'spec'])];
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  // Only in the status of the ESO CRD, which the library never writes.
  ajv.addFormat('date-time', { type: 'string', validate: (t: string) => !Number.isNaN(Date.parse(t)) });
  const validate = ajv.compile(schema);
  compiled.set(file, validate);
  return validate;
}

/**
 * A Kubernetes structural schema as a JSON schema: int-or-string as anyOf, the x-kubernetes
 * extensions dropped, and every object with `properties` closed with `additionalProperties: false`.
 */
export function structuralToJsonSchema(node: any): any {
  if (Array.isArray(node)) { return node.map(structuralToJsonSchema); }
  if (typeof node !== 'object' || node === null) { return node; }
  const out: any = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-kubernetes-')) { continue; }
    // `properties` maps field names to schemas; only its values are schemas to convert.
    out[key] = key === 'properties'
      ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, structuralToJsonSchema(v)]))
      : structuralToJsonSchema(value);
  }
  if (node['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (out.properties !== undefined && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  return out;
}

function modelProblems(validate: () => void): string[] {
  try {
    validate();
    return [];
  } catch (e) {
    return [(e as Error).message];
  }
}

function unknownFields(obj: any, known: string[], prefix: string): string[] {
  if (typeof obj !== 'object' || obj === null) { return []; }
  return Object.keys(obj).filter(k => !known.includes(k)).map(k => `${prefix}${k}: not a field the library writes (unknown fields are pruned or rejected)`);
}
