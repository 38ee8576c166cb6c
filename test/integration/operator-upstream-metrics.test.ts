/**
 * Upstream observability and the platform breaker over real servers (issue: every promise true for an
 * operator): platform failures feed the platform breaker; both upstreams' error and duration metrics
 * are recorded; `/metrics` lives on the admin port behind the token, never on the device port.
 */
import type { RunningUnderstudy } from '../../src/main';
import { adminRequest, scrapeMetrics, sumSamples, TEST_ADMIN_TOKEN } from '../support/admin-http';
import { frozenLabClock, startFacadeLab } from '../support/facade-lab';
import { loginAs, postVendorJson, sendVendorRequest } from '../support/vendor-http';

let facade: RunningUnderstudy;

beforeAll(async () => {
  facade = await startFacadeLab({ clock: frozenLabClock(), overrides: { admin: { token: TEST_ADMIN_TOKEN } } });
}, 120_000);
afterAll(() => facade.close());

const setFaults = (simUrl: string, faults: Record<string, number>): Promise<Response> =>
  fetch(`${simUrl}/__sim/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });

const assetGet = (ks: string) => postVendorJson(facade.url, '/api_v3/service/asset/action/get', { ks, id: '480001', assetReferenceType: 'media' });

describe('/metrics', () => {
  it('is served on the admin port behind the token, not on the device port', async () => {
    const device = await sendVendorRequest(facade.url, '/metrics');
    expect(device.text).not.toContain('understudy_');
    expect((await adminRequest(facade.adminUrl, 'GET', '/metrics', { token: 'wrong-token-0123456789' })).status).toBe(401);
    const samples = await scrapeMetrics(facade.adminUrl);
    expect(sumSamples(samples, 'understudy_policy_version')).toBeGreaterThanOrEqual(1);
  });
});

describe('upstream failures', () => {
  it('records platform durations, platform 5xx errors, and opens the platform breaker', async () => {
    const ks = await loginAs(facade.url, 'demo1');
    const ok = await assetGet(ks);
    expect(ok.json.result.id).toBe(480001);
    let samples = await scrapeMetrics(facade.adminUrl);
    expect(sumSamples(samples, 'understudy_upstream_duration_seconds_count', { upstream: 'platform', operation: 'asset.get' })).toBeGreaterThanOrEqual(1);
    expect(sumSamples(samples, 'understudy_breaker_state', { upstream: 'platform' })).toBe(0);

    await setFaults(facade.upstreams.platformUrl, { errorRate: 1 });
    try {
      for (let i = 0; i < 30; i++) await assetGet(ks);
    } finally {
      await setFaults(facade.upstreams.platformUrl, { errorRate: 0 });
    }
    samples = await scrapeMetrics(facade.adminUrl);
    expect(sumSamples(samples, 'understudy_upstream_errors_total', { upstream: 'platform', kind: 'http_5xx' })).toBeGreaterThanOrEqual(10);
    expect(sumSamples(samples, 'understudy_upstream_errors_total', { upstream: 'platform', kind: 'breaker_open' })).toBeGreaterThanOrEqual(1);
    expect(sumSamples(samples, 'understudy_breaker_state', { upstream: 'platform' })).toBe(2);
    const status = await adminRequest(facade.adminUrl, 'GET', '/admin/status');
    expect(status.json.breakers.platform).toBe('open');
  });

  it('records vendor passthrough durations and vendor 5xx errors', async () => {
    const ks = await loginAs(facade.upstreams.vendorUrl, 'demo1');
    expect((await adminRequest(facade.adminUrl, 'POST', '/admin/kill-switch', { body: { on: true } })).status).toBe(200);
    try {
      await assetGet(ks);
      await setFaults(facade.upstreams.vendorUrl, { errorRate: 1 });
      for (let i = 0; i < 3; i++) await assetGet(ks);
    } finally {
      await setFaults(facade.upstreams.vendorUrl, { errorRate: 0 });
      await adminRequest(facade.adminUrl, 'POST', '/admin/kill-switch', { body: { on: false } });
    }
    const samples = await scrapeMetrics(facade.adminUrl);
    expect(sumSamples(samples, 'understudy_upstream_duration_seconds_count', { upstream: 'vendor', operation: 'asset.get' })).toBeGreaterThanOrEqual(4);
    expect(sumSamples(samples, 'understudy_upstream_errors_total', { upstream: 'vendor', kind: 'http_5xx' })).toBe(3);
  });
});
