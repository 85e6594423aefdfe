import { brand, hasBrand } from '../brand';
import { valueError } from '../errors';
import { dnsSubdomainRule, isDnsSubdomain, refusal, writtenNameProblem } from '../names';

/**
 * The kind of External Secrets Operator store an ExternalSecret reads from.
 */
export enum SecretStoreKind {
  /** A `SecretStore` in the ExternalSecret's own namespace (the Kubeflow profile). */
  SECRET_STORE = 'SecretStore',
  /** A `ClusterSecretStore`, which serves every namespace it allows. */
  CLUSTER_SECRET_STORE = 'ClusterSecretStore',
}

/**
 * The External Secrets Operator store (Vault, AWS Secrets Manager, GCP Secret Manager, Azure Key
 * Vault, ...) that credentials are read from: the ExternalSecret's `spec.secretStoreRef`.
 */
export class SecretStoreRef {
  /**
   * A `ClusterSecretStore`, shared by the namespaces it allows.
   * @param name name of the ClusterSecretStore
   */
  public static cluster(name: string): SecretStoreRef {
    return new SecretStoreRef(name, SecretStoreKind.CLUSTER_SECRET_STORE);
  }

  /**
   * A `SecretStore` in the profile namespace, next to the ExternalSecret.
   * @param name name of the SecretStore
   */
  public static namespaced(name: string): SecretStoreRef {
    return new SecretStoreRef(name, SecretStoreKind.SECRET_STORE);
  }

  private constructor(
    /** Name of the store. */
    public readonly name: string,
    /** Kind of the store. */
    public readonly kind: SecretStoreKind) {
    brand(this, 'SecretStoreRef');
  }
}

/**
 * Where and how often an ExternalSecret reads its values: the common props of every `fromSecretStore`
 * source.
 */
export interface SecretStoreOptions {
  /** The store the values are read from. */
  readonly store: SecretStoreRef;

  /**
   * How often External Secrets Operator reads the values again and rewrites the Secret: a Go duration
   * such as `1h`, `15m` or `1h30m`; `0s` reads them once.
   * @default '1h'
   */
  readonly refreshInterval?: string;
}

/** Checks the store name, the one part of a store reference ESO's schema constrains. */
export function checkStoreRef(store: SecretStoreRef): void {
  if (!hasBrand(store, 'SecretStoreRef')) {
    throw valueError('store', 'store is missing: give SecretStoreRef.cluster("NAME") or SecretStoreRef.namespaced("NAME")');
  }
  if (typeof store.name !== 'string' || !isDnsSubdomain(store.name)) {
    throw valueError('store', `store name ${refusal(store.name, dnsSubdomainRule(), `a ${store.kind} name`)}: give the name "kubectl get ${store.kind.toLowerCase()}" shows`);
  }
  const written = writtenNameProblem(store.name);
  if (written !== undefined) { throw valueError('store', `store name ${written}`); }
}
