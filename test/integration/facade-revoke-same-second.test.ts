/**
 * session.revoke then a login in the same second (docs/vendor-decisions.md): on a frozen clock,
 * the revoking KS and older KS of the user are dead, a KS minted after the revoke works, on the
 * facade as on vendor-sim.
 */
import type { RunningUnderstudy } from '../../src/main';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { frozenLabClock, startFacadeLab } from '../support/facade-lab';
import { applySplitPolicy } from '../support/lab-traffic';
import { labDemo, loginAs, postVendorJson } from '../support/vendor-http';

const demo2 = labDemo().accounts.find((a) => a.username === 'demo2')!.userId;
let facade: RunningUnderstudy;
let vendor: VendorSim;

beforeAll(async () => {
  const clock = frozenLabClock();
  facade = await startFacadeLab({ clock, overrides: { edge: { rateLimits: { enabled: false } } } });
  // Sessions on the platform route: the facade mints, revokes and checks them itself.
  await applySplitPolicy(facade);
  vendor = await startVendorSim({ clock });
}, 60_000);

afterAll(async () => {
  await facade.close();
  await vendor.close();
});

const userOf = async (url: string, ks: string): Promise<string> => {
  const answer = await postVendorJson(url, '/api_v3/service/ottuser/action/get', { ks });
  return answer.json?.result?.error === undefined ? `user ${String(answer.json?.result?.id)}` : `error ${String(answer.json.result.error.code)}`;
};

describe.each([['facade', () => facade.url], ['vendor-sim', () => vendor.url]])('session.revoke then login in the same second on %s', (_name, url) => {
  it('kills the KS created before the revoke, not the one created after it', async () => {
    const before = await loginAs(url(), 'demo2');
    const revoking = await loginAs(url(), 'demo2');
    expect((await postVendorJson(url(), '/api_v3/service/session/action/revoke', { ks: revoking })).json.result).toBe(true);
    const after = await loginAs(url(), 'demo2');
    expect(await userOf(url(), before)).toBe('error 500016');
    expect(await userOf(url(), revoking)).toBe('error 500016');
    expect(await userOf(url(), after)).toBe(`user ${demo2}`);
    const refreshed = await postVendorJson(url(), '/api_v3/service/ottuser/action/login', { partnerId: 3197, username: 'demo2', password: 'demo2-pass' });
    expect(await userOf(url(), String(refreshed.json.result.loginSession.ks))).toBe(`user ${demo2}`);
  });
});
