 
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { parse } from 'yaml';
import { validatePlatformResponse } from '../../src/contract/response-validator';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { platformRoutes } from '../../src/sim/platform-sim/platform-routes';
import { startPlatformSim, type PlatformSim } from '../../src/sim/platform-sim/platform-sim-server';

// platform-sim over HTTP: identity, catalogue, robustness, faults; every answer checked against
// contracts/platform/openapi.yaml by operationId.
const catalog = loadCatalog();
const basic = `Basic ${Buffer.from(`understudy:${catalog.demo.platformClientSecret}`).toString('base64')}`;
let sim: PlatformSim;

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

async function call(operationId: string, method: string, path: string, options: { token?: string; auth?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.auth) headers.authorization = options.auth;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${sim.url}${path}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  const text = await res.text();
  const body = text === '' ? undefined : JSON.parse(text);
  expect(validatePlatformResponse(operationId, res.status, body)).toEqual([]);
  return { status: res.status, body, headers: res.headers };
}

async function tokenFor(subject: Record<string, string>): Promise<string> {
  const res = await call('identity.exchangeToken', 'POST', '/identity/v1/token', { auth: basic, body: subject });
  expect(res.status).toBe(200);
  return res.body.accessToken as string;
}

const user = (username: string) => catalog.users.find((u) => u.username === username)!;
const householdOf = (username: string) => catalog.households.find((h) => h.vendorId === user(username).householdVendorId)!;

beforeAll(async () => {
  sim = await startPlatformSim({ catalog });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.reset());

describe('contract', () => {
  it('serves exactly the operations of contracts/platform/openapi.yaml', () => {
    const doc = parse(readFileSync('contracts/platform/openapi.yaml', 'utf8'));
    const contractOps = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(new Set(platformRoutes.map((r) => r.operationId))).toEqual(new Set(contractOps));
    expect(contractOps.every((id) => /^[a-zA-Z]+\.[a-zA-Z]+$/.test(id))).toBe(true);
  });
});

describe('identity', () => {
  it('exchanges a subject for a token only with the client secret', async () => {
    const bad = await call('identity.exchangeToken', 'POST', '/identity/v1/token', { auth: 'Basic eDp5', body: {} });
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('invalid_client');
    const anonymous = await call('identity.exchangeToken', 'POST', '/identity/v1/token', { auth: basic, body: {} });
    expect(anonymous.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600 });
    const unknown = await call('identity.exchangeToken', 'POST', '/identity/v1/token', { auth: basic, body: { userId: '00000000-0000-4000-8000-000000000000' } });
    expect(unknown.body.code).toBe('unknown_user');
    const wrongHousehold = await call('identity.exchangeToken', 'POST', '/identity/v1/token', { auth: basic, body: { userId: user('demo1').platformId, householdId: householdOf('demo2').platformId } });
    expect(wrongHousehold.body.code).toBe('validation_failed');
  });

  it('rejects missing, forged and expired bearer tokens', async () => {
    const item = catalog.vodAssets[0]!.platformId;
    expect((await call('catalog.getItem', 'GET', `/catalog/v1/items/${item}`)).body.code).toBe('invalid_token');
    const token = await tokenFor({});
    expect((await call('catalog.getItem', 'GET', `/catalog/v1/items/${item}`, { token: `${token}x` })).status).toBe(401);
    sim.clock.advanceSeconds(3601);
    const expired = await call('catalog.getItem', 'GET', `/catalog/v1/items/${item}`, { token });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('Bearer');
    sim.clock.setOffsetSeconds(0);
  });

  it('authenticates case-insensitively and reports unknown, wrong and suspended users', async () => {
    const ok = await call('identity.authenticate', 'POST', '/identity/v1/authenticate', { auth: basic, body: { username: 'DEMO1', password: 'demo1-pass' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: user('demo1').platformId, householdId: householdOf('demo1').platformId, isHouseholdDefault: true });
    const wrong = await call('identity.authenticate', 'POST', '/identity/v1/authenticate', { auth: basic, body: { username: 'demo1', password: 'nope' } });
    expect(wrong.body.code).toBe('invalid_credentials');
    const unknown = await call('identity.authenticate', 'POST', '/identity/v1/authenticate', { auth: basic, body: { username: 'nobody', password: 'x' } });
    expect(unknown.body.code).toBe('unknown_user');
    const suspended = catalog.users.find((u) => u.suspended)!;
    const blocked = await call('identity.authenticate', 'POST', '/identity/v1/authenticate', { auth: basic, body: { username: suspended.username, password: suspended.password } });
    expect(blocked.body.code).toBe('user_suspended');
    const invalid = await call('identity.authenticate', 'POST', '/identity/v1/authenticate', { auth: basic, body: { username: 'demo1' } });
    expect(invalid.body.code).toBe('validation_failed');
  });

  it('reads users and households for members only', async () => {
    const demo1 = user('demo1');
    const token = await tokenFor({ userId: demo1.platformId });
    const own = await call('identity.getUser', 'GET', `/identity/v1/users/${demo1.platformId}`, { token });
    expect(own.body).toMatchObject({ username: 'demo1', createdAt: expect.stringMatching(/Z$/) });
    const mate = catalog.users.find((u) => u.householdVendorId === demo1.householdVendorId && u !== demo1)!;
    expect((await call('identity.getUser', 'GET', `/identity/v1/users/${mate.platformId}`, { token })).status).toBe(200);
    expect((await call('identity.getUser', 'GET', `/identity/v1/users/${user('demo2').platformId}`, { token })).body.code).toBe('forbidden');
    expect((await call('identity.getUser', 'GET', '/identity/v1/users/00000000-0000-4000-8000-000000000000', { token })).status).toBe(404);
    const household = await call('identity.getHousehold', 'GET', `/identity/v1/households/${householdOf('demo1').platformId}`, { token });
    expect(household.body).toMatchObject({ concurrentLimit: 2, devicesLimit: 5, state: 'active', defaultUserId: demo1.platformId });
    expect((await call('identity.getHousehold', 'GET', `/identity/v1/households/${householdOf('demo2').platformId}`, { token })).body.code).toBe('forbidden');
  });

  it('applies the device rules: exists, other household, limit, not in household, not found', async () => {
    const home = householdOf('demo1').platformId;
    const token = await tokenFor({ userId: user('demo1').platformId, deviceUdid: 'demo1-stb-1' });
    const path = `/identity/v1/households/${home}/devices`;
    const listed = await call('identity.listDevices', 'GET', path, { token });
    expect(listed.body.items.map((d: any) => d.udid)).toEqual(['demo1-stb-1', 'demo1-tablet-2'].sort((a, b) => {
      const at = (u: string) => catalog.devices.find((d) => d.udid === u)!.activatedOn;
      return at(a) - at(b);
    }));
    expect((await call('identity.addDevice', 'POST', path, { token, body: { udid: 'demo1-stb-1', name: 'again' } })).body.code).toBe('device_exists');
    const foreign = catalog.devices.find((d) => d.householdVendorId === user('demo2').householdVendorId)!;
    expect((await call('identity.addDevice', 'POST', path, { token, body: { udid: foreign.udid } })).body.code).toBe('device_in_other_household');
    const added = await call('identity.addDevice', 'POST', path, { token, body: { udid: 'new-box', name: 'Box', brandId: 22 } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ udid: 'new-box', householdId: home, brandId: 22, status: 'activated' });
    expect((await call('identity.getDevice', 'GET', `${path}/new-box`, { token })).body.name).toBe('Box');
    expect((await call('identity.getDevice', 'GET', `${path}/${foreign.udid}`, { token })).body.code).toBe('device_not_in_household');
    expect((await call('identity.deleteDevice', 'DELETE', `${path}/${foreign.udid}`, { token })).body.code).toBe('device_not_in_household');
    expect((await call('identity.deleteDevice', 'DELETE', `${path}/ghost`, { token })).body.code).toBe('device_not_found');
    expect((await call('identity.deleteDevice', 'DELETE', `${path}/new-box`, { token })).status).toBe(204);
    expect((await call('identity.getDevice', 'GET', `${path}/new-box`, { token })).body.code).toBe('device_not_found');
    const other = `/identity/v1/households/${householdOf('demo2').platformId}/devices`;
    expect((await call('identity.listDevices', 'GET', other, { token })).body.code).toBe('forbidden');
    const demo2 = await tokenFor({ userId: user('demo2').platformId });
    expect((await call('identity.addDevice', 'POST', other, { token: demo2, body: { udid: 'one-too-many' } })).body.code).toBe('device_limit_exceeded');
  });
});

describe('catalog', () => {
  let token: string;
  beforeEach(async () => {
    token = await tokenFor({});
  });
  const search = (body: unknown) => call('catalog.search', 'POST', '/catalog/v1/search', { token, body });

  it('reads items one by one and in batches', async () => {
    const vod = catalog.vodAssets[0]!;
    const item = await call('catalog.getItem', 'GET', `/catalog/v1/items/${vod.platformId}`, { token });
    expect(item.body).toMatchObject({ id: vod.platformId, kind: 'vod', sortKey: vod.vendorId, title: vod.name, mediaType: { id: vod.mediaTypeId } });
    expect(item.body.files).toHaveLength(vod.files.length);
    const channel = catalog.channels[0]!;
    const program = catalog.programs.find((p) => p.channelVendorId === channel.vendorId)!;
    const batch = await call('catalog.getItems', 'GET', `/catalog/v1/items?ids=${program.platformId},nope,${channel.platformId}`, { token });
    expect(batch.body.items.map((i: any) => i.kind)).toEqual(['programme', 'live']);
    expect(batch.body.missingIds).toEqual(['nope']);
    expect(batch.body.items[0].programme).toMatchObject({ channelItemId: channel.platformId, epgRef: program.epgId });
    expect(batch.body.items[1].live.epgChannelId).toBe(channel.epgChannelId);
    expect((await call('catalog.getItem', 'GET', '/catalog/v1/items/nope', { token })).status).toBe(404);
    const file = vod.files[0]!;
    const fileAnswer = await call('catalog.getFile', 'GET', `/catalog/v1/files/${file.platformId}`, { token });
    expect(fileAnswer.body).toMatchObject({ cdnUrl: file.cdnUrl, itemId: vod.platformId });
    expect((await call('catalog.getFile', 'GET', '/catalog/v1/files/nope', { token })).status).toBe(404);
  });

  it('searches with the lab semantics: kinds first, relevance = catalogue order, totals', async () => {
    const all = await search({ limit: 500 });
    expect(all.body.total).toBe(catalog.vodAssets.length + catalog.channels.length + catalog.programs.length);
    const keys = all.body.items.map((i: any) => i.sortKey);
    expect(keys).toEqual([...keys].sort((a: number, b: number) => a - b));
    const programmes = await search({ mediaTypeIds: [0], limit: 1 });
    expect(programmes.body.total).toBe(catalog.programs.length);
    const page = await search({ kinds: ['vod'], offset: 10, limit: 5 });
    expect(page.body.items.map((i: any) => i.sortKey)).toEqual(catalog.vodAssets.slice(10, 15).map((a) => a.vendorId));
  });

  it('evaluates operators case-insensitively, any/none over labels', async () => {
    const genre = catalog.vodAssets[0]!.tags.Genre![0]!;
    const withGenre = catalog.vodAssets.filter((a) => (a.tags.Genre ?? []).some((g) => g.toLowerCase() === genre.toLowerCase()));
    const eq = await search({ kinds: ['vod'], query: { field: 'labels.genre', op: 'eq', value: genre.toUpperCase() }, limit: 500 });
    expect(eq.body.total).toBe(withGenre.length);
    const ne = await search({ kinds: ['vod'], query: { field: 'labels.Genre', op: 'ne', value: genre }, limit: 1 });
    expect(ne.body.total).toBe(catalog.vodAssets.length - withGenre.length);
    const year = await search({ query: { all: [{ field: 'attributes.Year', op: 'gte', value: '2000' }, { field: 'kind', op: 'eq', value: 'vod' }] }, limit: 1 });
    expect(year.body.total).toBe(catalog.vodAssets.filter((a) => a.metas.Year?.kind === 'number' && a.metas.Year.value >= 2000).length);
    const word = catalog.vodAssets[0]!.name.split(' ').pop()!;
    const starts = await search({ query: { field: 'title', op: 'wordStartsWith', value: word.slice(0, 3).toLowerCase() }, limit: 500 });
    expect(starts.body.items.map((i: any) => i.id)).toContain(catalog.vodAssets[0]!.platformId);
    const ids = catalog.vodAssets.slice(0, 3).map((a) => a.platformId);
    const byRef = await search({ query: { any: [{ field: 'itemRef', op: 'in', value: ids }, { field: 'title', op: 'notExists' }] } });
    expect(byRef.body.items.map((i: any) => i.id)).toEqual(ids);
    expect((await search({ query: { field: 'bogus', op: 'eq', value: 1 } })).body.code).toBe('validation_failed');
    expect((await search({ query: { field: 'title', op: 'like', value: 1 } })).body.code).toBe('validation_failed');
  });

  it('lists an EPG grid by channel and time, sorted by start time', async () => {
    const channel = catalog.channels[0]!;
    const programmes = catalog.programs.filter((p) => p.channelVendorId === channel.vendorId);
    const from = programmes[2]!.startDate;
    const to = programmes[6]!.endDate;
    const grid = await search({
      mediaTypeIds: [0],
      query: { all: [{ field: 'epgChannelId', op: 'eq', value: channel.epgChannelId }, { field: 'startTime', op: 'gte', value: from }, { field: 'endTime', op: 'lte', value: to }] },
      sort: { field: 'startTime', direction: 'asc' },
      limit: 50,
    });
    expect(grid.body.items.map((i: any) => i.id)).toEqual(programmes.filter((p) => p.startDate >= from && p.endDate <= to).map((p) => p.platformId));
  });

  it('sorts by title and views with ties by sortKey', async () => {
    const byTitle = await search({ kinds: ['vod'], sort: { field: 'title', direction: 'desc' }, limit: 500 });
    const expected = [...catalog.vodAssets].sort((a, b) => (a.name === b.name ? a.vendorId - b.vendorId : a.name < b.name ? 1 : -1)).slice(0, 500);
    expect(byTitle.body.items.map((i: any) => i.sortKey)).toEqual(expected.map((a) => a.vendorId));
    const byViews = await search({ sort: { field: 'views', direction: 'desc' }, limit: 3 });
    const top = [...catalog.vodAssets].sort((a, b) => b.views - a.views || a.vendorId - b.vendorId).slice(0, 3);
    expect(byViews.body.items.map((i: any) => i.sortKey)).toEqual(top.map((a) => a.vendorId));
  });

  it('lists collections and their items; related items by shared genres', async () => {
    const collections = await call('catalog.listCollections', 'GET', '/catalog/v1/collections', { token });
    const first = collections.body.items[0];
    expect(first.sortKey).toBe(700001);
    expect((await call('catalog.getCollection', 'GET', `/catalog/v1/collections/${first.id}`, { token })).body.name).toBe(first.name);
    const items = await call('catalog.listCollectionItems', 'GET', `/catalog/v1/collections/${first.id}/items?limit=500`, { token });
    expect(items.body.total).toBe(first.itemCount);
    const titles = items.body.items.map((i: any) => i.title);
    expect(titles).toEqual([...titles].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    const query = encodeURIComponent(JSON.stringify({ field: 'attributes.Year', op: 'lt', value: 1990 }));
    const narrowed = await call('catalog.listCollectionItems', 'GET', `/catalog/v1/collections/${first.id}/items?query=${query}&sort=relevance`, { token });
    expect(narrowed.body.items.every((i: any) => i.attributes.Year < 1990)).toBe(true);
    expect((await call('catalog.listCollectionItems', 'GET', '/catalog/v1/collections/00000000-0000-4000-8000-000000000000/items', { token })).status).toBe(404);
    const source = catalog.vodAssets[0]!;
    const related = await call('catalog.listRelatedItems', 'GET', `/catalog/v1/items/${source.platformId}/related?limit=500`, { token });
    const genres = new Set(source.tags.Genre);
    const shared = (a: (typeof catalog.vodAssets)[number]) => (a.tags.Genre ?? []).filter((g) => genres.has(g)).length;
    const expected = catalog.vodAssets
      .filter((a) => a.vendorId !== source.vendorId && a.mediaTypeId === source.mediaTypeId && shared(a) > 0)
      .sort((a, b) => shared(b) - shared(a) || a.vendorId - b.vendorId);
    expect(related.body.items.map((i: any) => i.sortKey)).toEqual(expected.map((a) => a.vendorId));
    const channelRelated = await call('catalog.listRelatedItems', 'GET', `/catalog/v1/items/${catalog.channels[0]!.platformId}/related`, { token });
    expect(channelRelated.body.total).toBe(0);
  });
});

describe('robustness and control', () => {
  function raw(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; type: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(`${sim.url}${path}`, { method, headers }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, type: String(res.headers['content-type']) }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it('answers problems for unknown routes, wrong methods, bad JSON and big bodies', async () => {
    const token = await tokenFor({});
    const unknown = await raw('GET', '/nowhere');
    expect(unknown.status).toBe(404);
    expect(unknown.type).toBe('application/problem+json');
    expect((await raw('PATCH', '/catalog/v1/search', '', { authorization: `Bearer ${token}` })).status).toBe(405);
    const bad = await raw('POST', '/catalog/v1/search', '{"query":', { authorization: `Bearer ${token}` });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).code).toBe('invalid_json');
    expect(bad.text).not.toContain('at ');
    const big = await raw('POST', '/catalog/v1/search', JSON.stringify({ pad: 'x'.repeat(1_100_000) }), { authorization: `Bearer ${token}`, 'content-type': 'application/json' });
    expect(big.status).toBe(413);
    const badOrigin = await raw('PUT', `/user-data/v1/favorites/${catalog.vodAssets[0]!.platformId}`, '{}', { authorization: `Bearer ${token}`, 'x-change-origin': 'bad origin!' });
    expect(JSON.parse(badOrigin.text).code).toBe('validation_failed');
    expect((await raw('GET', '/__sim/health')).status).toBe(200);
  });

  it('moves the clock, resets state and applies faults through the control endpoints', async () => {
    const clock = await raw('PUT', '/__sim/clock', JSON.stringify({ offsetSeconds: 60 }));
    expect(JSON.parse(clock.text).offsetSeconds).toBe(60);
    await raw('PUT', '/__sim/clock', JSON.stringify({ offsetSeconds: 0 }));
    const faults = await raw('PUT', '/__sim/faults', JSON.stringify({ errorRate: 1 }));
    expect(JSON.parse(faults.text).errorRate).toBe(1);
    expect((await raw('GET', '/catalog/v1/items')).status).toBe(503);
    expect((await raw('GET', '/__sim/health')).status).toBe(200);
    await raw('PUT', '/__sim/faults', JSON.stringify({ errorRate: 0 }));
    expect((await raw('GET', '/catalog/v1/items')).status).toBe(401);
    expect((await raw('PUT', '/__sim/faults', JSON.stringify({ nonsense: 1 }))).status).toBe(400);
    sim.setFaults({ latencyMs: 30 });
    const started = Date.now();
    await raw('GET', '/catalog/v1/items');
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    sim.setFaults({ latencyMs: 0, resetRate: 1 });
    await expect(raw('GET', '/catalog/v1/items')).rejects.toThrow();
    sim.setFaults({ resetRate: 0 });
    expect((await raw('POST', '/__sim/reset')).status).toBe(200);
  });
});
