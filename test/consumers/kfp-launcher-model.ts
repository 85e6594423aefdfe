// Test-only: how the Kubeflow Pipelines v2 launcher reads the `kfp-launcher` ConfigMap, written from
// kubeflow/pipelines 2.17.0 independently of the library: `backend/src/v2/config/env.go`
// (GetStoreSessionInfo, getBucketProviders), `s3.go`, `minio.go` and `gcs.go` (ProvideSessionInfo),
// `backend/src/v2/objectstore/config.go` (ParseBucketPathToConfig, StructuredS3Params) and
// `object_store.go` (newS3Client, getS3BucketCredential). `providers` goes through sigs.k8s.io/yaml: YAML
// 1.1 (go-yaml v2) to JSON, then encoding/json into the provider structs, whose field names match
// case-insensitively. Checked against the launcher's own test vectors in kfp-launcher-model.test.ts.
import * as YAML from 'yaml';

/** The launcher's SessionInfo: the provider and its string params. */
export interface SessionInfo {
  readonly provider: string;
  readonly params: { [key: string]: string };
}

/** A Go type, as encoding/json decodes into it. */
type GoType = 'string' | 'bool' | 'int' | { readonly struct: { readonly [jsonName: string]: GoType } } | { readonly slice: GoType };

const S3_CREDENTIALS: GoType = {
  struct: { fromEnv: 'bool', secretRef: { struct: { secretName: 'string', accessKeyKey: 'string', secretKeyKey: 'string' } } },
};
const S3_DEFAULT: GoType = {
  struct: { endpoint: 'string', credentials: S3_CREDENTIALS, region: 'string', disableSSL: 'bool', forcePathStyle: 'bool', maxRetries: 'int' },
};
const S3_OVERRIDE: GoType = {
  struct: {
    endpoint: 'string', region: 'string', disableSSL: 'bool', bucketName: 'string', keyPrefix: 'string',
    credentials: S3_CREDENTIALS, forcePathStyle: 'bool', maxRetries: 'int',
  },
};
const S3_PROVIDER: GoType = { struct: { default: S3_DEFAULT, Overrides: { slice: S3_OVERRIDE } } };
const GCS_CREDENTIALS: GoType = { struct: { fromEnv: 'bool', secretRef: { struct: { secretName: 'string', tokenKey: 'string' } } } };
const GCS_PROVIDER: GoType = {
  struct: {
    default: { struct: { credentials: GCS_CREDENTIALS } },
    Overrides: { slice: { struct: { bucketName: 'string', keyPrefix: 'string', credentials: GCS_CREDENTIALS } } },
  },
};
/** `BucketProviders` of env.go. */
const BUCKET_PROVIDERS: GoType = { struct: { minio: S3_PROVIDER, s3: S3_PROVIDER, gs: GCS_PROVIDER } };

/** The keys that matched a field only case-insensitively, by path: the library writes every name exactly. */
export interface Decoded {
  readonly value: any;
  readonly inexactKeys: string[];
}

/**
 * `providers` as the launcher decodes it: YAML 1.1 to JSON, then into BucketProviders. Absent fields and
 * JSON null stay undefined (Go's nil); a wrong type throws as json.Unmarshal does; unknown keys are
 * ignored.
 */
export function decodeProviders(text: string): Decoded {
  const json = YAML.parse(text, { version: '1.1' });
  const inexactKeys: string[] = [];
  return { value: decode(json, BUCKET_PROVIDERS, 'providers', inexactKeys), inexactKeys };
}

function decode(value: unknown, type: GoType, path: string, inexact: string[]): any {
  if (value === null || value === undefined) { return undefined; }
  if (type === 'string' || type === 'bool' || type === 'int') {
    const ok = type === 'string' ? typeof value === 'string' : type === 'bool' ? typeof value === 'boolean' : Number.isInteger(value);
    if (!ok) { throw new Error(`json: cannot unmarshal ${typeof value} into Go struct field ${path} of type ${type}`); }
    return value;
  }
  if ('slice' in type) {
    if (!Array.isArray(value)) { throw new Error(`json: cannot unmarshal ${typeof value} into Go struct field ${path} of type slice`); }
    return value.map((item, i) => decode(item, type.slice, `${path}[${i}]`, inexact));
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go struct field ${path}`);
  }
  const out: { [field: string]: any } = {};
  for (const [key, item] of Object.entries(value as object)) {
    // encoding/json prefers an exact match of the tag, then takes a case-insensitive one.
    const field = key in type.struct ? key : Object.keys(type.struct).find(f => f.toLowerCase() === key.toLowerCase());
    if (field === undefined) { continue; }
    if (field !== key) { inexact.push(`${path}.${key}`); }
    out[field] = decode(item, type.struct[field], `${path}.${field}`, inexact);
  }
  return out;
}

const BUCKET_PATTERN = /^([a-z][a-z0-9]+:\/\/\/?)([^/?]+)(\/[^?]*)?(\?.+)?$/;

/** `ParseBucketPathToConfig`. */
export function parseBucketPath(path: string): { scheme: string; bucketName: string; prefix: string; queryString: string } {
  const m = BUCKET_PATTERN.exec(path);
  if (m === null) { throw new Error(`parse bucket config failed: unrecognized pipeline root format: "${path}"`); }
  if (!['gs://', 's3://', 'minio://', 'mem://'].includes(m[1])) { throw new Error(`parse bucket config failed: unsupported Cloud bucket: "${path}"`); }
  let prefix = (m[3] ?? '').replace(/^\//, '');
  if (prefix.length > 0 && !prefix.endsWith('/')) { prefix += '/'; }
  return { scheme: m[1], bucketName: m[2], prefix, queryString: m[4] ?? '' };
}

/** `Config.GetStoreSessionInfo` of the ConfigMap `data` (undefined when there is no kfp-launcher) for the root `path`. */
export function getStoreSessionInfo(data: { readonly [key: string]: string } | undefined, path: string): SessionInfo {
  const provider = parseBucketPath(path).scheme.replace(/:\/\/\/?$/, '');
  const text = data?.providers ?? '';
  const providers = text === '' ? undefined : decodeProviders(text).value;
  switch (provider) {
    case 'minio': return minioSessionInfo(providers?.minio ?? {}, path);
    case 's3': return s3SessionInfo(providers?.s3 ?? {}, path, 's3');
    case 'gs': return gcsSessionInfo(providers?.gs ?? {}, path);
    default: throw new Error(`Encountered unsupported provider in provider config ${provider}`);
  }
}

/** `DefaultPipelineRoot`. */
export function defaultPipelineRoot(data: { readonly [key: string]: string } | undefined): string {
  return data?.defaultPipelineRoot || 'minio://mlpipeline/v2/artifacts';
}

function minioSessionInfo(p: any, path: string): SessionInfo {
  if (p.default === undefined && p.Overrides === undefined && parseBucketPath(path).queryString === '') {
    return {
      provider: 'minio',
      params: {
        region: 'minio', endpoint: 'seaweedfs.kubeflow:9000', disableSSL: 'true', fromEnv: 'false', maxRetries: '5',
        secretName: 'mlpipeline-minio-artifact', accessKeyKey: 'accesskey', secretKeyKey: 'secretkey',
      },
    };
  }
  return { provider: 'minio', params: s3SessionInfo(p, path, 'minio').params };
}

function s3SessionInfo(p: any, path: string, provider: string): SessionInfo {
  const { bucketName, prefix, queryString } = parseBucketPath(path);
  if ((p.default === undefined && p.Overrides === undefined) || queryString !== '') {
    return { provider, params: { fromEnv: 'true' } };
  }
  const d = p.default;
  if (d === undefined || d.credentials === undefined) { throw new Error('invalid provider config: missing default credentials'); }
  const params: { [key: string]: string } = {
    endpoint: d.endpoint ?? '',
    region: d.region ?? '',
    disableSSL: String(d.disableSSL ?? false),
    forcePathStyle: String(d.forcePathStyle ?? true),
    maxRetries: String(d.maxRetries ?? 5),
    fromEnv: String(d.credentials.fromEnv ?? false),
  };
  if (!d.credentials.fromEnv) {
    // Go dereferences a nil secretRef here and panics.
    if (d.credentials.secretRef === undefined) { throw new Error('runtime error: invalid memory address or nil pointer dereference'); }
    params.secretName = d.credentials.secretRef.secretName ?? '';
    params.accessKeyKey = d.credentials.secretRef.accessKeyKey ?? '';
    params.secretKeyKey = d.credentials.secretRef.secretKeyKey ?? '';
  }
  const override = (p.Overrides ?? []).find((o: any) => (o.bucketName ?? '') === bucketName && prefix.startsWith(o.keyPrefix ?? ''));
  if (override !== undefined) {
    if (override.endpoint) { params.endpoint = override.endpoint; }
    if (override.region) { params.region = override.region; }
    if (override.disableSSL !== undefined) { params.disableSSL = String(override.disableSSL); }
    if (override.forcePathStyle !== undefined) { params.forcePathStyle = String(override.forcePathStyle); }
    if (override.maxRetries !== undefined) { params.maxRetries = String(d.maxRetries ?? 5); }
    if (override.credentials === undefined) { throw new Error('invalid provider config: missing override credentials'); }
    params.fromEnv = String(override.credentials.fromEnv ?? false);
    if (!override.credentials.fromEnv) {
      if (override.credentials.secretRef === undefined) { throw new Error('invalid provider config: missing override secretref'); }
      params.secretName = override.credentials.secretRef.secretName ?? '';
      params.accessKeyKey = override.credentials.secretRef.accessKeyKey ?? '';
      params.secretKeyKey = override.credentials.secretRef.secretKeyKey ?? '';
    } else {
      delete params.secretName;
      delete params.accessKeyKey;
      delete params.secretKeyKey;
    }
  }
  return { provider, params };
}

function gcsSessionInfo(p: any, path: string): SessionInfo {
  const { bucketName, prefix } = parseBucketPath(path);
  if (p.default === undefined && p.Overrides === undefined) { return { provider: 'gs', params: { fromEnv: 'true' } }; }
  const d = p.default;
  if (d === undefined || d.credentials === undefined) { throw new Error('invalid provider config: missing default credentials'); }
  const params: { [key: string]: string } = { fromEnv: String(d.credentials.fromEnv ?? false) };
  if (!d.credentials.fromEnv) {
    if (d.credentials.secretRef === undefined) { throw new Error('runtime error: invalid memory address or nil pointer dereference'); }
    params.secretName = d.credentials.secretRef.secretName ?? '';
    params.tokenKey = d.credentials.secretRef.tokenKey ?? '';
  }
  const override = (p.Overrides ?? []).find((o: any) => (o.bucketName ?? '') === bucketName && prefix.startsWith(o.keyPrefix ?? ''));
  if (override !== undefined) {
    if (override.credentials === undefined) { throw new Error('invalid provider config: missing override secretref'); }
    params.fromEnv = String(override.credentials.fromEnv ?? false);
    if (!override.credentials.fromEnv) {
      if (override.credentials.secretRef === undefined) { throw new Error('invalid provider config: missing override secretref'); }
      params.secretName = override.credentials.secretRef.secretName ?? '';
      params.tokenKey = override.credentials.secretRef.tokenKey ?? '';
    } else {
      delete params.secretName;
      delete params.tokenKey;
    }
  }
  return { provider: 'gs', params };
}

/** The S3 client `newS3Client` builds from a session's params, with the keys `getS3BucketCredential` read. */
export interface LauncherS3Client {
  /** `o.BaseEndpoint`: undefined for AWS's `s3.amazonaws.com` or no endpoint. */
  readonly baseEndpoint?: string;
  readonly region?: string;
  readonly usePathStyle: boolean;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** The client of an S3 or MinIO session, its keys read from `secrets` (by name, each key's bytes). */
export function launcherS3Client(session: SessionInfo, secrets: ReadonlyMap<string, { readonly [key: string]: Buffer }>): LauncherS3Client {
  const p = session.params;
  if (p.fromEnv === 'true') { throw new Error('the session reads its credentials from the environment'); }
  const data = secrets.get(p.secretName);
  if (data === undefined) { throw new Error(`failed to get Bucket credentials from secret name="${p.secretName}": not found`); }
  const accessKeyId = data[p.accessKeyKey]?.toString('utf8') ?? '';
  const secretAccessKey = data[p.secretKeyKey]?.toString('utf8') ?? '';
  if (accessKeyId === '' || secretAccessKey === '') { throw new Error(`could not find specified keys '${p.accessKeyKey}' or '${p.secretKeyKey}'`); }
  const disableSSL = parseGoBool(p.disableSSL ?? 'false');
  const endpoint = p.endpoint ?? '';
  const aws = /^(https:\/\/)?s3.amazonaws.com/.test(endpoint.toLowerCase());
  let baseEndpoint: string | undefined;
  if (!aws && endpoint !== '') {
    baseEndpoint = endpoint.startsWith('http://') || endpoint.startsWith('https://') ? endpoint : `${disableSSL ? 'http' : 'https'}://${endpoint}`;
  }
  return {
    baseEndpoint,
    region: p.region === '' ? undefined : p.region,
    usePathStyle: p.forcePathStyle === undefined ? true : parseGoBool(p.forcePathStyle),
    accessKeyId,
    secretAccessKey,
  };
}

/** strconv.ParseBool. */
function parseGoBool(text: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) { return true; }
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) { return false; }
  throw new Error(`strconv.ParseBool: parsing "${text}": invalid syntax`);
}
