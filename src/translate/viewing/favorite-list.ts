/**
 * `favorite.list(filter)` → platform `userData.listFavorites` (brief §5.4, lab rules "Favorites"):
 * `mediaIdIn`, `mediaTypeEqual`, `orderBy` CREATE_DATE_DESC (default) / CREATE_DATE_ASC, ties by
 * asset id (the platform's sortKey). The vendor list has no pager, so every page is read.
 */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { listResponse } from '../../phoenix/pager';
import { readIdList, readInt, readObject, readString } from '../../phoenix/param-readers';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { TranslateContext, TranslatorSpec } from '../translator';
import { fetchAllPages, idsPerQuery, unexpectedReply, vendorIdOf } from './platform-replies';
import { toVendorFavorite, type PlatformFavorite } from './viewing-mappers';

const emptyList = () => ok(listResponse('KalturaFavoriteListResponse', []));

async function listFavorites(ctx: TranslateContext): Promise<VendorOutcome> {
  const filter = readObject(ctx.params, 'filter');
  if (!filter.ok) return filter;
  const source = filter.value ?? {};
  const ids = readIdList(source, 'mediaIdIn', { label: 'filter.mediaIdIn' });
  if (!ids.ok) return ids;
  const mediaType = readInt(source, 'mediaTypeEqual', { label: 'filter.mediaTypeEqual' });
  if (!mediaType.ok) return mediaType;
  const orderBy = readString(source, 'orderBy', { label: 'filter.orderBy' });
  if (!orderBy.ok) return orderBy;
  const itemIds = [...new Set(ids.value)].map((id) => ctx.ids.toPlatform('asset', id)).filter((id): id is string => id !== undefined);
  // Asked only for assets the catalogue does not know: none can be a favorite.
  if (ids.value.length > 0 && itemIds.length === 0) return emptyList();
  // More ids than one platform query takes: read the whole list and filter here.
  const only = itemIds.length > idsPerQuery ? new Set(itemIds) : undefined;
  const query = {
    sort: orderBy.value?.toUpperCase() === 'CREATE_DATE_ASC' ? 'createdAt:asc' : 'createdAt:desc',
    mediaTypeId: mediaType.value,
    itemIds: only === undefined && itemIds.length > 0 ? itemIds.join(',') : undefined,
  };
  const found = await fetchAllPages<PlatformFavorite>(ctx, { method: 'GET', path: '/user-data/v1/favorites', query });
  if ('reply' in found) {
    if (found.reply.status === 403) return vendorFailure('ServiceForbidden');
    throw unexpectedReply('userData.listFavorites', found.reply);
  }
  const favorites = found.items.filter((f) => only === undefined || only.has(f.itemId));
  return ok(listResponse('KalturaFavoriteListResponse', favorites.map((f) => toVendorFavorite(f, Number(vendorIdOf(ctx, 'asset', f.itemId))))));
}

/** `favorite.list(filter)` → KalturaFavoriteListResponse. */
export const favoriteList: TranslatorSpec = { access: 'user', run: listFavorites };
