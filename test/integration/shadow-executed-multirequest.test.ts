/**
 * Multirequests the facade executes itself (docs/shadow.md "Multirequests the facade executes"),
 * over the real sims: some slots go to the platform, so the facade runs the request slot by slot;
 * the slots the vendor answers under a shadow rule are compared with the platform's candidate for
 * the same call afterwards. The device keeps the vendor's answer in those slots. A defect planted
 * in platform-sim's catalogue is reported at asset.get and its JSON pointers; nothing is reported
 * without it; a read after a write of the same service is not compared.
 */
import type { RunningUnderstudy } from '../../src/main';
import { readParity, startShadowLab } from '../support/shadow-lab';
import { loginAs, postVendorJson } from '../support/vendor-http';

const policy = {
  salt: 'executed-shadow',
  defaultTarget: 'vendor',
  rules: [
    { id: 'favorites-on-platform', match: { operations: ['favorite.*'] }, target: 'platform' },
    { id: 'shadow-the-rest', match: { operations: ['*'] }, target: 'vendor', shadow: true },
  ],
};

let lab: RunningUnderstudy;
beforeAll(async () => {
  lab = await startShadowLab({ contractPercent: 100 }, { sync: { mode: 'off' } });
  const replaced = lab.routing.policy.replace(policy, 'test');
  if (!replaced.ok) throw new Error(replaced.error.join('; '));
}, 60_000);
afterAll(() => lab.close());

const putDefects = (defects: unknown[]) => fetch(`${lab.upstreams.platformUrl}/__sim/defects`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ defects }) });
const assetGet = (id: string) => ({ service: 'asset', action: 'get', id, assetReferenceType: 'media' });
const favoriteList = { service: 'favorite', action: 'list', filter: { objectType: 'KalturaFavoriteFilter' } };

async function executed(ks: string, slots: Record<string, unknown>): Promise<any> {
  const answer = await postVendorJson(lab.url, '/api_v3/service/multirequest', { ks, apiVersion: '7.8.1', ...slots });
  expect(answer.status).toBe(200);
  return answer.json;
}

describe('shadowed slots of a multirequest the facade executes', () => {
  it('compares the vendor-answered read slots and reports nothing when the platform agrees', async () => {
    const ks = await loginAs(lab.url, 'demo1');
    const before = await readParity(lab, 'asset.get');
    const answer = await executed(ks, { '1': favoriteList, '2': assetGet('480001'), '3': assetGet('480002') });
    expect(answer.result[1].id).toBe(480001);
    const after = await readParity(lab, 'asset.get');
    expect(after.report.samples).toBe(before.report.samples + 2);
    expect(after.topFields).toEqual([]);
    expect(after.report.contractViolations).toMatchObject({ primary: 0, candidate: 0 });
    // favorite.list ran on the platform: nothing to compare it with.
    expect((await readParity(lab, 'favorite.list')).report.samples).toBe(0);
  }, 60_000);

  it('reports a planted defect at asset.get /result/description while the device keeps the vendor answer', async () => {
    const ks = await loginAs(lab.url, 'demo2');
    const vendorAnswer = await postVendorJson(lab.upstreams.vendorUrl, '/api_v3/service/asset/action/get', { ks, ...assetGet('480003') });
    expect((await putDefects([{ kind: 'alter', field: 'synopsis', path: '/catalog/v1/items/' }])).status).toBe(200);
    try {
      const answer = await executed(ks, { '1': favoriteList, '2': assetGet('480003') });
      expect(answer.result[1].description).toBe(vendorAnswer.json.result.description);
      const detail = await readParity(lab, 'asset.get');
      // The platform's synopsis is the asset's description and its multilingual text.
      expect(detail.topFields.map((f: any) => [f.pointer, f.kind])).toEqual([['/result/description', 'value'], ['/result/multilingualDescription/0/value', 'value']]);
      const cluster = detail.report.clusters.find((c: any) => c.differing);
      expect(cluster.sample.differences).toContainEqual(expect.objectContaining({ pointer: '/result/description', primary: vendorAnswer.json.result.description }));
      expect(cluster.sample.request.operation).toBe('asset.get');
    } finally {
      await putDefects([]);
    }
  }, 60_000);

  it('does not compare a read that comes after a write the request sends to the platform', async () => {
    const ks = await loginAs(lab.url, 'demo3');
    const before = await readParity(lab, 'asset.get');
    const add = { service: 'favorite', action: 'add', favorite: { objectType: 'KalturaFavorite', assetId: 480009 } };
    const answer = await executed(ks, { '1': assetGet('480004'), '2': add, '3': assetGet('480009') });
    expect(answer.result[1].assetId).toBe(480009);
    const after = await readParity(lab, 'asset.get');
    expect(after.report.samples).toBe(before.report.samples + 1);
    expect(after.dropped.write).toBe(before.dropped.write + 1);
  }, 60_000);
});
