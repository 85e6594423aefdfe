// Property-based tests of every GcpServiceAccountKey source: whatever the input, GcsCredentials either
// synthesises valid manifests holding the key byte for byte, as google-auth can use it, or throws one
// AccessError that names no secret and leaves nothing in the tree.
import { generateKeyPairSync } from 'crypto';
import * as fc from 'fast-check';
import { GcpServiceAccountKey, GcsCredentials } from '../../lib';
import { hasLoneSurrogate } from '../../lib/names';
import { buildOrReject, hostileText, lineEndingVariant, params, scratchFiles, secretValue, storedBytes, timeout, token, tokensIn } from '../fuzz';

const { fresh: tempFile } = scratchFiles('gcp-key-fuzz-');

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
      if (outcome.ok) { expect(storedBytes(outcome.manifests, 'user-gcp-sa.json')?.toString('utf8')).toBe(text); }
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
      expect(storedBytes(outcome.manifests, 'user-gcp-sa.json')?.toString('utf8')).toBe(json);
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
      expect(storedBytes(outcome.manifests, 'user-gcp-sa.json')?.equals(bytes)).toBe(true);
      usableKey(bytes.toString('utf8'));
    }), params());
  }, timeout(300));

  test('fromExistingSecret with hostile names and keys', () => {
    fc.assert(fc.property(hostileText(60), fc.option(hostileText(30), { nil: undefined }), (secretName, key) => {
      buildOrReject(chart => new GcsCredentials(chart, 'gcp-credentials', { key: GcpServiceAccountKey.fromExistingSecret(secretName, key) }), []);
    }), params());
  }, timeout(50));
});
