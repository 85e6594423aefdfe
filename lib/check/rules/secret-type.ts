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
import { isPlainObject, typeName } from '../../json';
import { goBase64Decode, goBase64Length } from '../go-base64';
import { goJsonMapProblem } from '../go-json';
import { Found, isSecret, NO_PROBLEMS, ns } from '../objects';
import { checkProblem } from '../problem';
import { isByteList } from './secret-data';
import { CheckProblem } from '../types';

const RULE = 'secret-type';
const REFUSED = 'the api server refuses the Secret, so kubectl apply fails and no pod gets the Secret\'s keys';
const OTHER_TYPE = 'or, for a Secret of other keys, use type Opaque';

/** The keys of a Secret as the API server validates them: `stringData` written over `data`. */
type Keys = ReadonlyMap<string, { readonly field: 'data' | 'stringData'; readonly value: unknown }>;

type TypeRule = (found: Found, keys: Keys) => readonly Said[];

/** A problem as a type rule states it: the key or field at fault, what is wrong, and the fix. */
interface Said {
  readonly key: string;
  readonly message: string;
  readonly fix: string;
}

/** kubernetes.io/service-account-token: the annotation naming the ServiceAccount, not empty. */
function serviceAccountToken(found: Found): readonly Said[] {
  const annotations = found.manifest.metadata?.annotations;
  // Annotations that are no mapping, or a value of another type, fail the decoding, not this validation.
  if (annotations !== undefined && annotations !== null && !isPlainObject(annotations)) { return []; }
  const name = annotations?.[SERVICE_ACCOUNT_NAME];
  if ((typeof name === 'string' && name !== '') || (name !== undefined && name !== null && typeof name !== 'string')) { return []; }
  const state = name === undefined ? 'which it lacks' : 'which is empty';
  return [{
    key: `metadata.annotations.${SERVICE_ACCOUNT_NAME}`,
    message: `type kubernetes.io/service-account-token needs the annotation ${SERVICE_ACCOUNT_NAME}, the name of the ServiceAccount whose token it holds, ${state}`,
    fix: `set the annotation ${SERVICE_ACCOUNT_NAME} to the ServiceAccount's name (the token controller then fills in the token), ${OTHER_TYPE}`,
  }];
}

const SERVICE_ACCOUNT_NAME = 'kubernetes.io/service-account.name';

/** kubernetes.io/dockercfg and kubernetes.io/dockerconfigjson: the key, holding a JSON object. */
function dockerConfig(type: string, key: string, fix: string): TypeRule {
  return (_found, keys) => {
    const entry = keys.get(key);
    if (entry === undefined) {
      return [{ key, message: `type ${type} needs the key ${key} in data or stringData, which it lacks`, fix: `${fix}, ${OTHER_TYPE}` }];
    }
    const problem = goJsonMapProblem(bytesOf(entry));
    if (problem === undefined) { return []; }
    return [{ key, message: `type ${type} needs ${entry.field} ${key} to be a JSON object (json.Unmarshal into a map), and it ${problem}`, fix }];
  };
}

/** kubernetes.io/basic-auth: username or password, either empty. */
function basicAuth(_found: Found, keys: Keys): readonly Said[] {
  if (keys.has('username') || keys.has('password')) { return []; }
  return [{
    key: 'data',
    message: 'type kubernetes.io/basic-auth needs the key username or the key password (or both) in data or stringData, and has neither',
    fix: `add username and password, ${OTHER_TYPE}`,
  }];
}

/** kubernetes.io/ssh-auth: ssh-privatekey, not empty. */
function sshAuth(_found: Found, keys: Keys): readonly Said[] {
  const entry = keys.get('ssh-privatekey');
  if (entry !== undefined && bytesOf(entry).length > 0) { return []; }
  return [{
    key: 'ssh-privatekey',
    message: `type kubernetes.io/ssh-auth needs the key ssh-privatekey in data or stringData, ${entry === undefined ? 'which it lacks' : 'which is empty'}`,
    fix: `give the private key (the file ssh-keygen writes, such as id_ed25519) under ssh-privatekey, ${OTHER_TYPE}`,
  }];
}

/** kubernetes.io/tls: tls.crt and tls.key, either empty; each missing one is one problem, as the API server says. */
function tls(_found: Found, keys: Keys): readonly Said[] {
  const said: Said[] = [];
  for (const [key, what] of [['tls.crt', 'the PEM certificate'], ['tls.key', 'the PEM private key']]) {
    if (keys.has(key)) { continue; }
    said.push({
      key,
      message: `type kubernetes.io/tls needs the key ${key} in data or stringData, which it lacks`,
      fix: `add ${key}, ${what} (kubectl create secret tls writes both), ${OTHER_TYPE}`,
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
 * type is no string. Names the Secret, the type and the key, never a value.
 */
export function secretTypes(objects: readonly Found[]): readonly CheckProblem[] {
  let problems: CheckProblem[] | undefined;
  for (let i = 0; i < objects.length; i++) {
    const found = objects[i];
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
    for (const said of rule(found, keys)) {
      problems ??= [];
      problems.push(problem(found, said.key, `${said.message}: ${REFUSED}`, said.fix));
    }
  }
  return problems ?? NO_PROBLEMS;
}

function problem(found: Found, key: string, message: string, fix: string): CheckProblem {
  return checkProblem({
    rule: RULE, namespace: found.namespace, sources: [found.source], key,
    message: `secret ${found.name} (${found.source}) in namespace ${ns(found.namespace)}: ${message}`, fix,
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

