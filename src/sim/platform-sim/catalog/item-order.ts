import type { ItemRecord } from './item-records';

/**
 * Result orders (lab-rules "Search"): `relevance` is the catalogue order (`sortKey` ascending, the
 * lab has no ranking); titles compare by code unit; views count 0 for channels and programmes;
 * ties always break by `sortKey` ascending.
 */
export const sortFields = ['relevance', 'title', 'views', 'startTime', 'createdAt'] as const;
export type SortField = (typeof sortFields)[number];
export type SortDirection = 'asc' | 'desc';

export interface SortSpec {
  readonly field: SortField;
  readonly direction: SortDirection;
}

type Compare = (a: ItemRecord, b: ItemRecord) => number;

function compareTitles(a: ItemRecord, b: ItemRecord): number {
  if (a.title === b.title) return 0;
  return a.title < b.title ? -1 : 1;
}

/** Title ranks computed once per catalogue, so a title sort compares integers. */
const titleRanks = new WeakMap<ItemRecord, number>();

/** Records the title order of the whole catalogue (called once when the store is built). */
export function rankTitles(items: readonly ItemRecord[]): void {
  const sorted = [...items].sort(compareTitles);
  let rank = 0;
  sorted.forEach((item, i) => {
    if (i > 0 && compareTitles(sorted[i - 1] as ItemRecord, item) !== 0) rank += 1;
    titleRanks.set(item, rank);
  });
}

function byTitle(a: ItemRecord, b: ItemRecord): number {
  const ra = titleRanks.get(a);
  const rb = titleRanks.get(b);
  return ra !== undefined && rb !== undefined ? ra - rb : compareTitles(a, b);
}

const ascending: Readonly<Record<Exclude<SortField, 'relevance'>, Compare>> = {
  title: byTitle,
  views: (a, b) => a.views - b.views,
  startTime: (a, b) => a.asset.startDate - b.asset.startDate,
  createdAt: (a, b) => a.asset.createDate - b.asset.createDate,
};

/** Sorts a copy of the items (input already in `sortKey` order keeps relevance free). */
export function sortItems(items: readonly ItemRecord[], sort: SortSpec): readonly ItemRecord[] {
  if (sort.field === 'relevance') return items;
  const primary = ascending[sort.field];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => sign * primary(a, b) || a.sortKey - b.sortKey);
}
