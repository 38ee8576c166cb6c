/**
 * Purchases in the two-way sync, on the same wiring as `npm start` (in-process sims, the lab policy
 * sending every call to the platform, sync on): a purchase made on the platform directly reaches
 * the vendor through the change feed (priced with the vendor's own price), a purchase through the
 * facade answered by the platform reaches the vendor, each exactly once; a purchase made straight
 * on the vendor is found by reconcile and bought on the platform; a clean state reports no drift.
 */
import type { RunningUnderstudy } from '../../src/main';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { startFacadeLab } from '../support/facade-lab';
import { loginAs, postVendorJson } from '../support/vendor-http';

const token = 'test-admin-token-0123456789';
const catalog = loadCatalog();
const product = (vendorId: string) => catalog.products.find((p) => p.vendorId === vendorId)!;
const demo2 = catalog.users.find((u) => u.username === 'demo2')!;
const household = catalog.households.find((h) => h.vendorId === demo2.householdVendorId)!;
let facade: RunningUnderstudy;
let ks: string;
let bearer: string;

beforeAll(async () => {
  facade = await startFacadeLab({ overrides: { admin: { token } } });
  ks = await loginAs(facade.url, 'demo2');
  const basic = Buffer.from(`understudy:${catalog.demo.platformClientSecret}`).toString('base64');
  const answer = await fetch(`${facade.upstreams.platformUrl}/identity/v1/token`, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' }, body: JSON.stringify({ userId: demo2.platformId, householdId: household.platformId, sessionKey: 'purchase-test' }) });
  bearer = ((await answer.json()) as { accessToken: string }).accessToken;
}, 60_000);
afterAll(() => facade.close());

async function reconcile(body: unknown): Promise<any> {
  const answer = await fetch(`${facade.adminUrl}/admin/sync/reconcile`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(answer.status).toBe(200);
  return answer.json();
}

/** The product ids of the household's active subscriptions on the vendor-sim. */
async function vendorSubscriptions(): Promise<string[]> {
  const filter = { objectType: 'KalturaEntitlementFilter', productTypeEqual: 'subscription', entityReferenceEqual: 'household' };
  const answer = await postVendorJson(facade.upstreams.vendorUrl, '/api_v3/service/entitlement/action/list', { ks, filter });
  return (answer.json?.result?.objects ?? []).map((e: any) => String(e.productId));
}

/** The vendor product ids of the household's active subscriptions on the platform-sim. */
async function platformSubscriptions(): Promise<string[]> {
  const answer = await fetch(`${facade.upstreams.platformUrl}/commerce/v1/entitlements?type=subscription&scope=household`, { headers: { authorization: `Bearer ${bearer}` } });
  const body = (await answer.json()) as { items: { productId: string }[] };
  return body.items.map((e) => catalog.products.find((p) => p.platformId === e.productId)?.vendorId ?? e.productId);
}

async function waitFor(read: () => Promise<string[]>, wanted: string, timeoutMs: number): Promise<string[]> {
  const until = Date.now() + timeoutMs;
  let seen = await read();
  while (!seen.includes(wanted) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    seen = await read();
  }
  return seen;
}

describe('purchases in the sync', () => {
  it('reports no purchase drift on the seeded state', async () => {
    const report = await reconcile({ entity: 'purchase', repair: false });
    expect(report.errors).toEqual([]);
    expect(report.compared).toBeGreaterThan(0);
    expect(report.drift).toBe(0);
  }, 60_000);

  it('carries a purchase made on the platform directly to the vendor, once, at the vendor\'s price', async () => {
    const sports = product('60002');
    expect(await vendorSubscriptions()).not.toContain('60002');
    const bought = await fetch(`${facade.upstreams.platformUrl}/commerce/v1/purchases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ productId: sports.platformId, price: { amountMinor: Math.round(sports.price * 100), currency: sports.currency }, idempotencyKey: 'new-app-1' }),
    });
    expect(bought.status).toBe(201);
    const seen = await waitFor(vendorSubscriptions, '60002', 10_000);
    expect(seen.filter((p) => p === '60002')).toHaveLength(1);
    await facade.sync!.followFeed();
    expect((await facade.sync!.queue.openCount('purchase')) + (await facade.store.sql.query("SELECT 1 FROM dead_letters WHERE entity = 'purchase'")).rows.length).toBe(0);
    expect((await vendorSubscriptions()).filter((p) => p === '60002')).toHaveLength(1);
  }, 30_000);

  it('carries a purchase through the facade answered by the platform to the vendor', async () => {
    const series = product('60004');
    const answer = await postVendorJson(facade.url, '/api_v3/service/transaction/action/purchase', { ks, purchase: { objectType: 'KalturaPurchase', productId: series.vendorId, productType: 'subscription', contentId: 0, price: series.price, currency: series.currency } });
    expect(answer.json.result.objectType).toBe('KalturaTransaction');
    expect(await platformSubscriptions()).toContain('60004');
    const seen = await waitFor(vendorSubscriptions, '60004', 10_000);
    expect(seen.filter((p) => p === '60004')).toHaveLength(1);
  }, 30_000);

  it('finds a purchase made straight on the vendor and buys it on the platform; the next cycle is clean', async () => {
    const kids = product('60003');
    const answer = await postVendorJson(facade.upstreams.vendorUrl, '/api_v3/service/transaction/action/purchase', { ks, purchase: { objectType: 'KalturaPurchase', productId: kids.vendorId, productType: 'subscription', price: kids.price, currency: kids.currency } });
    expect(answer.json.result.state).toBe('OK');
    const report = await reconcile({ entity: 'purchase' });
    expect(report.errors).toEqual([]);
    expect(report.items).toEqual([expect.objectContaining({ entity: 'purchase', householdId: String(household.vendorId), kind: 'missing', side: 'platform', key: `${household.vendorId}:product:60003:0` })]);
    expect(report.repairsPending).toBe(0);
    expect((await platformSubscriptions()).filter((p) => p === '60003')).toHaveLength(1);
    const again = await reconcile({ entity: 'purchase' });
    expect(again.drift).toBe(0);
    expect((await vendorSubscriptions()).filter((p) => p === '60003')).toHaveLength(1);
  }, 60_000);
});
