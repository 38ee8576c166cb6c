import type { VendorOutcome } from '../../core/vendor-error';
import { ok } from '../../core/result';
import type { VendorPager } from '../../phoenix/pager';
import { readInt, readString, type ParamSource } from '../../phoenix/param-readers';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { PlatformPort } from '../platform-port';
import type { TranslateContext } from '../translator';
import type { PlatformCollection, PlatformItemPage, PlatformSearchRequest, PlatformSort } from './platform-catalog-types';
import { expectOk, isNotFound } from '../platform-reply';
import { readKsqlFilter, readMediaTypeIds, toPlatformPage, toPlatformQuery, toPlatformSort } from './search-filter-params';

/**
 * The three asset.list filters (brief §5.2) as platform reads, each validating its members in the
 * vendor's order so the first error is the vendor's: KalturaSearchAssetFilter → `catalog.search`,
 * KalturaChannelFilter → `catalog.listCollectionItems`, KalturaRelatedFilter → `catalog.listRelatedItems`.
 */
export type ItemPageOutcome = Promise<VendorOutcome<PlatformItemPage>>;

function sortParam(sort: PlatformSort): string {
  return `${sort.field}:${sort.direction}`;
}

/** KalturaSearchAssetFilter: `kSql`, `typeIn`, `orderBy` (docs/lab-rules.md "Search"). */
export async function searchItems(ctx: TranslateContext, filter: ParamSource, pager: VendorPager): ItemPageOutcome {
  const ksql = readKsqlFilter(filter);
  if (!ksql.ok) return ksql;
  const mediaTypeIds = readMediaTypeIds(filter);
  if (!mediaTypeIds.ok) return mediaTypeIds;
  const orderBy = readString(filter, 'orderBy');
  if (!orderBy.ok) return orderBy;
  const query = toPlatformQuery(ksql.value, ctx.ids);
  const body: PlatformSearchRequest = {
    ...(query === undefined ? {} : { query: query as PlatformSearchRequest['query'] }),
    ...(mediaTypeIds.value === undefined ? {} : { mediaTypeIds: mediaTypeIds.value }),
    sort: toPlatformSort(orderBy.value),
    ...toPlatformPage(pager),
  };
  const reply = await ctx.platform.call({ method: 'POST', path: '/catalog/v1/search', body });
  return ok(expectOk<PlatformItemPage>('catalog.search', reply));
}

/** The platform collection whose `sortKey` is a vendor channel id (docs/lab-rules.md "Collections"). */
export async function findCollection(platform: PlatformPort, vendorId: number): Promise<PlatformCollection | undefined> {
  const reply = await platform.call({ method: 'GET', path: '/catalog/v1/collections' });
  const list = expectOk<{ items: PlatformCollection[] }>('catalog.listCollections', reply);
  return list.items.find((collection) => collection.sortKey === vendorId);
}

/**
 * KalturaChannelFilter (docs/lab-rules.md "Collections"): the collection whose `sortKey` is the
 * vendor id, ANDed with the filter's kSql; default order NAME_ASC; unknown → 4018 [U, chosen].
 */
export async function listCollectionItems(ctx: TranslateContext, filter: ParamSource, pager: VendorPager): ItemPageOutcome {
  const id = readInt(filter, 'idEqual', { required: true, label: 'filter.idEqual' });
  if (!id.ok) return id;
  const collection = await findCollection(ctx.platform, id.value);
  if (collection === undefined) return vendorFailure('ObjectNotExist');
  const own = readKsqlFilter(filter);
  if (!own.ok) return own;
  const orderBy = readString(filter, 'orderBy');
  if (!orderBy.ok) return orderBy;
  const query = toPlatformQuery(own.value, ctx.ids);
  const reply = await ctx.platform.call({
    method: 'GET',
    path: `/catalog/v1/collections/${encodeURIComponent(collection.id)}/items`,
    query: {
      ...(query === undefined ? {} : { query: JSON.stringify(query) }),
      sort: sortParam(toPlatformSort(orderBy.value ?? 'NAME_ASC')),
      ...toPlatformPage(pager),
    },
  });
  if (isNotFound(reply)) return vendorFailure('ObjectNotExist');
  return ok(expectOk<PlatformItemPage>('catalog.listCollectionItems', reply));
}

/**
 * KalturaRelatedFilter (docs/lab-rules.md "Related"): the platform's related order (most shared
 * Genre first), then typeIn / kSql; unknown asset → 500007.
 */
export async function listRelatedItems(ctx: TranslateContext, filter: ParamSource, pager: VendorPager): ItemPageOutcome {
  const id = readInt(filter, 'idEqual', { required: true, label: 'filter.idEqual' });
  if (!id.ok) return id;
  const itemId = ctx.ids.toPlatform('asset', id.value);
  if (itemId === undefined) return vendorFailure('NotFound', { objectType: 'Asset' });
  const ksql = readKsqlFilter(filter);
  if (!ksql.ok) return ksql;
  const mediaTypeIds = readMediaTypeIds(filter);
  if (!mediaTypeIds.ok) return mediaTypeIds;
  const query = toPlatformQuery(ksql.value, ctx.ids);
  const reply = await ctx.platform.call({
    method: 'GET',
    path: `/catalog/v1/items/${encodeURIComponent(itemId)}/related`,
    query: {
      ...(query === undefined ? {} : { query: JSON.stringify(query) }),
      ...(mediaTypeIds.value === undefined ? {} : { mediaTypeIds: mediaTypeIds.value.join(',') }),
      ...toPlatformPage(pager),
    },
  });
  if (isNotFound(reply)) return vendorFailure('NotFound', { objectType: 'Asset' });
  return ok(expectOk<PlatformItemPage>('catalog.listRelatedItems', reply));
}
