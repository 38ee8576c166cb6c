/**
 * The sync carries the device API's writes (docs/sync.md "Entities"): PINs, parental-rule switches,
 * profile fields, recordings, series recordings, personal lists and reminders. Each group is written through the facade on
 * one side, the kill switch moves the device to the other side, and the same KS reads it back
 * there; then the other way. A write made on the platform directly reaches the vendor by the feed.
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

const call = async (service: string, action: string, body: Record<string, unknown>): Promise<any> => (await postVendorJson(facade.url, `/api_v3/service/${service}/action/${action}`, body)).json?.result;

/** Waits until the outbox is empty (every captured change applied), bounded. */
async function drained(): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const status = (await admin('GET', '/admin/sync')).json;
    const pending = Object.values(status.entities as Record<string, { pending: number }>).reduce((n, e) => n + e.pending, 0);
    if (pending === 0 || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/** Runs `body` with the kill switch on (every call to the vendor), then switches it off. */
async function onVendor<T>(body: () => Promise<T>): Promise<T> {
  await drained();
  expect((await admin('POST', '/admin/kill-switch', { on: true })).status).toBe(200);
  try {
    return await body();
  } finally {
    await drained();
    expect((await admin('POST', '/admin/kill-switch', { on: false })).status).toBe(200);
  }
}

/** The first user of the n-th active household that no demo account lives in (each test its own household). */
function member(n: number): { username: string; password: string; platformId: string; householdVendorId: number } {
  const demoHouseholds = new Set(catalog.users.filter((u) => u.username.startsWith('demo')).map((u) => u.householdVendorId));
  const active = catalog.households.filter((h) => h.state === 'ok' && !demoHouseholds.has(h.vendorId));
  return catalog.users.find((u) => u.householdVendorId === active[n]!.vendorId && !u.suspended)!;
}

async function login(n: number): Promise<string> {
  const user = member(n);
  const answer = await postVendorJson(facade.url, '/api_v3/service/ottuser/action/login', { partnerId: catalog.demo.partnerId, username: user.username, password: user.password });
  return String(answer.json?.result?.loginSession?.ks);
}

async function platformToken(username: string): Promise<string> {
  const user = catalog.users.find((u) => u.username === username)!;
  const household = catalog.households.find((h) => h.vendorId === user.householdVendorId)!;
  const basic = Buffer.from(`understudy:${catalog.demo.platformClientSecret}`).toString('base64');
  const answer = await fetch(`${facade.upstreams.platformUrl}/identity/v1/token`, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' }, body: JSON.stringify({ userId: user.platformId, householdId: household.platformId, sessionKey: 'new-app' }) });
  return ((await answer.json()) as { accessToken: string }).accessToken;
}

/** A write a new client app makes on the platform directly (no origin marker: the feed carries it). */
async function platformDirect(bearer: string, method: string, path: string, body?: unknown): Promise<number> {
  const answer = await fetch(`${facade.upstreams.platformUrl}${path}`, { method, headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  await answer.text();
  return answer.status;
}

const pinOf = async (ks: string, by: string): Promise<string | undefined> => (await call('pin', 'get', { ks, by, type: 'parental' }))?.pin;
const ruleIds = async (ks: string): Promise<number[]> => ((await call('parentalRule', 'list', { ks, filter: { objectType: 'KalturaParentalRuleFilter', entityReferenceEqual: 'user' } }))?.objects ?? []).map((r: any) => r.id);

describe('sync of the device API writes', () => {
  it('carries PINs both ways (last writer wins), with the same KS on each side', async () => {
    const ks = await login(0);
    expect((await call('pin', 'update', { ks, by: 'user', type: 'parental', pin: { objectType: 'KalturaPin', pin: '4321' } }))?.pin).toBe('4321');
    await onVendor(async () => {
      expect(await pinOf(ks, 'user')).toBe('4321');
      expect((await call('pin', 'update', { ks, by: 'household', type: 'parental', pin: { objectType: 'KalturaPin', pin: '2468' } }))?.pin).toBe('2468');
      expect((await call('pin', 'update', { ks, by: 'user', type: 'parental', pin: { objectType: 'KalturaPin', pin: '9999' } }))?.pin).toBe('9999');
    });
    expect(await pinOf(ks, 'user')).toBe('9999');
    expect(await pinOf(ks, 'household')).toBe('2468');
  }, 60_000);

  it('carries parental-rule switches both ways (disable is a tombstone)', async () => {
    const ks = await login(1);
    expect(await call('parentalRule', 'enable', { ks, ruleId: 2002, entityReference: 'user' })).toBe(true);
    await onVendor(async () => {
      expect(await ruleIds(ks)).toContain(2002);
      expect(await call('parentalRule', 'disable', { ks, ruleId: 2002, entityReference: 'user' })).toBe(true);
    });
    expect(await ruleIds(ks)).not.toContain(2002);
  }, 60_000);

  it('carries profile fields per field: a name set on the platform and a city on the vendor both survive', async () => {
    const ks = await login(2);
    expect((await call('ottUser', 'update', { ks, user: { objectType: 'KalturaOTTUser', firstName: 'Ada' } }))?.firstName).toBe('Ada');
    await onVendor(async () => {
      expect((await call('ottUser', 'get', { ks }))?.firstName).toBe('Ada');
      expect((await call('ottUser', 'update', { ks, user: { objectType: 'KalturaOTTUser', city: 'Leeds' } }))?.city).toBe('Leeds');
    });
    const user = await call('ottUser', 'get', { ks });
    expect({ firstName: user?.firstName, city: user?.city }).toEqual({ firstName: 'Ada', city: 'Leeds' });
  }, 60_000);

  it('carries recordings by household and programme: add and cancel, protect, delete, each on either side', async () => {
    const ks = await login(3);
    const recordings = async (): Promise<any[]> => (await call('recording', 'list', { ks, filter: { objectType: 'KalturaRecordingFilter', statusIn: 'SCHEDULED,RECORDING,RECORDED,CANCELED,FAILED' } }))?.objects ?? [];
    const find = async (assetId: number): Promise<any> => (await recordings()).find((r) => r.assetId === assetId);
    expect((await call('recording', 'add', { ks, recording: { objectType: 'KalturaRecording', assetId: 900603 } }))?.status).toBe('RECORDED');
    expect((await call('recording', 'add', { ks, recording: { objectType: 'KalturaRecording', assetId: 900078 } }))?.status).toBe('SCHEDULED');
    await onVendor(async () => {
      const recorded = await find(900603);
      expect(recorded?.status).toBe('RECORDED');
      expect((await call('recording', 'protect', { ks, id: recorded.id }))?.isProtected).toBe(true);
      const future = await find(900078);
      expect(future?.status).toBe('SCHEDULED');
      // A cancelled recording leaves the household's list on both sides (the vendor answers it CANCELED).
      expect((await call('recording', 'cancel', { ks, id: future.id }))?.status).toBe('CANCELED');
    });
    expect((await find(900603))?.isProtected).toBe(true);
    expect(await find(900078)).toBeUndefined();
    const kept = await find(900603);
    expect((await call('recording', 'delete', { ks, id: kept.id }))?.assetId).toBe(900603);
    await onVendor(async () => {
      expect(await find(900603)).toBeUndefined();
      expect(await recordings()).toEqual([]);
    });
  }, 60_000);

  it('carries series recordings as a set keyed by series, channel and season', async () => {
    const ks = await login(4);
    const series = await call('seriesRecording', 'add', { ks, recording: { objectType: 'KalturaSeriesRecording', epgId: 900889 } });
    expect(series?.seriesId).toEqual(expect.any(String));
    await onVendor(async () => {
      const there = ((await call('seriesRecording', 'list', { ks }))?.objects ?? []).find((s: any) => s.seriesId === series.seriesId && s.channelId === series.channelId);
      expect(there).toBeDefined();
      expect((await call('seriesRecording', 'delete', { ks, id: there.id }))?.seriesId).toBe(series.seriesId);
    });
    expect(((await call('seriesRecording', 'list', { ks }))?.objects ?? []).some((s: any) => s.seriesId === series.seriesId)).toBe(false);
  }, 60_000);

  it('carries personal lists and reminders by content, deletes by each side\'s own id included', async () => {
    const ks = await login(6);
    const lists = async (): Promise<any[]> => (await call('personalList', 'list', { ks }))?.objects ?? [];
    const reminders = async (): Promise<any[]> => (await call('reminder', 'list', { ks, filter: { objectType: 'KalturaAssetReminderFilter' } }))?.objects ?? [];
    const comedy = { objectType: 'KalturaPersonalList', name: 'Comedy', ksql: "genre='comedy'", partnerListType: 1 };
    expect((await call('personalList', 'add', { ks, personalList: comedy }))?.name).toBe('Comedy');
    await onVendor(async () => {
      const there = (await lists()).find((l) => l.name === 'Comedy');
      expect(there).toMatchObject({ ksql: "genre='comedy'", partnerListType: 1 });
      expect(await call('personalList', 'delete', { ks, personalListId: there.id })).toBeNull();
      expect((await call('personalList', 'add', { ks, personalList: { ...comedy, name: 'Drama', ksql: "genre='drama'" } }))?.name).toBe('Drama');
      expect((await call('reminder', 'add', { ks, reminder: { objectType: 'KalturaAssetReminder', assetId: 900078 } }))?.assetId).toBe(900078);
    });
    expect((await lists()).map((l) => l.name)).toEqual(['Drama']);
    const reminder = (await reminders()).find((r) => r.assetId === 900078);
    expect(reminder).toBeDefined();
    // Deleted here by the platform's own numbers: the links the sync made when it added them resolve them.
    expect(await call('reminder', 'delete', { ks, id: reminder.id, type: 'ASSET' })).toBe(true);
    expect(await call('personalList', 'delete', { ks, personalListId: (await lists())[0].id })).toBeNull();
    await onVendor(async () => {
      expect(await lists()).toEqual([]);
      expect(await reminders()).toEqual([]);
    });
  }, 60_000);

  it('carries writes made on the platform directly (PIN, rule, profile, list, recording) to the vendor by the feed', async () => {
    const ks = await login(5);
    const bearer = await platformToken(member(5).username);
    const userId = member(5).platformId;
    const itemId = catalog.programs.find((p) => p.vendorId === 900081)?.platformId;
    expect(await platformDirect(bearer, 'PUT', '/settings/v1/pins/parental', { scope: 'user', pin: '1357' })).toBe(200);
    expect(await platformDirect(bearer, 'PUT', '/settings/v1/parental-rules/2002/enablement?scope=user')).toBe(204);
    expect(await platformDirect(bearer, 'PUT', `/identity/v1/users/${userId}/profile`, { lastName: 'Lovelace' })).toBe(200);
    expect(await platformDirect(bearer, 'POST', '/user-data/v1/personal-lists', { name: 'From the new app', query: "genre='news'", listType: 0 })).toBe(201);
    expect(await platformDirect(bearer, 'POST', '/cdvr/v1/recordings', { itemId })).toBe(201);
    // The follower reads the feed every 50 ms: wait (bounded) until the vendor holds the last write.
    const onVendorSim = async (): Promise<number[]> => ((await postVendorJson(facade.upstreams.vendorUrl, '/api_v3/service/recording/action/list', { ks })).json?.result?.objects ?? []).map((r: any) => r.assetId);
    await until(onVendorSim, (ids) => ids.includes(900081));
    await onVendor(async () => {
      expect(await pinOf(ks, 'user')).toBe('1357');
      expect(await ruleIds(ks)).toContain(2002);
      expect((await call('ottUser', 'get', { ks }))?.lastName).toBe('Lovelace');
      expect(((await call('recording', 'list', { ks }))?.objects ?? []).map((r: any) => r.assetId)).toContain(900081);
      expect(((await call('personalList', 'list', { ks }))?.objects ?? []).map((l: any) => l.name)).toContain('From the new app');
    });
    const status = (await admin('GET', '/admin/sync')).json.entities;
    expect(status.pin.applied).toBeGreaterThan(0);
    expect(status.recording.deadLetters).toBe(0);
  }, 60_000);
});
