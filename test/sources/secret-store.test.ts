// Every access from a secret store: the ExternalSecret each source synthesises in place of the Secret,
// the Secret External Secrets Operator would write from it (rendered by test/eso-template.ts, which
// follows Go's text/template and sprig), and the bad input each source refuses.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import {
  AwsCredentials, AwsEnvConfiguration, AwsFileCredentials, AzureBlobConfiguration, AzureStorageConfiguration, AzureStorageStoreProps, DockerConfig, DockerRegistryAccess, DockerSecretType, MinioCredentials,
  MinioDefault, NotebookAccess, S3Checksums, S3Configuration, S3SignatureVersion, SecretStoreRef, StorageAccess,
} from '../../lib';
import { esoSecret, FakeStore, goJsonMarshalString, renderTemplate } from './eso-template';
import { byKind, expectGolden, expectRejected, fixture, GOLDEN_DIR, secretBytes, thrownMessage, unsaidInErrorTable, userChart } from '../support';
import { expectValidManifests, parseManifests } from '../schema';

const vault = SecretStoreRef.cluster('vault');
const team = SecretStoreRef.namespaced('team-store');

describe('golden output of the secret store sources', () => {
  test('DockerConfig.fromSecretStore: the whole config.json from a ClusterSecretStore', () => {
    const app = Testing.app();
    new DockerRegistryAccess(userChart(app), 'docker-config', {
      config: DockerConfig.fromSecretStore({ store: vault, config: { key: 'kubeflow/registry', property: 'config.json' } }),
    });
    expectGolden(app, 'eso-docker-config');
  });

  test('DockerConfig.fromSecretStore as an immutable kubernetes.io/dockerconfigjson Secret, read once', () => {
    const app = Testing.app();
    new DockerRegistryAccess(userChart(app), 'docker-config', {
      config: DockerConfig.fromSecretStore({ store: team, config: { key: 'registry-config', version: '3' }, refreshInterval: '0s' }),
      secretType: DockerSecretType.DOCKER_CONFIG_JSON,
      immutable: true,
    });
    expectGolden(app, 'eso-docker-config-dockerconfigjson');
  });

  test('DockerConfig.fromSecretStoreLogin for Docker Hub', () => {
    const app = Testing.app();
    new DockerRegistryAccess(userChart(app), 'docker-config', {
      config: DockerConfig.fromSecretStoreLogin({
        store: vault,
        username: { key: 'kubeflow/registry', property: 'username' },
        password: { key: 'kubeflow/registry', property: 'password' },
      }),
    });
    expectGolden(app, 'eso-docker-login');
  });

  test('DockerConfig.fromSecretStoreLogin as a kubernetes.io/dockerconfigjson Secret', () => {
    const app = Testing.app();
    new DockerRegistryAccess(userChart(app), 'docker-config', {
      config: DockerConfig.fromSecretStoreLogin({
        store: team,
        server: 'ghcr.io',
        username: { key: 'ghcr-user' },
        password: { key: 'ghcr-token', version: '2' },
        refreshInterval: '0s',
      }),
      secretType: DockerSecretType.DOCKER_CONFIG_JSON,
      secretName: 'ghcr-pull',
    });
    expectGolden(app, 'eso-docker-login-dockerconfigjson');
  });

  test('AwsCredentials.fromSecretStore: the whole credentials file', () => {
    const app = Testing.app();
    new AwsFileCredentials(userChart(app), 'aws-credentials', {
      credentials: AwsCredentials.fromSecretStore({ store: vault, credentials: { key: 'kubeflow/aws-credentials' } }),
    });
    expectGolden(app, 'eso-aws-file');
  });

  test('AwsCredentials.fromSecretStoreKeys with a session token, a named profile and a region', () => {
    const app = Testing.app();
    new AwsFileCredentials(userChart(app), 'aws-credentials', {
      credentials: AwsCredentials.fromSecretStoreKeys({
        store: vault,
        accessKeyId: { key: 'kubeflow/aws', property: 'access_key_id' },
        secretAccessKey: { key: 'kubeflow/aws', property: 'secret_access_key' },
        sessionToken: { key: 'kubeflow/aws', property: 'session_token' },
        profile: 'ml',
        region: 'eu-west-1',
      }),
    });
    expectGolden(app, 'eso-aws-file-keys');
  });

  test('S3Configuration.fromSecretStore with every setting', () => {
    const app = Testing.app();
    new AwsEnvConfiguration(userChart(app), 'aws-configuration', {
      configuration: S3Configuration.fromSecretStore({
        store: vault,
        accessKeyId: { key: 'kubeflow/s3', property: 'access_key_id' },
        secretAccessKey: { key: 'kubeflow/s3', property: 'secret_access_key' },
        region: 'eu-west-1',
        endpoint: 'https://s3.eu-west-1.amazonaws.com',
        signatureVersion: S3SignatureVersion.S3V4,
        forcePathStyle: false,
      }),
      sdkEndpointVariable: true,
    });
    expectGolden(app, 'eso-aws-env');
  });

  test('S3Configuration.fromSecretStore with the keys only needs no template', () => {
    const app = Testing.app();
    new AwsEnvConfiguration(userChart(app), 'aws-configuration', {
      configuration: S3Configuration.fromSecretStore({
        store: team,
        accessKeyId: { key: 's3-access-key-id' },
        secretAccessKey: { key: 's3-secret-access-key' },
        sessionToken: { key: 's3-session-token' },
      }),
    });
    expectGolden(app, 'eso-aws-env-keys-only');
  });

  test('MinioDefault with MinioCredentials.fromSecretStore', () => {
    const app = Testing.app();
    new MinioDefault(userChart(app), 'minio', {
      credentials: MinioCredentials.fromSecretStore({
        store: vault,
        accessKey: { key: 'kubeflow/minio', property: 'accesskey' },
        secretKey: { key: 'kubeflow/minio', property: 'secretkey' },
      }),
    });
    expectGolden(app, 'eso-minio');
  });

  test('NotebookAccess with a registry login and MinIO keys from a secret store', () => {
    const app = Testing.app();
    new NotebookAccess(userChart(app), 'access', {
      docker: DockerConfig.fromSecretStoreLogin({
        store: vault,
        server: 'registry.example.com',
        username: { key: 'kubeflow/registry', property: 'username' },
        password: { key: 'kubeflow/registry', property: 'password' },
      }),
      storage: StorageAccess.minio({
        credentials: MinioCredentials.fromSecretStore({
          store: vault,
          accessKey: { key: 'kubeflow/minio', property: 'accesskey' },
          secretKey: { key: 'kubeflow/minio', property: 'secretkey' },
        }),
      }),
      homeDirectory: '/home/jovyan',
    });
    expectGolden(app, 'eso-notebook');
  });

  test('no golden file of a secret store source holds a Secret, and each holds valid ExternalSecrets', () => {
    const files = readdirSync(GOLDEN_DIR).filter(f => f.startsWith('eso-'));
    expect(files).toHaveLength(14);
    for (const file of files) {
      const objs = parseManifests(readFileSync(path.join(GOLDEN_DIR, file), 'utf8'));
      expect(objs.filter(o => o.kind === 'Secret')).toEqual([]);
      expect(objs.filter(o => o.kind === 'ExternalSecret').length).toBeGreaterThan(0);
      expectValidManifests(objs);
    }
  });
});

describe('the construct with a secret store source', () => {
  test('exposes the ExternalSecret and no Secret; the PodDefault is the one the Secret source gets', () => {
    // GIVEN the same login, once in code and once in a store
    const inCode = userChart();
    const plain = new DockerRegistryAccess(inCode, 'docker-config', { config: DockerConfig.fromLogin({ username: 'fake-user', password: 'fake-password' }) });
    const inStore = userChart();
    // WHEN
    const stored = new DockerRegistryAccess(inStore, 'docker-config', {
      config: DockerConfig.fromSecretStoreLogin({ store: vault, username: { key: 'u' }, password: { key: 'p' } }),
    });
    // THEN
    expect(stored.secret).toBeUndefined();
    expect(stored.externalSecret?.kind).toBe('ExternalSecret');
    expect(stored.externalSecret?.name).toBe('docker-config');
    expect(plain.externalSecret).toBeUndefined();
    expect(byKind(inStore).PodDefault).toEqual(byKind(inCode).PodDefault);
  });

  test('names the ExternalSecret and its target after secretName, and maps immutable to target.immutable', () => {
    const chart = userChart();
    new AwsEnvConfiguration(chart, 'aws-configuration', {
      configuration: S3Configuration.fromSecretStore({ store: vault, accessKeyId: { key: 'a' }, secretAccessKey: { key: 's' }, refreshInterval: '0' }),
      secretName: 's3-keys',
      immutable: true,
    });
    const { ExternalSecret: es, PodDefault: podDefault } = byKind(chart);
    expect(es.metadata).toEqual({ name: 's3-keys', namespace: 'user' });
    expect(es.spec.target).toEqual({ name: 's3-keys', creationPolicy: 'Owner', immutable: true });
    expect(es.spec.refreshInterval).toBe('0');
    expect(podDefault.spec.envFrom).toEqual([{ secretRef: { name: 's3-keys' } }]);
  });
});

// Values that break naive templating: quotes, backslashes, HTML characters json.Marshal escapes,
// template delimiters, printf verbs, non-ASCII (two- to four-byte UTF-8) and the JavaScript line separators.
const TRICKY = ['fake"pass\\word', 'a<b>&c', 'p{{ .x }}}}', 'q{{.x}}}}{{', '%s%%s%!', 'pässwörd-日本-🔑', 'x\u2028y\u2029z', 'plain-fake-0000'];

describe('the Secret ESO writes holds the bytes the in-code source writes', () => {
  test.each(TRICKY)('DockerConfig.fromSecretStoreLogin equals fromLogin for the password %j', password => {
    for (const secretType of [DockerSecretType.OPAQUE, DockerSecretType.DOCKER_CONFIG_JSON]) {
      for (const server of [undefined, 'ghcr.io', 'https://registry.example.com/v2/<a>&"{{b}}"\\']) {
        const username = `fake-user-${password}`;
        // GIVEN the login in code, and the same login in a store
        const inCode = userChart();
        new DockerRegistryAccess(inCode, 'docker-config', { config: DockerConfig.fromLogin({ server, username, password }), secretType });
        const inStore = userChart();
        new DockerRegistryAccess(inStore, 'docker-config', {
          config: DockerConfig.fromSecretStoreLogin({ store: vault, server, username: { key: 'reg', property: 'u' }, password: { key: 'reg', property: 'p' } }),
          secretType,
        });
        // WHEN ESO renders the ExternalSecret from the store
        const written = esoSecret(byKind(inStore).ExternalSecret, { 'reg#u': username, 'reg#p': password });
        // THEN the Secret's type, keys and bytes are those of the Secret in code
        expect(written).toEqual(secretBytes(byKind(inCode).Secret));
      }
    }
  });

  test('DockerConfig.fromSecretStore writes the stored config.json unchanged, under the key the Secret type needs', () => {
    const text = readFileSync(fixture('docker-config.json'), 'utf8');
    for (const secretType of [DockerSecretType.OPAQUE, DockerSecretType.DOCKER_CONFIG_JSON]) {
      const inCode = userChart();
      new DockerRegistryAccess(inCode, 'docker-config', { config: DockerConfig.fromJson(text), secretType });
      const inStore = userChart();
      new DockerRegistryAccess(inStore, 'docker-config', { config: DockerConfig.fromSecretStore({ store: vault, config: { key: 'cfg' } }), secretType });
      expect(esoSecret(byKind(inStore).ExternalSecret, { cfg: text })).toEqual(secretBytes(byKind(inCode).Secret));
    }
  });

  test.each(TRICKY.filter(v => !/\s|\u2028/.test(v)))('AwsCredentials.fromSecretStoreKeys equals fromKeys for the secret key %j', secret => {
    const store: FakeStore = { 'aws#id': 'AKIAFAKEFAKEFAKE0000', 'aws#secret': secret, 'aws#token': `${secret}-token` };
    for (const profile of [undefined, 'ml@team+x.y_z-1']) {
      for (const [region, constructRegion] of [[undefined, undefined], ['eu-west-1', undefined], [undefined, 'us-east-2']]) {
        for (const withToken of [false, true]) {
          const inCode = userChart();
          new AwsFileCredentials(inCode, 'aws-credentials', {
            credentials: AwsCredentials.fromKeys({
              accessKeyId: store['aws#id'], secretAccessKey: secret, sessionToken: withToken ? store['aws#token'] : undefined, profile, region,
            }),
            region: constructRegion,
          });
          const inStore = userChart();
          new AwsFileCredentials(inStore, 'aws-credentials', {
            credentials: AwsCredentials.fromSecretStoreKeys({
              store: vault,
              accessKeyId: { key: 'aws', property: 'id' },
              secretAccessKey: { key: 'aws', property: 'secret' },
              sessionToken: withToken ? { key: 'aws', property: 'token' } : undefined,
              profile,
              region,
            }),
            region: constructRegion,
          });
          expect(esoSecret(byKind(inStore).ExternalSecret, store)).toEqual(secretBytes(byKind(inCode).Secret));
        }
      }
    }
  });

  test.each([
    ['as it is', ''],
    ['with a byte-order mark', '\ufeff'],
  ])('AwsCredentials.fromSecretStore writes what fromFile writes for the file %s, CRLF line ends too', (_what, bom) => {
    for (const text of ['aws-credentials', 'aws-credentials-windows'].map(f => readFileSync(fixture(f), 'utf8').replace(/^\ufeff/, ''))) {
      // GIVEN the same file stored, and read by fromFile
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'eso-aws-')), 'credentials');
      writeFileSync(file, `${bom}${text}`);
      const inCode = userChart();
      new AwsFileCredentials(inCode, 'aws-credentials', { credentials: AwsCredentials.fromFile(file) });
      const inStore = userChart();
      new AwsFileCredentials(inStore, 'aws-credentials', { credentials: AwsCredentials.fromSecretStore({ store: vault, credentials: { key: 'aws-file' } }) });
      // WHEN ESO renders the ExternalSecret THEN its credentials are the bytes fromFile writes: the file,
      // without its BOM (fromFile also writes the config file of a region it reads; a stored file is not read)
      const written = esoSecret(byKind(inStore).ExternalSecret, { 'aws-file': `${bom}${text}` });
      expect(written.data.credentials).toEqual(secretBytes(byKind(inCode).Secret).data.credentials);
      expect(written.data.credentials.toString('utf8')).toBe(text);
    }
  });

  test.each(TRICKY.filter(v => !/\s|\u2028/.test(v)))('S3Configuration.fromSecretStore equals fromValues for the secret key %j', secret => {
    const store: FakeStore = { 'k#id': 'AKIAFAKEFAKEFAKE0000', 'k#secret': secret, 'k#token': `t-${secret}` };
    const settings = [
      {},
      { region: 'eu-west-1' },
      { endpoint: 'http://minio:9000', signatureVersion: S3SignatureVersion.S3, forcePathStyle: true },
      { region: 'us-east-1', endpoint: 'https://s3.example.com', signatureVersion: S3SignatureVersion.S3V4, forcePathStyle: false },
      { endpoint: 'https://storage.googleapis.com', checksums: S3Checksums.WHEN_REQUIRED },
    ];
    for (const setting of settings) {
      for (const withToken of [false, true]) {
        for (const sdkEndpointVariable of 'endpoint' in setting ? [false, true] : [false]) {
          const inCode = userChart();
          new AwsEnvConfiguration(inCode, 'aws-configuration', {
            configuration: S3Configuration.fromValues({
              accessKeyId: store['k#id'], secretAccessKey: secret, sessionToken: withToken ? store['k#token'] : undefined, ...setting,
            }),
            sdkEndpointVariable,
          });
          const inStore = userChart();
          new AwsEnvConfiguration(inStore, 'aws-configuration', {
            configuration: S3Configuration.fromSecretStore({
              store: vault,
              accessKeyId: { key: 'k', property: 'id' },
              secretAccessKey: { key: 'k', property: 'secret' },
              sessionToken: withToken ? { key: 'k', property: 'token' } : undefined,
              ...setting,
            }),
            sdkEndpointVariable,
          });
          expect(esoSecret(byKind(inStore).ExternalSecret, store)).toEqual(secretBytes(byKind(inCode).Secret));
          expect(byKind(inStore).PodDefault).toEqual(byKind(inCode).PodDefault);
        }
      }
    }
  });

  test('MinioDefault with keys from a store equals MinioDefault with the keys in code', () => {
    const store: FakeStore = { 'minio#a': 'fake-minio-access', 'minio#s': 'fake"minio\\secret<&>' };
    const inCode = userChart();
    new MinioDefault(inCode, 'minio', {
      credentials: MinioCredentials.fromKeys({ accessKey: store['minio#a'], secretKey: store['minio#s'] }),
      endpoint: 'http://minio.kubeflow:9000',
    });
    const inStore = userChart();
    new MinioDefault(inStore, 'minio', {
      credentials: MinioCredentials.fromSecretStore({ store: vault, accessKey: { key: 'minio', property: 'a' }, secretKey: { key: 'minio', property: 's' } }),
      endpoint: 'http://minio.kubeflow:9000',
    });
    expect(esoSecret(byKind(inStore).ExternalSecret, store)).toEqual(secretBytes(byKind(inCode).Secret));
    expect(byKind(inStore).PodDefault).toEqual(byKind(inCode).PodDefault);
  });
});

describe('the test renderer follows Go and sprig', () => {
  test('toJson escapes as json.Marshal does', () => {
    // Go: json.Marshal("a\"b\\c<d>&e\u2028\x01\n") == `"a\"b\\c\u003cd\u003e\u0026e\u2028\u0001\n"`
    expect(goJsonMarshalString('a"b\\c<d>&e\u2028\u0001\n')).toBe('"a\\"b\\\\c\\u003cd\\u003e\\u0026e\\u2028\\u0001\\n"');
    expect(goJsonMarshalString('pässwörd-🔑')).toBe('"pässwörd-🔑"');
  });

  test('a string literal action prints its text, and }} outside an action is text', () => {
    expect(renderTemplate('a{{ "{{" }}b}}c', {})).toBe('a{{b}}c');
  });

  test('pipelines pass their value as the last argument', () => {
    expect(renderTemplate('{{ printf "%s:%s" .u .p | b64enc | toJson }}', { u: 'fake', p: 'pw' })).toBe('"ZmFrZTpwdw=="');
  });

  test('a missing key is an error, as with missingkey=error', () => {
    expect(() => renderTemplate('{{ .password }}', { username: 'u' })).toThrow('map has no entry for key "password"');
  });

  test('string literals are unquoted as Go unquotes them (strconv.Unquote)', () => {
    // Go: strconv.Unquote(`"a\u00e9\"b\\c\ttab\U0001F511"`) == "aé\"b\\c\ttab🔑"
    expect(renderTemplate('{{ "a\\u00e9\\"b\\\\c\\ttab\\U0001F511" }}', {})).toBe('aé"b\\c\ttab🔑');
    expect(() => renderTemplate('{{ "\\x41" }}', {})).toThrow('the escape \\x is outside the subset');
  });

  test('trimPrefix takes the prefix first and the piped value last, and trims it once', () => {
    // sprig: "trimPrefix": func(a, b string) string { return strings.TrimPrefix(b, a) }
    const trim = (x: string) => renderTemplate('{{ .x | trimPrefix "\\ufeff" }}', { x });
    expect([trim('\ufeff[default]'), trim('\ufeff\ufeff[default]'), trim('[default]\ufeff'), trim('')])
      .toEqual(['[default]', '\ufeff[default]', '[default]\ufeff', '']);
  });
});

describe('secret store sources reject bad input', () => {
  const P = '[test/docker-config]';
  const login = (props: object) => (chart: Chart) => new DockerRegistryAccess(chart, 'docker-config', {
    config: DockerConfig.fromSecretStoreLogin({ store: vault, username: { key: 'u' }, password: { key: 'p' }, ...props }),
  });
  test.each<[string, (chart: Chart) => unknown, string]>([
    ['an empty store name', login({ store: SecretStoreRef.cluster('') }),
      `${P} config: store name is empty; a ClusterSecretStore name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters): give the name "kubectl get clustersecretstore" shows`],
    ['an upper-case store name', login({ store: SecretStoreRef.namespaced('Vault') }),
      `${P} config: store name has an upper-case letter at character 1; a SecretStore name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters): give the name "kubectl get secretstore" shows`],
    ['no store', login({ store: undefined }),
      `${P} config: store is missing: give SecretStoreRef.cluster("NAME") or SecretStoreRef.namespaced("NAME")`],
    ['a refresh interval in words', login({ refreshInterval: '1 hour' }),
      `${P} config: refreshInterval is not a Go duration: give one such as "1h", "15m" or "1h30m", or "0s" to read the store once`],
    ['a refresh interval in days', login({ refreshInterval: '1d' }),
      `${P} config: refreshInterval is not a Go duration: give one such as "1h", "15m" or "1h30m", or "0s" to read the store once`],
    ['a refresh interval that is an object whose toString cannot run (from JavaScript)', login({ refreshInterval: { toString: 0 } }),
      `${P} config: refreshInterval is an object, not a Go duration: give one such as "1h", "15m" or "1h30m", or "0s" to read the store once`],
    ['a store name that is a number (from JavaScript)', login({ store: SecretStoreRef.cluster(5 as any) }),
      `${P} config: store name is a number, not a string; a ClusterSecretStore name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters): give the name "kubectl get clustersecretstore" shows`],
    ['a negative refresh interval', login({ refreshInterval: '-1h' }),
      `${P} config: refreshInterval is not a Go duration: give one such as "1h", "15m" or "1h30m", or "0s" to read the store once`],
    ['an empty remote key', login({ password: { key: '' } }),
      `${P} config: password.key is empty: give the key the store keeps the value under`],
    ['a remote key with a newline', login({ username: { key: 'kubeflow/registry\n' } }),
      `${P} config: username.key has a line break at character 18; a store's key is text without surrounding whitespace or control characters: give it as the store shows it`],
    // kubectl reads these back otherwise from the ExternalSecret cdk8s writes (written-yaml.ts).
    ['a remote key with NEL (U+0085), which kubectl reads as a line break', login({ username: { key: 'kubeflow\u0085registry' } }),
      `${P} config: username.key holds a character that cdk8s writes so that kubectl cannot read it back (DEL, a C1 control such as U+0085, U+FFFE, U+FFFF, half a surrogate pair), or a line separator (U+2028, U+2029), which kubectl reads as a line break almost everywhere: remove the character`],
    ['a property with a line separator', login({ password: { key: 'k', property: 'pass\u2028word' } }),
      `${P} config: password.property holds a character that cdk8s writes so that kubectl cannot read it back (DEL, a C1 control such as U+0085, U+FFFE, U+FFFF, half a surrogate pair), or a line separator (U+2028, U+2029), which kubectl reads as a line break almost everywhere: remove the character`],
    ['a version cdk8s writes unquoted and kubectl reads as a number', login({ password: { key: 'k', version: '0o17' } }),
      `${P} config: password.version is a string that cdk8s writes without quotes, and kubectl reads it back as a number: use another value: cdk8s quotes 0x1F and 0b1, but not 0o17, 0X1F or 0B1, which kubectl reads as numbers`],
    ['an empty property', login({ username: { key: 'k', property: '' } }),
      `${P} config: username.property is empty: give the property the store keeps the value under, or leave property out`],
    ['a version with spaces', login({ password: { key: 'k', version: ' 2' } }),
      `${P} config: password.version starts with a space; a store's version is text without surrounding whitespace or control characters: give it as the store shows it`],
    ['no password', login({ password: undefined }),
      `${P} config: password is missing: give the value's place in the store, such as { key: "kubeflow/registry", property: "password" }`],
    ['a blank server', login({ server: ' ' }),
      `${P} config: server is empty or has surrounding whitespace: give the registry host, such as "ghcr.io"`],
    // The server is written into the ExternalSecret's template, which is no Secret: user information there would leak.
    ['Docker Hub by a name Docker does not look up for it', login({ server: 'docker.io' }),
      `${P} config: server names Docker Hub otherwise than "https://index.docker.io/v1/", the one key Docker and go-containerregistry tools (kaniko, crane) look up for a Docker Hub image, `
      + 'so the notebook\'s tools would pull from Docker Hub without the login: leave server out, or give "https://index.docker.io/v1/"'],
    ['a server with user information', login({ server: 'https://fake-user:fake-pass@ghcr.io' }),
      `${P} config: server holds "@", as user information (user:password@) before a host does, which a registry address never has: give the registry host alone, such as "ghcr.io", and the credentials as username and password`],
    ['hashSecretName', chart => new DockerRegistryAccess(chart, 'docker-config', {
      config: DockerConfig.fromSecretStore({ store: vault, config: { key: 'c' } }), hashSecretName: true,
    }), `${P} hashSecretName: does not apply to a secret store source: External Secrets Operator rewrites the Secret in place, under the same name, whenever the stored values change: leave hashSecretName out`],
    ['an invalid secretName', chart => new DockerRegistryAccess(chart, 'docker-config', {
      config: DockerConfig.fromSecretStore({ store: vault, config: { key: 'c' } }), secretName: 'Docker',
    }), `${P} secretName: has an upper-case letter at character 1; a Secret name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters): use a valid name`],
  ])('Docker: %s', (_what, create, message) => {
    const chart = userChart();
    expectRejected(chart, 'docker-config', () => create(chart), message, []);
  });

  const A = '[test/aws-credentials]';
  const keys = (props: object, construct: object = {}) => (chart: Chart) => new AwsFileCredentials(chart, 'aws-credentials', {
    credentials: AwsCredentials.fromSecretStoreKeys({ store: vault, accessKeyId: { key: 'a' }, secretAccessKey: { key: 's' }, ...props }),
    ...construct,
  });
  test.each<[string, (chart: Chart) => unknown, string]>([
    ['a profile name that would break the header', keys({ profile: 'ml]\n[x' }),
      `${A} credentials: profile has "]" at character 3; a profile name is letters, digits, "-", "_", ".", "@" and "+": rename it`],
    ['a profile name that is an object (from JavaScript)', keys({ profile: { toString: 0 } }),
      `${A} credentials: profile is an object, not a string; a profile name is letters, digits, "-", "_", ".", "@" and "+": rename it`],
    ['a profile name with a space', keys({ profile: 'my profile' }),
      `${A} credentials: profile has a space at character 3; a profile name is letters, digits, "-", "_", ".", "@" and "+": rename it`],
    ['a region that would break the config file', keys({ region: 'eu-west-1\n[x]' }),
      `${A} credentials: region is not a region name (lower-case letters, digits and "-"): give a region code such as "us-east-1"`],
    ['an empty session token key', keys({ sessionToken: { key: '' } }),
      `${A} credentials: sessionToken.key is empty: give the key the store keeps the value under`],
    ['immutable with the default refresh interval', chart => new AwsFileCredentials(chart, 'aws-credentials', {
      credentials: AwsCredentials.fromSecretStore({ store: vault, credentials: { key: 'f' } }), immutable: true,
    }), `${A} immutable: External Secrets Operator never rewrites an immutable Secret, so the source's refreshInterval "1h" would never reach it: set refreshInterval to "0s" on the source, to read the store once, or leave immutable out`],
    ['immutable with a refresh interval of a millisecond', chart => new AwsFileCredentials(chart, 'aws-credentials', {
      credentials: AwsCredentials.fromSecretStoreKeys({ store: vault, accessKeyId: { key: 'a' }, secretAccessKey: { key: 's' }, refreshInterval: '0h1ms' }), immutable: true,
    }), `${A} immutable: External Secrets Operator never rewrites an immutable Secret, so the source's refreshInterval "0h1ms" would never reach it: set refreshInterval to "0s" on the source, to read the store once, or leave immutable out`],
    ['a construct region with the whole file from the store', chart => new AwsFileCredentials(chart, 'aws-credentials', {
      credentials: AwsCredentials.fromSecretStore({ store: vault, credentials: { key: 'f' } }), region: 'eu-west-1',
    }), `${A} region: needs the profile names, but the whole credentials file comes from the secret store: leave region out, or use AwsCredentials.fromSecretStoreKeys with its region`],
    ['no credentials value', chart => new AwsFileCredentials(chart, 'aws-credentials', {
      credentials: AwsCredentials.fromSecretStore({ store: vault, credentials: undefined as any }),
    }), `${A} credentials: credentials is missing: give the value's place in the store, such as { key: "kubeflow/registry", property: "password" }`],
  ])('AWS file: %s', (_what, create, message) => {
    const chart = userChart();
    expectRejected(chart, 'aws-credentials', () => create(chart), message, []);
  });

  const E = '[test/aws-configuration]';
  const s3 = (props: object, construct: object = {}) => (chart: Chart) => new AwsEnvConfiguration(chart, 'aws-configuration', {
    configuration: S3Configuration.fromSecretStore({ store: vault, accessKeyId: { key: 'a' }, secretAccessKey: { key: 's' }, ...props }),
    ...construct,
  });
  test.each<[string, (chart: Chart) => unknown, string]>([
    ['an endpoint with a path', s3({ endpoint: 'https://s3.example.com/bucket' }),
      `${E} configuration: endpoint has a path (S3 clients add the bucket themselves): give only scheme, host and optional port, such as "https://s3.eu-west-1.amazonaws.com" or "http://minio-service.kubeflow:9000"`],
    ['a region with a newline', s3({ region: 'us-east-1\nX=1' }),
      `${E} configuration: region is not a region name (lower-case letters, digits and "-"): give a region code such as "us-east-1"`],
    ['a refresh interval of "1"', s3({ refreshInterval: '1' }),
      `${E} configuration: refreshInterval is not a Go duration: give one such as "1h", "15m" or "1h30m", or "0s" to read the store once`],
    ['an empty access key id key', s3({ accessKeyId: { key: '' } }),
      `${E} configuration: accessKeyId.key is empty: give the key the store keeps the value under`],
    ['sdkEndpointVariable without an endpoint', s3({}, { sdkEndpointVariable: true }),
      `${E} sdkEndpointVariable: sets AWS_ENDPOINT_URL_S3 to the endpoint, but the configuration has none: give it an endpoint, or leave sdkEndpointVariable out`],
  ])('S3: %s', (_what, create, message) => {
    const chart = userChart();
    expectRejected(chart, 'aws-configuration', () => create(chart), message, []);
  });

  test.each<[string, object, string]>([
    ['an empty secret key key', { secretKey: { key: '' } },
      '[test/minio] credentials: secretKey.key is empty: give the key the store keeps the value under'],
    ['a store name with an underscore', { store: SecretStoreRef.cluster('my_vault') },
      '[test/minio] credentials: store name has "_" at character 3; a ClusterSecretStore name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters): give the name "kubectl get clustersecretstore" shows'],
  ])('MinIO: %s', (_what, props, message) => {
    const chart = userChart();
    expectRejected(chart, 'minio', () => new MinioDefault(chart, 'minio', {
      credentials: MinioCredentials.fromSecretStore({ store: vault, accessKey: { key: 'a' }, secretKey: { key: 's' }, ...props }),
    }), message, []);
  });

  test('docs/sources.md\'s table of their errors quotes each as the library words it', () => {
    // GIVEN an input for each row of the table
    const login = (props: object) => (chart: Chart) => new DockerRegistryAccess(chart, 'docker-config', {
      config: DockerConfig.fromSecretStoreLogin({ store: vault, username: { key: 'u' }, password: { key: 'p' }, ...props }),
    });
    const keys = (props: object, construct: object = {}) => (chart: Chart) => new AwsFileCredentials(chart, 'aws-credentials', {
      credentials: AwsCredentials.fromSecretStoreKeys({ store: vault, accessKeyId: { key: 'a' }, secretAccessKey: { key: 's' }, ...props }),
      ...construct,
    });
    const azure = (props: object) => (chart: Chart) => new AzureBlobConfiguration(chart, 'azure-blob', {
      configuration: AzureStorageConfiguration.fromSecretStore({ store: vault, accountName: 'fakeaccount0000', ...props } as AzureStorageStoreProps),
    });
    const inputs: Array<(chart: Chart) => unknown> = [
      login({ store: undefined }),
      login({ store: SecretStoreRef.cluster('Vault') }),
      login({ refreshInterval: '1d' }),
      login({ password: undefined }),
      login({ password: { key: '' } }),
      login({ username: { key: 'u', property: '' } }),
      login({ store: SecretStoreRef.namespaced('Vault') }),
      login({ password: { key: ' kubeflow/registry' } }),
      login({ password: { key: 'kubeflow/registry\n' } }),
      login({ password: { key: 'kubeflow/registry ' } }),
      login({ server: ' ' }),
      login({ server: 'fake-user:fake-pass@ghcr.io' }),
      login({ server: 'docker.io' }),
      keys({ profile: 'my profile' }),
      keys({ region: 'EU' }),
      chart => new AwsEnvConfiguration(chart, 'aws-configuration', {
        configuration: S3Configuration.fromSecretStore({ store: vault, accessKeyId: { key: 'a' }, secretAccessKey: { key: 's' }, endpoint: 'minio:9000' }),
      }),
      azure({ accountName: 'https://fakeaccount0000.blob.core.windows.net', accountKey: { key: 'k' } }),
      azure({}),
      azure({ accountKey: { key: 'k' }, sasToken: { key: 's' } }),
      chart => new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromSecretStore({ store: vault, config: { key: 'c' } }), hashSecretName: true }),
      keys({}, { immutable: true }),
      chart => new AwsFileCredentials(chart, 'aws-credentials', {
        credentials: AwsCredentials.fromSecretStore({ store: vault, credentials: { key: 'f' } }), region: 'eu-west-1',
      }),
    ];
    const messages = inputs.map(create => thrownMessage(() => create(userChart())));
    // WHEN the table's messages are matched with them THEN each is said
    expect(unsaidInErrorTable('| error (after `[path] config:`, `credentials:`, `configuration:` or `key:`) | fix |', messages, 'sources.md')).toEqual([]);
  });
});
