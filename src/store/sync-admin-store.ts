import { at } from './outbox-sql';
import type { SqlClient } from './sql-client';

/** Open outbox rows and dead letters of one entity. */
export interface SyncEntityCounts {
  readonly pending: number;
  readonly dead: number;
}

/**
 * What operators need from the sync tables (docs/sync.md "Operating it"): the per-entity switch,
 * counts per entity, and re-driving dead letters (moved back to the outbox with fresh attempts).
 */
export class SqlSyncAdminStore {
  constructor(private readonly sql: SqlClient) {}

  /** Entities switched off (absent = on). */
  async readSwitches(): Promise<Map<string, boolean>> {
    const { rows } = await this.sql.query<{ entity: string; enabled: boolean }>('SELECT entity, enabled FROM sync_switches');
    return new Map(rows.map((row) => [row.entity, row.enabled]));
  }

  async setSwitch(entities: readonly string[], enabled: boolean): Promise<void> {
    if (entities.length === 0) return;
    await this.sql.query(
      `INSERT INTO sync_switches (entity, enabled) SELECT unnest($1::text[]), $2
       ON CONFLICT (entity) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()`,
      [[...entities], enabled],
    );
  }

  async countsByEntity(): Promise<Map<string, SyncEntityCounts>> {
    const { rows } = await this.sql.query<{ entity: string; pending: number; dead: number }>(
      `SELECT entity, sum(pending)::int AS pending, sum(dead)::int AS dead FROM (
         SELECT entity, count(*) AS pending, 0 AS dead FROM outbox WHERE status <> 'done' GROUP BY entity
         UNION ALL SELECT entity, 0, count(*) FROM dead_letters GROUP BY entity) c GROUP BY entity`,
    );
    return new Map(rows.map((row) => [row.entity, { pending: row.pending, dead: row.dead }]));
  }

  /** Moves dead letters (all, or the listed ids) back to the outbox, claimable from `nowMs`; returns how many. */
  async retryDeadLetters(nowMs: number, ids?: readonly number[]): Promise<number> {
    return this.sql.transaction(async (tx) => {
      const { rowCount } = await tx.query(
        `WITH revived AS (DELETE FROM dead_letters WHERE $1::bigint[] IS NULL OR id = ANY($1::bigint[]) RETURNING *)
         INSERT INTO outbox (entity, entity_key, household_id, op, payload, origin, idempotency_key, created_at, available_at)
         SELECT entity, entity_key, household_id, op, payload, origin, idempotency_key, created_at, ${at('$2')} FROM revived
         ON CONFLICT (idempotency_key) DO NOTHING`,
        [ids === undefined ? null : [...ids], nowMs],
      );
      return rowCount;
    });
  }
}
