import { ApiObject } from 'cdk8s';
import { k8s } from '../../imports/k8s-runtime';
import { Construct } from 'constructs';
import { goYamlText } from '../check/kubectl-yaml';
import { addSecret, ResolvedSecret, SecretSource } from '../access/synthesised-secret';
import { openConstruct, PropsShape, SOURCE_SHAPES } from '../access/props-guard';
import { resolveNamespace } from '../access/pod-default-access';
import { PodDefaultValidation } from '../check/pod-default-validation';
import { fieldError, readField } from '../errors';
import { hasBrand } from '../brand';
import { hasControlCharacter, hasLoneSurrogate, quote } from '../names';
import { encodeBase64 } from '../sources/base64';
import { GcpServiceAccountKey } from '../sources/gcp-service-account-key';
import { S3Configuration } from '../sources/s3-configuration';
import { consumerSecret, objectName } from './consumer-construct';
import { ConsumerSecret, SecretContent } from './consumer-secret';
import { resolveS3Store, S3StoreSettings } from './s3-store';

/** The one ConfigMap name the launcher reads (`backend/src/v2/config/env.go`). */
const CONFIG_MAP_NAME = 'kfp-launcher';
/** The keys of the Secret this construct makes: the S3 keys as notebooks and KServe name them, the GCS key file as GcsCredentials mounts it. */
const S3_ACCESS_KEY = 'AWS_ACCESS_KEY_ID';
const S3_SECRET_KEY = 'AWS_SECRET_ACCESS_KEY';
const GCS_TOKEN_KEY = 'user-gcp-sa.json';
const LAUNCHER = 'the Pipelines launcher';
/** A pipeline root the launcher reads a provider for, as `ParseBucketPathToConfig` splits it: scheme, bucket, key prefix. */
const PIPELINE_ROOT = /^(s3|minio|gs):\/\/([^/?#\s]+)(\/[^?#\s]*)?$/;
/**
 * A bucket name as S3 (legacy us-east-1 names included: letters, digits, `.`, `_` and `-`, up to 255) and
 * GCS take it: no `:` or `@`, so a root pasted as `s3://KEY:SECRET@bucket` is refused.
 */
const BUCKET = /^[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]$/;

/**
 * Props of PipelinesArtifactStore. Give the credentials as one of `s3`, `gcs` and `credentialsSecret`,
 * the one the pipeline root's scheme reads.
 */
export interface PipelinesArtifactStoreProps {
  /**
   * Namespace of the ConfigMap and the Secret: the Kubeflow profile the pipelines run in.
   * @default - the enclosing Chart's namespace
   */
  readonly namespace?: string;

  /**
   * Where runs write their artifacts (`defaultPipelineRoot`): `s3://BUCKET/PREFIX`, `minio://BUCKET/PREFIX`
   * or `gs://BUCKET/PREFIX`. Its scheme picks the provider the launcher reads (`s3`, `minio` or `gs`).
   */
  readonly pipelineRoot: string;

  /**
   * An S3 store, for an `s3://` or `minio://` root: its settings go into the `providers` of the ConfigMap,
   * its keys into a Secret the launcher reads through `credentials.secretRef`. It must have a region,
   * without which the launcher's S3 client sends no request (any, such as `us-east-1`, for MinIO).
   * @default - no S3 store
   */
  readonly s3?: S3Configuration;

  /**
   * A Google Cloud service-account key, for a `gs://` root: a Secret holding it as `user-gcp-sa.json`,
   * which the launcher reads through `credentials.secretRef.tokenKey`.
   * @default - no GCS key
   */
  readonly gcs?: GcpServiceAccountKey;

  /**
   * A Secret another construct of this library made in the same namespace (`kserve.s3Secret`,
   * `trainer.s3Secret`, `kserve.gcsSecret`): the launcher reads its keys, with the settings of the source
   * it was made from, and no second copy of the keys is written. Not `trainer.s3Secret` of a Trainer
   * with `awsRoleArn`, whose keys only assume the role: the launcher reads keys alone.
   * @default - a Secret of this construct's own, from `s3` or `gcs`
   */
  readonly credentialsSecret?: ConsumerSecret;

  /**
   * Name of the Secret this construct makes.
   * @default - the construct id in kebab case
   */
  readonly secretName?: string;

  /**
   * Render `immutable: true` on the Secret this construct makes.
   * @default false
   */
  readonly immutable?: boolean;

  /**
   * Append a kustomize-style content hash (10 characters) to the name of the Secret this construct makes.
   * @default false
   */
  readonly hashSecretName?: boolean;
}

/**
 * The object store of Kubeflow Pipelines v2 runs in one profile: the `kfp-launcher` ConfigMap, which the
 * launcher of every run in the namespace reads (`defaultPipelineRoot`, and `providers` as YAML text), and
 * the Secret its `credentials.secretRef` names, unless the keys are in a Secret made elsewhere.
 *
 * Kubeflow's Pipelines profile controller also writes `kfp-launcher` into every profile namespace, but
 * only when there is none (`updateStrategy: OnDelete`): once this one is applied, it stays.
 *
 * @example
 * new PipelinesArtifactStore(chart, 'pipelines-artifacts', {
 *   pipelineRoot: 's3://team-a-artifacts/v2',
 *   s3: S3Configuration.fromEnv(),
 * });
 */
export class PipelinesArtifactStore extends Construct {
  /** Namespace of the ConfigMap and the Secret. */
  public readonly namespace: string;
  /** The `kfp-launcher` ConfigMap. */
  public readonly configMap: ApiObject;
  /** Name of the Secret the launcher reads the keys from. */
  public readonly secretName: string;
  /** The Secret this construct made; undefined when the keys are in a Secret made elsewhere or an existing one. */
  public readonly secret?: ConsumerSecret;

  public constructor(scope: Construct, id: string, props: PipelinesArtifactStoreProps) {
    const spec = pipelinesStoreSpec(scope, id, props);
    super(scope, id);
    this.namespace = spec.namespace;
    this.secretName = spec.secretName;
    this.configMap = new k8s.KubeConfigMap(this, 'ConfigMap', {
      metadata: { name: CONFIG_MAP_NAME, namespace: spec.namespace },
      data: { defaultPipelineRoot: spec.pipelineRoot, providers: spec.providers },
    });
    if (spec.made !== undefined) {
      addSecret(this, spec.namespace, spec.made.resolved, '');
      this.secret = ConsumerSecret._made(this, spec.namespace, spec.secretName, spec.made.content);
    }
    PodDefaultValidation.attachTo(this);
  }
}

/** The props this construct takes, as props-guard checks them. */
const PROPS_SHAPE: PropsShape = {
  strings: ['namespace', 'pipelineRoot', 'secretName'],
  booleans: ['immutable', 'hashSecretName'],
  instances: {
    s3: SOURCE_SHAPES.s3,
    gcs: SOURCE_SHAPES.gcs,
  },
};

interface PipelinesStoreSpec {
  readonly namespace: string;
  readonly pipelineRoot: string;
  readonly providers: string;
  readonly secretName: string;
  /** The Secret this construct makes, if it makes one. */
  readonly made?: { readonly resolved: ResolvedSecret; readonly content: ProviderContent };
}

/** What a provider reads: S3 keys with their store's settings, or a GCS key file. */
type ProviderContent = Extract<SecretContent, { kind: 's3' | 'gcs' }>;

/** Where the launcher finds the keys, and the S3 settings when the provider is S3. */
interface Credentials {
  readonly secretName: string;
  readonly content: ProviderContent;
  readonly made?: ResolvedSecret;
}

function pipelinesStoreSpec(scope: Construct, id: string, props: PipelinesArtifactStoreProps): PipelinesStoreSpec {
  const path = openConstruct(scope, id, props, PROPS_SHAPE);
  if ((props as { awsRoleArn?: unknown }).awsRoleArn !== undefined) {
    throw fieldError(path, 'awsRoleArn', `does not apply: ${LAUNCHER} takes no role; through credentials.secretRef it reads static keys alone, and with credentials.fromEnv the task pod's own identity, which this construct does not write: leave awsRoleArn out and give s3 or credentialsSecret`);
  }
  if ('credentialsSecret' in props && props.credentialsSecret === undefined) {
    throw fieldError(path, 'credentialsSecret', 'is undefined: the attribute it was read from holds no Secret (its construct has no source of that kind, or names an existing Secret): give s3 or gcs instead');
  }
  const root = checkedRoot(path, props.pipelineRoot);
  const s3Root = root !== 'gs';
  const given = (['s3', 'gcs', 'credentialsSecret'] as const).filter(f => props[f] !== undefined);
  if (given.length !== 1) {
    const wanted = s3Root ? 's3 or credentialsSecret' : 'gcs or credentialsSecret';
    throw fieldError(path, given.length === 0 ? 'pipelineRoot' : given[1],
      given.length === 0 ? `has the scheme ${root}://, and no credentials are given for it: give ${wanted}` : `is given with ${given[0]}, and both give the credentials: give one of them`);
  }
  if (props.credentialsSecret !== undefined && !hasBrand(props.credentialsSecret, 'ConsumerSecret')) {
    throw fieldError(path, 'credentialsSecret', 'is not a Secret made by a construct of this library: give an attribute such as kserve.s3Secret');
  }
  const wrongSource = s3Root ? props.gcs !== undefined : props.s3 !== undefined;
  if (wrongSource) {
    const field = s3Root ? 'gcs' : 's3';
    throw fieldError(path, field, `does not match the pipeline root, whose scheme ${root}:// reads the ${s3Root ? 'S3' : 'GCS'} store: give ${s3Root ? 's3' : 'gcs'}, or a ${s3Root ? 'gs://' : 's3:// or minio://'} pipelineRoot`);
  }
  const namespace = resolveNamespace(scope, path, props.namespace);
  const credentials = props.credentialsSecret !== undefined
    ? borrowed(path, scope, namespace, root, props.credentialsSecret)
    : own(path, id, props, s3Root);
  if (credentials.content.kind === 's3' && credentials.content.settings.region === undefined) {
    // The launcher's S3 client (AWS SDK for Go; kubeflow/pipelines backend/src/v2/objectstore/object_store.go)
    // takes the region from the provider alone: without one, v1 fails "MissingRegion" (kubeflow/pipelines#10846,
    // #11310) and v2's S3 endpoint rules "A region must be set when sending requests to S3" (the same rules
    // botocore 1.43 ships, test/consumers/pipelines-artifact-store.test.ts). KFP's own MinIO session sets "minio".
    const problem = `has no region, and ${LAUNCHER}'s S3 client sends no request without one: give the store's region (for MinIO or SeaweedFS any, such as "us-east-1")`;
    throw props.credentialsSecret === undefined ? fieldError(path, 's3', problem, 'region') : fieldError(path, 'credentialsSecret', problem);
  }
  if (credentials.made === undefined) {
    for (const field of ['secretName', 'immutable', 'hashSecretName'] as const) {
      if (props[field] !== undefined) {
        throw fieldError(path, field, `only applies to a Secret this construct makes, and the keys are in ${props.credentialsSecret === undefined ? 'an existing Secret' : 'the credentialsSecret'}: leave ${field} out`);
      }
    }
  }
  return {
    namespace,
    pipelineRoot: props.pipelineRoot,
    providers: providersYaml(root, credentials),
    secretName: credentials.secretName,
    made: credentials.made === undefined ? undefined : { resolved: credentials.made, content: credentials.content },
  };
}

/** The scheme of a pipeline root the launcher reads a provider for; refuses any other root. */
function checkedRoot(path: string, root: string): 's3' | 'minio' | 'gs' {
  if (root === undefined) {
    throw fieldError(path, 'pipelineRoot', 'is missing: give where runs write their artifacts, such as "s3://team-a-artifacts/v2"');
  }
  // The launcher's bucketPattern (backend/src/v2/objectstore/config.go) reads a query after "?" alone: a "#"
  // is part of the bucket or prefix there, so it is refused below with the other characters, not as a query.
  if (root.includes('?') && PIPELINE_ROOT.test(root.replace(/\?.*$/s, ''))) {
    throw fieldError(path, 'pipelineRoot', `has a query string, and for such a root ${LAUNCHER} ignores providers and opens the bucket from the task's environment: give the root without it`);
  }
  const m = PIPELINE_ROOT.exec(root);
  if (m === null || !BUCKET.test(m[2]) || hasControlCharacter(root) || hasLoneSurrogate(root)) {
    // Not quoted: a root pasted with KEY:SECRET@ in it holds a secret.
    throw fieldError(path, 'pipelineRoot', 'is not a pipeline root the launcher reads a provider for (the scheme s3://, minio:// or gs://, a bucket name of 3 to 255 letters, digits, ".", "_" and "-" that starts and ends with a letter or digit, then an optional /PREFIX; no whitespace, control character, "#" or query): give s3://BUCKET/PREFIX, minio://BUCKET/PREFIX or gs://BUCKET/PREFIX');
  }
  return m[1] as 's3' | 'minio' | 'gs';
}

/** The credentials in a Secret another construct made: checked to be usable here. */
function borrowed(path: string, scope: Construct, namespace: string, root: string, secret: ConsumerSecret): Credentials {
  if (secret._owner().node.root !== scope.node.root) {
    throw fieldError(path, 'credentialsSecret', 'was made by a construct of another App, whose Secret this app does not write: give a Secret of a construct in this app');
  }
  if (secret.namespace !== namespace) {
    throw fieldError(path, 'credentialsSecret', `is in namespace ${quote(secret.namespace)}, and ${LAUNCHER} reads the Secret in the run's namespace ${quote(namespace)}: give a Secret made in ${quote(namespace)}`);
  }
  const content = secret._content();
  const wanted = root === 'gs' ? 'gcs' : 's3';
  if (content.kind === 'other' || content.kind !== wanted) {
    const holds = content.kind === 'other' ? content.what : content.kind === 's3' ? 'S3 keys' : 'a GCS key';
    throw fieldError(path, 'credentialsSecret', `holds ${holds}, and a pipeline root of scheme ${root}:// needs ${wanted === 's3' ? 'S3 keys' : 'a GCS key'}: give a Secret that holds them, such as kserve.${wanted}Secret`);
  }
  if (content.kind === 's3' && content.assumesRole === true) {
    // Trainer's initializers give OpenDAL the keys and ROLE_ARN, and OpenDAL uses the keys as the source
    // credential to assume the role (opendal S3Config.role_arn; kubeflow/trainer pkg/initializers/utils/opendal.py):
    // the store is read as the role. The launcher reads the keys alone (object_store.go), as their own identity.
    throw fieldError(path, 'credentialsSecret', `holds S3 keys that its readers use only to assume the role of its ROLE_ARN, and ${LAUNCHER} reads the keys alone, never a role, so runs would reach the store as the keys' own identity: give s3 with keys that reach the bucket themselves, or a Secret made without awsRoleArn`);
  }
  return { secretName: secret.secretName, content };
}

/** The credentials of the construct's own source: a Secret it makes, or an existing one. */
function own(path: string, id: string, props: PipelinesArtifactStoreProps, s3Root: boolean): Credentials {
  // Named only once a Secret is to be made: with an existing one, secretName is refused, so a fix that asks
  // for it (the construct id makes no valid name) would contradict that refusal.
  const secretName = () => objectName(path, 'secretName', props.secretName, id, 'Secret', props.hashSecretName ? 242 : 253);
  if (s3Root) {
    const store = resolveS3Store(path, 's3', props.s3!, LAUNCHER);
    if (store.kind === 'existing') {
      throw fieldError(path, 's3', `names an existing Secret, and ${LAUNCHER} reads the endpoint and region from the ConfigMap, which the Secret cannot fill: give the settings with the keys (S3Configuration.fromValues or fromSecretStore), or the credentialsSecret of another construct`);
    }
    const { keys, settings } = store;
    const source: SecretSource = keys.kind === 'store'
      ? { store: { ...keys.reference, inputs: keys.inputs } }
      : { type: 'Opaque', data: { [S3_ACCESS_KEY]: encodeBase64(keys.accessKeyId), [S3_SECRET_KEY]: encodeBase64(keys.secretAccessKey) } };
    const made = consumerSecret(path, 's3', props, secretName(), source);
    return { secretName: made.secretName, made, content: { kind: 's3', settings, accessKeyKey: S3_ACCESS_KEY, secretKeyKey: S3_SECRET_KEY } };
  }
  const key = readField(path, 'gcs', () => props.gcs!._resolve());
  if (key.kind === 'existing') {
    return { secretName: key.secretName, content: { kind: 'gcs', tokenKey: key.key ?? GCS_TOKEN_KEY } };
  }
  const source: SecretSource = key.kind === 'content'
    ? { type: 'Opaque', data: { [GCS_TOKEN_KEY]: encodeBase64(key.bytes) } }
    : { store: key.secret(GCS_TOKEN_KEY) };
  const made = consumerSecret(path, 'gcs', props, secretName(), source);
  return { secretName: made.secretName, made, content: { kind: 'gcs', tokenKey: GCS_TOKEN_KEY } };
}

/**
 * The `providers` YAML: one provider, the root's, with its `default` only. Rendered as YAML 1.1, which
 * the launcher's parser (sigs.k8s.io/yaml, on go-yaml v2) speaks: a value such as `on` or `y` is quoted
 * there, or it would arrive as a boolean.
 */
function providersYaml(root: 's3' | 'minio' | 'gs', credentials: Credentials): string {
  const content = credentials.content;
  const provider = content.kind === 's3'
    ? {
      ...s3Settings(content.settings),
      credentials: {
        fromEnv: false,
        secretRef: { secretName: credentials.secretName, accessKeyKey: content.accessKeyKey, secretKeyKey: content.secretKeyKey },
      },
    }
    : { credentials: { fromEnv: false, secretRef: { secretName: credentials.secretName, tokenKey: content.tokenKey } } };
  return goYamlText({ [root]: { default: provider } });
}

/**
 * The S3 settings as the launcher's `S3ProviderDefault` names them (`backend/src/v2/config/s3.go`): the
 * endpoint as host and port, its scheme as `disableSSL` (without a scheme the launcher prepends
 * `https://` unless disableSSL is true); `forcePathStyle` only when the source sets it (the launcher's
 * default is true, and releases before 2.4.0 ignore it).
 */
function s3Settings(settings: S3StoreSettings): object {
  const out: { [key: string]: string | boolean } = {};
  if (settings.endpoint !== undefined) { out.endpoint = settings.endpoint.hostPort; }
  if (settings.region !== undefined) { out.region = settings.region; }
  if (settings.endpoint !== undefined) { out.disableSSL = !settings.endpoint.https; }
  if (settings.forcePathStyle !== undefined) { out.forcePathStyle = settings.forcePathStyle; }
  return out;
}
