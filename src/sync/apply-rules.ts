/**
 * How a change is written to each side (docs/sync.md "Entities"), as plain requests the appliers
 * send. Writes are idempotent: bookmarks and favorites are upserts; a device that already exists or
 * is already gone, and a product already bought, count as applied (check-then-write where the
 * vendor has no idempotency key); platform purchases carry the source transaction as their key.
 */
import { entityExtensions, extensionOf } from './entity-extensions';
import { scalarText } from './sync-types';
import type { SyncChange } from './sync-types';

/** A vendor API call (service, action, parameters without the KS). */
export interface VendorWrite {
  readonly service: string;
  readonly action: string;
  readonly params: Record<string, unknown>;
}

/** A platform REST call. */
export interface PlatformWrite {
  readonly method: 'PUT' | 'DELETE' | 'POST';
  readonly path: string;
  readonly body?: unknown;
}

/** Vendor → platform ids (the id map). */
export interface PlatformIdLookup {
  toPlatform(kind: 'asset' | 'product' | 'file' | 'user', vendorId: string): string | undefined;
}

/** Vendor error codes that mean the write is already there (idempotent apply). */
export const vendorAlreadyApplied: Readonly<Record<string, readonly string[]>> = {
  'householddevice.add': ['1015'],
  'householddevice.delete': ['1019', '1003'],
  'transaction.purchase': ['3021', '3024', '3027'],
  ...(Object.fromEntries(entityExtensions.flatMap((e) => Object.entries(e.vendorAlreadyApplied ?? {}))) as Record<string, readonly string[]>),
};

const kindByAssetType: Readonly<Record<string, string>> = { media: 'media', epg: 'programme', recording: 'recording' };

/**
 * The action a synced bookmark is written with: FINISH keeps its meaning (position 0, finished);
 * anything else is written as PAUSE, which stores the position under the same 95 % rule on both
 * sides but neither takes nor frees a concurrency slot for a device that is not playing here.
 */
export function syncedBookmarkAction(value: Readonly<Record<string, unknown>>): 'FINISH' | 'PAUSE' {
  return value.action === 'FINISH' ? 'FINISH' : 'PAUSE';
}

/** The vendor call that makes the vendor hold the change. */
export function toVendorWrite(change: SyncChange): VendorWrite | undefined {
  const v = change.value;
  switch (change.entity) {
    case 'bookmark':
      // A bookmark delete (a history clean on the other side) cleans that asset's history: the vendor's only way to remove one.
      if (change.op === 'delete') return { service: 'assethistory', action: 'clean', params: { filter: { objectType: 'KalturaAssetHistoryFilter', assetIdIn: String(v.assetId), statusEqual: 'all' } } };
      return { service: 'bookmark', action: 'add', params: { bookmark: { objectType: 'KalturaBookmark', id: String(v.assetId), type: v.assetType ?? 'media', position: v.position ?? 0, playerData: { objectType: 'KalturaBookmarkPlayerData', action: syncedBookmarkAction(v) } } } };
    case 'favorite':
      return change.op === 'delete'
        ? { service: 'favorite', action: 'delete', params: { id: v.assetId } }
        : { service: 'favorite', action: 'add', params: { favorite: { objectType: 'KalturaFavorite', assetId: v.assetId, extraData: v.extraData ?? '' } } };
    case 'device':
      return change.op === 'delete'
        ? { service: 'householddevice', action: 'delete', params: { udid: v.udid } }
        : { service: 'householddevice', action: 'add', params: { device: { objectType: 'KalturaHouseholdDevice', udid: v.udid, name: v.name ?? '', brandId: v.brandId ?? 0 } } };
    case 'purchase':
      return { service: 'transaction', action: 'purchase', params: { purchase: { objectType: 'KalturaPurchase', productId: v.productId, productType: v.productType, contentId: v.contentId ?? 0, price: v.price, currency: v.currency } } };
    default:
      return extensionOf(change.entity)?.toVendorWrite?.(change);
  }
}

function assetPath(base: string, change: SyncChange, ids: PlatformIdLookup): string | undefined {
  const itemId = ids.toPlatform('asset', String(change.value.assetId));
  return itemId === undefined ? undefined : `${base}/${encodeURIComponent(itemId)}`;
}

function purchaseWrite(change: SyncChange, ids: PlatformIdLookup): PlatformWrite | undefined {
  const v = change.value;
  const productId = ids.toPlatform('product', String(v.productId));
  if (productId === undefined) return undefined;
  const fileId = Number(v.contentId ?? 0) > 0 ? ids.toPlatform('file', String(v.contentId)) : undefined;
  const price = { amountMinor: Math.round(Number(v.price ?? 0) * 100), currency: scalarText(v.currency, '') };
  return { method: 'POST', path: '/commerce/v1/purchases', body: { productId, price, idempotencyKey: `sync:${change.key}`, ...(fileId === undefined ? {} : { fileId }) } };
}

/** The platform call that makes the platform hold the change (`householdPath` = the household's devices path). */
export function toPlatformWrite(change: SyncChange, ids: PlatformIdLookup, householdPath: string): PlatformWrite | undefined {
  const v = change.value;
  switch (change.entity) {
    case 'bookmark': {
      if (change.op === 'delete') {
        const itemId = ids.toPlatform('asset', String(v.assetId));
        return itemId === undefined ? undefined : { method: 'DELETE', path: `/user-data/v1/history?itemIds=${encodeURIComponent(itemId)}` };
      }
      const path = assetPath('/user-data/v1/progress', change, ids);
      const itemKind = kindByAssetType[scalarText(v.assetType, 'media')] ?? 'media';
      return path === undefined ? undefined : { method: 'PUT', path, body: { positionSeconds: v.position ?? 0, itemKind, action: syncedBookmarkAction(v).toLowerCase() } };
    }
    case 'favorite': {
      const path = assetPath('/user-data/v1/favorites', change, ids);
      if (path === undefined) return undefined;
      return change.op === 'delete' ? { method: 'DELETE', path } : { method: 'PUT', path, body: { note: v.extraData ?? '' } };
    }
    case 'device':
      return change.op === 'delete'
        ? { method: 'DELETE', path: `${householdPath}/${encodeURIComponent(String(v.udid))}` }
        : { method: 'POST', path: householdPath, body: { udid: v.udid, name: v.name ?? '', brandId: v.brandId ?? 0 } };
    case 'purchase':
      return purchaseWrite(change, ids);
    default:
      return extensionOf(change.entity)?.toPlatformWrite?.(change, ids);
  }
}

/** Platform problem codes that mean the write is already there. */
export const platformAlreadyApplied: readonly string[] = ['device_exists', 'device_not_found', 'already_entitled', ...entityExtensions.flatMap((e) => e.platformAlreadyApplied ?? [])];
