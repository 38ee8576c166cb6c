/** Issue 9, finding 2: the KS decode cache is bounded by entries and bytes; long KS are never decoded. */
import { mintKs } from '../../../src/phoenix/ks-codec';
import { createCachedKsDecoder, maxKsLength } from '../../../src/phoenix/ks-decoder';

const secret = 'a-partner-secret-for-tests';
const secretFor = (pid: number): string | undefined => (pid === 3197 ? secret : undefined);

describe('createCachedKsDecoder bounds', () => {
  it('refuses a KS longer than the cap without remembering it', () => {
    const decode = createCachedKsDecoder(secretFor);
    const garbage = 'A'.repeat(900 * 1024);
    expect(decode(garbage)).toEqual({ ok: false, error: 'malformed' });
    expect(decode('djJ8'.padEnd(maxKsLength + 1, 'A'))).toEqual({ ok: false, error: 'malformed' });
    expect(decode.cachedEntries()).toBe(0);
    expect(decode.cachedBytes()).toBe(0);
  });

  it('holds at most maxBytes of distinct garbage KS', () => {
    const decode = createCachedKsDecoder(secretFor, { maxBytes: 1024 * 1024 });
    for (let i = 0; i < 2_000; i++) decode(`${String(i).padStart(6, '0')}${'B'.repeat(4000)}`);
    expect(decode.cachedBytes()).toBeLessThanOrEqual(1024 * 1024);
    expect(decode.cachedEntries()).toBeLessThan(200);
  });

  it('holds at most maxEntries and still decodes valid KS', () => {
    const decode = createCachedKsDecoder(secretFor, { maxEntries: 10 });
    const kss = Array.from({ length: 50 }, (_, i) => mintKs({ partnerId: 3197, secret, userId: `u${i}`, type: 'user', expiry: 2_000_000_000, createDate: 1 }));
    for (const ks of kss) expect(decode(ks).ok).toBe(true);
    expect(decode.cachedEntries()).toBe(10);
    expect(decode(kss[0]!).ok).toBe(true);
  });
});
