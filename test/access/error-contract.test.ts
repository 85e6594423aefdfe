import { App, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import {
  AwsCredentials, AwsEnvConfiguration, AwsFileCredentials, AzureBlobConfiguration, AzureStorageConfiguration, DockerConfig,
  DockerRegistryAccess, GcpServiceAccountKey, GcsCredentials, MinioCredentials, MinioDefault, NotebookAccess, PipelinesApiAccess,
  S3Configuration, StorageAccess,
} from '../../lib';
import { accessErrorOf, userChart } from '../support';

const login = { username: 'fake-user', password: 'fake-password-0000' };
const FAKE_SECRET = 'fake-secret-key-0000';
const keys = { accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET };

/** Every construct of the library, with props that are valid inside a Chart. */
const constructs: [string, (scope: Construct, props?: any) => unknown, any][] = [
  ['DockerRegistryAccess', (s, p) => new DockerRegistryAccess(s, 'access', p), { config: DockerConfig.fromLogin(login) }],
  ['AwsFileCredentials', (s, p) => new AwsFileCredentials(s, 'access', p), { credentials: AwsCredentials.fromKeys(keys) }],
  ['AwsEnvConfiguration', (s, p) => new AwsEnvConfiguration(s, 'access', p), { configuration: S3Configuration.fromValues(keys) }],
  ['MinioDefault', (s, p) => new MinioDefault(s, 'access', p), {}],
  ['NotebookAccess', (s, p) => new NotebookAccess(s, 'access', p), { docker: DockerConfig.fromLogin(login) }],
  ['GcsCredentials', (s, p) => new GcsCredentials(s, 'access', p), { key: GcpServiceAccountKey.fromExistingSecret('user-gcp-sa') }],
  ['AzureBlobConfiguration', (s, p) => new AzureBlobConfiguration(s, 'access', p), { configuration: AzureStorageConfiguration.fromExistingSecret('azure') }],
  ['PipelinesApiAccess', (s, p) => new PipelinesApiAccess(s, 'access', p), {}],
];

/** The error `create` throws, checked to be the library's own and free of the fake secrets. */
const errorOf = (create: () => unknown): string => accessErrorOf(create, [FAKE_SECRET, login.password]);

/** Every path in the tree under `root`, but `root` itself. */
const treeOf = (root: Construct) => root.node.findAll().slice(1).map(c => c.node.path);

const UNDER_APP = 'scope: is not inside a cdk8s Chart (the construct was created directly under the App): create a Chart, such as new Chart(app, "profile", { namespace: "team-a" }), and the construct in it';

describe('a construct created directly under the App', () => {
  test.each(constructs)('%s gets an AccessError with a fix and leaves nothing in the tree', (_name, create, props) => {
    // GIVEN an App without a Chart
    const app = Testing.app();
    // WHEN / THEN
    expect(errorOf(() => create(app, props))).toBe(`[access] ${UNDER_APP}`);
    expect(treeOf(app)).toEqual([]);
  });

  test.each(constructs)('%s with a namespace of its own is refused the same way', (_name, create, props) => {
    const app = Testing.app();
    expect(errorOf(() => create(app, { ...props, namespace: 'user' }))).toBe(`[access] ${UNDER_APP}`);
    expect(treeOf(app)).toEqual([]);
  });

  test('a construct nested in a plain Construct inside a Chart is fine', () => {
    const chart = userChart();
    const group = new Construct(chart, 'group');
    new DockerRegistryAccess(group, 'docker-config', { config: DockerConfig.fromLogin(login) });
    expect(Testing.synth(chart).map(m => `${m.kind}/${m.metadata.name}`).sort()).toEqual(['PodDefault/docker-config', 'Secret/docker-config']);
  });
});

describe('JavaScript and jsii callers with wrong types', () => {
  const chart = () => userChart();

  test.each(constructs.filter(([name]) => name !== 'MinioDefault' && name !== 'PipelinesApiAccess'))('%s with props null or missing', (_name, create) => {
    const scope = chart();
    expect(errorOf(() => create(scope, null))).toBe('[test/access] props: is null, not an object: give the props as an object');
    expect(errorOf(() => create(scope, undefined))).toBe('[test/access] props: is missing, not an object: give the props as an object');
    expect(treeOf(scope)).toEqual([]);
  });

  test.each(constructs.filter(([name]) => name === 'MinioDefault' || name === 'PipelinesApiAccess'))('%s with props null (undefined is its defaults)', (_name, create) => {
    const scope = chart();
    expect(errorOf(() => create(scope, null))).toBe('[test/access] props: is null, not an object: give the props as an object');
    expect(treeOf(scope)).toEqual([]);
  });

  test.each<[string, (scope: Construct) => unknown, string]>([
    ['secretType: "bogus"', s => new DockerRegistryAccess(s, 'access', { config: DockerConfig.fromLogin(login), secretType: 'bogus' as any }),
      '[test/access] secretType: is not a value of DockerSecretType: give DockerSecretType.OPAQUE or DockerSecretType.DOCKER_CONFIG_JSON'],
    ['immutable: "no"', s => new DockerRegistryAccess(s, 'access', { config: DockerConfig.fromLogin(login), immutable: 'no' as any }),
      '[test/access] immutable: is a string, not true or false: give true or false, or leave immutable out'],
    ['hashSecretName: 1', s => new AwsFileCredentials(s, 'access', { credentials: AwsCredentials.fromKeys(keys), hashSecretName: 1 as any }),
      '[test/access] hashSecretName: is a number, not true or false: give true or false, or leave hashSecretName out'],
    ['name: 42', s => new AwsEnvConfiguration(s, 'access', { configuration: S3Configuration.fromValues(keys), name: 42 as any }),
      '[test/access] name: is a number, not a string: give a string, or leave name out'],
    ['description: null', s => new MinioDefault(s, 'access', { description: null as any }),
      '[test/access] description: is null, not a string: give a string, or leave description out'],
    ['mountPath: an array', s => new DockerRegistryAccess(s, 'access', { config: DockerConfig.fromLogin(login), mountPath: ['/a'] as any }),
      '[test/access] mountPath: is an array, not a string: give a string, or leave mountPath out'],
    ['region: a number', s => new AwsFileCredentials(s, 'access', { credentials: AwsCredentials.fromKeys(keys), region: 1 as any }),
      '[test/access] region: is a number, not a string: give a string, or leave region out'],
    ['sdkEndpointVariable: "yes"', s => new AwsEnvConfiguration(s, 'access', { configuration: S3Configuration.fromValues(keys), sdkEndpointVariable: 'yes' as any }),
      '[test/access] sdkEndpointVariable: is a string, not true or false: give true or false, or leave sdkEndpointVariable out'],
    ['forcePathStyle: "true"', s => new MinioDefault(s, 'access', { forcePathStyle: 'true' as any }),
      '[test/access] forcePathStyle: is a string, not true or false: give true or false, or leave forcePathStyle out'],
    ['config: a string', s => new DockerRegistryAccess(s, 'access', { config: 'config.json' as any }),
      '[test/access] config: is a string, not an instance of DockerConfig: create it with one of DockerConfig\'s static methods, such as DockerConfig.fromFile("config.json")'],
    ['credentials: a plain object', s => new AwsFileCredentials(s, 'access', { credentials: { ...keys } as any }),
      '[test/access] credentials: is an object, not an instance of AwsCredentials: create it with one of AwsCredentials\'s static methods, such as AwsCredentials.fromFile("credentials")'],
    ['configuration: null', s => new AwsEnvConfiguration(s, 'access', { configuration: null as any }),
      '[test/access] configuration: is null, not an instance of S3Configuration: create it with one of S3Configuration\'s static methods, such as S3Configuration.fromValues({ accessKeyId, secretAccessKey })'],
    ['MinioDefault credentials: keys without the factory', s => new MinioDefault(s, 'access', { credentials: { accessKey: 'a', secretKey: FAKE_SECRET } as any }),
      '[test/access] credentials: is an object, not an instance of MinioCredentials: create it with one of MinioCredentials\'s static methods, such as MinioCredentials.fromKeys({ accessKey, secretKey })'],
    ['NotebookAccess storage: a string', s => new NotebookAccess(s, 'access', { docker: DockerConfig.fromLogin(login), storage: 'minio' as any }),
      '[test/access] storage: is a string, not an instance of StorageAccess: create it with one of StorageAccess\'s static methods, such as StorageAccess.minio()'],
    ['NotebookAccess dockerOptions: a string', s => new NotebookAccess(s, 'access', { docker: DockerConfig.fromLogin(login), dockerOptions: 'x' as any }),
      '[test/access] dockerOptions: is a string, not an object: give an object of options, or leave dockerOptions out'],
    ['NotebookAccess homeDirectory: a number', s => new NotebookAccess(s, 'access', { docker: DockerConfig.fromLogin(login), homeDirectory: 1 as any }),
      '[test/access] homeDirectory: is a number, not a string: give a string, or leave homeDirectory out'],
    ['NotebookAccess dockerOptions.secretType: "bogus"', s => new NotebookAccess(s, 'access', { docker: DockerConfig.fromLogin(login), dockerOptions: { secretType: 'bogus' as any } }),
      '[test/access/docker-config] secretType: is not a value of DockerSecretType: give DockerSecretType.OPAQUE or DockerSecretType.DOCKER_CONFIG_JSON'],
    ['GcsCredentials key: a file name', s => new GcsCredentials(s, 'access', { key: 'key.json' as any }),
      '[test/access] key: is a string, not an instance of GcpServiceAccountKey: create it with one of GcpServiceAccountKey\'s static methods, such as GcpServiceAccountKey.fromFile("key.json")'],
    ['GcsCredentials immutable: "no"', s => new GcsCredentials(s, 'access', { key: GcpServiceAccountKey.fromExistingSecret('s'), immutable: 'no' as any }),
      '[test/access] immutable: is a string, not true or false: give true or false, or leave immutable out'],
    ['AzureBlobConfiguration configuration: a plain object', s => new AzureBlobConfiguration(s, 'access', { configuration: { accountName: 'fakeaccount0000' } as any }),
      '[test/access] configuration: is an object, not an instance of AzureStorageConfiguration: create it with one of AzureStorageConfiguration\'s static methods, such as AzureStorageConfiguration.fromEnv()'],
    ['PipelinesApiAccess name: 42', s => new PipelinesApiAccess(s, 'access', { name: 42 as any }),
      '[test/access] name: is a number, not a string: give a string, or leave name out'],
    ['a password that is a number', s => new DockerRegistryAccess(s, 'access', { config: DockerConfig.fromLogin({ ...login, password: 1234 as any }) }),
      '[test/access] config: login for "https://index.docker.io/v1/": password is a number, not a string: give the password as text'],
    ['a password that is null', s => new DockerRegistryAccess(s, 'access', { config: DockerConfig.fromLogins([{ ...login, password: null as any }]) }),
      '[test/access] config: login for "https://index.docker.io/v1/": password is null, not a string: give the password as text'],
    ['a password left out', s => new DockerRegistryAccess(s, 'access', { config: DockerConfig.fromLogin({ username: 'fake-user' } as any) }),
      '[test/access] config: login for "https://index.docker.io/v1/": password is missing: give the password'],
    ['a user name that is an object', s => new NotebookAccess(s, 'access', { docker: DockerConfig.fromLogin({ ...login, username: { name: 'u' } as any }) }),
      '[test/access/docker-config] config: login for "https://index.docker.io/v1/": username is an object, not a string: give the username as text'],
    ['a server that is a number', s => new DockerRegistryAccess(s, 'access', { config: DockerConfig.fromLogin({ ...login, server: 5000 as any }) }),
      '[test/access] config: login: server is a number, not a string: give the registry host, such as "ghcr.io"'],
    ['a secret access key that is a boolean', s => new AwsEnvConfiguration(s, 'access', { configuration: S3Configuration.fromValues({ ...keys, secretAccessKey: true as any }) }),
      '[test/access] configuration: secretAccessKey is a boolean, not a string: give it as text'],
    ['a MinIO secret key that is a number', s => new MinioDefault(s, 'access', { credentials: MinioCredentials.fromKeys({ accessKey: 'a', secretKey: 42 as any }) }),
      '[test/access] credentials: secretKey is a number, not a string: give it as text'],
    ['an Azure account key that is an array', s => new AzureBlobConfiguration(s, 'access', { configuration: AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', accountKey: ['k'] as any }) }),
      '[test/access] configuration: accountKey is an array, not a string: give it as text'],
    ['a description with a lone surrogate', s => new DockerRegistryAccess(s, 'access', { config: DockerConfig.fromLogin(login), description: 'Registry \ud800' }),
      '[test/access] description: holds half of a UTF-16 surrogate pair, which UTF-8 cannot encode: the notebook spawner would show U+FFFD in its place; give the text without it'],
    ['PipelinesApiAccess description with a lone surrogate', s => new PipelinesApiAccess(s, 'access', { description: '\udc00 pipelines' }),
      '[test/access] description: holds half of a UTF-16 surrogate pair, which UTF-8 cannot encode: the notebook spawner would show U+FFFD in its place; give the text without it'],
  ])('%s is an AccessError and leaves nothing', (_what, create, message) => {
    // GIVEN a Chart
    const scope = chart();
    // WHEN / THEN
    expect(errorOf(() => create(scope))).toBe(message);
    expect(treeOf(scope)).toEqual([]);
  });
});

describe('a NotebookAccess whose storage input is bad', () => {
  const storages: [string, StorageAccess][] = [
    ['a missing credentials file', StorageAccess.awsFile(AwsCredentials.fromFile('/nonexistent/credentials'))],
    ['a bad S3 region', StorageAccess.awsEnv(S3Configuration.fromValues({ ...keys, region: 'Not A Region' }))],
    ['a bad MinIO endpoint', StorageAccess.minio({ endpoint: 'minio:9000' })],
    ['bad MinIO keys', StorageAccess.minio({ credentials: MinioCredentials.fromKeys({ accessKey: '', secretKey: FAKE_SECRET }) })],
  ];

  test.each(storages)('%s leaves nothing at all in the tree', (_what, storage) => {
    // GIVEN
    const app = Testing.app();
    const chart = userChart(app);
    // WHEN
    errorOf(() => new NotebookAccess(chart, 'access', { docker: DockerConfig.fromLogin(login), storage }));
    // THEN no construct stays anywhere in the app: the app-wide check is a validation on the App, not a child
    expect(treeOf(app)).toEqual(['test']);
  });
});


test('the App-level check is still there for an app that keeps working', () => {
  // A construct refused under the App must not break a later valid one in a Chart of the same App.
  const app = new App({ outdir: '/nonexistent' });
  errorOf(() => new DockerRegistryAccess(app, 'access', { config: DockerConfig.fromLogin(login) }));
  const chart = userChart(app);
  new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromLogin(login) });
  expect(app.synthYaml()).toContain('name: docker-config');
});
