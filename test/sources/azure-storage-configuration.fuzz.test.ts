// Property-based tests of every AzureStorageConfiguration source: whatever the input, AzureBlobConfiguration
// either synthesises valid manifests with the account and one credential as given, or throws one
// AccessError that names no secret and leaves nothing in the tree.
import * as fc from 'fast-check';
import { AzureBlobConfiguration, AzureStorageConfiguration } from '../../lib';
import { buildOrReject, hostileText, params, secretValue, timeout, token, tokensIn } from '../fuzz';

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
