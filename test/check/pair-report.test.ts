// How the rules across PodDefaults report many pairs that clash on one key (lib/check/pair-report.ts):
// one problem per pair up to MAX_PAIRS, one problem for all of them beyond. Compared, for random
// namespaces, with the same check reporting every pair on its own (pair-rules-reference.fuzz.test.ts
// judges those pairs against the webhook model).
import * as fc from 'fast-check';
import { checkManifests, CheckProblem } from '../../lib/check';
import { MAX_PAIRS } from '../../lib/check/pair-report';
import { inputs, line, pd, secret } from './support';

/** checkManifests with every pair reported on its own, from a module registry of its own. */
function everyPair(): typeof checkManifests {
  let check: typeof checkManifests | undefined;
  jest.isolateModules(() => {
    jest.doMock('../../lib/check/pair-report', () => ({ MAX_PAIRS: Infinity, pairProblems: (c: any) => c.pairs.map(c.describe) }));
    check = require('../../lib/check').checkManifests;
  });
  return check!;
}
const checkEveryPair = everyPair();

const volume = (secretName: string) => ({ volumes: [{ name: 'creds', secret: { secretName } }] });
/** `n` PodDefaults named pd-000 ... in reverse input order, each defining volume creds its own way. */
const clashing = (n: number) => Array.from({ length: n }, (_, i) => pd(`pd-${String(n - 1 - i).padStart(3, '0')}`, volume(`creds-${n - 1 - i}`)));

describe('pairs of one key', () => {
  test('GIVEN four PodDefaults that all define volume creds differently THEN each of their six pairs is a problem of its own, as the rule words it', () => {
    const problems = checkManifests(inputs(...clashing(4)));
    expect(problems.map(p => p.sources)).toEqual([['s3', 's2'], ['s3', 's1'], ['s2', 's1'], ['s3', 's0'], ['s2', 's0'], ['s1', 's0']]);
    expect(line(problems[0])).toBe('volume creds differs between poddefaults pd-000 (s3) and pd-001 (s2) in namespace team-a: the webhook refuses every notebook '
      + 'that selects both (labelled pd-000=true,pd-001=true); make the two definitions identical or rename one');
  });

  test('GIVEN five THEN their ten pairs are one problem naming each PodDefault by name, with its source, and the first pair\'s labels', () => {
    const problems = checkManifests(inputs(...clashing(5)));
    expect(problems).toEqual([{
      rule: 'volume',
      namespace: 'team-a',
      key: 'creds',
      sources: ['s4', 's3', 's2', 's1', 's0'],
      message: '10 pairs of poddefaults that one notebook can select together define volume creds differently in namespace team-a, among the 5 poddefaults '
        + 'pd-000 (s4), pd-001 (s3), pd-002 (s2), pd-003 (s1), pd-004 (s0); the first pair: volume creds differs between poddefaults pd-000 (s4) and pd-001 (s3) '
        + 'in namespace team-a: the webhook refuses every notebook that selects both (labelled pd-000=true,pd-001=true)',
      fix: 'for each pair, make the two definitions identical or rename one',
    }]);
  });

  test('GIVEN 1000 THEN one problem of about 30 bytes per PodDefault, not 499,500 of 300 bytes each', () => {
    const problems = checkManifests(inputs(...clashing(1000)));
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^499500 pairs of poddefaults .* among the 1000 poddefaults pd-000 \(s999\), pd-001 \(s998\), .*, pd-999 \(s0\); the first pair: /);
    expect(problems[0].sources).toEqual(Array.from({ length: 1000 }, (_, i) => `s${999 - i}`));
    expect(line(problems[0]).length).toBeLessThan(30 * 1000);
  });

  test('GIVEN a PodDefault that defines the key twice among many that clash THEN it is reported on its own too, before the pairs', () => {
    const twice = pd('pd-002', { volumes: [{ name: 'creds', secret: { secretName: 'a' } }, { name: 'creds', emptyDir: {} }] });
    const problems = checkManifests(inputs(...clashing(5).filter(m => m.metadata.name !== 'pd-002'), twice));
    expect(problems.map(p => p.message.slice(0, 60))).toEqual([
      'volume creds is defined twice, differently, by poddefault pd',
      '10 pairs of poddefaults that one notebook can select togethe',
    ]);
    expect(problems[0].sources).toEqual(['s4']);
  });

  test('GIVEN two groups that never meet, each clashing in many pairs THEN one problem for the key, naming both groups', () => {
    // GIVEN tier=cpu and tier=gpu notebooks, four PodDefaults each
    const tier = (name: string, value: string) => pd(name, { ...volume(name), selector: { matchLabels: { [name]: 'true' }, matchExpressions: [{ key: 'tier', operator: 'In', values: [value] }] } });
    const problems = checkManifests(inputs(...['a', 'b', 'c', 'd'].map(n => tier(`cpu-${n}`, 'cpu')), ...['a', 'b', 'c', 'd'].map(n => tier(`gpu-${n}`, 'gpu'))));
    // THEN 12 pairs, none across the groups
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^12 pairs of poddefaults .* among the 8 poddefaults cpu-a \(s0\), .*, gpu-d \(s7\); the first pair: .* cpu-a \(s0\) and cpu-b \(s1\) .*\(labelled cpu-a=true,cpu-b=true,tier=cpu\)$/);
  });

  test.each<[string, (name: string, i: number) => any[], string]>([
    ['service-account', (name, i) => [pd(name, { serviceAccountName: `sa-${i}` })], 'set different serviceAccountNames in namespace team-a'],
    ['env-source', (name, i) => [pd(name, { envFrom: [{ secretRef: { name: `env-${i}` } }] }), secret(`env-${i}`, ['TOKEN'])],
      'set env var TOKEN from two sources in namespace team-a'],
    ['mount-spelling', (name, i) => [pd(name, { volumes: [{ name, emptyDir: {} }], volumeMounts: [{ name, mountPath: `/data${'/'.repeat(i + 1)}` }] })],
      'spell the directory /data differently in namespace team-a'],
    ['cloud-identity', (name, i) => [pd(name, { env: [{ name: i % 2 === 0 ? 'AWS_WEB_IDENTITY_TOKEN_FILE' : 'AWS_ACCESS_KEY_ID', value: 'fake' }] })],
      'give AWS keys beside an AWS web identity in namespace team-a'],
    ['label', name => [pd(name, { labels: { tier: name } })], 'define pod label tier differently in namespace team-a'],
  ])('%s: many pairs are one problem too', (rule, make, what) => {
    // GIVEN eight PodDefaults one notebook can select, each clashing with the others (four with four for cloud-identity)
    const manifests = Array.from({ length: 8 }, (_, i) => make(`pd-${i}`, i)).flat();
    // WHEN
    const problems = checkManifests(inputs(...manifests)).filter(p => p.rule === rule);
    // THEN
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(new RegExp(`^(28|16) pairs of poddefaults that one notebook can select together ${what}, among the 8 poddefaults pd-0 `));
    expect(problems[0].sources).toHaveLength(8);
  });
});

describe('property: one problem for many pairs says what every pair said', () => {
  const NAMES = Array.from({ length: 12 }, (_, i) => `pd-${String.fromCharCode(97 + i)}`);
  const podDefault = fc.record({
    namespace: fc.constantFrom<string | null>('team-a', 'team-a', 'team-a', 'team-b', null),
    tier: fc.constantFrom<string | undefined>(undefined, 'cpu', 'gpu'),
    volume: fc.constantFrom<string | undefined>(undefined, 's1', 's2', 's3'),
    account: fc.constantFrom<string | undefined>(undefined, 'sa-1', 'sa-2', 'sa-3'),
    envFrom: fc.constantFrom<string | undefined>(undefined, 'e1', 'e2', 'e3'),
    env: fc.constantFrom<string | undefined>(undefined, 'TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_WEB_IDENTITY_TOKEN_FILE'),
    mountPath: fc.constantFrom<string | undefined>(undefined, '/m', '/m/', '/m//'),
    label: fc.constantFrom<string | undefined>(undefined, 'x', 'y'),
  });
  const app = fc.record({
    podDefaults: fc.array(podDefault, { minLength: 1, maxLength: NAMES.length }),
    secrets: fc.uniqueArray(fc.record({ name: fc.constantFrom('e1', 'e2', 'e3'), namespace: fc.constantFrom('team-a', 'team-b') }), { selector: s => `${s.name}/${s.namespace}` }),
    order: fc.integer(),
  });

  function manifests(drawn: typeof app extends fc.Arbitrary<infer A> ? A : never): any[] {
    const pds = drawn.podDefaults.map((p, i) => {
      const name = NAMES[i];
      const spec: any = { selector: { matchLabels: { [name]: 'true', ...(p.tier === undefined ? {} : { tier: p.tier }) } } };
      if (p.volume !== undefined) { spec.volumes = [{ name: 'creds', secret: { secretName: p.volume } }]; }
      if (p.mountPath !== undefined) { spec.volumeMounts = [{ name: 'creds', mountPath: p.mountPath }]; }
      if (p.account !== undefined) { spec.serviceAccountName = p.account; }
      if (p.envFrom !== undefined) { spec.envFrom = [{ secretRef: { name: p.envFrom } }]; }
      if (p.env !== undefined) { spec.env = [{ name: p.env, value: name }]; }
      if (p.label !== undefined) { spec.labels = { team: p.label }; }
      return pd(name, spec, p.namespace);
    });
    return [...pds, ...drawn.secrets.map(s => secret(s.name, ['TOKEN', 'AWS_ACCESS_KEY_ID'], s.namespace))];
  }

  /** Inputs named after their objects, so that their order changes no name. */
  const named = (all: any[]) => all.map(manifest => ({ manifest, source: `${manifest.kind}/${manifest.metadata.namespace ?? '-'}/${manifest.metadata.name}` }));
  const groupOf = (p: CheckProblem) => JSON.stringify([p.rule, p.namespace ?? '', p.key ?? '']);
  const SUMMARY = /^(\d+) pairs of poddefaults that one notebook can select together .*?; the first pair: (.*)$/;

  test('random namespaces: the same verdict, every PodDefault of a pair still named, each pair counted once', () => {
    fc.assert(fc.property(app, drawn => {
      // GIVEN random PodDefaults, many of them clashing
      const all = manifests(drawn);
      // WHEN checked, and checked with every pair on its own
      const grouped = checkManifests(named(all));
      const pairs = checkEveryPair(named(all));
      // THEN the verdict is the same
      expect(grouped.length === 0).toBe(pairs.length === 0);
      // AND a problem is either one of the pairs', or stands for more than MAX_PAIRS of them of its rule, namespace and key
      const unmatched = [...pairs];
      const summaries: { problem: CheckProblem; count: number }[] = [];
      for (const problem of grouped) {
        const same = unmatched.findIndex(p => JSON.stringify(p) === JSON.stringify(problem));
        if (same >= 0) {
          unmatched.splice(same, 1);
          continue;
        }
        const [, count, first] = SUMMARY.exec(problem.message) ?? [];
        expect(Number(count)).toBeGreaterThan(MAX_PAIRS);
        // its first pair is one of the pairs, quoted whole, with its fix for each pair
        expect(pairs).toContainEqual({ ...problem, sources: expect.any(Array), message: first, fix: problem.fix.replace(/^for each pair, /, '') });
        summaries.push({ problem, count: Number(count) });
      }
      // AND the pairs not shown one by one are counted by those problems, and every PodDefault of them is named there
      const groups = new Set([...unmatched.map(groupOf), ...summaries.map(s => groupOf(s.problem))]);
      for (const group of groups) {
        const mine = summaries.filter(s => groupOf(s.problem) === group);
        const theirs = unmatched.filter(p => groupOf(p) === group);
        expect(mine.reduce((sum, s) => sum + s.count, 0)).toBe(theirs.length);
        expect(new Set(mine.flatMap(s => s.problem.sources))).toEqual(new Set(theirs.flatMap(p => p.sources)));
        for (const { problem } of mine) {
          expect(problem.message).toContain(`among the ${problem.sources.length} poddefaults ${problem.sources.map(s => `${s.split('/')[2]} (${s})`).join(', ')};`);
        }
      }
      // AND the report does not depend on the order of the input
      const shuffled = [...all].sort((a, b) => ((JSON.stringify(a).length * drawn.order) % 7) - ((JSON.stringify(b).length * drawn.order) % 7));
      expect(new Set(checkManifests(named(shuffled)).map(p => JSON.stringify(p)))).toEqual(new Set(grouped.map(p => JSON.stringify(p))));
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 200), seed: Number(process.env.FUZZ_SEED ?? 20261207) });
  });
});
