/**
 * The sync walk-through of docs/sync.md, on the same wiring as `npm start` (in-process sims, the lab
 * policy sending every call to the platform, sync on by default): a bookmark written on the platform
 * is on the vendor within 2 s; a favorite added while on the vendor is on the platform when the
 * device moves back; both with the same KS and no re-login, and the sync's own writes are not
 * carried back (echoes dropped, nothing re-captured).
 */
import type { RunningUnderstudy } from '../../src/main';
import { startFacadeLab } from '../support/facade-lab';
import { loginAs, postVendorJson } from '../support/vendor-http';

const token = 'test-admin-token-0123456789';
let facade: RunningUnderstudy;

beforeAll(async () => {
  facade = await startFacadeLab({ overrides: { admin: { token } } });
}, 60_000);
afterAll(() => facade.close());

async function admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const answer = await fetch(`${facade.adminUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: answer.status, json: await answer.json() };
}

const call = (service: string, action: string, body: Record<string, unknown>) => postVendorJson(facade.url, `/api_v3/service/${service}/action/${action}`, body);

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return { value, ms: Date.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const positionOn = async (ks: string, assetId: string): Promise<number | undefined> => {
  const answer = await call('bookmark', 'list', { ks, filter: { objectType: 'KalturaBookmarkFilter', assetIdIn: assetId, assetTypeEqual: 'media' } });
  return answer.json?.result?.objects?.find((b: any) => String(b.id) === assetId)?.position;
};

const favoriteIds = async (ks: string): Promise<number[]> => (await call('favorite', 'list', { ks })).json?.result?.objects?.map((f: any) => f.assetId) ?? [];

describe('sync walk-through', () => {
  it('carries a platform bookmark to the vendor within 2 s, and a vendor favorite back to the platform', async () => {
    const ks = await loginAs(facade.url, 'demo2');
    const written = await call('bookmark', 'add', { ks, bookmark: { objectType: 'KalturaBookmark', id: '480001', type: 'media', position: 777, playerData: { objectType: 'KalturaBookmarkPlayerData', action: 'HIT' } } });
    expect(written.json.result).toBe(true);
    const writtenAt = Date.now();
    expect((await admin('POST', '/admin/kill-switch', { on: true })).status).toBe(200);
    try {
      const seen = await waitFor(() => positionOn(ks, '480001'), (p) => p === 777, 2000);
      expect(seen.value).toBe(777);
      expect(Date.now() - writtenAt).toBeLessThan(2000);
      const vendorDirect = await postVendorJson(facade.upstreams.vendorUrl, '/api_v3/service/bookmark/action/list', { ks, filter: { objectType: 'KalturaBookmarkFilter', assetIdIn: '480001' } });
      expect(vendorDirect.json.result.objects[0].position).toBe(777);

      // On the vendor now: the whole request is passed through untouched and captured from its answer.
      const before = await favoriteIds(ks);
      expect(before).not.toContain(480010);
      const added = await call('favorite', 'add', { ks, favorite: { objectType: 'KalturaFavorite', assetId: 480010, extraData: 'from the vendor' } });
      expect(added.json.result.assetId).toBe(480010);
    } finally {
      expect((await admin('POST', '/admin/kill-switch', { on: false })).status).toBe(200);
    }
    const back = await waitFor(() => favoriteIds(ks), (ids) => ids.includes(480010), 2000);
    expect(back.value).toContain(480010);
    expect(await positionOn(ks, '480001')).toBe(777);
  }, 30_000);

  it('captures write sub-calls of a multirequest passed through whole, resolving their tokens from the answer', async () => {
    await admin('POST', '/admin/kill-switch', { on: true });
    let ks: string;
    try {
      const body = {
        '1': { service: 'ottuser', action: 'login', partnerId: 3197, username: 'demo3', password: 'demo3-pass' },
        '2': { service: 'favorite', action: 'add', ks: '{1:result:loginSession:ks}', favorite: { objectType: 'KalturaFavorite', assetId: 480011 } },
        '3': { service: 'favorite', action: 'add', ks: '{1:result:loginSession:ks}', favorite: { objectType: 'KalturaFavorite', assetId: 999999999 } },
      };
      const answer = await postVendorJson(facade.url, '/api_v3/service/multirequest', body);
      expect(answer.json.result[1].assetId).toBe(480011);
      expect(answer.json.result[2].error.code).toBe('500007');
      ks = answer.json.result[0].loginSession.ks;
    } finally {
      await admin('POST', '/admin/kill-switch', { on: false });
    }
    const back = await waitFor(() => favoriteIds(ks), (ids) => ids.includes(480011), 2000);
    expect(back.value).toContain(480011);
  }, 30_000);

  it('carries a purchase made on the platform to the vendor once, however often it is delivered', async () => {
    const ks = await loginAs(facade.url, 'demo2');
    const entitled = async (): Promise<string[]> => {
      const answer = await postVendorJson(facade.upstreams.vendorUrl, '/api_v3/service/entitlement/action/list', { ks, filter: { objectType: 'KalturaEntitlementFilter', productTypeEqual: 'PPV', entityReferenceEqual: 'HOUSEHOLD' } });
      return (answer.json?.result?.objects ?? []).map((e: any) => String(e.productId));
    };
    expect(await entitled()).not.toContain('50004');
    const bought = await call('transaction', 'purchase', { ks, purchase: { objectType: 'KalturaPurchase', productId: '50004', contentId: 210024, productType: 'ppv', currency: 'EUR', price: 1.99 } });
    expect(bought.json.result.state).toBe('OK');
    const seen = await waitFor(entitled, (ids) => ids.includes('50004'), 2000);
    expect(seen.value.filter((id) => id === '50004')).toHaveLength(1);
    // A second delivery of the same purchase (e.g. a retried capture) is deduplicated by its transaction.
    const { rows } = await facade.store.sql.query<{ payload: any; entity_key: string; household_id: string; op: string }>("SELECT payload, entity_key, household_id, op FROM outbox WHERE entity = 'purchase'");
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    await facade.sync!.capture.captureChanges([{ entity: 'purchase', op: 'upsert', key: row.entity_key, householdId: row.household_id, userId: row.payload.userId, source: row.payload.source, value: row.payload.value }], 'reconcile');
    await waitFor(() => facade.sync!.queue.openCount(), (n) => n === 0, 2000);
    expect((await entitled()).filter((id) => id === '50004')).toHaveLength(1);
    expect((await admin('GET', '/admin/sync')).json.entities.purchase.duplicatesSkipped).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('carries household devices both ways as an add/remove set', async () => {
    const ks = await loginAs(facade.url, 'demo3');
    const vendorDevices = async (): Promise<string[]> => ((await postVendorJson(facade.upstreams.vendorUrl, '/api_v3/service/householddevice/action/list', { ks })).json?.result?.objects ?? []).map((d: any) => d.udid);
    const added = await call('householddevice', 'add', { ks, device: { objectType: 'KalturaHouseholdDevice', udid: 'walkthrough-tv-1', name: 'Walk-through TV', brandId: 22 } });
    expect(added.json.result.udid).toBe('walkthrough-tv-1');
    expect((await waitFor(vendorDevices, (udids) => udids.includes('walkthrough-tv-1'), 2000)).value).toContain('walkthrough-tv-1');
    expect((await call('householddevice', 'delete', { ks, udid: 'walkthrough-tv-1' })).json.result).toBe(true);
    expect((await waitFor(vendorDevices, (udids) => !udids.includes('walkthrough-tv-1'), 2000)).value).not.toContain('walkthrough-tv-1');
  }, 30_000);

  it('drops the echoes of its own platform writes and reports per entity', async () => {
    await facade.sync!.followFeed();
    const status = await admin('GET', '/admin/sync');
    expect(status.status).toBe(200);
    const favorite = status.json.entities.favorite;
    expect(favorite.enabled).toBe(true);
    expect(favorite.applied).toBeGreaterThanOrEqual(2);
    expect(favorite.echoesDropped).toBeGreaterThanOrEqual(2);
    expect(status.json.entities.bookmark.applied).toBeGreaterThanOrEqual(1);
    expect(status.json.entities.bookmark.lagSeconds.p99).toBeLessThan(2);
    // Nothing the sync wrote came back as a new change: every captured favorite came from the facade.
    const metrics = await (await fetch(`${facade.adminUrl}/metrics`, { headers: { authorization: `Bearer ${facade.adminToken}` } })).text();
    expect(metrics).toMatch(/understudy_sync_captured_total\{entity="favorite",origin="facade"\} 2/);
    expect(metrics).not.toMatch(/understudy_sync_captured_total\{entity="favorite",origin="feed"\}/);
  });
});
