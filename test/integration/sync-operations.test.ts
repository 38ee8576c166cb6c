/**
 * Operating the sync (docs/sync.md "Operating it"): a change the vendor keeps refusing retries with
 * backoff, is dead-lettered after N tries, listed, and re-driven once the vendor recovers; switching
 * an entity off stops its capture and reports the drain, on resumes it; the CLI renders status.
 */
import { buildProgram } from '../../src/cli/main';
import type { RunningUnderstudy } from '../../src/main';
import { startFacadeLab } from '../support/facade-lab';
import { loginAs, postVendorJson } from '../support/vendor-http';

const token = 'test-admin-token-0123456789';
let facade: RunningUnderstudy;

beforeAll(async () => {
  facade = await startFacadeLab({ overrides: { admin: { token }, sync: { maxAttempts: 3, backoffMs: 20, maxBackoffMs: 40, pollMs: 50 } } });
}, 60_000);
afterAll(() => facade.close());

async function admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const answer = await fetch(`${facade.adminUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: answer.status, json: await answer.json() };
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

const vendorFaults = (faults: Record<string, number>) => fetch(`${facade.upstreams.vendorUrl}/__sim/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
const vendorFavorites = async (ks: string): Promise<number[]> => ((await postVendorJson(facade.upstreams.vendorUrl, '/api_v3/service/favorite/action/list', { ks })).json?.result?.objects ?? []).map((f: any) => f.assetId);
const addFavorite = (ks: string, assetId: number) => postVendorJson(facade.url, '/api_v3/service/favorite/action/add', { ks, favorite: { objectType: 'KalturaFavorite', assetId } });

describe('operating the sync', () => {
  it('dead-letters a change the vendor keeps refusing, lists it, and re-drives it after recovery', async () => {
    const ks = await loginAs(facade.url, 'demo1');
    await vendorFaults({ errorRate: 1 });
    try {
      expect((await addFavorite(ks, 480020)).json.result.assetId).toBe(480020);
      const dead = await until(() => admin('GET', '/admin/sync/dead-letters'), (a) => a.json.items.length > 0);
      expect(dead.json.items[0]).toMatchObject({ entity: 'favorite', attempts: 3 });
      expect(dead.json.items[0].lastError).toMatch(/503/);
      expect((await admin('GET', '/admin/sync')).json.entities.favorite.deadLetters).toBe(1);
    } finally {
      await vendorFaults({ errorRate: 0 });
    }
    expect((await admin('POST', '/admin/sync/dead-letters/retry', {})).json.retried).toBe(1);
    expect(await until(() => vendorFavorites(ks), (ids) => ids.includes(480020))).toContain(480020);
    expect((await admin('GET', '/admin/sync/dead-letters')).json.items).toEqual([]);
  }, 30_000);

  it('switches one entity off (capture stops, the drain is reported) and on again', async () => {
    const ks = await loginAs(facade.url, 'demo4');
    const off = await admin('POST', '/admin/sync/off', { entity: 'favorite' });
    expect(off.status).toBe(200);
    expect(off.json).toMatchObject({ entities: ['favorite'], enabled: false, left: 0 });
    expect((await admin('GET', '/admin/sync')).json.entities.favorite.enabled).toBe(false);
    await addFavorite(ks, 480021);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await vendorFavorites(ks)).not.toContain(480021);
    expect((await admin('POST', '/admin/sync/on', { entity: 'favorite' })).json.enabled).toBe(true);
    await addFavorite(ks, 480022);
    expect(await until(() => vendorFavorites(ks), (ids) => ids.includes(480022))).toContain(480022);
    expect((await admin('POST', '/admin/sync/off', { entity: 'nonsense' })).status).toBe(400);
  }, 30_000);

  it('renders status and reconcile on the terminal through the CLI', async () => {
    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    try {
      await buildProgram().parseAsync(['node', 'understudy', 'sync', 'status', '--admin-url', facade.adminUrl, '--token', token]);
      await buildProgram().parseAsync(['node', 'understudy', 'sync', 'reconcile', '--report-only', '--entity', 'device', '--admin-url', facade.adminUrl, '--token', token]);
    } finally {
      log.mockRestore();
    }
    expect(lines[0]).toMatch(/^entity\s+on\s+pending\s+applied/);
    expect(lines[0]).toMatch(/favorite\s+on\s+0\s+\d+/);
    expect(lines[1]).toMatch(/^reconciled \d+ households/);
    expect(lines[1]).toMatch(/drift: 0 /);
  }, 60_000);
});
