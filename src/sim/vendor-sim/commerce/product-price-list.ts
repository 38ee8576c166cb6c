import type { CatalogProduct } from '../../../core/catalog';
import type { VendorOutcome } from '../../../core/vendor-error';
import { ok } from '../../../core/result';
import { listResponse } from '../../../phoenix/pager';
import { readIdList, readObject, readStringList } from '../../../phoenix/param-readers';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import type { SimCallContext } from '../sim-operation';
import { holdsActiveEntitlement } from './commerce-state';

const currencySigns: Readonly<Record<string, string>> = { EUR: '€', USD: '$', GBP: '£', ILS: '₪' };

/** KalturaPrice of a product (brief §5.5). */
export function toVendorPrice(product: CatalogProduct): object {
  return { objectType: 'KalturaPrice', amount: product.price, currency: product.currency, currencySign: currencySigns[product.currency] ?? product.currency };
}

function purchaseStatus(ctx: SimCallContext, product: CatalogProduct): string {
  const householdId = ctx.session?.householdId ?? 0;
  if (!holdsActiveEntitlement(ctx.state.commerce.entitlements, householdId, [product.vendorId], ctx.nowSec)) return 'for_purchase';
  return product.type === 'ppv' ? 'ppv_purchased' : 'subscription_purchased';
}

function toPpvPrice(ctx: SimCallContext, product: CatalogProduct, fileId: number): object {
  return {
    objectType: 'KalturaPpvPrice',
    productId: product.vendorId,
    productType: 'ppv',
    price: toVendorPrice(product),
    fullPrice: toVendorPrice(product),
    purchaseStatus: purchaseStatus(ctx, product),
    fileId,
    isSubscriptionOnly: false,
  };
}

function toSubscriptionPrice(ctx: SimCallContext, product: CatalogProduct): object {
  return { objectType: 'KalturaSubscriptionPrice', productId: product.vendorId, productType: 'subscription', price: toVendorPrice(product), purchaseStatus: purchaseStatus(ctx, product) };
}

/**
 * `productprice.list(filter)` (docs/lab-rules.md "Commerce"): one KalturaPpvPrice per (file, PPV
 * product) of `fileIdIn`, then one KalturaSubscriptionPrice per `subscriptionIdIn`; unknown ids are
 * skipped; neither list → 500056.
 */
export function listProductPrices(ctx: SimCallContext): VendorOutcome {
  const filter = readObject(ctx.params, 'filter');
  if (!filter.ok) return filter;
  const source = filter.value ?? {};
  const fileIds = readIdList(source, 'fileIdIn', { label: 'filter.fileIdIn' });
  if (!fileIds.ok) return fileIds;
  const subscriptionIds = readStringList(source, 'subscriptionIdIn', { label: 'filter.subscriptionIdIn' });
  if (!subscriptionIds.ok) return subscriptionIds;
  const collectionIds = readStringList(source, 'collectionIdIn', { label: 'filter.collectionIdIn' });
  if (!collectionIds.ok) return collectionIds;
  if (fileIds.value.length === 0 && subscriptionIds.value.length === 0 && collectionIds.value.length === 0) {
    return vendorFailure('ArgumentsCannotBeEmpty', { arguments: 'filter.fileIdIn, filter.subscriptionIdIn, filter.collectionIdIn' });
  }
  const prices: object[] = [];
  for (const fileId of fileIds.value) {
    const entry = ctx.state.index.fileByVendorId.get(fileId);
    for (const productId of entry?.file.ppvProductIds ?? []) {
      const product = ctx.state.index.productByVendorId.get(productId);
      if (product?.type === 'ppv') prices.push(toPpvPrice(ctx, product, fileId));
    }
  }
  for (const id of subscriptionIds.value) {
    const product = ctx.state.index.productByVendorId.get(id);
    if (product?.type === 'subscription') prices.push(toSubscriptionPrice(ctx, product));
  }
  return ok(listResponse('KalturaProductPriceListResponse', prices));
}
