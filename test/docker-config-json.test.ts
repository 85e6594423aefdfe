import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { AccessError } from '../lib';
import { checkDockerConfig } from '../lib/docker-config-json';

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

/** The user name `docker login` authenticates with from config.json's own credentials, or null. */
function dockerLogin(config: string): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'docker-config-'));
  try {
    writeFileSync(path.join(dir, 'config.json'), config);
    const run = spawnSync('docker', ['login', SERVER], {
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
