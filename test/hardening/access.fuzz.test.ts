// Property-based tests of the Pipelines, GCS and Azure sources: whatever the input, the construct
// either synthesises valid manifests (a key stored byte for byte, the variables and token settings as
// given) or throws one AccessError that names no secret and leaves nothing in the tree.
import { generateKeyPairSync } from 'crypto';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { AzureBlobConfiguration, AzureStorageConfiguration, GcpServiceAccountKey, GcsCredentials, PipelinesApiAccess } from '../../lib';
import { hasLoneSurrogate } from '../../lib/names';
import { buildOrReject, hostileText, lineEndingVariant, params, secretValue, timeout, token, tokensIn } from './fuzz';

const dir = mkdtempSync(path.join(tmpdir(), 'access-fuzz-'));
let fileCount = 0;
function tempFile(content: string | Uint8Array): string {
  const file = path.join(dir, `key-${fileCount++}.json`);
  writeFileSync(file, content);
  return file;
}
const stored = (manifests: any[], key: string) => {
  const value = manifests.find(m => m.kind === 'Secret')?.data?.[key];
  return value === undefined ? undefined : Buffer.from(value, 'base64');
};

describe('PipelinesApiAccess props', () => {
  const expirationSeconds = fc.oneof(
    fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -600, 599, 600, 600.5, 7200, 2 ** 32, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER, 1e308, Number.MIN_VALUE),
    fc.integer({ min: -1e6, max: 2 ** 33 }),
    fc.double(),
    fc.anything({ withNullPrototype: true, withBigInt: true, withBoxedValues: true }),
  );
  const audience = fc.oneof(fc.constantFrom('pipelines.kubeflow.org', 'https://kubernetes.default.svc', 'kfp.example.com'), hostileText(40), fc.anything());

  test('the token settings as given, or one AccessError that leaves nothing', () => {
    fc.assert(fc.property(fc.option(expirationSeconds, { nil: undefined }), fc.option(audience, { nil: undefined }), (seconds, aud) => {
      const outcome = buildOrReject(chart => new PipelinesApiAccess(chart, 'access-ml-pipeline', { expirationSeconds: seconds as number, audience: aud as string }), []);
      if (!outcome.ok) {
        expect(outcome.error.message).toMatch(/^\[test\/access-ml-pipeline\] (expirationSeconds|audience): /);
        return;
      }
      const [podDefault] = outcome.manifests;
      expect(outcome.manifests).toHaveLength(1);
      const projected = podDefault.spec.volumes[0].projected.sources[0].serviceAccountToken;
      expect(projected).toEqual({ path: 'token', expirationSeconds: seconds ?? 7200, audience: aud ?? 'pipelines.kubeflow.org' });
      expect(Number.isInteger(projected.expirationSeconds) && projected.expirationSeconds >= 600 && projected.expirationSeconds <= 2 ** 32).toBe(true);
      expect(projected.audience).toMatch(/^[^\s\u0000-\u001f\u007f]+$/);
    }), params());
  }, timeout(100));
});

// Throwaway keys, made once: an RSA key google-auth signs with, and the keys it cannot use.
const pem = (key: { export(o: object): string | Buffer }, type = 'pkcs8') => key.export({ type, format: 'pem' }) as string;
const RSA = pem(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey);
const RSA_PKCS1 = pem(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey, 'pkcs1');
const EC = pem(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
const ED25519 = pem(generateKeyPairSync('ed25519').privateKey);
const RSA_PUBLIC = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
/** The lines of a PEM's body: any of them in a message is a leak of the private key. */
const pemLines = (text: string) => text.split('\n').filter(line => line.length >= 16 && !line.startsWith('-----'));
const KEY_SECRETS = [RSA, RSA_PKCS1, EC, ED25519].flatMap(pemLines);

const privateKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(RSA, RSA_PKCS1) },
  { weight: 1, arbitrary: fc.constantFrom(EC, ED25519, RSA_PUBLIC, RSA.replace(/\n/g, '\\n'), RSA.slice(0, 200), RSA.replace('PRIVATE', 'ENCRYPTED PRIVATE'), `junk\n${RSA}`, RSA.replace(/\n/g, '\r\n'), '', ' ') },
  { weight: 1, arbitrary: fc.oneof(secretValue(), hostileText(30)) },
);
/** A service-account key as JSON text, built field by field so that keys such as `__proto__` reach the parser as text. */
const keyText = fc.record({
  type: fc.oneof({ weight: 5, arbitrary: fc.constant('service_account') }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom('authorized_user', 'external_account', 'SERVICE_ACCOUNT', ''), hostileText(12)) }),
  client_email: fc.oneof({ weight: 5, arbitrary: token().map(t => `${t}@fake-project.iam.gserviceaccount.com`) }, { weight: 1, arbitrary: hostileText(12) }),
  token_uri: fc.oneof({ weight: 5, arbitrary: fc.constant('https://oauth2.googleapis.com/token') }, { weight: 1, arbitrary: hostileText(12) }),
  private_key: privateKey,
  private_key_id: token(),
  extra: fc.array(fc.tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'type', 'private_key'), hostileText(10)), fc.jsonValue({ maxDepth: 3 })), { maxLength: 3 }),
  drop: fc.option(fc.constantFrom('type', 'client_email', 'token_uri', 'private_key'), { nil: undefined, freq: 6 }),
}).chain(fields => fc.tuple(fc.constant(fields), fc.constantFrom(0, 2), fc.nat({ max: 10 })))
  .map(([{ extra, drop, ...fields }, indent, deep]) => {
    const pairs = [...Object.entries(fields).filter(([k]) => k !== drop), ...extra].map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v, null, indent)}`);
    // Now and then a field nested past the limit of Python's json module.
    if (deep === 0) { pairs.push(`"deep":${'['.repeat(600)}${']'.repeat(600)}`); }
    const text = `{${pairs.join(indent === 0 ? ',' : ',\n  ')}}`;
    const values = [fields.client_email, fields.private_key_id, ...(typeof fields.private_key === 'string' ? [fields.private_key, ...pemLines(fields.private_key)] : [])];
    return { text, secrets: [...values.filter((v): v is string => typeof v === 'string'), ...values.flatMap(v => tokensIn(String(v))), ...KEY_SECRETS] };
  });

/** What google-auth needs, as the test knows it: the oracle for an accepted key. */
function usableKey(text: string): void {
  const key = JSON.parse(text);
  expect(key.type).toBe('service_account');
  expect(typeof key.client_email === 'string' && key.client_email.trim() !== '').toBe(true);
  expect(typeof key.token_uri === 'string' && key.token_uri.trim() !== '').toBe(true);
  expect([RSA, RSA_PKCS1, `junk\n${RSA}`, RSA.replace(/\n/g, '\r\n')]).toContain(key.private_key);
  // UTF-8 must carry the text unchanged, and Python's json module must be able to read it.
  expect(hasLoneSurrogate(text)).toBe(false);
  expect(text.includes('['.repeat(501))).toBe(false);
}

/** A key as gcloud writes it, with extra fields of any name and value but the four google-auth reads. */
const goodKeyText = fc.record({
  client_email: token().map(t => `${t}@fake-project.iam.gserviceaccount.com`),
  private_key: fc.constantFrom(RSA, RSA_PKCS1),
  extra: fc.array(fc.tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'project_id', 'universe_domain'), hostileText(10)), fc.jsonValue({ maxDepth: 3 })), { maxLength: 3 }),
}).map(({ client_email, private_key, extra }) => {
  const fields = { type: 'service_account', client_email, token_uri: 'https://oauth2.googleapis.com/token', private_key };
  const pairs = [...extra.filter(([k]) => !(k in fields)), ...Object.entries(fields)].map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return { text: `{\n  ${pairs.join(',\n  ')}\n}\n`, secrets: [client_email, ...pemLines(private_key)] };
});

describe('GcpServiceAccountKey sources', () => {
  test('a well-formed key, with LF or CRLF, from a file or in memory, is accepted and stored byte for byte', () => {
    fc.assert(fc.property(goodKeyText.chain(k => fc.constantFrom(k.text, k.text.replace(/\n/g, '\r\n')).map(text => ({ ...k, text }))), fc.boolean(), ({ text, secrets }, fromFile) => {
      const key = fromFile ? GcpServiceAccountKey.fromFile(tempFile(text)) : GcpServiceAccountKey.fromJson(text);
      const outcome = buildOrReject(chart => new GcsCredentials(chart, 'gcp-credentials', { key }), secrets);
      expect(outcome.ok).toBe(true);
      if (outcome.ok) { expect(stored(outcome.manifests, 'user-gcp-sa.json')?.toString('utf8')).toBe(text); }
    }), params());
  }, timeout(100));

  test('fromJson: any key text, stored as given, or one AccessError that names no field value', () => {
    const text = fc.oneof(
      { weight: 4, arbitrary: keyText },
      { weight: 1, arbitrary: keyText.chain(k => fc.nat({ max: k.text.length }).map(n => ({ ...k, text: k.text.slice(0, n) }))) },
      { weight: 1, arbitrary: keyText.map(k => ({ ...k, text: JSON.stringify(k.text) })) },
      { weight: 1, arbitrary: fc.oneof(hostileText(60), fc.constantFrom('', 'null', '[]', '"x"', '{}', '{"__proto__":{"type":"service_account"}}')).map(t => ({ text: t, secrets: [] as string[] })) },
    );
    fc.assert(fc.property(text, ({ text: json, secrets }) => {
      const outcome = buildOrReject(chart => new GcsCredentials(chart, 'gcp-credentials', { key: GcpServiceAccountKey.fromJson(json) }), secrets);
      if (!outcome.ok) { return; }
      expect(stored(outcome.manifests, 'user-gcp-sa.json')?.toString('utf8')).toBe(json);
      usableKey(json);
    }), params());
  }, timeout(300));

  test('fromFile: LF, CRLF, a BOM, any bytes: stored byte for byte, or one AccessError that names no field value', () => {
    const content = fc.oneof(
      { weight: 3, arbitrary: keyText.chain(k => lineEndingVariant(k.text).map(t => ({ bytes: Buffer.from(t), secrets: k.secrets }))) },
      { weight: 1, arbitrary: keyText.map(k => ({ bytes: Buffer.concat([Buffer.from(k.text), Buffer.from([0xc3, 0x28])]), secrets: k.secrets })) },
      { weight: 1, arbitrary: keyText.map(k => ({ bytes: Buffer.from(k.text, 'utf16le'), secrets: k.secrets })) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map(bytes => ({ bytes: Buffer.from(bytes), secrets: [] as string[] })) },
    );
    fc.assert(fc.property(content, ({ bytes, secrets }) => {
      const file = tempFile(bytes);
      const outcome = buildOrReject(chart => new GcsCredentials(chart, 'gcp-credentials', { key: GcpServiceAccountKey.fromFile(file) }), secrets);
      if (!outcome.ok) { return; }
      expect(stored(outcome.manifests, 'user-gcp-sa.json')?.equals(bytes)).toBe(true);
      usableKey(bytes.toString('utf8'));
    }), params());
  }, timeout(300));

  test('fromExistingSecret with hostile names and keys', () => {
    fc.assert(fc.property(hostileText(60), fc.option(hostileText(30), { nil: undefined }), (secretName, key) => {
      buildOrReject(chart => new GcsCredentials(chart, 'gcp-credentials', { key: GcpServiceAccountKey.fromExistingSecret(secretName, key) }), []);
    }), params());
  }, timeout(50));
});

const ACCOUNT = 'fakeaccount0000';
/** A 64-byte account key whose base64 holds a recognisable token. */
const accountKey = token().map(t => Buffer.from(`${t}${'-'.repeat(64 - t.length)}`).toString('base64'));
const sasToken = token().map(t => `sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00%3A00%3A00Z&sig=${t}%3D`);
const SETTING_NAMES = ['DefaultEndpointsProtocol', 'AccountName', 'AccountKey', 'SharedAccessSignature', 'EndpointSuffix', 'BlobEndpoint'];

/** A connection string made of parts, with hostile ones mixed in: duplicated and odd-cased names, controls, a secret where a name belongs. */
const lettersToken = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'), minLength: 24, maxLength: 24 }).map(s => `SeCrEt${s}`);
const connectionString = fc.tuple(accountKey, sasToken, fc.oneof(token(), lettersToken), fc.array(fc.oneof(
  fc.constantFrom('DefaultEndpointsProtocol=https', 'DefaultEndpointsProtocol=ftp', `AccountName=${ACCOUNT}`, 'AccountName=Fake', 'EndpointSuffix=core.windows.net',
    'EndpointSuffix=blob.core.windows.net', 'BlobEndpoint=https://fakeaccount0000.blob.core.windows.net/', 'accountname=fakeaccount0000', 'ACCOUNTKEY=x', '', ' ', 'x', '=', '\u0000=1'),
  fc.tuple(fc.constantFrom(...SETTING_NAMES, 'accountkey', 'Accountkey', '__proto__', 'constructor'), hostileText(12)).map(([n, v]) => `${n}=${v}`),
  fc.constantFrom('KEY', 'SAS', 'TOKEN-NAME', 'TOKEN-URL'),
), { minLength: 1, maxLength: 6 }), fc.constantFrom('', ';', ';;', '\n'))
  .map(([key, sas, t, parts, end]) => {
    const text = parts.map(p => p === 'KEY' ? `AccountKey=${key}` : p === 'SAS' ? `SharedAccessSignature=${sas}`
      : p === 'TOKEN-NAME' ? `${t}=x` : p === 'TOKEN-URL' ? `BlobEndpoint=https://u:${t}@fake.example.com` : p).join(';') + end;
    return { text, secrets: [key, sas, ...tokensIn(sas), t, Buffer.from(key, 'base64').toString().slice(0, 30)] };
  });

/**
 * Checks an accepted configuration: exactly one credential in the Secret and the account name in the
 * PodDefault's plain env, each as given.
 */
function expectVariables(manifests: any[], given: { [variable: string]: string | undefined }): void {
  const data = manifests.find(m => m.kind === 'Secret').data;
  const names = Object.keys(data);
  expect(names).toHaveLength(1);
  expect(names[0]).toMatch(/^AZURE_STORAGE_(ACCOUNT_KEY|SAS_TOKEN|CONNECTION_STRING)$/);
  if (given[names[0]] !== undefined) { expect(Buffer.from(data[names[0]], 'base64').toString()).toBe(given[names[0]]); }
  const env = manifests.find(m => m.kind === 'PodDefault').spec.env;
  const accountName = env.find((e: any) => e.name === 'AZURE_STORAGE_ACCOUNT_NAME').value;
  if (given.AZURE_STORAGE_ACCOUNT_NAME !== undefined) { expect(accountName).toBe(given.AZURE_STORAGE_ACCOUNT_NAME); }
  expect(accountName).toMatch(/^[a-z0-9]{3,24}$/);
}

describe('AzureStorageConfiguration sources', () => {
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
  const values = fc.record({
    accountName: maybe(fc.oneof(fc.constant(ACCOUNT), hostileText(30))),
    accountKey: maybe(fc.oneof(accountKey, accountKey.map(k => `${k}\n`), accountKey.map(k => k.slice(0, 60)), secretValue())),
    sasToken: maybe(fc.oneof(sasToken, sasToken.map(s => `?${s}`), sasToken.map(s => `https://${ACCOUNT}.blob.core.windows.net/?${s}`), secretValue())),
    connectionString: maybe(connectionString),
  }, { requiredKeys: [] });

  test('well-formed values are accepted and written as given', () => {
    const connection = fc.tuple(accountKey, fc.constantFrom('', 'DefaultEndpointsProtocol=https;', 'DefaultEndpointsProtocol=http;'), fc.constantFrom('', ';EndpointSuffix=core.windows.net', ';EndpointSuffix=core.chinacloudapi.cn'), fc.constantFrom('', ';'))
      .map(([key, protocol, suffix, end]) => ({ connectionString: `${protocol}AccountName=${ACCOUNT};AccountKey=${key}${suffix}${end}`, secret: key }));
    const good = fc.oneof(
      accountKey.map(key => ({ values: { accountName: ACCOUNT, accountKey: key }, secret: key })),
      sasToken.map(sas => ({ values: { accountName: ACCOUNT, sasToken: sas }, secret: sas })),
      connection.map(c => ({ values: { connectionString: c.connectionString }, secret: c.secret })),
      connection.map(c => ({ values: { accountName: ACCOUNT, connectionString: c.connectionString }, secret: c.secret })),
    );
    fc.assert(fc.property(good, ({ values: v, secret }) => {
      const outcome = buildOrReject(chart => new AzureBlobConfiguration(chart, 'azure-blob', { configuration: AzureStorageConfiguration.fromValues(v) }), [secret]);
      expect(outcome.ok).toBe(true);
      if (outcome.ok) {
        expectVariables(outcome.manifests, { AZURE_STORAGE_ACCOUNT_NAME: ACCOUNT, AZURE_STORAGE_ACCOUNT_KEY: (v as any).accountKey,
          AZURE_STORAGE_SAS_TOKEN: (v as any).sasToken, AZURE_STORAGE_CONNECTION_STRING: (v as any).connectionString });
      }
    }), params());
  }, timeout(100));

  test('fromValues: the account and one credential as given, or one AccessError that names no value', () => {
    fc.assert(fc.property(values, v => {
      const secrets = [v.accountKey, v.sasToken, ...(v.connectionString?.secrets ?? [])]
        .filter((s): s is string => s !== undefined).flatMap(s => [s.trim(), ...tokensIn(s)]);
      const given = { accountName: v.accountName, accountKey: v.accountKey, sasToken: v.sasToken, connectionString: v.connectionString?.text };
      const outcome = buildOrReject(chart => new AzureBlobConfiguration(chart, 'azure-blob', { configuration: AzureStorageConfiguration.fromValues(given) }), secrets);
      if (!outcome.ok) { return; }
      expectVariables(outcome.manifests, {
        AZURE_STORAGE_ACCOUNT_NAME: given.accountName, AZURE_STORAGE_ACCOUNT_KEY: given.accountKey,
        AZURE_STORAGE_SAS_TOKEN: given.sasToken, AZURE_STORAGE_CONNECTION_STRING: given.connectionString,
      });
    }), params());
  }, timeout(100));

  test('fromEnv: any environment, or one AccessError that names a variable, never a value', () => {
    const env = fc.record({
      AZURE_STORAGE_ACCOUNT_NAME: maybe(fc.oneof(fc.constant(ACCOUNT), hostileText(20))),
      AZURE_STORAGE_ACCOUNT_KEY: maybe(fc.oneof(accountKey, secretValue())),
      AZURE_STORAGE_SAS_TOKEN: maybe(fc.oneof(sasToken, secretValue())),
      AZURE_STORAGE_CONNECTION_STRING: maybe(connectionString.map(c => c.text)),
      azure_storage_account_key: maybe(accountKey),
      ['__proto__']: maybe(token()),
    }, { requiredKeys: [] });
    fc.assert(fc.property(env, e => {
      const clean = Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as Record<string, string>;
      const secrets = Object.entries(clean).filter(([k]) => k !== 'AZURE_STORAGE_ACCOUNT_NAME')
        .flatMap(([, v]) => [v.trim(), ...tokensIn(v), ...(/AccountKey=([^;]+)/.exec(v)?.slice(1) ?? [])]);
      const outcome = buildOrReject(chart => new AzureBlobConfiguration(chart, 'azure-blob', { configuration: AzureStorageConfiguration.fromEnv(clean) }), secrets);
      if (outcome.ok) { expectVariables(outcome.manifests, clean); }
    }), params());
  }, timeout(100));

  test('fromExistingSecret with hostile names', () => {
    fc.assert(fc.property(hostileText(60), secretName => {
      buildOrReject(chart => new AzureBlobConfiguration(chart, 'azure-blob', { configuration: AzureStorageConfiguration.fromExistingSecret(secretName) }), []);
    }), params());
  }, timeout(50));
});
