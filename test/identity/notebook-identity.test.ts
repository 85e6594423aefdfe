import { Testing } from 'cdk8s';
import { CloudIdentity, DockerConfig, NotebookAccess, PodDefaultAdmission, StorageAccess } from '../../lib';
import { expectGolden, expectRejected, userChart } from '../support';

const login = { username: 'fake-user', password: 'fake-password-0000' };
const ROLE_ARN = 'arn:aws:iam::123456789012:role/notebook-s3';

describe('NotebookAccess with an identity', () => {
  test('an AWS role: the registry and the role, no storage construct (the role reaches S3), one label set for both', () => {
    // GIVEN
    const app = Testing.app();
    const chart = userChart(app);
    // WHEN
    const access = new NotebookAccess(chart, 'access', {
      docker: DockerConfig.fromLogin({ ...login, server: 'ghcr.io' }),
      identity: CloudIdentity.awsWebIdentity({ roleArn: ROLE_ARN, region: 'eu-west-1' }),
    });
    // THEN
    expectGolden(app, 'identity-notebook-aws');
    expect(access.storage).toBeUndefined();
    expect(access.identity!.node.id).toBe('aws-web-identity');
    expect(access.selectorLabels).toEqual({ 'docker-config': 'true', 'aws-web-identity': 'true' });
    // AND a notebook with those labels is admitted with the role's env
    const podDefaults = Testing.synth(chart).filter(o => o.kind === 'PodDefault');
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nb', namespace: 'user', labels: access.selectorLabels }, spec: { containers: [{ name: 'nb', image: 'nb' }] } };
    const result = PodDefaultAdmission.admit(pod, podDefaults);
    expect(result.applied).toEqual(['aws-web-identity', 'docker-config']);
    expect(result.pod.spec.containers[0].env.map((e: any) => e.name)).toEqual(['AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'KUBEFLOW_AWS_CREDENTIAL', 'KUBEFLOW_S3_ACCESS']);
  });

  test('a Google identity beside in-cluster MinIO, asked for: two clouds meet', () => {
    const chart = userChart();
    const access = new NotebookAccess(chart, 'access', {
      docker: DockerConfig.fromLogin(login),
      identity: CloudIdentity.gcpWorkloadIdentity({ projectNumber: '123456789012', poolId: 'kubeflow', providerId: 'cluster' }),
      storage: StorageAccess.minio(),
    });
    expect(Testing.synth(chart).filter(o => o.kind !== 'Secret').map(o => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'ConfigMap/gcp-workload-identity', 'PodDefault/docker-config', 'PodDefault/gcp-workload-identity', 'PodDefault/minio',
    ]);
    expect(Object.keys(access.selectorLabels).sort()).toEqual(['docker-config', 'gcp-workload-identity', 'minio']);
  });

  test('an Azure identity takes the namespace of the NotebookAccess', () => {
    const chart = userChart();
    const access = new NotebookAccess(chart, 'access', {
      namespace: 'team-a',
      docker: DockerConfig.fromLogin(login),
      identity: CloudIdentity.azureWorkloadIdentity({ clientId: '00000000-0000-0000-0000-000000000001', tenantId: '00000000-0000-0000-0000-000000000002' }),
    });
    expect(access.identity!.namespace).toBe('team-a');
    expect(access.identity!.trustSubject).toBe('system:serviceaccount:team-a:default-editor');
  });
});

describe('NotebookAccess with an identity: odd input', () => {
  test('props that are no object, from JavaScript, are refused in words naming the identity, not by a TypeError', () => {
    for (const [props, type] of [[null, 'null'], [undefined, 'missing'], ['arn:aws:iam::123456789012:role/notebook-s3', 'a string']] as const) {
      // GIVEN
      const chart = userChart();
      // WHEN
      const create = () => new NotebookAccess(chart, 'access', {
        docker: DockerConfig.fromLogin(login),
        identity: (CloudIdentity.awsWebIdentity as (p: unknown) => CloudIdentity)(props),
      });
      // THEN
      expectRejected(chart, 'access', create, `[test/access/aws-web-identity] props: is ${type}, not an object: give the props as an object`, [login.password]);
    }
  });

  test('an identity in another namespace than the NotebookAccess is refused: no notebook could select its PodDefault', () => {
    // GIVEN
    const chart = userChart();
    // WHEN
    const create = () => new NotebookAccess(chart, 'access', {
      docker: DockerConfig.fromLogin(login),
      identity: CloudIdentity.awsWebIdentity({ roleArn: ROLE_ARN, namespace: 'team-b' }),
    });
    // THEN
    expectRejected(chart, 'access', create, '[test/access] identity: puts its PodDefault in namespace "team-b", and this NotebookAccess is in "user": '
      + 'a notebook selects the PodDefaults of its own namespace alone; leave namespace out of the identity\'s props, or give the NotebookAccess that namespace', [login.password]);
  });
});
