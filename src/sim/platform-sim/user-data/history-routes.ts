import type { CatalogVodAsset } from '../../../core/catalog';
import { pickNextEpisode, seriesEpisodes, seriesOf, type NotWatchedStrategy, type WatchedAllStrategy } from '../../catalog/next-episode';
import { toIso } from '../http/iso-time';
import type { RouteSpec } from '../http/router';
import { noContent, ok, problem, type Reply } from '../http/reply';
import { isUuid, readEnumParam, readListParam } from '../http/params';
import { requireMember } from '../identity/caller-household';
import type { PlatformRequest } from '../platform-request';
import type { ProgressRecord } from './user-data-state';

/** `userData.getNextEpisode`: docs/lab-rules.md "Next episode", over the caller's media progress. */
function getNextEpisode(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const notWatched = readEnumParam<NotWatchedStrategy>(req.query, 'notWatched', ['RETURN_FIRST_EPISODE', 'RETURN_NO_NEXT_EPISODE'], 'RETURN_FIRST_EPISODE');
  if (!notWatched.ok) return notWatched.reply;
  const watchedAll = readEnumParam<WatchedAllStrategy>(req.query, 'watchedAll', ['RETURN_FIRST_EPISODE', 'RETURN_LAST_EPISODE', 'RETURN_NO_NEXT_EPISODE'], 'RETURN_NO_NEXT_EPISODE');
  if (!watchedAll.ok) return watchedAll.reply;
  let series = req.query.get('series') ?? undefined;
  const itemId = req.query.get('itemId');
  if (series === undefined) {
    if (itemId === null || !isUuid(itemId)) return problem('validation_failed', 'series or a UUID itemId is required');
    const entry = req.state.store.byId.get(itemId.toLowerCase());
    if (entry === undefined) return problem('not_found', `no item ${itemId}`);
    series = seriesOf(entry.item.asset);
  }
  const own = req.state.userData.progressByUser.get(member.userId);
  const progressOf = (episode: CatalogVodAsset): ProgressRecord | undefined => own?.get(`${episode.platformId}|media`);
  const episodes = series === undefined ? [] : seriesEpisodes(req.state.catalog, series);
  const strategies = { notWatched: notWatched.value ?? 'RETURN_FIRST_EPISODE', watchedAll: watchedAll.value ?? 'RETURN_NO_NEXT_EPISODE' };
  const next = pickNextEpisode(episodes, (e) => {
    const r = progressOf(e);
    return r === undefined ? undefined : { positionSeconds: r.positionSeconds, finished: r.finished, updatedAt: r.updatedAt };
  }, strategies);
  if (next === undefined) return problem('no_episode', 'no episode to play next');
  const progress = progressOf(next);
  return ok({
    itemId: next.platformId,
    positionSeconds: progress?.positionSeconds ?? 0,
    durationSeconds: req.state.index.assetDurationSeconds(next),
    finished: progress?.finished ?? false,
    watchedAt: progress === undefined ? null : toIso(progress.updatedAt),
  });
}

/** `userData.clearHistory`: removes the caller's progress records the filters match (all of them without filters). */
function clearHistory(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const status = readEnumParam(req.query, 'status', ['all', 'done', 'progress'] as const, 'all');
  if (!status.ok) return status.reply;
  const itemIds = new Set(readListParam(req.query, 'itemIds').map((id) => id.toLowerCase()));
  const sinceText = req.query.get('watchedSince');
  const since = sinceText === null ? undefined : Date.parse(sinceText) / 1000;
  if (since !== undefined && Number.isNaN(since)) return problem('validation_failed', 'watchedSince must be ISO 8601');
  const own = req.state.userData.progressByUser.get(member.userId);
  for (const [key, r] of own ?? []) {
    if (itemIds.size > 0 && !itemIds.has(r.itemId)) continue;
    if ((status.value === 'done' && !r.finished) || (status.value === 'progress' && r.finished)) continue;
    if (since !== undefined && r.updatedAt < since) continue;
    own?.delete(key);
    const list = req.state.userData.progressByItem.get(r.itemId);
    if (list !== undefined) req.state.userData.progressByItem.set(r.itemId, list.filter((x) => x !== r));
    const changeKey = `${r.userId}:${r.itemId}:${r.itemKind}`;
    req.state.changes.append({ entity: 'progress', op: 'delete', key: changeKey, householdId: member.householdId, userId: member.userId, data: { itemId: r.itemId, itemKind: r.itemKind } }, req.origin, req.nowSec);
  }
  return noContent();
}

export const historyRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'GET', path: '/user-data/v1/next-episode', operationId: 'userData.getNextEpisode', auth: 'bearer', handle: getNextEpisode },
  { method: 'DELETE', path: '/user-data/v1/history', operationId: 'userData.clearHistory', auth: 'bearer', handle: clearHistory },
];
