/**
 * subscription.list and ppv.get → platform `commerce.listProducts` (docs/vendor-decisions.md
 * "Subscriptions and PPV modules"): vendor product ids through the id map, money from minor units.
 */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { listResponse, readPager } from '../../phoenix/pager';
import { readPpvId, readSubscriptionQuery, toKalturaPpv, toKalturaSubscription, unknownPpv, type ProductFacts, type SubscriptionQuery } from '../../phoenix/product-objects';
import { expectOk } from '../platform-reply';
import type { TranslateContext, TranslatorTable } from '../translator';
import { chunksOf, vendorIdOf } from '../viewing/platform-replies';
import { toAmount, type PlatformProduct } from './commerce-mappers';

function factsOf(ctx: TranslateContext, p: PlatformProduct): ProductFacts {
  return { vendorId: vendorIdOf(ctx, 'product', p.id), name: p.name, amount: toAmount(p.price), currency: p.price.currency, durationDays: p.durationDays, isRenewable: p.isRenewable };
}

async function fetchProducts(ctx: TranslateContext, query: Record<string, string>): Promise<PlatformProduct[]> {
  const reply = await ctx.platform.call({ method: 'GET', path: '/commerce/v1/products', query });
  return expectOk<{ items: PlatformProduct[] }>('commerce.listProducts', reply).items;
}

/** Subscriptions of the query, in the order asked; ids the id map does not know are skipped, as unknown ids are. */
async function subscriptionsOf(ctx: TranslateContext, query: SubscriptionQuery): Promise<PlatformProduct[]> {
  if (query.by === 'none') return [];
  if (query.by === 'file') {
    const fileId = ctx.ids.toPlatform('file', query.fileId);
    return fileId === undefined ? [] : fetchProducts(ctx, { fileId, type: 'subscription' });
  }
  const ids = query.ids.map((id) => ctx.ids.toPlatform('product', id.trim())).filter((id): id is string => id !== undefined);
  const found: PlatformProduct[] = [];
  for (const chunk of chunksOf(ids)) found.push(...(await fetchProducts(ctx, { ids: chunk.join(','), type: 'subscription' })));
  return found;
}

async function listSubscriptions(ctx: TranslateContext): Promise<VendorOutcome> {
  const query = readSubscriptionQuery(ctx.params);
  if (!query.ok) return query;
  const pager = readPager(ctx.params);
  if (!pager.ok) return pager;
  const found = await subscriptionsOf(ctx, query.value);
  return ok(listResponse('KalturaSubscriptionListResponse', found.map((p) => toKalturaSubscription(factsOf(ctx, p))), pager.value));
}

async function getPpv(ctx: TranslateContext): Promise<VendorOutcome> {
  const id = readPpvId(ctx.params);
  if (!id.ok) return id;
  const productId = ctx.ids.toPlatform('product', String(id.value));
  if (productId === undefined) return unknownPpv();
  const [product] = await fetchProducts(ctx, { ids: productId, type: 'ppv' });
  return product === undefined ? unknownPpv() : ok(toKalturaPpv(factsOf(ctx, product)));
}

export const productTranslators: TranslatorTable = {
  'subscription.list': { access: 'session', run: listSubscriptions },
  'ppv.get': { access: 'session', run: getPpv },
};
