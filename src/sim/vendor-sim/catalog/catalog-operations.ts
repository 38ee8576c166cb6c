import type { CatalogAsset } from '../../../core/catalog';
import type { VendorOutcome } from '../../../core/vendor-error';
import { ok } from '../../../core/result';
import { listResponse, pageItems, readPager } from '../../../phoenix/pager';
import { readEnum, readObject, readString } from '../../../phoenix/param-readers';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import type { SimCallContext, SimOperationTable } from '../sim-operation';
import { listCollectionAssets, listRelatedAssets, searchAssets } from './asset-list-filters';
import { toVendorAsset } from './map-asset';
import { getRecordingAsset } from '../cdvr/recording-assets';

const referenceTypes = ['media', 'epg_internal', 'epg_external', 'npvr'] as const;

/** Finds the asset an `asset.get` names; media covers VOD and channels, epg_* programmes (§5.2); npvr recordings are the household's (cdvr/recording-assets). */
function findReferencedAsset(ctx: SimCallContext, id: string, referenceType: Exclude<(typeof referenceTypes)[number], 'npvr'>): CatalogAsset | undefined {
  if (!/^\s*\d+\s*$/.test(id)) return undefined;
  const asset = ctx.state.index.assetByVendorId.get(Number(id));
  if (asset === undefined) return undefined;
  const wantsProgram = referenceType !== 'media';
  return (asset.kind === 'program') === wantsProgram ? asset : undefined;
}

/** `asset.get(id, assetReferenceType)` (brief §5.2); unknown → 500007 "Asset not found". */
function getAsset(ctx: SimCallContext): VendorOutcome {
  const id = readString(ctx.params, 'id', { required: true });
  if (!id.ok) return id;
  const referenceType = readEnum(ctx.params, 'assetReferenceType', referenceTypes);
  if (!referenceType.ok) return referenceType;
  if (referenceType.value === 'npvr') return getRecordingAsset(ctx, id.value);
  const asset = findReferencedAsset(ctx, id.value, referenceType.value ?? 'media');
  if (asset === undefined) return vendorFailure('NotFound', { objectType: 'Asset' });
  return ok(toVendorAsset(ctx.state.index, asset));
}

/** Dispatches on the filter's objectType; anything else is a KalturaSearchAssetFilter (§2.4). */
function selectAssets(ctx: SimCallContext, filter: Readonly<Record<string, unknown>>): VendorOutcome<CatalogAsset[]> {
  const objectType = typeof filter.objectType === 'string' ? filter.objectType.toLowerCase() : '';
  if (objectType === 'kalturachannelfilter') return listCollectionAssets(ctx.state, filter);
  if (objectType === 'kalturarelatedfilter') return listRelatedAssets(ctx.state, filter);
  return searchAssets(ctx.state, filter);
}

/** `asset.list(filter, pager)` → KalturaAssetListResponse; totalCount counts every match (§2.3). */
function listAssets(ctx: SimCallContext): VendorOutcome {
  const filter = readObject(ctx.params, 'filter');
  if (!filter.ok) return filter;
  const pager = readPager(ctx.params);
  if (!pager.ok) return pager;
  const assets = selectAssets(ctx, filter.value ?? {});
  if (!assets.ok) return assets;
  const page = pageItems(assets.value, pager.value).map((asset) => toVendorAsset(ctx.state.index, asset));
  return ok({ ...listResponse('KalturaAssetListResponse', page), totalCount: assets.value.length });
}

/** Catalogue operations of vendor-sim (anonymous sessions allowed). */
export const catalogOperations: SimOperationTable = {
  'asset.get': { access: 'session', run: getAsset },
  'asset.list': { access: 'session', run: listAssets },
};
