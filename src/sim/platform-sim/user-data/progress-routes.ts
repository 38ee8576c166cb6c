import type { CatalogUser } from '../../../core/catalog';
import type { RouteSpec } from '../http/router';
import { toIso } from '../http/iso-time';
import { ok, problem, type Reply } from '../http/reply';
import { invalid, isUuid, readEnumParam, readListParam, readObjectBody, readPaging, readUuidField, type Read } from '../http/params';
import { requireMember } from '../identity/caller-household';
import { deviceKeyOf, markActive, mayPlay, releaseDevice } from '../playback/activity-state';
import { playbackContexts } from '../playback/playback-decision';
import type { PlatformRequest } from '../platform-request';
import { activatingActions, applyProgressWrite, progressActions, releasingActions, type ProgressAction } from './progress-rules';
import { putProgress, type ProgressItemKind, type ProgressRecord } from './user-data-state';

const itemKinds: readonly ProgressItemKind[] = ['media', 'programme', 'recording'];

/** The wire form of a progress record. */
export function toProgressView(r: ProgressRecord): Record<string, unknown> {
  return {
    userId: r.userId,
    itemId: r.itemId,
    itemKind: r.itemKind,
    positionSeconds: r.positionSeconds,
    finished: r.finished,
    updatedAt: toIso(r.updatedAt),
    ...(r.action !== undefined ? { action: r.action } : {}),
    ...(r.context !== undefined ? { context: r.context } : {}),
    ...(r.fileId !== undefined ? { fileId: r.fileId } : {}),
    ...(r.programmeId !== undefined ? { programmeId: r.programmeId } : {}),
  };
}

function readEnum<T extends string>(value: unknown, allowed: readonly T[], fallback: T | undefined, name: string): Read<T | undefined> {
  if (value === undefined || value === null) return { ok: true, value: fallback };
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) return invalid(`${name} must be one of ${allowed.join(', ')}`);
  return { ok: true, value: value as T };
}

interface ProgressInput {
  readonly positionSeconds: number;
  readonly itemKind: ProgressItemKind;
  readonly action: ProgressAction;
  readonly context?: string;
  readonly fileId?: string;
  readonly programmeId?: string;
}

function readProgressInput(raw: unknown): Read<ProgressInput> {
  const body = readObjectBody(raw);
  if (!body.ok) return body;
  const position = body.value.positionSeconds;
  if (typeof position !== 'number' || !Number.isFinite(position) || position < 0) return invalid('positionSeconds must be a non-negative number');
  const itemKind = readEnum(body.value.itemKind, itemKinds, 'media', 'itemKind');
  if (!itemKind.ok) return itemKind;
  const action = readEnum<ProgressAction>(body.value.action, progressActions, undefined, 'action');
  if (!action.ok) return action;
  if (action.value === undefined) return invalid('action is required');
  const context = readEnum(body.value.context, playbackContexts, undefined, 'context');
  if (!context.ok) return context;
  const fileId = readUuidField(body.value, 'fileId', false);
  if (!fileId.ok) return fileId;
  const programmeId = readUuidField(body.value, 'programmeId', false);
  if (!programmeId.ok) return programmeId;
  return {
    ok: true,
    value: { positionSeconds: position, itemKind: itemKind.value ?? 'media', action: action.value, context: context.value, fileId: fileId.value, programmeId: programmeId.value },
  };
}

/** `userData.putProgress`: lab-rules "Bookmarks" and "Concurrency activity" (409 concurrency_limit). */
function writeProgress(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const entry = req.state.store.byId.get((req.params.itemId ?? '').toLowerCase());
  if (!entry) return problem('not_found', `no item ${req.params.itemId ?? ''}`);
  const read = readProgressInput(req.body);
  if (!read.ok) return read.reply;
  const input = read.value;
  const household = req.state.index.householdByPlatformId.get(member.householdId);
  const deviceKey = deviceKeyOf(req.caller);
  if (deviceKey !== undefined) {
    if (!mayPlay(req.state.activity, member.householdId, deviceKey, household?.concurrentLimit ?? 0, req.nowSec)) return problem('concurrency_limit', 'the household is at its concurrency limit');
    if (activatingActions.has(input.action)) markActive(req.state.activity, member.householdId, deviceKey, req.nowSec);
    if (releasingActions.has(input.action)) releaseDevice(req.state.activity, member.householdId, deviceKey);
  }
  const duration = req.state.index.assetDurationSeconds(entry.item.asset);
  const outcome = applyProgressWrite(input.positionSeconds, input.action, duration);
  const record: ProgressRecord = {
    userId: member.userId,
    itemId: entry.item.id,
    itemKind: input.itemKind,
    ...outcome,
    updatedAt: req.nowSec,
    action: input.action,
    ...(input.context !== undefined ? { context: input.context } : {}),
    ...(input.fileId !== undefined ? { fileId: input.fileId } : {}),
    ...(input.programmeId !== undefined ? { programmeId: input.programmeId } : {}),
  };
  putProgress(req.state.userData, record);
  const view = toProgressView(record);
  const key = `${record.userId}:${record.itemId}:${record.itemKind}`;
  req.state.changes.append({ entity: 'progress', op: 'upsert', key, householdId: member.householdId, userId: member.userId, data: view }, req.origin, req.nowSec);
  return ok(view);
}

/** Users whose progress the caller sees: the default user sees the household, others themselves and the default user. */
function visibleUsers(req: PlatformRequest, userId: string): CatalogUser[] {
  const me = req.state.index.userByPlatformId.get(userId);
  if (!me) return [];
  const members = req.state.index.usersByHousehold.get(me.householdVendorId) ?? [];
  const visible = me.isHouseholdDefault ? members : members.filter((u) => u.platformId === userId || u.isHouseholdDefault);
  // Catalogue user order (numeric user number), as the lab lists bookmarks.
  return [...visible].sort((a, b) => Number(a.vendorId) - Number(b.vendorId) || (a.vendorId < b.vendorId ? -1 : a.vendorId > b.vendorId ? 1 : 0));
}

/** `userData.listProgress`: visible records for the items asked, in the order asked, then by user. */
function listProgress(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const itemIds = readListParam(req.query, 'itemIds');
  if (itemIds.length === 0) return problem('validation_failed', 'itemIds must list at least one item id');
  if (itemIds.length > 500 || !itemIds.every(isUuid)) return problem('validation_failed', 'itemIds must be at most 500 UUIDs');
  const kind = readEnumParam(req.query, 'itemKind', itemKinds);
  if (!kind.ok) return kind.reply;
  const sort = readEnumParam(req.query, 'sort', ['position:asc', 'position:desc'] as const);
  if (!sort.ok) return sort.reply;
  const users = visibleUsers(req, member.userId).map((u) => u.platformId);
  const records: ProgressRecord[] = [];
  for (const itemId of new Set(itemIds.map((id) => id.toLowerCase()))) {
    const forItem = req.state.userData.progressByItem.get(itemId) ?? [];
    for (const userId of users) for (const r of forItem) if (r.userId === userId && (kind.value === undefined || r.itemKind === kind.value)) records.push(r);
  }
  if (sort.value) records.sort((a, b) => (sort.value === 'position:asc' ? 1 : -1) * (a.positionSeconds - b.positionSeconds));
  return ok({ items: records.map(toProgressView), total: records.length });
}

/** `userData.listHistory`: the caller's own progress, most recent first (ties by catalogue order). */
function listHistory(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const paging = readPaging(req.query);
  if (!paging.ok) return paging.reply;
  const own = [...(req.state.userData.progressByUser.get(member.userId)?.values() ?? [])];
  const sortKey = (r: ProgressRecord): number => req.state.store.byId.get(r.itemId)?.item.sortKey ?? 0;
  own.sort((a, b) => b.updatedAt - a.updatedAt || sortKey(a) - sortKey(b));
  const items = own.slice(paging.value.offset, paging.value.offset + paging.value.limit).map((r) => {
    const entry = req.state.store.byId.get(r.itemId);
    const duration = entry ? req.state.index.assetDurationSeconds(entry.item.asset) : 0;
    return { itemId: r.itemId, itemKind: r.itemKind, positionSeconds: r.positionSeconds, durationSeconds: duration, finished: r.finished, watchedAt: toIso(r.updatedAt) };
  });
  return ok({ items, total: own.length, ...paging.value });
}

export const progressRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'PUT', path: '/user-data/v1/progress/:itemId', operationId: 'userData.putProgress', auth: 'bearer', body: true, handle: writeProgress },
  { method: 'GET', path: '/user-data/v1/progress', operationId: 'userData.listProgress', auth: 'bearer', handle: listProgress },
  { method: 'GET', path: '/user-data/v1/history', operationId: 'userData.listHistory', auth: 'bearer', handle: listHistory },
];
