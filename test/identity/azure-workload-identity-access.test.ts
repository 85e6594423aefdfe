import { Testing } from 'cdk8s';
import { AzureWorkloadIdentityAccess, PodDefaultAdmission } from '../../lib';
import { accessErrorOf, expectGolden, expectRejected, userChart } from '../support';

const CLIENT_ID = '00000000-0000-0000-0000-000000000001';
const TENANT_ID = '00000000-0000-0000-0000-000000000002';
/** An obviously fake secret key, of the shape a user might paste into the wrong field. */
const FAKE_SECRET = 'wJalrXUtnFEMIxFAKExSECRETxKEYx0000000000';
const ISSUER = `https://westeurope.oic.prod-aks.azure.com/${TENANT_ID}/00000000-0000-0000-0000-000000000003/`;

describe('AzureWorkloadIdentityAccess', () => {
  test('the defaults: the Azure webhook\'s names and paths (v1.5.1), no use label, no Secret', () => {
    // GIVEN
    const app = Testing.app();
    const chart = userChart(app);
    // WHEN
    new AzureWorkloadIdentityAccess(chart, 'azure-workload-identity', { clientId: CLIENT_ID, tenantId: TENANT_ID });
    // THEN
    expectGolden(app, 'identity-azure-defaults');
    const [pd, ...rest] = Testing.synth(chart);
    expect(rest).toEqual([]);
    expect(pd.spec.env).toEqual([
      { name: 'AZURE_CLIENT_ID', value: CLIENT_ID },
      { name: 'AZURE_TENANT_ID', value: TENANT_ID },
      { name: 'AZURE_FEDERATED_TOKEN_FILE', value: '/var/run/secrets/azure/tokens/azure-identity-token' },
      { name: 'AZURE_AUTHORITY_HOST', value: 'https://login.microsoftonline.com/' },
      { name: 'KUBEFLOW_AZURE_CREDENTIAL', value: 'azure-workload-identity' },
    ]);
    expect(pd.spec.volumes).toEqual([{
      name: 'azure-identity-token',
      projected: { sources: [{ serviceAccountToken: { audience: 'api://AzureADTokenExchange', expirationSeconds: 3600, path: 'azure-identity-token' } }], defaultMode: 420 },
    }]);
    expect(pd.spec.volumeMounts).toEqual([{ name: 'azure-identity-token', mountPath: '/var/run/secrets/azure/tokens', readOnly: true }]);
    // AND nothing that the Azure webhook's objectSelector matches
    expect(pd.spec.labels).toBeUndefined();
  });

  test('a pod the Azure webhook (v1.5.1) mutated first, for the same identity, is admitted: the volumes are equal as the API server stores them', () => {
    // GIVEN the identity's PodDefault, and a pod labelled azure.workload.identity/use by someone else, its
    // ServiceAccount annotated with the same client and tenant, as Azure/azure-workload-identity v1.5.1
    // pkg/webhook/webhook.go leaves it (addProjectedServiceAccountTokenVolume: volume and path
    // azure-identity-token, 3600 s, api://AzureADTokenExchange, no defaultMode; addProjectedTokenVolumeMount;
    // the four variables) and the API server defaults it (SetDefaults_ProjectedVolumeSource: defaultMode 420)
    const chart = userChart();
    new AzureWorkloadIdentityAccess(chart, 'azure-workload-identity', { clientId: CLIENT_ID, tenantId: TENANT_ID });
    const pod = {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'my-notebook-0', namespace: 'user', labels: { 'azure-workload-identity': 'true', 'azure.workload.identity/use': 'true' } },
      spec: {
        volumes: [{
          name: 'azure-identity-token',
          projected: { sources: [{ serviceAccountToken: { path: 'azure-identity-token', expirationSeconds: 3600, audience: 'api://AzureADTokenExchange' } }], defaultMode: 420 },
        }],
        containers: [{
          name: 'my-notebook', image: 'kubeflownotebookswg/jupyter-scipy',
          env: [
            { name: 'AZURE_CLIENT_ID', value: CLIENT_ID },
            { name: 'AZURE_TENANT_ID', value: TENANT_ID },
            { name: 'AZURE_FEDERATED_TOKEN_FILE', value: '/var/run/secrets/azure/tokens/azure-identity-token' },
            { name: 'AZURE_AUTHORITY_HOST', value: 'https://login.microsoftonline.com/' },
          ],
          volumeMounts: [{ name: 'azure-identity-token', mountPath: '/var/run/secrets/azure/tokens', readOnly: true }],
        }],
      },
    };
    // WHEN the PodDefault webhook admits it
    const result = PodDefaultAdmission.admit(pod, Testing.synth(chart));
    // THEN it merges them, with no conflict
    expect(result.conflicts).toEqual([]);
    expect(result.allowed).toBe(true);
  });

  test('a sovereign cloud, a day\'s token and a switched account', () => {
    // GIVEN
    const app = Testing.app();
    const chart = userChart(app);
    // WHEN
    new AzureWorkloadIdentityAccess(chart, 'azure-gov', {
      clientId: CLIENT_ID, tenantId: TENANT_ID, authorityHost: 'https://login.microsoftonline.us/', expirationSeconds: 86400,
      serviceAccountName: 'notebooks', switchServiceAccount: true,
    });
    // THEN
    expectGolden(app, 'identity-azure-options');
  });

  test('federatedCredential: the issuer, the subject and Entra\'s one audience', () => {
    const identity = new AzureWorkloadIdentityAccess(userChart(), 'azure-workload-identity', { clientId: CLIENT_ID, tenantId: TENANT_ID, serviceAccountName: 'ws-analysis' });
    expect(identity.federatedCredential(ISSUER)).toEqual({
      issuer: ISSUER, subject: 'system:serviceaccount:user:ws-analysis', audiences: ['api://AzureADTokenExchange'],
    });
    const fix = `: give the issuer exactly as the cluster's tokens name it (their "iss" claim), such as "https://westeurope.oic.prod-aks.azure.com/${TENANT_ID}/00000000-0000-0000-0000-000000000003/"`;
    expect(() => identity.federatedCredential('westeurope.oic.prod-aks.azure.com/x/')).toThrow(
      `[test/azure-workload-identity] issuer: is not an https URL (it must start with "https://")${fix}`);
    // AND an issuer pasted with keys in it is refused without being echoed
    expect(accessErrorOf(() => identity.federatedCredential(`https://AKIAFAKE:${FAKE_SECRET}@westeurope.oic.prod-aks.azure.com/x/`), [FAKE_SECRET])).toBe(
      `[test/azure-workload-identity] issuer: holds "@", as user information (user:password@) before the host does, which an issuer URL never has${fix}`);
  });
});

describe('federatedCredential: what Microsoft Entra takes as an issuer', () => {
  // Microsoft Entra's "Important considerations and restrictions for federated identity credentials"
  // (learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations, for applications and
  // user-assigned managed identities): the issuer must match the token's iss claim, with no leading or trailing
  // whitespace, in at most 600 characters. It names no rule on a port, unlike IAM's CreateOpenIDConnectProvider
  // ("The URL should not contain a port number"), so an issuer with a port is taken as it is.
  const identity = () => new AzureWorkloadIdentityAccess(userChart(), 'azure-workload-identity', { clientId: CLIENT_ID, tenantId: TENANT_ID });
  const host = 'https://oidc.example.com/';

  test('an issuer of 600 characters, and one with a port, are taken', () => {
    const long = host + 'a'.repeat(600 - host.length);
    expect(identity().federatedCredential(long).issuer).toBe(long);
    expect(identity().federatedCredential('https://oidc.example.com:8443/cluster').issuer).toBe('https://oidc.example.com:8443/cluster');
  });

  test('an issuer of 601 characters is refused, by its length, never its value', () => {
    const long = host + 'a'.repeat(601 - host.length);
    expect(accessErrorOf(() => identity().federatedCredential(long), ['aaaaaaaa'])).toBe(
      '[test/azure-workload-identity] issuer: is 601 characters long, more than the 600 Microsoft Entra takes in the issuer of a federated identity credential: '
      + 'give the issuer exactly as the cluster\'s tokens name it (their "iss" claim), such as '
      + `"https://westeurope.oic.prod-aks.azure.com/${TENANT_ID}/00000000-0000-0000-0000-000000000003/"`);
  });
});

describe('AzureWorkloadIdentityAccess refuses', () => {
  test.each<[string, any, string]>([
    ['a client ID that is no GUID', { clientId: 'my-app', tenantId: TENANT_ID },
      'clientId: is not a GUID (8-4-4-4-12 hexadecimal digits): give the application (client) ID of the managed identity or app registration, such as "00000000-0000-0000-0000-000000000000"'],
    ['a missing tenant', { clientId: CLIENT_ID },
      'tenantId: is not a GUID (8-4-4-4-12 hexadecimal digits): give the Microsoft Entra tenant ID, such as "00000000-0000-0000-0000-000000000000"'],
    ['a lifetime under the webhook\'s range', { clientId: CLIENT_ID, tenantId: TENANT_ID, expirationSeconds: 600 },
      'expirationSeconds: 600 is not a whole number of seconds from 3600 (the range Azure Workload Identity accepts) to 86400: give one such as 3600'],
    ['an authority over http', { clientId: CLIENT_ID, tenantId: TENANT_ID, authorityHost: 'http://login.microsoftonline.com/' },
      'authorityHost: is not an https URL of a host (a DNS name of ASCII letters, digits, "-" and ".", an optional port and path, no user, query or whitespace): give the Microsoft Entra authority, such as "https://login.microsoftonline.us/", or leave authorityHost out for "https://login.microsoftonline.com/"'],
    // GIVEN the scheme in upper case: valid in a URL, but @azure/identity compares it with "https:" as it is
    ['an authority with its scheme in upper case', { clientId: CLIENT_ID, tenantId: TENANT_ID, authorityHost: 'HTTPS://login.microsoftonline.us/' },
      'authorityHost: has its scheme in upper case, and @azure/identity takes only "https://" in lower case (it throws "The authorityHost address must use the \'https\' protocol."): write the scheme "https://", or leave authorityHost out for "https://login.microsoftonline.com/"'],
    ['an authority with keys pasted before the host', { clientId: CLIENT_ID, tenantId: TENANT_ID, authorityHost: `https://user:${FAKE_SECRET}@login.microsoftonline.com/` }, 'authorityHost: is not an https URL of a host (a DNS name of ASCII letters, digits, "-" and ".", an optional port and path, no user, query or whitespace): give the Microsoft Entra authority, such as "https://login.microsoftonline.us/", or leave authorityHost out for "https://login.microsoftonline.com/"'],
    ['an authority outside ASCII', { clientId: CLIENT_ID, tenantId: TENANT_ID, authorityHost: 'https://lögin.microsoftonline.com/' }, 'authorityHost: is not an https URL of a host (a DNS name of ASCII letters, digits, "-" and ".", an optional port and path, no user, query or whitespace): give the Microsoft Entra authority, such as "https://login.microsoftonline.us/", or leave authorityHost out for "https://login.microsoftonline.com/"'],
    ['an authority with a control character', { clientId: CLIENT_ID, tenantId: TENANT_ID, authorityHost: 'https://login.microsoftonline.com/\u001b' }, 'authorityHost: is not an https URL of a host (a DNS name of ASCII letters, digits, "-" and ".", an optional port and path, no user, query or whitespace): give the Microsoft Entra authority, such as "https://login.microsoftonline.us/", or leave authorityHost out for "https://login.microsoftonline.com/"'],
    ['a service account pattern', { clientId: CLIENT_ID, tenantId: TENANT_ID, serviceAccountName: 'ws-*' },
      'serviceAccountName: is a pattern (it holds "*"), but a federated credential matches one subject exactly: give the account\'s own name, and create one AzureWorkloadIdentityAccess (and one federated credential) per account'],
  ])('%s, naming the field and the fix, and leaves nothing', (_what, props, message) => {
    const chart = userChart();
    expectRejected(chart, 'azure-workload-identity', () => new AzureWorkloadIdentityAccess(chart, 'azure-workload-identity', props),
      `[test/azure-workload-identity] ${message}`, [FAKE_SECRET]);
  });
});
