// A Secret that External Secrets Operator writes from a secret store: what each `fromSecretStore` source
// resolves to, and the pieces of the ESO v2 templates (Go text/template with sprig) they compose it with.
import { valueError } from '../errors';
import { isGoDuration } from './go-duration';
import { typeName } from '../json';
import { checkRemoteValue, RemoteValue } from './remote-value';
import { checkStoreRef, SecretStoreOptions, SecretStoreRef } from './secret-store';

/** ESO reads the store again every hour unless told otherwise. */
const DEFAULT_REFRESH_INTERVAL = '1h';

/** The store and refresh interval of a source, checked. */
export interface StoreReference {
  readonly store: SecretStoreRef;
  readonly refreshInterval: string;
}

/** One value fetched from the store into the template's input (or, without a template, into the Secret). */
export interface StoreInput {
  readonly secretKey: string;
  readonly remote: RemoteValue;
}

/** What the ExternalSecret fetches and how it composes the Secret from it. */
export interface StoreSecret extends StoreReference {
  readonly inputs: readonly StoreInput[];
  /**
   * The Secret's keys, each with the v2 template that renders its value from the inputs. Without one,
   * the inputs are the Secret's keys.
   */
  readonly template?: { readonly [key: string]: string };
  /** The Secret's type, when not Opaque. */
  readonly type?: string;
}

/** Checks the store and refresh interval of a source's options. */
export function resolveStoreReference(options: SecretStoreOptions): StoreReference {
  checkStoreRef(options.store);
  const refreshInterval = options.refreshInterval ?? DEFAULT_REFRESH_INTERVAL;
  if (!isGoDuration(refreshInterval)) {
    throw valueError('refreshInterval', `refreshInterval ${typeof refreshInterval === 'string' ? 'is not' : `is ${typeName(refreshInterval)}, not`} a Go duration: give one such as "1h", "15m" or "1h30m", or "0s" to read the store once`);
  }
  return { store: options.store, refreshInterval };
}

/** The input `secretKey` read from `remote`, which `field` names in messages; checked. */
export function storeInput(field: string, secretKey: string, remote: RemoteValue): StoreInput {
  checkRemoteValue(field, remote);
  return { secretKey, remote: { key: remote.key, property: remote.property, version: remote.version } };
}

/**
 * Text that the template engine writes out as it is. Go's text/template reads `{{` as the start of
 * an action anywhere in the text, so each one becomes an action that prints it; `}}` outside an action
 * is plain text.
 */
export function templateLiteral(text: string): string {
  return text.replace(/\{\{/g, '{{ "{{" }}');
}

/** The action that prints input `name` as it is. `name` is a Go identifier, so `.name` reads it. */
export function templateValue(name: string): string {
  return `{{ .${name} }}`;
}

/** The action that prints input `name` as a JSON string, escaped as Go's json.Marshal escapes it. */
export function templateJson(name: string): string {
  return `{{ .${name} | toJson }}`;
}
