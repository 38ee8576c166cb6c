/**
 * The passthrough when things go wrong (issue: aborts leave no upstream socket; upstream errors
 * become the vendor envelope within the timeout). Real vendor-sim with its fault knobs and small
 * local upstreams; both engines pass the same suite.
 */
import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { createCircuitBreaker } from '../../src/upstream/circuit-breaker';
import { IDLE_UPSTREAM_SOCKET_MS } from '../../src/upstream/counting-agent';
import type { UpstreamErrorKind } from '../../src/upstream/upstream-error';
import type { PassthroughEngine } from '../../src/upstream/vendor-passthrough';
import { startPassthroughServer, type PassthroughServer } from '../../bench/targets/passthrough-server';

/** How long vendor-sim holds a call in the abort tests: well past SETTLE_MS, so a leak cannot hide. */
const HELD_MS = 60_000;
/** How long the abort tests wait for sockets to close; generous for a loaded machine, far below HELD_MS. */
const SETTLE_MS = 15_000;

const assetGet = { path: '/api_v3/service/asset/action/get', body: JSON.stringify({ id: '480002', assetReferenceType: 'media' }) };

/** TCP connections to or from `port` that are still open (ESTABLISHED or CLOSE_WAIT), from /proc. */
function openTcpConnections(port: number): number {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  return readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1).filter((line) => {
    const [, local, remote, state] = line.trim().split(/\s+/);
    return (state === '01' || state === '08') && (local?.endsWith(`:${hex}`) === true || remote?.endsWith(`:${hex}`) === true);
  }).length;
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

/** Sends asset.get on its own connection; `abort` destroys it; an answer's headers destroy it too. */
function openRequest(url: string): { abort: () => void; closed: Promise<void> } {
  const target = new URL(assetGet.path, url);
  const req = request({ host: target.hostname, port: target.port, method: 'POST', path: target.pathname, agent: false, headers: { 'content-type': 'application/json' } }, () => req.destroy());
  req.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => req.on('close', () => resolve()));
  req.end(assetGet.body);
  return { abort: () => req.destroy(), closed };
}

async function post(url: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; headers: Headers; ms: number }> {
  const started = Date.now();
  const answer = await fetch(`${url}${assetGet.path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: assetGet.body });
  return { status: answer.status, text: await answer.text(), headers: answer.headers, ms: Date.now() - started };
}

const envelopeCode = (text: string): unknown => (JSON.parse(text) as { result?: { error?: { code?: unknown } } }).result?.error?.code;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

describe.each<PassthroughEngine>(['pipe', 'http-proxy-middleware'])('passthrough faults (%s)', (engine) => {
  let sim: VendorSim;
  let proxy: PassthroughServer;
  let kinds: UpstreamErrorKind[];

  beforeAll(async () => {
    sim = await startVendorSim();
    proxy = await startPassthroughServer({ vendorUrl: sim.url, engine, timeoutMs: 400, onUpstreamError: (kind) => kinds.push(kind) });
  });
  afterAll(async () => {
    await proxy.close();
    await sim.close();
  });
  beforeEach(() => {
    kinds = [];
    sim.setFaults({ latencyMs: 0, resetRate: 0, errorRate: 0 });
  });

  it('1,000 requests aborted while their call is upstream leave no upstream socket open', async () => {
    // Every call is held by the vendor far longer than the test waits, so a socket that the abort
    // did not free is still open at the end however slow the machine is; the waits can be generous.
    sim.setFaults({ latencyMs: HELD_MS });
    const wide = await startPassthroughServer({ vendorUrl: sim.url, engine, timeoutMs: 2 * HELD_MS, maxSockets: 1000, onUpstreamError: (kind) => kinds.push(kind) });
    try {
      const clients = Array.from({ length: 1000 }, () => openRequest(wide.url));
      expect(await waitFor(() => wide.passthrough.openUpstreamSockets() === 1000, 20_000)).toBe(true);
      expect(openTcpConnections(sim.port)).toBeGreaterThanOrEqual(1000);
      clients.forEach((client, i) => setTimeout(client.abort, i % 200));
      await Promise.all(clients.map((client) => client.closed));
      expect(await waitFor(() => wide.passthrough.openUpstreamSockets() === 0, SETTLE_MS)).toBe(true);
      expect(await waitFor(() => openTcpConnections(sim.port) === 0, SETTLE_MS)).toBe(true);
      expect(kinds).toEqual([]);
    } finally {
      await wide.close();
    }
  }, 90_000);

  it('requests aborted while queued for an upstream socket are dropped too', async () => {
    sim.setFaults({ latencyMs: HELD_MS });
    const narrow = await startPassthroughServer({ vendorUrl: sim.url, engine, timeoutMs: 2 * HELD_MS, maxSockets: 20, onUpstreamError: (kind) => kinds.push(kind) });
    try {
      const clients = Array.from({ length: 200 }, () => openRequest(narrow.url));
      expect(await waitFor(() => narrow.passthrough.openUpstreamSockets() === 20, 10_000)).toBe(true);
      clients.forEach((client) => client.abort());
      await Promise.all(clients.map((client) => client.closed));
      expect(await waitFor(() => narrow.passthrough.openUpstreamSockets() === 0, SETTLE_MS)).toBe(true);
      expect(await waitFor(() => openTcpConnections(sim.port) === 0, SETTLE_MS)).toBe(true);
    } finally {
      await narrow.close();
    }
  }, 60_000);

  it('lets an answer slower than the idle socket limit arrive (the limit is for pooled sockets only)', async () => {
    sim.setFaults({ latencyMs: IDLE_UPSTREAM_SOCKET_MS + 1500 });
    const patient = await startPassthroughServer({ vendorUrl: sim.url, engine, timeoutMs: 3 * IDLE_UPSTREAM_SOCKET_MS, onUpstreamError: (kind) => kinds.push(kind) });
    try {
      const answer = await post(patient.url);
      expect(answer.status).toBe(200);
      // The vendor's own answer (this call carries no KS, so a vendor error), not the passthrough's code 1.
      expect(envelopeCode(answer.text)).not.toBe('1');
      expect(answer.ms).toBeGreaterThanOrEqual(IDLE_UPSTREAM_SOCKET_MS + 1500);
      expect(kinds).toEqual([]);
    } finally {
      await patient.close();
    }
  }, 60_000);

  it('answers HTTP 200 with the vendor envelope (code 1) when the vendor resets the connection', async () => {
    sim.setFaults({ resetRate: 1 });
    const answer = await post(proxy.url, { origin: 'https://tv.example' });
    expect(answer.status).toBe(200);
    expect(envelopeCode(answer.text)).toBe('1');
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://tv.example');
    expect(kinds).toEqual(['reset']);
  });

  it('answers the envelope within the timeout when the vendor is slow', async () => {
    sim.setFaults({ latencyMs: 3000 });
    const answer = await post(proxy.url);
    expect(answer.status).toBe(200);
    expect(envelopeCode(answer.text)).toBe('1');
    expect(answer.ms).toBeLessThan(1500);
    expect(kinds).toEqual(['timeout']);
  });

  it('passes a non-200 vendor answer through unchanged (bytes untouched)', async () => {
    sim.setFaults({ errorRate: 1 });
    const answer = await post(proxy.url);
    expect(answer.status).toBe(503);
    expect(answer.text).toBe('simulated outage');
    expect(kinds).toEqual([]);
  });
});

describe.each<PassthroughEngine>(['pipe', 'http-proxy-middleware'])('passthrough to an unreachable or broken upstream (%s)', (engine) => {
  it('answers the envelope when nothing listens, and fails fast once the breaker opens', async () => {
    const probe = createServer();
    const deadUrl = await listen(probe);
    await closeServer(probe);
    const kinds: UpstreamErrorKind[] = [];
    const nowMs = 1_000_000;
    const breaker = createCircuitBreaker({ name: 'vendor', clock: { nowMs: () => nowMs }, failureThreshold: 2, coolDownMs: 5000 });
    const proxy = await startPassthroughServer({ vendorUrl: deadUrl, engine, timeoutMs: 1000, breaker, onUpstreamError: (kind) => kinds.push(kind) });
    try {
      for (let i = 0; i < 3; i++) {
        const answer = await post(proxy.url);
        expect(answer.status).toBe(200);
        expect(envelopeCode(answer.text)).toBe('1');
      }
      expect(kinds).toEqual(['refused', 'refused', 'breaker-open']);
      expect(breaker.state()).toBe('open');
    } finally {
      await proxy.close();
    }
  });

  it('closes a pooled upstream socket once it has been idle for IDLE_UPSTREAM_SOCKET_MS, even when the upstream keeps it open', async () => {
    const upstream = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"executionTime":0,"result":{}}'));
    });
    upstream.keepAliveTimeout = 0; // this upstream never closes an idle connection itself
    const upstreamUrl = await listen(upstream);
    const proxy = await startPassthroughServer({ vendorUrl: upstreamUrl, engine, timeoutMs: 10_000 });
    try {
      expect((await post(proxy.url)).status).toBe(200);
      const answeredAt = Date.now();
      expect(proxy.passthrough.openUpstreamSockets()).toBe(1);
      expect(await waitFor(() => proxy.passthrough.openUpstreamSockets() === 0, IDLE_UPSTREAM_SOCKET_MS + SETTLE_MS)).toBe(true);
      expect(Date.now() - answeredAt).toBeGreaterThanOrEqual(IDLE_UPSTREAM_SOCKET_MS - 100);
      expect(await waitFor(() => new Promise<boolean>((resolve) => upstream.getConnections((_e, count) => resolve(count === 0))), SETTLE_MS)).toBe(true);
    } finally {
      await proxy.close();
      await closeServer(upstream);
    }
  }, 60_000);

  it('cuts the client connection when the upstream breaks after headers were sent, and frees aborted streams', async () => {
    let breakAfterHeaders = true;
    const upstream = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"executionTime":0,"res');
        if (breakAfterHeaders) setTimeout(() => res.socket?.destroy(), 20);
      });
    });
    const upstreamUrl = await listen(upstream);
    const kinds: UpstreamErrorKind[] = [];
    const proxy = await startPassthroughServer({ vendorUrl: upstreamUrl, engine, timeoutMs: 10_000, onUpstreamError: (kind) => kinds.push(kind) });
    try {
      await expect(post(proxy.url)).rejects.toThrow();
      expect(kinds).toEqual(['reset']);
      // Answers that stall mid-body: the client leaves once headers arrive; the upstream side must close too.
      breakAfterHeaders = false;
      await Promise.all(Array.from({ length: 100 }, () => openRequest(proxy.url).closed));
      expect(await waitFor(() => proxy.passthrough.openUpstreamSockets() === 0, 3000)).toBe(true);
      expect(await waitFor(() => new Promise<boolean>((resolve) => upstream.getConnections((_e, count) => resolve(count === 0))), 3000)).toBe(true);
      expect(kinds).toEqual(['reset']);
    } finally {
      await proxy.close();
      await closeServer(upstream);
    }
  });
});
