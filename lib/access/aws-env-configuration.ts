import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { accessSpec, checkNoMount, PodDefaultAccess, PodDefaultAccessOptions, PodDefaultAccessSpec, resolveAccess, SecretSource } from './pod-default-access';
import { encodeBase64 } from '../sources/base64';
import { fieldError, readField } from '../errors';
import { markerEnv, S3_ACCESS_MARKER } from './markers';
import { ACCESS_OPTIONS_SHAPE, openConstruct, PropsShape, SOURCE_SHAPES } from './props-guard';
import { regionEnv } from '../sources/aws-region';
import { S3_CREDENTIAL_VARIABLES, S3_VARIABLES, S3Configuration } from '../sources/s3-configuration';

/** The variable current AWS SDKs and the AWS CLI read the S3 endpoint from. */
const SDK_ENDPOINT_VARIABLE = 'AWS_ENDPOINT_URL_S3';

/**
 * Options of AwsEnvConfiguration, all but the configuration.
 */
export interface AwsEnvConfigurationOptions extends PodDefaultAccessOptions {
  /**
   * Also set `AWS_ENDPOINT_URL_S3` to the endpoint, in the PodDefault's `env`: current AWS SDKs and the
   * AWS CLI honour it, so plain boto3 in the notebook reaches the same store. Needs an endpoint, and a
   * source other than `S3Configuration.fromExistingSecret`.
   * @default false
   */
  readonly sdkEndpointVariable?: boolean;
}

/**
 * Props of AwsEnvConfiguration.
 */
export interface AwsEnvConfigurationProps extends AwsEnvConfigurationOptions {
  /** The S3 client settings. */
  readonly configuration: S3Configuration;
}

/**
 * S3 client settings for Kubeflow notebooks as environment variables: a Secret holding the keys, injected
 * whole (`envFrom`), and a PodDefault that sets the other settings (region, endpoint, signature version,
 * addressing style, checksums) as plain `env` values, so that a reviewer reads them in a diff. The region
 * is set as `AWS_REGION` and as `AWS_DEFAULT_REGION`, the only one botocore (boto3, s3fs) reads.
 *
 * @example
 * new AwsEnvConfiguration(chart, 'aws-configuration', {
 *   configuration: S3Configuration.fromEnv(),
 * });
 */
export class AwsEnvConfiguration extends PodDefaultAccess {
  public constructor(scope: Construct, id: string, props: AwsEnvConfigurationProps) {
    super(scope, id, awsEnvSpec(scope, id, props));
  }
}

/** The props this construct takes, as props-guard checks them. */
const PROPS_SHAPE: PropsShape = {
  ...ACCESS_OPTIONS_SHAPE,
  booleans: [...ACCESS_OPTIONS_SHAPE.booleans, 'sdkEndpointVariable'],
  instances: { configuration: { ...SOURCE_SHAPES.s3, required: 'the settings' } },
};

function awsEnvSpec(scope: Construct, id: string, props: AwsEnvConfigurationProps): PodDefaultAccessSpec {
  const path = openConstruct(scope, id, props, PROPS_SHAPE);
  checkNoMount(path, props);
  const configuration = readField(path, 'configuration', () => props.configuration._resolve());
  if (configuration.kind === 'existing') {
    if (props.sdkEndpointVariable !== undefined) {
      throw fieldError(path, 'sdkEndpointVariable', `needs the endpoint, which the existing Secret holds and synth does not read: leave sdkEndpointVariable out, and add ${SDK_ENDPOINT_VARIABLE} to that Secret`);
    }
    const access = resolveAccess(scope, id, props, 'Add AWS Environment variables', { existing: configuration.secretName });
    return accessSpec(access, { env: [markerEnv(S3_ACCESS_MARKER, access.name)], envFrom: [{ secretRef: { name: access.secretName } }] });
  }

  const variables = configuration.variables;
  // The credentials go into the Secret; every other setting is plain env, readable in a review.
  const env: k8s.EnvVar[] = configuration.kind === 'references' ? configuration.keys.slice() : [];
  const data: { [key: string]: string } = {};
  for (const name in variables) {
    if (S3_CREDENTIAL_VARIABLES.has(name)) {
      data[name] = encodeBase64(variables[name]);
    } else if (name === S3_VARIABLES.region) {
      env.push(...regionEnv(variables[name]));
    } else {
      env.push({ name, value: variables[name] });
    }
  }
  if (props.sdkEndpointVariable) {
    const endpoint = variables[S3_VARIABLES.endpoint];
    if (endpoint === undefined) {
      throw fieldError(path, 'sdkEndpointVariable', `sets ${SDK_ENDPOINT_VARIABLE} to the endpoint, but the configuration has none: give it an endpoint, or leave sdkEndpointVariable out`);
    }
    env.push({ name: SDK_ENDPOINT_VARIABLE, value: endpoint });
  }
  // Fetched keys need no template: ESO writes each under its own name.
  const secret: SecretSource = configuration.kind === 'references' ? { existing: configuration.secretName }
    : configuration.kind === 'store' ? { store: { ...configuration.reference, inputs: configuration.inputs } }
      : { data, type: 'Opaque' };
  const access = resolveAccess(scope, id, props, 'Add AWS Environment variables', secret);
  env.push(markerEnv(S3_ACCESS_MARKER, access.name));
  // The keys of an existing Secret are read one by one (secretKeyRef): its other keys stay out of the pod.
  return accessSpec(access, {
    env,
    envFrom: configuration.kind === 'references' ? undefined : [{ secretRef: { name: access.secretName } }],
  });
}
