// `npm run bench`: synth time and peak memory of a profile-scale rollout, against the same manifests
// built from plain cdk8s ApiObjects with no checks. Each measurement runs in a fresh process, so that
// peak RSS is its own. Library and plain runs alternate, so that a slow spell of a shared machine hits
// both, and the table shows the best of BENCH_REPEAT runs of each: noise on a shared machine only ever
// adds time, so the fastest run is the closest to what the code itself costs.
//
//   npm run bench                      the full table (a few minutes on 2 cores)
//   BENCH_QUICK=1 npm run bench        the small rows only
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import {
  AwsCredentials, AwsEnvConfiguration, DockerConfig, MinioDefault, NotebookAccess, PodDefaultValidation, S3Configuration,
  StorageAccess,
} from '../lib';

type Layout = 'one-chart' | 'chart-per-profile';
/** `unchecked`: the library with its app-wide check left out, to measure what the check adds. */
type Build = 'library' | 'unchecked' | 'plain';

interface Row { readonly layout: Layout; readonly n: number }

const ROWS: Row[] = [
  { layout: 'one-chart', n: 100 },
  { layout: 'one-chart', n: 1000 },
  { layout: 'one-chart', n: 5000 },
  { layout: 'chart-per-profile', n: 100 },
  { layout: 'chart-per-profile', n: 500 },
];
const REPEAT = Number(process.env.BENCH_REPEAT ?? 7);

/** One profile's access, as a platform team rolls it out: 4 Secrets and 4 PodDefaults. */
function libraryProfile(scope: Construct, namespace: string): void {
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

/** The same manifests as plain ApiObjects, with no checks. */
function plainProfile(template: any[]): (scope: Construct, namespace: string) => void {
  return (scope, namespace) => template.forEach((manifest, i) => {
    new ApiObject(scope, `o${i}`, { ...manifest, metadata: { ...manifest.metadata, namespace } });
  });
}

function profileTemplate(): any[] {
  const chart = Testing.chart();
  libraryProfile(chart, 'template');
  return Testing.synth(chart);
}

/** Builds and synthesises one app; returns wall time in milliseconds. */
function measure(layout: Layout, build: Build, n: number): number {
  const outdir = mkdtempSync(path.join(tmpdir(), 'bench-'));
  const profile = build === 'plain' ? plainProfile(profileTemplate()) : libraryProfile;
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

function runChild(layout: Layout, build: Build, n: number): { ms: number; rssMiB: number } {
  const out = execFileSync(process.execPath, [__filename, 'child', layout, build, String(n)], { encoding: 'utf8' });
  return JSON.parse(out);
}

function best(values: number[]): number {
  return Math.min(...values);
}

function main(): void {
  if (process.argv[2] === 'child') {
    const [, , , layout, build, n] = process.argv;
    const ms = measure(layout as Layout, build as Build, Number(n));
    process.stdout.write(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024 }));
    return;
  }
  const rows = process.env.BENCH_QUICK ? ROWS.filter(r => r.n <= 500) : ROWS;
  console.log(`node ${process.version}, ${require('os').cpus().length} cores, best of ${REPEAT} runs, 4 Secrets + 4 PodDefaults per profile`);
  console.log('| layout | profiles | library ms | plain ms | ratio | check adds | library peak RSS MiB | plain peak RSS MiB |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  const times = new Map<string, number>();
  for (const { layout, n } of rows) {
    const lib: Array<{ ms: number; rssMiB: number }> = [];
    const unchecked: Array<{ ms: number; rssMiB: number }> = [];
    const plain: Array<{ ms: number; rssMiB: number }> = [];
    for (let i = 0; i < REPEAT; i++) {
      lib.push(runChild(layout, 'library', n));
      unchecked.push(runChild(layout, 'unchecked', n));
      plain.push(runChild(layout, 'plain', n));
    }
    const libMs = best(lib.map(r => r.ms));
    const uncheckedMs = best(unchecked.map(r => r.ms));
    const plainMs = best(plain.map(r => r.ms));
    const checkAdds = `${((libMs / uncheckedMs - 1) * 100).toFixed(0)}%`;
    times.set(`${layout}/${n}`, libMs);
    console.log(`| ${layout} | ${n} | ${libMs.toFixed(0)} | ${plainMs.toFixed(0)} | ${(libMs / plainMs).toFixed(2)} | ${checkAdds} | ` +
      `${Math.max(...lib.map(r => r.rssMiB)).toFixed(0)} | ${Math.max(...plain.map(r => r.rssMiB)).toFixed(0)} |`);
  }
  const t1000 = times.get('one-chart/1000');
  const t5000 = times.get('one-chart/5000');
  if (t1000 && t5000) {
    console.log(`\nscaling, one chart: t(5000)/t(1000) = ${(t5000 / t1000).toFixed(2)} (linear: 5)`);
  }
}

main();
