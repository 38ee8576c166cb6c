/**
 * Lease renewal (docs/sync.md "Workers"): a live worker whose batch outlives the lease keeps its
 * rows (no second claimer takes them, their attempts stay at one, they complete once), while a
 * worker that stops renewing — killed — loses them when the lease ends. On PGlite always,
 * PostgreSQL too when UNDERSTUDY_TEST_PG_URL is set.
 */
import { OffsetClock } from '../../src/core/clock';
import { migrate } from '../../src/store/migrate';
import { SqlOutboxStore } from '../../src/store/outbox-store';
import { createPgClient } from '../../src/store/pg-client';
import { createPgliteClient } from '../../src/store/pglite-client';
import type { SqlClient } from '../../src/store/sql-client';
import { SqlSyncQueue } from '../../src/store/sync-queue-store';
import { formatStamp } from '../../src/sync/hlc';
import type { ApplyOutcome, SyncEvents } from '../../src/sync/sync-ports';
import type { SyncChange } from '../../src/sync/sync-types';
import { runSyncBatch } from '../../src/sync/sync-worker';

const pgUrl = process.env.UNDERSTUDY_TEST_PG_URL;
const drivers: [string, () => Promise<SqlClient>][] = [['pglite', () => Promise.resolve(createPgliteClient({}))]];
if (pgUrl !== undefined && pgUrl !== '') drivers.push(['postgres', () => Promise.resolve(createPgClient({ url: pgUrl, poolSize: 8 }))]);

const change = (householdId: string, key: string, ms: number): SyncChange => ({
  entity: 'bookmark', op: 'upsert', key, householdId, userId: 'u', source: 'platform', stamp: formatStamp({ physicalMs: ms, counter: 0, site: 'a' }), value: { assetId: 1, position: ms },
});
const quietEvents: SyncEvents = { captured: () => undefined, applied: () => undefined, conflict: () => undefined, skipped: () => undefined, failed: () => undefined, echoDropped: () => undefined };

describe.each(drivers)('sync lease renewal on %s', (_name, open) => {
  let sql: SqlClient;
  let clock: OffsetClock;
  let queue: SqlSyncQueue;

  beforeAll(async () => {
    sql = await open();
    await migrate(sql);
  }, 60_000);
  afterAll(() => sql.close());
  beforeEach(async () => {
    await sql.exec('TRUNCATE outbox, dead_letters, sync_registers, sync_switches');
    clock = new OffsetClock();
    queue = new SqlSyncQueue(sql, new SqlOutboxStore(sql, { maxAttempts: 3, clock }), clock, 'household', 4);
  });

  it('extends only the owner\'s lease; rows whose renewals stop come back when the lease ends', async () => {
    await queue.enqueue([change('h1', 'k1', 1), change('h1', 'k2', 2)], 'facade');
    const held = await queue.claim('w1', 10, 3000);
    const ids = held.map((r) => r.id);
    expect(ids).toHaveLength(2);
    clock.advanceSeconds(2.5);
    expect(await queue.renew(ids, 'w2', 3000)).toBe(0);
    expect(await queue.renew(ids, 'w1', 3000)).toBe(2);
    clock.advanceSeconds(2.5);
    expect(await queue.claim('w2', 10, 3000)).toEqual([]);
    clock.advanceSeconds(1);
    const reclaimed = await queue.claim('w2', 10, 3000);
    expect(reclaimed.map((r) => [r.id, r.attempts])).toEqual(ids.map((id) => [id, 2]));
    expect(await queue.renew(ids, 'w1', 3000)).toBe(0);
  });

  it('a batch slower than its lease is never claimed under its worker, and completes once with one attempt', async () => {
    const liveClock = new OffsetClock();
    const live = new SqlSyncQueue(sql, new SqlOutboxStore(sql, { maxAttempts: 3, clock: liveClock }), liveClock, 'household', 4);
    await live.enqueue([change('h1', 'k1', 1), change('h1', 'k2', 2), change('h2', 'k3', 3)], 'facade');
    let writes = 0;
    const slow = { apply: async (): Promise<ApplyOutcome> => {
      writes += 1;
      await new Promise((resolve) => setTimeout(resolve, 1300));
      return { kind: 'applied' };
    } };
    const options = { queue: live, appliers: { vendor: slow, platform: slow }, events: quietEvents, nowMs: () => liveClock.nowMs(), owner: 'w1', batchSize: 10, leaseMs: 1000, backoffMs: 100, maxBackoffMs: 100 };
    const batch = runSyncBatch(options);
    while ((await sql.query("SELECT 1 FROM outbox WHERE lease_owner = 'w1'")).rows.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const stolen: number[] = [];
    const deadline = Date.now() + 2400;
    while (Date.now() < deadline) {
      stolen.push(...(await live.claim('w2', 10, 1000)).map((r) => r.id));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await batch).toBe(3);
    expect(stolen).toEqual([]);
    expect(writes).toBe(3);
    const { rows } = await sql.query<{ status: string; attempts: number }>('SELECT status, attempts FROM outbox ORDER BY id');
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['done', 1], ['done', 1], ['done', 1]]);
  }, 20_000);
});
