// The leak scan: drives every rejection path we can reach with the secret values of the project's own
// fixtures (each fixture cut short, each line dropped, doubled or replaced by its bare value, each value
// given a newline, ...), synthesises the good ones, and collects everything the library throws or
// prints on the way (console and process streams, spied). None of the fixtures' secrets may appear.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import {
  AwsCredentials, AwsEnvConfiguration, AwsFileCredentials, AzureBlobConfiguration, AzureStorageConfiguration, DockerConfig,
  DockerRegistryAccess, GcpServiceAccountKey, GcsCredentials, MinioCredentials, MinioDefault, NotebookAccess, PipelinesApiAccess,
  S3Configuration, S3SignatureVersion, StorageAccess,
} from '../../lib';
import { awsSecrets, azureSecrets, dockerSecrets, envVariables, fixtureFiles, gcpSecrets } from './fixture-secrets';
import { leakedSecrets } from '../fuzz';

/** What the library threw and printed while the scan ran. */
const seen: string[] = [];
const outcomes = { rejected: 0, synthesised: 0 };
const work = mkdtempSync(path.join(tmpdir(), 'leak-scan-'));
let fileCount = 0;
function tempFile(content: string | Buffer): string {
  const file = path.join(work, `input-${fileCount++}`);
  writeFileSync(file, content);
  return file;
}

/**
 * Builds one construct in a fresh app and synthesises it when it is accepted: to files for the
 * fixtures as they are, in memory (with the same validation) for their many variants.
 */
function drive(build: (chart: Chart) => unknown, toFiles = false): void {
  const outdir = toFiles ? mkdtempSync(path.join(work, 'out-')) : undefined;
  const app = new App({ outdir });
  try {
    build(new Chart(app, 'scan', { namespace: 'user' }));
    // The manifests hold the credentials by design; what the library prints and throws must not.
    if (toFiles) { app.synth(); } else { app.synthYaml(); }
    outcomes.synthesised++;
  } catch (e) {
    seen.push(String((e as Error)?.message), String((e as Error)?.stack));
    outcomes.rejected++;
  } finally {
    if (outdir !== undefined) { rmSync(outdir, { recursive: true, force: true }); }
  }
}

/** Every way of breaking a text line by line: cut short, a line dropped, doubled, or reduced to its value. */
function lineMutations(text: string): string[] {
  const lines = text.split('\n');
  const variants: string[] = [];
  // Cut short at some 20 places, and around every "=" (a value cut off, or missing).
  for (let i = 0; i <= text.length; i += Math.max(1, Math.floor(text.length / 20))) { variants.push(text.slice(0, i)); }
  for (let i = text.indexOf('='); i >= 0; i = text.indexOf('=', i + 1)) { variants.push(text.slice(0, i), text.slice(0, i + 1), text.slice(0, i + 4)); }
  lines.forEach((line, i) => {
    const value = line.includes('=') ? line.slice(line.indexOf('=') + 1).trim() : line;
    const without = lines.filter((_, j) => j !== i);
    variants.push(without.join('\n'));
    variants.push([...lines.slice(0, i + 1), line, ...lines.slice(i + 1)].join('\n'));
    variants.push([...lines.slice(0, i), value, ...lines.slice(i + 1)].join('\n'));
    variants.push([...lines.slice(0, i), `${line} trailing`, ...lines.slice(i + 1)].join('\n'));
    variants.push([...lines.slice(0, i), `  ${line}`, ...lines.slice(i + 1)].join('\n'));
  });
  return variants;
}

/** Every way of breaking a config.json value by value: a newline added, emptied, cut short, a wrong type. */
function dockerMutations(text: string): string[] {
  const config = JSON.parse(text);
  const variants = [`\ufeff${text}`, JSON.stringify({ ...config, credsStore: 'desktop' }), JSON.stringify({ ...config, credHelpers: { x: 'y' } })];
  for (const [server, entry] of Object.entries<any>(config.auths)) {
    for (const [field, value] of Object.entries<any>(entry)) {
      for (const broken of [`${value}\n`, '', String(value).slice(0, -1), `${value}!`, 42, Buffer.from(`${value}\n`).toString('base64')]) {
        variants.push(JSON.stringify({ ...config, auths: { ...config.auths, [server]: { ...entry, [field]: broken } } }));
      }
    }
    variants.push(JSON.stringify({ ...config, auths: { ...config.auths, [server]: { email: 'x@example.com' } } }));
    variants.push(JSON.stringify({ ...config, auths: { ...config.auths, [server]: { ...entry, username: 'someone-else' } } }));
    variants.push(JSON.stringify({ ...config, auths: { ...config.auths, [server]: JSON.stringify(entry) } }));
  }
  return variants;
}

/** Every way of breaking a key file field by field: removed, emptied, a newline added, cut short, a wrong type; the PEM mangled. */
function gcpMutations(text: string): string[] {
  const key = JSON.parse(text);
  const variants = [`\ufeff${text}`, text.replace(/\n/g, '\r\n'), JSON.stringify(text), JSON.stringify([key]), JSON.stringify({ key }),
    JSON.stringify({ ...key, deep: JSON.parse(`${'['.repeat(600)}${']'.repeat(600)}`) }), `${text.trimEnd()}\ud800`];
  for (const [field, value] of Object.entries<any>(key)) {
    const without = { ...key };
    delete without[field];
    variants.push(JSON.stringify(without));
    for (const broken of ['', ' ', `${value}\n`, String(value).slice(0, -5), 42, null, [value], { value }]) {
      variants.push(JSON.stringify({ ...key, [field]: broken }));
    }
  }
  const pem = String(key.private_key);
  for (const broken of [pem.replace(/\n/g, '\\n'), pem.replace('PRIVATE KEY', 'RSA PRIVATE KEY'), pem.replace('PRIVATE', 'ENCRYPTED PRIVATE'),
    pem.slice(0, pem.length / 2), pem.replace(/\n/g, ''), pem.replace(/[A-Za-z]/, '!'), `-----BEGIN EC PRIVATE KEY-----\n${pem.split('\n')[1]}\n-----END EC PRIVATE KEY-----\n`]) {
    variants.push(JSON.stringify({ ...key, private_key: broken }));
  }
  return variants;
}

/** Every way of breaking a connection string part by part: dropped, doubled, odd-cased, a value where the name belongs, a newline. */
function connectionStringMutations(connection: string): string[] {
  const parts = connection.split(';');
  const variants = [connection.replace(/;/g, ';\n'), `${connection};;`, `;${connection}`, connection.replace(/;/g, ';;'), `${connection} `, `${connection}\n`];
  parts.forEach((part, i) => {
    const at = part.indexOf('=');
    const [name, value] = [part.slice(0, at), part.slice(at + 1)];
    const replaced = (p: string) => [...parts.slice(0, i), p, ...parts.slice(i + 1)].join(';');
    variants.push(replaced(''), replaced(value), replaced(`${value}=x`), replaced(`${name.toLowerCase()}=${value}`), replaced(`${name.toUpperCase()}=${value}`),
      replaced(`${name}=${value}\n`), replaced(`${name}=${value.slice(0, -3)}`), replaced(`${name}= ${value}`), replaced(`${name}=${value}\u0000`),
      replaced(`${name}x=${value}`), replaced(`${part};${part}`), replaced(`BlobEndpoint=https://u:${value}@fake.example.com`));
  });
  return variants;
}

describe('leak scan over the fixtures\' secrets', () => {
  const fixtures = fixtureFiles();
  const secrets = [
    ...fixtures.docker.flatMap(f => dockerSecrets(readFileSync(f, 'utf8'))),
    ...fixtures.aws.flatMap(f => awsSecrets(readFileSync(f, 'utf8'))),
    ...fixtures.gcp.flatMap(f => gcpSecrets(readFileSync(f, 'utf8'))),
    ...fixtures.azure.flatMap(f => azureSecrets(readFileSync(f, 'utf8'))),
  ];
  const spies: jest.SpyInstance[] = [];

  beforeAll(() => {
    const capture = (...args: unknown[]) => { seen.push(args.map(String).join(' ')); };
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      spies.push(jest.spyOn(console, method).mockImplementation(capture));
    }
    for (const stream of [process.stdout, process.stderr]) {
      spies.push(jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown) => { capture(chunk); return true; }) as any));
    }
  });
  afterAll(() => {
    spies.forEach(s => s.mockRestore());
    rmSync(work, { recursive: true, force: true });
  });

  test('finds the fixtures and their secrets', () => {
    expect(fixtures.docker.length).toBeGreaterThanOrEqual(2);
    expect(fixtures.aws.length).toBeGreaterThanOrEqual(3);
    expect(secrets).toEqual(expect.arrayContaining(['fake-password', 'fake-secret-key-0000', 'fake-session-token-0001']));
    expect(fixtures.gcp.map(f => path.basename(f))).toEqual(['gcp-service-account-key.json']);
    expect(fixtures.azure.map(f => path.basename(f))).toEqual(['azure-storage.env']);
    const gcpKey = JSON.parse(readFileSync(fixtures.gcp[0], 'utf8'));
    expect(secrets).toEqual(expect.arrayContaining([gcpKey.private_key, gcpKey.private_key.split('\n')[1], gcpKey.client_email]));
    expect(secrets).toEqual(expect.arrayContaining(['RkFLRS1henVyZS1zdG9yYWdlLWFjY291bnQta2V5LWZvci10ZXN0cy1vbmx5LXZhbGlkLW5vd2hlcmUtMDAwMA==',
      'FAKEsasSignatureForTestsOnly00000000000000%3D']));
  });

  test('GCS key sources, with every mutation of every key fixture', () => {
    for (const fixture of fixtures.gcp) {
      const text = readFileSync(fixture, 'utf8');
      drive(chart => new GcsCredentials(chart, 'gcp-credentials', { key: GcpServiceAccountKey.fromFile(fixture) }), true);
      drive(chart => new NotebookAccess(chart, 'notebook', { docker: DockerConfig.fromExistingSecret('regcred'), storage: StorageAccess.gcs(GcpServiceAccountKey.fromFile(fixture)), pipelines: true }), true);
      for (const variant of new Set([...lineMutations(text), ...gcpMutations(text)])) {
        drive(chart => new GcsCredentials(chart, 'gcp-credentials', { key: GcpServiceAccountKey.fromJson(variant) }));
        drive(chart => new GcsCredentials(chart, 'gcp-credentials', { key: GcpServiceAccountKey.fromFile(tempFile(variant)) }));
      }
      // Two keys for one profile: the app-wide check refuses them, naming no value.
      drive(chart => {
        new GcsCredentials(chart, 'gcs-a', { key: GcpServiceAccountKey.fromJson(text) });
        new GcsCredentials(chart, 'gcs-b', { key: GcpServiceAccountKey.fromJson(text), mountPath: '/secret/gcp-b/' });
      });
    }
  });

  test('Azure sources, with every mutation of every Azure fixture', () => {
    for (const fixture of fixtures.azure) {
      const env = envVariables(readFileSync(fixture, 'utf8'));
      const accountName = env.AZURE_STORAGE_ACCOUNT_NAME;
      const azure = (configuration: AzureStorageConfiguration, toFiles = false) =>
        drive(chart => new AzureBlobConfiguration(chart, 'azure-blob', { configuration }), toFiles);
      const names = Object.keys(env);
      // Every subset of the variables: none, one credential, two or three credentials together.
      for (let mask = 0; mask < 2 ** names.length; mask++) {
        const subset = Object.fromEntries(names.filter((_, i) => mask & (1 << i)).map(n => [n, env[n]]));
        azure(AzureStorageConfiguration.fromEnv(subset), Object.keys(subset).length === 2 && subset.AZURE_STORAGE_ACCOUNT_NAME !== undefined);
      }
      for (const [field, variable] of [['accountKey', 'AZURE_STORAGE_ACCOUNT_KEY'], ['sasToken', 'AZURE_STORAGE_SAS_TOKEN'], ['connectionString', 'AZURE_STORAGE_CONNECTION_STRING']]) {
        const value = env[variable];
        const broken = [value, `${value}\n`, ` ${value}`, `${value} x`, `${value}\ud800`, value.slice(0, -4), `${value}${value}`, `?${value}`,
          `https://${accountName}.blob.core.windows.net/?${value}`, `"${value}"`, `${variable}=${value}`, `${value}\u001b`, ''];
        const more = field === 'connectionString' ? connectionStringMutations(value) : [];
        for (const v of [...broken, ...more]) {
          azure(AzureStorageConfiguration.fromValues({ accountName, [field]: v }));
          azure(AzureStorageConfiguration.fromValues({ accountName: 'otheraccount', [field]: v }));
          azure(AzureStorageConfiguration.fromEnv({ AZURE_STORAGE_ACCOUNT_NAME: accountName, [variable]: v }));
        }
      }
      // Two accounts for one profile: the app-wide check refuses them, naming no value.
      drive(chart => {
        new AzureBlobConfiguration(chart, 'azure-a', { configuration: AzureStorageConfiguration.fromEnv({ AZURE_STORAGE_ACCOUNT_NAME: accountName, AZURE_STORAGE_ACCOUNT_KEY: env.AZURE_STORAGE_ACCOUNT_KEY }) });
        new AzureBlobConfiguration(chart, 'azure-b', { configuration: AzureStorageConfiguration.fromEnv({ AZURE_STORAGE_ACCOUNT_NAME: accountName, AZURE_STORAGE_SAS_TOKEN: env.AZURE_STORAGE_SAS_TOKEN }) });
      });
    }
  });

  test('PipelinesApiAccess rejections and conflicts beside the GCS and Azure credentials of the same chart', () => {
    // PipelinesApiAccess takes no secret; its errors must not carry those of the constructs beside it.
    const [gcpFixture, azureFixture] = [fixtures.gcp[0], fixtures.azure[0]];
    const azureEnv = envVariables(readFileSync(azureFixture, 'utf8'));
    const withCredentials = (chart: Chart) => {
      new GcsCredentials(chart, 'gcp-credentials', { key: GcpServiceAccountKey.fromFile(gcpFixture) });
      new AzureBlobConfiguration(chart, 'azure-blob', { configuration: AzureStorageConfiguration.fromEnv(azureEnv) });
    };
    for (const props of [{ expirationSeconds: 599 }, { expirationSeconds: NaN }, { audience: '' }, { audience: 'a b' }, { name: 'Access' }, { secretName: 'x' } as object]) {
      drive(chart => {
        withCredentials(chart);
        new PipelinesApiAccess(chart, 'access-ml-pipeline', props);
      });
    }
    drive(chart => {
      withCredentials(chart);
      new PipelinesApiAccess(chart, 'kfp-a');
      new PipelinesApiAccess(chart, 'kfp-b', { audience: 'kfp.example.com' });
    });
  });

  test('Docker sources, with every mutation of every config.json fixture', () => {
    for (const fixture of fixtures.docker) {
      const text = readFileSync(fixture, 'utf8');
      drive(chart => new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromFile(fixture) }), true);
      for (const variant of new Set([...lineMutations(text), ...dockerMutations(text)])) {
        drive(chart => new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromJson(variant) }));
        drive(chart => new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromFile(tempFile(variant)) }));
      }
    }
    for (const password of secrets) {
      for (const login of [
        { username: 'fake-user', password }, { username: 'fake-user', password: `${password}\n` }, { username: 'fake-user', password: ` ${password}` },
        { username: '', password }, { username: 'a:b', password }, { server: ' ', username: 'u', password }, { username: 'u', password, email: `${password}\n` },
      ]) {
        drive(chart => new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromLogins([login, login]) }));
        drive(chart => new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromLogin(login) }));
      }
    }
  });

  test('AWS file sources, with every mutation of every credentials fixture', () => {
    for (const fixture of fixtures.aws) {
      const text = readFileSync(fixture, 'utf8');
      drive(chart => new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromFile(fixture) }), true);
      drive(chart => new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromFile(fixture), region: 'EU' }));
      for (const profile of ['staging', 'minio', 'missing']) {
        drive(chart => new AwsEnvConfiguration(chart, 'aws-configuration', { configuration: S3Configuration.fromCredentialsFile(fixture, profile) }));
      }
      for (const variant of new Set([...lineMutations(text), text.replace(/\n/g, '\r\n'), `\ufeff${text}`, `${text}\0`])) {
        const file = tempFile(variant);
        drive(chart => new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromFile(file) }));
        drive(chart => new AwsEnvConfiguration(chart, 'aws-configuration', { configuration: S3Configuration.fromCredentialsFile(file) }));
      }
    }
  });

  test('keys given in code, in every broken form', () => {
    for (const secret of secrets) {
      for (const value of [secret, `${secret}\n`, ` ${secret}`, `${secret} x`, `${secret}\ud800`, '']) {
        const keys = { accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: value, sessionToken: value };
        drive(chart => new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromKeys(keys) }));
        drive(chart => new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromProfiles([{ ...keys, profile: 'a b' }, keys, keys]) }));
        drive(chart => new AwsEnvConfiguration(chart, 'aws-configuration', { configuration: S3Configuration.fromValues({ ...keys, accessKeyId: value }) }));
        drive(chart => new MinioDefault(chart, 'minio', { credentials: MinioCredentials.fromKeys({ accessKey: value, secretKey: value }) }));
        for (const endpoint of [`https://user:${secret}@s3.example.com`, `https://s3.example.com/?X-Amz-Signature=${secret}`,
          `https://s3.example.com/${secret}`, `https://${secret}@s3.example.com`, `${secret}`, `s3.example.com:${secret}`]) {
          drive(chart => new AwsEnvConfiguration(chart, 'aws-configuration', {
            configuration: S3Configuration.fromValues({ accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: 'fake', endpoint }),
          }));
          drive(chart => new MinioDefault(chart, 'minio', { endpoint }));
        }
        const env = {
          AWS_ACCESS_KEY_ID: value, AWS_SECRET_ACCESS_KEY: value, AWS_SESSION_TOKEN: value, AWS_REGION: value,
          S3_ENDPOINT: `https://u:${value}@x`, S3_SIGNATURE_VERSION: value, S3_FORCE_PATH_STYLE: value,
        };
        for (const drop of Object.keys(env)) {
          const partial: Record<string, string> = { ...env };
          delete partial[drop];
          drive(chart => new AwsEnvConfiguration(chart, 'aws-configuration', { configuration: S3Configuration.fromEnv(partial) }));
        }
        drive(chart => new AwsEnvConfiguration(chart, 'aws-configuration', {
          configuration: S3Configuration.fromValues({ ...keys, signatureVersion: value as S3SignatureVersion, region: value }),
        }));
      }
    }
  });

  test('app-wide PodDefault validation errors, with secrets in the clashing env values', () => {
    for (const [a, b] of secrets.flatMap(s => [[s, `${s}-other`]])) {
      drive(chart => {
        for (const [name, value] of [['team-a', a], ['team-b', b]]) {
          new ApiObject(chart, name, {
            apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name },
            spec: { selector: { matchLabels: { [name]: 'true' } }, desc: name, env: [{ name: 'TOKEN', value }] },
          });
        }
        new MinioDefault(chart, 'minio');
      });
    }
  });

  test('nothing thrown or printed holds a fixture secret', () => {
    // The scan ran: many inputs were rejected, and the good ones were synthesised and written.
    expect(outcomes.rejected).toBeGreaterThan(500);
    expect(outcomes.synthesised).toBeGreaterThan(10);
    const leaks = seen.flatMap(text => leakedSecrets(text, secrets).map(secret => `${secret}: ${text.slice(0, 300)}`));
    expect(leaks).toEqual([]);
  });
});
