// An AWS credentials file as botocore reads it in a notebook, for the check: which profiles give keys,
// and where AWS_SHARED_CREDENTIALS_FILE points. Unlike parseCredentialsIni, which refuses whatever a user
// may have meant otherwise (the library writes the file), this takes all that botocore takes, and nothing
// else: a file mounted from a Secret the app holds is judged as the SDK in the pod will read it.
//
// botocore 1.43.11 `credentials.py` `SharedCredentialProvider.load` reads the file with
// `configloader.py` `raw_config_parse`, which opens it as text (the locale's encoding, UTF-8 in Kubeflow's
// images; universal newlines) into a `configparser.RawConfigParser()` of default options (CPython 3.11.7
// `Lib/configparser.py` `RawConfigParser._read`), and then reads each value that starts with a line break
// as `key = value` lines (`_parse_nested`). Any error there is a `ConfigParseError` that botocore raises
// whenever it loads the file (Session.full_config reads it too): loud, never a silent choice. Compared with
// botocore itself in test/sources/botocore-credentials-file.test.ts.
import { INDENT, pyRstrip, pyStrip } from './aws-credentials-ini';

/** configparser's defaults section: every section inherits its keys; it is no section itself. */
const DEFAULTS = 'DEFAULT';
const ACCESS_KEY_ID = 'aws_access_key_id';
const SECRET_ACCESS_KEY = 'aws_secret_access_key';
const ROLE_ARN = 'role_arn';
const WEB_IDENTITY_TOKEN_FILE = 'web_identity_token_file';
const SOURCE_PROFILE = 'source_profile';
const CREDENTIAL_SOURCE = 'credential_source';
const CREDENTIAL_PROCESS = 'credential_process';
const LOGIN_SESSION = 'login_session';
const SSO_SESSION = 'sso_session';
const SSO_ROLE_NAME = 'sso_role_name';
const SSO_ACCOUNT_ID = 'sso_account_id';
/** SSOProvider._ALL_REQUIRED_CONFIG_VARS. */
const SSO_REQUIRED = [SSO_ROLE_NAME, SSO_ACCOUNT_ID, 'sso_start_url', 'sso_region'];

/** configparser's `SECTCRE` (`\[(?P<header>.+)\]`, matched at the start): `.` is any but `\n`, and backtracks to the last `]`. */
const SECTION_HEADER = /^\[([^\n]+)\]/;
/** Python's `str.splitlines()` boundaries, which `_parse_nested` splits a value by. */
const PY_LINE_BREAK = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;

/** The sections of a credentials file, each with the names of its options (its own and those of `[DEFAULT]`), as `raw_config_parse` gives them. */
export type BotocoreSections = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * The sections botocore reads from a credentials file, each with its option names, lower case (configparser's
 * `optionxform`) and with those of `[DEFAULT]`; `undefined` when botocore raises `ConfigParseError` for it
 * (a line before any header, a section or an option twice, a line that is no header, option or comment, a
 * UTF-8 byte-order mark, which is no whitespace to Python, or a value on indented lines that are no `key = value`).
 */
export function botocoreSections(text: string): BotocoreSections | undefined {
  const read = botocoreValues(text);
  if (read === undefined) { return undefined; }
  return new Map([...read].map(([name, options]) => [name, new Set(options.keys())]));
}

/** The sections of `botocoreSections`, with the value of each option (configparser's: its lines joined by `\n`). */
function botocoreValues(text: string): ReadonlyMap<string, ReadonlyMap<string, string>> | undefined {
  const sections = new Map<string, Map<string, string[]>>();
  const defaults = new Map<string, string[]>();
  let current: Map<string, string[]> | undefined;
  let option: string | undefined;
  let indentLevel = 0;
  // Python's text mode reads `\r\n`, `\r` and `\n` as line ends, and nothing else.
  for (const line of text.split(/\r\n|\r|\n/)) {
    const value = pyStrip(line);
    if (value.startsWith('#') || value.startsWith(';')) { continue; }
    // A blank line does not end the value being read (empty_lines_in_values): a line indented further after it
    // continues it. The empty line it adds to the value changes neither its first line nor its `=` signs.
    if (value === '') { continue; }
    const indent = INDENT.exec(line)![0].length;
    if (current !== undefined && option !== undefined && indent > indentLevel) {
      current.get(option)!.push(value);
      continue;
    }
    indentLevel = indent;
    const header = SECTION_HEADER.exec(value);
    if (header !== null) {
      const name = header[1];
      if (sections.has(name)) { return undefined; }
      if (name === DEFAULTS) {
        current = defaults;
      } else {
        current = new Map();
        sections.set(name, current);
      }
      option = undefined;
      continue;
    }
    if (current === undefined) { return undefined; }
    // `(?P<option>.*?)\s*(?P<vi>=|:)\s*(?P<value>.*)$`: the first `=` or `:` separates; an empty option is an error.
    const delimiter = value.search(/[=:]/);
    if (delimiter <= 0) { return undefined; }
    option = pyRstrip(value.slice(0, delimiter)).toLowerCase();
    if (current.has(option)) { return undefined; }
    current.set(option, [pyStrip(value.slice(delimiter + 1))]);
  }
  const readable = (lines: string[]) => nestedReadable(pyRstrip(lines.join('\n')));
  // Each value of [DEFAULT] is judged once: botocore reads it in every section that does not set its key (and raises
  // only then), but configparser joins it once. Joining it again for each section took time quadratic in the file.
  const unreadableDefaults = [...defaults].filter(([, lines]) => !readable(lines)).map(([key]) => key);
  const defaultValues: ReadonlyMap<string, string> = new Map([...defaults].map(([key, lines]) => [key, pyRstrip(lines.join('\n'))]));
  const read = new Map<string, ReadonlyMap<string, string>>();
  for (const [name, own] of sections) {
    for (const lines of own.values()) {
      if (!readable(lines)) { return undefined; }
    }
    if (unreadableDefaults.some(key => !own.has(key))) { return undefined; }
    const options = new Map<string, string>();
    own.forEach((lines, key) => options.set(key, pyRstrip(lines.join('\n'))));
    // [DEFAULT]'s values are shared, not copied into each section: copying them took time and memory quadratic in
    // the file (a [DEFAULT] of 4000 options over 4000 sections, 70 KB, was 16 million entries, 1.6 s and 570 MB).
    read.set(name, defaultValues.size === 0 ? options : new WithDefaults(options, defaultValues));
  }
  return read;
}

/**
 * A section's options as `cp.options(section)` and `cp.get` read them (CPython 3.11.7 `Lib/configparser.py`
 * `RawConfigParser.options`, `get`): its own, then those of `[DEFAULT]` it does not set. A view over both maps.
 */
class WithDefaults implements ReadonlyMap<string, string> {
  public constructor(private readonly own: ReadonlyMap<string, string>, private readonly defaults: ReadonlyMap<string, string>) {}

  public get size(): number {
    let size = this.own.size;
    for (const key of this.defaults.keys()) {
      if (!this.own.has(key)) { size++; }
    }
    return size;
  }

  public get(key: string): string | undefined {
    return this.own.has(key) ? this.own.get(key) : this.defaults.get(key);
  }

  public has(key: string): boolean {
    return this.own.has(key) || this.defaults.has(key);
  }

  public forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void): void {
    for (const [key, value] of this.entries()) { callback(value, key, this); }
  }

  public* entries(): MapIterator<[string, string]> {
    yield* this.own.entries();
    for (const entry of this.defaults.entries()) {
      if (!this.own.has(entry[0])) { yield entry; }
    }
  }

  public* keys(): MapIterator<string> {
    for (const [key] of this.entries()) { yield key; }
  }

  public* values(): MapIterator<string> {
    for (const [, value] of this.entries()) { yield value; }
  }

  public [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
}

/** `raw_config_parse` reads a value that starts with a line break as `key = value` lines; one without `=` raises ValueError, a ConfigParseError. */
function nestedReadable(value: string): boolean {
  if (!value.startsWith('\n')) { return true; }
  return value.split(PY_LINE_BREAK).every(l => pyStrip(l) === '' || l.includes('='));
}

/**
 * The profiles of a credentials file for which `SharedCredentialProvider.load` returns credentials: those
 * with `aws_access_key_id` and `aws_secret_access_key` (with the access key alone it raises
 * PartialCredentialsError). None when botocore raises for the file.
 */
export function botocoreProfilesWithKeys(text: string): ReadonlySet<string> {
  const sections = botocoreValues(text);
  const profiles = new Set<string>();
  sections?.forEach((options, name) => {
    if (options.has(ACCESS_KEY_ID) && options.has(SECRET_ACCESS_KEY)) { profiles.add(name); }
  });
  return profiles;
}

/** Which of botocore's providers a profile of the credentials and config files gives credentials by, the first in botocore's order. */
export type BotocoreProfileProvider = 'assume-role' | 'web-identity' | 'sso' | 'shared-credentials-file' | 'custom-process' | 'config-file';

/** The two files botocore reads profiles from: `credentials` (AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials), `config` (AWS_CONFIG_FILE or ~/.aws/config). */
export type BotocoreFileRole = 'credentials' | 'config';

/** One AWS file as botocore reads it: its profiles with their options, and, of a config file, its `[sso-session NAME]` sections. */
export interface BotocoreFile {
  readonly as: BotocoreFileRole;
  readonly profiles: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly ssoSessions: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Whether some profile has `role_arn` without `web_identity_token_file`: one AssumeRoleProvider may take, with a source in this file or the other. */
  readonly hasRole: boolean;
  /** Whether botocore raises ConfigParseError reading it: it does so whenever it reads the profiles, of either file. */
  readonly raises: boolean;
}

const NO_OPTIONS: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map();

/**
 * An AWS file read as `as`: a credentials file's sections are its profiles (`raw_config_parse`); a config file's are
 * `[default]` and `[profile NAME]`, its `[sso-session NAME]` sections apart (`build_profile_map`). No profile when
 * botocore raises for the file.
 */
export function botocoreFile(text: string, as: BotocoreFileRole): BotocoreFile {
  const read = botocoreValues(text);
  const sections = read ?? NO_OPTIONS;
  const profiles = as === 'credentials' ? sections : namedSections(sections, 'profile', 'default');
  const ssoSessions = as === 'credentials' ? NO_OPTIONS : namedSections(sections, 'sso-session');
  let hasRole = false;
  profiles.forEach(options => { hasRole ||= options.has(ROLE_ARN) && !options.has(WEB_IDENTITY_TOKEN_FILE); });
  return { as, profiles, ssoSessions, hasRole, raises: read === undefined };
}

/** A profile's credential: the provider that gives it, and the file whose option decides it (the credentials file's, when both set it). */
export interface BotocoreProfileCredential {
  readonly provider: BotocoreProfileProvider;
  readonly from: BotocoreFileRole;
}

/**
 * The profiles of the credentials and config files one SDK reads together for which one of botocore's profile
 * providers returns credentials, each with the first one in botocore's order (botocore 1.43.11 `credentials.py`
 * `create_credential_resolver`: assume-role, then after the env's web identity: a profile's web identity, sso,
 * shared-credentials-file, login, custom-process, config-file). The providers that read `Session.full_config` see
 * the profiles of both files merged, the credentials file's options over the config file's (`session.py`
 * `full_config`); the shared-credentials-file and config-file providers each read their own file. A profile for
 * which botocore raises first is left out: loud, never a silent choice; all are when it raises for either file (a
 * ConfigParseError, beside a web identity too). Time linear in the files: a chain of roles is followed once from
 * each profile (see `RoleChains`).
 */
export function botocoreProviders(credentials: BotocoreFile | undefined, config: BotocoreFile | undefined): ReadonlyMap<string, BotocoreProfileCredential> {
  if (credentials?.raises || config?.raises) { return new Map(); }
  const merged = new MergedProfiles(credentials, config);
  const chains = new RoleChains(merged);
  const found = new Map<string, BotocoreProfileCredential>();
  for (const name of merged.names()) {
    const credential = firstProvider(name, merged, chains);
    if (credential !== undefined) { found.set(name, credential); }
  }
  return found;
}

/** The profiles of both files as `Session.full_config` merges them, without copying them: an option of the credentials file's profile, else of the config file's. */
class MergedProfiles {
  private readonly credentials: ReadonlyMap<string, ReadonlyMap<string, string>>;
  private readonly config: ReadonlyMap<string, ReadonlyMap<string, string>>;
  public constructor(credentialsFile: BotocoreFile | undefined, private readonly configFile: BotocoreFile | undefined) {
    this.credentials = credentialsFile?.profiles ?? NO_OPTIONS;
    this.config = configFile?.profiles ?? NO_OPTIONS;
  }

  public names(): Set<string> {
    return new Set([...this.config.keys(), ...this.credentials.keys()]);
  }

  public exists(name: string): boolean {
    return this.credentials.has(name) || this.config.has(name);
  }

  public get(name: string, option: string): string | undefined {
    return this.credentials.get(name)?.get(option) ?? this.config.get(name)?.get(option);
  }

  public has(name: string, option: string): boolean {
    return this.get(name, option) !== undefined;
  }

  /** The file whose `option` of the profile `name` botocore reads: the credentials file's over the config file's. */
  public from(name: string, option: string): BotocoreFileRole {
    return this.credentials.get(name)?.has(option) ? 'credentials' : 'config';
  }

  /** An option of one file alone, as SharedCredentialProvider (the credentials file) and ConfigProvider (the config file) read it. */
  public own(file: BotocoreFileRole, name: string, option: string): boolean {
    return (file === 'credentials' ? this.credentials : this.config).get(name)?.has(option) ?? false;
  }

  public ssoSession(name: string): ReadonlyMap<string, string> | undefined {
    return this.configFile?.ssoSessions.get(name);
  }
}

/**
 * The first provider of botocore's chain for the profile `name` (the env's own providers aside), or undefined when
 * none gives credentials or one raises first. The env's web identity comes after assume-role and before the rest,
 * which cloud-identity's pairs say; a profile's own web identity reads the env's AWS_ROLE_ARN and
 * AWS_WEB_IDENTITY_TOKEN_FILE over its own (`AssumeRoleWithWebIdentityProvider._get_config`), so beside the env's it
 * is the env's identity that is used.
 */
function firstProvider(name: string, merged: MergedProfiles, chains: RoleChains): BotocoreProfileCredential | undefined {
  // AssumeRoleProvider.load: role_arn and no web_identity_token_file (that profile is the web identity's).
  if (isRole(merged, name)) { return chains.topResolves(name) ? { provider: 'assume-role', from: merged.from(name, ROLE_ARN) } : undefined; }
  // AssumeRoleWithWebIdentityProvider from the profile: without a role_arn (here or AWS_ROLE_ARN) it raises.
  if (merged.has(name, WEB_IDENTITY_TOKEN_FILE)) { return merged.has(name, ROLE_ARN) ? { provider: 'web-identity', from: merged.from(name, WEB_IDENTITY_TOKEN_FILE) } : undefined; }
  const sso = ssoProfile(merged, name);
  if (sso !== 'none') { return sso === 'valid' ? { provider: 'sso', from: merged.from(name, SSO_ROLE_NAME) } : undefined; }
  // SharedCredentialProvider: the credentials file's own profile; an access key without its secret raises.
  if (merged.own('credentials', name, ACCESS_KEY_ID)) { return merged.own('credentials', name, SECRET_ACCESS_KEY) ? { provider: 'shared-credentials-file', from: 'credentials' } : undefined; }
  // LoginProvider: raises without botocore[crt], else reads a login cache the check does not know; not followed.
  if (merged.has(name, LOGIN_SESSION)) { return undefined; }
  // ProcessProvider (full_config) runs the process, and raises when it fails.
  if (merged.has(name, CREDENTIAL_PROCESS)) { return { provider: 'custom-process', from: merged.from(name, CREDENTIAL_PROCESS) }; }
  // ConfigProvider: the config file's own profile.
  if (merged.own('config', name, ACCESS_KEY_ID)) { return merged.own('config', name, SECRET_ACCESS_KEY) ? { provider: 'config-file', from: 'config' } : undefined; }
  return undefined;
}

/** AssumeRoleProvider._has_assume_role_config_vars. */
function isRole(merged: MergedProfiles, name: string): boolean {
  return merged.has(name, ROLE_ARN) && !merged.has(name, WEB_IDENTITY_TOKEN_FILE);
}

/** AssumeRoleProvider._has_static_credentials: either key. */
function hasStaticKey(merged: MergedProfiles, name: string): boolean {
  return merged.has(name, ACCESS_KEY_ID) || merged.has(name, SECRET_ACCESS_KEY);
}

/**
 * SSOProvider._load_sso_config for the profile: `none` without `sso_role_name` and `sso_account_id`; else `valid`
 * when the profile, with the `[sso-session NAME]` its `sso_session` names (which must exist and agree with it),
 * sets `sso_start_url`, `sso_region`, `sso_account_id` and `sso_role_name`; `raises` otherwise (InvalidConfigError).
 * A valid one gives deferred credentials; the token is read only when they are used.
 */
function ssoProfile(merged: MergedProfiles, name: string): 'none' | 'valid' | 'raises' {
  if (!merged.has(name, SSO_ROLE_NAME) && !merged.has(name, SSO_ACCOUNT_ID)) { return 'none'; }
  const sessionName = merged.get(name, SSO_SESSION);
  const session = sessionName === undefined ? undefined : merged.ssoSession(sessionName);
  if (sessionName !== undefined && session === undefined) { return 'raises'; }
  for (const [option, value] of session ?? []) {
    const own = merged.get(name, option);
    if (own !== undefined && own !== value) { return 'raises'; }
  }
  return SSO_REQUIRED.every(option => merged.has(name, option) || session?.has(option)) ? 'valid' : 'raises';
}

/**
 * Whether the providers botocore tries for a source profile give credentials (`_resolve_credentials_from_profile`:
 * `ProfileProviderBuilder.providers` with the env's variables off): the profile's web identity (with its own
 * role_arn, else it raises), sso, the credentials file's keys, login (not followed), a credential_process, the config
 * file's keys. None raises InvalidConfigError.
 */
function sourceGives(merged: MergedProfiles, name: string): boolean {
  if (merged.has(name, WEB_IDENTITY_TOKEN_FILE)) { return merged.has(name, ROLE_ARN); }
  const sso = ssoProfile(merged, name);
  if (sso !== 'none') { return sso === 'valid'; }
  if (merged.own('credentials', name, ACCESS_KEY_ID)) { return merged.own('credentials', name, SECRET_ACCESS_KEY); }
  if (merged.has(name, LOGIN_SESSION)) { return false; }
  if (merged.has(name, CREDENTIAL_PROCESS)) { return true; }
  if (merged.own('config', name, ACCESS_KEY_ID)) { return merged.own('config', name, SECRET_ACCESS_KEY); }
  return false;
}

/** How a role's source resolves: where its chain ends (the source profile whose providers give it, none for a credential_source), or that botocore raises. */
type Resolved = { readonly ok: true; readonly terminal?: string } | { readonly ok: false };
const RAISES: Resolved = { ok: false };

/**
 * AssumeRoleProvider's chains of roles over merged profiles, each profile's outcome computed once. A role profile
 * names one source (`source_profile`) or a `credential_source`, so the roles form a functional graph: the path from a
 * profile either ends (a profile with a static key or no role, whose providers give credentials or not; a
 * credential_source) or comes back to a profile already on it, which botocore raises for (InfiniteLoopConfigError,
 * `_validate_source_profile`; it keeps the visited profiles in a list, we in the memo). A profile's outcome does not
 * depend on the path that reaches it, but for the top profile, which is visited first: `topResolves` says so.
 */
class RoleChains {
  /** Each profile's outcome as a source; `null` while it is on the path being walked. */
  private readonly memo = new Map<string, Resolved | null>();

  public constructor(private readonly merged: MergedProfiles) {}

  /** AssumeRoleProvider._load_creds_via_assume_role(top), with `[top]` visited. */
  public topResolves(top: string): boolean {
    const step = this.roleStep(top);
    if (!('next' in step)) { return step.done.ok; }
    // A profile may name itself as its source when it holds a static key, and only at the top.
    if (step.next === top) { return hasStaticKey(this.merged, top) && sourceGives(this.merged, top); }
    const resolved = this.resolve(step.next);
    // The chain coming back to the top profile ends there only when it has a static key; the top is visited: a loop.
    return resolved.ok && resolved.terminal !== top;
  }

  /** `_resolve_credentials_from_profile(start)`, as a source profile reached from the top. */
  private resolve(start: string): Resolved {
    const path: string[] = [];
    let name = start;
    let result: Resolved;
    for (;;) {
      const held = this.memo.get(name);
      if (held === null) { result = RAISES; break; }
      if (held !== undefined) { result = held; break; }
      // A source with a static key, or that is no role, is read by the profile providers; a role is assumed in turn.
      if (hasStaticKey(this.merged, name) || !isRole(this.merged, name)) {
        result = sourceGives(this.merged, name) ? { ok: true, terminal: name } : RAISES;
        this.memo.set(name, result);
        break;
      }
      const step = this.roleStep(name);
      if (!('next' in step)) {
        result = step.done;
        this.memo.set(name, result);
        break;
      }
      this.memo.set(name, null);
      path.push(name);
      name = step.next;
    }
    for (const visited of path) { this.memo.set(visited, result); }
    return result;
  }

  /**
   * `_get_role_config(name)`: the source profile to go on with, or the outcome: both `source_profile` and
   * `credential_source`, or neither, raise; a credential_source is one CanonicalNameCredentialSourcer has (the container
   * endpoint or instance metadata; `Environment` gives the env's keys, which the env provider uses first); a missing
   * source profile raises.
   */
  private roleStep(name: string): { readonly next: string } | { readonly done: Resolved } {
    const source = this.merged.get(name, SOURCE_PROFILE);
    const credentialSource = this.merged.get(name, CREDENTIAL_SOURCE);
    if ((source === undefined) === (credentialSource === undefined)) { return { done: RAISES }; }
    if (credentialSource !== undefined) { return { done: credentialSource === 'EcsContainer' || credentialSource === 'Ec2InstanceMetadata' ? { ok: true } : RAISES }; }
    return this.merged.exists(source!) ? { next: source! } : { done: RAISES };
  }
}

/**
 * The sections of a config file whose name starts with `prefix` and splits (`shlex.split`) into two words, by the
 * second (botocore 1.43.11 `configloader.py` `build_profile_map`, `_parse_section`), and the one named `alone`; a
 * later section of one name replaces an earlier one. `[profile NAME]` are profiles, `[sso-session NAME]` SSO sessions.
 */
function namedSections(sections: ReadonlyMap<string, ReadonlyMap<string, string>>, prefix: string, alone?: string): ReadonlyMap<string, ReadonlyMap<string, string>> {
  const named = new Map<string, ReadonlyMap<string, string>>();
  sections.forEach((options, section) => {
    // build_profile_map tests `profile` first: `[profile-sso-session x]` is a profile's, never a session's.
    if (prefix !== 'profile' && section.startsWith('profile')) { return; }
    if (section.startsWith(prefix)) {
      const words = shlexSplit(section);
      if (words?.length === 2) { named.set(words[1], options); }
    } else if (section === alone) {
      named.set(section, options);
    }
  });
  return named;
}

/**
 * CPython 3.11.7 `Lib/shlex.py` `split(s)` (posix, no comments): words split by ASCII whitespace, `'...'` literal,
 * `"..."` with `\` escaping only `\` and `"`, `\` outside quotes escaping the next character; `undefined` when
 * it raises ValueError (an open quote, a trailing `\`).
 */
export function shlexSplit(text: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      if (word !== undefined) { words.push(word); }
      word = undefined;
    } else if (c === '\\') {
      if (++i >= text.length) { return undefined; }
      word = (word ?? '') + text[i];
    } else if (c === '\'' || c === '"') {
      word ??= '';
      for (i++; ; i++) {
        if (i >= text.length) { return undefined; }
        if (text[i] === c) { break; }
        if (c === '"' && text[i] === '\\' && (text[i + 1] === '\\' || text[i + 1] === '"')) { i++; }
        if (c === '"' && text[i] === '\\' && i + 1 >= text.length) { return undefined; }
        word += text[i];
      }
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) { words.push(word); }
  return words;
}

/**
 * The path botocore opens for AWS_SHARED_CREDENTIALS_FILE `value` (`raw_config_parse`: `os.path.expandvars`,
 * then `os.path.expanduser`; CPython 3.11.7 `Lib/posixpath.py`), with `home` the container's HOME;
 * `undefined` when it depends on what the check does not know: a variable other than HOME (which may or may
 * not be set in the container), `~user`, or HOME when `home` is undefined.
 */
export function botocoreCredentialsPath(value: string, home: string | undefined): string | undefined {
  let unknown = false;
  // `\$(\w+|\{[^}]*\})`, re.ASCII; a name not in the environment is left as written, and `${}` names none.
  const expanded = value.replace(/\$([A-Za-z0-9_]+|\{[^}]*\})/g, (whole, name: string) => {
    const bare = name.startsWith('{') ? name.slice(1, -1) : name;
    if (bare === '') { return whole; }
    if (bare !== 'HOME' || home === undefined) {
      unknown = true;
      return whole;
    }
    return home;
  });
  if (unknown) { return undefined; }
  if (!expanded.startsWith('~')) { return expanded; }
  const slash = expanded.indexOf('/', 1);
  const end = slash < 0 ? expanded.length : slash;
  if (end !== 1 || home === undefined) { return undefined; }
  return `${home.replace(/\/+$/, '')}${expanded.slice(end)}` || '/';
}
