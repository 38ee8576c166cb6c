/**
 * Writes compared by state (issue 11; docs/shadow.md "Writes compared by state"), over the real
 * sims and the real sync: a shadowed write is answered by the vendor alone; once the sync applied
 * it to the platform, its entity is read on both sides and diffed under the write operation. With
 * nothing wrong nothing is reported; a defect planted in what the platform stores is reported at
 * the right operation and JSON pointer.
 */
import type { RunningUnderstudy } from '../../src/main';
import { startFacadeLab } from '../support/facade-lab';
import { readParity, shadowAllPolicy } from '../support/shadow-lab';
import { loginAs, postVendorJson } from '../support/vendor-http';

let lab: RunningUnderstudy;
beforeAll(async () => {
  lab = await startFacadeLab({ overrides: { shadow: { flushIntervalMs: 50, noisePercent: 0, contractPercent: 100 }, sync: { pollMs: 50 } } });
  const replaced = lab.routing.policy.replace(shadowAllPolicy, 'test');
  if (!replaced.ok) throw new Error(replaced.error.join('; '));
}, 60_000);
afterAll(() => lab.close());

const call = (service: string, action: string, body: Record<string, unknown>) => postVendorJson(lab.url, `/api_v3/service/${service}/action/${action}`, { apiVersion: '7.8.1', ...body });
const putDefects = (defects: unknown[]) => fetch(`${lab.upstreams.platformUrl}/__sim/defects`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ defects }) });

/** Bounded poll: the operation's parity once it holds `samples` samples (the sync applies asynchronously). */
async function samplesOf(operation: string, samples: number): Promise<any> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const detail = await readParity(lab, operation);
    if (detail.report.samples >= samples || Date.now() > deadline) return detail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function bookmark(ks: string, assetId: number, position: number) {
  const playerData = { objectType: 'KalturaBookmarkPlayerData', action: 'HIT', averageBitrate: 0, totalBitrate: 0, currentBitrate: 0 };
  return call('bookmark', 'add', { ks, bookmark: { objectType: 'KalturaBookmark', id: String(assetId), type: 'media', context: 'PLAYBACK', position, playerData } });
}

describe('shadowed writes compared by state after the sync applied them', () => {
  it('reports nothing for bookmarks, favorites and devices when the platform stores them right', async () => {
    const ks = await loginAs(lab.url, 'demo1');
    expect((await bookmark(ks, 480003, 120)).json.result).toBe(true);
    expect((await call('favorite', 'add', { ks, favorite: { objectType: 'KalturaFavorite', assetId: 480004 } })).json.result.assetId).toBe(480004);
    const device = { objectType: 'KalturaHouseholdDevice', udid: 'state-compare-stb', name: 'Den', brandId: 22 };
    expect((await call('householddevice', 'add', { ks, device })).json.result.udid).toBe('state-compare-stb');
    for (const operation of ['bookmark.add', 'favorite.add', 'householddevice.add']) {
      const detail = await samplesOf(operation, 1);
      expect({ operation, samples: detail.report.samples, compared: detail.compared, reported: detail.topFields, errors: detail.report.candidateErrors }).toEqual({ operation, samples: 1, compared: 'state', reported: [], errors: 0 });
      expect(detail.report.parityPercent).toBe(100);
      expect(detail.report.fields.filter((f: any) => f.raw > 0)).toEqual([]);
      expect(detail.report.contractViolations).toEqual({ checked: 1, primary: 0, candidate: 0 });
    }
    const parity = await readParity(lab);
    expect(parity.writes).toMatch(/compared by state/);
    expect(parity.stateReads['bookmark.add']).toBe('bookmark.list');
    for (const operation of ['bookmark.add', 'favorite.add', 'householddevice.add']) expect(parity.operations.find((o: any) => o.operation === operation).dropped.write).toBe(0);
  }, 60_000);

  it('reports a position the platform stores off by one at bookmark.add /result/objects/0/position', async () => {
    const ks = await loginAs(lab.url, 'demo2');
    expect((await putDefects([{ kind: 'off-by-one', field: 'positionSeconds', on: 'write', path: '/user-data/v1/progress' }])).status).toBe(200);
    try {
      const before = (await readParity(lab, 'bookmark.add')).report.samples;
      expect((await bookmark(ks, 480005, 300)).json.result).toBe(true);
      const detail = await samplesOf('bookmark.add', before + 1);
      expect(detail.topFields.map((f: any) => [f.pointer, f.kind])).toEqual([['/result/objects/0/position', 'value']]);
      const cluster = detail.report.clusters.find((c: any) => c.differing);
      expect(cluster.sample.differences).toEqual([expect.objectContaining({ pointer: '/result/objects/0/position', primary: 300, candidate: 301 })]);
      expect(cluster.sample.request.operation).toBe('bookmark.add');
      expect(JSON.stringify(cluster.sample)).not.toMatch(/djJ8/);
    } finally {
      await putDefects([]);
    }
    // The platform's answers were never touched: the vendor's read of the same bookmark says 300.
    const vendor = await postVendorJson(lab.upstreams.vendorUrl, '/api_v3/service/bookmark/action/list', { ks, filter: { objectType: 'KalturaBookmarkFilter', assetIdIn: '480005', assetTypeEqual: 'media' } });
    expect(vendor.json.result.objects.map((b: any) => b.position)).toContain(300);
  }, 60_000);

  it('compares a delete by the entity being gone on both sides; a write the vendor refuses waits and is never compared', async () => {
    const ks = await loginAs(lab.url, 'demo1');
    expect((await call('favorite', 'delete', { ks, id: 480004 })).json.result).toBe(true);
    const deleted = await samplesOf('favorite.delete', 1);
    expect({ samples: deleted.report.samples, parity: deleted.report.parityPercent, compared: deleted.compared }).toEqual({ samples: 1, parity: 100, compared: 'state' });
    const devices = (await readParity(lab, 'householddevice.add')).report.samples;
    const waiting = lab.shadow.states!.waiting();
    // Already in the household: the vendor refuses, nothing is captured or synced, so nothing is compared.
    const refused = await call('householddevice', 'add', { ks, device: { objectType: 'KalturaHouseholdDevice', udid: 'demo1-stb-1', name: 'Again', brandId: 22 } });
    expect(refused.json.result.error.code).toBe('1015');
    expect(lab.shadow.states!.waiting()).toBe(waiting + 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await readParity(lab, 'householddevice.add')).report.samples).toBe(devices);
  }, 30_000);
});
