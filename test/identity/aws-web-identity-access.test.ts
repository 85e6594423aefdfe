import { Chart, Testing } from 'cdk8s';
import { AwsWebIdentityAccess, AzureWorkloadIdentityAccess, CloudIdentityAccess, GcpWorkloadIdentityAccess, PodDefaultAdmission } from '../../lib';
import { accessErrorOf, errorsOf, expectGolden, expectRejected, userChart } from '../support';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/notebook-s3';
const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const ISSUER_HOST = 'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
/** An obviously fake secret key, of the shape a user might paste into the wrong field. */
const FAKE_SECRET = 'wJalrXUtnFEMIxFAKExSECRETxKEYx0000000000';
/** How every refused issuer ends. */
const FIX = `: give the issuer exactly as the cluster's tokens name it (their "iss" claim), such as "${ISSUER}"`;

describe('AwsWebIdentityAccess', () => {
  test('the defaults: the EKS webhook\'s volume, mount and env, the S3 marker, no Secret', () => {
    // GIVEN
    const app = Testing.app();
    const chart = userChart(app);
    // WHEN
    new AwsWebIdentityAccess(chart, 'aws-web-identity', { roleArn: ROLE_ARN });
    // THEN
    expectGolden(app, 'identity-aws-defaults');
    const [pd, ...rest] = Testing.synth(chart);
    expect(rest).toEqual([]);
    expect(pd.spec.env).toEqual([
      { name: 'AWS_ROLE_ARN', value: ROLE_ARN },
      { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' },
      { name: 'KUBEFLOW_AWS_CREDENTIAL', value: 'aws-web-identity' },
      { name: 'KUBEFLOW_S3_ACCESS', value: 'aws-web-identity' },
    ]);
    expect(pd.spec.volumes).toEqual([{
      name: 'aws-iam-token',
      projected: { sources: [{ serviceAccountToken: { audience: 'sts.amazonaws.com', expirationSeconds: 86400, path: 'token' } }], defaultMode: 420 },
    }]);
    expect(pd.spec.volumeMounts).toEqual([{ name: 'aws-iam-token', mountPath: '/var/run/secrets/eks.amazonaws.com/serviceaccount', readOnly: true }]);
    expect(pd.spec.serviceAccountName).toBeUndefined();
  });

  test('every option: region, regional STS, session name, audience, lifetime, selector label, switched account', () => {
    // GIVEN
    const app = Testing.app();
    const chart = userChart(app);
    // WHEN
    const role = new AwsWebIdentityAccess(chart, 'aws-role', {
      roleArn: 'arn:aws-cn:iam::123456789012:role/team/notebook-s3',
      region: 'cn-north-1',
      stsRegionalEndpoints: true,
      roleSessionName: 'kubeflow-notebook',
      audience: 'sts.amazonaws.com.cn',
      expirationSeconds: 3600,
      selectorLabel: 'cloud-identity',
      serviceAccountName: 'ws-analysis',
      switchServiceAccount: true,
      description: 'Team S3 role',
    });
    // THEN
    expectGolden(app, 'identity-aws-options');
    expect(role.selectorLabels).toEqual({ 'cloud-identity': 'true' });
    expect(role.trustSubject).toBe('system:serviceaccount:user:ws-analysis');
    const [pd] = Testing.synth(chart);
    expect(pd.spec.serviceAccountName).toBe('ws-analysis');
    expect(pd.spec.env.map((e: any) => `${e.name}=${e.value}`)).toEqual([
      'AWS_ROLE_ARN=arn:aws-cn:iam::123456789012:role/team/notebook-s3',
      'AWS_WEB_IDENTITY_TOKEN_FILE=/var/run/secrets/eks.amazonaws.com/serviceaccount/token',
      'AWS_REGION=cn-north-1',
      'AWS_DEFAULT_REGION=cn-north-1',
      'AWS_STS_REGIONAL_ENDPOINTS=regional',
      'AWS_ROLE_SESSION_NAME=kubeflow-notebook',
      'KUBEFLOW_AWS_CREDENTIAL=aws-role',
      'KUBEFLOW_S3_ACCESS=aws-role',
    ]);
  });
});

describe('AwsWebIdentityAccess where the EKS pod identity webhook mutated the pod first', () => {
  /**
   * A notebook pod whose ServiceAccount is annotated `eks.amazonaws.com/role-arn: roleArn` (as Kubeflow's
   * AwsIamForServiceAccount plugin annotates default-editor), as the EKS webhook leaves it
   * (aws/amazon-eks-pod-identity-webhook 3bf80a3, pkg/handler/handler.go, getPodSpecPatch and
   * addEnvToContainer: volume aws-iam-token of 86400 s for sts.amazonaws.com, path token; the mount;
   * AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE) and the API server then defaults it (kubernetes
   * SetDefaults_ProjectedVolumeSource: defaultMode 420, applied after each webhook's patch), labelled to
   * select the PodDefault. The PodDefault webhook sees this where it runs after the EKS one: kubeflow/dashboard
   * names its configuration poddefaults-webhook-..., which sorts after pod-identity-webhook.
   */
  function mutatedByEksWebhook(roleArn: string) {
    return {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'my-notebook-0', namespace: 'user', labels: { 'aws-web-identity': 'true' } },
      spec: {
        serviceAccountName: 'default-editor',
        volumes: [{
          name: 'aws-iam-token',
          projected: { sources: [{ serviceAccountToken: { audience: 'sts.amazonaws.com', expirationSeconds: 86400, path: 'token' } }], defaultMode: 420 },
        }],
        containers: [{
          name: 'my-notebook', image: 'kubeflownotebookswg/jupyter-scipy',
          env: [
            { name: 'AWS_ROLE_ARN', value: roleArn },
            { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' },
          ],
          volumeMounts: [{ name: 'aws-iam-token', readOnly: true, mountPath: '/var/run/secrets/eks.amazonaws.com/serviceaccount' }],
        }],
      },
    };
  }

  test('the same role: the PodDefault webhook finds the volume, mount and variables equal to its own, and admits the pod', () => {
    // GIVEN the role's PodDefault
    const chart = userChart();
    new AwsWebIdentityAccess(chart, 'aws-web-identity', { roleArn: ROLE_ARN });
    // WHEN the PodDefault webhook admits a pod the EKS webhook mutated for the same role
    const result = PodDefaultAdmission.admit(mutatedByEksWebhook(ROLE_ARN), Testing.synth(chart));
    // THEN it merges them, with no conflict (the volume's defaultMode 420 included)
    expect(result.conflicts).toEqual([]);
    expect(result.allowed).toBe(true);
    expect(result.pod.spec.volumes.map((v: any) => v.name)).toEqual(['aws-iam-token']);
  });

  test('another role: the webhook refuses the pod on AWS_ROLE_ARN alone', () => {
    // GIVEN the role's PodDefault, and a ServiceAccount annotated with another role
    const chart = userChart();
    new AwsWebIdentityAccess(chart, 'aws-web-identity', { roleArn: ROLE_ARN });
    // WHEN
    const result = PodDefaultAdmission.admit(mutatedByEksWebhook('arn:aws:iam::123456789012:role/profile-role'), Testing.synth(chart));
    // THEN the role is the one conflict
    expect(result.allowed).toBe(false);
    expect(result.conflicts.map(c => `${c.rule} ${c.key}`)).toEqual(['env AWS_ROLE_ARN']);
  });
});

describe('AwsWebIdentityAccess#trustPolicy', () => {
  test('one ServiceAccount: StringEquals on the issuer\'s sub and aud, as the EKS user guide writes it', () => {
    // GIVEN
    const role = new AwsWebIdentityAccess(userChart(), 'aws-web-identity', { roleArn: ROLE_ARN });
    // WHEN / THEN
    expect(role.trustSubject).toBe('system:serviceaccount:user:default-editor');
    expect(role.trustPolicy({ oidcIssuer: ISSUER })).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${ISSUER_HOST}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${ISSUER_HOST}:aud`]: 'sts.amazonaws.com', [`${ISSUER_HOST}:sub`]: 'system:serviceaccount:user:default-editor' } },
      }],
    });
  });

  test('a pattern such as ws-* (Notebooks 2.0 workspaces): StringLike; the issuer without https; the partition and another account', () => {
    // GIVEN
    const role = new AwsWebIdentityAccess(userChart(), 'aws-web-identity', {
      roleArn: 'arn:aws-us-gov:iam::123456789012:role/notebook-s3', region: 'us-gov-west-1', serviceAccountName: 'ws-*', audience: 'kubeflow',
    });
    // WHEN
    const policy = role.trustPolicy({ oidcIssuer: ISSUER_HOST, accountId: '210987654321' });
    // THEN
    expect(policy.Statement[0].Principal).toEqual({ Federated: `arn:aws-us-gov:iam::210987654321:oidc-provider/${ISSUER_HOST}` });
    expect(policy.Statement[0].Condition).toEqual({
      StringLike: { [`${ISSUER_HOST}:aud`]: 'kubeflow', [`${ISSUER_HOST}:sub`]: 'system:serviceaccount:user:ws-*' },
    });
    // AND the document is plain JSON
    expect(JSON.parse(JSON.stringify(policy))).toEqual(policy);
  });

  test('an issuer other than EKS\'s is taken exactly as given, a trailing "/" included: the tokens\' iss claim is the cluster\'s configured issuer', () => {
    // GIVEN a self-managed cluster whose --service-account-issuer ends in "/"
    const role = new AwsWebIdentityAccess(userChart(), 'aws-web-identity', { roleArn: ROLE_ARN });
    // WHEN
    const policy = role.trustPolicy({ oidcIssuer: 'https://oidc.example.com/clusters/team-a/' });
    // THEN
    expect(policy.Statement[0].Principal.Federated).toBe('arn:aws:iam::123456789012:oidc-provider/oidc.example.com/clusters/team-a/');
    expect(Object.keys(policy.Statement[0].Condition.StringEquals)).toEqual(['oidc.example.com/clusters/team-a/:aud', 'oidc.example.com/clusters/team-a/:sub']);
  });

  test('an issuer and an audience of 255 characters, the most IAM holds, are taken', () => {
    // GIVEN
    const audience = 'a'.repeat(255);
    const oidcIssuer = `https://oidc.example.com/${'a'.repeat(230)}`;
    const role = new AwsWebIdentityAccess(userChart(), 'aws-web-identity', { roleArn: ROLE_ARN, audience });
    // WHEN
    const policy = role.trustPolicy({ oidcIssuer });
    // THEN
    expect(oidcIssuer.length).toBe(255);
    expect(policy.Statement[0].Principal.Federated).toBe(`arn:aws:iam::123456789012:oidc-provider/${oidcIssuer.slice('https://'.length)}`);
    expect(policy.Statement[0].Condition.StringEquals[`${oidcIssuer.slice('https://'.length)}:aud`]).toBe(audience);
  });

  test.each<[string, any, string]>([
    ['an http issuer', { oidcIssuer: 'http://oidc.example.com' }, `oidcIssuer: is not an https URL (it must start with "https://", or leave the scheme out)${FIX}`],
    ['an issuer with a query', { oidcIssuer: `${ISSUER}?x=1` }, `oidcIssuer: has a query or a fragment, which an issuer URL never has${FIX}`],
    // IAM CreateOpenIDConnectProvider, Url: "The URL should not contain a port number."
    ['an issuer with a port', { oidcIssuer: 'https://oidc.example.com:8443/cluster' },
      `oidcIssuer: has a port, and the URL of an IAM OIDC provider has none, so no provider IAM holds can match this issuer${FIX}`],
    // EKS prints its issuer with a lower-case host and no trailing "/": the tokens' iss is exactly that.
    ...[`${ISSUER}/`, ISSUER.replace('oidc.eks.eu-west-1', 'OIDC.EKS.EU-WEST-1'), ISSUER.toLowerCase(), 'oidc.eks.eu-west-1.amazonaws.com'].map(oidcIssuer => [
      `the EKS issuer written as ${oidcIssuer}`, { oidcIssuer },
      `oidcIssuer: is an EKS issuer written otherwise than EKS prints it (a lower-case host, then /id/ and the cluster's ID in upper case, no trailing "/"), so the tokens' "iss" claim never equals it and IAM never matches the trust policy; "aws eks describe-cluster --query cluster.identity.oidc.issuer" prints it${FIX}`,
    ] as [string, any, string]),
    ['an issuer with a host of one label', { oidcIssuer: 'https://kubernetes/cluster' },
      `oidcIssuer: has a host of one label, not a public DNS name, and IAM reads the issuer's keys over the internet${FIX}`],
    ['an issuer with a host outside ASCII', { oidcIssuer: 'https://öidc.example.com' },
      `oidcIssuer: has no host, or one that is not a DNS name (ASCII letters, digits, "-" and ".")${FIX}`],
    ['an issuer with keys pasted before the host', { oidcIssuer: `https://AKIAFAKEFAKEFAKE0000:${FAKE_SECRET}@oidc.example.com` },
      `oidcIssuer: holds "@", as user information (user:password@) before the host does, which an issuer URL never has${FIX}`],
    ['an issuer with a secret key holding "/" pasted before the host', { oidcIssuer: `https://AKIAFAKE:${FAKE_SECRET}/K7MDENG@oidc.example.com` },
      `oidcIssuer: holds "@", as user information (user:password@) before the host does, which an issuer URL never has${FIX}`],
    ['an issuer with a line break', { oidcIssuer: `${ISSUER}\n` },
      `oidcIssuer: holds whitespace, a control character or half a surrogate pair, which no issuer URL has${FIX}`],
    ['an issuer with half a surrogate pair', { oidcIssuer: 'https://oidc.example.com/\ud800' },
      `oidcIssuer: holds whitespace, a control character or half a surrogate pair, which no issuer URL has${FIX}`],
    ['a secret key pasted as the issuer', { oidcIssuer: FAKE_SECRET },
      `oidcIssuer: has a host of one label, not a public DNS name, and IAM reads the issuer's keys over the internet${FIX}`],
    // GIVEN an issuer of 256 characters with https://, with it and without: IAM's OIDC provider URL has at most 255
    ...[`https://oidc.example.com/${'a'.repeat(231)}`, `oidc.example.com/${'a'.repeat(231)}`].map(oidcIssuer => [
      `an issuer of ${oidcIssuer.length} characters as given`, { oidcIssuer },
      `oidcIssuer: is 256 characters long with "https://", and the URL of an IAM OIDC provider has at most 255, so no provider IAM holds can match this issuer${FIX}`,
    ] as [string, any, string]),
    ['no issuer', {}, `oidcIssuer: is missing: give the cluster's OIDC issuer URL, such as "${ISSUER}"`],
    ['an account of 11 digits', { oidcIssuer: ISSUER, accountId: '12345678901' }, 'accountId: is not 12 digits: give the account that holds the IAM OIDC provider, or leave accountId out for the role\'s own'],
  ])('%s is refused with the construct path, the value not echoed', (_what, options, message) => {
    const role = new AwsWebIdentityAccess(userChart(), 'aws-web-identity', { roleArn: ROLE_ARN });
    expect(accessErrorOf(() => role.trustPolicy(options), [FAKE_SECRET])).toBe(`[test/aws-web-identity] ${message}`);
  });
});

describe('AwsWebIdentityAccess refuses', () => {
  test.each<[string, any, string]>([
    ['a user ARN', { roleArn: 'arn:aws:iam::123456789012:user/alice' },
      'roleArn: is not an IAM role ARN ("arn:PARTITION:iam::ACCOUNT:role/NAME"): give one, such as "arn:aws:iam::123456789012:role/notebook-s3"'],
    ['an ARN of another partition', { roleArn: 'arn:aws-iso:iam::123456789012:role/r' },
      'roleArn: has a partition that is not one: give one of "aws", "aws-cn", "aws-us-gov"'],
    ['a secret key pasted as the partition', { roleArn: `arn:${FAKE_SECRET}/K7MDENG:iam::123456789012:role/r` },
      'roleArn: has a partition that is not one: give one of "aws", "aws-cn", "aws-us-gov"'],
    ['a session name that is a secret key', { roleArn: ROLE_ARN, roleSessionName: `${FAKE_SECRET}/K7MDENG` },
      'roleSessionName: is not a role session name (2 to 64 letters, digits and +=,.@-): give one such as "kubeflow-notebook", or leave roleSessionName out'],
    ['a missing ARN', {}, 'roleArn: is empty: give the ARN of the IAM role, such as "arn:aws:iam::123456789012:role/notebook-s3"'],
    ['a region that is none', { roleArn: ROLE_ARN, region: 'EU West' },
      'region: is not a region name (lower-case letters, digits and "-"): give a region code such as "us-east-1"'],
    // GIVEN a region of another partition than the role's: botocore asks that partition's STS, whose IAM holds no such role
    ['a China region for a role of the aws partition', { roleArn: ROLE_ARN, region: 'cn-north-1' },
      'region: is a region of the "aws-cn" partition, and roleArn names a role of the "aws" partition: botocore asks the STS of the region\'s partition, whose IAM holds no role of another partition; give a region of the role\'s partition, or the ARN of a role in the region\'s'],
    ['a GovCloud region for a role of the aws partition', { roleArn: ROLE_ARN, region: 'us-gov-west-1' },
      'region: is a region of the "aws-us-gov" partition, and roleArn names a role of the "aws" partition: botocore asks the STS of the region\'s partition, whose IAM holds no role of another partition; give a region of the role\'s partition, or the ARN of a role in the region\'s'],
    ['a commercial region for a role of the aws-cn partition', { roleArn: 'arn:aws-cn:iam::123456789012:role/r', region: 'eu-west-1' },
      'region: is a region of the "aws" partition, and roleArn names a role of the "aws-cn" partition: botocore asks the STS of the region\'s partition, whose IAM holds no role of another partition; give a region of the role\'s partition, or the ARN of a role in the region\'s'],
    ['an ISO region, whose partition no role ARN here names', { roleArn: 'arn:aws-us-gov:iam::123456789012:role/r', region: 'us-iso-east-1' },
      'region: is a region of the "aws-iso" partition, and roleArn names a role of the "aws-us-gov" partition: botocore asks the STS of the region\'s partition, whose IAM holds no role of another partition; give a region of the role\'s partition, or the ARN of a role in the region\'s'],
    // GIVEN a role of another partition than aws and no region: botocore then asks the aws partition's STS
    ['a China role without a region', { roleArn: 'arn:aws-cn:iam::123456789012:role/r' },
      'region: is missing, and roleArn names a role of the "aws-cn" partition: without a region botocore asks the STS of the "aws" partition, whose IAM holds no role of another partition; give a region of the role\'s partition, such as "cn-north-1"'],
    ['a GovCloud role without a region', { roleArn: 'arn:aws-us-gov:iam::123456789012:role/r' },
      'region: is missing, and roleArn names a role of the "aws-us-gov" partition: without a region botocore asks the STS of the "aws" partition, whose IAM holds no role of another partition; give a region of the role\'s partition, such as "us-gov-west-1"'],
    ['a token lifetime under Kubernetes\' minimum', { roleArn: ROLE_ARN, expirationSeconds: 599 },
      'expirationSeconds: 599 is not a whole number of seconds from 600 (Kubernetes\' minimum) to 4294967296: give one such as 86400'],
    ['a session name with a space', { roleArn: ROLE_ARN, roleSessionName: 'my session' },
      'roleSessionName: is not a role session name (2 to 64 letters, digits and +=,.@-): give one such as "kubeflow-notebook", or leave roleSessionName out'],
    ['an audience with whitespace', { roleArn: ROLE_ARN, audience: 'sts amazonaws' },
      'audience: has a space at character 4; an audience is non-empty text without whitespace or control characters: give the audience of the cluster\'s IAM OIDC provider, or leave audience out for "sts.amazonaws.com"'],
    // GIVEN an audience of 256 characters: an IAM OIDC provider's client ID has at most 255
    ['an audience longer than an IAM OIDC provider\'s client ID', { roleArn: ROLE_ARN, audience: 'a'.repeat(256) },
      'audience: is 256 characters long, and a client ID of an IAM OIDC provider has at most 255, so no provider lists it and STS refuses the token: give the audience of the cluster\'s IAM OIDC provider, or leave audience out for "sts.amazonaws.com"'],
    ['a service account that is none', { roleArn: ROLE_ARN, serviceAccountName: 'Default_Editor' },
      'serviceAccountName: has an upper-case letter at character 1; a service account name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters, with * for any characters): give the account the notebook pods run as, such as "default-editor" (Kubeflow notebooks) or "ws-my-workspace" (a Notebooks 2.0 workspace)'],
    ['switching to a pattern', { roleArn: ROLE_ARN, serviceAccountName: 'ws-*', switchServiceAccount: true },
      'switchServiceAccount: makes the pods run as serviceAccountName, but serviceAccountName is a pattern (it holds "*"): give one account\'s name, or leave switchServiceAccount out'],
    ['a selector label the API server refuses', { roleArn: ROLE_ARN, selectorLabel: 'a/b/c' },
      'selectorLabel: is not a label key the library can write (a label key has at most one /): give one such as "cloud-identity", or leave selectorLabel out for the PodDefault\'s name'],
    ['a Secret prop', { roleArn: ROLE_ARN, secretName: 'aws' },
      'secretName: does not apply: AwsWebIdentityAccess has no Secret, and mounts the token where the cloud\'s SDKs look for it; leave secretName out'],
  ])('%s, naming the field and the fix, and leaves nothing', (_what, props, message) => {
    const chart = userChart();
    expectRejected(chart, 'aws-web-identity', () => new AwsWebIdentityAccess(chart, 'aws-web-identity', props), `[test/aws-web-identity] ${message}`, [FAKE_SECRET]);
  });

  test('a region of the role\'s own partition, or of none botocore knows, is taken', () => {
    // GIVEN regions whose partitions botocore 1.43.11 names (EndpointResolver.get_partition_for_region:
    // cn-northwest-1 aws-cn, us-gov-east-1 aws-us-gov, mx-central-1 aws), and one it knows no partition of
    const cases: [string, string][] = [
      ['arn:aws-cn:iam::123456789012:role/r', 'cn-northwest-1'],
      ['arn:aws-us-gov:iam::123456789012:role/r', 'us-gov-east-1'],
      [ROLE_ARN, 'mx-central-1'],
      [ROLE_ARN, 'local'],
    ];
    for (const [roleArn, region] of cases) {
      // WHEN
      const chart = userChart();
      new AwsWebIdentityAccess(chart, 'aws-web-identity', { roleArn, region });
      // THEN the region is written
      const [pd] = Testing.synth(chart);
      expect(pd.spec.env.filter((e: any) => e.name.endsWith('REGION'))).toEqual([{ name: 'AWS_REGION', value: region }, { name: 'AWS_DEFAULT_REGION', value: region }]);
    }
  });

  test('no message holds the role ARN it refuses', () => {
    const chart = userChart();
    const arn = 'arn:aws:iam::123456789012:role/Distinctive Name';
    expect(() => new AwsWebIdentityAccess(chart, 'aws-web-identity', { roleArn: arn })).toThrow(/role name that IAM does not allow/);
    expect(() => new AwsWebIdentityAccess(chart, 'aws-web-identity', { roleArn: arn })).not.toThrow(/Distinctive/);
  });
});

describe('the selector labels every keyless identity shares (CloudIdentityAccess)', () => {
  test.each<[string, (chart: Chart) => CloudIdentityAccess]>([
    ['AwsWebIdentityAccess', chart => new AwsWebIdentityAccess(chart, 'identity', { roleArn: ROLE_ARN })],
    ['AzureWorkloadIdentityAccess', chart => new AzureWorkloadIdentityAccess(chart, 'identity', {
      clientId: '00000000-0000-0000-0000-000000000001', tenantId: '00000000-0000-0000-0000-000000000002' })],
    ['GcpWorkloadIdentityAccess', chart => new GcpWorkloadIdentityAccess(chart, 'identity', { projectNumber: '123456789012', poolId: 'kubeflow', providerId: 'cluster' })],
  ])('%s: a caller who writes to selectorLabels cannot change the selector the PodDefault renders', (_, create) => {
    // GIVEN an identity, whose selectorLabels was the very object its PodDefault renders as matchLabels
    const chart = userChart();
    const identity = create(chart);
    // WHEN a caller adds a label to it, as a Notebook's labels are built up
    expect(() => { identity.selectorLabels.extra = 'true'; }).toThrow(TypeError);
    // THEN the attribute and the rendered selector are both still the one label, as PodDefaultAccess keeps its own
    expect(identity.selectorLabels).toEqual({ identity: 'true' });
    const pd = Testing.synth(chart).find(m => m.kind === 'PodDefault');
    expect(pd.spec.selector).toEqual({ matchLabels: { identity: 'true' } });
  });
});

test('two roles given one selectorLabel are refused at synth: a notebook that ticks it gets both, and the webhook refuses it', () => {
  // GIVEN two roles a platform team offers under one label
  const app = Testing.app();
  const chart = userChart(app);
  new AwsWebIdentityAccess(chart, 'reader', { roleArn: ROLE_ARN, selectorLabel: 'cloud-identity' });
  new AwsWebIdentityAccess(chart, 'writer', { roleArn: 'arn:aws:iam::123456789012:role/notebook-s3-writer', selectorLabel: 'cloud-identity' });
  // WHEN synthesised THEN the check says so for both markers they share, where it accepted the pair as exclusive
  const tail = 'to exclude each other, but select the same pods (labelled cloud-identity=true): every notebook that selects one selects both, and the webhook refuses it';
  expect(errorsOf(() => app.synth())).toEqual([
    `poddefaults reader (test/reader) and writer (test/writer) in namespace user set KUBEFLOW_AWS_CREDENTIAL to their own names, ${tail} (two values for KUBEFLOW_AWS_CREDENTIAL); give each its own selector label`,
    `poddefaults reader (test/reader) and writer (test/writer) in namespace user set KUBEFLOW_S3_ACCESS to their own names, ${tail} (two values for KUBEFLOW_S3_ACCESS); give each its own selector label`,
  ]);
});
