/**
 * Issue 9's findings, each against the assembled facade with counting proxies in front of the
 * sims: a request that must be rejected is answered by the facade and reaches no upstream.
 */
import { connect, type Socket } from 'node:net';
import { validateVendorResponse } from '../../src/contract/response-validator';
import { startCountedLab, type CountedLab } from '../support/counted-lab';
import { rawPost, sendRaw } from '../support/raw-http';
import { loginAs, postVendorJson } from '../support/vendor-http';

let lab: CountedLab;
let platformLab: CountedLab;

beforeAll(async () => {
  const login = { perDevice: { perSecond: 0.5, burst: 3 }, perHousehold: { perSecond: 1, burst: 10 } };
  lab = await startCountedLab({ overrides: { edge: { idleSocketMs: 400, rateLimits: { login } } } });
  platformLab = await startCountedLab({ policy: 'platform', overrides: { server: { port: 0, adminPort: 0, publicBaseUrl: 'https://ott.site-a.example/' } } });
}, 60_000);
afterAll(async () => {
  await lab.close();
  await platformLab.close();
});

async function stillServing(target: CountedLab): Promise<void> {
  const answer = await postVendorJson(target.facade.url, '/api_v3/service/ottuser/action/anonymousLogin', { partnerId: 3197 });
  expect(typeof answer.json.result.ks).toBe('string');
}

describe('finding 1: multirequest size', () => {
  it('answers 10,000 write sub-calls with 500003 at once, without an upstream call', async () => {
    const body: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) body[String(i)] = { service: 'householddevice', action: 'delete', udid: `d${i}` };
    lab.resetCounts();
    const answer = await postVendorJson(lab.facade.url, '/api_v3/service/multirequest', body);
    expect(answer.json.result.error.code).toBe('500003');
    expect(validateVendorResponse('multirequest', answer.json)).toEqual([]);
    expect(lab.upstreamCalls()).toBe(0);
    await stillServing(lab);
  });

  it('still runs 1,000 sub-calls, the cap, slot by slot', async () => {
    const body: Record<string, unknown> = {};
    for (let i = 1; i <= 1000; i++) body[String(i)] = { service: 'householddevice', action: 'delete', udid: `d${i}` };
    const answer = await postVendorJson(platformLab.facade.url, '/api_v3/service/multirequest', body);
    expect(answer.json.result).toHaveLength(1000);
    expect(answer.json.result[999].error.code).toBe('500004');
  });
});

describe('finding 3: silent connections', () => {
  it('closes connections that never send a byte', async () => {
    const { port } = new URL(lab.facade.url);
    const sockets: Socket[] = [];
    const closed = await Promise.all(
      Array.from({ length: 50 }, () => new Promise<boolean>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1');
        sockets.push(socket);
        const timer = setTimeout(() => resolve(false), 3000);
        socket.on('close', () => {
          clearTimeout(timer);
          resolve(true);
        });
        socket.on('error', () => undefined);
      })),
    );
    for (const s of sockets) s.destroy();
    expect(closed.every(Boolean)).toBe(true);
    await stillServing(lab);
  });
});

describe('finding 4: Host', () => {
  it('builds playManifest and playback URLs on the configured public base, whatever Host says', async () => {
    const ks = await loginAs(platformLab.facade.url, 'demo1');
    const body = JSON.stringify({ ks, assetId: '480002', assetType: 'media', contextDataParams: { objectType: 'KalturaPlaybackContextOptions', context: 'PLAYBACK' } });
    const answer = await sendRaw(platformLab.facade.url, rawPost('/api_v3/service/asset/action/getPlaybackContext', body, [], 'evil.example'));
    expect(answer.status).toBe(200);
    expect(answer.body).not.toContain('evil.example');
    expect(answer.body).toContain('https://ott.site-a.example/api_v3/service/assetFile/action/playManifest');
  });

  it('refuses two Host headers with 400 and closes, without an upstream call', async () => {
    lab.resetCounts();
    const answer = await sendRaw(lab.facade.url, rawPost('/api_v3/service/ottuser/action/anonymousLogin', '{"partnerId":3197}', ['Host: evil.example']));
    expect(answer.status).toBe(400);
    expect(answer.closed).toBe(true);
    expect(lab.upstreamCalls()).toBe(0);
  });
});

describe('finding 6: tokens never reach the prototype', () => {
  it.each(['{1:result:__proto__:toString}', '{1:result:constructor}', '{1:result:toString}', '{1:result:ks:length}'])('%s is 50025 in its slot', async (token) => {
    const body = { '1': { service: 'ottuser', action: 'anonymousLogin', partnerId: 3197 }, '2': { service: 'asset', action: 'get', id: token, assetReferenceType: 'media' } };
    const answer = await postVendorJson(platformLab.facade.url, '/api_v3/service/multirequest', body);
    expect(answer.json.result).toHaveLength(2);
    expect(answer.json.result[1].error.code).toBe('50025');
  });
});

describe('finding 7: deep and wide parameters', () => {
  it('fails only the slot nested 100,000 deep', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const text = `{"1":{"service":"ottuser","action":"anonymousLogin","partnerId":3197},"2":{"service":"asset","action":"list","filter":${deep}},"3":{"service":"ottuser","action":"anonymousLogin","partnerId":3197}}`;
    lab.resetCounts();
    const answer = await sendRaw(lab.facade.url, rawPost('/api_v3/service/multirequest', text), 5000);
    const json = JSON.parse(answer.body);
    expect(json.result).toHaveLength(3);
    expect(json.result[1].error.code).toBe('500003');
    expect(typeof json.result[0].ks).toBe('string');
    expect(typeof json.result[2].ks).toBe('string');
    expect(validateVendorResponse('multirequest', json)).toEqual([]);
    // The two good slots went to the vendor one by one; the deep one never left the facade.
    expect(lab.vendor.seen.every((r) => !r.body.includes('[[['))).toBe(true);
  });

  it('answers a single call with 10,000 keys in one object with 500003, without an upstream call', async () => {
    const wide: Record<string, number> = {};
    for (let i = 0; i < 10_000; i++) wide[`k${i}`] = i;
    lab.resetCounts();
    const answer = await postVendorJson(lab.facade.url, '/api_v3/service/asset/action/list', { filter: wide });
    expect(answer.json.result.error.code).toBe('500003');
    expect(lab.upstreamCalls()).toBe(0);
  });
});

describe('finding 8: framing', () => {
  it.each([
    ['Transfer-Encoding: gzip, chunked', [501]],
    ['Transfer-Encoding: identity', [501]],
    ['Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked', [400, 501]],
    ['Transfer-Encoding: chunked, identity', [400, 501]],
  ])('%s → %j and close, never forwarded', async (header, statuses) => {
    lab.resetCounts();
    const payload = `POST /api_v3/service/ottuser/action/anonymousLogin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${header}\r\n\r\n12\r\n{"partnerId":3197}\r\n0\r\n\r\n`;
    const answer = await sendRaw(lab.facade.url, payload);
    expect(statuses).toContain(answer.status);
    expect(answer.closed).toBe(true);
    expect(lab.upstreamCalls()).toBe(0);
  });

  it('answers an HTTP/2.0 request line with 505 and closes', async () => {
    lab.resetCounts();
    const answer = await sendRaw(lab.facade.url, 'GET /api_v3/service/ottuser/action/anonymousLogin?partnerId=3197 HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n');
    expect([505, 400]).toContain(answer.status);
    expect(answer.closed).toBe(true);
    expect(lab.upstreamCalls()).toBe(0);
  });

  it('still serves plain chunked bodies and HTTP/1.0', async () => {
    const chunked = await sendRaw(lab.facade.url, 'POST /api_v3/service/ottuser/action/anonymousLogin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n12\r\n{"partnerId":3197}\r\n0\r\n\r\n');
    expect(chunked.status).toBe(200);
    expect(chunked.text).toContain('"ks"');
    const old = await sendRaw(lab.facade.url, 'GET /api_v3/service/ottuser/action/anonymousLogin?partnerId=3197 HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n');
    expect(old.status).toBe(200);
  });
});

describe('rate limits', () => {
  it('answers a device over its login budget with error 1, without an upstream call', async () => {
    lab.resetCounts();
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await postVendorJson(lab.facade.url, '/api_v3/service/ottuser/action/anonymousLogin', { partnerId: 3197, udid: 'rate-limited-device' });
      codes.push(answer.json.result.error?.code ?? 'ok');
      expect(validateVendorResponse('ottuser.anonymousLogin', answer.json)).toEqual([]);
    }
    expect(codes).toEqual(['ok', 'ok', 'ok', '1', '1']);
    expect(lab.upstreamCalls()).toBe(3);
    await stillServing(lab);
  });
});
