/**
 * IP address parsing for the region CIDR table, without allocation for the common IPv4 case.
 * IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`, what a dual-stack socket reports for an IPv4 peer)
 * are treated as the IPv4 address they carry, so one IPv4 CIDR covers both spellings.
 */

/** A parsed address: IPv4 as an unsigned 32-bit number, IPv6 as a 128-bit bigint. */
export type IpAddress = { readonly family: 4; readonly value: number } | { readonly family: 6; readonly value: bigint };

const mappedPrefix = 0xffffn;

/** Parses dotted-quad IPv4 (no leading zeros); -1 when the text is not one. */
export function parseIpv4(text: string, start = 0): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 46) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (code >= 48 && code <= 57) {
      if (digits > 0 && octet === 0) return -1;
      octet = octet * 10 + (code - 48);
      digits++;
      if (octet > 255) return -1;
    } else {
      return -1;
    }
  }
  if (dots !== 3 || digits === 0) return -1;
  return value * 256 + octet;
}

function parseGroups(part: string): number[] | undefined {
  if (part === '') return [];
  const groups: number[] = [];
  for (const group of part.split(':')) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    groups.push(parseInt(group, 16));
  }
  return groups;
}

/** Parses IPv6 (with `::`, an embedded IPv4 tail and an optional `%zone`) into a bigint. */
export function parseIpv6(text: string): bigint | undefined {
  const zone = text.indexOf('%');
  let body = zone >= 0 ? text.slice(0, zone) : text;
  const tail: number[] = [];
  if (body.includes('.')) {
    const lastColon = body.lastIndexOf(':');
    const v4 = parseIpv4(body, lastColon + 1);
    if (lastColon < 0 || v4 < 0) return undefined;
    tail.push(v4 >>> 16, v4 & 0xffff);
    body = body.slice(0, lastColon + 1);
    if (!body.endsWith('::')) body = body.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0]!);
  const rest = halves.length === 2 ? parseGroups(halves[1]!) : [];
  if (head === undefined || rest === undefined) return undefined;
  const known = head.length + rest.length + tail.length;
  if (halves.length === 2 ? known > 7 : known !== 8) return undefined;
  let value = 0n;
  for (const group of [...head, ...new Array<number>(8 - known).fill(0), ...rest, ...tail]) value = (value << 16n) | BigInt(group);
  return value;
}

/** Parses either family; IPv4-mapped IPv6 comes back as IPv4. */
export function parseIpAddress(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4 >= 0) return { family: 4, value: v4 };
  if (!text.includes(':')) return undefined;
  if (text.startsWith('::ffff:') || text.startsWith('::FFFF:')) {
    const mapped = parseIpv4(text, 7);
    if (mapped >= 0) return { family: 4, value: mapped };
  }
  const v6 = parseIpv6(text);
  if (v6 === undefined) return undefined;
  if (v6 >> 32n === mappedPrefix) return { family: 4, value: Number(v6 & 0xffffffffn) };
  return { family: 6, value: v6 };
}
