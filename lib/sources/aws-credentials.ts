import { brand } from '../brand';
import { ConfigProfile, parseCredentialsIni, profileNameProblem, regionProblem, renderCredentialsIni } from './aws-credentials-ini';
import { ACCESS_KEY_ID_INPUT, credentialsTemplate, SECRET_ACCESS_KEY_INPUT, SESSION_TOKEN_INPUT, storedCredentialsTemplate } from './aws-credentials-template';
import { AccessError, prefixed, valueError } from '../errors';
import { typeName } from '../json';
import { checkSecretReference } from '../names';
import { RemoteValue } from './remote-value';
import { SecretStoreOptions } from './secret-store';
import { READ_FILE, readTextFile } from './source-file';
import { resolveStoreReference, storeInput, StoreSecret } from './store-secret';

/**
 * One profile of an AWS shared-credentials file.
 */
export interface AwsProfile {
  /** The access key ID (`aws_access_key_id`). Any non-empty text: MinIO and other S3 stores use their own formats. */
  readonly accessKeyId: string;
  /** The secret access key (`aws_secret_access_key`). */
  readonly secretAccessKey: string;
  /**
   * The session token of temporary credentials (`aws_session_token`).
   * @default - no session token
   */
  readonly sessionToken?: string;
  /**
   * The profile's name, the file's `[name]` header.
   * @default 'default'
   */
  readonly profile?: string;
  /**
   * The profile's region, written to the AWS config file (`~/.aws/config`) next to the credentials.
   * @default - the construct's `region`, if any; otherwise the profile gets no region
   */
  readonly region?: string;
}

/**
 * A whole AWS shared-credentials file kept in a secret store.
 */
export interface AwsCredentialsStoreProps extends SecretStoreOptions {
  /** The stored credentials file, written to the Secret unchanged. */
  readonly credentials: RemoteValue;
}

/**
 * The keys of one profile kept in a secret store, composed into a credentials file by External Secrets
 * Operator.
 */
export interface AwsKeysStoreProps extends SecretStoreOptions {
  /** The stored access key ID (`aws_access_key_id`). */
  readonly accessKeyId: RemoteValue;
  /** The stored secret access key (`aws_secret_access_key`). */
  readonly secretAccessKey: RemoteValue;
  /**
   * The stored session token of temporary credentials (`aws_session_token`).
   * @default - no session token
   */
  readonly sessionToken?: RemoteValue;
  /**
   * The profile's name, the file's `[name]` header. Not a secret: written into the template.
   * @default 'default'
   */
  readonly profile?: string;
  /**
   * The profile's region, written to the AWS config file (the Secret's key `config`) as literal text.
   * @default - the construct's `region`, if any; otherwise the profile gets no region
   */
  readonly region?: string;
}

/** AWS credentials, read when the construct that uses them is created. @internal */
export type ResolvedAwsCredentials =
  | { readonly kind: 'content'; readonly bytes: Buffer; readonly profiles: readonly ConfigProfile[] }
  | { readonly kind: 'existing'; readonly secretName: string; readonly key?: string }
  /**
   * Written by External Secrets Operator into the Secret key `credentials`; `profiles` is undefined
   * when the whole file comes from the store, and so its profiles are unknown.
   */
  | { readonly kind: 'store'; readonly secret: StoreSecret; readonly profiles?: readonly ConfigProfile[] };

/**
 * AWS credentials: the content of the notebook's `~/.aws/credentials`.
 *
 * Every factory defers its work to the construct that uses the credentials, so that errors name that
 * construct; no error ever holds a key or token.
 */
export class AwsCredentials {
  /**
   * An AWS shared-credentials file, read at synth time; its bytes go into the Secret unchanged, but for
   * a leading UTF-8 byte-order mark, which is dropped.
   * @param path path of the file
   */
  public static fromFile(path: string): AwsCredentials {
    return new AwsCredentials(() => {
      const { bytes, text } = readTextFile(path, 'AwsCredentials.fromKeys (or fromProfiles)');
      return credentialsFile(bytes, text, READ_FILE);
    });
  }

  /**
   * The text of a shared-credentials file read elsewhere (the command line's stdin), checked and stored
   * as `fromFile` checks and stores a file; `what` names it in messages, such as `stdin`.
   * @internal
   */
  public static _fromFileText(text: string, what: string): AwsCredentials {
    return new AwsCredentials(() => credentialsFile(Buffer.from(text), text, what));
  }

  /**
   * One profile (by default `default`), rendered as a credentials file.
   */
  public static fromKeys(keys: AwsProfile): AwsCredentials {
    return AwsCredentials.fromProfiles([keys]);
  }

  /**
   * Several profiles in one credentials file, in the order given.
   */
  public static fromProfiles(profiles: AwsProfile[]): AwsCredentials {
    // Array.from, not a spread: each profile copied, and a hole of a sparse array is a profile without keys.
    const copy = Array.isArray(profiles) ? Array.from(profiles, profile => ({ ...profile })) : undefined;
    return new AwsCredentials(() => {
      if (copy === undefined) {
        throw new AccessError(`the profiles are ${typeName(profiles)}, not a list: give a list of profiles, such as [{ profile, accessKeyId, secretAccessKey }]`);
      }
      // The name last: a `name` from JavaScript, which is no field of a profile, does not rename it.
      const named = copy.map(({ profile, ...keys }) => ({ ...keys, name: profile ?? 'default' }));
      const text = renderCredentialsIni(named);
      return { kind: 'content', bytes: Buffer.from(text), profiles: named.map(({ name, region }) => ({ name, region })) };
    });
  }

  /**
   * A Secret that already exists in the namespace; none is synthesised.
   * @param secretName name of the Secret
   * @param key key of the credentials file in the Secret; mounted as `credentials` when it differs
   * @default key - 'credentials'
   */
  public static fromExistingSecret(secretName: string, key?: string): AwsCredentials {
    return new AwsCredentials(() => {
      checkSecretReference(secretName, key);
      return { kind: 'existing', secretName, key };
    });
  }

  /**
   * A whole credentials file kept in a secret store: External Secrets Operator writes it into the
   * Secret as stored (a leading byte-order mark dropped, as `fromFile` drops it), and keeps it up to
   * date. Its content is not checked at synth time.
   */
  public static fromSecretStore(props: AwsCredentialsStoreProps): AwsCredentials {
    const copy = { ...props };
    return new AwsCredentials(() => {
      const reference = resolveStoreReference(copy);
      const input = storeInput('credentials', CREDENTIALS_KEY, copy.credentials);
      return { kind: 'store', secret: { ...reference, inputs: [input], template: { [CREDENTIALS_KEY]: storedCredentialsTemplate(CREDENTIALS_KEY) } } };
    });
  }

  /**
   * One profile (by default `default`) whose keys are kept in a secret store: External Secrets Operator
   * composes the credentials file from them, byte for byte as `fromKeys` renders it.
   */
  public static fromSecretStoreKeys(props: AwsKeysStoreProps): AwsCredentials {
    const copy = { ...props };
    return new AwsCredentials(() => {
      const reference = resolveStoreReference(copy);
      const name = copy.profile ?? 'default';
      const nameProblem = profileNameProblem(name);
      if (nameProblem !== undefined) { throw valueError('profile', `profile ${nameProblem}`); }
      if (copy.region !== undefined) {
        const problem = regionProblem(copy.region);
        if (problem !== undefined) { throw valueError('region', `region ${problem}`); }
      }
      const inputs = [
        storeInput('accessKeyId', ACCESS_KEY_ID_INPUT, copy.accessKeyId),
        storeInput('secretAccessKey', SECRET_ACCESS_KEY_INPUT, copy.secretAccessKey),
        ...(copy.sessionToken === undefined ? [] : [storeInput('sessionToken', SESSION_TOKEN_INPUT, copy.sessionToken)]),
      ];
      const template = { [CREDENTIALS_KEY]: credentialsTemplate(name, copy.sessionToken !== undefined) };
      return { kind: 'store', secret: { ...reference, inputs, template }, profiles: [{ name, region: copy.region }] };
    });
  }

  private constructor(private readonly resolve: () => ResolvedAwsCredentials) {
    brand(this, 'AwsCredentials');
  }

  /** Reads and checks the credentials. @internal */
  public _resolve(): ResolvedAwsCredentials {
    return this.resolve();
  }
}

/** A credentials file, checked; its bytes go into the Secret unchanged, but for a byte-order mark. */
function credentialsFile(bytes: Buffer, text: string, what: string): ResolvedAwsCredentials {
  const profiles: ConfigProfile[] = prefixed(what, () => parseCredentialsIni(text)).map(({ name, region }) => ({ name, region }));
  // Python's configparser, which the AWS CLI and boto3 read the file with, keeps a byte-order mark:
  // "\ufeff[default]" is no section header to it, and the whole file fails to parse.
  return { kind: 'content', bytes: withoutByteOrderMark(bytes), profiles };
}

/** The Secret key of the credentials file. */
const CREDENTIALS_KEY = 'credentials';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function withoutByteOrderMark(bytes: Buffer): Buffer {
  return bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
}
