/** subscription.list and ppv.get from the catalogue's products (docs/vendor-decisions.md "Subscriptions and PPV modules"). */
import type { CatalogProduct } from '../../../core/catalog';
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { listResponse, readPager } from '../../../phoenix/pager';
import { readPpvId, readSubscriptionQuery, toKalturaPpv, toKalturaSubscription, unknownPpv, type ProductFacts, type SubscriptionQuery } from '../../../phoenix/product-objects';
import type { SimCallContext, SimOperationTable } from '../sim-operation';

function factsOf(p: CatalogProduct): ProductFacts {
  return { vendorId: p.vendorId, name: p.name, amount: p.price, currency: p.currency, durationDays: p.durationDays, isRenewable: p.isRenewable };
}

/** Subscription ids the query names: as asked, or those unlocking the file's asset (files belong to VOD assets and channels). */
function subscriptionIdsOf(ctx: SimCallContext, query: SubscriptionQuery): readonly string[] {
  if (query.by === 'ids') return query.ids;
  if (query.by === 'none') return [];
  return ctx.state.index.fileByVendorId.get(query.fileId)?.asset.subscriptionProductIds ?? [];
}

function listSubscriptions(ctx: SimCallContext): VendorOutcome {
  const query = readSubscriptionQuery(ctx.params);
  if (!query.ok) return query;
  const pager = readPager(ctx.params);
  if (!pager.ok) return pager;
  const found = subscriptionIdsOf(ctx, query.value)
    .map((id) => ctx.state.index.productByVendorId.get(id))
    .filter((p): p is CatalogProduct => p?.type === 'subscription');
  return ok(listResponse('KalturaSubscriptionListResponse', found.map((p) => toKalturaSubscription(factsOf(p))), pager.value));
}

function getPpv(ctx: SimCallContext): VendorOutcome {
  const id = readPpvId(ctx.params);
  if (!id.ok) return id;
  const product = ctx.state.index.productByVendorId.get(String(id.value));
  if (product?.type !== 'ppv') return unknownPpv();
  return ok(toKalturaPpv(factsOf(product)));
}

/** Store catalogue reads of vendor-sim; both need a session (the vendor's KS), anonymous included. */
export const productOperations: SimOperationTable = {
  'subscription.list': { access: 'session', run: listSubscriptions },
  'ppv.get': { access: 'session', run: getPpv },
};
