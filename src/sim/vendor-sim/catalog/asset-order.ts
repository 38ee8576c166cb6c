import type { CatalogAsset } from '../../../core/catalog';

type Compare = (a: CatalogAsset, b: CatalogAsset) => number;

const byId: Compare = (a, b) => a.vendorId - b.vendorId;

function byName(a: CatalogAsset, b: CatalogAsset): number {
  if (a.name === b.name) return 0;
  return a.name < b.name ? -1 : 1;
}

function views(asset: CatalogAsset): number {
  return asset.kind === 'vod' ? asset.views : 0;
}

const orders: Readonly<Record<string, Compare>> = {
  NAME_ASC: byName,
  NAME_DESC: (a, b) => byName(b, a),
  VIEWS_DESC: (a, b) => views(b) - views(a),
  START_DATE_ASC: (a, b) => a.startDate - b.startDate,
  START_DATE_DESC: (a, b) => b.startDate - a.startDate,
  CREATE_DATE_ASC: (a, b) => a.createDate - b.createDate,
  CREATE_DATE_DESC: (a, b) => b.createDate - a.createDate,
};

/**
 * Sorts assets by a KalturaAssetOrderBy value (docs/lab-rules.md "Search"): RELEVANCY_DESC and
 * unknown values mean id ascending; ties always break by id ascending. Names compare by code unit.
 */
export function sortAssets<T extends CatalogAsset>(assets: readonly T[], orderBy: string | undefined): T[] {
  const primary = orders[(orderBy ?? '').toUpperCase()];
  return [...assets].sort((a, b) => (primary === undefined ? 0 : primary(a, b)) || byId(a, b));
}
