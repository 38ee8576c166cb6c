/**
 * Recording through the facade (docs/recording.md): many mixed requests, with secret canaries
 * planted in passwords, udids, emails, a configured path, KS and refresh tokens the facade minted,
 * in JSON bodies, form bodies, query strings and multirequests. 2,000 requests by default;
 * RECORD_CANARY_REQUESTS=10000 for the full run (docs/recording.md records its result). None of them may appear in the
 * recording in any form (raw, URL-encoded, base64, or any 12-character piece); pseudonyms link.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { RunningUnderstudy } from '../../src/main';
import { adminRequest, TEST_ADMIN_TOKEN } from '../support/admin-http';
import { startFacadeLab } from '../support/facade-lab';
import { applySplitPolicy } from '../support/lab-traffic';
import { findLeaks, readRecordingExchanges, readRecordingText } from '../support/recording-files';
import { labDemo, postVendorJson, sendVendorRequest } from '../support/vendor-http';

const total = Number(process.env.RECORD_CANARY_REQUESTS ?? 2_000);
const canary = (tag: string): string => `${tag}${randomBytes(9).toString('hex')}`;
const secrets: string[] = [];
let dir: string;
let facade: RunningUnderstudy;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'understudy-record-'));
  facade = await startFacadeLab({ overrides: { admin: { token: TEST_ADMIN_TOKEN }, record: { dir, redactPaths: ['/**/pin'] }, edge: { maxConnections: 10_000 } } });
  await applySplitPolicy(facade);
}, 180_000);

afterAll(async () => {
  await facade.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One device's mixed round; every secret it plants or receives is remembered. */
async function deviceRound(device: number, round: number): Promise<number> {
  // Nine requests a round (the count the test checks the recording against).
  const demo = labDemo();
  const account = demo.accounts[device % demo.accounts.length]!;
  const udid = canary('udid');
  secrets.push(udid);
  const login = await postVendorJson(facade.url, '/api_v3/service/ottuser/action/login', { partnerId: demo.partnerId, username: account.username, password: account.password, udid });
  const ks = String(login.json.result.loginSession.ks);
  secrets.push(ks, String(login.json.result.loginSession.refreshToken));
  const wrongPassword = canary('pw');
  const email = `${canary('mail')}@${canary('dom')}.example`;
  const pin = canary('pin');
  secrets.push(wrongPassword, email, pin);
  await postVendorJson(facade.url, '/api_v3/service/ottuser/action/login', { partnerId: demo.partnerId, username: account.username, password: wrongPassword, udid });
  await sendVendorRequest(facade.url, `/api_v3/service/asset/action/get?ks=${encodeURIComponent(ks)}&id=480001&assetReferenceType=media`, { method: 'GET' });
  await sendVendorRequest(facade.url, '/api_v3/service/asset/action/list', { method: 'POST', contentType: 'application/x-www-form-urlencoded', body: `ks=${encodeURIComponent(ks)}&filter[objectType]=KalturaSearchAssetFilter&filter[kSql]=${encodeURIComponent(`name~'${email}'`)}&pager[pageSize]=2` });
  await postVendorJson(facade.url, '/api_v3/service/household/action/get', { ks, pin });
  await postVendorJson(facade.url, '/api_v3/service/multirequest', { ks, 1: { service: 'asset', action: 'get', id: '480001', assetReferenceType: 'media' }, 2: { service: 'householddevice', action: 'list', udid } });
  await postVendorJson(facade.url, `/api_v3/service/ottuser/action/get/ks/${encodeURIComponent(ks)}`, {});
  await postVendorJson(facade.url, '/api_v3/service/ottuser/action/logout', { ks });
  await sendVendorRequest(facade.url, '/api_v3/service/asset/action/get', { method: 'POST', body: `{"ks":"${ks}","id":`, contentType: 'application/json' });
  return 9 + (round < 0 ? 1 : 0);
}

describe('a recording made through the facade', () => {
  it(`holds none of the planted secrets after ${total} mixed requests, and its pseudonyms link sessions`, async () => {
    const started = await adminRequest(facade.adminUrl, 'POST', '/admin/record/start');
    expect(started.status).toBe(200);
    let sent = 0;
    const devices = 8;
    await Promise.all(Array.from({ length: devices }, async (_, device) => {
      for (let round = 0; sent < total; round++) {
        const made = await deviceRound(device, round);
        sent += made;
      }
    }));
    const stopped = await adminRequest(facade.adminUrl, 'POST', '/admin/record/stop');
    expect(stopped.status).toBe(200);
    const folder = join(dir, String(stopped.json.recordingId));
    const exchanges = readRecordingExchanges(folder);
    expect(exchanges.length + Object.values(stopped.json.dropped as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(sent);
    expect(stopped.json.dropped.queue_full).toBe(0);
    expect(exchanges.length).toBe(sent);
    const text = readRecordingText(folder);
    expect(findLeaks(text, secrets).slice(0, 5)).toEqual([]);
    expect(text).not.toContain('djJ8');
    // Same KS → same pseudonym: the login's answer and the calls that use it link.
    const login = exchanges.find((e) => e.operation === 'ottuser.login' && (e.response.body as any)?.result?.loginSession?.ks !== undefined)!;
    const pseudoKs = (login.response.body as any).result.loginSession.ks as string;
    expect(pseudoKs).toMatch(/^ks_[A-Za-z0-9_-]{16}$/);
    const uses = exchanges.filter((e) => e.request.params?.ks === pseudoKs).map((e) => e.operation);
    expect(uses).toEqual(expect.arrayContaining(['asset.get', 'asset.list', 'household.get', 'multirequest', 'ottuser.get', 'ottuser.logout']));
    const multi = exchanges.find((e) => e.operation === 'multirequest')!;
    expect(multi.subCalls).toEqual([{ index: 1, operation: 'asset.get' }, { index: 2, operation: 'householddevice.list' }]);
    expect(new Set(exchanges.map((e) => e.routing.target))).toEqual(new Set(['vendor', 'platform']));
  }, 300_000);
});
