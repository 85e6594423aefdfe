// Property-based tests of the common props and construct ids of every access construct: names with
// every invalid character, too long, empty, or valid. Either the construct synthesises valid manifests
// that use the names exactly as given, or it throws one AccessError and leaves nothing in the tree.
import { readFileSync } from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import {
  AwsCredentials, AwsEnvConfiguration, AwsFileCredentials, AwsWebIdentityAccess, AzureBlobConfiguration, AzureStorageConfiguration,
  AzureWorkloadIdentityAccess, CloudIdentity, DockerConfig, DockerRegistryAccess, GcpServiceAccountKey, GcpWorkloadIdentityAccess, GcsCredentials,
  MinioCredentials, MinioDefault, NotebookAccess, PipelinesApiAccess, S3Configuration, StorageAccess,
} from '../../lib';
import { kebabCase, podDefaultNameProblem } from '../../lib/names';
import { buildOrReject, hostileText, nameCandidate, params, timeout, token } from '../fuzz';

const SECRET = 'SeCrEtPropsFuzz0000000000000000';
const KEY_ID = 'FAKEACCESSKEYID00000';
const login = { username: 'fake-user', password: SECRET };
const GCP_KEY = readFileSync(path.join(__dirname, '..', 'fixtures', 'gcp-service-account-key.json'), 'utf8');
const GCP_KEY_LINES = (JSON.parse(GCP_KEY).private_key as string).split('\n').filter(line => line.length >= 16 && !line.startsWith('-----'));
const AZURE_KEY = Buffer.from(`${SECRET}${'-'.repeat(64 - SECRET.length)}`).toString('base64');
const ROLE_ARN = 'arn:aws:iam::123456789012:role/notebook-s3';
const AZURE_IDENTITY = { clientId: '00000000-0000-0000-0000-000000000001', tenantId: '00000000-0000-0000-0000-000000000002' };
const GCP_POOL = { projectNumber: '123456789012', poolId: 'kubeflow', providerId: 'cluster' };

interface Kind {
  readonly kind: string;
  /** Whether the construct mounts its Secret, and so takes volumeName and mountPath. */
  readonly mounts: boolean;
  /** Whether the construct synthesises its Secret, and so takes secretName, immutable and hashSecretName. */
  readonly synthesises: boolean;
  readonly build: (chart: Chart, id: string, props: any) => Construct;
}

const KINDS: Kind[] = [
  { kind: 'DockerRegistryAccess fromLogin', mounts: true, synthesises: true,
    build: (c, id, p) => new DockerRegistryAccess(c, id, { ...p, config: DockerConfig.fromLogin(login) }) },
  { kind: 'DockerRegistryAccess fromExistingSecret', mounts: true, synthesises: false,
    build: (c, id, p) => new DockerRegistryAccess(c, id, { ...p, config: DockerConfig.fromExistingSecret('regcred') }) },
  { kind: 'AwsFileCredentials fromKeys', mounts: true, synthesises: true,
    build: (c, id, p) => new AwsFileCredentials(c, id, { ...p, credentials: AwsCredentials.fromKeys({ accessKeyId: KEY_ID, secretAccessKey: SECRET }) }) },
  { kind: 'AwsFileCredentials fromExistingSecret', mounts: true, synthesises: false,
    build: (c, id, p) => new AwsFileCredentials(c, id, { ...p, credentials: AwsCredentials.fromExistingSecret('aws-creds') }) },
  { kind: 'AwsEnvConfiguration fromValues', mounts: false, synthesises: true,
    build: (c, id, p) => new AwsEnvConfiguration(c, id, { ...p, configuration: S3Configuration.fromValues({ accessKeyId: KEY_ID, secretAccessKey: SECRET }) }) },
  { kind: 'AwsEnvConfiguration fromExistingSecret', mounts: false, synthesises: false,
    build: (c, id, p) => new AwsEnvConfiguration(c, id, { ...p, configuration: S3Configuration.fromExistingSecret('aws-env') }) },
  { kind: 'MinioDefault', mounts: false, synthesises: true,
    build: (c, id, p) => new MinioDefault(c, id, p) },
  { kind: 'MinioDefault fromKeys', mounts: false, synthesises: true,
    build: (c, id, p) => new MinioDefault(c, id, { ...p, credentials: MinioCredentials.fromKeys({ accessKey: KEY_ID, secretKey: SECRET }) }) },
  { kind: 'GcsCredentials fromJson', mounts: true, synthesises: true,
    build: (c, id, p) => new GcsCredentials(c, id, { ...p, key: GcpServiceAccountKey.fromJson(GCP_KEY) }) },
  { kind: 'GcsCredentials fromExistingSecret', mounts: true, synthesises: false,
    build: (c, id, p) => new GcsCredentials(c, id, { ...p, key: GcpServiceAccountKey.fromExistingSecret('user-gcp-sa') }) },
  { kind: 'AzureBlobConfiguration fromValues', mounts: false, synthesises: true,
    build: (c, id, p) => new AzureBlobConfiguration(c, id, { ...p, configuration: AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', accountKey: AZURE_KEY }) }) },
  { kind: 'AzureBlobConfiguration fromExistingSecret', mounts: false, synthesises: false,
    build: (c, id, p) => new AzureBlobConfiguration(c, id, { ...p, configuration: AzureStorageConfiguration.fromExistingSecret('azure-storage') }) },
  // No Secret at all: the Secret props are always refused, like those of an existing Secret.
  { kind: 'PipelinesApiAccess', mounts: false, synthesises: false,
    build: (c, id, p) => new PipelinesApiAccess(c, id, p) },
  { kind: 'AwsWebIdentityAccess', mounts: false, synthesises: false,
    build: (c, id, p) => new AwsWebIdentityAccess(c, id, { ...p, roleArn: ROLE_ARN }) },
  { kind: 'AzureWorkloadIdentityAccess', mounts: false, synthesises: false,
    build: (c, id, p) => new AzureWorkloadIdentityAccess(c, id, { ...p, ...AZURE_IDENTITY }) },
  { kind: 'GcpWorkloadIdentityAccess', mounts: false, synthesises: false,
    build: (c, id, p) => new GcpWorkloadIdentityAccess(c, id, { ...p, ...GCP_POOL }) },
];

const option = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const commonProps = fc.record({
  name: option(nameCandidate()),
  namespace: option(nameCandidate()),
  description: option(hostileText(40)),
  secretName: option(nameCandidate()),
  immutable: option(fc.boolean()),
  hashSecretName: option(fc.boolean()),
}, { requiredKeys: [] });
const mountProps = fc.record({
  volumeName: option(nameCandidate()),
  mountPath: option(fc.oneof(hostileText(30), fc.constantFrom('/home/kubeflow/.docker/', '/a/../b', '/x/..', '/', '/tmp/a b'))),
}, { requiredKeys: [] });
// The constructs library refuses "" and turns "/" into "--"; ids that name a property of every
// JavaScript object ("toString", "valueOf") stay in, and childPath must refuse them with an AccessError.
const constructId = fc.oneof(fc.constantFrom('access', 'DockerConfig', 'AWSCreds', 'my_registry.creds', 'Constructor', 'valueOf', 'toString'), nameCandidate())
  .filter(id => id !== '' && !id.includes('/'));

/**
 * Only the props a construct of this kind takes (the others are type errors in TypeScript); with an
 * existing Secret, the Secret-only props (always rejected) in a share of the runs only.
 */
function propsFor(kind: Kind, common: Record<string, unknown>, mount: Record<string, unknown>, keepSecretOnly: boolean): Record<string, unknown> {
  const props: Record<string, unknown> = { ...common, ...(kind.mounts ? mount : {}) };
  if (!kind.synthesises && !keepSecretOnly) {
    delete props.secretName;
    delete props.immutable;
    delete props.hashSecretName;
  }
  return props;
}

describe.each(KINDS)('$kind with hostile common props', kind => {
  test('valid manifests that use the names as given, or one AccessError', () => {
    fc.assert(fc.property(constructId, commonProps, mountProps, fc.boolean(), (id, common, mount, keepSecretOnly) => {
      const props = propsFor(kind, common, mount, keepSecretOnly);
      const outcome = buildOrReject(chart => kind.build(chart, id, props), [SECRET, AZURE_KEY, ...GCP_KEY_LINES]);
      if (!outcome.ok) { return; }
      const podDefault = outcome.manifests.find(m => m.kind === 'PodDefault');
      const name = (props.name as string | undefined) ?? kebabCase(id);
      expect(podDefault.metadata.name).toBe(name);
      expect(podDefault.spec.selector).toEqual({ matchLabels: { [name]: 'true' } });
      expect(podDefaultNameProblem(name)).toBeUndefined();
      if (props.namespace !== undefined) {
        expect(outcome.manifests.map(m => m.metadata.namespace)).toEqual(outcome.manifests.map(() => props.namespace));
      }
      if (props.description !== undefined) { expect(podDefault.spec.desc).toBe(props.description); }
      if (kind.mounts && props.mountPath !== undefined) { expect(podDefault.spec.volumeMounts[0].mountPath).toBe(props.mountPath); }
      if (kind.mounts && props.volumeName !== undefined) { expect(podDefault.spec.volumes[0].name).toBe(props.volumeName); }
      const secret = outcome.manifests.find(m => m.kind === 'Secret');
      if (secret !== undefined && props.secretName !== undefined) {
        expect(secret.metadata.name).toEqual(props.hashSecretName ? expect.stringMatching(new RegExp(`^${escape(props.secretName as string)}-[a-z0-9]{10}$`)) : props.secretName);
      }
      if (secret !== undefined) { expect(secret.immutable).toBe(props.immutable ? true : undefined); }
    }), params());
  }, timeout(100));
});

describe('NotebookAccess with hostile props', () => {
  test('valid manifests, or one AccessError that leaves no child behind', () => {
    const storage = fc.constantFrom(
      () => undefined,
      () => StorageAccess.minio(),
      () => StorageAccess.awsFile(AwsCredentials.fromKeys({ accessKeyId: KEY_ID, secretAccessKey: SECRET })),
      () => StorageAccess.awsEnv(S3Configuration.fromValues({ accessKeyId: KEY_ID, secretAccessKey: SECRET })),
      () => StorageAccess.gcs(GcpServiceAccountKey.fromJson(GCP_KEY)),
      () => StorageAccess.azure(AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', accountKey: AZURE_KEY })),
    );
    const identity = fc.constantFrom(
      () => undefined,
      () => CloudIdentity.awsWebIdentity({ roleArn: ROLE_ARN }),
      () => CloudIdentity.azureWorkloadIdentity(AZURE_IDENTITY),
      () => CloudIdentity.gcpWorkloadIdentity(GCP_POOL),
    );
    fc.assert(fc.property(constructId, storage, identity, option(nameCandidate()), option(hostileText(30)), token(), option(fc.boolean()),
      (id, makeStorage, makeIdentity, namespace, homeDirectory, password, pipelines) => {
        buildOrReject(chart => new NotebookAccess(chart, id, {
          docker: DockerConfig.fromLogin({ username: 'fake-user', password }),
          storage: makeStorage(),
          identity: makeIdentity(),
          namespace,
          homeDirectory,
          pipelines,
        }), [password, SECRET, AZURE_KEY, ...GCP_KEY_LINES]);
      }), params());
  }, timeout(100));
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
