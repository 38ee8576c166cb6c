import type { TranslatorTable } from '../translator';
import { assetHistoryList } from './asset-history';
import { bookmarkAdd } from './bookmark-add';
import { bookmarkList } from './bookmark-list';
import { favoriteList } from './favorite-list';
import { favoriteAdd, favoriteDelete } from './favorite-write';

/** The viewing service's vendor operations translated to the platform. */
export const viewingTranslators: TranslatorTable = {
  'bookmark.add': bookmarkAdd,
  'bookmark.list': bookmarkList,
  'favorite.add': favoriteAdd,
  'favorite.delete': favoriteDelete,
  'favorite.list': favoriteList,
  'assethistory.list': assetHistoryList,
};
