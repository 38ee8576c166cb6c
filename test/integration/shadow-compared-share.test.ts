/**
 * The compared share (docs/shadow.md "Admin API and dashboard"): `GET /admin/parity` gives, per
 * operation, the calls the facade received whatever their route and samples ÷ calls. Over the real
 * sims: a half-sampled shadow rule compares about half of asset.get's calls, calls answered by the
 * platform count as calls and never as samples, and operations outside the vendor contract are not counted.
 */
import type { RunningUnderstudy } from '../../src/main';
import { readParity, startShadowLab } from '../support/shadow-lab';
import { loginAs, postVendorJson } from '../support/vendor-http';

const policy = {
  salt: 'compared-share',
  defaultTarget: 'vendor',
  rules: [
    { id: 'list-on-platform', match: { operations: ['asset.list'] }, target: 'platform' },
    { id: 'half-shadowed', match: { operations: ['asset.get'] }, target: 'vendor', shadow: true, shadowPercent: 50 },
  ],
};

let lab: RunningUnderstudy;
beforeAll(async () => {
  lab = await startShadowLab({}, { sync: { mode: 'off' } });
  const replaced = lab.routing.policy.replace(policy, 'test');
  if (!replaced.ok) throw new Error(replaced.error.join('; '));
}, 60_000);
afterAll(() => lab.close());

describe('compared share per operation', () => {
  it('is samples ÷ calls, with every route counted as a call', async () => {
    const ks = await loginAs(lab.url, 'anonymous');
    for (let i = 0; i < 40; i++) await postVendorJson(lab.url, '/api_v3/service/asset/action/get', { ks, id: String(480001 + (i % 10)), assetReferenceType: 'media' });
    for (let i = 0; i < 5; i++) await postVendorJson(lab.url, '/api_v3/service/asset/action/list', { ks, filter: { objectType: 'KalturaSearchAssetFilter', kSql: "(and asset_type='0')" } });
    await postVendorJson(lab.url, '/api_v3/service/nosuchservice/action/get', { ks });
    await lab.shadow.flush();
    const parity = await readParity(lab);
    const get = parity.operations.find((o: any) => o.operation === 'asset.get');
    expect(get.report.calls).toBe(40);
    expect(get.report.samples).toBeGreaterThan(5);
    expect(get.report.samples).toBeLessThan(35);
    expect(get.report.comparedPercent).toBeCloseTo((get.report.samples / 40) * 100, 6);
    const list = parity.operations.find((o: any) => o.operation === 'asset.list');
    expect({ calls: list.report.calls, samples: list.report.samples, comparedPercent: list.report.comparedPercent }).toEqual({ calls: 5, samples: 0, comparedPercent: 0 });
    expect(parity.operations.map((o: any) => o.operation)).not.toContain('nosuchservice.get');
  }, 60_000);
});
