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

  test('identity props as class instances keep the props their prototypes hold, as storage props do', () => {
    // GIVEN props whose fields are getters of their class, which a spread leaves out
    class RoleProps { public get roleArn() { return ROLE_ARN; } public get region() { return 'eu-west-1'; } }
    class WorkloadProps {
      public get clientId() { return '00000000-0000-0000-0000-000000000001'; }
      public get tenantId() { return '00000000-0000-0000-0000-000000000002'; }
    }
    class PoolProps { public get projectNumber() { return '123456789012'; } public get poolId() { return 'kubeflow'; } public get providerId() { return 'cluster'; } }
    for (const [identity, env] of [
      [CloudIdentity.awsWebIdentity(new RoleProps()), ['AWS_ROLE_ARN', ROLE_ARN]],
      [CloudIdentity.azureWorkloadIdentity(new WorkloadProps()), ['AZURE_CLIENT_ID', '00000000-0000-0000-0000-000000000001']],
      [CloudIdentity.gcpWorkloadIdentity(new PoolProps()), ['GOOGLE_APPLICATION_CREDENTIALS', '/etc/workload-identity/credential-configuration.json']],
    ] as const) {
      // WHEN the identity is given to a NotebookAccess (the constructor itself reads such props already)
      const access = new NotebookAccess(userChart(), 'access', { docker: DockerConfig.fromLogin(login), identity });
      // THEN its PodDefault holds them, where "roleArn: is empty" was refused
      expect((access.identity as any).toJson().spec.env[0]).toEqual({ name: env[0], value: env[1] });
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
