// `azure`: an AzureBlobConfiguration, from values, this environment, or an existing Secret.
import { accessCommand } from './access-command';
import { AZURE_SOURCE } from './sources';

export const azureCommand = accessCommand({
  name: 'azure',
  summary: 'an Azure Storage account and credential as AZURE_STORAGE_* environment variables',
  synopsis: [
    '--namespace NS --account-name NAME (--account-key-stdin | --sas-token-stdin | ... -file FILE) [options]',
    '--namespace NS (--connection-string-stdin | --connection-string-file FILE) [--account-name NAME] [options]',
    '--namespace NS --account-name NAME --workload-identity [options]',
    '--namespace NS --from-env [options]',
    '--namespace NS --existing-secret NAME [options]',
    '--namespace NS (--secret-store NAME | --cluster-secret-store NAME) --account-name NAME (--remote-account-key | --remote-sas-token | --remote-connection-string) REMOTE [options]',
  ],
  description: [
    'Prints a Secret holding exactly one of AZURE_STORAGE_ACCOUNT_KEY, AZURE_STORAGE_SAS_TOKEN and AZURE_STORAGE_CONNECTION_STRING, as adlfs reads them (azure-storage-blob reads no variable: pass AZURE_STORAGE_CONNECTION_STRING to BlobServiceClient.from_connection_string), and a PodDefault that injects it and sets AZURE_STORAGE_ACCOUNT_NAME in plain env, into the notebooks that select it (AzureBlobConfiguration).',
    'With --workload-identity there is no credential and no Secret: the PodDefault sets the account name and AZURE_STORAGE_ANON=false, and adlfs authenticates with the notebook\'s own Azure identity.',
  ],
  examples: [
    'az storage account keys list -n myaccount --query "[0].value" -o tsv | cdk8s-kubeflow-access azure --namespace user --account-name myaccount --account-key-stdin | kubectl apply -f -',
    'cdk8s-kubeflow-access azure --namespace user --from-env',
  ],
  construct: lib => lib.AzureBlobConfiguration,
  id: 'azure-blob',
  defaultDescription: 'Add Azure Blob Storage credentials',
  source: { kind: AZURE_SOURCE, heading: 'Account (--account-name with one credential, a connection string, --from-env, or --existing-secret)', prop: 'configuration' },
});
