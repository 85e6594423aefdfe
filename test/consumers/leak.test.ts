// The leak scan of the consumer constructs: each is driven with the fixtures' secrets, broken in the ways
// test/guarantees/leak-scan.test.ts breaks them, alone and beside one another; what the library throws or
// prints (console and process streams, spied) must hold none of those secrets.
import { readFileSync } from 'fs';
import { App, Chart } from 'cdk8s';
import {
  AzureStorageConfiguration, GcpServiceAccountKey, HuggingFaceToken, KServeServiceAccount, KServeStorageConfig, PipelinesArtifactStore,
  S3Configuration, TrainerStorageCredentials,
} from '../../lib';
import { leakedSecrets } from '../fuzz';
import { fixture } from '../support';

const aws = readFileSync(fixture('aws-credentials'), 'utf8');
const ACCESS_KEY_ID = /aws_access_key_id\s*=\s*(\S+)/.exec(aws)![1];
const SECRET_ACCESS_KEY = /aws_secret_access_key\s*=\s*(\S+)/.exec(aws)![1];
const GCP_TEXT = readFileSync(fixture('gcp-service-account-key.json'), 'utf8');
const GCP = JSON.parse(GCP_TEXT);
const AZURE = Object.fromEntries([...readFileSync(fixture('azure-storage.env'), 'utf8').matchAll(/^([A-Z_]+)=(.*)$/gm)].map(m => [m[1], m[2]]));
const HF = 'hf_fakeTokenForTestsOnly0000000000';
const SECRETS = [SECRET_ACCESS_KEY, GCP.private_key, ...GCP.private_key.split('\n').filter((l: string) => l.length >= 16 && !l.startsWith('-----')),
  GCP.private_key_id, AZURE.AZURE_STORAGE_ACCOUNT_KEY, 'FAKEsasSignatureForTestsOnly00000000000000%3D', HF];

/** Every way of breaking one value: as it is, with a line break, padded, doubled, cut, with a control character or half a surrogate pair, empty. */
const broken = (value: string) => [value, `${value}\n`, ` ${value}`, `${value} x`, `${value}${value}`, value.slice(0, -3), `${value}\u001b`, `${value}\ud800`, ''];

describe('consumers leak no secret in what they throw or print', () => {
  const seen: string[] = [];
  const spies: jest.SpyInstance[] = [];
  beforeAll(() => {
    const capture = (...args: unknown[]) => { seen.push(args.map(String).join(' ')); };
    for (const method of ['log', 'warn', 'error', 'info', 'debug'] as const) { spies.push(jest.spyOn(console, method).mockImplementation(capture)); }
    for (const stream of [process.stdout, process.stderr]) {
      spies.push(jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown) => { capture(chunk); return true; }) as any));
    }
  });
  afterAll(() => spies.forEach(s => s.mockRestore()));

  /** Builds in a fresh app and synthesises what is accepted; keeps every error. */
  const drive = (build: (chart: Chart) => unknown) => {
    const app = new App();
    try {
      build(new Chart(app, 'scan', { namespace: 'user' }));
      // The manifests hold the credentials by design; what the library prints and throws must not.
      app.synthYaml();
    } catch (e) {
      seen.push(String((e as Error)?.message), String((e as Error)?.stack));
    }
  };

  test('S3 keys, session tokens, GCS keys, Azure credentials and Hugging Face tokens, broken every way', () => {
    const s3Variants = broken(SECRET_ACCESS_KEY).flatMap(secretAccessKey => [
      S3Configuration.fromValues({ accessKeyId: ACCESS_KEY_ID, secretAccessKey }),
      S3Configuration.fromValues({ accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY, sessionToken: secretAccessKey }),
      S3Configuration.fromValues({ accessKeyId: secretAccessKey, secretAccessKey: SECRET_ACCESS_KEY, endpoint: `http://${secretAccessKey}:9000` }),
    ]);
    for (const s3 of s3Variants) {
      drive(c => new KServeServiceAccount(c, 'kserve', { s3 }));
      drive(c => new PipelinesArtifactStore(c, 'store', { pipelineRoot: 's3://bucket/v2', s3 }));
      drive(c => new PipelinesArtifactStore(c, 'store', { pipelineRoot: 'gs://bucket/v2', s3 }));
      drive(c => new TrainerStorageCredentials(c, 'trainer', { s3, awsRoleArn: `arn:aws:iam::123456789012:role/${SECRET_ACCESS_KEY}` }));
      drive(c => new KServeStorageConfig(c, 'storage', { s3 }));
    }
    for (const json of [GCP_TEXT, GCP_TEXT.slice(0, -10), GCP_TEXT.replace('service_account', 'user'), GCP_TEXT.replace(/\\n/g, '\\\\n'), '']) {
      const gcs = GcpServiceAccountKey.fromJson(json);
      drive(c => new KServeServiceAccount(c, 'kserve', { gcs }));
      drive(c => new PipelinesArtifactStore(c, 'store', { pipelineRoot: 'gs://bucket/v2', gcs }));
    }
    for (const [field, value] of [['accountKey', AZURE.AZURE_STORAGE_ACCOUNT_KEY], ['sasToken', AZURE.AZURE_STORAGE_SAS_TOKEN], ['connectionString', AZURE.AZURE_STORAGE_CONNECTION_STRING ?? `AccountName=${AZURE.AZURE_STORAGE_ACCOUNT_NAME};AccountKey=${AZURE.AZURE_STORAGE_ACCOUNT_KEY}`]]) {
      for (const v of broken(value)) {
        drive(c => new KServeServiceAccount(c, 'kserve', { azure: AzureStorageConfiguration.fromValues({ accountName: AZURE.AZURE_STORAGE_ACCOUNT_NAME, [field]: v }) }));
      }
    }
    for (const token of broken(HF)) {
      drive(c => new TrainerStorageCredentials(c, 'trainer', { huggingFaceToken: HuggingFaceToken.fromValue(token) }));
      drive(c => new TrainerStorageCredentials(c, 'trainer', { huggingFaceToken: HuggingFaceToken.fromEnv({ HF_TOKEN: token }) }));
    }
    // Objects of one name beside one another: the app-wide check refuses them, naming no value.
    drive(c => {
      const s3 = S3Configuration.fromValues({ accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY, region: 'us-east-1' });
      new KServeServiceAccount(c, 'models', { s3 });
      new TrainerStorageCredentials(c, 'trainer', { s3, huggingFaceToken: HuggingFaceToken.fromValue(HF), name: 'models-s3' });
      new PipelinesArtifactStore(c, 'a', { pipelineRoot: 's3://team-a/v2', s3 });
      new PipelinesArtifactStore(c, 'b', { pipelineRoot: 's3://team-b/v2', s3 });
    });
    expect(seen.filter(line => line.includes('are both Secret models-s3'))).not.toEqual([]);
    expect(seen.length).toBeGreaterThan(100);
    expect(leakedSecrets(seen.join('\n'), SECRETS)).toEqual([]);
  });
});
