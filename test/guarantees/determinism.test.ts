// Synthesising the example app twice, in separate processes with a different time zone, locale and
// working directory, writes byte-identical files; and every object it writes passes the schema checks.
// The app runs from a fresh swc transpile of the sources, never from compiled JavaScript that may be stale.
import { spawn } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { transformSync } from '@swc/core';
import { expectValidManifests, parseManifests } from '../schema';

const REPO = path.join(__dirname, '..', '..');
const SOURCE_DIRS = ['lib', 'imports', 'examples'];

/** Transpiles lib/, imports/ and examples/ into `out`, and copies the files they read (fixtures). */
function transpile(out: string): void {
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(REPO, rel))) {
      const from = path.join(rel, entry);
      if (statSync(path.join(REPO, from)).isDirectory()) {
        walk(from);
      } else if (from.endsWith('.ts') && !from.endsWith('.d.ts')) {
        const { code } = transformSync(readFileSync(path.join(REPO, from), 'utf8'), {
          filename: from,
          jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
          module: { type: 'commonjs' },
        });
        mkdirSync(path.dirname(path.join(out, from)), { recursive: true });
        writeFileSync(path.join(out, from.replace(/\.ts$/, '.js')), code);
      } else if (!from.endsWith('.js') && !from.endsWith('.d.ts')) {
        mkdirSync(path.dirname(path.join(out, from)), { recursive: true });
        cpSync(path.join(REPO, from), path.join(out, from));
      }
    }
  };
  SOURCE_DIRS.forEach(walk);
  cpSync(path.join(REPO, 'package.json'), path.join(out, 'package.json'));
}

/** Runs the example app with `env` on top of a minimal environment; resolves to its output directory's files. */
function synth(app: string, outdir: string, cwd: string, env: Record<string, string>): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [app], {
      cwd,
      // Only what the app needs: nothing from the developer's environment leaks into the run.
      env: { PATH: process.env.PATH ?? '', NODE_PATH: path.join(REPO, 'node_modules'), CDK8S_OUTDIR: outdir, CDK8S_CHECK_UPGRADE: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', d => { output += d; });
    child.stderr.on('data', d => { output += d; });
    child.on('error', reject);
    child.on('close', code => {
      if (code !== 0) { reject(new Error(`the example app exited with ${code}:\n${output}`)); return; }
      resolve(new Map(readdirSync(outdir).sort().map(f => [f, readFileSync(path.join(outdir, f))])));
    });
  });
}

describe('the example app', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'determinism-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('writes byte-identical files in two processes with different time zone, locale and directory', async () => {
    // GIVEN the example app, transpiled once
    const build = path.join(work, 'build');
    transpile(build);
    const app = path.join(build, 'examples', 'main.js');
    const [outA, outB] = [path.join(work, 'a'), path.join(work, 'b')];

    // WHEN it runs twice, in parallel, in environments as different as a laptop and CI
    const [a, b] = await Promise.all([
      synth(app, outA, REPO, { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' }),
      synth(app, outB, work, { TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8', HOME: work }),
    ]);

    // THEN the same files hold the same bytes
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect(a.size).toBeGreaterThan(0);
    for (const [file, bytes] of a) {
      expect({ file, same: bytes.equals(b.get(file)!) }).toEqual({ file, same: true });
    }
    // AND every object it writes passes the schema checks
    expectValidManifests([...a.values()].flatMap(bytes => parseManifests(bytes.toString('utf8'))));
  }, 60_000);
});
