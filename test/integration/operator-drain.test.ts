/**
 * Drain on SIGTERM (docs/operations.md "Drain"): the instance keeps answering while `/readyz`
 * says 503 for `server.drainDelayMs`, then closes its listeners, then stops; each phase is logged.
 */
import { loadConfig } from '../../src/config/load-config';
import { startFacadeLab } from '../support/facade-lab';
import { captureLog } from '../support/log-lines';

const get = async (url: string): Promise<number | 'refused'> => {
  try {
    return (await fetch(url)).status;
  } catch {
    return 'refused';
  }
};

describe('drain', () => {
  it('keeps serving with /readyz 503 for the configured delay, then closes, logging each phase', async () => {
    const log = captureLog();
    const facade = await startFacadeLab({ overrides: { server: { port: 0, adminPort: 0, drainDelayMs: 4000, drainGraceMs: 3000 }, log: { level: 'info' } }, logDestination: log });
    expect(await get(`${facade.url}/readyz`)).toBe(200);
    const started = Date.now();
    const stopped = facade.shutdown();
    expect(await get(`${facade.url}/readyz`)).toBe(503);
    expect(await get(`${facade.url}/livez`)).toBe(200);
    const anonymous = await fetch(`${facade.url}/api_v3/service/ottuser/action/anonymousLogin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"partnerId":3197}' });
    expect(((await anonymous.json()) as { result: { ks: string } }).result.ks).toEqual(expect.any(String));
    expect(log.events('drain_started')).toEqual([expect.objectContaining({ delayMs: 4000 })]);
    expect(log.events('listeners_closing')).toHaveLength(0);
    await stopped;
    expect(Date.now() - started).toBeGreaterThanOrEqual(3950);
    expect(await get(`${facade.url}/livez`)).toBe('refused');
    expect(log.events('listeners_closing')).toEqual([expect.objectContaining({ graceMs: 3000 })]);
    expect(log.events('shutdown_complete')).toHaveLength(1);
  }, 120_000);

  it('reads the delay and grace from the environment', () => {
    const loaded = loadConfig({ env: { UNDERSTUDY_DRAIN_DELAY_MS: '2500', UNDERSTUDY_DRAIN_GRACE_MS: '4000' } });
    if (!loaded.ok) throw new Error(loaded.error.join('; '));
    expect(loaded.value.server.drainDelayMs).toBe(2500);
    expect(loaded.value.server.drainGraceMs).toBe(4000);
  });
});
