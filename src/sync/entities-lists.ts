/**
 * Personal lists and reminders in the sync (docs/sync.md "Entities"): add/remove sets keyed by
 * content, since each side numbers its items itself — a personal list by user, type, name and
 * query (`<userId>:<listType>:<name>:<query digest>`), a reminder by user and target
 * (`<userId>:asset:<assetId>`, `<userId>:series:<seriesId>:<channel>:<season|all>`). An add carries
 * its side's id (`sideId`) so a later delete by id on that side can be resolved (sync-links.ts);
 * applying is check-then-write against the other side's own list (src/upstream/sync-list-applier.ts).
 */
import { createHash } from 'node:crypto';
import type { CapturedCall, UnstampedChange } from './capture-rules';
import type { EntityExtension, FeedIds } from './entity-extensions';
import type { FeedChange, VendorIdLookup } from './feed-changes';
import { callBase, integerOf, recordOf } from './entity-values';
import { scalarText, type SyncChange } from './sync-types';

/** The key of a personal list's content. */
export function personalListKey(userId: string, v: Readonly<Record<string, unknown>>): string {
  const digest = createHash('sha256').update(scalarText(v.ksql)).digest('hex').slice(0, 16);
  return `${userId}:${scalarText(v.listType, '0')}:${scalarText(v.name)}:${digest}`;
}

/** The key of a reminder's target (`type` ASSET or SERIES, vendor vocabulary). */
export function reminderKey(userId: string, v: Readonly<Record<string, unknown>>): string {
  if (v.type === 'SERIES') return `${userId}:series:${scalarText(v.seriesId)}:${scalarText(v.epgChannelId)}:${v.seasonNumber === undefined ? 'all' : scalarText(v.seasonNumber)}`;
  return `${userId}:asset:${scalarText(v.assetId)}`;
}

/** A personal list's content as changes carry it. */
export function listValue(name: unknown, ksql: unknown, listType: unknown): Record<string, unknown> {
  return { name: scalarText(name), ksql: scalarText(ksql), listType: integerOf(listType) ?? 0 };
}

const capturePersonalListAdd = (call: CapturedCall): UnstampedChange[] => {
  const r = recordOf(call.result);
  const base = callBase(call);
  const value = listValue(r.name, r.ksql, r.partnerListType);
  return integerOf(r.id) === undefined ? [] : [{ entity: 'personalList', op: 'upsert', key: personalListKey(call.caller.userId, value), ...base, value: { ...value, sideId: String(r.id) } }];
};

/** A delete by id only: resolved to its key by the link the add left (sync-links.ts). */
function captureDeleteById(entity: 'personalList' | 'reminder', param: string): (call: CapturedCall) => UnstampedChange[] {
  return (call) => {
    const id = integerOf(call.params[param]);
    return id === undefined ? [] : [{ entity, op: 'delete', key: `?${id}`, ...callBase(call), value: { sideId: String(id), unresolved: true } }];
  };
}

/** A reminder's target as changes carry it (vendor vocabulary), else undefined. */
export function reminderValue(r: Record<string, unknown>): Record<string, unknown> | undefined {
  if (r.type === 'SERIES' || r.objectType === 'KalturaSeriesReminder') {
    const channel = integerOf(r.epgChannelId);
    const season = integerOf(r.seasonNumber);
    return typeof r.seriesId === 'string' && channel !== undefined ? { type: 'SERIES', seriesId: r.seriesId, epgChannelId: channel, ...(season === undefined ? {} : { seasonNumber: season }) } : undefined;
  }
  const assetId = integerOf(r.assetId);
  return assetId === undefined ? undefined : { type: 'ASSET', assetId };
}

const captureReminderAdd = (call: CapturedCall): UnstampedChange[] => {
  const r = recordOf(call.result);
  const value = reminderValue(r);
  if (value === undefined || integerOf(r.id) === undefined) return [];
  return [{ entity: 'reminder', op: 'upsert', key: reminderKey(call.caller.userId, value), ...callBase(call), value: { ...value, sideId: String(r.id) } }];
};

function feedPersonalList(change: FeedChange, ids: FeedIds): UnstampedChange[] {
  const d = recordOf(change.data);
  if (ids.userId === undefined) return [];
  const value = listValue(d.name, d.query, d.listType);
  return [{ entity: 'personalList', op: change.op, key: personalListKey(ids.userId, value), householdId: ids.householdId, userId: ids.userId, source: 'platform', value: change.op === 'delete' ? value : { ...value, sideId: scalarText(d.number) } }];
}

function feedReminder(change: FeedChange, ids: FeedIds, lookup: VendorIdLookup): UnstampedChange[] {
  const d = recordOf(change.data);
  if (ids.userId === undefined) return [];
  const assetId = d.kind === 'programme' ? lookup.toVendor('asset', scalarText(d.itemId)) : undefined;
  const value = d.kind === 'series' ? reminderValue({ ...d, type: 'SERIES' }) : assetId === undefined ? undefined : { type: 'ASSET', assetId: Number(assetId) };
  if (value === undefined) return [];
  return [{ entity: 'reminder', op: change.op, key: reminderKey(ids.userId, value), householdId: ids.householdId, userId: ids.userId, source: 'platform', value: change.op === 'delete' ? value : { ...value, sideId: scalarText(d.number) } }];
}

/** True when a side's item is the one the change names (same key). */
export function isSameItem(change: SyncChange, userId: string, sideValue: Readonly<Record<string, unknown>>): boolean {
  return (change.entity === 'personalList' ? personalListKey(userId, sideValue) : reminderKey(userId, sideValue)) === change.key;
}

/** The personal-list and reminder extensions (applied against each side's list: no single write). */
export const listExtensions: readonly EntityExtension[] = [
  { entity: 'personalList', capture: { 'personallist.add': capturePersonalListAdd, 'personallist.delete': captureDeleteById('personalList', 'personalListId') }, feed: { personalList: feedPersonalList } },
  { entity: 'reminder', capture: { 'reminder.add': captureReminderAdd, 'reminder.delete': captureDeleteById('reminder', 'id') }, feed: { reminder: feedReminder } },
];
