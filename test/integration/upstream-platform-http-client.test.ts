/**
 * The platform client's deadline against a real local server that stalls: no headers in time,
 * headers then a stalled body, and a refused connection all reject with errors the upstream
 * vocabulary calls `timeout` / `refused`; the pool keeps serving afterwards.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPlatformHttpClient, type PlatformHttpClient } from '../../src/upstream/platform-http-client';
import { classifyUpstreamError } from '../../src/upstream/upstream-error';

let server: Server;
let client: PlatformHttpClient;
const stalled: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    if (req.url === '/base/stall-headers') return void stalled.push(res);
    if (req.url === '/base/stall-body') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"partial":');
      return void stalled.push(res);
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ path: req.url, authorization: req.headers.authorization ?? null }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = createPlatformHttpClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/base/`, timeoutMs: 300 });
});
afterAll(async () => {
  await client.close();
  for (const res of stalled) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const failureKind = (promise: Promise<unknown>): Promise<string> => promise.then(() => 'answered', classifyUpstreamError);

describe('platform http client', () => {
  it('answers with the status and the parsed JSON, under the base path, with the given headers', async () => {
    const reply = await client.send({ method: 'GET', path: '/catalog/v1/items/x', headers: { authorization: 'Bearer t' } });
    expect(reply).toEqual({ status: 200, body: { path: '/base/catalog/v1/items/x', authorization: 'Bearer t' } });
  });

  it('rejects as a timeout when no headers come in time, and when the body stalls', async () => {
    for (const path of ['/stall-headers', '/stall-body']) {
      const started = performance.now();
      await expect(failureKind(client.send({ method: 'GET', path }))).resolves.toBe('timeout');
      // The configured 300 ms on undici's coarse timer wheel (up to ~1 s late), not its default of minutes.
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });

  it('keeps serving after timeouts', async () => {
    await expect(client.send({ method: 'GET', path: '/after' })).resolves.toMatchObject({ status: 200 });
  });

  it('rejects as refused when nothing listens', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const dead = createPlatformHttpClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 300 });
    await expect(failureKind(dead.send({ method: 'GET', path: '/x' }))).resolves.toBe('refused');
    await dead.close();
  });
});
