/**
 * Home site per household on two real sites (docs/sync-home-site.md, design.md §7): a write captured
 * at the other site is applied by the household's home site only; when the home site is lost, its
 * households are handed over (epoch + 1) and the survivor applies what followed, without applying
 * again what the lost site had applied. Each change has one writer site.
 */
import { adminRequest } from '../support/admin-http';
import { pgClusterSkipReason } from '../support/pg-cluster';
import { startSyncTwoSiteLab, type SyncSite } from '../support/sync-two-site-lab';
import { labDemo, loginAs, postVendorJson } from '../support/vendor-http';

const skipReason = pgClusterSkipReason();
if (skipReason !== undefined) process.stderr.write(`sync home-site lab skipped: ${skipReason}\n`);
const describeWithPg = skipReason === undefined ? describe : describe.skip;

interface Row { status: string; attempts: number }

async function outboxRow(site: SyncSite, position: number): Promise<Row | undefined> {
  const { rows } = await site.facade.store.sql.query<Row>("SELECT status, attempts FROM outbox WHERE entity = 'bookmark' AND (payload->'value'->>'position')::int = $1", [position]);
  return rows[0] === undefined ? undefined : { status: rows[0].status, attempts: Number(rows[0].attempts) };
}

async function appliedBy(site: SyncSite, position: number): Promise<{ site: string; epoch: number }[]> {
  const { rows } = await site.facade.store.sql.query<{ site: string; epoch: number }>(
    "SELECT a.site, a.epoch FROM sync_applied a JOIN outbox o ON o.idempotency_key = a.idempotency_key WHERE (o.payload->'value'->>'position')::int = $1 ORDER BY a.site", [position]);
  return rows.map((r) => ({ site: r.site, epoch: Number(r.epoch) }));
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeWithPg(`sync home site on two sites${skipReason === undefined ? '' : ` (skipped: ${skipReason})`}`, () => {
  let lab: Awaited<ReturnType<typeof startSyncTwoSiteLab>>;
  let home: SyncSite;
  let other: SyncSite;
  let ks: string;

  beforeAll(async () => {
    lab = await startSyncTwoSiteLab();
    const account = labDemo().accounts[0]!;
    const answer = await adminRequest(lab.a.facade.adminUrl, 'GET', `/admin/sync/home?household=${account.household}`);
    const homeSite = (answer.json as { homes: { homeSite: string }[] }).homes[0]!.homeSite;
    [home, other] = homeSite === 'a' ? [lab.a, lab.b] : [lab.b, lab.a];
    ks = await loginAs(other.facade.url, account.username);
  }, 240_000);
  afterAll(async () => {
    await lab?.close();
  }, 60_000);

  const bookmark = (position: number) =>
    postVendorJson(other.facade.url, '/api_v3/service/bookmark/action/add', { ks, bookmark: { objectType: 'KalturaBookmark', id: '480001', type: 'media', position, playerData: { objectType: 'KalturaBookmarkPlayerData', action: 'PAUSE' } } });

  it('a write captured at the other site is applied by the household\'s home site only', async () => {
    expect((await bookmark(301)).json.result).toBe(true);
    const atHome = await waitFor(() => outboxRow(home, 301), (row) => row?.status === 'done');
    expect(atHome).toMatchObject({ status: 'done' });
    expect(atHome!.attempts).toBeGreaterThanOrEqual(1);
    const atOther = await waitFor(() => outboxRow(other, 301), (row) => row?.status === 'done');
    expect(atOther).toEqual({ status: 'done', attempts: 0 });
    expect(await appliedBy(home, 301)).toEqual([{ site: home.id, epoch: 0 }]);
    expect(await waitFor(() => appliedBy(other, 301), (marks) => marks.length > 0)).toEqual([{ site: home.id, epoch: 0 }]);
  }, 60_000);

  it('losing the home site hands its households over at epoch 1; the survivor applies what followed, once', async () => {
    await home.facade.sync!.loop.stop();
    await home.cluster.stop();
    expect((await bookmark(302)).json.result).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await outboxRow(other, 302)).toEqual({ status: 'pending', attempts: 0 });
    const handover = await adminRequest(other.facade.adminUrl, 'POST', '/admin/sync/handover', { body: { from: home.id } });
    expect(handover.status).toBe(200);
    expect((handover.json as { households: number }).households).toBeGreaterThanOrEqual(1);
    expect(await waitFor(() => outboxRow(other, 302), (row) => row?.status === 'done')).toEqual({ status: 'done', attempts: 1 });
    expect(await appliedBy(other, 302)).toEqual([{ site: other.id, epoch: 1 }]);
    expect(await appliedBy(other, 301)).toEqual([{ site: home.id, epoch: 0 }]);
    const refused = await adminRequest(other.facade.adminUrl, 'POST', '/admin/sync/handover', { body: { from: 'nowhere' } });
    expect(refused.status).toBe(400);
  }, 60_000);
});
