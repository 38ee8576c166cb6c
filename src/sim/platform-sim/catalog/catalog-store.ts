import type { Catalog } from '../../../core/catalog';
import { deriveCollections, type CatalogCollection } from '../../catalog/collections';
import type { CatalogIndex } from '../../catalog/catalog-index';
import { rankTitles } from './item-order';
import { buildItemRecord, type FileRecord, type ItemRecord } from './item-records';
import { buildSearchDoc, type SearchDoc } from './search-doc';

/**
 * The read-only catalogue of platform-sim: every item built once, with its search document, and the
 * lookups reads need (by id, by file, by EPG channel, collections). Never rebuilt on reset.
 */
export interface IndexedItem {
  readonly item: ItemRecord;
  readonly doc: SearchDoc;
}

export interface CollectionEntry {
  readonly collection: CatalogCollection;
  /** VOD items carrying the collection's Genre label (case-insensitive), in `sortKey` order. */
  readonly members: readonly IndexedItem[];
}

export interface CatalogStore {
  /** Every item in `sortKey` order. */
  readonly all: readonly IndexedItem[];
  readonly byId: ReadonlyMap<string, IndexedItem>;
  readonly fileById: ReadonlyMap<string, FileRecord>;
  /** A channel and its programmes, by EPG channel id, in `sortKey` order (EPG grid fast path). */
  readonly byEpgChannel: ReadonlyMap<number, readonly IndexedItem[]>;
  readonly collections: ReadonlyMap<string, CollectionEntry>;
  readonly relatedCache: Map<string, readonly IndexedItem[]>;
}

function indexItem(index: CatalogIndex, asset: Catalog['vodAssets'][number] | Catalog['channels'][number] | Catalog['programs'][number], channel?: ItemRecord): IndexedItem {
  const item = buildItemRecord(index, asset, channel);
  return { item, doc: buildSearchDoc(item) };
}

function groupByEpgChannel(all: readonly IndexedItem[]): Map<number, IndexedItem[]> {
  const groups = new Map<number, IndexedItem[]>();
  for (const entry of all) {
    const asset = entry.item.asset;
    if (asset.kind === 'vod') continue;
    const list = groups.get(asset.epgChannelId) ?? [];
    list.push(entry);
    groups.set(asset.epgChannelId, list);
  }
  return groups;
}

function buildCollections(catalog: Catalog, all: readonly IndexedItem[]): Map<string, CollectionEntry> {
  const collections = new Map<string, CollectionEntry>();
  for (const collection of deriveCollections(catalog)) {
    const wanted = collection.value.toLowerCase();
    const members = all.filter((e) => e.item.kind === 'vod' && (e.doc.labels.get('genre') ?? []).some((v) => v.text === wanted));
    collections.set(collection.platformId, { collection, members });
  }
  return collections;
}

/** Builds the catalogue store from the catalogue and its index. */
export function buildCatalogStore(catalog: Catalog, index: CatalogIndex): CatalogStore {
  const channels = new Map<number, ItemRecord>();
  const all: IndexedItem[] = [];
  for (const channel of catalog.channels) {
    const entry = indexItem(index, channel);
    channels.set(channel.vendorId, entry.item);
    all.push(entry);
  }
  for (const asset of catalog.vodAssets) all.push(indexItem(index, asset));
  for (const program of catalog.programs) all.push(indexItem(index, program, channels.get(program.channelVendorId)));
  all.sort((a, b) => a.item.sortKey - b.item.sortKey);
  rankTitles(all.map((e) => e.item));
  const byId = new Map(all.map((e) => [e.item.id, e]));
  const fileById = new Map<string, FileRecord>();
  for (const entry of all) if (entry.item.kind !== 'programme') for (const file of entry.item.playableFiles) fileById.set(file.id, file);
  return { all, byId, fileById, byEpgChannel: groupByEpgChannel(all), collections: buildCollections(catalog, all), relatedCache: new Map() };
}

function sharedGenres(a: ItemRecord, b: ItemRecord): number {
  const genres = new Set(a.asset.tags.Genre ?? []);
  return (b.asset.tags.Genre ?? []).filter((g) => genres.has(g)).length;
}

/** Related items of a VOD item (lab-rules "Related"): same media type, most shared genres first. */
export function findRelated(store: CatalogStore, source: ItemRecord): readonly IndexedItem[] {
  const cached = store.relatedCache.get(source.id);
  if (cached) return cached;
  let related: IndexedItem[] = [];
  if (source.kind === 'vod') {
    related = store.all
      .filter((e) => e.item.kind === 'vod' && e.item.id !== source.id && e.item.mediaTypeId === source.mediaTypeId)
      .map((e) => ({ e, shared: sharedGenres(source, e.item) }))
      .filter((x) => x.shared > 0)
      .sort((a, b) => b.shared - a.shared || a.e.item.sortKey - b.e.item.sortKey)
      .map((x) => x.e);
  }
  store.relatedCache.set(source.id, related);
  return related;
}
