export { PodDefaultAccess, PodDefaultAccessOptions, PodDefaultAccessSpec, PodDefaultMountOptions } from './access/pod-default-access';
export { AwsCredentials, AwsCredentialsStoreProps, AwsKeysStoreProps, AwsProfile } from './sources/aws-credentials';
export { AwsEnvConfiguration, AwsEnvConfigurationOptions, AwsEnvConfigurationProps } from './access/aws-env-configuration';
export { AwsFileCredentials, AwsFileCredentialsOptions, AwsFileCredentialsProps } from './access/aws-file-credentials';
export { AzureBlobConfiguration, AzureBlobConfigurationOptions, AzureBlobConfigurationProps } from './access/azure-blob-configuration';
export { AzureStorageConfiguration, AzureStorageStoreProps, AzureStorageValues } from './sources/azure-storage-configuration';
export { DockerConfig, DockerConfigStoreProps, DockerLoginStoreProps, DockerSecretType } from './sources/docker-config';
export { DockerLogin } from './sources/docker-config-json';
export { DockerRegistryAccess, DockerRegistryAccessOptions, DockerRegistryAccessProps } from './access/docker-registry-access';
export { GcpServiceAccountKey, GcpServiceAccountKeyStoreProps } from './sources/gcp-service-account-key';
export { GcsCredentials, GcsCredentialsOptions, GcsCredentialsProps } from './access/gcs-credentials';
export { AccessError } from './errors';
export { AwsTrustPolicyOptions, AwsWebIdentityAccess, AwsWebIdentityAccessProps } from './identity/aws-web-identity-access';
export { AzureFederatedCredential, AzureWorkloadIdentityAccess, AzureWorkloadIdentityAccessProps } from './identity/azure-workload-identity-access';
export { CloudIdentity } from './identity/cloud-identity';
export { CloudIdentityAccess, CloudIdentityOptions, CloudIdentitySpec } from './identity/cloud-identity-access';
export { GcpWorkloadIdentityAccess, GcpWorkloadIdentityAccessProps, GkePrincipalOptions } from './identity/gcp-workload-identity-access';
export { MinioCredentials, MinioKeys, MinioKeysStoreProps } from './sources/minio-credentials';
export { MinioDefault, MinioDefaultProps } from './access/minio-default';
export { NotebookAccess, NotebookAccessProps, StorageAccess } from './access/notebook-access';
export { PipelinesApiAccess, PipelinesApiAccessProps } from './access/pipelines-api-access';
export { AdmissionConflict, AdmissionOptions, AdmissionResult, PodDefaultAdmission } from './admission/pod-default-admission';
export { PodDefaultValidation } from './check/pod-default-validation';
export { PodDefaultValidationPlugin, PodDefaultValidationPluginProps } from './check/pod-default-validation-plugin';
export { CheckInput, CheckOptions, CheckProblem, PodDefaultCheck } from './check';
export { RemoteValue } from './sources/remote-value';
export { S3Checksums, S3Configuration, S3ConfigurationStoreProps, S3ConfigurationValues, S3SignatureVersion } from './sources/s3-configuration';
export { SecretStoreKind, SecretStoreOptions, SecretStoreRef } from './sources/secret-store';
export { KubePodDefault, KubePodDefaultProps, PodDefaultSpec } from '../imports/kubeflow.org';
export {
  ExternalSecretSpec, ExternalSecretSpecData, ExternalSecretSpecDataRemoteRef, ExternalSecretSpecSecretStoreRef,
  ExternalSecretSpecSecretStoreRefKind, ExternalSecretSpecTarget, ExternalSecretSpecTargetCreationPolicy,
  ExternalSecretSpecTargetTemplate, ExternalSecretSpecTargetTemplateEngineVersion, ExternalSecretSpecTargetTemplateMetadata, KubeExternalSecret,
  KubeExternalSecretProps,
} from '../imports/external-secrets.io';
export { ConsumerSecret } from './consumers/consumer-secret';
export { HuggingFaceToken, HuggingFaceTokenStoreProps } from './sources/hugging-face-token';
export { KServeServiceAccount, KServeServiceAccountProps } from './consumers/kserve-service-account';
export { PipelinesArtifactStore, PipelinesArtifactStoreProps } from './consumers/pipelines-artifact-store';
export { TrainerStorageCredentials, TrainerStorageCredentialsProps } from './consumers/trainer-storage-credentials';
export { KServeStorageConfig, KServeStorageConfigProps } from './consumers/kserve-storage-config';
