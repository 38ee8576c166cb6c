/**
 * The region CIDR table: longest-prefix match over IPv4 and IPv6 networks (docs/architecture.md §4 "Policy").
 * Networks are grouped by prefix length, longest first, each group a Map keyed by the network bits,
 * so a lookup is at most one Map probe per distinct prefix length and never scans every entry.
 */
import { err, ok, type Result } from '../core/result';
import { parseIpAddress, parseIpv4, parseIpv6, type IpAddress } from './ip-address';

interface PrefixGroup<K> {
  readonly length: number;
  readonly networks: Map<K, string>;
}

/** A compiled CIDR → region table. */
export interface CidrTable {
  readonly v4: readonly PrefixGroup<number>[];
  readonly v6: readonly PrefixGroup<bigint>[];
}

interface Network {
  readonly address: IpAddress;
  readonly length: number;
}

const v4Key = (value: number, length: number): number => (length === 0 ? 0 : value >>> (32 - length));
const v6Key = (value: bigint, length: number): bigint => value >> BigInt(128 - length);

/** Parses `address/length` (or a bare address); IPv4-mapped IPv6 networks of /96 or longer become IPv4. */
export function parseCidr(text: string): Result<Network, string> {
  const slash = text.indexOf('/');
  const addressText = slash >= 0 ? text.slice(0, slash) : text;
  const lengthText = slash >= 0 ? text.slice(slash + 1) : undefined;
  const v4 = parseIpv4(addressText);
  const v6 = v4 < 0 ? parseIpv6(addressText) : undefined;
  if (v4 < 0 && v6 === undefined) return err(`"${text}" is not an IPv4 or IPv6 network`);
  const max = v4 >= 0 ? 32 : 128;
  const length = lengthText === undefined ? max : /^\d{1,3}$/.test(lengthText) ? Number(lengthText) : NaN;
  if (!(length >= 0 && length <= max)) return err(`"${text}" has an invalid prefix length (0–${max})`);
  if (v4 >= 0) {
    if (length < 32 && v4 % 2 ** (32 - length) !== 0) return err(`"${text}" has host bits set`);
    return ok({ address: { family: 4, value: v4 }, length });
  }
  const value = v6!;
  if (length < 128 && (value & ((1n << BigInt(128 - length)) - 1n)) !== 0n) return err(`"${text}" has host bits set`);
  if (length >= 96 && value >> 32n === 0xffffn) return ok({ address: { family: 4, value: Number(value & 0xffffffffn) }, length: length - 96 });
  return ok({ address: { family: 6, value }, length });
}

function groupByLength<K>(entries: readonly [K, number, string][]): PrefixGroup<K>[] {
  const groups = new Map<number, Map<K, string>>();
  for (const [key, length, region] of entries) {
    const group = groups.get(length) ?? new Map<K, string>();
    group.set(key, region);
    groups.set(length, group);
  }
  return [...groups.entries()].sort((a, b) => b[0] - a[0]).map(([length, networks]) => ({ length, networks }));
}

/**
 * Compiles `{cidr, region}` entries. Exact duplicates are merged; the same network given two
 * different regions is an error. Regions are returned as written (callers normalise case).
 */
export function compileCidrTable(entries: readonly { cidr: string; region: string }[]): Result<CidrTable, string[]> {
  const errors: string[] = [];
  const seen = new Map<string, string>();
  const v4: [number, number, string][] = [];
  const v6: [bigint, number, string][] = [];
  entries.forEach((entry, index) => {
    const parsed = parseCidr(entry.cidr.trim());
    if (!parsed.ok) return void errors.push(`/regions/cidrs/${index}/cidr ${parsed.error}`);
    const { address, length } = parsed.value;
    const identity = `${address.family}/${address.value}/${length}`;
    const previous = seen.get(identity);
    if (previous !== undefined && previous !== entry.region) return void errors.push(`/regions/cidrs/${index}/cidr "${entry.cidr}" is already mapped to region "${previous}"`);
    if (previous !== undefined) return;
    seen.set(identity, entry.region);
    if (address.family === 4) v4.push([v4Key(address.value, length), length, entry.region]);
    else v6.push([v6Key(address.value, length), length, entry.region]);
  });
  if (errors.length > 0) return err(errors);
  return ok({ v4: groupByLength(v4), v6: groupByLength(v6) });
}

/** The region of the most specific network containing the address, or undefined. */
export function lookupRegion(table: CidrTable, remoteAddress: string): string | undefined {
  if (table.v4.length === 0 && table.v6.length === 0) return undefined;
  const address = parseIpAddress(remoteAddress);
  if (address === undefined) return undefined;
  if (address.family === 4) {
    for (const group of table.v4) {
      const region = group.networks.get(v4Key(address.value, group.length));
      if (region !== undefined) return region;
    }
    return undefined;
  }
  for (const group of table.v6) {
    const region = group.networks.get(v6Key(address.value, group.length));
    if (region !== undefined) return region;
  }
  return undefined;
}
