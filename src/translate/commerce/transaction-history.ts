/**
 * transactionHistory.list → platform `commerce.listEntitlements` (each type, running and expired)
 * and `commerce.listProducts` for names and prices (docs/vendor-decisions.md "Transaction history").
 */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readTransactionHistoryQuery, toBillingTransactionList, type PurchaseFacts } from '../../phoenix/transaction-history-objects';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import { expectOk } from '../platform-reply';
import type { TranslateContext, TranslatorTable } from '../translator';
import { chunksOf, epochOf, fetchAllPages, unexpectedReply, vendorIdOf } from '../viewing/platform-replies';
import { toAmount, type PlatformEntitlement, type PlatformProduct } from './commerce-mappers';

/** Every entitlement of the scope, both types, running and expired; undefined when the platform refuses the caller. */
async function allEntitlements(ctx: TranslateContext, scope: 'user' | 'household'): Promise<PlatformEntitlement[] | undefined> {
  const all: PlatformEntitlement[] = [];
  for (const type of ['ppv', 'subscription'] as const) {
    for (const expired of [false, true]) {
      const page = await fetchAllPages<PlatformEntitlement>(ctx, { method: 'GET', path: '/commerce/v1/entitlements', query: { type, scope, expired } });
      if ('reply' in page) {
        if (page.reply.status === 403) return undefined;
        throw unexpectedReply('commerce.listEntitlements', page.reply);
      }
      all.push(...page.items);
    }
  }
  return all;
}

async function productsById(ctx: TranslateContext, ids: readonly string[]): Promise<Map<string, PlatformProduct>> {
  const products = new Map<string, PlatformProduct>();
  for (const chunk of chunksOf(ids)) {
    const reply = await ctx.platform.call({ method: 'GET', path: '/commerce/v1/products', query: { ids: chunk.join(',') } });
    for (const p of expectOk<{ items: PlatformProduct[] }>('commerce.listProducts', reply).items) products.set(p.id, p);
  }
  return products;
}

async function listTransactions(ctx: TranslateContext): Promise<VendorOutcome> {
  const query = readTransactionHistoryQuery(ctx.params);
  if (!query.ok) return query;
  const entitlements = await allEntitlements(ctx, query.value.scope);
  if (entitlements === undefined) return vendorFailure('ServiceForbidden');
  const products = entitlements.length === 0 ? new Map<string, PlatformProduct>() : await productsById(ctx, [...new Set(entitlements.map((e) => e.productId))]);
  const purchases: PurchaseFacts[] = [];
  for (const e of entitlements) {
    const product = products.get(e.productId);
    if (!product) continue;
    purchases.push({
      entitlementId: e.sortKey, productId: vendorIdOf(ctx, 'product', product.id), productName: product.name, productType: e.productType,
      amount: toAmount(product.price), currency: product.price.currency, purchaseDate: epochOf(e.purchasedAt), endDate: epochOf(e.endsAt),
      paymentMethod: e.paymentMethod, isRenewable: product.isRenewable,
    });
  }
  return ok(toBillingTransactionList(purchases, query.value));
}

export const transactionHistoryTranslators: TranslatorTable = {
  'transactionhistory.list': { access: 'user', run: listTransactions },
};
