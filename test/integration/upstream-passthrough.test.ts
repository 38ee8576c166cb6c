/**
 * Vendor passthrough against a real vendor-sim and a local echo upstream (issue: passthrough is
 * byte-identical to calling the vendor directly; hop-by-hop headers stripped; X-Forwarded-* set).
 * Both engines pass the same suite.
 */
import { frozenLabClock } from '../support/lab-clock';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { filterAnswerRawHeaders } from '../../src/upstream/forwarding-headers';
import type { PassthroughEngine } from '../../src/upstream/vendor-passthrough';
import { startPassthroughServer, type PassthroughServer } from '../../bench/targets/passthrough-server';
import { loginAs } from '../support/vendor-http';

interface RawAnswer {
  status: number;
  statusMessage: string;
  rawHeaders: string[];
  body: Buffer;
}

function send(base: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean } = {}): Promise<RawAnswer> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method: init.method ?? 'GET', path, headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, statusMessage: res.statusMessage ?? '', rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (init.chunked === true && init.body !== undefined) {
      req.write(init.body.slice(0, 5));
      req.end(init.body.slice(5));
    } else req.end(init.body);
  });
}

/**
 * End-to-end headers as sent (case, order, repeats), without hop-by-hop ones, Date, and
 * Content-Length (it follows `executionTime`'s width; framing is checked against the body instead).
 */
const endToEnd = (answer: RawAnswer): string[] => {
  const kept = filterAnswerRawHeaders(answer.rawHeaders);
  const out: string[] = [];
  for (let i = 0; i < kept.length; i += 2) {
    const name = kept[i]!.toLowerCase();
    out.push(name === 'date' ? 'date' : name === 'content-length' ? `${kept[i]}` : `${kept[i]}: ${kept[i + 1]}`);
  }
  return out;
};
const declaredLength = (answer: RawAnswer): number | undefined => {
  const at = answer.rawHeaders.findIndex((v, i) => i % 2 === 0 && v.toLowerCase() === 'content-length');
  return at < 0 ? undefined : Number(answer.rawHeaders[at + 1]);
};
/** `executionTime` is the one field that varies call to call (brief §2.1: wall-clock seconds). */
const stableBody = (answer: RawAnswer): string => answer.body.toString('latin1').replace(/"executionTime":[0-9.e-]+/g, '"executionTime":0');

const catalog = loadCatalog();
const { partnerId } = catalog.demo;
let sim: VendorSim;
let ks = '';
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  sim = await startVendorSim({ catalog, clock: frozenLabClock() });
  ks = await loginAs(sim.url, 'anonymous', 'stb-passthrough-1');
});
afterAll(() => sim.close());

const cases: { name: string; path: string; init: () => Parameters<typeof send>[2] }[] = [
  { name: 'asset.get (POST JSON)', path: '/api_v3/service/asset/action/get', init: () => ({ method: 'POST', headers: json, body: JSON.stringify({ id: '480002', assetReferenceType: 'media', ks }) }) },
  { name: 'unknown asset (error envelope)', path: '/v4_6/api_v3/service/asset/action/get', init: () => ({ method: 'POST', headers: json, body: JSON.stringify({ id: '1', assetReferenceType: 'media', ks }) }) },
  {
    name: 'player multirequest',
    path: '/v4_6/api_v3//service/multirequest',
    init: () => ({
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        apiVersion: '7.8.1',
        partnerId,
        '1': { service: 'asset', action: 'get', id: '480002', assetReferenceType: 'media', ks },
        '2': { service: 'asset', action: 'getPlaybackContext', assetId: '480002', assetType: 'media', contextDataParams: { objectType: 'KalturaPlaybackContextOptions', context: 'PLAYBACK' }, ks },
      }),
    }),
  },
  { name: 'playManifest 302 with Location', path: '/api_v3/service/assetFile/action/playManifest/partnerId/3197/assetId/480002/assetType/media/assetFileId/210005/contextType/PLAYBACK/a.m3u8', init: () => ({}) },
  { name: 'GET query routing', path: `/api_v3/?service=asset&action=get&id=480002&assetReferenceType=media&ks=${encodeURIComponent(ks)}`, init: () => ({}) },
  { name: 'CORS origin echoed', path: '/api_v3/service/asset/action/get', init: () => ({ method: 'POST', headers: { ...json, origin: 'https://tv.example' }, body: JSON.stringify({ id: '480002', assetReferenceType: 'media', ks }) }) },
  { name: 'CORS preflight', path: '/api_v3/service/multirequest', init: () => ({ method: 'OPTIONS', headers: { origin: 'https://tv.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } }) },
  { name: 'form body, chunked upload', path: '/api_v3/service/asset/action/get', init: () => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `id=480002&assetReferenceType=media&ks=${encodeURIComponent(ks)}`, chunked: true }) },
];

describe.each<PassthroughEngine>(['pipe', 'http-proxy-middleware'])('vendor passthrough (%s)', (engine) => {
  let proxy: PassthroughServer;
  beforeAll(async () => {
    proxy = await startPassthroughServer({ vendorUrl: sim.url, engine, timeoutMs: 5000 });
  });
  afterAll(() => proxy.close());

  it.each(cases)('answers $name exactly as vendor-sim does', async ({ path, init }) => {
    const direct = await send(sim.url, path, init());
    const proxied = await send(proxy.url, path, init());
    expect(proxied.status).toBe(direct.status);
    expect(proxied.statusMessage).toBe(direct.statusMessage);
    expect(endToEnd(proxied)).toEqual(endToEnd(direct));
    expect(stableBody(proxied)).toBe(stableBody(direct));
    expect(declaredLength(proxied)).toBe(declaredLength(direct) === undefined ? undefined : proxied.body.length);
  });
});

describe.each<PassthroughEngine>(['pipe', 'http-proxy-middleware'])('headers through the passthrough (%s)', (engine) => {
  let echo: Server;
  let echoUrl: string;
  let seen: { url: string; headers: IncomingHttpHeaders; body: Buffer }[];
  let proxy: PassthroughServer;
  const binary = Buffer.from(Array.from({ length: 70_000 }, (_v, i) => (i * 7919) % 256));

  beforeAll(async () => {
    seen = [];
    echo = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
        // Chunked (no Content-Length), repeated and mixed-case headers, and hop-by-hop ones to strip.
        res.writeHead(203, 'Odd Reason', [
          'Set-Cookie', 'a=1', 'Set-Cookie', 'b=2', 'X-Custom-Case', 'Yes',
          'Keep-Alive', 'timeout=99', 'Connection', 'X-Hop', 'X-Hop', 'secret', 'Proxy-Authenticate', 'Basic', 'Trailer', 'X-T',
        ]);
        res.write(binary.subarray(0, 1000));
        setTimeout(() => res.end(binary.subarray(1000)), 5);
      });
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    proxy = await startPassthroughServer({ vendorUrl: `${echoUrl}/vendor-prefix/`, engine, timeoutMs: 5000 });
  });
  afterAll(async () => {
    await proxy.close();
    echo.closeAllConnections();
    await new Promise((resolve) => echo.close(resolve));
  });

  it('strips hop-by-hop request headers, fixes Content-Length, sets Host and X-Forwarded-*', async () => {
    const body = '{"id":"480002"}';
    await send(proxy.url, '/api_v3/service/asset/action/get?clientTag=x%20y', {
      method: 'POST',
      chunked: true,
      body,
      headers: { 'Content-Type': 'application/json', Connection: 'keep-alive, X-Drop-Me', 'X-Drop-Me': '1', 'Keep-Alive': 'timeout=5', 'Proxy-Authorization': 'Basic eA==', TE: 'trailers', Trailer: 'X-Foo', 'X-Forwarded-For': '10.1.2.3', 'X-Forwarded-Host': 'forged.example', 'X-Forwarded-Proto': 'https', 'X-Kept': 'kept' },
    });
    const got = seen[seen.length - 1]!;
    expect(got.url).toBe('/vendor-prefix/api_v3/service/asset/action/get?clientTag=x%20y');
    expect(got.body.toString()).toBe(body);
    expect(got.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    for (const name of ['transfer-encoding', 'x-drop-me', 'proxy-authorization', 'te', 'trailer']) expect(got.headers[name]).toBeUndefined();
    expect(got.headers.connection ?? 'keep-alive').toBe('keep-alive');
    expect(got.headers['keep-alive']).toBeUndefined();
    expect(got.headers.host).toBe(new URL(echoUrl).host);
    expect(got.headers['x-forwarded-for']).toBe('10.1.2.3, 127.0.0.1');
    expect(got.headers['x-forwarded-proto']).toBe('http');
    expect(got.headers['x-forwarded-host']).toBe(new URL(proxy.url).host);
    expect(got.headers['x-kept']).toBe('kept');
    expect(got.headers['content-type']).toBe('application/json');
  });

  it('sends a GET without a body as it came (no Content-Length invented)', async () => {
    await send(proxy.url, '/api_v3/?service=asset&action=get');
    const got = seen[seen.length - 1]!;
    expect(got.headers['content-length']).toBeUndefined();
    expect(got.headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('streams the answer back: status, reason, end-to-end headers and bytes; hop-by-hop dropped', async () => {
    const answer = await send(proxy.url, '/api_v3/service/x/action/y', { method: 'POST', body: '{}', headers: json });
    expect(answer.status).toBe(203);
    expect(answer.statusMessage).toBe('Odd Reason');
    expect(answer.body.equals(binary)).toBe(true);
    const names = answer.rawHeaders.filter((_v, i) => i % 2 === 0);
    expect(answer.rawHeaders.filter((_v, i) => i % 2 === 1 && names[(i - 1) / 2] === 'Set-Cookie')).toEqual(['a=1', 'b=2']);
    expect(names).toContain('X-Custom-Case');
    for (const name of ['x-hop', 'proxy-authenticate', 'trailer']) expect(names.map((n) => n.toLowerCase())).not.toContain(name);
    const keepAlive = answer.rawHeaders.findIndex((v, i) => i % 2 === 0 && v.toLowerCase() === 'keep-alive');
    if (keepAlive >= 0) expect(answer.rawHeaders[keepAlive + 1]).not.toBe('timeout=99');
  });
});
