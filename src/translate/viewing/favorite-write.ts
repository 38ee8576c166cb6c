/**
 * `favorite.add` / `favorite.delete` → platform `userData.putFavorite` / `deleteFavorite` (brief
 * §5.4, lab rules "Favorites"): unknown asset on add → 500007; deleting an absent favorite is `true`.
 */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readInt, readObject, readString } from '../../phoenix/param-readers';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { TranslateContext, TranslatorSpec } from '../translator';
import { unexpectedReply } from './platform-replies';
import { toVendorFavorite, type PlatformFavorite } from './viewing-mappers';

async function addFavorite(ctx: TranslateContext): Promise<VendorOutcome> {
  const favorite = readObject(ctx.params, 'favorite', { required: true });
  if (!favorite.ok) return favorite;
  const assetId = readInt(favorite.value, 'assetId', { required: true, label: 'favorite.assetId' });
  if (!assetId.ok) return assetId;
  const extraData = readString(favorite.value, 'extraData', { label: 'favorite.extraData' });
  if (!extraData.ok) return extraData;
  const itemId = ctx.ids.toPlatform('asset', assetId.value);
  if (itemId === undefined) return vendorFailure('NotFound', { objectType: 'Asset' });
  const reply = await ctx.platform.call({ method: 'PUT', path: `/user-data/v1/favorites/${encodeURIComponent(itemId)}`, body: { note: extraData.value ?? '' } });
  if (reply.status === 200 || reply.status === 201) return ok(toVendorFavorite(reply.body as PlatformFavorite, assetId.value));
  if (reply.status === 404) return vendorFailure('NotFound', { objectType: 'Asset' });
  if (reply.status === 403) return vendorFailure('ServiceForbidden');
  throw unexpectedReply('userData.putFavorite', reply);
}

async function deleteFavorite(ctx: TranslateContext): Promise<VendorOutcome> {
  const id = readInt(ctx.params, 'id', { required: true });
  if (!id.ok) return id;
  const itemId = ctx.ids.toPlatform('asset', id.value);
  // An asset the catalogue does not know cannot be a favorite: absent, so `true` (lab rule).
  if (itemId === undefined) return ok(true);
  const reply = await ctx.platform.call({ method: 'DELETE', path: `/user-data/v1/favorites/${encodeURIComponent(itemId)}` });
  if (reply.status === 204 || reply.status === 200) return ok(true);
  if (reply.status === 403) return vendorFailure('ServiceForbidden');
  throw unexpectedReply('userData.deleteFavorite', reply);
}

/** `favorite.add(favorite)` → KalturaFavorite. */
export const favoriteAdd: TranslatorSpec = { access: 'user', run: addFavorite };
/** `favorite.delete(id)` → `true`. */
export const favoriteDelete: TranslatorSpec = { access: 'user', run: deleteFavorite };
