// IAM role ARNs, checked as IAM forms them (docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
// and reference_identifiers.html): `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME`.
import { quote } from '../names';

/** The partitions whose IAM roles a pod can assume with a web identity token. */
export const AWS_PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;

/**
 * Each partition's region codes, as botocore matches a region it does not list (`regionRegex` of
 * botocore 1.43.11 `data/partitions.json`; `EndpointResolver.get_partition_for_region` agrees on the
 * regions listed there). The expressions are disjoint: `us-gov-west-1` is no `aws` region.
 */
const REGION_PARTITIONS: readonly (readonly [string, RegExp])[] = [
  ['aws', /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/],
  ['aws-cn', /^cn-\w+-\d+$/],
  ['aws-eusc', /^eusc-(de)-\w+-\d+$/],
  ['aws-iso', /^us-iso-\w+-\d+$/],
  ['aws-iso-b', /^us-isob-\w+-\d+$/],
  ['aws-iso-e', /^eu-isoe-\w+-\d+$/],
  ['aws-iso-f', /^us-isof-\w+-\d+$/],
  ['aws-us-gov', /^us-gov-\w+-\d+$/],
];

/** The partition of a region code, or undefined for a code of no partition botocore knows (such as a local store's). */
export function regionPartition(region: string): string | undefined {
  return REGION_PARTITIONS.find(([, pattern]) => pattern.test(region))?.[0];
}

/** An IAM role ARN, in parts. */
export interface ParsedRoleArn {
  readonly partition: string;
  readonly accountId: string;
  /** `/` or `/a/b/`: the role's path. */
  readonly path: string;
  readonly roleName: string;
}

const ROLE_ARN = /^arn:([^:]*):iam::([^:]*):role(\/.*)$/;
/** IAM: a path is `/`, or `/` then printable ASCII ending in `/`, at most 512 characters. */
const ROLE_PATH = /^\/([\x21-\x7e]+\/)?$/;
/** IAM: a role name is 1 to 64 of letters, digits and `+=,.@_-`. */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** The parts of `arn`, or why it is not an IAM role ARN (which never holds the ARN). */
export function parseRoleArn(arn: unknown): ParsedRoleArn | { readonly problem: string } {
  const example = 'such as "arn:aws:iam::123456789012:role/notebook-s3"';
  if (typeof arn !== 'string' || arn === '') { return { problem: `is empty: give the ARN of the IAM role, ${example}` }; }
  const m = ROLE_ARN.exec(arn);
  if (m === null) { return { problem: `is not an IAM role ARN ("arn:PARTITION:iam::ACCOUNT:role/NAME"): give one, ${example}` }; }
  const [, partition, accountId, rest] = m;
  if (!(AWS_PARTITIONS as readonly string[]).includes(partition)) {
    // Not shown: a value pasted there may be a secret.
    return { problem: `has a partition that is not one: give one of ${AWS_PARTITIONS.map(p => quote(p)).join(', ')}` };
  }
  if (!/^\d{12}$/.test(accountId)) { return { problem: `has an account id that is not 12 digits: give the role's account, ${example}` }; }
  const slash = rest.lastIndexOf('/');
  const path = rest.slice(0, slash + 1);
  const roleName = rest.slice(slash + 1);
  if (path.length > 512 || !ROLE_PATH.test(path)) { return { problem: 'has a role path that IAM does not allow (printable ASCII between slashes, at most 512 characters): give the ARN the IAM console shows' }; }
  if (!ROLE_NAME.test(roleName)) { return { problem: 'has a role name that IAM does not allow (1 to 64 letters, digits and +=,.@_-): give the ARN the IAM console shows' }; }
  return { partition, accountId, path, roleName };
}

/** Why `arn` is not an IAM role ARN, or undefined when it is. */
export function roleArnProblem(arn: unknown): string | undefined {
  const parsed = parseRoleArn(arn);
  return 'problem' in parsed ? parsed.problem : undefined;
}
