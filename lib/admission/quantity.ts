// resource.Quantity as k8s.io/apimachinery v0.35.0 parses, compares and writes it
// (pkg/api/resource/quantity.go, suffix.go, amount.go), for the quantities of a pod or PodDefault
// (`sizeLimit`, `resources`). The webhook decodes each PodDefault with Quantity.UnmarshalJSON and compares
// with reflect.DeepEqual, which reads the parsed struct: its int64 or inf.Dec amount, its format and the
// string it keeps when the input was already canonical (ParseQuantity, quantity.go L332-343). So `1` and
// `"1"` are equal, while `1Gi` and `1024Mi`, one amount, are not. The API server writes a pod's quantities in
// canonical form (MarshalJSON, L694), which this module computes as CanonicalizeBytes (L425) does.

/** A parsed quantity: the fields of the Go struct that reflect.DeepEqual compares. */
export interface GoQuantity {
  /** `int`: int64Amount `value`×10^`scale`; `dec`: inf.Dec `value`×10^-`scale`. */
  readonly kind: 'int' | 'dec';
  readonly value: bigint;
  readonly scale: number;
  readonly format: 'DecimalExponent' | 'BinarySI' | 'DecimalSI';
  /** The input, kept when it was canonical (`s` in Go); `''` otherwise. */
  readonly s: string;
}

const MAX_INT64 = (1n << 63n) - 1n;
/** maxInt64Factors (math.go L28): the decimal digits an int64 surely holds. */
const MAX_INT64_FACTORS = 18;
const DECIMAL_SUFFIXES: Record<string, number> = { 'n': -9, 'u': -6, 'm': -3, '': 0, 'k': 3, 'M': 6, 'G': 9, 'T': 12, 'P': 15, 'E': 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** ParseQuantity: the parsed struct, or `undefined` where Go returns an error (the API server then refuses). */
export function parseQuantity(text: string): GoQuantity | undefined {
  if (text.length === 0) { return undefined; }
  if (text === '0') { return { kind: 'int', value: 0n, scale: 0, format: 'DecimalSI', s: text }; }
  const parts = splitQuantity(text);
  if (parts === undefined) { return undefined; }
  const { positive, value, num, denom, suffix } = parts;
  const interpreted = interpret(suffix);
  if (interpreted === undefined) { return undefined; }
  const { base, exponent } = interpreted;
  let format = interpreted.format;

  let precision = 0;
  let scale = 0;
  let mantissa = 1n;
  if (format === 'BinarySI') {
    if (exponent >= 0 && denom.length === 0) {
      mantissa = 1n << BigInt(exponent);
      precision = 15 - num.length - Math.trunc(Math.fround(exponent * 3 / 10)) - 1;
    } else {
      precision = -1;
    }
  } else {
    scale = exponent;
    precision = MAX_INT64_FACTORS - (num.length + denom.length);
  }
  if (precision >= 0) {
    scale -= denom.length;
    if (scale >= -9) {
      const shifted = num + denom;
      const parsed = BigInt(shifted);
      if (parsed > MAX_INT64) { return undefined; }
      const product = parsed * mantissa;
      if (product <= MAX_INT64) {
        const result = positive ? product : -product;
        const canonical = format === 'BinarySI'
          ? exponent % 10 === 0 && (parsed & 7n) !== 0n
          : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
        return { kind: 'int', value: result, scale, format, s: canonical ? text : '' };
      }
    }
  }

  // The inf.Dec path: the number at nanounit precision, rounded up (quantity.go L348-392).
  const dot = value.indexOf('.');
  const digits = dot < 0 ? value : value.slice(0, dot) + value.slice(dot + 1);
  if (!/\d/.test(digits)) { return undefined; }
  let unscaled = BigInt(digits);
  let decScale = dot < 0 ? 0 : value.length - dot - 1;
  if (base === 10) {
    decScale -= exponent;
  } else {
    unscaled *= 1n << BigInt(exponent);
  }
  const negative = unscaled < 0n;
  if (negative) { unscaled = -unscaled; }
  if (unscaled !== 0n) {
    if (decScale <= 9) {
      unscaled *= 10n ** BigInt(9 - decScale);
    } else {
      const divisor = 10n ** BigInt(decScale - 9);
      unscaled = (unscaled + divisor - 1n) / divisor;
    }
    decScale = 9;
  }
  if (format === 'BinarySI' && unscaled > MAX_INT64 * 10n ** BigInt(decScale)) {
    unscaled = MAX_INT64;
    decScale = 0;
  }
  if (format === 'BinarySI' && unscaled > 0n && unscaled < 10n ** BigInt(decScale)) { format = 'DecimalSI'; }
  return { kind: 'dec', value: negative ? -unscaled : unscaled, scale: decScale, format, s: '' };
}

/** A key equal for two quantities exactly when reflect.DeepEqual finds their structs equal. */
export function quantityKey(q: GoQuantity): string {
  return `${q.kind}:${q.value}:${q.scale}:${q.format}:${q.s}`;
}

/** MarshalJSON: the string the API server writes for a quantity. */
export function canonicalQuantity(q: GoQuantity): string {
  if (q.s !== '') { return q.s; }
  if (q.value === 0n) { return '0'; }
  // The amount as an exact decimal, mantissa×10^exponent, without trailing zeros in the mantissa.
  let mantissa = q.value;
  let exponent = q.kind === 'int' ? q.scale : -q.scale;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  if (q.format === 'BinarySI' && exponent >= 0) {
    const whole = mantissa * 10n ** BigInt(exponent);
    // CanonicalizeBytes (L593-601): below 1024, or not whole, the amount is written in decimal.
    if (whole >= 1024n || whole <= -1024n) {
      let amount = whole;
      let times = 0;
      while (amount % 1024n === 0n) {
        amount /= 1024n;
        times++;
      }
      return `${amount}${BINARY_SUFFIX_OF[times] ?? ''}`;
    }
  }
  while (((exponent % 3) + 3) % 3 !== 0) {
    mantissa *= 10n;
    exponent--;
  }
  if (q.format === 'DecimalExponent') { return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`; }
  return `${mantissa}${DECIMAL_SUFFIX_OF.get(exponent) ?? ''}`;
}

const BINARY_SUFFIX_OF = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const DECIMAL_SUFFIX_OF = new Map(Object.entries(DECIMAL_SUFFIXES).map(([suffix, exponent]) => [exponent, suffix]));

/** The text a JSON value gives Quantity.UnmarshalJSON: a string's content, or a number as JSON writes it. */
export function quantityText(value: unknown): string | undefined {
  if (typeof value === 'string') { return value.trim(); }
  if (typeof value === 'number' && Number.isFinite(value)) { return JSON.stringify(value); }
  return undefined;
}

interface QuantityParts {
  readonly positive: boolean;
  readonly value: string;
  readonly num: string;
  readonly denom: string;
  readonly suffix: string;
}

/** parseQuantityString (quantity.go L161): sign, digits before and after the point, suffix. */
function splitQuantity(text: string): QuantityParts | undefined {
  const [, sign, zeros, digits, fraction, rest] = /^([+-]?)(0*)(\d*)(?:\.(\d*))?(.*)$/s.exec(text)!;
  const positive = sign !== '-';
  if (zeros.length > 0 && digits === '' && fraction === undefined && rest === '') {
    return { positive, value: '0', num: '0', denom: '', suffix: '' };
  }
  // A suffix is letters of "eEinumkKMGTP", then an optional sign and digits (an exponent).
  if (!/^[eEinumkKMGTP]*[+-]?\d*$/.test(rest)) { return undefined; }
  return { positive, value: text.slice(0, text.length - rest.length), num: digits === '' ? '0' : digits, denom: fraction ?? '', suffix: rest };
}

/** quantitySuffixer.interpret (suffix.go): base, exponent and format of a suffix. */
function interpret(suffix: string): { base: number; exponent: number; format: GoQuantity['format'] } | undefined {
  if (Object.prototype.hasOwnProperty.call(DECIMAL_SUFFIXES, suffix)) { return { base: 10, exponent: DECIMAL_SUFFIXES[suffix], format: 'DecimalSI' }; }
  if (Object.prototype.hasOwnProperty.call(BINARY_SUFFIXES, suffix)) { return { base: 2, exponent: BINARY_SUFFIXES[suffix], format: 'BinarySI' }; }
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d{1,9}$/.test(suffix.slice(1))) {
    return { base: 10, exponent: Number(suffix.slice(1)), format: 'DecimalExponent' };
  }
  return undefined;
}
