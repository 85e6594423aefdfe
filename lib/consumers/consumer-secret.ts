import { IConstruct } from 'constructs';
import { brand } from '../brand';
import { S3StoreSettings } from './s3-store';

/** What a consumer's Secret holds, in the terms a construct that reads it needs. @internal */
export type SecretContent =
  /**
   * Two S3 keys, and the settings of the store they open; `assumesRole` when the construct's readers
   * use them only to assume a role (Trainer's `ROLE_ARN`), so that the keys alone may not reach the store.
   */
  | { readonly kind: 's3'; readonly settings: S3StoreSettings; readonly accessKeyKey: string; readonly secretKeyKey: string; readonly assumesRole?: boolean }
  /** A Google Cloud service-account key file. */
  | { readonly kind: 'gcs'; readonly tokenKey: string }
  /** Anything else, named for messages (`registry credentials`). */
  | { readonly kind: 'other'; readonly what: string };

/**
 * A Secret that a consumer construct of this library made (`KServeServiceAccount#s3Secret`,
 * `TrainerStorageCredentials#s3Secret`): another consumer whose key names are free, such as
 * `PipelinesArtifactStore`, references it rather than making a second copy of the same keys. It also
 * carries the settings of the source it was made from, so the two cannot drift apart.
 */
export class ConsumerSecret {
  /** @internal */
  public static _made(owner: IConstruct, namespace: string, secretName: string, content: SecretContent): ConsumerSecret {
    return new ConsumerSecret(owner, namespace, secretName, content);
  }

  private constructor(
    private readonly owner: IConstruct,
    /** Namespace of the Secret. */
    public readonly namespace: string,
    /** Name of the Secret. */
    public readonly secretName: string,
    private readonly content: SecretContent) {
    brand(this, 'ConsumerSecret');
  }

  /** What the Secret holds. @internal */
  public _content(): SecretContent {
    return this.content;
  }

  /** The construct that made the Secret. @internal */
  public _owner(): IConstruct {
    return this.owner;
  }
}
