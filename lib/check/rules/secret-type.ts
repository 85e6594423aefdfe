// What the API server asks of a Secret of each built-in type. ValidateSecret (kubernetes
// pkg/apis/core/validation/validation.go, release-1.32; unchanged since well before it) switches on the type,
// after the Secret is decoded and each `stringData` value written over `data`'s key (pkg/apis/core/v1
// conversion.go, Convert_v1_Secret_To_core_Secret, "StringData overwrites Data"):
//   kubernetes.io/service-account-token  the annotation kubernetes.io/service-account.name, not empty;
//   kubernetes.io/dockercfg              the key .dockercfg, whose bytes json.Unmarshal (encoding/json) reads
//                                        into a map[string]interface{}: a JSON object, or null (go-json.ts);
//   kubernetes.io/dockerconfigjson       the key .dockerconfigjson, read alike (a map, not the DockerConfigJSON
//                                        struct: `{"auths": 1}` passes);
//   kubernetes.io/basic-auth             the key username or the key password, either may be empty;
//   kubernetes.io/ssh-auth               the key ssh-privatekey, not empty;
//   kubernetes.io/tls                    the keys tls.crt and tls.key, either may be empty (nor is either read
//                                        as PEM);
//   Opaque, "" and any other type        nothing.
// A key counts when `data` or `stringData` holds it, with any value, null too (Go's decoder stores the key
// with no bytes). The type is a string (SecretType); a value of another type fails the decoding, as a value
// of `data` does (secret-data). A Secret the API server cannot decode it never validates: secret-data says
// why, and this rule leaves it alone. That ValidateSecretUpdate refuses a change of type (the field is
// immutable) is the cluster's business: the check sees the manifest, not what is stored.
//
// An ExternalSecret whose `spec.target.template.type` is one of these types makes External Secrets Operator
// write a Secret of that type, which the API server validates alike. ESO v2.9.0 (tag v2.9.0,
// pkg/controllers/externalsecret/externalsecret_controller_template.go, ApplyTemplate): with creationPolicy
// Owner or Orphan it clears the Secret's data first (Merge and CreateOrMerge keep the keys the Secret holds,
// unknown here: not judged); a non-empty `template.type` becomes the Secret's type, with any creationPolicy
// (an empty one keeps the type the Secret has, Opaque for a new one); the keys of `template.data` are written
// as they are (templating.Parser.MergeMap renders values only), and the fetched keys are copied only with
// `mergePolicy: Merge` or a template with neither `data` nor `templateFrom`. ESO adds no key of its own.
// Keys that `templateFrom`, or `dataFrom` when copied, add are known only at sync time: not judged. Values
// are rendered at sync time, so only which keys the Secret holds is judged (not a .dockerconfigjson's JSON,
// nor an empty ssh-privatekey). ESO itself refuses a template of type bootstrap.kubernetes.io/token, and one of
// type kubernetes.io/service-account-token that sets the annotation kubernetes.io/service-account.name or has a
// templateFrom of target Annotations (validatePrivilegedTemplate in
// apis/externalsecrets/v1/externalsecret_validator.go, run by the webhook and by ApplyTemplate); and the
// Secret an Owner ExternalSecret creates has no other annotations than the template's and ESO's own, so
// the API server refuses a token without: such an ExternalSecret never syncs. ESO reads the ExternalSecret
// as the API server stores it, without the nulls it drops.
import { pathText } from '../../admission/stored-pod-default';
import { isPlainObject, typeName } from '../../json';
import { shownName } from '../../names';
import { goBase64Decode, goBase64Length } from '../go-base64';
import { goJsonMapProblem } from '../go-json';
import { BOOTSTRAP_TOKEN, copiesFetched, externalSecretExactKeys, externalSecretTarget, isReadExternalSecret, privilegedTemplate, SERVICE_ACCOUNT_NAME, storedOf } from '../external-secret';
import { Found, isExternalSecret, isSecret, NO_PROBLEMS, ns } from '../objects';
import { checkProblem } from '../problem';
import { isByteList } from './secret-data';
import { CheckProblem } from '../types';

const RULE = 'secret-type';
const REFUSED = 'the api server refuses the Secret, so kubectl apply fails and no pod gets the Secret\'s keys';
const OTHER_TYPE = 'or, for a Secret of other keys, use type Opaque';

/** The keys of a Secret as the API server validates them: `stringData` written over `data`. */
type Keys = ReadonlyMap<string, { readonly field: 'data' | 'stringData'; readonly value: unknown }>;

type TypeRule = (holder: Holder, keys: Keys) => readonly Said[];

/** The Secret a type rule judges: a Secret of the input, or the one an ExternalSecret makes ESO write. */
interface Holder {
  /** Its `metadata.annotations`. */
  readonly annotations: unknown;
  /** Where its keys are given, for the messages: `in data or stringData`. */
  readonly where: string;
  /** Whether its values are known; an ExternalSecret's are rendered at sync time, so only its keys are judged. */
  readonly values: boolean;
}

/** A problem as a type rule states it: the key or field at fault, what is wrong, and the fix. */
interface Said {
  readonly key: string;
  readonly message: string;
  readonly fix: string;
  /** The keys that would mend it, for an ExternalSecret's fix. */
  readonly add?: readonly string[];
}

/** kubernetes.io/service-account-token: the annotation naming the ServiceAccount, not empty. */
function serviceAccountToken(holder: Holder): readonly Said[] {
  const annotations: any = holder.annotations;
  // Annotations that are no mapping, or a value of another type, fail the decoding, not this validation.
  if (annotations !== undefined && annotations !== null && !isPlainObject(annotations)) { return []; }
  const name = annotations?.[SERVICE_ACCOUNT_NAME];
  if ((typeof name === 'string' && name !== '') || (name !== undefined && name !== null && typeof name !== 'string')) { return []; }
  const state = name === undefined ? 'which it lacks' : 'which is empty';
  return [{
    // The path as every rule writes it (pathText): the annotation's name in brackets, as field-type names it too.
    key: pathText(['metadata', 'annotations', SERVICE_ACCOUNT_NAME]),
    message: `type kubernetes.io/service-account-token needs the annotation ${SERVICE_ACCOUNT_NAME}, the name of the ServiceAccount whose token it holds, ${state}`,
    fix: `set the annotation ${SERVICE_ACCOUNT_NAME} to the ServiceAccount's name (the token controller then fills in the token), ${OTHER_TYPE}`,
  }];
}

/** kubernetes.io/dockercfg and kubernetes.io/dockerconfigjson: the key, holding a JSON object. */
function dockerConfig(type: string, key: string, fix: string): TypeRule {
  return (holder, keys) => {
    const entry = keys.get(key);
    if (entry === undefined) {
      return [{ key, message: `type ${type} needs the key ${key} ${holder.where}, which it lacks`, fix: `${fix}, ${OTHER_TYPE}`, add: [key] }];
    }
    if (!holder.values) { return []; }
    const problem = goJsonMapProblem(bytesOf(entry));
    if (problem === undefined) { return []; }
    return [{ key, message: `type ${type} needs ${entry.field} ${key} to be a JSON object (json.Unmarshal into a map), and it ${problem}`, fix }];
  };
}

/** kubernetes.io/basic-auth: username or password, either empty. */
function basicAuth(holder: Holder, keys: Keys): readonly Said[] {
  if (keys.has('username') || keys.has('password')) { return []; }
  return [{
    key: 'data',
    message: `type kubernetes.io/basic-auth needs the key username or the key password (or both) ${holder.where}, and has neither`,
    fix: `add username and password, ${OTHER_TYPE}`,
    add: ['username', 'password'],
  }];
}

/** kubernetes.io/ssh-auth: ssh-privatekey, not empty. */
function sshAuth(holder: Holder, keys: Keys): readonly Said[] {
  const entry = keys.get('ssh-privatekey');
  if (entry !== undefined && (!holder.values || bytesOf(entry).length > 0)) { return []; }
  return [{
    key: 'ssh-privatekey',
    message: `type kubernetes.io/ssh-auth needs the key ssh-privatekey ${holder.where}, ${entry === undefined ? 'which it lacks' : 'which is empty'}`,
    fix: `give the private key (the file ssh-keygen writes, such as id_ed25519) under ssh-privatekey, ${OTHER_TYPE}`,
    add: ['ssh-privatekey'],
  }];
}

/** kubernetes.io/tls: tls.crt and tls.key, either empty; each missing one is one problem, as the API server says. */
function tls(holder: Holder, keys: Keys): readonly Said[] {
  const said: Said[] = [];
  for (const [key, what] of [['tls.crt', 'the PEM certificate'], ['tls.key', 'the PEM private key']]) {
    if (keys.has(key)) { continue; }
    said.push({
      key,
      message: `type kubernetes.io/tls needs the key ${key} ${holder.where}, which it lacks`,
      fix: `add ${key}, ${what} (kubectl create secret tls writes both), ${OTHER_TYPE}`,
      add: [key],
    });
  }
  return said;
}

const DOCKER_CONFIG_JSON_FIX = 'give the config.json that docker login writes ({"auths": {...}}), base64-encoded under data or as it is under stringData';

const TYPE_RULES: ReadonlyMap<string, TypeRule> = new Map<string, TypeRule>([
  ['kubernetes.io/service-account-token', serviceAccountToken],
  ['kubernetes.io/dockercfg', dockerConfig('kubernetes.io/dockercfg', '.dockercfg',
    'give the legacy ~/.dockercfg (a JSON object of registries), base64-encoded under data or as it is under stringData, '
    + 'or use type kubernetes.io/dockerconfigjson with the key .dockerconfigjson')],
  ['kubernetes.io/dockerconfigjson', dockerConfig('kubernetes.io/dockerconfigjson', '.dockerconfigjson', DOCKER_CONFIG_JSON_FIX)],
  ['kubernetes.io/basic-auth', basicAuth],
  ['kubernetes.io/ssh-auth', sshAuth],
  ['kubernetes.io/tls', tls],
]);

/**
 * Each Secret of `objects` that the API server refuses for what its type asks of it (a key it lacks, a
 * docker config that is no JSON object, a service account token without its ServiceAccount), and each whose
 * type is no string; and each ExternalSecret whose `spec.target.template.type` asks for a key the Secret
 * it makes ESO write will lack (see the top of this file). Names the Secret (or ExternalSecret), the type
 * and the key, never a value.
 */
export function secretTypes(objects: readonly Found[]): readonly CheckProblem[] {
  let problems: CheckProblem[] | undefined;
  for (let i = 0; i < objects.length; i++) {
    const found = objects[i];
    if (isExternalSecret(found)) {
      const said = externalSecretType(found);
      if (said.length > 0) { (problems ??= []).push(...said); }
      continue;
    }
    if (!isSecret(found)) { continue; }
    const type: unknown = found.manifest.type;
    if (type === undefined || type === null || type === 'Opaque') { continue; }
    if (typeof type !== 'string') {
      problems ??= [];
      problems.push(problem(found, 'type', `type is ${typeName(type)}, not a string: ${REFUSED}`, 'write the type as a string, such as Opaque or kubernetes.io/tls'));
      continue;
    }
    const rule = TYPE_RULES.get(type);
    if (rule === undefined) { continue; }
    const keys = keysOf(found.manifest);
    if (keys === undefined) { continue; }
    const holder: Holder = { annotations: found.manifest.metadata?.annotations, where: 'in data or stringData', values: true };
    for (const said of rule(holder, keys)) {
      problems ??= [];
      problems.push(problem(found, said.key, `${said.message}: ${REFUSED}`, said.fix));
    }
  }
  return problems ?? NO_PROBLEMS;
}

function problem(found: Found, key: string, message: string, fix: string): CheckProblem {
  return checkProblem({
    rule: RULE, namespace: found.namespace, sources: [found.source], key,
    message: `secret ${shownName(found.name, 'name')} (${found.source}) in namespace ${ns(found.namespace)}: ${message}`, fix,
  });
}

const ES_REFUSED = 'the api server refuses the Secret External Secrets Operator writes, so the ExternalSecret never syncs and no pod gets the Secret\'s keys';
const ES_OTHER_TYPE = 'or, for a Secret of other keys, set spec.target.template.type to Opaque';
const ES_TOKEN_FIX = 'leave service account tokens to Kubernetes (a Secret of that type with the annotation, which the token controller fills in, '
  + `or a projected token), ${ES_OTHER_TYPE}`;

/**
 * What the API server (or ESO) refuses of the Secret that `found`, an ExternalSecret, makes ESO write for
 * its `spec.target.template.type` (see the top of this file); nothing where its keys are not known exactly.
 */
function externalSecretType(found: Found): readonly CheckProblem[] {
  const type: unknown = found.manifest.spec?.target?.template?.type;
  const rule = typeof type === 'string' ? TYPE_RULES.get(type) : undefined;
  if (rule === undefined && type !== BOOTSTRAP_TOKEN) { return NO_PROBLEMS; }
  // ESO reads the ExternalSecret as stored, without the nulls the API server drops: an annotation of null is none.
  const manifest = storedOf(found);
  const template = manifest.spec.target.template;
  // validatePrivilegedTemplate refuses the bootstrap type itself, and a token with the annotation or with a templateFrom
  // that writes annotations, which could write it: of every ExternalSecret, whatever ESO would write (a Secret, another
  // kind, or nothing with creationPolicy None; validateExternalSecret, apis/externalsecrets/v1/externalsecret_validator.go, v2.9.0).
  const privileged = privilegedTemplate(template);
  if (privileged !== undefined) {
    if (!isReadExternalSecret(found)) { return NO_PROBLEMS; }
    if (privileged === 'bootstrap') {
      return [esProblem(found, `spec.target.template.type ${BOOTSTRAP_TOKEN} is refused by External Secrets Operator (its webhook, and its controller before it writes), `
        + 'so the ExternalSecret never syncs', `create bootstrap tokens with kubeadm token create, ${ES_OTHER_TYPE}`)];
    }
    const what = privileged === 'templateFrom'
      ? 'a spec.target.template.templateFrom of target Annotations'
      : `the annotation ${SERVICE_ACCOUNT_NAME} in spec.target.template.metadata.annotations`;
    return [esProblem(found, `spec.target.template.type kubernetes.io/service-account-token with ${what} is refused by External Secrets Operator `
      + '(its webhook, and its controller before it writes), so the ExternalSecret never syncs', ES_TOKEN_FIX)];
  }
  const target = externalSecretTarget(found);
  if (rule === undefined || target === undefined || target.group !== 'core' || target.kind !== 'Secret') { return NO_PROBLEMS; }
  const annotations = isPlainObject(template.metadata) ? template.metadata.annotations : undefined;
  // Merge and CreateOrMerge keep the keys (and annotations) of the Secret that exists; Orphan keeps its annotations.
  if (!target.replaces || (type === 'kubernetes.io/service-account-token' && target.policy !== 'Owner')) { return NO_PROBLEMS; }
  const names = externalSecretExactKeys(found);
  if (names === undefined) { return NO_PROBLEMS; }
  const templated = isPlainObject(template.data) && Object.keys(template.data).length > 0;
  const fetched = copiesFetched(template);
  const from = templated ? (fetched ? 'spec.target.template.data and spec.data[].secretKey' : 'spec.target.template.data') : 'spec.data[].secretKey';
  const keys: Keys = new Map(names.map(name => [name, { field: 'stringData' as const, value: undefined }]));
  const holder: Holder = { annotations, where: `in the Secret it writes (the keys of ${from})`, values: false };
  return rule(holder, keys).map(said => esProblem(found, `spec.target.template.${said.message}: ${ES_REFUSED}`, said.add === undefined
    ? `External Secrets Operator refuses a template with that annotation: ${ES_TOKEN_FIX}` : `${esAdd(said.add, fetched)}, ${ES_OTHER_TYPE}`));
}

/** The fix that adds `keys` to the Secret an ExternalSecret writes, by a template or, where ESO copies them, by fetching them. */
function esAdd(keys: readonly string[], fetched: boolean): string {
  const them = keys.length === 1 ? `the key ${keys[0]}` : `the keys ${keys.join(' and ')}`;
  return `add ${them} under spec.target.template.data, a template of the fetched keys`
    + (fetched ? `, or fetch ${keys.length === 1 ? 'it' : 'them'} as spec.data[].secretKey` : '');
}

function esProblem(found: Found, message: string, fix: string): CheckProblem {
  return checkProblem({
    rule: RULE, namespace: found.namespace, sources: [found.source], key: 'spec.target.template.type',
    message: `externalsecret ${shownName(found.name, 'name')} (${found.source}) in namespace ${ns(found.namespace)}: ${message}`, fix,
  });
}

/**
 * The keys of the Secret `manifest` once the API server has decoded it and written `stringData` over
 * `data`, or `undefined` when it cannot decode it (secret-data reports why).
 */
function keysOf(manifest: any): Keys | undefined {
  const { data, stringData } = manifest;
  const keys = new Map<string, { field: 'data' | 'stringData'; value: unknown }>();
  if (isPlainObject(data)) {
    for (const key of Object.keys(data)) {
      const value = data[key];
      if (typeof value === 'string' ? goBase64Length(value) < 0 : value !== null && !isByteList(value)) { return undefined; }
      keys.set(key, { field: 'data', value });
    }
  } else if (data !== undefined && data !== null) {
    return undefined;
  }
  if (isPlainObject(stringData)) {
    for (const key of Object.keys(stringData)) {
      const value = stringData[key];
      if (typeof value !== 'string' && value !== null) { return undefined; }
      keys.set(key, { field: 'stringData', value });
    }
  } else if (stringData !== undefined && stringData !== null) {
    return undefined;
  }
  return keys;
}

/** The bytes the API server holds for a key: `data`'s decoded, `stringData`'s in UTF-8, none for null. */
function bytesOf(entry: { readonly field: 'data' | 'stringData'; readonly value: unknown }): Uint8Array {
  const value = entry.value;
  if (value === null) { return new Uint8Array(0); }
  if (entry.field === 'stringData') { return Buffer.from(value as string, 'utf8'); }
  return typeof value === 'string' ? goBase64Decode(value)! : Uint8Array.from(value as number[]);
}

