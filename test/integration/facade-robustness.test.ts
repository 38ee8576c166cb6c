/**
 * Bad input to the facade gets the vendor's error shape or a clean close, and the process keeps
 * serving: malformed and oversized bodies, deep JSON, unknown services, broken tokens, 1,000
 * sub-calls, broken and expired KS, aborted connections.
 */
import { connect } from 'node:net';
import { validateVendorResponse } from '../../src/contract/response-validator';
import type { RunningUnderstudy } from '../../src/main';
import { frozenLabClock, startFacadeLab } from '../support/facade-lab';
import { loginAs, sendVendorRequest } from '../support/vendor-http';

let facade: RunningUnderstudy;
const clock = frozenLabClock();

beforeAll(async () => {
  facade = await startFacadeLab({ clock });
}, 60_000);
afterAll(() => facade.close());

async function post(path: string, body: string, contentType = 'application/json'): Promise<{ status: number; json: any }> {
  const answer = await sendVendorRequest(facade.url, path, { method: 'POST', body, contentType });
  return { status: answer.status, json: answer.json };
}

function errorCode(json: any): string | undefined {
  return json?.result?.error?.code;
}

function slotCode(slot: any): string | undefined {
  return slot?.error?.code;
}

async function stillServing(): Promise<void> {
  const answer = await post('/api_v3/service/ottuser/action/anonymousLogin', '{"partnerId":3197}');
  expect(answer.status).toBe(200);
  expect(typeof answer.json.result.ks).toBe('string');
}

describe('facade robustness', () => {
  it('answers malformed JSON with 500003 in an HTTP 200 envelope', async () => {
    const answer = await post('/api_v3/service/asset/action/get', '{"id": 480001,');
    expect(answer.status).toBe(200);
    expect(errorCode(answer.json)).toBe('500003');
    expect(validateVendorResponse('asset.get', answer.json)).toEqual([]);
  });

  it('answers an unknown service with 500011 and an unknown action with 500012', async () => {
    expect(errorCode((await post('/api_v3/service/nosuchservice/action/get', '{}')).json)).toBe('500011');
    expect(errorCode((await post('/api_v3/service/asset/action/nosuchaction', '{}')).json)).toBe('500012');
    expect(errorCode((await post('/api_v3/service/asset', '{}')).json)).toBe('500033');
  });

  it('answers an oversized body with 500003 and keeps serving', async () => {
    const huge = JSON.stringify({ id: '1', pad: 'x'.repeat(2 * 1024 * 1024) });
    const answer = await post('/api_v3/service/asset/action/get', huge);
    expect(answer.status).toBe(200);
    expect(errorCode(answer.json)).toBe('500003');
    await stillServing();
  });

  it('survives deeply nested JSON', async () => {
    const deep = `{"id":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const answer = await post('/api_v3/service/asset/action/get', deep);
    expect(answer.status).toBe(200);
    expect(errorCode(answer.json)).toMatch(/^\d+$/);
    await stillServing();
  });

  it('answers a broken KS with 500015 and an expired one with 500016', async () => {
    const broken = await post('/api_v3/service/ottuser/action/get', JSON.stringify({ ks: 'djJ8MzE5N3xub3QtYS1rcw' }));
    expect(errorCode(broken.json)).toBe('500015');
    const ks = await loginAs(facade.url, 'demo1');
    clock.advanceSeconds(8 * 86400);
    try {
      const expired = await post('/api_v3/service/ottuser/action/get', JSON.stringify({ ks }));
      expect(errorCode(expired.json)).toBe('500016');
    } finally {
      clock.advanceSeconds(-8 * 86400);
    }
  });

  it('puts broken multirequest tokens in their slots', async () => {
    const body = {
      '1': { service: 'ottuser', action: 'anonymousLogin', partnerId: 3197 },
      '2': { service: 'asset', action: 'get', id: '480001', assetReferenceType: 'media', ks: '{0:result:ks}' },
      '3': { service: 'asset', action: 'get', id: '480001', assetReferenceType: 'media', ks: '{9:result:ks}' },
      '4': { service: 'asset', action: 'get', id: '480001', assetReferenceType: 'media', ks: '{1:result:nothing:here}' },
    };
    const answer = await post('/api_v3/service/multirequest', JSON.stringify(body));
    expect(answer.json.result).toHaveLength(4);
    expect(answer.json.result.slice(1).map(slotCode)).toEqual(['500042', '500043', '50025']);
    expect(validateVendorResponse('multirequest', answer.json)).toEqual([]);
  });

  it('answers a multirequest of 1,000 sub-calls with exactly 1,000 slots', async () => {
    const body: Record<string, unknown> = { partnerId: 3197 };
    for (let i = 1; i <= 1000; i++) body[String(i)] = { service: 'ottuser', action: i % 2 === 0 ? 'nosuch' : 'anonymousLogin', partnerId: 3197 };
    const answer = await post('/api_v3/service/multirequest', JSON.stringify(body));
    expect(answer.status).toBe(200);
    expect(answer.json.result).toHaveLength(1000);
    expect(slotCode(answer.json.result[1])).toBe('500012');
    expect(typeof answer.json.result[0].ks).toBe('string');
  });

  it('closes cleanly when a client aborts mid-body, and keeps serving', async () => {
    const { port } = new URL(facade.url);
    for (let i = 0; i < 20; i++) {
      await new Promise<void>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write('POST /api_v3/service/asset/action/get HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"id":');
          setTimeout(() => {
            socket.destroy();
            resolve();
          }, 5);
        });
        socket.on('error', () => resolve());
      });
    }
    await stillServing();
  });

  it('answers a CORS preflight with 204 and permissive headers', async () => {
    const answer = await fetch(`${facade.url}/api_v3/service/multirequest`, {
      method: 'OPTIONS',
      headers: { origin: 'http://tv.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://tv.example');
    expect(answer.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('answers /livez and /readyz', async () => {
    expect((await fetch(`${facade.url}/livez`)).status).toBe(200);
    expect((await fetch(`${facade.url}/readyz`)).status).toBe(200);
  });
});
