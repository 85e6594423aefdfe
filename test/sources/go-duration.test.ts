import { goDurationNanoseconds, isGoDuration } from '../../lib/sources/go-duration';

// Vectors from Go's own tests of time.ParseDuration (src/time/time_test.go, parseDurationTests and
// parseDurationErrorTests): what Go reads, and what it refuses. Negative durations, which Go reads,
// are refused here: no refresh interval is negative.
describe('Go durations, as time.ParseDuration reads them', () => {
  test.each([
    '0', '5s', '30s', '1478s', '+5s', '5.0s', '5.6s', '5.s', '.5s', '1.0s', '1.00s', '1.004s', '1.0040s',
    '100.00100s', '10ns', '11us', '12\u00b5s', '12\u03bcs', '13ms', '14s', '15m', '16h', '3h30m', '10.5s4m',
    '1h2m3s4ms5us6ns', '39h9m14.425s', '52763797000ns', '0.3333333333333333333h', '9007199254740993ns',
    '9223372036854775807ns', '9223372036854775.807us', '9223372036s854ms775us807ns', '0.100000000000000000000h',
    '0.830103483285477580700h', '1h0m0s', '0s',
  ])('reads %j', text => {
    expect(isGoDuration(text)).toBe(true);
  });

  test.each([
    '', '3', '-', 's', '.', '-.', '.s', '+.s', '1d', '1 h', ' 1h', '1h ', '1H', '\u00b5', '1\u00b5',
    '9223372036854775808ns', '9223372036854775.808us', '9223372036854ms775us808ns', '-5s', '-0', '-1h',
  ])('refuses %j', text => {
    expect(isGoDuration(text)).toBe(false);
  });
});

describe('the nanoseconds of a Go duration', () => {
  // Values from Go's parseDurationTests: "0" and "0s" are 0; "5.6s" is 5.6e9; "1h2m3s4ms5us6ns" is its sum.
  test.each<[string, bigint]>([
    ['0', 0n], ['0s', 0n], ['+0h', 0n], ['0m0s', 0n], ['0.0s', 0n],
    ['5.6s', 5600000000n], ['1h2m3s4ms5us6ns', 3723004005006n], ['9223372036854775807ns', 9223372036854775807n],
  ])('%j is %d', (text, nanoseconds) => {
    expect(goDurationNanoseconds(text)).toBe(nanoseconds);
  });

  test.each(['', '1d', '-0', '-1h'])('%j is none', text => {
    expect(goDurationNanoseconds(text)).toBeUndefined();
  });
});
