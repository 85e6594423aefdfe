// Runs the CLI's main() in-process with a fake Io: stdout and stderr collected, stdin from a string or
// bytes, the environment given. The same result shape as cli-runner's spawned binary.
import { main } from '../../lib/cli/main';
import type { CliResult } from './cli-runner';

export interface MainOptions {
  readonly stdin?: string | Buffer;
  readonly env?: { [name: string]: string };
}

/** Runs `main(argv, io)`; fails the test if stdin is read twice, which the real process cannot do. */
export async function runMain(argv: readonly string[], options: MainOptions = {}): Promise<CliResult & { readonly stdinReads: number }> {
  let stdout = '';
  let stderr = '';
  let stdinReads = 0;
  const stdin = Buffer.isBuffer(options.stdin) ? options.stdin : Buffer.from(options.stdin ?? '');
  const code = await main(argv, {
    stdout: text => { stdout += text; },
    stderr: text => { stderr += text; },
    readStdin: limit => {
      stdinReads++;
      if (stdinReads > 1) { throw new Error('stdin read twice'); }
      return stdin.subarray(0, limit);
    },
    env: options.env ?? {},
  });
  return { code, stdout, stderr, stdinReads };
}
