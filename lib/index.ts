export { PodDefaultAccess, PodDefaultAccessOptions, PodDefaultAccessSpec, PodDefaultMountOptions } from './access';
export { AwsCredentials, AwsCredentialsStoreProps, AwsKeysStoreProps, AwsProfile } from './aws-credentials';
export { AwsEnvConfiguration, AwsEnvConfigurationOptions, AwsEnvConfigurationProps } from './aws-env-configuration';
export { AwsFileCredentials, AwsFileCredentialsOptions, AwsFileCredentialsProps } from './aws-file-credentials';
export { AzureBlobConfiguration, AzureBlobConfigurationOptions, AzureBlobConfigurationProps } from './azure-blob-configuration';
export { AzureStorageConfiguration, AzureStorageStoreProps, AzureStorageValues } from './azure-storage-configuration';
export { DockerConfig, DockerConfigStoreProps, DockerLoginStoreProps, DockerSecretType } from './docker-config';
export { DockerLogin } from './docker-config-json';
export { DockerRegistryAccess, DockerRegistryAccessOptions, DockerRegistryAccessProps } from './docker-registry-access';
export { GcpServiceAccountKey, GcpServiceAccountKeyStoreProps } from './gcp-service-account-key';
export { GcsCredentials, GcsCredentialsOptions, GcsCredentialsProps } from './gcs-credentials';
export { AccessError } from './errors';
export { MinioCredentials, MinioKeys, MinioKeysStoreProps } from './minio-credentials';
export { MinioDefault, MinioDefaultProps } from './minio-default';
export { NotebookAccess, NotebookAccessProps, StorageAccess } from './notebook-access';
export { PipelinesApiAccess, PipelinesApiAccessProps } from './pipelines-api-access';
export { AdmissionConflict, AdmissionOptions, AdmissionResult, PodDefaultAdmission } from './pod-default-admission';
export { PodDefaultValidation } from './pod-default-validation';
export { PodDefaultValidationPlugin, PodDefaultValidationPluginProps } from './pod-default-validation-plugin';
export { CheckInput, CheckOptions, CheckProblem, PodDefaultCheck } from './check';
export { RemoteValue } from './remote-value';
export { S3Checksums, S3Configuration, S3ConfigurationStoreProps, S3ConfigurationValues, S3SignatureVersion } from './s3-configuration';
export { SecretStoreKind, SecretStoreOptions, SecretStoreRef } from './secret-store';
export { KubePodDefault, KubePodDefaultProps, PodDefaultSpec } from '../imports/kubeflow.org';
export {
  ExternalSecretSpec, ExternalSecretSpecData, ExternalSecretSpecDataRemoteRef, ExternalSecretSpecSecretStoreRef,
  ExternalSecretSpecSecretStoreRefKind, ExternalSecretSpecTarget, ExternalSecretSpecTargetCreationPolicy,
  ExternalSecretSpecTargetTemplate, ExternalSecretSpecTargetTemplateEngineVersion, KubeExternalSecret, KubeExternalSecretProps,
} from '../imports/external-secrets.io';
