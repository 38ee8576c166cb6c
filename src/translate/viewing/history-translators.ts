/**
 * assetHistory.getNextEpisode → platform userData.getNextEpisode; assetHistory.clean →
 * userData.clearHistory (docs/vendor-decisions.md "Next episode and history clean").
 */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readHistoryCleanFilter, readNextEpisodeRequest } from '../../phoenix/history-requests';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import { epochOf, problemCode, unexpectedReply } from '../platform-reply';
import type { TranslateContext, TranslatorTable } from '../translator';
import { vendorIdOf } from './platform-replies';

interface PlatformNextEpisode {
  readonly itemId: string;
  readonly positionSeconds: number;
  readonly durationSeconds: number;
  readonly finished: boolean;
  readonly watchedAt: string | null;
}

async function getNextEpisode(ctx: TranslateContext): Promise<VendorOutcome> {
  const request = readNextEpisodeRequest(ctx.params);
  if (!request.ok) return request;
  const { target, notWatched, watchedAll } = request.value;
  const query: Record<string, string> = { notWatched, watchedAll };
  if ('seriesId' in target) query.series = target.seriesId;
  else {
    const itemId = ctx.ids.toPlatform('asset', target.assetId);
    if (itemId === undefined) return vendorFailure('NotFound', { objectType: 'Asset' });
    query.itemId = itemId;
  }
  const reply = await ctx.platform.call({ method: 'GET', path: '/user-data/v1/next-episode', query });
  if (reply.status === 404) return vendorFailure('NotFound', { objectType: problemCode(reply) === 'no_episode' ? 'Episode' : 'Asset' });
  if (reply.status !== 200) throw unexpectedReply('userData.getNextEpisode', reply);
  const next = reply.body as PlatformNextEpisode;
  return ok({
    objectType: 'KalturaAssetHistory',
    assetId: Number(vendorIdOf(ctx, 'asset', next.itemId)),
    assetType: 'media',
    position: next.positionSeconds,
    duration: next.durationSeconds,
    watchedDate: epochOf(next.watchedAt),
    finishedWatching: next.finished,
  });
}

/** The filter in platform terms; asset ids the platform does not know match nothing. */
async function cleanHistory(ctx: TranslateContext): Promise<VendorOutcome> {
  const filter = readHistoryCleanFilter(ctx.params);
  if (!filter.ok) return filter;
  const { assetIds, status, days } = filter.value;
  const itemIds = assetIds.map((id) => ctx.ids.toPlatform('asset', id)).filter((id): id is string => id !== undefined);
  if (assetIds.length > 0 && itemIds.length === 0) return ok(null);
  const query: Record<string, string> = {};
  if (itemIds.length > 0) query.itemIds = itemIds.join(',');
  if (status !== undefined) query.status = status;
  if (days !== undefined) query.watchedSince = new Date((ctx.nowSec - days * 86400) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const reply = await ctx.platform.call({ method: 'DELETE', path: '/user-data/v1/history', query });
  if (reply.status !== 204) throw unexpectedReply('userData.clearHistory', reply);
  return ok(null);
}

export const historyTranslators: TranslatorTable = {
  'assethistory.getnextepisode': { access: 'user', run: getNextEpisode },
  'assethistory.clean': { access: 'user', run: cleanHistory },
};
