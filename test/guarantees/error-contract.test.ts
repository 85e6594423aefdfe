// The error contract, for every construct of the library (the access constructs, the cloud identities and
// the consumers): whatever a caller in any language gives (TypeScript, JavaScript, or jsii with no type
// checks), a bad input gets the library's own error (AccessError), naming the construct path, the field
// and the fix and never a secret, nothing of the refused construct stays in the tree, and a failed synth
// writes no file. What holds for every construct runs over one table of them all; the props of the wrong type or shape, and the parts of
// a NotebookAccess, name their construct. lib/errors.ts itself (the error's fields) is tested in
// test/errors.test.ts.
import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import {
  AwsCredentials, AwsEnvConfiguration, AwsFileCredentials, AwsWebIdentityAccess, AzureBlobConfiguration, AzureStorageConfiguration,
  AzureWorkloadIdentityAccess, CloudIdentity, DockerConfig, DockerRegistryAccess, GcpServiceAccountKey, GcpWorkloadIdentityAccess, GcsCredentials,
  HuggingFaceToken, KServeServiceAccount, KServeStorageConfig, MinioCredentials, MinioDefault, NotebookAccess, PipelinesApiAccess,
  PipelinesArtifactStore, S3Configuration, SecretStoreRef, StorageAccess, TrainerStorageCredentials,
} from '../../lib';
import { expectRefused, filesAfter, scratchFiles } from '../fuzz';
import { accessErrorOf, userChart } from '../support';

const ID = 'construct';
const login = { username: 'fake-user', password: 'fake-password-0000' };
const FAKE_SECRET = 'fake-secret-key-0000';
const keys = { accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET };
const s3 = () => S3Configuration.fromValues(keys);
const ROLE_ARN = 'arn:aws:iam::123456789012:role/notebook-s3';
const AZURE = { clientId: '00000000-0000-0000-0000-000000000001', tenantId: '00000000-0000-0000-0000-000000000002' };
const GCP = { projectNumber: '123456789012', poolId: 'kubeflow', providerId: 'cluster' };
const FAKE_AZURE_KEY = Buffer.from('fake-azure-account-key-0000'.padEnd(64, '0')).toString('base64');

interface Subject {
  readonly name: string;
  readonly create: (scope: Construct, props?: any, id?: string) => unknown;
  /** Props that are valid inside a Chart of namespace `user`. */
  readonly valid: () => any;
  /** Whether props may be left out (undefined is the defaults). */
  readonly propsOptional?: boolean;
}

/** Every construct of the library, by family. */
const CONSTRUCTS: Subject[] = [
  { name: 'DockerRegistryAccess', create: (s, p, id = ID) => new DockerRegistryAccess(s, id, p), valid: () => ({ config: DockerConfig.fromLogin(login) }) },
  { name: 'AwsFileCredentials', create: (s, p, id = ID) => new AwsFileCredentials(s, id, p), valid: () => ({ credentials: AwsCredentials.fromKeys(keys) }) },
  { name: 'AwsEnvConfiguration', create: (s, p, id = ID) => new AwsEnvConfiguration(s, id, p), valid: () => ({ configuration: s3() }) },
  { name: 'MinioDefault', create: (s, p, id = ID) => new MinioDefault(s, id, p), valid: () => ({}), propsOptional: true },
  { name: 'NotebookAccess', create: (s, p, id = ID) => new NotebookAccess(s, id, p), valid: () => ({ docker: DockerConfig.fromLogin(login) }) },
  { name: 'GcsCredentials', create: (s, p, id = ID) => new GcsCredentials(s, id, p), valid: () => ({ key: GcpServiceAccountKey.fromExistingSecret('user-gcp-sa') }) },
  { name: 'AzureBlobConfiguration', create: (s, p, id = ID) => new AzureBlobConfiguration(s, id, p), valid: () => ({ configuration: AzureStorageConfiguration.fromExistingSecret('azure') }) },
  { name: 'PipelinesApiAccess', create: (s, p, id = ID) => new PipelinesApiAccess(s, id, p), valid: () => ({}), propsOptional: true },
  { name: 'AwsWebIdentityAccess', create: (s, p, id = ID) => new AwsWebIdentityAccess(s, id, p), valid: () => ({ roleArn: ROLE_ARN }) },
  { name: 'AzureWorkloadIdentityAccess', create: (s, p, id = ID) => new AzureWorkloadIdentityAccess(s, id, p), valid: () => ({ ...AZURE }) },
  { name: 'GcpWorkloadIdentityAccess', create: (s, p, id = ID) => new GcpWorkloadIdentityAccess(s, id, p), valid: () => ({ ...GCP }) },
  { name: 'KServeServiceAccount', create: (s, p, id = ID) => new KServeServiceAccount(s, id, p), valid: () => ({ s3: s3() }) },
  { name: 'KServeStorageConfig', create: (s, p, id = ID) => new KServeStorageConfig(s, id, p), valid: () => ({ s3: s3() }) },
  { name: 'PipelinesArtifactStore', create: (s, p, id = ID) => new PipelinesArtifactStore(s, id, p), valid: () => ({ pipelineRoot: 's3://bucket/v2', s3: S3Configuration.fromValues({ ...keys, region: 'us-east-1' }) }) },
  { name: 'TrainerStorageCredentials', create: (s, p, id = ID) => new TrainerStorageCredentials(s, id, p), valid: () => ({ s3: S3Configuration.fromValues({ ...keys, region: 'us-east-1' }) }) },
];
const IDENTITIES = CONSTRUCTS.filter(c => c.name.endsWith('IdentityAccess'));

/** The error `create` throws, checked to be the library's own and free of the fake secrets. */
const errorOf = (create: () => unknown): string => accessErrorOf(create, [FAKE_SECRET, login.password, FAKE_AZURE_KEY]);

/** Every path in the tree under `root`, but `root` itself. */
const treeOf = (root: Construct) => root.node.findAll().slice(1).map(c => c.node.path);

/** Why a name such as 0o17 is refused: cdk8s 2.70 writes it without quotes, and kubectl reads a number (test/check/written-yaml.test.ts). */
const WRITTEN_AS_NUMBER = 'is written by cdk8s without quotes, and kubectl reads it back as a number, as Go reads 0o17, 0X1F and 0B1: use another value';

/** Why a string with a character such as U+2028 is refused (check/written-yaml.ts). */
const UNREADABLE = 'holds a character that cdk8s writes so that kubectl cannot read it back (DEL, a C1 control such as U+0085, U+FFFE, U+FFFF, '
  + 'half a surrogate pair), or a line separator (U+2028, U+2029), which kubectl reads as a line break almost everywhere: remove the character';

const UNDER_APP = 'scope: is not inside a cdk8s Chart (the construct was created directly under the App): create a Chart, such as new Chart(app, "profile", { namespace: "team-a" }), and the construct in it';

describe.each(CONSTRUCTS)('$name', ({ create, valid, propsOptional }) => {
  test('directly under the App, with or without a namespace of its own: refused with the fix, nothing left', () => {
    // GIVEN an App without a Chart
    const app = Testing.app();
    // WHEN / THEN
    expect(errorOf(() => create(app, valid()))).toBe(`[${ID}] ${UNDER_APP}`);
    expect(errorOf(() => create(app, { ...valid(), namespace: 'user' }))).toBe(`[${ID}] ${UNDER_APP}`);
    expect(treeOf(app)).toEqual([]);
  });

  test('props null, or left out where some are required: refused, nothing left', () => {
    const chart = userChart();
    expect(errorOf(() => create(chart, null))).toBe(`[test/${ID}] props: is null, not an object: give the props as an object`);
    if (propsOptional) {
      expect(() => create(userChart(), undefined)).not.toThrow();
    } else {
      expect(errorOf(() => create(chart, undefined))).toBe(`[test/${ID}] props: is missing, not an object: give the props as an object`);
    }
    expect(treeOf(chart)).toEqual([]);
  });

  test('in a Chart without a namespace, and none given: refused, nothing left', () => {
    const chart = new Chart(Testing.app(), 'test');
    expect(errorOf(() => create(chart, valid()))).toBe(`[test/${ID}] namespace: no namespace: set namespace, or give the enclosing Chart a namespace`);
    expect(treeOf(chart)).toEqual([]);
  });

  test('a namespace that kubectl would read back as a number ("0o17"), given or the Chart\'s: refused, nothing left', () => {
    // GIVEN a valid namespace of the API server that cdk8s writes without quotes, as a prop and as the Chart's
    const chart = userChart();
    const numbered = new Chart(Testing.app(), 'test', { namespace: '0o17' });
    // WHEN / THEN refused at construction, naming the prop, rather than by the yaml-scalar rule at synth
    expect(errorOf(() => create(chart, { ...valid(), namespace: '0o17' }))).toBe(`[test/${ID}] namespace: ${WRITTEN_AS_NUMBER}`);
    expect(errorOf(() => create(numbered, valid()))).toBe(`[test/${ID}] namespace: ${WRITTEN_AS_NUMBER}`);
    expect([...treeOf(chart), ...treeOf(numbered)]).toEqual([]);
  });

  test.each([
    ['by another construct', (chart: Chart) => new Construct(chart, ID), ID],
    ['by JavaScript itself, in an empty chart', () => undefined, 'valueOf'],
  ])('an id taken %s: refused, nothing added', (_what, taken, id) => {
    // GIVEN a chart whose scope already has the id
    const chart = userChart();
    taken(chart);
    const before = treeOf(chart);
    // WHEN / THEN
    expect(errorOf(() => create(chart, valid(), id)))
      .toBe(`[test/${id}] the id "${id}" is taken in this scope, by another construct or by JavaScript itself: give the construct another id`);
    expect(treeOf(chart)).toEqual(before);
  });

  test.each<[string, unknown, string]>([
    ['null', null, 'null'],
    ['a number', 5, 'a number'],
    ['an object', { id: 'x' }, 'an object'],
  ])('an id of %s (from JavaScript) or a scope that is no construct: refused, nothing added', (_what, id, type) => {
    // GIVEN a chart
    const chart = userChart();
    // WHEN / THEN
    expect(errorOf(() => create(chart, valid(), id as any))).toBe(`[test] id: is ${type}, not a string: give the construct an id such as "docker-config"`);
    expect(errorOf(() => create({ node: undefined } as any, valid())))
      .toBe(`[${ID}] scope: is not a construct: create the construct in a Chart, such as new Chart(app, "profile", { namespace: "team-a" })`);
    expect(treeOf(chart)).toEqual([]);
  });

  test('props from JavaScript whose getter or Proxy throws: refused naming the prop, the thrown message not repeated, nothing left', () => {
    // GIVEN props whose namespace is a getter that throws (with a fake secret in its message), and a Proxy that cannot list its keys
    const getter = Object.defineProperty({ ...valid() }, 'namespace', { enumerable: true, get: () => { throw new Error(FAKE_SECRET); } });
    const proxy = new Proxy({ ...valid() }, { ownKeys: () => { throw new Error(FAKE_SECRET); } });
    const chart = userChart();
    // WHEN / THEN each is the library's error, naming the construct and the prop
    expect(errorOf(() => create(chart, getter)))
      .toBe(`[test/${ID}] namespace: cannot be read: reading it threw an error (a getter or a Proxy): give it as a plain value`);
    expect(errorOf(() => create(chart, proxy)))
      .toBe(`[test/${ID}] props: cannot be read: listing its properties threw an error (a Proxy?): give the props as a plain object of values`);
    expect(treeOf(chart)).toEqual([]);
  });

  test('props as a class instance (getters on its prototype), without a prototype, or frozen: synthesised as the plain props are', () => {
    // GIVEN the valid props with a namespace of their own, as a plain object
    const plain = { ...valid(), namespace: 'team-b' };
    const expected = userChart();
    create(expected, plain);
    class Props { }
    for (const [field, value] of Object.entries(plain)) { Object.defineProperty(Props.prototype, field, { get: () => value }); }
    for (const props of [new Props(), Object.assign(Object.create(null), plain), Object.freeze({ ...plain })]) {
      // WHEN
      const chart = userChart();
      create(chart, props);
      // THEN
      expect(Testing.synth(chart)).toEqual(Testing.synth(expected));
    }
  });

  test('an empty id is refused as the library\'s error, and an id holding "/" is named by the path constructs gives it', () => {
    const chart = userChart();
    expect(errorOf(() => create(chart, valid(), ''))).toBe('[test] id: is empty, which the constructs library takes only for the App: give the construct an id such as "docker-config"');
    new Construct(chart, 'a--b');
    expect(errorOf(() => create(chart, valid(), 'a/b')))
      .toBe('[test/a--b] the id "a/b" is taken in this scope, by another construct or by JavaScript itself: give the construct another id');
  });

  test('a valid one in the same scope after a refused one: its id is free, and it synthesises as in a fresh chart', () => {
    // GIVEN a chart where the construct was refused
    const chart = userChart();
    errorOf(() => create(chart, { ...valid(), namespace: 'Team A' }));
    // WHEN a valid one is created with the same id
    create(chart, valid());
    // THEN the chart holds what a chart with only the valid one holds
    const fresh = userChart();
    create(fresh, valid());
    expect(Testing.synth(chart)).toEqual(Testing.synth(fresh));
  });
});

test('a construct nested in a plain Construct inside a Chart is fine', () => {
  const chart = userChart();
  const group = new Construct(chart, 'group');
  new DockerRegistryAccess(group, 'docker-config', { config: DockerConfig.fromLogin(login) });
  expect(Testing.synth(chart).map(m => `${m.kind}/${m.metadata.name}`).sort()).toEqual(['PodDefault/docker-config', 'Secret/docker-config']);
});

describe('props of the wrong type or shape, as JavaScript and jsii callers give them', () => {
  test.each<[string, (scope: Construct) => unknown, string]>([
    ['secretType: "bogus"', s => new DockerRegistryAccess(s, ID, { config: DockerConfig.fromLogin(login), secretType: 'bogus' as any }),
      '[test/construct] secretType: is not a value of DockerSecretType: give DockerSecretType.OPAQUE or DockerSecretType.DOCKER_CONFIG_JSON'],
    ['immutable: "no"', s => new DockerRegistryAccess(s, ID, { config: DockerConfig.fromLogin(login), immutable: 'no' as any }),
      '[test/construct] immutable: is a string, not true or false: give true or false, or leave immutable out'],
    ['hashSecretName: 1', s => new AwsFileCredentials(s, ID, { credentials: AwsCredentials.fromKeys(keys), hashSecretName: 1 as any }),
      '[test/construct] hashSecretName: is a number, not true or false: give true or false, or leave hashSecretName out'],
    ['name: 42', s => new AwsEnvConfiguration(s, ID, { configuration: S3Configuration.fromValues(keys), name: 42 as any }),
      '[test/construct] name: is a number, not a string: give a string, or leave name out'],
    ['description: null', s => new MinioDefault(s, ID, { description: null as any }),
      '[test/construct] description: is null, not a string: give a string, or leave description out'],
    ['mountPath: an array', s => new DockerRegistryAccess(s, ID, { config: DockerConfig.fromLogin(login), mountPath: ['/a'] as any }),
      '[test/construct] mountPath: is an array, not a string: give a string, or leave mountPath out'],
    ['region: a number', s => new AwsFileCredentials(s, ID, { credentials: AwsCredentials.fromKeys(keys), region: 1 as any }),
      '[test/construct] region: is a number, not a string: give a string, or leave region out'],
    ['sdkEndpointVariable: "yes"', s => new AwsEnvConfiguration(s, ID, { configuration: S3Configuration.fromValues(keys), sdkEndpointVariable: 'yes' as any }),
      '[test/construct] sdkEndpointVariable: is a string, not true or false: give true or false, or leave sdkEndpointVariable out'],
    ['forcePathStyle: "true"', s => new MinioDefault(s, ID, { forcePathStyle: 'true' as any }),
      '[test/construct] forcePathStyle: is a string, not true or false: give true or false, or leave forcePathStyle out'],
    ['config: a string', s => new DockerRegistryAccess(s, ID, { config: 'config.json' as any }),
      '[test/construct] config: is a string, not an instance of DockerConfig: create it with one of DockerConfig\'s static methods, such as DockerConfig.fromFile("config.json")'],
    ['credentials: a plain object', s => new AwsFileCredentials(s, ID, { credentials: { ...keys } as any }),
      '[test/construct] credentials: is an object, not an instance of AwsCredentials: create it with one of AwsCredentials\'s static methods, such as AwsCredentials.fromFile("credentials")'],
    ['configuration: null', s => new AwsEnvConfiguration(s, ID, { configuration: null as any }),
      '[test/construct] configuration: is null, not an instance of S3Configuration: create it with one of S3Configuration\'s static methods, such as S3Configuration.fromValues({ accessKeyId, secretAccessKey })'],
    ['MinioDefault credentials: keys without the factory', s => new MinioDefault(s, ID, { credentials: { accessKey: 'a', secretKey: FAKE_SECRET } as any }),
      '[test/construct] credentials: is an object, not an instance of MinioCredentials: create it with one of MinioCredentials\'s static methods, such as MinioCredentials.fromKeys({ accessKey, secretKey })'],
    ['NotebookAccess storage: a string', s => new NotebookAccess(s, ID, { docker: DockerConfig.fromLogin(login), storage: 'minio' as any }),
      '[test/construct] storage: is a string, not an instance of StorageAccess: create it with one of StorageAccess\'s static methods, such as StorageAccess.minio()'],
    ['NotebookAccess dockerOptions: a string', s => new NotebookAccess(s, ID, { docker: DockerConfig.fromLogin(login), dockerOptions: 'x' as any }),
      '[test/construct] dockerOptions: is a string, not an object: give an object of options, or leave dockerOptions out'],
    ['NotebookAccess homeDirectory: a number', s => new NotebookAccess(s, ID, { docker: DockerConfig.fromLogin(login), homeDirectory: 1 as any }),
      '[test/construct] homeDirectory: is a number, not a string: give a string, or leave homeDirectory out'],
    ['NotebookAccess dockerOptions.secretType: "bogus"', s => new NotebookAccess(s, ID, { docker: DockerConfig.fromLogin(login), dockerOptions: { secretType: 'bogus' as any } }),
      '[test/construct/docker-config] secretType: is not a value of DockerSecretType: give DockerSecretType.OPAQUE or DockerSecretType.DOCKER_CONFIG_JSON'],
    ['GcsCredentials key: a file name', s => new GcsCredentials(s, ID, { key: 'key.json' as any }),
      '[test/construct] key: is a string, not an instance of GcpServiceAccountKey: create it with one of GcpServiceAccountKey\'s static methods, such as GcpServiceAccountKey.fromFile("key.json")'],
    ['GcsCredentials immutable: "no"', s => new GcsCredentials(s, ID, { key: GcpServiceAccountKey.fromExistingSecret('s'), immutable: 'no' as any }),
      '[test/construct] immutable: is a string, not true or false: give true or false, or leave immutable out'],
    ['AzureBlobConfiguration configuration: a plain object', s => new AzureBlobConfiguration(s, ID, { configuration: { accountName: 'fakeaccount0000' } as any }),
      '[test/construct] configuration: is an object, not an instance of AzureStorageConfiguration: create it with one of AzureStorageConfiguration\'s static methods, such as AzureStorageConfiguration.fromEnv()'],
    ['PipelinesApiAccess audience: an object whose toString cannot run', s => new PipelinesApiAccess(s, ID, { audience: { toString: 0 } as any }),
      '[test/construct] audience: is an object, not a string; an audience is non-empty text without whitespace or control characters: give the TOKEN_REVIEW_AUDIENCE of the ml-pipeline Deployment, or leave audience out for "pipelines.kubeflow.org"'],
    ['PipelinesApiAccess name: 42', s => new PipelinesApiAccess(s, ID, { name: 42 as any }),
      '[test/construct] name: is a number, not a string: give a string, or leave name out'],
    ['a password that is a number', s => new DockerRegistryAccess(s, ID, { config: DockerConfig.fromLogin({ ...login, password: 1234 as any }) }),
      '[test/construct] config: login: password is a number, not a string: give the password as text'],
    ['a password that is null', s => new DockerRegistryAccess(s, ID, { config: DockerConfig.fromLogins([{ ...login, password: null as any }]) }),
      '[test/construct] config: login: password is null, not a string: give the password as text'],
    ['a password left out', s => new DockerRegistryAccess(s, ID, { config: DockerConfig.fromLogin({ username: 'fake-user' } as any) }),
      '[test/construct] config: login: password is missing: give the password'],
    ['a user name that is an object', s => new NotebookAccess(s, ID, { docker: DockerConfig.fromLogin({ ...login, username: { name: 'u' } as any }) }),
      '[test/construct/docker-config] config: login: username is an object, not a string: give the username as text'],
    ['a server that is a number', s => new DockerRegistryAccess(s, ID, { config: DockerConfig.fromLogin({ ...login, server: 5000 as any }) }),
      '[test/construct] config: login: server is a number, not a string: give the registry host, such as "ghcr.io"'],
    ['a secret access key that is a boolean', s => new AwsEnvConfiguration(s, ID, { configuration: S3Configuration.fromValues({ ...keys, secretAccessKey: true as any }) }),
      '[test/construct] configuration: secretAccessKey is a boolean, not a string: give it as text'],
    ['a MinIO secret key that is a number', s => new MinioDefault(s, ID, { credentials: MinioCredentials.fromKeys({ accessKey: 'a', secretKey: 42 as any }) }),
      '[test/construct] credentials: secretKey is a number, not a string: give it as text'],
    ['an Azure account key that is an array', s => new AzureBlobConfiguration(s, ID, { configuration: AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', accountKey: ['k'] as any }) }),
      '[test/construct] configuration: accountKey is an array, not a string: give it as text'],
    ['a description with a lone surrogate', s => new DockerRegistryAccess(s, ID, { config: DockerConfig.fromLogin(login), description: 'Registry \ud800' }),
      '[test/construct] description: holds half of a UTF-16 surrogate pair, which UTF-8 cannot encode: the notebook spawner would show U+FFFD in its place; give the text without it'],
    ['PipelinesApiAccess description with a lone surrogate', s => new PipelinesApiAccess(s, ID, { description: '\udc00 pipelines' }),
      '[test/construct] description: holds half of a UTF-16 surrogate pair, which UTF-8 cannot encode: the notebook spawner would show U+FFFD in its place; give the text without it'],
    ['KServeServiceAccount s3: a plain object', s => new KServeServiceAccount(s, ID, { s3: { accessKeyId: 'a', secretAccessKey: FAKE_SECRET } as any }),
      '[test/construct] s3: is an object, not an instance of S3Configuration: create it with one of S3Configuration\'s static methods, such as S3Configuration.fromValues({ accessKeyId, secretAccessKey })'],
    ['KServeServiceAccount s3VerifySsl: "0"', s => new KServeServiceAccount(s, ID, { s3: s3(), s3VerifySsl: '0' as any }),
      '[test/construct] s3VerifySsl: is a string, not true or false: give true or false, or leave s3VerifySsl out'],
    ['KServeServiceAccount awsRoleArn: a number', s => new KServeServiceAccount(s, ID, { awsRoleArn: 123456789012 as any }),
      '[test/construct] awsRoleArn: is a number, not a string: give a string, or leave awsRoleArn out'],
    ['KServeServiceAccount registry: a file name', s => new KServeServiceAccount(s, ID, { registry: 'config.json' as any }),
      '[test/construct] registry: is a string, not an instance of DockerConfig: create it with one of DockerConfig\'s static methods, such as DockerConfig.fromFile("config.json")'],
    ['PipelinesArtifactStore pipelineRoot: missing', s => new PipelinesArtifactStore(s, ID, { s3: s3() } as any),
      '[test/construct] pipelineRoot: is missing: give where runs write their artifacts, such as "s3://team-a-artifacts/v2"'],
    ['PipelinesArtifactStore credentialsSecret: a plain object', s => new PipelinesArtifactStore(s, ID, { pipelineRoot: 's3://team-b/v2', credentialsSecret: { namespace: 'user', secretName: 'x' } as any }),
      '[test/construct] credentialsSecret: is not a Secret made by a construct of this library: give an attribute such as kserve.s3Secret'],
    ['TrainerStorageCredentials huggingFaceToken: a string', s => new TrainerStorageCredentials(s, ID, { huggingFaceToken: 'hf_x' as any }),
      '[test/construct] huggingFaceToken: is a string, not an instance of HuggingFaceToken: create it with one of HuggingFaceToken\'s static methods, such as HuggingFaceToken.fromEnv()'],
    ['TrainerStorageCredentials immutable: "yes"', s => new TrainerStorageCredentials(s, ID, { huggingFaceToken: HuggingFaceToken.fromValue('hf_fake0000'), immutable: 'yes' as any }),
      '[test/construct] immutable: is a string, not true or false: give true or false, or leave immutable out'],
    ['DockerConfig.fromLogins(null)', s => new DockerRegistryAccess(s, ID, { config: DockerConfig.fromLogins(null as any) }),
      '[test/construct] config: the logins are null, not a list: give a list of logins, such as [{ server, username, password }]'],
    ['DockerConfig.fromLogins of a sparse array, whose holes are logins left out', s => new DockerRegistryAccess(s, ID, { config: DockerConfig.fromLogins(new Array(2)) }),
      '[test/construct] config: login 1: username is missing: give the username'],
    ['DockerConfig.fromJson of an object', s => new DockerRegistryAccess(s, ID, { config: DockerConfig.fromJson({ auths: {} } as any) }),
      '[test/construct] config: config.json is an object, not JSON text: give the file\'s content as a string'],
    ['DockerConfig.fromExistingSecret(null)', s => new DockerRegistryAccess(s, ID, { config: DockerConfig.fromExistingSecret(null as any) }),
      '[test/construct] config: the existing Secret name is null, not a string: give the name of the Secret as kubectl shows it'],
    ['GcpServiceAccountKey.fromExistingSecret with a key of a number', s => new GcsCredentials(s, ID, { key: GcpServiceAccountKey.fromExistingSecret('user-gcp-sa', 1 as any) }),
      '[test/construct] key: the key of the existing Secret is a number, not a string: give the key the Secret holds'],
    ['AwsCredentials.fromKeys(null)', s => new AwsFileCredentials(s, ID, { credentials: AwsCredentials.fromKeys(null as any) }),
      '[test/construct] credentials: profile "default": accessKeyId is missing: give it'],
    ['AwsCredentials.fromProfiles(undefined)', s => new AwsFileCredentials(s, ID, { credentials: AwsCredentials.fromProfiles(undefined as any) }),
      '[test/construct] credentials: the profiles are missing, not a list: give a list of profiles, such as [{ profile, accessKeyId, secretAccessKey }]'],
    ['S3Configuration.fromValues(null)', s => new AwsEnvConfiguration(s, ID, { configuration: S3Configuration.fromValues(null as any) }),
      '[test/construct] configuration: accessKeyId is missing: give it'],
    ['S3Configuration.fromSecretStore(undefined)', s => new AwsEnvConfiguration(s, ID, { configuration: S3Configuration.fromSecretStore(undefined as any) }),
      '[test/construct] configuration: store is missing: give SecretStoreRef.cluster("NAME") or SecretStoreRef.namespaced("NAME")'],
    ['MinioCredentials.fromKeys(null)', s => new MinioDefault(s, ID, { credentials: MinioCredentials.fromKeys(null as any) }),
      '[test/construct] credentials: accessKey is missing: give it'],
    ['AzureStorageConfiguration.fromSecretStore(null)', s => new AzureBlobConfiguration(s, ID, { configuration: AzureStorageConfiguration.fromSecretStore(null as any) }),
      '[test/construct] configuration: store is missing: give SecretStoreRef.cluster("NAME") or SecretStoreRef.namespaced("NAME")'],
  ])('%s is an AccessError and leaves nothing', (_what, create, message) => {
    // GIVEN a Chart
    const chart = userChart();
    // WHEN / THEN
    expect(errorOf(() => create(chart))).toBe(message);
    expect(treeOf(chart)).toEqual([]);
  });
});

describe.each(IDENTITIES)('$name: the props every identity takes', ({ create, valid }) => {
  test.each<[string, any, string]>([
    ['a namespace of a number', { namespace: 1 }, 'namespace: is a number, not a string: give a string, or leave namespace out'],
    ['switchServiceAccount "yes"', { switchServiceAccount: 'yes' }, 'switchServiceAccount: is a string, not true or false: give true or false, or leave switchServiceAccount out'],
    ['a namespace that is no DNS label', { namespace: 'Team A' }, 'namespace: has an upper-case letter at character 1; a namespace is a DNS-1123 label'],
    ['a name over 52 characters', { name: 'a'.repeat(53) }, 'name: is too long: 53 characters, more than the 52'],
    ['hashSecretName, a Secret prop', { hashSecretName: true }, 'hashSecretName: does not apply'],
  ])('%s: an AccessError with the path, the field and the fix, nothing left', (_what, props, message) => {
    const chart = userChart();
    expect(errorOf(() => create(chart, { ...valid(), ...props }))).toContain(`[test/${ID}] ${message}`);
    expect(treeOf(chart)).toEqual([]);
  });
});

describe('names, keys, regions and paths that cdk8s writes so that kubectl reads them back otherwise', () => {
  // Each is valid where it goes (the API server takes a namespace "0o17"); only the YAML between fails it.
  const docker = () => DockerConfig.fromLogin(login);
  test.each<[string, (scope: Construct) => unknown, string]>([
    ['a PodDefault name', s => new MinioDefault(s, ID, { name: '0o17' }), `name: ${WRITTEN_AS_NUMBER}`],
    ['a PodDefault name from the construct id', s => new MinioDefault(s, '0o17'), `name: ${WRITTEN_AS_NUMBER}`],
    ['a Secret name', s => new DockerRegistryAccess(s, ID, { config: docker(), secretName: '0o17' }), `secretName: ${WRITTEN_AS_NUMBER}`],
    ['a volume name', s => new DockerRegistryAccess(s, ID, { config: docker(), volumeName: '0o17' }), `volumeName: ${WRITTEN_AS_NUMBER}`],
    ['an existing Secret\'s name', s => new MinioDefault(s, ID, { credentials: MinioCredentials.fromExistingSecret('0o17') }),
      `credentials: the existing Secret name ${WRITTEN_AS_NUMBER}`],
    ['an existing Secret\'s key, in upper case', s => new MinioDefault(s, ID, { credentials: MinioCredentials.fromExistingSecret('minio', '0X1F') }),
      `credentials: the key of the existing Secret ${WRITTEN_AS_NUMBER}`],
    ['a secret store name', s => new DockerRegistryAccess(s, ID, { config: DockerConfig.fromSecretStore({ store: SecretStoreRef.cluster('0o17'), config: { key: 'k' } }) }),
      `config: store name ${WRITTEN_AS_NUMBER}`],
    ['a region', s => new MinioDefault(s, ID, { region: '0o17' }), `region: ${WRITTEN_AS_NUMBER}`],
    ['an identity\'s region', s => new AwsWebIdentityAccess(s, ID, { roleArn: ROLE_ARN, region: '0o17' }), `region: ${WRITTEN_AS_NUMBER}`],
    ['an identity\'s selector label', s => new AwsWebIdentityAccess(s, ID, { roleArn: ROLE_ARN, selectorLabel: '0B1' }), `selectorLabel: ${WRITTEN_AS_NUMBER}`],
    ['the service account the pods switch to', s => new AwsWebIdentityAccess(s, ID, { roleArn: ROLE_ARN, serviceAccountName: '0o17', switchServiceAccount: true }),
      `serviceAccountName: ${WRITTEN_AS_NUMBER}`],
    ['a ConfigMap name', s => new GcpWorkloadIdentityAccess(s, ID, { ...GCP, configMapName: '0o17' }), `configMapName: ${WRITTEN_AS_NUMBER}`],
    ['a consumer\'s object name', s => new KServeServiceAccount(s, ID, { s3: s3(), name: '0o17' }), `name: ${WRITTEN_AS_NUMBER}`],
    ['a consumer\'s Secret key', s => new KServeStorageConfig(s, ID, { s3: s3(), key: '0B1' }), `key: ${WRITTEN_AS_NUMBER}`],
    // Characters kubectl reads otherwise, in paths (not quoted: JSON leaves U+2028 as it is).
    ['a mount path with a line separator', s => new DockerRegistryAccess(s, ID, { config: docker(), mountPath: '/secrets/\u2028docker' }), `mountPath: ${UNREADABLE}`],
    ['a home directory with half a surrogate pair', s => new NotebookAccess(s, ID, { docker: docker(), homeDirectory: '/home/\ud800' }), `homeDirectory: ${UNREADABLE}`],
  ])('%s: refused at construction, naming the prop, nothing left', (what, create, message) => {
    const chart = userChart();
    expect(errorOf(() => create(chart))).toBe(`[test/${what.includes('construct id') ? '0o17' : ID}] ${message}`);
    expect(treeOf(chart)).toEqual([]);
  });

  test('a service account the pods do not switch to is only text in a trust subject: taken', () => {
    // GIVEN an identity for pods that keep running as (kubectl create serviceaccount 0o17 takes the name)
    const chart = userChart();
    const identity = new AwsWebIdentityAccess(chart, ID, { roleArn: ROLE_ARN, serviceAccountName: '0o17' });
    // THEN its trust subject names it, and synth writes no serviceAccountName
    expect(identity.trustSubject).toBe('system:serviceaccount:user:0o17');
    expect(Testing.synth(chart)[0].spec.serviceAccountName).toBeUndefined();
  });
});

describe('a NotebookAccess refused for one of its parts leaves nothing of itself', () => {
  test.each<[string, StorageAccess]>([
    ['a missing credentials file', StorageAccess.awsFile(AwsCredentials.fromFile('/nonexistent/credentials'))],
    ['a bad S3 region', StorageAccess.awsEnv(S3Configuration.fromValues({ ...keys, region: 'Not A Region' }))],
    ['a bad MinIO endpoint', StorageAccess.minio({ endpoint: 'minio:9000' })],
    ['bad MinIO keys', StorageAccess.minio({ credentials: MinioCredentials.fromKeys({ accessKey: '', secretKey: FAKE_SECRET }) })],
  ])('storage with %s', (_what, storage) => {
    // GIVEN
    const app = Testing.app();
    const chart = userChart(app);
    // WHEN
    errorOf(() => new NotebookAccess(chart, ID, { docker: DockerConfig.fromLogin(login), storage }));
    // THEN no construct stays anywhere in the app: the app-wide check is a validation on the App, not a child
    expect(treeOf(app)).toEqual(['test']);
  });

  test.each<[string, any, string]>([
    ['MinIO storage beside an AWS role', { identity: CloudIdentity.awsWebIdentity({ roleArn: ROLE_ARN }), storage: StorageAccess.minio() },
      'storage: StorageAccess.minio gives AWS credentials, which a notebook cannot use beside an AWS web identity: botocore uses keys in the environment before the role, and the role before a credentials file: leave storage out, since the role reaches S3, or give storage of another cloud'],
    ['a GCS key beside the Google identity', { identity: CloudIdentity.gcpWorkloadIdentity(GCP), storage: StorageAccess.gcs(GcpServiceAccountKey.fromExistingSecret('user-gcp-sa')) },
      'storage: StorageAccess.gcs sets GOOGLE_APPLICATION_CREDENTIALS, as the Google identity does, and the webhook refuses a pod that sets it twice: leave storage out, since the identity reaches Cloud Storage, or give storage of another cloud'],
    ['an Azure account key beside the Azure identity', { identity: CloudIdentity.azureWorkloadIdentity(AZURE),
      storage: StorageAccess.azure(AzureStorageConfiguration.fromValues({ accountName: 'fakeaccount0000', accountKey: FAKE_AZURE_KEY })) },
    'storage: StorageAccess.azure gives an account key, SAS token or connection string (in code, from a secret store or in an existing Secret), which adlfs uses instead of the Azure identity: give the storage account without a credential, or leave storage out'],
    ['an existing Azure Secret beside the Azure identity (it sets the credential marker, as the identity does)', { identity: CloudIdentity.azureWorkloadIdentity(AZURE),
      storage: StorageAccess.azure(AzureStorageConfiguration.fromExistingSecret('team-azure')) },
    'storage: StorageAccess.azure gives an account key, SAS token or connection string (in code, from a secret store or in an existing Secret), which adlfs uses instead of the Azure identity: give the storage account without a credential, or leave storage out'],
    ['an identity that is no CloudIdentity', { identity: { roleArn: ROLE_ARN } },
      'identity: is an object, not an instance of CloudIdentity: create it with one of CloudIdentity\'s static methods, such as CloudIdentity.awsWebIdentity({ roleArn })'],
    ['an identity whose ARN is bad', { identity: CloudIdentity.awsWebIdentity({ roleArn: 'arn:aws:iam::1:role/r' }) },
      '[test/construct/aws-web-identity] roleArn: has an account id that is not 12 digits'],
  ])('%s', (_what, props, message) => {
    const app = Testing.app();
    const chart = userChart(app);
    const error = errorOf(() => new NotebookAccess(chart, ID, { docker: DockerConfig.fromLogin(login), ...props }));
    expect(error).toContain(message.startsWith('[') ? message : `[test/${ID}] ${message}`);
    expect(treeOf(app)).toEqual(['test']);
  });

  test('an id that constructs rewrites (a newline becomes "--"), and a login its DockerRegistryAccess refuses', () => {
    // GIVEN an id with a newline and an empty user name WHEN it is built THEN it is refused, and nothing is left in the chart
    expectRefused(chart => new NotebookAccess(chart, 'a\nb', { docker: DockerConfig.fromLogin({ username: '', password: FAKE_SECRET }) }),
      /docker-config\] config: login: username is empty: give a non-empty username$/, [FAKE_SECRET]);
  });
});

test('the App-level check is still there for an app that keeps working', () => {
  // A construct refused under the App must not break a later valid one in a Chart of the same App.
  const app = new App({ outdir: '/nonexistent' });
  errorOf(() => new DockerRegistryAccess(app, ID, { config: DockerConfig.fromLogin(login) }));
  const chart = userChart(app);
  new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromLogin(login) });
  expect(app.synthYaml()).toContain('name: docker-config');
});

describe('a failed synth writes no file', () => {
  const SECRET = 'SeCrEtRegression00000000000000';
  const { file } = scratchFiles('error-contract-');

  test.each([
    ['a bad source', (chart: Chart) => new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromJson(`{"auths":{"x":{"auth":"${SECRET}"}}}`) })],
    ['a bad name', (chart: Chart) => new MinioDefault(chart, 'minio', { name: 'Minio' })],
    ['a bad file', (chart: Chart) => new AwsFileCredentials(chart, 'aws', { credentials: AwsCredentials.fromFile(file('bad-credentials', `[default]\n${SECRET}\n`)) })],
  ])('%s', (_what, build) => {
    // GIVEN an app whose one construct gets a bad input WHEN the app is built and synthesised
    const { error, files } = filesAfter(outdir => {
      const app = new App({ outdir });
      build(userChart(app));
      app.synth();
    });
    // THEN it fails with the library's error, and the output directory stays empty
    expect((error as Error).name).toBe('AccessError');
    expect((error as Error).message).not.toContain(SECRET);
    expect(files).toEqual([]);
  });

  test('a good app writes its manifests there', () => {
    const { error, files } = filesAfter(outdir => {
      const app = new App({ outdir });
      new MinioDefault(userChart(app), 'minio');
      app.synth();
    });
    expect(error).toBeUndefined();
    expect(files).toEqual(['test.k8s.yaml']);
  });
});
