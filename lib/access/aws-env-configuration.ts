import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { accessSpec, PodDefaultAccess, PodDefaultAccessOptions, PodDefaultAccessSpec, resolveAccess, SecretSource } from './pod-default-access';
import { encodeBase64 } from '../sources/base64';
import { fieldError, readField } from '../errors';
import { ACCESS_OPTIONS_SHAPE, openConstruct, PropsShape } from './props-guard';
import { S3_VARIABLES, S3Configuration } from '../sources/s3-configuration';
import { storeSecretWithLiterals } from '../sources/store-secret';

/**
 * The mutual-exclusion marker: every S3 PodDefault sets it to its own name, so the webhook refuses a
 * notebook that selects two of them (they would mix two stores' variables) and the app-wide check does
 * not judge them together, while one profile can still offer several stores to choose from.
 */
const S3_ACCESS_MARKER = 'KUBEFLOW_S3_ACCESS';

/** The variable current AWS SDKs and the AWS CLI read the S3 endpoint from. */
const SDK_ENDPOINT_VARIABLE = 'AWS_ENDPOINT_URL_S3';

/**
 * Options of AwsEnvConfiguration, all but the configuration.
 */
export interface AwsEnvConfigurationOptions extends PodDefaultAccessOptions {
  /**
   * Also set `AWS_ENDPOINT_URL_S3` to the endpoint, as an eighth key of the same Secret: current AWS
   * SDKs and the AWS CLI honour it, so plain boto3 in the notebook reaches the same store. Needs an
   * endpoint, and a synthesised Secret.
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
 * S3 client settings for Kubeflow notebooks as environment variables: a Secret holding them, and a
 * PodDefault that injects all of its keys (`envFrom`) into the notebooks that select it.
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
  instances: { configuration: { name: 'S3Configuration', example: 'S3Configuration.fromValues({ accessKeyId, secretAccessKey })', required: 'the settings' } },
};

function awsEnvSpec(scope: Construct, id: string, props: AwsEnvConfigurationProps): PodDefaultAccessSpec {
  const path = openConstruct(scope, id, props, PROPS_SHAPE);
  const configuration = readField(path, 'configuration', () => props.configuration._resolve());
  if (configuration.kind === 'existing') {
    if (props.sdkEndpointVariable !== undefined) {
      throw fieldError(path, 'sdkEndpointVariable', `only applies to a synthesised Secret, but the source is an existing Secret: leave sdkEndpointVariable out, and add ${SDK_ENDPOINT_VARIABLE} to that Secret`);
    }
    const access = resolveAccess(scope, id, props, 'Add AWS Environment variables', { existing: configuration.secretName });
    return accessSpec(access, { env: [marker(access.name)], envFrom: [{ secretRef: { name: access.secretName } }] });
  }

  const variables = configuration.variables;
  let endpoint: string | undefined;
  if (props.sdkEndpointVariable) {
    endpoint = variables[S3_VARIABLES.endpoint];
    if (endpoint === undefined) {
      throw fieldError(path, 'sdkEndpointVariable', `sets ${SDK_ENDPOINT_VARIABLE} to the endpoint, but the configuration has none: give it an endpoint, or leave sdkEndpointVariable out`);
    }
  }
  let secret: SecretSource;
  if (configuration.kind === 'store') {
    const literals = endpoint === undefined ? variables : { ...variables, [SDK_ENDPOINT_VARIABLE]: endpoint };
    secret = { store: storeSecretWithLiterals(configuration.reference, configuration.inputs, literals) };
  } else {
    const data: { [key: string]: string } = {};
    for (const name in variables) { data[name] = encodeBase64(variables[name]); }
    if (endpoint !== undefined) { data[SDK_ENDPOINT_VARIABLE] = encodeBase64(endpoint); }
    secret = { data, type: 'Opaque' };
  }
  const access = resolveAccess(scope, id, props, 'Add AWS Environment variables', secret);
  const env = configuration.kind === 'content' ? configuration.env : [];
  return accessSpec(access, {
    env: env.concat(marker(access.name)),
    envFrom: [{ secretRef: { name: access.secretName } }],
  });
}

function marker(name: string): k8s.EnvVar {
  return { name: S3_ACCESS_MARKER, value: name };
}
