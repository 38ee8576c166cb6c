/**
 * Pruning of the sync's append-only rows (docs/sync.md "Pruning"): the outbox's done rows, the
 * two-site relay copies and applied marks (migration 15). Each table is bounded by age and by count:
 * rows older than `maxAgeMs` go, and beyond the newest `maxRows` the oldest go, in statements of at
 * most `batchRows` rows so no prune holds a long transaction. Open outbox rows, dead letters (an
 * operator re-drives them) and registers (one per key) are never pruned here.
 */
import { at } from './outbox-sql';
import type { SqlClient } from './sql-client';

/** How much of each table is kept. */
export interface SyncPruneLimits {
  /** Rows older than this are deleted. Keep it above the longest tolerated site outage (a late relay copy checks the applied marks). */
  readonly maxAgeMs: number;
  /** At most this many rows per table are kept (the newest). */
  readonly maxRows: number;
  /** Rows per DELETE statement. */
  readonly batchRows: number;
  /** Statements per table and call; what is left waits for the next call. */
  readonly maxRounds: number;
}

/** Rows deleted per table by one call. */
export interface SyncPruneReport {
  readonly outbox: number;
  readonly relay: number;
  readonly applied: number;
}

interface PrunedTable {
  readonly table: string;
  readonly column: string;
  readonly where: string;
}

const tables: Readonly<Record<keyof SyncPruneReport, PrunedTable>> = {
  outbox: { table: 'outbox', column: 'completed_at', where: "status = 'done'" },
  relay: { table: 'sync_relay', column: 'created_at', where: 'true' },
  applied: { table: 'sync_applied', column: 'applied_at', where: 'true' },
};

/** $1 = cut-off ms, $2 = batch rows. */
const byAgeSql = (t: PrunedTable): string =>
  `DELETE FROM ${t.table} WHERE ctid IN (SELECT ctid FROM ${t.table} WHERE ${t.where} AND ${t.column} < ${at('$1')} ORDER BY ${t.column} LIMIT $2)`;

/** $1 = rows kept, $2 = batch rows. */
const byCountSql = (t: PrunedTable): string =>
  `DELETE FROM ${t.table} WHERE ctid IN (SELECT ctid FROM ${t.table} WHERE ${t.where} ORDER BY ${t.column} DESC OFFSET $1 LIMIT $2)`;

async function repeatDelete(sql: SqlClient, statement: string, first: number, limits: SyncPruneLimits): Promise<number> {
  let deleted = 0;
  for (let round = 0; round < limits.maxRounds; round++) {
    const { rowCount } = await sql.query(statement, [first, limits.batchRows]);
    deleted += rowCount;
    if (rowCount < limits.batchRows) break;
  }
  return deleted;
}

/** Deletes what is past the limits in every pruned table; resolves the rows deleted per table. */
export async function pruneSyncTables(sql: SqlClient, nowMs: number, limits: SyncPruneLimits): Promise<SyncPruneReport> {
  const report: Record<keyof SyncPruneReport, number> = { outbox: 0, relay: 0, applied: 0 };
  for (const [name, table] of Object.entries(tables) as [keyof SyncPruneReport, PrunedTable][]) {
    report[name] += await repeatDelete(sql, byAgeSql(table), nowMs - limits.maxAgeMs, limits);
    report[name] += await repeatDelete(sql, byCountSql(table), limits.maxRows, limits);
  }
  return report;
}
