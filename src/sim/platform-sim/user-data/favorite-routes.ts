import type { RouteSpec } from '../http/router';
import { toIso } from '../http/iso-time';
import { noContent, ok, problem, type Reply } from '../http/reply';
import { readEnumParam, readListParam, readObjectBody, readPaging, readStringField } from '../http/params';
import { requireMember } from '../identity/caller-household';
import type { PlatformRequest } from '../platform-request';
import type { FavoriteRecord } from './user-data-state';

function toFavoriteView(f: FavoriteRecord): Record<string, unknown> {
  return { itemId: f.itemId, note: f.note, createdAt: toIso(f.createdAt) };
}

/** `userData.listFavorites`: newest first by default, ties by catalogue order (lab-rules "Favorites"). */
function listFavorites(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const sort = readEnumParam(req.query, 'sort', ['createdAt:desc', 'createdAt:asc'] as const, 'createdAt:desc');
  if (!sort.ok) return sort.reply;
  const paging = readPaging(req.query);
  if (!paging.ok) return paging.reply;
  const only = new Set(readListParam(req.query, 'itemIds').map((id) => id.toLowerCase()));
  const mediaTypeText = req.query.get('mediaTypeId');
  const mediaTypeId = mediaTypeText === null || mediaTypeText === '' ? undefined : Number(mediaTypeText);
  if (mediaTypeId !== undefined && !Number.isInteger(mediaTypeId)) return problem('validation_failed', 'mediaTypeId must be an integer');
  const store = req.state.store;
  const sign = sort.value === 'createdAt:asc' ? 1 : -1;
  const favorites = [...(req.state.userData.favoritesByUser.get(member.userId)?.values() ?? [])]
    .filter((f) => only.size === 0 || only.has(f.itemId))
    .filter((f) => mediaTypeId === undefined || store.byId.get(f.itemId)?.item.mediaTypeId === mediaTypeId)
    .sort((a, b) => sign * (a.createdAt - b.createdAt) || (store.byId.get(a.itemId)?.item.sortKey ?? 0) - (store.byId.get(b.itemId)?.item.sortKey ?? 0));
  const { offset, limit } = paging.value;
  return ok({ items: favorites.slice(offset, offset + limit).map(toFavoriteView), total: favorites.length, offset, limit });
}

/** `userData.putFavorite`: adding again keeps `createdAt` and replaces the note. */
function putFavorite(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const entry = req.state.store.byId.get((req.params.itemId ?? '').toLowerCase());
  if (!entry) return problem('not_found', `no item ${req.params.itemId ?? ''}`);
  const body = readObjectBody(req.body ?? {});
  if (!body.ok) return body.reply;
  const note = readStringField(body.value, 'note', false, 4096);
  if (!note.ok) return note.reply;
  const favorites = req.state.userData.favoritesByUser.get(member.userId) ?? new Map<string, FavoriteRecord>();
  req.state.userData.favoritesByUser.set(member.userId, favorites);
  const existing = favorites.get(entry.item.id);
  const record: FavoriteRecord = { itemId: entry.item.id, note: note.value ?? '', createdAt: existing?.createdAt ?? req.nowSec };
  favorites.set(record.itemId, record);
  const view = toFavoriteView(record);
  const key = `${member.userId}:${record.itemId}`;
  req.state.changes.append({ entity: 'favorite', op: 'upsert', key, householdId: member.householdId, userId: member.userId, data: view }, req.origin, req.nowSec);
  return ok(view, existing ? 200 : 201);
}

/** `userData.deleteFavorite`: deleting an absent favorite succeeds too. */
function deleteFavorite(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const itemId = (req.params.itemId ?? '').toLowerCase();
  const favorites = req.state.userData.favoritesByUser.get(member.userId);
  if (favorites?.delete(itemId)) {
    const key = `${member.userId}:${itemId}`;
    req.state.changes.append({ entity: 'favorite', op: 'delete', key, householdId: member.householdId, userId: member.userId, data: { itemId } }, req.origin, req.nowSec);
  }
  return noContent();
}

export const favoriteRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'GET', path: '/user-data/v1/favorites', operationId: 'userData.listFavorites', auth: 'bearer', handle: listFavorites },
  { method: 'PUT', path: '/user-data/v1/favorites/:itemId', operationId: 'userData.putFavorite', auth: 'bearer', body: true, handle: putFavorite },
  { method: 'DELETE', path: '/user-data/v1/favorites/:itemId', operationId: 'userData.deleteFavorite', auth: 'bearer', handle: deleteFavorite },
];
