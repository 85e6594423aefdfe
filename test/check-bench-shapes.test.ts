// The check benchmark's rows mean what BENCHMARKS.md says only if its namespaces have the shapes it
// claims: judged here at a small size, against the pairwise judgement of the selectors.
import { manifests } from '../bench/check-bench';
import { PodDefaultCheck } from '../lib';
import { parseSelector } from '../lib/admission/selector';

describe('the check benchmark\'s namespaces', () => {
  const adversarial = manifests('adversarial', 64);
  const podDefaults = adversarial.filter(m => m.kind === 'PodDefault');

  test('GIVEN the adversarial shape THEN the check finds the four clashing PodDefaults\' six pairs, each twin\'s two pairs, and nothing else', () => {
    const problems = PodDefaultCheck.check(adversarial.map(manifest => ({ manifest })));
    const twins = [0, 1, 2, 3].map(c => [`PodDefault pd-0000${c}`, `PodDefault twin-${c}`]);
    expect(problems.map(p => [p.rule, p.key, p.sources])).toEqual([
      ['env', 'CLASH', ['PodDefault clash-0', 'PodDefault clash-1']],
      ['env', 'CLASH', ['PodDefault clash-0', 'PodDefault clash-2']],
      ['env', 'CLASH', ['PodDefault clash-1', 'PodDefault clash-2']],
      ['env', 'CLASH', ['PodDefault clash-0', 'PodDefault clash-3']],
      ['env', 'CLASH', ['PodDefault clash-1', 'PodDefault clash-3']],
      ['env', 'CLASH', ['PodDefault clash-2', 'PodDefault clash-3']],
      ...twins.map(pair => ['service-account', 'serviceAccountName', pair]),
      // The one that gives the AWS keys first: pd-00001 and pd-00003 give keys, twin-0 and twin-2 too.
      ['cloud-identity', 'aws', twins[1]],
      ['cloud-identity', 'aws', twins[3]],
      ['cloud-identity', 'aws', [...twins[0]].reverse()],
      ['cloud-identity', 'aws', [...twins[2]].reverse()],
    ]);
  });

  test('GIVEN the adversarial shape THEN each of the first two quarters excludes each other by matchExpressions alone', () => {
    for (const quarter of [podDefaults.slice(0, 16), podDefaults.slice(16, 32)]) {
      const labelSets = quarter.map(pd => witnessOf(pd));
      for (let i = 0; i < quarter.length; i++) {
        for (let j = 0; j < quarter.length; j++) {
          // the label set that selects one PodDefault, with the other's own label added, selects the other only if i = j
          const labels = { ...labelSets[i], [quarter[j].metadata.name]: 'true' };
          expect(parseSelector(quarter[j].spec.selector).matches(labels)).toBe(i === j);
        }
      }
    }
  });

  test('GIVEN the adversarial shape THEN the other half forms two marker groups, every PodDefault with an envFrom Secret the input holds', () => {
    const markers = podDefaults.slice(32, 64).map(pd => pd.spec.env.find((e: any) => e.value === pd.metadata.name)?.name);
    expect(new Set(markers)).toEqual(new Set(['KUBEFLOW_S3_ACCESS', 'KUBEFLOW_REGISTRY']));
    const secrets = new Set(adversarial.filter(m => m.kind === 'Secret').map(m => m.metadata.name));
    expect(podDefaults.slice(32, 64).every(pd => secrets.has(pd.spec.envFrom[0].secretRef.name))).toBe(true);
  });

  test('GIVEN the adversarial shape THEN the first half sets a serviceAccountName each, and excludes the slot quarter from the other PodDefaults that give AWS credentials', () => {
    const accounts = podDefaults.slice(0, 32).map(pd => pd.spec.serviceAccountName);
    expect(new Set(accounts).size).toBe(32);
    expect(podDefaults.slice(32).filter(pd => pd.spec.serviceAccountName !== undefined).map(pd => pd.metadata.name)).toEqual(['twin-0', 'twin-1', 'twin-2', 'twin-3']);
    // The slot quarter requires a slot, the code quarter and the first marker group require none.
    for (const pd of [...podDefaults.slice(16, 48)]) {
      expect(pd.spec.selector.matchExpressions).toContainEqual({ key: 'slot', operator: 'DoesNotExist' });
    }
  });

  test('GIVEN the adversarial shape THEN every other PodDefault of the slot quarter and of the first marker group gives an AWS web identity, the others AWS keys from a Secret', () => {
    const secrets = new Map(adversarial.filter(m => m.kind === 'Secret').map(m => [m.metadata.name, Object.keys(m.data)]));
    const gives = (pd: any) => {
      const env = (pd.spec.env ?? []).map((e: any) => e.name);
      const keys = (pd.spec.envFrom ?? []).flatMap((f: any) => secrets.get(f.secretRef.name) ?? []);
      return [env.includes('AWS_WEB_IDENTITY_TOKEN_FILE') ? 'web identity' : '', keys.includes('AWS_ACCESS_KEY_ID') ? 'keys' : ''].join('');
    };
    for (const quarter of [podDefaults.slice(0, 16), podDefaults.slice(32, 48)]) {
      expect(quarter.map(gives)).toEqual(quarter.map((_, i) => (i % 2 === 0 ? 'web identity' : 'keys')));
    }
    expect([...podDefaults.slice(16, 32), ...podDefaults.slice(48, 68)].map(gives).filter(g => g !== '')).toEqual([]);
  });

  test('GIVEN the selectable shape THEN every pair is selectable together and nothing clashes', () => {
    const selectable = manifests('selectable', 16);
    const labels = Object.fromEntries(selectable.map(pd => [pd.metadata.name, 'true']));
    expect(selectable.every(pd => parseSelector(pd.spec.selector).matches(labels))).toBe(true);
    expect(PodDefaultCheck.check(selectable.map(manifest => ({ manifest })))).toEqual([]);
  });
  test('GIVEN the credentials-file shape THEN the web identity and the file botocore reads beside it are the one problem', () => {
    // GIVEN a small file of the shape (the bench's reads 20,000 sections)
    const problems = PodDefaultCheck.check(manifests('credentials-file', 50).map(manifest => ({ manifest })));
    // THEN cloud-identity, for the two PodDefaults
    expect(problems.map(p => [p.rule, p.key, p.sources])).toEqual([['cloud-identity', 'aws', ['PodDefault role', 'PodDefault keys']]]);
  });

  test('GIVEN the home-expansion shape THEN every web identity beside every file named from $(HOME) is the one counted problem', () => {
    // GIVEN a small namespace of the shape (the bench's holds 2,000 PodDefaults)
    const problems = PodDefaultCheck.check(manifests('home-expansion', 16).map(manifest => ({ manifest })));
    // THEN cloud-identity counts the 8 x 8 pairs: the kubelet makes each file /home/kubeflow/.aws/credentials
    expect(problems.map(p => [p.rule, p.key])).toEqual([['cloud-identity', 'aws']]);
    expect(problems[0].message).toMatch(/^64 pairs of poddefaults that one notebook can select together give an AWS web identity beside an AWS credentials file/);
  });

  test('GIVEN the long-field-name shape THEN each long field is one unknown-field problem, naming no field meant', () => {
    // GIVEN the shape with names of 1,000 characters (the bench's have 1,000,000)
    const problems = PodDefaultCheck.check(manifests('long-field-name', 1000).map(manifest => ({ manifest })));
    // THEN one line each
    expect(problems.map(p => [p.rule, p.sources, p.fix])).toEqual([
      ['unknown-field', ['ConfigMap long'], 'correct the field\'s name, or remove it'],
      ['unknown-field', ['PodDefault long'], 'correct the field\'s name, or remove it'],
    ]);
  });

  test.each(['marker-values', 'marker-exclusions'] as const)('GIVEN the %s shape THEN one marker group, one key of a value each, and no problem', shape => {
    // GIVEN a small namespace of the shape (the bench's holds 10,000 PodDefaults)
    const shaped = manifests(shape, 16);
    // THEN each sets the marker to its own name and reads a-store, the first of its label keys, for a value of its own
    expect(shaped.map(pd => pd.spec.env)).toEqual(shaped.map(pd => [{ name: 'KUBEFLOW_S3_ACCESS', value: pd.metadata.name }]));
    expect(shaped.map(pd => pd.spec.selector.matchExpressions)).toEqual(shaped.map((_, i) => [{ key: 'a-store', operator: shape === 'marker-values' ? 'In' : 'NotIn', values: [`s${i}`] }]));
    expect(shaped.every(pd => Object.keys(pd.spec.selector.matchLabels).every(key => key > 'a-store'))).toBe(true);
    // AND no selector lies within another's, and the marker keeps the pairs apart
    expect(PodDefaultCheck.check(shaped.map(manifest => ({ manifest })))).toEqual([]);
  });

  test('GIVEN the marker-code shape THEN one marker group, a code of its own each, and no problem', () => {
    // GIVEN a small namespace of the shape (the bench's holds 10,000 PodDefaults)
    const shaped = manifests('marker-code', 16);
    // THEN each sets the marker to its own name and reads 14 bit keys, of a code of its own
    expect(shaped.map(pd => pd.spec.env)).toEqual(shaped.map(pd => [{ name: 'KUBEFLOW_S3_ACCESS', value: pd.metadata.name }]));
    const codes = shaped.map(pd => pd.spec.selector.matchExpressions.map((e: any) => (e.operator === 'Exists' ? '1' : '0')).join(''));
    expect(new Set(codes).size).toBe(16);
    expect(codes.every(code => code.length === 14)).toBe(true);
    // AND no selector lies within another's
    expect(PodDefaultCheck.check(shaped.map(manifest => ({ manifest })))).toEqual([]);
  });

  test('GIVEN the identity-refused shape THEN Azure web identities beside client secrets, every pair refused: the env rule\'s one problem', () => {
    // GIVEN a small namespace of the shape (the bench's holds 10,000 PodDefaults)
    const problems = PodDefaultCheck.check(manifests('identity-refused', 16).map(manifest => ({ manifest })));
    // THEN AZURE_CLIENT_ID differs in every pair, which the webhook refuses: no cloud-identity problem
    expect(problems.map(p => [p.rule, p.key])).toEqual([['env', 'AZURE_CLIENT_ID']]);
    expect(problems[0].message).toMatch(/^120 pairs of poddefaults that one notebook can select together define env var AZURE_CLIENT_ID differently/);
  });

  test('GIVEN the selector-requirements shape THEN its two PodDefaults meet on a value of the In, and clash on CLASH', () => {
    // GIVEN the shape with an In of 16 values and 16 NotIns (the bench's of 10,000)
    const shaped = manifests('selector-requirements', 16);
    expect(shaped.map(pd => pd.spec.selector.matchExpressions.length)).toEqual([17, 16]);
    // THEN the one env problem, on a pod labelled with the In's first value
    const problems = PodDefaultCheck.check(shaped.map(manifest => ({ manifest })));
    expect(problems.map(p => [p.rule, p.key, p.sources])).toEqual([['env', 'CLASH', ['PodDefault in', 'PodDefault not-in']]]);
    expect(problems[0].message).toContain('(labelled a-store=v0,in=true,not-in=true)');
  });

  test('GIVEN the summary-values shape THEN every pair clashes on CLASH, counted in one problem', () => {
    // GIVEN a small namespace of the shape (the bench's holds 10,001 PodDefaults)
    const problems = PodDefaultCheck.check(manifests('summary-values', 16).map(manifest => ({ manifest })));
    // THEN 17 x 16 / 2 pairs
    expect(problems.map(p => [p.rule, p.key])).toEqual([['env', 'CLASH']]);
    expect(problems[0].message).toMatch(/^136 pairs of poddefaults that one notebook can select together define env var CLASH differently/);
  });

  test('GIVEN the identity-thirds shape THEN every web identity beside every file of prod is reported through a third of AWS_PROFILE=prod, as one problem', () => {
    // GIVEN a small namespace of the shape (the bench's holds 1,000 PodDefaults): 4 thirds, 10 web identities, 10 files
    const problems = PodDefaultCheck.check(manifests('identity-thirds', 24).map(manifest => ({ manifest })));
    // THEN 10 x 10 pairs, the first for a notebook that selects the first third too
    expect(problems.map(p => [p.rule, p.key])).toEqual([['cloud-identity', 'aws']]);
    expect(problems[0].message).toMatch(/^100 pairs of poddefaults that one notebook can select together give an AWS web identity beside an AWS credentials file/);
    expect(problems[0].message).toContain('the profile AWS_PROFILE of poddefault pd-00000 names');
    expect(problems[0].message).toContain('(labelled pd-00000=true,pd-00004=true,pd-00005=true)');
  });

  test('GIVEN the identity-setters shape THEN the env rule\'s pairs of AWS_PROFILE, and every web identity beside every file of [default], judged with their own env', () => {
    // GIVEN a small namespace of the shape (the bench's holds 3,000 PodDefaults): 10 setters of a profile each, 10 web identities, 10 files
    const problems = PodDefaultCheck.check(manifests('identity-setters', 30).map(manifest => ({ manifest })));
    // THEN the 45 pairs of setters that define AWS_PROFILE differently, and 10 x 10 cloud-identity pairs (more than 8 thirds each: the pair's own env)
    expect(problems.map(p => [p.rule, p.key])).toEqual([['env', 'AWS_PROFILE'], ['cloud-identity', 'aws']]);
    expect(problems[1].message).toMatch(/^100 pairs of poddefaults that one notebook can select together give an AWS web identity beside an AWS credentials file/);
    expect(problems[1].message).toContain('its [default] profile');
  });

  test('GIVEN the merge-targets shape THEN ExternalSecrets merging keys of their own into one Secret, and no problem', () => {
    const shaped = manifests('merge-targets', 16);
    expect(new Set(shaped.map(es => `${es.spec.target.name} ${es.spec.target.creationPolicy}`))).toEqual(new Set(['merged Merge']));
    expect(new Set(shaped.map(es => es.spec.data[0].secretKey)).size).toBe(16);
    expect(PodDefaultCheck.check(shaped.map(manifest => ({ manifest })))).toEqual([]);
  });
});

/** The labels that one PodDefault of the benchmark's first half selects: its own, its slot or its code. */
function witnessOf(pd: any): Record<string, string> {
  const labels: Record<string, string> = { ...pd.spec.selector.matchLabels };
  for (const e of pd.spec.selector.matchExpressions ?? []) {
    if (e.operator === 'In') { labels[e.key] = e.values[0]; }
    if (e.operator === 'Exists') { labels[e.key] = 'x'; }
  }
  return labels;
}
