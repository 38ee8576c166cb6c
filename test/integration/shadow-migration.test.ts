/**
 * Promotion gates over the running facade (issue 11 "Done when"): an operation moved to canary
 * through the admin API is rolled back automatically when its parity drops below the gate; the
 * admin API, the audit trail, the policy history and the metrics say when and why.
 */
import type { RunningUnderstudy } from '../../src/main';
import { readParity, startShadowLab } from '../support/shadow-lab';
import { postVendorJson } from '../support/vendor-http';

let facade: RunningUnderstudy;
beforeAll(async () => {
  facade = await startShadowLab({ gates: { intervalSeconds: 3600, minParityPercent: 99, minSamples: 30, maxErrorPercent: 5, maxP99DeltaMs: 5000, canarySteps: [10, 50], minDwellSeconds: 0, absolutePercent: 1, relativePercent: 20 } });
}, 60_000);
afterAll(async () => {
  await facade.close();
});

const admin = (path: string, init: RequestInit = {}) => fetch(`${facade.adminUrl}${path}`, { ...init, headers: { authorization: `Bearer ${facade.adminToken}`, 'content-type': 'application/json', 'x-understudy-actor': 'release-bot', ...(init.headers ?? {}) } });

async function traffic(devices: number): Promise<void> {
  for (let i = 0; i < devices; i++) {
    const login = await postVendorJson(facade.url, '/api_v3/service/ottuser/action/anonymousLogin', { partnerId: 3197, udid: `canary-device-${i}` });
    await postVendorJson(facade.url, '/api_v3/service/asset/action/get', { ks: login.json.result.ks, id: String(480001 + (i % 20)), assetReferenceType: 'media' });
  }
  await new Promise((resolve) => setTimeout(resolve, 10));
  await facade.shadow.executor.idle();
}

describe('canary promotion gates', () => {
  it('answers the admin API with clear errors for bad moves', async () => {
    expect((await admin('/admin/migration/asset.get', { method: 'POST', body: '{"to":"canary"}' })).status).toBe(400);
    expect((await admin('/admin/migration/asset.get', { method: 'POST', body: '{"to":"moon"}' })).status).toBe(400);
    expect((await admin('/admin/migration/asset.get', { method: 'POST', body: 'not json' })).status).toBe(400);
    expect((await admin('/admin/migration/asset.get', { method: 'POST', body: '{"to":"shadow","extra":1}' })).status).toBe(400);
    expect((await admin('/admin/migration/nonsense', { method: 'POST', body: '{"to":"shadow"}' })).status).toBe(400);
    expect((await fetch(`${facade.adminUrl}/admin/parity`)).status).toBe(401);
  });

  it('advances a clean shadow to canary on schedule, then rolls the canary back when parity drops', async () => {
    const moved = await admin('/admin/migration/asset.get', { method: 'POST', body: JSON.stringify({ to: 'shadow' }) });
    expect(moved.status).toBe(200);
    await traffic(40);
    const [promotion] = await facade.shadow.tick();
    expect(promotion).toMatchObject({ action: 'advance', to: 'canary', percent: 10 });
    const canaryRule = facade.routing.policy.current().document.rules[0];
    expect(canaryRule).toMatchObject({ id: 'migration/asset.get', target: 'platform', percent: 10, shadowPercent: 100 });

    await fetch(`${facade.upstreams.platformUrl}/__sim/defects`, { method: 'PUT', body: JSON.stringify({ defects: [{ kind: 'alter', field: 'synopsis' }] }) });
    await traffic(60);
    const [rollback] = await facade.shadow.tick();
    expect(rollback).toMatchObject({ action: 'rollback', to: 'shadow' });

    const states: any = await (await admin('/admin/migration')).json();
    expect(states.operations).toEqual([expect.objectContaining({ operation: 'asset.get', stage: 'shadow', percent: 0 })]);
    const latest = facade.routing.policy.current();
    expect(latest.author).toBe('migration:schedule');
    expect(latest.document.rules[0]).toMatchObject({ id: 'migration/asset.get', target: 'vendor', shadow: true });

    const detail = await readParity(facade, 'asset.get');
    expect(detail.transitions.map((t: any) => [t.cause, t.to.stage, t.actor])).toEqual([
      ['rollback', 'shadow', 'schedule'],
      ['promotion', 'canary', 'schedule'],
      ['manual', 'shadow', 'release-bot'],
    ]);
    expect(detail.transitions[0].reason).toMatch(/rolled back from canary 10%: parity \d+\.\d+% < 99% over \d+ samples/);
    expect(detail.topFields.map((f: any) => f.pointer)).toContain('/result/description');

    const metrics = await (await admin("/metrics")).text();
    expect(metrics).toMatch(/understudy_parity_transitions_total\{operation="asset.get",to="shadow",cause="rollback"\} 1/);
    expect(metrics).toMatch(/understudy_parity_migration_stage\{operation="asset.get",stage="shadow"\} 1/);
    expect(metrics).toMatch(/understudy_parity_last_transition_timestamp_seconds\{operation="asset.get"\} \d+/);
    expect(metrics).toMatch(/understudy_shadow_samples_total\{operation="asset.get",outcome="different"\} [1-9]/);
  }, 90_000);

  it('holds an operation through the admin API', async () => {
    const held = await admin('/admin/migration/asset.get', { method: 'POST', body: JSON.stringify({ hold: true }) });
    expect(await held.json()).toMatchObject({ operation: 'asset.get', stage: 'shadow', hold: true });
    const [verdict] = await facade.shadow.tick();
    expect(verdict).toMatchObject({ action: 'stay', reason: 'held' });
  });
});
