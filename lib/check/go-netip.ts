// IP addresses as Go's net/netip reads and writes them, for the name of an IPAddress: kubernetes' ValidateIPAddressName
// wants the name to be the address in canonical form, `netip.ParseAddr(name)` then `ip.String() == name` (see
// builtin-kinds.ts). Followed from golang/go src/net/netip/netip.go (stored version d7a0c45642fef106b5443aa16937fd4bffb51d12,
// read with the search tool's file index): ParseAddr, parseIPv4Fields, parseIPv6, Addr.String (string4In6 for an
// IPv4-mapped address) and appendTo6.

/**
 * `text` as Go's `netip.ParseAddr(text)` then `String()` writes it, or `undefined` where ParseAddr fails: an IPv4
 * address as four decimal numbers (ParseAddr takes no leading zero nor a number above 255), an IPv6 one as RFC 5952
 * (lower-case hex without leading zeros, the first longest run of two or more zero groups as "::"), an IPv4-mapped one
 * as "::ffff:" and its IPv4 address, and a zone after "%" as given.
 */
export function goCanonicalAddr(text: string): string | undefined {
  // ParseAddr: the first ".", ":" or "%" decides; "%" first is "missing IPv6 address".
  const first = /[.:%]/.exec(text)?.[0];
  if (first === '.') {
    const v4 = ipv4Fields(text);
    return v4 === undefined ? undefined : v4.join('.');
  }
  return first === ':' ? ipv6(text) : undefined;
}

/** parseIPv4Fields: four decimal numbers of 0 to 255 without a leading zero, separated by ".". */
function ipv4Fields(text: string): number[] | undefined {
  const fields = text.split('.');
  if (fields.length !== 4 || !fields.every(f => /^(0|[1-9][0-9]{0,2})$/.test(f) && Number(f) <= 255)) { return undefined; }
  return fields.map(Number);
}

/** parseIPv6 and then String: the eight 16-bit groups, written back; `undefined` where parseIPv6 fails. */
function ipv6(text: string): string | undefined {
  const percent = text.indexOf('%');
  const zone = percent < 0 ? '' : text.slice(percent + 1);
  if (percent >= 0 && zone === '') { return undefined; }
  const groups = ipv6Groups(percent < 0 ? text : text.slice(0, percent));
  return groups === undefined ? undefined : `${writeIpv6(groups)}${zone === '' ? '' : `%${zone}`}`;
}

/**
 * The groups parseIPv6 reads from `s` (the zone split off): hex groups of 1 to 4 digits between ":", one "::" for at
 * least one zero group, and an IPv4 address in the last two groups' place.
 */
function ipv6Groups(s: string): number[] | undefined {
  const halves = s.split('::');
  if (halves.length > 2) { return undefined; }
  const ellipsis = halves.length === 2;
  const head = parts(halves[0]);
  const tail = ellipsis ? parts(halves[1]) : [];
  if (head === undefined || tail === undefined) { return undefined; }
  // An IPv4 address only last, and (without "::") only in the place of groups 7 and 8.
  const all = [...head, ...tail];
  const v4At = all.findIndex(p => p.includes('.'));
  if (v4At >= 0 && v4At !== all.length - 1) { return undefined; }
  const groups: number[] = [];
  for (const part of all) {
    if (part.includes('.')) {
      const v4 = ipv4Fields(part);
      if (v4 === undefined) { return undefined; }
      groups.push(v4[0] * 256 + v4[1], v4[2] * 256 + v4[3]);
    } else {
      groups.push(parseInt(part, 16));
    }
  }
  const headGroups = groups.length - tailGroups(tail);
  if (!ellipsis) { return groups.length === 8 ? groups : undefined; }
  // "::" must stand for at least one zero group.
  if (groups.length > 7) { return undefined; }
  return [...groups.slice(0, headGroups), ...new Array<number>(8 - groups.length).fill(0), ...groups.slice(headGroups)];
}

/** The number of groups the parts after "::" take (an IPv4 address takes two). */
function tailGroups(tail: readonly string[]): number {
  return tail.reduce((n, p) => n + (p.includes('.') ? 2 : 1), 0);
}

/** The ":"-separated parts of one side of "::": each 1 to 4 hex digits, or (last) digits and "." for an IPv4 address. */
function parts(side: string): string[] | undefined {
  if (side === '') { return []; }
  const list = side.split(':');
  const ok = list.every((p, i) => /^[0-9a-fA-F]{1,4}$/.test(p) || (i === list.length - 1 && /^[0-9a-fA-F]{1,4}\./.test(p)));
  return ok ? list : undefined;
}

/** Addr.String of eight groups: string4In6 for ::ffff:a.b.c.d, else appendTo6. */
function writeIpv6(groups: readonly number[]): string {
  if (groups.slice(0, 5).every(g => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${[groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join('.')}`;
  }
  // appendTo6: the first longest run of two or more zero groups becomes "::".
  let zeroStart = -1;
  let zeroLength = 1;
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === 0) { j++; }
    if (j - i > zeroLength) { zeroStart = i; zeroLength = j - i; }
  }
  const hex = groups.map(g => g.toString(16));
  if (zeroStart < 0) { return hex.join(':'); }
  return `${hex.slice(0, zeroStart).join(':')}::${hex.slice(zeroStart + zeroLength).join(':')}`;
}
