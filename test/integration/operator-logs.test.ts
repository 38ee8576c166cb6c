/**
 * What understudy writes for an operator (docs/observability.md "Logs"): one `served` line per
 * device request with operation, target, outcome and duration and nothing secret; the admin token
 * printed only when it was generated for the lab; lab leftovers in production warned per finding.
 */
import type { RunningUnderstudy } from '../../src/main';
import { frozenLabClock, startFacadeLab } from '../support/facade-lab';
import { captureLog } from '../support/log-lines';
import { loginAs, postVendorJson } from '../support/vendor-http';

describe('logs', () => {
  let facade: RunningUnderstudy;
  const log = captureLog();
  beforeAll(async () => {
    facade = await startFacadeLab({ clock: frozenLabClock(), overrides: { server: { port: 0, adminPort: 0, host: '0.0.0.0' }, log: { level: 'info' } }, logDestination: log });
  }, 120_000);
  afterAll(() => facade.close());

  it('writes one served line per request, without KS, passwords or paths', async () => {
    const ks = await loginAs(facade.url.replace('0.0.0.0', '127.0.0.1'), 'demo1');
    await postVendorJson(facade.url.replace('0.0.0.0', '127.0.0.1'), '/api_v3/service/asset/action/get', { ks, id: '480001', assetReferenceType: 'media' });
    const served = log.events('served');
    expect(served).toHaveLength(2);
    expect(served[0]).toMatchObject({ level: 'info', msg: 'served', operation: 'ottuser.login', target: 'platform', outcome: 'ok' });
    expect(served[1]).toMatchObject({ operation: 'asset.get', target: 'platform', outcome: 'ok', durationMs: expect.any(Number) });
    expect(Object.keys(served[1]!).sort()).toEqual(['durationMs', 'event', 'level', 'msg', 'operation', 'outcome', 'pid', 'hostname', 'target', 'time'].sort());
    const everything = JSON.stringify(log.lines);
    expect(everything).not.toContain(ks);
    expect(everything).not.toContain('password');
  });

  it('binds the admin API to loopback while devices get every interface, and prints the generated lab token', () => {
    expect(facade.adminUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(facade.banner.join('\n')).toContain(`Bearer ${facade.adminToken}`);
    expect(JSON.stringify(log.lines)).not.toContain(facade.adminToken);
  });
});

describe('production with UNDERSTUDY_LAB_IN_PRODUCTION=warn', () => {
  it('warns once per lab leftover and never prints the generated token', async () => {
    const log = captureLog();
    const facade = await startFacadeLab({ overrides: { environment: 'production', safety: { labInProduction: 'warn' }, log: { level: 'info' } }, logDestination: log });
    try {
      const warnings = log.events('unsafe_in_production');
      expect(warnings.map((w) => w.finding)).toEqual([
        expect.stringMatching(/^\/vendor\/url is not set/),
        expect.stringMatching(/^\/platform\/url is not set/),
        expect.stringMatching(/^\/vendor\/partnerSecret is the lab demo secret/),
        expect.stringMatching(/^\/platform\/clientSecret is the lab demo secret/),
        expect.stringMatching(/^\/admin\/token is not set/),
      ]);
      expect(warnings.every((w) => w.level === 'warn')).toBe(true);
      expect(facade.banner.join('\n')).not.toContain(facade.adminToken);
      expect(facade.banner.join('\n')).toContain('<generated, not shown: set UNDERSTUDY_ADMIN_TOKEN>');
    } finally {
      await facade.close();
    }
  }, 120_000);
});
