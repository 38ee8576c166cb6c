/**
 * The writers and side readers of the sync's Jepsen-style run (bench/sync-jepsen.ts; the small run
 * is test/integration/sync-jepsen.test.ts): per demo user, four writers on disjoint assets (one
 * writer per key, as the checker needs) — bookmarks through the facade (to the platform),
 * favorites through the facade (to the vendor, by kill switch), favorites straight to the platform,
 * bookmarks straight to the vendor-sim — each recording what was acknowledged. A write whose outcome
 * is unknown (no answer: the vendor-sim may have applied it and lost its answer) is sent again.
 */
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { isUnknownVendorResult, retryWhileUnknown } from '../../test/support/retry-unknown';
import type { AckedWrite, SideListing } from '../../test/support/sync-history-check';

const catalog = loadCatalog();
const assets = catalog.vodAssets.slice(40, 52);

/** Where the run writes. */
export interface RunTargets {
  readonly facadeUrl: string;
  readonly vendorUrl: string;
  readonly platformUrl: string;
}

/** One demo user with its facade KS and platform bearer. */
export interface Writer {
  readonly userId: string;
  readonly ks: string;
  readonly bearer: string;
}

async function postJson(url: string, body: unknown): Promise<any> {
  try {
    const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
    return ((await answer.json()) as { result?: unknown }).result;
  } catch {
    return undefined;
  }
}

async function platformStatus(t: RunTargets, bearer: string, method: string, path: string, body?: unknown): Promise<number> {
  try {
    const answer = await fetch(`${t.platformUrl}${path}`, { method, headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, signal: AbortSignal.timeout(10_000), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    await answer.arrayBuffer();
    return answer.status;
  } catch {
    return 599;
  }
}

/** Logs every demo account in through the facade and takes a platform bearer for it. */
export async function openWriters(t: RunTargets): Promise<Writer[]> {
  const writers: Writer[] = [];
  for (const account of catalog.demo.accounts) {
    const user = catalog.users.find((u) => u.vendorId === account.userId)!;
    const household = catalog.households.find((h) => h.vendorId === user.householdVendorId)!;
    const login = await postJson(`${t.facadeUrl}/api_v3/service/ottuser/action/login`, { partnerId: catalog.demo.partnerId, username: account.username, password: account.password });
    const basic = Buffer.from(`understudy:${catalog.demo.platformClientSecret}`).toString('base64');
    const token = await fetch(`${t.platformUrl}/identity/v1/token`, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' }, body: JSON.stringify({ userId: user.platformId, householdId: household.platformId, sessionKey: 'jepsen' }) });
    writers.push({ userId: user.vendorId, ks: String(login?.loginSession?.ks), bearer: ((await token.json()) as { accessToken: string }).accessToken });
  }
  return writers;
}

/** Writes sent again because their outcome was unknown (a reset, a 503, or an answer lost after the write was applied). */
export const resentWrites = { count: 0 };

/** `unknown`, counting every write it sends again. */
function counted<T>(unknown: (answer: T) => boolean): (answer: T) => boolean {
  return (answer) => {
    const again = unknown(answer);
    if (again) resentWrites.count += 1;
    return again;
  };
}

const bookmark = (id: number, position: number) => ({ objectType: 'KalturaBookmark', id: String(id), type: 'media', position, playerData: { objectType: 'KalturaBookmarkPlayerData', action: 'PAUSE' } });

/** One round of the four writers of one user; `round` makes every bookmark position new. */
export async function writeRound(t: RunTargets, w: Writer, round: number, acked: AckedWrite[], platformDirect: Set<string>): Promise<void> {
  const u = w.userId;
  const api = (base: string, service: string, action: string, body: Record<string, unknown>): Promise<any> => retryWhileUnknown(() => postJson(`${base}/api_v3/service/${service}/action/${action}`, body), counted(isUnknownVendorResult));
  const add = round % 2 === 0;
  await Promise.all([
    ...assets.slice(0, 3).map(async (a) => {
      if ((await api(t.facadeUrl, 'bookmark', 'add', { ks: w.ks, bookmark: bookmark(a.vendorId, round * 10) })) === true) acked.push({ key: `b:${u}:${a.vendorId}`, value: String(round * 10) });
    }),
    ...assets.slice(3, 6).map(async (a) => {
      const result = add ? await api(t.facadeUrl, 'favorite', 'add', { ks: w.ks, favorite: { objectType: 'KalturaFavorite', assetId: a.vendorId } }) : await api(t.facadeUrl, 'favorite', 'delete', { ks: w.ks, id: a.vendorId });
      if (add ? result?.assetId === a.vendorId : result === true) acked.push({ key: `f:${u}:${a.vendorId}`, value: add ? 'present' : 'absent' });
    }),
    ...assets.slice(6, 9).map(async (a) => {
      platformDirect.add(`${u}:${a.vendorId}`);
      const status = await retryWhileUnknown(() => platformStatus(t, w.bearer, add ? 'PUT' : 'DELETE', `/user-data/v1/favorites/${a.platformId}`, add ? { note: '' } : undefined), counted((code: number) => code === 599));
      if (status < 300) acked.push({ key: `f:${u}:${a.vendorId}`, value: add ? 'present' : 'absent' });
    }),
    ...assets.slice(9, 12).map(async (a) => {
      if ((await api(t.vendorUrl, 'bookmark', 'add', { ks: w.ks, bookmark: bookmark(a.vendorId, round * 7) })) === true) acked.push({ key: `b:${u}:${a.vendorId}`, value: String(round * 7) });
    }),
  ]);
}

/** What each side holds for the run's keys. */
export async function readSides(t: RunTargets, writers: readonly Writer[]): Promise<{ vendor: SideListing; platform: SideListing }> {
  const vendor: [string, string][] = [];
  const platform: [string, string][] = [];
  const wanted = new Set(assets.map((a) => a.vendorId));
  const byPlatform = new Map(assets.map((a) => [a.platformId, a.vendorId]));
  for (const w of writers) {
    const u = w.userId;
    const history = await postJson(`${t.vendorUrl}/api_v3/service/assethistory/action/list`, { ks: w.ks, pager: { pageSize: 50 } });
    for (const h of history?.objects ?? []) if (wanted.has(h.assetId)) vendor.push([`b:${u}:${h.assetId}`, String(h.position)]);
    const favorites = await postJson(`${t.vendorUrl}/api_v3/service/favorite/action/list`, { ks: w.ks });
    for (const f of favorites?.objects ?? []) if (wanted.has(f.assetId)) vendor.push([`f:${u}:${f.assetId}`, 'present']);
    const progress: any = await (await fetch(`${t.platformUrl}/user-data/v1/history?limit=500`, { headers: { authorization: `Bearer ${w.bearer}` } })).json();
    for (const h of progress.items) if (byPlatform.has(h.itemId)) platform.push([`b:${u}:${byPlatform.get(h.itemId)}`, String(h.positionSeconds)]);
    const favs: any = await (await fetch(`${t.platformUrl}/user-data/v1/favorites?limit=500`, { headers: { authorization: `Bearer ${w.bearer}` } })).json();
    for (const f of favs.items) if (byPlatform.has(f.itemId)) platform.push([`f:${u}:${byPlatform.get(f.itemId)}`, 'present']);
  }
  return { vendor, platform };
}
