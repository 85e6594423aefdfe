// Kubernetes naming rules, and the names the library derives from construct ids.
import { AccessError } from './errors';

/** The webhook annotates each pod with `poddefault.admission.kubeflow.org/poddefault-<name>`, whose name part holds 63 characters. */
export const MAX_PODDEFAULT_NAME_LENGTH = 52;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/** `DockerConfig` -> `docker-config`, `AWSCreds` -> `aws-creds`; `_`, `.` and spaces become `-`. */
export function kebabCase(id: string): string {
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

/** Whether `key` may be a key of a Secret's `data`. */
export function isSecretKey(key: string): boolean {
  return key.length <= 253 && SECRET_KEY.test(key) && key !== '.' && key !== '..';
}

/** Checks the name, and the key when given, of an existing Secret a source refers to. */
export function checkSecretReference(secretName: string, key?: string): void {
  if (!isDnsSubdomain(secretName)) {
    throw new AccessError(`the existing Secret name ${quote(secretName)} is not a valid Secret name: give the name of the Secret as kubectl shows it`);
  }
  if (key !== undefined && !isSecretKey(key)) {
    throw new AccessError(`the key ${quote(key)} is not a valid Secret key (letters, digits, "-", "_" and "."): give the key the Secret holds`);
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

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

/** A name for a message: JSON-quoted, so control characters show as escapes. */
export function quote(value: string): string {
  return JSON.stringify(value);
}
