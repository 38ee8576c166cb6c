import { createHash } from 'node:crypto';
import type { Catalog } from '../../core/catalog';

/** A dynamic collection (vendor curated/dynamic channel) derived from the catalogue. */
export interface CatalogCollection {
  readonly vendorId: number;
  readonly platformId: string;
  readonly name: string;
  /** The one tag and value that selects the collection's VOD assets. */
  readonly tag: 'Genre';
  readonly value: string;
  /** The same selection written as KSQL (what vendor-sim runs). */
  readonly kSql: string;
  /** Epoch seconds: 30 days before the catalogue's base time (vendor `KalturaChannel.createDate`). */
  readonly createDate: number;
}

/** First vendor id of derived collections (docs/lab-rules.md "Collections"). */
export const firstCollectionVendorId = 700001;

function collectionPlatformId(vendorId: number): string {
  const hex = createHash('sha1').update(`collection:${vendorId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** One collection per distinct Genre tag value of the VOD assets, ordered by genre name. */
export function deriveCollections(catalog: Catalog): CatalogCollection[] {
  const genres = new Set<string>();
  for (const asset of catalog.vodAssets) for (const genre of asset.tags.Genre ?? []) genres.add(genre);
  return [...genres].sort().map((value, i) => {
    const vendorId = firstCollectionVendorId + i;
    const createDate = catalog.demo.baseTime - 30 * 86400;
    return { vendorId, platformId: collectionPlatformId(vendorId), name: value, tag: 'Genre', value, kSql: `Genre='${value}'`, createDate };
  });
}
