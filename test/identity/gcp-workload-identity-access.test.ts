import { readFileSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdk8s';
import { GcpWorkloadIdentityAccess } from '../../lib';
import { expectGolden, expectRejected, userChart } from '../support';

const PROVIDER = 'projects/123456789012/locations/global/workloadIdentityPools/kubeflow/providers/cluster';
const props = { projectNumber: '123456789012', poolId: 'kubeflow', providerId: 'cluster' };

describe('GcpWorkloadIdentityAccess', () => {
  test('the defaults: a ConfigMap with the credential configuration, the token and the configuration mounted, no Secret', () => {
    // GIVEN
    const app = Testing.app();
    const chart = userChart(app);
    // WHEN
    const identity = new GcpWorkloadIdentityAccess(chart, 'gcp-workload-identity', props);
    // THEN
    expectGolden(app, 'identity-gcp-defaults');
    const objects = Testing.synth(chart);
    expect(objects.map(o => `${o.kind}/${o.metadata.name}`)).toEqual(['PodDefault/gcp-workload-identity', 'ConfigMap/gcp-workload-identity']);
    const [pd, configMap] = objects;
    expect(JSON.parse(configMap.data['credential-configuration.json'])).toEqual({
      type: 'external_account',
      audience: `//iam.googleapis.com/${PROVIDER}`,
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: 'https://sts.googleapis.com/v1/token',
      credential_source: { file: '/var/run/service-account/token', format: { type: 'text' } },
    });
    expect(identity.credentialConfiguration).toBe(configMap.data['credential-configuration.json']);
    expect(pd.spec.env).toEqual([
      { name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/etc/workload-identity/credential-configuration.json' },
      { name: 'KUBEFLOW_GCP_CREDENTIAL', value: 'gcp-workload-identity' },
    ]);
    expect(pd.spec.volumes).toEqual([
      { name: 'gcp-identity-token', projected: { sources: [{ serviceAccountToken: { audience: `https://iam.googleapis.com/${PROVIDER}`, expirationSeconds: 3600, path: 'token' } }] } },
      { name: 'gcp-credential-configuration', configMap: { name: 'gcp-workload-identity' } },
    ]);
    expect(pd.spec.volumeMounts).toEqual([
      { name: 'gcp-identity-token', mountPath: '/var/run/service-account', readOnly: true },
      { name: 'gcp-credential-configuration', mountPath: '/etc/workload-identity', readOnly: true },
    ]);
    expect(identity.principal).toBe(
      'principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/kubeflow/subject/system:serviceaccount:user:default-editor');
  });

  test('impersonating a Google service account, with its own ConfigMap name', () => {
    // GIVEN
    const app = Testing.app();
    const chart = userChart(app);
    // WHEN
    const identity = new GcpWorkloadIdentityAccess(chart, 'gcp-notebooks', {
      ...props, serviceAccountEmail: 'notebooks@my-project.iam.gserviceaccount.com', configMapName: 'gcp-notebooks-wif', expirationSeconds: 7200,
    });
    // THEN
    expectGolden(app, 'identity-gcp-impersonation');
    expect(JSON.parse(identity.credentialConfiguration).service_account_impersonation_url)
      .toBe('https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/notebooks@my-project.iam.gserviceaccount.com:generateAccessToken');
    expect(identity.serviceAccountEmail).toBe('notebooks@my-project.iam.gserviceaccount.com');
  });

  test('gkePrincipal: the GKE pool\'s principal for a namespace\'s ServiceAccount', () => {
    expect(GcpWorkloadIdentityAccess.gkePrincipal({ projectNumber: '123456789012', projectId: 'my-project', namespace: 'user' })).toBe(
      'principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/my-project.svc.id.goog/subject/ns/user/sa/default-editor');
    expect(GcpWorkloadIdentityAccess.gkePrincipal({ projectNumber: '1', projectId: 'my-project', namespace: 'user', serviceAccountName: 'ws-analysis' }))
      .toMatch(/\/subject\/ns\/user\/sa\/ws-analysis$/);
    expect(() => GcpWorkloadIdentityAccess.gkePrincipal({ projectNumber: 'my-project', projectId: 'my-project', namespace: 'user' })).toThrow(
      '[GcpWorkloadIdentityAccess.gkePrincipal] projectNumber: is not a project number (this looks like a project ID)');
  });

  test('gkePrincipal\'s documentation (API.md) names the form it returns, the GKE pool\'s ns/NAMESPACE/sa/KSA subject', () => {
    // GIVEN the form Google documents for Workload Identity Federation for GKE (shared facts keyless-identity.md §4:
    // principal://iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/PROJECT_ID.svc.id.goog/subject/ns/NAMESPACE/sa/KSA)
    const api = readFileSync(join(__dirname, '..', '..', 'API.md'), 'utf8');
    // WHEN
    const summary = api.split('\n').find(line => line.includes('#cdk8s-kubeflow-access.GcpWorkloadIdentityAccess.gkePrincipal">gkePrincipal</a>'));
    const start = api.indexOf('##### `gkePrincipal`');
    const section = api.slice(start, api.indexOf('###### `options`', start));
    // THEN
    for (const text of [summary, section]) {
      expect(text).toContain('workloadIdentityPools/PROJECT_ID.svc.id.goog/subject/ns/NAMESPACE/sa/KSA');
      expect(text).not.toContain('subject/system:serviceaccount');
    }
  });
});

describe('GcpWorkloadIdentityAccess refuses', () => {
  test.each<[string, any, string]>([
    ['a project ID for the number', { ...props, projectNumber: 'my-project' },
      'projectNumber: is not a project number (this looks like a project ID): give the project number "gcloud projects describe PROJECT_ID" shows, as a string'],
    ['a project number as a number', { ...props, projectNumber: 123456789012 },
      'projectNumber: is a number, not a string: give a string, or leave projectNumber out'],
    ['a pool ID of three characters', { ...props, poolId: 'kfp' },
      'poolId: is not the ID of a workload identity pool (4 to 32 lower-case letters, digits and "-", not starting with "gcp-"): give the ID, not the display name or the full resource name'],
    ['a pool\'s full resource name', { ...props, poolId: 'projects/1/locations/global/workloadIdentityPools/kubeflow' },
      'poolId: is not the ID of a workload identity pool'],
    ['Google\'s own prefix', { ...props, providerId: 'gcp-cluster' },
      'providerId: is not the ID of a pool\'s provider (4 to 32 lower-case letters, digits and "-", not starting with "gcp-")'],
    ['an email that is none', { ...props, serviceAccountEmail: 'notebooks' },
      'serviceAccountEmail: is not a service account\'s email (lower-case letters, digits, ".", "_" and "-", then "@" and a domain): give one such as "notebooks@my-project.iam.gserviceaccount.com", or leave serviceAccountEmail out'],
    // The email goes into the impersonation URL as it is: nothing there may need escaping, nor be a secret echoed back.
    ['an email with a quote', { ...props, serviceAccountEmail: 'a"b@my-project.iam.gserviceaccount.com' }, 'serviceAccountEmail: is not a service account\'s email (lower-case letters, digits, ".", "_" and "-", then "@" and a domain): give one such as "notebooks@my-project.iam.gserviceaccount.com", or leave serviceAccountEmail out'],
    ['an email outside ASCII', { ...props, serviceAccountEmail: 'nötebooks@my-project.iam.gserviceaccount.com' }, 'serviceAccountEmail: is not a service account\'s email (lower-case letters, digits, ".", "_" and "-", then "@" and a domain): give one such as "notebooks@my-project.iam.gserviceaccount.com", or leave serviceAccountEmail out'],
    ['an email with half a surrogate pair', { ...props, serviceAccountEmail: 'notebooks\ud800@my-project.iam.gserviceaccount.com' }, 'serviceAccountEmail: is not a service account\'s email (lower-case letters, digits, ".", "_" and "-", then "@" and a domain): give one such as "notebooks@my-project.iam.gserviceaccount.com", or leave serviceAccountEmail out'],
    ['a secret key pasted as the email', { ...props, serviceAccountEmail: 'wJalrXUtnFEMI/FAKE/SECRET/KEY0000000000' }, 'serviceAccountEmail: is not a service account\'s email (lower-case letters, digits, ".", "_" and "-", then "@" and a domain): give one such as "notebooks@my-project.iam.gserviceaccount.com", or leave serviceAccountEmail out'],
    ['a service account pattern', { ...props, serviceAccountName: 'ws-*' },
      'serviceAccountName: is a pattern (it holds "*"), but a Google principal names one subject: give the account\'s own name, and one GcpWorkloadIdentityAccess per account'],
    // GIVEN a subject of 128 bytes (system:serviceaccount:user: and 101 characters): google.subject holds at most 127
    ['a service account whose subject is longer than google.subject holds', { ...props, serviceAccountName: `ws-${'a'.repeat(98)}` },
      'serviceAccountName: makes the tokens\' subject ("system:serviceaccount:NAMESPACE:NAME") 128 bytes long, and Google\'s google.subject holds at most 127, so STS refuses every exchange: give a service account whose name and namespace have at most 104 characters together'],
    // GIVEN a token of 48 hours: Google's STS takes an OIDC token whose exp is less than 48 hours after its iat
    ['a token lifetime of 48 hours', { ...props, expirationSeconds: 172800 },
      'expirationSeconds: 172800 is not a whole number of seconds from 600 (Kubernetes\' minimum; Google\'s STS refuses a token that lasts 48 hours or more) to 172799: give one such as 3600'],
    ['a ConfigMap name that is none', { ...props, configMapName: 'Config' },
      'configMapName: has an upper-case letter at character 1; a ConfigMap name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters): use a valid name'],
  ])('%s, naming the field and the fix, and leaves nothing', (_what, given, message) => {
    const chart = userChart();
    let error: unknown;
    try { new GcpWorkloadIdentityAccess(chart, 'gcp-workload-identity', given); } catch (e) { error = e; }
    expect(String((error as Error).message)).toContain(`[test/gcp-workload-identity] ${message}`);
    expect(String((error as Error).message)).not.toContain('FAKE/SECRET');
    expect(chart.node.tryFindChild('gcp-workload-identity')).toBeUndefined();
    expect(chart.node.findAll().length).toBe(1);
  });

  test('a subject of exactly 127 bytes and a token just under 48 hours are taken', () => {
    // GIVEN system:serviceaccount:user: (27 characters) and a name of 100, and a lifetime of 172799 s
    const chart = userChart();
    const serviceAccountName = `ws-${'a'.repeat(97)}`;
    // WHEN
    const identity = new GcpWorkloadIdentityAccess(chart, 'gcp-workload-identity', { ...props, serviceAccountName, expirationSeconds: 172799 });
    // THEN
    expect(identity.trustSubject).toBe(`system:serviceaccount:user:${serviceAccountName}`);
    expect(identity.trustSubject.length).toBe(127);
    const pd = Testing.synth(chart).find(m => m.kind === 'PodDefault');
    expect(pd.spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds).toBe(172799);
  });

  test('the whole message of a bad pool ID', () => {
    const chart = userChart();
    expectRejected(chart, 'gcp-workload-identity', () => new GcpWorkloadIdentityAccess(chart, 'gcp-workload-identity', { ...props, poolId: 'kfp' }),
      '[test/gcp-workload-identity] poolId: is not the ID of a workload identity pool (4 to 32 lower-case letters, digits and "-", not starting with "gcp-"): give the ID, not the display name or the full resource name', []);
  });
});
