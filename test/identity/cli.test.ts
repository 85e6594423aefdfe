// The identity commands print exactly what the library synthesises (the goldens), and --print-trust
// exactly what the trust helpers return; errors name flags, one line each.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { AwsWebIdentityAccess, GcpWorkloadIdentityAccess } from '../../lib';
import { runMain } from '../cli/cli-io';
import { GOLDEN_DIR, userChart } from '../support';

const golden = (name: string) => readFileSync(path.join(GOLDEN_DIR, `${name}.yaml`), 'utf8');
const ROLE_ARN = 'arn:aws:iam::123456789012:role/notebook-s3';
const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const CLIENT = ['--client-id', '00000000-0000-0000-0000-000000000001', '--tenant-id', '00000000-0000-0000-0000-000000000002'];
const POOL = ['--project-number', '123456789012', '--pool-id', 'kubeflow', '--provider-id', 'cluster'];

describe('the identity commands print the library\'s goldens', () => {
  test.each<[string, string[], string]>([
    ['aws-web-identity: the defaults', ['aws-web-identity', '--namespace', 'user', '--role-arn', ROLE_ARN], 'identity-aws-defaults'],
    ['aws-web-identity: every option', ['aws-web-identity', '--namespace', 'user', '--name', 'aws-role', '--description', 'Team S3 role',
      '--role-arn', 'arn:aws-cn:iam::123456789012:role/team/notebook-s3', '--region', 'cn-north-1', '--sts-regional-endpoints', '--role-session-name', 'kubeflow-notebook',
      '--audience', 'sts.amazonaws.com.cn', '--expiration-seconds', '3600', '--selector-label', 'cloud-identity', '--service-account-name', 'ws-analysis', '--switch-service-account'],
    'identity-aws-options'],
    ['azure-workload-identity: the defaults', ['azure-workload-identity', '--namespace', 'user', ...CLIENT], 'identity-azure-defaults'],
    ['azure-workload-identity: a sovereign cloud', ['azure-workload-identity', '--namespace', 'user', '--name', 'azure-gov', ...CLIENT,
      '--authority-host', 'https://login.microsoftonline.us/', '--expiration-seconds', '86400', '--service-account-name', 'notebooks', '--switch-service-account'],
    'identity-azure-options'],
    ['gcp-workload-identity: the defaults', ['gcp-workload-identity', '--namespace', 'user', ...POOL], 'identity-gcp-defaults'],
    ['gcp-workload-identity: impersonation', ['gcp-workload-identity', '--namespace', 'user', '--name', 'gcp-notebooks', ...POOL,
      '--service-account-email', 'notebooks@my-project.iam.gserviceaccount.com', '--config-map-name', 'gcp-notebooks-wif', '--expiration-seconds', '7200'],
    'identity-gcp-impersonation'],
  ])('%s', async (_what, args, name) => {
    const result = await runMain(args);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(golden(name));
    expect(result.code).toBe(0);
  });
});

describe('--print-trust prints what the trust helpers return, as JSON', () => {
  test('aws-web-identity: the role\'s trust policy, a ws-* pattern as StringLike', async () => {
    const result = await runMain(['aws-web-identity', '--namespace', 'user', '--role-arn', ROLE_ARN, '--service-account-name', 'ws-*', '--print-trust', '--oidc-issuer', ISSUER]);
    const role = new AwsWebIdentityAccess(userChart(), 'aws-web-identity', { roleArn: ROLE_ARN, serviceAccountName: 'ws-*' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${JSON.stringify(role.trustPolicy({ oidcIssuer: ISSUER }), null, 2)}\n`);
    expect(JSON.parse(result.stdout).Statement[0].Condition.StringLike['oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub']).toBe('system:serviceaccount:user:ws-*');
  });

  test('azure-workload-identity: the federated credential', async () => {
    const issuer = 'https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000002/00000000-0000-0000-0000-000000000003/';
    const result = await runMain(['azure-workload-identity', '--namespace', 'user', ...CLIENT, '--print-trust', '--issuer', issuer]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ issuer, subject: 'system:serviceaccount:user:default-editor', audiences: ['api://AzureADTokenExchange'] });
  });

  test('gcp-workload-identity: the principal, and with an account to impersonate, the role to grant on it', async () => {
    const principal = 'principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/kubeflow/subject/system:serviceaccount:user:default-editor';
    expect(JSON.parse((await runMain(['gcp-workload-identity', '--namespace', 'user', ...POOL, '--print-trust'])).stdout)).toEqual({ principal });
    const withAccount = await runMain(['gcp-workload-identity', '--namespace', 'user', ...POOL, '--service-account-email', 'notebooks@my-project.iam.gserviceaccount.com', '--print-trust']);
    expect(JSON.parse(withAccount.stdout)).toEqual({ principal, serviceAccount: 'notebooks@my-project.iam.gserviceaccount.com', role: 'roles/iam.workloadIdentityUser' });
    const identity = new GcpWorkloadIdentityAccess(userChart(), 'gcp-workload-identity', { projectNumber: '123456789012', poolId: 'kubeflow', providerId: 'cluster' });
    expect(identity.principal).toBe(principal);
  });

  test('the trust output is the same however often it runs', async () => {
    const args = ['azure-workload-identity', '--namespace', 'user', ...CLIENT, '--print-trust', '--issuer', 'https://issuer.example.com/'];
    const first = await runMain(args);
    expect(first.code).toBe(0);
    expect((await runMain(args)).stdout).toBe(first.stdout);
  });
});

describe('errors name flags, one line each', () => {
  test.each<[string, string[], number, string]>([
    ['no role', ['aws-web-identity', '--namespace', 'user'], 2, '--role-arn is required: the ARN of the IAM role the notebooks assume'],
    ['no namespace', ['gcp-workload-identity', ...POOL], 2, '--namespace is required: the namespace (Kubeflow profile) of the PodDefault, and of the ServiceAccount the cloud trusts'],
    ['a bad ARN', ['aws-web-identity', '--namespace', 'user', '--role-arn', 'arn:aws:iam::1:role/r'], 1,
      '--role-arn: has an account id that is not 12 digits: give the role\'s account, such as "arn:aws:iam::123456789012:role/notebook-s3"'],
    ['a bad GUID', ['azure-workload-identity', '--namespace', 'user', '--client-id', 'app', '--tenant-id', CLIENT[3]], 1,
      '--client-id: is not a GUID (8-4-4-4-12 hexadecimal digits): give the application (client) ID of the managed identity or app registration, such as "00000000-0000-0000-0000-000000000000"'],
    ['a project ID for the number', ['gcp-workload-identity', '--namespace', 'user', '--project-number', 'my-project', '--pool-id', 'kubeflow', '--provider-id', 'cluster'], 1,
      '--project-number: is not a project number (this looks like a project ID): give the project number "gcloud projects describe PROJECT_ID" shows, as a string'],
    ['a bad pool ID', ['gcp-workload-identity', '--namespace', 'user', '--project-number', '1', '--pool-id', 'kfp', '--provider-id', 'cluster'], 1,
      '--pool-id: is not the ID of a workload identity pool (4 to 32 lower-case letters, digits and "-", not starting with "gcp-"): give the ID, not the display name or the full resource name'],
    ['an issuer without --print-trust', ['aws-web-identity', '--namespace', 'user', '--role-arn', ROLE_ARN, '--oidc-issuer', ISSUER], 2,
      '--oidc-issuer does not apply without --print-trust, which prints the cloud side'],
    ['--print-trust without the issuer', ['aws-web-identity', '--namespace', 'user', '--role-arn', ROLE_ARN, '--print-trust'], 2,
      '--oidc-issuer is required: the cluster\'s OIDC issuer URL, for --print-trust'],
    ['a bad issuer', ['aws-web-identity', '--namespace', 'user', '--role-arn', ROLE_ARN, '--print-trust', '--oidc-issuer', 'http://x'], 1,
      `--oidc-issuer: is not an https URL (it must start with "https://", or leave the scheme out): give the issuer exactly as the cluster's tokens name it (their "iss" claim), such as "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"`],
    ['an EKS issuer with a trailing slash', ['aws-web-identity', '--namespace', 'user', '--role-arn', ROLE_ARN, '--print-trust', '--oidc-issuer', 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE/'], 1,
      '--oidc-issuer: is an EKS issuer written otherwise than EKS prints it (a lower-case host, then /id/ and the cluster\'s ID in upper case, no trailing "/"), so the tokens\' "iss" claim never equals it and IAM never matches the trust policy; "aws eks describe-cluster --query cluster.identity.oidc.issuer" prints it: give the issuer exactly as the cluster\'s tokens name it (their "iss" claim), such as "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"'],
    ['a pattern for Azure', ['azure-workload-identity', '--namespace', 'user', ...CLIENT, '--service-account-name', 'ws-*'], 1,
      '--service-account-name: is a pattern (it holds "*"), but a federated credential matches one subject exactly: give the account\'s own name, and create one AzureWorkloadIdentityAccess (and one federated credential) per account'],
    ['switching to a pattern', ['aws-web-identity', '--namespace', 'user', '--role-arn', ROLE_ARN, '--service-account-name', 'ws-*', '--switch-service-account'], 1,
      '--switch-service-account: makes the pods run as --service-account-name, but --service-account-name is a pattern (it holds "*"): give one account\'s name, or leave --switch-service-account out'],
  ])('%s', async (_what, args, code, line) => {
    const result = await runMain(args);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`cdk8s-kubeflow-access ${args[0]}: ${line}\n`);
    expect(result.code).toBe(code);
  });

  test.each(['aws-web-identity', 'azure-workload-identity', 'gcp-workload-identity'])('%s --help lists --print-trust and exits 0', async command => {
    const result = await runMain([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--print-trust');
    expect(result.stdout).toContain('--service-account-name SA');
  });
});

describe('check applies the identity rules to files', () => {
  test('the role beside a hand-written PodDefault with keys in an envFrom Secret: exit 1, one line naming both', async () => {
    // GIVEN the role's golden and a team's PodDefault with its Secret, in one file each
    const dir = mkdtempSync(path.join(tmpdir(), 'identity-check-'));
    try {
      const keys = path.join(dir, 'team-keys.yaml');
      writeFileSync(keys, [
        'apiVersion: kubeflow.org/v1alpha1', 'kind: PodDefault', 'metadata: { name: team-keys, namespace: user }',
        'spec: { desc: Team keys, selector: { matchLabels: { team-keys: "true" } }, envFrom: [ { secretRef: { name: team-keys } } ] }', '---',
        'apiVersion: v1', 'kind: Secret', 'metadata: { name: team-keys, namespace: user }',
        'stringData: { AWS_ACCESS_KEY_ID: AKIAFAKEFAKEFAKE0000, AWS_SECRET_ACCESS_KEY: fake-secret-key-0000 }', '',
      ].join('\n'));
      // WHEN
      const result = await runMain(['check', path.join(GOLDEN_DIR, 'identity-aws-defaults.yaml'), keys]);
      // THEN
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^cdk8s-kubeflow-access check: poddefault team-keys \(.*team-keys\.yaml#1\) gives AWS keys \(AWS_ACCESS_KEY_ID of the envFrom Secret team-keys\) and poddefault aws-web-identity \(.*identity-aws-defaults\.yaml#1\) gives an AWS web identity .* silently uses AWS keys of team-keys/);
      expect(result.stderr).not.toContain('fake-secret-key-0000');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
