// Property-based tests of every DockerConfig source: whatever the input, DockerRegistryAccess either
// synthesises valid manifests holding exactly the input's bytes, or throws one AccessError that names
// no secret and leaves nothing in the tree.
import * as fc from 'fast-check';
import { DockerConfig, DockerRegistryAccess, DockerSecretType } from '../../lib';
import { buildOrReject, hostileText, lineEndingVariant, params, scratchFiles, secretValue, timeout, token, tokensIn } from '../fuzz';

const { fresh: tempFile } = scratchFiles('docker-fuzz-');

const b64 = (s: string) => Buffer.from(s).toString('base64');
const secretTypes = fc.constantFrom(undefined, DockerSecretType.OPAQUE, DockerSecretType.DOCKER_CONFIG_JSON);

/** The Secret's config bytes, whichever key the Secret type keeps them under. */
function storedConfig(manifests: any[]): Buffer {
  const secret = manifests.find(m => m.kind === 'Secret');
  const [value] = Object.values<string>(secret.data);
  return Buffer.from(value, 'base64');
}

/** One `auths` entry, with recognisable secrets in every credential field, and the secrets it holds. */
const authEntry = fc.record({
  username: fc.option(fc.oneof(fc.constant('fake-user'), hostileText(12)), { nil: undefined }),
  password: fc.option(secretValue(), { nil: undefined }),
  auth: fc.option(fc.oneof(
    fc.tuple(fc.constantFrom('fake-user', 'u', ''), secretValue()).map(([u, p]) => b64(`${u}:${p}`)),
    token().map(t => b64(t)),
    token(),
    fc.constant(''),
  ), { nil: undefined }),
  identitytoken: fc.option(secretValue(), { nil: undefined }),
  registrytoken: fc.option(token(), { nil: undefined }),
  email: fc.option(hostileText(12), { nil: undefined }),
}, { requiredKeys: [] });

/** A config.json text built field by field, so that keys such as `__proto__` reach the parser as text. */
const configText = fc.record({
  auths: fc.array(fc.tuple(fc.oneof(fc.constantFrom('ghcr.io', 'https://index.docker.io/v1/'), hostileText(20)), authEntry), { maxLength: 3 }),
  credsStore: fc.option(fc.constantFrom('desktop', 'osxkeychain'), { nil: undefined }),
  extra: fc.array(fc.tuple(hostileText(12), fc.jsonValue({ maxDepth: 3 })), { maxLength: 3 }),
  indent: fc.constantFrom(0, 2, '\t'),
}).map(({ auths, credsStore, extra, indent }) => {
  const obj = (pairs: Array<[string, string]>) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
  const pairs: Array<[string, string]> = [['auths', obj(auths.map(([server, entry]) => [server, JSON.stringify(entry, null, indent)]))]];
  if (credsStore !== undefined) { pairs.push(['credsStore', JSON.stringify(credsStore)]); }
  for (const [k, v] of extra) { pairs.push([k, JSON.stringify(v)]); }
  const text = indent === 0 ? obj(pairs) : JSON.stringify(JSON.parse(obj(pairs)), null, indent);
  const secrets = auths.flatMap(([, e]) => [e.password, e.auth, e.identitytoken, e.registrytoken])
    .filter((s): s is string => s !== undefined)
    .flatMap(s => [s, ...tokensIn(s)]);
  return { text, secrets };
});

/** A config.json that grants access, in the shapes `docker login` and other tools write. */
const validConfig = fc.record({
  auths: fc.uniqueArray(fc.tuple(
    fc.oneof(fc.constantFrom('https://index.docker.io/v1/', 'ghcr.io', 'registry.example.com:5000', '__proto__', 'constructor', '0'), fc.domain()),
    fc.oneof(
      fc.tuple(fc.constantFrom('fake-user', 'AWS', 'oauth2accesstoken'), token()).map(([u, p]) => ({ auth: b64(`${u}:${p}`) })),
      fc.tuple(fc.constantFrom('fake-user', 'AWS'), token()).map(([username, password]) => ({ username, password })),
      fc.tuple(fc.constantFrom('fake-user', 'AWS'), token()).map(([username, password]) => ({ username, password, auth: b64(`${username}:${password}`) })),
      token().map(identitytoken => ({ identitytoken })),
      fc.tuple(token(), fc.emailAddress()).map(([p, email]) => ({ auth: b64(`fake-user:${p}`), email })),
    ),
  ), { minLength: 1, maxLength: 4, selector: ([server]) => server }),
  extra: fc.subarray([['HttpHeaders', { 'User-Agent': 'Docker-Client/24.0' }], ['psFormat', 'table {{.ID}}'], ['__proto__', {}], ['constructor', 'x'], ['experimental', 'enabled']] as Array<[string, unknown]>),
  indent: fc.constantFrom(0, 2, 4, '\t'),
}).map(({ auths, extra, indent }) => {
  const members = (pairs: Array<[string, unknown]>, level: number): string => {
    const pad = (n: number) => indent === 0 ? '' : `\n${(typeof indent === 'number' ? ' '.repeat(indent) : indent).repeat(n)}`;
    return `{${pairs.map(([k, v]) => `${pad(level + 1)}${JSON.stringify(k)}:${indent === 0 ? '' : ' '}${JSON.stringify(v)}`).join(',')}${pad(level)}}`;
  };
  const text = members([['auths', JSON.parse(members(auths, 1))], ...extra], 0);
  const secrets = auths.flatMap(([, entry]) => Object.values(entry)).flatMap(v => [v, ...tokensIn(Buffer.from(v, 'base64').toString())]);
  return { text, secrets };
});

describe('DockerConfig.fromJson with hostile config.json text', () => {
  test('every config that grants access is accepted, with LF or CRLF line ends, and stored unchanged', () => {
    fc.assert(fc.property(validConfig.chain(c => fc.constantFrom(c.text, c.text.replace(/\n/g, '\r\n')).map(text => ({ ...c, text }))), ({ text, secrets }) => {
      const outcome = buildOrReject(chart => new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromJson(text) }), secrets);
      expect(outcome.ok).toBe(true);
      if (outcome.ok) { expect(storedConfig(outcome.manifests).toString('utf8')).toBe(text); }
    }), params());
  }, timeout(200));

  test('structured configs: valid manifests with the bytes unchanged, or one AccessError without a secret', () => {
    fc.assert(fc.property(configText, secretTypes, ({ text, secrets }, secretType) => {
      const outcome = buildOrReject(chart =>
        new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromJson(text), secretType }), secrets);
      if (outcome.ok) { expect(storedConfig(outcome.manifests).equals(Buffer.from(text))).toBe(true); }
    }), params());
  }, timeout(200));

  test('the same configs with CRLF line ends or a byte-order mark', () => {
    fc.assert(fc.property(configText.chain(c => lineEndingVariant(c.text).map(text => ({ ...c, text }))), ({ text, secrets }) => {
      const outcome = buildOrReject(chart =>
        new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromJson(text) }), secrets);
      // Docker's Go JSON parser cannot read a BOM, so a config that starts with one never gets through.
      if (text.startsWith('\ufeff')) {
        expect(outcome.ok ? 'accepted' : outcome.error.message)
          .toBe('[test/docker-config] config: config.json starts with a byte-order mark, which Docker cannot read: save the file as UTF-8 without a BOM');
      }
    }), params());
  }, timeout(200));

  test('arbitrary text, and valid JSON cut short around a secret', () => {
    const cutShort = fc.tuple(token(), fc.nat()).map(([secret, cut]) => {
      const text = JSON.stringify({ auths: { 'ghcr.io': { username: 'u', password: secret } } });
      return { text: text.slice(0, cut % text.length), secrets: [secret] };
    });
    const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json(), hostileText()).map(text => ({ text, secrets: [] as string[] }));
    fc.assert(fc.property(fc.oneof(cutShort, anyText), ({ text, secrets }) => {
      buildOrReject(chart => new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromJson(text) }), secrets);
    }), params());
  }, timeout(100));
});

describe('DockerConfig.fromFile with hostile files', () => {
  test('arbitrary bytes, including non-UTF-8 ones: stored unchanged or rejected', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      configText.map(c => Buffer.from(c.text)),
      configText.map(c => Buffer.concat([Buffer.from(c.text), Buffer.from([0xff, 0xfe])])),
    );
    fc.assert(fc.property(bytes, content => {
      const file = tempFile(content);
      const outcome = buildOrReject(chart => new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromFile(file) }), []);
      if (outcome.ok) { expect(storedConfig(outcome.manifests).equals(Buffer.from(content))).toBe(true); }
    }), params());
  }, timeout(200));

  test('structured configs as files, with CRLF or a BOM, and the secrets inside them', () => {
    fc.assert(fc.property(configText.chain(c => lineEndingVariant(c.text).map(text => ({ ...c, text }))), ({ text, secrets }) => {
      const file = tempFile(text);
      const outcome = buildOrReject(chart => new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromFile(file) }), secrets);
      if (outcome.ok) { expect(storedConfig(outcome.manifests).toString('utf8')).toBe(text); }
    }), params());
  }, timeout(200));
});

describe('DockerConfig.fromLogin and fromLogins with hostile logins', () => {
  const login = fc.record({
    server: fc.option(fc.oneof(fc.constantFrom('ghcr.io', 'registry.example.com:5000', '__proto__', 'constructor'), hostileText(20)), { nil: undefined }),
    username: fc.oneof(fc.constant('fake-user'), hostileText(12)),
    password: secretValue(),
    email: fc.option(hostileText(12), { nil: undefined }),
  }, { requiredKeys: ['username', 'password'] });

  test('what fromLogins renders, fromJson accepts, with every login in it', () => {
    fc.assert(fc.property(fc.array(login, { maxLength: 3 }), logins => {
      const secrets = logins.flatMap(l => [l.password, b64(`${l.username}:${l.password}`), ...tokensIn(l.password)]);
      const outcome = buildOrReject(chart =>
        new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromLogins(logins) }), secrets);
      if (outcome.ok) {
        const rendered = storedConfig(outcome.manifests).toString('utf8');
        expect(buildOrReject(chart => new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromJson(rendered) }), []).ok).toBe(true);
        const auths = JSON.parse(rendered).auths;
        // In the order given, except that JavaScript puts integer-like keys ("0") first: compare as sets.
        expect(Object.keys(auths).sort()).toEqual(logins.map(l => l.server ?? 'https://index.docker.io/v1/').sort());
        logins.forEach(l => expect(auths[l.server ?? 'https://index.docker.io/v1/'].auth).toBe(b64(`${l.username}:${l.password}`)));
      }
    }), params());
  }, timeout(100));
});

describe('DockerConfig.fromExistingSecret with hostile names and keys', () => {
  test('valid manifests or one AccessError', () => {
    fc.assert(fc.property(hostileText(60), fc.option(hostileText(30), { nil: undefined }), secretTypes, (secretName, key, secretType) => {
      const outcome = buildOrReject(chart =>
        new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromExistingSecret(secretName, key), secretType }), []);
      if (outcome.ok) { expect(outcome.manifests.map(m => m.kind)).toEqual(['PodDefault']); }
    }), params());
  }, timeout(50));
});
