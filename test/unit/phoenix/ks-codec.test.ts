import { decodeKs, formatKsPrivileges, mintKs } from '../../../src/phoenix/ks-codec';

const secret = 'lab-secret';
const secrets = (pid: number): string | undefined => (pid === 3197 ? secret : undefined);
const base = { partnerId: 3197, secret, userId: '614001', type: 'user' as const, expiry: 2000000000, createDate: 1900000000, privileges: { udid: 'box-1', hh: '5001', sid: 'abc' } };

describe('ks codec', () => {
  it('round-trips a user KS in the v2 shape', () => {
    const ks = mintKs(base);
    expect(ks).toMatch(/^[A-Za-z0-9_-]+=*$/);
    expect(Buffer.from(ks, 'base64url').subarray(0, 7).toString()).toBe('v2|3197');
    const decoded = decodeKs(ks, secrets);
    expect(decoded).toEqual({ ok: true, value: { partnerId: 3197, userId: '614001', type: 'user', expiry: 2000000000, createDate: 1900000000, privileges: { udid: 'box-1', hh: '5001', sid: 'abc' } } });
  });
  it('marks anonymous sessions and url-encodes odd values', () => {
    const ks = mintKs({ ...base, userId: '0', type: 'anonymous', privileges: { udid: 'a b&c=d|e', hh: '0', sid: 's' } });
    const decoded = decodeKs(ks, secrets);
    expect(decoded.ok && decoded.value.type).toBe('anonymous');
    expect(decoded.ok && decoded.value.privileges.udid).toBe('a b&c=d|e');
  });
  it('mints a different KS each time', () => {
    expect(mintKs(base)).not.toBe(mintKs(base));
  });
  it('rejects garbage, unknown partners, wrong secrets and tampering', () => {
    expect(decodeKs('not a ks', secrets)).toEqual({ ok: false, error: 'malformed' });
    expect(decodeKs('', secrets)).toEqual({ ok: false, error: 'malformed' });
    expect(decodeKs(Buffer.from('v2|3197|short').toString('base64url'), secrets)).toEqual({ ok: false, error: 'malformed' });
    expect(decodeKs(mintKs({ ...base, partnerId: 9 }), secrets)).toEqual({ ok: false, error: 'unknown-partner' });
    expect(decodeKs(mintKs({ ...base, secret: 'other' }), secrets).ok).toBe(false);
    const raw = Buffer.from(mintKs(base), 'base64url');
    raw[raw.length - 20] = (raw[raw.length - 20] ?? 0) ^ 0xff;
    expect(decodeKs(raw.toString('base64url'), secrets).ok).toBe(false);
  });
  it('decodes quickly', () => {
    const ks = mintKs(base);
    const started = performance.now();
    for (let i = 0; i < 2000; i += 1) decodeKs(ks, secrets);
    expect(performance.now() - started).toBeLessThan(1500);
  });
  it('formats privileges', () => {
    expect(formatKsPrivileges({ udid: 'x', hh: '1' })).toBe('udid:x,hh:1');
  });
});
