import {
  purchaseStatusOf,
  toVendorEntitlement,
  toVendorPpvPrice,
  toVendorPrice,
  toVendorSubscriptionPrice,
  toVendorTransaction,
  type PlatformEntitlement,
} from '../../../../src/translate/commerce/commerce-mappers';

const refs = { productId: '50006', userId: '614001', householdId: 5001, deviceName: 'Study box', mediaFileId: 210013, mediaId: 480005 };

function entitlement(overrides: Partial<PlatformEntitlement> = {}): PlatformEntitlement {
  return {
    id: '9d2af9fc-8cde-5bc3-af83-b778aacccf42', sortKey: 800002, productId: 'p', productType: 'ppv', householdId: 'h', userId: 'u',
    purchasedAt: '1970-01-01T00:00:10Z', endsAt: '1970-01-01T00:00:20Z', deviceUdid: 'demo1-stb-1', paymentMethod: 'pay_pal', isRenewable: false,
    ...overrides,
  };
}

describe('commerce mappers (platform commerce → vendor objects)', () => {
  it('turns minor units into the vendor decimal amount with the currency sign', () => {
    expect(toVendorPrice({ amountMinor: 299, currency: 'EUR' })).toEqual({ objectType: 'KalturaPrice', amount: 2.99, currency: 'EUR', currencySign: '€' });
    expect(toVendorPrice({ amountMinor: 100, currency: 'CHF' })).toMatchObject({ amount: 1, currencySign: 'CHF' });
  });

  it('names purchase statuses per product type', () => {
    expect(purchaseStatusOf('ppv', false)).toBe('for_purchase');
    expect(purchaseStatusOf('ppv', true)).toBe('ppv_purchased');
    expect(purchaseStatusOf('subscription', true)).toBe('subscription_purchased');
  });

  it('builds PPV and subscription prices', () => {
    const price = { productId: 'p', productType: 'ppv' as const, fileId: 'f', price: { amountMinor: 199, currency: 'EUR' }, isSubscriptionOnly: false };
    expect(toVendorPpvPrice(price, '50004', 210024, true)).toMatchObject({ objectType: 'KalturaPpvPrice', productId: '50004', fileId: 210024, purchaseStatus: 'ppv_purchased', isSubscriptionOnly: false });
    expect(toVendorSubscriptionPrice({ ...price, productType: 'subscription' }, '60002', false)).toEqual({
      objectType: 'KalturaSubscriptionPrice', productId: '60002', productType: 'subscription', price: { objectType: 'KalturaPrice', amount: 1.99, currency: 'EUR', currencySign: '€' }, purchaseStatus: 'for_purchase',
    });
  });

  it('builds a KalturaPpvEntitlement with the sortKey as id and the legacy type', () => {
    expect(toVendorEntitlement(entitlement(), refs, 99)).toEqual({
      objectType: 'KalturaPpvEntitlement', id: 800002, productId: '50006', currentUses: 0, endDate: 20, currentDate: 99, lastViewDate: 0, purchaseDate: 10,
      paymentMethod: 'pay_pal', deviceUdid: 'demo1-stb-1', deviceName: 'Study box', isCancelationWindowEnabled: false, maxUses: 0, userId: '614001',
      householdId: 5001, isPending: false, type: 'ppv', mediaFileId: 210013, mediaId: 480005,
    });
  });

  it('builds a KalturaSubscriptionEntitlement with renewal and legacy fields', () => {
    expect(toVendorEntitlement(entitlement({ productType: 'subscription', isRenewable: true }), refs, 99)).toMatchObject({
      objectType: 'KalturaSubscriptionEntitlement', type: 'subscription', nextRenewalDate: 20, isRenewable: true, isRenewableForPurchase: true,
      isInGracePeriod: false, paymentGatewayId: 0, paymentMethodId: 0, purchaseId: 800002, mediaFileId: 0, mediaId: 0,
    });
  });

  it('builds a KalturaTransaction in state OK from a completed purchase', () => {
    const purchase = { purchaseId: 'b1e10c24-1783-58a5-a09b-efea8dbc99c7', state: 'completed' as const, createdAt: '1970-01-01T00:00:30Z', entitlement: entitlement({ sortKey: 800051 }) };
    expect(toVendorTransaction(purchase)).toEqual({
      objectType: 'KalturaTransaction', id: '800051', paymentGatewayReferenceId: purchase.purchaseId, paymentGatewayResponseId: purchase.purchaseId, state: 'OK', failReasonCode: 0, createdAt: 30,
    });
  });
});
