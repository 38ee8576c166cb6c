import { validateVendorResponse } from '../../src/contract/response-validator';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { loadGoldenCases, runGoldenCase } from '../support/golden-runner';
import { frozenLabClock } from '../support/lab-clock';

let sim: VendorSim;
const cases = loadGoldenCases();

beforeAll(async () => {
  // The lab clock at the catalogue's base time: recordings' states follow the EPG (docs/lab-rules.md "Cloud DVR").
  sim = await startVendorSim({ clock: frozenLabClock() });
});
afterAll(() => sim.close());

describe('golden cases against vendor-sim (docs/golden-cases.md)', () => {
  it('finds cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, loaded) => {
    const result = await runGoldenCase(loaded, { baseUrl: sim.url });
    expect(result.problems).toEqual([]);
    if (result.status === 200) expect(validateVendorResponse(loaded.operationId === 'multirequest' ? 'multirequest' : loaded.operationId, result.body)).toEqual([]);
  });
});
