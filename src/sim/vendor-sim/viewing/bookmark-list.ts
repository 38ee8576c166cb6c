import type { VendorOutcome } from '../../../core/vendor-error';
import { ok } from '../../../core/result';
import { listResponse } from '../../../phoenix/pager';
import { readEnum, readIdList, readObject, readString } from '../../../phoenix/param-readers';
import type { SimCallContext, SimSession } from '../sim-operation';
import type { StoredBookmark } from './viewing-state';

const assetTypes = ['media', 'epg', 'recording'] as const;

/** Users whose bookmarks the caller sees (brief §5.4 visibility rule, docs/lab-rules.md "Bookmarks"). */
function visibleUsers(ctx: SimCallContext, session: SimSession): ReadonlySet<string> {
  const members = ctx.state.index.usersByHousehold.get(session.householdId) ?? [];
  const defaults = members.filter((u) => u.isHouseholdDefault).map((u) => u.vendorId);
  if (defaults.includes(session.userId)) return new Set(members.map((u) => u.vendorId));
  return new Set([session.userId, ...defaults]);
}

function compareUserIds(a: string, b: string): number {
  const byNumber = Number(a) - Number(b);
  if (Number.isFinite(byNumber) && byNumber !== 0) return byNumber;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** KalturaBookmark; `id` is the asset id as a string, `positionOwner` always "user" (lab rule). */
function toVendorBookmark(b: StoredBookmark): object {
  return {
    objectType: 'KalturaBookmark',
    id: String(b.assetVendorId),
    type: b.assetType,
    userId: b.userVendorId,
    position: b.position,
    positionOwner: 'user',
    finishedWatching: b.finishedWatching,
  };
}

/**
 * `bookmark.list(filter)`: `assetIdIn` required non-empty (50027); default order = the order of
 * `assetIdIn`, then user id; POSITION_ASC / POSITION_DESC sort by position first.
 */
export function listBookmarks(ctx: SimCallContext): VendorOutcome {
  const session = ctx.session;
  const filter = readObject(ctx.params, 'filter');
  if (!filter.ok) return filter;
  const source = filter.value ?? {};
  const ids = readIdList(source, 'assetIdIn', { nonEmpty: true, label: 'filter.assetIdIn' });
  if (!ids.ok) return ids;
  const type = readEnum(source, 'assetTypeEqual', assetTypes, { label: 'filter.assetTypeEqual' });
  if (!type.ok) return type;
  const orderBy = readString(source, 'orderBy', { label: 'filter.orderBy' });
  if (!orderBy.ok) return orderBy;
  if (session === null) return ok(listResponse('KalturaBookmarkListResponse', []));
  const users = visibleUsers(ctx, session);
  const rank = new Map<number, number>();
  ids.value.forEach((id, i) => (rank.has(id) ? undefined : rank.set(id, i)));
  const found = [...ctx.state.viewing.bookmarks.values()].filter(
    (b) => users.has(b.userVendorId) && rank.has(b.assetVendorId) && (type.value === undefined || b.assetType === type.value),
  );
  const byRequest = (a: StoredBookmark, b: StoredBookmark) => (rank.get(a.assetVendorId) ?? 0) - (rank.get(b.assetVendorId) ?? 0) || compareUserIds(a.userVendorId, b.userVendorId);
  const order = orderBy.value?.toUpperCase();
  const byPosition = (a: StoredBookmark, b: StoredBookmark) => (order === 'POSITION_ASC' ? a.position - b.position : order === 'POSITION_DESC' ? b.position - a.position : 0);
  found.sort((a, b) => byPosition(a, b) || byRequest(a, b));
  return ok(listResponse('KalturaBookmarkListResponse', found.map(toVendorBookmark)));
}
