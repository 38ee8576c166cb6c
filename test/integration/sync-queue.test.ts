/**
 * The sync queue over the outbox on a real store (PGlite always; PostgreSQL too when
 * UNDERSTUDY_TEST_PG_URL is set — its database is migrated and the sync tables emptied): per-household
 * order, several claimers never share a row (FOR UPDATE SKIP LOCKED), a killed worker's rows come
 * back when the lease ends, registers only move forward, dead letters can be re-driven.
 */
import { OffsetClock } from '../../src/core/clock';
import { migrate } from '../../src/store/migrate';
import { SqlOutboxStore } from '../../src/store/outbox-store';
import { createPgClient } from '../../src/store/pg-client';
import { createPgliteClient } from '../../src/store/pglite-client';
import type { SqlClient } from '../../src/store/sql-client';
import { SqlSyncAdminStore } from '../../src/store/sync-admin-store';
import { SqlSyncQueue } from '../../src/store/sync-queue-store';
import { formatStamp } from '../../src/sync/hlc';
import type { SyncChange } from '../../src/sync/sync-types';

const pgUrl = process.env.UNDERSTUDY_TEST_PG_URL;
const drivers: [string, () => Promise<SqlClient>][] = [['pglite', () => Promise.resolve(createPgliteClient({}))]];
if (pgUrl !== undefined && pgUrl !== '') drivers.push(['postgres', () => Promise.resolve(createPgClient({ url: pgUrl, poolSize: 8 }))]);

const change = (householdId: string, key: string, ms: number): SyncChange => ({
  entity: 'bookmark', op: 'upsert', key, householdId, userId: 'u', source: 'platform', stamp: formatStamp({ physicalMs: ms, counter: 0, site: 'a' }), value: { assetId: 1, position: ms },
});

describe.each(drivers)('sync queue on %s', (_name, open) => {
  let sql: SqlClient;
  let clock: OffsetClock;
  let queue: SqlSyncQueue;
  let admin: SqlSyncAdminStore;

  beforeAll(async () => {
    sql = await open();
    await migrate(sql);
  }, 60_000);
  afterAll(() => sql.close());
  beforeEach(async () => {
    await sql.exec('TRUNCATE outbox, dead_letters, sync_registers, sync_switches');
    clock = new OffsetClock();
    queue = new SqlSyncQueue(sql, new SqlOutboxStore(sql, { maxAttempts: 2, clock }), clock);
    admin = new SqlSyncAdminStore(sql);
  });

  it('commits several callers in one statement (group commit) and tells each how many of its rows were new', async () => {
    expect(await queue.enqueue([change('h1', 'k1', 1)], 'facade')).toBe(1);
    const counts = await queue.enqueueGroups([
      { changes: [change('h1', 'k1', 1), change('h1', 'k2', 2)], origin: 'facade' },
      { changes: [change('h2', 'k2', 2)], origin: 'facade' },
      { changes: [change('h3', 'k4', 4)], origin: 'feed' },
    ]);
    expect(counts).toEqual([1, 0, 1]);
    const { rows } = await sql.query<{ entity_key: string; origin: string }>('SELECT entity_key, origin FROM outbox ORDER BY id');
    expect(rows).toEqual([{ entity_key: 'k1', origin: 'facade' }, { entity_key: 'k2', origin: 'facade' }, { entity_key: 'k4', origin: 'feed' }]);
    expect(await queue.enqueueGroups([])).toEqual([]);
  });

  it('enqueues once per change and claims one household at a time, in order', async () => {
    const first = change('h1', 'k1', 1);
    expect(await queue.enqueue([first, change('h1', 'k2', 2), change('h2', 'k3', 3)], 'facade')).toBe(3);
    expect(await queue.enqueue([first], 'facade')).toBe(0);
    const batch = await queue.claim('w1', 10, 10_000);
    expect(batch.map((r) => r.change?.key)).toEqual(['k1', 'k3']);
    expect(await queue.claim('w2', 10, 10_000)).toEqual([]);
    expect(await queue.complete(batch[0]!.id, 'w1')).toBe(true);
    expect((await queue.claim('w2', 10, 10_000)).map((r) => r.change?.key)).toEqual(['k2']);
  });

  it('orders per key instead when configured: one household\'s different keys run together', async () => {
    const byKey = new SqlSyncQueue(sql, new SqlOutboxStore(sql, { maxAttempts: 2, clock }), clock, 'key');
    await byKey.enqueue([change('h1', 'k1', 1), change('h1', 'k2', 2), change('h1', 'k1', 3)], 'facade');
    const batch = await byKey.claim('w1', 10, 10_000);
    expect(batch.map((r) => r.change?.key)).toEqual(['k1', 'k2']);
    expect(await byKey.completeMany('w1', batch.map((r) => ({ id: r.id })))).toEqual(new Set(batch.map((r) => r.id)));
    expect((await byKey.claim('w1', 10, 10_000)).map((r) => r.change?.key)).toEqual(['k1']);
  });

  it('never hands one row to two concurrent claimers', async () => {
    await queue.enqueue(Array.from({ length: 60 }, (_, i) => change(`h${i}`, `k${i}`, i + 1)), 'facade');
    const batches = await Promise.all(Array.from({ length: 6 }, (_, i) => queue.claim(`w${i}`, 20, 10_000)));
    const ids = batches.flat().map((r) => r.id);
    expect(ids.length).toBe(60);
    expect(new Set(ids).size).toBe(60);
  });

  it('gives a killed worker\'s rows to another once the lease ends, and dead-letters after the last attempt', async () => {
    await queue.enqueue([change('h1', 'k1', 1)], 'facade');
    const [row] = await queue.claim('killed', 10, 1000);
    expect(await queue.claim('other', 10, 1000)).toEqual([]);
    clock.advanceSeconds(1.001);
    const [again] = await queue.claim('other', 10, 1000);
    expect(again?.id).toBe(row!.id);
    expect(again?.attempts).toBe(2);
    expect(await queue.complete(row!.id, 'killed')).toBe(false);
    expect(await queue.fail(again!.id, 'vendor down', clock.nowMs(), 'other')).toBe('dead');
    expect((await admin.countsByEntity()).get('bookmark')).toEqual({ pending: 0, dead: 1 });
    expect(await admin.retryDeadLetters(clock.nowMs())).toBe(1);
    expect((await queue.claim('third', 10, 1000)).map((r) => r.attempts)).toEqual([1]);
  });

  it('records a key\'s winner with the completed row and never moves it back', async () => {
    await queue.enqueue([change('h1', 'k1', 5)], 'facade');
    const [row] = await queue.claim('w', 1, 10_000);
    const newer = { entity: 'bookmark' as const, key: 'k1', stamp: change('h1', 'k1', 5).stamp, tombstone: false, change: change('h1', 'k1', 5), writtenTo: ['vendor' as const] };
    expect(await queue.complete(row!.id, 'w', newer)).toBe(true);
    await queue.enqueue([change('h1', 'k1', 3)], 'facade');
    const [old] = await queue.claim('w', 1, 10_000);
    await queue.complete(old!.id, 'w', { ...newer, stamp: change('h1', 'k1', 3).stamp, change: change('h1', 'k1', 3) });
    expect((await queue.readRegister('bookmark', 'k1'))?.stamp).toBe(newer.stamp);
  });

  it('keeps the per-entity switch in the store', async () => {
    await admin.setSwitch(['favorite'], false);
    expect((await admin.readSwitches()).get('favorite')).toBe(false);
    await admin.setSwitch(['favorite'], true);
    expect((await admin.readSwitches()).get('favorite')).toBe(true);
  });
});
