/** Recordings as assets: asset.get(npvr) and getPlaybackContext(recording) (docs/vendor-decisions.md "Cloud DVR"). */
import type { components } from '../../../contracts/generated/platform';
import { err, ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { isPlayableRecording, parseRecordingId, toKalturaRecordingAsset } from '../../phoenix/recording-objects';
import { vendorError, vendorFailure } from '../../phoenix/vendor-error-builder';
import { fetchItem } from '../catalog/fetch-item';
import { toVendorAsset } from '../catalog/item-to-asset';
import { expectOk, isNotFound } from '../platform-reply';
import type { TranslateContext } from '../translator';
import { toRecordingFields } from './recording-translators';

type PlatformRecording = components['schemas']['Recording'];

/** The caller household's recording (`cdvr.getRecording`), or undefined for guests and unknown ids. */
async function fetchOwnRecording(ctx: TranslateContext, id: string): Promise<PlatformRecording | undefined> {
  const number = parseRecordingId(id);
  if (number === undefined || ctx.session?.type !== 'user') return undefined;
  const reply = await ctx.platform.call({ method: 'GET', path: `/cdvr/v1/recordings/${number}` });
  return isNotFound(reply) ? undefined : expectOk<PlatformRecording>('cdvr.getRecording', reply);
}

/** `asset.get(id, npvr)` → KalturaRecordingAsset from the recording and its programme (`catalog.getItem`); else 500007. */
export async function getRecordingAsset(ctx: TranslateContext, id: string): Promise<VendorOutcome> {
  const recording = await fetchOwnRecording(ctx, id);
  const item = recording === undefined ? undefined : await fetchItem(ctx.platform, recording.itemId);
  if (recording === undefined || item === undefined) return vendorFailure('NotFound', { objectType: 'Asset' });
  return ok(toKalturaRecordingAsset(toVendorAsset(ctx.ids, item), toRecordingFields(ctx, recording)));
}

/** The programme item a recording plays (through its channel's files); 3039 when not the household's, 3043 before it records. */
export async function findRecordingItem(ctx: TranslateContext, id: string): Promise<VendorOutcome<string>> {
  const recording = await fetchOwnRecording(ctx, id);
  if (recording === undefined) return err(vendorError('RecordingNotFound'));
  if (!isPlayableRecording(toRecordingFields(ctx, recording).status)) return err(vendorError('RecordingStatusNotValid'));
  return ok(recording.itemId);
}
