/**
 * Deep claims (docs/sync.md "Workers"): one claim takes several rows per household, only together
 * and only as far as they are all claimable; a worker applies them in id order and, when one
 * fails, gives the rest back unclaimed behind it. On PGlite always, PostgreSQL too when
 * UNDERSTUDY_TEST_PG_URL is set.
 */
import { OffsetClock } from '../../src/core/clock';
import { migrate } from '../../src/store/migrate';
import { SqlOutboxStore } from '../../src/store/outbox-store';
import { createPgClient } from '../../src/store/pg-client';
import { createPgliteClient } from '../../src/store/pglite-client';
import type { SqlClient } from '../../src/store/sql-client';
import { SqlSyncQueue } from '../../src/store/sync-queue-store';
import { formatStamp } from '../../src/sync/hlc';
import type { ApplyOutcome, SideApplier, SyncEvents } from '../../src/sync/sync-ports';
import type { SyncChange } from '../../src/sync/sync-types';
import { runSyncBatch } from '../../src/sync/sync-worker';

const pgUrl = process.env.UNDERSTUDY_TEST_PG_URL;
const drivers: [string, () => Promise<SqlClient>][] = [['pglite', () => Promise.resolve(createPgliteClient({}))]];
if (pgUrl !== undefined && pgUrl !== '') drivers.push(['postgres', () => Promise.resolve(createPgClient({ url: pgUrl, poolSize: 8 }))]);

const change = (householdId: string, key: string, ms: number): SyncChange => ({
  entity: 'bookmark', op: 'upsert', key, householdId, userId: 'u', source: 'platform', stamp: formatStamp({ physicalMs: ms, counter: 0, site: 'a' }), value: { assetId: 1, position: ms },
});

const quietEvents: SyncEvents = { captured: () => undefined, applied: () => undefined, conflict: () => undefined, skipped: () => undefined, failed: () => undefined, echoDropped: () => undefined };

/** Records what it was asked to write, in order; fails the keys in `failing` once each. */
function recordingApplier(failing: Set<string>): SideApplier & { readonly written: string[] } {
  const written: string[] = [];
  return {
    written,
    apply: (c): Promise<ApplyOutcome> => {
      if (failing.delete(c.key)) return Promise.resolve({ kind: 'failed', retryable: true, error: 'planted' });
      written.push(`${c.key}@${String(c.value.position)}`);
      return Promise.resolve({ kind: 'applied' });
    },
  };
}

describe.each(drivers)('deep sync claims on %s', (_name, open) => {
  let sql: SqlClient;
  let clock: OffsetClock;
  let deep: SqlSyncQueue;

  beforeAll(async () => {
    sql = await open();
    await migrate(sql);
  }, 60_000);
  afterAll(() => sql.close());
  beforeEach(async () => {
    await sql.exec('TRUNCATE outbox, dead_letters, sync_registers, sync_switches');
    clock = new OffsetClock();
    deep = new SqlSyncQueue(sql, new SqlOutboxStore(sql, { maxAttempts: 5, clock }), clock, 'household', 3);
  });

  it('takes up to depth rows per household in order, and nothing of a household another claimer holds', async () => {
    await deep.enqueue([change('h1', 'k1', 1), change('h1', 'k2', 2), change('h2', 'k3', 3), change('h1', 'k4', 4), change('h1', 'k5', 5)], 'facade');
    const first = await deep.claim('w1', 10, 10_000);
    expect(first.map((r) => r.change?.key)).toEqual(['k1', 'k2', 'k3', 'k4']);
    expect(await deep.claim('w2', 10, 10_000)).toEqual([]);
    await deep.completeMany('w1', first.filter((r) => r.change?.householdId === 'h1').map((r) => ({ id: r.id })));
    expect((await deep.claim('w2', 10, 10_000)).map((r) => r.change?.key)).toEqual(['k5']);
  });

  it('stops a household at a row waiting for its retry, and concurrent claimers never split a household', async () => {
    await deep.enqueue([change('h1', 'k1', 1), change('h1', 'k2', 2), change('h1', 'k3', 3)], 'facade');
    const [head, second] = await deep.claim('w1', 10, 10_000);
    await deep.completeMany('w1', [{ id: head!.id }]);
    expect(await deep.fail(second!.id, 'down', clock.nowMs() + 5000, 'w1')).toBe('retry');
    await deep.release([second!.id + 1], 'w1');
    expect(await deep.claim('w1', 10, 10_000)).toEqual([]);
    await sql.exec('TRUNCATE outbox');
    await deep.enqueue(Array.from({ length: 40 }, (_, i) => change(`h${i % 8}`, `k${i}`, i + 1)), 'facade');
    const batches = await Promise.all(Array.from({ length: 4 }, (_, i) => deep.claim(`w${i}`, 20, 10_000)));
    const owners = new Map<string, Set<number>>();
    batches.forEach((batch, worker) => batch.forEach((r) => owners.set(r.change!.householdId, (owners.get(r.change!.householdId) ?? new Set()).add(worker))));
    expect([...owners.values()].every((set) => set.size === 1)).toBe(true);
    const ids = batches.flat().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('applies a household in order, gives back the rows behind a failure and applies them after its retry', async () => {
    await deep.enqueue([change('h1', 'k1', 1), change('h1', 'k2', 2), change('h1', 'k1', 3), change('h2', 'k9', 4)], 'facade');
    const vendor = recordingApplier(new Set(['k2']));
    const options = { queue: deep, appliers: { vendor, platform: recordingApplier(new Set()) }, events: quietEvents, nowMs: () => clock.nowMs(), owner: 'w', batchSize: 10, leaseMs: 10_000, backoffMs: 1000, maxBackoffMs: 1000 };
    expect(await runSyncBatch(options)).toBe(4);
    expect(vendor.written.sort()).toEqual(['k1@1', 'k9@4']);
    const left = await sql.query<{ attempts: number; status: string }>("SELECT attempts, status FROM outbox WHERE status <> 'done' ORDER BY id");
    expect(left.rows.map((r) => [Number(r.attempts), r.status])).toEqual([[1, 'pending'], [0, 'pending']]);
    clock.advanceSeconds(2);
    expect(await runSyncBatch(options)).toBe(2);
    expect(vendor.written.slice(2)).toEqual(['k2@2', 'k1@3']);
    expect((await deep.readRegister('bookmark', 'k1'))?.change.value.position).toBe(3);
  });
});
