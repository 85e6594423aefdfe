// AWS shared-credentials and config files (INI): reading a credentials file as the AWS CLI and SDKs
// read it, and rendering both files. Free of constructs. Messages name line numbers and the well-known
// keys, never a value, a profile name of the file, or the text of a line: a pasted token can look like a key.
import { AccessError, valueError } from '../errors';
import { hasControlCharacter, hasLoneSurrogate, NameRule, quote, refusal } from '../names';
import { typeName } from '../json';

/** The keys of a credentials profile the library reads and writes. */
const ACCESS_KEY_ID = 'aws_access_key_id';
const SECRET_ACCESS_KEY = 'aws_secret_access_key';
const SESSION_TOKEN = 'aws_session_token';
const REGION = 'region';
const CREDENTIAL_KEYS = new Set([ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN]);
const KNOWN_KEYS = new Set([...CREDENTIAL_KEYS, REGION]);

const REGION_NAME = /^[a-z0-9-]+$/;
/**
 * A region botocore creates a client for: a host label, not digits only (botocore 1.43.11
 * `utils.validate_region_name`, which raises InvalidRegionError on any other; test/sources/aws-botocore.test.ts).
 */
const BOTOCORE_REGION = /^(?![0-9]+$)(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const PROFILE_NAME = /^[A-Za-z0-9_.@+-]+$/;

/** One profile of a credentials file. */
export interface CredentialsProfile {
  readonly name: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly region?: string;
}

/** A profile as the config file knows it: its name and, perhaps, its region. */
export interface ConfigProfile {
  readonly name: string;
  readonly region?: string;
}

// Python's whitespace (str.isspace), which configparser strips from lines, keys and values and counts
// as indentation. JavaScript's trim() and \s differ: they take U+FEFF, and leave U+001C to U+001F and U+0085.
export const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
export const INDENT = new RegExp(`^[${PY_SPACE}]*`);
const SPACE_CHAR = new RegExp(`[${PY_SPACE}]`);
/**
 * `text` without the trailing whitespace `str.rstrip()` removes. By index, not by a regular expression anchored at the
 * end (`[...]+$`), which tries each start of a run of spaces in turn: a line of a mounted Secret (up to 1 MiB) with a
 * long run inside took minutes.
 */
export function pyRstrip(text: string): string {
  let end = text.length;
  while (end > 0 && SPACE_CHAR.test(text[end - 1])) { end--; }
  return end === text.length ? text : text.slice(0, end);
}
/** `text` without the leading and trailing whitespace `str.strip()` removes (in linear time, see `pyRstrip`). */
export function pyStrip(text: string): string {
  const start = INDENT.exec(text)![0].length;
  return pyRstrip(start === 0 ? text : text.slice(start));
}

/**
 * The profiles of a shared-credentials file, read as botocore (and so the AWS CLI and boto3) reads it
 * with Python's configparser: `=` or `:`, whichever comes first, separates a key from its value, and
 * spaces around it are syntax; CRLF line ends are fine; `#` and `;` start comment lines; key names are
 * case-insensitive. What configparser would read differently from what the file seems to say (an
 * indented continuation line, spaces inside a header's brackets) is rejected. A leading UTF-8
 * byte-order mark is skipped: the caller stores the file without it.
 *
 * `[DEFAULT]` is configparser's defaults section, not a profile: every profile inherits the keys it
 * does not set itself, and the header may appear more than once (each key still only once).
 */
export function parseCredentialsIni(text: string): CredentialsProfile[] {
  const sections: Section[] = [];
  const defaults: Section = { name: DEFAULTS_SECTION, line: 0, values: new Map() };
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  // The indentation of the last setting of the current profile: configparser appends a line indented
  // further to that setting's value, even across blank and comment lines.
  let settingIndent: number | undefined;
  let current: Section | undefined;
  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = pyStrip(raw);
    if (line === '' || line.startsWith('#') || line.startsWith(';')) { return; }
    const indent = INDENT.exec(raw)![0].length;
    if (settingIndent !== undefined && indent > settingIndent) {
      throw new AccessError(`line ${n} is indented, which AWS tools read as the continuation of the previous line's value: remove the indentation`);
    }
    if (line.startsWith('[')) {
      const header = /^\[([^[\]]*)\]$/.exec(line);
      if (header === null) { throw malformed(n); }
      const name = header[1];
      if (pyStrip(name) === '') {
        throw new AccessError(`line ${n} is a profile header without a name: write "[default]" or "[NAME]"`);
      }
      if (pyStrip(name) !== name) {
        throw new AccessError(`line ${n}: the profile name has spaces inside the brackets, which AWS tools keep as part of the name: write "[NAME]"`);
      }
      if (/^profile\s/.test(name)) {
        throw new AccessError(`line ${n} is a "[profile NAME]" header, which belongs in the config file: in a credentials file write "[NAME]"`);
      }
      settingIndent = undefined;
      if (name === DEFAULTS_SECTION) {
        current = defaults;
        return;
      }
      const earlier = sections.find(s => s.name === name);
      if (earlier !== undefined) {
        throw new AccessError(`line ${n}: the profile of line ${earlier.line} appears again: give each profile once`);
      }
      current = { name, line: n, values: new Map() };
      sections.push(current);
      return;
    }
    const delimiter = line.search(/[=:]/);
    const key = pyStrip(line.slice(0, delimiter)).toLowerCase();
    if (delimiter < 0 || key === '') { throw malformed(n); }
    const section = current;
    if (section === undefined) {
      throw new AccessError(`line ${n} is a setting before any profile header: put it under a header such as "[default]"`);
    }
    const what = KNOWN_KEYS.has(key) ? key : 'the setting';
    const where = section === defaults ? '"[DEFAULT]"' : `the profile of line ${section.line}`;
    const earlier = section.values.get(key);
    if (earlier !== undefined) {
      throw new AccessError(`line ${n}: ${what} appears twice in ${where} (lines ${earlier.line} and ${n}): keep one`);
    }
    const value = pyStrip(line.slice(delimiter + 1));
    if (value === '') {
      throw new AccessError(`line ${n}: ${what} in ${where} is empty: give a value or remove the line`);
    }
    const keyProblem = CREDENTIAL_KEYS.has(key) ? credentialLineProblem(value) : undefined;
    if (keyProblem !== undefined) {
      throw new AccessError(`line ${n}: ${key} in ${where} ${keyProblem}`);
    }
    if (key === REGION && regionProblem(value) !== undefined) {
      throw new AccessError(`line ${n}: region in ${where} ${regionProblem(value)}`);
    }
    section.values.set(key, { value, line: n });
    settingIndent = indent;
  });

  if (sections.length === 0) {
    const onlyDefaults = defaults.values.size > 0 ? ' ("[DEFAULT]" holds keys every profile inherits, but is no profile itself)' : '';
    throw new AccessError(`holds no profile${onlyDefaults}: add a "[default]" header followed by ${ACCESS_KEY_ID} and ${SECRET_ACCESS_KEY}`);
  }
  return sections.map(({ name, line, values: own }) => {
    const values = new Map([...defaults.values, ...own]);
    const missing = [ACCESS_KEY_ID, SECRET_ACCESS_KEY].filter(key => !values.has(key));
    if (missing.length === 2) {
      // Named by its line only: a header without any key may well be a pasted key or token.
      throw new AccessError(`has a profile at line ${line} without ${ACCESS_KEY_ID} and ${SECRET_ACCESS_KEY}: add them, or remove the profile`);
    }
    if (missing.length > 0) {
      throw new AccessError(`has a profile at line ${line} without ${missing[0]}: add it, or remove the profile`);
    }
    return {
      name,
      accessKeyId: values.get(ACCESS_KEY_ID)!.value,
      secretAccessKey: values.get(SECRET_ACCESS_KEY)!.value,
      sessionToken: values.get(SESSION_TOKEN)?.value,
      region: values.get(REGION)?.value,
    };
  });
}

/**
 * What is wrong with a key or token as a credentials file gives it, or undefined. configparser keeps all of
 * a line after the delimiter (botocore's RawConfigParser has no inline comment prefixes), so a comment
 * after a key is part of the key the SDK signs with (botocore 1.43.11, test/sources/aws-credentials-ini.test.ts).
 */
function credentialLineProblem(value: string): string | undefined {
  if (/\s[#;]/.test(value)) {
    return 'holds "#" or ";" after a space, which AWS tools read as part of the value, not as a comment: put the comment on a line of its own';
  }
  return credentialValueProblem(value);
}

/** configparser's defaults section: its keys are inherited by every section, and it is no section itself. */
export const DEFAULTS_SECTION = 'DEFAULT';

interface Section {
  readonly name: string;
  readonly line: number;
  readonly values: Map<string, { value: string; line: number }>;
}

function malformed(line: number): AccessError {
  return new AccessError(`line ${line} is not a "[profile]" header, a "key = value" or "key: value" setting, or a comment: fix or remove it`);
}

/**
 * Renders a shared-credentials file: `[name]` headers, then `aws_access_key_id`, `aws_secret_access_key`
 * and `aws_session_token` (when given) as `key = value`, a blank line between profiles, a trailing
 * newline. Regions belong in the config file (see `renderConfigIni`).
 */
export function renderCredentialsIni(profiles: readonly CredentialsProfile[]): string {
  if (profiles.length === 0) { throw new AccessError('no profile given: pass at least one profile'); }
  const seen = new Set<string>();
  const blocks = profiles.map(profile => {
    const nameProblem = profileNameProblem(profile.name);
    if (nameProblem !== undefined) { throw valueError('profile', `profile ${nameProblem}`); }
    // Accepted, the name is shown, to say which profile: the caller's code gives it as a profile's name.
    const where = `profile ${quote(profile.name)}`;
    if (seen.has(profile.name)) { throw valueError('profile', `${where} is given twice: give each profile once`); }
    seen.add(profile.name);
    const check = (field: string, value: string | undefined) => {
      const problem = credentialValueProblem(value);
      if (problem !== undefined) { throw valueError(field, `${where}: ${field} ${problem}`); }
    };
    check('accessKeyId', profile.accessKeyId);
    check('secretAccessKey', profile.secretAccessKey);
    if (profile.sessionToken !== undefined) { check('sessionToken', profile.sessionToken); }
    if (profile.region !== undefined) {
      const problem = regionProblem(profile.region);
      if (problem !== undefined) { throw valueError('region', `${where}: region ${problem}`); }
    }
    return [
      `[${profile.name}]`,
      `${ACCESS_KEY_ID} = ${profile.accessKeyId}`,
      `${SECRET_ACCESS_KEY} = ${profile.secretAccessKey}`,
      ...(profile.sessionToken === undefined ? [] : [`${SESSION_TOKEN} = ${profile.sessionToken}`]),
    ].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/**
 * Renders the config file for the profiles that have a region: `[default]`, or `[profile NAME]` for the
 * others, then `region = ...`; a blank line between profiles, a trailing newline. Undefined when no
 * profile has a region. Names and regions are expected to be checked already.
 */
export function renderConfigIni(profiles: readonly ConfigProfile[]): string | undefined {
  const blocks = profiles
    .filter(profile => profile.region !== undefined)
    .map(profile => `[${profile.name === 'default' ? 'default' : `profile ${profile.name}`}]\n${REGION} = ${profile.region}`);
  return blocks.length === 0 ? undefined : `${blocks.join('\n\n')}\n`;
}

/**
 * What is wrong with an access key, secret key or session token, or undefined when nothing is. Such a
 * value is never empty and never holds whitespace or a control character; the message never holds the value.
 */
export function credentialValueProblem(value: string | undefined): string | undefined {
  if (value === undefined) { return 'is missing: give it'; }
  if (typeof value !== 'string') { return `is ${typeName(value)}, not a string: give it as text`; }
  if (value === '') { return 'is empty: give a non-empty value'; }
  if (/[\r\n]/.test(value)) {
    return 'contains a line break (often from "echo" without -n or a file\'s last newline): remove it';
  }
  if (value !== value.trim()) { return 'has leading or trailing whitespace: remove it'; }
  if (/\s/.test(value)) { return 'contains whitespace, which no key or token does: check what was pasted'; }
  // C1 controls too: Python reads U+0085 (NEL) as whitespace, so botocore strips it from the end of a
  // value in the credentials file, and signs with another key than the one given.
  if (hasControlCharacter(value) || /[\u0080-\u009f]/.test(value)) { return 'contains a control character: check what was pasted'; }
  if (/\p{Cf}/u.test(value)) {
    return 'contains an invisible character (such as a zero-width space or a direction mark), which no key or token holds: check what was pasted';
  }
  if (hasLoneSurrogate(value)) {
    return 'is not valid Unicode (it holds half of a UTF-16 surrogate pair): remove the broken character';
  }
  return undefined;
}


/** What is wrong with a region name, or undefined when nothing is. */
export function regionProblem(region: string): string | undefined {
  if (typeof region !== 'string' || !REGION_NAME.test(region)) {
    return 'is not a region name (lower-case letters, digits and "-"): give a region code such as "us-east-1"';
  }
  if (!BOTOCORE_REGION.test(region)) {
    return 'is not a region name botocore accepts (it starts or ends with "-", is digits only, or is longer than 63 characters), '
      + 'so boto3 refuses to create any client in the notebook: give a region code such as "us-east-1"';
  }
  return undefined;
}

/** Why `name` is no profile name, said without showing it, or undefined when it is one. */
export function profileNameProblem(name: string): string | undefined {
  if (name === DEFAULTS_SECTION) {
    // configparser's defaults section: botocore sees no profile in it, and every profile of the file inherits its keys.
    return 'is "DEFAULT", which AWS tools read as the section whose keys every profile inherits, not as a profile: name it otherwise, such as "default"';
  }
  if (typeof name === 'string' && PROFILE_NAME.test(name)) { return undefined; }
  return `${refusal(name, PROFILE_NAME_RULE, 'a profile name')}: rename it`;
}

const PROFILE_NAME_RULE: NameRule = { text: 'letters, digits, "-", "_", ".", "@" and "+"', character: /^[A-Za-z0-9_.@+-]$/ };
