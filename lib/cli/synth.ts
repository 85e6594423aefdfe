// Builds an access construct in an in-memory cdk8s App and prints the YAML that `kubectl apply -f -`
// takes, after the same validation `cdk8s synth` runs. Library errors become one line each, in terms of
// the command's flags.
import type { Chart } from 'cdk8s';
import { InputError, Io } from './framework';

/** The library's public entry point, loaded when a command runs. */
export type Library = typeof import('../index');

/** What the CLI calls a construct prop: `secretName` -> `--secret-name`. */
export interface FlagNames { readonly [prop: string]: string }

/** The props every access construct shares, and the flags that set them. */
export const COMMON_FLAG_NAMES: FlagNames = {
  namespace: '--namespace',
  name: '--name',
  description: '--description',
  secretName: '--secret-name',
  immutable: '--immutable',
  hashSecretName: '--hash-secret-name',
  volumeName: '--volume-name',
  mountPath: '--mount-path',
  fromExistingSecret: '--existing-secret',
};

/**
 * Runs `build` in a fresh App with one Chart, validates the app and writes its YAML to stdout.
 * Invalid input (an AccessError from a construct, or a synth-time validation error) becomes an
 * InputError whose lines name flags rather than construct props.
 */
export async function synthesize(io: Io, flags: FlagNames, build: (lib: Library, chart: Chart) => void): Promise<void> {
  const lib: Library = await import('../index');
  const { App, Chart } = await import('cdk8s');
  const app = new App();
  const chart = new Chart(app, 'cli');
  try {
    build(lib, chart);
  } catch (e) {
    if (e instanceof lib.AccessError) { throw new InputError(inFlags(e.message, { ...COMMON_FLAG_NAMES, ...flags })); }
    throw e;
  }
  const errors = app.node.findAll().flatMap(c => c.node.validate().map(message => `[${c.node.path}] ${message}`));
  if (errors.length > 0) { throw new InputError(errors.join('\n')); }
  io.stdout(app.synthYaml());
}

/**
 * `[cli/docker-config] secretName: leave secretName out` -> `--secret-name: leave --secret-name out`: the
 * construct path means nothing on a command line, and props and factories are flags there. Only
 * camelCase names are replaced inside the text, since `name` or `region` are also plain words.
 */
export function inFlags(message: string, flags: FlagNames): string {
  const m = /^\[[^\]]*\] ([A-Za-z]+): ([\s\S]*)$/.exec(message);
  if (m === null) { return message; }
  const text = m[2].replace(/\b(?:[A-Z][A-Za-z0-9]*\.)?[a-z]+[A-Z][A-Za-z0-9]*\b/g, word => flags[word] ?? word);
  return `${flags[m[1]] ?? m[1]}: ${text}`;
}
