/** Minimal IPv4/IPv6 address arithmetic for turning pod IPs into CIDRs (no dependency needed). */
// @ts-nocheck


interface Address {
  family: 4 | 6;
  value: bigint;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string): string[] => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const all = [...head, ...Array<string>(missing).fill('0'), ...tail];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

export function parseIp(text: string): Address {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseIpv6(text);
  if (v6 !== undefined) return { family: 6, value: v6 };
  throw new Error(`invalid pod IP "${text}": expected an IPv4 or IPv6 address`);
}

function bits(family: 4 | 6): number {
  return family === 4 ? 32 : 128;
}

function formatIp(address: Address): string {
  if (address.family === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => String((address.value >> shift) & 255n)).join('.');
  }
  const groups = Array.from({ length: 8 }, (_, i) =>
    ((address.value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16),
  );
  // Canonical text form (RFC 5952): the longest run of two or more zero groups becomes "::", as
  // the API server's strict IP validation expects.
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === '0') j += 1;
    if (j - i >= 2 && j - i > best.length) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  if (best.start < 0) return groups.join(':');
  const head = groups.slice(0, best.start).join(':');
  const tail = groups.slice(best.start + best.length).join(':');
  return `${head}::${tail}`;
}

/** The host CIDR of an address: "10.0.0.5/32" or "fd00:...:5/128". */
export function hostCidr(ip: string): string {
  const address = parseIp(ip);
  return `${formatIp(address)}/${bits(address.family)}`;
}

/** The smallest CIDR containing every address (all of one family), network address first. */
export function coveringCidr(ips: readonly string[]): string {
  if (ips.length === 0) throw new Error('coveringCidr needs at least one IP');
  const addresses = ips.map(parseIp);
  const family = addresses[0].family;
  if (addresses.some((a) => a.family !== family)) {
    throw new Error(`pod IPs of mixed families cannot share one CIDR: ${ips.join(', ')}`);
  }
  const width = bits(family);
  let prefix = width;
  const first = addresses[0].value;
  while (
    prefix > 0 &&
    addresses.some((a) => a.value >> BigInt(width - prefix) !== first >> BigInt(width - prefix))
  ) {
    prefix -= 1;
  }
  const shift = BigInt(width - prefix);
  const network = (first >> shift) << shift;
  return `${formatIp({ family, value: network })}/${prefix}`;
}

/** Whether ip lies inside cidr ("a.b.c.d/n"). */
export function cidrContains(cidr: string, ip: string): boolean {
  const [base, prefixText] = cidr.split('/');
  const network = parseIp(base);
  const address = parseIp(ip);
  if (network.family !== address.family) return false;
  const shift = BigInt(bits(network.family) - Number(prefixText));
  return network.value >> shift === address.value >> shift;
}
