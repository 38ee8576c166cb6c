/**
 * Home-site partitioning on one store (docs/sync-home-site.md): two queues scoped to sites a and b
 * share an outbox, as the relay makes every site's outbox hold both sites' changes. Only the home
 * site claims a household; a handover raises the epoch, and the old home's completion is refused
 * (the fencing token), so the new home applies the row once it is free. PGlite always, PostgreSQL
 * too when UNDERSTUDY_TEST_PG_URL is set.
 */
import { OffsetClock } from '../../src/core/clock';
import { migrate } from '../../src/store/migrate';
import { SqlOutboxStore } from '../../src/store/outbox-store';
import { createPgClient } from '../../src/store/pg-client';
import { createPgliteClient } from '../../src/store/pglite-client';
import type { SqlClient } from '../../src/store/sql-client';
import { SqlSyncQueue } from '../../src/store/sync-queue-store';
import { formatStamp } from '../../src/sync/hlc';
import type { SyncChange } from '../../src/sync/sync-types';

const pgUrl = process.env.UNDERSTUDY_TEST_PG_URL;
const drivers: [string, () => Promise<SqlClient>][] = [['pglite', () => Promise.resolve(createPgliteClient({}))]];
if (pgUrl !== undefined && pgUrl !== '') drivers.push(['postgres', () => Promise.resolve(createPgClient({ url: pgUrl, poolSize: 8 }))]);

const sites = ['a', 'b'];
const change = (householdId: string, key: string, ms: number): SyncChange => ({
  entity: 'bookmark', op: 'upsert', key, householdId, userId: 'u', source: 'platform', stamp: formatStamp({ physicalMs: ms, counter: 0, site: 'a' }), value: { assetId: 1, position: ms },
});

describe.each(drivers)('home-site fence on %s', (_name, open) => {
  let sql: SqlClient;
  let clock: OffsetClock;
  let atA: SqlSyncQueue;
  let atB: SqlSyncQueue;
  const homeOf = new Map<string, string>();

  beforeAll(async () => {
    sql = await open();
    await migrate(sql);
  }, 60_000);
  afterAll(() => sql.close());
  beforeEach(async () => {
    await sql.exec('TRUNCATE outbox, dead_letters, sync_registers, household_home, sync_lost_sites, sync_applied');
    clock = new OffsetClock();
    const queueAt = (site: string): SqlSyncQueue => new SqlSyncQueue(sql, new SqlOutboxStore(sql, { maxAttempts: 5, clock }), clock, 'household', 8, { site, sites });
    atA = queueAt('a');
    atB = queueAt('b');
    const homes = await atA.homeFence!.readHomes(Array.from({ length: 20 }, (_, i) => `h${i}`));
    for (const home of homes) homeOf.set(home.householdId, home.homeSite);
  });

  const householdAt = (site: string): string => [...homeOf].find(([, home]) => home === site)![0];

  it('homes households on both sites by hash and lets only the home site claim them', async () => {
    expect(new Set(homeOf.values())).toEqual(new Set(sites));
    const [ha, hb] = [householdAt('a'), householdAt('b')];
    await atA.enqueue([change(ha, 'k1', 1), change(hb, 'k2', 2), change(ha, 'k3', 3)], 'facade');
    expect((await atA.claim('wa', 10, 10_000)).map((r) => r.change?.key)).toEqual(['k1', 'k3']);
    const atBRows = await atB.claim('wb', 10, 10_000);
    expect(atBRows.map((r) => r.change?.key)).toEqual(['k2']);
    expect(await atB.completeMany('wb', atBRows.map((r) => ({ id: r.id })))).toEqual(new Set(atBRows.map((r) => r.id)));
    const marks = await sql.query<{ site: string; epoch: number }>('SELECT site, epoch FROM sync_applied');
    expect(marks.rows.map((m) => [m.site, Number(m.epoch)])).toEqual([['b', 0]]);
  });

  it('refuses the old home\'s completion after a handover and gives the household to the new home at epoch 1', async () => {
    const ha = householdAt('a');
    await atA.enqueue([change(ha, 'k1', 1)], 'facade');
    const claimed = await atA.claim('wa', 10, 1000);
    expect(claimed).toHaveLength(1);
    const moved = await atB.homeFence!.handOver('a');
    expect(moved.households).toBeGreaterThanOrEqual(1);
    expect(await atB.homeFence!.readHomes([ha])).toEqual([{ householdId: ha, homeSite: 'b', epoch: 1 }]);
    expect(await atA.completeMany('wa', [{ id: claimed[0]!.id }])).toEqual(new Set());
    expect(await atB.claim('wb', 10, 1000)).toEqual([]);
    clock.advanceSeconds(1.5);
    expect(await atA.claim('wa', 10, 1000)).toEqual([]);
    const again = await atB.claim('wb', 10, 1000);
    expect(again.map((r) => r.id)).toEqual([claimed[0]!.id]);
    expect(await atB.completeMany('wb', [{ id: again[0]!.id }])).toEqual(new Set([again[0]!.id]));
    const marks = await sql.query<{ site: string; epoch: number }>('SELECT site, epoch FROM sync_applied');
    expect(marks.rows.map((m) => [m.site, Number(m.epoch)])).toEqual([['b', 1]]);
  });

  it('homes households first seen after a handover among the sites not lost, until the site is back', async () => {
    await atA.enqueue([change(householdAt('a'), 'k1', 1)], 'facade');
    await atB.homeFence!.handOver('a');
    const fresh = Array.from({ length: 10 }, (_, i) => `new${i}`);
    expect(new Set((await atB.homeFence!.readHomes(fresh)).map((h) => h.homeSite))).toEqual(new Set(['b']));
    clock.advanceSeconds(1);
    await atA.homeFence!.markBack('a');
    expect(new Set((await atA.homeFence!.readHomes(fresh)).map((h) => h.homeSite))).toEqual(new Set(sites));
    expect((await atA.homeFence!.readHomes([householdAt('a')]))[0]).toMatchObject({ homeSite: 'b', epoch: 1 });
  });
});
