// `azure-workload-identity`: an AzureWorkloadIdentityAccess, a Microsoft Entra identity for notebooks
// with no secret; --print-trust prints the federated credential it needs.
import { identityCommand } from './identity-command';

export const azureWorkloadIdentityCommand = identityCommand({
  name: 'azure-workload-identity',
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
  construct: lib => lib.AzureWorkloadIdentityAccess,
  id: 'azure-workload-identity',
  defaultDescription: 'Use a Microsoft Entra workload identity',
  required: { 'client-id': 'the application (client) ID of the identity', 'tenant-id': 'the Microsoft Entra tenant ID' },
  defaultExpirationSeconds: 3600,
  groups: [{
    heading: 'Identity',
    options: {
      'client-id': { type: 'string', value: 'GUID', help: 'the application (client) ID of the managed identity or app registration; required' },
      'tenant-id': { type: 'string', value: 'GUID', help: 'the Microsoft Entra tenant ID; required' },
      'authority-host': { type: 'string', value: 'URL', help: 'the Microsoft Entra authority (default: https://login.microsoftonline.com/)' },
    },
  }],
  props: {
    'client-id': { prop: 'clientId' },
    'tenant-id': { prop: 'tenantId' },
    'authority-host': { prop: 'authorityHost' },
  },
  trust: {
    help: 'print the federated identity credential (JSON) instead of the manifests',
    options: { issuer: { type: 'string', value: 'URL', help: 'the cluster\'s OIDC issuer URL; required with --print-trust' } },
    required: { issuer: 'the cluster\'s OIDC issuer URL' },
    props: { issuer: { prop: 'issuer' } },
    print: (identity, options) => identity.federatedCredential(options.issuer),
  },
});
