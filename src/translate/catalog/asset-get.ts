import type { VendorOutcome } from '../../core/vendor-error';
import { ok } from '../../core/result';
import { readEnum, readString } from '../../phoenix/param-readers';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { TranslateContext, TranslatorSpec } from '../translator';
import { fetchItem, toPlatformItemId } from './fetch-item';
import { toVendorAsset } from './item-to-asset';
import { getRecordingAsset } from '../cdvr/recording-assets';

const referenceTypes = ['media', 'epg_internal', 'epg_external', 'npvr'] as const;

/**
 * `asset.get(id, assetReferenceType)` (brief §5.2): media names VOD assets and channels, epg_* a
 * programme, npvr one of the household's recordings (cdvr/recording-assets). Anything else → 500007.
 */
async function getAsset(ctx: TranslateContext): Promise<VendorOutcome> {
  const id = readString(ctx.params, 'id', { required: true });
  if (!id.ok) return id;
  const referenceType = readEnum(ctx.params, 'assetReferenceType', referenceTypes);
  if (!referenceType.ok) return referenceType;
  const type = referenceType.value ?? 'media';
  if (type === 'npvr') return getRecordingAsset(ctx, id.value);
  const itemId = toPlatformItemId(ctx.ids, id.value);
  const item = itemId === undefined ? undefined : await fetchItem(ctx.platform, itemId);
  if (item === undefined || (item.kind === 'programme') !== (type !== 'media')) return vendorFailure('NotFound', { objectType: 'Asset' });
  return ok(toVendorAsset(ctx.ids, item));
}

/** `asset.get` through `catalog.getItem`. */
export const assetGetTranslator: TranslatorSpec = { access: 'session', run: getAsset };
