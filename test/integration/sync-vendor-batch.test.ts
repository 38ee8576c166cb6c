/**
 * The vendor applier's batch (docs/sync.md "Workers"): a household's bookmark changes go to the
 * vendor-sim as one multirequest with abortOnError; a failing change stops the batch there, so
 * nothing after it is written (order holds), and what came before it is on the vendor.
 */
import type { RunningUnderstudy } from '../../src/main';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { formatStamp } from '../../src/sync/hlc';
import type { SyncChange } from '../../src/sync/sync-types';
import { createSyncKsMinter, createVendorApplier } from '../../src/upstream/sync-vendor-applier';
import { createVendorCallClient, type VendorCallClient } from '../../src/upstream/vendor-call-client';
import { startFacadeLab } from '../support/facade-lab';

const demo = loadCatalog().demo;
const account = demo.accounts[0]!;
let facade: RunningUnderstudy;
let vendor: VendorCallClient;

beforeAll(async () => {
  facade = await startFacadeLab({ overrides: { sync: { mode: 'off' } } });
  vendor = createVendorCallClient({ vendorUrl: facade.upstreams.vendorUrl, timeoutMs: 5000 });
}, 60_000);
afterAll(async () => {
  await vendor.close();
  await facade.close();
});

const bookmark = (assetId: number, position: number): SyncChange => ({
  entity: 'bookmark', op: 'upsert', key: `${account.userId}:${assetId}:media`, householdId: String(account.household), userId: account.userId, source: 'platform',
  stamp: formatStamp({ physicalMs: position, counter: 0, site: 'a' }), value: { assetId, assetType: 'media', position, action: 'PAUSE' },
});

async function positionsOnVendor(assetIds: readonly number[]): Promise<Record<string, number>> {
  const ks = createSyncKsMinter({ vendor, partnerId: demo.partnerId, partnerSecret: demo.partnerSecret, clock: facade.clock })(bookmark(0, 0));
  const outcome = await vendor.call({ service: 'bookmark', action: 'list', params: { ks, filter: { objectType: 'KalturaBookmarkFilter', assetIdIn: assetIds.join(','), assetTypeEqual: 'media' } } });
  const objects = (outcome.ok ? (outcome.value as { objects?: { id: string; position: number }[] }).objects : undefined) ?? [];
  return Object.fromEntries(objects.map((o) => [String(o.id), o.position]));
}

it('writes a batch in order in one multirequest, and nothing after a failing change', async () => {
  const applier = createVendorApplier({ vendor, partnerId: demo.partnerId, partnerSecret: demo.partnerSecret, clock: facade.clock });
  expect(applier.applyMany).toBeDefined();
  const outcomes = await applier.applyMany!([bookmark(480001, 111), bookmark(480002, 222), bookmark(999999999, 5), bookmark(480003, 333)]);
  expect(outcomes.map((o) => o.kind)).toEqual(['applied', 'applied', 'failed', 'failed']);
  expect(await positionsOnVendor([480001, 480002, 480003])).toEqual({ 480001: 111, 480002: 222 });
  expect((await applier.applyMany!([bookmark(480003, 444), bookmark(480001, 555)])).map((o) => o.kind)).toEqual(['applied', 'applied']);
  expect(await positionsOnVendor([480001, 480002, 480003])).toEqual({ 480001: 555, 480002: 222, 480003: 444 });
});
