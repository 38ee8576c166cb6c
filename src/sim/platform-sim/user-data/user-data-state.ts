import type { Catalog } from '../../../core/catalog';
import type { CatalogIndex } from '../../catalog/catalog-index';

/** Watch progress and favorites, per user (lab-rules "Bookmarks", "Favorites"). */
export type ProgressItemKind = 'media' | 'programme' | 'recording';

export interface ProgressRecord {
  readonly userId: string;
  readonly itemId: string;
  readonly itemKind: ProgressItemKind;
  readonly positionSeconds: number;
  readonly finished: boolean;
  /** Epoch seconds. */
  readonly updatedAt: number;
  readonly action?: string;
  readonly context?: string;
  readonly fileId?: string;
  readonly programmeId?: string;
}

export interface FavoriteRecord {
  readonly itemId: string;
  readonly note: string;
  /** Epoch seconds; kept when a favorite is added again. */
  readonly createdAt: number;
}

export interface UserDataState {
  /** Progress records per item id (every user and kind). */
  readonly progressByItem: Map<string, ProgressRecord[]>;
  /** Progress per user, keyed `<itemId>|<itemKind>`. */
  readonly progressByUser: Map<string, Map<string, ProgressRecord>>;
  /** Favorites per user, keyed by item id. */
  readonly favoritesByUser: Map<string, Map<string, FavoriteRecord>>;
}

const kindByAssetType = { media: 'media', epg: 'programme', recording: 'recording' } as const;

/** Stores a progress record, replacing the one with the same (user, item, kind). */
export function putProgress(state: UserDataState, record: ProgressRecord): void {
  const list = state.progressByItem.get(record.itemId) ?? [];
  const at = list.findIndex((r) => r.userId === record.userId && r.itemKind === record.itemKind);
  if (at >= 0) list[at] = record;
  else list.push(record);
  state.progressByItem.set(record.itemId, list);
  let own = state.progressByUser.get(record.userId);
  if (!own) {
    own = new Map();
    state.progressByUser.set(record.userId, own);
  }
  own.set(`${record.itemId}|${record.itemKind}`, record);
}

/** The stored record of (user, item, kind), if any. */
export function getProgress(state: UserDataState, userId: string, itemId: string, itemKind: ProgressItemKind): ProgressRecord | undefined {
  return state.progressByUser.get(userId)?.get(`${itemId}|${itemKind}`);
}

/** Seeds progress and favorites from the catalogue. */
export function createUserDataState(catalog: Catalog, index: CatalogIndex): UserDataState {
  const state: UserDataState = { progressByItem: new Map(), progressByUser: new Map(), favoritesByUser: new Map() };
  for (const b of catalog.bookmarks) {
    const user = index.userByVendorId.get(b.userVendorId);
    const asset = index.assetByVendorId.get(b.assetVendorId);
    if (!user || !asset) continue;
    putProgress(state, {
      userId: user.platformId,
      itemId: asset.platformId,
      itemKind: kindByAssetType[b.assetType],
      positionSeconds: b.position,
      finished: b.finishedWatching,
      updatedAt: b.updateDate,
    });
  }
  for (const f of catalog.favorites) {
    const user = index.userByVendorId.get(f.userVendorId);
    const asset = index.assetByVendorId.get(f.assetVendorId);
    if (!user || !asset) continue;
    const own = state.favoritesByUser.get(user.platformId) ?? new Map<string, FavoriteRecord>();
    own.set(asset.platformId, { itemId: asset.platformId, note: f.extraData, createdAt: f.createDate });
    state.favoritesByUser.set(user.platformId, own);
  }
  return state;
}
