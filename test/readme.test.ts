// README.md is tested: every ```ts block compiles as a standalone program (with 'cdk8s-kubeflow-access'
// mapped to lib/), and every block that makes assertions runs (test/docs.test.ts does the same for
// docs/). The README opens small, and its quick start is the starter in examples/starter/, word for word.
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { compileProblems, fencedBlocks, PACKAGE, runBlock, typescriptBlocks } from './markdown-blocks';

const ROOT = path.join(__dirname, '..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');
const readme = read('README.md');
const blocks = typescriptBlocks(readme);
const DOCS = readdirSync(path.join(ROOT, 'docs')).filter(f => f.endsWith('.md')).sort().map(f => `docs/${f}`);

describe('README.md', () => {
  test('holds the blocks this test is about', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    expect(blocks.every(b => b.code.includes(`from '${PACKAGE}'`))).toBe(true);
  });

  test('every ts block compiles as a standalone program', () => {
    // GIVEN the blocks as files of their own WHEN compiled THEN no block has a type error
    expect(compileProblems('README.md', blocks)).toEqual([]);
  }, 60_000);

  const asserting = blocks.filter(b => b.code.includes('expect('));
  if (asserting.length > 0) {
    test.each(asserting.map(b => [b.line, b.code] as const))('the block at line %d runs and its assertions hold', (_line, code) => {
      // GIVEN the block WHEN run THEN it does not throw, and its assertions hold
      runBlock(code);
    });
  }

  test('the assertions that run in docs/ include the admission example and the Chart labels, moved there from the README', () => {
    const runs = DOCS.flatMap(doc => typescriptBlocks(read(doc))).map(b => b.code).filter(code => code.includes('expect(')).join('\n');
    expect(runs).toContain("name: 'docker-config-volume'");
    expect(runs).toContain("['Secret', { team: 'a' }]");
  });
});

describe('the README opens small', () => {
  const section = (heading: string) => {
    const start = readme.indexOf(`\n## ${heading}\n`);
    expect(start).toBeGreaterThan(0);
    const end = readme.indexOf('\n## ', start + 1);
    return readme.slice(start, end < 0 ? undefined : end);
  };

  test('at most 20 KB, with the two commands on its first screen', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(20 * 1024);
    const firstScreen = readme.split('\n').slice(0, 30).join('\n');
    expect(firstScreen).toContain('npm ci && npm run synth');
    expect(firstScreen).toContain('npm test');
  });

  test('its quick start is examples/starter, word for word', () => {
    const quickStart = section('Quick start');
    expect(fencedBlocks(quickStart, 'ts').map(b => b.code)).toEqual([read('examples/starter/main.ts')]);
    expect(fencedBlocks(quickStart, 'yaml').map(b => b.code)).toEqual([read('examples/starter/cdk8s.yaml')]);
    // and it says where each secret comes from
    expect(quickStart).toContain('REGISTRY_TOKEN');
    expect(quickStart).toContain('mlpipeline-minio-artifact');
  });

  test('its commands read the registry token at a prompt: never an argument, never a placeholder pasted as the token', () => {
    // GIVEN the line of the quick start's shell block that sets REGISTRY_TOKEN
    const quickStart = section('Quick start');
    const sets = fencedBlocks(quickStart, 'sh').flatMap(b => b.code.split('\n')).filter(line => line.includes('REGISTRY_TOKEN'));
    expect(sets).toHaveLength(1);
    const script = `${sets[0]}\nprintf '[%s]' "$REGISTRY_TOKEN"`;
    // WHEN bash runs it as pasted, with a fake token typed at the prompt
    const typed = spawnSync('bash', ['-c', script], { input: 'ghp_FAKE0000000000000000000000000000000\n', encoding: 'utf8', env: { PATH: process.env.PATH } });
    // THEN the token is what was typed, and the line itself holds no token (so the shell history holds none)
    expect(typed.stdout).toBe('[ghp_FAKE0000000000000000000000000000000]');
    expect(sets[0]).toMatch(/^read -rs/);
    // WHEN nothing is typed (the input ends)
    const empty = spawnSync('bash', ['-c', script], { input: '', encoding: 'utf8', env: { PATH: process.env.PATH } });
    // THEN the token is empty, which the starter refuses with its one line (below), where a literal such
    // as "export REGISTRY_TOKEN=..." made "..." the token and synthesised a login that fails in the notebook
    expect(empty.stdout).toBe('[]');
  });

  test('the install says the package is not published, and names the tarball npm pack writes', () => {
    const { version } = JSON.parse(read('package.json'));
    const install = section('Install');
    expect(install).toContain('not on the npm registry yet');
    expect(install).toContain(`cdk8s-kubeflow-access-${version}.tgz`);
  });

  test('every page the README links to exists', () => {
    const links = [...readme.matchAll(/\]\(((?:docs\/|examples\/)?[A-Za-z/.-]+\.md|examples\/starter\/)\)/g)].map(m => m[1]);
    expect(links.length).toBeGreaterThanOrEqual(10);
    expect(links.filter(link => !DOCS.includes(link) && !['CHANGELOG.md', 'API.md', 'BENCHMARKS.md', 'examples/starter/'].includes(link))).toEqual([]);
  });
});

describe('every relative link of README.md and docs/ resolves', () => {
  /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as `-`, repeats numbered. */
  const anchors = (markdown: string): Set<string> => {
    const seen = new Map<string, number>();
    const result = new Set<string>();
    for (const line of withoutCode(markdown, false).split('\n')) {
      const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
      if (heading === null) { continue; }
      const slug = heading[1].toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/ /g, '-');
      const n = seen.get(slug) ?? 0;
      seen.set(slug, n + 1);
      result.add(n === 0 ? slug : `${slug}-${n}`);
    }
    return result;
  };
  /** The text outside fenced blocks, and (with `inline`) outside code spans: a link in code is no link. */
  const withoutCode = (markdown: string, inline = true): string => {
    const prose = markdown.replace(/^ *```[\s\S]*?^ *```\s*$/gm, '');
    return inline ? prose.replace(/`[^`\n]*`/g, '') : prose;
  };
  const links = ['README.md', ...DOCS].flatMap(page => [...withoutCode(read(page)).matchAll(/\]\(([^)\s]+)\)/g)]
    .map(m => m[1]).filter(link => !/^[a-z]+:/.test(link)).map(link => [page, link] as const));

  test('the pages hold links to check', () => {
    expect(links.length).toBeGreaterThanOrEqual(60);
    expect(links.filter(([, link]) => link.includes('#')).length).toBeGreaterThanOrEqual(30);
  });

  test('each names a file of the repository and, after "#", a heading of that page', () => {
    // GIVEN every relative link WHEN resolved from its page THEN the file exists, and so does the anchor
    const broken = links.filter(([page, link]) => {
      const [file, anchor] = link.split('#');
      const target = file === '' ? page : path.join(path.dirname(page), file);
      if (!existsSync(path.join(ROOT, target))) { return true; }
      return anchor !== undefined && target.endsWith('.md') && !anchors(read(target)).has(anchor);
    });
    expect(broken).toEqual([]);
  });
});

describe('every command line of README.md and docs/ pastes as written', () => {
  /** The shell words of `line`, quotes removed (a quoted `$(...)` stays one word), up to a redirection. */
  const words = (line: string): string[] => {
    const all = [...line.matchAll(/'[^']*'|"(?:[^"\\]|\\.)*"|\S+/g)].map(m => m[0].replace(/^(['"])([\s\S]*)\1$/, '$2'));
    const redirect = all.findIndex(w => /^\d?>/.test(w));
    return redirect < 0 ? all : all.slice(0, redirect);
  };
  /** The bodies of the page's blocks fenced as ```sh or with no language, which a reader takes for shell too. */
  const shellBlocks = (markdown: string): string[] => {
    const blocks: string[] = [];
    let language: string | undefined;
    let body: string[] = [];
    for (const line of markdown.split('\n')) {
      const fence = /^ *```(\S*)\s*$/.exec(line);
      if (fence === null) {
        if (language !== undefined) { body.push(line); }
      } else if (language === undefined) {
        [language, body] = [fence[1], []];
      } else {
        if (language === 'sh' || language === '') { blocks.push(body.join('\n')); }
        language = undefined;
      }
    }
    return blocks;
  };
  /** Each run of the CLI in the page's shell blocks: the command line, continuations joined, split at its pipes. */
  const runs = (page: string) => shellBlocks(read(page))
    .flatMap(code => code.replace(/\\\n\s*/g, ' ').split('\n'))
    .filter(line => !line.trimStart().startsWith('#'))
    .flatMap(line => line.split(/\s\|\s/).map(part => part.trim()))
    .filter(part => /(^|\s)cdk8s-kubeflow-access\s/.test(part))
    .map(part => [page, part] as const);
  const all = ['README.md', ...DOCS].flatMap(runs);

  test('the pages hold the examples this test is about', () => {
    expect(all.length).toBeGreaterThanOrEqual(20);
  });

  test('each runs it through npx, which finds it in a clone or where the tarball is installed: no such command is on PATH', () => {
    // GIVEN every run of the CLI in a shell block WHEN read as a newcomer pastes it THEN it starts with npx
    expect(all.filter(([, part]) => !part.startsWith('npx cdk8s-kubeflow-access '))).toEqual([]);
  });

  test('each names a command and flags the command takes', () => {
    // GIVEN every run WHEN its arguments are parsed as the CLI parses them THEN none is a usage error
    const { COMMANDS } = require('../lib/cli/main') as typeof import('../lib/cli/main');
    const { parseCommandArgs } = require('../lib/cli/framework') as typeof import('../lib/cli/framework');
    const refused = all.flatMap(([page, part]) => {
      const [name, ...args] = words(part).slice(words(part).indexOf('cdk8s-kubeflow-access') + 1);
      const command = COMMANDS.find(c => c.name === name);
      if (command === undefined) { return [`${page}: ${part}: no command ${name}`]; }
      try {
        parseCommandArgs(command, args);
        return [];
      } catch (e) {
        return [`${page}: ${part}: ${(e as Error).message}`];
      }
    });
    expect(refused).toEqual([]);
  });
});

describe('the starter without REGISTRY_TOKEN', () => {
  /**
   * Runs examples/starter/main.ts as `cdk8s synth` runs it (its package import mapped to lib/), with
   * REGISTRY_TOKEN as given, into an empty outdir: what it printed on stderr, its exit code (undefined when
   * it ran to its end) and the files it wrote. cdk8s-cli prints its own "Error: command ... returned a
   * non-zero exit code 1" and four stack lines after any app that exits 1; test/smoke/run.sh sees those.
   */
  const runStarter = (token: string | undefined) => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'starter-'));
    const saved = { token: process.env.REGISTRY_TOKEN, outdir: process.env.CDK8S_OUTDIR };
    const stderr: string[] = [];
    const error = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { stderr.push(args.join(' ')); });
    class Exit { constructor(readonly code: number | undefined) {} }
    const exit = jest.spyOn(process, 'exit').mockImplementation((code?: string | number | null) => { throw new Exit(code as number); });
    try {
      if (token === undefined) { delete process.env.REGISTRY_TOKEN; } else { process.env.REGISTRY_TOKEN = token; }
      process.env.CDK8S_OUTDIR = outdir;
      let code: number | undefined;
      try {
        runBlock(read('examples/starter/main.ts'));
      } catch (e) {
        if (!(e instanceof Exit)) { throw e; }
        code = e.code;
      }
      return { code, stderr, written: readdirSync(outdir) };
    } finally {
      error.mockRestore();
      exit.mockRestore();
      for (const [name, value] of [['REGISTRY_TOKEN', saved.token], ['CDK8S_OUTDIR', saved.outdir]] as const) {
        if (value === undefined) { delete process.env[name]; } else { process.env[name] = value; }
      }
      rmSync(outdir, { recursive: true, force: true });
    }
  };
  const SAYS = 'REGISTRY_TOKEN is empty or not set: export REGISTRY_TOKEN=... with a token that may read the packages of ghcr.io, then run "npx cdk8s synth" again';

  test.each([['unset', undefined], ['empty', '']])('%s: one line that says which variable to export, exit code 1, nothing written', (_what, token) => {
    // GIVEN the starter as the README shows it WHEN it runs without a token
    const result = runStarter(token);
    // THEN one line names the variable and says how to set it, with no stack trace (it threw nothing); no file is written
    expect(result).toEqual({ code: 1, stderr: [SAYS], written: [] });
  });

  test('with a token it writes the chart and prints nothing', () => {
    // GIVEN a fake token WHEN the starter runs THEN it runs to its end and writes the chart
    expect(runStarter('fake-registry-token-0000')).toEqual({ code: undefined, stderr: [], written: ['kubeflow-access.k8s.yaml'] });
  });
});

describe('where an Include is shown, what cdk8s says of a file that is not there', () => {
  test('cdk8s 2.70 says "unable to determine protocol from url", and the README and docs/check.md say so beside their Include', () => {
    // GIVEN an Include of a file that is not in the directory the app runs in
    const { App, Chart, Include } = require('cdk8s') as typeof import('cdk8s');
    const url = `no-such-dir-${process.pid}/poddefaults.yaml`;
    // WHEN it is built THEN cdk8s (node_modules/cdk8s/lib/_loadurl.mjs) tries the path as a URL, and says only that
    expect(() => new Include(new Chart(new App(), 'c'), 'i', { url })).toThrow(`unable to determine protocol from url: ${url}`);
    // AND the pages that show an Include of a relative path explain it
    const pages = { 'README.md': readme, 'docs/check.md': read('docs/check.md') };
    for (const [page, text] of Object.entries(pages)) {
      const includes = [...text.matchAll(/new Include\([^\n]*url: '([^']+)'/g)].map(m => m[1]);
      expect([page, includes.length]).toEqual([page, 1]);
      expect([page, text.includes(`unable to determine protocol from url: ${includes[0]}`)]).toEqual([page, true]);
    }
  });
});

describe('the starter pins what works', () => {
  const starter = JSON.parse(read('examples/starter/package.json'));
  const installed = (name: string): string => JSON.parse(read(`node_modules/${name}/package.json`)).version;

  test('it installs the tarball of this version, and the versions this repository tests with', () => {
    const { version } = JSON.parse(read('package.json'));
    expect(starter.dependencies).toEqual({
      'cdk8s': installed('cdk8s'),
      'cdk8s-kubeflow-access': `file:cdk8s-kubeflow-access-${version}.tgz`,
      'cdk8s-plus-28': installed('cdk8s-plus-28'),
      'constructs': installed('constructs'),
    });
    expect(starter.devDependencies).toEqual({
      '@types/node': installed('@types/node'),
      'cdk8s-cli': installed('cdk8s-cli'),
      'ts-node': '10.9.2',
      'typescript': installed('typescript'),
    });
    // an unpinned install takes TypeScript 7, which ts-node cannot run
    expect(starter.devDependencies.typescript).toMatch(/^6\.0\.\d+$/);
  });

  test('the root project does not compile it: it imports the installed package', () => {
    const tsconfig = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile).config;
    expect(tsconfig.exclude).toContain('examples/starter');
  });
});
