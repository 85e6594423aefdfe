// Who the cloud trusts: the ServiceAccount a pod runs as, named as the token's `sub` claim names it.
import { fieldError } from '../errors';
import { DNS_SUBDOMAIN, quote } from '../names';

/** The ServiceAccount Kubeflow's notebook controller runs notebook pods as (notebooks v1). */
export const NOTEBOOK_SERVICE_ACCOUNT = 'default-editor';

/** The `sub` claim of a ServiceAccount token: `system:serviceaccount:NAMESPACE:NAME`. */
export function serviceAccountSubject(namespace: string, serviceAccountName: string): string {
  return `system:serviceaccount:${namespace}:${serviceAccountName}`;
}

/** Whether a service account name is a pattern (`ws-*`) rather than one account's name. */
export function isPattern(serviceAccountName: string): boolean {
  return serviceAccountName.includes('*');
}

/**
 * `serviceAccountName` of the construct at `path`, `default-editor` when not given. `wildcard` is why a
 * pattern with `*` is refused, or undefined when the cloud's trust takes one.
 */
export function checkedServiceAccountName(path: string, value: unknown, wildcard: string | undefined): string {
  const name = value ?? NOTEBOOK_SERVICE_ACCOUNT;
  const example = 'such as "default-editor" (Kubeflow notebooks) or "ws-my-workspace" (a Notebooks 2.0 workspace)';
  if (typeof name !== 'string') {
    throw fieldError(path, 'serviceAccountName', `is a ${typeof name}, not a string: give the service account the notebook pods run as, ${example}`);
  }
  if (wildcard !== undefined && isPattern(name)) {
    throw fieldError(path, 'serviceAccountName', `${quote(name)} is a pattern, ${wildcard}`);
  }
  // A pattern is checked with each `*` standing for one letter: `ws-*` stands for `ws-a`, a valid name.
  const standIn = name.replace(/\*/g, 'a');
  if (standIn.length > 253 || !DNS_SUBDOMAIN.test(standIn)) {
    throw fieldError(path, 'serviceAccountName', `${quote(name)} is not a service account name (a DNS-1123 subdomain: lower-case letters, digits, "-" and ".", at most 253 characters${wildcard === undefined ? ', with * for any characters' : ''}): give the account the notebook pods run as, ${example}`);
  }
  return name;
}

/**
 * `field` of the construct at `path`: the cluster's OIDC issuer URL, the `iss` claim of its tokens,
 * without `https://`, which is required unless `schemeOptional`.
 */
export function checkedIssuer(path: string, field: string, value: unknown, schemeOptional: boolean, example: string): string {
  if (typeof value !== 'string' || value === '') {
    const what = value === undefined ? 'missing' : value === '' ? 'empty' : value === null ? 'null, not a string' : `a ${typeof value}, not a string`;
    throw fieldError(path, field, `is ${what}: give the cluster's OIDC issuer URL, such as ${quote(example)}`);
  }
  const hasScheme = value.startsWith('https://');
  const rest = hasScheme ? value.slice('https://'.length) : value;
  if ((!hasScheme && !schemeOptional) || !/^[^\s/?#:@]+(:\d+)?(\/[^\s?#]*)?$/.test(rest)) {
    throw fieldError(path, field, `${quote(value)} is not an OIDC issuer URL (https, a host and an optional path, no query): give the issuer the cluster's tokens name (their "iss" claim), such as ${quote(example)}`);
  }
  return rest;
}
