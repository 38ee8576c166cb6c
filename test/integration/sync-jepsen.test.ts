/**
 * A small Jepsen-style run of the sync (the full-size one is bench/sync-jepsen.ts): acknowledged
 * writes from both sides — through the facade under a mixed policy (bookmarks and subscription
 * purchases to the platform, favorites to the vendor) and straight to each sim — while the vendor-sim
 * fails 10 % of requests,
 * resets 5 % and applies 5 % but loses their answer (duplicated deliveries: the caller, device or
 * sync worker, sends the write again), workers are "killed" (rows claimed and abandoned until their
 * lease ends), and the change feed is re-delivered from the start. After the faults stop and one
 * reconcile cycle, the checker must find nothing lost, duplicated, echoed or different. Facade
 * captures are group-committed here (`captureInFlight` 2), so grouping is checked under faults too.
 */
import type { RunningUnderstudy } from '../../src/main';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { startFacadeLab } from '../support/facade-lab';
import { checkSyncHistory, type AckedWrite } from '../support/sync-history-check';
import { isUnknownVendorResult, retryWhileUnknown } from '../support/retry-unknown';
import { loginAs, postVendorJson } from '../support/vendor-http';

const token = 'test-admin-token-0123456789';
const catalog = loadCatalog();
let facade: RunningUnderstudy;

beforeAll(async () => {
  facade = await startFacadeLab({ overrides: { admin: { token }, sync: { leaseMs: 1000, pollMs: 20, feedPollMs: 50, backoffMs: 20, maxBackoffMs: 200, maxAttempts: 30, captureInFlight: 2 } } });
}, 60_000);
afterAll(() => facade.close());

const admin = async (method: string, path: string, body?: unknown): Promise<any> =>
  (await fetch(`${facade.adminUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })).json();
const vendorFaults = (faults: Record<string, number>) => fetch(`${facade.upstreams.vendorUrl}/__sim/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });

interface Writer {
  readonly user: (typeof catalog.users)[number];
  readonly ks: string;
  readonly bearer: string;
  /** Subscriptions this writer buys: ones its household holds on neither side yet (one buyer per household). */
  buys: string[];
}

const subscriptions = catalog.products.filter((p) => p.type === 'subscription');
const purchaseKey = (householdId: string, productId: string): string => `p:${householdId}:${productId}`;

async function platformBearer(user: Writer['user']): Promise<string> {
  const household = catalog.households.find((h) => h.vendorId === user.householdVendorId)!;
  const basic = Buffer.from(`understudy:${catalog.demo.platformClientSecret}`).toString('base64');
  const answer = await fetch(`${facade.upstreams.platformUrl}/identity/v1/token`, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' }, body: JSON.stringify({ userId: user.platformId, householdId: household.platformId, sessionKey: 'writer' }) });
  return ((await answer.json()) as { accessToken: string }).accessToken;
}

const callOnce = async (base: string, service: string, action: string, body: Record<string, unknown>): Promise<any> => {
  try {
    return (await postVendorJson(base, `/api_v3/service/${service}/action/${action}`, body)).json?.result;
  } catch {
    return undefined;
  }
};
let resent = 0;
const unknownOutcome = (result: unknown): boolean => {
  const unknown = isUnknownVendorResult(result);
  if (unknown) resent += 1;
  return unknown;
};
/** A write is sent again while its outcome is unknown (a lost answer may hide an applied write). */
const facadeCall = (service: string, action: string, body: Record<string, unknown>): Promise<any> => retryWhileUnknown(() => callOnce(facade.url, service, action, body), unknownOutcome);
const vendorCall = (service: string, action: string, body: Record<string, unknown>): Promise<any> => retryWhileUnknown(() => callOnce(facade.upstreams.vendorUrl, service, action, body), unknownOutcome);
const platformCall = async (bearer: string, method: string, path: string, body?: unknown): Promise<number> =>
  (await fetch(`${facade.upstreams.platformUrl}${path}`, { method, headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })).status;

const assets = catalog.vodAssets.slice(40, 52);
const bookmark = (id: number, position: number) => ({ objectType: 'KalturaBookmark', id: String(id), type: 'media', position, playerData: { objectType: 'KalturaBookmarkPlayerData', action: 'PAUSE' } });

async function runWriters(w: Writer, acked: AckedWrite[], platformDirect: Set<string>): Promise<void> {
  const u = w.user.vendorId;
  const viaFacadeBookmarks = async (): Promise<void> => {
    for (let round = 1; round <= 6; round++) for (const a of assets.slice(0, 3)) if ((await facadeCall('bookmark', 'add', { ks: w.ks, bookmark: bookmark(a.vendorId, round * 10) })) === true) acked.push({ key: `b:${u}:${a.vendorId}`, value: String(round * 10) });
  };
  const viaFacadeFavorites = async (): Promise<void> => {
    for (let round = 0; round < 4; round++) {
      for (const a of assets.slice(3, 6)) {
        const add = round % 2 === 0;
        const result = add ? await facadeCall('favorite', 'add', { ks: w.ks, favorite: { objectType: 'KalturaFavorite', assetId: a.vendorId } }) : await facadeCall('favorite', 'delete', { ks: w.ks, id: a.vendorId });
        if (add ? result?.assetId === a.vendorId : result === true) acked.push({ key: `f:${u}:${a.vendorId}`, value: add ? 'present' : 'absent' });
      }
    }
  };
  const directPlatform = async (): Promise<void> => {
    for (let round = 0; round < 3; round++) {
      for (const a of assets.slice(6, 9)) {
        const add = round % 2 === 0;
        const status = await platformCall(w.bearer, add ? 'PUT' : 'DELETE', `/user-data/v1/favorites/${a.platformId}`, add ? { note: '' } : undefined);
        platformDirect.add(`${u}:${a.vendorId}`);
        if (status < 300) acked.push({ key: `f:${u}:${a.vendorId}`, value: add ? 'present' : 'absent' });
      }
    }
  };
  const directVendor = async (): Promise<void> => {
    for (let round = 1; round <= 3; round++) for (const a of assets.slice(9, 12)) if ((await vendorCall('bookmark', 'add', { ks: w.ks, bookmark: bookmark(a.vendorId, round * 7) })) === true) acked.push({ key: `b:${u}:${a.vendorId}`, value: String(round * 7) });
  };
  // Purchases are append-only: the sync carries each to the vendor, whose 5 % lost answers make the
  // workers deliver some twice; an entitlement listed twice on a side is a duplicate.
  const viaFacadePurchases = async (): Promise<void> => {
    for (const productId of w.buys) {
      const p = subscriptions.find((s) => s.vendorId === productId)!;
      const result = await facadeCall('transaction', 'purchase', { ks: w.ks, purchase: { objectType: 'KalturaPurchase', productId: p.vendorId, productType: 'subscription', contentId: 0, price: p.price, currency: p.currency } });
      if (result?.objectType === 'KalturaTransaction') acked.push({ key: purchaseKey(String(w.user.householdVendorId), p.vendorId), value: 'present' });
    }
  };
  await Promise.all([viaFacadeBookmarks(), viaFacadeFavorites(), directPlatform(), directVendor(), viaFacadePurchases()]);
}

/** Every household subscription entitlement on each side, as listed (a duplicate stays listed twice). */
async function readSubscriptions(w: Writer): Promise<{ vendor: string[]; platform: string[] }> {
  const filter = { objectType: 'KalturaEntitlementFilter', productTypeEqual: 'subscription', entityReferenceEqual: 'household' };
  const onVendor = await vendorCall('entitlement', 'list', { ks: w.ks, filter, pager: { pageSize: 50 } });
  const answer = await fetch(`${facade.upstreams.platformUrl}/commerce/v1/entitlements?type=subscription&scope=household`, { headers: { authorization: `Bearer ${w.bearer}` } });
  const onPlatform = ((await answer.json()) as { items: { productId: string }[] }).items;
  return {
    vendor: (onVendor?.objects ?? []).map((e: any) => String(e.productId)),
    platform: onPlatform.map((e) => catalog.products.find((p) => p.platformId === e.productId)?.vendorId ?? e.productId),
  };
}

/** Gives each household's first writer the subscriptions the household holds on neither side. */
async function assignPurchases(writers: readonly Writer[]): Promise<void> {
  const seen = new Set<string>();
  for (const w of writers) {
    if (seen.has(String(w.user.householdVendorId))) continue;
    seen.add(String(w.user.householdVendorId));
    const held = await readSubscriptions(w);
    w.buys = subscriptions.map((p) => p.vendorId).filter((id) => !held.vendor.includes(id) && !held.platform.includes(id));
  }
}

async function readSides(writers: readonly Writer[]): Promise<{ vendor: [string, string][]; platform: [string, string][] }> {
  const vendor: [string, string][] = [];
  const platform: [string, string][] = [];
  const wanted = new Set(assets.map((a) => a.vendorId));
  for (const w of writers) {
    const u = w.user.vendorId;
    const history = await vendorCall('assethistory', 'list', { ks: w.ks, pager: { pageSize: 50 } });
    for (const h of history.objects ?? []) if (wanted.has(h.assetId)) vendor.push([`b:${u}:${h.assetId}`, String(h.position)]);
    const favorites = await vendorCall('favorite', 'list', { ks: w.ks });
    for (const f of favorites.objects ?? []) if (wanted.has(f.assetId)) vendor.push([`f:${u}:${f.assetId}`, 'present']);
    const byPlatform = new Map(assets.map((a) => [a.platformId, a.vendorId]));
    const progress: any = await (await fetch(`${facade.upstreams.platformUrl}/user-data/v1/history?limit=500`, { headers: { authorization: `Bearer ${w.bearer}` } })).json();
    for (const h of progress.items) if (byPlatform.has(h.itemId)) platform.push([`b:${u}:${byPlatform.get(h.itemId)}`, String(h.positionSeconds)]);
    const favs: any = await (await fetch(`${facade.upstreams.platformUrl}/user-data/v1/favorites?limit=500`, { headers: { authorization: `Bearer ${w.bearer}` } })).json();
    for (const f of favs.items) if (byPlatform.has(f.itemId)) platform.push([`f:${u}:${byPlatform.get(f.itemId)}`, 'present']);
    if (w.buys.length > 0) {
      const held = await readSubscriptions(w);
      for (const id of held.vendor) vendor.push([purchaseKey(String(w.user.householdVendorId), id), 'present']);
      for (const id of held.platform) platform.push([purchaseKey(String(w.user.householdVendorId), id), 'present']);
    }
  }
  return { vendor, platform };
}

describe('sync under faults (Jepsen-style, small)', () => {
  it('loses, duplicates and echoes nothing, and both sides end equal', async () => {
    const writers: Writer[] = [];
    for (const account of catalog.demo.accounts) {
      const user = catalog.users.find((u) => u.vendorId === account.userId)!;
      writers.push({ user, ks: await loginAs(facade.url, account.username), bearer: await platformBearer(user), buys: [] });
    }
    await assignPurchases(writers);
    const purchases = writers.reduce((n, w) => n + w.buys.length, 0);
    await admin('POST', '/admin/kill-switch', { on: true, operation: 'favorite.add' });
    await admin('POST', '/admin/kill-switch', { on: true, operation: 'favorite.delete' });
    const acked: AckedWrite[] = [];
    const platformDirect = new Set<string>();
    let kills = 0;
    let chaos = true;
    const killer = (async () => {
      while (chaos) {
        await facade.sync!.queue.claim(`killed-${kills}`, 5, 1000);
        kills += 1;
        if (kills === 5) await facade.store.cursors.set('platform-changes', '0');
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    })();
    await vendorFaults({ errorRate: 0.1, resetRate: 0.05, duplicateRate: 0.05 });
    try {
      await Promise.all(writers.map((w) => runWriters(w, acked, platformDirect)));
    } finally {
      chaos = false;
      await killer;
      await vendorFaults({ errorRate: 0, resetRate: 0, duplicateRate: 0 });
      await admin('POST', '/admin/kill-switch', { on: false, operation: 'favorite.add' });
      await admin('POST', '/admin/kill-switch', { on: false, operation: 'favorite.delete' });
    }
    expect(kills).toBeGreaterThanOrEqual(5);
    expect(resent).toBeGreaterThan(0);
    expect(acked.length).toBeGreaterThan(150);
    expect(purchases).toBeGreaterThanOrEqual(4);
    expect(acked.filter((a) => a.key.startsWith('p:'))).toHaveLength(purchases);
    const report = await admin('POST', '/admin/sync/reconcile', {});
    expect(report.errors).toEqual([]);
    expect(report.repairsPending).toBe(0);
    const sides = await readSides(writers);
    const { rows } = await facade.store.sql.query<{ entity_key: string }>("SELECT entity_key FROM outbox WHERE origin = 'feed' UNION ALL SELECT entity_key FROM dead_letters WHERE origin = 'feed'");
    const verdict = checkSyncHistory({
      acked,
      vendor: sides.vendor,
      platform: sides.platform,
      feedCaptured: rows.map((r) => r.entity_key),
      platformDirectKeys: platformDirect,
    });
    expect(verdict).toEqual({ lost: [], divergent: [], duplicated: [], echoes: [] });
    const status = await admin('GET', '/admin/sync');
    expect(Object.entries(status.entities).filter(([, e]: [string, any]) => e.deadLetters !== 0)).toEqual([]);
    expect(Object.keys(status.entities)).toEqual(expect.arrayContaining(['bookmark', 'favorite', 'device', 'purchase']));
  }, 120_000);
});
