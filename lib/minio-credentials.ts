import { credentialValueProblem } from './aws-credentials-ini';
import { AccessError } from './errors';
import { checkSecretReference } from './names';

/**
 * MinIO's access key and secret key.
 */
export interface MinioKeys {
  /** The access key, the S3 access key ID. */
  readonly accessKey: string;
  /** The secret key, the S3 secret access key. */
  readonly secretKey: string;
}

/** MinIO credentials, read when the construct that uses them is created. @internal */
export type ResolvedMinioCredentials =
  | { readonly kind: 'keys'; readonly accessKey: string; readonly secretKey: string }
  | { readonly kind: 'existing'; readonly secretName: string; readonly accessKeyKey: string; readonly secretKeyKey: string };

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
    const { accessKey, secretKey } = keys;
    return new MinioCredentials(() => {
      for (const [field, value] of [['accessKey', accessKey], ['secretKey', secretKey]] as const) {
        const problem = credentialValueProblem(value);
        if (problem !== undefined) { throw new AccessError(`${field} ${problem}`); }
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
      checkSecretReference(secretName, accessKey);
      checkSecretReference(secretName, secretKey);
      return { kind: 'existing', secretName, accessKeyKey: accessKey, secretKeyKey: secretKey };
    });
  }

  private constructor(private readonly resolve: () => ResolvedMinioCredentials) {}

  /** Reads and checks the credentials. @internal */
  public _resolve(): ResolvedMinioCredentials {
    return this.resolve();
  }
}
