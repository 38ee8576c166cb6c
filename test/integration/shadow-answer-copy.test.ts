/**
 * The copy of the vendor's answer shadow mode compares (response-capture.ts): taken from the vendor's
 * answer stream by both passthrough engines, or from what a buffered forwarder sends. Real servers on
 * loopback: a local upstream with one route per case, a front server forwarding to it.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { collectAnswer, copyResponse, type CapturedResponse } from '../../src/http/response-capture';
import { createVendorPassthrough, type PassthroughEngine, type VendorPassthrough } from '../../src/upstream/vendor-passthrough';

const json = JSON.stringify({ result: { objects: [{ id: 1, name: 'x'.repeat(200) }] }, executionTime: 0.1 });

function upstreamRoute(req: IncomingMessage, res: ServerResponse): void {
  switch (req.url) {
    case '/plain':
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(json);
    case '/chunked':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(json.slice(0, 50));
      return void setTimeout(() => res.end(json.slice(50)), 5);
    case '/gzip':
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      return void res.end(gzipSync(json));
    case '/redirect':
      res.writeHead(302, { location: 'https://cdn.example/manifest.m3u8' });
      return void res.end();
    case '/big':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(Buffer.alloc(3000, 0x61));
      return void setTimeout(() => res.end(Buffer.alloc(3000, 0x62)), 5);
    case '/broken':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write(json.slice(0, 20));
      return void setTimeout(() => res.socket?.destroy(), 10);
    default: // '/slow': the device gives up first
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
  }
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** GETs `path` from `base`; `abortAfterMs` gives up before the answer ended. */
function get(base: string, path: string, abortAfterMs?: number): Promise<{ status: number; body: Buffer } | 'aborted'> {
  return new Promise((resolve) => {
    const req = request(`${base}${path}`, { agent: false, headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', () => resolve('aborted'));
      res.on('aborted', () => resolve('aborted'));
    });
    req.on('error', () => resolve('aborted'));
    if (abortAfterMs !== undefined) setTimeout(() => (req.destroy(), resolve('aborted')), abortAfterMs);
    req.end();
  });
}

const cap = 4096;
let upstream: Server;
let upstreamUrl: string;
beforeAll(async () => {
  upstream = createServer(upstreamRoute);
  upstreamUrl = await listen(upstream);
});
afterAll(() => new Promise<void>((resolve) => (upstream.closeAllConnections(), upstream.close(() => resolve()))));

describe.each<PassthroughEngine>(['pipe', 'http-proxy-middleware'])('the %s passthrough feeds the copy from the vendor answer stream', (engine) => {
  let passthrough: VendorPassthrough;
  let front: Server;
  let frontUrl: string;
  let copies: Promise<CapturedResponse | undefined>[];
  beforeAll(async () => {
    passthrough = createVendorPassthrough({ vendorUrl: upstreamUrl, timeoutMs: 2000, engine });
    front = createServer((req, res) => {
      copies.push(new Promise((resolve) => passthrough.forward(req, res, Buffer.alloc(0), 'op', collectAnswer(cap, resolve))));
    });
    frontUrl = await listen(front);
  });
  beforeEach(() => (copies = []));
  afterAll(async () => {
    await passthrough.close();
    await new Promise<void>((resolve) => (front.closeAllConnections(), front.close(() => resolve())));
  });

  it('copies the bytes the device got, in one chunk or several', async () => {
    for (const path of ['/plain', '/chunked']) {
      const got = await get(frontUrl, path);
      const copy = await copies.pop();
      expect(got).not.toBe('aborted');
      expect(copy).toEqual({ status: 200, body: Buffer.from(json), tooLarge: false });
    }
  });

  it('keeps an encoded answer encoded, with its content-encoding', async () => {
    const got = await get(frontUrl, '/gzip');
    const copy = await copies.pop();
    expect(copy?.contentEncoding).toBe('gzip');
    expect(copy?.body.equals(got === 'aborted' ? Buffer.alloc(0) : got.body)).toBe(true);
  });

  it("keeps a redirect's location", async () => {
    await get(frontUrl, '/redirect');
    expect(await copies.pop()).toEqual({ status: 302, location: 'https://cdn.example/manifest.m3u8', body: Buffer.alloc(0), tooLarge: false });
  });

  it('marks an answer past the cap too large and keeps none of it, while the device gets all of it', async () => {
    const got = await get(frontUrl, '/big');
    expect(got !== 'aborted' && got.body.length).toBe(6000);
    expect(await copies.pop()).toEqual({ status: 200, body: Buffer.alloc(0), tooLarge: true });
  });

  it('gives nothing for an answer the device did not get whole: it went away, or the vendor broke off', async () => {
    expect(await get(frontUrl, '/slow', 50)).toBe('aborted');
    expect(await copies.pop()).toBeUndefined();
    await get(frontUrl, '/broken');
    expect(await copies.pop()).toBeUndefined();
  });
});

describe('a vendor that cannot be reached', () => {
  it('answers the device with an error envelope and gives no copy', async () => {
    const closed = createServer();
    const closedUrl = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const passthrough = createVendorPassthrough({ vendorUrl: closedUrl, timeoutMs: 2000 });
    let copy: Promise<CapturedResponse | undefined> | undefined;
    const front = createServer((req, res) => void (copy = new Promise((resolve) => passthrough.forward(req, res, Buffer.alloc(0), 'op', collectAnswer(cap, resolve)))));
    const frontUrl = await listen(front);
    try {
      const got = await get(frontUrl, '/plain');
      expect(got !== 'aborted' && got.status).toBe(200);
      expect(got !== 'aborted' && JSON.parse(got.body.toString()).result.error.code).toBeDefined();
      expect(await copy).toBeUndefined();
    } finally {
      await passthrough.close();
      await new Promise<void>((resolve) => (front.closeAllConnections(), front.close(() => resolve())));
    }
  });
});

describe('copyResponse, for forwarders that answer from a buffer', () => {
  const serveWith = async (answer: (res: ServerResponse) => void): Promise<CapturedResponse | undefined> => {
    let copy: Promise<CapturedResponse | undefined> | undefined;
    const front = createServer((_req, res) => {
      copy = new Promise((resolve) => copyResponse(res, collectAnswer(cap, resolve)));
      setTimeout(() => answer(res), 1);
    });
    const frontUrl = await listen(front);
    try {
      await get(frontUrl, '/');
      return await copy;
    } finally {
      await new Promise<void>((resolve) => (front.closeAllConnections(), front.close(() => resolve())));
    }
  };

  it('copies writeHead with raw headers and end', async () => {
    const copy = await serveWith((res) => res.writeHead(302, 'Found', ['Location', '/there', 'Content-Length', '0']).end());
    expect(copy).toEqual({ status: 302, location: '/there', body: Buffer.alloc(0), tooLarge: false });
  });

  it('copies headers set before an implicit head, and string chunks', async () => {
    const copy = await serveWith((res) => {
      res.statusCode = 200;
      res.setHeader('content-encoding', 'identity');
      res.write(json.slice(0, 10), 'utf8');
      res.end(json.slice(10));
    });
    expect(copy).toEqual({ status: 200, contentEncoding: 'identity', body: Buffer.from(json), tooLarge: false });
  });

  it('gives nothing for a response that had answered before the copy started', async () => {
    let copy: Promise<CapturedResponse | undefined> | undefined;
    const front = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":{"error":{}}}');
      copy = new Promise((resolve) => copyResponse(res, collectAnswer(cap, resolve)));
    });
    const frontUrl = await listen(front);
    try {
      await get(frontUrl, '/');
      expect(await copy).toBeUndefined();
    } finally {
      await new Promise<void>((resolve) => (front.closeAllConnections(), front.close(() => resolve())));
    }
  });

  it('gives nothing when the response was destroyed', async () => {
    expect(await serveWith((res) => res.destroy())).toBeUndefined();
  });
});
