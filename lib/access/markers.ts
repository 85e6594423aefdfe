// The mutual-exclusion markers (docs/check.md, "the marker convention"): each PodDefault of a group sets
// the group's env var to its own name, so the webhook refuses a notebook that selects two of them (two
// values for one variable), the app-wide check does not judge them together, and one profile can still
// offer every member, to choose one.
import { k8s } from 'cdk8s-plus-28';

/**
 * The S3 accesses and the AWS role: two stores' variables would mix, and botocore uses keys in the
 * environment before a web identity, so a notebook with keys beside the role would silently not use it.
 */
export const S3_ACCESS_MARKER = 'KUBEFLOW_S3_ACCESS';

/**
 * An AWS credential that botocore's default chain reads: the web identity and a credentials file with a
 * `[default]` profile, which botocore uses after the role, so the file would silently go unused. Only
 * these two set it, so that a credentials file can still be selected with `AwsEnvConfiguration` or
 * `MinioDefault`, as before.
 */
export const AWS_CREDENTIAL_MARKER = 'KUBEFLOW_AWS_CREDENTIAL';

/**
 * Every Azure Blob Storage access, the account-only form included: two `envFrom` Secrets would mix the
 * variables of two accounts.
 */
export const AZURE_ACCESS_MARKER = 'KUBEFLOW_AZURE_ACCESS';

/**
 * An Azure credential: the workload identity and the storage accesses that hold a key, SAS token or
 * connection string, which adlfs uses before `DefaultAzureCredential`, so the identity would silently go
 * unused. The account-only storage access does not set it: it is meant to be selected with the identity.
 */
export const AZURE_CREDENTIAL_MARKER = 'KUBEFLOW_AZURE_CREDENTIAL';

/**
 * A Google credential: the workload identity and the service-account key, each of which sets
 * `GOOGLE_APPLICATION_CREDENTIALS` (and two keys their volumes at one path).
 */
export const GCP_CREDENTIAL_MARKER = 'KUBEFLOW_GCP_CREDENTIAL';

/** The env entry of `marker` for the PodDefault `name`. */
export function markerEnv(marker: string, name: string): k8s.EnvVar {
  return { name: marker, value: name };
}
