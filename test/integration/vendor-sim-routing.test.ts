import { validateVendorResponse } from '../../src/contract/response-validator';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { labDemo, loginAs, postVendorJson, sendVendorRequest, type VendorHttpAnswer } from '../support/vendor-http';

let sim: VendorSim;
let ks: string;
const { partnerId } = labDemo();

beforeAll(async () => {
  sim = await startVendorSim();
  ks = await loginAs(sim.url, 'demo1');
});
afterAll(() => sim.close());

const userId = (answer: VendorHttpAnswer): unknown => answer.json?.result?.id;

describe('vendor-sim routing forms (brief §1.2, §7.5)', () => {
  it.each([
    '/api_v3/service/ottuser/action/get',
    '/v4_6/api_v3/service/ottUser/action/get',
    '/restful_V4_4/api_v3/service/OTTUser/action/GET',
    '/v4_5/api_v3//service/ottuser/action/get/',
    '/service/ottuser/action/get',
  ])('POST %s', async (path) => {
    const answer = await postVendorJson(sim.url, path, { ks, apiVersion: '7.8.1' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(userId(answer)).toBe('614001');
    expect(typeof answer.json.executionTime).toBe('number');
    expect(validateVendorResponse('ottuser.get', answer.json)).toEqual([]);
  });
  it('routes by query string on GET', async () => {
    const answer = await sendVendorRequest(sim.url, `/api_v3/?service=ottuser&action=get&ks=${encodeURIComponent(ks)}`);
    expect(userId(answer)).toBe('614001');
  });
  it('reads /key/value path parameters', async () => {
    const answer = await sendVendorRequest(sim.url, `/api_v3/service/ottuser/action/get/ks/${encodeURIComponent(ks)}/format/1`);
    expect(userId(answer)).toBe('614001');
  });
  it('accepts form bodies in both nested notations', async () => {
    const body = `ks=${encodeURIComponent(ks)}&filter%3AobjectType=KalturaHouseholdDeviceFilter&filter[orderBy]=CREATED_DATE_DESC`;
    const answer = await sendVendorRequest(sim.url, '/api_v3/service/householddevice/action/list', { body, contentType: 'application/x-www-form-urlencoded' });
    expect(answer.json.result.objectType).toBe('KalturaHouseholdDeviceListResponse');
    const own = sim.state.catalog.devices.filter((d) => d.householdVendorId === 5001).sort((a, b) => b.activatedOn - a.activatedOn);
    expect((answer.json.result.objects as { udid: string }[]).map((d) => d.udid)).toEqual(own.map((d) => d.udid));
    expect(validateVendorResponse('householddevice.list', answer.json)).toEqual([]);
  });
  it('accepts JSON sent as text/plain and merges query with body (body wins)', async () => {
    const answer = await sendVendorRequest(sim.url, '/api_v3/service/ottuser/action/get?ks=garbage&clientTag=x', { body: JSON.stringify({ ks }), contentType: 'text/plain' });
    expect(userId(answer)).toBe('614001');
  });
  it('answers format=2 as JSON', async () => {
    const answer = await postVendorJson(sim.url, '/api_v3/service/ottuser/action/get?format=2', { ks, format: 2 });
    expect(userId(answer)).toBe('614001');
  });
  it('ignores unknown parameters', async () => {
    const answer = await postVendorJson(sim.url, '/api_v3/service/ottuser/action/get', { ks, kalsig: 'x', ignoreNull: true, version: '5.2', clientTag: 'tv', referrer: 'y' });
    expect(userId(answer)).toBe('614001');
  });
});

describe('CORS (brief §1.3)', () => {
  it('answers preflight with 204 and permissive headers', async () => {
    const response = await fetch(`${sim.url}/api_v3/service/multirequest`, {
      method: 'OPTIONS',
      headers: { origin: 'http://tv.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://tv.example');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(response.headers.get('access-control-max-age')).toBe('86400');
  });
  it('adds Access-Control-Allow-Origin to every answer', async () => {
    const withOrigin = await sendVendorRequest(sim.url, '/api_v3/service/ottuser/action/get', { method: 'POST', body: '{}', contentType: 'application/json', headers: { origin: 'http://a.b' } });
    expect(withOrigin.headers.get('access-control-allow-origin')).toBe('http://a.b');
    const without = await postVendorJson(sim.url, '/api_v3/service/nope/action/x', {});
    expect(without.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('bad input gets the vendor code, HTTP 200', () => {
  const expectError = (answer: VendorHttpAnswer, code: string): void => {
    expect(answer.status).toBe(200);
    expect(answer.json.result.error).toMatchObject({ objectType: 'KalturaAPIException', code });
    expect(validateVendorResponse('ottuser.get', answer.json)).toEqual([]);
  };
  it('malformed and non-object JSON → 500003', async () => {
    expectError(await sendVendorRequest(sim.url, '/api_v3/service/ottuser/action/get', { body: '{"ks": ', contentType: 'application/json' }), '500003');
    expectError(await sendVendorRequest(sim.url, '/api_v3/service/ottuser/action/get', { body: '[1]', contentType: 'application/json' }), '500003');
  });
  it('unknown service → 500011, unknown action → 500012, no action → 500033, no service → 500011', async () => {
    const unknownService = await postVendorJson(sim.url, '/api_v3/service/nothing/action/get', {});
    expectError(unknownService, '500011');
    expect(unknownService.json.result.error.message).toBe('Service [nothing] not found');
    const unknownAction = await postVendorJson(sim.url, '/api_v3/service/ottuser/action/fly', {});
    expectError(unknownAction, '500012');
    expect(unknownAction.json.result.error.message).toBe('Action [ottuser.fly] not found');
    expectError(await postVendorJson(sim.url, '/api_v3/service/ottuser', {}), '500033');
    expectError(await postVendorJson(sim.url, '/api_v3/', {}), '500011');
  });
  it('KS: missing → 500004, garbage → 500015, expired → 500016', async () => {
    expectError(await postVendorJson(sim.url, '/api_v3/service/ottuser/action/get', {}), '500004');
    expectError(await postVendorJson(sim.url, '/api_v3/service/ottuser/action/get', { ks: 'djJ8MTk4fGdhcmJhZ2U=' }), '500015');
    expectError(await postVendorJson(sim.url, '/api_v3/service/ottuser/action/get', { ks: 'not a ks at all' }), '500015');
    const anonymous = await loginAs(sim.url, 'anonymous');
    expectError(await postVendorJson(sim.url, '/api_v3/service/ottuser/action/get', { ks: anonymous }), '500004');
    const put = await sendVendorRequest(sim.url, '/__sim/clock', { method: 'PUT', body: JSON.stringify({ offsetSeconds: 604801 }), contentType: 'application/json' });
    expect(put.status).toBe(200);
    try {
      expectError(await postVendorJson(sim.url, '/api_v3/service/ottuser/action/get', { ks }), '500016');
    } finally {
      sim.clock.setOffsetSeconds(0);
    }
  });
  it('wrong types and empty required arguments', async () => {
    expectError(await postVendorJson(sim.url, '/api_v3/service/ottuser/action/anonymousLogin', { partnerId: 'abc' }), '500031');
    expectError(await postVendorJson(sim.url, '/api_v3/service/ottuser/action/anonymousLogin', {}), '500053');
    expectError(await postVendorJson(sim.url, '/api_v3/service/ottuser/action/login', { partnerId, username: { a: 1 }, password: 'x' }), '50026');
    expectError(await postVendorJson(sim.url, '/api_v3/service/householddevice/action/add', { ks, device: { objectType: 'KalturaHouseholdDevice', udid: '' } }), '50027');
    expectError(await postVendorJson(sim.url, '/api_v3/service/householddevice/action/list', { ks, filter: { orderBy: 'SIDEWAYS' } }), '500041');
  });
  it('an oversized body → 500003, and the server stays up', async () => {
    const big = JSON.stringify({ ks, pad: 'x'.repeat(1024 * 1024 + 10) });
    expectError(await sendVendorRequest(sim.url, '/api_v3/service/ottuser/action/get', { body: big, contentType: 'application/json' }), '500003');
    expect(userId(await postVendorJson(sim.url, '/api_v3/service/ottuser/action/get', { ks }))).toBe('614001');
  });
  it('a bug inside an operation becomes error 1 without a stack trace', async () => {
    const bugs: string[] = [];
    const buggy = await startVendorSim({ operations: { 'boom.now': { access: 'none', run: () => { throw new Error('secret detail'); } } }, onBug: (_e, op) => bugs.push(op) });
    try {
      const answer = await postVendorJson(buggy.url, '/api_v3/service/boom/action/now', {});
      expect(answer.json.result.error).toEqual({ objectType: 'KalturaAPIException', code: '1', message: 'error' });
      expect(answer.text).not.toContain('secret detail');
      expect(bugs).toEqual(['boom.now']);
    } finally {
      await buggy.close();
    }
  });
});
