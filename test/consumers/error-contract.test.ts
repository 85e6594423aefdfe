// The error contract of the consumer constructs, as test/access/error-contract.test.ts states it for the
// access constructs: outside a Chart, with props of the wrong type or shape, each throws the library's own
// error naming the construct path and the field, with a fix, and leaves nothing in the tree.
import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { HuggingFaceToken, KServeServiceAccount, PipelinesArtifactStore, S3Configuration, TrainerStorageCredentials } from '../../lib';
import { accessErrorOf, userChart } from '../support';

const FAKE_SECRET = 'fake-secret-key-0000';
const s3 = () => S3Configuration.fromValues({ accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: FAKE_SECRET });

const constructs: [string, (scope: Construct, props?: any) => unknown, () => any][] = [
  ['KServeServiceAccount', (s, p) => new KServeServiceAccount(s, 'consumer', p), () => ({ s3: s3() })],
  ['PipelinesArtifactStore', (s, p) => new PipelinesArtifactStore(s, 'consumer', p), () => ({ pipelineRoot: 's3://bucket/v2', s3: s3() })],
  ['TrainerStorageCredentials', (s, p) => new TrainerStorageCredentials(s, 'consumer', p), () => ({ s3: s3() })],
];

const errorOf = (create: () => unknown): string => accessErrorOf(create, [FAKE_SECRET]);
const treeOf = (root: Construct) => root.node.findAll().slice(1).map(c => c.node.path);

test.each(constructs)('%s directly under the App is refused with a fix, and leaves nothing', (_name, create, props) => {
  const app = Testing.app();
  expect(errorOf(() => create(app, props()))).toBe('[consumer] scope: is not inside a cdk8s Chart (the construct was created directly under the App): create a Chart, such as new Chart(app, "profile", { namespace: "team-a" }), and the construct in it');
  expect(treeOf(app)).toEqual([]);
});

test.each(constructs)('%s with props null or missing', (_name, create) => {
  const chart = userChart();
  expect(errorOf(() => create(chart, null))).toBe('[test/consumer] props: is null, not an object: give the props as an object');
  expect(errorOf(() => create(chart, undefined))).toBe('[test/consumer] props: is missing, not an object: give the props as an object');
  expect(treeOf(chart)).toEqual([]);
});

test.each(constructs)('%s in a Chart without a namespace, and none given', (_name, create, props) => {
  const chart = new Chart(Testing.app(), 'test');
  expect(errorOf(() => create(chart, props()))).toBe('[test/consumer] namespace: no namespace: set namespace, or give the enclosing Chart a namespace');
  expect(treeOf(chart)).toEqual([]);
});

test.each(constructs)('%s whose id is taken', (_name, create, props) => {
  const chart = userChart();
  new Construct(chart, 'consumer');
  expect(errorOf(() => create(chart, props()))).toBe('[test/consumer] the id "consumer" is taken in this scope, by another construct or by JavaScript itself: give the construct another id');
});

test.each<[string, (scope: Construct) => unknown, string]>([
  ['KServeServiceAccount s3: a plain object', s => new KServeServiceAccount(s, 'consumer', { s3: { accessKeyId: 'a', secretAccessKey: FAKE_SECRET } as any }),
    '[test/consumer] s3: is an object, not an instance of S3Configuration: create it with one of S3Configuration\'s static methods, such as S3Configuration.fromValues({ accessKeyId, secretAccessKey })'],
  ['KServeServiceAccount s3VerifySsl: "0"', s => new KServeServiceAccount(s, 'consumer', { s3: s3(), s3VerifySsl: '0' as any }),
    '[test/consumer] s3VerifySsl: is a string, not true or false: give true or false, or leave s3VerifySsl out'],
  ['KServeServiceAccount awsRoleArn: a number', s => new KServeServiceAccount(s, 'consumer', { awsRoleArn: 123456789012 as any }),
    '[test/consumer] awsRoleArn: is a number, not a string: give a string, or leave awsRoleArn out'],
  ['KServeServiceAccount registry: a file name', s => new KServeServiceAccount(s, 'consumer', { registry: 'config.json' as any }),
    '[test/consumer] registry: is a string, not an instance of DockerConfig: create it with one of DockerConfig\'s static methods, such as DockerConfig.fromFile("config.json")'],
  ['PipelinesArtifactStore pipelineRoot: missing', s => new PipelinesArtifactStore(s, 'consumer', { s3: s3() } as any),
    '[test/consumer] pipelineRoot: is missing: give where runs write their artifacts, such as "s3://team-a-artifacts/v2"'],
  ['PipelinesArtifactStore credentialsSecret: a plain object', s => new PipelinesArtifactStore(s, 'consumer', { pipelineRoot: 's3://b/v2', credentialsSecret: { namespace: 'user', secretName: 'x' } as any }),
    '[test/consumer] credentialsSecret: is not a Secret made by a construct of this library: give an attribute such as kserve.s3Secret'],
  ['TrainerStorageCredentials huggingFaceToken: a string', s => new TrainerStorageCredentials(s, 'consumer', { huggingFaceToken: 'hf_x' as any }),
    '[test/consumer] huggingFaceToken: is a string, not an instance of HuggingFaceToken: create it with one of HuggingFaceToken\'s static methods, such as HuggingFaceToken.fromEnv()'],
  ['TrainerStorageCredentials immutable: "yes"', s => new TrainerStorageCredentials(s, 'consumer', { huggingFaceToken: HuggingFaceToken.fromValue('hf_fake0000'), immutable: 'yes' as any }),
    '[test/consumer] immutable: is a string, not true or false: give true or false, or leave immutable out'],
])('%s is the library\'s error, and leaves nothing', (_what, create, message) => {
  const chart = userChart();
  expect(errorOf(() => create(chart))).toBe(message);
  expect(treeOf(chart)).toEqual([]);
});
