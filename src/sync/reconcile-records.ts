/**
 * Reconcile's records of the entities added for the device API (docs/sync.md "Reconcile"). The side
 * readers (src/upstream/sync-settings-reads.ts, sync-dvr-list-reads.ts) build them from each side's
 * lists, keyed and valued exactly as capture keys the entity's changes (entities-*.ts), so a side's
 * record, a captured change and its register meet on one key and compare on one value.
 * `userId` on a record is the user a repair is written as (a member of the household for household
 * scopes and recordings, which belong to the household).
 */
import { listValue, personalListKey, reminderKey, reminderValue } from './entities-lists';
import { seriesKey, seriesValue } from './entities-recordings';
import { fieldValue, syncedProfileFields } from './profile-changes';
import type { SideRecord } from './sync-ports';

type Scope = 'user' | 'household';

/** A PIN set at a scope (`owner`: the user's or the household's id). */
export function pinRecord(by: Scope, owner: string, type: string, pin: string, actingUser: string): SideRecord {
  return { key: `${by}:${owner}:${type}`, userId: actingUser, value: { by, type, pin } };
}

/** A parental rule switched on at a scope. */
export function parentalRecord(by: Scope, owner: string, ruleId: number, actingUser: string): SideRecord {
  return { key: `${by}:${owner}:${ruleId}`, userId: actingUser, value: { by, ruleId } };
}

/** A user's synced profile fields: a text field a side leaves empty reads as ''; a country it lacks is absent. */
export function profileRecords(userId: string, fields: Readonly<Record<string, unknown>>, atMs: number | undefined): SideRecord[] {
  return syncedProfileFields.flatMap((field) => {
    const raw = fields[field];
    const value = fieldValue(field, field !== 'countryId' && (raw === null || raw === undefined) ? '' : raw);
    const at = atMs === undefined || Number.isNaN(atMs) ? {} : { atMs };
    return value === undefined ? [] : [{ key: `${userId}:${field}`, userId, value: { field, value }, ...at }];
  });
}

/** A recording as a side lists it (vendor ids; `origin` single, series or season). */
export interface ListedRecording {
  readonly assetId: number;
  readonly status: string;
  readonly isProtected: boolean;
  readonly origin: string;
  readonly atMs?: number;
}

const liveStatuses = ['SCHEDULED', 'RECORDING'];
const heldStatuses = [...liveStatuses, 'RECORDED'];

/**
 * A household's own recording of a programme, else undefined: cancelled, deleted and failed ones
 * have left the list (as the sync treats them), and recordings a series recording made are that
 * series' (each side makes its own when the series recording reaches it), so they are not compared.
 */
export function recordingRecord(householdId: string, r: ListedRecording, actingUser: string): SideRecord | undefined {
  const status = r.status.toUpperCase();
  if (!heldStatuses.includes(status) || r.origin.toUpperCase() !== 'SINGLE' || r.assetId < 0) return undefined;
  // Removed from the side that still holds it as a device would: a scheduled one cancelled, a recorded one deleted.
  const removeAs = liveStatuses.includes(status)
    ? { op: 'upsert' as const, value: { assetId: r.assetId, action: 'cancel' } }
    : { op: 'delete' as const, value: { assetId: r.assetId, action: 'delete' } };
  const at = r.atMs === undefined || Number.isNaN(r.atMs) ? {} : { atMs: r.atMs };
  return { key: `${householdId}:${r.assetId}`, userId: actingUser, value: { assetId: r.assetId, action: r.isProtected ? 'protect' : 'add' }, removeAs, ...at };
}

/** A series recording as a side lists it (vendor ids; `type` SERIES or SEASON). */
export interface ListedSeries {
  readonly epgId: number;
  readonly seriesId: string;
  readonly channelId: number;
  readonly type: string;
  readonly seasonNumber?: number;
}

/** A household's series (or season) recording, else undefined (its programme not in vendor ids). */
export function seriesRecord(householdId: string, s: ListedSeries, actingUser: string): SideRecord | undefined {
  if (s.epgId < 0) return undefined;
  const season = s.type.toUpperCase() === 'SEASON' ? s.seasonNumber : undefined;
  return { key: seriesKey(householdId, s.seriesId, s.channelId, season), userId: actingUser, value: seriesValue(s.epgId, s.seriesId, s.channelId, season) };
}

/** An item of a side's list with the side's own id. */
export interface ListedItem {
  readonly id: number;
  readonly value: Readonly<Record<string, unknown>>;
}

/** A user's personal list, with its side's id (`sideId`, linked by reconcile: sync-links.ts). */
export function personalListRecord(userId: string, item: ListedItem): SideRecord {
  const value = listValue(item.value.name, item.value.ksql, item.value.listType);
  return { key: personalListKey(userId, value), userId, value: { ...value, sideId: String(item.id) } };
}

/** A user's reminder, with its side's id; undefined when its target is not in vendor ids. */
export function reminderRecord(userId: string, item: ListedItem): SideRecord | undefined {
  const value = reminderValue({ ...item.value });
  if (value === undefined || (value.type === 'ASSET' && Number(value.assetId) < 0)) return undefined;
  return { key: reminderKey(userId, value), userId, value: { ...value, sideId: String(item.id) } };
}
