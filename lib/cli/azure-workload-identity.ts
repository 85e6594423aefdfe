// `azure-workload-identity`: an AzureWorkloadIdentityAccess, a Microsoft Entra identity for notebooks
// with no secret; --print-trust prints the federated credential it needs.
import { identityCommand, IdentityFlags } from './identity-command';

/** The identity's flags, which `notebook --identity azure-workload-identity` takes too. */
export const AZURE_WORKLOAD_IDENTITY: IdentityFlags = {
  name: 'azure-workload-identity',
  construct: lib => lib.AzureWorkloadIdentityAccess,
  cloudIdentity: (lib, props) => lib.CloudIdentity.azureWorkloadIdentity(props as any),
  defaultDescription: 'Use a Microsoft Entra workload identity',
  heading: 'Identity',
  options: {
    'client-id': { type: 'string', value: 'GUID', help: 'the application (client) ID of the managed identity or app registration; required' },
    'tenant-id': { type: 'string', value: 'GUID', help: 'the Microsoft Entra tenant ID; required' },
    'authority-host': { type: 'string', value: 'URL', help: 'the Microsoft Entra authority (default: https://login.microsoftonline.com/)' },
  },
  required: { 'client-id': 'the application (client) ID of the identity', 'tenant-id': 'the Microsoft Entra tenant ID' },
  defaultExpirationSeconds: 3600,
};

export const azureWorkloadIdentityCommand = identityCommand({
  identity: AZURE_WORKLOAD_IDENTITY,
  summary: 'a Microsoft Entra workload identity, through the notebook\'s own ServiceAccount token (no secret)',
  synopsis: [
    '--namespace NS --client-id GUID --tenant-id GUID [--authority-host URL] [options]',
    '--namespace NS --client-id GUID --tenant-id GUID --print-trust --issuer URL',
  ],
  description: [
    'Prints a PodDefault that projects the notebook\'s ServiceAccount token for api://AzureADTokenExchange to /var/run/secrets/azure/tokens/azure-identity-token and sets AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_FEDERATED_TOKEN_FILE and AZURE_AUTHORITY_HOST, which DefaultAzureCredential reads (AzureWorkloadIdentityAccess). No Secret, and no azure.workload.identity/use label, so Azure\'s own webhook leaves the pod alone.',
    'With --print-trust it prints the federated credential the identity needs instead (issuer, subject, audiences).',
  ],
  examples: [
    'cdk8s-kubeflow-access azure-workload-identity --namespace user --client-id 00000000-0000-0000-0000-000000000001 --tenant-id 00000000-0000-0000-0000-000000000002 | kubectl apply -f -',
    'cdk8s-kubeflow-access azure-workload-identity --namespace user --client-id ... --tenant-id ... --print-trust --issuer "$(az aks show -g RG -n C --query oidcIssuerProfile.issuerUrl -o tsv)"',
  ],
  trust: {
    help: 'print the federated identity credential (JSON) instead of the manifests',
    options: { issuer: { type: 'string', value: 'URL', help: 'the cluster\'s OIDC issuer URL; required with --print-trust' } },
    required: { issuer: 'the cluster\'s OIDC issuer URL' },
    print: (identity, options) => identity.federatedCredential(options.issuer),
  },
});
