// The error contract for the identities, as test/access/error-contract.test.ts holds it for the other
// constructs: an AccessError that names the construct path, the field and the fix, and nothing left in
// the tree, for every bad input a caller in any language can give.
import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import {
  AwsWebIdentityAccess, AzureStorageConfiguration, AzureWorkloadIdentityAccess, CloudIdentity, DockerConfig, GcpServiceAccountKey, GcpWorkloadIdentityAccess,
  NotebookAccess, StorageAccess,
} from '../../lib';
import { accessErrorOf, userChart } from '../support';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/notebook-s3';
const AZURE = { clientId: '00000000-0000-0000-0000-000000000001', tenantId: '00000000-0000-0000-0000-000000000002' };
const GCP = { projectNumber: '123456789012', poolId: 'kubeflow', providerId: 'cluster' };
const login = { username: 'fake-user', password: 'fake-password-0000' };
const FAKE_AZURE_KEY = Buffer.from('fake-azure-account-key-0000'.padEnd(64, '0')).toString('base64');

const identities: [string, (scope: Construct, props?: any) => unknown, any][] = [
  ['AwsWebIdentityAccess', (s, p) => new AwsWebIdentityAccess(s, 'access', p), { roleArn: ROLE_ARN }],
  ['AzureWorkloadIdentityAccess', (s, p) => new AzureWorkloadIdentityAccess(s, 'access', p), AZURE],
  ['GcpWorkloadIdentityAccess', (s, p) => new GcpWorkloadIdentityAccess(s, 'access', p), GCP],
];

const errorOf = (create: () => unknown) => accessErrorOf(create, [login.password, FAKE_AZURE_KEY]);
const treeOf = (root: Construct) => root.node.findAll().slice(1).map(c => c.node.path);

describe.each(identities)('%s', (_name, create, valid) => {
  test('under the App, outside any Chart: refused with a fix, nothing left', () => {
    const app = Testing.app();
    expect(errorOf(() => create(app, valid))).toMatch(/^\[access\] scope: is not inside a cdk8s Chart/);
    expect(treeOf(app)).toEqual([]);
  });

  test.each<[string, any, string]>([
    ['props null', null, 'props: is null, not an object: give the props as an object'],
    ['a namespace of a number', { namespace: 1 }, 'namespace: is a number, not a string: give a string, or leave namespace out'],
    ['switchServiceAccount "yes"', { switchServiceAccount: 'yes' }, 'switchServiceAccount: is a string, not true or false: give true or false, or leave switchServiceAccount out'],
    ['a namespace that is no DNS label', { namespace: 'Team A' }, 'namespace: "Team A" is not a valid namespace'],
    ['a name over 52 characters', { name: 'a'.repeat(53) }, 'name: "' + 'a'.repeat(53) + '" is too long: 53 characters, more than the 52'],
    ['hashSecretName, a Secret prop', { hashSecretName: true }, 'hashSecretName: does not apply'],
  ])('%s: an AccessError with the path, the field and the fix, nothing left', (_what, props, message) => {
    const chart = userChart();
    const given = props === null ? null : { ...valid, ...props };
    expect(errorOf(() => create(chart, given))).toContain(`[test/access] ${message}`);
    expect(treeOf(chart)).toEqual([]);
  });

  test('a valid one in the same scope afterwards works: the refused id is free', () => {
    const chart = userChart();
    errorOf(() => create(chart, { ...valid, namespace: 'Team A' }));
    create(chart, valid);
    expect(Testing.synth(chart).filter(o => o.kind === 'PodDefault').map(o => o.metadata.name)).toEqual(['access']);
  });
});

describe('NotebookAccess with an identity', () => {
  test.each<[string, any, string]>([
    ['MinIO storage beside an AWS role', { identity: CloudIdentity.awsWebIdentity({ roleArn: ROLE_ARN }), storage: StorageAccess.minio() },
      'storage: StorageAccess.minio gives AWS credentials, which a notebook cannot use beside an AWS web identity: botocore uses keys in the environment before the role, and the role before a credentials file: leave storage out, since the role reaches S3, or give storage of another cloud'],
    ['a GCS key beside the Google identity', { identity: CloudIdentity.gcpWorkloadIdentity(GCP), storage: StorageAccess.gcs(GcpServiceAccountKey.fromExistingSecret('user-gcp-sa')) },
      'storage: StorageAccess.gcs sets GOOGLE_APPLICATION_CREDENTIALS, as the Google identity does, and the webhook refuses a pod that sets it twice: leave storage out, since the identity reaches Cloud Storage, or give storage of another cloud'],
    ['an Azure account key beside the Azure identity', { identity: CloudIdentity.azureWorkloadIdentity(AZURE),
      storage: StorageAccess.azure(AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', accountKey: FAKE_AZURE_KEY })) },
    'storage: StorageAccess.azure gives an account key, SAS token or connection string, which adlfs uses instead of the Azure identity: give the storage account without a credential, or leave storage out'],
    ['an identity that is no CloudIdentity', { identity: { roleArn: ROLE_ARN } },
      'identity: is an object, not an instance of CloudIdentity: create it with one of CloudIdentity\'s static methods, such as CloudIdentity.awsWebIdentity({ roleArn })'],
    ['an identity whose ARN is bad', { identity: CloudIdentity.awsWebIdentity({ roleArn: 'arn:aws:iam::1:role/r' }) },
      '[test/access/aws-web-identity] roleArn: has an account id that is not 12 digits'],
  ])('%s: refused, and nothing of the NotebookAccess stays', (_what, props, message) => {
    const app = Testing.app();
    const chart = userChart(app);
    const error = errorOf(() => new NotebookAccess(chart, 'access', { docker: DockerConfig.fromLogin(login), ...props }));
    expect(error).toContain(message.startsWith('[') ? message : `[test/access] ${message}`);
    expect(treeOf(app)).toEqual(['test']);
  });
});
