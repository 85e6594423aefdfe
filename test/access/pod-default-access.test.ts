import { Chart, Testing } from 'cdk8s';
import { AwsEnvConfiguration, DockerConfig, DockerRegistryAccess, S3Configuration } from '../../lib';
import { accessSpec, ResolvedAccess } from '../../lib/access/pod-default-access';
import { expectRefused } from '../fuzz';

describe('accessSpec', () => {
  test('carries every field of the resolved access and of the additions, and nothing else', () => {
    // GIVEN a resolved access and additions with every field set
    const access: ResolvedAccess = {
      path: 'test/access',
      namespace: 'user',
      name: 'access',
      description: 'Add access',
      secretName: 'access-secret',
      secretData: { key: 'dmFsdWU=' },
      secretType: 'Opaque',
      immutable: true,
      externalSecret: { secretStoreRef: { name: 'store' } },
      secretLabels: { 'notebooks.kubeflow.org/can-mount': 'true' },
    };
    const volumes = [{ name: 'access-volume', secret: { secretName: 'access-secret' } }];
    const volumeMounts = [{ name: 'access-volume', mountPath: '/home/kubeflow/.access/' }];
    const env = [{ name: 'ACCESS', value: 'access' }];
    const envFrom = [{ secretRef: { name: 'access-secret' } }];
    const imagePullSecrets = [{ name: 'access-secret' }];
    // WHEN
    const spec = accessSpec(access, { volumes, volumeMounts, env, envFrom, imagePullSecrets });
    // THEN every field arrives, the path (for error messages only) does not
    expect(spec).toStrictEqual({
      namespace: 'user',
      name: 'access',
      description: 'Add access',
      secretName: 'access-secret',
      secretData: { key: 'dmFsdWU=' },
      secretType: 'Opaque',
      immutable: true,
      externalSecret: { secretStoreRef: { name: 'store' } },
      secretLabels: { 'notebooks.kubeflow.org/can-mount': 'true' },
      volumes, volumeMounts, env, envFrom, imagePullSecrets,
    });
  });
});

describe('the Secret size limit', () => {
  /** A config.json of exactly `bytes` bytes. */
  const configJson = (bytes: number) => {
    const head = '{"auths":{"ghcr.io":{"username":"fake-user","password":"fake-password-0000"}},"padding":"';
    const tail = '"}';
    return head + 'a'.repeat(bytes - head.length - tail.length) + tail;
  };
  const synth = (bytes: number) => () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'user' });
    new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromJson(configJson(bytes)) });
  };

  test('accepts exactly 1 MiB', () => {
    // GIVEN / WHEN / THEN
    expect(synth(1024 * 1024)).not.toThrow();
  });

  // One size for each padding of the base64 (none, "=", "=="): the size is counted, not estimated.
  test.each([1024 * 1024 + 1, 1024 * 1024 + 2, 1024 * 1024 + 3])('counts %i bytes exactly', (bytes) => {
    // GIVEN / WHEN / THEN
    expect(synth(bytes)).toThrow(`[test/docker-config] secret: would hold ${bytes} bytes, more than the 1048576 (1 MiB)`);
  });
});

describe('the name of an access construct', () => {
  test('may hold dots, as the api server allows in a custom resource\'s name; the default volume name may not', () => {
    // GIVEN a name with a dot
    const chart = Testing.chart();
    const login = DockerConfig.fromLogin({ server: 'registry.example.com', username: 'u', password: 'fake-password' });
    // WHEN the default volume name derives from it THEN the volume name is refused, with the api server's reason
    expect(() => new DockerRegistryAccess(chart, 'a', { namespace: 'user', name: 'team.docker', config: login }))
      .toThrow('volumeName: the default volume name, made from name, has "." at character 5; a volume name is a DNS-1123 label (lower-case letters, '
        + 'digits and "-", starting and ending with a letter or digit, at most 63 characters), which the api server requires of a volume in a pod: set volumeName to one');
    // WHEN a volume name is given THEN the PodDefault, its Secret and its selector label carry the dotted name
    new DockerRegistryAccess(chart, 'b', { namespace: 'user', name: 'team.docker', volumeName: 'docker', config: login });
    const manifests = Testing.synth(chart);
    const secret = manifests.find(m => m.kind === 'Secret');
    const podDefault = manifests.find(m => m.kind === 'PodDefault');
    expect([secret.metadata.name, podDefault.metadata.name, podDefault.spec.selector.matchLabels]).toEqual(['team.docker', 'team.docker', { 'team.docker': 'true' }]);
  });
});

describe('the name "constructor", the one DNS label cdk8s cannot render as a label key', () => {
  test('is refused before anything is added, whether given as name or derived from the id', () => {
    const SECRET = 'SeCrEtRegression00000000000000';
    // GIVEN name "constructor" WHEN the construct is built THEN it is refused, as it is when the id gives that name
    expectRefused(chart => new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromLogin({ username: 'u', password: SECRET }), name: 'constructor' }),
      '[test/docker-config] name: "constructor" is the one DNS label that cdk8s cannot render as a label key: set name to another one', [SECRET]);
    expectRefused(chart => new AwsEnvConfiguration(chart, 'Constructor', { configuration: S3Configuration.fromValues({ accessKeyId: 'FAKEACCESSKEYID00000', secretAccessKey: SECRET }) }),
      '[test/Constructor] name: "constructor" is the one DNS label that cdk8s cannot render as a label key: set name to another one', [SECRET]);
  });
});

describe('the description, the text of the configuration in the notebook spawner (spec.desc)', () => {
  const SECRET = 'SeCrEtRegression00000000000000';
  const docker = (description: string) => (chart: Chart) =>
    new DockerRegistryAccess(chart, 'docker-config', { config: DockerConfig.fromLogin({ username: 'u', password: SECRET }), description });
  const CONTROL = '[test/docker-config] description: holds a control character (such as NUL, a carriage return or the escape of a terminal colour), '
    + 'which the notebook spawner cannot show: remove it';
  const INVISIBLE = '[test/docker-config] description: holds only invisible characters (such as a zero-width space): '
    + 'give the text the notebook spawner shows, or leave description out for the default';

  test.each([
    ['NUL', 'Add\u0000Docker credentials'],
    ['the escape of a terminal colour', '\u001b[31mAdd Docker credentials\u001b[0m'],
    ['a carriage return', 'Add Docker credentials\r\n'],
    ['a backspace', 'Add\b Docker credentials'],
  ])('holding %s is refused: the api server keeps it, and the spawner shows no text for it', (_what, description) => {
    expectRefused(docker(description), CONTROL, [SECRET]);
  });

  test.each([
    ['a zero-width space', '\u200b'],
    ['a right-to-left mark and a byte-order mark', '\u200f\ufeff'],
    ['a no-break space and a zero-width joiner', '\u00a0\u200d'],
  ])('of %s alone is refused: the spawner would list a blank configuration', (_what, description) => {
    expectRefused(docker(description), INVISIBLE, [SECRET]);
  });

  test.each([
    ['two lines', 'Add Docker credentials\nfor ghcr.io'],
    ['a tab', 'Add\tDocker credentials'],
    ['right-to-left text with its marks', '\u200fהוסף אישורי Docker'],
    ['an emoji with a zero-width joiner', 'Docker 👩\u200d💻'],
  ])('with %s is taken as written', (_what, description) => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'user' });
    docker(description)(chart);
    expect(Testing.synth(chart).find(m => m.kind === 'PodDefault').spec.desc).toBe(description);
  });
});

describe('the Secret size limit, reached through config.json', () => {
  const SECRET = 'SeCrEtRegression00000000000000';
  const docker = (config: DockerConfig) => (chart: Chart) => new DockerRegistryAccess(chart, 'docker-config', { config });

  test('a config.json of more than 1 MiB given in memory is refused with the Secret\'s size', () => {
    const json = `{"auths":{"ghcr.io":{"username":"fake-user","password":"${SECRET}"}},"padding":"${'a'.repeat(1024 * 1024)}"}`;
    expectRefused(docker(DockerConfig.fromJson(json)),
      /^\[test\/docker-config\] secret: would hold \d+ bytes, more than the 1048576 \(1 MiB\) the API server accepts in a Secret: give the credentials only, or create the Secret another way and use fromExistingSecret$/, [SECRET]);
  });

  test('a config.json of 40000 registries is checked in linear time, then refused with the Secret\'s size', () => {
    const auths = Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`r${i}.example.com`, { auth: 'dTpw' }]));
    expectRefused(docker(DockerConfig.fromJson(JSON.stringify({ auths }))),
      '[test/docker-config] secret: would hold 1468901 bytes, more than the 1048576 (1 MiB) the API server accepts in a Secret: give the credentials only, or create the Secret another way and use fromExistingSecret', [SECRET]);
  });
});
