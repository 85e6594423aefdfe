// Test-only: what each Kubeflow workload makes of the objects an app synthesises, decoded as that
// workload's own code reads them: a notebook's S3 client through the pod the PodDefault webhook admits,
// KServe's storage initializer (kserve-model.ts), the Pipelines launcher (kfp-launcher-model.ts), and
// Trainer's initializers (their config dataclass read from the env of the secretRef Secret). Secrets an
// ExternalSecret writes are rendered as ESO writes them, from a fake store.
import { PodDefaultAdmission } from '../../lib/admission/pod-default-admission';
import { esoSecret, FakeStore, renderTemplate } from '../sources/eso-template';
import { initializerEnvValues, ModelSecret, storageInitializerCredentials } from './kserve-model';
import { defaultPipelineRoot, getStoreSessionInfo, launcherS3Client } from './kfp-launcher-model';

/** An S3 store as one client sees it. */
export interface S3View {
  /** The endpoint URL the client sends requests to; undefined for AWS S3's own. */
  readonly endpoint?: string;
  readonly region?: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** Every Secret in the manifests as the API server will hold it: written, or written by ESO from `store`. */
export function appSecrets(manifests: readonly any[], store: FakeStore = {}): Map<string, ModelSecret & { labels?: { [key: string]: string } }> {
  const secrets = new Map<string, ModelSecret & { labels?: { [key: string]: string } }>();
  for (const m of manifests) {
    if (m.kind === 'Secret') {
      const data = Object.fromEntries(Object.entries<string>(m.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]));
      secrets.set(m.metadata.name, { annotations: m.metadata.annotations, labels: m.metadata.labels, data });
    } else if (m.kind === 'ExternalSecret') {
      const written = esoSecret(m, store);
      const template = m.spec.target?.template;
      // With a template ESO writes the template's metadata, without one the ExternalSecret's own.
      const metadata = template === undefined ? m.metadata : template.metadata ?? {};
      const rendered = (map: { [key: string]: string } | undefined) =>
        map === undefined ? undefined : Object.fromEntries(Object.entries(map).map(([k, v]) => [k, template === undefined ? v : renderTemplate(v, {})]));
      secrets.set(m.spec.target?.name ?? m.metadata.name, { annotations: rendered(metadata.annotations), labels: rendered(metadata.labels), data: written.data });
    }
  }
  return secrets;
}

/**
 * The environment of the notebook container once the webhook admitted a notebook pod that selects
 * `podDefault`: the keys of each `envFrom` Secret, then the `env` entries, which win, with `secretKeyRef`s
 * read; plus the admitted pod, for its volumes.
 */
export function notebookEnv(manifests: readonly any[], podDefault: string, store: FakeStore = {}): { env: { [name: string]: string }; pod: any } {
  const podDefaults = manifests.filter(m => m.kind === 'PodDefault');
  const namespace = podDefaults[0].metadata.namespace;
  const pod = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'notebook-0', namespace, labels: { [podDefault]: 'true' } },
    spec: { containers: [{ name: 'notebook', image: 'kubeflownotebookswg/jupyter-scipy' }] },
  };
  const result = PodDefaultAdmission.admit(pod, podDefaults);
  if (!result.allowed) { throw new Error(`the webhook refuses the notebook: ${result.conflicts.map(c => c.message).join('; ')}`); }
  const secrets = appSecrets(manifests, store);
  const container = result.pod.spec.containers[0];
  const env: { [name: string]: string } = {};
  for (const from of container.envFrom ?? []) {
    const data = secrets.get(from.secretRef.name)?.data ?? {};
    for (const [key, value] of Object.entries(data)) { env[key] = value.toString('utf8'); }
  }
  for (const e of container.env ?? []) {
    const ref = e.valueFrom?.secretKeyRef;
    env[e.name] = ref === undefined ? e.value : secrets.get(ref.name)!.data[ref.key].toString('utf8');
  }
  return { env, pod: result.pod };
}

/**
 * What a notebook's S3 client reads: the tutorial's `S3_ENDPOINT`, the keys, and the region as boto3 reads
 * it (`AWS_DEFAULT_REGION`), which the tutorial's `AWS_REGION` must agree with.
 */
export function notebookS3View(manifests: readonly any[], podDefault: string, store?: FakeStore): S3View & { forcePathStyle?: string } {
  const { env } = notebookEnv(manifests, podDefault, store);
  return {
    endpoint: env.S3_ENDPOINT?.replace(/\/$/, ''),
    region: env.AWS_REGION === env.AWS_DEFAULT_REGION ? env.AWS_DEFAULT_REGION : 'AWS_REGION and AWS_DEFAULT_REGION differ',
    accessKeyId: env.AWS_ACCESS_KEY_ID,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  };
}

/** The bytes of the file a notebook's `GOOGLE_APPLICATION_CREDENTIALS` names, through the admitted pod's mounts. */
export function notebookGcsKey(manifests: readonly any[], podDefault: string, store?: FakeStore): Buffer {
  const { env, pod } = notebookEnv(manifests, podDefault, store);
  return mountedFile(pod, pod.spec.containers[0].volumeMounts ?? [], env.GOOGLE_APPLICATION_CREDENTIALS, appSecrets(manifests, store));
}

/** The file at `path` in a container with `mounts`, read from the Secret volume mounted over it. */
function mountedFile(pod: any, mounts: readonly any[], path: string, secrets: Map<string, ModelSecret>): Buffer {
  const mount = mounts.find(m => path.startsWith(m.mountPath.replace(/\/?$/, '/')));
  const volume = pod.spec.volumes.find((v: any) => v.name === mount.name);
  const file = path.slice(mount.mountPath.replace(/\/?$/, '/').length);
  const key = volume.secret.items?.find((i: any) => i.path === file)?.key ?? file;
  return secrets.get(volume.secret.secretName)!.data[key];
}

/** The storage initializer's env values for an InferenceService running as ServiceAccount `name`. */
export function kserveEnv(manifests: readonly any[], name: string, store?: FakeStore): { [name: string]: string } {
  const secrets = appSecrets(manifests, store);
  const serviceAccount = manifests.find(m => m.kind === 'ServiceAccount' && m.metadata.name === name);
  return initializerEnvValues(storageInitializerCredentials(serviceAccount, secrets).env, secrets);
}

/** What KServe's storage initializer (boto3) reads: `AWS_ENDPOINT_URL`, `AWS_DEFAULT_REGION` and the keys. */
export function kserveS3View(manifests: readonly any[], name: string, store?: FakeStore): S3View & { virtualBucket?: string } {
  const env = kserveEnv(manifests, name, store);
  return {
    endpoint: env.AWS_ENDPOINT_URL,
    region: env.AWS_DEFAULT_REGION,
    accessKeyId: env.AWS_ACCESS_KEY_ID,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
    virtualBucket: env.S3_USER_VIRTUAL_BUCKET,
  };
}

/** The GCS key file KServe mounts for the storage initializer. */
export function kserveGcsKey(manifests: readonly any[], name: string, store?: FakeStore): Buffer {
  const secrets = appSecrets(manifests, store);
  const serviceAccount = manifests.find(m => m.kind === 'ServiceAccount' && m.metadata.name === name);
  const credentials = storageInitializerCredentials(serviceAccount, secrets);
  const path = credentials.env.find(e => e.name === 'GOOGLE_APPLICATION_CREDENTIALS')!.value!;
  const volume = credentials.volumes.find(v => path.startsWith(v.mountPath))!;
  return secrets.get(volume.secretName)!.data[path.slice(volume.mountPath.length)];
}

/** The ConfigMap data the launcher reads. */
function launcherData(manifests: readonly any[]): { [key: string]: string } {
  return manifests.find(m => m.kind === 'ConfigMap' && m.metadata.name === 'kfp-launcher').data;
}

/** What the Pipelines launcher's S3 client uses for the default pipeline root. */
export function launcherS3View(manifests: readonly any[], store?: FakeStore): S3View & { usePathStyle: boolean } {
  const data = launcherData(manifests);
  const session = getStoreSessionInfo(data, defaultPipelineRoot(data));
  const secrets = new Map([...appSecrets(manifests, store)].map(([name, s]) => [name, s.data]));
  const client = launcherS3Client(session, secrets);
  return { endpoint: client.baseEndpoint, region: client.region, accessKeyId: client.accessKeyId, secretAccessKey: client.secretAccessKey, usePathStyle: client.usePathStyle };
}

/** The GCS key file the launcher reads for the default pipeline root. */
export function launcherGcsKey(manifests: readonly any[], store?: FakeStore): Buffer {
  const data = launcherData(manifests);
  const { params } = getStoreSessionInfo(data, defaultPipelineRoot(data));
  return appSecrets(manifests, store).get(params.secretName)!.data[params.tokenKey];
}

/**
 * What a Trainer S3 initializer reads from the Secret its `secretRef` names (injected whole, `envFrom`):
 * each field of `S3DatasetInitializer` from the variable of its upper-cased name, an empty one as None;
 * OpenDAL then takes the endpoint as a URL (prepending `https://` to one without a scheme) and the
 * region `auto` when none is given.
 */
export function trainerS3View(manifests: readonly any[], secretName: string, store?: FakeStore): S3View & { roleArn?: string } {
  const data = appSecrets(manifests, store).get(secretName)!.data;
  const field = (name: string) => {
    const value = data[name.toUpperCase()]?.toString('utf8');
    return value === '' ? undefined : value;
  };
  const endpoint = field('endpoint');
  return {
    endpoint: endpoint === undefined || /^https?:\/\//.test(endpoint) ? endpoint : `https://${endpoint}`,
    region: field('region'),
    accessKeyId: field('access_key_id')!,
    secretAccessKey: field('secret_access_key')!,
    roleArn: field('role_arn'),
  };
}

/**
 * What KServe's storage initializer reads for a `storage:` spec naming `key` of Secret `secretName`: the
 * JSON under the key (`STORAGE_CONFIG`), whose S3 fields `_update_with_storage_spec` copies to
 * `AWS_ENDPOINT_URL`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_DEFAULT_REGION` (kserve v0.20.0
 * `python/storage/kserve_storage/kserve_storage.py`). The controller first reads the JSON into a map of
 * strings, so a value of another type fails there.
 */
export function kserveStorageSpecView(manifests: readonly any[], secretName: string, key: string, store?: FakeStore): S3View & { json: { [field: string]: string } } {
  const json = JSON.parse(appSecrets(manifests, store).get(secretName)!.data[key].toString('utf8'));
  for (const [field, value] of Object.entries(json)) {
    if (typeof value !== 'string') { throw new Error(`json: cannot unmarshal ${typeof value} into Go value of type string (field ${field})`); }
  }
  if (json.type !== 's3') { throw new Error(`storage type ${json.type} is not s3`); }
  return { endpoint: json.endpoint_url, region: json.region, accessKeyId: json.access_key_id, secretAccessKey: json.secret_access_key, json };
}
