// Go's duration strings (time.ParseDuration), the form ESO reads `refreshInterval` in.

/** One `<number><unit>` term; Go accepts both the micro sign and the Greek mu for microseconds. */
const TERM = /([0-9]*)(?:\.([0-9]*))?(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/y;

const UNIT_NANOSECONDS: Record<string, bigint> = {
  'ns': 1n,
  'us': 1000n,
  '\u00b5s': 1000n,
  '\u03bcs': 1000n,
  'ms': 1000000n,
  's': 1000000000n,
  'm': 60000000000n,
  'h': 3600000000000n,
};

/** time.Duration is an int64 of nanoseconds: ParseDuration refuses anything longer (about 292 years). */
const MAX_NANOSECONDS = 2n ** 63n - 1n;

/**
 * Whether `text` is a duration Go's time.ParseDuration reads, not negative: `0`, or terms such as
 * `1h`, `1h30m`, `1.5h`, `300ms`, at most Go's longest duration (2^63-1 nanoseconds).
 */
export function isGoDuration(text: string): boolean {
  return goDurationNanoseconds(text) !== undefined;
}

/** The nanoseconds of a duration isGoDuration accepts (`0s`, `0m0s` and `0` are 0), or undefined. */
export function goDurationNanoseconds(text: string): bigint | undefined {
  if (typeof text !== 'string') { return undefined; }
  const body = text.startsWith('+') ? text.slice(1) : text;
  if (body === '0') { return 0n; }
  if (body === '') { return undefined; }
  let total = 0n;
  TERM.lastIndex = 0;
  while (TERM.lastIndex < body.length) {
    const start = TERM.lastIndex;
    const match = TERM.exec(body);
    if (match === null || match.index !== start) { return undefined; }
    const [, whole, fraction, unit] = match;
    // Go needs a digit on one side of the point: ".5h" and "5.h" are durations, "." is not.
    if (whole === '' && (fraction === undefined || fraction === '')) { return undefined; }
    const scale = UNIT_NANOSECONDS[unit];
    total += BigInt(whole === '' ? 0 : whole) * scale;
    if (fraction !== undefined && fraction !== '') {
      total += (BigInt(fraction) * scale) / 10n ** BigInt(fraction.length);
    }
    if (total > MAX_NANOSECONDS) { return undefined; }
  }
  return total;
}
