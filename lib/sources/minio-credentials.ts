import { brand } from '../brand';
import { credentialValueProblem } from './aws-credentials-ini';
import { valueError } from '../errors';
import { checkSecretReference } from '../names';
import { checkRemoteValue, RemoteValue } from './remote-value';
import { SecretStoreOptions } from './secret-store';
import { resolveStoreReference, StoreReference } from './store-secret';

/**
 * MinIO's access key and secret key.
 */
export interface MinioKeys {
  /** The access key, the S3 access key ID. */
  readonly accessKey: string;
  /** The secret key, the S3 secret access key. */
  readonly secretKey: string;
}

/**
 * MinIO's keys kept in a secret store.
 */
export interface MinioKeysStoreProps extends SecretStoreOptions {
  /** The stored access key, the S3 access key ID. */
  readonly accessKey: RemoteValue;
  /** The stored secret key, the S3 secret access key. */
  readonly secretKey: RemoteValue;
}

/** MinIO credentials, read when the construct that uses them is created. @internal */
export type ResolvedMinioCredentials =
  | { readonly kind: 'keys'; readonly accessKey: string; readonly secretKey: string }
  | { readonly kind: 'existing'; readonly secretName: string; readonly accessKeyKey: string; readonly secretKeyKey: string }
  /** Fetched by External Secrets Operator, checked. */
  | { readonly kind: 'store'; readonly reference: StoreReference; readonly accessKey: RemoteValue; readonly secretKey: RemoteValue };

/**
 * The keys a notebook uses to reach the in-cluster object store, as `AWS_ACCESS_KEY_ID` and
 * `AWS_SECRET_ACCESS_KEY`.
 *
 * Every factory defers its work to the construct that uses the credentials, so that errors name that
 * construct; no error ever holds a key.
 */
export class MinioCredentials {
  /**
   * Keys given in code; they are written into the synthesised Secret.
   */
  public static fromKeys(keys: MinioKeys): MinioCredentials {
    const { accessKey, secretKey } = { ...keys };
    return new MinioCredentials(() => {
      for (const [field, value] of [['accessKey', accessKey], ['secretKey', secretKey]] as const) {
        const problem = credentialValueProblem(value);
        if (problem !== undefined) { throw valueError(field, `${field} ${problem}`); }
      }
      return { kind: 'keys', accessKey, secretKey };
    });
  }

  /**
   * Keys of a Secret that already exists in the namespace, read by the notebook through
   * `env[].valueFrom.secretKeyRef`; no key is written into the synthesised YAML.
   * @param secretName name of the Secret
   * @param accessKeyKey the Secret's key that holds the access key
   * @param secretKeyKey the Secret's key that holds the secret key
   * @default accessKeyKey - 'accesskey'
   * @default secretKeyKey - 'secretkey'
   */
  public static fromExistingSecret(secretName: string, accessKeyKey?: string, secretKeyKey?: string): MinioCredentials {
    return new MinioCredentials(() => {
      const accessKey = accessKeyKey ?? 'accesskey';
      const secretKey = secretKeyKey ?? 'secretkey';
      checkSecretReference(secretName, accessKey, 'accessKeyKey');
      checkSecretReference(secretName, secretKey, 'secretKeyKey');
      return { kind: 'existing', secretName, accessKeyKey: accessKey, secretKeyKey: secretKey };
    });
  }

  /**
   * Keys kept in a secret store: External Secrets Operator writes them into the Secret beside the other
   * settings, with the keys and values `fromKeys` would give.
   */
  public static fromSecretStore(props: MinioKeysStoreProps): MinioCredentials {
    const copy = { ...props };
    return new MinioCredentials(() => {
      const reference = resolveStoreReference(copy);
      checkRemoteValue('accessKey', copy.accessKey);
      checkRemoteValue('secretKey', copy.secretKey);
      return { kind: 'store', reference, accessKey: { ...copy.accessKey }, secretKey: { ...copy.secretKey } };
    });
  }

  private constructor(private readonly resolve: () => ResolvedMinioCredentials) {
    brand(this, 'MinioCredentials');
  }

  /** Reads and checks the credentials. @internal */
  public _resolve(): ResolvedMinioCredentials {
    return this.resolve();
  }
}
