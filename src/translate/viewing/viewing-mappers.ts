/**
 * Pure mappers from platform user-data JSON to vendor viewing objects (brief §5.4, lab rules
 * "Bookmarks", "Favorites"): ids arrive as vendor ids already resolved by the caller.
 */
import type { components } from '../../../contracts/generated/platform';
import { epochOf } from './platform-replies';

export type PlatformProgress = components['schemas']['Progress'];
export type PlatformHistoryEntry = components['schemas']['HistoryEntry'];
export type PlatformFavorite = components['schemas']['Favorite'];
export type ItemKind = components['schemas']['ProgressItemKind'];

export const assetTypes = ['media', 'epg', 'recording'] as const;
export type AssetType = (typeof assetTypes)[number];

const kindByAssetType: Readonly<Record<AssetType, ItemKind>> = { media: 'media', epg: 'programme', recording: 'recording' };
const assetTypeByKind: Readonly<Record<ItemKind, AssetType>> = { media: 'media', programme: 'epg', recording: 'recording' };

/** Vendor `assetType` → platform `itemKind`. */
export function toItemKind(type: AssetType): ItemKind {
  return kindByAssetType[type];
}

/** Platform `itemKind` → vendor `assetType`. */
export function toAssetType(kind: ItemKind): AssetType {
  return assetTypeByKind[kind];
}

/** KalturaBookmark: `id` is the asset id as a string, `positionOwner` always "user" (lab rules). */
export function toVendorBookmark(p: PlatformProgress, assetVendorId: string, userVendorId: string): object {
  return {
    objectType: 'KalturaBookmark',
    id: String(Number(assetVendorId)),
    type: toAssetType(p.itemKind),
    userId: userVendorId,
    position: p.positionSeconds,
    positionOwner: 'user',
    finishedWatching: p.finished,
  };
}

/** KalturaFavorite: `extraData` is the platform note, `createDate` epoch seconds. */
export function toVendorFavorite(f: PlatformFavorite, assetVendorId: number): object {
  return { objectType: 'KalturaFavorite', assetId: assetVendorId, extraData: f.note, createDate: epochOf(f.createdAt) };
}

/** KalturaAssetHistory from one history entry. */
export function toVendorAssetHistory(h: PlatformHistoryEntry, assetVendorId: number): object {
  return {
    objectType: 'KalturaAssetHistory',
    assetId: assetVendorId,
    assetType: toAssetType(h.itemKind),
    position: h.positionSeconds,
    duration: h.durationSeconds,
    watchedDate: epochOf(h.watchedAt),
    finishedWatching: h.finished,
  };
}
