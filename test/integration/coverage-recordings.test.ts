/**
 * Coverage offline from recordings (docs/coverage.md "From recordings"): traffic recorded by the
 * facade's own recorder gives, read back with `understudy coverage --recording`, the same
 * operations and counts as the live `GET /admin/coverage` of the facade that answered it
 * (sub-calls, passed-through calls under the kill switch, an untranslated operation, a malformed
 * name); with `--policy` each call is decided by that policy instead of the recorded decision.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../../src/cli/main';
import { runCoverageFromRecordings } from '../../src/cli/coverage-command';
import type { CoverageReport } from '../../src/metrics/coverage-tally';
import type { RunningUnderstudy } from '../../src/main';
import { frozenLabClock, startFacadeLab } from '../support/facade-lab';

const token = 'test-admin-token-0123456789';
let facade: RunningUnderstudy;
let dir: string;
let recordingDir: string;

async function post(path: string, body: unknown): Promise<any> {
  const answer = await fetch(`${facade.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return answer.json();
}

async function admin(method: string, path: string, body?: unknown): Promise<any> {
  const answer = await fetch(`${facade.adminUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return answer.json();
}

function offline(args: Partial<Parameters<typeof runCoverageFromRecordings>[0]>): { code: number; out: string } {
  let out = '';
  const code = runCoverageFromRecordings({ recordings: [recordingDir], nowMs: Date.now(), ...args }, (t) => void (out += t));
  return { code, out };
}

const countsOf = (report: CoverageReport): Record<string, number[]> => Object.fromEntries(report.operations.map((e) => [e.operation, [e.seen, e.translated, e.passedThrough]]));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'understudy-coverage-rec-'));
  facade = await startFacadeLab({ clock: frozenLabClock(), overrides: { admin: { token }, record: { dir } } });
  await admin('POST', '/admin/record/start', { sampleRate: 1 });
  const ks = (await post('/api_v3/service/ottuser/action/anonymousLogin', { partnerId: 3197 })).result.ks as string;
  await post('/api_v3/service/system/action/ping', { ks });
  await post('/api_v3/service/multirequest', { ks, 1: { service: 'system', action: 'getTime' }, 2: { service: 'recording', action: 'bulkDelete', recordingIds: '1' }, 3: { service: 'system', action: 'getVersion' } });
  await post('/api_v3/service/bad$name/action/get', { ks });
  await admin('POST', '/admin/kill-switch', { on: true });
  await post('/api_v3/service/system/action/ping', { ks });
  await admin('POST', '/admin/kill-switch', { on: false });
  const stopped = await admin('POST', '/admin/record/stop');
  expect(stopped.recorded).toBe(5);
  recordingDir = join(dir, stopped.recordingId as string);
}, 60_000);

afterAll(async () => {
  await facade.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('understudy coverage --recording', () => {
  it('reports what the live facade reported for the same traffic', async () => {
    const live = (await admin('GET', '/admin/coverage')) as CoverageReport;
    const { code, out } = offline({ json: true });
    expect(code).toBe(0);
    const report = JSON.parse(out) as CoverageReport;
    expect(countsOf(report)).toEqual(countsOf(live));
    expect(countsOf(report)).toEqual({
      'system.ping': [2, 1, 1],
      'ottuser.anonymouslogin': [1, 1, 0],
      'system.gettime': [1, 1, 0],
      'system.getversion': [1, 1, 0],
      'recording.bulkdelete': [1, 0, 1],
      other: [1, 0, 1],
    });
    expect(report.untranslated).toEqual(live.untranslated);
    expect(report.totals).toEqual(live.totals);
  });

  it('renders the table and exits 2 on untranslated operations when asked, through the CLI', async () => {
    const lines: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
    try {
      await buildProgram().parseAsync(['node', 'understudy', 'coverage', '--recording', recordingDir, '--fail-on-untranslated']);
    } finally {
      write.mockRestore();
    }
    const text = lines.join('');
    expect(text).toMatch(/^coverage since .*: 7 calls, 4 translated, 3 passed through/);
    expect(text).toMatch(/recording\.bulkdelete\s+1\s+0\s+1\s+NO/);
    expect(text).toContain('still need the vendor (no translator): other, recording.bulkdelete');
    expect(process.exitCode).toBe(2);
    process.exitCode = 0;
  });

  it('decides every call by a policy file with --policy', () => {
    const vendorOnly = join(dir, 'vendor-only.yaml');
    writeFileSync(vendorOnly, 'salt: s\ndefaultTarget: vendor\nrules: []\n');
    const onVendor = JSON.parse(offline({ json: true, policy: vendorOnly }).out) as CoverageReport;
    expect(onVendor.totals).toEqual({ seen: 7, translated: 0, passedThrough: 7 });
    const allPlatform = join(dir, 'all-platform.yaml');
    writeFileSync(allPlatform, 'salt: s\ndefaultTarget: platform\nrules: []\n');
    const onPlatform = JSON.parse(offline({ json: true, policy: allPlatform }).out) as CoverageReport;
    // The kill-switched ping counts as translated now; what has no translator still goes to the vendor.
    expect(countsOf(onPlatform)['system.ping']).toEqual([2, 2, 0]);
    expect(onPlatform.totals).toEqual({ seen: 7, translated: 5, passedThrough: 2 });
  });

  it('answers unreadable input with exit 2 and a message', () => {
    writeFileSync(join(dir, 'broken.ndjson'), 'not json\n');
    const broken = offline({ recordings: [join(dir, 'broken.ndjson')] });
    expect(broken.code).toBe(2);
    expect(broken.out).toContain('broken.ndjson:1: not a recording line');
    expect(offline({ policy: join(dir, 'missing.yaml') })).toMatchObject({ code: 2 });
  });
});
