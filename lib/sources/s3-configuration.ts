import { brand } from '../brand';
import { k8s } from 'cdk8s-plus-28';
import { credentialValueProblem, DEFAULTS_SECTION, parseCredentialsIni, regionProblem } from './aws-credentials-ini';
import { BOTOCORE_REGION_VARIABLE, REGION_VARIABLE } from './aws-region';
import { AccessError, prefixed, valueError } from '../errors';
import { checkSecretReference, quote, writtenNameProblem } from '../names';
import { RemoteValue } from './remote-value';
import { SecretStoreOptions } from './secret-store';
import { READ_FILE, readTextFile } from './source-file';
import { resolveStoreReference, StoreInput, storeInput, StoreReference } from './store-secret';

/**
 * The request-signing version an S3 client uses (`S3_SIGNATURE_VERSION`).
 */
export enum S3SignatureVersion {
  /** AWS Signature Version 4, which AWS S3, MinIO and current S3 stores expect. */
  S3V4 = 's3v4',
  /** The legacy signature, for old stores that know nothing else. */
  S3 = 's3',
}

/**
 * When an AWS SDK computes and validates the integrity checksums of S3 requests and responses
 * (`AWS_REQUEST_CHECKSUM_CALCULATION` and `AWS_RESPONSE_CHECKSUM_VALIDATION`, both set to the value).
 */
export enum S3Checksums {
  /** For every operation that supports them: the default of boto3 1.36 and later, which many S3-compatible stores reject. */
  WHEN_SUPPORTED = 'when_supported',
  /** Only for operations that require them: what MinIO before 2025-01, SeaweedFS before its 2025-12 fixes and GCS interoperability handle. */
  WHEN_REQUIRED = 'when_required',
}

/**
 * Settings of an S3 client, as environment variables in the notebook.
 */
export interface S3ConfigurationValues {
  /** The access key ID (`AWS_ACCESS_KEY_ID`). Any non-empty text without whitespace. */
  readonly accessKeyId: string;
  /** The secret access key (`AWS_SECRET_ACCESS_KEY`). */
  readonly secretAccessKey: string;
  /**
   * The session token of temporary credentials (`AWS_SESSION_TOKEN`).
   * @default - no AWS_SESSION_TOKEN
   */
  readonly sessionToken?: string;
  /**
   * The region (`AWS_REGION`), lower-case letters, digits and "-". A notebook access sets it as
   * `AWS_DEFAULT_REGION` too, the only region variable botocore (boto3, s3fs) reads.
   * @default - no AWS_REGION: the SDK's own default
   */
  readonly region?: string;
  /**
   * The store's URL (`S3_ENDPOINT`): `http` or `https`, a host and an optional port, nothing else.
   * @default - no S3_ENDPOINT: AWS S3 itself
   */
  readonly endpoint?: string;
  /**
   * The request-signing version (`S3_SIGNATURE_VERSION`).
   * @default - no S3_SIGNATURE_VERSION: the client's default
   */
  readonly signatureVersion?: S3SignatureVersion;
  /**
   * Path-style addressing (`S3_FORCE_PATH_STYLE`, rendered `true` or `false`), which MinIO needs.
   * @default - no S3_FORCE_PATH_STYLE: the client's default (virtual-hosted style)
   */
  readonly forcePathStyle?: boolean;
  /**
   * When the SDK sends and checks integrity checksums (`AWS_REQUEST_CHECKSUM_CALCULATION` and
   * `AWS_RESPONSE_CHECKSUM_VALIDATION`). `S3Checksums.WHEN_REQUIRED` for S3-compatible stores that reject
   * the checksums boto3 1.36 and later send by default.
   * @default - neither variable: the SDK's default (`when_supported` since boto3 1.36)
   */
  readonly checksums?: S3Checksums;
}

/**
 * S3 client settings whose keys are kept in a secret store; the other settings are not secrets and are
 * given here.
 */
export interface S3ConfigurationStoreProps extends SecretStoreOptions {
  /** The stored access key ID (`AWS_ACCESS_KEY_ID`). */
  readonly accessKeyId: RemoteValue;
  /** The stored secret access key (`AWS_SECRET_ACCESS_KEY`). */
  readonly secretAccessKey: RemoteValue;
  /**
   * The stored session token of temporary credentials (`AWS_SESSION_TOKEN`).
   * @default - no AWS_SESSION_TOKEN
   */
  readonly sessionToken?: RemoteValue;
  /**
   * The region (`AWS_REGION`), lower-case letters, digits and "-". A notebook access sets it as
   * `AWS_DEFAULT_REGION` too, the only region variable botocore (boto3, s3fs) reads.
   * @default - no AWS_REGION: the SDK's own default
   */
  readonly region?: string;
  /**
   * The store's URL (`S3_ENDPOINT`): `http` or `https`, a host and an optional port, nothing else.
   * @default - no S3_ENDPOINT: AWS S3 itself
   */
  readonly endpoint?: string;
  /**
   * The request-signing version (`S3_SIGNATURE_VERSION`).
   * @default - no S3_SIGNATURE_VERSION: the client's default
   */
  readonly signatureVersion?: S3SignatureVersion;
  /**
   * Path-style addressing (`S3_FORCE_PATH_STYLE`, rendered `true` or `false`), which MinIO needs.
   * @default - no S3_FORCE_PATH_STYLE: the client's default (virtual-hosted style)
   */
  readonly forcePathStyle?: boolean;
  /**
   * When the SDK sends and checks integrity checksums (`AWS_REQUEST_CHECKSUM_CALCULATION` and
   * `AWS_RESPONSE_CHECKSUM_VALIDATION`). `S3Checksums.WHEN_REQUIRED` for S3-compatible stores that reject
   * the checksums boto3 1.36 and later send by default.
   * @default - neither variable: the SDK's default
   */
  readonly checksums?: S3Checksums;
}

/** The settings by field, each with its environment variable, in the order the tutorial lists them. */
const VARIABLES = [
  ['accessKeyId', 'AWS_ACCESS_KEY_ID'],
  ['secretAccessKey', 'AWS_SECRET_ACCESS_KEY'],
  ['sessionToken', 'AWS_SESSION_TOKEN'],
  ['region', REGION_VARIABLE],
  ['endpoint', 'S3_ENDPOINT'],
  ['signatureVersion', 'S3_SIGNATURE_VERSION'],
  ['forcePathStyle', 'S3_FORCE_PATH_STYLE'],
  ['requestChecksums', 'AWS_REQUEST_CHECKSUM_CALCULATION'],
  ['responseChecksums', 'AWS_RESPONSE_CHECKSUM_VALIDATION'],
] as const;

/**
 * The variables that hold credentials, which go into a Secret; the others (region, endpoint, signature
 * version, addressing style, checksums) are no secret, and a PodDefault sets them in plain `env`, where a
 * reviewer reads them.
 */
export const S3_CREDENTIAL_VARIABLES: ReadonlySet<string> = new Set(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']);

/** A settings field: one of S3ConfigurationValues, or one half of its `checksums`. */
export type S3Field = typeof VARIABLES[number][0];

/** The environment variable of each field. */
export const S3_VARIABLES = Object.fromEntries(VARIABLES) as Record<S3Field, string>;

/** S3 client settings before they are checked; the signature version as plain text. */
export type S3Settings = { readonly [F in S3Field]?: F extends 'forcePathStyle' ? boolean : string };

/** An S3 configuration, read when the construct that uses it is created. @internal */
export type ResolvedS3Configuration =
  | { readonly kind: 'content'; readonly variables: { readonly [name: string]: string } }
  | { readonly kind: 'existing'; readonly secretName: string }
  /** The keys read from an existing Secret through `secretKeyRef` (the `env` entries), the other variables as given. */
  | { readonly kind: 'references'; readonly secretName: string; readonly keys: readonly k8s.EnvVar[]; readonly variables: { readonly [name: string]: string } }
  /** The keys fetched by External Secrets Operator (each input named by its variable), the other variables as given. */
  | { readonly kind: 'store'; readonly reference: StoreReference; readonly inputs: readonly StoreInput[]; readonly variables: { readonly [name: string]: string } };

/**
 * Settings of an S3 client (AWS S3, MinIO, any S3 store) as the environment variables the tutorial's
 * Secret holds: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, `AWS_REGION`,
 * `S3_ENDPOINT`, `S3_SIGNATURE_VERSION`, `S3_FORCE_PATH_STYLE`, plus the SDKs' own
 * `AWS_REQUEST_CHECKSUM_CALCULATION` and `AWS_RESPONSE_CHECKSUM_VALIDATION`; only those that are set. A
 * notebook gets the region as `AWS_DEFAULT_REGION` too, which is the one botocore reads.
 *
 * Every factory defers its work to the construct that uses the configuration, so that errors name that
 * construct; no error ever holds a value.
 */
export class S3Configuration {
  /**
   * Settings given in code.
   */
  public static fromValues(values: S3ConfigurationValues): S3Configuration {
    // Copied now, so that a later change to `values` does not count; `checksums` sets two fields. The spread
    // makes values of null (from JavaScript) values without keys, refused as such when the construct reads them.
    const given: Partial<S3ConfigurationValues> = { ...values };
    const settings: S3Settings = {
      accessKeyId: given.accessKeyId,
      secretAccessKey: given.secretAccessKey,
      sessionToken: given.sessionToken,
      region: given.region,
      endpoint: given.endpoint,
      signatureVersion: given.signatureVersion,
      forcePathStyle: given.forcePathStyle,
      requestChecksums: given.checksums,
      responseChecksums: given.checksums,
    };
    return new S3Configuration(() => {
      for (const field of ['accessKeyId', 'secretAccessKey'] as const) {
        if (settings[field] === undefined) { throw valueError(field, `${field} is missing: give it`); }
      }
      return content(renderS3Variables(settings, valuesLabel));
    });
  }

  /**
   * Settings from environment variables of the same names, read when the construct is created.
   * `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` are required, the others optional; each checksum
   * variable is copied on its own. The region is `AWS_REGION`, else `AWS_DEFAULT_REGION` (what boto3
   * users export); both set to different regions is refused.
   * @param env the variables
   * @default env - process.env
   */
  public static fromEnv(env?: { [key: string]: string }): S3Configuration {
    const copy = env === undefined ? undefined : { ...env };
    return new S3Configuration(() => content(readS3Env(copy ?? process.env)));
  }

  /**
   * The keys (and the region, if the profile has one) of a profile of an AWS shared-credentials file,
   * read at synth time.
   * @param path path of the file
   * @param profile the profile
   * @default profile - 'default'
   */
  public static fromCredentialsFile(path: string, profile?: string): S3Configuration {
    return new S3Configuration(() => credentialsFileProfile(readTextFile(path, 'S3Configuration.fromValues').text, READ_FILE, profile ?? 'default'));
  }

  /**
   * The text of a shared-credentials file read elsewhere (the command line's stdin), read as
   * `fromCredentialsFile` reads a file; `what` names it in messages, such as `stdin`.
   * @internal
   */
  public static _fromCredentialsFileText(text: string, what: string, profile?: string): S3Configuration {
    return new S3Configuration(() => credentialsFileProfile(text, what, profile ?? 'default'));
  }

  /**
   * A Secret that already exists in the namespace and holds the variables; none is synthesised, the
   * PodDefault injects all of its keys. For boto3 and s3fs to find the region, the Secret must hold it
   * as `AWS_DEFAULT_REGION` (botocore never reads `AWS_REGION`); the AWS CLI v2 and the other SDKs read
   * `AWS_REGION`, so give both.
   * @param secretName name of the Secret
   */
  public static fromExistingSecret(secretName: string): S3Configuration {
    return new S3Configuration(() => {
      checkSecretReference(secretName);
      return { kind: 'existing', secretName };
    });
  }

  /**
   * Keys kept in a secret store, the other settings given in code: External Secrets Operator writes the
   * Secret with the keys and values `fromValues` would write.
   */
  public static fromSecretStore(props: S3ConfigurationStoreProps): S3Configuration {
    // Spread first: props of null (from JavaScript) are props without a store, refused when the construct reads them.
    const { store, refreshInterval, accessKeyId, secretAccessKey, sessionToken, checksums, ...settings } = { ...props };
    return new S3Configuration(() => {
      const reference = resolveStoreReference({ store, refreshInterval });
      const inputs = [
        storeInput('accessKeyId', S3_VARIABLES.accessKeyId, accessKeyId),
        storeInput('secretAccessKey', S3_VARIABLES.secretAccessKey, secretAccessKey),
        ...(sessionToken === undefined ? [] : [storeInput('sessionToken', S3_VARIABLES.sessionToken, sessionToken)]),
      ];
      return { kind: 'store', reference, inputs, variables: renderS3Variables({ ...settings, ...checksumSettings(checksums) }, valuesLabel) };
    });
  }

  /**
   * Keys kept in a secret store and variables already checked. For presets such as MinioDefault.
   * @internal
   */
  public static _fromCheckedStore(reference: StoreReference, inputs: StoreInput[], variables: { [name: string]: string }): S3Configuration {
    return new S3Configuration(() => ({ kind: 'store', reference, inputs, variables }));
  }

  /**
   * Variables already checked. For presets such as MinioDefault, which check their own props.
   * @internal
   */
  public static _fromChecked(variables: { [name: string]: string }): S3Configuration {
    return new S3Configuration(() => ({ kind: 'content', variables }));
  }

  /**
   * Keys read from the existing Secret `secretName` through `secretKeyRef` (`keys`, the PodDefault's env
   * entries), and variables already checked. For presets such as MinioDefault.
   * @internal
   */
  public static _fromCheckedReferences(secretName: string, keys: k8s.EnvVar[], variables: { [name: string]: string }): S3Configuration {
    return new S3Configuration(() => ({ kind: 'references', secretName, keys, variables }));
  }

  private constructor(private readonly resolve: () => ResolvedS3Configuration) {
    brand(this, 'S3Configuration');
  }

  /** Reads and checks the configuration. @internal */
  public _resolve(): ResolvedS3Configuration {
    return this.resolve();
  }
}

/** The two settings that `checksums` sets, to one value. */
export function checksumSettings(checksums: string | undefined): S3Settings {
  return checksums === undefined ? {} : { requestChecksums: checksums, responseChecksums: checksums };
}

/** How a message names a setting of S3ConfigurationValues: each half of `checksums` as `checksums`. */
export function valuesLabel(field: S3Field): string {
  return field === 'requestChecksums' || field === 'responseChecksums' ? 'checksums' : field;
}

/** The names a credentials file gives the settings it can hold. */
const INI_KEYS: Partial<Record<S3Field, string>> = {
  accessKeyId: 'aws_access_key_id',
  secretAccessKey: 'aws_secret_access_key',
  sessionToken: 'aws_session_token',
  region: 'region',
};

/** The settings of profile `name` of a credentials file's `text`, which `where` names in messages. */
function credentialsFileProfile(text: string, where: string, name: string): ResolvedS3Configuration {
  const profiles = prefixed(where, () => parseCredentialsIni(text));
  if (name === DEFAULTS_SECTION) {
    throw new AccessError(`${where}: "DEFAULT" is no profile but the section whose keys every profile inherits, and AWS tools refuse it as a profile name: name a profile`);
  }
  if (name === '') {
    throw new AccessError(`the profile name given for ${where} is empty: name one of its profiles as its "[NAME]" header does, or leave the name out for [default]`);
  }
  const found = profiles.find(p => p.name === name);
  if (found === undefined) {
    // Neither the name given (refused) nor the file's own names are shown: the file holds credentials, and a name given may be one.
    const count = profiles.length === 1 ? 'its one profile' : `its ${profiles.length} profiles`;
    throw new AccessError(`${where} has no profile of the name given, among ${count}: name one of them as its "[NAME]" header does`);
  }
  const { accessKeyId, secretAccessKey, sessionToken, region } = found;
  return content(renderS3Variables({ accessKeyId, secretAccessKey, sessionToken, region },
    // The name is shown: it is the caller's, and names a profile the file has.
    field => `${where} profile ${quote(name)}: ${INI_KEYS[field]}`));
}

function content(variables: { [name: string]: string }): ResolvedS3Configuration {
  return { kind: 'content', variables };
}

function readS3Env(env: { [key: string]: string | undefined }): { [name: string]: string } {
  const settings: { [field: string]: string | boolean } = {};
  const regionVariable = regionVariableOf(env);
  for (const [field, tutorialVariable] of VARIABLES) {
    const variable = field === 'region' ? regionVariable : tutorialVariable;
    const value = env[variable];
    if (value === undefined) {
      if (field === 'accessKeyId' || field === 'secretAccessKey') {
        throw new AccessError(`${variable} is not set: export it, or use S3Configuration.fromValues`);
      }
      continue;
    }
    if (value === '' && field !== 'accessKeyId' && field !== 'secretAccessKey') {
      throw new AccessError(`${variable} is set but empty: unset it, or give it a value`);
    }
    if (field === 'forcePathStyle') {
      if (value !== 'true' && value !== 'false') {
        throw new AccessError(`${variable} is not "true" or "false": set it to one of them`);
      }
      settings[field] = value === 'true';
    } else {
      settings[field] = value;
    }
  }
  return renderS3Variables(settings as S3Settings, field => (field === 'region' ? regionVariable : S3_VARIABLES[field]));
}

/**
 * The variable an environment gives the region in: `AWS_REGION`, which the AWS CLI v2 and the SDKs but
 * botocore read first, else `AWS_DEFAULT_REGION`, the only one botocore reads (what boto3 users
 * export). Both set to different regions is refused: the tools of that shell disagree on the region.
 */
function regionVariableOf(env: { [key: string]: string | undefined }): string {
  const region = env[REGION_VARIABLE];
  const botocoreRegion = env[BOTOCORE_REGION_VARIABLE];
  if (region && botocoreRegion && region !== botocoreRegion) {
    throw new AccessError(`${REGION_VARIABLE} and ${BOTOCORE_REGION_VARIABLE} are set to different regions (botocore reads ${BOTOCORE_REGION_VARIABLE}, the AWS CLI v2 and the other SDKs ${REGION_VARIABLE}): unset one, or give both the same region`);
  }
  return region === undefined && botocoreRegion !== undefined ? BOTOCORE_REGION_VARIABLE : REGION_VARIABLE;
}

/**
 * The environment variables for the settings that are set, each checked; `label` names a field in a
 * message. Throws an AccessError that names the field, never its value.
 */
export function renderS3Variables(settings: S3Settings, label: (field: S3Field) => string): { [name: string]: string } {
  for (const [field] of VARIABLES) {
    const value = settings[field];
    if (value === undefined) { continue; }
    const problem = s3SettingProblem(field, value);
    if (problem !== undefined) { throw valueError(valuesLabel(field), `${label(field)} ${problem}`); }
  }
  return s3Variables(settings);
}

/** The environment variables for settings that are checked already (`s3SettingProblem`), in the order of VARIABLES. */
export function s3Variables(settings: S3Settings): { [name: string]: string } {
  const variables: { [name: string]: string } = {};
  for (const [field, variable] of VARIABLES) {
    const value = settings[field];
    if (value !== undefined) { variables[variable] = String(value); }
  }
  return variables;
}

/** What is wrong with the value of one S3 setting, or undefined when nothing is; never holds the value. */
export function s3SettingProblem(field: S3Field, value: string | boolean): string | undefined {
  switch (field) {
    case 'accessKeyId':
    case 'secretAccessKey':
    case 'sessionToken':
      return credentialValueProblem(value as string);
    case 'region':
      // An env value: cdk8s writes `0o17` without quotes.
      return regionProblem(value as string) ?? writtenNameProblem(value as string);
    case 'endpoint':
      return endpointProblem(value as string);
    case 'signatureVersion':
      return value === S3SignatureVersion.S3V4 || value === S3SignatureVersion.S3 ? undefined
        : 'is not "s3v4" or "s3": use "s3v4", or "s3" for old stores that know nothing else';
    case 'forcePathStyle':
      return typeof value === 'boolean' ? undefined : 'is not true or false: give a boolean';
    case 'requestChecksums':
    case 'responseChecksums':
      // botocore compares the value case-insensitively, and refuses to create a client on any other one.
      return typeof value === 'string' && /^when_(supported|required)$/i.test(value) ? undefined
        : 'is not "when_supported" or "when_required": use "when_required" for stores that reject the checksums boto3 1.36 and later send by default';
  }
}

const ENDPOINT_FORM = 'give only scheme, host and optional port, such as "https://s3.eu-west-1.amazonaws.com" or "http://minio-service.kubeflow:9000"';

/**
 * What is wrong with an S3 endpoint, or undefined when nothing is. Never holds the endpoint, which may
 * hold credentials.
 */
export function endpointProblem(endpoint: string): string | undefined {
  if (typeof endpoint !== 'string' || endpoint === '') { return `is empty: ${ENDPOINT_FORM}`; }
  if (/\s/.test(endpoint)) { return 'contains whitespace or a line break: remove it'; }
  if (/^[^/?#]*\/\/[^/?#]*@/.test(endpoint)) {
    return 'contains credentials ("user:password@"): give the URL without them, and the keys in their own settings';
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint)) { return `is not a complete URL: ${ENDPOINT_FORM}`; }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return `is not a complete URL: ${ENDPOINT_FORM}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') { return `is not an http or https URL: ${ENDPOINT_FORM}`; }
  if (/[?#]/.test(endpoint)) { return `has a query or fragment: ${ENDPOINT_FORM}`; }
  if (url.pathname !== '/') { return `has a path (S3 clients add the bucket themselves): ${ENDPOINT_FORM}`; }
  const authority = /^https?:\/\/([^/\\]+)\/?$/i.exec(endpoint)?.[1];
  if (authority === undefined) { return `is not a complete URL: ${ENDPOINT_FORM}`; }
  // An IPv6 address in brackets, which URL has checked; else the host as written, before the port.
  const host = authority.replace(/:\d*$/, '');
  if (!authority.startsWith('[') && (host.length > 255 || !BOTOCORE_HOST.test(host.replace(/\.$/, '')))) {
    return 'has a host name botocore refuses to create a client for ("Invalid endpoint"): dot-separated labels of letters, digits and "-", '
      + `at most 63 characters each, none starting or ending with "-" (no "_", no empty label; an international name in its xn-- form): ${ENDPOINT_FORM}`;
  }
  return undefined;
}

/**
 * A host name botocore takes as an endpoint (botocore 1.43.11 `utils.is_valid_endpoint_url`, which the
 * client's constructor calls; an IPv6 address is checked apart), at most 255 characters, its trailing dot
 * left out. test/sources/aws-botocore.test.ts compares with botocore.
 */
const BOTOCORE_HOST = /^((?!-)[a-z\d-]{1,63}(?<!-)\.)*((?!-)[a-z\d-]{1,63}(?<!-))$/i;
