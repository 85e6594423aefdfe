// The kubelet's expansion of `$(VAR)` in env values. The vectors are upstream's own: kubernetes/kubernetes
// third_party/forked/golang/expansion/expand_test.go (read at 490ffa432a87), `doExpansionTest`'s cases run with
// `TestMapping`'s and `TestMappingDual`'s contexts, and `TestMapReference`; Go string literals written as
// TypeScript ones (`"foo\\$(VAR_C)bar"` is the same text in both).
import { containerEnv, expandEnvValue, mappingFuncFor } from '../../lib/admission/env-expansion';

/** expand_test.go `doExpansionTest`: [name, input, expected]. */
const EXPANSION_CASES: readonly (readonly [string, string, string])[] = [
  ['whole string', '$(VAR_A)', 'A'],
  ['repeat', '$(VAR_A)-$(VAR_A)', 'A-A'],
  ['beginning', '$(VAR_A)-1', 'A-1'],
  ['middle', '___$(VAR_B)___', '___B___'],
  ['end', '___$(VAR_C)', '___C'],
  ['compound', '$(VAR_A)_$(VAR_B)_$(VAR_C)', 'A_B_C'],
  ['escape & expand', '$$(VAR_B)_$(VAR_A)', '$(VAR_B)_A'],
  ['compound escape', '$$(VAR_A)_$$(VAR_B)', '$(VAR_A)_$(VAR_B)'],
  ['mixed in escapes', 'f000-$$VAR_A', 'f000-$VAR_A'],
  ['backslash escape ignored', 'foo\\$(VAR_C)bar', 'foo\\Cbar'],
  ['backslash escape ignored', 'foo\\\\$(VAR_C)bar', 'foo\\\\Cbar'],
  ['lots of backslashes', 'foo\\\\\\\\$(VAR_A)bar', 'foo\\\\\\\\Abar'],
  ['nested var references', '$(VAR_A$(VAR_B))', '$(VAR_A$(VAR_B))'],
  ['nested var references second type', '$(VAR_A$(VAR_B)', '$(VAR_A$(VAR_B)'],
  ['value is a reference', '$(VAR_REF)', '$(VAR_A)'],
  ['value is a reference x 2', '%%$(VAR_REF)--$(VAR_REF)%%', '%%$(VAR_A)--$(VAR_A)%%'],
  ['empty var', 'foo$(VAR_EMPTY)bar', 'foobar'],
  ['unterminated expression', 'foo$(VAR_Awhoops!', 'foo$(VAR_Awhoops!'],
  ['expression without operator', 'f00__(VAR_A)__', 'f00__(VAR_A)__'],
  ['shell special vars pass through', '$?_boo_$!', '$?_boo_$!'],
  ['bare operators are ignored', '$VAR_A', '$VAR_A'],
  ['undefined vars are passed through', '$(VAR_DNE)', '$(VAR_DNE)'],
  ['multiple (even) operators, var undefined', '$$$$$$(BIG_MONEY)', '$$$(BIG_MONEY)'],
  ['multiple (even) operators, var defined', '$$$$$$(VAR_A)', '$$$(VAR_A)'],
  ['multiple (odd) operators, var undefined', '$$$$$$$(GOOD_ODDS)', '$$$$(GOOD_ODDS)'],
  ['multiple (odd) operators, var defined', '$$$$$$$(VAR_A)', '$$$A'],
  ['missing open expression', '$VAR_A)', '$VAR_A)'],
  ['shell syntax ignored', '${VAR_A}', '${VAR_A}'],
  ['trailing incomplete expression not consumed', '$(VAR_B)_______$(A', 'B_______$(A'],
  ['trailing incomplete expression, no content, is not consumed', '$(VAR_C)_______$(', 'C_______$('],
  ['operator at end of input string is preserved', '$(VAR_A)foobarzab$', 'Afoobarzab$'],
  ['shell escaped incomplete expr', 'foo-\\$(VAR_A', 'foo-\\$(VAR_A'],
  ['lots of $( in middle', '--$($($($($--', '--$($($($($--'],
  ['lots of $( in beginning', '$($($($($--foo$(', '$($($($($--foo$('],
  ['lots of $( at end', 'foo0--$($($($(', 'foo0--$($($($('],
  ['escaped operators in variable names are not escaped', '$(foo$$var)', '$(foo$$var)'],
  ['newline not expanded', '\n', '\n'],
];

describe('expandEnvValue: expand.go Expand with MappingFuncFor, upstream\'s vectors', () => {
  // GIVEN TestMapping's one context, and TestMappingDual's two
  const single = mappingFuncFor(new Map(Object.entries({ VAR_A: 'A', VAR_B: 'B', VAR_C: 'C', VAR_REF: '$(VAR_A)', VAR_EMPTY: '' })));
  const dual = mappingFuncFor(new Map(Object.entries({ VAR_A: 'A', VAR_EMPTY: '' })), new Map(Object.entries({ VAR_B: 'B', VAR_C: 'C', VAR_REF: '$(VAR_A)' })));

  test.each(EXPANSION_CASES.map(([name, input, expected], i) => [`${i} ${name}`, input, expected]))('%s', (_name, input, expected) => {
    // WHEN expanded with either mapping
    // THEN the text is upstream's expected one
    expect(expandEnvValue(input, single)).toBe(expected);
    expect(expandEnvValue(input, dual)).toBe(expected);
  });

  test('TestMapReference: each variable expanded in order, with the ones before it', () => {
    // GIVEN FOO=bar, ZOO=$(FOO)-1, BLU=$(ZOO)-2
    const env = [{ name: 'FOO', value: 'bar' }, { name: 'ZOO', value: '$(FOO)-1' }, { name: 'BLU', value: '$(ZOO)-2' }];
    // WHEN the kubelet sets them
    const resolved = containerEnv([], env);
    // THEN as upstream expects, and only ZOO and BLU refer to others, each to one set before it
    expect([...resolved]).toEqual([
      ['FOO', { value: 'bar', references: false, outside: false }],
      ['ZOO', { value: 'bar-1', references: true, outside: false }],
      ['BLU', { value: 'bar-1-2', references: true, outside: false }],
    ]);
  });
});

describe('containerEnv: makeEnvironmentVariables in kubernetes pkg/kubelet/kubelet_pods.go', () => {
  const valueOf = (envFrom: (string[] | undefined)[], env: any[], name: string) => containerEnv(envFrom, env).get(name)?.value;

  test('a variable defined later, or nowhere, stays as written; $$ is a $', () => {
    // GIVEN AWS_SHARED_CREDENTIALS_FILE before HOME, and after it
    const before = [{ name: 'AWS_SHARED_CREDENTIALS_FILE', value: '$(HOME)/.aws/credentials' }, { name: 'HOME', value: '/srv' }];
    const after = [before[1], before[0]];
    // WHEN the kubelet sets them
    // THEN only a HOME before it is expanded (the image's HOME is not in the kubelet's map)
    expect(valueOf([], before, 'AWS_SHARED_CREDENTIALS_FILE')).toBe('$(HOME)/.aws/credentials');
    expect(valueOf([], after, 'AWS_SHARED_CREDENTIALS_FILE')).toBe('/srv/.aws/credentials');
    // AND $$(HOME) is the text $(HOME), left to the SDK
    expect(valueOf([], [before[1], { name: 'X', value: '$$(HOME)/x' }], 'X')).toBe('$(HOME)/x');
  });

  test('variables of unknown value: valueFrom, envFrom keys, service links, an envFrom the check cannot read, a character after $ that is no ASCII', () => {
    // GIVEN references to each
    const ref = (value: string) => ({ name: 'OUT', value });
    const fromSecret = { name: 'D', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } };
    const fromField = { name: 'D', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } };
    // WHEN the kubelet sets them
    // THEN the value is not known
    expect(valueOf([], [fromSecret, ref('$(D)/x')], 'OUT')).toBeUndefined();
    expect(valueOf([], [fromField, ref('$(D)/x')], 'OUT')).toBeUndefined();
    expect(valueOf([], [fromField], 'D')).toBeUndefined();
    expect(valueOf([['D']], [ref('$(D)/x')], 'OUT')).toBeUndefined();
    expect(valueOf([], [ref('$(KUBERNETES_SERVICE_HOST)')], 'OUT')).toBeUndefined();
    expect(valueOf([], [ref('$(MINIO_SERVICE_PORT_API)')], 'OUT')).toBeUndefined();
    expect(valueOf([], [ref('$(MINIO_PORT_9000_TCP_ADDR)')], 'OUT')).toBeUndefined();
    expect(valueOf([undefined], [ref('$(ANY)')], 'OUT')).toBeUndefined();
    expect(valueOf([], [ref('/a/$é')], 'OUT')).toBeUndefined();
    // AND an env entry over an envFrom key of the same name gives its own value; an empty value with no valueFrom is empty
    expect(valueOf([['D']], [{ name: 'D', value: '/d' }, ref('$(D)/x')], 'OUT')).toBe('/d/x');
    expect(valueOf([], [{ name: 'D' }, ref('a$(D)b')], 'OUT')).toBe('ab');
    // AND a value with no reference is known whatever the env holds
    expect(valueOf([undefined], [ref('/plain/$$HOME')], 'OUT')).toBe('/plain/$HOME');
  });

  test('outside: a reference to a variable no env entry before it sets, or one set from such a reference, may expand otherwise in another env', () => {
    // GIVEN references to variables set before (a value, a valueFrom), after, nowhere, by an envFrom key or a service
    // link, and through a variable that refers outside itself
    const outsideOf = (envFrom: (string[] | undefined)[], env: any[]) => [...containerEnv(envFrom, env)].map(([name, v]) => [name, v.outside]);
    const kaptain = [{ name: 'HOME', value: '/home/kubeflow' }, { name: 'AWS_SHARED_CREDENTIALS_FILE', value: '$(HOME)/.aws/credentials' }];
    const fromField = { name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } };
    // WHEN the kubelet sets them
    // THEN only the ones whose variable the env does not set before it, itself from inside, refer outside
    expect(outsideOf([], kaptain)).toEqual([['HOME', false], ['AWS_SHARED_CREDENTIALS_FILE', false]]);
    expect(outsideOf([], [fromField, { name: 'DIR', value: '/s/$(NS)' }])).toEqual([['NS', false], ['DIR', false]]);
    expect(outsideOf([], [kaptain[1], kaptain[0]])).toEqual([['AWS_SHARED_CREDENTIALS_FILE', true], ['HOME', false]]);
    expect(outsideOf([['HOME']], [kaptain[1]])).toEqual([['AWS_SHARED_CREDENTIALS_FILE', true]]);
    expect(outsideOf([], [{ name: 'H', value: '$(KUBERNETES_SERVICE_HOST)' }])).toEqual([['H', true]]);
    expect(outsideOf([], [{ name: 'HOME', value: '$(BASE)/kubeflow' }, kaptain[1]])).toEqual([['HOME', true], ['AWS_SHARED_CREDENTIALS_FILE', true]]);
    // AND a variable set again from inside is inside again (the map holds a name's last entry)
    expect(outsideOf([], [{ name: 'HOME', value: '$(BASE)' }, kaptain[0], kaptain[1]])).toEqual([['HOME', false], ['AWS_SHARED_CREDENTIALS_FILE', false]]);
  });

  test('a value of many unclosed "$(" is written as it is', () => {
    // GIVEN "$(" 100,000 times, after a reference and before none
    const input = `$(A)${'$('.repeat(100000)}`;
    // WHEN expanded
    // THEN each "$(" is kept, as expand.go's tryReadVariableName returns an incomplete reference
    expect(expandEnvValue(input, mappingFuncFor(new Map([['A', 'a']])))).toBe(`a${'$('.repeat(100000)}`);
  });
});
