import type { CatalogAsset } from '../../../core/catalog';
import type { ItemRecord } from './item-records';

/**
 * An item's searchable fields, pre-normalised once: every value carries its lower-cased text and
 * its number (NaN when not numeric), so a query compares without re-parsing (lab-rules "Search").
 */
export interface SearchValue {
  readonly text: string;
  readonly num: number;
}

export interface SearchDoc {
  readonly fields: ReadonlyMap<string, readonly SearchValue[]>;
  readonly attributes: ReadonlyMap<string, readonly SearchValue[]>;
  readonly labels: ReadonlyMap<string, readonly SearchValue[]>;
  readonly attributeOrLabel: ReadonlyMap<string, readonly SearchValue[]>;
}

/** Parses a number the way the lab compares numbers: finite, from a number or a numeric text. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value !== 'string' || value.trim() === '') return Number.NaN;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : Number.NaN;
}

/** One normalised value. */
export function toSearchValue(value: string | number | boolean): SearchValue {
  if (typeof value === 'number') return { text: String(value), num: value };
  const text = String(value);
  return { text: text.toLowerCase(), num: toNumber(text) };
}

function values(...raw: (string | number | undefined)[]): SearchValue[] {
  return raw.filter((v): v is string | number => v !== undefined).map(toSearchValue);
}

function add(map: Map<string, SearchValue[]>, name: string, list: readonly SearchValue[]): void {
  const key = name.toLowerCase();
  const current = map.get(key);
  if (current) current.push(...list);
  else map.set(key, [...list]);
}

function epgFields(asset: CatalogAsset): { epgRef?: string; epgChannelId?: number } {
  if (asset.kind === 'program') return { epgRef: asset.epgId, epgChannelId: asset.epgChannelId };
  if (asset.kind === 'live') return { epgChannelId: asset.epgChannelId };
  return {};
}

/** Builds the search document of an item. */
export function buildSearchDoc(item: ItemRecord): SearchDoc {
  const asset = item.asset;
  const epg = epgFields(asset);
  const fields = new Map<string, SearchValue[]>([
    ['title', values(asset.name)],
    ['synopsis', values(asset.description)],
    // `itemRef` mirrors the vendor's media_id: VOD and channel ids only (lab-rules "Search").
    ['itemRef', asset.kind === 'program' ? [] : values(item.id)],
    ['epgRef', values(epg.epgRef)],
    ['epgChannelId', values(epg.epgChannelId)],
    ['startTime', values(asset.startDate)],
    ['endTime', values(asset.endDate)],
    ['kind', values(item.kind)],
    ['sortKey', values(item.sortKey)],
  ]);
  const attributes = new Map<string, SearchValue[]>();
  const labels = new Map<string, SearchValue[]>();
  const attributeOrLabel = new Map<string, SearchValue[]>();
  for (const [name, meta] of Object.entries(asset.metas)) {
    add(attributes, name, [toSearchValue(meta.kind === 'boolean' ? String(meta.value) : meta.value)]);
  }
  for (const [name, tagValues] of Object.entries(asset.tags)) add(labels, name, tagValues.map(toSearchValue));
  // Like a vendor key, a name resolves to the attribute when one exists, else to the label.
  for (const [name, list] of labels) attributeOrLabel.set(name, list);
  for (const [name, list] of attributes) attributeOrLabel.set(name, list);
  return { fields, attributes, labels, attributeOrLabel };
}
