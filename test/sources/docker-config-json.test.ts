import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { AccessError } from '../../lib';
import { checkDockerConfig, renderDockerLogins } from '../../lib/sources/docker-config-json';

// Fake credentials for a registry under .invalid, which never resolves: "fake-user:fake-password".
const SERVER = 'nothere.invalid';
const AUTH = 'ZmFrZS11c2VyOmZha2UtcGFzc3dvcmQ=';
const entry = `"${SERVER}":{"auth":"${AUTH}"}`;
const HELPER = (key: string) => `config.json keeps its credentials in a credential helper ("${key}"), which grants nothing inside a pod: use DockerConfig.fromLogin, or run "docker login" with credential helpers turned off and use the config.json it writes`;

/**
 * How Docker reads a config.json's keys, recorded with the Docker CLI 28.2.2 (`docker login SERVER`
 * with DOCKER_CONFIG set and no terminal, which says on stderr whom it authenticates as): `docker` is the user name it says it authenticates with from
 * the file's credentials, or null when it found none there (no entry, or a credential helper in the
 * way). `ours` is checkDockerConfig's verdict: 'accepted', or the message of its refusal.
 */
const vectors: [title: string, config: string, docker: string | null, ours: string][] = [
  ['auths', `{"auths":{${entry}}}`, 'fake-user', 'accepted'],
  ['Auths', `{"Auths":{${entry}}}`, 'fake-user', 'accepted'],
  ['AUTHS', `{"AUTHS":{${entry}}}`, 'fake-user', 'accepted'],
  ['auths then Auths: the maps are merged', `{"auths":{"other.invalid":{"auth":"${AUTH}"}},"Auths":{${entry}}}`, 'fake-user', 'accepted'],
  ['Auths then auths: the maps are merged', `{"Auths":{${entry}},"auths":{"other.invalid":{"auth":"${AUTH}"}}}`, 'fake-user', 'accepted'],
  ['a later null auths clears an earlier Auths', `{"Auths":{${entry}},"auths":null}`, null,
    'config.json has no "auths": log in to a registry ("docker login") or use DockerConfig.fromLogin'],
  ['the long s folds to s, as in Go', `{"auth\u017f":{${entry}}}`, 'fake-user', 'accepted'],
  ['cred\u017f\u017ftore: the long s in a helper key', `{"auths":{${entry}},"cred\u017f\u017ftore":"fakehelper"}`, null, HELPER('cred\u017f\u017ftore')],
  ['a non-ASCII letter that folds to no ASCII letter is another key', `{"auth\u00df":{${entry}}}`, null,
    'config.json has no "auths": log in to a registry ("docker login") or use DockerConfig.fromLogin'],
  ['credsStore', `{"auths":{${entry}},"credsStore":"fakehelper"}`, null, HELPER('credsStore')],
  ['credsstore', `{"auths":{${entry}},"credsstore":"fakehelper"}`, null, HELPER('credsstore')],
  ['CREDSSTORE', `{"auths":{${entry}},"CREDSSTORE":"fakehelper"}`, null, HELPER('CREDSSTORE')],
  ['CredsStore alone', `{"CredsStore":"fakehelper"}`, null, HELPER('CredsStore')],
  ['an empty credsstore is replaced by a later credsStore', `{"auths":{${entry}},"credsstore":"","credsStore":"fakehelper"}`, null, HELPER('credsstore')],
  // A helper named "" (or null) is none: Docker reads auths (docker/cli GetCredentialsStore asks a helper only when
  // its name is not empty). Recorded with the Docker CLI 28.2.2 on this machine, 2026-12-08.
  ['an empty credsStore turns the helper off', `{"auths":{${entry}},"credsStore":""}`, 'fake-user', 'accepted'],
  ['a null credsStore', `{"auths":{${entry}},"credsStore":null}`, 'fake-user', 'accepted'],
  ['an empty credHelpers', `{"auths":{${entry}},"credHelpers":{}}`, 'fake-user', 'accepted'],
  ['a credHelpers entry naming no helper', `{"auths":{${entry}},"credHelpers":{"${SERVER}":""}}`, 'fake-user', 'accepted'],
  ['an empty CredsStore and a null credHelpers', `{"auths":{${entry}},"CredsStore":"","credHelpers":null}`, 'fake-user', 'accepted'],
  ['a credsStore Go cannot decode: Docker drops the whole file', `{"auths":{${entry}},"credsStore":1}`, null, HELPER('credsStore')],
  // A key with surrounding whitespace names no registry Docker looks up (recorded with the Docker CLI 28.2.2, 2026-12-08).
  ['a key with a leading space', `{"auths":{" ${SERVER}":{"auth":"${AUTH}"}}}`, null,
    `config.json "auths" entry " ${SERVER}" names no registry (its key is empty or has surrounding whitespace, which Docker never matches): write the registry as its key, such as "ghcr.io" or "https://index.docker.io/v1/" for Docker Hub`],
  ['a key with a trailing space', `{"auths":{"${SERVER} ":{"auth":"${AUTH}"}}}`, null,
    `config.json "auths" entry "${SERVER} " names no registry (its key is empty or has surrounding whitespace, which Docker never matches): write the registry as its key, such as "ghcr.io" or "https://index.docker.io/v1/" for Docker Hub`],
  ['a key with a scheme and a last "/", which Docker reduces to the host', `{"auths":{"https://${SERVER}/":{"auth":"${AUTH}"}}}`, 'fake-user', 'accepted'],
  ['CredHelpers for the registry', `{"auths":{${entry}},"CredHelpers":{"${SERVER}":"fakehelper"}}`, null, HELPER('CredHelpers')],
  ['credhelpers alone', `{"credhelpers":{"${SERVER}":"fakehelper"}}`, null, HELPER('credhelpers')],
  ['entry fields in any case: Username and PASSWORD', `{"auths":{"${SERVER}":{"Username":"fake-user","PASSWORD":"fake-password"}}}`, 'fake-user', 'accepted'],
  ['entry field AUTH', `{"auths":{"${SERVER}":{"AUTH":"${AUTH}"}}}`, 'fake-user', 'accepted'],
  ['a later Auth replaces auth', `{"auths":{"${SERVER}":{"auth":"${AUTH}","Auth":"b3RoZXI6b3RoZXI="}}}`, 'other', 'accepted'],
  ['a broken later Auth replaces a good auth', `{"auths":{"${SERVER}":{"auth":"${AUTH}","Auth":"bm8tY29sb24="}}}`, null,
    `config.json "auths" entry "${SERVER}": "auth" is not the base64 of "username:password": encode it with "echo -n USER:PASSWORD | base64"`],
  ['a Username that disagrees with auth (Docker takes auth, we refuse the ambiguity)', `{"auths":{"${SERVER}":{"auth":"${AUTH}","Username":"someone-else"}}}`, 'fake-user',
    `config.json "auths" entry "${SERVER}": "auth" disagrees with "username"/"password": regenerate "auth" from them, or drop one of the two`],
];

function checked(config: string): string {
  try {
    checkDockerConfig(config);
    return 'accepted';
  } catch (e) {
    expect(e).toBeInstanceOf(AccessError);
    return `config.json ${(e as Error).message}`;
  }
}

/** The user name `docker login SERVER` (Docker Hub for "") authenticates with from config.json's own credentials, or null. */
function dockerLogin(config: string, server = SERVER): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'docker-config-'));
  try {
    writeFileSync(path.join(dir, 'config.json'), config);
    const run = spawnSync('docker', server === '' ? ['login'] : ['login', server], {
      encoding: 'utf8', input: '', timeout: 30_000, env: { ...process.env, DOCKER_CONFIG: dir },
    });
    return /^Authenticating with existing credentials\.\.\. \[Username: (.*)\]$/m.exec(run.stderr)?.[1] ?? null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hasDocker = /^Docker version /.test(spawnSync('docker', ['--version'], { encoding: 'utf8' }).stdout ?? '');
if (!hasDocker) {
  // eslint-disable-next-line no-console
  console.log('docker-config-json.test.ts: the docker CLI is not on PATH: the live comparisons with docker login are skipped, the recorded verdicts still run');
}

describe('checkDockerConfig reads keys as Docker does', () => {
  test.each(vectors)('%s', (_title, config, docker, ours) => {
    // GIVEN a config.json Docker reads as recorded WHEN checked THEN
    expect(checked(config)).toBe(ours);
    // A config we accept is one where Docker finds the credentials in the file.
    expect(ours === 'accepted' && docker === null).toBe(false);
  });

  (hasDocker ? test.each(vectors) : test.skip.each(vectors))('docker login on this machine reads it as recorded: %s', (_title, config, docker) => {
    expect(dockerLogin(config)).toBe(docker);
  });
});

const b64 = (text: string) => Buffer.from(text).toString('base64');
const NO_BASE64 = 'is not the base64 of "username:password": encode it with "echo -n USER:PASSWORD | base64"';

describe('checkDockerConfig: one refusal per rule', () => {
  test.each<[string, string, string]>([
    ['a byte-order mark', '\ufeff{}', 'starts with a byte-order mark, which Docker cannot read: save the file as UTF-8 without a BOM'],
    ['broken JSON', '{', 'is not valid JSON: check the file with "jq . config.json", or build it with DockerConfig.fromLogin'],
    ['an array', '[]', 'is not a JSON object: a Docker config.json is an object with an "auths" map'],
    ['null', 'null', 'is not a JSON object: a Docker config.json is an object with an "auths" map'],
    ['auths an array', '{"auths":[]}', '"auths" is not an object: it maps each registry to its credentials'],
    ['auths a string', '{"auths":"x"}', '"auths" is not an object: it maps each registry to its credentials'],
    ['the tutorial\'s layout, an entry under the key ""', `{"auths":{"":{"auth":"${b64('u:p')}"}}}`,
      '"auths" entry "" names no registry (its key is empty or has surrounding whitespace, which Docker never matches): write the registry as its key, such as "ghcr.io" or "https://index.docker.io/v1/" for Docker Hub'],
    ['auths empty', '{"auths":{}}', '"auths" is empty: log in to a registry ("docker login") or use DockerConfig.fromLogin'],
    ['an entry that is an array', '{"auths":{"r":[]}}', '"auths" entry "r" is not an object: give it "auth", or "username" and "password"'],
    ['an entry that is null', '{"auths":{"r":null}}', '"auths" entry "r" is not an object: give it "auth", or "username" and "password"'],
    ['auth a number', '{"auths":{"r":{"auth":1}}}', '"auths" entry "r": "auth" is not a string: write it as a JSON string'],
    ['an empty username', '{"auths":{"r":{"username":"","password":"p"}}}', '"auths" entry "r": "username" is empty: give a value or leave the field out'],
    ['an empty password', '{"auths":{"r":{"username":"u","password":""}}}', '"auths" entry "r": "password" is empty: give a value or leave the field out'],
    ['an empty auth', '{"auths":{"r":{"auth":""}}}', '"auths" entry "r": "auth" is empty: give a value or leave the field out'],
    ['auth that is not base64', '{"auths":{"r":{"auth":"not base64!"}}}', `"auths" entry "r": "auth" ${NO_BASE64}`],
    ['auth without a colon', `{"auths":{"r":{"auth":"${b64('nocolon')}"}}}`, `"auths" entry "r": "auth" ${NO_BASE64}`],
    ['auth without a user name', `{"auths":{"r":{"auth":"${b64(':pw')}"}}}`, `"auths" entry "r": "auth" ${NO_BASE64}`],
    ['auth without a password', `{"auths":{"r":{"auth":"${b64('u:')}"}}}`, `"auths" entry "r": "auth" ${NO_BASE64}`],
    ['auth that ends in a newline', `{"auths":{"r":{"auth":"${b64('u:p\n')}"}}}`, '"auths" entry "r": "auth" decodes to a value that ends in a newline: encode it with "echo -n", not "echo"'],
    ['a username that disagrees with auth', `{"auths":{"r":{"auth":"${b64('u:p')}","username":"v"}}}`,
      '"auths" entry "r": "auth" disagrees with "username"/"password": regenerate "auth" from them, or drop one of the two'],
    ['a password that disagrees with auth', `{"auths":{"r":{"auth":"${b64('u:p')}","password":"q"}}}`,
      '"auths" entry "r": "auth" disagrees with "username"/"password": regenerate "auth" from them, or drop one of the two'],
    ['a username alone', '{"auths":{"r":{"username":"u"}}}', '"auths" entry "r" holds no credentials: give it "auth", or "username" and "password", or an "identitytoken"'],
    ['a password alone', '{"auths":{"r":{"password":"p"}}}', '"auths" entry "r" holds no credentials: give it "auth", or "username" and "password", or an "identitytoken"'],
    ['an empty identity token', '{"auths":{"r":{"identitytoken":""}}}', '"auths" entry "r" holds no credentials: give it "auth", or "username" and "password", or an "identitytoken"'],
    ['a newline at the end of a nested value', '{"auths":{"r":{"username":"u","password":"p","email":"e\\n"}}}', '"auths"."r"."email" ends in a newline (often from "echo" without -n): remove it'],
    ['a carriage return in an array', '{"auths":{"r":{"username":"u","password":"p"}},"x":[1,"a\\r"]}', '"x"[1] ends in a newline (often from "echo" without -n): remove it'],
    // A registry written with user information holds a credential outside "auth": named, never shown.
    ['an entry whose registry holds user information', '{"auths":{"https://fake-user:fake-pass@ghcr.io":{"username":"u"}}}',
      '"auths" entry a key that holds "@" (not shown: it may hold user:password@) holds no credentials: give it "auth", or "username" and "password", or an "identitytoken"'],
    ['a newline under a key that holds user information', '{"auths":{"https://fake-user:fake-pass@ghcr.io":{"username":"u","password":"p","email":"e\\n"}}}',
      '"auths".a key that holds "@" (not shown: it may hold user:password@)."email" ends in a newline (often from "echo" without -n): remove it'],
  ])('%s', (_what, config, message) => {
    expect(checked(config)).toBe(`config.json ${message}`);
  });

  test.each<[string, string]>([
    ['auth that agrees with username and password', `{"auths":{"r":{"auth":"${b64('u:p')}","username":"u","password":"p"}}}`],
    ['auth that agrees with the username alone', `{"auths":{"r":{"auth":"${b64('u:p:q')}","username":"u"}}}`],
    ['username and password without auth', '{"auths":{"r":{"username":"u","password":"p"}}}'],
    ['an identity token alone', '{"auths":{"r":{"identitytoken":"t"}}}'],
    ['a registry token alone', '{"auths":{"r":{"registrytoken":"t"}}}'],
    ['a newline inside a value, not at its end', '{"auths":{"r":{"username":"u","password":"p","email":"a\\nb"}}}'],
  ])('accepts %s', (_what, config) => {
    expect(checked(config)).toBe('accepted');
  });

  test('JSON nested deeper than Docker reads is refused, without a stack overflow', () => {
    const deep = `{"auths":{"r":{"username":"u","password":"p"}},"x":${'['.repeat(10_001)}${']'.repeat(10_001)}}`;
    expect(checked(deep)).toBe('config.json "x" is nested more than 10000 levels deep, more than Docker\'s JSON parser reads: flatten it');
    const fine = `{"auths":{"r":{"username":"u","password":"p"}},"x":${'['.repeat(9_998)}${']'.repeat(9_998)}}`;
    expect(checked(fine)).toBe('accepted');
  });
});

describe('renderDockerLogins', () => {
  // one login is "login", one of several "login N": never by its server, which may be a token pasted in the wrong field
  const ONE = 'login';
  const USER_INFO = 'holds "@", as user information (user:password@) before a host does, which a registry address never has: '
    + 'give the registry host alone, such as "ghcr.io", and the credentials as username and password';
  test.each<[string, any[], string]>([
    ['no login', [], 'no login given: pass at least one registry login'],
    ['an empty server', [{ server: '', username: 'u', password: 'p' }], 'login: server is empty or has surrounding whitespace: give the registry host, such as "ghcr.io"'],
    ['a server with a leading space', [{ server: ' ghcr.io', username: 'u', password: 'p' }], 'login: server is empty or has surrounding whitespace: give the registry host, such as "ghcr.io"'],
    ['a server with a trailing space', [{ server: 'ghcr.io ', username: 'u', password: 'p' }], 'login: server is empty or has surrounding whitespace: give the registry host, such as "ghcr.io"'],
    ['Docker Hub twice, once by default', [{ username: 'u', password: 'p' }, { server: 'https://index.docker.io/v1/', username: 'u', password: 'p' }],
      'login 2: server is given twice, as in login 1: give each registry once'],
    ['a username with a leading space', [{ username: ' u', password: 'p' }], `${ONE}: username has leading or trailing whitespace: remove it`],
    ['a username with a trailing tab', [{ username: 'u\t', password: 'p' }], `${ONE}: username has leading or trailing whitespace: remove it`],
    ['a password with a trailing space', [{ username: 'u', password: 'p ' }], `${ONE}: password has leading or trailing whitespace: remove it`],
    ['a password with a leading space', [{ username: 'u', password: ' p' }], `${ONE}: password has leading or trailing whitespace: remove it`],
    ['a password with a newline', [{ username: 'u', password: 'p\n' }], `${ONE}: password contains a line break (often from "echo" without -n or a file's last newline): remove it`],
    ['a password with a carriage return inside', [{ username: 'u', password: 'p\rq' }], `${ONE}: password contains a line break (often from "echo" without -n or a file's last newline): remove it`],
    ['a password with a control character', [{ username: 'u', password: 'p\u0001' }], `${ONE}: password contains a control character: check what was pasted`],
    ['a password with half a surrogate pair', [{ username: 'u', password: 'p\ud800' }], `${ONE}: password is not valid Unicode (it holds half of a UTF-16 surrogate pair): remove the broken character`],
    ['a username with a colon', [{ username: 'u:v', password: 'p' }], `${ONE}: username contains ":", which Docker cannot tell apart from the password in "auth": use a user name without ":"`],
    ['an empty password', [{ username: 'u', password: '' }], `${ONE}: password is empty: give a non-empty password`],
    ['an empty username', [{ username: '', password: 'p' }], `${ONE}: username is empty: give a non-empty username`],
    ['an email with a leading space', [{ username: 'u', password: 'p', email: ' e' }], `${ONE}: email has leading or trailing whitespace: remove it`],
    ['the second of two logins', [{ server: 'ghcr.io', username: 'u', password: 'p' }, { server: 'quay.io', username: 'u', password: '' }],
      'login 2: password is empty: give a non-empty password'],
    ['a token pasted as the server, the password left empty', [{ server: 'ghp_FAKEFAKEFAKEFAKEFAKE0000', username: 'u', password: '' }],
      'login: password is empty: give a non-empty password'],
    ['the second of two, a token pasted as its server', [{ server: 'ghcr.io', username: 'u', password: 'p' }, { server: 'ghp_FAKEFAKEFAKEFAKEFAKE0000', username: 'u:v', password: 'p' }],
      'login 2: username contains ":", which Docker cannot tell apart from the password in "auth": use a user name without ":"'],
    ['a server with user information', [{ server: 'https://fake-user:fake-pass@ghcr.io', username: 'u', password: 'p' }], `login: server ${USER_INFO}`],
    ['the second of two, a server with "@"', [{ server: 'ghcr.io', username: 'u', password: 'p' }, { server: 'fake-token@quay.io', username: 'u', password: 'p' }],
      `login 2: server ${USER_INFO}`],
  ])('refuses %s', (_what, logins, message) => {
    expect(() => renderDockerLogins(logins)).toThrow(new AccessError(message));
  });

  test('writes the keys in kubectl\'s order, the email only when given, and escapes as Go does', () => {
    expect(renderDockerLogins([{ username: 'u', password: 'a<b>&c', email: 'e@x' }, { server: 'ghcr.io', username: 'v', password: 'q' }]))
      .toBe('{"auths":{"https://index.docker.io/v1/":{"username":"u","password":"a\\u003cb\\u003e\\u0026c","email":"e@x","auth":"dTphPGI+JmM="},'
        + '"ghcr.io":{"username":"v","password":"q","auth":"djpx"}}}');
  });

  describe('Docker Hub by another name than https://index.docker.io/v1/', () => {
    const HUB_ALIAS = 'login: server names Docker Hub otherwise than "https://index.docker.io/v1/", the one key Docker and go-containerregistry tools (kaniko, crane) look up '
      + 'for a Docker Hub image, so the notebook\'s tools would pull from Docker Hub without the login: leave server out, or give "https://index.docker.io/v1/"';
    /**
     * Whether `docker login` (Docker Hub, no server given) finds the file's credentials under each key, recorded with the
     * Docker CLI 28.2.2 on this machine (2026-12-08; DOCKER_CONFIG set, no terminal): only the canonical key is read.
     */
    const HUB_KEYS: [key: string, docker: string | null][] = [
      ['https://index.docker.io/v1/', 'fake-user'],
      ['docker.io', null],
      ['index.docker.io', null],
      ['registry-1.docker.io', null],
      ['https://index.docker.io/v2/', null],
      ['https://index.docker.io/v1', null],
      ['https://index.docker.io', null],
      ['http://docker.io', null],
    ];

    test.each(HUB_KEYS)('%s: refused exactly when docker finds no credentials under it', (server, docker) => {
      // GIVEN a login to Docker Hub under that key WHEN it is rendered THEN it is refused unless Docker reads the key
      if (docker === null) {
        expect(() => renderDockerLogins([{ server, username: 'fake-user', password: 'fake-password' }])).toThrow(new AccessError(HUB_ALIAS));
      } else {
        expect(JSON.parse(renderDockerLogins([{ server, username: 'fake-user', password: 'fake-password' }])).auths[server].username).toBe(docker);
      }
    });

    (hasDocker ? test.each(HUB_KEYS) : test.skip.each(HUB_KEYS))('docker login on this machine reads Docker Hub\'s key %s as recorded', (server, docker) => {
      const config = JSON.stringify({ auths: { [server]: { auth: AUTH } } });
      expect(dockerLogin(config, '')).toBe(docker);
    });

    test.each(['https://registry-1.docker.io/', 'Docker.IO'])('%s is refused too', server => {
      expect(() => renderDockerLogins([{ server, username: 'fake-user', password: 'fake-password' }])).toThrow(new AccessError(HUB_ALIAS));
    });

    test('a registry whose name only begins like Docker Hub\'s is taken', () => {
      expect(Object.keys(JSON.parse(renderDockerLogins([{ server: 'docker.io.example.com', username: 'u', password: 'p' }])).auths)).toEqual(['docker.io.example.com']);
    });
  });

  test('a server named __proto__ is a registry like any other', () => {
    expect(renderDockerLogins([{ server: '__proto__', username: 'u', password: 'p' }]))
      .toBe('{"auths":{"__proto__":{"username":"u","password":"p","auth":"dTpw"}}}');
  });
});
