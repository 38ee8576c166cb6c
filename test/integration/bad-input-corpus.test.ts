/**
 * The bad-input corpus (fixtures/bad-input, ≥ 1,000 cases as data) against the assembled facade,
 * once routing every call to the vendor (passthrough) and once to the platform (translation), with
 * counting proxies in front of both sims: no crash, no internals in any answer, no upstream call
 * for a request that must be rejected, and afterwards every golden case still passes.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadBadInputCases, renderCase, type BadInputCase } from '../../src/sim/bad-input/corpus-case';
import { checkExchange, exchangeRaw } from '../../src/sim/bad-input/run-case';
import { startCountedLab, type CountedLab } from '../support/counted-lab';
import { loadGoldenCases, runGoldenCase } from '../support/golden-runner';
import { loginAs } from '../support/vendor-http';

const cases = loadBadInputCases(join(__dirname, '../../fixtures/bad-input'));
const edge = { headersTimeoutMs: 1000, requestTimeoutMs: 2000, idleSocketMs: 1000, keepAliveTimeoutMs: 1000 };

async function runCorpus(lab: CountedLab, ks: string): Promise<Map<string, string[]>> {
  const { hostname, port } = new URL(lab.facade.url);
  const failures = new Map<string, string[]>();
  for (const c of cases) {
    lab.resetCounts();
    const answer = await exchangeRaw(hostname, Number(port), renderCase(c, { ks, partnerId: 3197 }), c.halfClose === true, 4000);
    const seen = [...lab.vendor.seen, ...lab.platform.seen];
    const problems = checkExchange(c, answer, { calls: seen.length, headerNames: seen.flatMap((s) => s.headerNames) });
    if (problems.length > 0) failures.set(c.id, problems);
  }
  return failures;
}

async function expectGoldenCasesPass(lab: CountedLab, reset: () => void): Promise<void> {
  const failed: string[] = [];
  for (const golden of loadGoldenCases()) {
    const result = await runGoldenCase(golden, { baseUrl: lab.facade.url, reset: () => Promise.resolve(reset()) });
    if (!result.passed) failed.push(`${result.id}: ${result.problems.join('; ')}`);
  }
  expect(failed).toEqual([]);
}

function byCategory(list: readonly BadInputCase[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of list) counts[c.id.split('/')[0]!] = (counts[c.id.split('/')[0]!] ?? 0) + 1;
  return counts;
}

describe('bad-input corpus', () => {
  it('holds at least 1,000 cases across every category', () => {
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    expect(Object.keys(byCategory(cases)).sort()).toEqual(['bodies', 'framing', 'headers', 'hop-by-hop', 'json', 'ks', 'multirequest', 'paths', 'tokens']);
    expect(cases.filter((c) => c.expect.reject === true).length).toBeGreaterThan(500);
  });

  it('is exactly what scripts/bad-input-gen.mjs writes', () => {
    const check = spawnSync(process.execPath, [join(__dirname, '../../scripts/bad-input-gen.mjs'), '--check'], { encoding: 'utf8' });
    expect(check.stderr).toContain('checked');
    expect(check.status).toBe(0);
  });

  it.each([['vendor'], ['platform']] as const)('every case holds with every call routed to the %s, and golden cases still pass', async (policy) => {
    const lab = await startCountedLab({ policy, overrides: { edge } });
    try {
      const ks = await loginAs(lab.facade.url, 'demo1', 'corpus-device');
      const failures = await runCorpus(lab, ks);
      expect(Object.fromEntries(failures)).toEqual({});
      const live = await fetch(`${lab.facade.url}/livez`);
      expect(live.status).toBe(200);
      expect(lab.facade.routing.passthrough.openUpstreamSockets()).toBeLessThanOrEqual(8);
      await expectGoldenCasesPass(lab, () => (policy === 'vendor' ? lab.vendorSim.reset() : lab.platformSim.reset()));
    } finally {
      await lab.close();
    }
  }, 300_000);
});
