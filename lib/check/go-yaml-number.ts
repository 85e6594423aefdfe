// The numbers of a YAML file as kubectl reads them: go-yaml v2 resolves a plain scalar to a number as
// its resolve.go does (Go's strconv.ParseInt with base 0, then ParseUint, then ParseFloat, underscores
// removed), and sigs.k8s.io/yaml turns a number that is a map key into the key text Go writes for it
// (convertToJSONableObject: an int in decimal, a float as FormatFloat(f, 'g', -1, 32), a uint64 refused).
// A number out of range of all three stays a string (`0x10000000000000000`, `1e400`). The vectors are
// in test/check/kubectl-yaml.test.ts and test/check/manifest-text-kubectl.test.ts, recorded from kubectl 1.32.

/** A plain scalar go-yaml reads as a number. */
export interface GoNumber {
  /** The number, as JSON carries it to kubectl. */
  readonly value: number;
  /** The key text kubectl makes of it as a map key; `undefined` where kubectl refuses it as a key (a uint64). */
  readonly key: string | undefined;
}

/** Go's strconv.ParseInt with base 0, after go-yaml has removed the underscores. */
const GO_INT = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|0[oO]?([0-7]+)|([1-9][0-9]*|0))$/;
/** go-yaml v2's yamlStyleFloat. */
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** What Go's ParseFloat reads of a scalar that starts with `.`: go-yaml passes those to it as they are, underscores too. */
const GO_DOT_FLOAT = /^\.[0-9]+(?:_[0-9]+)*(?:[eE][-+]?[0-9]+(?:_[0-9]+)*)?$/;
const SPECIAL_FLOATS: { readonly [text: string]: number } = {
  '.inf': Infinity, '.Inf': Infinity, '.INF': Infinity, '+.inf': Infinity, '+.Inf': Infinity, '+.INF': Infinity,
  '-.inf': -Infinity, '-.Inf': -Infinity, '-.INF': -Infinity, '.nan': NaN, '.NaN': NaN, '.NAN': NaN,
};
/** How every number go-yaml reads starts; tried first, since most plain scalars are names. */
export const NUMBER_START = /^[-+.0-9]/;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** The number go-yaml v2 reads `text` (a plain scalar) as, or `undefined` when it reads a string. */
export function goYamlNumber(text: string): GoNumber | undefined {
  if (Object.prototype.hasOwnProperty.call(SPECIAL_FLOATS, text)) { return float(SPECIAL_FLOATS[text]); }
  if (text.startsWith('.')) {
    return GO_DOT_FLOAT.test(text) ? finiteFloat(Number(text.replace(/_/g, ''))) : undefined;
  }
  const plain = text.includes('_') ? text.replace(/_/g, '') : text;
  const int = GO_INT.exec(plain);
  if (int !== null) {
    const found = integer(int);
    if (found !== undefined) { return found; }
  }
  // ParseFloat refuses a number beyond float64 (ErrRange): go-yaml keeps the scalar as a string.
  return GO_FLOAT.test(plain) ? finiteFloat(Number(plain)) : undefined;
}

/** The int64 or uint64 of a GO_INT match, or `undefined` when it fits neither (ParseInt and ParseUint fail). */
function integer([, sign, hex, bin, oct, dec]: RegExpExecArray): GoNumber | undefined {
  const digits = hex ?? bin ?? oct ?? dec;
  const radix = hex !== undefined ? 16 : bin !== undefined ? 2 : oct !== undefined ? 8 : 10;
  // Up to 2^53 a Number is exact, and every such integer is an int64.
  const magnitude = parseInt(digits, radix);
  if (Number.isSafeInteger(magnitude)) {
    const value = sign === '-' ? -magnitude : magnitude;
    return { value, key: String(value === 0 ? 0 : value) };
  }
  const prefix = hex !== undefined ? '0x' : bin !== undefined ? '0b' : oct !== undefined ? '0o' : '';
  const big = BigInt(prefix + digits) * (sign === '-' ? -1n : 1n);
  if (big >= INT64_MIN && big <= INT64_MAX) { return { value: Number(big), key: big.toString() }; }
  // ParseUint takes no sign.
  if (sign === '' && big <= UINT64_MAX) { return { value: Number(big), key: undefined }; }
  return undefined;
}

function finiteFloat(value: number): GoNumber | undefined {
  return Number.isFinite(value) ? float(value) : undefined;
}

function float(value: number): GoNumber {
  return { value, key: goFloatKey(value) };
}

/** The key text sigs.k8s.io/yaml makes of a float key: strconv.FormatFloat(f, 'g', -1, 32), and .inf, -.inf, .nan. */
export function goFloatKey(value: number): string {
  const f32 = Math.fround(value);
  if (Number.isNaN(f32)) { return '.nan'; }
  if (!Number.isFinite(f32)) { return f32 > 0 ? '.inf' : '-.inf'; }
  if (f32 === 0) { return Object.is(f32, -0) ? '-0' : '0'; }
  const { digits, exponent } = shortestFloat32(f32);
  const sign = f32 < 0 ? '-' : '';
  // %e when the exponent is below -4 or at least the precision, which is 6 for the shortest form.
  if (exponent < -4 || exponent >= 6) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exponent);
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  const point = exponent + 1;
  if (point <= 0) { return `${sign}0.${'0'.repeat(-point)}${digits}`; }
  if (point >= digits.length) { return `${sign}${digits}${'0'.repeat(point - digits.length)}`; }
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** The fewest decimal digits that read back as the float32 `f32` (non-zero, finite), and the exponent of the first. */
function shortestFloat32(f32: number): { digits: string; exponent: number } {
  const magnitude = Math.abs(f32);
  for (let precision = 1; ; precision++) {
    const text = magnitude.toExponential(precision - 1);
    if (Math.fround(Number(text)) === magnitude || precision >= 9) {
      const [mantissa, exponent] = text.split('e');
      return { digits: mantissa.replace('.', ''), exponent: Number(exponent) };
    }
  }
}
