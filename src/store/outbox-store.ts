import { systemClock, type Clock } from '../core/clock';
import type { ClaimedOutboxRow, DeadLetter, EnqueueResult, FailOutcome, OutboxEntry, OutboxStats, OutboxStore } from './ports';
import type { SqlClient } from './sql-client';
import { at, buildEnqueue, CLAIM_SQL, deadLetterSql, STATS_SQL, toClaimedRows, toDeadLetter, type ClaimedDbRow, type DeadLetterDbRow } from './outbox-sql';

/** Rows per enqueue INSERT (9 parameters each). */
const ENQUEUE_CHUNK_ROWS = 500;

export interface OutboxOptions {
  /** Claims a row may take before a failure dead-letters it (docs/architecture.md §4 "Sync": after N tries). */
  readonly maxAttempts?: number;
  readonly clock?: Clock;
}

/**
 * OutboxStore over SQL, claimed the graphile/worker way: FOR UPDATE SKIP LOCKED picks rows no other
 * worker holds, a lease marks them, and a lease that runs out (worker crash) makes them claimable
 * again. Attempts count claims, so a row that crashes its worker every time still reaches the limit.
 */
export class SqlOutboxStore implements OutboxStore {
  readonly maxAttempts: number;
  private readonly clock: Clock;

  constructor(private readonly sql: SqlClient, options: OutboxOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? 10;
    this.clock = options.clock ?? systemClock;
  }

  async enqueue(entries: readonly OutboxEntry[], tx?: SqlClient): Promise<EnqueueResult> {
    if (entries.length === 0) return { enqueued: 0, duplicates: 0 };
    const nowMs = this.clock.nowMs();
    const insertAll = async (client: SqlClient): Promise<number> => {
      let enqueued = 0;
      for (let start = 0; start < entries.length; start += ENQUEUE_CHUNK_ROWS) {
        const { sql, params } = buildEnqueue(entries.slice(start, start + ENQUEUE_CHUNK_ROWS), nowMs);
        enqueued += (await client.query(sql, params)).rowCount;
      }
      return enqueued;
    };
    const enqueued = await (tx ?? this.sql).transaction(insertAll);
    return { enqueued, duplicates: entries.length - enqueued };
  }

  /** Rows leased on their final attempt and abandoned are dead-lettered first, then a batch is leased. */
  async claimBatch(owner: string, limit: number, leaseMs: number): Promise<ClaimedOutboxRow[]> {
    const nowMs = this.clock.nowMs();
    await this.sql.query(
      deadLetterSql(`status = 'leased' AND lease_until <= ${at('$1')} AND attempts >= $2`, `'lease expired on the final attempt' || COALESCE('; last error: ' || last_error, '')`),
      [nowMs, this.maxAttempts],
    );
    const { rows } = await this.sql.query<ClaimedDbRow>(CLAIM_SQL, [nowMs, limit, owner, leaseMs]);
    return toClaimedRows(rows);
  }

  async complete(ids: readonly number[], owner?: string): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.sql.query(
      `UPDATE outbox SET status = 'done', completed_at = ${at('$1')}, lease_owner = NULL, lease_until = NULL
       WHERE id = ANY($2::bigint[]) AND status <> 'done' AND ($3::text IS NULL OR (status = 'leased' AND lease_owner = $3))`,
      [this.clock.nowMs(), [...ids], owner ?? null],
    );
    return result.rowCount;
  }

  async fail(id: number, error: string, retryAtMs: number, owner?: string): Promise<FailOutcome> {
    const nowMs = this.clock.nowMs();
    return this.sql.transaction(async (tx) => {
      const { rows } = await tx.query<{ attempts: number }>(
        `SELECT attempts FROM outbox WHERE id = $1 AND status = 'leased' AND ($2::text IS NULL OR lease_owner = $2) FOR UPDATE`,
        [id, owner ?? null],
      );
      const row = rows[0];
      if (!row) return 'stale';
      if (row.attempts >= this.maxAttempts) {
        await tx.query(deadLetterSql('id = $2', '$3::text'), [nowMs, id, error]);
        return 'dead';
      }
      await tx.query(
        `UPDATE outbox SET status = 'pending', available_at = ${at('$2')}, lease_owner = NULL, lease_until = NULL, last_error = $3 WHERE id = $1`,
        [id, retryAtMs, error],
      );
      return 'retry';
    });
  }

  async stats(): Promise<OutboxStats> {
    const { rows } = await this.sql.query<{ pending: number; leased: number; dead: number; oldest_open: Date | null }>(STATS_SQL, [this.clock.nowMs()]);
    const row = rows[0];
    return { pending: row?.pending ?? 0, leased: row?.leased ?? 0, dead: row?.dead ?? 0, oldestOpenMs: row?.oldest_open?.getTime() ?? null };
  }

  async listDeadLetters(limit: number): Promise<DeadLetter[]> {
    const { rows } = await this.sql.query<DeadLetterDbRow>(
      'SELECT id, entity, entity_key, idempotency_key, attempts, last_error, dead_at FROM dead_letters ORDER BY dead_at DESC, id DESC LIMIT $1',
      [limit],
    );
    return rows.map(toDeadLetter);
  }

  async pruneCompleted(beforeMs: number): Promise<number> {
    const result = await this.sql.query(`DELETE FROM outbox WHERE status = 'done' AND completed_at < ${at('$1')}`, [beforeMs]);
    return result.rowCount;
  }
}
