/**
 * Reconcile (docs/sync.md "Reconcile"): a clean lab reports no drift; 100 silent divergences written
 * straight to one sim (vendor writes that bypass the facade, platform writes carrying the sync's own
 * origin so the change feed drops them) are all found by one cycle, repaired through the sync path,
 * and the next cycle reports none.
 */
import type { RunningUnderstudy } from '../../src/main';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { startFacadeLab } from '../support/facade-lab';
import { postVendorJson } from '../support/vendor-http';

const token = 'test-admin-token-0123456789';
let facade: RunningUnderstudy;
const catalog = loadCatalog();

beforeAll(async () => {
  facade = await startFacadeLab({ overrides: { admin: { token } } });
}, 60_000);
afterAll(() => facade.close());

async function reconcile(): Promise<any> {
  const answer = await fetch(`${facade.adminUrl}/admin/sync/reconcile`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  expect(answer.status).toBe(200);
  return answer.json();
}

async function platformToken(user: { platformId: string; householdVendorId: number }): Promise<string> {
  const household = catalog.households.find((h) => h.vendorId === user.householdVendorId)!;
  const basic = Buffer.from(`understudy:${catalog.demo.platformClientSecret}`).toString('base64');
  const answer = await fetch(`${facade.upstreams.platformUrl}/identity/v1/token`, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' }, body: JSON.stringify({ userId: user.platformId, householdId: household.platformId, sessionKey: 'planter' }) });
  return ((await answer.json()) as { accessToken: string }).accessToken;
}

async function platformWrite(bearer: string, path: string, body: unknown): Promise<number> {
  const answer = await fetch(`${facade.upstreams.platformUrl}${path}`, { method: 'PUT', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', 'x-change-origin': 'understudy-sync' }, body: JSON.stringify(body) });
  return answer.status;
}

async function vendorWrite(ks: string, service: string, action: string, params: Record<string, unknown>): Promise<unknown> {
  const answer = await postVendorJson(facade.upstreams.vendorUrl, `/api_v3/service/${service}/action/${action}`, { ks, ...params });
  return answer.json?.result;
}

describe('sync reconcile', () => {
  it('reports no drift on a clean lab', async () => {
    const report = await reconcile();
    expect(report.errors).toEqual([]);
    expect(report.households).toBeGreaterThan(40);
    expect(report.compared).toBeGreaterThan(0);
    expect(report.drift).toBe(0);
  }, 120_000);

  it('finds and repairs 100 planted silent divergences in one cycle', async () => {
    const okHouseholds = new Set(catalog.households.filter((h) => h.state === 'ok').map((h) => h.vendorId));
    const users = catalog.users.filter((u) => okHouseholds.has(u.householdVendorId)).filter((u, i, all) => all.findIndex((o) => o.householdVendorId === u.householdVendorId) === i).slice(0, 5);
    const assets = catalog.vodAssets.slice(0, 20);
    for (const [n, user] of users.entries()) {
      const login = await postVendorJson(facade.upstreams.vendorUrl, '/api_v3/service/ottuser/action/login', { partnerId: catalog.demo.partnerId, username: user.username, password: user.password });
      const ks = login.json.result.loginSession.ks as string;
      const bearer = await platformToken(user);
      for (let i = 0; i < 5; i++) {
        const bookmark = { objectType: 'KalturaBookmark', id: String(assets[i]!.vendorId), type: 'media', position: 100 + n * 10 + i, playerData: { action: 'PAUSE' } };
        expect(await vendorWrite(ks, 'bookmark', 'add', { bookmark })).toBe(true);
        expect(await vendorWrite(ks, 'favorite', 'add', { favorite: { assetId: assets[5 + i]!.vendorId, extraData: `planted-${n}-${i}` } })).toMatchObject({ assetId: assets[5 + i]!.vendorId });
        expect(await platformWrite(bearer, `/user-data/v1/progress/${assets[10 + i]!.platformId}`, { positionSeconds: 200 + n * 10 + i, itemKind: 'media', action: 'pause' })).toBe(200);
        expect([200, 201]).toContain(await platformWrite(bearer, `/user-data/v1/favorites/${assets[15 + i]!.platformId}`, { note: `planted-${n}-${i}` }));
      }
    }
    const report = await reconcile();
    expect(report.errors).toEqual([]);
    expect(report.drift).toBe(100);
    expect(report.byEntity).toEqual({ bookmark: 50, favorite: 50 });
    expect(report.repairsEnqueued).toBe(100);
    expect(report.repairsPending).toBe(0);

    const again = await reconcile();
    expect(again.drift).toBe(0);
    // Spot-check one repair each way on the sides themselves.
    const user = users[0]!;
    const login = await postVendorJson(facade.upstreams.vendorUrl, '/api_v3/service/ottuser/action/login', { partnerId: catalog.demo.partnerId, username: user.username, password: user.password });
    const favorites = await vendorWrite(login.json.result.loginSession.ks, 'favorite', 'list', {});
    expect((favorites as any).objects.find((f: any) => f.assetId === assets[15]!.vendorId)?.extraData).toBe('planted-0-0');
    const bearer = await platformToken(user);
    const progress = await fetch(`${facade.upstreams.platformUrl}/user-data/v1/progress?itemIds=${assets[0]!.platformId}`, { headers: { authorization: `Bearer ${bearer}` } });
    const mine = ((await progress.json()) as any).items.find((p: any) => p.userId === user.platformId);
    expect(mine.positionSeconds).toBe(100);
  }, 180_000);
});
