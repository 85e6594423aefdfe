import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { PodDefaultAccessOptions } from './pod-default-access';
import { AwsEnvConfiguration, AwsEnvConfigurationProps } from './aws-env-configuration';
import { fieldError, readField } from '../errors';
import { MinioCredentials } from '../sources/minio-credentials';
import { ACCESS_OPTIONS_SHAPE, copyOfProps, openConstruct, PropsShape } from './props-guard';
import { S3_VARIABLES, S3Checksums, S3Configuration, S3Field, S3Settings, s3SettingProblem, S3SignatureVersion, s3Variables, valuesLabel } from '../sources/s3-configuration';

/** Kubeflow Pipelines' MinIO in a standard multi-user install. */
const DEFAULT_ENDPOINT = 'http://minio-service.kubeflow:9000';
/** MinIO's default region. */
const DEFAULT_REGION = 'us-east-1';
/** The Secret Kubeflow's profile controller copies into every profile namespace, and its keys. */
const PIPELINES_SECRET = 'mlpipeline-minio-artifact';

/**
 * Props of MinioDefault: the common props and the S3 settings, each with a default that works on a
 * standard multi-user Kubeflow.
 */
export interface MinioDefaultProps extends PodDefaultAccessOptions {
  /**
   * The keys.
   * @default MinioCredentials.fromExistingSecret('mlpipeline-minio-artifact', 'accesskey', 'secretkey')
   */
  readonly credentials?: MinioCredentials;

  /**
   * The store's URL (`S3_ENDPOINT`): `http` or `https`, a host and an optional port, nothing else.
   * @default 'http://minio-service.kubeflow:9000'
   */
  readonly endpoint?: string;

  /**
   * The region (`AWS_REGION` and `AWS_DEFAULT_REGION`, the one botocore reads).
   * @default 'us-east-1'
   */
  readonly region?: string;

  /**
   * The request-signing version (`S3_SIGNATURE_VERSION`).
   * @default S3SignatureVersion.S3V4
   */
  readonly signatureVersion?: S3SignatureVersion;

  /**
   * Path-style addressing (`S3_FORCE_PATH_STYLE`), which MinIO needs.
   * @default true
   */
  readonly forcePathStyle?: boolean;

  /**
   * When the SDK sends and checks integrity checksums (`AWS_REQUEST_CHECKSUM_CALCULATION` and
   * `AWS_RESPONSE_CHECKSUM_VALIDATION`). Kubeflow's MinIO (2019) rejects the checksums boto3 1.36 and
   * later send by default, which breaks `upload_file`; SeaweedFS before its 2025-12 fixes stored them
   * inside objects (for Kubeflow 1.11's 4.00 over plain http, not confirmed).
   * @default S3Checksums.WHEN_REQUIRED
   */
  readonly checksums?: S3Checksums;

  /**
   * Also set `AWS_ENDPOINT_URL_S3` to the endpoint, so that plain boto3 and the AWS CLI reach the
   * in-cluster store too.
   * @default true
   */
  readonly sdkEndpointVariable?: boolean;
}

/**
 * The in-cluster object store (Kubeflow Pipelines' MinIO) for Kubeflow notebooks, as environment
 * variables. With no props it works on a standard multi-user Kubeflow and synthesises no Secret: the
 * keys come from the Secret `mlpipeline-minio-artifact` that Kubeflow copies into every profile, read
 * through `secretKeyRef`, and the endpoint, region, signature version, addressing style and checksum
 * settings are plain `env` values of the PodDefault.
 *
 * @example
 * new MinioDefault(chart, 'minio');
 */
export class MinioDefault extends AwsEnvConfiguration {
  public constructor(scope: Construct, id: string, props: MinioDefaultProps = {}) {
    super(scope, id, minioProps(scope, id, props));
  }
}

/** The props this construct takes, as props-guard checks them. */
const PROPS_SHAPE: PropsShape = {
  ...ACCESS_OPTIONS_SHAPE,
  strings: [...ACCESS_OPTIONS_SHAPE.strings, 'endpoint', 'region'],
  booleans: [...ACCESS_OPTIONS_SHAPE.booleans, 'forcePathStyle', 'sdkEndpointVariable'],
  instances: { credentials: { name: 'MinioCredentials', example: 'MinioCredentials.fromKeys({ accessKey, secretKey })' } },
};

function minioProps(scope: Construct, id: string, props: MinioDefaultProps): AwsEnvConfigurationProps {
  const path = openConstruct(scope, id, props, PROPS_SHAPE);
  // The MinIO settings become the configuration; every other prop is AwsEnvConfiguration's too.
  // From a copy: a rest pattern leaves out the props a class instance keeps on its prototype.
  const { credentials, endpoint, region, signatureVersion, forcePathStyle, checksums, ...options } = copyOfProps(props);
  const settings: S3Settings = {
    endpoint: endpoint ?? DEFAULT_ENDPOINT,
    region: region ?? DEFAULT_REGION,
    signatureVersion: signatureVersion ?? S3SignatureVersion.S3V4,
    forcePathStyle: forcePathStyle ?? true,
    requestChecksums: checksums ?? S3Checksums.WHEN_REQUIRED,
    responseChecksums: checksums ?? S3Checksums.WHEN_REQUIRED,
  };
  // Checked here, once, so that a message names the prop; the keys are checked by their source.
  for (const key in settings) {
    const field = key as S3Field;
    const problem = s3SettingProblem(field, settings[field]!);
    if (problem !== undefined) { throw fieldError(path, valuesLabel(field), problem); }
  }
  const keys = readField(path, 'credentials', () => (credentials ?? MinioCredentials.fromExistingSecret(PIPELINES_SECRET))._resolve());

  let configuration: S3Configuration;
  if (keys.kind === 'keys') {
    configuration = S3Configuration._fromChecked(s3Variables({ ...settings, accessKeyId: keys.accessKey, secretAccessKey: keys.secretKey }));
  } else if (keys.kind === 'store') {
    configuration = S3Configuration._fromCheckedStore(keys.reference, [
      { secretKey: S3_VARIABLES.accessKeyId, remote: keys.accessKey },
      { secretKey: S3_VARIABLES.secretAccessKey, remote: keys.secretKey },
    ], s3Variables(settings));
  } else {
    const ref = (name: string, key: string): k8s.EnvVar => ({ name, valueFrom: { secretKeyRef: { name: keys.secretName, key } } });
    configuration = S3Configuration._fromCheckedReferences(keys.secretName, [
      ref(S3_VARIABLES.accessKeyId, keys.accessKeyKey),
      ref(S3_VARIABLES.secretAccessKey, keys.secretKeyKey),
    ], s3Variables(settings));
  }
  return {
    ...options,
    description: options.description ?? 'Add in-cluster MinIO storage',
    sdkEndpointVariable: options.sdkEndpointVariable ?? true,
    configuration,
  };
}
