/**
 * Shadow mode end to end (issue 11 "Done when"): with no defect, every golden case and the brief §8
 * device flows shadowed through the facade report nothing (executionTime, KS, server time and signed
 * URLs never show up); a translation defect planted in platform-sim is reported at the right
 * operation and JSON pointer within 200 shadowed requests.
 */
import { loadGoldenCases } from '../support/golden-runner';
import { runDualCase } from '../support/dual-golden';
import { readParity, startDualLab, type DualLab } from '../support/shadow-lab';
import { loginAs, postVendorJson } from '../support/vendor-http';

let lab: DualLab;
beforeAll(async () => {
  lab = await startDualLab({ noisePercent: 25 });
}, 60_000);
afterAll(async () => {
  await lab.close();
});

const noisyNames = /executionTime|\/ks$|serverTime|\/url$|refreshToken|privileges/;

async function putDefects(defects: unknown[]): Promise<void> {
  const answer = await fetch(`${lab.shadow.upstreams.platformUrl}/__sim/defects`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ defects }) });
  expect(answer.status).toBe(200);
}

async function runDeviceFlows(): Promise<void> {
  const post = (body: unknown, path = '/service/multirequest') => postVendorJson(lab.shadow.url, `/v4_6/api_v3${path}`, body);
  const options = { objectType: 'KalturaPlaybackContextOptions', context: 'PLAYBACK' };
  await post({ '1': { service: 'ottuser', action: 'anonymousLogin', partnerId: 3197 }, '2': { service: 'asset', action: 'get', id: '480001', assetReferenceType: 'media', ks: '{1:result:ks}' }, '3': { service: 'asset', action: 'getPlaybackContext', assetId: '480001', assetType: 'media', contextDataParams: options, ks: '{1:result:ks}' }, apiVersion: '7.8.1', partnerId: 3197 });
  await loginAs(lab.platform.url, 'demo1');
  const ks = await loginAs(lab.shadow.url, 'demo1');
  await post({ '1': { service: 'asset', action: 'getPlaybackContext', assetId: 480001, assetType: 'MEDIA', contextDataParams: { context: 'PLAYBACK', referrer: 'app://x' }, ks }, '2': { service: 'asset', action: 'get', id: 480001, assetReferenceType: 'media', ks }, ks, clientTag: 'android-7', apiVersion: '7.8.1' });
  const anonymous = (await post({ apiVersion: '7.8.1', partnerId: 3197 }, '/service/ottuser/action/anonymousLogin')).json.result.ks;
  await post({ apiVersion: '7.8.1', id: '480001', assetReferenceType: 'media', ks: anonymous }, '/service/asset/action/get');
  await post({ apiVersion: '7.8.1', assetId: '480001', assetType: 'media', contextDataParams: options, ks: anonymous }, '/service/asset/action/getPlaybackContext');
  await post({ '1': { service: 'ottUser', action: 'anonymousLogin', partnerId: 3197, udid: 'stb-42' }, '2': { service: 'session', action: 'get', ks: '{1:result:ks}' } });
  const login = (await post({ '1': { service: 'ottUser', action: 'login', partnerId: 3197, username: 'demo1', password: 'demo1-pass', udid: 'demo1-stb-1' }, '2': { service: 'session', action: 'get', ks: '{1:result:loginSession:ks}' } })).json.result;
  await post({ '1': { service: 'ottUser', action: 'refreshSession', refreshToken: login[0].loginSession.refreshToken, ks: login[0].loginSession.ks }, '2': { service: 'session', action: 'get', ks: '{1:result:ks}' } });
  await post({ ks, filter: { objectType: 'KalturaBookmarkFilter', assetIdIn: '480001', assetTypeEqual: 'media' } }, '/service/bookmark/action/list');
  await lab.shadow.shadow.executor.idle();
}

describe('shadow mode over the lab', () => {
  it('reports nothing across the golden cases and the device flows when nothing is wrong', async () => {
    for (const loaded of loadGoldenCases()) await runDualCase(loaded, lab);
    await runDeviceFlows();
    const parity = await readParity(lab.shadow);
    const shadowed = parity.operations.filter((o: any) => o.report.samples > 0);
    expect(shadowed.map((o: any) => o.operation)).toEqual(expect.arrayContaining(['asset.get', 'asset.list', 'asset.getplaybackcontext', 'bookmark.list', 'entitlement.list', 'session.get', 'ottuser.get']));
    const noisy: unknown[] = [];
    for (const o of parity.operations) {
      expect({ operation: o.operation, reported: o.topFields }).toEqual({ operation: o.operation, reported: [] });
      expect(o.report.parityPercent).toBe(100);
      if (o.report.fields.some((f: any) => f.raw > 0 && noisyNames.test(f.field))) noisy.push((await readParity(lab.shadow, o.operation)).report.clusters);
    }
    expect(noisy).toEqual([]);
    expect(parity.dropped.write).toBeGreaterThan(0);
    expect(parity.writes).toMatch(/never shadowed/);
  }, 360_000);

  it('reports an altered field at the operation and JSON pointer within 200 shadowed requests', async () => {
    await putDefects([{ kind: 'alter', field: 'synopsis', path: '/catalog/' }]);
    try {
      const ks = await loginAs(lab.shadow.url, 'anonymous');
      for (let i = 0; i < 150; i++) await postVendorJson(lab.shadow.url, '/api_v3/service/asset/action/get', { ks, id: String(480001 + (i % 40)), assetReferenceType: 'media' });
      const detail = await readParity(lab.shadow, 'asset.get');
      expect(detail.topFields.map((f: any) => [f.pointer, f.kind])).toEqual(expect.arrayContaining([['/result/description', 'value']]));
      expect(detail.report.samples).toBeLessThanOrEqual(200 + 20);
      expect(detail.report.parityPercent).toBeLessThan(50);
      const cluster = detail.report.clusters.find((c: any) => c.differing);
      expect(cluster.sample.differences.map((d: any) => d.pointer)).toContain('/result/description');
      expect(JSON.stringify(cluster.sample)).not.toMatch(/djJ8/);
    } finally {
      await putDefects([]);
    }
  }, 60_000);

  it('reports an off-by-one position in bookmark.list at its pointer', async () => {
    await putDefects([{ kind: 'off-by-one', field: 'positionSeconds' }]);
    try {
      await loginAs(lab.platform.url, 'demo2');
      const ks = await loginAs(lab.shadow.url, 'demo2');
      for (let i = 0; i < 60; i++) await postVendorJson(lab.shadow.url, '/api_v3/service/bookmark/action/list', { ks, filter: { objectType: 'KalturaBookmarkFilter', assetIdIn: '480169,480081,900596', assetTypeEqual: 'media' } });
      const detail = await readParity(lab.shadow, 'bookmark.list');
      const position = detail.topFields.find((f: any) => f.field === '/result/objects/*/position');
      expect(position).toMatchObject({ kind: 'value', pointer: expect.stringMatching(/^\/result\/objects\/\d+\/position$/) });
    } finally {
      await putDefects([]);
    }
  }, 60_000);
});
