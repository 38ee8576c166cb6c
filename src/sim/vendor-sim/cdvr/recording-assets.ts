import type { CatalogLiveChannel, CatalogProgram } from '../../../core/catalog';
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { isPlayableRecording, parseRecordingId, toKalturaRecordingAsset } from '../../../phoenix/recording-objects';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import { getRecording, type RecordingView } from '../../cdvr/cdvr-book';
import { toProgramAsset } from '../catalog/map-asset';
import type { SimCallContext } from '../sim-operation';
import { toRecordingFields } from './recording-operations';

function findOwnRecording(ctx: SimCallContext, id: string): RecordingView | undefined {
  const recordingId = parseRecordingId(id);
  if (recordingId === undefined || ctx.session?.type !== 'user') return undefined;
  return getRecording(ctx.state.index, ctx.state.cdvr, String(ctx.session.householdId), recordingId, ctx.nowSec);
}

/** `asset.get(id, npvr)`: the household's recording as a KalturaRecordingAsset; anything else → 500007. */
export function getRecordingAsset(ctx: SimCallContext, id: string): VendorOutcome {
  const view = findOwnRecording(ctx, id);
  if (view === undefined) return vendorFailure('NotFound', { objectType: 'Asset' });
  return ok(toKalturaRecordingAsset(toProgramAsset(ctx.state.index, view.program), toRecordingFields(view)));
}

/**
 * `getPlaybackContext(assetType recording)`: the recorded programme and the channel whose files
 * play it; not the household's → 3039, not recording or recorded yet → 3043.
 */
export function findRecordingPlayback(ctx: SimCallContext, id: string): VendorOutcome<{ program: CatalogProgram; channel: CatalogLiveChannel }> {
  const view = findOwnRecording(ctx, id);
  if (view === undefined) return vendorFailure('RecordingNotFound');
  if (!isPlayableRecording(view.status)) return vendorFailure('RecordingStatusNotValid');
  const channel = ctx.state.index.assetByVendorId.get(view.program.channelVendorId);
  if (channel?.kind !== 'live') return vendorFailure('RecordingNotFound');
  return ok({ program: view.program, channel });
}
