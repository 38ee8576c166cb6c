import type { SimOperationTable } from '../sim-operation';
import { listAssetHistory } from './asset-history';
import { addBookmark } from './bookmark-add';
import { listBookmarks } from './bookmark-list';
import { addFavorite, deleteFavorite, listFavorites } from './favorite-operations';

/** Viewing-state operations of vendor-sim; all need a logged-in user (brief §5.4). */
export const viewingOperations: SimOperationTable = {
  'bookmark.add': { access: 'user', run: addBookmark },
  'bookmark.list': { access: 'user', run: listBookmarks },
  'favorite.add': { access: 'user', run: addFavorite },
  'favorite.delete': { access: 'user', run: deleteFavorite },
  'favorite.list': { access: 'user', run: listFavorites },
  'assethistory.list': { access: 'user', run: listAssetHistory },
};
