// How the check's report grows when many PodDefaults of one namespace clash: for each cross-PodDefault
// rule, N PodDefaults one pod can select together, each clashing with every other on one key, checked by
// `PodDefaultCheck.check` and by the CLI `check` (in-process, as bench/cli-check-bench.ts runs it). Prints
// the problems, the bytes the CLI writes and the time of each. Not part of `npm run bench`; built as it
// builds the benchmarks:
//
//   npx tsc && node bench/clash-report.js 10 100 1000
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { PodDefaultCheck } from '../lib';
import { main } from '../lib/cli/main';
import { podDefault } from './check-bench';

const NAMESPACE = 'team-a';

type Shape = 'volume' | 'env-source' | 'service-account' | 'cloud-identity' | 'mount-spelling' | 'label';
const SHAPES: Shape[] = ['volume', 'env-source', 'service-account', 'cloud-identity', 'mount-spelling', 'label'];

function secret(name: string, data: Record<string, string>): any {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: NAMESPACE }, type: 'Opaque', data };
}

const FAKE = Buffer.from('fake').toString('base64');

/** `n` PodDefaults (and the Secrets they read) that clash pairwise by `shape`. */
export function clashing(shape: Shape, n: number): any[] {
  const out: any[] = [];
  for (let i = 0; i < n; i++) {
    const name = `pd-${String(i).padStart(4, '0')}`;
    switch (shape) {
      case 'volume':
        out.push(podDefault(name, { volumes: [{ name: 'creds', secret: { secretName: `creds-${i}` } }] }));
        break;
      case 'env-source':
        out.push(podDefault(name, { envFrom: [{ secretRef: { name: `env-${i}` } }] }));
        out.push(secret(`env-${i}`, { TOKEN: FAKE }));
        break;
      case 'service-account':
        out.push(podDefault(name, { serviceAccountName: `sa-${i}` }));
        break;
      case 'cloud-identity':
        out.push(podDefault(name, i % 2 === 0
          ? { env: [{ name: 'AWS_ROLE_ARN', value: `arn:aws:iam::123456789012:role/r-${i}` }, { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/token' }] }
          : { env: [{ name: 'AWS_ACCESS_KEY_ID', value: 'AKIAFAKEFAKEFAKE' }] }));
        break;
      case 'mount-spelling':
        out.push(podDefault(name, {
          volumes: [{ name: `v-${i}`, emptyDir: {} }],
          volumeMounts: [{ name: `v-${i}`, mountPath: `/home/jovyan/data${'/'.repeat(i + 1)}` }],
        }));
        break;
      case 'label':
        out.push(podDefault(name, { labels: { tier: `t-${i}` } }));
        break;
    }
  }
  return out;
}

async function cliBytes(manifests: any[]): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'clash-report-'));
  try {
    const file = path.join(dir, 'in.json');
    writeFileSync(file, manifests.map(m => JSON.stringify(m)).join('\n'));
    let out = '';
    await main(['check', file], { stdout: t => { out += t; }, stderr: t => { out += t; }, readStdin: () => Buffer.alloc(0), env: {} });
    return Buffer.byteLength(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number);
  console.log('| shape | PodDefaults | problems | CLI bytes | check ms | CLI ms |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const shape of SHAPES) {
    for (const n of sizes.length > 0 ? sizes : [10, 100, 1000]) {
      const manifests = clashing(shape, n);
      const inputs = manifests.map(manifest => ({ manifest }));
      let start = process.hrtime.bigint();
      const problems = PodDefaultCheck.check(inputs);
      const checkMs = Number(process.hrtime.bigint() - start) / 1e6;
      start = process.hrtime.bigint();
      const bytes = await cliBytes(manifests);
      const cliMs = Number(process.hrtime.bigint() - start) / 1e6;
      console.log(`| ${shape} | ${n} | ${problems.length} | ${bytes} | ${checkMs.toFixed(0)} | ${cliMs.toFixed(0)} |`);
    }
  }
}

if (require.main === module) {
  run().catch(e => {
    console.error(e);
    process.exitCode = 1;
  });
}
