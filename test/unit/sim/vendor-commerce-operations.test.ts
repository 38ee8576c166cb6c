 
import { frozenLabClock } from '../../support/lab-clock';
import { loadCatalog } from '../../../src/sim/catalog/load-catalog';
import { commerceOperations } from '../../../src/sim/vendor-sim/commerce/commerce-operations';
import { playbackOperations } from '../../../src/sim/vendor-sim/playback/playback-operations';
import type { SimOperationTable, SimSession } from '../../../src/sim/vendor-sim/sim-operation';
import { createVendorSimState, type VendorSimState } from '../../../src/sim/vendor-sim/state';

const catalog = loadCatalog();
const baseTime = catalog.demo.baseTime;

function session(userId: string, householdId: number, udid: string): SimSession {
  return { ks: 'ks', partnerId: 3197, userId, householdId, udid, type: 'user', expiry: baseTime + 1000, createDate: baseTime, sessionId: `s-${userId}` };
}
const demo1 = session('614001', 5001, 'demo1-stb-1');
const demo2 = session('614003', 5002, 'demo2-stb-1');

function freshState(): VendorSimState {
  return createVendorSimState(catalog, frozenLabClock());
}

function call(state: VendorSimState, who: SimSession, operation: string, params: Record<string, unknown>, table: SimOperationTable = commerceOperations): any {
  return table[operation]!.run({ params, session: who, state, nowSec: baseTime, apiBaseUrl: 'http://lab.test/api_v3' });
}

const priceOf = (productId: string): number => catalog.products.find((p) => p.vendorId === productId)!.price;

describe('entitlement.list', () => {
  it('lists running PPV entitlements of the household (default order purchase date desc)', () => {
    const out = call(freshState(), demo1, 'entitlement.list', { filter: { objectType: 'KalturaEntitlementFilter', productTypeEqual: 'PPV', entityReferenceEqual: 'household' } }).value;
    expect(out.objectType).toBe('KalturaEntitlementListResponse');
    expect(out.objects.map((e: any) => e.id)).toEqual([800002]);
    expect(out.objects[0]).toMatchObject({ objectType: 'KalturaPpvEntitlement', productId: '50006', mediaFileId: 210013, mediaId: 480005, userId: '614001', householdId: 5001, isPending: false, currentDate: baseTime });
  });

  it('honours isExpiredEqual, the legacy entitlementTypeEqual and subscriptions', () => {
    const state = freshState();
    expect(call(state, demo1, 'entitlement.list', { filter: { productTypeEqual: 'ppv', isExpiredEqual: true } }).value.objects.map((e: any) => e.id)).toEqual([800003]);
    const subs = call(state, demo1, 'entitlement.list', { filter: { entitlementTypeEqual: 'subscription' } }).value.objects;
    expect(subs.map((e: any) => [e.objectType, e.id, e.productId, e.type, e.purchaseId])).toEqual([['KalturaSubscriptionEntitlement', 800001, '60001', 'subscription', 800001]]);
  });

  it('entityReferenceEqual user keeps the caller own entitlements', () => {
    const state = freshState();
    const member = session('614006', 5004, 'demo4-tv-2');
    expect(call(state, member, 'entitlement.list', { filter: { productTypeEqual: 'subscription', entityReferenceEqual: 'household' } }).value.totalCount).toBe(1);
    expect(call(state, member, 'entitlement.list', { filter: { productTypeEqual: 'subscription', entityReferenceEqual: 'user' } }).value.totalCount).toBe(0);
  });

  it('answers 50027 without a product type', () => {
    expect(call(freshState(), demo1, 'entitlement.list', { filter: {} }).error).toEqual({ code: '50027', message: 'Argument [filter.productTypeEqual] cannot be empty' });
  });
});

describe('productprice.list', () => {
  it('prices each (file, PPV product) pair and subscriptions', () => {
    const out = call(freshState(), demo1, 'productprice.list', { filter: { fileIdIn: '210021', subscriptionIdIn: '60001' } }).value;
    expect(out.objectType).toBe('KalturaProductPriceListResponse');
    expect(out.objects.map((p: any) => [p.objectType, p.productId, p.purchaseStatus, p.fileId])).toEqual([
      ['KalturaPpvPrice', '50004', 'for_purchase', 210021],
      ['KalturaPpvPrice', '50006', 'ppv_purchased', 210021],
      ['KalturaSubscriptionPrice', '60001', 'subscription_purchased', undefined],
    ]);
    expect(out.objects[0].price).toEqual({ objectType: 'KalturaPrice', amount: priceOf('50004'), currency: 'EUR', currencySign: '€' });
  });

  it('answers 500056 when no id list is given', () => {
    expect(call(freshState(), demo1, 'productprice.list', { filter: {} }).error.code).toBe('500056');
  });
});

describe('transaction.purchase', () => {
  const ppv = (overrides: Record<string, unknown> = {}) => ({ purchase: { objectType: 'KalturaPurchase', productId: '50004', contentId: 210021, productType: 'ppv', currency: 'EUR', price: priceOf('50004'), ...overrides } });

  it('rejects in the lab-rules order: 6001, 6000, 3018, 3021', () => {
    const state = freshState();
    expect(call(state, demo2, 'transaction.purchase', ppv({ productId: '1' })).error.code).toBe('6001');
    expect(call(state, demo2, 'transaction.purchase', ppv({ price: 0.01 })).error).toEqual({ code: '6000', message: 'Price mismatch' });
    expect(call(state, demo2, 'transaction.purchase', ppv({ contentId: 210001 })).error.code).toBe('3018');
    expect(call(state, demo1, 'transaction.purchase', ppv({ productId: '50006', price: priceOf('50006') })).error.code).toBe('3021');
  });

  it('creates an entitlement that unlocks playback, then refuses a second purchase', () => {
    const state = freshState();
    const play = { assetId: '480008', assetType: 'media', contextDataParams: { context: 'PLAYBACK' } };
    expect(call(state, demo2, 'asset.getplaybackcontext', play, playbackOperations).value.messages[0].code).toBe('NotEntitled');
    const out = call(state, demo2, 'transaction.purchase', ppv());
    expect(out.value).toEqual({ objectType: 'KalturaTransaction', id: '1', paymentGatewayReferenceId: 'lab-ref-1', paymentGatewayResponseId: 'lab-resp-1', state: 'OK', failReasonCode: 0, createdAt: baseTime });
    expect(call(state, demo2, 'asset.getplaybackcontext', play, playbackOperations).value.messages[0].code).toBe('OK');
    expect(call(state, demo2, 'transaction.purchase', ppv()).error.code).toBe('3021');
    const listed = call(state, demo2, 'entitlement.list', { filter: { productTypeEqual: 'ppv' } }).value.objects;
    expect(listed[0]).toMatchObject({ productId: '50004', mediaFileId: 210021, mediaId: 480008, purchaseDate: baseTime, endDate: baseTime + 86400 * catalog.products.find((p) => p.vendorId === '50004')!.durationDays });
  });

  it('buys a subscription once (3024 afterwards)', () => {
    const state = freshState();
    const sub = { purchase: { productId: '60002', contentId: 0, productType: 'subscription', price: priceOf('60002'), currency: 'EUR' } };
    expect(call(state, demo2, 'transaction.purchase', sub).value.state).toBe('OK');
    expect(call(state, demo2, 'transaction.purchase', sub).error.code).toBe('3024');
  });
});
