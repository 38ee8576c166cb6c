/**
 * Parity: every golden case, sent to vendor-sim and to the facade (with the platform doing the
 * work), must give the same answer outside documented noise (test/support/parity-noise.ts).
 * Both sides share one frozen clock, so dates agree to the second. A summary per operation is
 * printed at the end.
 */
import { validateVendorResponse } from '../../src/contract/response-validator';
import type { RunningUnderstudy } from '../../src/main';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { frozenLabClock, startFacadeLab } from '../support/facade-lab';
import { loadGoldenCases, runGoldenCase, type GoldenTarget } from '../support/golden-runner';
import { normaliseNoise } from '../support/parity-noise';

const cases = loadGoldenCases();
let vendor: VendorSim;
let facade: RunningUnderstudy;
let vendorTarget: GoldenTarget;
let facadeTarget: GoldenTarget;
const tally = new Map<string, { same: number; total: number }>();

beforeAll(async () => {
  const clock = frozenLabClock();
  facade = await startFacadeLab({ clock });
  vendor = await startVendorSim({ clock });
  vendorTarget = { baseUrl: vendor.url };
  facadeTarget = {
    baseUrl: facade.url,
    reset: async () => {
      await (await fetch(`${facade.upstreams.platformUrl}/__sim/reset`, { method: 'POST' })).text();
    },
  };
}, 60_000);

afterAll(async () => {
  await vendor.close();
  await facade.close();
  const lines = [...tally.entries()].map(([op, t]) => `${op.padEnd(28)} ${t.same}/${t.total}`);
  const same = [...tally.values()].reduce((n, t) => n + t.same, 0);
  process.stdout.write(`parity per operation (facade vs vendor-sim):\n${lines.join('\n')}\ntotal ${same}/${cases.length}\n`);
});

describe('facade parity with vendor-sim over every golden case', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, loaded) => {
    const fromVendor = await runGoldenCase(loaded, vendorTarget);
    const fromFacade = await runGoldenCase(loaded, facadeTarget);
    const entry = tally.get(loaded.operationId) ?? { same: 0, total: 0 };
    entry.total++;
    tally.set(loaded.operationId, entry);
    expect(fromFacade.status).toBe(fromVendor.status);
    // Absolute URLs (playManifest) are built from the Host each server was addressed by.
    const withOrigin = (body: unknown, origin: string): unknown => JSON.parse(JSON.stringify(body ?? null).split(origin).join('<origin>'));
    expect(normaliseNoise(withOrigin(fromFacade.body, facade.url))).toEqual(normaliseNoise(withOrigin(fromVendor.body, vendor.url)));
    expect(fromFacade.problems).toEqual([]);
    if (fromFacade.status === 200) expect(validateVendorResponse(loaded.operationId, fromFacade.body)).toEqual([]);
    entry.same++;
  });
});
