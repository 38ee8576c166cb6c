import { transactionPurchase } from '../../../../src/translate/commerce/transaction-purchase';
import type { PlatformReply, PlatformRequest } from '../../../../src/translate/platform-port';
import type { TranslateContext } from '../../../../src/translate/translator';

const productId = '58811cf7-bfb9-5e83-a71a-1c6e07284cb0';
const fileId = '61242b36-14bf-5743-a6fa-f5831f3ed171';
const product = { id: productId, sortKey: 50004, type: 'ppv', name: 'Classic Rental', price: { amountMinor: 199, currency: 'EUR' }, durationDays: 3, isRenewable: false };

function contextWith(purchaseReplies: (() => Promise<PlatformReply>)[], seen: PlatformRequest[] = []): TranslateContext {
  const call = (request: PlatformRequest): Promise<PlatformReply> => {
    seen.push(request);
    if (request.method === 'GET') return Promise.resolve({ status: 200, body: product });
    const next = purchaseReplies.shift();
    return next === undefined ? Promise.reject(new Error('no more replies')) : next();
  };
  const ids: Record<string, string> = { 'product:50004': productId, 'file:210024': fileId };
  return {
    params: { purchase: { productId: '50004', contentId: 210024, price: 1.99 } },
    ids: { toPlatform: (kind: string, id: string | number) => ids[`${kind}:${String(id)}`], toVendor: () => undefined, allocateVendorId: () => Promise.resolve('') },
    platform: { call, callAsClient: call },
  } as unknown as TranslateContext;
}

describe('transaction.purchase translation', () => {
  it('maps already_entitled on a PPV to 3021', async () => {
    const outcome = await transactionPurchase.run(contextWith([() => Promise.resolve({ status: 409, body: { code: 'already_entitled' } })]));
    expect(outcome).toMatchObject({ ok: false, error: { code: '3021' } });
  });

  it('answers 6000 on a price that is not the catalogue price without buying', async () => {
    const seen: PlatformRequest[] = [];
    const ctx = contextWith([], seen);
    const outcome = await transactionPurchase.run({ ...ctx, params: { purchase: { productId: '50004', contentId: 210024, price: 1.98 } } });
    expect(outcome).toMatchObject({ ok: false, error: { code: '6000' } });
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it('retries once after a network failure with the same idempotency key', async () => {
    const seen: PlatformRequest[] = [];
    const created = { purchaseId: 'b1e10c24-1783-58a5-a09b-efea8dbc99c7', state: 'completed', createdAt: '1970-01-01T00:00:30Z', entitlement: { sortKey: 800051 } };
    const outcome = await transactionPurchase.run(contextWith([() => Promise.reject(new Error('reset')), () => Promise.resolve({ status: 201, body: created })], seen));
    expect(outcome).toMatchObject({ ok: true, value: { objectType: 'KalturaTransaction', state: 'OK', createdAt: 30 } });
    const posts = seen.filter((r) => r.method === 'POST').map((r) => r.body as { idempotencyKey: string; fileId: string });
    expect(posts).toHaveLength(2);
    expect(posts[0]?.idempotencyKey).toBe(posts[1]?.idempotencyKey);
    expect(posts[0]?.fileId).toBe(fileId);
  });
});
