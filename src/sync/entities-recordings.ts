/**
 * Cloud DVR recordings in the sync (docs/sync.md "Entities"). A recording is keyed by household and
 * programme (`<householdId>:<programId>`), a series recording by household, series, channel and
 * season (`<householdId>:<seriesId>:<channelId>:<season|all>`): each side numbers its recordings
 * itself, so ids never travel. The change names the action (add, cancel, protect, delete); last
 * writer wins per key. Applying is check-then-write against the side's own list
 * (`planRecordingSteps`, src/upstream/sync-recording-applier.ts), which makes it idempotent: a
 * recording already there is not added twice, one already protected is left alone, one already
 * gone (cancelled or deleted: both leave the list) is not looked for again.
 */
import type { CapturedCall, UnstampedChange } from './capture-rules';
import type { EntityExtension, FeedIds } from './entity-extensions';
import type { FeedChange, VendorIdLookup } from './feed-changes';
import { callBase, integerOf, recordOf } from './entity-values';
import { scalarText, type SyncChange } from './sync-types';

export const recordingActions = ['add', 'cancel', 'protect', 'delete'] as const;
export type RecordingAction = (typeof recordingActions)[number];

/** What one side holds for a key (undefined: nothing, or a deleted recording). */
export interface SideRecording {
  readonly id: number;
  readonly status: string;
  readonly isProtected: boolean;
}

/** The writes that make a side hold the change's outcome. */
export type RecordingStep = 'add' | 'cancel' | 'protect' | 'delete';

function captureRecording(action: RecordingAction): (call: CapturedCall) => UnstampedChange[] {
  return (call) => {
    const result = recordOf(call.result);
    const assetId = integerOf(result.assetId);
    if (assetId === undefined) return [];
    const base = callBase(call);
    return [{ entity: 'recording', op: action === 'delete' ? 'delete' : 'upsert', key: `${base.householdId}:${assetId}`, ...base, value: { assetId, action } }];
  };
}

function feedRecording(change: FeedChange, ids: FeedIds, lookup: VendorIdLookup): UnstampedChange[] {
  const data = recordOf(change.data);
  const action = recordingActions.find((a) => a === data.action);
  const assetId = integerOf(lookup.toVendor('asset', scalarText(data.itemId)));
  if (action === undefined || assetId === undefined) return [];
  const op = action === 'delete' ? 'delete' : 'upsert';
  return [{ entity: 'recording', op, key: `${ids.householdId}:${assetId}`, householdId: ids.householdId, ...(ids.userId === undefined ? {} : { userId: ids.userId }), source: 'platform', value: { assetId, action } }];
}

/** The steps from what the side holds to the change's outcome (empty: already there). */
export function planRecordingSteps(current: SideRecording | undefined, change: SyncChange): RecordingStep[] {
  const action = recordingActions.find((a) => a === change.value.action) ?? 'add';
  const present = current !== undefined && !['DELETED', 'CANCELED'].includes(current.status.toUpperCase());
  // Cancelled and deleted recordings leave the household's list on both sides: nothing to make absent twice.
  if (action === 'delete' || action === 'cancel') return present ? [action] : [];
  const steps: RecordingStep[] = present ? [] : ['add'];
  if (action === 'protect' && current?.isProtected !== true) steps.push('protect');
  return steps;
}

/** The key of a household's series (or season) recording. */
export function seriesKey(householdId: string, seriesId: string, channelId: number, seasonNumber: number | undefined): string {
  return `${householdId}:${seriesId}:${channelId}:${seasonNumber ?? 'all'}`;
}

/** The value of a series recording change (vendor vocabulary). */
export function seriesValue(epgId: number, seriesId: string, channelId: number, seasonNumber: number | undefined): Record<string, unknown> {
  return { epgId, seriesId, channelId, type: seasonNumber === undefined ? 'SERIES' : 'SEASON', ...(seasonNumber === undefined ? {} : { seasonNumber }) };
}

function captureSeries(op: 'upsert' | 'delete'): (call: CapturedCall) => UnstampedChange[] {
  return (call) => {
    const result = recordOf(call.result);
    const epgId = integerOf(result.epgId);
    const channelId = integerOf(result.channelId);
    const seriesId = typeof result.seriesId === 'string' ? result.seriesId : undefined;
    if (epgId === undefined || channelId === undefined || seriesId === undefined) return [];
    const season = result.type === 'SEASON' ? integerOf(result.seasonNumber) : undefined;
    const base = callBase(call);
    return [{ entity: 'seriesRecording', op, key: seriesKey(base.householdId, seriesId, channelId, season), ...base, value: seriesValue(epgId, seriesId, channelId, season) }];
  };
}

function feedSeries(change: FeedChange, ids: FeedIds, lookup: VendorIdLookup): UnstampedChange[] {
  const data = recordOf(change.data);
  const epgId = integerOf(lookup.toVendor('asset', scalarText(data.itemId)));
  const channelId = integerOf(data.epgChannelId);
  const seriesId = typeof data.seriesId === 'string' ? data.seriesId : undefined;
  if (epgId === undefined || channelId === undefined || seriesId === undefined) return [];
  const season = data.scope === 'season' ? integerOf(data.seasonNumber) : undefined;
  const key = seriesKey(ids.householdId, seriesId, channelId, season);
  return [{ entity: 'seriesRecording', op: change.op, key, householdId: ids.householdId, ...(ids.userId === undefined ? {} : { userId: ids.userId }), source: 'platform', value: seriesValue(epgId, seriesId, channelId, season) }];
}

/** True when a side's series recording is the one the change names. */
export function isSameSeries(change: SyncChange, side: { seriesId: string; channelId: number; seasonNumber?: number; type: string }): boolean {
  const v = change.value;
  const season = side.type.toUpperCase() === 'SEASON' ? side.seasonNumber : undefined;
  return side.seriesId === v.seriesId && side.channelId === v.channelId && season === (v.type === 'SEASON' ? v.seasonNumber : undefined);
}

/** The recording and series-recording extensions (their writes need the side's list: no single write). */
export const recordingExtensions: readonly EntityExtension[] = [
  {
    entity: 'recording',
    capture: { 'recording.add': captureRecording('add'), 'recording.cancel': captureRecording('cancel'), 'recording.protect': captureRecording('protect'), 'recording.delete': captureRecording('delete') },
    feed: { recording: feedRecording },
  },
  {
    entity: 'seriesRecording',
    capture: { 'seriesrecording.add': captureSeries('upsert'), 'seriesrecording.delete': captureSeries('delete') },
    feed: { seriesRecording: feedSeries },
  },
];
