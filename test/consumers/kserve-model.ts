// Test-only: what KServe's controller gives the storage initializer of an InferenceService from its
// ServiceAccount, written from kserve/kserve v0.20.0 independently of the library:
// `pkg/credentials/service_account_credentials.go` (CreateSecretVolumeAndEnvFromServiceAccount,
// mountSecretCredential), `pkg/credentials/s3/s3_secret.go` (BuildSecretEnvs), `s3/utils.go`
// (BuildS3EnvVars, getEndpointConfiguration), `s3/s3_service_account.go`, `gcs/gcs_secret.go`,
// `azure/azure_secret.go` and `pkg/utils/utils.go` (MergeEnvs). Checked against KServe's own test
// vectors in kserve-model.test.ts.

/** An env var as the controller writes it. */
export interface EnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: { readonly secretKeyRef: { readonly name: string; readonly key: string } };
}

/** The `credentials` of the `inferenceservice-config` ConfigMap. */
export interface KServeCredentialsConfig {
  readonly s3?: { readonly [field: string]: string };
  readonly gcs?: { readonly gcsCredentialFileName?: string };
}

/** What the shipped `config/configmap/inferenceservice.yaml` sets (the other S3 fields are empty strings). */
export const SHIPPED_CONFIG: KServeCredentialsConfig = {
  s3: { s3AccessKeyIDName: 'AWS_ACCESS_KEY_ID', s3SecretAccessKeyName: 'AWS_SECRET_ACCESS_KEY' },
  gcs: { gcsCredentialFileName: 'gcloud-application-credentials.json' },
};

/** A Secret as the controller reads it: annotations, and data as bytes. */
export interface ModelSecret {
  readonly annotations?: { readonly [key: string]: string };
  readonly data: { readonly [key: string]: Buffer };
}

const S3 = 'serving.kserve.io';
const IRSA = 'eks.amazonaws.com/role-arn';

/** `BuildS3EnvVars`: the S3 settings from annotations, else the Secret's data key of the env's name, else the config. */
export function buildS3EnvVars(annotations: { readonly [key: string]: string }, secretData: { readonly [key: string]: Buffer } | undefined,
  s3Config: { readonly [field: string]: string }): EnvVar[] {
  const envs: EnvVar[] = [];
  const get = (annotation: string, dataKey: string, configField: string): string => {
    if (annotation in annotations) { return annotations[annotation]; }
    if (secretData !== undefined && dataKey in secretData) { return secretData[dataKey].toString('utf8'); }
    return s3Config[configField] ?? '';
  };
  const endpoint = get(`${S3}/s3-endpoint`, 'S3_ENDPOINT', 's3Endpoint');
  if (endpoint !== '') {
    const configured = endpoint.trim();
    let useHttps: string;
    let host: string;
    let url: string;
    if (configured.toLowerCase().startsWith('https://')) {
      [useHttps, host, url] = ['1', configured.slice(8), configured];
    } else if (configured.toLowerCase().startsWith('http://')) {
      [useHttps, host, url] = ['0', configured.slice(7), configured];
    } else {
      useHttps = get(`${S3}/s3-usehttps`, 'S3_USE_HTTPS', 's3UseHttps');
      host = configured;
      url = (useHttps === '0' ? 'http://' : 'https://') + configured;
    }
    if (useHttps !== '') { envs.push({ name: 'S3_USE_HTTPS', value: useHttps }); }
    envs.push({ name: 'S3_ENDPOINT', value: host }, { name: 'AWS_ENDPOINT_URL', value: url });
  }
  const rest: [string, string, string, string][] = [
    [`${S3}/s3-verifyssl`, 'S3_VERIFY_SSL', 's3VerifySSL', 'S3_VERIFY_SSL'],
    [`${S3}/s3-useanoncredential`, 'awsAnonymousCredential', 's3UseAnonymousCredential', 'awsAnonymousCredential'],
    [`${S3}/s3-region`, 'AWS_DEFAULT_REGION', 's3Region', 'AWS_DEFAULT_REGION'],
    [`${S3}/s3-usevirtualbucket`, 'S3_USER_VIRTUAL_BUCKET', 's3UseVirtualBucket', 'S3_USER_VIRTUAL_BUCKET'],
    [`${S3}/s3-useaccelerate`, 'S3_USE_ACCELERATE', 's3UseAccelerate', 'S3_USE_ACCELERATE'],
    [`${S3}/s3-cabundle`, 'AWS_CA_BUNDLE', 's3CABundle', 'AWS_CA_BUNDLE'],
    [`${S3}/s3-cabundle-configmap`, 'AWS_CA_BUNDLE_CONFIGMAP', 's3CABundleConfigMap', 'AWS_CA_BUNDLE_CONFIGMAP'],
  ];
  for (const [annotation, dataKey, field, name] of rest) {
    const value = get(annotation, dataKey, field);
    if (value !== '') { envs.push({ name, value }); }
  }
  return envs;
}

/** What the storage initializer container gets: env vars, and volumes mounted read-only. */
export interface InitializerCredentials {
  readonly env: EnvVar[];
  readonly volumes: { readonly name: string; readonly secretName: string; readonly mountPath: string }[];
}

/**
 * `CreateSecretVolumeAndEnvFromServiceAccount` for `serviceAccount` (a manifest), reading Secrets from
 * `secrets` by name; throws where the controller fails the InferenceService (a listed Secret not found).
 */
export function storageInitializerCredentials(serviceAccount: any, secrets: ReadonlyMap<string, ModelSecret>,
  config: KServeCredentialsConfig = SHIPPED_CONFIG): InitializerCredentials {
  let env: EnvVar[] = [];
  const volumes: { name: string; secretName: string; mountPath: string }[] = [];
  const annotations = serviceAccount.metadata?.annotations ?? {};
  if (IRSA in annotations) { env.push(...buildS3EnvVars(annotations, undefined, config.s3 ?? {})); }
  const secretKeyName = config.s3?.s3SecretAccessKeyName || 'awsSecretAccessKey';
  const accessKeyName = config.s3?.s3AccessKeyIDName || 'awsAccessKeyID';
  const gcsFile = config.gcs?.gcsCredentialFileName || 'gcloud-application-credentials.json';
  for (const { name } of serviceAccount.secrets ?? []) {
    const secret = secrets.get(name);
    if (secret === undefined) { throw new Error(`secrets "${name}" not found`); }
    const ref = (key: string) => ({ secretKeyRef: { name, key } });
    if (secretKeyName in secret.data) {
      const envs: EnvVar[] = [
        { name: 'AWS_ACCESS_KEY_ID', valueFrom: ref(accessKeyName) },
        { name: 'AWS_SECRET_ACCESS_KEY', valueFrom: ref(secretKeyName) },
        ...buildS3EnvVars(secret.annotations ?? {}, secret.data, config.s3 ?? {}),
      ];
      env = mergeEnvs(env, envs);
    } else if (gcsFile in secret.data) {
      if (!volumes.some(v => v.name === 'user-gcp-sa')) { volumes.push({ name: 'user-gcp-sa', secretName: name, mountPath: '/var/secrets/' }); }
      env.push({ name: 'GOOGLE_APPLICATION_CREDENTIALS', value: `/var/secrets/${gcsFile}` });
    } else if (['AZ_CLIENT_ID', 'AZURE_CLIENT_ID', 'AZURE_ACCESS_TOKEN'].some(k => k in secret.data)) {
      env.push(...azureSecretEnvs(name, secret));
    } else if ('AZURE_STORAGE_ACCESS_KEY' in secret.data) {
      env.push({ name: 'AZURE_STORAGE_ACCESS_KEY', valueFrom: ref('AZURE_STORAGE_ACCESS_KEY') });
    }
  }
  return { env, volumes };
}

/** `azure.BuildSecretEnvs`: each Azure variable from its key (or its legacy `AZ_` key). */
function azureSecretEnvs(name: string, secret: ModelSecret): EnvVar[] {
  const keys = ['AZURE_SUBSCRIPTION_ID', 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_STORAGE_ACCESS_KEY',
    'AZURE_ACCESS_TOKEN', 'AZURE_ACCESS_EXPIRES_ON_SECONDS', 'AZURE_ACCOUNT_NAME', 'AZURE_SERVICE_URL'];
  const legacy: { [key: string]: string } = { AZURE_SUBSCRIPTION_ID: 'AZ_SUBSCRIPTION_ID', AZURE_TENANT_ID: 'AZ_TENANT_ID', AZURE_CLIENT_ID: 'AZ_CLIENT_ID', AZURE_CLIENT_SECRET: 'AZ_CLIENT_SECRET' };
  const ignoreMissing = new Set(keys.filter(k => k !== 'AZURE_TENANT_ID'));
  const envs: EnvVar[] = [];
  for (const key of keys) {
    const dataKey = legacy[key] !== undefined && legacy[key] in secret.data ? legacy[key] : key;
    if (dataKey in secret.data || !ignoreMissing.has(dataKey)) {
      envs.push({ name: key, valueFrom: { secretKeyRef: { name, key: dataKey } } });
    }
  }
  return envs;
}

/** `utils.MergeEnvs`: an override of a name already there replaces its value; others are appended. */
function mergeEnvs(base: EnvVar[], overrides: EnvVar[]): EnvVar[] {
  const merged = base.map(e => ({ ...e }));
  const extra: EnvVar[] = [];
  for (const override of overrides) {
    const i = merged.findIndex(e => e.name === override.name);
    if (i >= 0) { merged[i] = { ...merged[i], value: override.value }; } else { extra.push(override); }
  }
  return [...merged, ...extra];
}

/** The values the storage initializer sees: each env var, with `secretKeyRef`s read from `secrets`. */
export function initializerEnvValues(env: readonly EnvVar[], secrets: ReadonlyMap<string, ModelSecret>): { [name: string]: string } {
  const values: { [name: string]: string } = {};
  for (const e of env) {
    if (e.valueFrom === undefined) {
      values[e.name] = e.value ?? '';
      continue;
    }
    const { name, key } = e.valueFrom.secretKeyRef;
    const data = secrets.get(name)?.data[key];
    if (data === undefined) { throw new Error(`env ${e.name}: Secret ${name} has no key ${key}`); }
    values[e.name] = data.toString('utf8');
  }
  return values;
}
