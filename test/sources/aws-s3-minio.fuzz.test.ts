// Property-based tests of every AwsCredentials, S3Configuration and MinioCredentials source: whatever
// the input, the construct either synthesises valid manifests (a credentials file stored byte for byte,
// CRLF included, but for a leading BOM, which is dropped) or throws one AccessError that names no key
// and leaves nothing in the tree.
import * as fc from 'fast-check';
import {
  AwsCredentials, AwsEnvConfiguration, AwsFileCredentials, MinioCredentials, MinioDefault, S3Configuration, S3SignatureVersion,
} from '../../lib';
import { buildOrReject, hostileText, lineEndingVariant, params, scratchFiles, secretValue, storedBytes, timeout, token, tokensIn } from '../fuzz';

const { fresh: tempFile } = scratchFiles('aws-fuzz-');

/** The plain value the PodDefault's env gives `name`, or undefined. */
const plainEnv = (manifests: any[], name: string): string | undefined =>
  manifests.find(m => m.kind === 'PodDefault')?.spec.env?.find((e: any) => e.name === name)?.value;
const secretsOf = (...values: Array<string | undefined>) =>
  values.filter((v): v is string => v !== undefined).flatMap(v => [v, ...tokensIn(v)]);

const keyId = fc.stringMatching(/^[A-Z0-9]{16,20}$/);
const region = fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2');
const profileName = fc.oneof(fc.constant('default'), fc.stringMatching(/^[A-Za-z0-9_.@+-]{1,12}$/));

/** A well-formed credentials file: profiles, comments, blank lines, "=" or ":" with any spacing around it. */
const validFile = fc.uniqueArray(fc.record({
  name: profileName,
  accessKeyId: keyId,
  secretAccessKey: token(),
  sessionToken: fc.option(token(), { nil: undefined }),
  region: fc.option(region, { nil: undefined }),
}), { minLength: 1, maxLength: 3, selector: p => p.name }).chain(profiles => fc.tuple(
  fc.constant(profiles),
  fc.constantFrom(' = ', '=', ' =', '= ', '\t=\t', ': ', ':'),
  fc.constantFrom('', '# written by aws configure\n', '; comment\n\n'),
)).map(([profiles, eq, comment]) => ({
  profiles,
  text: comment + profiles.map(p => [
    `[${p.name}]`,
    `aws_access_key_id${eq}${p.accessKeyId}`,
    `aws_secret_access_key${eq}${p.secretAccessKey}`,
    ...(p.sessionToken === undefined ? [] : [`aws_session_token${eq}${p.sessionToken}`]),
    ...(p.region === undefined ? [] : [`region${eq}${p.region}`]),
  ].join('\n')).join('\n\n') + '\n',
  secrets: profiles.flatMap(p => [p.secretAccessKey, ...(p.sessionToken ? [p.sessionToken] : [])]),
}));

/** A credentials file with one line broken, inserted or removed: the usual ways a pasted file goes wrong. */
const brokenFile = fc.tuple(validFile, fc.nat(), fc.oneof(hostileText(30), secretValue(), fc.constantFrom('[', '[]', '[profile x]', 'aws_secret_access_key =', '= x', 'region = US-EAST-1', ' continued', '[ x ]', 'region: us-east-1', 'x\u001f = y')), fc.constantFrom('insert', 'replace', 'remove'))
  .map(([file, at, line, how]) => {
    const lines = file.text.split('\n');
    const i = at % lines.length;
    if (how === 'insert') { lines.splice(i, 0, line); } else if (how === 'replace') { lines[i] = line; } else { lines.splice(i, 1); }
    return { text: lines.join('\n'), secrets: [...file.secrets, ...tokensIn(line)] };
  });

describe('AwsCredentials.fromFile', () => {
  test('a well-formed file, with LF, CRLF or a BOM, is accepted and stored unchanged but for the BOM', () => {
    fc.assert(fc.property(validFile.chain(f => lineEndingVariant(f.text).map(text => ({ ...f, text }))), ({ text, secrets, profiles }) => {
      const file = tempFile(text);
      const outcome = buildOrReject(chart => new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromFile(file) }), secrets);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) { return; }
      expect(storedBytes(outcome.manifests, 'credentials')?.toString('utf8')).toBe(text.replace(/^\ufeff/, ''));
      const config = storedBytes(outcome.manifests, 'config')?.toString('utf8');
      expect(config === undefined).toBe(profiles.every(p => p.region === undefined));
    }), params());
  }, timeout(200));

  test('a broken file, or any bytes at all: stored unchanged but for a leading BOM, or one AccessError without a key', () => {
    const content = fc.oneof(
      brokenFile.map(f => ({ bytes: Buffer.from(f.text), secrets: f.secrets })),
      brokenFile.chain(f => lineEndingVariant(f.text).map(text => ({ bytes: Buffer.from(text), secrets: f.secrets }))),
      fc.uint8Array({ maxLength: 200 }).map(bytes => ({ bytes: Buffer.from(bytes), secrets: [] as string[] })),
      validFile.map(f => ({ bytes: Buffer.concat([Buffer.from(f.text), Buffer.from([0xc3, 0x28])]), secrets: f.secrets })),
    );
    fc.assert(fc.property(content, fc.option(fc.oneof(region, hostileText(12)), { nil: undefined }), ({ bytes, secrets }, defaultRegion) => {
      const file = tempFile(bytes);
      const outcome = buildOrReject(chart => new AwsFileCredentials(chart, 'aws-credentials', {
        credentials: AwsCredentials.fromFile(file), region: defaultRegion,
      }), secrets);
      const withoutBom = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? bytes.subarray(3) : bytes;
      if (outcome.ok) { expect(storedBytes(outcome.manifests, 'credentials')?.equals(withoutBom)).toBe(true); }
    }), params());
  }, timeout(200));
});

describe('AwsCredentials.fromKeys and fromProfiles', () => {
  const profile = fc.record({
    accessKeyId: fc.oneof(keyId, hostileText(20)),
    secretAccessKey: secretValue(),
    sessionToken: fc.option(secretValue(), { nil: undefined }),
    profile: fc.option(fc.oneof(profileName, hostileText(12)), { nil: undefined }),
    region: fc.option(fc.oneof(region, hostileText(12)), { nil: undefined }),
  }, { requiredKeys: ['accessKeyId', 'secretAccessKey'] });

  test('what they render, fromFile accepts, with the same keys', () => {
    fc.assert(fc.property(fc.array(profile, { maxLength: 3 }), profiles => {
      const secrets = secretsOf(...profiles.flatMap(p => [p.secretAccessKey, p.sessionToken]));
      const outcome = buildOrReject(chart => new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromProfiles(profiles) }), secrets);
      if (!outcome.ok) { return; }
      const file = tempFile(storedBytes(outcome.manifests, 'credentials')!);
      for (const p of profiles) {
        const env = buildOrReject(chart => new AwsEnvConfiguration(chart, 'aws-configuration', {
          configuration: S3Configuration.fromCredentialsFile(file, p.profile),
        }), secrets);
        expect(env.ok).toBe(true);
        if (!env.ok) { continue; }
        expect(storedBytes(env.manifests, 'AWS_ACCESS_KEY_ID')?.toString()).toBe(p.accessKeyId);
        expect(storedBytes(env.manifests, 'AWS_SECRET_ACCESS_KEY')?.toString()).toBe(p.secretAccessKey);
        expect(storedBytes(env.manifests, 'AWS_SESSION_TOKEN')?.toString()).toBe(p.sessionToken);
      }
    }), params());
  }, timeout(300));

  test('fromExistingSecret with hostile names and keys', () => {
    fc.assert(fc.property(hostileText(60), fc.option(hostileText(30), { nil: undefined }), (secretName, key) => {
      buildOrReject(chart => new AwsFileCredentials(chart, 'aws-credentials', { credentials: AwsCredentials.fromExistingSecret(secretName, key) }), []);
    }), params());
  }, timeout(50));
});

const endpoint = fc.oneof(
  fc.constantFrom('http://minio-service.kubeflow:9000', 'https://s3.eu-west-1.amazonaws.com', 'https://s3.example.com/'),
  fc.webUrl(),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  token().map(t => `https://user:${t}@s3.example.com`),
  token().map(t => `https://s3.example.com/?X-Amz-Signature=${t}`),
  token().map(t => `https://${t}@s3.example.com:9000`),
  hostileText(30),
);

describe('S3Configuration sources', () => {
  const values = fc.record({
    accessKeyId: fc.oneof(keyId, hostileText(20)),
    secretAccessKey: secretValue(),
    sessionToken: fc.option(secretValue(), { nil: undefined }),
    region: fc.option(fc.oneof(region, hostileText(12)), { nil: undefined }),
    endpoint: fc.option(endpoint, { nil: undefined }),
    signatureVersion: fc.option(fc.constantFrom(S3SignatureVersion.S3V4, S3SignatureVersion.S3, 'v2' as S3SignatureVersion, '' as S3SignatureVersion), { nil: undefined }),
    forcePathStyle: fc.option(fc.boolean(), { nil: undefined }),
  }, { requiredKeys: ['accessKeyId', 'secretAccessKey'] });

  test('fromValues: each set value becomes its variable, or one AccessError without a key', () => {
    fc.assert(fc.property(values, fc.option(fc.boolean(), { nil: undefined }), (v, sdkEndpointVariable) => {
      const secrets = secretsOf(v.secretAccessKey, v.sessionToken, ...tokensIn(v.endpoint ?? ''));
      const outcome = buildOrReject(chart => new AwsEnvConfiguration(chart, 'aws-configuration', {
        configuration: S3Configuration.fromValues(v), sdkEndpointVariable,
      }), secrets);
      if (!outcome.ok) { return; }
      // the keys in the Secret, every other setting plain env on the PodDefault
      expect(storedBytes(outcome.manifests, 'AWS_SECRET_ACCESS_KEY')?.toString()).toBe(v.secretAccessKey);
      expect(plainEnv(outcome.manifests, 'S3_ENDPOINT')).toBe(v.endpoint);
      expect(plainEnv(outcome.manifests, 'S3_FORCE_PATH_STYLE')).toBe(v.forcePathStyle === undefined ? undefined : String(v.forcePathStyle));
      expect(Object.keys(outcome.manifests.find(m => m.kind === 'Secret').data).sort())
        .toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', ...v.sessionToken === undefined ? [] : ['AWS_SESSION_TOKEN']]);
    }), params());
  }, timeout(100));

  test('fromEnv: any environment, or one AccessError that names a variable, never a value', () => {
    const variable = (arb: fc.Arbitrary<string>) => fc.option(arb, { nil: undefined, freq: 3 });
    const env = fc.record({
      AWS_ACCESS_KEY_ID: variable(fc.oneof(keyId, hostileText(20))),
      AWS_SECRET_ACCESS_KEY: variable(secretValue()),
      AWS_SESSION_TOKEN: variable(secretValue()),
      AWS_REGION: variable(fc.oneof(region, hostileText(12))),
      S3_ENDPOINT: variable(endpoint),
      S3_SIGNATURE_VERSION: variable(fc.constantFrom('s3v4', 's3', 'S3V4', '')),
      S3_FORCE_PATH_STYLE: variable(fc.constantFrom('true', 'false', 'True', '1', '')),
      ['__proto__']: variable(token()),
    }, { requiredKeys: [] });
    fc.assert(fc.property(env, e => {
      const clean = Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as Record<string, string>;
      const secrets = [...secretsOf(clean.AWS_SECRET_ACCESS_KEY, clean.AWS_SESSION_TOKEN), ...Object.values(clean).flatMap(tokensIn)];
      buildOrReject(chart => new AwsEnvConfiguration(chart, 'aws-configuration', { configuration: S3Configuration.fromEnv(clean) }), secrets);
    }), params());
  }, timeout(100));

  test('fromCredentialsFile: any file and profile', () => {
    const file = fc.oneof(validFile, brokenFile);
    fc.assert(fc.property(file, fc.option(fc.oneof(profileName, hostileText(12)), { nil: undefined }), ({ text, secrets }, profile) => {
      const p = tempFile(text);
      buildOrReject(chart => new AwsEnvConfiguration(chart, 'aws-configuration', { configuration: S3Configuration.fromCredentialsFile(p, profile) }), secrets);
    }), params());
  }, timeout(100));

  test('fromExistingSecret with hostile names', () => {
    fc.assert(fc.property(hostileText(60), fc.option(fc.boolean(), { nil: undefined }), (secretName, sdkEndpointVariable) => {
      buildOrReject(chart => new AwsEnvConfiguration(chart, 'aws-configuration', { configuration: S3Configuration.fromExistingSecret(secretName), sdkEndpointVariable }), []);
    }), params());
  }, timeout(50));
});

describe('MinioDefault and MinioCredentials', () => {
  test('hostile settings and keys: valid manifests or one AccessError without a key', () => {
    const credentials = fc.oneof(
      fc.constant({ make: () => undefined, secrets: [] as string[] }),
      fc.tuple(fc.oneof(keyId, hostileText(12)), secretValue())
        .map(([accessKey, secretKey]) => ({ make: () => MinioCredentials.fromKeys({ accessKey, secretKey }), secrets: secretsOf(secretKey) })),
      fc.tuple(hostileText(40), fc.option(hostileText(12), { nil: undefined }), fc.option(hostileText(12), { nil: undefined }))
        .map(([name, a, k]) => ({ make: () => MinioCredentials.fromExistingSecret(name, a, k), secrets: [] as string[] })),
    );
    fc.assert(fc.property(credentials, fc.option(endpoint, { nil: undefined }), fc.option(fc.oneof(region, hostileText(12)), { nil: undefined }),
      fc.option(fc.boolean(), { nil: undefined }), ({ make, secrets }, ep, r, sdkEndpointVariable) => {
        const creds = make();
        const outcome = buildOrReject(chart => new MinioDefault(chart, 'minio', { credentials: creds, endpoint: ep, region: r, sdkEndpointVariable }),
          [...secrets, ...tokensIn(ep ?? '')]);
        if (outcome.ok && creds === undefined) {
          // the default existing Secret: no Secret of its own, the keys read one by one
          expect(outcome.manifests.map(m => m.kind)).toEqual(['PodDefault']);
        }
      }), params());
  }, timeout(100));
});
