// Docker's config.json: rendering it as kubectl does, and checking that one grants registry access
// inside a pod. Free of constructs; every message names registries and fields, never a credential.
import { GO_JSON_MAX_DEPTH, isPlainObject, typeName } from '../json';
import { decodeBase64, encodeBase64 } from './base64';
import { AccessError, valueError } from '../errors';
import { hasControlCharacter, hasLoneSurrogate, quote } from '../names';

/** kubectl's default registry, also Docker Hub's key in config.json. */
export const DOCKER_HUB = 'https://index.docker.io/v1/';

/**
 * A login to one registry, as `docker login` or `kubectl create secret docker-registry` takes it.
 */
export interface DockerLogin {
  /**
   * The registry, as it appears in config.json's `auths`.
   * @default 'https://index.docker.io/v1/'
   */
  readonly server?: string;
  /** The user name. */
  readonly username: string;
  /** The password or access token. */
  readonly password: string;
  /**
   * An e-mail address, kept for older tools.
   * @default - no `email` field
   */
  readonly email?: string;
}

/**
 * Renders config.json exactly as `kubectl create secret docker-registry` writes `.dockerconfigjson`:
 * compact JSON, keys `username`, `password`, `email` (only when given), `auth`, no trailing newline.
 */
export function renderDockerLogins(logins: readonly DockerLogin[]): string {
  if (logins.length === 0) { throw new AccessError('no login given: pass at least one registry login'); }
  // Without a prototype, a server named "__proto__" is a key like any other, not the object's prototype.
  const auths: Record<string, object> = Object.create(null);
  const positions = new Map<string, number>();
  logins.forEach((login, i) => {
    const server = login.server ?? DOCKER_HUB;
    // A login is named by its position, never by its server: a server that passes as an address may still
    // be a token pasted in the wrong field, and the messages below refuse the login it is part of.
    const where = logins.length > 1 ? `login ${i + 1}` : 'login';
    if (typeof server !== 'string') {
      throw valueError('server', `${where}: server is ${typeName(server)}, not a string: give the registry host, such as "ghcr.io"`);
    }
    const serverProblem = registryServerProblem(server);
    if (serverProblem !== undefined) {
      throw valueError('server', `${where}: server ${serverProblem}`);
    }
    if (server.trim() === '' || server !== server.trim()) {
      throw valueError('server', `${where}: server is empty or has surrounding whitespace: give the registry host, such as "ghcr.io"`);
    }
    const first = positions.get(server);
    if (first !== undefined) {
      throw valueError('server', `${where}: server is given twice, as in login ${first}: give each registry once`);
    }
    positions.set(server, i + 1);
    checkLoginValue(where, 'username', login.username);
    checkLoginValue(where, 'password', login.password);
    if (login.username.includes(':')) {
      throw valueError('username', `${where}: username contains ":", which Docker cannot tell apart from the password in "auth": use a user name without ":"`);
    }
    if (login.email !== undefined) { checkLoginValue(where, 'email', login.email); }
    // In kubectl's key order; `email` only when given.
    const entry: Record<string, string> = { username: login.username, password: login.password };
    if (login.email !== undefined) { entry.email = login.email; }
    entry.auth = encodeBase64(`${login.username}:${login.password}`);
    auths[server] = entry;
  });
  return goJson({ auths });
}

/**
 * Why `server`, a registry address given for a login, cannot be one, or `undefined`: an address holding
 * `@` carries user information (`https://user:password@ghcr.io`), a credential outside the password,
 * which messages would repeat and a secret store's template would write into the ExternalSecret.
 */
export function registryServerProblem(server: string): string | undefined {
  if (server.includes('@')) {
    return 'holds "@", as user information (user:password@) before a host does, which a registry address never has: give the registry host alone, such as "ghcr.io", and the credentials as username and password';
  }
  if (server !== DOCKER_HUB && DOCKER_HUB_ALIAS.test(server)) {
    return `names Docker Hub otherwise than ${quote(DOCKER_HUB)}, the one key Docker and go-containerregistry tools (kaniko, crane) look up for a Docker Hub image, `
      + `so the notebook's tools would pull from Docker Hub without the login: leave server out, or give ${quote(DOCKER_HUB)}`;
  }
  return undefined;
}

/**
 * Docker Hub by another name than DOCKER_HUB: its hosts, with or without a scheme, a `/v1/` or `/v2/` path
 * and the last `/`. For a Docker Hub image the Docker CLI asks its credential store for DOCKER_HUB exactly,
 * and a config.json key matches only when equal to it or, as a host, to the host asked for (docker/cli
 * `cli/config/credentials/file_store.go`, `Get`; verdicts recorded with the Docker CLI 28.2.2 in
 * test/sources/docker-config-json.test.ts); go-containerregistry asks for `authn.DefaultAuthKey`, the same
 * string, for `index.docker.io` (`pkg/authn/keychain.go`, `defaultKeychain.Resolve`).
 */
const DOCKER_HUB_ALIAS = /^(https?:\/\/)?(docker\.io|index\.docker\.io|registry-1\.docker\.io)(\/v[12])?\/?$/i;

/** A key of config.json as messages name it: quoted, unless it holds "@", as `https://user:password@host` does. */
function keyLabel(key: string): string {
  return key.includes('@') ? 'a key that holds "@" (not shown: it may hold user:password@)' : quote(key);
}

function checkLoginValue(where: string, field: string, value: string): void {
  if (value === undefined) {
    throw valueError(field, `${where}: ${field} is missing: give the ${field}`);
  }
  if (typeof value !== 'string') {
    throw valueError(field, `${where}: ${field} is ${typeName(value)}, not a string: give the ${field} as text`);
  }
  if (value === '') {
    throw valueError(field, `${where}: ${field} is empty: give a non-empty ${field}`);
  }
  if (/[\r\n]/.test(value)) {
    throw valueError(field, `${where}: ${field} contains a line break (often from "echo" without -n or a file's last newline): remove it`);
  }
  if (value !== value.trim()) {
    throw valueError(field, `${where}: ${field} has leading or trailing whitespace: remove it`);
  }
  if (hasControlCharacter(value)) {
    throw valueError(field, `${where}: ${field} contains a control character: check what was pasted`);
  }
  if (hasLoneSurrogate(value)) {
    throw valueError(field, `${where}: ${field} is not valid Unicode (it holds half of a UTF-16 surrogate pair): remove the broken character`);
  }
}

/** JSON as Go's encoding/json writes it, which escapes <, >, & and the JavaScript line separators. */
export function goJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Checks that a config.json gives a pod access to at least one registry, and nothing in it is a trap.
 * Throws an AccessError that names the registry and field at fault, never a value.
 */
export function checkDockerConfig(text: string): void {
  if (text.charCodeAt(0) === 0xfeff) {
    throw new AccessError('starts with a byte-order mark, which Docker cannot read: save the file as UTF-8 without a BOM');
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the input, which may be a credential.
    throw new AccessError('is not valid JSON: check the file with "jq . config.json", or build it with DockerConfig.fromLogin');
  }
  if (!isPlainObject(config)) {
    throw new AccessError('is not a JSON object: a Docker config.json is an object with an "auths" map');
  }
  const helper = credentialHelperKey(config);
  if (helper !== undefined) {
    throw new AccessError(`keeps its credentials in a credential helper (${quote(helper)}), which grants nothing inside a pod: ` +
      'use DockerConfig.fromLogin, or run "docker login" with credential helpers turned off and use the config.json it writes');
  }
  const auths = goMapField(config, 'auths');
  if (auths === undefined) {
    throw new AccessError('has no "auths": log in to a registry ("docker login") or use DockerConfig.fromLogin');
  }
  if (!isPlainObject(auths)) {
    throw new AccessError('"auths" is not an object: it maps each registry to its credentials');
  }
  const servers = Object.keys(auths);
  if (servers.length === 0) {
    throw new AccessError('"auths" is empty: log in to a registry ("docker login") or use DockerConfig.fromLogin');
  }
  for (const server of servers) {
    // The tutorial's layout shows the key as "": Docker looks a registry up by its name, the exact key or one
    // that names the same host (docker/cli `file_store.go`, `Get`), and the kubelet parses the key as a URL.
    if (server.trim() === '' || server !== server.trim()) {
      throw new AccessError(`"auths" entry ${keyLabel(server)} names no registry (its key is empty or has surrounding whitespace, which Docker never matches): `
        + 'write the registry as its key, such as "ghcr.io" or "https://index.docker.io/v1/" for Docker Hub');
    }
    checkAuthEntry(server, auths[server]);
  }
  for (const key of Object.keys(config)) { checkNoTrailingNewline(config[key], keyLabel(key)); }
}

function checkAuthEntry(server: string, entry: unknown): void {
  const where = `"auths" entry ${keyLabel(server)}`;
  if (!isPlainObject(entry)) {
    throw new AccessError(`${where} is not an object: give it "auth", or "username" and "password"`);
  }
  const fields: Record<string, string | undefined> = {};
  for (const field of ['auth', 'username', 'password', 'identitytoken', 'registrytoken', 'email']) {
    const value = goField(entry, field);
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw new AccessError(`${where}: "${field}" is not a string: write it as a JSON string`);
    }
    fields[field] = value ?? undefined;
  }
  const { auth, username, password, identitytoken, registrytoken } = fields;
  for (const [field, value] of [['username', username], ['password', password], ['auth', auth]] as const) {
    if (value === '') { throw new AccessError(`${where}: "${field}" is empty: give a value or leave the field out`); }
  }
  if (auth !== undefined) {
    const decoded = decodeBase64(auth);
    const colon = decoded?.indexOf(':') ?? -1;
    if (decoded === undefined || colon < 1 || colon === decoded.length - 1) {
      throw new AccessError(`${where}: "auth" is not the base64 of "username:password": encode it with "echo -n USER:PASSWORD | base64"`);
    }
    if (/[\r\n]$/.test(decoded)) {
      throw new AccessError(`${where}: "auth" decodes to a value that ends in a newline: encode it with "echo -n", not "echo"`);
    }
    const agrees = (username === undefined || username === decoded.slice(0, colon))
      && (password === undefined || password === decoded.slice(colon + 1));
    if (!agrees) {
      throw new AccessError(`${where}: "auth" disagrees with "username"/"password": regenerate "auth" from them, or drop one of the two`);
    }
    return;
  }
  if (username !== undefined && password !== undefined) { return; }
  if (identitytoken || registrytoken) { return; }
  throw new AccessError(`${where} holds no credentials: give it "auth", or "username" and "password", or an "identitytoken"`);
}

/**
 * The first key of `config` that names a credential helper Docker would ask instead of `auths`, or
 * undefined when none does. A helper named "" (or null) is none: Docker asks the helper
 * `getConfiguredCredentialStore` returns only when it is not empty, and reads `auths` otherwise (docker/cli
 * `cli/config/configfile/file.go`, `GetCredentialsStore`; commit d7bb41fc). So `"credsStore": ""` and an empty
 * `credHelpers` leave the file's credentials in use. A value Go cannot
 * decode into the field (a number) makes Docker drop the whole file, and is refused too.
 */
function credentialHelperKey(config: Record<string, unknown>): string | undefined {
  const store = goField(config, 'credsstore');
  const helpers = goMapField(config, 'credhelpers');
  const storeInTheWay = store !== undefined && store !== '';
  const helpersInTheWay = helpers !== undefined
    && (!isPlainObject(helpers) || Object.values(helpers).some(helper => helper !== '' && helper !== null));
  return Object.keys(config).find(key => (storeInTheWay && goFold(key) === 'credsstore') || (helpersInTheWay && goFold(key) === 'credhelpers'));
}

// Docker decodes config.json with Go's encoding/json, which gives a struct field the value of every
// key that equals its name up to ASCII case ("Auths", "credsstore"), in the order of the keys: a
// later string replaces an earlier one, a later object is merged into an earlier one, null clears.

/**
 * A key as Go's encoding/json compares it with a field name (its foldName: upper(lower(rune))), in
 * lower case. Beyond ASCII, four runes fold to ASCII letters: the long s, the Kelvin sign, and the
 * dotted and dotless capital and small i.
 */
function goFold(key: string): string {
  return key.replace(/[A-Z\u017f\u212a\u0130\u0131]/g, c => GO_FOLD_TO_ASCII[c] ?? c.toLowerCase());
}

const GO_FOLD_TO_ASCII: Record<string, string> = { '\u017f': 's', '\u212a': 'k', '\u0130': 'i', '\u0131': 'i' };

/** The value Go decodes into the string field `name` (lower case): the last matching key's. */
function goField(object: Record<string, unknown>, name: string): unknown {
  let value: unknown;
  for (const key of Object.keys(object)) {
    if (goFold(key) === name && object[key] !== null) { value = object[key]; }
  }
  return value;
}

/**
 * The map Go decodes into the map field `name` (lower case): the matching objects merged in order,
 * undefined when there is none or the last null clears it.
 */
function goMapField(object: Record<string, unknown>, name: string): unknown {
  let merged: Record<string, unknown> | undefined;
  for (const key of Object.keys(object)) {
    if (goFold(key) !== name) { continue; }
    const value = object[key];
    if (value === null) {
      merged = undefined;
    } else if (!isPlainObject(value)) {
      return value;
    } else {
      merged = Object.assign(merged ?? Object.create(null), value);
    }
  }
  return merged;
}


// A walk with its own stack, not recursion: JSON.parse reads any depth, and a deeply nested config
// must end in an AccessError, not a stack overflow. The path is built only for the value at fault.
function checkNoTrailingNewline(root: unknown, rootWhere: string): void {
  interface Node { readonly value: unknown; readonly step: string; readonly parent?: Node; readonly depth: number }
  const where = (node: Node) => {
    const steps: string[] = [];
    for (let n: Node | undefined = node; n !== undefined; n = n.parent) { steps.push(n.step); }
    return steps.reverse().join('');
  };
  // The config object itself is the first level; its values are the second.
  const pending: Node[] = [{ value: root, step: rootWhere, depth: 2 }];
  while (pending.length > 0) {
    const node = pending.pop()!;
    const value = node.value;
    if (typeof value === 'string') {
      if (/[\r\n]$/.test(value)) {
        throw new AccessError(`${where(node)} ends in a newline (often from "echo" without -n): remove it`);
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) { continue; }
    if (node.depth > GO_JSON_MAX_DEPTH) {
      throw new AccessError(`${rootWhere} is nested more than ${GO_JSON_MAX_DEPTH} levels deep, more than Docker's JSON parser reads: flatten it`);
    }
    const children: Node[] = Array.isArray(value)
      ? value.map((item, i) => ({ value: item, step: `[${i}]`, parent: node, depth: node.depth + 1 }))
      : Object.keys(value).map(key => ({ value: (value as Record<string, unknown>)[key], step: `.${keyLabel(key)}`, parent: node, depth: node.depth + 1 }));
    // A loop, not push(...children): spreading a long array overflows the stack too.
    for (let i = children.length - 1; i >= 0; i--) { pending.push(children[i]); }
  }
}

