/**
 * A history clean is carried (docs/sync.md "Capture", "Conflicts"): a bookmark delete is a write
 * with a tombstone under last-writer-wins. A clean answered by the platform (with or without an
 * asset filter) reaches the vendor entry by entry through the platform's change feed; a bookmark set
 * on the other side after the clean survives on both; an older bookmark delivered late does not
 * bring a cleaned entry back; a clean made on the vendor directly is repaired by reconcile.
 */
import type { RunningUnderstudy } from '../../src/main';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { formatStamp, parseStamp } from '../../src/sync/hlc';
import { startFacadeLab } from '../support/facade-lab';
import { postVendorJson } from '../support/vendor-http';

const token = 'test-admin-token-0123456789';
const catalog = loadCatalog();
let facade: RunningUnderstudy;
const [a, b, c, d] = catalog.vodAssets.slice(30, 34).map((asset) => asset.vendorId);

beforeAll(async () => {
  facade = await startFacadeLab({ overrides: { admin: { token }, sync: { pollMs: 50, feedPollMs: 50 } } });
}, 60_000);
afterAll(() => facade.close());

async function admin(method: string, path: string, body?: unknown): Promise<any> {
  const answer = await fetch(`${facade.adminUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  expect(answer.status).toBe(200);
  return answer.json();
}

function member(n: number): { username: string; password: string; vendorId: string; householdVendorId: number } {
  const demoHouseholds = new Set(catalog.users.filter((u) => u.username.startsWith('demo')).map((u) => u.householdVendorId));
  const active = catalog.households.filter((h) => h.state === 'ok' && !demoHouseholds.has(h.vendorId));
  return catalog.users.find((u) => u.householdVendorId === active[n]!.vendorId && !u.suspended)!;
}

async function call(baseUrl: string, ks: string, service: string, action: string, params: Record<string, unknown> = {}): Promise<any> {
  return (await postVendorJson(baseUrl, `/api_v3/service/${service}/action/${action}`, { ks, ...params })).json?.result;
}

const bookmark = (assetId: number, position: number): Record<string, unknown> => ({ bookmark: { objectType: 'KalturaBookmark', id: String(assetId), type: 'media', position, playerData: { objectType: 'KalturaBookmarkPlayerData', action: 'PAUSE' } } });
const clean = (...assetIds: number[]): Record<string, unknown> => (assetIds.length === 0 ? {} : { filter: { objectType: 'KalturaAssetHistoryFilter', assetIdIn: assetIds.join(',') } });

/** The positions a side holds for the user (the vendor-sim, or the facade: the platform while no kill switch is on); `mine`: only the test's assets. */
async function positions(baseUrl: string, ks: string, mine = true): Promise<Record<number, number>> {
  const list = await call(baseUrl, ks, 'assetHistory', 'list', { filter: { objectType: 'KalturaAssetHistoryFilter', statusEqual: 'all' } });
  const entries = ((list?.objects ?? []) as any[]).filter((h) => !mine || [a, b, c, d].includes(h.assetId));
  return Object.fromEntries(entries.map((h) => [h.assetId, h.position]));
}

async function until(read: () => Promise<Record<number, number>>, done: (p: Record<number, number>) => boolean): Promise<Record<number, number>> {
  const deadline = Date.now() + 15_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

async function drained(): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && (await facade.sync!.queue.openCount()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function login(n: number): Promise<string> {
  const user = member(n);
  return String((await postVendorJson(facade.url, '/api_v3/service/ottuser/action/login', { partnerId: catalog.demo.partnerId, username: user.username, password: user.password })).json?.result?.loginSession?.ks);
}

describe('history clean carried as bookmark deletes', () => {
  it('carries a clean answered by the platform to the vendor, with and without an asset filter; a later bookmark on the vendor survives', async () => {
    const ks = await login(0);
    const vendor = (): Promise<Record<number, number>> => positions(facade.upstreams.vendorUrl, ks);
    for (const [asset, position] of [[a!, 300], [b!, 400], [c!, 500]] as const) expect(await call(facade.url, ks, 'bookmark', 'add', bookmark(asset, position))).toBe(true);
    expect(await until(vendor, (p) => p[c!] === 500)).toMatchObject({ [a!]: 300, [b!]: 400, [c!]: 500 });
    expect(await call(facade.url, ks, 'assetHistory', 'clean', clean(a!))).toBeNull();
    expect(Object.keys(await until(vendor, (p) => p[a!] === undefined)).map(Number).sort()).toEqual([b!, c!].sort());
    // Without a filter the whole history goes, the seeded entries included: the platform's feed names each one.
    expect(Object.keys(await positions(facade.upstreams.vendorUrl, ks, false)).length).toBeGreaterThan(2);
    expect(await call(facade.url, ks, 'assetHistory', 'clean')).toBeNull();
    expect(await until(() => positions(facade.upstreams.vendorUrl, ks, false), (p) => Object.keys(p).length === 0)).toEqual({});
    // Set again on the vendor after the clean (kill switch on): newer than the tombstone, so it wins on both sides.
    await admin('POST', '/admin/kill-switch', { on: true });
    try {
      expect(await call(facade.url, ks, 'bookmark', 'add', bookmark(a!, 700))).toBe(true);
      await drained();
    } finally {
      await admin('POST', '/admin/kill-switch', { on: false });
    }
    expect(await positions(facade.url, ks, false)).toEqual({ [a!]: 700 });
  }, 90_000);

  it('does not let an older bookmark delivered after the clean bring the entry back', async () => {
    const ks = await login(1);
    const userId = member(1).vendorId;
    expect(await call(facade.url, ks, 'bookmark', 'add', bookmark(b!, 120))).toBe(true);
    await drained();
    expect(await call(facade.url, ks, 'assetHistory', 'clean', clean(b!))).toBeNull();
    const key = `${userId}:${b!}:media`;
    const deadline = Date.now() + 15_000;
    let register = await facade.sync!.queue.readRegister('bookmark', key);
    while (register?.tombstone !== true && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      register = await facade.sync!.queue.readRegister('bookmark', key);
    }
    expect(register?.tombstone).toBe(true);
    // A write on the vendor made before the clean (written there now, bypassing the facade) arrives late.
    expect(await call(facade.upstreams.vendorUrl, ks, 'bookmark', 'add', bookmark(b!, 90))).toBe(true);
    const older = formatStamp({ ...parseStamp(register!.stamp)!, physicalMs: parseStamp(register!.stamp)!.physicalMs - 1000 });
    const value = { assetId: b!, assetType: 'media', position: 90, action: 'PAUSE' };
    await facade.sync!.capture.captureChanges([{ entity: 'bookmark', op: 'upsert', key, householdId: String(member(1).householdVendorId), userId, source: 'vendor', stamp: older, value }], 'reconcile');
    await drained();
    expect(await positions(facade.upstreams.vendorUrl, ks)).toEqual({});
    expect(await positions(facade.url, ks)).toEqual({});
  }, 90_000);

  it('repairs a clean made on the vendor directly with reconcile (the entries the sync carried are extra)', async () => {
    const ks = await login(2);
    expect(await call(facade.url, ks, 'bookmark', 'add', bookmark(d!, 60))).toBe(true);
    await drained();
    expect(await positions(facade.upstreams.vendorUrl, ks)).toEqual({ [d!]: 60 });
    expect(await call(facade.upstreams.vendorUrl, ks, 'assetHistory', 'clean', clean(d!))).toBeNull();
    const report = await admin('POST', '/admin/sync/reconcile', { entity: 'bookmark' });
    expect(report.items.map((i: any) => `${i.kind} ${i.side} ${i.key}`)).toEqual([`extra platform ${member(2).vendorId}:${d!}:media`]);
    expect(report.repairsPending).toBe(0);
    expect(await positions(facade.url, ks)).toEqual({});
  }, 90_000);
});
