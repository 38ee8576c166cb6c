import { toIso } from '../http/iso-time';

/**
 * The change feed: every write appends one change with a monotonically increasing cursor, and the
 * origin the writer named (`X-Change-Origin`), so a sync can skip its own echoes (docs/architecture.md §4 Sync).
 * Old changes are dropped past `retain`; a reader behind that gets `cursor_expired`.
 */
export type ChangeEntity = 'progress' | 'favorite' | 'device' | 'entitlement' | 'purchase' | 'pin' | 'parental' | 'user' | 'recording' | 'seriesRecording' | 'personalList' | 'reminder';

export interface ChangeInput {
  readonly entity: ChangeEntity;
  readonly op: 'upsert' | 'delete';
  readonly key: string;
  readonly householdId: string;
  readonly userId?: string;
  readonly data: unknown;
}

export interface ChangeRecord extends ChangeInput {
  readonly cursor: string;
  readonly origin: string;
  readonly at: string;
}

export interface ChangeFeed {
  append(input: ChangeInput, origin: string, nowSec: number): ChangeRecord;
  /** Changes after a cursor (0 = the beginning), or 'expired' when the cursor fell out of the window. */
  read(after: number, limit: number): { changes: readonly ChangeRecord[]; nextCursor: string } | 'expired';
  /** Cursor of the newest change (0 when empty). */
  latest(): number;
}

export const defaultChangeRetention = 100_000;

/** Creates an empty feed. */
export function createChangeFeed(retain: number = defaultChangeRetention): ChangeFeed {
  let records: ChangeRecord[] = [];
  /** Sequence number of records[0]. */
  let firstSeq = 1;
  let lastSeq = 0;
  return {
    append(input, origin, nowSec) {
      lastSeq += 1;
      const record: ChangeRecord = { cursor: String(lastSeq), ...input, origin, at: toIso(nowSec) };
      records.push(record);
      if (records.length > retain * 1.1) {
        const drop = records.length - retain;
        records = records.slice(drop);
        firstSeq += drop;
      }
      return record;
    },
    read(after, limit) {
      if (after < firstSeq - 1) return 'expired';
      const start = Math.max(0, after - firstSeq + 1);
      const changes = records.slice(start, start + limit);
      const last = changes[changes.length - 1];
      return { changes, nextCursor: last ? last.cursor : String(Math.max(after, 0)) };
    },
    latest: () => lastSeq,
  };
}
