// Entry point of the `cdk8s-kubeflow-access` command: picks the subcommand, maps errors to exit codes
// and prints them one line each on stderr, without stack traces.
import { readFileSync } from 'fs';
import * as path from 'path';
import { awsCredentialsCommand } from './aws-credentials';
import { awsEnvCommand } from './aws-env';
import { awsWebIdentityCommand } from './aws-web-identity';
import { azureWorkloadIdentityCommand } from './azure-workload-identity';
import { azureCommand } from './azure';
import { checkCommand } from './check';
import { dockerCommand } from './docker';
import { gcpWorkloadIdentityCommand } from './gcp-workload-identity';
import { gcsCommand } from './gcs';
import { kserveCommand } from './kserve';
import { readAtMost } from '../sources/source-file';
import { alternatives, CommandSpec, commandHelp, EXIT_INVALID, EXIT_OK, EXIT_USAGE, HELP_WIDTH, InputError, Io, nearestName, parseCommandArgs, pastedDash, PROGRAM, shownUnknown, UsageError, wrap } from './framework';
import { minioCommand } from './minio';
import { notebookCommand } from './notebook';
import { pipelinesCommand } from './pipelines';
import { pipelinesStoreCommand } from './pipelines-store';
import { trainerCommand } from './trainer';

/** The subcommands, in the order help lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  dockerCommand,
  awsCredentialsCommand,
  awsEnvCommand,
  minioCommand,
  gcsCommand,
  azureCommand,
  pipelinesCommand,
  awsWebIdentityCommand,
  azureWorkloadIdentityCommand,
  gcpWorkloadIdentityCommand,
  notebookCommand,
  kserveCommand,
  pipelinesStoreCommand,
  trainerCommand,
  checkCommand,
];

function programHelp(): string {
  const width = Math.max(...COMMANDS.map(c => c.name.length));
  return [
    `Usage: ${PROGRAM} COMMAND [options]`,
    '',
    ...wrap('Prints Kubeflow PodDefaults and the Secrets they use, as YAML for "kubectl apply -f -", or checks '
      + 'existing manifests for PodDefaults that Kubeflow would refuse together.', HELP_WIDTH),
    '',
    'Commands:',
    ...COMMANDS.flatMap(c => wrap(c.summary, HELP_WIDTH - width - 4).map((line, i) => `  ${(i === 0 ? c.name : '').padEnd(width)}  ${line}`)),
    '',
    ...wrap(`Run "${PROGRAM} COMMAND --help" for a command's options, "${PROGRAM} --version" for the version. Secrets are read from stdin or files, `
      + 'never from arguments. Exit codes: 0 ok, 1 conflicts or invalid input, 2 usage.', HELP_WIDTH),
    '',
  ].join('\n');
}

/** Runs the command line `argv` (without node and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(programHelp());
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    // `help docker` is `docker --help`, as git and kubectl take it; anything else after it is a mistake.
    if (rest.length === 0) {
      io.stdout(programHelp());
      return EXIT_OK;
    }
    const topic = COMMANDS.find(c => c.name === rest[0]);
    if (topic === undefined || rest.length > 1) {
      return report(io, PROGRAM, new UsageError(`${name} takes one command name, one of ${COMMANDS.map(c => c.name).join(', ')}`));
    }
    io.stdout(commandHelp(topic));
    return EXIT_OK;
  }
  // `version` as kubectl takes it, as `help` is `--help`.
  if (name === '--version' || name === 'version') {
    // Refused as a command that takes only flags refuses a stray argument: it may be a secret, so it is named by its place.
    if (rest.length > 0) {
      return report(io, PROGRAM, new UsageError(`unexpected argument at position 2 after "${name}", which takes none; see "${PROGRAM} --help"`));
    }
    io.stdout(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find(c => c.name === name);
  if (command === undefined) {
    // Echo only a flag's name, or a word a typo away from a command: a stray first argument may be a
    // secret, and a lower-case password looks like any other word.
    // A flag of a command given before it (`--namespace user docker`) is in the wrong place, not unknown.
    const flag = /^--([a-z][a-z-]*)(=|$)/.exec(name)?.[1];
    // A flag pasted with a typographic dash (`—help`) is named with the flag it likely meant.
    const what = pastedDash(name) !== undefined ? `unknown option ${shownUnknown(name, ['help', 'version'])}`
      : flag !== undefined && COMMANDS.some(c => c.options.some(g => g.options[flag] !== undefined))
      ? `--${flag} goes after the command (${PROGRAM} COMMAND --${flag} ...)`
      // Shown as a command's unknown option is: not a secret glued to a letter or a secret flag's name (`-pSECRET`).
      : /^--?[a-z][a-z-]*(=|$)/.test(name) ? `unknown option ${shownUnknown(name, ['help', 'version'])}`
      : unknownCommand(name);
    return report(io, PROGRAM, new UsageError(`${what}: the commands are ${COMMANDS.map(c => c.name).join(', ')}; see "${PROGRAM} --help"`));
  }
  try {
    const args = parseCommandArgs(command, rest, flag => COMMANDS.filter(c => c !== command && c.options.some(g => g.options[flag] !== undefined)).map(c => c.name));
    if (args.values.help) {
      io.stdout(commandHelp(command));
      return EXIT_OK;
    }
    return await command.run(args, io);
  } catch (e) {
    return report(io, `${PROGRAM} ${command.name}`, e);
  }
}

/**
 * An unknown command as a message shows it: named with the commands it likely meant, and itself shown only when
 * it is a lower-case word that means one (`dokcer`, `aws`): any other word may be a password pasted in its place.
 */
function unknownCommand(name: string): string {
  const meant = likelyCommands(name);
  const shown = meant.length > 0 && /^[a-z][a-z0-9-]{0,30}$/.test(name) ? ` "${name}"` : '';
  const hint = meant.length === 0 ? '' : ` (did you mean ${alternatives(meant)}?)`;
  return `unknown command${shown}${hint}`;
}

/**
 * The commands `typed` likely meant: those it is the first word of (`aws`: `aws-env`, ...), else the one a typo away
 * (two edits at most, letters compared in lower case, as a flag's typo is named).
 */
function likelyCommands(typed: string): string[] {
  const names = COMMANDS.map(c => c.name);
  const started = names.filter(n => n.startsWith(`${typed.toLowerCase()}-`));
  if (started.length > 0) { return started; }
  const near = nearestName(typed, names);
  return near === undefined ? [] : [near];
}

function report(io: Io, prefix: string, error: unknown): number {
  const code = error instanceof UsageError ? EXIT_USAGE : EXIT_INVALID;
  let message: string;
  if (error instanceof UsageError || error instanceof InputError) {
    message = error.message;
  } else if (error instanceof Error && error.name === 'AccessError') {
    message = error.message;
  } else {
    // A bug, not bad input: name it without a stack trace. The library and this CLI report every
    // problem with an input as an AccessError or InputError, whose messages hold no secret.
    message = `internal error (${error instanceof Error ? error.name : typeof error}): ${error instanceof Error ? error.message : String(error)}`;
  }
  for (const line of message.split('\n')) { io.stderr(`${prefix}: ${line}\n`); }
  return code;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  return pkg.version;
}

/** The process's own streams, stdin and environment. */
export function processIo(): Io {
  return {
    stdout: text => { process.stdout.write(text); },
    stderr: text => { process.stderr.write(text); },
    readStdin: limit => readAtMost(0, limit),
    env: process.env,
  };
}

/**
 * Runs the command line of this process and sets its exit code. Output that cannot be written ends
 * the run without a stack trace: a reader that went away (`| head`, EPIPE) wanted no more, so the exit
 * is quiet; anything else (a full disk, ENOSPC) is one line on stderr. Both exit 1: the output is cut.
 */
export function run(): void {
  let outputFailed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (outputFailed) { return; }
    outputFailed = true;
    process.exitCode = EXIT_INVALID;
    if (error.code !== 'EPIPE') {
      process.stderr.write(`${PROGRAM}: cannot write the output: ${error.code === 'ENOSPC' ? 'no space left on device' : error.message} (${error.code ?? 'unknown error'})\n`);
    }
    process.stdout.destroy();
  });
  // A closed stderr has nowhere left to report to.
  process.stderr.on('error', () => { process.exitCode = EXIT_INVALID; });
  main(process.argv.slice(2), processIo()).then(
    code => { if (!outputFailed) { process.exitCode = code; } },
    error => { process.exitCode = report(processIo(), PROGRAM, error); });
}
