/**
 * `vendor-retired` is refused while an operation seen in the last N days has no translator
 * (issue 14 "Coverage"), and says which. The coverage counts live per day in the store, so the
 * refusal holds across a restart; once the window has passed without such calls, it is allowed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningUnderstudy } from '../../src/main';
import type { CoverageReport } from '../../src/metrics/coverage-tally';
import { adminRequest, TEST_ADMIN_TOKEN } from '../support/admin-http';
import { frozenLabClock, startFacadeLab } from '../support/facade-lab';

const clock = frozenLabClock();
const dataDir = mkdtempSync(join(tmpdir(), 'understudy-coverage-'));
let facade: RunningUnderstudy | undefined;

function start(): Promise<RunningUnderstudy> {
  return startFacadeLab({
    clock,
    overrides: {
      admin: { token: TEST_ADMIN_TOKEN },
      store: { driver: 'pglite', dataDir },
      sync: { mode: 'off' },
      // A long flush interval: the refusal and the report must flush what they need themselves.
      coverage: { retirementWindowDays: 2, flushIntervalMs: 600000 },
    },
  });
}

async function call(path: string, body: unknown): Promise<void> {
  const answer = await fetch(`${facade!.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await answer.text();
}

function retire(operation: string) {
  return adminRequest(facade!.adminUrl, 'POST', `/admin/migration/${operation}`, { body: { to: 'vendor-retired' } });
}

beforeAll(async () => {
  facade = await start();
  await call('/api_v3/service/system/action/ping', {});
  // An operation understudy has no translator for: it can only be passed through to the vendor.
  await call('/api_v3/service/segmentationType/action/list', { partnerId: 3197 });
}, 180_000);

afterAll(async () => {
  await facade?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('vendor-retired and coverage', () => {
  it('is refused with 409, naming the untranslated operation seen lately', async () => {
    const answer = await retire('system.ping');
    expect(answer.status).toBe(409);
    expect(answer.json.blocking).toEqual(['segmentationtype.list']);
    expect(answer.json.errors[0]).toMatch(/vendor-retired refused: .*segmentationtype\.list/);
    expect((await adminRequest(facade!.adminUrl, 'GET', '/admin/migration')).json.operations).toEqual([]);
  });

  it('names the operation itself when it has no translator', async () => {
    const answer = await retire('favorite.deleteall');
    expect(answer.status).toBe(409);
    expect(answer.json.blocking).toEqual(['favorite.deleteall', 'segmentationtype.list']);
  });

  it('still refuses after a restart: the counts are in the store', async () => {
    await facade!.close();
    facade = await start();
    const report = (await adminRequest(facade.adminUrl, 'GET', '/admin/coverage')).json as CoverageReport;
    const counts = Object.fromEntries(report.operations.map((e) => [e.operation, [e.seen, e.translated, e.passedThrough, e.hasTranslator]]));
    expect(counts).toEqual({ 'system.ping': [1, 1, 0, true], 'segmentationtype.list': [1, 0, 1, false] });
    expect((await retire('system.ping')).status).toBe(409);
  }, 180_000);

  it('is allowed once the window holds no untranslated call, and the report keeps only that window', async () => {
    clock.advanceSeconds(3 * 86_400);
    await call('/api_v3/service/system/action/ping', {});
    const recent = (await adminRequest(facade!.adminUrl, 'GET', '/admin/coverage?days=2')).json as CoverageReport;
    expect(recent.operations.map((e) => e.operation)).toEqual(['system.ping']);
    const answer = await retire('system.ping');
    expect(answer.status).toBe(200);
    expect(answer.json.stage).toBe('vendor-retired');
  });
});
