import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { DockerConfig, DockerRegistryAccess, DockerRegistryAccessProps, DockerSecretType } from '../../lib';
import { expectGolden, expectRejected, fixture, secretAndPodDefault, synthAccess, thrownMessage, unsaidInErrorTable, userChart } from '../support';
import { buildOrReject, expectRefused, scratchFiles, storedBytes } from '../fuzz';

const FAKE_PASSWORD = 'fake-password-0000';
const login = { username: 'fake-user', password: FAKE_PASSWORD };

const synthDocker = (props: DockerRegistryAccessProps, id = 'docker-config'): [any, any] => synthAccess(chart => new DockerRegistryAccess(chart, id, props));

describe('DockerRegistryAccess golden output', () => {
  test('with the tutorial names it synthesises the tutorial Secret and PodDefault', () => {
    // GIVEN the tutorial's names and a config.json file
    const app = Testing.app();
    // WHEN
    new DockerRegistryAccess(userChart(app), 'docker-config', {
      config: DockerConfig.fromFile(fixture('docker-config.json')),
      secretName: 'docker-secret',
      volumeName: 'docker-secret-volume',
      mountPath: '/home/kubeflow/.docker/',
    });
    // THEN
    expectGolden(app, 'docker-tutorial');
  });

  test('with defaults only', () => {
    const app = Testing.app();
    new DockerRegistryAccess(userChart(app), 'DockerConfig', { config: DockerConfig.fromLogin(login) });
    expectGolden(app, 'docker-defaults');
  });

  test('fromLogins with two registries', () => {
    const app = Testing.app();
    new DockerRegistryAccess(userChart(app), 'registries', {
      config: DockerConfig.fromLogins([
        { server: 'ghcr.io', username: 'fake-user', password: FAKE_PASSWORD },
        { server: 'registry.example.com', username: 'other-user', password: 'other-fake-password', email: 'ml@example.com' },
      ]),
    });
    expectGolden(app, 'docker-two-registries');
  });

  test('as a kubernetes.io/dockerconfigjson Secret', () => {
    const app = Testing.app();
    new DockerRegistryAccess(userChart(app), 'docker-config', {
      config: DockerConfig.fromLogin({ server: 'ghcr.io', ...login }),
      secretType: DockerSecretType.DOCKER_CONFIG_JSON,
      immutable: true,
    });
    expectGolden(app, 'docker-dockerconfigjson');
  });

  test('fromExistingSecret with a different key', () => {
    const app = Testing.app();
    new DockerRegistryAccess(userChart(app), 'docker-config', {
      config: DockerConfig.fromExistingSecret('team-registry', 'docker.json'),
    });
    expectGolden(app, 'docker-existing-secret');
  });
});

describe('DockerRegistryAccess values', () => {
  test('the Secret data is the base64 of the file bytes, as kubectl --from-file writes it', () => {
    // GIVEN
    const file = fixture('docker-config.json');
    // WHEN
    const [secret] = synthDocker({ config: DockerConfig.fromFile(file) });
    // THEN
    expect(secret.data).toEqual({ 'config.json': readFileSync(file).toString('base64') });
    expect(secret.type).toBe('Opaque');
    expect(secret).not.toHaveProperty('stringData');
    expect(secret).not.toHaveProperty('immutable');
  });

  test('fromLogin renders the JSON kubectl create secret docker-registry writes', () => {
    const [secret] = synthDocker({ config: DockerConfig.fromLogin({ ...login, email: 'a<b>&c@example.com' }) });
    expect(Buffer.from(secret.data['config.json'], 'base64').toString()).toBe(
      '{"auths":{"https://index.docker.io/v1/":{"username":"fake-user","password":"fake-password-0000",' +
      '"email":"a\\u003cb\\u003e\\u0026c@example.com","auth":"ZmFrZS11c2VyOmZha2UtcGFzc3dvcmQtMDAwMA=="}}}');
  });

  test('attributes name the PodDefault, the Secret and the selector labels', () => {
    const chart = userChart();
    const access = new DockerRegistryAccess(chart, 'AWSCreds', { config: DockerConfig.fromLogin(login), secretName: 'creds' });
    expect([access.name, access.namespace, access.secretName]).toEqual(['aws-creds', 'user', 'creds']);
    expect(access.selectorLabels).toEqual({ 'aws-creds': 'true' });
    expect(access.secret).toBeDefined();
    expect(access.podDefault.name).toBe('aws-creds');
  });

  test('an existing Secret gets no Secret object', () => {
    const chart = userChart();
    const access = new DockerRegistryAccess(chart, 'docker', { config: DockerConfig.fromExistingSecret('regcred') });
    expect(access.secret).toBeUndefined();
    const [, podDefault] = secretAndPodDefault(Testing.synth(chart));
    expect(podDefault.spec.volumes).toEqual([{ name: 'docker-volume', secret: { secretName: 'regcred' } }]);
  });

  test('an existing dockerconfigjson Secret is mapped to config.json and used to pull images', () => {
    const [, podDefault] = synthDocker({
      config: DockerConfig.fromExistingSecret('regcred'),
      secretType: DockerSecretType.DOCKER_CONFIG_JSON,
    });
    expect(podDefault.spec.volumes).toEqual([{
      name: 'docker-config-volume',
      secret: { secretName: 'regcred', items: [{ key: '.dockerconfigjson', path: 'config.json' }] },
    }]);
    expect(podDefault.spec.imagePullSecrets).toEqual([{ name: 'regcred' }]);
  });

  test('the namespace prop overrides the chart namespace', () => {
    const [secret, podDefault] = synthDocker({ config: DockerConfig.fromLogin(login), namespace: 'team-a' });
    expect([secret.metadata.namespace, podDefault.metadata.namespace]).toEqual(['team-a', 'team-a']);
  });

  test.each([
    ['DockerConfig', 'docker-config'],
    ['AWSCreds', 'aws-creds'],
    ['my_registry.creds', 'my-registry-creds'],
    ['team registry', 'team-registry'],
    ['S3Config', 's3-config'],
  ])('construct id %s gives the name %s', (id, name) => {
    const chart = userChart();
    expect(new DockerRegistryAccess(chart, id, { config: DockerConfig.fromLogin(login) }).name).toBe(name);
  });
});

const dir = mkdtempSync(path.join(tmpdir(), 'docker-access-'));

describe('DockerRegistryAccess rejects bad input', () => {
  const json = (value: object) => DockerConfig.fromJson(JSON.stringify(value));
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const cases: Array<[string, Partial<DockerRegistryAccessProps>, string]> = [
    ['a missing file', { config: DockerConfig.fromFile('/nonexistent/config.json') },
      '[test/docker-config] config: the path does not exist: give the path of a readable file (relative to the current directory), or the content itself to DockerConfig.fromJson; the path is not shown, since it may be a credential given in its place'],
    ['a directory', { config: DockerConfig.fromFile(dir) },
      `[test/docker-config] config: the path is a directory, not a file: give the path of a readable file (relative to the current directory), or the content itself to DockerConfig.fromJson; the path is not shown, since it may be a credential given in its place`],
    ['invalid JSON', { config: DockerConfig.fromJson(`{"auths":{"x":{"auth":"${FAKE_PASSWORD}"`) },
      '[test/docker-config] config: config.json is not valid JSON: check the file with "jq . config.json", or build it with DockerConfig.fromLogin'],
    ['a byte-order mark', { config: DockerConfig.fromJson('\ufeff{"auths":{}}') },
      '[test/docker-config] config: config.json starts with a byte-order mark, which Docker cannot read: save the file as UTF-8 without a BOM'],
    ['no auths', { config: json({ HttpHeaders: {} }) },
      '[test/docker-config] config: config.json has no "auths": log in to a registry ("docker login") or use DockerConfig.fromLogin'],
    ['empty auths', { config: json({ auths: {} }) },
      '[test/docker-config] config: config.json "auths" is empty: log in to a registry ("docker login") or use DockerConfig.fromLogin'],
    ['Docker Desktop credsStore', { config: json({ auths: { 'https://index.docker.io/v1/': {} }, credsStore: 'desktop' }) },
      '[test/docker-config] config: config.json keeps its credentials in a credential helper ("credsStore"), which grants nothing inside a pod: use DockerConfig.fromLogin, or run "docker login" with credential helpers turned off and use the config.json it writes'],
    ['credHelpers', { config: json({ auths: { 'ghcr.io': { auth: b64(`u:${FAKE_PASSWORD}`) } }, credHelpers: { 'gcr.io': 'gcloud' } }) },
      '[test/docker-config] config: config.json keeps its credentials in a credential helper ("credHelpers"), which grants nothing inside a pod: use DockerConfig.fromLogin, or run "docker login" with credential helpers turned off and use the config.json it writes'],
    ['an entry without credentials', { config: json({ auths: { 'ghcr.io': { email: 'a@example.com' } } }) },
      '[test/docker-config] config: config.json "auths" entry "ghcr.io" holds no credentials: give it "auth", or "username" and "password", or an "identitytoken"'],
    ['auth that is not base64', { config: json({ auths: { 'ghcr.io': { auth: `${FAKE_PASSWORD}!` } } }) },
      '[test/docker-config] config: config.json "auths" entry "ghcr.io": "auth" is not the base64 of "username:password": encode it with "echo -n USER:PASSWORD | base64"'],
    ['auth without a colon', { config: json({ auths: { 'ghcr.io': { auth: b64(FAKE_PASSWORD) } } }) },
      '[test/docker-config] config: config.json "auths" entry "ghcr.io": "auth" is not the base64 of "username:password": encode it with "echo -n USER:PASSWORD | base64"'],
    ['auth from echo without -n', { config: json({ auths: { 'ghcr.io': { auth: b64(`u:${FAKE_PASSWORD}\n`) } } }) },
      '[test/docker-config] config: config.json "auths" entry "ghcr.io": "auth" decodes to a value that ends in a newline: encode it with "echo -n", not "echo"'],
    ['auth that disagrees with the password', { config: json({ auths: { 'ghcr.io': { username: 'u', password: FAKE_PASSWORD, auth: b64('u:other-fake') } } }) },
      '[test/docker-config] config: config.json "auths" entry "ghcr.io": "auth" disagrees with "username"/"password": regenerate "auth" from them, or drop one of the two'],
    ['an empty password in a file', { config: json({ auths: { 'ghcr.io': { username: 'u', password: '' } } }) },
      '[test/docker-config] config: config.json "auths" entry "ghcr.io": "password" is empty: give a value or leave the field out'],
    ['a password ending in a newline', { config: json({ auths: { 'ghcr.io': { username: 'u', password: `${FAKE_PASSWORD}\n` } } }) },
      '[test/docker-config] config: config.json "auths"."ghcr.io"."password" ends in a newline (often from "echo" without -n): remove it'],
    ['an empty login password', { config: DockerConfig.fromLogin({ username: 'u', password: '' }) },
      '[test/docker-config] config: login: password is empty: give a non-empty password'],
    ['a login password with a newline', { config: DockerConfig.fromLogin({ username: 'u', password: `${FAKE_PASSWORD}\n` }) },
      '[test/docker-config] config: login: password contains a line break (often from "echo" without -n or a file\'s last newline): remove it'],
    ['a login password with an escape character pasted from a terminal', { config: DockerConfig.fromLogin({ username: 'u', password: `\u001b[200~${FAKE_PASSWORD}` }) },
      '[test/docker-config] config: login: password contains a control character: check what was pasted'],
    ['a login password with a tab inside', { config: DockerConfig.fromLogin({ username: 'u', password: `${FAKE_PASSWORD}\tx` }) },
      '[test/docker-config] config: login: password contains a control character: check what was pasted'],
    ['a login user name with DEL', { config: DockerConfig.fromLogin({ username: 'u\u007f', password: FAKE_PASSWORD }) },
      '[test/docker-config] config: login: username contains a control character: check what was pasted'],
    ['a user name with a colon', { config: DockerConfig.fromLogin({ username: 'a:b', password: FAKE_PASSWORD }) },
      '[test/docker-config] config: login: username contains ":", which Docker cannot tell apart from the password in "auth": use a user name without ":"'],
    ['the same registry twice', { config: DockerConfig.fromLogins([{ server: 'ghcr.io', ...login }, { server: 'ghcr.io', ...login }]) },
      '[test/docker-config] config: login 2: server is given twice, as in login 1: give each registry once'],
    ['no logins', { config: DockerConfig.fromLogins([]) },
      '[test/docker-config] config: no login given: pass at least one registry login'],
    ['no config', {},
      '[test/docker-config] config: is missing: give the credentials, such as DockerConfig.fromFile("config.json")'],
    ['an invalid name', { config: DockerConfig.fromLogin(login), name: 'Docker_Config' },
      '[test/docker-config] name: has an upper-case letter at character 1; a PodDefault name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters), the api server\'s rule for a custom resource\'s name: set name to another'],
    ['an empty name', { config: DockerConfig.fromLogin(login), name: '' },
      '[test/docker-config] name: is empty; a PodDefault name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters), the api server\'s rule for a custom resource\'s name: set name to another'],
    ['a 53-character name', { config: DockerConfig.fromLogin(login), name: 'a'.repeat(53) },
      `[test/docker-config] name: is too long: 53 characters, more than the 52 that the kubeflow webhook's pod annotation poddefault.admission.kubeflow.org/poddefault-<name> leaves (at most 63 after the slash): the api server refuses every pod the webhook changes: set name to another`],
    ['an invalid namespace', { config: DockerConfig.fromLogin(login), namespace: 'User' },
      '[test/docker-config] namespace: has an upper-case letter at character 1; a namespace is a DNS-1123 label (lower-case letters, digits and "-", starting and ending with a letter or digit, at most 63 characters): set namespace to the profile\'s namespace'],
    ['an empty description', { config: DockerConfig.fromLogin(login), description: ' ' },
      '[test/docker-config] description: is empty: give the text the notebook spawner shows, or leave description out for the default'],
    ['an invalid secretName', { config: DockerConfig.fromLogin(login), secretName: 'Docker Secret' },
      '[test/docker-config] secretName: has an upper-case letter at character 1; a Secret name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters): use a valid name'],
    ['secretName with an existing Secret', { config: DockerConfig.fromExistingSecret('regcred'), secretName: 'x' },
      '[test/docker-config] secretName: only applies to a synthesised Secret, but the source is an existing Secret: leave secretName out and name the Secret in fromExistingSecret'],
    ['immutable with an existing Secret', { config: DockerConfig.fromExistingSecret('regcred'), immutable: true },
      '[test/docker-config] immutable: only applies to a synthesised Secret, but the source is an existing Secret: leave immutable out'],
    ['an invalid existing Secret name', { config: DockerConfig.fromExistingSecret('Reg_Cred') },
      '[test/docker-config] config: the existing Secret name has an upper-case letter at character 1; a Secret name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters): give the name of the Secret as kubectl shows it'],
    ['an invalid existing Secret key', { config: DockerConfig.fromExistingSecret('regcred', 'config json') },
      '[test/docker-config] config: the key of the existing Secret has a space at character 7; a Secret key is letters, digits, "-", "_" and ".", at most 253 characters, neither "." alone nor starting with "..": give the key the Secret holds'],
    ['a relative mountPath', { config: DockerConfig.fromLogin(login), mountPath: '.docker' },
      '[test/docker-config] mountPath: is not an absolute path (it does not start with "/"); a directory to mount at is an absolute path without ".." segments, control characters (such as a line break or a tab), "\\" or whitespace at its end: give a directory such as "/home/jovyan/.docker/"'],
    ['a Windows mountPath, one directory "jovyan\\.docker\\" in a Linux container', { config: DockerConfig.fromLogin(login), mountPath: '/home/jovyan\\.docker\\' },
      '[test/docker-config] mountPath: has "\\", a Windows path separator, at character 13 (in a Linux container only "/" separates directories); a directory to mount at is an absolute path '
      + 'without ".." segments, control characters (such as a line break or a tab), "\\" or whitespace at its end: give a directory such as "/home/jovyan/.docker/"'],
    ['a mountPath that ends with a tab, as a paste from a terminal leaves it', { config: DockerConfig.fromLogin(login), mountPath: '/home/jovyan/.docker/\t' },
      '[test/docker-config] mountPath: has a tab at character 22; a directory to mount at is an absolute path without ".." segments, control characters (such as a line break or a tab), "\\" or whitespace at its end: give a directory such as "/home/jovyan/.docker/"'],
    ['a mountPath that holds the escape of a terminal colour', { config: DockerConfig.fromLogin(login), mountPath: '/home/jovyan/\u001b[0m.docker/' },
      '[test/docker-config] mountPath: has a control character at character 14; a directory to mount at is an absolute path without ".." segments, control characters (such as a line break or a tab), "\\" or whitespace at its end: give a directory such as "/home/jovyan/.docker/"'],
    ['a mountPath that ends with a space', { config: DockerConfig.fromLogin(login), mountPath: '/home/jovyan/.docker/ ' },
      '[test/docker-config] mountPath: ends with a space; a directory to mount at is an absolute path without ".." segments, control characters (such as a line break or a tab), "\\" or whitespace at its end: give a directory such as "/home/jovyan/.docker/"'],
    ['a mountPath at the container\'s root, spelt with a dot', { config: DockerConfig.fromLogin(login), mountPath: '/./' },
      '[test/docker-config] mountPath: is the container\'s root directory: the Secret would hide every file of the notebook image, which then cannot start: give a directory such as "/home/jovyan/.docker/"'],
    ['an invalid volumeName', { config: DockerConfig.fromLogin(login), volumeName: 'docker_volume' },
      '[test/docker-config] volumeName: has "_" at character 7; a volume name is a DNS-1123 label (lower-case letters, digits and "-", starting and ending with a letter or digit, at most 63 characters), which the api server requires of a volume in a pod: set volumeName to one'],
  ];

  test.each(cases)('%s', (_what, props, message) => {
    // GIVEN a chart
    const chart = userChart();
    // WHEN the construct is given bad input THEN it throws the library's error with the exact message,
    // naming no secret and leaving nothing half-built in the tree
    expectRejected(chart, 'docker-config', () => new DockerRegistryAccess(chart, 'docker-config', props as DockerRegistryAccessProps), message, [FAKE_PASSWORD]);
  });

  test('docs/constructs.md\'s table of its errors quotes each as the library words it', () => {
    // GIVEN the inputs above, and the ones only the table names
    const more: Array<Partial<DockerRegistryAccessProps>> = [
      { config: DockerConfig.fromFile('a'.repeat(300)) },
      { config: DockerConfig.fromLogin({ username: 'u', password: 42 as unknown as string }) },
      { config: DockerConfig.fromLogin({ server: 'docker.io', username: 'u', password: 'p' }) },
      { config: DockerConfig.fromJson('{"auths":{"ghcr.io ":{"username":"u","password":"p"}}}') },
    ];
    const messages = [...cases.map(([, props]) => props), ...more].map(props => thrownMessage(() => new DockerRegistryAccess(userChart(), 'docker-config', props as DockerRegistryAccessProps)));
    // WHEN the table's messages are matched with them THEN each is said; the one left is what root, who
    // runs CI, cannot provoke: EACCES, which lib/sources/source-file.ts words as "is not readable (permission denied)"
    expect(unsaidInErrorTable('| error (after `[path] config:`) | fix |', messages)).toEqual(['is not readable']);
  });

  test('a derived name that is not a DNS label asks for name', () => {
    expect(() => new DockerRegistryAccess(userChart(), 'Docker Config!', { config: DockerConfig.fromLogin(login) }))
      .toThrow('[test/Docker Config!] name: the name made from the construct id (in kebab case) has "!" at character 14; a PodDefault name is a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253 characters), the api server\'s rule for a custom resource\'s name: set name explicitly');
  });

  test('no namespace anywhere', () => {
    const chart = new Chart(Testing.app(), 'test');
    expect(() => new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromLogin(login) }))
      .toThrow('[test/docker-config] namespace: no namespace: set namespace, or give the enclosing Chart a namespace');
  });
});

describe('DockerRegistryAccess at the edges the property tests found', () => {
  const SECRET = 'SeCrEtRegression00000000000000';
  const docker = (config: DockerConfig) => (chart: Chart) => new DockerRegistryAccess(chart, 'docker-config', { config });
  const refused = (build: (chart: Chart) => unknown, message: string | RegExp) => expectRefused(build, message, [SECRET]);

  describe('config.json as Docker reads it', () => {
    test('a registry named "__proto__" in fromLogin is kept in config.json like any other', () => {
      // GIVEN a login whose server is "__proto__"
      const outcome = buildOrReject(docker(DockerConfig.fromLogin({ server: '__proto__', username: 'fake-user', password: SECRET })), [SECRET]);
      // THEN the rendered config.json keeps it as a registry like any other
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) { return; }
      const config = JSON.parse(storedBytes(outcome.manifests, 'config.json')!.toString());
      expect(Object.keys(config.auths)).toEqual(['__proto__']);
    });

    test('a fromLogin password with a lone surrogate is refused: its "auth" would disagree with it', () => {
      // GIVEN a password with half of a surrogate pair WHEN it is used THEN it is refused
      refused(docker(DockerConfig.fromLogin({ username: 'fake-user', password: `${SECRET}\ud800` })),
        '[test/docker-config] config: login: password is not valid Unicode (it holds half of a UTF-16 surrogate pair): remove the broken character');
    });

    test.each([
      ['arrays', (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`],
      ['objects', (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`],
    ])('config.json with %s nested 100000 deep is refused for its depth, not by a stack overflow (RangeError)', (_what, nest) => {
      // GIVEN a config.json with a field nested deeper than Docker's parser reads WHEN it is used THEN it is refused
      const json = `{"auths":{"ghcr.io":{"username":"fake-user","password":"${SECRET}"}},"x":${nest(100_000)}}`;
      refused(docker(DockerConfig.fromJson(json)),
        '[test/docker-config] config: config.json "x" is nested more than 10000 levels deep, more than Docker\'s JSON parser reads: flatten it');
    });

    test('a newline deep inside config.json is found, and its path named', () => {
      // GIVEN a string ending in a newline, 5000 arrays deep WHEN it is used THEN it is refused by its path
      const json = `{"auths":{"ghcr.io":{"username":"fake-user","password":"${SECRET}"}},"x":${'['.repeat(5000)}"a\\n"${']'.repeat(5000)}}`;
      refused(docker(DockerConfig.fromJson(json)), /^\[test\/docker-config\] config: config.json "x"(\[0\]){5000} ends in a newline/);
    });

    test('an "auth" of a few megabytes given in memory is refused, not by a stack overflow (RangeError) in the base64 check', () => {
      refused(docker(DockerConfig.fromJson(JSON.stringify({ auths: { 'ghcr.io': { auth: 'A'.repeat(5_000_000) } } }))), /^\[test\/docker-config\] /);
    });
  });

  describe('config.json files', () => {
    const VALID_CONFIG = JSON.stringify({ auths: { 'ghcr.io': { username: 'fake-user', password: SECRET } } });
    const { file } = scratchFiles('docker-edge-files-');
    const TOO_LARGE = '[test/docker-config] config: the file is larger than 1 MiB, more than a Kubernetes Secret holds: check the path, a credentials file is a few kilobytes';

    test('a file of exactly 1 MiB is read whole and accepted', () => {
      // GIVEN a config.json of 1048576 bytes
      const head = `{"auths":{"ghcr.io":{"username":"fake-user","password":"${SECRET}"}},"padding":"`;
      const content = `${head}${'a'.repeat(1024 * 1024 - head.length - 2)}"}`;
      expect(Buffer.byteLength(content)).toBe(1024 * 1024);
      // WHEN it is used THEN it is accepted
      const outcome = buildOrReject(docker(DockerConfig.fromFile(file('one-mib.json', content))), [SECRET]);
      expect(outcome.ok).toBe(true);
    });

    test('a 10 MB file is refused as larger than a Secret holds', () => {
      const big = file('big-config.json', `{"auths":{"ghcr.io":{"username":"fake-user","password":"${SECRET}"}},"padding":"${'a'.repeat(10 * 1024 * 1024)}"}`);
      refused(docker(DockerConfig.fromFile(big)), TOO_LARGE);
    });

    test('a file that never ends (/dev/zero) is refused after 1 MiB, not read until memory runs out', () => {
      refused(docker(DockerConfig.fromFile('/dev/zero')), TOO_LARGE);
    });

    test.each([
      ['an empty file', () => file('empty.json', ''),
        '[test/docker-config] config: the file is not valid JSON: check the file with "jq . config.json", or build it with DockerConfig.fromLogin'],
      ['a UTF-16 file', () => file('utf16.json', Buffer.from(`\ufeff${VALID_CONFIG}`, 'utf16le')),
        '[test/docker-config] config: the file is not UTF-8 text: save it as UTF-8'],
      ['a file with a BOM', () => file('bom.json', `\ufeff${VALID_CONFIG}`),
        '[test/docker-config] config: the file starts with a byte-order mark, which Docker cannot read: save the file as UTF-8 without a BOM'],
    ])('%s is refused', (_what, make, message) => {
      refused(docker(DockerConfig.fromFile(make())), message);
    });

    test('a file with CRLF line ends is accepted and stored unchanged', () => {
      // GIVEN a tab-indented config.json with CRLF line ends WHEN it is used THEN the Secret holds its bytes
      const content = JSON.stringify(JSON.parse(VALID_CONFIG), null, '\t').replace(/\n/g, '\r\n');
      const outcome = buildOrReject(docker(DockerConfig.fromFile(file('crlf.json', content))), [SECRET]);
      expect(outcome.ok).toBe(true);
      if (outcome.ok) { expect(storedBytes(outcome.manifests, 'config.json')!.toString('utf8')).toBe(content); }
    });
  });
});
