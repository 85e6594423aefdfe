// The order in which the check judges the PodDefaults of a namespace, and which of them meet.
import { PodDefaultFound } from '../../lib/check/objects';
import { parseSelector } from '../../lib/admission/selector';
import * as fc from 'fast-check';
import { checkManifests } from '../../lib/check';
import { byName, coSelectable, Entry, Meetings, PairOrder, selectionKey, selectionOf, selectorIndex, selectsWithin, sortByName, witness, witnessAvoiding } from '../../lib/check/selection';

/** A PodDefault as the sort reads it: a name and an input position. */
function found(name: string, index: number): PodDefaultFound {
  return { name, index } as PodDefaultFound;
}

/** The `n`-th permutation of `list` (factorial number system), so that every test is reproducible. */
function permutation<T>(list: readonly T[], n: number): T[] {
  const rest = [...list];
  const out: T[] = [];
  for (let k = rest.length; k > 0; k--) {
    out.push(rest.splice(n % k, 1)[0]);
    n = Math.floor(n / k);
  }
  return out;
}

describe('sortByName', () => {
  // Lists on both sides of the length where the insertion sort hands over to Array.prototype.sort, with
  // names that repeat, so that the input position decides between them.
  const NAMES = ['minio', 'aws-credentials', 'docker-config', 'aws-configuration', 'minio', 'a', 'docker-config', 'b', 'a', 'z', 'aws', 'm'];
  test.each(Array.from({ length: NAMES.length + 1 }, (_, length) => [length]))('orders %i PodDefaults as Array.prototype.sort with byName does', length => {
    for (let n = 0; n < 50; n++) {
      // GIVEN a permutation of PodDefaults, some of one name
      const list = permutation(NAMES.slice(0, length).map(found), n * 7919);
      // WHEN sorted
      const sorted = sortByName([...list]);
      // THEN by name, then by input position, as the built-in sort orders them
      expect(sorted.map(pd => [pd.name, pd.index])).toEqual([...list].sort(byName).map(pd => [pd.name, pd.index]));
    }
  });

  test('sorts in place and returns the list', () => {
    // GIVEN a short list out of order
    const list = [found('b', 0), found('a', 1)];
    // WHEN sorted THEN the list itself is in order
    expect(sortByName(list)).toBe(list);
    expect(list.map(pd => pd.name)).toEqual(['a', 'b']);
  });
});

describe('coSelectable and witness: one label set for both, judged exactly', () => {
  /** A PodDefault as the selection reads it: a name, a selector and markers. */
  function pd(name: string, selector: any, markers: string[] = []): PodDefaultFound {
    return { name, index: 0, selector: parseSelector(selector), markers } as unknown as PodDefaultFound;
  }
  const expr = (key: string, operator: string, values?: string[]) => ({ matchExpressions: [{ key, operator, ...(values ? { values } : {}) }] });

  test.each<[string, any, any, Record<string, string> | undefined]>([
    ['own labels', { matchLabels: { a: 'true' } }, { matchLabels: { b: 'true' } }, { a: 'true', b: 'true' }],
    ['one key, two values', { matchLabels: { tier: 'gpu' } }, { matchLabels: { tier: 'cpu' } }, undefined],
    ['In and NotIn leave one value', expr('tier', 'In', ['cpu', 'gpu']), expr('tier', 'NotIn', ['cpu']), { tier: 'gpu' }],
    ['In inside NotIn', expr('tier', 'In', ['cpu']), expr('tier', 'NotIn', ['cpu', 'gpu']), undefined],
    ['Exists and DoesNotExist', expr('gpu', 'Exists'), expr('gpu', 'DoesNotExist'), undefined],
    ['NotIn and DoesNotExist: the label left out', expr('gpu', 'NotIn', ['a']), expr('gpu', 'DoesNotExist'), {}],
    ['Exists and NotIn: a value neither names', expr('gpu', 'Exists'), expr('gpu', 'NotIn', ['true']), { gpu: 'v1' }],
  ])('%s', (_, a, b, labels) => {
    // GIVEN two selectors WHEN judged together THEN they meet exactly when a label set selects both, and the witness is one
    expect(coSelectable(pd('a', a), pd('b', b))).toBe(labels !== undefined);
    expect(witness([pd('a', a), pd('b', b)])).toEqual(labels);
    if (labels !== undefined) {
      expect(parseSelector(a).matches(labels) && parseSelector(b).matches(labels)).toBe(true);
    }
  });

  test('a marker set to each one\'s own name makes two PodDefaults exclusive, one name twice does not', () => {
    expect(coSelectable(pd('a', {}, ['KUBEFLOW_S3_ACCESS']), pd('b', {}, ['KUBEFLOW_S3_ACCESS']))).toBe(false);
    expect(coSelectable(pd('a', {}, ['KUBEFLOW_S3_ACCESS']), pd('a', {}, ['KUBEFLOW_S3_ACCESS']))).toBe(true);
  });

  test('witness with extra requirements: a label set that also carries another value of a key', () => {
    // GIVEN b selects x In (1, 2) WHEN the pod must also carry x with a value other than 1 THEN x=2
    const b = pd('b', expr('x', 'In', ['1', '2']));
    expect(witness([b], [{ key: 'x', operator: 'Exists', values: [] }, { key: 'x', operator: 'NotIn', values: ['1'] }])).toEqual({ x: '2' });
    expect(witness([b], [{ key: 'x', operator: 'NotIn', values: ['1', '2'] }])).toBeUndefined();
  });
});

describe('witnessAvoiding and selectorIndex: a pod that selects some PodDefaults and not others', () => {
  function pd(name: string, selector: any): PodDefaultFound {
    return { name, index: 0, selector: parseSelector(selector), markers: [] } as unknown as PodDefaultFound;
  }
  const KEYS = ['x', 'y'];
  const VALUES = ['1', '2'];
  const requirement = fc.oneof(
    fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('In', 'NotIn'), values: fc.subarray(VALUES, { minLength: 1 }) }),
    fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('Exists', 'DoesNotExist') }));
  const selector = fc.array(requirement, { maxLength: 3 }).map(matchExpressions => ({ matchExpressions }));
  /** Every label set of the keys: absent, a value the selectors name, or one they do not (`3`). */
  const LABEL_SETS: Record<string, string>[] = [];
  for (const x of [undefined, '1', '2', '3']) {
    for (const y of [undefined, '1', '2', '3']) { LABEL_SETS.push(Object.fromEntries([['x', x], ['y', y]].filter(e => e[1] !== undefined))); }
  }

  test('a label set exists exactly when one of every label set of the keys selects all of `selected` and none of `avoided`', () => {
    fc.assert(fc.property(fc.array(selector, { minLength: 1, maxLength: 2 }), fc.array(selector, { maxLength: 4 }), (sel, avoid) => {
      // GIVEN PodDefaults to select and to avoid
      const selected = sel.map((s, i) => pd(`s${i}`, s));
      const avoided = avoid.map((s, i) => pd(`a${i}`, s));
      const fits = (labels: Record<string, string>) => selected.every(p => p.selector.matches(labels)) && avoided.every(p => !p.selector.matches(labels));
      // WHEN asked
      const found = witnessAvoiding(selected, avoided);
      // THEN it finds one exactly when some label set fits, and the one it gives fits
      expect(found !== undefined).toBe(LABEL_SETS.some(fits));
      if (found !== undefined) { expect(fits(found)).toBe(true); }
    }), { numRuns: 500 });
  });

  test('a pod label the PodDefaults set is carried with their value or not at all', () => {
    // GIVEN a selects tier In (cpu, gpu), and the PodDefaults set the pod label tier=gpu
    const a = pd('a', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['cpu', 'gpu'] }] });
    // THEN the pod carries tier=gpu
    expect(witnessAvoiding([a], [], { tier: 'gpu' })).toEqual({ tier: 'gpu' });
    // AND none when they set a value a does not select
    expect(witnessAvoiding([a], [], { tier: 'tpu' })).toBeUndefined();
  });

  describe('many selectors to avoid, of many ways each (avoiding them is a satisfiability problem)', () => {
    // Six thirds of 20 `Exists` requirements each: a pod avoids each by leaving out one of its 20 keys, 20^6 ways.
    const many = Array.from({ length: 6 }, (_, i) => pd(`t${i}`, { matchExpressions: Array.from({ length: 20 }, (_u, j) => ({ key: `t${i}-k${j}`, operator: 'Exists' })) }));
    const p = pd('p', { matchLabels: { p: 'true' } });
    const timed = (run: () => unknown) => {
      const start = Date.now();
      const result = run();
      return { result, fast: Date.now() - start < 1000 };
    };

    test('beside one that every pod of the pair selects: none, at its one way (the choices of fewest ways first)', () => {
      // GIVEN the six, then u, which selects every pod p selects
      const u = pd('u', { matchLabels: { p: 'true' } });
      // WHEN a pod selecting p and none of them is asked for THEN there is none, at once (it took 20^6 tries, 20 s)
      expect(timed(() => witnessAvoiding([p], [...many, u]))).toEqual({ result: undefined, fast: true });
    });

    test('beside two no pod avoids together (z In a, z NotIn a): none, within AVOIDING_STEPS tries', () => {
      // GIVEN the six, then z1 and z2: a pod avoids z1 with z absent or not a, and z2 with z=a alone
      const z1 = pd('z1', { matchExpressions: [{ key: 'z', operator: 'In', values: ['a'] }] });
      const z2 = pd('z2', { matchExpressions: [{ key: 'z', operator: 'NotIn', values: ['a'] }] });
      // WHEN asked THEN none (no label set avoids both), without trying each of the 20^6 ways of the six before them
      expect(timed(() => witnessAvoiding([p], [...many, z1, z2]))).toEqual({ result: undefined, fast: true });
      // AND with z2 alone, the label set: z=a and the first key of each of the six left out
      expect(witnessAvoiding([p], [...many, z2])).toEqual({ p: 'true', z: 'a' });
    });

    test('beside six that each need the first key of one of them: found, the choices of one way taken first', () => {
      // GIVEN the six, then six whose selector is `ti-k0 DoesNotExist`: avoided only by a pod that carries ti-k0
      const needs = many.map((_, i) => pd(`n${i}`, { matchExpressions: [{ key: `t${i}-k0`, operator: 'DoesNotExist' }] }));
      // WHEN asked THEN the label set that carries each ti-k0 (and leaves out each ti-k1), found without the 20^5 tries
      // of the six's other ways that taking them in order costs (past AVOIDING_STEPS: none found)
      expect(timed(() => witnessAvoiding([p], [...many, ...needs]))).toEqual({
        result: { 'p': 'true', 't0-k0': 'true', 't1-k0': 'true', 't2-k0': 'true', 't3-k0': 'true', 't4-k0': 'true', 't5-k0': 'true' },
        fast: true,
      });
    });

    test('selectors that say no 6 pigeons sit in 5 holes, one each: none, within AVOIDING_STEPS tries', () => {
      // GIVEN key k-i-h present for pigeon i in hole h; a selector of DoesNotExist on pigeon i's 5 keys (avoided: it sits
      // somewhere), and one of Exists on two pigeons' keys of a hole (avoided: not both there). Any CNF is written so.
      const pigeons = Array.from({ length: 6 }, (_, i) => pd(`pigeon${i}`, { matchExpressions: Array.from({ length: 5 }, (_u, h) => ({ key: `k-${i}-${h}`, operator: 'DoesNotExist' })) }));
      const holes = Array.from({ length: 5 }, (_, h) => Array.from({ length: 6 }, (_u, i) => Array.from({ length: 6 - i - 1 }, (_v, d) => pd(`h${h}-${i}-${i + d + 1}`, {
        matchExpressions: [{ key: `k-${i}-${h}`, operator: 'Exists' }, { key: `k-${i + d + 1}-${h}`, operator: 'Exists' }],
      })))).flat(2);
      // WHEN asked THEN none, the search cut at AVOIDING_STEPS tries (it took 16 s), which here is exact
      expect(timed(() => witnessAvoiding([p], [...pigeons, ...holes]))).toEqual({ result: undefined, fast: true });
    });
  });

  test('selectorIndex: the readers a pod of some requirements may select, up to a limit', () => {
    // GIVEN readers of their own labels, one of a=true and b=true, and one that excludes a
    const readers = [pd('r0', { matchLabels: { r0: 'true' } }), pd('r1', { matchLabels: { a: 'true', b: 'true' } }), pd('r2', { matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] })]
      .map(p => ({ pd: p, klass: '', item: p.name }));
    const index = selectorIndex(readers);
    // WHEN a pod carries a=true THEN r0 and r1 may be selected too, not r2
    expect(index([{ key: 'a', operator: 'In', values: ['true'] }], 5)?.map(e => e.item)).toEqual(['r0', 'r1']);
    // AND more than the limit is none
    expect(index([{ key: 'a', operator: 'In', values: ['true'] }], 1)).toBeUndefined();
  });
});

describe('selectsWithin and selectionKey: the label sets two selectors select, judged against every label set', () => {
  // Selectors over two keys and the values a, b and true: every label set is one of 25 (each key absent, one of those
  // values, or z, which stands for every value none names), so comparing them over those decides inclusion exactly.
  const KEYS = ['tier', 'zone'];
  const LABEL_SETS: Record<string, string>[] = [];
  for (const tier of [undefined, 'a', 'b', 'true', 'z']) {
    for (const zone of [undefined, 'a', 'b', 'true', 'z']) {
      LABEL_SETS.push({ ...(tier === undefined ? {} : { tier }), ...(zone === undefined ? {} : { zone }) });
    }
  }
  const requirement = fc.oneof(
    fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('In', 'NotIn'), values: fc.uniqueArray(fc.constantFrom('a', 'b', 'true'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
  );
  const selector = fc.array(requirement, { maxLength: 3 }).map(matchExpressions => ({ matchExpressions }));

  test('many requirements on one key read as one: the values of an In that every other allows, the exclusions of every NotIn', () => {
    // GIVEN selectors of one key written in several requirements, and the one requirement each stands for
    const key = (matchExpressions: any[]) => selectionKey(parseSelector({ matchExpressions }).requirements);
    const notIn = (v: string) => ({ key: 'tier', operator: 'NotIn', values: [v] });
    // WHEN keyed THEN alike: an In narrowed by an In and NotIns, in either order
    expect(key([{ key: 'tier', operator: 'In', values: ['a', 'b', 'c', 'd'] }, notIn('b'), { key: 'tier', operator: 'In', values: ['d', 'c', 'a'] }, notIn('c')]))
      .toBe(key([{ key: 'tier', operator: 'In', values: ['d', 'a'] }]));
    expect(key([notIn('b'), { key: 'tier', operator: 'In', values: ['a', 'b', 'c'] }, notIn('c')])).toBe(key([{ key: 'tier', operator: 'In', values: ['a'] }]));
    // NotIns joined, with an Exists among them, or absence allowed without one
    expect(key([notIn('b'), { key: 'tier', operator: 'Exists' }, notIn('a')])).toBe(key([{ key: 'tier', operator: 'Exists' }, { key: 'tier', operator: 'NotIn', values: ['a', 'b'] }]));
    expect(key([notIn('b'), notIn('a'), notIn('b')])).toBe(key([{ key: 'tier', operator: 'NotIn', values: ['a', 'b'] }]));
    expect(key([notIn('b'), notIn('a')])).not.toBe(key([{ key: 'tier', operator: 'Exists' }, { key: 'tier', operator: 'NotIn', values: ['a', 'b'] }]));
    // every value of the In excluded: nothing selected
    expect(key([{ key: 'tier', operator: 'In', values: ['a', 'b'] }, notIn('a'), notIn('b')])).toBeUndefined();
    // AND a label set one selector of many NotIns selects, from its first free value
    const pd = { selector: parseSelector({ matchExpressions: [notIn('true'), notIn('v1'), { key: 'tier', operator: 'Exists' }, notIn('v2')] }), markers: [] } as unknown as PodDefaultFound;
    expect(witness([pd])).toEqual({ tier: 'v3' });
  });

  test('random selectors: one within another exactly when every label set the one selects, the other selects; one key exactly when they select the same', () => {
    fc.assert(fc.property(selector, selector, (x, y) => {
      // GIVEN two selectors, each of which some label set satisfies
      const [px, py] = [parseSelector(x), parseSelector(y)];
      const [sx, sy] = [selectionOf(px.requirements), selectionOf(py.requirements)];
      const selected = (p: typeof px) => LABEL_SETS.filter(labels => p.matches(labels)).map(labels => JSON.stringify(labels));
      const [lx, ly] = [selected(px), selected(py)];
      expect(sx === undefined).toBe(lx.length === 0);
      expect(sy === undefined).toBe(ly.length === 0);
      if (sx === undefined || sy === undefined) { return; }
      // WHEN judged symbolically THEN as the label sets say
      expect(selectsWithin(sx, sy)).toBe(lx.every(l => ly.includes(l)));
      expect(selectionKey(px.requirements) === selectionKey(py.requirements)).toBe(lx.length === ly.length && lx.every(l => ly.includes(l)));
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 300) * 5, seed: Number(process.env.FUZZ_SEED ?? 20261207) });
  });

  test('random groups of one marker: marker-selector names each PodDefault whose selector lies within another\'s, whatever its index compares', () => {
    fc.assert(fc.property(fc.array(selector, { minLength: 2, maxLength: 6 }), selectors => {
      // GIVEN PodDefaults p0, p1, ... that set one marker to their own names, each with its own selector
      const manifests = selectors.map((sel, i) => ({ apiVersion: 'kubeflow.org/v1alpha1', kind: 'PodDefault', metadata: { name: `p${i}`, namespace: 'team-a' },
        spec: { desc: 'x', selector: sel, env: [{ name: 'KUBEFLOW_S3_ACCESS', value: `p${i}` }] } }));
      const sets = selectors.map(sel => LABEL_SETS.filter(labels => parseSelector(sel).matches(labels)).map(labels => JSON.stringify(labels)));
      const within = (i: number, j: number) => sets[i].every(l => sets[j].includes(l));
      const same = (i: number, j: number) => within(i, j) && within(j, i);
      // WHEN checked
      const problems = checkManifests(manifests.map((manifest, i) => ({ manifest, source: `s${i}`, allowUnlisted: true }))).filter(p => p.rule === 'marker-selector');
      // THEN the narrower ones are those whose label sets lie within another's and share them with none (those are the other line's)
      const narrower = sets.map((_, i) => i).filter(i => sets[i].length > 0 && !sets.some((_, j) => j !== i && same(i, j))
        && sets.some((other, j) => j !== i && other.length > 0 && within(i, j) && !within(j, i)));
      const named = problems.map(p => /every pod that (p\d+) selects/.exec(p.message)?.[1]).filter(name => name !== undefined);
      expect(named.sort()).toEqual(narrower.map(i => `p${i}`).sort());
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: Number(process.env.FUZZ_SEED ?? 20261207) });
  });
});

describe('Meetings.summary: many pairs counted, as Meetings.pairs lists them', () => {
  const requirement = fc.oneof(
    fc.record({ key: fc.constantFrom('tier', 'zone'), operator: fc.constantFrom('In', 'NotIn'), values: fc.uniqueArray(fc.constantFrom('a', 'b', 'true'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ key: fc.constantFrom('tier', 'zone'), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
  );
  const drawnPd = fc.record({
    name: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'),
    ownLabel: fc.boolean(),
    requirements: fc.array(requirement, { maxLength: 2 }),
    marker: fc.boolean(),
    floating: fc.boolean(),
    klass: fc.constantFrom('x', 'y', 'z'),
    twice: fc.boolean(),
  });
  const drawn = fc.record({
    pds: fc.array(drawnPd, { minLength: 2, maxLength: 12 }),
    namespace: fc.constantFrom('team-a', ''),
    extra: fc.boolean(),
    order: fc.constantFrom<PairOrder>('later', 'earlier', { klass: 'x' }),
    distinctNames: fc.boolean(),
  });

  test('random PodDefaults: the count, every PodDefault of a pair, and the first pair, or nothing when they cannot be counted', () => {
    fc.assert(fc.property(drawn, d => {
      // GIVEN PodDefaults, some selected by a label of their own, some by shared keys, some exclusive by a marker, each with an entry or two
      const group = d.pds.map((p, index) => ({
        name: p.name,
        index,
        floating: p.floating,
        markers: p.marker ? ['KUBEFLOW_S3_ACCESS'] : [],
        selector: parseSelector({ ...(p.ownLabel ? { matchLabels: { [`own-${index}`]: 'true' } } : {}), matchExpressions: p.requirements }),
      }) as unknown as PodDefaultFound).sort(byName);
      const entries: Entry<number>[] = [];
      group.forEach(pd => {
        const p = d.pds[pd.index];
        // By the entry of class x: two classes, x and another.
        entries.push({ pd, klass: typeof d.order === 'object' && p.klass === 'z' ? 'y' : p.klass, item: entries.length });
        if (p.twice) { entries.push({ pd, klass: 'x', item: entries.length }); }
      });
      const extra = d.extra ? [{ key: 'team', operator: 'DoesNotExist' as const, values: [] }] : [];
      // WHEN counted (above no pairs), and listed
      const summary = new Meetings(group, d.namespace).summary(entries, 0, { extra, order: d.order, distinctNames: d.distinctNames }).counted;
      const pairs = new Meetings(group, d.namespace).pairs(entries, { extra });
      // AND a summary that finds too few to count, which gives the pairs when it listed them to count them
      const tally = new Meetings(group, d.namespace).summary(entries, 1000, { extra, order: d.order, distinctNames: d.distinctNames });
      expect(tally.counted).toBeUndefined();
      expect(tally.listed ?? pairs).toEqual(pairs);
      // THEN nothing when a PodDefault some pod selects has two entries or, with distinctNames, two share a name
      const selectable = group.filter(pd => new Meetings(group, d.namespace).selectable(pd) && witness([pd], extra) !== undefined);
      const names = selectable.map(pd => pd.name);
      const countable = !selectable.some(pd => d.pds[pd.index].twice) && !(d.distinctNames && new Set(names).size < names.length);
      if (!countable || pairs.length === 0) {
        if (!countable) { expect(summary).toBeUndefined(); }
        if (pairs.length === 0) { expect(summary).toBeUndefined(); }
        return;
      }
      // AND otherwise the pairs' count, their PodDefaults in the group's order, and the first in the order asked for
      const place = (e: Entry<number>) => group.indexOf(e.pd);
      const oriented = (pair: readonly Entry<number>[]) => (typeof d.order === 'object' && pair[1].klass === 'x' ? [pair[1], pair[0]] : pair);
      const byOrder = d.order === 'later' ? pairs
        : [...pairs].sort((x, y) => place(oriented(x)[0]) - place(oriented(y)[0]) || place(oriented(x)[1]) - place(oriented(y)[1]));
      expect(summary).toEqual({
        count: pairs.length,
        parties: group.filter(pd => pairs.some(([a, b]) => a.pd === pd || b.pd === pd)),
        first: byOrder[0],
      });
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 300) * 5, seed: Number(process.env.FUZZ_SEED ?? 20261207) });
  });
});

describe('Meetings at scale: the index\'s large-node paths against one judgement per pair', () => {
  // Over 128 members the pivot is counted on a sample; over 16 values of a key the cells are searched at once,
  // and over 16 exclusion sets the members that exclude values are searched together. The random namespaces
  // above (12 PodDefaults at most) reach none of these.
  const VALUES = Array.from({ length: 24 }, (_, i) => `v${i}`);
  const requirement = fc.oneof(
    fc.record({ key: fc.constantFrom('tier', 'zone'), operator: fc.constantFrom('In', 'NotIn'), values: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 3 }) }),
    fc.record({ key: fc.constantFrom('tier', 'zone'), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
  );
  const drawnPd = fc.record({
    requirements: fc.array(requirement, { maxLength: 2 }),
    klass: fc.constantFrom('x', 'y', 'z'),
    marker: fc.boolean(),
    floating: fc.boolean(),
    name: fc.integer({ min: 0, max: 300 }),
  });

  test('130 to 300 PodDefaults: pairs and summary\'s count are those coSelectable finds pair by pair', () => {
    fc.assert(fc.property(fc.array(drawnPd, { minLength: 130, maxLength: 300 }), fc.constantFrom('team-a', ''), (pds, namespace) => {
      // GIVEN many PodDefaults selected by two keys of many values, some exclusive by a marker, some namespace-less
      const group = pds.map((p, index) => ({
        name: `pd-${p.name}`, index, floating: p.floating, markers: p.marker ? ['KUBEFLOW_S3_ACCESS'] : [],
        selector: parseSelector({ matchExpressions: p.requirements }),
      }) as unknown as PodDefaultFound).sort(byName);
      const entries: Entry<number>[] = group.map((pd, i) => ({ pd, klass: pds[pd.index].klass, item: i }));
      // WHEN paired through the index, and counted
      const pairs = new Meetings(group, namespace).pairs(entries).map(([a, b]) => [a.item, b.item]);
      const summary = new Meetings(group, namespace).summary(entries, 0).counted;
      // THEN the pairs of different classes one pod can select (two namespace-less ones never, in a namespace's group), by the later one
      const expected: number[][] = [];
      for (let j = 0; j < entries.length; j++) {
        for (let i = 0; i < j; i++) {
          const [a, b] = [entries[i], entries[j]];
          if (a.klass !== b.klass && coSelectable(a.pd, b.pd) && !(namespace !== '' && a.pd.floating && b.pd.floating)) { expected.push([i, j]); }
        }
      }
      expect(pairs).toEqual(expected);
      expect(summary?.count ?? 0).toBe(expected.length);
      expect(summary?.parties.length ?? 0).toBe(new Set(expected.flat()).size);
    }), { numRuns: Math.ceil(Number(process.env.FUZZ_RUNS ?? 300) / 10), seed: Number(process.env.FUZZ_SEED ?? 20261207) });
  });
});
