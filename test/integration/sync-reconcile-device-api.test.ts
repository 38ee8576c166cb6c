/**
 * Reconcile of the device API's entities (docs/sync.md "Reconcile"): PINs, parental-rule switches,
 * profile fields, recordings, series recordings, personal lists and reminders. A clean lab reports
 * none; divergences written straight to one sim (vendor writes that bypass the facade, platform
 * writes carrying the sync's own origin so the change feed drops them) are each found by one cycle,
 * with their kind and the side they are on, and repaired through the sync; the next cycle finds none.
 */
import type { RunningUnderstudy } from '../../src/main';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { frozenLabClock, startFacadeLab } from '../support/facade-lab';
import { postVendorJson } from '../support/vendor-http';

const token = 'test-admin-token-0123456789';
const catalog = loadCatalog();
let facade: RunningUnderstudy;

beforeAll(async () => {
  facade = await startFacadeLab({ clock: frozenLabClock(), overrides: { admin: { token }, sync: { pollMs: 50, feedPollMs: 50 } } });
}, 60_000);
afterAll(() => facade.close());

async function admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const answer = await fetch(`${facade.adminUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: answer.status, json: await answer.json() };
}

async function reconcile(body: Record<string, unknown> = {}): Promise<any> {
  const answer = await admin('POST', '/admin/sync/reconcile', body);
  expect(answer.status).toBe(200);
  return answer.json;
}

/** The first user of the n-th active household no demo account lives in (seeded with no PIN or rule). */
function member(n: number): { username: string; password: string; platformId: string; householdVendorId: number } {
  const demoHouseholds = new Set(catalog.users.filter((u) => u.username.startsWith('demo')).map((u) => u.householdVendorId));
  const active = catalog.households.filter((h) => h.state === 'ok' && !demoHouseholds.has(h.vendorId));
  return catalog.users.find((u) => u.householdVendorId === active[n]!.vendorId && !u.suspended)!;
}

const programme = (vendorId: number): string => catalog.programs.find((p) => p.vendorId === vendorId)!.platformId;

async function login(baseUrl: string, n: number): Promise<string> {
  const user = member(n);
  const answer = await postVendorJson(baseUrl, '/api_v3/service/ottuser/action/login', { partnerId: catalog.demo.partnerId, username: user.username, password: user.password });
  return String(answer.json?.result?.loginSession?.ks);
}

/** A vendor call to `baseUrl` (the vendor-sim directly: nothing captured; or the facade). */
async function call(baseUrl: string, ks: string, service: string, action: string, params: Record<string, unknown> = {}): Promise<any> {
  return (await postVendorJson(baseUrl, `/api_v3/service/${service}/action/${action}`, { ks, ...params })).json?.result;
}

async function platformToken(n: number): Promise<string> {
  const user = member(n);
  const household = catalog.households.find((h) => h.vendorId === user.householdVendorId)!;
  const basic = Buffer.from(`understudy:${catalog.demo.platformClientSecret}`).toString('base64');
  const answer = await fetch(`${facade.upstreams.platformUrl}/identity/v1/token`, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' }, body: JSON.stringify({ userId: user.platformId, householdId: household.platformId, sessionKey: 'planter' }) });
  return ((await answer.json()) as { accessToken: string }).accessToken;
}

/** A platform write with the sync's own origin: the feed drops it, only reconcile can find it. */
async function platformWrite(bearer: string, method: string, path: string, body?: unknown): Promise<number> {
  const answer = await fetch(`${facade.upstreams.platformUrl}${path}`, { method, headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', 'x-change-origin': 'understudy-sync' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  await answer.text();
  return answer.status;
}

async function platformRead(bearer: string, path: string): Promise<any> {
  return (await fetch(`${facade.upstreams.platformUrl}${path}`, { headers: { authorization: `Bearer ${bearer}` } })).json();
}

async function drained(): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && (await facade.sync!.queue.openCount()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
}

const deviceApiEntities = ['pin', 'parental', 'profile', 'recording', 'seriesRecording', 'personalList', 'reminder'];
const [ruleA, ruleB] = [catalog.parentalRules[0]!.id, catalog.parentalRules[1]!.id];
const held = { filter: { objectType: 'KalturaRecordingFilter', statusIn: 'SCHEDULED,RECORDING,RECORDED' } };

/** Both sides hold a rule and a recording of household 2 (carried by the sync); then the vendor loses them silently. */
async function plantExtras(): Promise<void> {
  const facadeKs = await login(facade.url, 2);
  expect(await call(facade.url, facadeKs, 'parentalRule', 'enable', { ruleId: ruleA, entityReference: 'user' })).toBe(true);
  expect((await call(facade.url, facadeKs, 'recording', 'add', { recording: { objectType: 'KalturaRecording', assetId: 900603 } }))?.assetId).toBe(900603);
  await drained();
  const ks = await login(facade.upstreams.vendorUrl, 2);
  const vendorUrl = facade.upstreams.vendorUrl;
  expect(await call(vendorUrl, ks, 'parentalRule', 'disable', { ruleId: ruleA, entityReference: 'user' })).toBe(true);
  const recording = ((await call(vendorUrl, ks, 'recording', 'list', held))?.objects ?? []).find((r: any) => r.assetId === 900603);
  expect((await call(vendorUrl, ks, 'recording', 'delete', { id: recording.id }))?.assetId).toBe(900603);
}

/** One write of each entity straight to the vendor-sim (household 0). */
async function plantOnVendor(): Promise<void> {
  const [url, ks] = [facade.upstreams.vendorUrl, await login(facade.upstreams.vendorUrl, 0)];
  expect((await call(url, ks, 'pin', 'update', { by: 'user', type: 'parental', pin: { objectType: 'KalturaPin', pin: '1111' } }))?.pin).toBe('1111');
  expect(await call(url, ks, 'parentalRule', 'enable', { ruleId: ruleB, entityReference: 'user' })).toBe(true);
  expect((await call(url, ks, 'ottUser', 'update', { user: { objectType: 'KalturaOTTUser', city: 'Plantville' } }))?.city).toBe('Plantville');
  expect((await call(url, ks, 'recording', 'add', { recording: { objectType: 'KalturaRecording', assetId: 900603 } }))?.assetId).toBe(900603);
  expect((await call(url, ks, 'seriesRecording', 'add', { recording: { objectType: 'KalturaSeriesRecording', epgId: 900889 } }))?.seriesId).toEqual(expect.any(String));
  expect((await call(url, ks, 'personalList', 'add', { personalList: { objectType: 'KalturaPersonalList', name: 'Planted on the vendor', ksql: "genre='drama'", partnerListType: 0 } }))?.name).toBe('Planted on the vendor');
  expect((await call(url, ks, 'reminder', 'add', { reminder: { objectType: 'KalturaAssetReminder', assetId: 900078 } }))?.assetId).toBe(900078);
}

/** One write of each entity straight to the platform-sim (household 1), with the sync's origin. */
async function plantOnPlatform(): Promise<void> {
  const bearer = await platformToken(1);
  expect(await platformWrite(bearer, 'PUT', '/settings/v1/pins/purchase', { scope: 'household', pin: '2222' })).toBe(200);
  expect(await platformWrite(bearer, 'PUT', `/settings/v1/parental-rules/${ruleB}/enablement?scope=household`)).toBe(204);
  expect(await platformWrite(bearer, 'PUT', `/identity/v1/users/${member(1).platformId}/profile`, { firstName: 'Planted' })).toBe(200);
  expect(await platformWrite(bearer, 'POST', '/cdvr/v1/recordings', { itemId: programme(900603) })).toBe(201);
  expect(await platformWrite(bearer, 'POST', '/cdvr/v1/series-recordings', { itemId: programme(900889), scope: 'series' })).toBe(201);
  expect(await platformWrite(bearer, 'POST', '/user-data/v1/personal-lists', { name: 'Planted on the platform', query: "genre='news'", listType: 0 })).toBe(201);
  expect(await platformWrite(bearer, 'POST', '/user-data/v1/reminders', { kind: 'programme', itemId: programme(900078) })).toBe(201);
}

describe('reconcile of the device API entities', () => {
  it('compares every entity on a clean lab and reports no drift', async () => {
    const report = await reconcile();
    expect(report.errors).toEqual([]);
    expect(report.entities).toEqual(expect.arrayContaining(['bookmark', 'favorite', 'device', 'purchase', ...deviceApiEntities]));
    // Seeded state both sims share: profiles of every member, the demo households' PINs and rules.
    for (const entity of ['pin', 'parental', 'profile']) expect(report.comparedByEntity[entity]).toBeGreaterThan(0);
    expect(report.drift).toBe(0);
  }, 180_000);

  it('finds each planted divergence with its kind and side in one cycle, repairs it, and the next cycle finds none', async () => {
    await plantExtras();
    await plantOnVendor();
    await plantOnPlatform();
    const report = await reconcile();
    expect(report.errors).toEqual([]);
    const [h0, h1, h2] = [0, 1, 2].map((n) => String(member(n).householdVendorId));
    const found = (report.items as any[]).map((i) => `${i.entity} ${i.kind} on ${i.side} ${i.householdId}`).sort();
    expect(found).toEqual([
      ...deviceApiEntities.map((e) => `${e} ${e === 'profile' ? 'different' : 'missing'} on platform ${h0}`),
      ...deviceApiEntities.map((e) => `${e} ${e === 'profile' ? 'different' : 'missing'} on vendor ${h1}`),
      `parental extra on platform ${h2}`,
      `recording extra on platform ${h2}`,
    ].sort());
    expect(report.repairsEnqueued).toBe(16);
    expect(report.repairsPending).toBe(0);
    expect((await reconcile()).drift).toBe(0);

    // On the sides themselves: the vendor's writes reached the platform, the platform's the vendor.
    const bearer0 = await platformToken(0);
    expect((await platformRead(bearer0, `/identity/v1/users/${member(0).platformId}`)).city).toBe('Plantville');
    expect((await platformRead(bearer0, '/settings/v1/pins/parental?scope=user')).pin).toBe('1111');
    expect((await platformRead(bearer0, '/user-data/v1/personal-lists')).items.map((l: any) => l.name)).toContain('Planted on the vendor');
    const ks1 = await login(facade.upstreams.vendorUrl, 1);
    expect((await call(facade.upstreams.vendorUrl, ks1, 'ottUser', 'get'))?.firstName).toBe('Planted');
    expect((await call(facade.upstreams.vendorUrl, ks1, 'pin', 'get', { by: 'household', type: 'purchase' }))?.pin).toBe('2222');
    expect(((await call(facade.upstreams.vendorUrl, ks1, 'recording', 'list', held))?.objects ?? []).map((r: any) => r.assetId)).toContain(900603);
    // The extras left the platform too.
    const bearer2 = await platformToken(2);
    expect((await platformRead(bearer2, '/cdvr/v1/recordings')).items.map((r: any) => r.itemId)).not.toContain(programme(900603));
    expect((await platformRead(bearer2, '/settings/v1/parental-rules?scope=user')).items.map((a: any) => a.rule.id)).not.toContain(ruleA);
  }, 240_000);

  it('links the items it reads, so a delete by id of an item made before the sync ran is carried', async () => {
    // The same list on both sides, made where the sync never saw it (no link, no register).
    const [vendorUrl, ks] = [facade.upstreams.vendorUrl, await login(facade.upstreams.vendorUrl, 3)];
    const list = { name: 'Made before the sync', ksql: "genre='sport'", partnerListType: 0 };
    expect((await call(vendorUrl, ks, 'personalList', 'add', { personalList: { objectType: 'KalturaPersonalList', ...list } }))?.name).toBe(list.name);
    expect(await platformWrite(await platformToken(3), 'POST', '/user-data/v1/personal-lists', { name: list.name, query: list.ksql, listType: 0 })).toBe(201);
    expect((await reconcile({ entity: 'personalList' })).drift).toBe(0);
    // Deleted through the facade (answered by the platform) by the platform's own number.
    const facadeKs = await login(facade.url, 3);
    const onPlatform = ((await call(facade.url, facadeKs, 'personalList', 'list'))?.objects ?? []).find((l: any) => l.name === list.name);
    expect(await call(facade.url, facadeKs, 'personalList', 'delete', { personalListId: onPlatform.id })).toBeNull();
    await drained();
    expect(((await call(vendorUrl, ks, 'personalList', 'list'))?.objects ?? []).map((l: any) => l.name)).not.toContain(list.name);
  }, 120_000);

  it('accepts each entity by name and compares only that one', async () => {
    for (const entity of deviceApiEntities) {
      const report = await reconcile({ entity, repair: false });
      expect(report.entities).toEqual([entity]);
      expect(report.drift).toBe(0);
    }
  }, 180_000);
});
