import type { RouteSpec } from '../http/router';
import { ok, type Reply } from '../http/reply';
import { readIntParam } from '../http/params';
import type { PlatformRequest } from '../platform-request';
import type { ItemRecord } from './item-records';

/** The lab has one lineup for every region (docs/lab-rules.md "Lineup"). */
const labLineupId = 'lab-lineup';

function channelNumberOf(item: ItemRecord): number {
  const meta = item.asset.metas.ChannelNumber;
  return meta?.kind === 'number' ? meta.value : Number.MAX_SAFE_INTEGER;
}

/** `catalog.getLineup`: the live channels by channel number (ties by sortKey), paged by offset/limit. */
function getLineup(req: PlatformRequest): Reply {
  const offset = readIntParam(req.query, 'offset', 0, Number.MAX_SAFE_INTEGER);
  if (!offset.ok) return offset.reply;
  const limit = readIntParam(req.query, 'limit', 100, 2000);
  if (!limit.ok) return limit.reply;
  const channels = req.state.store.all
    .map((e) => e.item)
    .filter((item) => item.kind === 'live')
    .sort((a, b) => channelNumberOf(a) - channelNumberOf(b) || a.sortKey - b.sortKey);
  const page = channels.slice(offset.value, offset.value + limit.value);
  return ok({ lineupId: labLineupId, parentLineupId: '', items: page.map((item) => ({ channelNumber: channelNumberOf(item), item: item.view })), total: channels.length, offset: offset.value, limit: limit.value });
}

export const lineupRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'GET', path: '/catalog/v1/lineup', operationId: 'catalog.getLineup', auth: 'bearer', handle: getLineup },
];
