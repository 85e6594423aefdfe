import { accountKeyProblem, accountNameProblem, parseConnectionString, sasTokenProblem } from './azure-connection-string';
import { AccessError } from './errors';
import { checkSecretReference } from './names';

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

/** An Azure Storage configuration, read when the construct that uses it is created. @internal */
export type ResolvedAzureStorageConfiguration =
  | { readonly kind: 'content'; readonly variables: { readonly [name: string]: string } }
  | { readonly kind: 'existing'; readonly secretName: string };

type Field = keyof AzureStorageValues;

/** Each value with its environment variable, in the order they are written. */
const VARIABLES: ReadonlyArray<[Field, string]> = [
  ['accountName', 'AZURE_STORAGE_ACCOUNT_NAME'],
  ['accountKey', 'AZURE_STORAGE_ACCOUNT_KEY'],
  ['sasToken', 'AZURE_STORAGE_SAS_TOKEN'],
  ['connectionString', 'AZURE_STORAGE_CONNECTION_STRING'],
];
const CREDENTIALS: Field[] = ['accountKey', 'sasToken', 'connectionString'];

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
      return content(values, field => VARIABLES.find(([f]) => f === field)![1]);
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

  private constructor(private readonly resolve: () => ResolvedAzureStorageConfiguration) {}

  /** Reads and checks the configuration. @internal */
  public _resolve(): ResolvedAzureStorageConfiguration {
    return this.resolve();
  }
}

/** The variables for checked values; `label` names a value in a message, which never holds the value. */
function content(values: AzureStorageValues, label: (field: Field) => string): ResolvedAzureStorageConfiguration {
  const given = CREDENTIALS.filter(field => values[field] !== undefined);
  if (given.length === 0) {
    throw new AccessError(`no credential: give one of ${CREDENTIALS.map(label).join(', ')}`);
  }
  if (given.length > 1) {
    throw new AccessError(`${given.map(label).join(' and ')} are given together: give exactly one of ${CREDENTIALS.map(label).join(', ')} (adlfs would use one and ignore the others)`);
  }
  const [credential] = given;
  let accountName = values.accountName;
  if (credential === 'connectionString') {
    const parsed = parseConnectionString(values.connectionString!);
    if ('problem' in parsed) { throw new AccessError(`${label('connectionString')} ${parsed.problem}`); }
    const inString = parsed.settings.AccountName;
    if (accountName !== undefined && inString !== undefined && accountName !== inString) {
      throw new AccessError(`${label('accountName')} differs from the AccountName of ${label('connectionString')}: leave ${label('accountName')} out, or make the two the same`);
    }
    accountName = accountName ?? inString;
  } else {
    const problem = credential === 'accountKey' ? accountKeyProblem(values.accountKey!) : sasTokenProblem(values.sasToken!);
    if (problem !== undefined) { throw new AccessError(`${label(credential)} ${problem}`); }
  }
  if (accountName === undefined) {
    throw new AccessError(`${label('accountName')} is missing: give the storage account's name`);
  }
  const nameProblem = accountNameProblem(accountName);
  if (nameProblem !== undefined) { throw new AccessError(`${label('accountName')} ${nameProblem}`); }

  const variables: { [name: string]: string } = {};
  for (const [field, variable] of VARIABLES) {
    const value = field === 'accountName' ? accountName : values[field];
    if (value !== undefined) { variables[variable] = value; }
  }
  return { kind: 'content', variables };
}
