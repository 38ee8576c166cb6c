/**
 * A small HTTP fault proxy for the lab (issue 9 "faults"): stands between the facade and a sim,
 * counts every request that reaches it, and on demand refuses connections, resets mid-answer,
 * never answers, adds latency, answers 503 in bursts or returns malformed JSON. Counting is what
 * lets tests prove that a rejected request never reached an upstream.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the proxy does to the next requests. */
export type FaultMode =
  | { readonly kind: 'pass' }
  | { readonly kind: 'refuse' }
  | { readonly kind: 'reset-mid-answer' }
  | { readonly kind: 'hang' }
  | { readonly kind: 'latency'; readonly ms: number }
  | { readonly kind: 'error-503'; readonly share: number }
  | { readonly kind: 'malformed-json' }
  /** Answers every request itself with a valid envelope of about `bytes` bytes (a large answer, cheaply). */
  | { readonly kind: 'bulk'; readonly bytes: number };

/** One request the proxy saw: method, path, header names and body (first 2 KiB) for per-operation counts. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  /** Lower-cased header names as received. */
  readonly headerNames: readonly string[];
  readonly body: string;
}

export interface FaultProxy {
  readonly url: string;
  /** Every request that reached the proxy, in arrival order (bounded to the last 100,000). */
  readonly seen: readonly SeenRequest[];
  setMode(mode: FaultMode): Promise<void>;
  resetCounts(): void;
  /** Sockets open from the facade to this proxy right now. */
  openSockets(): number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.concat(chunks)));
  });
}

function forward(target: URL, req: IncomingMessage, res: ServerResponse, body: Buffer, transform?: (answer: Buffer) => Buffer): void {
  const upstream = httpRequest({ hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host, 'content-length': String(body.length) } }, (answer) => {
    const chunks: Buffer[] = [];
    answer.on('data', (c: Buffer) => chunks.push(c));
    answer.on('end', () => {
      const out = transform === undefined ? Buffer.concat(chunks) : transform(Buffer.concat(chunks));
      const headers = { ...answer.headers, 'content-length': String(out.length) };
      delete headers['transfer-encoding'];
      res.writeHead(answer.statusCode ?? 502, headers);
      res.end(out);
    });
  });
  upstream.on('error', () => res.destroy());
  upstream.end(body);
}

let bulkAnswer: Buffer = Buffer.alloc(0);

/** A vendor envelope of about `bytes` bytes (built once per size). */
function bulkEnvelope(bytes: number): Buffer {
  if (bulkAnswer.length < bytes || bulkAnswer.length > bytes + 1024) {
    const item = JSON.stringify({ objectType: 'KalturaMediaAsset', id: 480001, name: 'x'.repeat(900) });
    const count = Math.max(1, Math.ceil(bytes / (item.length + 1)));
    bulkAnswer = Buffer.from(`{"executionTime":0.001,"result":{"objectType":"KalturaAssetListResponse","totalCount":${count},"objects":[${Array.from({ length: count }, () => item).join(',')}]}}`);
  }
  return bulkAnswer;
}

function serveFaulty(mode: FaultMode, target: URL, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  if (mode.kind === 'hang') return;
  if (mode.kind === 'bulk') {
    const answer = bulkEnvelope(mode.bytes);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(answer.length) });
    res.end(answer);
    return;
  }
  if (mode.kind === 'reset-mid-answer') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
    res.write('{"executionTime":0.001,"result":{"objectType":"Kaltura');
    setTimeout(() => res.socket?.destroy(), 5);
    return;
  }
  if (mode.kind === 'error-503' && Math.random() < mode.share) {
    res.writeHead(503, { 'content-type': 'text/plain' });
    res.end('upstream outage');
    return;
  }
  if (mode.kind === 'latency') {
    setTimeout(() => forward(target, req, res, body), mode.ms);
    return;
  }
  if (mode.kind === 'malformed-json') return forward(target, req, res, body, (answer) => answer.subarray(0, Math.max(1, Math.floor(answer.length / 2))));
  forward(target, req, res, body);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts a fault proxy in front of `targetUrl` on a free loopback port. */
export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  let mode: FaultMode = { kind: 'pass' };
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      if (seen.length >= 100_000) seen.shift();
      const headerNames = req.rawHeaders.filter((_, i) => i % 2 === 0).map((name) => name.toLowerCase());
      seen.push({ method: req.method ?? '', path: req.url ?? '', headerNames, body: body.subarray(0, 2048).toString('utf8') });
      serveFaulty(mode, target, req, res, body);
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const port = await listen(server, 0);
  const dropConnections = (): void => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    setMode: async (next) => {
      const wasRefusing = mode.kind === 'refuse';
      mode = next;
      if (next.kind === 'refuse' && !wasRefusing) {
        dropConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      } else if (next.kind !== 'refuse' && wasRefusing) await listen(server, port);
    },
    resetCounts: () => {
      seen.length = 0;
    },
    openSockets: () => sockets.size,
    close: async () => {
      dropConnections();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
