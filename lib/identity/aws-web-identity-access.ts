import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { fieldError } from '../errors';
import { quote, writtenNameProblem } from '../names';
import { regionProblem } from '../sources/aws-credentials-ini';
import { regionEnv } from '../sources/aws-region';
import { parseRoleArn, ParsedRoleArn, regionPartition } from '../sources/aws-role-arn';
import { CloudIdentityAccess, CloudIdentityOptions, IdentityKind, identitySpec, openIdentity } from './cloud-identity-access';
import { checkedAudience, checkedExpirationSeconds, kubernetesBounds, PROJECTED_DEFAULT_MODE, projectedTokenVolume } from './projected-token';
import { checkedIssuer, isPattern } from './trust-subject';
import { AWS_CREDENTIAL_MARKER, markerEnv, S3_ACCESS_MARKER } from '../access/markers';

// The names and values of amazon-eks-pod-identity-webhook (pkg/handler/handler.go): where it also runs,
// it finds them in the pod and adds nothing, since it never overwrites.
const VOLUME_NAME = 'aws-iam-token';
const TOKEN_DIRECTORY = '/var/run/secrets/eks.amazonaws.com/serviceaccount';
const TOKEN_FILE = 'token';
const DEFAULT_AUDIENCE = 'sts.amazonaws.com';
const EXPIRATION = kubernetesBounds(86400);
const EXAMPLE_ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';

/**
 * An EKS cluster's issuer, as `aws eks describe-cluster --query cluster.identity.oidc.issuer` prints it
 * and its tokens name it: a lower-case host, `/id/` and the cluster's ID in upper case, no trailing `/`
 * (the EKS user guide's `oidc.eks.region-code.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE`; a
 * token's `iss` in aws/amazon-eks-pod-identity-webhook#21: `https://oidc.eks.us-east-2.amazonaws.com/id/5E5D7BAA84911ACC36EE4D978F209DD7`).
 */
const EKS_HOST = /^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/i;
const EKS_ISSUER = /^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/id\/[0-9A-Z]+$/;

/**
 * IAM: an OIDC provider's URL (the issuer with `https://`) and each of its client IDs (the audiences it
 * takes) are at most 255 characters (botocore 1.43 `data/iam/2010-05-08/service-2.json`,
 * `OpenIDConnectProviderUrlType` and `clientIDType`; compared in test/identity/sdk-reference.test.ts).
 */
export const IAM_OIDC_PROVIDER_MAX_LENGTH = 255;

/** A region of each partition other than `aws`, for the fix when a role of it is given no region. */
const PARTITION_EXAMPLE_REGIONS: { readonly [partition: string]: string } = { 'aws-cn': 'cn-north-1', 'aws-us-gov': 'us-gov-west-1' };

/** STS: a role session name is 2 to 64 of letters, digits and `+=,.@-`. */
const ROLE_SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/**
 * Props of AwsWebIdentityAccess.
 */
export interface AwsWebIdentityAccessProps extends CloudIdentityOptions {
  /**
   * The IAM role the pods assume (`AWS_ROLE_ARN`): `arn:PARTITION:iam::ACCOUNT:role/NAME`, in the `aws`,
   * `aws-cn` or `aws-us-gov` partition, with an optional path.
   */
  readonly roleArn: string;

  /**
   * The region, as `AWS_REGION` and `AWS_DEFAULT_REGION`: one of the role's partition (`cn-north-1` for
   * an `aws-cn` role), since botocore asks that region's STS for the role. Required for a role of the
   * `aws-cn` or `aws-us-gov` partition: without a region botocore asks the `aws` partition's STS.
   * @default - neither variable: the SDK's default (for a role of the `aws` partition only)
   */
  readonly region?: string;

  /**
   * Audience of the projected token: the audience the cluster's IAM OIDC provider lists (its client ID,
   * at most 255 characters).
   * @default 'sts.amazonaws.com'
   */
  readonly audience?: string;

  /**
   * Lifetime of the projected token in seconds, at least 600 (Kubernetes' minimum); the kubelet renews
   * it, and botocore reads the file again on every refresh.
   * @default 86400
   */
  readonly expirationSeconds?: number;

  /**
   * Set `AWS_STS_REGIONAL_ENDPOINTS=regional`, so that SDKs call the regional STS endpoint, as the EKS
   * webhook does for an account annotated `eks.amazonaws.com/sts-regional-endpoints: "true"`.
   * @default false
   */
  readonly stsRegionalEndpoints?: boolean;

  /**
   * The role session name (`AWS_ROLE_SESSION_NAME`): 2 to 64 letters, digits and `+=,.@-`. It shows in
   * CloudTrail.
   * @default - botocore's `botocore-session-<unix time>`
   */
  readonly roleSessionName?: string;
}

/**
 * Options of `AwsWebIdentityAccess.trustPolicy`.
 */
export interface AwsTrustPolicyOptions {
  /**
   * The cluster's OIDC issuer URL, with or without `https://`, exactly as the cluster's tokens name it
   * (their `iss` claim): on EKS, what `aws eks describe-cluster --query cluster.identity.oidc.issuer`
   * prints. An issuer longer than 255 characters with `https://`, one with a port, or an EKS issuer
   * written otherwise than EKS prints it (host case, a trailing `/`), is refused: IAM would never match
   * the trust policy.
   */
  readonly oidcIssuer: string;

  /**
   * The account that holds the IAM OIDC provider: 12 digits.
   * @default - the role's own account
   */
  readonly accountId?: string;
}

/**
 * An AWS IAM role for notebook pods, with no keys: a PodDefault and no Secret. It projects the pod's own
 * ServiceAccount token for STS (volume `aws-iam-token`, mounted read-only at
 * `/var/run/secrets/eks.amazonaws.com/serviceaccount`) and sets `AWS_ROLE_ARN` and
 * `AWS_WEB_IDENTITY_TOKEN_FILE`, the names and paths of the EKS Pod Identity Webhook, so that every AWS
 * SDK assumes the role with web identity. It needs no ServiceAccount annotation and no webhook: the role
 * must trust the cluster's OIDC provider for the pods' ServiceAccount (`trustPolicy`). It sets the
 * markers `KUBEFLOW_S3_ACCESS` and `KUBEFLOW_AWS_CREDENTIAL` to its name, so the webhook refuses a
 * notebook that also selects S3 keys or a default credentials file, which botocore would use instead or
 * leave unused.
 *
 * @example
 * const role = new AwsWebIdentityAccess(chart, 'aws-role', {
 *   roleArn: 'arn:aws:iam::123456789012:role/notebook-s3',
 *   region: 'eu-west-1',
 * });
 * role.trustPolicy({ oidcIssuer: 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE' });
 */
export class AwsWebIdentityAccess extends CloudIdentityAccess {
  /** The IAM role the pods assume. */
  public readonly roleArn: string;
  /** Audience of the projected token. */
  public readonly audience: string;
  private readonly role: ParsedRoleArn;

  public constructor(scope: Construct, id: string, props: AwsWebIdentityAccessProps) {
    const { names, own } = openIdentity(scope, id, props, KIND, path => awsOwn(path, props));
    const env: k8s.EnvVar[] = [
      { name: 'AWS_ROLE_ARN', value: own.roleArn },
      { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: `${TOKEN_DIRECTORY}/${TOKEN_FILE}` },
    ];
    if (own.region !== undefined) {
      env.push(...regionEnv(own.region));
    }
    if (own.stsRegionalEndpoints) { env.push({ name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' }); }
    if (own.roleSessionName !== undefined) { env.push({ name: 'AWS_ROLE_SESSION_NAME', value: own.roleSessionName }); }
    // A second group beside the S3 stores': the credentials files that botocore would read after the role.
    env.push(markerEnv(AWS_CREDENTIAL_MARKER, names.name));
    super(scope, id, identitySpec(names, {
      env,
      marker: S3_ACCESS_MARKER,
      // The volume as the EKS webhook's lands in the pod, defaultMode included: where that webhook runs
      // before the PodDefault webhook (kubeflow/dashboard's configuration name sorts after it), the two merge.
      volumes: [projectedTokenVolume(VOLUME_NAME, TOKEN_FILE, own.audience, own.expirationSeconds, PROJECTED_DEFAULT_MODE)],
      volumeMounts: [{ name: VOLUME_NAME, mountPath: TOKEN_DIRECTORY, readOnly: true }],
    }));
    this.roleArn = own.roleArn;
    this.audience = own.audience;
    this.role = own.role;
  }

  /**
   * The role's trust policy: one statement that lets the cluster's IAM OIDC provider's tokens for
   * `trustSubject`, with this audience, assume the role (`sts:AssumeRoleWithWebIdentity`). A plain JSON
   * document, as `aws iam update-assume-role-policy --policy-document` takes it. `StringEquals` for one
   * ServiceAccount, `StringLike` for a pattern such as `ws-*`.
   * @returns `{ Version: '2012-10-17', Statement: [ { Effect, Principal: { Federated }, Action, Condition } ] }`
   */
  public trustPolicy(options: AwsTrustPolicyOptions): any {
    const path = this.node.path;
    if (typeof options !== 'object' || options === null) {
      throw fieldError(path, 'options', `is not an object: give { oidcIssuer }, such as { oidcIssuer: ${quote(EXAMPLE_ISSUER)} }`);
    }
    const issuer = awsIssuer(path, options.oidcIssuer);
    const accountId = options.accountId ?? this.role.accountId;
    if (typeof accountId !== 'string' || !/^\d{12}$/.test(accountId)) {
      throw fieldError(path, 'accountId', 'is not 12 digits: give the account that holds the IAM OIDC provider, or leave accountId out for the role\'s own');
    }
    const operator = isPattern(this.serviceAccountName) ? 'StringLike' : 'StringEquals';
    return {
      Version: '2012-10-17',
      Statement: [{
        Effect: 'Allow',
        Principal: { Federated: `arn:${this.role.partition}:iam::${accountId}:oidc-provider/${issuer}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { [operator]: { [`${issuer}:aud`]: this.audience, [`${issuer}:sub`]: this.trustSubject } },
      }],
    };
  }
}

/**
 * The issuer without `https://`, as IAM names the provider (`arn:aws:iam::ACCOUNT:oidc-provider/ISSUER`)
 * and its condition keys (`ISSUER:aud`), or why IAM could never match a trust policy written for it.
 */
function awsIssuer(path: string, value: unknown): string {
  const issuer = checkedIssuer(path, 'oidcIssuer', value, true, EXAMPLE_ISSUER);
  const fail = (problem: string) => fieldError(path, 'oidcIssuer', `${problem}: give the issuer exactly as the cluster's tokens name it (their "iss" claim), such as ${quote(EXAMPLE_ISSUER)}`);
  const url = `https://${issuer.withoutScheme}`;
  if (url.length > IAM_OIDC_PROVIDER_MAX_LENGTH) {
    throw fail(`is ${url.length} characters long with "https://", and the URL of an IAM OIDC provider has at most ${IAM_OIDC_PROVIDER_MAX_LENGTH}, so no provider IAM holds can match this issuer`);
  }
  if (issuer.port !== undefined) {
    // IAM CreateOpenIDConnectProvider, Url: "The URL should not contain a port number."
    throw fail('has a port, and the URL of an IAM OIDC provider has none, so no provider IAM holds can match this issuer');
  }
  if (!issuer.host.includes('.')) {
    // IAM reads the issuer's /.well-known/openid-configuration at its public URL (IAM user guide, "Create an OpenID Connect (OIDC) identity provider in IAM").
    throw fail('has a host of one label, not a public DNS name, and IAM reads the issuer\'s keys over the internet');
  }
  if (EKS_HOST.test(issuer.host) && !EKS_ISSUER.test(issuer.withoutScheme)) {
    throw fail('is an EKS issuer written otherwise than EKS prints it (a lower-case host, then /id/ and the cluster\'s ID in upper case, no trailing "/"), so the tokens\' "iss" claim never equals it and IAM never matches the trust policy; "aws eks describe-cluster --query cluster.identity.oidc.issuer" prints it');
  }
  return issuer.withoutScheme;
}

const KIND: IdentityKind = {
  construct: 'AwsWebIdentityAccess',
  defaultDescription: 'Assume an AWS IAM role (web identity)',
  shape: { strings: ['roleArn', 'region', 'audience', 'roleSessionName'], booleans: ['stsRegionalEndpoints'] },
};

interface AwsOwn {
  readonly roleArn: string;
  readonly role: ParsedRoleArn;
  readonly region?: string;
  readonly audience: string;
  readonly expirationSeconds: number;
  readonly stsRegionalEndpoints: boolean;
  readonly roleSessionName?: string;
}

function awsOwn(path: string, props: AwsWebIdentityAccessProps): AwsOwn {
  const role = parseRoleArn(props.roleArn);
  if ('problem' in role) { throw fieldError(path, 'roleArn', role.problem); }
  if (props.region === undefined && role.partition !== 'aws') {
    // Without a region botocore asks the global STS of the aws partition (https://sts.amazonaws.com/) whatever
    // partition the role ARN names (botocore 1.43, tested in test/identity/sdk-reference.test.ts).
    throw fieldError(path, 'region', `is missing, and roleArn names a role of the ${quote(role.partition)} partition: without a region botocore asks the STS `
      + `of the "aws" partition, whose IAM holds no role of another partition; give a region of the role's partition, such as ${quote(PARTITION_EXAMPLE_REGIONS[role.partition])}`);
  }
  if (props.region !== undefined) {
    const problem = regionProblem(props.region) ?? writtenNameProblem(props.region);
    if (problem !== undefined) { throw fieldError(path, 'region', problem); }
    // botocore asks the STS of the region's partition (sts.cn-north-1.amazonaws.com.cn for cn-north-1,
    // test/identity/sdk-reference.test.ts), and partitions have IAMs of their own: it never holds a role
    // of another partition ("You cannot use IAM credentials from one partition to interact with resources
    // in a different partition", AWS Fault Isolation Boundaries, "Partitions").
    const partition = regionPartition(props.region);
    if (partition !== undefined && partition !== role.partition) {
      throw fieldError(path, 'region', `is a region of the ${quote(partition)} partition, and roleArn names a role of the ${quote(role.partition)} partition: `
        + 'botocore asks the STS of the region\'s partition, whose IAM holds no role of another partition; give a region of the role\'s partition, or the ARN of a role in the region\'s');
    }
  }
  const audience = checkedAudience(path, props.audience, DEFAULT_AUDIENCE, 'the audience of the cluster\'s IAM OIDC provider');
  if (audience.length > IAM_OIDC_PROVIDER_MAX_LENGTH) {
    throw fieldError(path, 'audience', `is ${audience.length} characters long, and a client ID of an IAM OIDC provider has at most ${IAM_OIDC_PROVIDER_MAX_LENGTH}, so no provider lists it and STS refuses the token: `
      + `give the audience of the cluster's IAM OIDC provider, or leave audience out for ${quote(DEFAULT_AUDIENCE)}`);
  }
  const expirationSeconds = checkedExpirationSeconds(path, props.expirationSeconds, EXPIRATION);
  if (props.roleSessionName !== undefined && !ROLE_SESSION_NAME.test(props.roleSessionName)) {
    // Not quoted: a value refused for its characters may be anything pasted, a secret included.
    throw fieldError(path, 'roleSessionName', 'is not a role session name (2 to 64 letters, digits and +=,.@-): give one such as "kubeflow-notebook", or leave roleSessionName out');
  }
  return {
    roleArn: props.roleArn, role, region: props.region, audience, expirationSeconds,
    stsRegionalEndpoints: props.stsRegionalEndpoints === true, roleSessionName: props.roleSessionName,
  };
}
