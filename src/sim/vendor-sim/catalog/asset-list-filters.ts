import type { CatalogAsset, CatalogVodAsset } from '../../../core/catalog';
import type { VendorOutcome } from '../../../core/vendor-error';
import { ok } from '../../../core/result';
import { evaluateKsql, parseKsql } from '../../../phoenix/ksql';
import { readInt, readString, type ParamSource } from '../../../phoenix/param-readers';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import { deriveCollections, type CatalogCollection } from '../../catalog/collections';
import type { VendorSimState } from '../state';
import { assetFieldValues } from './asset-fields';
import { sortAssets } from './asset-order';
import { allAssets, matchesSearch, readKsqlFilter, readTypeIn } from './asset-search';

const collectionsByCatalog = new WeakMap<object, readonly CatalogCollection[]>();

function collectionsOf(state: VendorSimState): readonly CatalogCollection[] {
  let collections = collectionsByCatalog.get(state.catalog);
  if (collections === undefined) {
    collections = deriveCollections(state.catalog);
    collectionsByCatalog.set(state.catalog, collections);
  }
  return collections;
}

/** KalturaSearchAssetFilter: `typeIn`, then `kSql`, then `orderBy` (docs/lab-rules.md "Search"). */
export function searchAssets(state: VendorSimState, filter: ParamSource): VendorOutcome<CatalogAsset[]> {
  const ksql = readKsqlFilter(filter, 'filter.kSql');
  if (!ksql.ok) return ksql;
  const typeIn = readTypeIn(filter, 'filter.typeIn');
  if (!typeIn.ok) return typeIn;
  const orderBy = readString(filter, 'orderBy');
  if (!orderBy.ok) return orderBy;
  const matches = allAssets(state.catalog).filter((asset) => matchesSearch(asset, typeIn.value, ksql.value));
  return ok(sortAssets(matches, orderBy.value));
}

/**
 * KalturaChannelFilter (docs/lab-rules.md "Collections"): the collection's VOD assets ANDed with the
 * filter's own kSql; default order NAME_ASC; unknown collection → 4018 [U, chosen].
 */
export function listCollectionAssets(state: VendorSimState, filter: ParamSource): VendorOutcome<CatalogAsset[]> {
  const id = readInt(filter, 'idEqual', { required: true, label: 'filter.idEqual' });
  if (!id.ok) return id;
  const collection = collectionsOf(state).find((c) => c.vendorId === id.value);
  if (collection === undefined) return vendorFailure('ObjectNotExist');
  const own = readKsqlFilter(filter, 'filter.kSql');
  if (!own.ok) return own;
  const orderBy = readString(filter, 'orderBy');
  if (!orderBy.ok) return orderBy;
  const selection = parseKsql(collection.kSql);
  const members = state.catalog.vodAssets.filter((asset) => {
    const fields = assetFieldValues(asset);
    return (!selection.ok || evaluateKsql(selection.value, fields)) && (own.value === undefined || evaluateKsql(own.value, fields));
  });
  return ok(sortAssets(members, orderBy.value ?? 'NAME_ASC'));
}

function sharedGenres(a: CatalogVodAsset, b: CatalogVodAsset): number {
  const genres = new Set(a.tags.Genre ?? []);
  return (b.tags.Genre ?? []).filter((g) => genres.has(g)).length;
}

/**
 * KalturaRelatedFilter (docs/lab-rules.md "Related"): other VOD assets of the same media type sharing
 * a Genre, most shared first, then id; then typeIn/kSql. Non-VOD assets have no related assets.
 */
export function listRelatedAssets(state: VendorSimState, filter: ParamSource): VendorOutcome<CatalogAsset[]> {
  const id = readInt(filter, 'idEqual', { required: true, label: 'filter.idEqual' });
  if (!id.ok) return id;
  const source = state.index.assetByVendorId.get(id.value);
  if (source === undefined) return vendorFailure('NotFound', { objectType: 'Asset' });
  const ksql = readKsqlFilter(filter, 'filter.kSql');
  if (!ksql.ok) return ksql;
  const typeIn = readTypeIn(filter, 'filter.typeIn');
  if (!typeIn.ok) return typeIn;
  if (source.kind !== 'vod') return ok([]);
  const scored = state.catalog.vodAssets
    .filter((asset) => asset.vendorId !== source.vendorId && asset.mediaTypeId === source.mediaTypeId)
    .map((asset) => ({ asset, shared: sharedGenres(source, asset) }))
    .filter((entry) => entry.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.asset.vendorId - b.asset.vendorId);
  return ok(scored.map((entry) => entry.asset).filter((asset) => matchesSearch(asset, typeIn.value, ksql.value)));
}
