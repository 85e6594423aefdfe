// Builds an access construct in an in-memory cdk8s App and prints the YAML that `kubectl apply -f -`
// takes, after the same validation `cdk8s synth` runs. Library errors become one line each, in terms of
// the command's flags.
import type { Chart } from 'cdk8s';
import type { AccessError } from '../errors';
import { InputError, Io, SecretInput } from './framework';

/** The library's public entry point, loaded when a command runs. */
export type Library = typeof import('..');

/** What the CLI calls a construct prop: `secretName` -> `--secret-name`. */
export interface FlagNames { readonly [prop: string]: string }

/** A library source object (DockerConfig, AwsCredentials, ...): checked when resolved. */
export interface Resolvable { _resolve(): unknown }

/** A credential source as the flags gave it, and how it becomes the library's source object. */
export interface SourceInput<T extends Resolvable | undefined> {
  /** The flag that chose the source: errors about the source name it. */
  readonly flag: string;
  /** The source reads from the secret store of `--secret-store` or `--cluster-secret-store`. */
  readonly usesStore: boolean;
  /**
   * The flag of each value of the source, by the name the library gives it in an error's `valueField`
   * (`password` -> `--password-stdin`): errors about that value name this flag, others `flag`.
   */
  readonly valueFlags: FlagNames;
  /** The source object, with each secret's value as `secret` gives it. */
  readonly build: (lib: Library, secret: (input: SecretInput) => string) => T;
  /**
   * Library names in the errors' fix texts that are flags here: a factory (`DockerConfig.fromLogin`), a
   * prop the flags of another source give, or a phrase such as `DockerConfig.fromExistingSecret(name)`,
   * replaced as it is written.
   */
  readonly hints?: FlagNames;
}

/** The props every access construct shares, and the flags that set them. */
export const COMMON_FLAG_NAMES: FlagNames = {
  namespace: '--namespace',
  name: '--name',
  description: '--description',
  secretName: '--secret-name',
  immutable: '--immutable',
  hashSecretName: '--hash-secret-name',
  workspaceMountable: '--workspace-mountable',
  volumeName: '--volume-name',
  mountPath: '--mount-path',
  fromExistingSecret: '--existing-secret',
  refreshInterval: '--refresh-interval',
};

/** A source and the construct fields it fills (`config`, or `docker` of a NotebookAccess). */
export interface SourceField {
  readonly fields: readonly string[];
  readonly input: SourceInput<Resolvable | undefined>;
}

/**
 * Runs `build` in a fresh App with one Chart, validates the app and writes its YAML to stdout.
 * Invalid input (an AccessError from a construct, or a synth-time validation error) becomes an
 * InputError whose lines name flags rather than construct props; `words` are the one-word props that
 * name a flag wherever they stand alone in a fix text (see inFlags).
 */
export async function synthesize(io: Io, flags: FlagNames, sources: readonly SourceField[], build: (lib: Library, chart: Chart) => void,
  words: FlagNames = {}): Promise<void> {
  const lib: Library = await import('..');
  const { App, Chart } = await import('cdk8s');
  const app = new App();
  const chart = new Chart(app, 'cli');
  try {
    build(lib, chart);
  } catch (e) {
    if (lib.AccessError.isAccessError(e)) {
      // The values of the source the error is about are named as its flags give them (`accountName`:
      // `--account-name`), over any other source's.
      const concerned = e.field === undefined ? undefined : sources.find(s => s.fields.includes(e.field!));
      const names = { ...COMMON_FLAG_NAMES, ...flags, ...Object.assign({}, ...sources.map(s => s.input.hints ?? {})), ...concerned?.input.valueFlags };
      throw new InputError(inFlags(e, names, field => sourceFlag(sources, field, e.valueField), words));
    }
    throw e;
  }
  // The app's check (on the root, whose path is '') names objects by construct path, `(cli/docker-config)`,
  // which means nothing on a command line: each line names the object by kind and name alone.
  const errors = app.node.findAll().flatMap(c => c.node.validate()
    .map(message => message.replace(/ \(cli\/[^()\s]*\)/g, ''))
    .map(message => c.node.path === '' ? message : `[${c.node.path}] ${message}`));
  if (errors.length > 0) { throw new InputError(errors.join('\n')); }
  io.stdout(app.synthYaml());
}

/**
 * `[cli/docker-config] secretName: leave secretName out` -> `--secret-name: leave --secret-name out`: the
 * construct path means nothing on a command line, and props and factories are flags there. The field
 * comes from the error as data; inside the fix text the phrases of `flags` (keys with spaces or brackets)
 * are replaced as written, then camelCase names (`s3VerifySsl` too) and factories (`StorageAccess.gcs`),
 * then one-word props after "set" or "leave", since `name` or `region` are also plain words, and the
 * one-word props of `words` wherever they stand alone (`give s3 or gcs`, not `s3://` or `"s3"`). A text
 * that begins with the line's own flag does not say it twice.
 */
export function inFlags(error: AccessError, flags: FlagNames, flagOf: (field: string) => string | undefined = () => undefined,
  words: FlagNames = {}): string {
  if (error.field === undefined || error.problem === undefined) { return error.message; }
  let text = error.problem;
  for (const phrase of Object.keys(flags).filter(key => /[^A-Za-z0-9.]/.test(key)).sort((a, b) => b.length - a.length)) {
    text = text.split(phrase).join(flags[phrase]);
  }
  const alone = Object.keys(words).filter(word => /^[a-z0-9]+$/.test(word));
  if (alone.length > 0) {
    text = text.replace(new RegExp(`(?<![\\w"'/.:-])(?:${alone.join('|')})(?![\\w"'/.:-])`, 'g'), word => words[word]);
  }
  text = text
    .replace(/\b(?:[A-Z][A-Za-z0-9]*\.)?[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*\b|\b[A-Z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*\b/g, word => flags[word] ?? word)
    // A one-word prop is a flag where the fix tells what to do with it (`set namespace to ...`).
    .replace(/\b(set|leave) ([a-z]+)\b/g, (phrase, verb: string, word: string) => flags[word] === undefined ? phrase : `${verb} ${flags[word]}`);
  const flag = flagOf(error.field) ?? flags[error.field] ?? error.field;
  // A source's message may begin with the value's own name, which is now the flag this line starts with.
  return `${flag}: ${text.startsWith(`${flag} `) ? text.slice(flag.length + 1) : text}`;
}

/**
 * The flag an error about the source in construct field `field` concerns: the flag of the value the
 * error names as data (`valueField`), else the flag that chose the source. Undefined when no source
 * fills `field`.
 */
function sourceFlag(sources: readonly SourceField[], field: string, valueField: string | undefined): string | undefined {
  const source = sources.find(s => s.fields.includes(field));
  if (source === undefined) { return undefined; }
  return (valueField === undefined ? undefined : source.input.valueFlags[valueField]) ?? source.input.flag;
}
