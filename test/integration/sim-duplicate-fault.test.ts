/**
 * The sims' `duplicateRate` fault knob (docs/lab-rules.md "Fault knobs"): a request is served — its
 * write applied — and then its answer is lost (connection reset), so the caller sees a failure and
 * retries: the write is delivered twice. Then the sync's vendor applier under it: the lost answer is
 * a retryable failure, and the repeated delivery leaves one favorite and the latest position.
 */
import { startPlatformSim, type PlatformSim } from '../../src/sim/platform-sim/platform-sim-server';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { formatStamp } from '../../src/sync/hlc';
import type { SyncChange } from '../../src/sync/sync-types';
import { createVendorApplier } from '../../src/upstream/sync-vendor-applier';
import { createVendorCallClient, type VendorCallClient } from '../../src/upstream/vendor-call-client';
import { loginAs, postVendorJson, sendVendorRequest } from '../support/vendor-http';

const catalog = loadCatalog();
const account = catalog.demo.accounts[0]!;
const asset = catalog.vodAssets[7]!;
let vendorSim: VendorSim;
let platformSim: PlatformSim;
let vendor: VendorCallClient;

beforeAll(async () => {
  vendorSim = await startVendorSim({ catalog });
  platformSim = await startPlatformSim({ catalog });
  vendor = createVendorCallClient({ vendorUrl: vendorSim.url, timeoutMs: 5000 });
});
afterAll(async () => {
  await vendor.close();
  await Promise.all([vendorSim.close(), platformSim.close()]);
});
afterEach(() => {
  vendorSim.setFaults({ duplicateRate: 0 });
  platformSim.setFaults({ duplicateRate: 0 });
});

const favoriteIds = async (ks: string): Promise<number[]> =>
  ((await postVendorJson(vendorSim.url, '/api_v3/service/favorite/action/list', { ks })).json.result.objects as { assetId: number }[]).map((f) => f.assetId);

describe('duplicateRate: the write is applied, its answer lost', () => {
  it('is a validated knob of /__sim/faults', async () => {
    const set = await sendVendorRequest(vendorSim.url, '/__sim/faults', { method: 'PUT', body: '{"duplicateRate": 0.25}', contentType: 'application/json' });
    expect(set.json).toEqual({ latencyMs: 0, jitterMs: 0, errorRate: 0, resetRate: 0, duplicateRate: 0.25 });
    const bad = await sendVendorRequest(vendorSim.url, '/__sim/faults', { method: 'PUT', body: '{"duplicateRate": 1.5}', contentType: 'application/json' });
    expect(bad.status).toBe(400);
  });

  it('vendor-sim applies the call, resets the connection, and the retry finds it applied', async () => {
    const ks = await loginAs(vendorSim.url, account.username);
    expect(await favoriteIds(ks)).not.toContain(asset.vendorId);
    vendorSim.setFaults({ duplicateRate: 1 });
    await expect(postVendorJson(vendorSim.url, '/api_v3/service/favorite/action/add', { ks, favorite: { objectType: 'KalturaFavorite', assetId: asset.vendorId } })).rejects.toThrow();
    vendorSim.setFaults({ duplicateRate: 0 });
    expect(await favoriteIds(ks)).toContain(asset.vendorId);
    const retry = await postVendorJson(vendorSim.url, '/api_v3/service/favorite/action/add', { ks, favorite: { objectType: 'KalturaFavorite', assetId: asset.vendorId } });
    expect(retry.json.result.assetId).toBe(asset.vendorId);
    expect((await favoriteIds(ks)).filter((id) => id === asset.vendorId)).toHaveLength(1);
  });

  it('platform-sim applies the write and loses the answer the same way', async () => {
    const user = catalog.users.find((u) => u.vendorId === account.userId)!;
    const household = catalog.households.find((h) => h.vendorId === user.householdVendorId)!;
    const basic = Buffer.from(`understudy:${catalog.demo.platformClientSecret}`).toString('base64');
    const token = await fetch(`${platformSim.url}/identity/v1/token`, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' }, body: JSON.stringify({ userId: user.platformId, householdId: household.platformId, sessionKey: 'dup' }) });
    const bearer = ((await token.json()) as { accessToken: string }).accessToken;
    const headers = { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' };
    platformSim.setFaults({ duplicateRate: 1 });
    await expect(fetch(`${platformSim.url}/user-data/v1/favorites/${asset.platformId}`, { method: 'PUT', headers, body: JSON.stringify({ note: '' }) })).rejects.toThrow();
    platformSim.setFaults({ duplicateRate: 0 });
    const listed = (await (await fetch(`${platformSim.url}/user-data/v1/favorites?limit=500`, { headers })).json()) as { items: { itemId: string }[] };
    expect(listed.items.map((i) => i.itemId)).toContain(asset.platformId);
  });

  it('the sync applier reports a lost answer as retryable; the repeated batch applies cleanly', async () => {
    const change = (position: number): SyncChange => ({
      entity: 'bookmark', op: 'upsert', key: `${account.userId}:${asset.vendorId}:media`, householdId: String(account.household), userId: account.userId, source: 'platform',
      stamp: formatStamp({ physicalMs: position, counter: 0, site: 'a' }), value: { assetId: asset.vendorId, assetType: 'media', position, action: 'PAUSE' },
    });
    const applier = createVendorApplier({ vendor, partnerId: catalog.demo.partnerId, partnerSecret: catalog.demo.partnerSecret, clock: vendorSim.clock });
    vendorSim.setFaults({ duplicateRate: 1 });
    const lost = await applier.applyMany!([change(101), change(202)]);
    expect(lost).toEqual([expect.objectContaining({ kind: 'failed', retryable: true })]);
    vendorSim.setFaults({ duplicateRate: 0 });
    const ks = await loginAs(vendorSim.url, account.username);
    const position = async (): Promise<number | undefined> =>
      ((await postVendorJson(vendorSim.url, '/api_v3/service/bookmark/action/list', { ks, filter: { objectType: 'KalturaBookmarkFilter', assetIdIn: String(asset.vendorId), assetTypeEqual: 'media' } })).json.result.objects as { position: number }[])[0]?.position;
    expect(await position()).toBe(202);
    expect((await applier.applyMany!([change(101), change(202)])).map((o) => o.kind)).toEqual(['applied', 'applied']);
    expect(await position()).toBe(202);
  });
});
