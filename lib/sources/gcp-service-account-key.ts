import { brand } from '../brand';
import { createPrivateKey } from 'crypto';
import { AccessError } from '../errors';
import { checkSecretReference, hasLoneSurrogate } from '../names';
import { RemoteValue } from './remote-value';
import { SecretStoreOptions } from './secret-store';
import { READ_FILE, readTextFile } from './source-file';
import { resolveStoreReference, storeInput, StoreSecret } from './store-secret';

/**
 * A whole service-account key file kept in a secret store.
 */
export interface GcpServiceAccountKeyStoreProps extends SecretStoreOptions {
  /** The stored key file (its JSON text), written to the Secret unchanged. */
  readonly key: RemoteValue;
}

/** A service-account key, read when the construct that uses it is created. @internal */
export type ResolvedGcpServiceAccountKey =
  | { readonly kind: 'content'; readonly bytes: Buffer }
  | { readonly kind: 'existing'; readonly secretName: string; readonly key?: string }
  /** Fetched by External Secrets Operator into the Secret key the construct mounts. */
  | { readonly kind: 'store'; readonly secret: (key: string) => StoreSecret };

/**
 * A Google Cloud service-account key (the JSON file `gcloud iam service-accounts keys create` writes),
 * for `GOOGLE_APPLICATION_CREDENTIALS`.
 *
 * Every factory defers its work to the construct that uses the key, so that errors name that
 * construct; no error ever holds a value of the key, not even its e-mail address or project.
 */
export class GcpServiceAccountKey {
  /**
   * A key file, read and checked at synth time; its bytes go into the Secret unchanged.
   * @param path path of the JSON key file
   */
  public static fromFile(path: string): GcpServiceAccountKey {
    return new GcpServiceAccountKey(() => {
      const { bytes, text } = readTextFile(path, 'GcpServiceAccountKey.fromJson');
      checkServiceAccountKey(text, READ_FILE);
      return { kind: 'content', bytes };
    });
  }

  /**
   * A key already in memory, as JSON text; stored as given.
   * @param json the key file's content
   */
  public static fromJson(json: string): GcpServiceAccountKey {
    return new GcpServiceAccountKey(() => {
      if (typeof json !== 'string') { throw new AccessError('the key is not JSON text: give the key file\'s content as a string'); }
      if (hasLoneSurrogate(json)) {
        // UTF-8 cannot encode it: the Secret would hold U+FFFD in its place, a key other than the one given.
        throw new AccessError('the key is not valid Unicode (it holds half of a UTF-16 surrogate pair): give the key file\'s content as read from the file');
      }
      checkServiceAccountKey(json, 'the key');
      return { kind: 'content', bytes: Buffer.from(json) };
    });
  }

  /**
   * A Secret that already exists in the namespace; none is synthesised.
   * @param secretName name of the Secret
   * @param key key of the JSON key file in the Secret; mounted as `user-gcp-sa.json` when it differs
   * @default key - 'user-gcp-sa.json'
   */
  public static fromExistingSecret(secretName: string, key?: string): GcpServiceAccountKey {
    return new GcpServiceAccountKey(() => {
      checkSecretReference(secretName, key);
      return { kind: 'existing', secretName, key };
    });
  }

  /**
   * A whole key file kept in a secret store: External Secrets Operator writes it into the Secret
   * unchanged, and keeps it up to date. Its content cannot be checked at synth time, so a broken key
   * shows up only in the notebook (where gcsfs falls back to anonymous access without a word).
   */
  public static fromSecretStore(props: GcpServiceAccountKeyStoreProps): GcpServiceAccountKey {
    const copy = { ...props };
    return new GcpServiceAccountKey(() => {
      const reference = resolveStoreReference(copy);
      const key = storeInput('key', 'user-gcp-sa.json', copy.key);
      return { kind: 'store', secret: secretKey => ({ ...reference, inputs: [{ ...key, secretKey }] }) };
    });
  }

  private constructor(private readonly resolve: () => ResolvedGcpServiceAccountKey) {
    brand(this, 'GcpServiceAccountKey');
  }

  /** Reads and checks the key. @internal */
  public _resolve(): ResolvedGcpServiceAccountKey {
    return this.resolve();
  }
}

const FIX = 'create a key with "gcloud iam service-accounts keys create" and give that file';

/**
 * Checks what google-auth needs to build service-account credentials from the file, offline. The
 * check matters more than for other credentials: gcsfs catches google-auth's error on a broken
 * `GOOGLE_APPLICATION_CREDENTIALS` and silently falls back to anonymous access, so a bad key shows up
 * only as "access denied" on private buckets, far from its cause. Messages name fields, never values.
 */
export function checkServiceAccountKey(text: string, what: string): void {
  if (text.charCodeAt(0) === 0xfeff) {
    throw new AccessError(`${what} starts with a byte-order mark, which Python's json module (and so google-auth) refuses: save it as UTF-8 without a BOM`);
  }
  let key: unknown;
  try {
    key = JSON.parse(text);
  } catch {
    // The parser's own message quotes the input, which holds the private key.
    throw new AccessError(`${what} is not valid JSON: ${FIX}`);
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) {
    throw new AccessError(`${what} is not a JSON object: ${FIX}`);
  }
  if (nestingDepth(text) > MAX_NESTING) {
    throw new AccessError(`${what} is nested more than ${MAX_NESTING} levels deep, and Python's json module (and so google-auth) fails at its recursion limit, near 1000: a key file is one level deep, remove the nested field`);
  }
  const fields = key as { [field: string]: unknown };
  if (fields.type !== 'service_account') {
    throw new AccessError(`${what} has no "type": "service_account" (user, external-account and other credential files are not service-account keys): ${FIX}`);
  }
  for (const field of ['client_email', 'token_uri']) {
    const value = fields[field];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new AccessError(`${what} has no "${field}", or an empty one, which google-auth requires: ${FIX}`);
    }
  }
  const problem = privateKeyProblem(fields.private_key);
  if (problem !== undefined) { throw new AccessError(`${what}: "private_key" ${problem}`); }
}

/** Deep enough for any real key file, well below where Python's json module gives up. */
const MAX_NESTING = 500;

/** The deepest nesting of arrays and objects in JSON text, found in one pass without recursion. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') { i++; } else if (c === '"') { inString = false; }
    } else if (c === '"') {
      inString = true;
    } else if (c === '[' || c === '{') {
      deepest = Math.max(deepest, ++depth);
    } else if (c === ']' || c === '}') {
      depth--;
    }
  }
  return deepest;
}

function privateKeyProblem(privateKey: unknown): string | undefined {
  if (typeof privateKey !== 'string' || privateKey.trim() === '') {
    return `is missing or empty: ${FIX}`;
  }
  if (!privateKey.includes('\n') && privateKey.includes('\\n')) {
    return 'holds "\\n" escapes instead of line breaks (the JSON was escaped twice): give the file as gcloud wrote it';
  }
  let parsed;
  try {
    parsed = createPrivateKey({ key: privateKey, format: 'pem' });
  } catch {
    return `is not a PEM private key ("-----BEGIN PRIVATE KEY-----"): ${FIX}`;
  }
  // google-auth signs its token requests with RS256.
  if (parsed.asymmetricKeyType !== 'rsa') {
    return `is not an RSA key, which google-auth signs with: ${FIX}`;
  }
  return undefined;
}
