import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { accessSpec, checkNoMount, PodDefaultAccess, PodDefaultAccessOptions, PodDefaultAccessSpec, resolveAccess, resolveNames, SecretSource } from './pod-default-access';
import { AZURE_ACCOUNT_NAME_VARIABLE, AzureStorageConfiguration } from '../sources/azure-storage-configuration';
import { encodeBase64 } from '../sources/base64';
import { fieldError, readField } from '../errors';
import { AZURE_ACCESS_MARKER, AZURE_CREDENTIAL_MARKER, markerEnv } from './markers';
import { ACCESS_OPTIONS_SHAPE, openConstruct, PropsShape, SOURCE_SHAPES } from './props-guard';

const DESCRIPTION = 'Add Azure Blob Storage credentials';

/**
 * Options of AzureBlobConfiguration, all but the configuration.
 */
export interface AzureBlobConfigurationOptions extends PodDefaultAccessOptions {}

/**
 * Props of AzureBlobConfiguration.
 */
export interface AzureBlobConfigurationProps extends AzureBlobConfigurationOptions {
  /** The storage account and its credential. */
  readonly configuration: AzureStorageConfiguration;
}

/**
 * Azure Blob Storage for Kubeflow notebooks as environment variables: a Secret holding one credential,
 * injected whole (`envFrom`) into the notebooks that select the PodDefault, which sets
 * `AZURE_STORAGE_ACCOUNT_NAME`, and `KUBEFLOW_AZURE_ACCESS` and `KUBEFLOW_AZURE_CREDENTIAL` to its own
 * name, as plain `env` values: a profile can offer it beside other Azure accesses and beside an
 * `AzureWorkloadIdentityAccess`, and the webhook refuses a notebook that selects two. An account-only
 * configuration (`AzureStorageConfiguration.fromAccountName`) needs no Secret and sets no
 * `KUBEFLOW_AZURE_CREDENTIAL`: the notebook selects it with its Azure identity, and authenticates with it.
 *
 * @example
 * new AzureBlobConfiguration(chart, 'azure-blob', {
 *   configuration: AzureStorageConfiguration.fromEnv(),
 * });
 */
export class AzureBlobConfiguration extends PodDefaultAccess {
  public constructor(scope: Construct, id: string, props: AzureBlobConfigurationProps) {
    super(scope, id, azureSpec(scope, id, props));
  }
}

/** The props this construct takes, as props-guard checks them. */
const PROPS_SHAPE: PropsShape = {
  ...ACCESS_OPTIONS_SHAPE,
  instances: { configuration: { ...SOURCE_SHAPES.azure, required: 'the account and its credential' } },
};

function azureSpec(scope: Construct, id: string, props: AzureBlobConfigurationProps): PodDefaultAccessSpec {
  const path = openConstruct(scope, id, props, PROPS_SHAPE);
  checkNoMount(path, props);
  const configuration = readField(path, 'configuration', () => props.configuration._resolve());
  if (configuration.kind === 'identity') { return identitySpec(scope, id, props, configuration.variables); }
  if (configuration.kind === 'existing') {
    const access = resolveAccess(scope, id, props, DESCRIPTION, { existing: configuration.secretName });
    return accessSpec(access, { env: keyedMarkers(access.name), envFrom: [{ secretRef: { name: access.secretName } }] });
  }
  // The credential goes into the Secret (fetched alone, with no template, from a store); the account
  // name is plain env, readable in a review.
  const env: k8s.EnvVar[] = [];
  const data: { [key: string]: string } = {};
  for (const [name, value] of Object.entries(configuration.variables)) {
    if (name === AZURE_ACCOUNT_NAME_VARIABLE) {
      env.push({ name, value });
    } else {
      data[name] = encodeBase64(value);
    }
  }
  const secret: SecretSource = configuration.kind === 'store'
    ? { store: { ...configuration.reference, inputs: configuration.inputs } }
    : { data, type: 'Opaque' };
  const access = resolveAccess(scope, id, props, DESCRIPTION, secret);
  env.push(...keyedMarkers(access.name));
  return accessSpec(access, { env, envFrom: [{ secretRef: { name: access.secretName } }] });
}

/** The PodDefault of an account-only configuration: plain env, no Secret, so none of the Secret's props applies. */
function identitySpec(scope: Construct, id: string, props: AzureBlobConfigurationProps, variables: { readonly [name: string]: string }): PodDefaultAccessSpec {
  const names = resolveNames(scope, id, props, DESCRIPTION);
  for (const field of ['secretName', 'immutable', 'hashSecretName', 'workspaceMountable'] as const) {
    if (props[field] !== undefined) {
      throw fieldError(names.path, field, `does not apply: the account-only configuration (AzureStorageConfiguration.fromAccountName) needs no Secret: leave ${field} out`);
    }
  }
  const env = Object.entries(variables).map(([name, value]): k8s.EnvVar => ({ name, value }));
  return { namespace: names.namespace, name: names.name, description: names.description, env: env.concat(markerEnv(AZURE_ACCESS_MARKER, names.name)) };
}

/** The markers of a configuration that holds a credential: the access's, and the credential's, which the identity sets too. */
function keyedMarkers(name: string): k8s.EnvVar[] {
  return [markerEnv(AZURE_ACCESS_MARKER, name), markerEnv(AZURE_CREDENTIAL_MARKER, name)];
}
