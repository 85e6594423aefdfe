// Kubernetes naming rules, and the names the library derives from construct ids.
import { writtenValueProblem } from './check/written-yaml';
import { AccessError, fieldError, valueError } from './errors';
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
/**
 * A DNS-1035 label, without its length limit: a DNS-1123 label that starts with a letter (Service names:
 * k8s.io/apimachinery v0.32.9 pkg/util/validation/validation.go IsDNS1035Label).
 */
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
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

/** Whether `name` is a DNS-1035 label (at most 63 characters), the rule for Service names. */
export function isDns1035Label(name: string): boolean {
  return name.length <= 63 && DNS_1035_LABEL.test(name);
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
  if (written !== undefined) { throw fieldError(path, field, written); }
}

/**
 * Whether `key` may be a key of a Secret's (or a ConfigMap's) `data`, as the API server's IsConfigMapKey
 * (k8s.io/apimachinery pkg/util/validation) takes it: at most 253 of `SECRET_KEY`'s characters, not "."
 * and not starting with ".." (hasChDirPrefix: the key is a file name in a Secret volume).
 */
export function isSecretKey(key: string): boolean {
  return key.length <= 253 && SECRET_KEY.test(key) && key !== '.' && !key.startsWith('..');
}

/**
 * Checks the name, and the key when given, of an existing Secret a source refers to. An error about the key
 * names the parameter that gave it as its `valueField` (`keyField`: `key`, or MinIO's `accessKeyKey` and
 * `secretKeyKey`), so that the command line blames the flag that gave the key, not the one that named the Secret.
 */
export function checkSecretReference(secretName: string, key?: string, keyField = 'key'): void {
  // From JavaScript: a name or key of another type is said so, not read as a string.
  if (typeof secretName !== 'string') {
    throw new AccessError(`the existing Secret name is ${typeName(secretName)}, not a string: give the name of the Secret as kubectl shows it`);
  }
  if (key !== undefined && typeof key !== 'string') {
    throw valueError(keyField, `the key of the existing Secret is ${typeName(key)}, not a string: give the key the Secret holds`);
  }
  if (!isDnsSubdomain(secretName)) {
    throw new AccessError(`the existing Secret name ${refusal(secretName, dnsSubdomainRule(), 'a Secret name')}: give the name of the Secret as kubectl shows it`);
  }
  if (key !== undefined && !isSecretKey(key)) {
    throw valueError(keyField, `the key of the existing Secret ${refusal(key, SECRET_KEY_RULE, 'a Secret key')}: give the key the Secret holds`);
  }
  const nameWritten = writtenNameProblem(secretName);
  if (nameWritten !== undefined) { throw new AccessError(`the existing Secret name ${nameWritten}`); }
  const keyWritten = key === undefined ? undefined : writtenNameProblem(key);
  if (keyWritten !== undefined) { throw valueError(keyField, `the key of the existing Secret ${keyWritten}`); }
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

/**
 * Whether `path` is an absolute path without a `..` segment, a control character (C0 or DEL: a line break,
 * a tab, NUL, a terminal's escape), a backslash or whitespace at its end: a directory to mount at. The API
 * server takes the last three, but the mount then lands in a directory no tool reads (`/home/jovyan/.docker/\t`,
 * from a paste or a line read with its trailing space; `/home/jovyan\.docker\`, a Windows path, is one
 * directory `jovyan\.docker\` in a Linux container, where only "/" separates), and the notebook has no
 * credentials, silently.
 */
export function isAbsoluteDirectory(path: string): boolean {
  return path.startsWith('/') && !/[\u0000-\u001f\u007f\\]|(^|\/)\.\.(\/|$)|\s$/.test(path);
}

/** Why `path` is not `isAbsoluteDirectory`, said without showing it (a secret may be pasted where a path goes). */
export function directoryProblem(path: string): string {
  const rule = 'a directory to mount at is an absolute path without ".." segments, control characters (such as a line break or a tab), "\\" or whitespace at its end';
  const chars = Array.from(path);
  const bad = chars.findIndex(c => /[\u0000-\u001f\u007f\\]/.test(c));
  const where = path === '' ? 'is empty'
    : !path.startsWith('/') ? 'is not an absolute path (it does not start with "/")'
      : bad >= 0 && chars[bad] === '\\' ? `has "\\", a Windows path separator, at character ${bad + 1} (in a Linux container only "/" separates directories)`
      : bad >= 0 ? `has ${characterClass(chars[bad])} at character ${bad + 1}`
        : /\s$/.test(path) ? `ends with ${characterClass(chars[chars.length - 1])}`
          : 'has a ".." segment';
  return `${where}; ${rule}`;
}

/**
 * A value for a message, JSON-quoted so control characters show as escapes: only a constant of the
 * library, or a value it accepted and writes into the YAML anyway. A value it refuses is never shown
 * (a token pasted where a name goes would land in CI logs): `refusal` says why, without it.
 */
export function quote(value: string): string {
  return JSON.stringify(value);
}

/**
 * A rule a name follows, for `refusal`: what it is made of, as tests of one character, and in words.
 */
export interface NameRule {
  /** The rule in words, after "is": `a DNS-1123 label (lower-case letters, digits and "-", ...)`. */
  readonly text: string;
  /** Whether one character may be anywhere in the name. */
  readonly character: RegExp;
  /** Whether one character may start and end the name (and each part between "." when `dotted`). */
  readonly edge?: RegExp;
  /** Whether "." separates parts that each start and end as the name does (a DNS-1123 subdomain). */
  readonly dotted?: boolean;
  readonly min?: number;
  readonly max?: number;
  /** What else the rule forbids, said without the value, or `undefined`. */
  readonly other?: (value: string) => string | undefined;
}

const LOWER_ALNUM = /^[a-z0-9]$/;

/** A DNS-1123 subdomain of at most `max` characters (`why`, when given, says why the limit is lower than 253). */
export function dnsSubdomainRule(max = 253, why = ''): NameRule {
  return {
    text: `a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most ${max} characters${why})`,
    character: /^[-.a-z0-9]$/, edge: LOWER_ALNUM, dotted: true, max,
  };
}

/** A DNS-1123 label of at most `max` characters. */
export function dnsLabelRule(max = 63): NameRule {
  return {
    text: `a DNS-1123 label (lower-case letters, digits and "-", starting and ending with a letter or digit, at most ${max} characters)`,
    character: /^[-a-z0-9]$/, edge: LOWER_ALNUM, max,
  };
}

/** A DNS-1035 label: a DNS-1123 label of at most 63 characters that starts with a letter. */
export function dns1035LabelRule(): NameRule {
  return {
    text: 'a DNS-1035 label (lower-case letters, digits and "-", starting with a letter and ending with a letter or digit, at most 63 characters)',
    character: /^[-a-z0-9]$/, edge: LOWER_ALNUM, max: 63,
    other: name => (/^[0-9]/.test(name) ? 'starts with a digit' : undefined),
  };
}

/** A key of a Secret's `data`. */
export const SECRET_KEY_RULE: NameRule = {
  text: 'letters, digits, "-", "_" and ".", at most 253 characters, neither "." alone nor starting with ".."',
  character: /^[-._a-zA-Z0-9]$/, max: 253,
  other: key => (key === '.' ? 'is "." alone' : key.startsWith('..') ? 'starts with ".."' : undefined),
};

/**
 * Why the library refuses `value`, said without showing it, in whole or in part: where it breaks `rule`
 * ("has an upper-case letter at character 5", "starts with "-"", "is 70 characters long, more than 63"),
 * then `what` it should be and the rule (`; a Secret name is a DNS-1123 subdomain (...)`). A value of
 * another type (from JavaScript) is named by its type.
 */
export function refusal(value: unknown, rule: NameRule, what: string): string {
  return `${breach(value, rule)}; ${what} is ${rule.text}`;
}

/** Where `value` breaks `rule`, without showing it. */
function breach(value: unknown, rule: NameRule): string {
  if (typeof value !== 'string') { return `is ${typeName(value)}, not a string`; }
  const chars = Array.from(value);
  if (chars.length === 0) { return 'is empty'; }
  const bad = chars.findIndex(c => !rule.character.test(c));
  if (bad >= 0) { return `has ${characterClass(chars[bad])} at character ${bad + 1}`; }
  if (rule.edge !== undefined) {
    if (!rule.edge.test(chars[0])) { return `starts with ${characterClass(chars[0])}`; }
    if (!rule.edge.test(chars[chars.length - 1])) { return `ends with ${characterClass(chars[chars.length - 1])}`; }
    if (rule.dotted) {
      for (let i = 1; i < chars.length - 1; i++) {
        if (chars[i] !== '.') { continue; }
        const next = rule.edge.test(chars[i - 1]) ? chars[i + 1] : chars[i - 1];
        if (!rule.edge.test(next)) { return `has "." next to ${characterClass(next)} at character ${i + 1}`; }
      }
    }
  }
  if (rule.max !== undefined && chars.length > rule.max) { return `is ${chars.length} characters long, more than ${rule.max}`; }
  if (rule.min !== undefined && chars.length < rule.min) { return `is ${chars.length} characters long, fewer than ${rule.min}`; }
  return rule.other?.(value) ?? 'breaks the rule';
}

/**
 * One character, for a message, by its class: ASCII punctuation is named ("_"), since one such character
 * reveals nothing; a letter, digit, space or anything else is not.
 */
export function characterClass(c: string): string {
  if (/^[A-Z]$/.test(c)) { return 'an upper-case letter'; }
  if (/^[a-z]$/.test(c)) { return 'a lower-case letter'; }
  if (/^[0-9]$/.test(c)) { return 'a digit'; }
  if (/^[!-/:-@[-`{-~]$/.test(c)) { return JSON.stringify(c); }
  if (c === ' ') { return 'a space'; }
  if (c === '\t') { return 'a tab'; }
  if (c === '\n' || c === '\r') { return 'a line break'; }
  if (/^[\u0000-\u001f\u007f-\u009f]$/.test(c)) { return 'a control character'; }
  if (/^[\ud800-\udfff]$/.test(c)) { return 'half of a UTF-16 surrogate pair'; }
  if (/^[\s\u2028\u2029]$/u.test(c)) { return 'a non-ASCII space or line separator'; }
  if (/^\p{Cf}$/u.test(c)) { return 'an invisible character (such as a zero-width space)'; }
  if (/^\p{L}$/u.test(c)) { return 'a non-ASCII letter'; }
  return 'a non-ASCII character';
}

/** The most characters of a name, key or field name that a message shows: a DNS-1123 label's, a label key's name part's. */
const SHOWN_LENGTH = 63;
/** The characters of field names, Secret keys, env names and names. */
const SHOWN_CHARACTER = /^[-A-Za-z0-9_.]$/;
const SHOWN_CHARACTERS = /^[-A-Za-z0-9_.]*$/;
/**
 * A key with a domain prefix that breaks a rule of label keys (`Example.com/team`, `a.io/b/c`): a "." before its first "/",
 * which a base64 credential (AWS's secret keys hold "/") never has.
 */
const DOMAIN_KEY_LIKE = /^[-A-Za-z0-9_]+\.[-A-Za-z0-9_.]*\/[-A-Za-z0-9_./]{0,63}$/;
/** A name of those characters too short to hold `LONG_RUN`. */
const SHORT_NAME = /^[-A-Za-z0-9_.]{0,15}$/;
/** A placeholder of a template or a doc left in place of a name (`<YOUR_USER_PROFILE_NAMESPACE>`, `${NAMESPACE}`): shown, as the fix is to replace it. */
const PLACEHOLDER = /^(<[-A-Za-z0-9_.]{1,61}>|\$\{[A-Za-z_][A-Za-z0-9_]{0,60}\})$/;
/**
 * The text of an IPv6 address (an IPAddress's name), maybe with a zone: hex digits, ":" and "." only, which hold no token
 * once `tokenLike` has ruled out long runs.
 */
const IP_ADDRESS_LIKE = /^(?=[^%]*:)[0-9A-Fa-f:.]{2,45}(?:%[-A-Za-z0-9_.]{1,63})?$/;
/** A run of letters and digits too long for a word: a token, when it mixes digits with capitals or holds many digits. */
const LONG_RUN = /[A-Za-z0-9]{16,}/g;

/**
 * Whether `name`, written in the input where a field name, key or name goes, reads as one, and so may be shown: at
 * most 63 of the characters names are made of (letters, digits, "-", "_" and "."), or such a name as a placeholder
 * (`<NAMESPACE>`, `${NAMESPACE}`), an IPv6 address (an IPAddress's name), a valid label key (a "/" after its prefix), or a
 * longer DNS-1123 subdomain (an object's name); and no long run of letters and digits that reads
 * as a token. Anything else may be a credential pasted in its place (a token, a `key: value` line, a 1 MB paste):
 * `shownName` describes it, as `refusal` describes a refused prop.
 */
export function isShownName(name: string): boolean {
  // Most names: too short for a token's run (a kind, an env name), judged by one test.
  if (SHORT_NAME.test(name)) { return true; }
  if (name.length > 317 || tokenLike(name)) { return false; }
  if (name.length <= SHOWN_LENGTH && (SHOWN_CHARACTERS.test(name) || PLACEHOLDER.test(name))) { return true; }
  if (IP_ADDRESS_LIKE.test(name)) { return true; }
  return name.includes('/') ? labelKeyProblem(name) === undefined || DOMAIN_KEY_LIKE.test(name) : isDnsSubdomain(name);
}

/** Whether `name` holds a run of 16 letters and digits or more with 4 digits, or a digit and a capital (`AKIA...0000`, `ghp_...`). */
function tokenLike(name: string): boolean {
  return (name.match(LONG_RUN) ?? []).some(run => (run.match(/[0-9]/g) ?? []).length >= 4 || (/[0-9]/.test(run) && /[A-Z]/.test(run)));
}

/**
 * `name` for a message: as written when `isShownName`, else described without any part of it, in the words of the
 * refusals that do not show a value: `(key not shown, as it may be a secret: 300 characters, a space at character 17)`.
 * `what` names it (`name`, `namespace`, `key`, `kind`).
 */
export function shownName(name: string, what: string): string {
  return isShownName(name) ? name : described(name, what, SHOWN_CHARACTER, SHOWN_LENGTH);
}

/** The characters of a path: a name's, and "/". */
const PATH_CHARACTER = /^[-A-Za-z0-9_./]$/;
const PATH_CHARACTERS = /^[-A-Za-z0-9_./]*$/;

/**
 * A mount path (or another path the input writes) for a message: as written when it is at most 253 of a name's
 * characters and "/", with no run that reads as a token (`shownName`); else described without any part of it.
 */
export function shownMountPath(path: string): string {
  const fits = path.length <= 253 && PATH_CHARACTERS.test(path) && !tokenLike(path);
  return fits ? path : described(path, 'mount path', PATH_CHARACTER, 253);
}

/** `text` described by its length and its first character other than `character`, or as too long, or a token. */
function described(text: string, what: string, character: RegExp, max: number): string {
  const chars = Array.from(text);
  const bad = chars.findIndex(c => !character.test(c));
  const where = bad >= 0 ? `, ${characterClass(chars[bad])} at character ${bad + 1}`
    : chars.length > max ? '' : ', a run of letters and digits that reads as a token';
  return `(${what} not shown, as it may be a secret: ${chars.length} characters${where})`;
}

/** A map key for a message: `""` when empty, else `shownName`. */
export function shownKey(key: string): string {
  return key === '' ? '""' : shownName(key, 'key');
}

/** `name` JSON-quoted for a message (`quote`) when `isShownName`, else described (`shownName`). */
export function quotedName(name: string, what: string): string {
  return isShownName(name) ? quote(name) : shownName(name, what);
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

/**
 * Why `key` is not a valid annotation key, or `undefined` when it is: k8s.io/apimachinery v0.32.9
 * pkg/api/validation/objectmeta.go ValidateAnnotations checks each key, lower-cased, as a qualified name (a label
 * key's rule), for an object's own annotations and for those the webhook copies to a pod.
 */
export function annotationKeyProblem(key: string): string | undefined {
  return labelKeyProblem(key.toLowerCase());
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


/**
 * The Levenshtein distance of `a` and `b` (insertions, deletions and substitutions; a swap of two letters
 * is two), by which a refusal names the word a misspelling meant.
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}

/**
 * Whether `written` is a misspelling of the field `name`: the same but for case, or at most two letters
 * inserted, dropped or changed (`lables`, `annotation`, `controler`), in a name of more than four letters.
 *
 * @internal
 */
export function spelledAlike(written: string, name: string): boolean {
  return alikeDistance(written, name) !== undefined;
}

/**
 * How far `written` is from `name` when it is a misspelling of it (`spelledAlike`): 0 for the same but for case,
 * else the edits (1 or 2); `undefined` when it is none. Names whose lengths differ by more than two are more than
 * two edits apart: judged so without the distance, whose cost is the product of the lengths (a key of a megabyte).
 */
function alikeDistance(written: string, name: string): number | undefined {
  const a = written.toLowerCase();
  const b = name.toLowerCase();
  if (a === b) { return 0; }
  if (b.length <= 4 || Math.abs(a.length - b.length) > 2) { return undefined; }
  const distance = editDistance(a, b);
  return distance <= 2 ? distance : undefined;
}

/**
 * The one name of `names` that `written` misspells (`spelledAlike`) nearest, the same but for case first: `dataSourceRf`
 * is `dataSourceRef` (one edit), not `dataSource` (two). `undefined` when it misspells none, or two as near.
 *
 * @internal
 */
export function nearestSpelledAlike(written: string, names: Iterable<string>): string | undefined {
  return nearestBy(written, names, alikeDistance);
}

/**
 * The one name of `names` nearest to `written` by `distance` (`undefined`: not near at all), unless two are as near:
 * the name a misspelt field or a mistyped flag or command meant.
 *
 * @internal
 */
export function nearestBy(written: string, names: Iterable<string>, distance: (written: string, name: string) => number | undefined): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const name of names) {
    const d = distance(written, name);
    if (d === undefined || d > bestDistance) { continue; }
    tie = d === bestDistance;
    if (!tie) { [best, bestDistance] = [name, d]; }
  }
  return tie ? undefined : best;
}
