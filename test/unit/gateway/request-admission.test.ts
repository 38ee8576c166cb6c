/** Admission before any upstream call: KS verification (500015) and per-device / per-household rate budgets. */
import type { EdgeConfig } from '../../../src/config/config-types';
import { createRequestAdmission } from '../../../src/gateway/request-admission';
import { TokenBuckets } from '../../../src/gateway/token-buckets';
import { mintKs } from '../../../src/phoenix/ks-codec';
import { createCachedKsDecoder } from '../../../src/phoenix/ks-decoder';
import { parseVendorApiRequest } from '../../../src/phoenix/vendor-api-handler';

const secret = 'a-partner-secret-for-tests';
const decodeKs = createCachedKsDecoder((pid) => (pid === 3197 ? secret : undefined));
const ksFor = (udid: string, household: string): string => mintKs({ partnerId: 3197, secret, userId: 'u1', type: 'user', expiry: 2_000_000_000, createDate: 1, privileges: { udid, hh: household } });
const tight = { perDevice: { perSecond: 1, burst: 3 }, perHousehold: { perSecond: 1, burst: 5 } };
const rateLimits: EdgeConfig['rateLimits'] = { enabled: true, maxKeys: 100, read: tight, write: tight, login: tight };

function parse(body: unknown, path = '/api_v3/service/asset/action/get'): ReturnType<typeof parseVendorApiRequest> {
  return parseVendorApiRequest({ url: path, body: JSON.stringify(body), contentType: 'application/json', origin: 'http://x' });
}

describe('createRequestAdmission', () => {
  let now = 0;
  const admit = createRequestAdmission({ decodeKs, knowsOperation: (op) => op === 'asset.get' || op === 'ottuser.get', rateLimits, nowMs: () => now });

  it('answers a forged KS 500015 here, and leaves unknown operations to the vendor', () => {
    expect(admit(parse({ id: '1', ks: 'djJ8MzE5N3xmb3JnZWQ' }))).toMatchObject({ kind: 'invalid', answerHere: true, error: { code: '500015' } });
    expect(admit(parse({ id: '1', ks: 'djJ8MzE5N3xmb3JnZWQ' }, '/api_v3/service/nosuch/action/get')).kind).toBe('single');
  });

  it('marks only the slots whose own KS is forged; tokens are verified when resolved', () => {
    const admitted = admit(parse({ '1': { service: 'asset', action: 'get', ks: 'garbage' }, '2': { service: 'asset', action: 'get', ks: '{1:result:ks}' } }, '/api_v3/service/multirequest'));
    if (admitted.kind !== 'multi') throw new Error(admitted.kind);
    expect(admitted.split.subRequests.map((s) => s.rejected?.code)).toEqual(['500015', undefined]);
  });

  it('hands a multirequest whose every slot passes back as parsed, and copies only when a slot is rejected', () => {
    now = 5_000;
    const ks = ksFor('dev-copy', '7');
    const clean = parse({ '1': { service: 'asset', action: 'get', ks }, '2': { service: 'ottuser', action: 'get', ks } }, '/api_v3/service/multirequest');
    expect(admit(clean)).toBe(clean);
    const mixed = parse({ '1': { service: 'asset', action: 'get', ks }, '2': { service: 'asset', action: 'get', ks: 'garbage' } }, '/api_v3/service/multirequest');
    const admitted = admit(mixed);
    if (admitted.kind !== 'multi' || mixed.kind !== 'multi') throw new Error(admitted.kind);
    expect(admitted).not.toBe(mixed);
    expect(admitted.split.subRequests[0]).toBe(mixed.split.subRequests[0]);
    expect(admitted.split.subRequests.map((s) => s.rejected?.code)).toEqual([undefined, '500015']);
    expect(mixed.split.subRequests[1]!.rejected).toBeUndefined();
  });

  it('limits a device to its burst, then refills with time', () => {
    now = 10_000;
    const ks = ksFor('dev-a', '11');
    const codes = Array.from({ length: 5 }, () => admit(parse({ id: '1', ks })).kind);
    expect(codes).toEqual(['single', 'single', 'single', 'invalid', 'invalid']);
    expect(admit(parse({ id: '1', ks }))).toMatchObject({ error: { code: '1' } });
    now += 2_000;
    expect(admit(parse({ id: '1', ks })).kind).toBe('single');
  });

  it('limits a household across its devices', () => {
    now = 50_000;
    const kinds = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((d) => admit(parse({ id: '1', ks: ksFor(d, '22') })).kind);
    expect(kinds).toEqual(['single', 'single', 'single', 'single', 'single', 'invalid']);
  });

  it('answers every slot of an over-budget multirequest', () => {
    now = 90_000;
    const ks = ksFor('dev-m', '33');
    const body = { ks, '1': { service: 'asset', action: 'get' }, '2': { service: 'asset', action: 'get' }, '3': { service: 'asset', action: 'get' }, '4': { service: 'asset', action: 'get' } };
    const admitted = admit(parse(body, '/api_v3/service/multirequest'));
    if (admitted.kind !== 'multi') throw new Error(admitted.kind);
    expect(admitted.split.subRequests.map((s) => s.rejected?.code)).toEqual(['1', '1', '1', '1']);
  });
});

describe('TokenBuckets', () => {
  it('keeps at most maxKeys keys, least recently used forgotten first', () => {
    const buckets = new TokenBuckets(1000);
    for (let i = 0; i < 50_000; i++) buckets.take(`d:${i}`.padEnd(10_000, 'x'), 1, tight.perDevice, i);
    expect(buckets.size()).toBe(1000);
  });
});
