/** `POST /admin/record/start|stop`, `GET /admin/record` (docs/recording.md "Admin API"). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningUnderstudy } from '../../src/main';
import { adminRequest, TEST_ADMIN_TOKEN } from '../support/admin-http';
import { startFacadeLab } from '../support/facade-lab';
import { readRecordingExchanges } from '../support/recording-files';
import { labDemo, postVendorJson } from '../support/vendor-http';

describe('record admin routes', () => {
  let dir: string;
  let withDir: RunningUnderstudy;
  let without: RunningUnderstudy;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'understudy-record-admin-'));
    withDir = await startFacadeLab({ overrides: { admin: { token: TEST_ADMIN_TOKEN }, record: { dir, maxFileBytes: 4096, maxFiles: 3 } } });
    without = await startFacadeLab({ overrides: { admin: { token: TEST_ADMIN_TOKEN } } });
  }, 60_000);

  afterAll(async () => {
    await withDir.close();
    await without.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 409 with the setting to change when no directory is configured', async () => {
    for (const [method, path] of [['GET', '/admin/record'], ['POST', '/admin/record/start'], ['POST', '/admin/record/stop']] as const) {
      const answer = await adminRequest(without.adminUrl, method, path);
      expect(answer.status).toBe(409);
      expect(answer.json.error).toContain('UNDERSTUDY_RECORD_DIR');
    }
  });

  it('rejects bad start bodies, refuses a second start, and rotates files up to the cap', async () => {
    expect((await adminRequest(withDir.adminUrl, 'POST', '/admin/record/start', { body: '{"sampleRate":2}' })).status).toBe(400);
    expect((await adminRequest(withDir.adminUrl, 'POST', '/admin/record/start', { body: '{"rate":1}' })).json.error).toContain('unknown field');
    expect((await adminRequest(withDir.adminUrl, 'POST', '/admin/record/start', { body: 'nope' })).status).toBe(400);
    const started = await adminRequest(withDir.adminUrl, 'POST', '/admin/record/start', { body: { sampleRate: 1 } });
    expect(started.status).toBe(200);
    expect(started.json.active).toBe(true);
    expect((await adminRequest(withDir.adminUrl, 'POST', '/admin/record/start')).status).toBe(409);
    const partnerId = labDemo().partnerId;
    for (let i = 0; i < 60; i++) await postVendorJson(withDir.url, '/api_v3/service/ottuser/action/anonymousLogin', { partnerId, udid: `admin-test-${i}` });
    const stopped = await adminRequest(withDir.adminUrl, 'POST', '/admin/record/stop');
    expect(stopped.json.active).toBe(false);
    expect(stopped.json.files).toHaveLength(3);
    expect(stopped.json.dropped.size_cap).toBeGreaterThan(0);
    const exchanges = readRecordingExchanges(join(dir, stopped.json.recordingId));
    expect(exchanges.length).toBe(stopped.json.recorded);
    expect(exchanges.length + stopped.json.dropped.size_cap).toBe(60);
    const status = await adminRequest(withDir.adminUrl, 'GET', '/admin/record');
    expect(status.json).toMatchObject({ active: false, recorded: stopped.json.recorded });
  });
});
