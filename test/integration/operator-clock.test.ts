/**
 * One clock rule (docs/operations.md "Clock"): standalone sims run on lab time, `PUT /__sim/clock`
 * shifts lab time (not the wall clock), a facade pointed at running sims takes their time, and a
 * facade on another clock than its sims says so in a warning.
 */
import { request } from 'node:http';
import { join } from 'node:path';
import { labPolicyFile } from '../../src/config/lab-defaults';
import { createLabClock } from '../../src/core/lab-clock';
import type { RunningUnderstudy } from '../../src/main';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { startPlatformSim } from '../../src/sim/platform-sim/platform-sim-server';
import { startVendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { startFacadeLab } from '../support/facade-lab';
import { captureLog } from '../support/log-lines';
import { loginAs, postVendorJson } from '../support/vendor-http';

const catalog = loadCatalog();
const baseTime = catalog.demo.baseTime;
let sims: { url: string; close(): Promise<void> }[] = [];

beforeAll(async () => {
  // As `understudy sim vendor` and `understudy sim platform` start them: lab time, each its own clock.
  sims = [await startVendorSim({ catalog, clock: createLabClock(baseTime), port: 0, host: '127.0.0.1' }), await startPlatformSim({ catalog, clock: createLabClock(baseTime), port: 0, host: '127.0.0.1' })];
}, 120_000);
afterAll(async () => {
  for (const sim of sims) await sim.close();
});

/** One request on a fresh connection (the sims close idle keep-alive sockets between tests). */
function control(url: string, method: string, body?: unknown): Promise<any> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}
const simNow = async (url: string): Promise<number> => (await control(`${url}/__sim/health`, 'GET')).now;
const shift = (url: string, offsetSeconds: number) => control(`${url}/__sim/clock`, 'PUT', { offsetSeconds });

function startAgainstSims(clock?: 'system' | 'lab', log = captureLog()): Promise<RunningUnderstudy> {
  const [vendor, platform] = sims;
  return startFacadeLab({
    overrides: { vendor: { url: vendor!.url }, platform: { url: platform!.url }, policy: { file: labPolicyFile(join(__dirname, '../../fixtures/catalog')) }, log: { level: 'info' }, ...(clock === undefined ? {} : { clock }) },
    logDestination: log,
  });
}

describe('clocks', () => {
  it('PUT /__sim/clock shifts lab time, not the wall clock', async () => {
    for (const sim of sims) {
      await shift(sim.url, 3600);
      expect(Math.abs((await simNow(sim.url)) - (baseTime + 3600))).toBeLessThan(120);
    }
  });

  it('a facade pointed at running sims takes their time and serves a logged-in device', async () => {
    const facade = await startAgainstSims();
    try {
      expect(Math.abs(Math.floor(facade.clock.nowMs() / 1000) - (await simNow(sims[1]!.url)))).toBeLessThanOrEqual(2);
      const ks = await loginAs(facade.url, 'demo1');
      const asset = await postVendorJson(facade.url, '/api_v3/service/asset/action/get', { ks, id: '480001', assetReferenceType: 'media' });
      expect(asset.json.result.id).toBe(480001);
    } finally {
      await facade.close();
    }
  }, 120_000);

  it('a facade takes the sim\'s time to the millisecond, so instances on one lab agree (the sync\'s clock orders their writes)', async () => {
    // A half-second shift: taking the sim's time in whole seconds would be 500 ms off.
    await shift(sims[0]!.url, 3600.5);
    const facade = await startAgainstSims();
    try {
      const before = facade.clock.nowMs();
      const simMs = (await control(`${sims[0]!.url}/__sim/health`, 'GET')).nowMs as number;
      const after = facade.clock.nowMs();
      expect(simMs).toBeGreaterThanOrEqual(before - 50);
      expect(simMs).toBeLessThanOrEqual(after + 50);
    } finally {
      await facade.close();
      await shift(sims[0]!.url, 3600);
    }
  }, 120_000);

  it('warns when the facade runs on another clock than its sims', async () => {
    const log = captureLog();
    const facade = await startAgainstSims('system', log);
    await facade.close();
    const warnings = log.events('clock_mismatch');
    expect(warnings.map((w) => w.upstream).sort()).toEqual(sims.map((s) => s.url).sort());
    expect(warnings[0]).toMatchObject({ level: 'warn', facadeClock: 'system' });
  }, 120_000);
});
