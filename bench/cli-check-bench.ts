// `npm run bench`, second part: `cdk8s-kubeflow-access check` over a cluster dump, as
// `kubectl get poddefaults,secrets -A -o yaml` (and `-o json`) prints one: a List of every profile's
// Secrets and PodDefaults, with the fields the API server adds. Each measurement runs in a fresh process
// (so that peak RSS is its own and every run starts cold), times the command from reading its input
// to its verdict, and the table shows the best of BENCH_REPEAT runs.
//
//   npm run bench                      5000 profiles (40,000 objects)
//   BENCH_QUICK=1 npm run bench        500 profiles
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { main } from '../lib/cli/main';
import { profileTemplate } from './synth-bench';

const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);

/**
 * The Secret Kubeflow's Pipelines profile controller copies into every profile, which the synth bench's
 * `MinioDefault` reads: in a cluster's dump, not in what the library writes.
 */
const PIPELINES_SECRET = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'mlpipeline-minio-artifact' },
  type: 'Opaque',
  data: { accesskey: Buffer.from('fake-minio-access').toString('base64'), secretkey: Buffer.from('fake-minio-secret').toString('base64') },
};

/**
 * The dump of `profiles` profiles of the synth bench, as the API server returns them: with a uid, a
 * resourceVersion and a creationTimestamp, and for custom resources a generation. Eight objects each:
 * the synth bench's 3 Secrets and 4 PodDefaults, and the profile's `mlpipeline-minio-artifact`.
 */
export function clusterDump(profiles: number): any {
  const template = [...profileTemplate().manifests, PIPELINES_SECRET];
  const items: any[] = [];
  for (let i = 0; i < profiles; i++) {
    const namespace = `profile-${i}`;
    for (const manifest of template) {
      const item = JSON.parse(JSON.stringify(manifest));
      const n = items.length;
      item.metadata = {
        ...item.metadata,
        namespace,
        creationTimestamp: '2026-12-01T10:00:00Z',
        resourceVersion: String(100000 + n),
        uid: `0b6d5f0e-7c1a-4c55-9d2e-${String(n).padStart(12, '0')}`,
        ...(item.kind === 'PodDefault' ? { generation: 1 } : {}),
      };
      items.push(item);
    }
  }
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

/**
 * The dump as kubectl prints it: `-o json` indents by four spaces; `-o yaml` (sigs.k8s.io/yaml, go-yaml
 * v2) sorts keys, indents by two and does not indent a list under its key.
 */
function writeDump(dump: any, file: string, format: 'yaml' | 'json'): void {
  writeFileSync(file, format === 'json'
    ? `${JSON.stringify(dump, null, 4)}\n`
    : YAML.stringify(dump, { indentSeq: false, lineWidth: 0, sortMapEntries: true }));
}

/** In a child: runs `check FILE` in-process and reports its time and the process's peak RSS. */
async function child(file: string): Promise<void> {
  let stdout = '';
  let stderr = '';
  const start = process.hrtime.bigint();
  const code = await main(['check', file], {
    stdout: t => { stdout += t; },
    stderr: t => { stderr += t; },
    readStdin: () => Buffer.alloc(0),
    env: {},
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (code !== 0) { throw new Error(`check failed: ${stderr}`); }
  process.stdout.write(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024, verdict: stdout.trim() }));
}

function run(): void {
  const profiles = process.env.BENCH_QUICK ? 500 : 5000;
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-check-bench-'));
  try {
    const dump = clusterDump(profiles);
    const files = (['yaml', 'json'] as const).map(format => {
      const file = path.join(dir, `dump.${format}`);
      writeDump(dump, file, format);
      return { format, file };
    });
    console.log(`\ncheck over a cluster dump: node ${process.version}, best of ${REPEAT} runs, each in a fresh process`);
    console.log('| input | profiles | objects | MiB | check ms | peak RSS MiB | verdict |');
    console.log('|---|---:|---:|---:|---:|---:|---|');
    const runs = new Map(files.map(f => [f.format, [] as { ms: number; rssMiB: number; verdict: string }[]]));
    for (let i = 0; i < REPEAT; i++) {
      for (const { format, file } of files) {
        const out = execFileSync(process.execPath, [__filename, 'child', file], { encoding: 'utf8', maxBuffer: 1024 * 1024 });
        runs.get(format)!.push(JSON.parse(out));
      }
    }
    for (const { format, file } of files) {
      const results = runs.get(format)!;
      const ms = Math.min(...results.map(r => r.ms));
      const rss = Math.max(...results.map(r => r.rssMiB));
      console.log(`| ${format === 'yaml' ? 'kubectl get -o yaml' : 'kubectl get -o json'} | ${profiles} | ${dump.items.length} | `
        + `${(statSync(file).size / 1024 / 1024).toFixed(1)} | ${ms.toFixed(0)} | ${rss.toFixed(0)} | ${results[0].verdict} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  if (process.argv[2] === 'child') {
    child(process.argv[3]).catch(e => {
      console.error(e);
      process.exitCode = 1;
    });
  } else {
    run();
  }
}
