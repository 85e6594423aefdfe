// Go's net/netip as the check follows it for an IPAddress's name (lib/check/go-netip.ts).
import { goCanonicalAddr } from '../../lib/check/go-netip';

/**
 * golang/go src/net/netip/netip_test.go TestParseAddr (stored version 740043f516f716fe359ffd3bd76f1a30a9aa5eec, read with
 * the search tool's file index): each valid input and its `String()` (`str`, or the input where the test gives none),
 * copied as the test states them, and the inputs whose ParseAddr must fail (validIPs with wantErr, and invalidIPs).
 */
const GO_VALID: readonly (readonly [string, string])[] = [
  ['0.0.0.0', '0.0.0.0'],
  ['192.168.140.255', '192.168.140.255'],
  ['::', '::'],
  ['::1', '::1'],
  ['fd7a:115c:a1e0:ab12:4843:cd96:626b:430b', 'fd7a:115c:a1e0:ab12:4843:cd96:626b:430b'],
  ['fd7a:115c::626b:430b', 'fd7a:115c::626b:430b'],
  ['fd7a:115c:a1e0:ab12:4843:cd96::', 'fd7a:115c:a1e0:ab12:4843:cd96::'],
  ['fd7a:115c:a1e0:ab12:4843:cd96:626b::', 'fd7a:115c:a1e0:ab12:4843:cd96:626b:0'],
  ['fd7a:115c:a1e0::4843:cd96:626b:430b', 'fd7a:115c:a1e0:0:4843:cd96:626b:430b'],
  ['::ffff:192.168.140.255', '::ffff:192.168.140.255'],
  ['fd7a:115c:a1e0:ab12:4843:cd96:626b:430b%eth0', 'fd7a:115c:a1e0:ab12:4843:cd96:626b:430b%eth0'],
  ['1:2::ffff:192.168.140.255%eth1', '1:2::ffff:c0a8:8cff%eth1'],
  ['::ffff:192.168.140.255%eth1', '::ffff:192.168.140.255%eth1'],
  ['FD9E:1A04:F01D::1', 'fd9e:1a04:f01d::1'],
];
const GO_INVALID: readonly string[] = [
  '010.000.015.001', '000001.00000002.00000003.000000004', '::ffff:1.2.03.4', '::ffff:1.2.3.z',
  '', 'bad', '1234', '1.2.3.4%eth0', '.1.2.3', '1.2.3.', '1..2.3', '1.2.3.4.5', '0300.0250.0214.0377', '0xc0.0xa8.0x8c.0xff',
  '192.168.12345', '127.0.1', '192.1234567', '127.1', '192.168.300.1', '192.168.0.1.5.6', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9',
  '1:2:3:4::5:6:7:8', 'fe801::1', 'fe80:tail:scal:e::', 'fe80::1%', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:192.168.140.255',
  'ffff::ffff:ffff:ffff:ffff:ffff:ffff:192.168.140.255', '::ffff:192.168.140.bad', 'fe80::1::1', 'fe80:1?:1', 'fe80:',
  '0:0:0:0:0:ffff:0:00000', '0:0:0:0:00000:ffff:127.1.2.3',
];

describe('goCanonicalAddr, as Go\'s netip.ParseAddr then String', () => {
  test.each(GO_VALID)('%s is written back as Go\'s TestParseAddr states', (text, written) => {
    // GIVEN an address Go parses WHEN read and written back THEN as Go writes it
    expect(goCanonicalAddr(text)).toBe(written);
  });

  test.each(GO_INVALID.map(text => [text]))('%j is refused, as Go\'s ParseAddr refuses it', text => {
    // GIVEN a text Go's ParseAddr refuses WHEN read THEN no address
    expect(goCanonicalAddr(text)).toBeUndefined();
  });

  test.each<[string, string]>([
    // appendTo6: the first of two longest runs of zero groups becomes "::", a run of one never does
    ['1:0:0:2:0:0:3:4', '1::2:0:0:3:4'],
    ['1:0:0:2:0:0:0:4', '1:0:0:2::4'],
    ['1:0:2:0:3:0:4:0', '1:0:2:0:3:0:4:0'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['2001:0db8::0001', '2001:db8::1'],
    // an IPv4 address in the last two groups: written as hex but for ::ffff:0:0/96 (string4In6)
    ['::1.2.3.4', '::102:304'],
    ['::ffff:0102:0304', '::ffff:1.2.3.4'],
    ['1::', '1::'],
  ])('%s is written %s', (text, written) => {
    // GIVEN an address with zero groups, leading zeros or an IPv4 tail WHEN read and written back THEN as appendTo6 writes it
    expect(goCanonicalAddr(text)).toBe(written);
  });
});
