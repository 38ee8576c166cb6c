/** assetHistory.getNextEpisode / clean (docs/lab-rules.md "Next episode", "History clean"). */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { matchesCleanFilter, readHistoryCleanFilter, readNextEpisodeRequest } from '../../../phoenix/history-requests';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import { pickNextEpisode, seriesEpisodes, seriesOf } from '../../catalog/next-episode';
import type { SimCallContext, SimOperationTable } from '../sim-operation';
import { bookmarkKey } from './viewing-state';

function getNextEpisode(ctx: SimCallContext): VendorOutcome {
  const request = readNextEpisodeRequest(ctx.params);
  if (!request.ok) return request;
  const { target } = request.value;
  let series: string | undefined;
  if ('seriesId' in target) series = target.seriesId;
  else {
    const asset = ctx.state.index.assetByVendorId.get(target.assetId);
    if (asset === undefined) return vendorFailure('NotFound', { objectType: 'Asset' });
    series = seriesOf(asset);
  }
  const userId = ctx.session?.userId ?? '';
  const bookmarks = ctx.state.viewing.bookmarks;
  const progressOf = (episodeId: number) => {
    const b = bookmarks.get(bookmarkKey(userId, 'media', episodeId));
    return b === undefined ? undefined : { positionSeconds: b.position, finished: b.finishedWatching, updatedAt: b.updateDate };
  };
  const episodes = series === undefined ? [] : seriesEpisodes(ctx.state.catalog, series);
  const next = pickNextEpisode(episodes, (e) => progressOf(e.vendorId), request.value);
  if (next === undefined) return vendorFailure('NotFound', { objectType: 'Episode' });
  const progress = progressOf(next.vendorId);
  return ok({
    objectType: 'KalturaAssetHistory',
    assetId: next.vendorId,
    assetType: 'media',
    position: progress?.positionSeconds ?? 0,
    duration: ctx.state.index.assetDurationSeconds(next),
    watchedDate: progress?.updatedAt ?? 0,
    finishedWatching: progress?.finished ?? false,
  });
}

/** Removes the caller's history (bookmarks) the filter matches; answers null, as a void action. */
function cleanHistory(ctx: SimCallContext): VendorOutcome {
  const filter = readHistoryCleanFilter(ctx.params);
  if (!filter.ok) return filter;
  const userId = ctx.session?.userId ?? '';
  for (const [key, b] of ctx.state.viewing.bookmarks) {
    if (b.userVendorId !== userId) continue;
    if (matchesCleanFilter(filter.value, { assetId: b.assetVendorId, finished: b.finishedWatching, watchedAt: b.updateDate }, ctx.nowSec)) ctx.state.viewing.bookmarks.delete(key);
  }
  return ok(null);
}

export const historyOperations: SimOperationTable = {
  'assethistory.getnextepisode': { access: 'user', run: getNextEpisode },
  'assethistory.clean': { access: 'user', run: cleanHistory },
};
