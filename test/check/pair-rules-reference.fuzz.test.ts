// The pair rules (webhook-merge, mount-spelling, env-source, service-account, cloud-identity) against a
// brute-force reference: for random small namespaces, each pair of PodDefaults (and each PodDefault
// alone) is tried with every label set over the keys their selectors read (each key absent, or one of the
// values mentioned, or one mentioned nowhere: a notebook carries the labels that select its PodDefaults);
// a pair a label set selects together is merged by the webhook model (mergePodDefaults) into a pod with
// those labels, and its conflicts are what the check must report, no more and no fewer; so are two
// service accounts, and, on a pod the webhook admits, AWS keys beside an AWS web identity (the
// credentials each PodDefault gives, from its env and the Secrets and ConfigMaps its envFrom reads, are
// the identity tables' business: here only which pairs meet). Every pair is compared as a problem of its
// own: how the rules report many pairs of one key as one problem is pair-report.test.ts's.
import * as fc from 'fast-check';
import { mergePodDefaults, POD } from '../../lib/admission/merge';
import { parseSelector } from '../../lib/admission/selector';
import { storedPodDefault } from '../../lib/admission/stored-pod-default';
import { checkManifests, CheckProblem } from '../../lib/check';
import { foldPath } from '../../lib/names';

jest.mock('../../lib/check/pair-report', () => ({ MAX_PAIRS: Infinity, pairProblems: (c: any) => c.pairs.map(c.describe) }));

const KEYS = ['tier', 'gpu', 'zone'];
const VALUES = ['a', 'b', 'true'];
const NAMES = ['pd-a', 'pd-b', 'pd-c', 'pd-d', 'pd-e'];
const FRESH = 'never-mentioned';
const SECRETS: Record<string, string[]> = { s1: ['E', 'AWS_ACCESS_KEY_ID'], s2: ['E', 'F', 'AWS_WEB_IDENTITY_TOKEN_FILE'] };
/** ConfigMaps: `data` keys, and `binaryData` keys, which envFrom does not read. */
const CONFIG_MAPS: Record<string, { data: string[]; binaryData: string[] }> = {
  c1: { data: ['E', 'ACCESS_KEY_ID'], binaryData: [] },
  c2: { data: ['F', 'AWS_WEB_IDENTITY_TOKEN_FILE'], binaryData: ['E'] },
};
/** The credentials the reference tells apart, by the variable that gives them. */
const CREDENTIALS: Record<string, string> = { AWS_ACCESS_KEY_ID: 'aws-keys', AWS_WEB_IDENTITY_TOKEN_FILE: 'aws-web-identity' };

const requirement = fc.oneof(
  fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('In', 'NotIn'), values: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 2 }) }),
  fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
);

const spec = fc.record({
  ownLabel: fc.boolean(),
  matchExpressions: fc.array(requirement, { maxLength: 2 }),
  volumes: fc.array(fc.oneof(
    fc.record({ name: fc.constantFrom('v1', 'v2'), secret: fc.record({ secretName: fc.constantFrom('s1', 's2') }) }),
    fc.record({ name: fc.constantFrom('v1', 'v2'), emptyDir: fc.record({ sizeLimit: fc.constantFrom<unknown>(1, '1', '1Gi', '1024Mi') }) }),
  ), { maxLength: 2 }),
  volumeMounts: fc.array(fc.record({ name: fc.constantFrom('v1', 'v2'), mountPath: fc.constantFrom('/m', '/m/', '/n'), readOnly: fc.constantFrom(false, true) },
    { requiredKeys: ['name', 'mountPath'] }), { maxLength: 2 }),
  // A value, a valueFrom (which the webhook compares as a whole) or neither; a key twice in one PodDefault.
  env: fc.array(fc.tuple(fc.constantFrom('E', 'MARK', ...Object.keys(CREDENTIALS)), fc.constantFrom<any>(
    { value: '1' }, { value: '2' }, { value: 'OWN' }, { value: '1' }, { value: 'OWN' },
    { valueFrom: { secretKeyRef: { name: 's1', key: 'E' } } }, { valueFrom: { secretKeyRef: { name: 's2', key: 'E' } } }, {},
  )).map(([name, value]) => ({ name, ...value })), { maxLength: 3 }),
  envFrom: fc.array(fc.oneof(
    fc.record({ secretRef: fc.record({ name: fc.constantFrom('s1', 's2') }) }),
    fc.record({ configMapRef: fc.record({ name: fc.constantFrom('c1', 'c2') }), prefix: fc.constantFrom('AWS_') }, { requiredKeys: ['configMapRef'] }),
  ), { maxLength: 2 }),
  serviceAccountName: fc.constantFrom('sa-1', 'sa-2', ''),
  labels: fc.dictionary(fc.constantFrom('tier', 'gpu', 'x'), fc.constantFrom(...VALUES), { maxKeys: 2 }),
  annotations: fc.dictionary(fc.constantFrom('n'), fc.constantFrom('1', '2'), { maxKeys: 1 }),
  tolerations: fc.array(fc.record({ key: fc.constant('gpu'), operator: fc.constantFrom('Exists', 'Equal') }), { maxLength: 1 }),
  sidecars: fc.array(fc.record({ name: fc.constant('side'), image: fc.constantFrom('one', 'two'), command: fc.constantFrom<string[]>([], ['run']) },
    { requiredKeys: ['name', 'image'] }), { maxLength: 1 }),
  initContainers: fc.array(fc.record({ name: fc.constant('init'), image: fc.constant('one'), args: fc.constantFrom<string[]>([], ['x']) },
    { requiredKeys: ['name', 'image'] }), { maxLength: 1 }),
}, { requiredKeys: ['ownLabel', 'matchExpressions'] });

const namespace = fc.constantFrom<string | null>('team-a', 'team-a', 'team-b', null);

const app: fc.Arbitrary<Drawn> = fc.record({
  podDefaults: fc.uniqueArray(fc.record({ name: fc.constantFrom(...NAMES), namespace, spec }), { minLength: 1, maxLength: 5, selector: p => p.name }),
  secrets: fc.array(fc.record({ name: fc.constantFrom('s1', 's2'), namespace }), { maxLength: 2 }),
  configMaps: fc.array(fc.record({ name: fc.constantFrom('c1', 'c2'), namespace }), { maxLength: 2 }),
});

interface Drawn {
  readonly podDefaults: { name: string; namespace: string | null; spec: any }[];
  readonly secrets: { name: string; namespace: string | null }[];
  readonly configMaps: { name: string; namespace: string | null }[];
}

function manifests(drawn: Drawn): any[] {
  const pds = drawn.podDefaults.map(p => {
    const { ownLabel, matchExpressions, ...rest } = p.spec;
    const body: any = JSON.parse(JSON.stringify(rest).replace(/"OWN"/g, JSON.stringify(p.name)));
    return {
      apiVersion: 'kubeflow.org/v1alpha1',
      kind: 'PodDefault',
      metadata: p.namespace === null ? { name: p.name } : { name: p.name, namespace: p.namespace },
      spec: { ...body, selector: { ...(ownLabel ? { matchLabels: { [p.name]: 'true' } } : {}), matchExpressions } },
    };
  });
  const secrets = drawn.secrets.map(s => ({
    apiVersion: 'v1', kind: 'Secret',
    metadata: s.namespace === null ? { name: s.name } : { name: s.name, namespace: s.namespace },
    data: Object.fromEntries(SECRETS[s.name].map(k => [k, 'ZmFrZQ=='])),
  }));
  const configMaps = drawn.configMaps.map(c => ({
    apiVersion: 'v1', kind: 'ConfigMap',
    metadata: c.namespace === null ? { name: c.name } : { name: c.name, namespace: c.namespace },
    data: Object.fromEntries(CONFIG_MAPS[c.name].data.map(k => [k, 'x'])),
    binaryData: Object.fromEntries(CONFIG_MAPS[c.name].binaryData.map(k => [k, 'eA=='])),
  }));
  return [...pds, ...secrets, ...configMaps];
}

/** A problem as the comparison reads it. */
function row(p: { rule: string; namespace?: string; key?: string; sources: string[] }): string {
  return JSON.stringify([p.rule, p.namespace ?? '', p.key ?? '', p.sources]);
}

const PAIR_RULES = new Set(['volume', 'toleration', 'env', 'volume-mount-name', 'volume-mount-path', 'annotation', 'label', 'init-container', 'sidecar', 'mount-spelling',
  'env-source', 'service-account', 'cloud-identity']);

/** Every label set over `keys`: each key absent or one of `values`. */
function labelSets(keys: string[], values: string[]): Record<string, string>[] {
  let sets: Record<string, string>[] = [{}];
  for (const key of keys) {
    sets = sets.flatMap(set => [set, ...values.map(v => ({ ...set, [key]: v }))]);
  }
  return sets;
}

function markers(m: any): string[] {
  return (m.spec.env ?? []).filter((e: any) => e.value === m.metadata.name).map((e: any) => e.name);
}

/**
 * The brute-force judgement of one group (a namespace's PodDefaults, with the namespace-less ones), whose
 * envFrom sources are those of `landing`: for the namespace-less ones among themselves, any namespace
 * `kubectl apply -n` may put them in.
 */
function reference(group: { manifest: any; source: string; floating: boolean }[], namespace: string, all: any[], landing = namespace): string[] {
  const rows = new Set<string>();
  const base = namespace === '' ? {} : { namespace };
  const selectors = group.map(g => parseSelector(g.manifest.spec.selector));
  /** The keys an envFrom entry reads, prefixed: a Secret's data, a ConfigMap's data (not its binaryData). */
  const sourceKeys = (from: any): string[] => {
    const [kind, name] = from.secretRef !== undefined ? ['Secret', from.secretRef.name] : ['ConfigMap', from.configMapRef.name];
    const found = all.filter(m => m.kind === kind && m.metadata.name === name
      && ((m.metadata.namespace ?? '') === landing || (landing !== '' && m.metadata.namespace === undefined)));
    return found.flatMap(m => Object.keys(m.data)).map(k => (from.prefix ?? '') + k);
  };
  const sourceOf = (from: any): string => (from.secretRef !== undefined ? `Secret ${from.secretRef.name}` : `ConfigMap ${from.configMapRef.name}`);
  /** The credentials a PodDefault gives: its own env entry of a name hides the envFrom one. */
  const credentials = (m: number): Set<string> => {
    const spec = group[m].manifest.spec;
    const own = new Set<string>((spec.env ?? []).map((e: any) => e.name));
    const names = [...own, ...(spec.envFrom ?? []).flatMap(sourceKeys).filter((k: string) => !own.has(k))];
    return new Set(names.filter(n => CREDENTIALS[n] !== undefined).map(n => CREDENTIALS[n]));
  };
  const selects = (labels: Record<string, string>, members: number[]) => members.every(i => selectors[i].matches(labels));
  const exclusive = (i: number, j: number) => i !== j && markers(group[i].manifest).some(m => markers(group[j].manifest).includes(m));
  const podLabel: Map<string, number> = new Map();

  for (let i = 0; i < group.length; i++) {
    for (let j = i; j < group.length; j++) {
      if (exclusive(i, j) || (namespace !== '' && group[i].floating && group[j].floating)) { continue; }
      const members = i === j ? [i] : [i, j];
      // Labels the two do not read change nothing for them: the label sets over the keys they read.
      const keys = [...new Set(members.flatMap(m => selectors[m].requirements.map(r => r.key)))];
      for (const labels of labelSets(keys, [...VALUES, FRESH]).filter(l => selects(l, members))) {
        const pod = { metadata: { labels }, spec: { containers: [{ name: 'notebook', image: 'notebook' }] } };
        // As the webhook lists them: stored by the API server.
        const merged = mergePodDefaults(pod, members.map(m => storedPodDefault(group[m].manifest)));
        for (const c of merged.conflicts) {
          if (c.sources[0] === POD) {
            // A pod label a PodDefault sets, against the one that selected it: the first reader by name.
            const setter = members[c.sources[1]];
            const readers = members.filter(m => selectors[m].requirements.some(r => r.key === c.key));
            for (const reader of readers) {
              const id = `${setter}\n${c.key}`;
              if (!podLabel.has(id) || podLabel.get(id)! > reader) { podLabel.set(id, reader); }
            }
          } else {
            const [x, y] = c.sources.map(s => members[s]).sort();
            // A namespace-less PodDefault alone is judged once, among the namespace-less ones.
            if (x === y && namespace !== '' && group[x].floating) { continue; }
            rows.add(row({ rule: c.rule, ...base, key: c.key, sources: x === y ? [group[x].source] : [group[x].source, group[y].source] }));
          }
        }
        // mount-spelling: one directory, two spellings
        const mounts = members.flatMap(m => (group[m].manifest.spec.volumeMounts ?? []).map((v: any) => ({ m, path: v.mountPath })));
        for (const x of mounts) {
          for (const y of mounts) {
            if (x.m <= y.m && x.path !== y.path && foldPath(x.path) === foldPath(y.path) && (x.m !== y.m || i === j)
              && !(x.m === y.m && namespace !== '' && group[x.m].floating)) {
              rows.add(row({ rule: 'mount-spelling', ...base, key: foldPath(x.path), sources: x.m === y.m ? [group[x.m].source] : [group[x.m].source, group[y.m].source] }));
            }
          }
        }
        // env-source: one variable from an env and an envFrom source, or two envFrom sources
        if (i !== j) {
          const provides = (m: number) => [
            ...(group[m].manifest.spec.envFrom ?? []).flatMap((f: any) => sourceKeys(f).map(k => ({ m, v: k, source: sourceOf(f) as string | undefined }))),
            ...(group[m].manifest.spec.env ?? []).map((e: any) => ({ m, v: e.name as string, source: undefined as string | undefined })),
          ];
          const [pa, pb] = [provides(i), provides(j)];
          for (const x of pa) {
            for (const y of pb) {
              if (x.v !== y.v || x.source === y.source) { continue; }
              const [p, q] = x.source === undefined ? [y, x] : [x, y];
              rows.add(row({ rule: 'env-source', ...base, key: x.v, sources: [group[p.m].source, group[q.m].source] }));
            }
          }
        }
        // service-account: two accounts; the webhook does not compare them, so a refused pod counts too
        const [sa, sb] = [group[i].manifest.spec.serviceAccountName ?? '', group[j].manifest.spec.serviceAccountName ?? ''];
        if (i !== j && sa !== '' && sb !== '' && sa !== sb) {
          rows.add(row({ rule: 'service-account', ...base, key: 'serviceAccountName', sources: [group[i].source, group[j].source] }));
        }
        // cloud-identity: on a pod the webhook admits, AWS keys from one beside a web identity from the other (or both from one)
        if (merged.conflicts.length === 0) {
          for (const [x, y] of i === j ? [[i, i]] : [[i, j], [j, i]]) {
            if (credentials(x).has('aws-keys') && credentials(y).has('aws-web-identity')) {
              rows.add(row({ rule: 'cloud-identity', ...base, key: 'aws', sources: x === y ? [group[x].source] : [group[x].source, group[y].source] }));
            }
          }
        }
      }
    }
  }
  podLabel.forEach((reader, id) => {
    const [setter, key] = id.split('\n');
    const s = Number(setter);
    if (namespace !== '' && group[s].floating && (reader === s || group[reader].floating)) { return; }
    // Two PodDefaults whose labels of the key differ are reported as that, once.
    const both = [group[Math.min(s, reader)].source, group[Math.max(s, reader)].source];
    rows.add(row({ rule: 'label', ...base, key, sources: reader === s ? [group[s].source] : both }));
  });
  return [...rows].sort();
}

function referenceOf(all: any[]): string[] {
  const pds = all.map((manifest, i) => ({ manifest, source: `s${i}`, floating: manifest.metadata.namespace === undefined }))
    .filter(p => p.manifest.kind === 'PodDefault')
    .sort((a, b) => (a.manifest.metadata.name < b.manifest.metadata.name ? -1 : 1));
  const namespaces = [...new Set(pds.filter(p => !p.floating).map(p => p.manifest.metadata.namespace as string))];
  const groups: [string, typeof pds][] = namespaces.map(ns => [ns, pds.filter(p => p.floating || p.manifest.metadata.namespace === ns)]);
  const landings = ['', ...new Set(all.map(m => m.metadata.namespace).filter((n): n is string => n !== undefined))];
  const rows = groups.flatMap(([ns, group]) => reference(group, ns, all));
  if (pds.some(p => p.floating)) { rows.push(...landings.flatMap(landing => reference(pds.filter(p => p.floating), '', all, landing))); }
  return [...new Set(rows)].sort();
}

describe('the pair rules equal the brute-force judgement over every label set', () => {
  test('random small namespaces', () => {
    fc.assert(fc.property(app, drawn => {
      // GIVEN random PodDefaults and Secrets, in two namespaces and none
      const all = manifests(drawn);
      // WHEN checked
      const problems: CheckProblem[] = checkManifests(all.map((manifest, i) => ({ manifest, source: `s${i}` })));
      // THEN the pair rules report exactly the pairs the webhook model refuses for some label set
      expect(problems.filter(p => PAIR_RULES.has(p.rule)).map(row).sort()).toEqual(referenceOf(all));
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: Number(process.env.FUZZ_SEED ?? 20261207) });
  });

  test('a label one PodDefault sets and another reads with In is judged for every value the selector allows', () => {
    // GIVEN a sets x: "1", b selects x In (1, 2): the pod labelled x=2 selects both and is refused
    const pd = (name: string, spec: any) => ({ apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name, namespace: 'team-a' }, spec });
    const problems = checkManifests([
      { manifest: pd('a', { selector: { matchLabels: { a: 'true' } }, labels: { x: '1' } }), source: 'a' },
      { manifest: pd('b', { selector: { matchExpressions: [{ key: 'x', operator: 'In', values: ['1', '2'] }] } }), source: 'b' },
    ]);
    // THEN reported, with the label set that shows it
    expect(problems.filter(p => p.rule === 'label')).toEqual([{
      rule: 'label', namespace: 'team-a', key: 'x', sources: ['a', 'b'],
      message: 'pod label x differs between poddefaults a (a) and b (b) in namespace team-a: the webhook refuses every notebook that selects both '
        + '(labelled a=true,x=2)',
      fix: 'make the two definitions identical or rename one',
    }]);
  });
});
