import { App, Testing } from 'cdk8s';
import {
  AwsCredentials, AzureStorageConfiguration, DockerConfig, DockerSecretType, GcpServiceAccountKey, NotebookAccess,
  NotebookAccessProps, PodDefaultAdmission, S3Configuration, StorageAccess,
} from '../../lib';
import { expectGolden, expectRejected, fixture, userChart } from '../support';

const docker = DockerConfig.fromLogin({ server: 'ghcr.io', username: 'fake-user', password: 'fake-password-0000' });
const awsKeys = { accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: 'fake-secret-key-0000' };

function notebook(props: NotebookAccessProps, app: App = Testing.app()): NotebookAccess {
  return new NotebookAccess(userChart(app), 'access', props);
}

describe('NotebookAccess golden output', () => {
  test('by default, Docker plus the in-cluster MinIO', () => {
    // GIVEN
    const app = Testing.app();
    // WHEN
    notebook({ docker }, app);
    // THEN
    expectGolden(app, 'notebook-default');
  });

  test('with an AWS credentials file', () => {
    const app = Testing.app();
    notebook({ docker, storage: StorageAccess.awsFile(AwsCredentials.fromKeys({ ...awsKeys, region: 'eu-west-1' })) }, app);
    expectGolden(app, 'notebook-aws-file');
  });

  test('with AWS environment variables', () => {
    const app = Testing.app();
    notebook({ docker, storage: StorageAccess.awsEnv(S3Configuration.fromValues({ ...awsKeys, region: 'eu-west-1' })) }, app);
    expectGolden(app, 'notebook-aws-env');
  });

  test('with GCS through a service-account key, and the Pipelines API', () => {
    const app = Testing.app();
    notebook({ docker, storage: StorageAccess.gcs(GcpServiceAccountKey.fromExistingSecret('user-gcp-sa')), pipelines: true }, app);
    expectGolden(app, 'notebook-gcs-pipelines');
  });

  test('with Azure Blob Storage', () => {
    const app = Testing.app();
    notebook({ docker, storage: StorageAccess.azure(AzureStorageConfiguration.fromExistingSecret('team-azure')) }, app);
    expectGolden(app, 'notebook-azure');
  });

  test('in a Kaptain image whose home is /home/kubeflow', () => {
    const app = Testing.app();
    notebook({ docker, homeDirectory: '/home/kubeflow/', storage: StorageAccess.awsFile(AwsCredentials.fromKeys(awsKeys)) }, app);
    expectGolden(app, 'notebook-kaptain');
  });
});

describe('NotebookAccess', () => {
  test('exposes its children and every label a Notebook needs', () => {
    const access = notebook({ docker });
    expect(access.docker.node.id).toBe('docker-config');
    expect(access.storage!.node.id).toBe('minio');
    expect(access.selectorLabels).toEqual({ 'docker-config': 'true', 'minio': 'true' });
  });

  test('pipelines adds the Kubeflow docs\' access-ml-pipeline, and a notebook selecting every label is admitted', () => {
    // GIVEN WHEN
    const chart = userChart();
    const access = new NotebookAccess(chart, 'access', {
      docker, pipelines: true, storage: StorageAccess.gcs(GcpServiceAccountKey.fromFile(fixture('gcp-service-account-key.json'))),
    });
    // THEN
    expect(access.pipelines?.node.id).toBe('access-ml-pipeline');
    expect(access.storage!.node.id).toBe('gcs-credentials');
    expect(access.selectorLabels).toEqual({ 'docker-config': 'true', 'gcs-credentials': 'true', 'access-ml-pipeline': 'true' });
    const pod = {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'nb-0', namespace: 'user', labels: access.selectorLabels },
      spec: { containers: [{ name: 'nb', image: 'nb' }] },
    };
    const result = PodDefaultAdmission.admit(pod, Testing.synth(chart).filter(m => m.kind === 'PodDefault'));
    expect(result.applied).toEqual(['access-ml-pipeline', 'docker-config', 'gcs-credentials']);
  });

  test('without pipelines there is no Pipelines API access', () => {
    const access = notebook({ docker, storage: StorageAccess.azure(AzureStorageConfiguration.fromExistingSecret('team-azure'), { name: 'blob' }) });
    expect(access.pipelines).toBeUndefined();
    expect(access.selectorLabels).toEqual({ 'docker-config': 'true', 'blob': 'true' });
  });

  test('storage props and dockerOptions override the defaults', () => {
    // GIVEN
    const chart = userChart();
    // WHEN
    const access = new NotebookAccess(chart, 'access', {
      docker,
      dockerOptions: { name: 'registry', secretType: DockerSecretType.DOCKER_CONFIG_JSON, mountPath: '/opt/docker/' },
      storage: StorageAccess.awsFile(AwsCredentials.fromKeys(awsKeys), { name: 's3', mountPath: '/opt/aws/' }),
      namespace: 'team-a',
    });
    // THEN
    const manifests = Testing.synth(chart);
    const podDefaults = manifests.filter(m => m.kind === 'PodDefault');
    expect(podDefaults.map(p => [p.metadata.namespace, p.metadata.name, p.spec.volumeMounts[0].mountPath])).toEqual([
      ['team-a', 'registry', '/opt/docker/'],
      ['team-a', 's3', '/opt/aws/'],
    ]);
    expect(podDefaults[0].spec.imagePullSecrets).toEqual([{ name: 'registry' }]);
    expect(access.selectorLabels).toEqual({ registry: 'true', s3: 'true' });
  });

  test.each<[string, Partial<NotebookAccessProps>, string]>([
    ['dockerOptions', { dockerOptions: { namespace: 'team-b' } }, 'docker options'],
    ['storage', { storage: StorageAccess.minio({ namespace: 'team-b' }) }, 'storage\'s props'],
  ])('%s in another namespace than the NotebookAccess is refused: no notebook could select its PodDefault', (field, props, whose) => {
    // GIVEN a chart of namespace user
    const chart = userChart();
    // WHEN a part names team-b THEN the NotebookAccess is refused, naming the part, and nothing is left
    expectRejected(chart, 'access', () => new NotebookAccess(chart, 'access', { docker, ...props }),
      `[test/access] ${field}: puts its PodDefault in namespace "team-b", and this NotebookAccess is in "user": `
      + `a notebook selects the PodDefaults of its own namespace alone; leave namespace out of the ${whose}, or give the NotebookAccess that namespace`, ['fake-password-0000']);
  });

  test.each<[string, () => StorageAccess, string]>([
    ['StorageAccess.minio(null)', () => StorageAccess.minio(null as any), '[test/access/minio] props: is null, not an object: give the props as an object'],
    ['StorageAccess.awsFile with options of a string', () => StorageAccess.awsFile(AwsCredentials.fromKeys(awsKeys), 's3' as any),
      '[test/access/aws-credentials] props: is a string, not an object: give the props as an object'],
    ['StorageAccess.minio with props whose getter throws', () => StorageAccess.minio(Object.defineProperty({}, 'name', { enumerable: true, get: () => { throw new Error('fake-password-0000'); } })),
      '[test/access/minio] name: cannot be read: reading it threw an error (a getter or a Proxy): give it as a plain value'],
    ['StorageAccess.awsFile with options a Proxy that cannot list its keys', () => StorageAccess.awsFile(AwsCredentials.fromKeys(awsKeys), new Proxy({}, { ownKeys: () => { throw new Error('x'); } })),
      '[test/access/aws-credentials] props: cannot be read: listing its properties threw an error (a Proxy?): give the props as a plain object of values'],
  ])('%s (from JavaScript) is refused by the storage construct in words, not by a TypeError', (_, storage, message) => {
    const chart = userChart();
    expectRejected(chart, 'access', () => new NotebookAccess(chart, 'access', { docker, storage: storage() }), message, ['fake-password-0000', awsKeys.secretAccessKey]);
  });

  test('docker options whose getter throws are refused naming the option', () => {
    const chart = userChart();
    const dockerOptions = Object.defineProperty({}, 'mountPath', { enumerable: true, get: () => { throw new Error('fake-password-0000'); } });
    expectRejected(chart, 'access', () => new NotebookAccess(chart, 'access', { docker, dockerOptions }),
      '[test/access] dockerOptions.mountPath: cannot be read: reading it threw an error (a getter or a Proxy): give it as a plain value', ['fake-password-0000']);
  });

  test('docker options and storage props as class instances keep the options their prototypes hold', () => {
    // GIVEN options whose fields are getters of their class, as a spread would leave them out
    class DockerOptions { public get secretName() { return 'registry'; } }
    class MinioOptions { public get name() { return 'store'; } public get description() { return 'Team MinIO'; } }
    // WHEN
    const access = notebook({ docker, dockerOptions: new DockerOptions(), storage: StorageAccess.minio(new MinioOptions()) });
    // THEN
    expect(access.docker.secretName).toBe('registry');
    expect(access.storage!.selectorLabels).toEqual({ store: 'true' });
    expect((access.storage as any).toJson().spec.desc).toBe('Team MinIO');
  });

  test('storage props are copied when the storage is made: a later change to them does not count', () => {
    // GIVEN MinIO props, changed after the StorageAccess is made
    const props: { name?: string } = { name: 'store' };
    const storage = StorageAccess.minio(props);
    props.name = 'changed';
    // WHEN
    const access = notebook({ docker, storage });
    // THEN the name given first
    expect(access.storage!.node.id).toBe('minio');
    expect(access.selectorLabels).toEqual({ 'docker-config': 'true', 'store': 'true' });
  });

  test('a missing docker config is a clear error', () => {
    const chart = userChart();
    expect(() => new NotebookAccess(chart, 'access', {} as NotebookAccessProps))
      .toThrow('[test/access] docker: is missing: give the registry credentials, such as DockerConfig.fromFile("config.json")');
  });

  test('a relative home directory is a clear error', () => {
    expect(() => notebook({ docker, homeDirectory: 'home/jovyan' }))
      .toThrow('[test/access] homeDirectory: is not an absolute path (it does not start with "/"); a directory to mount at is an absolute path without ".." segments, control characters (such as a line break or a tab), "\\" or whitespace at its end: give the notebook user\'s home, such as "/home/jovyan"');
  });

  test('pipelines given as a string or a number, as JavaScript and jsii callers may, is refused, not read as truthy', () => {
    // GIVEN pipelines: "false", which a truthiness test took for true and added the Pipelines API access
    const chart = userChart();
    // WHEN / THEN it is refused, naming the prop, and nothing is left in the tree
    expectRejected(chart, 'access', () => new NotebookAccess(chart, 'access', { docker, pipelines: 'false' as any }),
      '[test/access] pipelines: is a string, not true or false: give true or false, or leave pipelines out', ['fake-password-0000']);
    expectRejected(chart, 'access', () => new NotebookAccess(chart, 'access', { docker, pipelines: 1 as any }),
      '[test/access] pipelines: is a number, not true or false: give true or false, or leave pipelines out', ['fake-password-0000']);
    expect(Testing.synth(chart)).toEqual([]);
  });

  test('a home directory that ends with whitespace is refused: every mount would land in a directory the tools never read', () => {
    // GIVEN a home read from a file or a variable with its line's trailing space, or a tab, in it
    // WHEN / THEN each is refused, naming the prop and the character, not the value
    expect(() => notebook({ docker, homeDirectory: '/home/jovyan ' }))
      .toThrow('[test/access] homeDirectory: ends with a space; a directory to mount at is an absolute path without ".." segments, control characters (such as a line break or a tab), "\\" or whitespace at its end: give the notebook user\'s home, such as "/home/jovyan"');
    expect(() => notebook({ docker, homeDirectory: '/home/jovyan\t' }))
      .toThrow('[test/access] homeDirectory: has a tab at character 13; a directory to mount at is an absolute path without ".." segments, control characters (such as a line break or a tab), "\\" or whitespace at its end: give the notebook user\'s home, such as "/home/jovyan"');
  });

  test('a bad child input leaves nothing half-built', () => {
    // GIVEN
    const chart = userChart();
    // WHEN the storage is refused, naming the child and its field
    expectRejected(chart, 'access', () => new NotebookAccess(chart, 'access', {
      docker,
      storage: StorageAccess.awsFile(AwsCredentials.fromFile('/nonexistent/credentials')),
    }), '[test/access/aws-credentials] credentials: the path does not exist: give the path of a readable file (relative to the current directory), or the content itself to AwsCredentials.fromKeys (or fromProfiles); the path is not shown, since it may be a credential given in its place', ['fake-password-0000']);
    // THEN neither the NotebookAccess nor its Docker child stays in the tree
    expect(Testing.synth(chart)).toEqual([]);
  });
});
