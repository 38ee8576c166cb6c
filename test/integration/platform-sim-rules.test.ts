 
import { validatePlatformResponse } from '../../src/contract/response-validator';
import { OffsetClock } from '../../src/core/clock';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { startPlatformSim, type PlatformSim } from '../../src/sim/platform-sim/platform-sim-server';

// platform-sim's business rules over HTTP (docs/lab-rules.md): playback decision, concurrency,
// progress, visibility, favorites, commerce, change feed. Time is fixed at the catalogue's base.
const catalog = loadCatalog();
const basic = `Basic ${Buffer.from(`understudy:${catalog.demo.platformClientSecret}`).toString('base64')}`;
const base = catalog.demo.baseTime;
let sim: PlatformSim;

async function call(operationId: string, method: string, path: string, options: { token?: string; body?: unknown; origin?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.origin) headers['x-change-origin'] = options.origin;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${sim.url}${path}`, { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  const text = await res.text();
  const body = text === '' ? undefined : JSON.parse(text);
  expect(validatePlatformResponse(operationId, res.status, body)).toEqual([]);
  return { status: res.status, body, headers: res.headers };
}

const user = (username: string) => catalog.users.find((u) => u.username === username)!;

async function tokenFor(username: string | null, device?: { udid?: string; session?: string }): Promise<string> {
  const subject = { ...(username ? { userId: user(username).platformId } : {}), ...(device?.udid ? { deviceUdid: device.udid } : {}), ...(device?.session ? { sessionKey: device.session } : {}) };
  const res = await fetch(`${sim.url}/identity/v1/token`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/json' }, body: JSON.stringify(subject) });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

const authorize = (token: string, body: Record<string, unknown>) => call('playback.authorize', 'POST', '/playback/v1/authorizations', { token, body });
const putProgress = (token: string, itemId: string, body: Record<string, unknown>, origin?: string) =>
  call('userData.putProgress', 'PUT', `/user-data/v1/progress/${itemId}`, { token, body, ...(origin ? { origin } : {}) });

const held = new Set(catalog.entitlements.filter((e) => e.householdVendorId === 5001 && e.endDate > base).map((e) => e.productVendorId));
const freeVod = catalog.vodAssets.find((a) => a.subscriptionProductIds.length === 0 && a.files.every((f) => f.ppvProductIds.length === 0) && a.files.some((f) => f.fileTypeId === 4))!;
const subscriptionVod = catalog.vodAssets.find((a) => a.subscriptionProductIds.length > 0 && !a.subscriptionProductIds.some((p) => held.has(p)) && a.files.every((f) => f.ppvProductIds.length === 0))!;
const ppvVod = catalog.vodAssets.find((a) => a.subscriptionProductIds.length === 0 && a.files.some((f) => f.ppvProductIds.length > 0 && !f.ppvProductIds.some((p) => held.has(p))))!;
const product = (vendorId: string) => catalog.products.find((p) => p.vendorId === vendorId)!;

beforeAll(async () => {
  sim = await startPlatformSim({ catalog, clock: new OffsetClock({ nowMs: () => base * 1000 }) });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.reset();
  sim.clock.setOffsetSeconds(0);
});

describe('playback decision', () => {
  it('allows free files to anyone with sources in file order, lab licence URLs', async () => {
    const answer = await authorize(await tokenFor(null), { itemId: freeVod.platformId, context: 'playback' });
    expect(answer.body.decision).toBe('allow');
    const files = [...freeVod.files].sort((a, b) => a.vendorId - b.vendorId);
    expect(answer.body.sources.map((s: any) => s.fileId)).toEqual(files.map((f) => f.platformId));
    const fairPlay = answer.body.sources.find((s: any) => s.typeId === 4);
    const fairPlayFile = freeVod.files.find((f) => f.fileTypeId === 4)!;
    expect(fairPlay.drm).toEqual([{ scheme: 'FAIRPLAY', licenseUrl: `https://drm.lab.understudy.test/fairplay/license?fileId=${fairPlayFile.vendorId}`, certificate: 'LAB-FAIRPLAY-CERT' }]);
    expect(fairPlay).toMatchObject({ itemId: freeVod.platformId, cdnUrl: fairPlayFile.cdnUrl, format: 'hls', sizeBytes: fairPlayFile.fileSize });
  });

  it('treats filters as filters: nothing left is an allow without sources', async () => {
    const token = await tokenFor(null);
    const none = await authorize(token, { itemId: freeVod.platformId, fileIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(none.body).toMatchObject({ decision: 'allow', sources: [] });
    const dash = await authorize(token, { itemId: freeVod.platformId, formats: ['dash'] });
    expect(dash.body.sources.every((s: any) => s.format === 'dash')).toBe(true);
    expect((await authorize(token, { itemId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await authorize(token, { itemId: freeVod.platformId, context: 'live' })).body.code).toBe('validation_failed');
  });

  it('denies unentitled callers, except for trailers; programmes play through their channel', async () => {
    const token = await tokenFor('demo1', { udid: 'demo1-stb-1' });
    expect((await authorize(token, { itemId: subscriptionVod.platformId })).body).toMatchObject({ decision: 'deny', denyReason: 'not_entitled', sources: [] });
    expect((await authorize(token, { itemId: subscriptionVod.platformId, context: 'trailer' })).body.decision).toBe('allow');
    const channel = catalog.channels.find((c) => c.subscriptionProductIds.length === 0 && c.files.every((f) => f.ppvProductIds.length === 0))!;
    const programme = catalog.programs.find((p) => p.channelVendorId === channel.vendorId)!;
    const answer = await authorize(token, { itemId: programme.platformId, context: 'catchup' });
    expect(answer.body.sources.map((s: any) => s.itemId)).toEqual(channel.files.map(() => channel.platformId));
  });

  it('limits concurrent devices per household within the 120 s window', async () => {
    // demo3's household allows one concurrent device.
    const first = await tokenFor('demo3', { udid: 'box-a' });
    const second = await tokenFor('demo3', { session: 'session-b' });
    expect((await authorize(first, { itemId: freeVod.platformId })).body.decision).toBe('allow');
    expect((await authorize(second, { itemId: freeVod.platformId })).body).toMatchObject({ decision: 'deny', denyReason: 'concurrency_limit' });
    expect((await authorize(second, { itemId: freeVod.platformId, context: 'trailer' })).body.decision).toBe('allow');
    expect((await authorize(first, { itemId: freeVod.platformId })).body.decision).toBe('allow');
    sim.clock.advanceSeconds(119);
    expect((await authorize(second, { itemId: freeVod.platformId })).body.decision).toBe('deny');
    sim.clock.advanceSeconds(1);
    expect((await authorize(second, { itemId: freeVod.platformId })).body.decision).toBe('allow');
    expect((await authorize(await tokenFor(null, { udid: 'anon' }), { itemId: freeVod.platformId })).body.decision).toBe('allow');
  });
});

describe('progress', () => {
  it('floors positions, finishes at 95%, FINISH and STOP at 0', async () => {
    const token = await tokenFor('demo1', { udid: 'demo1-stb-1' });
    const duration = Math.max(...freeVod.files.map((f) => f.durationSeconds));
    const first = await putProgress(token, freeVod.platformId, { positionSeconds: 100.7, action: 'play', itemKind: 'media' });
    expect(first.body).toMatchObject({ positionSeconds: 100, finished: false, itemKind: 'media', userId: user('demo1').platformId });
    expect((await putProgress(token, freeVod.platformId, { positionSeconds: Math.ceil(duration * 0.95), action: 'hit' })).body.finished).toBe(true);
    expect((await putProgress(token, freeVod.platformId, { positionSeconds: 10, action: 'pause' })).body.finished).toBe(false);
    expect((await putProgress(token, freeVod.platformId, { positionSeconds: 500, action: 'finish' })).body).toMatchObject({ positionSeconds: 0, finished: true });
    expect((await putProgress(token, freeVod.platformId, { positionSeconds: 0, action: 'stop' })).body.finished).toBe(false);
    expect((await putProgress(token, freeVod.platformId, { positionSeconds: -1, action: 'stop' })).body.code).toBe('validation_failed');
    expect((await putProgress(token, '00000000-0000-4000-8000-000000000000', { positionSeconds: 1, action: 'stop' })).status).toBe(404);
    expect((await putProgress(await tokenFor(null), freeVod.platformId, { positionSeconds: 1, action: 'play' })).body.code).toBe('forbidden');
  });

  it('counts viewing activity toward concurrency and releases it on stop', async () => {
    const a = await tokenFor('demo3', { udid: 'box-a' });
    const b = await tokenFor('demo3', { udid: 'box-b' });
    await putProgress(a, freeVod.platformId, { positionSeconds: 5, action: 'play' });
    const blocked = await putProgress(b, freeVod.platformId, { positionSeconds: 5, action: 'play' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('concurrency_limit');
    await putProgress(a, freeVod.platformId, { positionSeconds: 6, action: 'stop' });
    expect((await putProgress(b, freeVod.platformId, { positionSeconds: 5, action: 'play' })).status).toBe(200);
    expect((await authorize(a, { itemId: freeVod.platformId })).body.denyReason).toBe('concurrency_limit');
  });

  it('shows the default user everything, others their own and the default user’s', async () => {
    // Household 5004: emil.schmidt is the default user; dana.schmidt and demo4 are not.
    const items = catalog.vodAssets.slice(0, 2).map((a) => a.platformId);
    const tokens = { emil: await tokenFor('emil.schmidt', { session: 'e' }), dana: await tokenFor('dana.schmidt', { session: 'd' }), demo4: await tokenFor('demo4', { session: 'x' }) };
    for (const [i, t] of [tokens.emil, tokens.dana, tokens.demo4].entries()) {
      await putProgress(t, items[0]!, { positionSeconds: 30 - i * 10, action: 'pause' });
      await putProgress(t, items[1]!, { positionSeconds: 5 + i, action: 'stop' });
    }
    const list = (token: string, query: string) => call('userData.listProgress', 'GET', `/user-data/v1/progress?${query}`, { token });
    const byUser = (answer: any) => answer.body.items.map((r: any) => catalog.users.find((u) => u.platformId === r.userId)!.username);
    const sortedIds = ['emil.schmidt', 'dana.schmidt', 'demo4'].sort((x, y) => Number(user(x).vendorId) - Number(user(y).vendorId));
    const all = await list(tokens.emil, `itemIds=${items[1]},${items[0]}`);
    expect(all.body.items.map((r: any) => r.itemId)).toEqual([items[1], items[1], items[1], items[0], items[0], items[0]]);
    expect(byUser(all).slice(0, 3)).toEqual(sortedIds);
    const own = await list(tokens.demo4, `itemIds=${items[0]}`);
    expect(new Set(byUser(own))).toEqual(new Set(['demo4', 'emil.schmidt']));
    const sorted = await list(tokens.emil, `itemIds=${items[0]}&sort=position:asc`);
    expect(sorted.body.items.map((r: any) => r.positionSeconds)).toEqual([10, 20, 30]);
    expect((await list(tokens.emil, 'itemIds=')).body.code).toBe('validation_failed');
    const history = await call('userData.listHistory', 'GET', '/user-data/v1/history?limit=2', { token: tokens.demo4 });
    expect(history.body.items[0]).toMatchObject({ itemId: items[0], positionSeconds: 10 });
  });
});

describe('favorites', () => {
  it('keeps createdAt on re-add, lists newest first, deletes idempotently', async () => {
    const token = await tokenFor('demo2');
    const [a, b] = [catalog.vodAssets[5]!.platformId, catalog.vodAssets[6]!.platformId];
    expect((await call('userData.putFavorite', 'PUT', `/user-data/v1/favorites/${a}`, { token, body: { note: 'one' } })).status).toBe(201);
    sim.clock.advanceSeconds(10);
    await call('userData.putFavorite', 'PUT', `/user-data/v1/favorites/${b}`, { token, body: { note: 'two' } });
    const again = await call('userData.putFavorite', 'PUT', `/user-data/v1/favorites/${a}`, { token, body: { note: 'uno' } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ note: 'uno', createdAt: new Date(base * 1000).toISOString().replace('.000', '') });
    const listed = await call('userData.listFavorites', 'GET', `/user-data/v1/favorites?itemIds=${a},${b}`, { token });
    expect(listed.body.items.map((f: any) => f.itemId)).toEqual([b, a]);
    expect((await call('userData.deleteFavorite', 'DELETE', `/user-data/v1/favorites/${a}`, { token })).status).toBe(204);
    expect((await call('userData.deleteFavorite', 'DELETE', `/user-data/v1/favorites/${a}`, { token })).status).toBe(204);
    expect((await call('userData.putFavorite', 'PUT', '/user-data/v1/favorites/00000000-0000-4000-8000-000000000000', { token, body: {} })).status).toBe(404);
  });
});

describe('commerce', () => {
  const ppvFile = ppvVod.files.find((f) => f.ppvProductIds.length > 0)!;
  const ppvProduct = product(ppvFile.ppvProductIds[0]!);
  const price = (p: { price: number; currency: string }) => ({ amountMinor: Math.round(p.price * 100), currency: p.currency });
  const purchase = (token: string, body: Record<string, unknown>, origin?: string) => call('commerce.createPurchase', 'POST', '/commerce/v1/purchases', { token, body, ...(origin ? { origin } : {}) });

  it('reads products and prices', async () => {
    const token = await tokenFor(null);
    const answer = await call('commerce.getProduct', 'GET', `/commerce/v1/products/${ppvProduct.platformId}`, { token });
    expect(answer.body).toMatchObject({ type: 'ppv', price: price(ppvProduct), durationDays: ppvProduct.durationDays });
    expect((await call('commerce.getProduct', 'GET', '/commerce/v1/products/nope', { token })).body.code).toBe('product_not_found');
    const sub = catalog.products.find((p) => p.type === 'subscription')!;
    const prices = await call('commerce.listPrices', 'GET', `/commerce/v1/prices?fileIds=${ppvFile.platformId}&productIds=${sub.platformId}`, { token });
    expect(prices.body.items).toEqual([
      ...ppvFile.ppvProductIds.map((id) => ({ productId: product(id).platformId, productType: 'ppv', fileId: ppvFile.platformId, price: price(product(id)), isSubscriptionOnly: false })),
      { productId: sub.platformId, productType: 'subscription', price: price(sub), isSubscriptionOnly: false },
    ]);
  });

  it('lists entitlements by type, scope and expiry', async () => {
    const token = await tokenFor('demo1');
    const list = (query: string) => call('commerce.listEntitlements', 'GET', `/commerce/v1/entitlements?${query}`, { token });
    expect((await list('scope=user')).body.code).toBe('validation_failed');
    const subs = await list('type=subscription&scope=household');
    expect(subs.body.items.map((e: any) => e.productId)).toEqual([product('60001').platformId]);
    const expired = await list('type=ppv&scope=household&expired=true');
    expect(expired.body.items.map((e: any) => e.productId)).toEqual([product('50002').platformId]);
  });

  it('checks purchases in the lab order and replays idempotency keys', async () => {
    const token = await tokenFor('demo1', { udid: 'demo1-stb-1' });
    const missing = await purchase(token, { productId: '00000000-0000-4000-8000-000000000000', price: price(ppvProduct), idempotencyKey: 'k0' });
    expect(missing.body.code).toBe('product_not_found');
    const cheap = await purchase(token, { productId: ppvProduct.platformId, fileId: ppvFile.platformId, price: { amountMinor: 1, currency: 'EUR' }, idempotencyKey: 'k1' });
    expect(cheap.body.code).toBe('price_mismatch');
    const wrongFile = await purchase(token, { productId: ppvProduct.platformId, fileId: freeVod.files[0]!.platformId, price: price(ppvProduct), idempotencyKey: 'k2' });
    expect(wrongFile.body.code).toBe('content_not_in_product');
    const heldSub = product('60001');
    expect((await purchase(token, { productId: heldSub.platformId, price: price(heldSub), idempotencyKey: 'k3' })).body.code).toBe('already_entitled');
    expect((await authorize(token, { itemId: ppvVod.platformId, fileIds: [ppvFile.platformId] })).body.denyReason).toBe('not_entitled');
    const bought = await purchase(token, { productId: ppvProduct.platformId, fileId: ppvFile.platformId, price: price(ppvProduct), idempotencyKey: 'k4' });
    expect(bought.status).toBe(201);
    expect(bought.body.entitlement).toMatchObject({ productId: ppvProduct.platformId, fileId: ppvFile.platformId, itemId: ppvVod.platformId, deviceUdid: 'demo1-stb-1' });
    expect(Date.parse(bought.body.entitlement.endsAt) / 1000 - base).toBe(ppvProduct.durationDays * 86400);
    const replay = await purchase(token, { productId: ppvProduct.platformId, fileId: ppvFile.platformId, price: price(ppvProduct), idempotencyKey: 'k4' });
    expect(replay.body).toEqual(bought.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await purchase(token, { productId: ppvProduct.platformId, fileId: ppvFile.platformId, price: price(ppvProduct), idempotencyKey: 'k5' })).body.code).toBe('already_entitled');
    expect((await authorize(token, { itemId: ppvVod.platformId, fileIds: [ppvFile.platformId] })).body.decision).toBe('allow');
    sim.clock.advanceSeconds(ppvProduct.durationDays * 86400);
    expect((await authorize(await tokenFor('demo1', { udid: 'demo1-stb-1' }), { itemId: ppvVod.platformId, fileIds: [ppvFile.platformId] })).body.decision).toBe('deny');
  });
});

describe('change feed', () => {
  it('records every write with its origin and pages by cursor', async () => {
    const token = await tokenFor('demo1', { udid: 'demo1-stb-1' });
    const item = freeVod.platformId;
    await putProgress(token, item, { positionSeconds: 3, action: 'play' });
    await call('userData.putFavorite', 'PUT', `/user-data/v1/favorites/${item}`, { token, body: { note: 'n' }, origin: 'understudy-sync' });
    await call('userData.deleteFavorite', 'DELETE', `/user-data/v1/favorites/${item}`, { token });
    const home = catalog.households.find((h) => h.vendorId === 5001)!.platformId;
    await call('identity.addDevice', 'POST', `/identity/v1/households/${home}/devices`, { token, body: { udid: 'fresh' } });
    const sub = catalog.products.find((p) => p.type === 'subscription' && !held.has(p.vendorId))!;
    await call('commerce.createPurchase', 'POST', '/commerce/v1/purchases', { token, body: { productId: sub.platformId, price: { amountMinor: Math.round(sub.price * 100), currency: sub.currency }, idempotencyKey: 'c1' } });
    const first = await call('changes.list', 'GET', '/changes?limit=3', { token });
    expect(first.body.changes.map((c: any) => [c.entity, c.op, c.origin])).toEqual([
      ['progress', 'upsert', 'platform'],
      ['favorite', 'upsert', 'understudy-sync'],
      ['favorite', 'delete', 'platform'],
    ]);
    expect(first.body.changes[0]).toMatchObject({ householdId: home, userId: user('demo1').platformId, key: `${user('demo1').platformId}:${item}:media` });
    const rest = await call('changes.list', 'GET', `/changes?after=${first.body.nextCursor}`, { token });
    expect(rest.body.changes.map((c: any) => c.entity)).toEqual(['device', 'entitlement', 'purchase']);
    const empty = await call('changes.list', 'GET', `/changes?after=${rest.body.nextCursor}`, { token });
    expect(empty.body).toEqual({ changes: [], nextCursor: rest.body.nextCursor });
    expect((await call('changes.list', 'GET', '/changes?after=abc', { token })).body.code).toBe('validation_failed');
    sim.reset();
    expect((await call('changes.list', 'GET', '/changes', { token })).body.changes).toEqual([]);
  });
});
