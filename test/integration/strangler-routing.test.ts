/**
 * The migration itself, end to end over HTTP: the admin API changes the policy while devices keep
 * calling; the kill switch moves new requests to the vendor at once; a device moves platform →
 * vendor → platform with the same KS; passthrough answers equal the vendor's bytes.
 */
import type { RunningUnderstudy } from '../../src/main';
import { frozenLabClock, startFacadeLab } from '../support/facade-lab';
import { loginAs, sendVendorRequest } from '../support/vendor-http';

let facade: RunningUnderstudy;

beforeAll(async () => {
  facade = await startFacadeLab({ clock: frozenLabClock(), overrides: { admin: { token: 'test-admin-token-0123456789' } } });
}, 60_000);
afterAll(() => facade.close());

async function admin(method: string, path: string, body?: unknown, token = 'test-admin-token-0123456789'): Promise<{ status: number; json: any }> {
  const answer = await fetch(`${facade.adminUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-understudy-actor': 'jest' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: answer.status, json: await answer.json() };
}

async function counter(name: string, labels: Record<string, string>): Promise<number> {
  const text = await (await fetch(`${facade.adminUrl}/metrics`, { headers: { authorization: 'Bearer test-admin-token-0123456789' } })).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && wanted.every((w) => line.includes(w)))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

const assetGet = (ks: string): Promise<{ status: number; text: string; json: any }> =>
  sendVendorRequest(facade.url, '/api_v3/service/asset/action/get', { method: 'POST', body: JSON.stringify({ ks, id: '480001', assetReferenceType: 'media' }), contentType: 'application/json' });

describe('strangler routing', () => {
  it('refuses the admin API without the bearer token', async () => {
    expect((await admin('GET', '/admin/status', undefined, 'wrong-token')).status).toBe(401);
    const status = await admin('GET', '/admin/status');
    expect(status.status).toBe(200);
    expect(status.json.policyVersion).toBeGreaterThanOrEqual(1);
  });

  it('moves a device platform → vendor → platform with the same KS and no error', async () => {
    const ks = await loginAs(facade.url, 'demo1');
    const before = await counter('understudy_requests_total', { operation: 'asset.get', target: 'platform' });
    const onPlatform = await assetGet(ks);
    expect(await counter('understudy_requests_total', { operation: 'asset.get', target: 'platform' })).toBe(before + 1);

    const killed = await admin('POST', '/admin/kill-switch', { on: true });
    expect(killed.status).toBe(200);
    const vendorBefore = await counter('understudy_requests_total', { operation: 'asset.get', target: 'vendor' });
    const onVendor = await assetGet(ks);
    expect(await counter('understudy_requests_total', { operation: 'asset.get', target: 'vendor' })).toBe(vendorBefore + 1);
    expect(onVendor.json.result).toEqual(onPlatform.json.result);

    expect((await admin('POST', '/admin/kill-switch', { on: false })).status).toBe(200);
    const back = await assetGet(ks);
    expect(back.json.result).toEqual(onPlatform.json.result);
  });

  it('passes vendor-routed requests through byte for byte', async () => {
    const ks = await loginAs(facade.url, 'demo1');
    await admin('POST', '/admin/kill-switch', { on: true });
    try {
      const body = JSON.stringify({ ks, filter: { objectType: 'KalturaSearchAssetFilter', kSql: "name~'the'" }, pager: { pageSize: 5 } });
      const path = '/v4_6/api_v3/service/asset/action/list';
      const direct = await sendVendorRequest(facade.upstreams.vendorUrl, path, { method: 'POST', body, contentType: 'application/json' });
      const passed = await sendVendorRequest(facade.url, path, { method: 'POST', body, contentType: 'application/json' });
      expect(passed.status).toBe(direct.status);
      expect(passed.text.replace(/"executionTime":[0-9.]+/, '')).toBe(direct.text.replace(/"executionTime":[0-9.]+/, ''));
    } finally {
      await admin('POST', '/admin/kill-switch', { on: false });
    }
  });

  it('kills one operation only, and records the reason', async () => {
    const ks = await loginAs(facade.url, 'demo1');
    await admin('POST', '/admin/kill-switch', { on: true, operation: 'asset.get' });
    try {
      const before = await counter('understudy_decisions_total', { operation: 'asset.get', reason: 'kill-switch-operation' });
      await assetGet(ks);
      expect(await counter('understudy_decisions_total', { operation: 'asset.get', reason: 'kill-switch-operation' })).toBe(before + 1);
    } finally {
      await admin('POST', '/admin/kill-switch', { on: false, operation: 'asset.get' });
    }
  });

  it('replaces the policy atomically, refuses an invalid one, and honours If-Match', async () => {
    const current = await admin('GET', '/admin/policy');
    const invalid = await admin('PUT', '/admin/policy', { salt: 'x', rules: [{ id: 'a', target: 'nowhere' }] });
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors.length).toBeGreaterThan(0);
    expect((await admin('GET', '/admin/policy')).json.version).toBe(current.json.version);
    const stale = await fetch(`${facade.adminUrl}/admin/policy`, {
      method: 'PUT',
      headers: { authorization: 'Bearer test-admin-token-0123456789', 'content-type': 'application/json', 'if-match': String(current.json.version - 1) },
      body: JSON.stringify(current.json.document),
    });
    expect(stale.status).toBe(412);
    const replaced = await admin('PUT', '/admin/policy', { ...current.json.document, defaultTarget: 'vendor', rules: [] });
    expect(replaced.json.version).toBe(current.json.version + 1);
    const ks = await loginAs(facade.url, 'demo1');
    const before = await counter('understudy_decisions_total', { operation: 'asset.get', reason: 'default', target: 'vendor' });
    await assetGet(ks);
    expect(await counter('understudy_decisions_total', { operation: 'asset.get', reason: 'default', target: 'vendor' })).toBe(before + 1);
    await admin('PUT', '/admin/policy', current.json.document);
  });

  it('runs a mixed multirequest with per-sub-call routing', async () => {
    await admin('POST', '/admin/kill-switch', { on: true, operation: 'asset.get' });
    try {
      const body = {
        '1': { service: 'ottuser', action: 'anonymousLogin', partnerId: 3197 },
        '2': { service: 'asset', action: 'get', id: '480001', assetReferenceType: 'media', ks: '{1:result:ks}' },
        '3': { service: 'asset', action: 'list', ks: '{1:result:ks}', filter: { objectType: 'KalturaSearchAssetFilter', kSql: "media_id='480001'" } },
      };
      const answer = await sendVendorRequest(facade.url, '/api_v3/service/multirequest', { method: 'POST', body: JSON.stringify(body), contentType: 'application/json' });
      expect(answer.json.result).toHaveLength(3);
      expect(answer.json.result[1].id).toBe(480001);
      expect(answer.json.result[2].objects[0]).toEqual(answer.json.result[1]);
    } finally {
      await admin('POST', '/admin/kill-switch', { on: false, operation: 'asset.get' });
    }
  });
});
