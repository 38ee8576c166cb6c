import { validateVendorResponse } from '../../src/contract/response-validator';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { labDemo, loginAs, postVendorJson, slotSummary } from '../support/vendor-http';

let sim: VendorSim;
const { partnerId } = labDemo();
const mr = (body: unknown): ReturnType<typeof postVendorJson> => postVendorJson(sim.url, '/api_v3/service/multirequest', body);
const call = (service: string, action: string, body: unknown): ReturnType<typeof postVendorJson> => postVendorJson(sim.url, `/api_v3/service/${service}/action/${action}`, body);
const valid = (operationId: string, json: unknown): void => expect(validateVendorResponse(operationId, json)).toEqual([]);

beforeAll(async () => {
  sim = await startVendorSim();
});
afterAll(() => sim.close());

describe('session flows of brief §8.5 as multirequests', () => {
  it('anonymous: anonymousLogin then session.get with {1:result:ks} (keys from 1)', async () => {
    const answer = await mr({ 1: { service: 'ottUser', action: 'anonymousLogin', partnerId, udid: 'tv-1' }, 2: { service: 'session', action: 'get', ks: '{1:result:ks}' }, apiVersion: '7.8.1' });
    valid('multirequest', answer.json);
    const [login, session] = answer.json.result;
    expect(login).toMatchObject({ objectType: 'KalturaLoginSession', ks: expect.any(String), refreshToken: expect.any(String) });
    expect(session).toMatchObject({ objectType: 'KalturaSession', ks: login.ks, userId: '0', udid: 'tv-1', partnerId, expiry: login.expiry });
  });
  it('login: login then session.get with {1:result:loginSession:ks} (keys from 0)', async () => {
    const answer = await mr({ 0: { service: 'ottUser', action: 'login', partnerId, username: 'demo1', password: 'demo1-pass', udid: 'box-7' }, 1: { service: 'session', action: 'get', ks: '{1:result:loginSession:ks}' } });
    valid('multirequest', answer.json);
    const [login, session] = answer.json.result;
    expect(login.objectType).toBe('KalturaLoginResponse');
    valid('ottuser.login', { executionTime: 0, result: login });
    expect(login.user).toMatchObject({ objectType: 'KalturaOTTUser', id: '614001', householdId: 5001, suspensionState: 'NOT_SUSPENDED', suspentionState: 'NOT_SUSPENDED' });
    expect(session).toMatchObject({ userId: '614001', udid: 'box-7', ks: login.loginSession.ks });
    expect(session.expiry - session.createDate).toBe(604800);
  });
  it('refresh: refreshSession then session.get; the old refresh token is consumed', async () => {
    const login = await call('ottuser', 'login', { partnerId, username: 'demo2', password: 'demo2-pass' });
    const { ks, refreshToken } = login.json.result.loginSession;
    const answer = await mr({ ks, 1: { service: 'ottUser', action: 'refreshSession', refreshToken, udid: 'phone-9' }, 2: { service: 'session', action: 'get', ks: '{1:result:ks}' } });
    valid('multirequest', answer.json);
    const [fresh, session] = answer.json.result;
    expect(fresh.refreshToken).not.toBe(refreshToken);
    expect(fresh.ks).not.toBe(ks);
    expect(session).toMatchObject({ userId: '614003', udid: 'phone-9' });
    const again = await call('ottuser', 'refreshSession', { ks, refreshToken });
    expect(again.json.result.error.code).toBe('500017');
  });
  it('logout: that KS gets 500016, the user\'s other KSs keep working; session.revoke ends them all', async () => {
    const first = await loginAs(sim.url, 'demo3', 'box-a');
    const second = await loginAs(sim.url, 'demo3', 'box-b');
    const logout = await call('ottuser', 'logout', { ks: first, udid: 'box-a' });
    expect(logout.json.result).toBe(true);
    valid('ottuser.logout', logout.json);
    expect((await call('ottuser', 'get', { ks: first })).json.result.error).toMatchObject({ code: '500016', message: 'KS expired' });
    expect((await call('ottuser', 'get', { ks: second })).json.result.id).toBe('614004');
    const revoke = await call('session', 'revoke', { ks: second });
    expect(revoke.json.result).toBe(true);
    expect((await call('ottuser', 'get', { ks: second })).json.result.error.code).toBe('500016');
    expect((await call('ottuser', 'get', { ks: await loginAs(sim.url, 'demo3') })).json.result.id).toBe('614004');
  });
  it('login errors: wrong password 1011, unknown user 2000, suspended 2001, unknown partner 500006', async () => {
    expect((await call('ottuser', 'login', { partnerId, username: 'demo1', password: 'nope' })).json.result.error.code).toBe('1011');
    expect((await call('ottuser', 'login', { partnerId, username: 'nobody', password: 'x' })).json.result.error.code).toBe('2000');
    const suspended = sim.state.catalog.users.find((u) => u.suspended);
    expect((await call('ottuser', 'login', { partnerId, username: suspended?.username, password: suspended?.password })).json.result.error.code).toBe('2001');
    expect((await call('ottuser', 'anonymousLogin', { partnerId: partnerId + 1 })).json.result.error.code).toBe('500006');
  });
});

describe('multirequest behaviour (brief §3)', () => {
  it('partial failures stay in their slots; exactly N slots', async () => {
    const ks = await loginAs(sim.url, 'demo1');
    const answer = await mr({ ks, 1: { service: 'ottuser', action: 'get' }, 2: { service: 'nothing', action: 'x' }, 3: { service: 'household', action: 'get' }, 4: 'junk' });
    valid('multirequest', answer.json);
    expect(answer.json.result).toHaveLength(4);
    expect(answer.json.result[0].id).toBe('614001');
    expect(answer.json.result[1].error.code).toBe('500011');
    expect(answer.json.result[2]).toMatchObject({ objectType: 'KalturaHousehold', id: 5001 });
    expect(answer.json.result[3].error.code).toBe('500011');
  });
  it('a top-level malformed KS fails only the slots that use it', async () => {
    const own = await loginAs(sim.url, 'demo2');
    const answer = await mr({ ks: 'broken', 1: { service: 'ottuser', action: 'anonymousLogin', partnerId }, 2: { service: 'session', action: 'get', ks: '{1:result:ks}' }, 3: { service: 'ottuser', action: 'get', ks: own } });
    valid('multirequest', answer.json);
    expect(slotSummary(answer.json.result)).toEqual(['500015', '50025', 'KalturaOTTUser']);
  });
  it('token errors: index 0 → 500042, forward index → 500043, bad path or failed slot → 50025', async () => {
    const answer = await mr({
      1: { service: 'ottuser', action: 'login', partnerId, username: 'demo1', password: 'wrong' },
      2: { service: 'session', action: 'get', ks: '{0:result:ks}' },
      3: { service: 'session', action: 'get', ks: '{9:result:ks}' },
      4: { service: 'session', action: 'get', ks: '{1:result:loginSession:ks}' },
      5: { service: 'ottuser', action: 'anonymousLogin', partnerId },
      6: { service: 'session', action: 'get', ks: '{5:result:nothing}' },
    });
    expect(slotSummary(answer.json.result)).toEqual(['1011', '500042', '500043', '50025', 'KalturaLoginSession', '50025']);
  });
  it('abortOnError aborts the rest with error 1', async () => {
    const answer = await mr({ abortOnError: true, 1: { service: 'ottuser', action: 'get' }, 2: { service: 'ottuser', action: 'anonymousLogin', partnerId } });
    expect(slotSummary(answer.json.result)).toEqual(['500004', '1']);
  });
  it('replays the playkit anonymous body shape (brief §8.2) for the identity slots', async () => {
    const answer = await mr({ 1: { service: 'ottuser', action: 'anonymousLogin', partnerId }, 2: { service: 'ottuser', action: 'get', ks: '{1:result:ks}' }, apiVersion: '7.8.1', partnerId });
    expect(answer.json.result).toHaveLength(2);
    expect(answer.json.result[1].error.code).toBe('500004');
  });
});

describe('household and devices (docs/lab-rules.md "Devices")', () => {
  it('household.get: own, other → 500028, unknown → 1006', async () => {
    const ks = await loginAs(sim.url, 'demo1');
    const own = await call('household', 'get', { ks });
    valid('household.get', own.json);
    expect(own.json.result).toMatchObject({ objectType: 'KalturaHousehold', id: 5001, state: 'ok' });
    expect(own.json.result.users.length).toBeGreaterThan(0);
    expect((await call('household', 'get', { ks, id: 5002 })).json.result.error.code).toBe('500028');
    expect((await call('household', 'get', { ks, id: 999999 })).json.result.error.code).toBe('1006');
  });
  it('add / get / list / delete with their errors', async () => {
    sim.reset();
    const ks = await loginAs(sim.url, 'demo1', 'demo1-stb-1');
    const added = await call('householddevice', 'add', { ks, device: { objectType: 'KalturaHouseholdDevice', udid: 'new-box', name: 'Kitchen', brandId: '22' } });
    valid('householddevice.add', added.json);
    expect(added.json.result).toMatchObject({ objectType: 'KalturaHouseholdDevice', udid: 'new-box', householdId: 5001, brandId: 22, status: 'ACTIVATED' });
    expect((await call('householddevice', 'add', { ks, device: { udid: 'new-box' } })).json.result.error.code).toBe('1015');
    const other = sim.state.catalog.devices.find((d) => d.householdVendorId !== 5001);
    expect((await call('householddevice', 'add', { ks, device: { udid: other?.udid } })).json.result.error.code).toBe('1016');
    const got = await call('householddevice', 'get', { ks });
    valid('householddevice.get', got.json);
    expect(got.json.result.udid).toBe('demo1-stb-1');
    const list = await call('householddevice', 'list', { ks });
    expect(list.json.result.objects.at(-1).udid).toBe('new-box');
    expect((await call('householddevice', 'delete', { ks, udid: other?.udid })).json.result.error.code).toBe('1003');
    expect((await call('householddevice', 'delete', { ks, udid: 'ghost' })).json.result.error.code).toBe('1019');
    const deleted = await call('householddevice', 'delete', { ks, udid: 'new-box' });
    valid('householddevice.delete', deleted.json);
    expect(deleted.json.result).toBe(true);
  });
  it('adding beyond devicesLimit → 1001', async () => {
    sim.reset();
    const ks = await loginAs(sim.url, 'demo1');
    const limit = sim.state.identity.households.get(5001)?.devicesLimit ?? 0;
    const codes: string[] = [];
    for (let i = 0; i < limit + 1; i += 1) codes.push((await call('householddevice', 'add', { ks, device: { udid: `extra-${i}` } })).json.result.error?.code ?? 'ok');
    expect(codes.at(-1)).toBe('1001');
  });
});
