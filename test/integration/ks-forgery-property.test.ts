/**
 * KS property tests (issue 9): mutated and forged KS — more than 10,000 of them — are all answered
 * 500015 by the facade, and none reaches an upstream (counting proxies in front of both sims).
 * Mutants that are only another spelling of the same bytes (base64 padding bits, `+`/`-`) are
 * counted and excluded: they are the same KS.
 */
import fc from 'fast-check';
import { mintKs } from '../../src/phoenix/ks-codec';
import { startCountedLab, type CountedLab } from '../support/counted-lab';
import { loginAs, postVendorJson } from '../support/vendor-http';

let lab: CountedLab;
let validKs: string[];
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

beforeAll(async () => {
  lab = await startCountedLab({ overrides: { edge: { rateLimits: { enabled: false } } } });
  validKs = [await loginAs(lab.facade.url, 'demo1', 'prop-device-1'), await loginAs(lab.facade.url, 'demo2'), await loginAs(lab.facade.url, 'anonymous', 'prop-device-2')];
}, 60_000);
afterAll(() => lab.close());

const bytesOf = (ks: string): Buffer => Buffer.from(ks.replace(/\+/g, '-').replace(/\//g, '_'), 'base64url');
const b64 = (bytes: Buffer): string => bytes.toString('base64url');

/** Arbitrary mutants of one of the valid KS and outright forgeries. */
function ksArbitrary(): fc.Arbitrary<{ original: string; ks: string }> {
  const original = fc.constantFrom(...validKs);
  const char = fc.constantFrom(...alphabet.split(''));
  const mutants = fc.oneof(
    fc.tuple(original, fc.nat(), char).map(([o, i, c]) => ({ original: o, ks: o.slice(0, i % o.length) + c + o.slice((i % o.length) + 1) })),
    fc.tuple(original, fc.nat(), char).map(([o, i, c]) => ({ original: o, ks: o.slice(0, i % o.length) + c + o.slice(i % o.length) })),
    fc.tuple(original, fc.nat()).map(([o, i]) => ({ original: o, ks: o.slice(0, i % o.length) + o.slice((i % o.length) + 1) })),
    fc.tuple(original, fc.nat(), fc.integer({ min: 1, max: 255 })).map(([o, i, x]) => {
      const raw = bytesOf(o);
      raw[i % raw.length]! ^= x;
      return { original: o, ks: b64(raw) };
    }),
    fc.tuple(original, fc.nat(), fc.nat()).map(([o, a, b]) => {
      const raw = bytesOf(o);
      const header = raw.indexOf(0x7c, raw.indexOf(0x7c) + 1) + 1;
      const blocks = Math.floor((raw.length - header) / 16);
      const [x, y] = [a % blocks, b % blocks];
      const copy = Buffer.from(raw);
      raw.copy(copy, header + x * 16, header + y * 16, header + y * 16 + 16);
      raw.copy(copy, header + y * 16, header + x * 16, header + x * 16 + 16);
      return { original: o, ks: b64(copy) };
    }),
    fc.tuple(original, fc.integer({ min: 1, max: 400 })).map(([o, n]) => ({ original: o, ks: o.slice(0, Math.max(0, o.length - n)) })),
    fc.tuple(original, original).map(([o, p]) => ({ original: o, ks: o + p })),
  );
  const forged = fc.oneof(
    fc.record({ secret: fc.string({ minLength: 8, maxLength: 40 }), userId: fc.string({ maxLength: 20 }), hh: fc.nat() }).map((f) => ({
      original: '',
      ks: mintKs({ partnerId: 3197, secret: `forged-${f.secret}`, userId: f.userId, type: 'user', expiry: 4_000_000_000, createDate: 1, privileges: { hh: String(f.hh) } }),
    })),
    fc.tuple(fc.integer({ min: 1, max: 99_999 }), fc.uint8Array({ minLength: 16, maxLength: 2048 })).map(([pid, blob]) => ({ original: '', ks: b64(Buffer.concat([Buffer.from(`v2|${pid}|`), Buffer.from(blob)])) })),
    fc.string({ minLength: 1, maxLength: 300 }).filter((s) => s.trim() !== '').map((s) => ({ original: '', ks: s })),
    fc.integer({ min: 4097, max: 200_000 }).map((n) => ({ original: '', ks: 'djJ8MzE5N3'.padEnd(n, 'A') })),
  );
  return fc.oneof({ arbitrary: mutants, weight: 3 }, { arbitrary: forged, weight: 1 });
}

/** True when the mutant is only another spelling of the original's bytes, or no KS at all (blank). */
function sameKs(original: string, ks: string): boolean {
  if (ks.trim() === '') return true;
  return original !== '' && /^[A-Za-z0-9_\-+/]+=*$/.test(ks) && bytesOf(ks).equals(bytesOf(original));
}

describe('forged and mutated KS', () => {
  it('answers 2,000 single calls 500015 without one upstream call', async () => {
    lab.resetCounts();
    let checked = 0;
    let equivalent = 0;
    await fc.assert(
      fc.asyncProperty(ksArbitrary(), async ({ original, ks }) => {
        // In a multirequest a token-shaped KS is resolved, not verified: keep tokens to single calls.
        if (sameKs(original, ks)) {
          equivalent++;
          return;
        }
        const answer = await postVendorJson(lab.facade.url, '/api_v3/service/ottuser/action/get', { ks });
        expect(answer.json.result.error.code).toBe('500015');
        checked++;
      }),
      { numRuns: 2_300, seed: 9001 },
    );
    expect(lab.upstreamCalls()).toBe(0);
    expect(checked).toBeGreaterThanOrEqual(2_000);
    expect(equivalent).toBeLessThan(300);
  }, 120_000);

  // Over-long KS (up to 200,000 characters) go in single calls above; 100 of them would pass the body limit.
  it('answers 10,000 more, 100 per multirequest, 500015 in every slot without one upstream call', async () => {
    lab.resetCounts();
    const samples = fc.sample(ksArbitrary(), { numRuns: 11_500, seed: 9002 }).filter(({ original, ks }) => !sameKs(original, ks) && ks.length <= 6_000 && !/^\s*\{.*:\s*result/i.test(ks)).slice(0, 10_000);
    expect(samples).toHaveLength(10_000);
    for (let at = 0; at < samples.length; at += 100) {
      const body: Record<string, unknown> = {};
      samples.slice(at, at + 100).forEach(({ ks }, i) => (body[String(i + 1)] = { service: 'ottuser', action: 'get', ks }));
      const answer = await postVendorJson(lab.facade.url, '/api_v3/service/multirequest', body);
      expect(answer.json.result).toHaveLength(100);
      const codes = new Set(answer.json.result.map((slot: any) => slot.error?.code));
      expect([...codes]).toEqual(['500015']);
    }
    expect(lab.upstreamCalls()).toBe(0);
  }, 120_000);

  it('still serves the valid KS it started from, through the vendor', async () => {
    lab.resetCounts();
    for (const ks of validKs) {
      const answer = await postVendorJson(lab.facade.url, '/api_v3/service/household/action/get', { ks });
      expect(answer.json.result.error?.code === '500015').toBe(false);
    }
    expect(lab.upstreamCalls()).toBe(validKs.length);
  });
});
