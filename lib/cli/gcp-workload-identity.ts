// `gcp-workload-identity`: a GcpWorkloadIdentityAccess, Google Workload Identity Federation for
// notebooks with no key; --print-trust prints the principal to grant.
import { identityCommand, IdentityFlags } from './identity-command';

/** The identity's flags, which `notebook --identity gcp-workload-identity` takes too. */
export const GCP_WORKLOAD_IDENTITY: IdentityFlags = {
  name: 'gcp-workload-identity',
  construct: lib => lib.GcpWorkloadIdentityAccess,
  cloudIdentity: (lib, props) => lib.CloudIdentity.gcpWorkloadIdentity(props as any),
  defaultDescription: 'Use Google Cloud Workload Identity Federation',
  heading: 'Workload Identity Federation',
  options: {
    'project-number': { type: 'string', value: 'N', help: 'the number (not the ID) of the pool\'s project; required' },
    'pool-id': { type: 'string', value: 'POOL', help: 'the workload identity pool\'s ID; required' },
    'provider-id': { type: 'string', value: 'PROVIDER', help: 'the ID of the pool\'s provider for the cluster; required' },
    'service-account-email': { type: 'string', value: 'EMAIL', help: 'a Google service account to impersonate (default: none, the principal itself is granted access)' },
    'config-map-name': { type: 'string', value: 'NAME', help: 'name of the ConfigMap (default: the PodDefault\'s name)' },
  },
  required: {
    'project-number': 'the number of the project that holds the workload identity pool',
    'pool-id': 'the workload identity pool\'s ID',
    'provider-id': 'the ID of the pool\'s provider for the cluster',
  },
  defaultExpirationSeconds: 3600,
};

export const gcpWorkloadIdentityCommand = identityCommand({
  identity: GCP_WORKLOAD_IDENTITY,
  summary: 'Google Cloud Workload Identity Federation, through the notebook\'s own ServiceAccount token (no key)',
  synopsis: [
    '--namespace NS --project-number N --pool-id POOL --provider-id PROVIDER [--service-account-email EMAIL] [options]',
    '--namespace NS --project-number N --pool-id POOL --provider-id PROVIDER [--service-account-email EMAIL] --print-trust',
  ],
  description: [
    'Prints a ConfigMap holding the external_account credential configuration and a PodDefault that mounts it at /etc/workload-identity, projects the notebook\'s ServiceAccount token for the pool\'s provider to /var/run/service-account/token and sets GOOGLE_APPLICATION_CREDENTIALS, so that every Google client library finds it (GcpWorkloadIdentityAccess). No Secret.',
    'With --print-trust it prints the principal the notebooks act as instead, to grant roles to; with --service-account-email, the binding that lets it impersonate that account.',
  ],
  examples: [
    'cdk8s-kubeflow-access gcp-workload-identity --namespace user --project-number 123456789012 --pool-id kubeflow --provider-id cluster | kubectl apply -f -',
    'cdk8s-kubeflow-access gcp-workload-identity --namespace user --project-number 123456789012 --pool-id kubeflow --provider-id cluster --print-trust',
  ],
  trust: {
    help: 'print the principal (JSON) instead of the manifests; with --service-account-email, also the account and the role to grant the principal on it, so that it may impersonate it',
    options: {},
    required: {},
    print: identity => identity.serviceAccountEmail === undefined
      ? { principal: identity.principal }
      : { principal: identity.principal, serviceAccount: identity.serviceAccountEmail, role: 'roles/iam.workloadIdentityUser' },
  },
});
