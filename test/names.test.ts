// The naming rules of lib/names.ts: those with a fast path, each table holding the inputs on both sides of
// it, and the PodDefault name rule, with the component that enforces each part.
import {
  foldPath, isAbsoluteDirectory, isSecretKey, kebabCase, labelKeyProblem, podDefaultNameProblem, refusal, SECRET_KEY_RULE, shownMountPath, shownName, writtenNameProblem,
} from '../lib/names';

describe('kebabCase', () => {
  test.each([
    // ids in kebab case already: returned as they are
    ['docker-config', 'docker-config'],
    ['minio', 'minio'],
    ['a--b', 'a--b'],
    ['9a', '9a'],
    ['', ''],
    // everything else: converted
    ['DockerConfig', 'docker-config'],
    ['AWSCreds', 'aws-creds'],
    ['a_b.c d', 'a-b-c-d'],
    ['x-Y', 'x-y'],
    ['Minio', 'minio'],
  ])('%j -> %j', (id, expected) => {
    expect(kebabCase(id)).toBe(expected);
  });
});

describe('isAbsoluteDirectory', () => {
  test.each([
    ['/home/jovyan/.aws/', true],
    ['/', true],
    ['/a..', true],
    ['/a/..b', true],
    ['/..a/', true],
    ['/a/.../', true],
    ['/a/..', false],
    ['/a/../b', false],
    ['/..', false],
    ['/../', false],
    ['a/b', false],
    ['', false],
    ['/a\nb', false],
    ['/a\rb', false],
    ['/a\0', false],
    ['/home/jovyan/.docker/\t', false],
    ['/home/\u001b[0mjovyan', false],
    ['/a\u007f', false],
    ['/home/jovyan/.docker/ ', false],
    ['/home/jovyan/.docker\u00a0', false],
    ['/home/my notebooks/.docker/', true],
    // A Windows path: one directory "jovyan\.docker\" in a Linux container.
    ['/home/jovyan\\.docker\\', false],
  ])('%j -> %j', (path, expected) => {
    // THEN it agrees with the table, and with the plain reading of the rule: absolute, no control character
    // (C0 or DEL, a line break and a tab among them), no backslash, no whitespace at its end, no ".." segment
    expect(isAbsoluteDirectory(path)).toBe(expected);
    expect(path.startsWith('/') && !/[\u0000-\u001f\u007f\\]/.test(path) && !/\s$/.test(path) && !path.split('/').includes('..')).toBe(expected);
  });
});

describe('foldPath', () => {
  test.each([
    ['/home/kubeflow/.docker/', '/home/kubeflow/.docker'],
    ['/home/kubeflow//./.docker', '/home/kubeflow/.docker'],
    ['/home/kubeflow/.docker', '/home/kubeflow/.docker'],
    ['/dev/shm/.', '/dev/shm'],
    ['/', '/'],
    ['/a/b/', '/a/b'],
    ['/a//b/./c', '/a/b/c'],
    ['/a/b/../c', '/a/c'],
    ['/../a', '/a'],
    ['/a/..', '/'],
    ['a/../../b', '../b'],
  ])('%j -> %j', (path, folded) => {
    expect(foldPath(path)).toBe(folded);
  });

  // A plain path with one trailing '/' is folded by dropping the '/': these end in '/' but are not plain
  // before it, so a shortcut taken too often gives another answer than the segment-wise fold.
  test.each([
    ['//', '/'], ['///', '/'], ['/a/', '/a'], ['/a//', '/a'], ['/a/./', '/a'], ['/a/../', '/'], ['/../', '/'], ['a/', 'a'],
    ['./', ''], ['../', '..'], ['/.../', '/...'], ['.../', '...'], ['/a\n/b/', '/a\n/b'], ['a\n//', 'a\n'],
  ])('%j with a trailing slash -> %j', (path, folded) => {
    expect(foldPath(path)).toBe(folded);
  });
});

describe('podDefaultNameProblem: the rules a real component enforces on a PodDefault name', () => {
  const SUBDOMAIN = 'is not a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", starting and ending with a letter or digit), '
    + 'which the api server requires of a custom resource\'s name';
  const tooLong = (n: number) => `is too long: ${n} characters, more than the 52 that the kubeflow webhook's pod annotation `
    + 'poddefault.admission.kubeflow.org/poddefault-<name> leaves (at most 63 after the slash): the api server refuses every pod the webhook changes';
  test.each<[string, string | undefined]>([
    // the API server: a custom resource's name is a DNS-1123 subdomain, dots allowed
    ['docker-config', undefined],
    ['team.docker-config', undefined],
    ['a', undefined],
    ['9', undefined],
    ['MyPD', SUBDOMAIN],
    ['team_docker', SUBDOMAIN],
    ['-docker', SUBDOMAIN],
    ['docker.', SUBDOMAIN],
    ['a..b', SUBDOMAIN],
    ['', SUBDOMAIN],
    // the webhook's annotation key: 11 characters of "poddefault-" and the name, at most 63
    ['a'.repeat(52), undefined],
    ['a.b'.repeat(17) + 'a', undefined],
    ['a'.repeat(53), tooLong(53)],
    ['a'.repeat(253), tooLong(253)],
    ['a'.repeat(254), SUBDOMAIN],
  ])('%j', (name, problem) => {
    expect(podDefaultNameProblem(name)).toBe(problem);
  });

  test('a name it accepts is a valid annotation key after the webhook\'s prefix and a valid label key, as the api server checks them', () => {
    // GIVEN the longest valid names of each kind of character
    for (const name of ['a'.repeat(52), 'a.b-c'.repeat(10) + 'd9', '0'.repeat(52)]) {
      expect(podDefaultNameProblem(name)).toBeUndefined();
      // THEN the annotation key's name part and the label key (the name as the notebook UI's selector) are qualified names
      expect(labelKeyProblem(`poddefault.admission.kubeflow.org/poddefault-${name}`)).toBeUndefined();
      expect(labelKeyProblem(name)).toBeUndefined();
    }
  });
});

describe('writtenNameProblem: names kubectl reads back as numbers from what cdk8s writes', () => {
  // cdk8s 2.70 quotes what YAML 1.1 reads as a number, a boolean or a null; kubectl (go-yaml v2) also reads Go's
  // 0o, 0X and 0B forms as numbers (test/check/written-yaml.test.ts holds the vectors recorded from kubectl).
  test.each([
    ['0o17', true], ['0o0', true], ['0O17', true], ['0X1F', true], ['0B1', true], ['0o1_7', true],
    // quoted by cdk8s, or not a number to Go: read back as written
    ['0o8', false], ['0x1f', false], ['0b1', false], ['017', false], ['1e5', false], ['yes', false], ['n', false], ['0o', false],
    ['0o17.a', false], ['team-a', false],
  ])('%j: refused %j', (name, refused) => {
    expect(writtenNameProblem(name) !== undefined).toBe(refused);
  });
});

describe('isSecretKey: a key of a Secret\'s or ConfigMap\'s data, as the api server\'s IsConfigMapKey takes it', () => {
  // k8s.io/apimachinery pkg/util/validation/validation.go (kubernetes/kubernetes 008b365): at most 253
  // characters of [-._a-zA-Z0-9], and hasChDirPrefix: not ".", not "..", not starting with "..".
  test.each([
    ['config.json', true], ['.dockerconfigjson', true], ['AWS_ACCESS_KEY_ID', true], ['a..b', true], ['.a', true], ['a.', true],
    ['a'.repeat(253), true],
    ['.', false], ['..', false], ['..data', false], ['...', false], ['', false], ['a b', false], ['a/b', false],
    ['a'.repeat(254), false],
  ])('%j: %j', (key, valid) => {
    expect(isSecretKey(key)).toBe(valid);
  });

  test.each([
    ['.', 'is "." alone'],
    ['..data', 'starts with ".."'],
    ['..', 'starts with ".."'],
  ])('a refusal of %j says %j, without the key', (key, said) => {
    expect(refusal(key, SECRET_KEY_RULE, 'a Secret key')).toBe(`${said}; a Secret key is letters, digits, "-", "_" and ".", at most 253 characters, `
      + 'neither "." alone nor starting with ".."');
  });
});

describe('shownName: a name, key or field name of the input, shown when it reads as one, else described', () => {
  test.each<[string, string]>([
    ['AWS_SECRET_ACCESS_KEY', 'AWS_SECRET_ACCESS_KEY'],
    ['dataSourceRf', 'dataSourceRf'],
    ['.dockerconfigjson', '.dockerconfigjson'],
    ['docker_config.', 'docker_config.'],
    ['notebooks.kubeflow.org/can-mount', 'notebooks.kubeflow.org/can-mount'],
    [`poddefault.admission.kubeflow.org/poddefault-${'a'.repeat(52)}`, `poddefault.admission.kubeflow.org/poddefault-${'a'.repeat(52)}`],
    [`${'a'.repeat(100)}.example.com`, `${'a'.repeat(100)}.example.com`],
    ['<YOUR_USER_PROFILE_NAMESPACE>', '<YOUR_USER_PROFILE_NAMESPACE>'],
    ['${NAMESPACE}', '${NAMESPACE}'],
    ['', ''],
    ['2001:DB8:0:0:0::1', '2001:DB8:0:0:0::1'],
    ['fe80::1%eth0', 'fe80::1%eth0'],
    ['deadbeefdeadbeef0000:1', '(key not shown, as it may be a secret: 22 characters, ":" at character 21)'],
    ['fe80::1%fake token', '(key not shown, as it may be a secret: 18 characters, ":" at character 5)'],
    ['release note', '(key not shown, as it may be a secret: 12 characters, a space at character 8)'],
    ['password: hunter2', '(key not shown, as it may be a secret: 17 characters, ":" at character 9)'],
    ['Example.com/team', 'Example.com/team'],
    ['example.com/team/a', 'example.com/team/a'],
    ['team/a/b', '(key not shown, as it may be a secret: 8 characters, "/" at character 5)'],
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '(key not shown, as it may be a secret: 40 characters, "/" at character 14)'],
    ['AKIAFAKEFAKEFAKE0000', '(key not shown, as it may be a secret: 20 characters, a run of letters and digits that reads as a token)'],
    ['ghp_fake0000FAKE0000fake0000FAKE0000fake', '(key not shown, as it may be a secret: 40 characters, a run of letters and digits that reads as a token)'],
    ['a'.repeat(254), '(key not shown, as it may be a secret: 254 characters)'],
    ['x'.repeat(1 << 20), `(key not shown, as it may be a secret: ${1 << 20} characters)`],
  ])('%j', (name, shown) => {
    // GIVEN a name as the input wrote it WHEN shown THEN as written, or its length and its first character no name has
    expect(shownName(name, 'key')).toBe(shown);
  });

  test.each<[string, string]>([
    ['/home/jovyan/.aws/', '/home/jovyan/.aws/'],
    ['/var/run/secrets/kubernetes.io/serviceaccount', '/var/run/secrets/kubernetes.io/serviceaccount'],
    ['/tmp/a b', '(mount path not shown, as it may be a secret: 8 characters, a space at character 7)'],
    ['/x/fake0000FAKE0000fake0000', '(mount path not shown, as it may be a secret: 27 characters, a run of letters and digits that reads as a token)'],
  ])('mount path %j', (path, shown) => {
    // GIVEN / WHEN a mount path shown THEN as written when a path of name characters, else described
    expect(shownMountPath(path)).toBe(shown);
  });
});
