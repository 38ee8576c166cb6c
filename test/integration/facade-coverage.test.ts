/**
 * Coverage as operators see it (issue 14): requests replayed through the facade show up in
 * `GET /admin/coverage` per operation with translated and passed-through counts, and
 * `understudy coverage` renders the same report and fails on untranslated operations when asked.
 */
import { runCoverage } from '../../src/cli/coverage-command';
import type { CoverageReport } from '../../src/metrics/coverage-tally';
import type { RunningUnderstudy } from '../../src/main';
import { frozenLabClock, startFacadeLab } from '../support/facade-lab';

let facade: RunningUnderstudy;

async function post(path: string, body: unknown): Promise<unknown> {
  const answer = await fetch(`${facade.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return answer.json();
}

async function coverage(query = ''): Promise<{ status: number; body: unknown }> {
  const answer = await fetch(`${facade.adminUrl}/admin/coverage${query}`, { headers: { authorization: `Bearer ${facade.adminToken}` } });
  return { status: answer.status, body: await answer.json() };
}

beforeAll(async () => {
  facade = await startFacadeLab({ clock: frozenLabClock() });
  // The "recording": what a set-top box did at start-up, one multirequest with an operation
  // understudy does not translate, a call of an unknown service, and a malformed service name.
  const login = (await post('/api_v3/service/ottuser/action/anonymousLogin', { partnerId: 3197 })) as { result: { ks: string } };
  const ks = login.result.ks;
  await post('/api_v3/service/system/action/ping', {});
  await post('/api_v3/service/system/action/ping', { ks });
  await post('/api_v3/service/multirequest', { ks, 1: { service: 'system', action: 'getTime' }, 2: { service: 'recording', action: 'bulkDelete', recordingIds: '1' } });
  await post('/api_v3/service/seriesRecording/action/cancel', { ks, id: 1 });
  await post('/api_v3/service/bad$name/action/get', { ks });
}, 60_000);

afterAll(() => facade.close());

describe('GET /admin/coverage', () => {
  it('lists every operation the traffic used with translated and passed-through counts', async () => {
    const { status, body } = await coverage();
    expect(status).toBe(200);
    const report = body as CoverageReport;
    const counts = Object.fromEntries(report.operations.map((e) => [e.operation, [e.seen, e.translated, e.passedThrough, e.hasTranslator]]));
    expect(counts).toEqual({
      'system.ping': [2, 2, 0, true],
      'ottuser.anonymouslogin': [1, 1, 0, true],
      'system.gettime': [1, 1, 0, true],
      'recording.bulkdelete': [1, 0, 1, false],
      'seriesrecording.cancel': [1, 0, 1, false],
      other: [1, 0, 1, false],
    });
    expect(report.operations[0]?.operation).toBe('system.ping');
    expect(report.untranslated).toEqual(['other', 'recording.bulkdelete', 'seriesrecording.cancel']);
    expect(report.totals).toEqual({ seen: 7, translated: 4, passedThrough: 3 });
  });

  it('keeps only operations seen in the last days, and refuses a bad days value', async () => {
    expect(((await coverage('?days=1')).body as CoverageReport).operations.length).toBe(6);
    expect((await coverage('?days=abc')).status).toBe(400);
  });

  it('needs the admin token', async () => {
    expect((await fetch(`${facade.adminUrl}/admin/coverage`)).status).toBe(401);
  });
});

describe('understudy coverage', () => {
  it('renders the report and exits 2 on untranslated operations when asked', async () => {
    let text = '';
    const code = await runCoverage({ admin: facade.adminUrl, token: facade.adminToken, failOnUntranslated: true }, (t) => (text += t));
    expect(code).toBe(2);
    expect(text).toMatch(/7 calls, 4 translated, 3 passed through/);
    expect(text).toMatch(/recording\.bulkdelete\s+1\s+0\s+1\s+NO/);
    expect(text).toMatch(/still need the vendor \(no translator\): other, recording\.bulkdelete, seriesrecording\.cancel/);
  });

  it('prints JSON and exits 0 without the flag; a wrong token is exit 1', async () => {
    let text = '';
    expect(await runCoverage({ admin: facade.adminUrl, token: facade.adminToken, json: true }, (t) => (text += t))).toBe(0);
    expect((JSON.parse(text) as CoverageReport).totals.seen).toBe(7);
    expect(await runCoverage({ admin: facade.adminUrl, token: 'wrong' }, () => undefined)).toBe(1);
  });
});
