/**
 * Reconcile's per-entity reads (docs/sync.md "Reconcile"): the entities added for the device API are
 * read by their own functions, one household at a time with its members (from the household
 * directory); the first four keep the readers of sync-side-readers.ts.
 */
import type { SideReader, SideRecord, SideSnapshot } from '../sync/sync-ports';
import type { SyncEntity } from '../sync/sync-types';

/** Reads one household's records of an entity on one side, as its members (vendor ids). */
export type EntityRead = (householdId: string, members: readonly string[]) => Promise<readonly SideRecord[]>;

/** The reads of the entities a side reader answers itself. */
export type EntityReads = Partial<Readonly<Record<SyncEntity, EntityRead>>>;

/** A reader answering the entities in `reads` through them and the rest through `base`. */
export function withEntityReads(base: SideReader, reads: EntityReads, membersOf: (householdId: string) => Promise<readonly string[]>): SideReader {
  return {
    async read(entity, householdId): Promise<SideSnapshot> {
      const read = reads[entity];
      if (read === undefined) return base.read(entity, householdId);
      const members = await membersOf(householdId);
      const out = new Map<string, SideRecord>();
      if (members.length === 0) return out;
      for (const record of await read(householdId, members)) out.set(record.key, record);
      return out;
    },
  };
}
