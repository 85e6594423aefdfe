// What the consumer constructs share: the name of an object they make, checked, and the Secrets they make
// from a source, resolved with the access constructs' own code.
import { AccessError, fieldError } from '../errors';
import { checkWrittenName, dnsSubdomainRule, isDnsSubdomain, kebabCase, refusal } from '../names';
import { resolveSecret, ResolvedSecret, SecretOptions, SecretSource } from '../access/synthesised-secret';

/**
 * The name of the object `field` names (`what`, such as `ServiceAccount`), else the construct id in kebab
 * case: a DNS-1123 subdomain of at most `max` characters, so that the names derived from it fit.
 */
export function objectName(path: string, field: string, given: string | undefined, id: string, what: string, max = 253): string {
  const name = given ?? kebabCase(id);
  if (!isDnsSubdomain(name) || name.length > max) {
    // The id is in the path already; the name made from it is not shown, as no refused name is.
    const from = given === undefined ? 'the name made from the construct id (in kebab case) ' : '';
    const rule = dnsSubdomainRule(max, max < 253 ? ', so that the names made from it fit' : '');
    throw fieldError(path, field, `${from}${refusal(name, rule, `a ${what} name`)}: ${given === undefined ? `set ${field} explicitly` : `set ${field} to a valid name`}`);
  }
  checkWrittenName(path, field, name);
  return name;
}

/**
 * The Secret `name` of source prop `field`, resolved under the Secret props: its own name is fixed by the
 * construct, so a problem with the Secret as a whole (its size) names `field`.
 */
export function consumerSecret(path: string, field: string, props: Pick<SecretOptions, 'immutable' | 'hashSecretName'>, name: string,
  secret: SecretSource, annotations?: { [key: string]: string }): ResolvedSecret {
  const fail = (prop: string, problem: string): AccessError => fieldError(path, prop === 'secret' ? field : prop, problem);
  return resolveSecret(fail, { immutable: props.immutable, hashSecretName: props.hashSecretName }, name, secret, annotations);
}

/** Refuses `immutable` and `hashSecretName` on a construct that, with the sources given, makes no Secret. */
export function checkSecretProps(path: string, props: Pick<SecretOptions, 'immutable' | 'hashSecretName'>, makesSecret: boolean): void {
  if (makesSecret) { return; }
  for (const field of ['immutable', 'hashSecretName'] as const) {
    if (props[field] !== undefined) {
      throw fieldError(path, field, `only applies to a Secret this construct makes, and with the sources given it makes none: leave ${field} out`);
    }
  }
}
