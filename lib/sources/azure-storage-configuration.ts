import { brand } from '../brand';
import { accountKeyProblem, accountNameProblem, parseConnectionString, sasTokenProblem } from './azure-connection-string';
import { AccessError, valueError } from '../errors';
import { checkSecretReference } from '../names';
import { RemoteValue } from './remote-value';
import { SecretStoreOptions } from './secret-store';
import { resolveStoreReference, StoreInput, storeInput, StoreReference } from './store-secret';

/**
 * An Azure Storage account and one credential for it. Give exactly one of `accountKey`, `sasToken` and
 * `connectionString`.
 */
export interface AzureStorageValues {
  /**
   * The storage account's name (`AZURE_STORAGE_ACCOUNT_NAME`): 3 to 24 lower-case letters and digits.
   * @default - the connection string's `AccountName`; required with `accountKey` or `sasToken`
   */
  readonly accountName?: string;
  /**
   * An account key (`AZURE_STORAGE_ACCOUNT_KEY`), as the Azure portal shows `key1` or `key2`.
   * @default - no account key
   */
  readonly accountKey?: string;
  /**
   * A shared access signature (`AZURE_STORAGE_SAS_TOKEN`), the query string of a SAS URL.
   * @default - no SAS token
   */
  readonly sasToken?: string;
  /**
   * A connection string (`AZURE_STORAGE_CONNECTION_STRING`), on one line, with `AccountKey` or
   * `SharedAccessSignature`.
   * @default - no connection string
   */
  readonly connectionString?: string;
}

/**
 * An Azure Storage account whose credential is kept in a secret store; the account name is not a secret
 * and is given here. Give exactly one of `accountKey`, `sasToken` and `connectionString`.
 */
export interface AzureStorageStoreProps extends SecretStoreOptions {
  /**
   * The storage account's name (`AZURE_STORAGE_ACCOUNT_NAME`): 3 to 24 lower-case letters and digits.
   * With a connection string, give its `AccountName`: the string is in the store, so nothing reads it
   * at synth time, and nothing checks that the two agree.
   */
  readonly accountName: string;
  /**
   * The stored account key (`AZURE_STORAGE_ACCOUNT_KEY`).
   * @default - no account key
   */
  readonly accountKey?: RemoteValue;
  /**
   * The stored shared access signature (`AZURE_STORAGE_SAS_TOKEN`).
   * @default - no SAS token
   */
  readonly sasToken?: RemoteValue;
  /**
   * The stored connection string (`AZURE_STORAGE_CONNECTION_STRING`).
   * @default - no connection string
   */
  readonly connectionString?: RemoteValue;
}

/** An Azure Storage configuration, read when the construct that uses it is created. @internal */
export type ResolvedAzureStorageConfiguration =
  | { readonly kind: 'content'; readonly variables: { readonly [name: string]: string } }
  | { readonly kind: 'existing'; readonly secretName: string }
  /** The credential fetched by External Secrets Operator (named by its variable), the account name as given. */
  | { readonly kind: 'store'; readonly reference: StoreReference; readonly inputs: readonly StoreInput[]; readonly variables: { readonly [name: string]: string } }
  /** No credential at all: the account name, and what makes adlfs use the pod's Azure identity. */
  | { readonly kind: 'identity'; readonly variables: { readonly [name: string]: string } };

type Field = keyof AzureStorageValues;

/** adlfs goes anonymous, rather than to DefaultAzureCredential, unless this is "false" (its default before 2026.4.0 was "true"). */
const ANONYMOUS_VARIABLE = 'AZURE_STORAGE_ANON';

/**
 * The variable that holds the account's name: no secret, so a PodDefault sets it in plain `env`, where a
 * reviewer reads it; the other variables hold credentials.
 */
export const AZURE_ACCOUNT_NAME_VARIABLE = 'AZURE_STORAGE_ACCOUNT_NAME';

/** Each value with its environment variable, in the order they are written. */
const VARIABLES: ReadonlyArray<[Field, string]> = [
  ['accountName', AZURE_ACCOUNT_NAME_VARIABLE],
  ['accountKey', 'AZURE_STORAGE_ACCOUNT_KEY'],
  ['sasToken', 'AZURE_STORAGE_SAS_TOKEN'],
  ['connectionString', 'AZURE_STORAGE_CONNECTION_STRING'],
];
type Credential = Exclude<Field, 'accountName'>;
const CREDENTIALS: Credential[] = ['accountKey', 'sasToken', 'connectionString'];

/**
 * An Azure Storage account and its credential as the environment variables adlfs (`az://`, `abfs://`
 * in fsspec, pandas and the Kubeflow SDKs) reads: `AZURE_STORAGE_ACCOUNT_NAME` plus exactly one of
 * `AZURE_STORAGE_ACCOUNT_KEY`, `AZURE_STORAGE_SAS_TOKEN` and `AZURE_STORAGE_CONNECTION_STRING`.
 *
 * Every factory defers its work to the construct that uses the configuration, so that errors name that
 * construct; no error ever holds a value.
 */
export class AzureStorageConfiguration {
  /**
   * Values given in code.
   */
  public static fromValues(values: AzureStorageValues): AzureStorageConfiguration {
    const copy = { ...values };
    return new AzureStorageConfiguration(() => content(copy, field => field));
  }

  /**
   * Values from the four environment variables of the same names, read when the construct is created;
   * other variables are ignored.
   * @param env the variables
   * @default env - process.env
   */
  public static fromEnv(env?: { [key: string]: string }): AzureStorageConfiguration {
    const copy = env === undefined ? undefined : { ...env };
    return new AzureStorageConfiguration(() => {
      const from = copy ?? process.env;
      const values: { [field: string]: string } = {};
      for (const [field, variable] of VARIABLES) {
        const value = from[variable];
        if (value === undefined) { continue; }
        if (value === '') { throw new AccessError(`${variable} is set but empty: unset it, or give it a value`); }
        values[field] = value;
      }
      return content(values, variableOf);
    });
  }

  /**
   * A Secret that already exists in the namespace and holds the variables; none is synthesised, the
   * PodDefault injects all of its keys.
   * @param secretName name of the Secret
   */
  public static fromExistingSecret(secretName: string): AzureStorageConfiguration {
    return new AzureStorageConfiguration(() => {
      checkSecretReference(secretName);
      return { kind: 'existing', secretName };
    });
  }

  /**
   * The credential kept in a secret store, the account name given in code: External Secrets Operator
   * writes the Secret with the keys and values `fromValues` would write. The credential cannot be
   * checked at synth time.
   */
  public static fromSecretStore(props: AzureStorageStoreProps): AzureStorageConfiguration {
    const { store, refreshInterval, accountName, ...credentials } = { ...props };
    return new AzureStorageConfiguration(() => {
      const reference = resolveStoreReference({ store, refreshInterval });
      const credential = oneCredential(credentials, field => field);
      const input = storeInput(credential, variableOf(credential), credentials[credential]!);
      if (accountName === undefined) {
        const why = credential === 'connectionString' ? ' (with a connection string, its AccountName: the string is in the store and is not read at synth time)' : '';
        throw valueError('accountName', `accountName is missing: give the storage account's name${why}`);
      }
      const nameProblem = accountNameProblem(accountName);
      if (nameProblem !== undefined) { throw valueError('accountName', `accountName ${nameProblem}`); }
      return { kind: 'store', reference, inputs: [input], variables: { [variableOf('accountName')]: accountName } };
    });
  }

  /**
   * The account alone, with no key, SAS token or connection string: no Secret is needed. adlfs then
   * authenticates with `DefaultAzureCredential`, which finds the pod's Azure identity (workload identity:
   * `AZURE_CLIENT_ID`, `AZURE_TENANT_ID` and `AZURE_FEDERATED_TOKEN_FILE`, as an
   * `AzureWorkloadIdentityAccess` or Azure's own webhook sets them). Besides `AZURE_STORAGE_ACCOUNT_NAME`
   * it sets `AZURE_STORAGE_ANON=false`: adlfs before 2026.4.0 goes anonymous without a credential unless
   * told otherwise, and later releases take `false` as their default.
   * @param accountName the storage account's name: 3 to 24 lower-case letters and digits
   */
  public static fromAccountName(accountName: string): AzureStorageConfiguration {
    return new AzureStorageConfiguration(() => {
      const problem = accountNameProblem(accountName);
      if (problem !== undefined) { throw valueError('accountName', `accountName ${problem}`); }
      return { kind: 'identity', variables: { [variableOf('accountName')]: accountName, [ANONYMOUS_VARIABLE]: 'false' } };
    });
  }

  private constructor(private readonly resolve: () => ResolvedAzureStorageConfiguration) {
    brand(this, 'AzureStorageConfiguration');
  }

  /** Reads and checks the configuration. @internal */
  public _resolve(): ResolvedAzureStorageConfiguration {
    return this.resolve();
  }
}

/** The variables for checked values; `label` names a value in a message, which never holds the value. */
function content(values: AzureStorageValues, label: (field: Field) => string): ResolvedAzureStorageConfiguration {
  const credential = oneCredential(values, label);
  let accountName = values.accountName;
  if (credential === 'connectionString') {
    const parsed = parseConnectionString(values.connectionString!);
    if ('problem' in parsed) { throw valueError('connectionString', `${label('connectionString')} ${parsed.problem}`); }
    const inString = parsed.settings.AccountName;
    if (accountName !== undefined && inString !== undefined && accountName !== inString) {
      throw valueError('accountName', `${label('accountName')} differs from the AccountName of ${label('connectionString')}: leave ${label('accountName')} out, or make the two the same`);
    }
    accountName = accountName ?? inString;
  } else {
    const problem = credential === 'accountKey' ? accountKeyProblem(values.accountKey!) : sasTokenProblem(values.sasToken!);
    if (problem !== undefined) { throw valueError(credential, `${label(credential)} ${problem}`); }
  }
  if (accountName === undefined) {
    throw valueError('accountName', `${label('accountName')} is missing: give the storage account's name`);
  }
  const nameProblem = accountNameProblem(accountName);
  if (nameProblem !== undefined) { throw valueError('accountName', `${label('accountName')} ${nameProblem}`); }

  const variables: { [name: string]: string } = {};
  for (const [field, variable] of VARIABLES) {
    const value = field === 'accountName' ? accountName : values[field];
    if (value !== undefined) { variables[variable] = value; }
  }
  return { kind: 'content', variables };
}

/** The one credential among `values`, whatever form the values take; `label` names a field in a message. */
function oneCredential(values: { readonly [F in Credential]?: unknown }, label: (field: Field) => string): Credential {
  const given = CREDENTIALS.filter(field => values[field] !== undefined);
  if (given.length === 0) {
    throw new AccessError(`no credential: give one of ${CREDENTIALS.map(label).join(', ')}, or use AzureStorageConfiguration.fromAccountName for the notebook's own Azure identity (workload identity, no key)`);
  }
  if (given.length > 1) {
    throw new AccessError(`${given.map(label).join(' and ')} are given together: give exactly one of ${CREDENTIALS.map(label).join(', ')} (adlfs would use one and ignore the others)`);
  }
  return given[0];
}

function variableOf(field: Field): string {
  return VARIABLES.find(([f]) => f === field)![1];
}
