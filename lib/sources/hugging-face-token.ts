import { brand } from '../brand';
import { AccessError, valueError } from '../errors';
import { credentialValueProblem } from './aws-credentials-ini';
import { RemoteValue } from './remote-value';
import { SecretStoreOptions } from './secret-store';
import { READ_FILE, readTextFile } from './source-file';
import { resolveStoreReference, StoreInput, storeInput, StoreReference } from './store-secret';

/** The variable huggingface_hub reads the token from, and the name the input of a stored one has. */
const HF_TOKEN = 'HF_TOKEN';

/**
 * A Hugging Face access token kept in a secret store.
 */
export interface HuggingFaceTokenStoreProps extends SecretStoreOptions {
  /** The stored token. */
  readonly token: RemoteValue;
}

/** A Hugging Face token, read when the construct that uses it is created. @internal */
export type ResolvedHuggingFaceToken =
  | { readonly kind: 'content'; readonly token: string }
  /** Fetched by External Secrets Operator into the input `HF_TOKEN`. */
  | { readonly kind: 'store'; readonly reference: StoreReference; readonly input: StoreInput };

/**
 * A Hugging Face access token (`hf_...`), for the models and datasets a job downloads from the Hub.
 *
 * Every factory defers its work to the construct that uses the token, so that errors name that
 * construct; no error ever holds the token.
 */
export class HuggingFaceToken {
  /**
   * A token given in code.
   * @param token the token
   */
  public static fromValue(token: string): HuggingFaceToken {
    return new HuggingFaceToken(() => checked(token, 'the token'));
  }

  /**
   * The token in `HF_TOKEN`, read when the construct is created.
   * @param env the variables
   * @default env - process.env
   */
  public static fromEnv(env?: { [key: string]: string }): HuggingFaceToken {
    const copy = env === undefined ? undefined : { ...env };
    return new HuggingFaceToken(() => {
      const token = (copy ?? process.env)[HF_TOKEN];
      if (token === undefined) { throw new AccessError(`${HF_TOKEN} is not set: export it, or use HuggingFaceToken.fromValue`); }
      return checked(token, HF_TOKEN);
    });
  }

  /**
   * The token file `hf auth login` writes (`~/.cache/huggingface/token`), read at synth time; one trailing
   * line break is removed.
   * @param path path of the file
   */
  public static fromFile(path: string): HuggingFaceToken {
    return new HuggingFaceToken(() => checked(readTextFile(path, 'HuggingFaceToken.fromValue').text.replace(/\r?\n$/, ''), READ_FILE));
  }

  /**
   * A token kept in a secret store: External Secrets Operator writes it into the Secret, and keeps it up
   * to date. It cannot be checked at synth time.
   */
  public static fromSecretStore(props: HuggingFaceTokenStoreProps): HuggingFaceToken {
    const copy = { ...props };
    return new HuggingFaceToken(() => ({ kind: 'store', reference: resolveStoreReference(copy), input: storeInput('token', HF_TOKEN, copy.token) }));
  }

  private constructor(private readonly resolve: () => ResolvedHuggingFaceToken) {
    brand(this, 'HuggingFaceToken');
  }

  /** Reads and checks the token. @internal */
  public _resolve(): ResolvedHuggingFaceToken {
    return this.resolve();
  }
}

function checked(token: string, what: string): ResolvedHuggingFaceToken {
  const problem = credentialValueProblem(token);
  if (problem !== undefined) { throw valueError('token', `${what} ${problem}`); }
  return { kind: 'content', token };
}
