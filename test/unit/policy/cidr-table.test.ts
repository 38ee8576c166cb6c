import { compileCidrTable, lookupRegion, parseCidr } from '../../../src/policy/cidr-table';
import { parseIpAddress, parseIpv4, parseIpv6 } from '../../../src/policy/ip-address';

function table(entries: { cidr: string; region: string }[]) {
  const compiled = compileCidrTable(entries);
  if (!compiled.ok) throw new Error(compiled.error.join('; '));
  return compiled.value;
}

describe('IP address parsing', () => {
  it('parses IPv4 strictly', () => {
    expect(parseIpv4('10.0.0.1')).toBe(0x0a000001);
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
    for (const bad of ['10.0.0', '10.0.0.256', '10.0.0.01', '10..0.1', '10.0.0.1.', 'a.b.c.d', '']) expect(parseIpv4(bad)).toBe(-1);
  });

  it('parses IPv6 forms', () => {
    expect(parseIpv6('::')).toBe(0n);
    expect(parseIpv6('::1')).toBe(1n);
    expect(parseIpv6('2001:db8::')).toBe(0x20010db8n << 96n);
    expect(parseIpv6('2001:DB8:0:0:0:0:0:1')).toBe((0x20010db8n << 96n) | 1n);
    expect(parseIpv6('fe80::1%eth0')).toBe((0xfe80n << 112n) | 1n);
    expect(parseIpv6('::ffff:10.0.0.1')).toBe((0xffffn << 32n) | 0x0a000001n);
    expect(parseIpv6('1:2:3:4:5:6:10.0.0.1')).toBe(parseIpv6('1:2:3:4:5:6:a00:1'));
    for (const bad of ['1::2::3', '12345::', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', ':1::', 'g::1', '::ffff:10.0.0']) expect(parseIpv6(bad)).toBeUndefined();
  });

  it('turns IPv4-mapped IPv6 into IPv4', () => {
    expect(parseIpAddress('::ffff:10.0.0.1')).toEqual({ family: 4, value: 0x0a000001 });
    expect(parseIpAddress('::FFFF:a00:1')).toEqual({ family: 4, value: 0x0a000001 });
    expect(parseIpAddress('::1')).toEqual({ family: 6, value: 1n });
    expect(parseIpAddress('not an address')).toBeUndefined();
  });
});

describe('parseCidr', () => {
  it('rejects host bits, bad lengths and non-addresses', () => {
    expect(parseCidr('10.0.0.1/8').ok).toBe(false);
    expect(parseCidr('10.0.0.0/33').ok).toBe(false);
    expect(parseCidr('10.0.0.0/x').ok).toBe(false);
    expect(parseCidr('2001:db8::1/32').ok).toBe(false);
    expect(parseCidr('2001:db8::/129').ok).toBe(false);
    expect(parseCidr('eu-west').ok).toBe(false);
  });

  it('reads a bare address as a single host and a mapped network as IPv4', () => {
    expect(parseCidr('10.0.0.1')).toEqual({ ok: true, value: { address: { family: 4, value: 0x0a000001 }, length: 32 } });
    expect(parseCidr('::ffff:10.0.0.0/104')).toEqual({ ok: true, value: { address: { family: 4, value: 0x0a000000 }, length: 8 } });
  });
});

describe('CIDR table lookup', () => {
  const regions = table([
    { cidr: '10.0.0.0/8', region: 'eu' },
    { cidr: '10.1.0.0/16', region: 'eu-west' },
    { cidr: '10.1.2.3/32', region: 'lab' },
    { cidr: '192.168.0.0/24', region: 'office' },
    { cidr: '2001:db8::/32', region: 'us' },
    { cidr: '2001:db8:aaaa::/48', region: 'us-east' },
    { cidr: '::ffff:172.16.0.0/108', region: 'mapped' },
  ]);

  it('picks the most specific IPv4 network', () => {
    expect(lookupRegion(regions, '10.200.0.1')).toBe('eu');
    expect(lookupRegion(regions, '10.1.9.9')).toBe('eu-west');
    expect(lookupRegion(regions, '10.1.2.3')).toBe('lab');
    expect(lookupRegion(regions, '192.168.0.255')).toBe('office');
    expect(lookupRegion(regions, '192.168.1.0')).toBeUndefined();
    expect(lookupRegion(regions, '11.0.0.1')).toBeUndefined();
  });

  it('picks the most specific IPv6 network', () => {
    expect(lookupRegion(regions, '2001:db8:1::1')).toBe('us');
    expect(lookupRegion(regions, '2001:db8:aaaa:1::1')).toBe('us-east');
    expect(lookupRegion(regions, '2001:db9::1')).toBeUndefined();
  });

  it('finds IPv4 networks for IPv4-mapped IPv6 peers and mapped networks for IPv4 peers', () => {
    expect(lookupRegion(regions, '::ffff:10.1.2.3')).toBe('lab');
    expect(lookupRegion(regions, '::ffff:10.9.0.1')).toBe('eu');
    expect(lookupRegion(regions, '172.16.5.5')).toBe('mapped');
    expect(lookupRegion(regions, '::ffff:172.31.255.255')).toBe('mapped');
    expect(lookupRegion(regions, '172.32.0.0')).toBeUndefined();
  });

  it('answers undefined for garbage and for an empty table', () => {
    expect(lookupRegion(regions, 'garbage')).toBeUndefined();
    expect(lookupRegion(table([]), '10.0.0.1')).toBeUndefined();
  });

  it('supports a default route', () => {
    const withDefault = table([{ cidr: '0.0.0.0/0', region: 'world' }, { cidr: '::/0', region: 'world6' }, { cidr: '10.0.0.0/8', region: 'eu' }]);
    expect(lookupRegion(withDefault, '8.8.8.8')).toBe('world');
    expect(lookupRegion(withDefault, '10.0.0.1')).toBe('eu');
    expect(lookupRegion(withDefault, '2001:4860::8888')).toBe('world6');
  });

  it('merges exact duplicates and lists conflicting or invalid entries with their paths', () => {
    expect(compileCidrTable([{ cidr: '10.0.0.0/8', region: 'eu' }, { cidr: '10.0.0.0/8', region: 'eu' }]).ok).toBe(true);
    const conflict = compileCidrTable([
      { cidr: '10.0.0.0/8', region: 'eu' },
      { cidr: '::ffff:10.0.0.0/104', region: 'us' },
      { cidr: '10.0.0.1/8', region: 'x' },
    ]);
    expect(conflict.ok).toBe(false);
    if (conflict.ok) return;
    expect(conflict.error).toEqual([
      expect.stringMatching(/^\/regions\/cidrs\/1\/cidr .*already mapped to region "eu"/),
      expect.stringMatching(/^\/regions\/cidrs\/2\/cidr .*host bits/),
    ]);
  });
});
