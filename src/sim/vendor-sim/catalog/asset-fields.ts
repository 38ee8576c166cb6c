import type { CatalogAsset } from '../../../core/catalog';

/** The values one asset offers to a KSQL key (lower-cased), per docs/lab-rules.md "Search". */
export type AssetFieldValues = (key: string) => readonly (string | number)[] | undefined;

function reservedValues(asset: CatalogAsset, key: string): readonly (string | number)[] | undefined {
  switch (key) {
    case 'name':
      return [asset.name];
    case 'description':
      return [asset.description];
    case 'media_id':
      return asset.kind === 'program' ? [] : [asset.vendorId];
    case 'epg_id':
      return asset.kind === 'program' ? [asset.epgId] : [];
    case 'epg_channel_id':
      // Programmes and channels both carry the EPG channel id in the catalogue.
      return asset.kind === 'vod' ? [] : [asset.epgChannelId];
    case 'start_date':
      return [asset.startDate];
    case 'end_date':
      return [asset.endDate];
    case 'asset_type':
      return [asset.kind === 'program' ? 'epg' : 'media'];
    default:
      return undefined;
  }
}

function metaOrTagValues(asset: CatalogAsset, key: string): readonly (string | number)[] | undefined {
  for (const [name, meta] of Object.entries(asset.metas)) {
    if (name.toLowerCase() === key) return [typeof meta.value === 'boolean' ? String(meta.value) : meta.value];
  }
  for (const [name, values] of Object.entries(asset.tags)) {
    if (name.toLowerCase() === key) return values;
  }
  return undefined;
}

/** Field lookup for KSQL evaluation: reserved keys first, then metas and tags by name. */
export function assetFieldValues(asset: CatalogAsset): AssetFieldValues {
  return (key) => reservedValues(asset, key) ?? metaOrTagValues(asset, key);
}
