import type { VendorOutcome } from '../../core/vendor-error';
import { ok } from '../../core/result';
import { readPager, type VendorPager } from '../../phoenix/pager';
import { readObject, type ParamSource } from '../../phoenix/param-readers';
import type { TranslateContext, TranslatorSpec } from '../translator';
import { listCollectionItems, listRelatedItems, searchItems, type ItemPageOutcome } from './asset-list-sources';
import { rememberItemKind } from '../item-kind-memo';
import { toVendorAsset } from './item-to-asset';

/** Dispatches on the filter's objectType; anything else is a KalturaSearchAssetFilter (§2.4). */
function selectItems(ctx: TranslateContext, filter: ParamSource, pager: VendorPager): ItemPageOutcome {
  const objectType = typeof filter.objectType === 'string' ? filter.objectType.toLowerCase() : '';
  if (objectType === 'kalturachannelfilter') return listCollectionItems(ctx, filter, pager);
  if (objectType === 'kalturarelatedfilter') return listRelatedItems(ctx, filter, pager);
  return searchItems(ctx, filter, pager);
}

/** `asset.list(filter, pager)` → KalturaAssetListResponse; totalCount counts every match (§2.3). */
async function listAssets(ctx: TranslateContext): Promise<VendorOutcome> {
  const filter = readObject(ctx.params, 'filter');
  if (!filter.ok) return filter;
  const pager = readPager(ctx.params);
  if (!pager.ok) return pager;
  const page = await selectItems(ctx, filter.value ?? {}, pager.value);
  if (!page.ok) return page;
  const objects = page.value.items.map((item) => {
    rememberItemKind(item.id, item.kind);
    return toVendorAsset(ctx.ids, item);
  });
  return ok({ objectType: 'KalturaAssetListResponse', objects, totalCount: page.value.total });
}

/** `asset.list` through the platform's search, collections and related items. */
export const assetListTranslator: TranslatorSpec = { access: 'session', run: listAssets };
