// `npm run bench`: synth time and peak memory of a profile-scale rollout, against the same manifests
// built from plain cdk8s ApiObjects with no checks. Each measurement runs in a fresh process, so that
// peak RSS is its own and every build starts cold: the parent renders the plain builds' manifests once
// and hands them to each child, so that no child runs library or cdk8s code before its timer starts.
// The builds alternate, so that a slow spell of a shared machine hits all of them, and the table shows
// the best of BENCH_REPEAT runs of each: noise on a shared machine only ever adds time, so the fastest
// run is the closest to what the code itself costs.
//
//   npm run bench                      the full table (about six minutes on 2 cores)
//   BENCH_QUICK=1 npm run bench        the small rows only
//   BENCH_ROWS=one-chart/1000,chart-per-profile/500 BENCH_REPEAT=15 node bench/synth-bench.js
//                                      the named rows only, more runs each (the rows the targets name)
//   BENCH_COUNT=instructions node bench/synth-bench.js
//                                      instructions instead of time: each child runs under valgrind's
//                                      callgrind with V8 on one thread and a garbage collection schedule
//                                      that does not depend on time, and the table counts the
//                                      instructions it retired (millions), less the same build's count
//                                      for no profile (Node starting and loading the modules, which the
//                                      timer leaves out). Another job on the machine does not change
//                                      the count (runs agree within about 0.3%), so two builds can be
//                                      compared on a machine too noisy to time them; the targets stay
//                                      those of time. Slow: a few minutes per build at the target rows.
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import {
  AwsCredentials, AwsEnvConfiguration, DockerConfig, MinioDefault, NotebookAccess, PodDefaultValidation, S3Configuration,
  StorageAccess,
} from '../lib';

type Layout = 'one-chart' | 'chart-per-profile';
/**
 * From `plain` to `library` one step at a time:
 * - `plain`: the rendered manifests as plain `ApiObject`s, eight side by side in each profile's scope;
 * - `plain-tree`: the same objects at the library's construct paths (`notebook/docker-config`, its child
 *   `Secret`, ...): what the library's tree costs in cdk8s's walks;
 * - `plain-classes`: as `plain-tree`, each construct an instance of an empty class whose prototype chain
 *   mirrors the library's (`MinioDefault` < `AwsEnvConfiguration` < `PodDefaultAccess` < `KubePodDefault`
 *   < `ApiObject`): what the library's classes cost there, with none of its code;
 * - `unchecked`: the library with its app-wide check left out;
 * - `library`: the library with every check on.
 */
export type Build = 'plain' | 'plain-tree' | 'plain-classes' | 'unchecked' | 'library';
const BUILDS: Build[] = ['library', 'unchecked', 'plain', 'plain-tree', 'plain-classes'];

interface Row { readonly layout: Layout; readonly n: number }

const ROWS: Row[] = [
  { layout: 'one-chart', n: 100 },
  { layout: 'one-chart', n: 1000 },
  { layout: 'one-chart', n: 5000 },
  { layout: 'chart-per-profile', n: 100 },
  { layout: 'chart-per-profile', n: 500 },
];
/** Instructions instead of time (see the top of the file); one run of each build is enough. */
const COUNT_INSTRUCTIONS = process.env.BENCH_COUNT === 'instructions';
const REPEAT = Number(process.env.BENCH_REPEAT ?? (COUNT_INSTRUCTIONS ? 1 : 7));

/** One profile's access, as a platform team rolls it out: 3 Secrets and 4 PodDefaults (MinioDefault reads the Secret Kubeflow puts in every profile). */
export function libraryProfile(scope: Construct, namespace: string): void {
  new NotebookAccess(scope, 'notebook', {
    namespace,
    docker: DockerConfig.fromLogin({ server: 'registry.example.com', username: `bot-${namespace}`, password: 'fake-password-0000' }),
    storage: StorageAccess.awsFile(AwsCredentials.fromKeys({ accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: 'fake-secret-key-0000' })),
  });
  new AwsEnvConfiguration(scope, 'aws-configuration', {
    namespace,
    configuration: S3Configuration.fromValues({ accessKeyId: 'AKIAFAKEFAKEFAKE0000', secretAccessKey: 'fake-secret-key-0000', region: 'eu-west-1' }),
  });
  new MinioDefault(scope, 'minio', { namespace });
}

/** One profile rendered by the library, as the plain builds rebuild it. */
export interface Template {
  /** The manifests in the order the library's chart renders them. */
  readonly manifests: any[];
  /**
   * Every construct under the profile's scope, parents first: its id, the index of its parent in this list
   * (-1 for the profile's scope), its manifest if it is an ApiObject, and the names of its classes below
   * `ApiObject` or `Construct`, its own first.
   */
  readonly tree: Array<{ readonly id: string; readonly parent: number; readonly manifest?: any; readonly classes: string[] }>;
}

export function profileTemplate(): Template {
  const chart = Testing.chart();
  libraryProfile(chart, 'template');
  const constructs = chart.node.findAll().slice(1);
  const tree = constructs.map(c => ({
    id: c.node.id,
    parent: constructs.indexOf(c.node.scope as Construct),
    manifest: ApiObject.isApiObject(c) ? c.toJson() : undefined,
    classes: classesBelowBase(c),
  }));
  return { manifests: Testing.synth(chart), tree };
}

function classesBelowBase(c: Construct): string[] {
  const names: string[] = [];
  for (let p = Object.getPrototypeOf(c); p !== ApiObject.prototype && p !== Construct.prototype; p = Object.getPrototypeOf(p)) {
    names.push(p.constructor.name);
  }
  return names;
}

type ConstructClass = new (...args: any[]) => Construct;

/** An empty class for each chain of names, so that objects built from it have the library's object shapes. */
function mirrorClass(names: string[], base: ConstructClass, made: Map<string, ConstructClass>): ConstructClass {
  if (names.length === 0) { return base; }
  const key = names.join('<');
  if (!made.has(key)) { made.set(key, class extends mirrorClass(names.slice(1), base, made) {}); }
  return made.get(key)!;
}

function withNamespace(manifest: any, namespace: string): any {
  return { ...manifest, metadata: { ...manifest.metadata, namespace } };
}

/** The template's manifests with no checks: side by side, or at the library's paths, with or without its classes. */
export function plainProfile(template: Template, build: Build): (scope: Construct, namespace: string) => void {
  if (build === 'plain') {
    return (scope, namespace) => template.manifests.forEach((manifest, i) => {
      new ApiObject(scope, `o${i}`, withNamespace(manifest, namespace));
    });
  }
  const mirrors = new Map<string, ConstructClass>();
  const classes = template.tree.map(({ manifest, classes: names }) => {
    const base: ConstructClass = manifest ? ApiObject : Construct;
    return build === 'plain-classes' ? mirrorClass(names, base, mirrors) : base;
  });
  return (scope, namespace) => {
    const made: Construct[] = [];
    for (let i = 0; i < template.tree.length; i++) {
      const { id, parent, manifest } = template.tree[i];
      const at = parent < 0 ? scope : made[parent];
      made.push(manifest ? new classes[i](at, id, withNamespace(manifest, namespace)) : new classes[i](at, id));
    }
  };
}

/** Builds and synthesises one app; returns wall time in milliseconds. */
function measure(layout: Layout, build: Build, n: number, template: Template): number {
  const outdir = mkdtempSync(path.join(tmpdir(), 'bench-'));
  const profile = build === 'library' || build === 'unchecked' ? libraryProfile : plainProfile(template, build);
  const start = process.hrtime.bigint();
  const app = new App({ outdir });
  if (build === 'unchecked') { app.node.setContext(PodDefaultValidation.CONTEXT_KEY, false); }
  const shared = layout === 'one-chart' ? new Chart(app, 'profiles') : undefined;
  for (let i = 0; i < n; i++) {
    const namespace = `profile-${i}`;
    profile(shared ? new Construct(shared, namespace) : new Chart(app, namespace, { namespace }), namespace);
  }
  app.synth();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  rmSync(outdir, { recursive: true, force: true });
  return ms;
}

/** One measurement in a child process: milliseconds, or with BENCH_COUNT=instructions, millions of instructions. */
function runChild(layout: Layout, build: Build, n: number, templateFile: string): { ms: number; rssMiB: number } {
  if (!COUNT_INSTRUCTIONS) {
    return JSON.parse(execFileSync(process.execPath, [__filename, 'child', layout, build, String(n), templateFile], { encoding: 'utf8' }));
  }
  // Callgrind counts the whole process, the timer only the app: less the same build's count for no profile
  // (Node starting, and loading cdk8s and the library, which every build does before its timer starts).
  const key = `${layout}/${build}`;
  if (!STARTUP.has(key)) { STARTUP.set(key, instructions(layout, build, 0, templateFile)); }
  return { ms: (instructions(layout, build, n, templateFile) - STARTUP.get(key)!) / 1e6, rssMiB: NaN };
}

/** Each build's count for an app of no profile, by `layout/build`. */
const STARTUP = new Map<string, number>();

/** The instructions a child process retires under callgrind. */
function instructions(layout: Layout, build: Build, n: number, templateFile: string): number {
  // --single-threaded: V8 compiles and collects garbage on the main thread, where callgrind counts it.
  // --predictable-gc-schedule: V8 schedules collections partly by time, which callgrind's slowdown shifts; without it a
  // count falls in one of two modes about 7% apart (the scavenger's work, BENCHMARKS.md stop 32), with it three runs of
  // one build agree within 0.25%.
  const result = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', '--predictable-gc-schedule',
    __filename, 'child', layout, build, String(n), templateFile], { encoding: 'utf8' });
  const collected = /Collected : (\d+)/.exec(result.stderr ?? '');
  if (result.status !== 0 || collected === null) { throw new Error(`callgrind did not count the ${build} build: ${result.error?.message ?? result.stderr}`); }
  return Number(collected[1]);
}

/** `3 Secrets + 4 PodDefaults`: what one profile holds, by kind, in the order the kinds first appear. */
function kindsOf(manifests: readonly any[]): string {
  const counts = new Map<string, number>();
  for (const m of manifests) { counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1); }
  return [...counts].map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`).join(' + ');
}

function best(values: number[]): number {
  return Math.min(...values);
}

function main(): void {
  if (process.argv[2] === 'child') {
    const [, , , layout, build, n, templateFile] = process.argv;
    // Only the plain builds read the template, and JSON.parse runs no library or cdk8s code.
    const template = build.startsWith('plain') ? JSON.parse(readFileSync(templateFile, 'utf8')) : undefined;
    const ms = measure(layout as Layout, build as Build, Number(n), template);
    process.stdout.write(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024 }));
    return;
  }
  const named = process.env.BENCH_ROWS?.split(',');
  const rows = named !== undefined ? ROWS.filter(r => named.includes(`${r.layout}/${r.n}`))
    : process.env.BENCH_QUICK ? ROWS.filter(r => r.n <= 500) : ROWS;
  if (COUNT_INSTRUCTIONS && spawnSync('valgrind', ['--version']).status !== 0) {
    console.log('BENCH_COUNT=instructions needs valgrind (apt-get install valgrind); it is not on this machine');
    process.exitCode = 1;
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-template-'));
  const templateFile = path.join(dir, 'template.json');
  const template = profileTemplate();
  writeFileSync(templateFile, JSON.stringify(template));
  const unit = COUNT_INSTRUCTIONS ? 'M instructions' : 'ms';
  console.log(`node ${process.version}, ${require('os').cpus().length} cores, best of ${REPEAT} runs${COUNT_INSTRUCTIONS ? ' under callgrind' : ''}, ` +
    `per profile ${kindsOf(template.manifests)}`);
  console.log(`| layout | profiles | library ${unit} | plain ${unit} | ratio | plain at the library's paths | ...and with its classes | ` +
    'library without the check | library peak RSS MiB | plain peak RSS MiB |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const times = new Map<string, number>();
  for (const { layout, n } of rows) {
    const runs = new Map<Build, Array<{ ms: number; rssMiB: number }>>(BUILDS.map(b => [b, []]));
    for (let i = 0; i < REPEAT; i++) {
      for (const build of BUILDS) { runs.get(build)!.push(runChild(layout, build, n, templateFile)); }
    }
    const ms = (build: Build) => best(runs.get(build)!.map(r => r.ms));
    const ratio = (build: Build) => (ms(build) / ms('plain')).toFixed(2);
    // Under callgrind a process's RSS is valgrind's, not its own.
    const rss = (build: Build) => COUNT_INSTRUCTIONS ? '-' : Math.max(...runs.get(build)!.map(r => r.rssMiB)).toFixed(0);
    times.set(`${layout}/${n}`, ms('library'));
    console.log(`| ${layout} | ${n} | ${ms('library').toFixed(0)} | ${ms('plain').toFixed(0)} | ${ratio('library')} | ` +
      `${ratio('plain-tree')} | ${ratio('plain-classes')} | ${ratio('unchecked')} | ${rss('library')} | ${rss('plain')} |`);
  }
  rmSync(dir, { recursive: true, force: true });
  const t1000 = times.get('one-chart/1000');
  const t5000 = times.get('one-chart/5000');
  if (t1000 && t5000) {
    console.log(`\nscaling, one chart: t(5000)/t(1000) = ${(t5000 / t1000).toFixed(2)} (linear: 5)`);
  }
}

if (require.main === module) { main(); }
