/**
 * Reconcile's reads of recordings, series recordings, personal lists and reminders (docs/sync.md
 * "Reconcile") through the same side ports the appliers write through (sync-dvr-sides.ts,
 * sync-list-sides.ts), so both sides are read the same way: recordings as the household (its first
 * member: a household's recordings are one list), lists and reminders per member.
 */
import { personalListRecord, recordingRecord, reminderRecord, seriesRecord } from '../sync/reconcile-records';
import type { SideRecord } from '../sync/sync-ports';
import type { SyncChange, SyncEntity, SyncSide } from '../sync/sync-types';
import type { DvrSide } from './sync-dvr-sides';
import type { EntityReads } from './sync-entity-reads';
import type { ListSide } from './sync-list-sides';

/** A change that only names whom to read as (the side ports take a change). */
function probe(entity: SyncEntity, side: SyncSide, householdId: string, userId: string, value: Record<string, unknown> = {}): SyncChange {
  return { entity, op: 'upsert', key: '', householdId, userId, source: side, stamp: '', value };
}

const present = <T>(value: T | undefined): value is T => value !== undefined;

/** The reads of one side's Cloud DVR and lists. */
export function createDvrListReads(dvr: DvrSide, lists: ListSide, side: SyncSide): EntityReads {
  return {
    recording: async (householdId, members) => {
      const acting = members[0]!;
      return (await dvr.listRecordings(probe('recording', side, householdId, acting))).map((r) => recordingRecord(householdId, r, acting)).filter(present);
    },
    seriesRecording: async (householdId, members) => {
      const acting = members[0]!;
      return (await dvr.listSeries(probe('seriesRecording', side, householdId, acting))).map((s) => seriesRecord(householdId, s, acting)).filter(present);
    },
    personalList: async (householdId, members) => {
      const out: SideRecord[] = [];
      for (const userId of members) for (const item of await lists.items(probe('personalList', side, householdId, userId))) out.push(personalListRecord(userId, item));
      return out;
    },
    reminder: async (householdId, members) => {
      const out: SideRecord[] = [];
      for (const userId of members) {
        for (const type of ['ASSET', 'SERIES']) out.push(...(await lists.items(probe('reminder', side, householdId, userId, { type }))).map((item) => reminderRecord(userId, item)).filter(present));
      }
      return out;
    },
  };
}
