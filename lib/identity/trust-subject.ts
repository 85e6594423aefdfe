// Who the cloud trusts: the ServiceAccount a pod runs as, named as the token's `sub` claim names it.
import { fieldError } from '../errors';
import { DNS_SUBDOMAIN, dnsSubdomainRule, hasControlCharacter, hasLoneSurrogate, quote, refusal } from '../names';

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
    throw fieldError(path, 'serviceAccountName', `is a pattern (it holds "*"), ${wildcard}`);
  }
  // A pattern is checked with each `*` standing for one letter: `ws-*` stands for `ws-a`, a valid name.
  const standIn = name.replace(/\*/g, 'a');
  if (standIn.length > 253 || !DNS_SUBDOMAIN.test(standIn)) {
    const rule = dnsSubdomainRule(253, wildcard === undefined ? ', with * for any characters' : '');
    throw fieldError(path, 'serviceAccountName', `${refusal(standIn, rule, 'a service account name')}: give the account the notebook pods run as, ${example}`);
  }
  return name;
}

/** A DNS name in ASCII: letters, digits and `-` in labels separated by `.`. */
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

/** An OIDC issuer URL, in parts. */
export interface ParsedIssuer {
  /** The URL without `https://`: what IAM names the provider and its condition keys after. */
  readonly withoutScheme: string;
  readonly host: string;
  /** The port, when the URL names one. */
  readonly port?: string;
  /** `''`, or the path from its first `/`. */
  readonly path: string;
}

/**
 * `field` of the construct at `path`: the cluster's OIDC issuer URL, the `iss` claim of its tokens,
 * with `https://`, which may be left out when `schemeOptional`. The messages never hold the value: a
 * URL pasted with `user:password@` in it holds a secret.
 */
export function checkedIssuer(path: string, field: string, value: unknown, schemeOptional: boolean, example: string): ParsedIssuer {
  if (typeof value !== 'string' || value === '') {
    const what = value === undefined ? 'missing' : value === '' ? 'empty' : value === null ? 'null, not a string' : `a ${typeof value}, not a string`;
    throw fieldError(path, field, `is ${what}: give the cluster's OIDC issuer URL, such as ${quote(example)}`);
  }
  const fail = (problem: string) => fieldError(path, field, `${problem}: give the issuer exactly as the cluster's tokens name it (their "iss" claim), such as ${quote(example)}`);
  if (/\s/.test(value) || hasControlCharacter(value) || hasLoneSurrogate(value)) {
    throw fail('holds whitespace, a control character or half a surrogate pair, which no issuer URL has');
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value);
  if (scheme !== null ? scheme[0] !== 'https://' : !schemeOptional) {
    throw fail(`is not an https URL (it must start with "https://"${schemeOptional ? ', or leave the scheme out' : ''})`);
  }
  const rest = scheme === null ? value : value.slice(scheme[0].length);
  if (/[?#]/.test(rest)) { throw fail('has a query or a fragment, which an issuer URL never has'); }
  const slash = rest.indexOf('/');
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  // Anywhere, not only before the first "/": a secret pasted as user:password@ may itself hold a "/".
  if (rest.includes('@')) { throw fail('holds "@", as user information (user:password@) before the host does, which an issuer URL never has'); }
  const m = /^([^:]*)(?::(\d{1,5}))?$/.exec(authority);
  if (m === null || !HOST.test(m[1])) { throw fail('has no host, or one that is not a DNS name (ASCII letters, digits, "-" and ".")'); }
  return { withoutScheme: rest, host: m[1], port: m[2], path: slash < 0 ? '' : rest.slice(slash) };
}
