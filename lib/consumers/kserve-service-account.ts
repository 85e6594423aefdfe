import { ApiObject } from 'cdk8s';
import { k8s } from '../../imports/k8s-runtime';
import { Construct } from 'constructs';
import { addSecret, ResolvedSecret, SecretSource } from '../access/synthesised-secret';
import { openConstruct, PropsShape, SOURCE_SHAPES } from '../access/props-guard';
import { resolveNamespace } from '../access/pod-default-access';
import { PodDefaultValidation } from '../check/pod-default-validation';
import { fieldError, readField } from '../errors';
import { AzureStorageConfiguration } from '../sources/azure-storage-configuration';
import { parseRoleArn } from '../sources/aws-role-arn';
import { encodeBase64 } from '../sources/base64';
import { DockerConfig } from '../sources/docker-config';
import { GcpServiceAccountKey } from '../sources/gcp-service-account-key';
import { S3Configuration } from '../sources/s3-configuration';
import { templateValue } from '../sources/store-secret';
import { checkSecretProps, consumerSecret, objectName } from './consumer-construct';
import { ConsumerSecret, SecretContent } from './consumer-secret';
import { resolveS3Store, S3StoreSettings } from './s3-store';

/** The Secret keys KServe's shipped `inferenceservice-config` names (`s3AccessKeyIDName`, `s3SecretAccessKeyName`). */
const S3_ACCESS_KEY = 'AWS_ACCESS_KEY_ID';
const S3_SECRET_KEY = 'AWS_SECRET_ACCESS_KEY';
/** The key KServe recognises a GCS Secret by (`gcs.gcsCredentialFileName`). */
const GCS_KEY = 'gcloud-application-credentials.json';
/** The key KServe recognises an Azure account-key Secret by, and sets the variable of the same name from. */
const AZURE_KEY = 'AZURE_STORAGE_ACCESS_KEY';
const DOCKER_CONFIG_JSON = 'kubernetes.io/dockerconfigjson';
const DOCKER_CONFIG_JSON_KEY = '.dockerconfigjson';
/**
 * The keys the kubelet reads an image pull Secret from: `.dockerconfigjson` of a kubernetes.io/dockerconfigjson
 * Secret, or the legacy `.dockercfg` of a kubernetes.io/dockercfg one (kubernetes/kubernetes
 * pkg/credentialprovider/secrets/secrets.go, MakeDockerKeyring).
 */
const IMAGE_PULL_KEYS = [DOCKER_CONFIG_JSON_KEY, '.dockercfg'];
/** The annotation EKS's pod identity webhook reads, and on which KServe also reads the S3 settings from the ServiceAccount. */
const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';
const KSERVE = 'serving.kserve.io';
const INITIALIZER = 'KServe\'s storage initializer';
/** `-registry` and a content hash: the longest suffix of a Secret name made from the ServiceAccount's name. */
const MAX_NAME_LENGTH = 253 - '-registry'.length - 11;

/**
 * Props of KServeServiceAccount. Give at least one of `s3`, `awsRoleArn`, `gcs`, `azure` and `registry`.
 */
export interface KServeServiceAccountProps {
  /**
   * Namespace of the ServiceAccount and its Secrets: the InferenceServices'.
   * @default - the enclosing Chart's namespace
   */
  readonly namespace?: string;

  /**
   * Name of the ServiceAccount, which an InferenceService names in `spec.predictor.serviceAccountName`;
   * its Secrets are named after it (`<name>-s3`, `<name>-gcs`, `<name>-azure`, `<name>-registry`).
   * @default - the construct id in kebab case
   */
  readonly name?: string;

  /**
   * An S3 store: a Secret with the keys `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` (as KServe's
   * shipped `inferenceservice-config` names them) and the store's settings as `serving.kserve.io/s3-*`
   * annotations, listed in the ServiceAccount's `secrets`. An existing Secret is listed as it is.
   * @default - no S3 Secret
   */
  readonly s3?: S3Configuration;

  /**
   * Whether the storage initializer verifies the store's TLS certificate
   * (`serving.kserve.io/s3-verifyssl`, `"1"` or `"0"`), with `s3` or `awsRoleArn`.
   * @default - no annotation: KServe's default, which verifies
   */
  readonly s3VerifySsl?: boolean;

  /**
   * An IAM role for the pods that run as the ServiceAccount (IRSA): the ServiceAccount is annotated
   * `eks.amazonaws.com/role-arn`, and no key is written. Instead of `s3`.
   * @default - no role
   */
  readonly awsRoleArn?: string;

  /**
   * A Google Cloud service-account key: a Secret holding it as `gcloud-application-credentials.json`,
   * listed in the ServiceAccount's `secrets`.
   * @default - no GCS Secret
   */
  readonly gcs?: GcpServiceAccountKey;

  /**
   * An Azure Storage account key: a Secret holding it as `AZURE_STORAGE_ACCESS_KEY`, listed in the
   * ServiceAccount's `secrets`. The account comes from the `storageUri`
   * (`https://ACCOUNT.blob.core.windows.net/...`).
   * @default - no Azure Secret
   */
  readonly azure?: AzureStorageConfiguration;

  /**
   * Registry credentials for the model server's image: a `kubernetes.io/dockerconfigjson` Secret listed
   * in the ServiceAccount's `imagePullSecrets`.
   * @default - no registry Secret
   */
  readonly registry?: DockerConfig;

  /**
   * Render `immutable: true` on the Secrets the construct makes.
   * @default false
   */
  readonly immutable?: boolean;

  /**
   * Append a kustomize-style content hash (10 characters) to the name of each Secret the construct makes.
   * @default false
   */
  readonly hashSecretName?: boolean;
}

/**
 * A ServiceAccount for KServe InferenceServices, and the Secrets its storage initializer and the kubelet
 * read: KServe reads every Secret the ServiceAccount lists in `secrets` (S3 keys with
 * `serving.kserve.io/s3-*` annotations, a GCS key, an Azure account key), and the kubelet pulls the model
 * server's image with its `imagePullSecrets`. An InferenceService uses them through
 * `spec.predictor.serviceAccountName`.
 *
 * @example
 * new KServeServiceAccount(chart, 'kserve', {
 *   s3: S3Configuration.fromEnv(),
 * });
 */
export class KServeServiceAccount extends Construct {
  /** Namespace of the ServiceAccount and its Secrets. */
  public readonly namespace: string;
  /** Name of the ServiceAccount, for `spec.predictor.serviceAccountName`. */
  public readonly serviceAccountName: string;
  /** The ServiceAccount. */
  public readonly serviceAccount: ApiObject;
  /** The S3 Secret this construct made; undefined without `s3` or when it names an existing Secret. */
  public readonly s3Secret?: ConsumerSecret;
  /** The GCS Secret this construct made; undefined without `gcs` or when it names an existing Secret. */
  public readonly gcsSecret?: ConsumerSecret;
  /** The Azure Secret this construct made; undefined without `azure`. */
  public readonly azureSecret?: ConsumerSecret;
  /** The registry Secret this construct made; undefined without `registry` or when it names an existing Secret. */
  public readonly registrySecret?: ConsumerSecret;

  public constructor(scope: Construct, id: string, props: KServeServiceAccountProps) {
    const spec = kserveSpec(scope, id, props);
    super(scope, id);
    this.namespace = spec.namespace;
    this.serviceAccountName = spec.name;
    this.serviceAccount = new k8s.KubeServiceAccount(this, 'ServiceAccount', {
      metadata: { name: spec.name, namespace: spec.namespace, annotations: spec.annotations },
      secrets: spec.secrets.length === 0 ? undefined : spec.secrets.map(s => ({ name: s.resolved.secretName })),
      imagePullSecrets: spec.registry === undefined ? undefined : [{ name: spec.registry.resolved.secretName }],
    });
    const made: { [field: string]: ConsumerSecret } = {};
    for (const secret of [...spec.secrets, ...spec.registry === undefined ? [] : [spec.registry]]) {
      if (secret.content === undefined) { continue; }
      addSecret(this, spec.namespace, secret.resolved, secret.id);
      made[secret.field] = ConsumerSecret._made(this, spec.namespace, secret.resolved.secretName, secret.content);
    }
    this.s3Secret = made.s3;
    this.gcsSecret = made.gcs;
    this.azureSecret = made.azure;
    this.registrySecret = made.registry;
    PodDefaultValidation.attachTo(this);
  }
}

/** The props this construct takes, as props-guard checks them. */
const PROPS_SHAPE: PropsShape = {
  strings: ['namespace', 'name', 'awsRoleArn'],
  booleans: ['s3VerifySsl', 'immutable', 'hashSecretName'],
  instances: {
    s3: SOURCE_SHAPES.s3,
    gcs: SOURCE_SHAPES.gcs,
    azure: SOURCE_SHAPES.azure,
    registry: SOURCE_SHAPES.docker,
  },
};

/** One Secret of the ServiceAccount: made here (with what it holds) or existing. */
interface KServeSecret {
  readonly field: string;
  /** Prefix of its children's ids. */
  readonly id: string;
  readonly resolved: ResolvedSecret;
  /** Undefined for an existing Secret. */
  readonly content?: SecretContent;
}

interface KServeSpec {
  readonly namespace: string;
  readonly name: string;
  readonly annotations?: { [key: string]: string };
  /** The storage Secrets, in the order the ServiceAccount lists them. */
  readonly secrets: readonly KServeSecret[];
  readonly registry?: KServeSecret;
}

function kserveSpec(scope: Construct, id: string, props: KServeServiceAccountProps): KServeSpec {
  const path = openConstruct(scope, id, props, PROPS_SHAPE);
  if (props.s3 === undefined && props.awsRoleArn === undefined && props.gcs === undefined && props.azure === undefined && props.registry === undefined) {
    throw fieldError(path, 'props', 'hold none of s3, awsRoleArn, gcs, azure and registry, so KServe would find nothing on the ServiceAccount: give at least one');
  }
  if (props.s3 !== undefined && props.awsRoleArn !== undefined) {
    throw fieldError(path, 'awsRoleArn', 'is given with s3, and both give the S3 credentials: give awsRoleArn for the pods\' IAM role (IRSA, no keys) or s3 for keys, not both');
  }
  if (props.s3VerifySsl !== undefined && props.s3 === undefined && props.awsRoleArn === undefined) {
    throw fieldError(path, 's3VerifySsl', 'applies to an S3 store: give s3 or awsRoleArn, or leave s3VerifySsl out');
  }
  const namespace = resolveNamespace(scope, path, props.namespace);
  const name = objectName(path, 'name', props.name, id, 'ServiceAccount', MAX_NAME_LENGTH);
  let annotations: { [key: string]: string } | undefined;
  if (props.awsRoleArn !== undefined) {
    const parsed = parseRoleArn(props.awsRoleArn);
    if ('problem' in parsed) { throw fieldError(path, 'awsRoleArn', parsed.problem); }
    annotations = { [IRSA_ANNOTATION]: props.awsRoleArn, ...s3Annotations({}, props.s3VerifySsl) };
  }
  const secrets: KServeSecret[] = [];
  if (props.s3 !== undefined) { secrets.push(s3Secret(path, name, props, props.s3)); }
  if (props.gcs !== undefined) { secrets.push(gcsSecret(path, name, props, props.gcs)); }
  if (props.azure !== undefined) { secrets.push(azureSecret(path, name, props, props.azure)); }
  const registry = props.registry === undefined ? undefined : registrySecret(path, name, props, props.registry);
  checkSecretProps(path, props, secrets.concat(registry ?? []).some(s => s.content !== undefined));
  return { namespace, name, annotations, secrets, registry };
}

/** The `serving.kserve.io/s3-*` annotations of the store's settings, with `s3-verifyssl` when `verifySsl` is set. */
function s3Annotations(settings: S3StoreSettings, verifySsl: boolean | undefined): { [key: string]: string } {
  const annotations: { [key: string]: string } = {};
  if (settings.endpoint !== undefined) {
    // Host and port with s3-usehttps, as every KServe release reads them; a URL only from v0.17.0.
    annotations[`${KSERVE}/s3-endpoint`] = settings.endpoint.hostPort;
    annotations[`${KSERVE}/s3-usehttps`] = settings.endpoint.https ? '1' : '0';
  }
  if (settings.region !== undefined) { annotations[`${KSERVE}/s3-region`] = settings.region; }
  if (verifySsl !== undefined) { annotations[`${KSERVE}/s3-verifyssl`] = verifySsl ? '1' : '0'; }
  // botocore already addresses a custom endpoint path-style; virtual-hosted style must be asked for.
  if (settings.forcePathStyle === false) { annotations[`${KSERVE}/s3-usevirtualbucket`] = 'true'; }
  return annotations;
}

function s3Secret(path: string, name: string, props: KServeServiceAccountProps, s3: S3Configuration): KServeSecret {
  const store = resolveS3Store(path, 's3', s3, INITIALIZER);
  if (store.kind === 'existing') {
    if (props.s3VerifySsl !== undefined) {
      throw fieldError(path, 's3VerifySsl', `is an annotation of the S3 Secret, and the source is an existing Secret this construct does not write: leave s3VerifySsl out, and annotate that Secret ${KSERVE}/s3-verifyssl yourself`);
    }
    return { field: 's3', id: 'S3', resolved: { secretName: store.secretName } };
  }
  const { settings, keys } = store;
  const source: SecretSource = keys.kind === 'store'
    // The inputs are named AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: ESO writes them as they are.
    ? { store: { ...keys.reference, inputs: keys.inputs } }
    : { type: 'Opaque', data: { [S3_ACCESS_KEY]: encodeBase64(keys.accessKeyId), [S3_SECRET_KEY]: encodeBase64(keys.secretAccessKey) } };
  return {
    field: 's3',
    id: 'S3',
    resolved: consumerSecret(path, 's3', props, `${name}-s3`, source, s3Annotations(settings, props.s3VerifySsl)),
    content: { kind: 's3', settings, accessKeyKey: S3_ACCESS_KEY, secretKeyKey: S3_SECRET_KEY },
  };
}

function gcsSecret(path: string, name: string, props: KServeServiceAccountProps, gcs: GcpServiceAccountKey): KServeSecret {
  const key = readField(path, 'gcs', () => gcs._resolve());
  if (key.kind === 'existing') {
    if (key.key !== GCS_KEY) {
      throw fieldError(path, 'gcs', `names an existing Secret whose key file is ${key.key === undefined ? 'user-gcp-sa.json (the default)' : `another key than ${GCS_KEY}`}, and KServe recognises a GCS Secret by the key ${GCS_KEY} alone: give GcpServiceAccountKey.fromExistingSecret(name, "${GCS_KEY}") for a Secret that holds it so, or the key file itself`);
    }
    return { field: 'gcs', id: 'Gcs', resolved: { secretName: key.secretName } };
  }
  const source: SecretSource = key.kind === 'content'
    ? { type: 'Opaque', data: { [GCS_KEY]: encodeBase64(key.bytes) } }
    : { store: key.secret(GCS_KEY) };
  return {
    field: 'gcs',
    id: 'Gcs',
    resolved: consumerSecret(path, 'gcs', props, `${name}-gcs`, source),
    content: { kind: 'gcs', tokenKey: GCS_KEY },
  };
}

function azureSecret(path: string, name: string, props: KServeServiceAccountProps, azure: AzureStorageConfiguration): KServeSecret {
  const configuration = readField(path, 'azure', () => azure._resolve());
  if (configuration.kind === 'existing') {
    throw fieldError(path, 'azure', `names an existing Secret holding AZURE_STORAGE_* variables, and KServe reads an account key only as ${AZURE_KEY}: give the account key (AzureStorageConfiguration.fromValues or fromSecretStore), or list a Secret in KServe's own format yourself`);
  }
  if (configuration.kind === 'identity') {
    throw fieldError(path, 'azure', `is the account alone (AzureStorageConfiguration.fromAccountName), and ${INITIALIZER} reads an account key (${AZURE_KEY}) or a service principal, not a notebook's workload identity: give the account key (AzureStorageConfiguration.fromValues or fromSecretStore)`);
  }
  const credential = configuration.kind === 'content'
    ? Object.keys(configuration.variables).find(v => v !== 'AZURE_STORAGE_ACCOUNT_NAME')!
    : configuration.inputs[0].secretKey;
  if (credential !== 'AZURE_STORAGE_ACCOUNT_KEY') {
    const given = credential === 'AZURE_STORAGE_SAS_TOKEN' ? 'a SAS token' : 'a connection string';
    throw fieldError(path, 'azure', `holds ${given}, and ${INITIALIZER} reads an account key (${AZURE_KEY}) or a service principal, never ${given}: give the account key as accountKey`);
  }
  const source: SecretSource = configuration.kind === 'content'
    ? { type: 'Opaque', data: { [AZURE_KEY]: encodeBase64(configuration.variables[credential]) } }
    : { store: { ...configuration.reference, inputs: configuration.inputs, template: { [AZURE_KEY]: templateValue(credential) } } };
  return {
    field: 'azure',
    id: 'Azure',
    resolved: consumerSecret(path, 'azure', props, `${name}-azure`, source),
    content: { kind: 'other', what: 'an Azure account key' },
  };
}

function registrySecret(path: string, name: string, props: KServeServiceAccountProps, registry: DockerConfig): KServeSecret {
  const config = readField(path, 'registry', () => registry._resolve());
  if (config.kind === 'existing') {
    if (config.key !== undefined && !IMAGE_PULL_KEYS.includes(config.key)) {
      throw fieldError(path, 'registry', `names a key of an existing Secret other than ${DOCKER_CONFIG_JSON_KEY} and .dockercfg, and the kubelet reads an image pull Secret's ${DOCKER_CONFIG_JSON_KEY} (of a ${DOCKER_CONFIG_JSON} Secret) or .dockercfg (of a kubernetes.io/dockercfg Secret) alone: give DockerConfig.fromExistingSecret(name) for such a Secret`);
    }
    return { field: 'registry', id: 'Registry', resolved: { secretName: config.secretName } };
  }
  const source: SecretSource = config.kind === 'content'
    ? { type: DOCKER_CONFIG_JSON, data: { [DOCKER_CONFIG_JSON_KEY]: encodeBase64(config.bytes) } }
    : { store: { ...config.secret(DOCKER_CONFIG_JSON_KEY), type: DOCKER_CONFIG_JSON } };
  return {
    field: 'registry',
    id: 'Registry',
    resolved: consumerSecret(path, 'registry', props, `${name}-registry`, source),
    content: { kind: 'other', what: 'registry credentials' },
  };
}
