import { toIso } from '../http/iso-time';
import type { RouteSpec } from '../http/router';
import { noContent, ok, problem, type Reply } from '../http/reply';
import { isUuid, readEnumParam, readListParam, readObjectBody, readPaging, readStringField } from '../http/params';
import { requireMember } from '../identity/caller-household';
import type { PlatformRequest } from '../platform-request';
import { maxReminders, recordsOf, type ReminderRecord } from './list-store';

function toView(r: ReminderRecord): Record<string, unknown> {
  const base = { number: r.number, kind: r.kind, name: r.name, createdAt: toIso(r.createdAt) };
  if (r.kind === 'programme') return { ...base, itemId: r.itemId, startsAt: toIso(r.startsAt) };
  return { ...base, seriesId: r.seriesId, ...(r.seasonNumber === undefined ? {} : { seasonNumber: r.seasonNumber }), epgChannelId: r.epgChannelId };
}

type Target = { kind: 'programme'; itemId: string } | { kind: 'series'; seriesId: string; seasonNumber?: number; epgChannelId: number };

function readTarget(body: Record<string, unknown>): Target | Reply {
  if (body.kind === 'programme') return isUuid(body.itemId) ? { kind: 'programme', itemId: body.itemId.toLowerCase() } : problem('validation_failed', 'itemId must be a UUID');
  if (body.kind !== 'series') return problem('validation_failed', 'kind must be programme or series');
  const seriesId = readStringField(body, 'seriesId', true, 256);
  if (!seriesId.ok) return seriesId.reply;
  const { seasonNumber, epgChannelId } = body;
  if (!Number.isInteger(epgChannelId)) return problem('validation_failed', 'epgChannelId must be an integer');
  if (seasonNumber !== undefined && !Number.isInteger(seasonNumber)) return problem('validation_failed', 'seasonNumber must be an integer');
  return { kind: 'series', seriesId: seriesId.value ?? '', epgChannelId: epgChannelId as number, ...(seasonNumber === undefined ? {} : { seasonNumber: seasonNumber as number }) };
}

function sameTarget(r: ReminderRecord, t: Target): boolean {
  if (r.kind === 'programme' || t.kind === 'programme') return r.kind === 'programme' && t.kind === 'programme' && r.itemId === t.itemId;
  return r.seriesId === t.seriesId && r.seasonNumber === t.seasonNumber && r.epgChannelId === t.epgChannelId;
}

/** The record to store; a target that is not a programme (or a known EPG channel) → invalid_reminder_target. */
function describe(req: PlatformRequest, number: number, t: Target): ReminderRecord | Reply {
  if (t.kind === 'programme') {
    const item = req.state.store.byId.get(t.itemId)?.item;
    if (item?.kind !== 'programme') return problem('invalid_reminder_target', 'reminders are for programmes');
    return { number, kind: 'programme', name: item.title, itemId: t.itemId, startsAt: item.asset.startDate, createdAt: req.nowSec };
  }
  if (!req.state.index.channelByEpgChannelId.has(t.epgChannelId)) return problem('invalid_reminder_target', `no EPG channel ${t.epgChannelId}`);
  return { number, name: t.seriesId, ...t, createdAt: req.nowSec };
}

/** `userData.createReminder`: the same target again answers the stored reminder (200). */
function createReminder(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const body = readObjectBody(req.body);
  if (!body.ok) return body.reply;
  const target = readTarget(body.value);
  if ('status' in target) return target;
  const own = recordsOf(req.state.lists.reminders, member.userId);
  const existing = own.find((r) => sameTarget(r, target));
  if (existing !== undefined) return ok(toView(existing));
  const record = describe(req, req.state.lists.nextReminder, target);
  if ('status' in record) return record;
  if (own.length >= maxReminders) return problem('list_limit_exceeded', `at most ${maxReminders} reminders`);
  req.state.lists.nextReminder++;
  own.push(record);
  req.state.changes.append({ entity: 'reminder', op: 'upsert', key: `${member.userId}:${record.number}`, householdId: member.householdId, userId: member.userId, data: toView(record) }, req.origin, req.nowSec);
  return ok(toView(record), 201);
}

/** `userData.listReminders`: one kind, programmes by start time, series by number. */
function listReminders(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const kind = readEnumParam(req.query, 'kind', ['programme', 'series'] as const, 'programme');
  if (!kind.ok) return kind.reply;
  const paging = readPaging(req.query);
  if (!paging.ok) return paging.reply;
  const seriesIds = readListParam(req.query, 'seriesIds');
  const channelText = req.query.get('epgChannelId');
  const channel = channelText === null || channelText === '' ? undefined : Number(channelText);
  const startOf = (r: ReminderRecord): number => (r.kind === 'programme' ? r.startsAt : 0);
  const found = (req.state.lists.reminders.get(member.userId) ?? [])
    .filter((r) => r.kind === kind.value)
    .filter((r) => r.kind !== 'series' || ((seriesIds.length === 0 || seriesIds.includes(r.seriesId)) && (channel === undefined || channel === r.epgChannelId)))
    .sort((a, b) => startOf(a) - startOf(b) || a.number - b.number);
  const { offset, limit } = paging.value;
  return ok({ items: found.slice(offset, offset + limit).map(toView), total: found.length, offset, limit });
}

function deleteReminder(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const kind = readEnumParam(req.query, 'kind', ['programme', 'series'] as const);
  if (!kind.ok) return kind.reply;
  const own = req.state.lists.reminders.get(member.userId) ?? [];
  const at = own.findIndex((r) => String(r.number) === req.params.number && (kind.value === undefined || r.kind === kind.value));
  if (at < 0) return problem('not_found', `no reminder ${req.params.number ?? ''}`);
  const [removed] = own.splice(at, 1);
  if (removed !== undefined) req.state.changes.append({ entity: 'reminder', op: 'delete', key: `${member.userId}:${removed.number}`, householdId: member.householdId, userId: member.userId, data: toView(removed) }, req.origin, req.nowSec);
  return noContent();
}

export const reminderRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'GET', path: '/user-data/v1/reminders', operationId: 'userData.listReminders', auth: 'bearer', handle: listReminders },
  { method: 'POST', path: '/user-data/v1/reminders', operationId: 'userData.createReminder', auth: 'bearer', body: true, handle: createReminder },
  { method: 'DELETE', path: '/user-data/v1/reminders/:number', operationId: 'userData.deleteReminder', auth: 'bearer', handle: deleteReminder },
];
