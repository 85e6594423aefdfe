// The command-line framework: flags parsed with Node's util.parseArgs, help text, the two error kinds
// and their exit codes, and reading secrets from stdin or files. Free of cdk8s, so that `--help` and
// usage errors answer without loading the library.
import { parseArgs } from 'util';
import { editDistance, nearestBy } from '../names';
import { inputSource, readCredentialText } from './input';

export const PROGRAM = 'cdk8s-kubeflow-access';

/** Exit codes: 0 ok, 1 conflicts or invalid input, 2 usage. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** A mistake in how the command was called; exit code 2. */
export class UsageError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Input the command cannot use (a file, a value, a conflict); exit code 1. */
export class InputError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** One flag of a command. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** The flag may be given more than once; its values are collected in order. */
  readonly multiple?: boolean;
  /** The placeholder in help text, such as `NS`. */
  readonly value?: string;
  readonly help: string;
}

/** Parsed command-line arguments. */
export interface Args {
  readonly values: { readonly [flag: string]: string | boolean | string[] | undefined };
  readonly positionals: string[];
}

/** What a command may touch besides its arguments: its output streams, stdin and the environment. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Stdin, up to `limit` bytes; read at most once per run. */
  readonly readStdin: (limit: number) => Buffer;
  readonly env: { readonly [name: string]: string | undefined };
}

/** A subcommand: its help and flags, and the code that runs it. */
export interface CommandSpec {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Usage lines, each following `cdk8s-kubeflow-access <name> `. */
  readonly synopsis: readonly string[];
  /** Paragraphs after the usage lines. */
  readonly description: readonly string[];
  /** Flags by long name, grouped under headings in help; `help` is added to every command. */
  readonly options: readonly OptionGroup[];
  /** Positional arguments, when the command takes any. */
  readonly positionals?: { readonly name: string; readonly min: number };
  readonly examples?: readonly string[];
  /** Runs the command; returns the exit code. Loads the library lazily. */
  readonly run: (args: Args, io: Io) => Promise<number>;
}

export interface OptionGroup {
  readonly heading: string;
  readonly options: { readonly [flag: string]: OptionSpec };
}

/** Names of flags that would carry a secret, which argv must never hold. */
const SECRET_FLAG = /(^|-)(password|secret-access-key|secret-key|session-token|token|account-key|connection-string)$/;

/**
 * Parses `argv` against the command's flags. Messages name flags and argument positions, never an
 * argument's value: a mistyped flag may be followed by a secret. `elsewhere` gives the other commands that
 * have a flag this one lacks (`docker --role-arn`: `aws-web-identity`), so that the message names them.
 */
export function parseCommandArgs(command: CommandSpec, argv: readonly string[], elsewhere: (flag: string) => readonly string[] = () => []): Args {
  const options = allOptions(command);
  const parseOptions: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {};
  for (const [flag, spec] of Object.entries(options)) {
    parseOptions[flag] = spec.multiple ? { type: spec.type, multiple: true } : { type: spec.type };
  }
  parseOptions.help.short = 'h';
  const { tokens } = parseArgs({ args: [...argv], options: parseOptions, strict: false, allowPositionals: true, tokens: true });

  const values: Record<string, string | boolean | string[] | undefined> = {};
  const positionals: string[] = [];
  let firstPositional = 0;
  let terminated = false;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') { terminated = true; }
    if (token.kind === 'positional') {
      // A flag pasted with a typographic dash (`—namespace`) is no argument, nor a file name, unless it follows "--".
      if (!terminated && pastedDash(token.value) !== undefined) {
        throw new UsageError(`unknown option ${shownUnknown(token.value, Object.keys(options))}: see "${PROGRAM} ${command.name} --help"`);
      }
      if (positionals.length === 0) { firstPositional = token.index; }
      refuseReplaced(token.value, `the argument at position ${token.index + 1}`);
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') { continue; }
    const flag = token.name;
    const spec = options[flag];
    if (spec === undefined) {
      if (SECRET_FLAG.test(flag)) {
        // In a command that composes others (`notebook`), the readers are the prefixed ones (`--docker-password-stdin`).
        const own = [`${flag}-stdin`, `${flag}-file`].filter(f => options[f] !== undefined);
        const safe = (own.length > 0 ? own : [`${flag}-stdin`, `${flag}-file`].flatMap(f => prefixedFlags(f, Object.keys(options)))).map(f => `--${f}`);
        const instead = safe.length > 0 ? `use ${safe.join(' or ')}` : `see "${PROGRAM} ${command.name} --help" for the flags that read it from stdin or a file`;
        // The name as typed only when it reads as a flag's: a token pasted after "--" may end in `-token`.
        const named = looksLikeFlag(flag, Object.keys(options), false) ? `--${flag}` : 'a flag named for a secret (its name not shown, as it may be one)';
        throw new UsageError(`${named} is refused: a secret on the command line ends up in the shell history, the process list and CI logs; ${instead}`);
      }
      // The argument as typed: parseArgs reports a group of short options (`-abc`) one letter at a time.
      const shown = shownUnknown(argv[token.index], Object.keys(options));
      // Another command's flag, shown as typed and a typo of none of ours: our own flag name, so safe to show.
      const others = shown === `--${flag}` ? elsewhere(flag) : [];
      if (others.length > 0) {
        // A flag most commands share (`--name`, `--secret-name`) would make a list longer than the line.
        const whose = others.length <= 3 ? alternatives(others) : 'other commands';
        throw new UsageError(`--${flag} is a flag of ${whose}, not of ${command.name}: see "${PROGRAM} ${command.name} --help"`);
      }
      throw new UsageError(`unknown option ${shown}: see "${PROGRAM} ${command.name} --help"`);
    }
    if (spec.type === 'boolean') {
      if (token.value !== undefined) { throw new UsageError(`--${flag} takes no value`); }
      values[flag] = true;
      continue;
    }
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-') && token.value !== '-')) {
      throw new UsageError(`--${flag} needs a value (write --${flag}=VALUE for a value that starts with "-")`);
    }
    refuseReplaced(token.value, `--${flag}`);
    if (spec.multiple) {
      values[flag] = [...(values[flag] as string[] | undefined ?? []), token.value];
    } else {
      if (values[flag] !== undefined) { throw new UsageError(`--${flag} is given more than once: give it once`); }
      values[flag] = token.value;
    }
  }
  if (values.help) { return { values, positionals }; }
  if (command.positionals === undefined && positionals.length > 0) {
    throw new UsageError(`unexpected argument at position ${firstPositional + 1} after "${command.name}", which takes only flags (values follow their flag); see "${PROGRAM} ${command.name} --help"`);
  }
  if (command.positionals !== undefined && positionals.length < command.positionals.min) {
    throw new UsageError(`missing ${command.positionals.name}: see "${PROGRAM} ${command.name} --help"`);
  }
  return { values, positionals };
}

/**
 * Refuses an argument that held bytes that are not UTF-8 (a Latin-1 terminal's `jörg`): Node gives each such byte
 * of argv as U+FFFD, which would be written into the Secret or the PodDefault in place of what was typed, as the
 * readers of stdin and files refuse such bytes rather than replace them. `what` names the flag or the position,
 * never the value, which may be a credential.
 */
function refuseReplaced(value: string, what: string): void {
  if (value.includes('\ufffd')) {
    throw new InputError(`${what} is not UTF-8 text: each byte that is not UTF-8 reaches the command as U+FFFD, so it would use another value than the one given: pass it in UTF-8, as a terminal set to a UTF-8 locale does`);
  }
}

/**
 * The variables of `env` that are set, for a library `fromEnv`. One of the variables the commands read (`AWS_*`,
 * `S3_*`, `AZURE_*`, `HF_*`) that held bytes that are not UTF-8 is refused, naming the variable, never its value:
 * Node gives each such byte as U+FFFD, which would be written into the Secret in place of the credential.
 */
export function definedOnly(env: { readonly [name: string]: string | undefined }): { [name: string]: string } {
  const result: { [name: string]: string } = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) { continue; }
    if (/^(AWS|S3|AZURE|HF)_/.test(name)) { refuseReplaced(value, `the environment variable ${name}`); }
    result[name] = value;
  }
  return result;
}

/**
 * The dashes a web page or a word processor prints for the "--" or "-" that was typed (hyphen, non-breaking
 * hyphen, figure dash, en dash, em dash, horizontal bar, minus sign, their small and full-width forms), by
 * name. A copied `--namespace` arrives as `—namespace` or `–namespace`.
 */
const TYPOGRAPHIC_DASHES: { readonly [dash: string]: string } = {
  '\u2010': 'a hyphen (U+2010)',
  '\u2011': 'a non-breaking hyphen (U+2011)',
  '\u2012': 'a figure dash (U+2012)',
  '\u2013': 'an en dash (U+2013)',
  '\u2014': 'an em dash (U+2014)',
  '\u2015': 'a horizontal bar (U+2015)',
  '\u2212': 'a minus sign (U+2212)',
  '\uFE58': 'a small em dash (U+FE58)',
  '\uFE63': 'a small hyphen-minus (U+FE63)',
  '\uFF0D': 'a full-width hyphen-minus (U+FF0D)',
};

/** The dashes an argument starts with, hyphen-minus or typographic, and the rest of it. */
function leadingDashes(arg: string): { readonly dashes: string; readonly rest: string } {
  let i = 0;
  while (i < arg.length && (arg[i] === '-' || TYPOGRAPHIC_DASHES[arg[i]] !== undefined)) { i++; }
  return { dashes: arg.slice(0, i), rest: arg.slice(i) };
}

/** The name of the first typographic dash `arg` starts with, when its leading dashes hold one. */
export function pastedDash(arg: string): string | undefined {
  const dash = [...leadingDashes(arg).dashes].find(d => d !== '-');
  return dash === undefined ? undefined : TYPOGRAPHIC_DASHES[dash];
}

/**
 * An unknown option (`arg`, the argument as typed) as a message shows it: its name, and the flag of `names`
 * it likely meant. A name a typo away from one flag names that flag (edit distance 2 at most, the one
 * nearest, as an unknown command names the command; letters compared in lower case), a group of short
 * options (`-namespace`) and a flag pasted with a typographic dash (`—namespace`) too; `-n`, kubectl's
 * short form of `--namespace`, names it. A name that no flag is a typo of, but that some flags of a composed
 * command end in after their prefix (`notebook --from-file`), names those flags (`--docker-from-file or
 * --aws-from-file`). Only our own flag names are added, never a value. The name itself
 * is shown only when it is made of lower-case words as flag names are (a word with a digit only when one of
 * the flags has that word, as `s3`), and is no flag's name with a value glued to it: a token or password
 * pasted after `--` (or `-`) is not a flag name, and is not echoed; nor is a letter with more after it that is no
 * typo of a flag (`-pSECRET`, `-abc`). An inline value (`=...`) is never shown.
 */
export function shownUnknown(arg: string, names: readonly string[]): string {
  const { dashes, rest } = leadingDashes(arg);
  const name = rest.replace(/=.*$/s, '');
  const dash = pastedDash(arg);
  const short = dash === undefined && dashes === '-';
  // One letter after "-" is a short option: no flag is a typo of it.
  const nearest = short && name.length === 1 ? undefined : nearestName(name, names);
  // A flag of a composed command without its prefix (`notebook --from-file`): the prefixed flags that hold it.
  const meant = nearest !== undefined ? [nearest] : short && name.length === 1 ? [] : prefixedFlags(name, names);
  const notes = [
    dash !== undefined ? `written with ${dash} where a flag has "--", as web pages and word processors print it` : undefined,
    short ? 'short options other than -h do not exist' : undefined,
    short && meant.length === 0 && name.startsWith('n') && names.includes('namespace') ? 'kubectl\'s -n is --namespace here' : undefined,
    meant.length === 0 ? undefined : `did you mean ${alternatives(meant.map(m => `--${m}`))}?`,
  ].filter((note): note is string => note !== undefined);
  // A letter with more after it (`-pSECRET`, as docker login's -p; `-nuser`, as kubectl's -n) may be an option with
  // its value glued to it, as `--password-filehunter` is for a long one; a letter after -h alone is not (-h takes none).
  const glued = short && meant.length === 0 && name.replace(/^h+/, '').length > 1;
  // Dashes alone (`—`, pasted between two words) hold nothing of the user's.
  if (name !== '' && (glued || !looksLikeFlag(name, names, meant.length > 0))) { return `(${['not shown, as it may be a secret', ...notes].join('; ')})`; }
  return notes.length === 0 ? `${dashes}${name}` : `${dashes}${name} (${notes.join('; ')})`;
}

/**
 * The flags of `names` that are `typed` after a one-word prefix (`from-file`: `docker-from-file`, `aws-from-file`), in
 * the order of `names`: the commands that compose others (`notebook`, `kserve`, `trainer`, `pipelines-store`) take
 * their flags so. Exact: a typo of a prefixed flag is a typo of the whole (nearestName).
 */
function prefixedFlags(typed: string, names: readonly string[]): string[] {
  return names.filter(f => /^[a-z0-9]+-/.test(f) && f.slice(f.indexOf('-') + 1) === typed);
}

/** `a`, `a or b`, `a, b or c`. */
export function alternatives(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The one name (of a flag or a command) of `names` nearest to `typed` within two edits (letters compared in lower case), unless two are as near. */
export function nearestName(typed: string, names: readonly string[]): string | undefined {
  return nearestBy(typed.toLowerCase(), names, (lower, candidate) => {
    // Two names whose lengths differ by more than 2 are more than two edits apart.
    if (Math.abs(candidate.length - lower.length) > 2) { return undefined; }
    const distance = editDistance(lower, candidate);
    return distance <= 2 ? distance : undefined;
  });
}

/**
 * Whether `flag` is the name of a flag that would carry a secret (`SECRET_FLAG`: `password`, `token`, ...), which
 * no command has, with more than a typo's characters after it and no `-` between: a secret written without its
 * space (`--passwordhunter`), which the refusal of `--password` does not catch. `--password-stdin` on a command
 * without it is a flag's name, and shown.
 */
function gluedToSecretFlag(flag: string): boolean {
  for (let end = flag.length - 3; end > 0; end--) {
    if (flag[end] !== '-' && SECRET_FLAG.test(flag.slice(0, end))) { return true; }
  }
  return false;
}

/**
 * Whether `flag` is made of lower-case words, as flag names are; a word with a digit only when one of `names`
 * has it. A flag's name, or a secret flag's that no command has (`--passwordhunter`), with more than a typo's
 * characters after it (`--password-filehunter`) is a value written without its space, unless the whole is a typo of another flag (`nearFlag`: `--namespce` starts
 * with `--name`), which holds two characters of the user's own at most.
 */
function looksLikeFlag(flag: string, names: readonly string[], nearFlag: boolean): boolean {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(flag) || flag.length > 64) { return false; }
  if (!nearFlag && (names.some(o => flag.length > o.length + 2 && flag.startsWith(o)) || gluedToSecretFlag(flag))) { return false; }
  const words = flag.split('-').filter(w => /[0-9]/.test(w));
  return words.length === 0 || words.every(w => names.some(o => o.split('-').includes(w)));
}

function allOptions(command: CommandSpec): { [flag: string]: OptionSpec } {
  const options: { [flag: string]: OptionSpec } = {};
  for (const group of command.options) { Object.assign(options, group.options); }
  options.help = HELP_OPTION;
  return options;
}

const HELP_OPTION: OptionSpec = { type: 'boolean', help: 'show this help' };

/**
 * The width of help text, whatever the terminal: 80 columns, which every terminal shows, so that help reads
 * the same in a terminal, a pipe and a CI log, and docs can quote it.
 */
export const HELP_WIDTH = 80;

/** The command's help text, wrapped at HELP_WIDTH. */
export function commandHelp(command: CommandSpec): string {
  const lines: string[] = [];
  command.synopsis.forEach((s, i) => lines.push(...wrapCommand(`${i === 0 ? 'Usage:' : '      '} ${PROGRAM} ${command.name}`, s, ' '.repeat(11), '')));
  for (const paragraph of command.description) { lines.push('', ...wrap(paragraph, HELP_WIDTH)); }
  const groups = [...command.options, { heading: 'Other options', options: { help: HELP_OPTION } }];
  const label = (flag: string, spec: OptionSpec) => `--${flag}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}${flag === 'help' ? ', -h' : ''}`;
  const width = Math.max(...groups.flatMap(g => Object.entries(g.options).map(([f, s]) => label(f, s).length)));
  for (const group of groups) {
    lines.push('', ...wrap(`${group.heading}:`, HELP_WIDTH, '  '));
    for (const [flag, spec] of Object.entries(group.options)) {
      const text = spec.multiple ? `${spec.help} (repeatable)` : spec.help;
      const [first, ...rest] = wrap(text, HELP_WIDTH - width - 4);
      lines.push(`  ${label(flag, spec).padEnd(width)}  ${first}`);
      for (const line of rest) { lines.push(`  ${' '.repeat(width)}  ${line}`); }
    }
  }
  if (command.examples !== undefined && command.examples.length > 0) {
    lines.push('', 'Examples:', ...command.examples.flatMap(e => wrapCommand('', e, '      ', ' \\', '  ')));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Words of `text` to at most `width` columns a line, the lines after the first indented by `indent`.
 */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(w => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `${indent}${word}`;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') { lines.push(line); }
  return lines.length > 0 ? lines : [''];
}

/**
 * A command line (a usage line, or a shell example) after `prefix`, at most HELP_WIDTH columns a line, each
 * line but the last ending in `end` (" \\" for a shell example, so that it pastes as one command), the first
 * line starting with `first` and the others with `indent`. It breaks before a flag, a bracketed group or a
 * pipe, and keeps a flag with its value; inside a group or a `$(...)` only when the group is too long for a
 * line; never inside quotes, so that an example pastes into a shell as the command it was written as.
 */
function wrapCommand(prefix: string, text: string, indent: string, end: string, first = ''): string[] {
  const limit = HELP_WIDTH - end.length;
  const lines: string[] = [];
  let line = `${first}${prefix}`;
  const sep = () => (line.trim() === '' ? '' : ' ');
  const place = (piece: string, splittable: boolean) => {
    if (line.length + sep().length + piece.length > limit) {
      const inner = splittable && indent.length + piece.length > limit ? units(pieces(piece, 1), false) : [piece];
      if (inner.length > 1) {
        inner.forEach(p => place(p, false));
        return;
      }
      if (line.trim() !== '') {
        lines.push(`${line}${end}`);
        line = indent;
      }
    }
    line += `${sep()}${piece}`;
  };
  units(pieces(text, 0), true).forEach(unit => place(unit, true));
  lines.push(line);
  return lines;
}

/**
 * `text` split at its spaces outside brackets, parentheses and quotes; with `inner`, also at those inside
 * brackets, parentheses and `$(...)` (which the shell reads as a command of its own, quoted or not), but
 * never inside quotes.
 */
function pieces(text: string, inner: 0 | 1): string[] {
  const result: string[] = [];
  const open: string[] = [];
  let piece = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = open[open.length - 1];
    if (top === "'") {
      if (c === "'") { open.pop(); }
    } else if (c === '\\') {
      piece += text.slice(i, i + 2);
      i++;
      continue;
    } else if (c === '$' && text[i + 1] === '(') {
      open.push('$(');
      piece += '$(';
      i++;
      continue;
    } else if (top === '"') {
      if (c === '"') { open.pop(); }
    } else if (c === "'" || c === '"' || c === '(' || c === '[') {
      open.push(c);
    } else if ((c === ')' && (top === '(' || top === '$(')) || (c === ']' && top === '[')) {
      open.pop();
    } else if (c === ' ' && (open.length === 0 || (inner === 1 && !open.includes("'") && open.lastIndexOf('$(') >= open.lastIndexOf('"')))) {
      if (piece !== '') { result.push(piece); }
      piece = '';
      continue;
    }
    piece += c;
  }
  if (piece !== '') { result.push(piece); }
  return result;
}

/**
 * Words joined into what a line keeps together: a flag with its value, a pipe with the command after it
 * (`pipeStarts`) or, between alternatives in a group, with the word before it.
 */
function units(words: readonly string[], pipeStarts: boolean): string[] {
  const result: string[] = [];
  for (const word of words) {
    const starts = /^(--|\[|\()/.test(word) || (pipeStarts && word === '|');
    const last = result[result.length - 1];
    if (last !== undefined && !starts && !(last.endsWith(' |') && !pipeStarts)) { result[result.length - 1] = `${last} ${word}`; } else { result.push(word); }
  }
  return result;
}

/** The string value of a flag, or undefined. */
export function str(args: Args, flag: string): string | undefined {
  return args.values[flag] as string | undefined;
}

/** The boolean value of a flag: true when given, undefined when not (so that library defaults apply). */
export function bool(args: Args, flag: string): true | undefined {
  return args.values[flag] === true ? true : undefined;
}

/** The flags of `flags` that were given. */
export function given(args: Args, flags: readonly string[]): string[] {
  return flags.filter(f => args.values[f] !== undefined);
}

/** Throws a usage error unless `flag` was given. */
export function required(args: Args, flag: string, why: string): string {
  const value = str(args, flag);
  if (value === undefined) { throw new UsageError(`--${flag} is required: ${why}`); }
  return value;
}

/** Throws a usage error when any of `flags` was given: they do not apply with `context`. */
export function refuse(args: Args, flags: readonly string[], context: string): void {
  const bad = given(args, flags);
  if (bad.length > 0) { throw new UsageError(`--${bad[0]} does not apply ${context}`); }
}

/** A secret the user gave, and the flag they gave it with. */
export interface SecretInput {
  /** The flag as typed: `--password-stdin` or `--password-file`. */
  readonly flag: string;
  /** The secret; read on the first call. */
  readonly read: () => string;
}

/**
 * A secret given as `--<base>-stdin` or `--<base>-file FILE` (`-` for stdin): exactly one of the two when
 * `needed`, at most one otherwise. The flags are checked now, the secret is read when first asked for,
 * so that every usage error comes before any input is read. One trailing line break (LF, CR LF or CR)
 * is removed, as `docker login --password-stdin` does, so that `echo secret | ...` and a file an editor
 * wrote work.
 */
export function secretReader(args: Args, io: Io, base: string, needed: boolean): SecretInput | undefined {
  const what = base.replace(/^(docker|aws|minio|azure)-/, '').replace(/-/g, ' ');
  const fromStdin = args.values[`${base}-stdin`] === true;
  const file = str(args, `${base}-file`);
  if (fromStdin && file !== undefined) {
    throw new UsageError(`--${base}-stdin and --${base}-file both give the ${what}: give one`);
  }
  if (!fromStdin && file === undefined) {
    if (needed) { throw new UsageError(`the ${what} is missing: give --${base}-stdin or --${base}-file FILE`); }
    return undefined;
  }
  const flag = fromStdin ? `--${base}-stdin` : `--${base}-file`;
  let value: string | undefined;
  return {
    flag,
    read: () => {
      if (value === undefined) {
        // As docker/cli's verifyLoginOptions (cli/command/registry/login.go): a "\n", then a "\r".
        const text = readCredentialText(io, fromStdin ? { stdin: true } : inputSource(file!), flag).replace(/\n$/, '').replace(/\r$/, '');
        if (text === '') {
          throw new InputError(`${flag}: the ${what} is empty: ${fromStdin ? 'check the command that pipes it in' : 'give the path of the file that holds it'}`);
        }
        // Not whitespace to the reader, who sees none in the editor: name it.
        if (text.startsWith('\ufeff')) {
          throw new InputError(`${flag}: the ${what} starts with a byte-order mark, which some editors write and which is no part of it: save it as UTF-8 without a BOM`);
        }
        value = text;
      }
      return value;
    },
  };
}

/** Checks that at most one flag reads stdin, since stdin can be read only once. */
export function checkOneStdinReader(args: Args): void {
  const readers = Object.keys(args.values)
    .filter(f => (f.endsWith('-stdin') && args.values[f] === true) || (f.endsWith('-file') && args.values[f] === '-'))
    .map(f => args.values[f] === '-' ? `--${f} -` : `--${f}`);
  if (args.positionals.includes('-')) { readers.push('"-"'); }
  if (readers.length > 1) {
    throw new UsageError(`${readers.join(' and ')} all read stdin, which can be read once: give the others a file instead`);
  }
}

/** The one flag of `flags` that was given; a usage error naming `what` when none or several were. */
export function oneOf(args: Args, flags: readonly string[], what: string, optional = false): string | undefined {
  const found = given(args, flags);
  if (found.length > 1) {
    throw new UsageError(`${found.map(f => `--${f}`).join(' and ')} each give ${what}: give one of them`);
  }
  if (found.length === 0 && !optional) {
    throw new UsageError(`nothing gives ${what}: give one of ${flags.map(f => `--${f}`).join(', ')}`);
  }
  return found[0];
}

/** A flag whose value is one of `choices`, mapped; undefined when not given. */
export function choice<T>(args: Args, flag: string, choices: { readonly [value: string]: T }): T | undefined {
  const value = str(args, flag);
  if (value === undefined) { return undefined; }
  if (!Object.prototype.hasOwnProperty.call(choices, value)) {
    throw new UsageError(`--${flag} must be one of ${Object.keys(choices).map(c => `"${c}"`).join(', ')}`);
  }
  return choices[value];
}
