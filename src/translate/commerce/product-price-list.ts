/**
 * `productprice.list(filter)` → platform `commerce.listPrices` (brief §5.5, lab rules "Commerce"):
 * one KalturaPpvPrice per (file, PPV product) of `fileIdIn`, then one KalturaSubscriptionPrice per
 * subscription of `subscriptionIdIn`, in the order asked; unknown ids are skipped; no id list at
 * all → 500056. `purchaseStatus` comes from the household's running entitlements.
 */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { listResponse } from '../../phoenix/pager';
import { readIdList, readObject, readStringList } from '../../phoenix/param-readers';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { TranslateContext, TranslatorSpec } from '../translator';
import { chunksOf, unexpectedReply, vendorIdOf } from '../viewing/platform-replies';
import { toVendorPpvPrice, toVendorSubscriptionPrice, type PlatformPrice } from './commerce-mappers';
import { runningEntitlementsOf } from './household-lookups';

/** Prices for a list of platform ids under one query name, in order, chunk by chunk. */
async function fetchPrices(ctx: TranslateContext, name: 'fileIds' | 'productIds', ids: readonly string[]): Promise<PlatformPrice[]> {
  const prices: PlatformPrice[] = [];
  for (const chunk of chunksOf(ids)) {
    const reply = await ctx.platform.call({ method: 'GET', path: '/commerce/v1/prices', query: { [name]: chunk.join(',') } });
    if (reply.status !== 200) throw unexpectedReply('commerce.listPrices', reply);
    prices.push(...(reply.body as { items: PlatformPrice[] }).items);
  }
  return prices;
}

/** Platform ids of the vendor ids the id map knows, in order (duplicates kept, as the vendor lists them). */
function mapKnown(ctx: TranslateContext, kind: 'file' | 'product', ids: readonly (string | number)[]): string[] {
  return ids.map((id) => ctx.ids.toPlatform(kind, typeof id === 'string' ? id.trim() : id)).filter((id): id is string => id !== undefined);
}

/** Product ids (platform) the household holds a running entitlement for, per type needed. */
async function heldProducts(ctx: TranslateContext, prices: readonly PlatformPrice[]): Promise<ReadonlySet<string>> {
  const types = [...new Set(prices.map((p) => p.productType))];
  const held = new Set<string>();
  for (const type of types) for (const e of await runningEntitlementsOf(ctx, type)) held.add(e.productId);
  return held;
}

async function listProductPrices(ctx: TranslateContext): Promise<VendorOutcome> {
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
  const filePrices = (await fetchPrices(ctx, 'fileIds', mapKnown(ctx, 'file', fileIds.value))).filter((p) => p.productType === 'ppv' && p.fileId !== undefined);
  const subscriptionPrices = (await fetchPrices(ctx, 'productIds', mapKnown(ctx, 'product', subscriptionIds.value))).filter((p) => p.productType === 'subscription');
  const held = await heldProducts(ctx, [...filePrices, ...subscriptionPrices]);
  const prices = [
    ...filePrices.map((p) => toVendorPpvPrice(p, vendorIdOf(ctx, 'product', p.productId), Number(vendorIdOf(ctx, 'file', p.fileId ?? '')), held.has(p.productId))),
    ...subscriptionPrices.map((p) => toVendorSubscriptionPrice(p, vendorIdOf(ctx, 'product', p.productId), held.has(p.productId))),
  ];
  return ok(listResponse('KalturaProductPriceListResponse', prices));
}

/** `productprice.list(filter)` → KalturaProductPriceListResponse (no pager, as the vendor). */
export const productPriceList: TranslatorSpec = { access: 'user', run: listProductPrices };
