// Kubernetes naming rules, and the names the library derives from construct ids.
import { writtenValueProblem } from './check/written-yaml';
import { AccessError, fieldError } from './errors';
import { typeName } from './json';

/**
 * The longest PodDefault name whose marker annotation `poddefault.admission.kubeflow.org/poddefault-<name>`
 * (kubeflow/dashboard components/poddefaults-webhooks main.go L571) is still a valid key: the API server
 * requires the part after `/` to be a qualified name of at most 63 characters (k8s.io/apimachinery
 * v0.35.0 pkg/api/validation/objectmeta.go L48, ValidateAnnotations), and `poddefault-` takes 11.
 */
export const MAX_PODDEFAULT_NAME_LENGTH = 52;

/**
 * A DNS-1123 label, without its length limit: namespace names, and volume names in a pod (the API
 * server's pod validation, kubernetes pkg/apis/core/validation ValidateVolumes).
 */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** A DNS-1123 subdomain (Secret names, custom resource names, label key prefixes), without its length limit. */
export const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A key of a Secret's `data`. */
export const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const KEBAB = /^[a-z0-9-]*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** `DockerConfig` -> `docker-config`, `AWSCreds` -> `aws-creds`; `_`, `.` and spaces become `-`. */
export function kebabCase(id: string): string {
  // Most ids are kebab case already (`docker-config`): one test instead of three replaces, per construct.
  if (KEBAB.test(id)) { return id; }
  return id
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[_.\s]/g, '-')
    .toLowerCase();
}

/** Whether `name` is a DNS-1123 label of at most `max` characters. */
export function isDnsLabel(name: string, max = 63): boolean {
  return name.length <= max && DNS_LABEL.test(name);
}

/** Whether `name` is a DNS-1123 subdomain, the rule for Secret names. */
export function isDnsSubdomain(name: string): boolean {
  return name.length <= 253 && DNS_SUBDOMAIN.test(name);
}

/**
 * Why `name` cannot name a PodDefault, naming the component that refuses it, or `undefined` when it can:
 * - the API server checks a custom resource's name as a DNS-1123 subdomain (k8s.io/apiextensions-apiserver
 *   v0.35.0 pkg/registry/customresource/validator.go L53, NameIsDNSSubdomain);
 * - the webhook's pod annotation takes at most `MAX_PODDEFAULT_NAME_LENGTH` characters of it.
 * Such a name is also a valid label key (a qualified name of at most 63 characters), which the notebook UI
 * needs when the name is the selector's label, as in the constructs.
 */
export function podDefaultNameProblem(name: string): string | undefined {
  if (!isDnsSubdomain(name)) {
    return 'is not a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit), '
      + 'which the api server requires of a custom resource\'s name';
  }
  if (name.length > MAX_PODDEFAULT_NAME_LENGTH) {
    return `is too long: ${name.length} characters, more than the ${MAX_PODDEFAULT_NAME_LENGTH} that the kubeflow webhook's pod annotation `
      + 'poddefault.admission.kubeflow.org/poddefault-<name> leaves (at most 63 after the slash): the api server refuses every pod the webhook changes';
  }
  return undefined;
}

/**
 * Why `name`, a name, key or region that passed its own rule (letters, digits, "-", "." and "_" only), is
 * written by cdk8s so that kubectl reads back a number, or `undefined`: cdk8s's YAML 1.1 writer leaves
 * `0o17`, `0X1F` and `0B1` without quotes, and kubectl reads them as Go reads numbers (the check's
 * yaml-scalar rule, check/written-yaml.ts). The API server takes such a name; the YAML between fails it.
 */
export function writtenNameProblem(name: string): string | undefined {
  return writtenValueProblem(name) === undefined ? undefined
    : 'is written by cdk8s without quotes, and kubectl reads it back as a number, as Go reads 0o17, 0X1F and 0B1: use another value';
}

/** Refuses `name`, prop `field` of the construct at `path`, when `writtenNameProblem` finds a problem with it. */
export function checkWrittenName(path: string, field: string, name: string): void {
  const written = writtenNameProblem(name);
  if (written !== undefined) { throw fieldError(path, field, `${quote(name)} ${written}`); }
}

/** Whether `key` may be a key of a Secret's `data`. */
export function isSecretKey(key: string): boolean {
  return key.length <= 253 && SECRET_KEY.test(key) && key !== '.' && key !== '..';
}

/** Checks the name, and the key when given, of an existing Secret a source refers to. */
export function checkSecretReference(secretName: string, key?: string): void {
  // From JavaScript: a name or key of another type is said so, not read as a string.
  if (typeof secretName !== 'string') {
    throw new AccessError(`the existing Secret name is ${typeName(secretName)}, not a string: give the name of the Secret as kubectl shows it`);
  }
  if (key !== undefined && typeof key !== 'string') {
    throw new AccessError(`the key of the existing Secret is ${typeName(key)}, not a string: give the key the Secret holds`);
  }
  if (!isDnsSubdomain(secretName)) {
    throw new AccessError(`the existing Secret name ${quote(secretName)} is not a valid Secret name: give the name of the Secret as kubectl shows it`);
  }
  if (key !== undefined && !isSecretKey(key)) {
    throw new AccessError(`the key ${quote(key)} is not a valid Secret key (letters, digits, "-", "_" and "."): give the key the Secret holds`);
  }
  const nameWritten = writtenNameProblem(secretName);
  if (nameWritten !== undefined) { throw new AccessError(`the existing Secret name ${quote(secretName)} ${nameWritten}`); }
  const keyWritten = key === undefined ? undefined : writtenNameProblem(key);
  if (keyWritten !== undefined) { throw new AccessError(`the key ${quote(key!)} ${keyWritten}`); }
}

/** Half of a UTF-16 surrogate pair. */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether `value` holds half of a UTF-16 surrogate pair, which UTF-8 cannot encode: written to a
 * Secret it would become U+FFFD, a different credential than the one given.
 */
export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

/**
 * Whether `value` holds a C0 control character or DEL: never part of a key, token or password, and
 * often the trace of a paste from a terminal.
 */
export function hasControlCharacter(value: string): boolean {
  return /[\u0000-\u001f\u007f]/.test(value);
}

/** Whether `path` is an absolute path without a `..` segment, a line break or NUL: a directory to mount at. */
export function isAbsoluteDirectory(path: string): boolean {
  return path.startsWith('/') && !/[\r\n\0]|(^|\/)\.\.(\/|$)/.test(path);
}

/** A name for a message: JSON-quoted, so control characters show as escapes. */
export function quote(value: string): string {
  return JSON.stringify(value);
}

/**
 * A value a caller gave as a name, for a message: quoted when it is a string; else (from JavaScript) its
 * type, since an object's own `toString` may throw, or print what it holds.
 */
export function quoteOrType(value: unknown): string {
  return typeof value === 'string' ? quote(value) : typeName(value);
}

/**
 * Why `key` is not a valid label key (a qualified name with an optional DNS subdomain prefix), or
 * `undefined` when it is.
 */
export function labelKeyProblem(key: string): string | undefined {
  // indexOf rather than split: this runs for every selector label of the app, and most keys have no prefix.
  const slash = key.indexOf('/');
  if (slash >= 0 && key.indexOf('/', slash + 1) >= 0) { return 'a label key has at most one /'; }
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (slash >= 0) {
    const prefix = key.slice(0, slash);
    if (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)) {
      return 'the prefix before / must be a lower case DNS subdomain of at most 253 characters';
    }
  }
  if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME.test(name)) {
    return 'the name must be 1 to 63 characters of letters, digits, -, _ and ., starting and ending with a letter or digit';
  }
  return undefined;
}

/** Why `value` is not a valid label value, or `undefined` when it is. */
export function labelValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 63 || !LABEL_VALUE.test(value)) {
    return 'a label value must be at most 63 characters of letters, digits, -, _ and ., starting and ending with a letter or digit';
  }
  return undefined;
}

/**
 * The directory a mount path denotes, as the kernel resolves it: repeated `/`, `.` segments and a
 * trailing `/` do not matter, and `..` removes the segment before it (at the root it stays there).
 */
export function foldPath(path: string): string {
  if (!SPELLING.test(path)) { return path; }
  // Most spellings are a plain path with one trailing `/` (every mount path of the access constructs):
  // that folds to the path without it. Checked first since this runs for every mount of the app. The
  // `//` test is needed: SPELLING's `.` does not match a line break, so `a\n/` passes it.
  if (path.endsWith('/') && !path.endsWith('//')) {
    const trimmed = path.slice(0, -1);
    if (!SPELLING.test(trimmed)) { return trimmed; }
  }
  return foldSegments(path);
}

/** `foldPath` segment by segment. */
function foldSegments(path: string): string {
  const absolute = path.startsWith('/');
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') { continue; }
    if (segment === '..' && segments.length > 0 && segments[segments.length - 1] !== '..') {
      segments.pop();
    } else if (segment !== '..' || !absolute) {
      segments.push(segment);
    }
  }
  const joined = segments.join('/');
  return absolute ? `/${joined}` : joined;
}

/** Whether a path holds `//`, a `.` or `..` segment, or a trailing `/`. */
const SPELLING = /\/\/|(^|\/)\.\.?(\/|$)|.\/$/;

/**
 * The API server lists PodDefaults in name order. Names are DNS subdomains (ASCII), for which this
 * UTF-16 order is Go's byte order.
 */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

