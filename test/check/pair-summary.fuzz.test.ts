// Meetings.summary (many pairs of one key counted by class, not listed) against the same check with
// summary turned off, so that every rule lists its pairs and pair-report.ts groups them: the problems
// must be the same, in the same order, to the byte (verdict, count, every PodDefault named, first pair).
// pair-report.test.ts compares with every pair on its own on PodDefaults selected by their own label and
// one tier; this draws the shapes the counting must get right: selectors that exclude some pairs
// (In/NotIn/Exists/DoesNotExist), two marker groups, a key twice in one PodDefault, names repeated
// across namespaces and by a namespace-less PodDefault, pod labels, sidecars and initContainers (not
// plain for cloud-identity), env values, valueFrom and identical values beside different ones.
import * as fc from 'fast-check';
import { checkManifests } from '../../lib/check';
import { pd, secret } from './support';

/** checkManifests whose Meetings never count, from a module registry of its own. */
function listingOnly(): typeof checkManifests {
  let check: typeof checkManifests | undefined;
  jest.isolateModules(() => {
    jest.doMock('../../lib/check/selection', () => {
      const actual = jest.requireActual('../../lib/check/selection');
      return { ...actual, Meetings: class extends actual.Meetings { public summary() { return {}; } } };
    });
    check = require('../../lib/check').checkManifests;
  });
  return check!;
}
const checkListing = listingOnly();

const NAMES = ['pd-a', 'pd-b', 'pd-c', 'pd-d', 'pd-e', 'pd-f', 'pd-g', 'pd-h'];

const requirement = fc.oneof(
  fc.record({ key: fc.constantFrom('tier', 'zone'), operator: fc.constantFrom('In', 'NotIn'), values: fc.uniqueArray(fc.constantFrom('a', 'b'), { minLength: 1, maxLength: 2 }) }),
  fc.record({ key: fc.constantFrom('tier', 'zone'), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
);
const envValue = fc.constantFrom<any>({ value: '1' }, { value: '2' }, { value: '1' }, { valueFrom: { secretKeyRef: { name: 'e1', key: 'TOKEN' } } }, {});

const podDefault = fc.record({
  name: fc.constantFrom(...NAMES),
  namespace: fc.constantFrom<string | null>('team-a', 'team-a', 'team-a', 'team-b', null),
  ownLabel: fc.boolean(),
  requirements: fc.array(requirement, { maxLength: 2 }),
  markers: fc.subarray(['MARK_ONE', 'MARK_TWO']),
  volume: fc.constantFrom<string | undefined>(undefined, 's1', 's2', 's2', 's3'),
  volumeTwice: fc.constantFrom(false, false, false, true),
  account: fc.constantFrom<string | undefined>(undefined, 'sa-1', 'sa-2', 'sa-1'),
  envFrom: fc.constantFrom<string | undefined>(undefined, 'e1', 'e2'),
  token: fc.option(envValue, { nil: undefined }),
  tokenTwice: fc.option(envValue, { nil: undefined, freq: 4 }),
  identity: fc.constantFrom<string | undefined>(undefined, 'AWS_ACCESS_KEY_ID', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'both', 'AWS_CONTAINER_CREDENTIALS_FULL_URI'),
  identityValue: fc.constantFrom<any>({ value: '1' }, { value: '1' }, { value: '1' }, { value: '2' }, { valueFrom: { secretKeyRef: { name: 'e1', key: 'TOKEN' } } }),
  mountPath: fc.constantFrom<string | undefined>(undefined, '/m', '/m/', '/m//', '/m'),
  label: fc.constantFrom<Record<string, string> | undefined>(undefined, undefined, { team: 'x' }, { team: 'y' }, { tier: 'a' }, {}),
  annotation: fc.constantFrom<string | undefined>(undefined, 'x', 'y', 'x'),
  sidecar: fc.constantFrom(false, false, false, true),
  initContainer: fc.constantFrom<string | undefined>(undefined, undefined, 'one', 'two'),
});

const app = fc.record({
  podDefaults: fc.uniqueArray(podDefault, { minLength: 2, maxLength: 16, selector: p => `${p.name}/${p.namespace}` }),
  /**
   * For cloud-identity's pairs, admitted or not: only credentials (`plain`, as its merge-free
   * verdict judges them, some with an empty pod label map), or with markers, pod labels, sidecars and initContainers too.
   */
  identities: fc.constantFrom<'off' | 'plain' | 'mixed'>('off', 'plain', 'mixed'),
  secrets: fc.uniqueArray(fc.record({ name: fc.constantFrom('e1', 'e2'), namespace: fc.constantFrom('team-a', 'team-b') }), { selector: s => `${s.name}/${s.namespace}` }),
});

function manifests(drawn: typeof app extends fc.Arbitrary<infer A> ? A : never): any[] {
  const pds = drawn.podDefaults.map(drawnPd => {
    const only = { token: undefined, tokenTwice: undefined, volume: undefined, mountPath: undefined, account: undefined, envFrom: undefined, annotation: undefined };
    const p = drawn.identities === 'off' ? drawnPd
      : drawn.identities === 'mixed' ? { ...drawnPd, ...only }
        : { ...drawnPd, ...only, markers: [], identity: drawnPd.identity === 'both' ? 'AWS_ACCESS_KEY_ID' : drawnPd.identity, sidecar: false, initContainer: undefined, label: drawnPd.label === undefined ? undefined : {} };
    const spec: any = { selector: { ...(p.ownLabel ? { matchLabels: { [p.name]: 'true' } } : {}), matchExpressions: p.requirements } };
    const env: any[] = p.markers.map(m => ({ name: m, value: p.name }));
    if (p.token !== undefined) { env.push({ name: 'TOKEN', ...p.token }); }
    if (p.tokenTwice !== undefined) { env.push({ name: 'TOKEN', ...p.tokenTwice }); }
    for (const name of p.identity === 'both' ? ['AWS_ACCESS_KEY_ID', 'AWS_WEB_IDENTITY_TOKEN_FILE'] : p.identity === undefined ? [] : [p.identity]) {
      env.push({ name, ...p.identityValue });
    }
    if (env.length > 0) { spec.env = env; }
    if (p.volume !== undefined) {
      spec.volumes = [{ name: 'creds', secret: { secretName: p.volume } }, ...(p.volumeTwice ? [{ name: 'creds', emptyDir: {} }] : [])];
    }
    if (p.mountPath !== undefined) { spec.volumeMounts = [{ name: 'creds', mountPath: p.mountPath }]; }
    if (p.account !== undefined) { spec.serviceAccountName = p.account; }
    if (p.envFrom !== undefined) { spec.envFrom = [{ secretRef: { name: p.envFrom } }]; }
    if (p.label !== undefined) { spec.labels = p.label; }
    if (p.annotation !== undefined) { spec.annotations = { note: p.annotation }; }
    if (p.sidecar) { spec.sidecars = [{ name: 'side', image: 'side' }]; }
    if (p.initContainer !== undefined) { spec.initContainers = [{ name: 'init', image: p.initContainer }]; }
    return pd(p.name, spec, p.namespace);
  });
  return [...pds, ...drawn.secrets.map(s => secret(s.name, ['TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI'], s.namespace))];
}

const inputsOf = (all: any[]) => all.map((manifest, i) => ({ manifest, source: `s${i}` }));

describe('Meetings.summary: the counted report is the listed one', () => {
  test('random namespaces of many PodDefaults: the same problems, in the same order', () => {
    let counted = 0;
    fc.assert(fc.property(app, drawn => {
      // GIVEN random PodDefaults, many meeting and clashing on one key
      const all = manifests(drawn);
      // WHEN checked, and checked with every rule listing its pairs
      const problems = checkManifests(inputsOf(all));
      const listed = checkListing(inputsOf(all));
      // THEN the same problems
      expect(problems).toEqual(listed);
      counted += problems.filter(p => /^\d+ pairs of poddefaults/.test(p.message)).length;
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 200), seed: Number(process.env.FUZZ_SEED ?? 20261207) });
    // AND the draws reach the counting (not a test that cannot fail)
    expect(counted).toBeGreaterThan(0);
  });
});
