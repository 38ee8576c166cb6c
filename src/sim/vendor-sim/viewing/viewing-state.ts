import type { Catalog } from '../../../core/catalog';
import type { CatalogIndex } from '../../catalog/catalog-index';

export type BookmarkAssetType = 'media' | 'epg' | 'recording';

/** One user's watch progress on one asset (docs/lab-rules.md "Bookmarks"). */
export interface StoredBookmark {
  readonly userVendorId: string;
  readonly assetVendorId: number;
  readonly assetType: BookmarkAssetType;
  /** Whole seconds. */
  readonly position: number;
  readonly finishedWatching: boolean;
  /** Epoch seconds of the last write. */
  readonly updateDate: number;
}

export interface StoredFavorite {
  readonly assetVendorId: number;
  readonly extraData: string;
  readonly createDate: number;
}

/** Bookmarks and favorites of vendor-sim, seeded from the catalogue. */
export interface ViewingState {
  /** Keyed by `bookmarkKey` (user, asset type, asset id). */
  readonly bookmarks: Map<string, StoredBookmark>;
  /** User vendor id → asset id → favorite. */
  readonly favorites: Map<string, Map<number, StoredFavorite>>;
}

/** The identity of a bookmark: (user, asset id, asset type). */
export function bookmarkKey(userVendorId: string, assetType: BookmarkAssetType, assetVendorId: number): string {
  return `${userVendorId}|${assetType}|${assetVendorId}`;
}

/** A user's favorites, created empty on first use. */
export function favoritesOf(state: ViewingState, userVendorId: string): Map<number, StoredFavorite> {
  let favorites = state.favorites.get(userVendorId);
  if (favorites === undefined) {
    favorites = new Map();
    state.favorites.set(userVendorId, favorites);
  }
  return favorites;
}

/** Copies the catalogue's bookmarks and favorites into fresh maps. */
export function createViewingState(catalog: Catalog, _index: CatalogIndex): ViewingState {
  const state: ViewingState = { bookmarks: new Map(), favorites: new Map() };
  for (const b of catalog.bookmarks) state.bookmarks.set(bookmarkKey(b.userVendorId, b.assetType, b.assetVendorId), { ...b });
  for (const f of catalog.favorites) {
    favoritesOf(state, f.userVendorId).set(f.assetVendorId, { assetVendorId: f.assetVendorId, extraData: f.extraData, createDate: f.createDate });
  }
  return state;
}
