/**
 * Pruning of the sync's rows on a real store (PGlite always; PostgreSQL too when
 * UNDERSTUDY_TEST_PG_URL is set): done outbox rows, relay copies and applied marks are bounded by
 * age and by count, oldest first; open rows, dead letters and registers are never touched.
 */
import { migrate } from '../../src/store/migrate';
import { createPgClient } from '../../src/store/pg-client';
import { createPgliteClient } from '../../src/store/pglite-client';
import type { SqlClient } from '../../src/store/sql-client';
import { pruneSyncTables } from '../../src/store/sync-prune-store';

const pgUrl = process.env.UNDERSTUDY_TEST_PG_URL;
const drivers: [string, () => Promise<SqlClient>][] = [['pglite', () => Promise.resolve(createPgliteClient({}))]];
if (pgUrl !== undefined && pgUrl !== '') drivers.push(['postgres', () => Promise.resolve(createPgClient({ url: pgUrl, poolSize: 4 }))]);

const nowMs = Date.UTC(2026, 11, 6, 12);
const hour = 3_600_000;

/** `count` rows per table, the i-th `i` hours old; half the outbox rows are still open. */
async function seed(sql: SqlClient, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const t = new Date(nowMs - i * hour).toISOString();
    const open = i % 2 === 1;
    await sql.query(
      `INSERT INTO outbox (entity, entity_key, household_id, op, payload, origin, idempotency_key, status, created_at, completed_at)
       VALUES ('bookmark', $1, 'h1', 'upsert', '{}'::jsonb, 'facade', $1, $2, $3, $4)`,
      [`k${i}`, open ? 'pending' : 'done', t, open ? null : t],
    );
    await sql.query(`INSERT INTO sync_relay (site, id, entity, entity_key, household_id, op, payload, origin, idempotency_key, created_at) VALUES ('a', $1, 'bookmark', $2, 'h1', 'upsert', '{}'::jsonb, 'facade', $2, $3)`, [i, `k${i}`, t]);
    await sql.query(`INSERT INTO sync_applied (idempotency_key, site, household_id, epoch, applied_at) VALUES ($1, 'a', 'h1', 0, $2)`, [`k${i}`, t]);
  }
  await sql.query(`INSERT INTO sync_registers (entity, entity_key, stamp, value) VALUES ('bookmark', 'k0', 's', '{}'::jsonb)`);
  await sql.query(`INSERT INTO dead_letters (id, entity, entity_key, op, payload, origin, idempotency_key, attempts, created_at, dead_at) VALUES (1, 'bookmark', 'old', 'upsert', '{}'::jsonb, 'facade', 'old', 8, $1, $1)`, [new Date(nowMs - 1000 * hour).toISOString()]);
}

async function ages(sql: SqlClient, table: string, column: string, where = 'true'): Promise<number[]> {
  const { rows } = await sql.query<{ h: number }>(`SELECT round(extract(epoch FROM (to_timestamp(${nowMs / 1000}) - ${column})) / 3600)::int AS h FROM ${table} WHERE ${where} ORDER BY 1`);
  return rows.map((r) => Number(r.h));
}

describe.each(drivers)('sync pruning on %s', (_name, open) => {
  let sql: SqlClient;

  beforeAll(async () => {
    sql = await open();
    await migrate(sql);
  }, 60_000);
  afterAll(() => sql.close());
  beforeEach(() => sql.exec('TRUNCATE outbox, dead_letters, sync_registers, sync_relay, sync_applied'));

  it('deletes rows older than the age limit, oldest first, in bounded statements', async () => {
    await seed(sql, 20);
    const report = await pruneSyncTables(sql, nowMs, { maxAgeMs: 9.5 * hour, maxRows: 1000, batchRows: 3, maxRounds: 100 });
    expect(report).toEqual({ outbox: 5, relay: 10, applied: 10 });
    expect(await ages(sql, 'outbox', 'completed_at', "status = 'done'")).toEqual([0, 2, 4, 6, 8]);
    expect(await ages(sql, 'sync_relay', 'created_at')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await ages(sql, 'sync_applied', 'applied_at')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const left = await sql.query<{ open: number; dead: number; registers: number }>(
      "SELECT (SELECT count(*)::int FROM outbox WHERE status <> 'done') AS open, (SELECT count(*)::int FROM dead_letters) AS dead, (SELECT count(*)::int FROM sync_registers) AS registers");
    expect(left.rows[0]).toEqual({ open: 10, dead: 1, registers: 1 });
  });

  it('keeps at most maxRows per table, the newest', async () => {
    await seed(sql, 20);
    const report = await pruneSyncTables(sql, nowMs, { maxAgeMs: 1000 * hour, maxRows: 4, batchRows: 5, maxRounds: 100 });
    expect(report).toEqual({ outbox: 6, relay: 16, applied: 16 });
    expect(await ages(sql, 'outbox', 'completed_at', "status = 'done'")).toEqual([0, 2, 4, 6]);
    expect(await ages(sql, 'sync_relay', 'created_at')).toEqual([0, 1, 2, 3]);
    expect(await ages(sql, 'sync_applied', 'applied_at')).toEqual([0, 1, 2, 3]);
  });

  it('does a bounded amount of work per call and finishes on the next', async () => {
    await seed(sql, 20);
    const limits = { maxAgeMs: 0.5 * hour, maxRows: 1000, batchRows: 2, maxRounds: 2 };
    expect(await pruneSyncTables(sql, nowMs, limits)).toEqual({ outbox: 4, relay: 4, applied: 4 });
    let total = { outbox: 4, relay: 4, applied: 4 };
    for (let i = 0; i < 10; i++) {
      const r = await pruneSyncTables(sql, nowMs, limits);
      total = { outbox: total.outbox + r.outbox, relay: total.relay + r.relay, applied: total.applied + r.applied };
    }
    expect(total).toEqual({ outbox: 9, relay: 19, applied: 19 });
  });
});
