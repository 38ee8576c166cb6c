/**
 * A logout or session.revoke answered by the vendor — passed through whole, in a multirequest, or as
 * a vendor-routed sub-call of a multirequest the facade runs — reaches the facade's revocation list:
 * the KS is then refused on operations routed to the platform too, with the vendor's own error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningUnderstudy } from '../../src/main';
import { startFacadeLab } from '../support/facade-lab';
import { loginAs, postVendorJson } from '../support/vendor-http';

let facade: RunningUnderstudy;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'understudy-session-end-'));
  const policyFile = join(dir, 'policy.yaml');
  // Sessions stay on the vendor; asset.get is answered by the platform.
  writeFileSync(policyFile, 'salt: s\ndefaultTarget: vendor\nrules:\n  - id: assets-platform\n    match:\n      operations: [asset.get]\n    target: platform\n');
  facade = await startFacadeLab({ overrides: { policy: { file: policyFile } } });
}, 180_000);
afterAll(async () => {
  await facade?.close();
});

const assetGet = (ks: string) => postVendorJson(facade.url, '/api_v3/service/asset/action/get', { ks, id: '480001', assetReferenceType: 'media' });
const errorCode = (json: any): string | undefined => json?.result?.error?.code;

/** What the vendor itself answers for that KS now. */
async function vendorVerdict(ks: string): Promise<string | undefined> {
  return errorCode((await postVendorJson(facade.upstreams.vendorUrl, '/api_v3/service/asset/action/get', { ks, id: '480001', assetReferenceType: 'media' })).json);
}

describe('session ends answered by the vendor', () => {
  it('a logout passed through refuses the KS on platform-routed calls, as the vendor does', async () => {
    const ks = await loginAs(facade.url, 'demo1');
    expect((await assetGet(ks)).json.result.id).toBe(480001);
    expect((await postVendorJson(facade.url, '/api_v3/service/ottuser/action/logout', { ks })).json.result).toBe(true);
    const after = await assetGet(ks);
    expect(errorCode(after.json)).toBeDefined();
    expect(errorCode(after.json)).toBe(await vendorVerdict(ks));
  }, 60_000);

  it('a logout inside a multirequest passed through does the same', async () => {
    const ks = await loginAs(facade.url, 'demo2');
    const multi = await postVendorJson(facade.url, '/api_v3/service/multirequest', { ks, 1: { service: 'ottUser', action: 'logout' } });
    expect(multi.json.result).toEqual([true]);
    expect(errorCode((await assetGet(ks)).json)).toBe(await vendorVerdict(ks));
  }, 60_000);

  it('a session.revoke routed to the vendor inside a multirequest the facade runs revokes every KS of the user', async () => {
    const first = await loginAs(facade.url, 'demo3');
    const second = await loginAs(facade.url, 'demo3', 'demo3-other-udid');
    const multi = await postVendorJson(facade.url, '/api_v3/service/multirequest', { ks: first, 1: { service: 'asset', action: 'get', id: '480001', assetReferenceType: 'media' }, 2: { service: 'session', action: 'revoke' } });
    expect(multi.json.result[0].id).toBe(480001);
    expect(multi.json.result[1]).toBe(true);
    for (const ks of [first, second]) expect(errorCode((await assetGet(ks)).json)).toBe(await vendorVerdict(ks));
  }, 60_000);

  it('a logout the vendor refuses revokes nothing', async () => {
    const ks = await loginAs(facade.url, 'demo4');
    const refused = await postVendorJson(facade.url, '/api_v3/service/ottuser/action/logout', { ks: `${ks}x` });
    expect(errorCode(refused.json)).toBeDefined();
    expect((await assetGet(ks)).json.result.id).toBe(480001);
  }, 60_000);
});
