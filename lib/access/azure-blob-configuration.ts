import { Construct } from 'constructs';
import { accessSpec, PodDefaultAccess, PodDefaultAccessOptions, PodDefaultAccessSpec, resolveAccess, SecretSource } from './pod-default-access';
import { AzureStorageConfiguration, ResolvedAzureStorageConfiguration } from '../sources/azure-storage-configuration';
import { encodeBase64 } from '../sources/base64';
import { readField } from '../errors';
import { ACCESS_OPTIONS_SHAPE, openConstruct, PropsShape } from './props-guard';
import { storeSecretWithLiterals } from '../sources/store-secret';

/**
 * Set to the PodDefault's own name: two Azure PodDefaults in one namespace then set it differently, so
 * the webhook refuses a notebook that selects both (and synth says so) rather than letting two
 * `envFrom` Secrets mix the variables of two accounts silently.
 */
const ACCESS_MARKER = 'KUBEFLOW_AZURE_ACCESS';

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
 * Azure Blob Storage for Kubeflow notebooks as environment variables: a Secret holding
 * `AZURE_STORAGE_ACCOUNT_NAME` and one credential, injected whole (`envFrom`) into the notebooks that
 * select the PodDefault, which also sets `KUBEFLOW_AZURE_ACCESS` to its own name.
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
  instances: { configuration: { name: 'AzureStorageConfiguration', example: 'AzureStorageConfiguration.fromEnv()', required: 'the account and its credential' } },
};

function azureSpec(scope: Construct, id: string, props: AzureBlobConfigurationProps): PodDefaultAccessSpec {
  const path = openConstruct(scope, id, props, PROPS_SHAPE);
  const configuration = readField(path, 'configuration', () => props.configuration._resolve());
  const access = resolveAccess(scope, id, props, 'Add Azure Blob Storage credentials', configurationSecret(configuration));
  return accessSpec(access, {
    env: [{ name: ACCESS_MARKER, value: access.name }],
    envFrom: [{ secretRef: { name: access.secretName } }],
  });
}

function configurationSecret(configuration: ResolvedAzureStorageConfiguration): SecretSource {
  switch (configuration.kind) {
    case 'existing':
      return { existing: configuration.secretName };
    case 'content': {
      const data: { [key: string]: string } = {};
      for (const [name, value] of Object.entries(configuration.variables)) { data[name] = encodeBase64(value); }
      return { data, type: 'Opaque' };
    }
    case 'store':
      return { store: storeSecretWithLiterals(configuration.reference, configuration.inputs, configuration.variables) };
  }
}
