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
  const read = new Map<string, ReadonlySet<string>>();
  for (const [name, own] of sections) {
    for (const lines of own.values()) {
      if (!readable(lines)) { return undefined; }
    }
    if (unreadableDefaults.some(key => !own.has(key))) { return undefined; }
    read.set(name, new Set([...own.keys(), ...[...defaults.keys()].filter(key => !own.has(key))]));
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
