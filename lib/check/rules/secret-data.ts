// A Secret's data as the API server reads it. `data` is `map[string][]byte` and `stringData`
// `map[string]string` (k8s.io/api core/v1 types.go): its JSON decoder (sigs.k8s.io/json, a fork of
// encoding/json) decodes each `data` string as base64 (go-base64.ts), a list of integers 0 to 255 as the
// bytes themselves and null as no bytes, and refuses any other value, as it refuses a `stringData` value
// that is no string or null ("cannot unmarshal number into Go struct field Secret.stringData of type
// string"): a `data: {port: 5432}` or `stringData: {port: 5432}` left unquoted in YAML. Decoded, the
// Secret holds `data` with each `stringData` value written over its key (pkg/apis/core/v1/conversion.go,
// Convert_v1_Secret_To_core_Secret), and ValidateSecret (pkg/apis/core/validation/validation.go) refuses
// it when the bytes of its values, not its keys, add up to more than core.MaxSecretSize, 1 MiB, or when a
// key is not one IsConfigMapKey takes (isSecretKey in names.ts). `kubectl apply` fails either way, and no
// pod gets the Secret's keys. A key refused is named by its place, never shown (a token pasted as a key).
import { isPlainObject, typeName } from '../../json';
import { isSecretKey, refusal, SECRET_KEY_RULE, shownKey, shownName } from '../../names';
import { goBase64ErrorOffset, goBase64Length } from '../go-base64';
import { copiesFetched, externalSecretTarget, storedOf } from '../external-secret';
import { Found, isExternalSecret, isSecret, NO_PROBLEMS, ns } from '../objects';
import { checkProblem } from '../problem';
import { CheckProblem } from '../types';

/** core.MaxSecretSize: the most bytes the values of a Secret's data may hold. */
export const MAX_SECRET_BYTES = 1024 * 1024;

const RULE = 'secret-data';
const REFUSED = 'so kubectl apply fails and no pod gets the Secret\'s keys';

/**
 * Each Secret of `objects` whose `data` or `stringData` the API server cannot decode, naming the key and,
 * for base64, the byte Go stops at; and each that holds more than 1 MiB once decoded. Never a value, nor
 * any part of it. One pass over the objects, and over each string of `data` once.
 */
export function secretData(objects: readonly Found[]): readonly CheckProblem[] {
  let problems: CheckProblem[] | undefined;
  for (let i = 0; i < objects.length; i++) {
    const found = objects[i];
    if (isExternalSecret(found)) {
      problems = judgeWrittenKeys(found, problems);
      continue;
    }
    if (!isSecret(found)) { continue; }
    const manifest = found.manifest;
    if ((manifest.data === undefined || manifest.data === null) && (manifest.stringData === undefined || manifest.stringData === null)) { continue; }
    problems = judge(found, problems);
  }
  return problems ?? NO_PROBLEMS;
}

/** `problems` with those of one Secret added: a list is made at the first problem of the check. */
function judge(found: Found, problems: CheckProblem[] | undefined): CheckProblem[] | undefined {
  const { data, stringData } = found.manifest;
  const before = problems?.length ?? 0;
  let size = 0;
  if (data !== undefined && data !== null && !isPlainObject(data)) {
    problems = add(problems, found, 'data', `data is ${typeName(data)}, not a mapping of keys to base64 strings: the api server refuses the Secret, ${REFUSED}`,
      'give data as a mapping of keys to base64 strings');
  }
  if (stringData !== undefined && stringData !== null && !isPlainObject(stringData)) {
    problems = add(problems, found, 'stringData', `stringData is ${typeName(stringData)}, not a mapping of keys to strings: the api server refuses the Secret, ${REFUSED}`,
      'give stringData as a mapping of keys to strings');
  }
  const written = isPlainObject(stringData) ? stringData : undefined;
  if (isPlainObject(data)) {
    const keys = Object.keys(data);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (!isSecretKey(key)) {
        problems = refusedKey(problems, found, 'data', i + 1, key);
        continue;
      }
      const value = data[key];
      let bytes: number;
      if (typeof value === 'string') {
        bytes = goBase64Length(value);
        if (bytes < 0) {
          problems = add(problems, found, key, `data ${shownKey(key)} is not base64 as the api server decodes it (illegal base64 data at input byte ${goBase64ErrorOffset(bytes)}), `
            + `which refuses the Secret, ${REFUSED}`, BASE64_FIX);
          continue;
        }
      } else if (value === null) {
        bytes = 0;
      } else if (isByteList(value)) {
        bytes = value.length;
      } else {
        problems = add(problems, found, key, `data ${shownKey(key)} is ${typeName(value)}, not a base64 string: the api server cannot read it as bytes and refuses the Secret, ${REFUSED}`,
          'give the value base64-encoded in quotes, or unencoded in quotes under stringData');
        continue;
      }
      // A stringData value of the key is written over this one.
      if (written === undefined || !Object.prototype.hasOwnProperty.call(written, key)) { size += bytes; }
    }
  }
  if (written !== undefined) {
    const keys = Object.keys(written);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (!isSecretKey(key)) {
        problems = refusedKey(problems, found, 'stringData', i + 1, key);
        continue;
      }
      const value = written[key];
      if (typeof value === 'string') {
        size += Buffer.byteLength(value, 'utf8');
      } else if (value !== null) {
        problems = add(problems, found, key, `stringData ${shownKey(key)} is ${typeName(value)}, not a string: the api server refuses the Secret, ${REFUSED}`, 'quote the value');
      }
    }
  }
  // The API server validates the size of a Secret it could decode only.
  if ((problems?.length ?? 0) === before && size > MAX_SECRET_BYTES) {
    problems = add(problems, found, 'data', `holds ${size} bytes once its data is decoded and its stringData merged in, more than the ${MAX_SECRET_BYTES} (1 MiB) `
      + `the api server accepts in a Secret, ${REFUSED}`, 'split the keys over several Secrets, or keep large files out of Secrets');
  }
  return problems;
}

const BASE64_FIX = 'encode the value as standard base64 on one line, with its "=" padding (base64 -w0 FILE, or printf %s VALUE | base64 -w0; '
  + 'spaces, tabs and the URL-safe "-" and "_" are refused), or give it unencoded under stringData';

/** `problems` with a problem of `found`'s `key` added; the Secret is named only here, on failure. */
function add(problems: CheckProblem[] | undefined, found: Found, key: string, message: string, fix: string): CheckProblem[] {
  const list = problems ?? [];
  list.push(checkProblem({
    rule: RULE, namespace: found.namespace, sources: [found.source], key: shownKey(key),
    message: `secret ${shownName(found.name, 'name')} (${found.source}) in namespace ${ns(found.namespace)}: ${message}`, fix,
  }));
  return list;
}

/** `problems` with a key of `field` the api server refuses added: named by its place (1 for the first), never shown. */
function refusedKey(problems: CheckProblem[] | undefined, found: Found, field: 'data' | 'stringData', place: number, key: string): CheckProblem[] {
  return add(problems, found, field, `key ${place} of ${field} ${refusal(key, SECRET_KEY_RULE, 'a Secret key')}: the api server refuses the Secret, ${REFUSED}`,
    'rename the key: it is the file name in a Secret volume, and the env var name with envFrom');
}

/**
 * `problems` with the first key of the Secret (or ConfigMap) that `found`, an ExternalSecret, makes ESO write that the
 * API server refuses: a key of `spec.target.template.data`, which the CRD leaves free (a map), or, where ESO copies the
 * fetched keys, a `spec.data[].secretKey` of "." or a start of "..", which its CRD's pattern lets through. ESO v2.9.0
 * writes both as they are (runtime/template/v2/template.go `applyToTarget`; ApplyTemplate's copy of the data map; only
 * `dataFrom` keys pass `esutils.ValidateKeys`), so the write is refused, the ExternalSecret never syncs, and no pod gets
 * the keys. Named by its place, never shown. An ExternalSecret that writes nothing (`externalSecretTarget`) is not judged.
 */
function judgeWrittenKeys(found: Found, problems: CheckProblem[] | undefined): CheckProblem[] | undefined {
  const target = externalSecretTarget(found);
  if (target === undefined || target.group !== 'core' || (target.kind !== 'Secret' && target.kind !== 'ConfigMap')) { return problems; }
  const spec = storedOf(found).spec;
  const template = spec.target?.template;
  if (isPlainObject(template) && isPlainObject(template.data)) {
    const keys = Object.keys(template.data);
    const bad = keys.findIndex(key => !isSecretKey(key));
    if (bad >= 0) { return refusedWrittenKey(problems, found, target.kind, 'spec.target.template.data', `key ${bad + 1} of spec.target.template.data`, keys[bad]); }
  }
  // A generic target gets the template's keys alone (externalSecretKeys).
  if (target.kind !== 'Secret' || (isPlainObject(template) && !copiesFetched(template)) || !Array.isArray(spec.data)) { return problems; }
  const bad = spec.data.findIndex((d: any) => typeof d?.secretKey === 'string' && !isSecretKey(d.secretKey));
  if (bad < 0) { return problems; }
  const field = `spec.data[${bad}].secretKey`;
  return refusedWrittenKey(problems, found, target.kind, field, field, spec.data[bad].secretKey);
}

function refusedWrittenKey(problems: CheckProblem[] | undefined, found: Found, kind: string, key: string, place: string, written: string): CheckProblem[] {
  const list = problems ?? [];
  list.push(checkProblem({
    rule: RULE, namespace: found.namespace, sources: [found.source], key,
    message: `externalsecret ${shownName(found.name, 'name')} (${found.source}) in namespace ${ns(found.namespace)} has ${place} that `
      + `${refusal(written, SECRET_KEY_RULE, `a ${kind} key`)}: the api server refuses the ${kind} External Secrets Operator writes with it, `
      + `so the ExternalSecret never syncs and no pod gets the ${kind}'s keys`,
    fix: `rename the key: it is the file name in a ${kind} volume, and the env var name with envFrom`,
  }));
  return list;
}

/** Whether `value` is a list Go's decoder reads as a []byte: integers from 0 to 255. */
export function isByteList(value: unknown): value is readonly number[] {
  if (!Array.isArray(value)) { return false; }
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    if (typeof item !== 'number' || !Number.isInteger(item) || item < 0 || item > 255) { return false; }
  }
  return true;
}
