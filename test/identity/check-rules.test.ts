// The check's identity rules: service-account (the webhook keeps the last serviceAccountName by name,
// silently) and cloud-identity (two credentials of one cloud in one pod, of which the SDK silently uses
// one). Pure tables over manifests first, then apps that synth or fail.
import * as path from 'path';
import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import {
  AwsCredentials, AwsEnvConfiguration, AwsFileCredentials, AwsWebIdentityAccess, AzureWorkloadIdentityAccess, GcpWorkloadIdentityAccess, MinioDefault,
  PodDefaultAdmission, S3Configuration, SecretStoreRef,
} from '../../lib';
import { checkManifests } from '../../lib/check';
import { inputs, pd, secret, line } from '../check/support';
import { errorsOf, userChart } from '../support';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/notebook-s3';
const AZURE = { clientId: '00000000-0000-0000-0000-000000000001', tenantId: '00000000-0000-0000-0000-000000000002' };
const GCP = { projectNumber: '123456789012', poolId: 'kubeflow', providerId: 'cluster' };
const FAKE_SECRET = 'fake-secret-key-0000';
const keys = { accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET };
const FAKE_AZURE_KEY = Buffer.from('fake-azure-account-key-0000'.padEnd(64, '0')).toString('base64');

const webIdentity = (name: string) => pd(name, { env: [{ name: 'AWS_ROLE_ARN', value: ROLE_ARN }, { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/t/token' }] });
const account = (name: string, serviceAccountName: string, spec: any = {}) => pd(name, { serviceAccountName, ...spec });
const problemsOf = (...manifests: any[]) => checkManifests(inputs(...manifests)).map(p => ({ rule: p.rule, sources: p.sources, message: line(p) }));

describe('service-account', () => {
  test('two PodDefaults one pod selects that set different accounts: the later by name wins, and the message says so', () => {
    // GIVEN b and a, out of name order
    const problems = problemsOf(account('b', 'ws-two'), account('a', 'ws-one'));
    // THEN
    expect(problems).toEqual([{
      rule: 'service-account',
      sources: ['s1', 's0'],
      message: 'poddefault a (s1) sets serviceAccountName ws-one and poddefault b (s0) sets ws-two in namespace team-a: the webhook gives a notebook '
        + 'that selects both (labelled a=true,b=true) the account of the later by name, ws-two, without a warning; set serviceAccountName in one of them only, '
        + 'or make the two exclusive by giving both an env var of one name whose value is their own name',
    }]);
  });

  test.each<[string, any[]]>([
    ['one account twice', [account('a', 'x'), account('b', 'x')]],
    ['one of them sets none (an empty name is ignored by the webhook)', [account('a', 'x'), account('b', '')]],
    ['selectors that never meet', [account('a', 'x', { selector: { matchLabels: { tier: 'cpu' } } }), account('b', 'y', { selector: { matchLabels: { tier: 'gpu' } } })]],
    ['exclusive by a marker', [account('a', 'x', { env: [{ name: 'M', value: 'a' }] }), account('b', 'y', { env: [{ name: 'M', value: 'b' }] })]],
  ])('%s: no problem', (_what, manifests) => {
    expect(problemsOf(...manifests).filter(p => p.rule === 'service-account')).toEqual([]);
  });

  test('the admission model gives the pod the account of the later PodDefault by name, as the webhook does', () => {
    // GIVEN two PodDefaults in reverse name order and a pod that selects both
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nb', namespace: 'team-a', labels: { a: 'true', b: 'true' } }, spec: { serviceAccountName: 'default-editor', containers: [{ name: 'nb', image: 'nb' }] } };
    // WHEN
    const result = PodDefaultAdmission.admit(pod, [account('b', 'ws-two'), account('a', 'ws-one')]);
    // THEN it is admitted, without a conflict, as the last by name says
    expect(result.allowed).toBe(true);
    expect(result.applied).toEqual(['a', 'b']);
    expect(result.pod.spec.serviceAccountName).toBe('ws-two');
    // AND one alone sets its own, and an empty one leaves the pod's
    expect(PodDefaultAdmission.admit(pod, [account('a', 'ws-one')]).pod.spec.serviceAccountName).toBe('ws-one');
    expect(PodDefaultAdmission.admit(pod, [account('a', 'ws-one'), account('b', '')]).pod.spec.serviceAccountName).toBe('ws-one');
  });

  test('an app whose identities switch a pod to two accounts fails synth', () => {
    // GIVEN
    const app = Testing.app();
    const chart = userChart(app);
    new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN, serviceAccountName: 'aws-notebooks', switchServiceAccount: true });
    new AzureWorkloadIdentityAccess(chart, 'azure-identity', { ...AZURE, serviceAccountName: 'azure-notebooks', switchServiceAccount: true });
    // WHEN / THEN
    expect(errorsOf(() => app.synth())).toEqual([
      'poddefault aws-role (test/aws-role) sets serviceAccountName aws-notebooks and poddefault azure-identity (test/azure-identity) sets azure-notebooks '
      + 'in namespace user: the webhook gives a notebook that selects both (labelled aws-role=true,azure-identity=true) the account of the later by name, '
      + 'azure-notebooks, without a warning; set serviceAccountName in one of them only, or make the two exclusive by giving both an env var of one name whose value is their own name',
    ]);
  });
});

describe('cloud-identity on manifests', () => {
  const used = (rule: string) => (p: { rule: string }) => p.rule === rule;

  test('AWS keys in an envFrom Secret beside a web identity: botocore uses the keys', () => {
    const problems = problemsOf(webIdentity('role'), pd('keys', { envFrom: [{ secretRef: { name: 's3' } }] }), secret('s3', ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']));
    expect(problems).toEqual([{
      rule: 'cloud-identity',
      sources: ['s1', 's0'],
      message: 'poddefault keys (s1) gives AWS keys (AWS_ACCESS_KEY_ID of the envFrom Secret s3) and poddefault role (s0) gives an AWS web identity '
        + '(env AWS_WEB_IDENTITY_TOKEN_FILE) in namespace team-a: a notebook that selects both (labelled keys=true,role=true) silently uses AWS keys of keys, '
        + 'since botocore\'s credential chain reads AWS_ACCESS_KEY_ID from the environment before it tries a web identity; keep one of the two, or offer them '
        + 'as alternatives by giving both an env var of one name whose value is their own name (the webhook then refuses a notebook that selects both)',
    }]);
  });

  test.each<[string, any[], string | undefined]>([
    ['AWS keys in env, from a secretKeyRef', [webIdentity('role'), pd('keys', { env: [{ name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: 'x', key: 'k' } } }] })],
      'silently uses AWS keys of keys'],
    ['a prefixed envFrom', [webIdentity('role'), pd('keys', { envFrom: [{ prefix: 'AWS_', secretRef: { name: 's3' } }] }), secret('s3', ['ACCESS_KEY_ID'])],
      'AWS keys (AWS_ACCESS_KEY_ID of the envFrom Secret s3)'],
    ['an envFrom Secret the input does not hold', [webIdentity('role'), pd('keys', { envFrom: [{ secretRef: { name: 'elsewhere' } }] })], undefined],
    ['a web identity in an envFrom Secret, keys in env', [pd('role', { envFrom: [{ secretRef: { name: 'irsa' } }] }), secret('irsa', ['AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE']),
      pd('keys', { env: [{ name: 'AWS_ACCESS_KEY_ID', value: 'AKIAFAKEFAKEFAKE0000' }] })], 'an AWS web identity (AWS_WEB_IDENTITY_TOKEN_FILE of the envFrom Secret irsa)'],
    ['one PodDefault that gives both', [pd('both', { env: [{ name: 'AWS_ACCESS_KEY_ID', value: 'x' }, { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/t' }] })],
      'poddefault both (s0) in namespace team-a gives AWS keys (env AWS_ACCESS_KEY_ID) and an AWS web identity (env AWS_WEB_IDENTITY_TOKEN_FILE): a notebook that selects it (labelled both=true) silently uses AWS keys'],
    ['exclusive by the S3 marker', [pd('role', { env: [...webIdentity('r').spec.env, { name: 'KUBEFLOW_S3_ACCESS', value: 'role' }] }),
      pd('keys', { env: [{ name: 'AWS_ACCESS_KEY_ID', value: 'x' }, { name: 'KUBEFLOW_S3_ACCESS', value: 'keys' }] })], undefined],
    ['an Azure client secret beside a federated token', [pd('identity', { env: [{ name: 'AZURE_FEDERATED_TOKEN_FILE', value: '/t' }] }),
      pd('app', { envFrom: [{ secretRef: { name: 'sp' } }] }), secret('sp', ['AZURE_CLIENT_SECRET'])],
      'silently uses an Azure client secret or certificate of app, since DefaultAzureCredential tries EnvironmentCredential, which reads AZURE_CLIENT_SECRET, before WorkloadIdentityCredential'],
    // GIVEN a user's password (EnvironmentCredential's UsernamePasswordCredential) beside a federated token
    ['an Azure user\'s password beside a federated token', [pd('identity', { env: [{ name: 'AZURE_FEDERATED_TOKEN_FILE', value: '/t' }] }),
      pd('user', { envFrom: [{ secretRef: { name: 'user' } }] }), secret('user', ['AZURE_USERNAME', 'AZURE_PASSWORD'])],
      'poddefault user (s1) gives an Azure user\'s password (AZURE_PASSWORD of the envFrom Secret user) and poddefault identity (s0) gives an Azure federated token (workload identity) '
      + '(env AZURE_FEDERATED_TOKEN_FILE) in namespace team-a: a notebook that selects both (labelled identity=true,user=true) silently uses an Azure user\'s password of user, '
      + 'since DefaultAzureCredential tries EnvironmentCredential, which reads AZURE_USERNAME and AZURE_PASSWORD, before WorkloadIdentityCredential'],
    ['an Azure account key beside a federated token', [pd('identity', { env: [{ name: 'AZURE_FEDERATED_TOKEN_FILE', value: '/t' }] }),
      pd('blob', { envFrom: [{ secretRef: { name: 'blob' } }] }), secret('blob', ['AZURE_STORAGE_ACCOUNT_NAME', 'AZURE_STORAGE_ACCOUNT_KEY'])],
      'silently uses an Azure Storage account key, SAS token or connection string of blob, since adlfs uses a connection string'],
    // GIVEN adlfs's own service principal (AZURE_STORAGE_CLIENT_*, not azure-identity's names) beside a federated token
    ['an adlfs service principal beside a federated token', [pd('identity', { env: [{ name: 'AZURE_FEDERATED_TOKEN_FILE', value: '/t' }] }),
      pd('blob-sp', { envFrom: [{ secretRef: { name: 'blob-sp' } }] }), secret('blob-sp', ['AZURE_STORAGE_ACCOUNT_NAME', 'AZURE_STORAGE_CLIENT_ID', 'AZURE_STORAGE_CLIENT_SECRET', 'AZURE_STORAGE_TENANT_ID'])],
      'poddefault blob-sp (s1) gives an adlfs service principal\'s client secret (AZURE_STORAGE_CLIENT_SECRET of the envFrom Secret blob-sp) and poddefault identity (s0) gives an Azure federated token '
      + '(workload identity) (env AZURE_FEDERATED_TOKEN_FILE) in namespace team-a: a notebook that selects both (labelled blob-sp=true,identity=true) silently uses an adlfs service principal\'s '
      + 'client secret of blob-sp, since adlfs builds a ClientSecretCredential from AZURE_STORAGE_CLIENT_ID, AZURE_STORAGE_CLIENT_SECRET and AZURE_STORAGE_TENANT_ID before it asks DefaultAzureCredential'],
    ['gcloud\'s application default credentials mounted beside GOOGLE_APPLICATION_CREDENTIALS', [pd('wif', { env: [{ name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/etc/wif/c.json' }] }),
      pd('gcloud', { volumes: [{ name: 'adc', secret: { secretName: 'adc' } }], volumeMounts: [{ name: 'adc', mountPath: '/home/jovyan/.config/gcloud' }] }),
      secret('adc', ['application_default_credentials.json'])],
      'poddefault wif (s0) gives GOOGLE_APPLICATION_CREDENTIALS (env GOOGLE_APPLICATION_CREDENTIALS) and poddefault gcloud (s1) gives gcloud\'s application_default_credentials.json '
      + '(the file /home/jovyan/.config/gcloud/application_default_credentials.json from Secret adc)'],
    ['two PodDefaults that set one variable differently: the webhook refuses the pod, the merge rule says so', [webIdentity('role'),
      pd('keys', { env: [{ name: 'AWS_ACCESS_KEY_ID', value: 'x' }, { name: 'AWS_ROLE_ARN', value: 'arn:aws:iam::123456789012:role/other' }] })], undefined],
  ])('%s', (_what, manifests, expected) => {
    const problems = problemsOf(...manifests).filter(used('cloud-identity'));
    if (expected === undefined) {
      expect(problems).toEqual([]);
    } else {
      expect(problems).toHaveLength(1);
      expect(problems[0].message).toContain(expected);
    }
  });

  test('a credentials file: only one botocore reads by default, with a [default] profile, counts', () => {
    const file = (text: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'aws', namespace: 'team-a' }, data: { credentials: Buffer.from(text).toString('base64') } });
    const mounted = (mountPath: string, env: any[] = []) => pd('file', { env, volumes: [{ name: 'aws', secret: { secretName: 'aws' } }], volumeMounts: [{ name: 'aws', mountPath }] });
    const withDefault = file(`[default]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = ${FAKE_SECRET}\n`);
    const namedOnly = file(`[prod]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = ${FAKE_SECRET}\n`);
    // GIVEN a web identity beside each
    const messages = (...manifests: any[]) => problemsOf(webIdentity('role'), ...manifests).filter(used('cloud-identity')).map(p => p.message);
    // THEN the [default] profile in ~/.aws/ is reported, web identity first
    expect(messages(mounted('/home/jovyan/.aws/'), withDefault)).toEqual([
      'poddefault role (s0) gives an AWS web identity (env AWS_WEB_IDENTITY_TOKEN_FILE) and poddefault file (s1) gives an AWS credentials file with keys for the profile botocore reads '
      + '(the file /home/jovyan/.aws/credentials from Secret aws, its [default] profile) in namespace team-a: a notebook that selects both (labelled file=true,role=true) silently uses '
      + 'an AWS web identity of role, since botocore\'s credential chain tries a web identity before the shared credentials file; keep one of the two, or offer them '
      + 'as alternatives by giving both an env var of one name whose value is their own name (the webhook then refuses a notebook that selects both)',
    ]);
    // AND a file elsewhere counts where AWS_SHARED_CREDENTIALS_FILE names it
    expect(messages(mounted('/secrets/aws', [{ name: 'AWS_SHARED_CREDENTIALS_FILE', value: '/secrets/aws/credentials' }]), withDefault)).toHaveLength(1);
    // AND not otherwise, nor named profiles only, nor a file the input does not hold
    expect(messages(mounted('/secrets/aws'), withDefault)).toEqual([]);
    expect(messages(mounted('/home/jovyan/.aws/'), namedOnly)).toEqual([]);
    expect(messages(mounted('/home/jovyan/.aws/'))).toEqual([]);
    // AND the secret in it never shows
    expect(JSON.stringify(checkManifests(inputs(webIdentity('role'), mounted('/home/jovyan/.aws/'), withDefault)))).not.toContain(FAKE_SECRET);
  });

  test('a credentials file of named profiles counts for the profile AWS_PROFILE or AWS_DEFAULT_PROFILE names, which botocore reads after the web identity', () => {
    // GIVEN a file of the profile prod only, mounted in ~/.aws/ by a PodDefault that names a profile, beside a web identity
    const file = (text: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'aws', namespace: 'team-a' }, data: { credentials: Buffer.from(text).toString('base64') } });
    const namedOnly = file(`[prod]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = ${FAKE_SECRET}\n`);
    const withDefault = file(`[default]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = ${FAKE_SECRET}\n`);
    const mounted = (env: any[]) => pd('file', { env, volumes: [{ name: 'aws', secret: { secretName: 'aws' } }], volumeMounts: [{ name: 'aws', mountPath: '/home/jovyan/.aws' }] });
    const messages = (...manifests: any[]) => problemsOf(webIdentity('role'), ...manifests).filter(used('cloud-identity')).map(p => p.message);
    // WHEN AWS_PROFILE names prod
    // THEN the pair is reported, the profile named by its variable (botocore 1.43.11: with AWS_PROFILE=prod the file alone gives
    // "shared-credentials-file", with the web identity beside it "assume-role-with-web-identity")
    expect(messages(mounted([{ name: 'AWS_PROFILE', value: 'prod' }]), namedOnly)).toEqual([
      'poddefault role (s0) gives an AWS web identity (env AWS_WEB_IDENTITY_TOKEN_FILE) and poddefault file (s1) gives an AWS credentials file with keys for the profile botocore reads '
      + '(the file /home/jovyan/.aws/credentials from Secret aws, the profile AWS_PROFILE names) in namespace team-a: a notebook that selects both (labelled file=true,role=true) silently uses '
      + 'an AWS web identity of role, since botocore\'s credential chain tries a web identity before the shared credentials file; keep one of the two, or offer them '
      + 'as alternatives by giving both an env var of one name whose value is their own name (the webhook then refuses a notebook that selects both)',
    ]);
    // AND AWS_DEFAULT_PROFILE comes before AWS_PROFILE, as in botocore's configprovider
    expect(messages(mounted([{ name: 'AWS_DEFAULT_PROFILE', value: 'prod' }, { name: 'AWS_PROFILE', value: 'other' }]), namedOnly)).toHaveLength(1);
    expect(messages(mounted([{ name: 'AWS_DEFAULT_PROFILE', value: 'other' }, { name: 'AWS_PROFILE', value: 'prod' }]), namedOnly)).toEqual([]);
    // AND a profile the file lacks, the file's [default] then being unread, gives nothing
    expect(messages(mounted([{ name: 'AWS_PROFILE', value: 'other' }]), withDefault)).toEqual([]);
    // AND an empty name gives nothing either, not [default]: botocore 1.43.11 raises ProfileNotFound for it, loud
    // (test/identity/sdk-reference.test.ts), whichever of AWS_DEFAULT_PROFILE and AWS_PROFILE it reads
    expect(messages(mounted([{ name: 'AWS_PROFILE', value: '' }]), withDefault)).toEqual([]);
    expect(messages(mounted([{ name: 'AWS_DEFAULT_PROFILE', value: '' }, { name: 'AWS_PROFILE', value: 'default' }]), withDefault)).toEqual([]);
    // AND a profile from a reference, whose value the check does not know, is not judged
    expect(messages(mounted([{ name: 'AWS_PROFILE', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } }]), withDefault)).toEqual([]);
  });
});

describe('cloud-identity: credentials the SDK reads across merged PodDefaults', () => {
  const cloudProblems = (...manifests: any[]) => problemsOf(...manifests).filter(p => p.rule === 'cloud-identity');
  const podIdentity = (name: string, env: Record<string, string>) => pd(name, { env: Object.entries(env).map(([n, value]) => ({ name: n, value })) });
  const EKS_POD_IDENTITY = {
    AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.23/v1/credentials',
    AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '/var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token',
  };
  const awsFile = (text: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'aws', namespace: 'team-a' }, data: { credentials: Buffer.from(text).toString('base64') } });
  const withDefault = awsFile(`[default]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = ${FAKE_SECRET}\n`);
  const prodOnly = awsFile(`[prod]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = ${FAKE_SECRET}\n`);
  const mounted = (mountPath: string, env: any[] = []) => pd('file', { env, volumes: [{ name: 'aws', secret: { secretName: 'aws' } }], volumeMounts: [{ name: 'aws', mountPath }] });
  const role = (env: any[] = []) => pd('role', { env: [...webIdentity('role').spec.env, ...env] });
  const KEEP_ONE = '; keep one of the two, or offer them as alternatives by giving both an env var of one name whose value is their own name (the webhook then refuses a notebook that selects both)';

  test('EKS Pod Identity\'s variables written by hand beside a web identity, AWS keys or a credentials file: botocore asks the container endpoint last', () => {
    // GIVEN a hand-written PodDefault with EKS Pod Identity's variables, beside a web identity
    // WHEN checked
    // THEN the web identity wins (botocore 1.43 create_credential_resolver: the container provider after the
    // env, web identity and shared credentials file ones; recorded in test/identity/sdk-reference.test.ts)
    expect(cloudProblems(role(), podIdentity('pod-identity', EKS_POD_IDENTITY)).map(p => p.message)).toEqual([
      'poddefault role (s0) gives an AWS web identity (env AWS_WEB_IDENTITY_TOKEN_FILE) and poddefault pod-identity (s1) gives AWS container credentials (EKS Pod Identity) '
      + '(env AWS_CONTAINER_CREDENTIALS_FULL_URI) in namespace team-a: a notebook that selects both (labelled pod-identity=true,role=true) silently uses an AWS web identity of role, '
      + 'since botocore\'s credential chain tries a web identity before the container credentials endpoint' + KEEP_ONE,
    ]);
    // AND AWS keys win over the older ECS variable
    expect(cloudProblems(pd('keys', { env: [{ name: 'AWS_ACCESS_KEY_ID', value: 'AKIAFAKEFAKEFAKE0000' }] }),
      podIdentity('ecs', { AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/fake' })).map(p => p.message)).toEqual([
      'poddefault keys (s0) gives AWS keys (env AWS_ACCESS_KEY_ID) and poddefault ecs (s1) gives AWS container credentials (EKS Pod Identity) '
      + '(env AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) in namespace team-a: a notebook that selects both (labelled ecs=true,keys=true) silently uses AWS keys of keys, '
      + 'since botocore\'s credential chain reads AWS_ACCESS_KEY_ID from the environment before it asks the container credentials endpoint' + KEEP_ONE,
    ]);
    // AND a credentials file botocore reads wins too
    expect(cloudProblems(mounted('/home/jovyan/.aws'), withDefault, podIdentity('pod-identity', EKS_POD_IDENTITY)).map(p => p.message)).toEqual([
      'poddefault file (s0) gives an AWS credentials file with keys for the profile botocore reads (the file /home/jovyan/.aws/credentials from Secret aws, its [default] profile) '
      + 'and poddefault pod-identity (s2) gives AWS container credentials (EKS Pod Identity) (env AWS_CONTAINER_CREDENTIALS_FULL_URI) in namespace team-a: a notebook that selects both '
      + '(labelled file=true,pod-identity=true) silently uses an AWS credentials file with keys for the profile botocore reads of file, '
      + 'since botocore\'s credential chain reads the shared credentials file before the container credentials endpoint' + KEEP_ONE,
    ]);
    // AND the token file alone is no credential (botocore's ContainerProvider.load needs a URI), nor is the endpoint alone a pair
    expect(cloudProblems(role(), podIdentity('token-only', { AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: EKS_POD_IDENTITY.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE }))).toEqual([]);
    expect(cloudProblems(podIdentity('pod-identity', EKS_POD_IDENTITY))).toEqual([]);
  });

  test('a profile or credentials file variable set by the other PodDefault: botocore reads the mounted file as the pod\'s merged env says', () => {
    // GIVEN a file of the profile prod only in ~/.aws/, and a role whose PodDefault sets AWS_PROFILE=prod
    // WHEN checked
    // THEN the file counts for the profile the role's variable names, named by variable and PodDefault
    expect(cloudProblems(role([{ name: 'AWS_PROFILE', value: 'prod' }]), mounted('/home/jovyan/.aws'), prodOnly).map(p => p.message)).toEqual([
      'poddefault role (s0) gives an AWS web identity (env AWS_WEB_IDENTITY_TOKEN_FILE) and poddefault file (s1) gives an AWS credentials file with keys for the profile botocore reads '
      + '(the file /home/jovyan/.aws/credentials from Secret aws, the profile AWS_PROFILE of poddefault role names) in namespace team-a: a notebook that selects both '
      + '(labelled file=true,role=true) silently uses an AWS web identity of role, since botocore\'s credential chain tries a web identity before the shared credentials file' + KEEP_ONE,
    ]);
    // AND a file off ~/.aws/ counts where the role's AWS_SHARED_CREDENTIALS_FILE names it
    expect(cloudProblems(role([{ name: 'AWS_SHARED_CREDENTIALS_FILE', value: '/secrets/aws/credentials' }]), mounted('/secrets/aws'), withDefault).map(p => p.message)).toEqual([
      'poddefault role (s0) gives an AWS web identity (env AWS_WEB_IDENTITY_TOKEN_FILE) and poddefault file (s1) gives an AWS credentials file with keys for the profile botocore reads '
      + '(the file /secrets/aws/credentials from Secret aws, which AWS_SHARED_CREDENTIALS_FILE of poddefault role names, its [default] profile) in namespace team-a: '
      + 'a notebook that selects both (labelled file=true,role=true) silently uses an AWS web identity of role, since botocore\'s credential chain tries a web identity before the shared credentials file' + KEEP_ONE,
    ]);
    // AND AWS_DEFAULT_PROFILE of the role beats the file's own AWS_PROFILE, as in botocore's configprovider
    expect(cloudProblems(role([{ name: 'AWS_DEFAULT_PROFILE', value: 'prod' }]), mounted('/home/jovyan/.aws', [{ name: 'AWS_PROFILE', value: 'other' }]), prodOnly)).toHaveLength(1);
    expect(cloudProblems(role([{ name: 'AWS_DEFAULT_PROFILE', value: 'other' }]), mounted('/home/jovyan/.aws', [{ name: 'AWS_PROFILE', value: 'prod' }]), prodOnly)).toEqual([]);
    // AND a [default] file in ~/.aws/ is not read when the role points botocore at another file, or at a profile the file lacks
    expect(cloudProblems(role([{ name: 'AWS_SHARED_CREDENTIALS_FILE', value: '/elsewhere/credentials' }]), mounted('/home/jovyan/.aws'), withDefault)).toEqual([]);
    expect(cloudProblems(role([{ name: 'AWS_PROFILE', value: 'other' }]), mounted('/home/jovyan/.aws'), withDefault)).toEqual([]);
    // AND a variable of the role from a reference, whose value the check does not know, is not judged
    expect(cloudProblems(role([{ name: 'AWS_PROFILE', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } }]), mounted('/home/jovyan/.aws'), withDefault)).toEqual([]);
  });

  test('EKS Pod Identity beside a credentials file whose profile the Pod Identity PodDefault names', () => {
    // GIVEN hand-written EKS Pod Identity variables that also set AWS_PROFILE=prod, and a file of prod in ~/.aws/
    const problems = cloudProblems(pd('pod-identity', { env: [{ name: 'AWS_CONTAINER_CREDENTIALS_FULL_URI', value: EKS_POD_IDENTITY.AWS_CONTAINER_CREDENTIALS_FULL_URI },
      { name: 'AWS_PROFILE', value: 'prod' }] }), mounted('/home/jovyan/.aws'), prodOnly);
    // THEN the file wins, its profile named by the other PodDefault's variable
    expect(problems.map(p => [p.sources, p.message.match(/botocore reads \(([^)]*)\)/)?.[1]])).toEqual([
      [['s1', 's0'], 'the file /home/jovyan/.aws/credentials from Secret aws, the profile AWS_PROFILE of poddefault pod-identity names'],
    ]);
  });

  test('CLOUDSDK_CONFIG: google-auth reads gcloud\'s application default credentials in the directory it names, whichever PodDefault sets it', () => {
    // GIVEN gcloud's file mounted off ~/.config/gcloud, and GOOGLE_APPLICATION_CREDENTIALS
    const gcloud = (env: any[] = []) => pd('gcloud', { env, volumes: [{ name: 'adc', secret: { secretName: 'adc' } }], volumeMounts: [{ name: 'adc', mountPath: '/secrets/gcloud/' }] });
    const wif = (env: any[] = []) => pd('wif', { env: [{ name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/etc/wif/c.json' }, ...env] });
    const adc = secret('adc', ['application_default_credentials.json']);
    const config = [{ name: 'CLOUDSDK_CONFIG', value: '/secrets/gcloud' }];
    // WHEN CLOUDSDK_CONFIG names its directory, in the other PodDefault
    // THEN the pair is reported (google-auth _cloud_sdk.get_config_path reads CLOUDSDK_CONFIG; _default.default
    // tries GOOGLE_APPLICATION_CREDENTIALS before it)
    expect(cloudProblems(wif(config), gcloud(), adc).map(p => p.message)).toEqual([
      'poddefault wif (s0) gives GOOGLE_APPLICATION_CREDENTIALS (env GOOGLE_APPLICATION_CREDENTIALS) and poddefault gcloud (s1) gives gcloud\'s application_default_credentials.json '
      + '(the file /secrets/gcloud/application_default_credentials.json from Secret adc, in the directory CLOUDSDK_CONFIG of poddefault wif names) in namespace team-a: '
      + 'a notebook that selects both (labelled gcloud=true,wif=true) silently uses GOOGLE_APPLICATION_CREDENTIALS of wif, since Google\'s auth libraries read the file '
      + 'GOOGLE_APPLICATION_CREDENTIALS names before gcloud\'s application default credentials' + KEEP_ONE,
    ]);
    // AND in its own PodDefault
    expect(cloudProblems(wif(), gcloud(config), adc).map(p => p.message.match(/application_default_credentials\.json \(([^)]*)\)/)?.[1])).toEqual([
      'the file /secrets/gcloud/application_default_credentials.json from Secret adc, in the directory CLOUDSDK_CONFIG names',
    ]);
    // AND a $(VAR) in it is the kubelet's expansion, with the variables set before it
    const fromVariable = [{ name: 'SECRETS', value: '/secrets' }, { name: 'CLOUDSDK_CONFIG', value: '$(SECRETS)/gcloud' }];
    expect(cloudProblems(wif(), gcloud(fromVariable), adc).map(p => p.message.match(/application_default_credentials\.json \(([^)]*)\)/)?.[1])).toEqual([
      'the file /secrets/gcloud/application_default_credentials.json from Secret adc, in the directory CLOUDSDK_CONFIG names',
    ]);
    expect(cloudProblems(wif(), gcloud([fromVariable[1], fromVariable[0]]), adc)).toEqual([]);
    // AND not without it, nor when it names another directory
    expect(cloudProblems(wif(), gcloud(), adc)).toEqual([]);
    expect(cloudProblems(wif([{ name: 'CLOUDSDK_CONFIG', value: '/home/jovyan/.config/other' }]), gcloud(), adc)).toEqual([]);
  });

  test('HOME: Google\'s auth libraries read ~/.config/gcloud of the HOME a PodDefault of the pod sets, whichever sets it', () => {
    // GIVEN gcloud's file mounted in /home/jovyan/.config/gcloud/, and GOOGLE_APPLICATION_CREDENTIALS
    const gcloud = (env: any[] = []) => pd('gcloud', { env, volumes: [{ name: 'adc', secret: { secretName: 'adc' } }], volumeMounts: [{ name: 'adc', mountPath: '/home/jovyan/.config/gcloud/' }] });
    const wif = (env: any[] = []) => pd('wif', { env: [{ name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/etc/wif/c.json' }, ...env] });
    const adc = secret('adc', ['application_default_credentials.json']);
    const home = (value: string) => [{ name: 'HOME', value }];
    // WHEN a PodDefault of the pair sets HOME elsewhere, either one
    // THEN no pair: google-auth-library reads $HOME/.config/gcloud (test/identity/sdk-reference.test.ts), google-auth
    // (Python) expands ~ with HOME
    expect(cloudProblems(wif(home('/home/other')), gcloud(), adc)).toEqual([]);
    expect(cloudProblems(wif(), gcloud(home('/home/other')), adc)).toEqual([]);
    // AND with HOME=/home/jovyan, or none, the pair
    expect(cloudProblems(wif(home('/home/jovyan')), gcloud(), adc).map(p => p.sources)).toEqual([['s0', 's1']]);
    expect(cloudProblems(wif(), gcloud(), adc).map(p => p.sources)).toEqual([['s0', 's1']]);
  });
});

describe('cloud-identity: a third PodDefault the notebook of a pair selects, and its variables', () => {
  const cloudProblems = (...manifests: any[]) => problemsOf(...manifests).filter(p => p.rule === 'cloud-identity');
  const awsFile = (text: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'aws', namespace: 'team-a' }, data: { credentials: Buffer.from(text).toString('base64') } });
  const withDefault = awsFile(`[default]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = ${FAKE_SECRET}\n`);
  const prodOnly = awsFile(`[prod]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = ${FAKE_SECRET}\n`);
  const mounted = (mountPath = '/home/jovyan/.aws') => pd('file', { volumes: [{ name: 'aws', secret: { secretName: 'aws' } }], volumeMounts: [{ name: 'aws', mountPath }] });
  const awsKeys = pd('keys', { env: [{ name: 'AWS_ACCESS_KEY_ID', value: 'AKIAFAKEFAKEFAKE0000' }] });
  /** A PodDefault that sets only `env`, selected by its own label, or by `selector`. */
  const setting = (name: string, env: Record<string, string>, selector?: any) => pd(name, { env: Object.entries(env).map(([n, value]) => ({ name: n, value })), ...(selector ? { selector } : {}) });
  /** Selects every notebook that selects the role (its label), and those `more` labels say. */
  const withRole = (more: Record<string, string> = {}) => ({ matchLabels: { role: 'true', ...more } });
  const KEEP_ONE = '; keep one of the two, or offer them as alternatives by giving both an env var of one name whose value is their own name (the webhook then refuses a notebook that selects both)';

  test('a third that sets AWS_PROFILE to a profile only the credentials file holds: the pair is reported for a notebook that selects all three', () => {
    // GIVEN a web identity, a credentials file of the profile prod only in ~/.aws/, and a third PodDefault (its own label) that sets AWS_PROFILE=prod
    // WHEN checked
    const problems = cloudProblems(webIdentity('role'), mounted(), prodOnly, setting('profile', { AWS_PROFILE: 'prod' }));
    // THEN the pair is reported, for a notebook that selects the third too, the profile named by the third's variable
    // (botocore 1.43 reads the file's prod then, after the web identity: test/identity/sdk-reference.test.ts)
    expect(problems.map(p => p.message)).toEqual([
      'poddefault role (s0) gives an AWS web identity (env AWS_WEB_IDENTITY_TOKEN_FILE) and poddefault file (s1) gives an AWS credentials file with keys for the profile botocore reads '
      + '(the file /home/jovyan/.aws/credentials from Secret aws, the profile AWS_PROFILE of poddefault profile names) in namespace team-a: a notebook that selects both '
      + '(labelled file=true,profile=true,role=true) silently uses an AWS web identity of role, since botocore\'s credential chain tries a web identity before the shared credentials file' + KEEP_ONE,
    ]);
    // AND without the third, the file has no profile botocore reads: no pair
    expect(cloudProblems(webIdentity('role'), mounted(), prodOnly)).toEqual([]);
    // AND so does a third's AWS_SHARED_CREDENTIALS_FILE that names a file mounted off ~/.aws/
    expect(cloudProblems(webIdentity('role'), mounted('/secrets/aws'), withDefault, setting('where', { AWS_SHARED_CREDENTIALS_FILE: '/secrets/aws/credentials' })).map(p => p.sources)).toEqual([['s0', 's1']]);
  });

  test('a third every notebook of the pair selects that sets AWS_PROFILE to "" or to a profile no file holds: botocore raises or reads nothing, so no pair', () => {
    // GIVEN a web identity and a credentials file with [default] in ~/.aws/, reported alone
    expect(cloudProblems(webIdentity('role'), mounted(), withDefault)).toHaveLength(1);
    // WHEN a third that every notebook of the role selects sets AWS_PROFILE to ""
    // THEN no pair: botocore 1.43.11 raises ProfileNotFound before it tries any credential (test/identity/sdk-reference.test.ts)
    expect(cloudProblems(webIdentity('role'), mounted(), withDefault, setting('profile', { AWS_PROFILE: '' }, withRole()))).toEqual([]);
    // AND beside AWS keys in the env too
    expect(cloudProblems(webIdentity('role'), awsKeys, setting('profile', { AWS_PROFILE: '' }, withRole()))).toEqual([]);
    expect(cloudProblems(webIdentity('role'), awsKeys)).toHaveLength(1);
    // WHEN it names a profile the file lacks
    // THEN the file is none (botocore reads that profile, and raises ProfileNotFound for it)
    expect(cloudProblems(webIdentity('role'), mounted(), withDefault, setting('profile', { AWS_PROFILE: 'other' }, withRole()))).toEqual([]);
  });

  test('a third that selects only some notebooks of the pair changes the verdict for those only', () => {
    // GIVEN a web identity and a credentials file with [default], and a third of AWS_PROFILE="" that selects the role's notebooks labelled gpu=true
    const problems = cloudProblems(webIdentity('role'), mounted(), withDefault, setting('profile', { AWS_PROFILE: '' }, withRole({ gpu: 'true' })));
    // THEN the pair is reported, for a notebook without gpu=true, which botocore reads the file's [default] in
    expect(problems.map(p => p.message.match(/a notebook that selects both \(([^)]*)\)/)?.[1])).toEqual(['labelled file=true,role=true']);
    // AND a third of AWS_PROFILE=prod that selects those notebooks only makes the pair of a file of prod, for them
    const some = cloudProblems(webIdentity('role'), mounted(), prodOnly, setting('profile', { AWS_PROFILE: 'prod' }, withRole({ gpu: 'true' })));
    expect(some.map(p => p.message.match(/a notebook that selects both \(([^)]*)\)/)?.[1])).toEqual(['labelled file=true,gpu=true,role=true']);
  });

  test('a third the webhook refuses beside the pair: a notebook that selects it is refused, and the others are judged', () => {
    // GIVEN a web identity and AWS keys, and a third of AWS_PROFILE="" that sets AWS_ROLE_ARN otherwise (the webhook refuses a pod of the role and it)
    const third = (selector?: any) => setting('profile', { AWS_PROFILE: '', AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/other' }, selector);
    // WHEN every notebook of the role selects it
    // THEN every notebook of the pair is refused: no cloud-identity pair, the env rule reports the refusal
    const refused = problemsOf(webIdentity('role'), awsKeys, third(withRole()));
    expect(refused.filter(p => p.rule === 'cloud-identity')).toEqual([]);
    expect(refused.map(p => p.rule)).toContain('env');
    // WHEN it has a label of its own
    // THEN a notebook without it gets both credentials: reported as before
    expect(cloudProblems(webIdentity('role'), awsKeys, third()).map(p => p.message.match(/a notebook that selects both \(([^)]*)\)/)?.[1])).toEqual(['labelled keys=true,role=true']);
  });

  test('a third that sets CLOUDSDK_CONFIG to the directory of a mounted gcloud file: the pair is reported', () => {
    // GIVEN GOOGLE_APPLICATION_CREDENTIALS, gcloud's file mounted off ~/.config/gcloud, and a third that names its directory
    const gcloud = pd('gcloud', { volumes: [{ name: 'adc', secret: { secretName: 'adc' } }], volumeMounts: [{ name: 'adc', mountPath: '/secrets/gcloud/' }] });
    const wif = pd('wif', { env: [{ name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/etc/wif/c.json' }] });
    const adc = secret('adc', ['application_default_credentials.json']);
    // WHEN checked
    // THEN reported for a notebook that selects the three, the directory named by the third's variable
    expect(cloudProblems(wif, gcloud, adc, setting('config', { CLOUDSDK_CONFIG: '/secrets/gcloud' })).map(p => p.message.match(/application_default_credentials\.json \(([^)]*)\)/)?.[1])).toEqual([
      'the file /secrets/gcloud/application_default_credentials.json from Secret adc, in the directory CLOUDSDK_CONFIG of poddefault config names',
    ]);
    expect(cloudProblems(wif, gcloud, adc)).toEqual([]);
  });
});

describe('cloud-identity: credentials files as botocore reads them', () => {
  const cloudProblems = (...manifests: any[]) => problemsOf(...manifests).filter(p => p.rule === 'cloud-identity');
  const awsFile = (data: Buffer | string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'aws', namespace: 'team-a' },
    data: { credentials: Buffer.from(data).toString('base64') } });
  const mounted = (mountPath: string, env: any[] = []) => pd('file', { env, volumes: [{ name: 'aws', secret: { secretName: 'aws' } }], volumeMounts: [{ name: 'aws', mountPath }] });
  const role = (env: any[] = []) => pd('role', { env: [...webIdentity('role').spec.env, ...env] });
  const keysPd = (env: any[] = []) => pd('keys', { env: [{ name: 'AWS_ACCESS_KEY_ID', value: 'AKIAFAKEFAKEFAKE0000' }, ...env] });
  const withDefault = awsFile(`[default]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = ${FAKE_SECRET}\n`);
  const KEEP_ONE = '; keep one of the two, or offer them as alternatives by giving both an env var of one name whose value is their own name (the webhook then refuses a notebook that selects both)';
  const roleBeside = (file: string) => 'poddefault role (s0) gives an AWS web identity (env AWS_WEB_IDENTITY_TOKEN_FILE) and poddefault file (s1) gives an AWS credentials file '
    + `with keys for the profile botocore reads (${file}) in namespace team-a: a notebook that selects both (labelled file=true,role=true) silently uses `
    + 'an AWS web identity of role, since botocore\'s credential chain tries a web identity before the shared credentials file' + KEEP_ONE;

  test('a file the library\'s own parser refuses but botocore reads: its [default] counts', () => {
    // GIVEN a credentials file in ~/.aws/ with a "[profile x]" header, a profile without keys, comments, ":" and
    // odd spacing, all of which botocore 1.43.11 reads (test/sources/botocore-credentials-file.test.ts), beside the role
    const odd = awsFile(`# team keys\n[profile x]\nregion = eu-west-1\n\n[empty]\n\n[default]\n; the keys\nAWS_ACCESS_KEY_ID:AKIAFAKEFAKEFAKE0000\naws_secret_access_key   =\t${FAKE_SECRET}\n`);
    // WHEN checked
    const problems = cloudProblems(role(), mounted('/home/jovyan/.aws/'), odd);
    // THEN the pair is reported, as for a plain file
    expect(problems.map(p => p.message)).toEqual([roleBeside('the file /home/jovyan/.aws/credentials from Secret aws, its [default] profile')]);
    // AND the secret in it never shows
    expect(JSON.stringify(problems)).not.toContain(FAKE_SECRET);
    // AND what botocore reads as no [default] with keys stays none: "[ default ]", "[profile default]", a secret key indented
    // (the access key's value then), or what it refuses: [default] twice
    const keyLines = `aws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = ${FAKE_SECRET}\n`;
    for (const text of [`[ default ]\n${keyLines}`, `[profile default]\n${keyLines}`, `[default]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\n  aws_secret_access_key = ${FAKE_SECRET}\n`,
      `[default]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\n[default]\naws_secret_access_key = ${FAKE_SECRET}\n`]) {
      expect(cloudProblems(role(), mounted('/home/jovyan/.aws/'), awsFile(text))).toEqual([]);
    }
  });

  test.each<[string, Buffer | string]>([
    ['a byte-order mark, which the library\'s parser skips and Python reads as no whitespace', `\ufeff[default]\naws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = ${FAKE_SECRET}\n`],
    ['a byte that is no UTF-8, which Python does not decode', Buffer.concat([Buffer.from('[default]\naws_access_key_id = AKIAFAKE'), Buffer.from([0xff]),
      Buffer.from(`\naws_secret_access_key = ${FAKE_SECRET}\n`)])],
  ])('a file botocore refuses (ConfigParseError, loud): %s: no pair', (_what, data) => {
    // GIVEN such a file in ~/.aws/ beside the role (recorded with botocore 1.43.11 in test/sources/botocore-credentials-file.test.ts)
    // WHEN checked
    // THEN no pair: botocore raises for the file whenever it loads it
    expect(cloudProblems(role(), mounted('/home/jovyan/.aws/'), awsFile(data))).toEqual([]);
  });

  test('AWS_SHARED_CREDENTIALS_FILE with "~" or "$HOME": the file in the home botocore expands them to counts', () => {
    // GIVEN the file mounted at /home/jovyan/secrets/aws/, named from the home
    const named = (value: string, env: any[] = []) => cloudProblems(role(env), mounted('/home/jovyan/secrets/aws', [{ name: 'AWS_SHARED_CREDENTIALS_FILE', value }]), withDefault)
      .map(p => p.message);
    // WHEN the home is the Kubeflow images' (/home/jovyan)
    // THEN botocore reads the file (raw_config_parse: os.path.expandvars, then os.path.expanduser; recorded in test/identity/sdk-reference.test.ts)
    const reported = [roleBeside('the file /home/jovyan/secrets/aws/credentials from Secret aws, its [default] profile')];
    expect(named('~/secrets/aws/credentials')).toEqual(reported);
    expect(named('$HOME/secrets/aws/credentials')).toEqual(reported);
    expect(named('${HOME}/secrets/aws/credentials')).toEqual(reported);
    // AND a HOME the other PodDefault sets is the one expanded
    expect(named('~/secrets/aws/credentials', [{ name: 'HOME', value: '/home/jovyan/' }])).toEqual(reported);
    expect(named('~/secrets/aws/credentials', [{ name: 'HOME', value: '/srv' }])).toEqual([]);
    expect(cloudProblems(role([{ name: 'HOME', value: '/srv' }]), mounted('/srv/aws', [{ name: 'AWS_SHARED_CREDENTIALS_FILE', value: '~/aws/credentials' }]), withDefault)
      .map(p => p.message)).toEqual([roleBeside('the file /srv/aws/credentials from Secret aws, its [default] profile')]);
    // AND what the check cannot know is not judged: another variable, another user's home, a HOME from a reference
    expect(named('$SECRETS/aws/credentials')).toEqual([]);
    expect(named('~jovyan/secrets/aws/credentials')).toEqual([]);
    expect(named('~/secrets/aws/credentials', [{ name: 'HOME', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } }])).toEqual([]);
  });

  test('$(VAR) in AWS_SHARED_CREDENTIALS_FILE: the kubelet expands it with the variables before it in the pod\'s merged env, and leaves an undefined one as written', () => {
    // GIVEN the file mounted in a Kaptain-style home, named from a HOME its PodDefault sets before it
    const kaptain = [{ name: 'HOME', value: '/home/kubeflow' }, { name: 'AWS_SHARED_CREDENTIALS_FILE', value: '$(HOME)/.aws/credentials' }];
    // WHEN checked beside the role
    // THEN the kubelet's /home/kubeflow/.aws/credentials is the file botocore reads (kubernetes expand.go Expand,
    // kubelet_pods.go makeEnvironmentVariables): the pair is reported
    expect(cloudProblems(role(), mounted('/home/kubeflow/.aws/', kaptain), withDefault).map(p => p.message))
      .toEqual([roleBeside('the file /home/kubeflow/.aws/credentials from Secret aws, its [default] profile')]);
    // AND HOME after it, or only in the image, is not expanded: botocore reads the relative path "$(HOME)/.aws/credentials"
    expect(cloudProblems(role(), mounted('/home/kubeflow/.aws/', [kaptain[1], kaptain[0]]), withDefault)).toEqual([]);
    expect(cloudProblems(role(), mounted('/home/jovyan/.aws/', [kaptain[1]]), withDefault)).toEqual([]);
    // AND $$HOME is the text $HOME, which botocore expands with the image's HOME
    expect(cloudProblems(role(), mounted('/home/jovyan/secrets/aws', [{ name: 'AWS_SHARED_CREDENTIALS_FILE', value: '$$HOME/secrets/aws/credentials' }]), withDefault)
      .map(p => p.message)).toEqual([roleBeside('the file /home/jovyan/secrets/aws/credentials from Secret aws, its [default] profile')]);
    // AND a variable from a valueFrom has a value the check does not know: not judged
    expect(cloudProblems(role(), mounted('/secrets/aws', [{ name: 'DIR', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
      { name: 'AWS_SHARED_CREDENTIALS_FILE', value: '/secrets/$(DIR)/credentials' }]), withDefault)).toEqual([]);
  });

  test('$(VAR) set by the other PodDefault: expanded when the webhook puts its env first, by name', () => {
    // GIVEN the role setting CREDS_DIR, and the file's PodDefault naming the file from it
    const roleNamed = (name: string) => pd(name, { env: [...webIdentity(name).spec.env, { name: 'CREDS_DIR', value: '/secrets/aws' }] });
    const file = mounted('/secrets/aws', [{ name: 'AWS_SHARED_CREDENTIALS_FILE', value: '$(CREDS_DIR)/credentials' }]);
    // WHEN the role's name comes before "file": the webhook merges its env first, and the kubelet expands the reference
    // THEN the pair is reported
    expect(cloudProblems(roleNamed('a-role'), file, withDefault).map(p => p.message)).toEqual([
      'poddefault a-role (s0) gives an AWS web identity (env AWS_WEB_IDENTITY_TOKEN_FILE) and poddefault file (s1) gives an AWS credentials file '
      + 'with keys for the profile botocore reads (the file /secrets/aws/credentials from Secret aws, its [default] profile) in namespace team-a: a notebook that selects both '
      + '(labelled a-role=true,file=true) silently uses an AWS web identity of a-role, since botocore\'s credential chain tries a web identity before the shared credentials file' + KEEP_ONE,
    ]);
    // AND when it comes after, CREDS_DIR is not set yet: the path stays "$(CREDS_DIR)/credentials", no file is read
    expect(cloudProblems(roleNamed('z-role'), file, withDefault)).toEqual([]);
    // AND the other way round: the role names the file from the CREDS_DIR of the file's PodDefault, merged before it
    const namesIt = pd('z-role', { env: [...webIdentity('z-role').spec.env, { name: 'AWS_SHARED_CREDENTIALS_FILE', value: '$(CREDS_DIR)/credentials' }] });
    const setsIt = (name: string) => pd(name, { env: [{ name: 'CREDS_DIR', value: '/secrets/aws' }], volumes: [{ name: 'aws', secret: { secretName: 'aws' } }],
      volumeMounts: [{ name: 'aws', mountPath: '/secrets/aws' }] });
    expect(cloudProblems(namesIt, setsIt('file'), withDefault).map(p => p.message.match(/botocore reads \(([^)]*)\)/)?.[1])).toEqual([
      'the file /secrets/aws/credentials from Secret aws, which AWS_SHARED_CREDENTIALS_FILE of poddefault z-role names, its [default] profile',
    ]);
    expect(cloudProblems(namesIt, setsIt('zz-file'), withDefault)).toEqual([]);
  });

  test('$(VAR) set before it in its own env: expanded alike beside any PodDefault, but one that repeats a referring entry first', () => {
    // GIVEN a file named through AWS_DIR, both set before the reference in its own env, beside a role that sets none of
    // them, and a role that repeats the file's AWS_DIR entry without HOME (the webhook keeps the first of equal entries)
    const kaptain = [{ name: 'HOME', value: '/home/kubeflow' }, { name: 'AWS_DIR', value: '$(HOME)/.aws' },
      { name: 'AWS_SHARED_CREDENTIALS_FILE', value: '$(AWS_DIR)/credentials' }];
    const file = mounted('/home/kubeflow/.aws/', kaptain);
    const repeating = (name: string) => pd(name, { env: [...webIdentity(name).spec.env, kaptain[1]] });
    const read = (problems: { message: string }[]) => problems.map(p => p.message.match(/botocore reads \(([^)]*)\)/)?.[1]);
    const readFile = 'the file /home/kubeflow/.aws/credentials from Secret aws, its [default] profile';
    // WHEN checked
    // THEN beside the plain role, the file botocore reads is /home/kubeflow/.aws/credentials, from the file's own env
    // (another HOME or AWS_DIR the webhook refuses)
    expect(read(cloudProblems(role(), file, withDefault))).toEqual([readFile]);
    // AND a role named before "file" that repeats AWS_DIR puts it before HOME: the kubelet leaves AWS_DIR "$(HOME)/.aws",
    // and botocore reads no file; named after it, the file's own order holds
    expect(cloudProblems(repeating('a-role'), file, withDefault)).toEqual([]);
    expect(read(cloudProblems(repeating('z-role'), file, withDefault))).toEqual([readFile]);
  });

  test('an AWS_PROFILE that refers to an empty variable is empty: botocore raises ProfileNotFound, so no pair', () => {
    // GIVEN keys beside a role, the keys' PodDefault setting AWS_PROFILE from an empty PROFILE_NAME
    const fromEmpty = [{ name: 'PROFILE_NAME', value: '' }, { name: 'AWS_PROFILE', value: '$(PROFILE_NAME)' }];
    // WHEN checked
    // THEN no pair: the kubelet sets AWS_PROFILE to "" (taken as "$(PROFILE_NAME)", a profile name, it was reported)
    expect(cloudProblems(keysPd(fromEmpty), role())).toEqual([]);
    // AND with the variable set after it, AWS_PROFILE is the text "$(PROFILE_NAME)": a profile botocore does not find in
    // any file the check sees, the pair reported as for any other name
    expect(cloudProblems(keysPd([fromEmpty[1], fromEmpty[0]]), role())).toHaveLength(1);
  });

  const awsSecret = (files: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'aws', namespace: 'team-a' },
    data: Object.fromEntries(Object.entries(files).map(([k, v]) => [k, Buffer.from(v).toString('base64')])) });
  const KEY_LINES = `aws_access_key_id = AKIAFAKEFAKEFAKE0000\naws_secret_access_key = ${FAKE_SECRET}\n`;
  const ROLE_LINES = 'role_arn = arn:aws:iam::123456789012:role/other\n';

  test('the config file: keys or a credential_process for the profile botocore reads are silently unused beside a web identity; a region alone is none', () => {
    // GIVEN ~/.aws/config with keys in [profile prod], which AWS_PROFILE names (botocore 1.43.11's config-file provider,
    // after the web identity; recorded in test/identity/sdk-reference.test.ts)
    const configBeside = (how: string) => `poddefault role (s0) gives an AWS web identity (env AWS_WEB_IDENTITY_TOKEN_FILE) and poddefault file (s1) gives an AWS config file with keys, `
      + `or a credential_process, for the profile botocore reads (${how}) in namespace team-a: a notebook that selects both (labelled file=true,role=true) silently uses `
      + 'an AWS web identity of role, since botocore\'s credential chain tries a web identity before a credential_process or keys of the config file' + KEEP_ONE;
    const prod = [{ name: 'AWS_PROFILE', value: 'prod' }];
    // WHEN checked beside the role
    const problems = cloudProblems(role(), mounted('/home/jovyan/.aws/', prod), awsSecret({ config: `[profile prod]\n${KEY_LINES}` }));
    // THEN the pair is reported, naming the variable, never its value or the keys
    expect(problems.map(p => p.message)).toEqual([configBeside('the file /home/jovyan/.aws/config from Secret aws, the profile AWS_PROFILE names')]);
    expect(JSON.stringify(problems)).not.toContain(FAKE_SECRET);
    // AND so is a credential_process of [default], in the file AWS_CONFIG_FILE names
    expect(cloudProblems(role(), mounted('/home/jovyan/secrets/', [{ name: 'AWS_CONFIG_FILE', value: '~/secrets/aws.ini' }]),
      { ...awsSecret({ 'aws.ini': '[default]\ncredential_process = /usr/local/bin/fake-credentials\n' }) }).map(p => p.message))
      .toEqual([configBeside('the file /home/jovyan/secrets/aws.ini from Secret aws, its [default] profile')]);
    // AND what is no profile of the config file, or gives no credential, is none: [prod] without "profile ", a region alone
    expect(cloudProblems(role(), mounted('/home/jovyan/.aws/', prod), awsSecret({ config: `[prod]\n${KEY_LINES}` }))).toEqual([]);
    expect(cloudProblems(role(), mounted('/home/jovyan/.aws/'), awsSecret({ config: '[default]\nregion = eu-west-1\n' }))).toEqual([]);
    // AND keys in a file named config where botocore reads no config file are none
    expect(cloudProblems(role(), mounted('/home/jovyan/secrets/'), awsSecret({ config: `[default]\n${KEY_LINES}` }))).toEqual([]);
  });

  test('a profile that assumes a role (role_arn with source_profile or credential_source) silently wins over a web identity', () => {
    // GIVEN a role profile in ~/.aws/config, sourced from a profile with keys (botocore 1.43.11's assume-role provider,
    // before the web identity; recorded in test/identity/sdk-reference.test.ts)
    const roleProfileBeside = (how: string) => `poddefault file (s1) gives an AWS profile that assumes a role (role_arn with source_profile or credential_source) for the profile `
      + `botocore reads (${how}) and poddefault role (s0) gives an AWS web identity (env AWS_WEB_IDENTITY_TOKEN_FILE) in namespace team-a: a notebook that selects both `
      + '(labelled file=true,role=true) silently uses an AWS profile that assumes a role (role_arn with source_profile or credential_source) for the profile botocore reads of file, '
      + 'since botocore\'s credential chain assumes a profile\'s role before it tries a web identity' + KEEP_ONE;
    const sourced = `[default]\n${ROLE_LINES}source_profile = src\n[profile src]\n${KEY_LINES}`;
    // WHEN checked beside the role
    // THEN the pair is reported, the role profile the one used
    expect(cloudProblems(role(), mounted('/home/jovyan/.aws/'), awsSecret({ config: sourced })).map(p => p.message))
      .toEqual([roleProfileBeside('the file /home/jovyan/.aws/config from Secret aws, its [default] profile')]);
    // AND so in the credentials file, and for the profile the web identity's AWS_DEFAULT_PROFILE names, sourced from the container endpoint
    expect(cloudProblems(role(), mounted('/home/jovyan/.aws/'), awsSecret({ credentials: `[default]\n${ROLE_LINES}source_profile = src\n[src]\n${KEY_LINES}` })).map(p => p.message))
      .toEqual([roleProfileBeside('the file /home/jovyan/.aws/credentials from Secret aws, its [default] profile')]);
    expect(cloudProblems(role([{ name: 'AWS_DEFAULT_PROFILE', value: 'team' }]), mounted('/home/jovyan/.aws/'),
      awsSecret({ config: `[profile team]\n${ROLE_LINES}credential_source = EcsContainer\n` })).map(p => p.message))
      .toEqual([roleProfileBeside('the file /home/jovyan/.aws/config from Secret aws, the profile AWS_DEFAULT_PROFILE of poddefault role names')]);
    // AND a role botocore raises for (no source, a missing one, both, the environment's keys) or one of another profile is none
    for (const config of [`[default]\n${ROLE_LINES}`, `[default]\n${ROLE_LINES}source_profile = src\n`,
      `[default]\n${ROLE_LINES}source_profile = src\ncredential_source = EcsContainer\n[profile src]\n${KEY_LINES}`,
      `[default]\n${ROLE_LINES}credential_source = Environment\n`, `[profile other]\n${ROLE_LINES}source_profile = src\n[profile src]\n${KEY_LINES}`]) {
      expect(cloudProblems(role(), mounted('/home/jovyan/.aws/'), awsSecret({ config }))).toEqual([]);
    }
  });

  // The cases below are vectors of test/identity/sdk-reference.test.ts, recorded with botocore 1.43.11 and compared with it live.
  const roleUsed = (how: string, roleName = 'file', otherName = 'role', labels = 'file=true,role=true', other = 'env AWS_WEB_IDENTITY_TOKEN_FILE') => `poddefault ${roleName} `
    + `(${roleName === 'file' ? 's1' : 's0'}) gives an AWS profile that assumes a role (role_arn with source_profile or credential_source) for the profile botocore reads (${how}) `
    + `and poddefault ${otherName} (${otherName === 'role' ? 's0' : 's1'}) gives an AWS web identity (${other}) in namespace team-a: a notebook that selects both `
    + `(labelled ${labels}) silently uses an AWS profile that assumes a role (role_arn with source_profile or credential_source) for the profile botocore reads of ${roleName}, `
    + 'since botocore\'s credential chain assumes a profile\'s role before it tries a web identity' + KEEP_ONE;
  /** A PodDefault that mounts the key of the Secret `secretName` named as the file `mountPath` (a subPath mount), with `env`. */
  const mounting = (name: string, secretName: string, mountPath: string, env: any[] = []) => pd(name, { env,
    volumes: [{ name: secretName, secret: { secretName } }], volumeMounts: [{ name: secretName, mountPath, subPath: path.basename(mountPath) }] });
  const secretOf = (name: string, files: Record<string, string>) => ({ ...awsSecret(files), metadata: { name, namespace: 'team-a' } });

  test('a web identity beside container credentials where a mounted role profile wins: the pair names botocore\'s credential, or is left to the role\'s', () => {
    // GIVEN a web identity, and container credentials whose PodDefault mounts ~/.aws/config with a role sourced from keys
    // (botocore 1.43.11 answers assume-role for the pod that selects both: "web container role" of TRIPLE_VECTORS in
    // test/identity/sdk-reference.test.ts, compared with it live)
    const podIdentityWithRole = pd('pod-identity', { env: [{ name: 'AWS_CONTAINER_CREDENTIALS_FULL_URI', value: 'http://169.254.170.23/v1/credentials' }],
      volumes: [{ name: 'aws', secret: { secretName: 'aws' } }], volumeMounts: [{ name: 'aws', mountPath: '/home/jovyan/.aws' }] });
    const sourced = awsSecret({ config: `[default]\n${ROLE_LINES}source_profile = src\n[profile src]\n${KEY_LINES}` });
    // WHEN checked
    const used = cloudProblems(role(), podIdentityWithRole, sourced).map(p => [p.sources, /silently uses (.+?), since/.exec(p.message)![1]]);
    // THEN every pair reported names the role profile as used; the web identity beside the container credentials, both
    // unused, is no pair of its own
    const ROLE_PROFILE = 'an AWS profile that assumes a role (role_arn with source_profile or credential_source) for the profile botocore reads';
    expect(used).toEqual([[['s1', 's0'], `${ROLE_PROFILE} of pod-identity`], [['s1'], ROLE_PROFILE]]);
    // AND among many web identities and container credentials a notebook can select together, counted, the pairs of
    // the web identity whose PodDefault mounts the role are left out of the count (4 x 4 = 16, not 5 x 4)
    const all = { selector: { matchLabels: { all: 'true' } } };
    const many = [0, 1, 2, 3].flatMap(i => [pd(`w${i}`, { ...webIdentity(`w${i}`).spec, ...all }),
      pd(`c${i}`, { env: [{ name: 'AWS_CONTAINER_CREDENTIALS_FULL_URI', value: 'http://169.254.170.23/v1/credentials' }], ...all })]);
    const webWithRole = pd('r', { env: webIdentity('r').spec.env, volumes: [{ name: 'aws', secret: { secretName: 'aws' } }],
      volumeMounts: [{ name: 'aws', mountPath: '/home/jovyan/.aws' }] });
    const counts = cloudProblems(...many, webWithRole, sourced).map(p => /^(\d+) pairs of poddefaults .* give (.+?) beside (.+?) in namespace/.exec(p.message)?.slice(1, 4));
    expect(counts.filter(c => c?.[1] === 'an AWS web identity')).toEqual([['16', 'an AWS web identity', 'AWS container credentials (EKS Pod Identity)']]);
  });

  test('a role whose source profile is in the other file: both files read together, as botocore merges them', () => {
    // GIVEN one Secret in ~/.aws/ with a role in the config file sourced from keys in the credentials file
    const split = awsSecret({ config: `[default]\n${ROLE_LINES}source_profile = src\n`, credentials: `[src]\n${KEY_LINES}` });
    // WHEN checked beside the web identity
    const problems = cloudProblems(role(), mounted('/home/jovyan/.aws/'), split);
    // THEN the role is the credential used, naming both files, never a value
    expect(problems.map(p => p.message)).toEqual([roleUsed('the file /home/jovyan/.aws/config from Secret aws, read with the profiles of the file /home/jovyan/.aws/credentials '
      + 'from Secret aws, its [default] profile')]);
    expect(JSON.stringify(problems)).not.toContain(FAKE_SECRET);
    // AND so the other way round: the role in the credentials file, its source in the config file
    expect(cloudProblems(role(), mounted('/home/jovyan/.aws/'), awsSecret({ credentials: `[default]\n${ROLE_LINES}source_profile = src\n`, config: `[profile src]\n${KEY_LINES}` }))
      .map(p => p.message)).toEqual([roleUsed('the file /home/jovyan/.aws/credentials from Secret aws, read with the profiles of the file /home/jovyan/.aws/config from Secret aws, its [default] profile')]);
    // AND the files of two PodDefaults of the pair: the config file of one, the credentials file of the web identity's
    const keysOfRole = secretOf('role-keys', { credentials: `[src]\n${KEY_LINES}` });
    const roleConfig = secretOf('role-config', { config: `[default]\n${ROLE_LINES}source_profile = src\n` });
    expect(cloudProblems(mounting('role', 'role-keys', '/home/jovyan/.aws/credentials', webIdentity('role').spec.env), mounting('file', 'role-config', '/home/jovyan/.aws/config'),
      keysOfRole, roleConfig).map(p => p.message)).toEqual([roleUsed('the file /home/jovyan/.aws/config from Secret role-config, read with the profiles of the file '
      + '/home/jovyan/.aws/credentials from Secret role-keys that poddefault role mounts, its [default] profile')]);
    // AND keys in the credentials file beside a config file botocore cannot read are none: it raises ConfigParseError, beside the web identity too
    expect(cloudProblems(role(), mounted('/home/jovyan/.aws/'), awsSecret({ credentials: `[default]\n${KEY_LINES}`, config: 'a line before any header\n[default]\n' }))).toEqual([]);
    // AND each alone beside the web identity is none: the role raises without its source (InvalidConfigError), the keys are of no profile botocore reads
    expect(cloudProblems(role(), mounting('file', 'role-config', '/home/jovyan/.aws/config'), roleConfig)).toEqual([]);
    expect(cloudProblems(mounting('role', 'role-keys', '/home/jovyan/.aws/credentials', webIdentity('role').spec.env), keysOfRole)).toEqual([]);
    // AND the credentials file's [default] keys, with the other PodDefault's config file making [default] a role sourced from them (role_arn and
    // source_profile = default): the role is used, not the web identity, and the keys are no longer reported as unused beside it
    const defaultKeys = secretOf('keys', { credentials: `[default]\n${KEY_LINES}` });
    const defaultRole = secretOf('role-config', { config: `[default]\n${ROLE_LINES}source_profile = default\n` });
    expect(cloudProblems(mounting('role', 'role-config', '/home/jovyan/.aws/config', webIdentity('role').spec.env), mounting('file', 'keys', '/home/jovyan/.aws/credentials'),
      defaultKeys, defaultRole).map(p => p.message)).toEqual([roleUsed('the file /home/jovyan/.aws/config from Secret role-config that poddefault role mounts'
      + ', read with the profiles of the file /home/jovyan/.aws/credentials from Secret keys, its [default] profile')]);
  });
  test('chains of roles, a profile\'s own web identity and SSO profiles beside a web identity: only a role botocore assumes is reported', () => {
    const MIDDLE = 'role_arn = arn:aws:iam::123456789012:role/middle\n';
    const SSO = 'sso_session = team\nsso_account_id = 123456789012\nsso_role_name = reader\n[sso-session team]\nsso_start_url = https://fake.awsapps.com/start\nsso_region = eu-west-1\n';
    const reported = (config: string, credentials?: string) => cloudProblems(role(), mounted('/home/jovyan/.aws/'),
      awsSecret(credentials === undefined ? { config } : { config, credentials })).map(p => p.message);
    const inConfig = roleUsed('the file /home/jovyan/.aws/config from Secret aws, its [default] profile');
    // GIVEN a chain of two roles to keys, in the config file or with the keys in the credentials file
    // WHEN checked beside the web identity
    // THEN the role is used (botocore 1.43.11 assumes both, before the web identity)
    expect(reported(`[default]\n${ROLE_LINES}source_profile = middle\n[profile middle]\n${MIDDLE}source_profile = src\n[profile src]\n${KEY_LINES}`)).toEqual([inConfig]);
    expect(reported(`[default]\n${ROLE_LINES}source_profile = middle\n[profile middle]\n${MIDDLE}source_profile = src\n`, `[src]\n${KEY_LINES}`))
      .toEqual([roleUsed('the file /home/jovyan/.aws/config from Secret aws, read with the profiles of the file /home/jovyan/.aws/credentials from Secret aws, its [default] profile')]);
    // AND a role sourced from a credential_process, a profile's own web identity or an SSO profile is used too
    expect(reported(`[default]\n${ROLE_LINES}source_profile = src\n[profile src]\ncredential_process = /usr/local/bin/fake-credentials\n`)).toEqual([inConfig]);
    expect(reported(`[default]\n${ROLE_LINES}source_profile = src\n[profile src]\n${MIDDLE}web_identity_token_file = /var/run/fake/token\n`)).toEqual([inConfig]);
    expect(reported(`[default]\n${ROLE_LINES}source_profile = src\n[profile src]\n${SSO}`)).toEqual([inConfig]);
    // AND a chain botocore raises for is none (loud): a loop of two, a loop back to the first role (which has keys), a middle role
    // sourced from itself without keys, a chain to a source that gives nothing, an SSO source of a missing sso-session
    for (const config of [`[default]\n${ROLE_LINES}source_profile = middle\n[profile middle]\n${MIDDLE}source_profile = default\n`,
      `[default]\n${ROLE_LINES}source_profile = middle\n${KEY_LINES}[profile middle]\n${MIDDLE}source_profile = default\n`,
      `[default]\n${ROLE_LINES}source_profile = middle\n[profile middle]\n${MIDDLE}source_profile = middle\n`,
      `[default]\n${ROLE_LINES}source_profile = middle\n[profile middle]\n${MIDDLE}source_profile = src\n[profile src]\nregion = eu-west-1\n`,
      `[default]\n${ROLE_LINES}source_profile = src\n[profile src]\nsso_session = team\nsso_account_id = 123456789012\nsso_role_name = reader\n`]) {
      expect(reported(config)).toEqual([]);
    }
    // AND a middle role sourced from its own keys is read as those keys: the chain is assumed
    expect(reported(`[default]\n${ROLE_LINES}source_profile = middle\n[profile middle]\n${MIDDLE}source_profile = middle\n${KEY_LINES}`)).toEqual([inConfig]);
    // AND a profile's own web identity, or an SSO profile, comes after the env's web identity, which botocore uses: no pair,
    // nor for the credentials file's keys they shadow
    expect(reported(`[default]\n${MIDDLE}web_identity_token_file = /var/run/fake/token\n`, `[default]\n${KEY_LINES}`)).toEqual([]);
    expect(reported(`[default]\n${SSO}`, `[default]\n${KEY_LINES}`)).toEqual([]);
  });

  test('an empty AWS_PROFILE beside AWS keys and a web identity, or container credentials, with no file: botocore raises ProfileNotFound, so no pair', () => {
    const podIdentity = pd('pod-identity', { env: [{ name: 'AWS_CONTAINER_CREDENTIALS_FULL_URI', value: 'http://169.254.170.23/v1/credentials' }] });
    const empty = [{ name: 'AWS_PROFILE', value: '' }];
    // GIVEN keys beside a role, the keys' PodDefault or the role's setting AWS_PROFILE to ""
    // WHEN checked
    // THEN no pair: botocore 1.43.11 raises ProfileNotFound before it reads the keys (test/identity/sdk-reference.test.ts)
    expect(cloudProblems(keysPd(empty), role())).toEqual([]);
    expect(cloudProblems(keysPd(), role(empty))).toEqual([]);
    expect(cloudProblems(keysPd(empty), podIdentity)).toEqual([]);
    expect(cloudProblems(role(empty), podIdentity)).toEqual([]);
    expect(cloudProblems(pd('both', { env: [{ name: 'AWS_ACCESS_KEY_ID', value: 'x' }, { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/t' }, ...empty] }))).toEqual([]);
    // AND an AWS_DEFAULT_PROFILE of the other, which botocore reads first, hides it: the pair is reported
    expect(cloudProblems(keysPd(empty), role([{ name: 'AWS_DEFAULT_PROFILE', value: 'prod' }])).map(p => p.message)).toEqual([
      'poddefault keys (s0) gives AWS keys (env AWS_ACCESS_KEY_ID) and poddefault role (s1) gives an AWS web identity (env AWS_WEB_IDENTITY_TOKEN_FILE) in namespace team-a: '
      + 'a notebook that selects both (labelled keys=true,role=true) silently uses AWS keys of keys, since botocore\'s credential chain reads AWS_ACCESS_KEY_ID '
      + 'from the environment before it tries a web identity' + KEEP_ONE,
    ]);
    // AND a name the check does not know (a reference) may be a profile of the config file: the pair is still reported
    expect(cloudProblems(keysPd([{ name: 'AWS_PROFILE', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } }]), role())).toHaveLength(1);
  });
});

describe('cloud-identity on the library\'s own constructs', () => {
  test('a hand-written PodDefault with AWS keys in envFrom beside an AwsWebIdentityAccess fails synth, naming both', () => {
    // GIVEN
    const app = Testing.app();
    const chart = userChart(app);
    new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN });
    new ApiObject(chart, 'team-keys', {
      apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name: 'team-keys' },
      spec: { desc: 'Team keys', selector: { matchLabels: { 'team-keys': 'true' } }, envFrom: [{ secretRef: { name: 'team-keys' } }] },
    });
    new ApiObject(chart, 'team-keys-secret', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'team-keys' }, stringData: { AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE0000', AWS_SECRET_ACCESS_KEY: FAKE_SECRET } });
    // WHEN / THEN
    const errors = errorsOf(() => app.synth());
    expect(errors).toEqual([expect.stringMatching(/^poddefault team-keys \(test\/team-keys\) gives AWS keys \(AWS_ACCESS_KEY_ID of the envFrom Secret team-keys\) and poddefault aws-role \(test\/aws-role\) gives an AWS web identity .* silently uses AWS keys of team-keys, since botocore's credential chain/)]);
    expect(errors.join('\n')).not.toContain(FAKE_SECRET);
  });

  test('the role offered beside the library\'s S3 accesses in one profile synths: the webhook refuses a notebook that selects two', () => {
    // GIVEN
    const app = Testing.app();
    const chart = userChart(app);
    new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN });
    new AwsEnvConfiguration(chart, 'aws-configuration', { configuration: S3Configuration.fromValues(keys) });
    new MinioDefault(chart, 'minio');
    // WHEN / THEN
    expect(errorsOf(() => app.synth())).toEqual([]);
    const manifests = Testing.synth(chart).filter(m => m.kind === 'PodDefault');
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nb', namespace: 'user', labels: { 'aws-role': 'true', 'minio': 'true' } }, spec: { containers: [{ name: 'nb', image: 'nb' }] } };
    expect(PodDefaultAdmission.admit(pod, manifests).conflicts.map(c => `${c.rule} ${c.key}`)).toContain('env KUBEFLOW_S3_ACCESS');
  });

  test('the library\'s credentials file with [default] offered beside the role synths: the webhook refuses a notebook that selects both', () => {
    // GIVEN
    const app = Testing.app();
    const chart = userChart(app);
    new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN });
    new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromKeys(keys) });
    // WHEN / THEN synth passes, and both carry the AWS credential marker, so no notebook gets both
    expect(errorsOf(() => app.synth())).toEqual([]);
    const podDefaults = Testing.synth(chart).filter(m => m.kind === 'PodDefault');
    expect(podDefaults.map(p => [p.metadata.name, p.spec.env.filter((e: any) => e.name.startsWith('KUBEFLOW_'))])).toEqual([
      ['aws-role', [{ name: 'KUBEFLOW_AWS_CREDENTIAL', value: 'aws-role' }, { name: 'KUBEFLOW_S3_ACCESS', value: 'aws-role' }]],
      ['aws-credentials', [{ name: 'KUBEFLOW_AWS_CREDENTIAL', value: 'aws-credentials' }]],
    ]);
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nb', namespace: 'user', labels: { 'aws-role': 'true', 'aws-credentials': 'true' } }, spec: { containers: [{ name: 'nb', image: 'nb' }] } };
    expect(PodDefaultAdmission.admit(pod, podDefaults).conflicts.map(c => `${c.rule} ${c.key}`)).toEqual(['env KUBEFLOW_AWS_CREDENTIAL']);
  });

  test('a credentials file with [default] without the marker (as written by hand) beside the role fails synth; the role wins', () => {
    // GIVEN the library's file with its marker patched away
    const app = Testing.app();
    const chart = userChart(app);
    new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN });
    new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromKeys(keys) }).addJsonPatch(JsonPatch.remove('/spec/env'));
    // WHEN / THEN
    const errors = errorsOf(() => app.synth());
    expect(errors).toEqual([expect.stringContaining('silently uses an AWS web identity of aws-role, since botocore\'s credential chain tries a web identity before the shared credentials file')]);
    expect(errors.join('\n')).not.toContain(FAKE_SECRET);
  });

  test('the library\'s config file, a region alone, is never reported: beside the role only its credentials file is', () => {
    // GIVEN the library's file with a region (written to ~/.aws/config, the Secret's key "config") and its marker patched away
    const app = Testing.app();
    const chart = userChart(app);
    new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN });
    new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromKeys(keys), region: 'eu-west-1' }).addJsonPatch(JsonPatch.remove('/spec/env'));
    // (the same construct with its marker writes the region to the key "config")
    const marked = userChart();
    new AwsFileCredentials(marked, 'aws-credentials', { credentials: AwsCredentials.fromKeys(keys), region: 'eu-west-1' });
    const secret = Testing.synth(marked).find(m => m.kind === 'Secret');
    expect(Buffer.from(secret.data.config, 'base64').toString()).toBe('[default]\nregion = eu-west-1\n');
    // WHEN / THEN one error, the credentials file's
    const errors = errorsOf(() => app.synth());
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('an AWS credentials file with keys for the profile botocore reads (the file /home/jovyan/.aws/credentials from Secret');
    expect(errors[0]).not.toContain('config');
  });

  test('named profiles only, or an existing Secret the app does not hold, are not judged; only a file that may hold [default] sets the marker', () => {
    // GIVEN
    const app = Testing.app();
    const chart = userChart(app);
    new AwsWebIdentityAccess(chart, 'aws-role', { roleArn: ROLE_ARN });
    new AwsFileCredentials(chart, 'aws-prod', { credentials: AwsCredentials.fromKeys({ ...keys, profile: 'prod' }) });
    new AwsFileCredentials(chart, 'aws-team', { credentials: AwsCredentials.fromExistingSecret('team-aws'), mountPath: '/home/kubeflow/.aws-team/' });
    // WHEN / THEN
    expect(errorsOf(() => app.synth())).toEqual([]);
    const env = Object.fromEntries(Testing.synth(chart).filter(m => m.kind === 'PodDefault').map(p => [p.metadata.name, p.spec.env]));
    expect(env['aws-prod']).toBeUndefined();
    expect(env['aws-team']).toBeUndefined();
  });

  test('a credentials file mounted where botocore reads it sets the marker when it has or may have [default]', () => {
    // GIVEN an existing Secret and a file from the store at ~/.aws/, and keys of the default profile elsewhere
    const chart = userChart();
    new AwsFileCredentials(chart, 'aws-existing', { credentials: AwsCredentials.fromExistingSecret('team-aws') });
    new AwsFileCredentials(chart, 'aws-store', { credentials: AwsCredentials.fromSecretStore({ store: SecretStoreRef.cluster('vault'), credentials: { key: 'aws/credentials' } }), mountPath: '/home/jovyan//.aws' });
    new AwsFileCredentials(chart, 'aws-elsewhere', { credentials: AwsCredentials.fromKeys(keys), mountPath: '/home/jovyan/creds/' });
    // WHEN
    const env = Object.fromEntries(Testing.synth(chart).filter(m => m.kind === 'PodDefault').map(p => [p.metadata.name, p.spec.env]));
    // THEN
    expect(env).toEqual({
      'aws-existing': [{ name: 'KUBEFLOW_AWS_CREDENTIAL', value: 'aws-existing' }],
      'aws-store': [{ name: 'KUBEFLOW_AWS_CREDENTIAL', value: 'aws-store' }],
      'aws-elsewhere': undefined,
    });
  });

  test('a hand-written PodDefault with an Azure account key beside the workload identity fails synth; adlfs would use the key', () => {
    const app = Testing.app();
    const chart = userChart(app);
    new AzureWorkloadIdentityAccess(chart, 'azure-identity', AZURE);
    new ApiObject(chart, 'team-blob', {
      apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name: 'team-blob' },
      spec: { desc: 'Team blob', selector: { matchLabels: { 'team-blob': 'true' } }, envFrom: [{ secretRef: { name: 'team-blob' } }] },
    });
    new ApiObject(chart, 'team-blob-secret', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'team-blob' }, stringData: { AZURE_STORAGE_ACCOUNT_NAME: 'fakeaccount0000', AZURE_STORAGE_ACCOUNT_KEY: FAKE_AZURE_KEY } });
    const errors = errorsOf(() => app.synth());
    expect(errors).toEqual([expect.stringContaining('poddefault team-blob (test/team-blob) gives an Azure Storage account key, SAS token or connection string (AZURE_STORAGE_ACCOUNT_KEY of the envFrom Secret team-blob) and poddefault azure-identity (test/azure-identity) gives an Azure federated token (workload identity) (env AZURE_FEDERATED_TOKEN_FILE)')]);
    expect(errors.join('\n')).not.toContain(FAKE_AZURE_KEY);
  });

  test('a hand-written PodDefault with a GCS key beside the Google identity: the webhook refuses the pair (two GOOGLE_APPLICATION_CREDENTIALS), and only the merge rule says so', () => {
    const app = Testing.app();
    const chart = userChart(app);
    new GcpWorkloadIdentityAccess(chart, 'gcp-identity', GCP);
    new ApiObject(chart, 'team-gcs', {
      apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name: 'team-gcs' },
      spec: { desc: 'Team GCS', selector: { matchLabels: { 'team-gcs': 'true' } }, env: [{ name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/secret/gcp/user-gcp-sa.json' }] },
    });
    expect(errorsOf(() => app.synth())).toEqual([expect.stringMatching(/^env var GOOGLE_APPLICATION_CREDENTIALS differs between poddefaults gcp-identity .* and team-gcs /)]);
  });

  test('two identities of one cloud in one profile exclude each other; identities of three clouds meet freely', () => {
    const app = Testing.app();
    const chart = userChart(app);
    new AwsWebIdentityAccess(chart, 'role-a', { roleArn: ROLE_ARN });
    new AwsWebIdentityAccess(chart, 'role-b', { roleArn: 'arn:aws:iam::123456789012:role/other' });
    new AzureWorkloadIdentityAccess(chart, 'azure-a', AZURE);
    new AzureWorkloadIdentityAccess(chart, 'azure-b', { ...AZURE, clientId: '00000000-0000-0000-0000-000000000009' });
    new GcpWorkloadIdentityAccess(chart, 'gcp-a', GCP);
    new GcpWorkloadIdentityAccess(chart, 'gcp-b', { ...GCP, providerId: 'other' });
    expect(errorsOf(() => app.synth())).toEqual([]);
  });
});
