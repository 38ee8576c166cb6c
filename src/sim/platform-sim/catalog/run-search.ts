import type { ItemKind, ItemRecord } from './item-records';
import { sortItems, type SortSpec } from './item-order';
import type { SearchPredicate } from './search-query';
import type { CatalogStore, IndexedItem } from './catalog-store';

/** A compiled search: kinds and media types first, then the query (lab-rules "Search": typeIn first). */
export interface CompiledSearch {
  readonly predicate: SearchPredicate;
  readonly kinds?: ReadonlySet<ItemKind>;
  readonly mediaTypeIds?: ReadonlySet<number>;
  readonly sort: SortSpec;
  readonly offset: number;
  readonly limit: number;
}

export interface SearchPage {
  readonly items: readonly ItemRecord[];
  readonly total: number;
}

function epgChannelOf(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const record = node as Record<string, unknown>;
  if (record.field === 'epgChannelId' && record.op === 'eq') {
    const value = Number(record.value);
    return Number.isInteger(value) ? value : undefined;
  }
  if (Array.isArray(record.all)) for (const child of record.all) {
    const found = epgChannelOf(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The candidates a query can match: a query that pins `epgChannelId` (the EPG grid) only scans that
 * channel and its programmes, everything else scans the catalogue.
 */
export function selectCandidates(store: CatalogStore, query: unknown): readonly IndexedItem[] {
  const channel = epgChannelOf(query);
  return channel === undefined ? store.all : (store.byEpgChannel.get(channel) ?? []);
}

/** Filters, sorts and pages candidates that are in `sortKey` order. */
export function runSearch(candidates: readonly IndexedItem[], search: CompiledSearch): SearchPage {
  const matched: ItemRecord[] = [];
  for (const entry of candidates) {
    if (search.kinds && !search.kinds.has(entry.item.kind)) continue;
    if (search.mediaTypeIds && !search.mediaTypeIds.has(entry.item.mediaTypeId)) continue;
    if (search.predicate(entry.doc)) matched.push(entry.item);
  }
  const sorted = sortItems(matched, search.sort);
  return { items: sorted.slice(search.offset, search.offset + search.limit), total: matched.length };
}

/** Serialises a page from the items' cached JSON. */
export function renderSearchPage(page: SearchPage, offset: number, limit: number): string {
  return `{"items":[${page.items.map((i) => i.json).join(',')}],"total":${page.total},"offset":${offset},"limit":${limit}}`;
}
