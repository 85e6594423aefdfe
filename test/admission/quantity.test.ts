// resource.Quantity as the webhook and the API server see it: the canonical form is kubectl's own (it
// decodes a pod into core/v1 and writes it again, as the API server does), the equality is that of
// reflect.DeepEqual on the parsed struct (apimachinery v0.35.0 pkg/api/resource/quantity.go).
import { spawnSync } from 'child_process';
import { canonicalQuantity, parseQuantity, quantityKey, quantityText } from '../../lib/admission/quantity';

const QUANTITIES: (string | number)[] = [
  '1', 1, '0', 0, '00', '1000m', '1500m', '1.5', 1.5, '0.5', '100m', '1Gi', '1024Mi', '1.5Gi', '1536Mi', '1023',
  '1024', '1025', '2048', '1k', '1000', '1M', '1e3', '1E6', '12e2', '1.5e3', '+1', '1Ki', '0.5Ki', '512', '1n',
  '0.1n', '123456789012345678', '9Ei', '8Ei', '100Mi', '1.000', '5G', '64Mi', '.5', '1.', '7e-3', 1e21, 0.25,
];

function kubectlCanonical(values: (string | number)[]): string[] | undefined {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'q' },
    spec: {
      volumes: values.map((v, i) => ({ name: `v${i}`, emptyDir: { sizeLimit: v } })),
      containers: [{ name: 'c', image: 'i' }],
    },
  };
  const run = spawnSync('kubectl', ['set', 'resources', '--local', '-f', '-', '--limits=cpu=1', '-o', 'json'], { input: JSON.stringify(pod), encoding: 'utf8' });
  if (run.error !== undefined) { return undefined; }
  if (run.status !== 0) { throw new Error(`kubectl set resources failed: ${run.stderr}`); }
  return JSON.parse(run.stdout).spec.volumes.map((v: any) => v.emptyDir.sizeLimit);
}

const fromKubectl = kubectlCanonical(QUANTITIES);
if (fromKubectl === undefined) {
  // eslint-disable-next-line no-console
  console.log('quantity.test.ts: kubectl is not on PATH: the comparison with kubectl\'s canonical quantities is skipped');
}

describe('the canonical form the API server writes', () => {
  (fromKubectl === undefined ? test.skip : test)('equals kubectl\'s for every quantity of the table', () => {
    // GIVEN quantities as strings and numbers, canonical and not, decimal, binary and exponent
    // WHEN parsed and written again THEN each is written as kubectl 1.32 writes it
    const ours = QUANTITIES.map(q => canonicalQuantity(parseQuantity(quantityText(q)!)!));
    expect(ours).toEqual(fromKubectl);
  });

  test('a few by value, so that the test runs without kubectl too', () => {
    expect(['1024Mi', '1000m', '1.5Gi', '1.5', '0.1n', '12e2'].map(q => canonicalQuantity(parseQuantity(q)!)))
      .toEqual(['1Gi', '1', '1536Mi', '1500m', '1n', '1200']);
  });
});

describe('equality as reflect.DeepEqual sees two parsed quantities', () => {
  const equal = (a: string | number, b: string | number) => quantityKey(parseQuantity(quantityText(a)!)!) === quantityKey(parseQuantity(quantityText(b)!)!);

  test('a number and a string of one quantity are equal (UnmarshalJSON strips the quotes, quantity.go L740)', () => {
    expect(equal(1, '1')).toBe(true);
    expect(equal(0, '0')).toBe(true);
    expect(equal(1.5, '1.5')).toBe(true);
  });

  test('one amount written two ways differs: the parsed struct keeps the input only when it was canonical (quantity.go L332-343)', () => {
    expect(equal('1Gi', '1024Mi')).toBe(false);
    expect(equal('1', '1000m')).toBe(false);
    expect(equal('0', '00')).toBe(false);
  });

  test('two non-canonical spellings of one amount with one parse are equal', () => {
    // GIVEN 1024Mi and 1048576Ki: one int64 amount, one format, neither keeps its text
    expect(equal('1024Mi', '1048576Ki')).toBe(true);
  });

  test('what Go refuses to parse is undefined', () => {
    expect(['', 'x', '1Q', '1e', '--1', '1.2.3'].map(parseQuantity)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
