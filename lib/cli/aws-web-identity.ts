// `aws-web-identity`: an AwsWebIdentityAccess, an IAM role for notebooks with no keys; --print-trust
// prints the role's trust policy.
import { identityCommand, IdentityFlags } from './identity-command';

/** The role's flags, which `notebook --identity aws-web-identity` takes too. */
export const AWS_WEB_IDENTITY: IdentityFlags = {
  name: 'aws-web-identity',
  construct: lib => lib.AwsWebIdentityAccess,
  cloudIdentity: (lib, props) => lib.CloudIdentity.awsWebIdentity(props as any),
  defaultDescription: 'Assume an AWS IAM role (web identity)',
  heading: 'Role',
  options: {
    'role-arn': { type: 'string', value: 'ARN', help: 'the IAM role: arn:PARTITION:iam::ACCOUNT:role/NAME; required' },
    'region': { type: 'string', value: 'REGION', help: 'the region, as AWS_REGION and AWS_DEFAULT_REGION; required for an aws-cn or aws-us-gov role' },
    'sts-regional-endpoints': { type: 'boolean', help: 'set AWS_STS_REGIONAL_ENDPOINTS=regional' },
    'role-session-name': { type: 'string', value: 'NAME', help: 'the role session name (AWS_ROLE_SESSION_NAME), shown in CloudTrail' },
    'audience': { type: 'string', value: 'AUDIENCE', help: 'audience of the token, the IAM OIDC provider\'s client ID (default: sts.amazonaws.com)' },
  },
  required: { 'role-arn': 'the ARN of the IAM role the notebooks assume' },
  defaultExpirationSeconds: 86400,
};

export const awsWebIdentityCommand = identityCommand({
  identity: AWS_WEB_IDENTITY,
  summary: 'an AWS IAM role, assumed with the notebook\'s own ServiceAccount token (no keys)',
  synopsis: [
    '--namespace NS --role-arn ARN [--region REGION] [options]',
    '--namespace NS --role-arn ARN --print-trust --oidc-issuer URL [--account-id ID]',
  ],
  description: [
    'Prints a PodDefault that projects the notebook\'s ServiceAccount token for STS to /var/run/secrets/eks.amazonaws.com/serviceaccount/token and sets AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE, as the EKS Pod Identity Webhook would, so that every AWS SDK assumes the role (AwsWebIdentityAccess). No Secret, no ServiceAccount annotation, no other webhook.',
    'With --print-trust it prints the role\'s trust policy instead, for "aws iam update-assume-role-policy --policy-document file://trust.json".',
  ],
  examples: [
    'cdk8s-kubeflow-access aws-web-identity --namespace user --role-arn arn:aws:iam::123456789012:role/notebook-s3 --region eu-west-1 | kubectl apply -f -',
    'cdk8s-kubeflow-access aws-web-identity --namespace user --role-arn arn:aws:iam::123456789012:role/notebook-s3 --print-trust --oidc-issuer "$(aws eks describe-cluster --name C --query cluster.identity.oidc.issuer --output text)"',
  ],
  trust: {
    help: 'print the role\'s trust policy (JSON) instead of the manifests',
    options: {
      'oidc-issuer': { type: 'string', value: 'URL', help: 'the cluster\'s OIDC issuer URL; required with --print-trust' },
      'account-id': { type: 'string', value: 'ID', help: 'the account of the IAM OIDC provider (default: the role\'s)' },
    },
    required: { 'oidc-issuer': 'the cluster\'s OIDC issuer URL' },
    print: (role, options) => role.trustPolicy(options),
  },
});
