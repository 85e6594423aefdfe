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
  const defaultValues = new Map([...defaults].map(([key, lines]) => [key, pyRstrip(lines.join('\n'))]));
  const read = new Map<string, ReadonlyMap<string, string>>();
  for (const [name, own] of sections) {
    for (const lines of own.values()) {
      if (!readable(lines)) { return undefined; }
    }
    if (unreadableDefaults.some(key => !own.has(key))) { return undefined; }
    const options = new Map<string, string>();
    own.forEach((lines, key) => options.set(key, pyRstrip(lines.join('\n'))));
    defaultValues.forEach((value, key) => { if (!own.has(key)) { options.set(key, value); } });
    read.set(name, options);
  }
  return read;
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
  const sections = botocoreSections(text);
  const profiles = new Set<string>();
  sections?.forEach((options, name) => {
    if (options.has(ACCESS_KEY_ID) && options.has(SECRET_ACCESS_KEY)) { profiles.add(name); }
  });
  return profiles;
}

/** Which of botocore's providers a profile of a credentials or config file gives credentials by, the first in botocore's order. */
export type BotocoreProfileProvider = 'assume-role' | 'shared-credentials-file' | 'custom-process' | 'config-file';

/**
 * The profiles of an AWS file botocore reads as `file` (`credentials`: AWS_SHARED_CREDENTIALS_FILE or
 * ~/.aws/credentials; `config`: AWS_CONFIG_FILE or ~/.aws/config) for which one of its profile providers returns
 * credentials, each with the first one in botocore's order (botocore 1.43.11 `credentials.py`
 * `create_credential_resolver`: assume-role, then after the web identity shared-credentials-file, custom-process,
 * config-file). None when botocore raises for the file. Each file is judged alone: botocore merges the profiles
 * of both (`Session.full_config`) for assume-role and custom-process, so a role whose source profile is in the other
 * file is not seen.
 */
export function botocoreProfileProviders(text: string, file: 'credentials' | 'config'): ReadonlyMap<string, BotocoreProfileProvider> {
  const sections = botocoreValues(text);
  const profiles = sections === undefined ? new Map<string, ReadonlyMap<string, string>>() : file === 'credentials' ? sections : configProfiles(sections);
  const found = new Map<string, BotocoreProfileProvider>();
  profiles.forEach((options, name) => {
    const provider = profileProvider(name, options, profiles, file);
    if (provider !== undefined) { found.set(name, provider); }
  });
  return found;
}

/**
 * The first provider that gives credentials for the profile `name` of `options`, or undefined when none does or one
 * raises first (`PartialCredentialsError` for an access key without its secret, `InvalidConfigError` for a role
 * without a source it can read): loud, never a silent choice.
 */
function profileProvider(name: string, options: ReadonlyMap<string, string>, profiles: ReadonlyMap<string, ReadonlyMap<string, string>>, file: 'credentials' | 'config'): BotocoreProfileProvider | undefined {
  // AssumeRoleProvider._has_assume_role_config_vars: role_arn, and no web_identity_token_file (that profile is the web identity's).
  if (options.has(ROLE_ARN) && !options.has(WEB_IDENTITY_TOKEN_FILE)) { return roleSourced(name, options, profiles) ? 'assume-role' : undefined; }
  // SharedCredentialProvider (credentials file) and ConfigProvider (config file): both keys; an access key alone raises.
  const keys = options.has(ACCESS_KEY_ID) ? (options.has(SECRET_ACCESS_KEY) ? true : undefined) : false;
  if (file === 'credentials' && keys !== false) { return keys === true ? 'shared-credentials-file' : undefined; }
  // ProcessProvider reads credential_process from either file (full_config); it runs it, and raises when it fails.
  if (options.has(CREDENTIAL_PROCESS)) { return 'custom-process'; }
  if (file === 'config' && keys !== false) { return keys === true ? 'config-file' : undefined; }
  return undefined;
}

/**
 * Whether AssumeRoleProvider._get_role_config accepts the role's source: `credential_source` one of the
 * providers it may source from (CanonicalNameCredentialSourcer: the container endpoint or instance metadata; the
 * environment's keys would be used first by the env provider), or `source_profile` a profile of the file with
 * keys (`_resolve_credentials_from_profile`; itself only with keys). Both, or neither, raise; a source profile
 * that is itself a role (a chain) or only a credential_process is not followed.
 */
function roleSourced(name: string, options: ReadonlyMap<string, string>, profiles: ReadonlyMap<string, ReadonlyMap<string, string>>): boolean {
  const source = options.get(SOURCE_PROFILE);
  const credentialSource = options.get(CREDENTIAL_SOURCE);
  if ((source === undefined) === (credentialSource === undefined)) { return false; }
  if (credentialSource !== undefined) { return credentialSource === 'EcsContainer' || credentialSource === 'Ec2InstanceMetadata'; }
  const sourced = profiles.get(source!);
  if (sourced === undefined || !sourced.has(ACCESS_KEY_ID) || !sourced.has(SECRET_ACCESS_KEY)) { return false; }
  return source === name || !sourced.has(ROLE_ARN);
}

/**
 * The profiles of a config file (botocore 1.43.11 `configloader.py` `build_profile_map`, `_parse_section`):
 * `[default]`, and each section whose name starts with `profile` and splits (`shlex.split`) into two words, the
 * second its name; the others are no profiles. A later section of one name replaces an earlier one.
 */
function configProfiles(sections: ReadonlyMap<string, ReadonlyMap<string, string>>): ReadonlyMap<string, ReadonlyMap<string, string>> {
  const profiles = new Map<string, ReadonlyMap<string, string>>();
  sections.forEach((options, section) => {
    if (section.startsWith('profile')) {
      const words = shlexSplit(section);
      if (words?.length === 2) { profiles.set(words[1], options); }
    } else if (section === 'default') {
      profiles.set(section, options);
    }
  });
  return profiles;
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
