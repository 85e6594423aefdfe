// The region as AWS tools read it from the environment. botocore (so boto3, s3fs and the Kubeflow SDKs)
// reads `AWS_DEFAULT_REGION` and never `AWS_REGION`; the AWS CLI v2 and the other AWS SDKs read
// `AWS_REGION` first. A notebook gets both, with one value, so that every tool in it uses the region.
import { k8s } from 'cdk8s-plus-28';

/** The variable the tutorial names, and the AWS CLI v2 and the SDKs but botocore read first. */
export const REGION_VARIABLE = 'AWS_REGION';
/** The only region variable botocore reads. */
export const BOTOCORE_REGION_VARIABLE = 'AWS_DEFAULT_REGION';

/** The env entries that give a notebook `region`: both variables, `AWS_REGION` first. */
export function regionEnv(region: string): k8s.EnvVar[] {
  return [{ name: REGION_VARIABLE, value: region }, { name: BOTOCORE_REGION_VARIABLE, value: region }];
}
