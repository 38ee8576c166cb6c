import type { VendorOutcome } from '../../../core/vendor-error';
import { ok } from '../../../core/result';
import { listResponse } from '../../../phoenix/pager';
import { readIdList, readInt, readObject, readString } from '../../../phoenix/param-readers';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import type { SimCallContext } from '../sim-operation';
import { favoritesOf, type StoredFavorite } from './viewing-state';

function toVendorFavorite(f: StoredFavorite): object {
  return { objectType: 'KalturaFavorite', assetId: f.assetVendorId, extraData: f.extraData, createDate: f.createDate };
}

/** `favorite.add`: unknown asset → 500007; an existing favorite keeps its createDate (lab rule). */
export function addFavorite(ctx: SimCallContext): VendorOutcome {
  if (ctx.session === null) return vendorFailure('ServiceForbidden');
  const favorite = readObject(ctx.params, 'favorite', { required: true });
  if (!favorite.ok) return favorite;
  const assetId = readInt(favorite.value, 'assetId', { required: true, label: 'favorite.assetId' });
  if (!assetId.ok) return assetId;
  const extraData = readString(favorite.value, 'extraData', { label: 'favorite.extraData' });
  if (!extraData.ok) return extraData;
  if (!ctx.state.index.assetByVendorId.has(assetId.value)) return vendorFailure('NotFound', { objectType: 'Asset' });
  const favorites = favoritesOf(ctx.state.viewing, ctx.session.userId);
  const stored: StoredFavorite = {
    assetVendorId: assetId.value,
    extraData: extraData.value ?? '',
    createDate: favorites.get(assetId.value)?.createDate ?? ctx.nowSec,
  };
  favorites.set(assetId.value, stored);
  return ok(toVendorFavorite(stored));
}

/** `favorite.delete(id)` (id = asset id, brief §5.4) → `true`, also when absent (lab rule). */
export function deleteFavorite(ctx: SimCallContext): VendorOutcome {
  if (ctx.session === null) return vendorFailure('ServiceForbidden');
  const id = readInt(ctx.params, 'id', { required: true });
  if (!id.ok) return id;
  favoritesOf(ctx.state.viewing, ctx.session.userId).delete(id.value);
  return ok(true);
}

/** `favorite.list(filter)`: mediaIdIn, mediaTypeEqual; default CREATE_DATE_DESC, ties by asset id. */
export function listFavorites(ctx: SimCallContext): VendorOutcome {
  if (ctx.session === null) return vendorFailure('ServiceForbidden');
  const filter = readObject(ctx.params, 'filter');
  if (!filter.ok) return filter;
  const source = filter.value ?? {};
  const ids = readIdList(source, 'mediaIdIn', { label: 'filter.mediaIdIn' });
  if (!ids.ok) return ids;
  const mediaType = readInt(source, 'mediaTypeEqual', { label: 'filter.mediaTypeEqual' });
  if (!mediaType.ok) return mediaType;
  const orderBy = readString(source, 'orderBy', { label: 'filter.orderBy' });
  if (!orderBy.ok) return orderBy;
  const ascending = orderBy.value?.toUpperCase() === 'CREATE_DATE_ASC';
  const wanted = new Set(ids.value);
  const found = [...favoritesOf(ctx.state.viewing, ctx.session.userId).values()].filter((f) => {
    if (wanted.size > 0 && !wanted.has(f.assetVendorId)) return false;
    if (mediaType.value === undefined) return true;
    return ctx.state.index.assetByVendorId.get(f.assetVendorId)?.mediaTypeId === mediaType.value;
  });
  found.sort((a, b) => (ascending ? a.createDate - b.createDate : b.createDate - a.createDate) || a.assetVendorId - b.assetVendorId);
  return ok(listResponse('KalturaFavoriteListResponse', found.map(toVendorFavorite)));
}
