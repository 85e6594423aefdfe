import { Construct } from 'constructs';
import { addSecret, ResolvedSecret, SecretSource } from '../access/synthesised-secret';
import { openConstruct, PropsShape, SOURCE_SHAPES } from '../access/props-guard';
import { resolveNamespace } from '../access/pod-default-access';
import { PodDefaultValidation } from '../check/pod-default-validation';
import { fieldError, readField } from '../errors';
import { parseRoleArn } from '../sources/aws-role-arn';
import { encodeBase64 } from '../sources/base64';
import { HuggingFaceToken, ResolvedHuggingFaceToken } from '../sources/hugging-face-token';
import { S3_VARIABLES, S3Configuration } from '../sources/s3-configuration';
import { StoreInput, StoreReference, templateLiteral, templateValue } from '../sources/store-secret';
import { consumerSecret, objectName } from './consumer-construct';
import { ConsumerSecret } from './consumer-secret';
import { resolveS3Store, S3StoreSettings } from './s3-store';

/**
 * The variables the initializers read: each field of their config dataclass upper-cased
 * (kubeflow/trainer `pkg/initializers/types/types.py`, `utils/utils.py`, v2.3.0).
 */
const ENDPOINT = 'ENDPOINT';
const ACCESS_KEY_ID = 'ACCESS_KEY_ID';
const SECRET_ACCESS_KEY = 'SECRET_ACCESS_KEY';
const REGION = 'REGION';
const ROLE_ARN = 'ROLE_ARN';
/** The Hugging Face initializers' `access_token`; huggingface_hub itself reads `HF_TOKEN`, which Trainer's examples ask for. */
const HF_KEYS = ['ACCESS_TOKEN', 'HF_TOKEN'];
const INITIALIZERS = 'Trainer\'s dataset and model initializers';

/**
 * Props of TrainerStorageCredentials. Give at least one of `s3`, `awsRoleArn` and `huggingFaceToken`.
 */
export interface TrainerStorageCredentialsProps {
  /**
   * Namespace of the Secret: the TrainJobs'.
   * @default - the enclosing Chart's namespace
   */
  readonly namespace?: string;

  /**
   * Name of the Secret, which a TrainJob names in `spec.initializer.dataset.secretRef` or
   * `spec.initializer.model.secretRef`.
   * @default - the construct id in kebab case
   */
  readonly name?: string;

  /**
   * An S3 store, for `s3://` storage URIs: `ENDPOINT`, `ACCESS_KEY_ID`, `SECRET_ACCESS_KEY` and
   * `REGION`, as the S3 initializers read them (Trainer v2.1.0 and later). It must have a region unless
   * it has an endpoint of its own (MinIO, SeaweedFS) and no `awsRoleArn` is given: without `REGION` the
   * initializers use the region "auto", which AWS does not serve.
   * @default - no S3 store
   */
  readonly s3?: S3Configuration;

  /**
   * An IAM role the S3 initializers assume (`ROLE_ARN`), with the keys of `s3` or the pod's own
   * credentials. They assume it at the STS endpoint of `REGION`: without `s3`, which gives the region,
   * set `REGION` in the TrainJob's initializer `env`.
   * @default - no role
   */
  readonly awsRoleArn?: string;

  /**
   * A Hugging Face token, for `hf://` storage URIs: `ACCESS_TOKEN`, which the initializers read, and
   * `HF_TOKEN`, which huggingface_hub reads.
   * @default - no token
   */
  readonly huggingFaceToken?: HuggingFaceToken;

  /**
   * Render `immutable: true` on the Secret.
   * @default false
   */
  readonly immutable?: boolean;

  /**
   * Append a kustomize-style content hash (10 characters) to the Secret's name.
   * @default false
   */
  readonly hashSecretName?: boolean;
}

/**
 * Credentials for the initializers of Kubeflow Trainer v2 TrainJobs: one Secret under the names the
 * dataset and model initializers read, which a TrainJob passes to them with
 * `spec.initializer.dataset.secretRef` or `spec.initializer.model.secretRef` (`{ name: secretName }`).
 *
 * @example
 * new TrainerStorageCredentials(chart, 'trainer-storage', {
 *   s3: S3Configuration.fromEnv(),
 * });
 */
export class TrainerStorageCredentials extends Construct {
  /** Namespace of the Secret. */
  public readonly namespace: string;
  /** Name of the Secret, for the TrainJob's `secretRef`. */
  public readonly secretName: string;
  /** The Secret, when it holds S3 keys: another consumer (PipelinesArtifactStore) may read them. */
  public readonly s3Secret?: ConsumerSecret;

  public constructor(scope: Construct, id: string, props: TrainerStorageCredentialsProps) {
    const spec = trainerSpec(scope, id, props);
    super(scope, id);
    this.namespace = spec.namespace;
    this.secretName = spec.resolved.secretName;
    addSecret(this, spec.namespace, spec.resolved, '');
    if (spec.s3 !== undefined) {
      this.s3Secret = ConsumerSecret._made(this, spec.namespace, this.secretName,
        { kind: 's3', settings: spec.s3, accessKeyKey: ACCESS_KEY_ID, secretKeyKey: SECRET_ACCESS_KEY, assumesRole: props.awsRoleArn !== undefined });
    }
    PodDefaultValidation.attachTo(this);
  }
}

/** The props this construct takes, as props-guard checks them. */
const PROPS_SHAPE: PropsShape = {
  strings: ['namespace', 'name', 'awsRoleArn'],
  booleans: ['immutable', 'hashSecretName'],
  instances: {
    s3: SOURCE_SHAPES.s3,
    huggingFaceToken: SOURCE_SHAPES.huggingFace,
  },
};

interface TrainerSpec {
  readonly namespace: string;
  readonly resolved: ResolvedSecret;
  /** The S3 store's settings, when the Secret holds S3 keys. */
  readonly s3?: S3StoreSettings;
}

/** The Secret's keys: their values, or the values fetched from one store. */
interface Entries {
  /** Values that are no secret (endpoint, region, role) and values given in code, by key. */
  readonly literals: { [key: string]: string };
  /** Keys whose values are fetched from a store, each with the input it reads. */
  readonly fetched: { [key: string]: string };
  readonly inputs: StoreInput[];
  reference?: StoreReference;
  /** The prop whose secret values are in `literals`, which must not then meet a store. */
  secretLiteral?: string;
  /** The prop that fetches from a store. */
  storeField?: string;
}

function trainerSpec(scope: Construct, id: string, props: TrainerStorageCredentialsProps): TrainerSpec {
  const path = openConstruct(scope, id, props, PROPS_SHAPE);
  if (props.s3 === undefined && props.awsRoleArn === undefined && props.huggingFaceToken === undefined) {
    throw fieldError(path, 'props', 'hold none of s3, awsRoleArn and huggingFaceToken, so the Secret would be empty: give at least one');
  }
  const namespace = resolveNamespace(scope, path, props.namespace);
  const name = objectName(path, 'name', props.name, id, 'Secret', props.hashSecretName ? 242 : 253);
  const entries: Entries = { literals: {}, fetched: {}, inputs: [] };
  let s3: S3StoreSettings | undefined;
  if (props.s3 !== undefined) {
    const store = resolveS3Store(path, 's3', props.s3, INITIALIZERS);
    if (store.kind === 'existing') {
      throw fieldError(path, 's3', `names an existing Secret, and ${INITIALIZERS} read ${ENDPOINT}, ${ACCESS_KEY_ID}, ${SECRET_ACCESS_KEY} and ${REGION}, names no other construct writes: give the keys (S3Configuration.fromValues or fromSecretStore), or name that Secret in the TrainJob's secretRef yourself if it holds those keys`);
    }
    s3 = store.settings;
    checkRegion(path, s3, props.awsRoleArn !== undefined);
    // OpenDAL takes the endpoint as a URL and prepends https:// to one without a scheme.
    if (s3.endpoint !== undefined) { entries.literals[ENDPOINT] = s3.endpoint.url; }
    if (store.keys.kind === 'content') {
      entries.literals[ACCESS_KEY_ID] = store.keys.accessKeyId;
      entries.literals[SECRET_ACCESS_KEY] = store.keys.secretAccessKey;
      entries.secretLiteral = 's3';
    } else {
      fetchFrom(path, entries, 's3', store.keys.reference, store.keys.inputs);
      entries.fetched[ACCESS_KEY_ID] = S3_VARIABLES.accessKeyId;
      entries.fetched[SECRET_ACCESS_KEY] = S3_VARIABLES.secretAccessKey;
    }
    if (s3.region !== undefined) { entries.literals[REGION] = s3.region; }
  }
  if (props.awsRoleArn !== undefined) {
    const parsed = parseRoleArn(props.awsRoleArn);
    if ('problem' in parsed) { throw fieldError(path, 'awsRoleArn', parsed.problem); }
    entries.literals[ROLE_ARN] = props.awsRoleArn;
  }
  if (props.huggingFaceToken !== undefined) {
    const token: ResolvedHuggingFaceToken = readField(path, 'huggingFaceToken', () => props.huggingFaceToken!._resolve());
    if (token.kind === 'content') {
      for (const key of HF_KEYS) { entries.literals[key] = token.token; }
      entries.secretLiteral = entries.secretLiteral ?? 'huggingFaceToken';
    } else {
      fetchFrom(path, entries, 'huggingFaceToken', token.reference, [token.input]);
      for (const key of HF_KEYS) { entries.fetched[key] = token.input.secretKey; }
    }
  }
  if (entries.reference !== undefined && entries.secretLiteral !== undefined) {
    throw fieldError(path, entries.secretLiteral, `holds its secret values in code, and ${entries.storeField} reads from a secret store: the ExternalSecret would carry them in clear in its template; give both from the secret store, or both in code`);
  }
  const sizeField = props.huggingFaceToken !== undefined ? 'huggingFaceToken' : 's3';
  const resolved = consumerSecret(path, sizeField, props, name, secretSource(entries));
  return { namespace, resolved, s3 };
}

/**
 * Refuses an S3 store without a region where the initializers would then reach a host that does not exist:
 * with REGION empty they give OpenDAL the region "auto" (kubeflow/trainer v2.3.0 `pkg/initializers/utils/opendal.py`,
 * `S3Storage`). Without an endpoint, or at AWS S3's global one, OpenDAL makes the endpoint from the region,
 * `https://s3.auto.amazonaws.com` (apache/opendal `core/src/services/s3/backend.rs`, `ENDPOINT_TEMPLATES` and
 * `S3Builder::build_endpoint`, which parses the URL first, so a `:443` goes; read at f44784086f, and Trainer v2.3.0
 * locks the Python binding opendal 0.47.3 in `cmd/initializers/dataset/uv.lock`), and it assumes a role at the
 * regional STS endpoint, `sts.auto.amazonaws.com` (OpenDAL sets `sts_regional_endpoints: "regional"`; Xuanwo/reqsign
 * `src/aws/credential.rs`, `sts_endpoint`). A store at an endpoint of its own that checks no region (SeaweedFS,
 * MinIO without a region of its own) takes "auto", so there no region is needed without a role.
 */
function checkRegion(path: string, settings: S3StoreSettings, assumesRole: boolean): void {
  if (settings.region !== undefined) { return; }
  if (settings.endpoint === undefined || /^https:\/\/s3\.amazonaws\.com(:443)?$/i.test(settings.endpoint.url)) {
    throw fieldError(path, 's3', `has no region, and ${INITIALIZERS} then address AWS S3 in the region "auto" (what they pass when REGION is empty), at https://s3.auto.amazonaws.com, a host that does not exist: give the store's region`, 'region');
  }
  if (assumesRole) {
    throw fieldError(path, 's3', `has no region, and with awsRoleArn ${INITIALIZERS} assume the role at the STS endpoint of the region "auto" (what they pass when REGION is empty), sts.auto.amazonaws.com, a host that does not exist: give the store's region`, 'region');
  }
}

/** Adds the inputs of prop `field`, fetched from `reference`; one ExternalSecret reads one store. */
function fetchFrom(path: string, entries: Entries, field: string, reference: StoreReference, inputs: readonly StoreInput[]): void {
  if (entries.reference !== undefined && (entries.reference.store.name !== reference.store.name || entries.reference.store.kind !== reference.store.kind
    || entries.reference.refreshInterval !== reference.refreshInterval)) {
    throw fieldError(path, field, `reads from another secret store, or with another refreshInterval, than ${entries.storeField}, and the one ExternalSecret that writes the Secret reads one store: keep both in one store with one refreshInterval`);
  }
  entries.reference = reference;
  entries.storeField = entries.storeField ?? field;
  for (const input of inputs) { entries.inputs.push(input); }
}

/** The Secret of `entries`: plain data, or an ExternalSecret that fetches some keys and writes the others as they are. */
function secretSource(entries: Entries): SecretSource {
  if (entries.reference === undefined) {
    const data: { [key: string]: string } = {};
    for (const key in entries.literals) { data[key] = encodeBase64(entries.literals[key]); }
    return { type: 'Opaque', data };
  }
  const template: { [key: string]: string } = {};
  for (const key in entries.fetched) { template[key] = templateValue(entries.fetched[key]); }
  for (const key in entries.literals) { template[key] = templateLiteral(entries.literals[key]); }
  return { store: { ...entries.reference, inputs: entries.inputs, template } };
}
