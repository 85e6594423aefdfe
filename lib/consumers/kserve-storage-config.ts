import { Construct } from 'constructs';
import { addSecret, SecretSource } from '../access/synthesised-secret';
import { openConstruct, PropsShape, SOURCE_SHAPES } from '../access/props-guard';
import { resolveNamespace } from '../access/pod-default-access';
import { PodDefaultValidation } from '../check/pod-default-validation';
import { fieldError } from '../errors';
import { checkWrittenName, isSecretKey, NameRule, refusal, SECRET_KEY_RULE } from '../names';
import { encodeBase64 } from '../sources/base64';
import { S3_VARIABLES, S3Configuration } from '../sources/s3-configuration';
import { templateJson, templateLiteral } from '../sources/store-secret';
import { consumerSecret, objectName } from './consumer-construct';
import { resolveS3Store } from './s3-store';

/** The Secret KServe reads a `storage:` spec from unless its config names another (`storageSpecSecretName`). */
const DEFAULT_NAME = 'storage-config';
/** The key of an InferenceService `storage:` spec without `key` or `parameters.type`. */
const DEFAULT_KEY = 'default';
/** S3's bucket naming rules, as far as KServe's storage initializer needs them. */
const BUCKET: NameRule = {
  text: '3 to 63 lower-case letters, digits, "." and "-", starting and ending with a letter or digit, no "..", not an IP address',
  character: /^[-.a-z0-9]$/, edge: /^[a-z0-9]$/, min: 3, max: 63,
  other: bucket => (bucket.includes('..') ? 'has ".." (two "." in a row)' : 'has the form of an IP address'),
};
const INITIALIZER = 'KServe\'s storage initializer';

/**
 * Props of KServeStorageConfig.
 */
export interface KServeStorageConfigProps {
  /**
   * Namespace of the Secret: the InferenceServices'.
   * @default - the enclosing Chart's namespace
   */
  readonly namespace?: string;

  /**
   * Name of the Secret: the `storageSpecSecretName` of KServe's `inferenceservice-config`, or the
   * InferenceService's `serving.kserve.io/storageSecretName` annotation.
   * @default 'storage-config'
   */
  readonly name?: string;

  /**
   * The S3 store. Its addressing style (`forcePathStyle`) is not written: the storage spec has no key for
   * it, and the storage initializer (boto3) addresses a custom endpoint path-style and AWS S3 itself
   * virtual-hosted, whatever the source says. For a store that serves virtual-hosted requests only, use
   * `KServeServiceAccount`, which writes `serving.kserve.io/s3-usevirtualbucket`.
   */
  readonly s3: S3Configuration;

  /**
   * The key of the store in the Secret, which an InferenceService names in `spec.predictor.model.storage.key`.
   * @default 'default'
   */
  readonly key?: string;

  /**
   * The bucket, for `storage:` specs that give a `path` alone.
   * @default - none: each InferenceService gives `parameters.bucket`
   */
  readonly bucket?: string;

  /**
   * Whether the storage initializer verifies the store's TLS certificate (`verify_ssl`, `"1"` or `"0"`).
   * @default - KServe's default, which verifies
   */
  readonly s3VerifySsl?: boolean;

  /**
   * Render `immutable: true` on the Secret.
   * @default false
   */
  readonly immutable?: boolean;
}

/**
 * An S3 store for the `storage:` spec of KServe InferenceServices: the `storage-config` Secret, whose key
 * holds the store as JSON (`type`, `access_key_id`, `secret_access_key`, `endpoint_url`, `region`,
 * `bucket`, `verify_ssl`), which KServe passes to the storage initializer as `STORAGE_CONFIG`. The
 * initializer copies those fields to its environment and nothing else (kserve/kserve v0.20.0
 * `python/storage/kserve_storage/kserve_storage.py`, `_update_with_storage_spec`): the store's
 * `forcePathStyle` has no field there, so boto3's own choice holds (path-style at a custom endpoint).
 *
 * @example
 * new KServeStorageConfig(chart, 'storage-config', {
 *   s3: S3Configuration.fromEnv(),
 *   bucket: 'models',
 * });
 */
export class KServeStorageConfig extends Construct {
  /** Namespace of the Secret. */
  public readonly namespace: string;
  /** Name of the Secret. */
  public readonly secretName: string;
  /** The key of the store in the Secret, for `storage.key`. */
  public readonly key: string;

  public constructor(scope: Construct, id: string, props: KServeStorageConfigProps) {
    const spec = storageConfigSpec(scope, id, props);
    super(scope, id);
    this.namespace = spec.namespace;
    this.secretName = spec.resolved.secretName;
    this.key = spec.key;
    addSecret(this, spec.namespace, spec.resolved, '');
    PodDefaultValidation.attachTo(this);
  }
}

/** The props this construct takes, as props-guard checks them. */
const PROPS_SHAPE: PropsShape = {
  strings: ['namespace', 'name', 'key', 'bucket'],
  booleans: ['s3VerifySsl', 'immutable'],
  instances: { s3: { ...SOURCE_SHAPES.s3, required: 'the S3 store' } },
};

function storageConfigSpec(scope: Construct, id: string, props: KServeStorageConfigProps) {
  const path = openConstruct(scope, id, props, PROPS_SHAPE);
  const namespace = resolveNamespace(scope, path, props.namespace);
  const name = objectName(path, 'name', props.name ?? DEFAULT_NAME, id, 'Secret');
  const key = props.key ?? DEFAULT_KEY;
  if (!isSecretKey(key)) {
    throw fieldError(path, 'key', `${refusal(key, SECRET_KEY_RULE, 'a Secret key')}: give the key InferenceServices name in storage.key`);
  }
  checkWrittenName(path, 'key', key);
  // S3's bucket naming rules: also no two adjacent periods, and not an IP address.
  if (props.bucket !== undefined && (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(props.bucket) || props.bucket.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(props.bucket))) {
    throw fieldError(path, 'bucket', `${refusal(props.bucket, BUCKET, 'an S3 bucket name')}: give the bucket alone, without a path`);
  }
  const store = resolveS3Store(path, 's3', props.s3, INITIALIZER);
  if (store.kind === 'existing') {
    throw fieldError(path, 's3', 'names an existing Secret, and KServe reads a storage spec as JSON under one key, a format no other construct writes: give the keys (S3Configuration.fromValues or fromSecretStore)');
  }
  // The controller reads the JSON into a map of strings: every value is a string.
  const literal: [string, string][] = [['type', 's3']];
  const tail: [string, string][] = [];
  if (store.settings.endpoint !== undefined) { tail.push(['endpoint_url', store.settings.endpoint.url]); }
  if (store.settings.region !== undefined) { tail.push(['region', store.settings.region]); }
  if (props.bucket !== undefined) { tail.push(['bucket', props.bucket]); }
  if (props.s3VerifySsl !== undefined) { tail.push(['verify_ssl', props.s3VerifySsl ? '1' : '0']); }
  let source: SecretSource;
  if (store.keys.kind === 'content') {
    const json = JSON.stringify(Object.fromEntries([...literal, ['access_key_id', store.keys.accessKeyId], ['secret_access_key', store.keys.secretAccessKey], ...tail]));
    source = { type: 'Opaque', data: { [key]: encodeBase64(json) } };
  } else {
    const fields = [
      ...literal.map(([k, v]) => `${JSON.stringify(k)}:${templateLiteral(JSON.stringify(v))}`),
      `"access_key_id":${templateJson(S3_VARIABLES.accessKeyId)}`,
      `"secret_access_key":${templateJson(S3_VARIABLES.secretAccessKey)}`,
      ...tail.map(([k, v]) => `${JSON.stringify(k)}:${templateLiteral(JSON.stringify(v))}`),
    ];
    source = { store: { ...store.keys.reference, inputs: store.keys.inputs, template: { [key]: `{${fields.join(',')}}` } } };
  }
  return { namespace, key, resolved: consumerSecret(path, 's3', props, name, source) };
}
