import { captureChange } from '../../../src/sync/capture-rules';
import { passthroughWrites, toCapturedCalls } from '../../../src/sync/facade-writes';
import { readFeedChange } from '../../../src/sync/feed-changes';

const caller = { userId: '614003', householdId: 5002, udid: 'stb-1' };

describe('capture rules', () => {
  it('turns each synced write into a change keyed in vendor ids', () => {
    const bookmark = captureChange({ operationId: 'bookmark.add', params: { bookmark: { id: '480001', type: 'media', position: 777.9, playerData: { action: 'hit' } } }, caller, result: true, side: 'platform' });
    expect(bookmark).toEqual({ entity: 'bookmark', op: 'upsert', key: '614003:480001:media', householdId: '5002', userId: '614003', udid: 'stb-1', source: 'platform', value: { assetId: 480001, assetType: 'media', position: 777, action: 'HIT' } });
    expect(captureChange({ operationId: 'favorite.delete', params: { id: 5 }, caller, result: true, side: 'vendor' })?.key).toBe('614003:5');
    expect(captureChange({ operationId: 'householddevice.add', params: { device: { udid: 'x' } }, caller, result: {}, side: 'vendor' })?.key).toBe('5002:x');
    expect(captureChange({ operationId: 'transaction.purchase', params: { purchase: { productId: 3, price: 1.5, currency: 'EUR' } }, caller, result: { id: '91' }, side: 'vendor' })?.key).toBe('5002:vendor:91');
  });

  it('captures nothing for reads, anonymous callers or malformed parameters', () => {
    expect(captureChange({ operationId: 'asset.get', params: {}, caller, result: {}, side: 'vendor' })).toBeUndefined();
    expect(captureChange({ operationId: 'favorite.add', params: { favorite: { assetId: 1 } }, caller: { ...caller, userId: '0', householdId: 0 }, result: {}, side: 'vendor' })).toBeUndefined();
    expect(captureChange({ operationId: 'favorite.add', params: { favorite: { assetId: 'x' } }, caller, result: {}, side: 'vendor' })).toBeUndefined();
  });

  it('reads passed-through writes from the request and the answer, resolving tokens against earlier slots', () => {
    const calls = [
      { service: 'ottuser', action: 'login', params: {} },
      { service: 'favorite', action: 'add', params: { ks: '{1:result:loginSession:ks}', favorite: { assetId: 7 } } },
      { service: 'favorite', action: 'add', params: { ks: '{1:result:loginSession:ks}', favorite: { assetId: 8 } } },
    ];
    const answer = JSON.stringify({ result: [{ loginSession: { ks: 'KS1' } }, { objectType: 'KalturaFavorite', assetId: 7 }, { error: { code: '500007' } }] });
    const writes = passthroughWrites(calls, answer, true);
    expect(writes).toEqual([{ operationId: 'favorite.add', params: { ks: 'KS1', favorite: { assetId: 7 } }, result: { objectType: 'KalturaFavorite', assetId: 7 }, side: 'vendor' }]);
    expect(toCapturedCalls(writes, (ks) => (ks === 'KS1' ? caller : undefined))).toHaveLength(1);
    expect(passthroughWrites(calls, 'not json', true)).toEqual([]);
    expect(passthroughWrites([calls[1]!], JSON.stringify({ result: { error: { code: '1' } } }), false)).toEqual([]);
  });

  it('drops the sync\'s own echoes from the change feed and maps the rest back to vendor ids', () => {
    const lookup = { toVendor: (kind: string, id: string) => ({ household: { h: '5002' }, user: { u: '614003' }, asset: { i: '480001' } } as Record<string, Record<string, string>>)[kind]?.[id] };
    const base = { cursor: '1', entity: 'favorite', op: 'upsert' as const, key: 'u:i', householdId: 'h', userId: 'u', at: '2026-11-18T12:00:00Z', data: { itemId: 'i', note: 'n' } };
    expect(readFeedChange({ ...base, origin: 'understudy-sync' }, lookup)).toEqual({ kind: 'echo' });
    expect(readFeedChange({ ...base, origin: 'understudy-facade' }, lookup)).toEqual({ kind: 'captured' });
    const direct = readFeedChange({ ...base, origin: 'platform' }, lookup);
    expect(direct).toEqual({ kind: 'change', change: { entity: 'favorite', op: 'upsert', key: '614003:480001', householdId: '5002', userId: '614003', source: 'platform', value: { assetId: 480001, extraData: 'n' } } });
  });
});
