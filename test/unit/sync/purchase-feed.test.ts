import { readFeedChange, type FeedChange } from '../../../src/sync/feed-changes';
import { keyPurchaseRepair } from '../../../src/sync/purchase-reconcile';

const ids: Record<string, string> = { 'household:H': '5002', 'user:U': '614003', 'product:P': '50001', 'product:S': 'sub-7', 'file:F': '210013' };
const lookup = { toVendor: (kind: string, id: string) => ids[`${kind}:${id}`] };
const entry = (data: unknown, origin = 'new-app'): FeedChange => ({ cursor: '1', entity: 'purchase', op: 'upsert', key: 'pid-1', householdId: 'H', userId: 'U', origin, at: '2026-12-06T12:00:00Z', data });

describe('platform purchases on the change feed', () => {
  it('become a purchase change in vendor ids, keyed by the purchase id, without a price', () => {
    const outcome = readFeedChange(entry({ purchaseId: 'pid-1', entitlement: { productId: 'P', productType: 'ppv', fileId: 'F', deviceUdid: 'stb-1' } }), lookup);
    expect(outcome).toEqual({
      kind: 'change',
      change: { entity: 'purchase', op: 'upsert', key: '5002:platform:pid-1', householdId: '5002', userId: '614003', udid: 'stb-1', source: 'platform', value: { transactionId: 'pid-1', productId: 50001, productType: 'ppv', contentId: 210013 } },
    });
    const subscription = readFeedChange(entry({ purchaseId: 'pid-2', entitlement: { productId: 'S', productType: 'subscription' } }), lookup);
    expect(subscription.kind === 'change' && subscription.change.value).toEqual({ transactionId: 'pid-2', productId: 'sub-7', productType: 'subscription', contentId: 0 });
  });

  it('are dropped as echoes or as already captured by their origin, and ignored when ids are unknown', () => {
    const data = { purchaseId: 'pid-1', entitlement: { productId: 'P', productType: 'ppv' } };
    expect(readFeedChange(entry(data, 'understudy-sync'), lookup)).toEqual({ kind: 'echo' });
    expect(readFeedChange(entry(data, 'understudy-facade'), lookup)).toEqual({ kind: 'captured' });
    expect(readFeedChange(entry({ purchaseId: 'pid-1', entitlement: { productId: 'unknown' } }), lookup).kind).toBe('ignored');
    expect(readFeedChange(entry({ purchaseId: 'pid-1', entitlement: { productId: 'P', fileId: 'unknown' } }), lookup).kind).toBe('ignored');
    expect(readFeedChange({ ...entry(data), entity: 'entitlement' }, lookup).kind).toBe('ignored');
  });

  it('reconcile repairs are keyed by the holder\'s entitlement; other entities keep their key', () => {
    const repair = { entity: 'purchase' as const, op: 'upsert' as const, key: '5002:product:60003:0', householdId: '5002', source: 'vendor' as const, value: { transactionId: '800123', productId: 60003 } };
    const item = { entity: 'purchase' as const, householdId: '5002', key: '5002:product:60003:0', kind: 'missing' as const, side: 'platform' as const, repair };
    expect(keyPurchaseRepair(item).repair.key).toBe('5002:vendor:entitlement:800123');
    const favorite = { ...item, entity: 'favorite' as const, repair: { ...repair, entity: 'favorite' as const, key: 'u:1' } };
    expect(keyPurchaseRepair(favorite)).toBe(favorite);
  });
});
