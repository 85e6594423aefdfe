// Runs the real `cdk8s-kubeflow-access` binary as a child process. The library and CLI sources are
// transpiled once per test run with swc (no type check: `npm test` runs tsc) into a private directory
// under node_modules/.cache, next to a copy of bin/ and package.json, so the test needs no prior build
// and never touches the compiled files of the working tree.
import { spawn } from 'child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { transformFileSync } from '@swc/core';

const ROOT = path.join(__dirname, '..', '..');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly stdin?: string | Buffer;
  readonly env?: { [name: string]: string };
  readonly cwd?: string;
}

/** Transpiles lib/ and imports/ and copies the binary; returns the directory holding them. */
export function buildCli(): string {
  const dir = path.join(ROOT, 'node_modules', '.cache', `cdk8s-kubeflow-access-cli-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['lib', 'imports']) { transpileTree(path.join(ROOT, sub), path.join(dir, sub)); }
  mkdirSync(path.join(dir, 'bin'), { recursive: true });
  copyFileSync(path.join(ROOT, 'bin', 'cdk8s-kubeflow-access'), path.join(dir, 'bin', 'cdk8s-kubeflow-access'));
  copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  return dir;
}

function transpileTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) {
      transpileTree(source, path.join(to, entry.name));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      const { code } = transformFileSync(source, {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
        swcrc: false,
      });
      writeFileSync(path.join(to, entry.name.replace(/\.ts$/, '.js')), code);
    }
  }
}

export function removeCli(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs the binary in `dir` with `args`; stdin is closed after `options.stdin`, or at once. */
export function runCli(dir: string, args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(dir, 'bin', 'cdk8s-kubeflow-access'), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => { stdout += chunk; });
    child.stderr.on('data', chunk => { stderr += chunk; });
    child.on('error', reject);
    // A command that fails before reading stdin closes it: that is not the test's failure.
    child.stdin.on('error', () => undefined);
    child.on('close', code => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
