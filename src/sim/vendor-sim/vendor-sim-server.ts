/**
 * vendor-sim over node:http: CORS, body and header limits, fault knobs, control endpoints, and the
 * vendor API pipeline (server/vendor-api-handler.ts). Keep-alive friendly; an aborted request is
 * dropped quietly; nothing a client sends can crash it.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Catalog } from '../../core/catalog';
import { createClockShifter, OffsetClock } from '../../core/clock';
import { errorEnvelope } from '../../phoenix/envelope';
import { vendorError } from '../../phoenix/vendor-error-builder';
import { loadCatalog } from '../catalog/load-catalog';
import { applyFaults, mergeFaults, noFaults, willLoseAnswer, type FaultSettings } from '../faults';
import { vendorSimOperations } from './operation-table';
import type { SimOperationTable } from './sim-operation';
import { createVendorSimState, type VendorSimState } from './state';
import { corsHeaders, preflightHeaders } from '../../http/cors';
import { readRequestBody } from '../../http/read-request-body';
import { handleSimControl, isControlPath, type SimControlTarget } from '../sim-control';
import { handleVendorApiRequest } from '../../phoenix/vendor-api-handler';
import { runSimCall } from './server/sim-call-runner';

export interface VendorSimOptions {
  readonly catalog?: Catalog;
  /** 0 (default) = any free port. */
  readonly port?: number;
  readonly host?: string;
  readonly clock?: OffsetClock;
  readonly faults?: Partial<FaultSettings>;
  /** Overrides `catalog.demo.partnerSecret`. */
  readonly partnerSecret?: string;
  /** Request bodies above this are answered 500003 (default 1 MiB). */
  readonly bodyLimitBytes?: number;
  /** Replaces the operation table (tests). */
  readonly operations?: SimOperationTable;
  /** Told about thrown bugs; default writes one line to stderr. */
  readonly onBug?: (error: unknown, operationId: string) => void;
  /** Wraps the request listener (the lab's server spans when tracing is on). */
  readonly wrapListener?: (listener: RequestListener) => RequestListener;
}

export interface VendorSim {
  readonly url: string;
  readonly port: number;
  /** The current state (replaced by `reset`). */
  readonly state: VendorSimState;
  readonly clock: OffsetClock;
  setFaults(update: Partial<FaultSettings>): void;
  reset(): void;
  close(): Promise<void>;
}

const defaultBodyLimit = 1024 * 1024;

function logBug(error: unknown, operationId: string): void {
  console.error(`vendor-sim: ${operationId} failed: ${error instanceof Error ? error.message : String(error)}`);
}

function send(req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...corsHeaders(req), ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: unknown): void {
  send(req, res, status, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(value));
}

/** Starts vendor-sim on 127.0.0.1 (port 0 by default) and resolves once it listens. */
export async function startVendorSim(options: VendorSimOptions = {}): Promise<VendorSim> {
  const catalog = options.catalog ?? loadCatalog();
  const clock = options.clock ?? new OffsetClock();
  const stateOptions = options.partnerSecret === undefined ? {} : { partnerSecret: options.partnerSecret };
  let state = createVendorSimState(catalog, clock, stateOptions);
  let faults: FaultSettings = { ...noFaults, ...options.faults };
  const limit = options.bodyLimitBytes ?? defaultBodyLimit;
  const operations = options.operations ?? vendorSimOperations;
  const onBug = options.onBug ?? logBug;
  const control: SimControlTarget = {
    reset: () => { state = createVendorSimState(catalog, clock, stateOptions); },
    getFaults: () => faults,
    setFaults: (update) => {
      const next = mergeFaults(faults, update);
      if (typeof next !== 'string') faults = next;
      return next;
    },
    setClockOffset: createClockShifter(clock),
    nowMs: () => clock.nowMs(),
  };

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const pathname = url.split('?')[0] ?? '/';
    if (method === 'OPTIONS') {
      res.writeHead(204, preflightHeaders(req));
      res.end();
      return;
    }
    const isControl = isControlPath(pathname);
    if (!isControl && (await applyFaults(faults, req, res))) return;
    const body = await readRequestBody(req, limit);
    if (body.kind === 'aborted') return;
    if (body.kind === 'too-large') {
      sendJson(req, res, 200, errorEnvelope(vendorError('BadRequest'), 0));
      return;
    }
    const text = body.body.toString('utf8');
    if (isControl) {
      const answer = handleSimControl(method, pathname, text, control);
      sendJson(req, res, answer.status, answer.body);
      return;
    }
    const origin = `http://${req.headers.host ?? 'localhost'}`;
    const contentType = req.headers['content-type'];
    const loses = willLoseAnswer(faults);
    const answer = await handleVendorApiRequest({ url, body: text, origin, ...(contentType === undefined ? {} : { contentType }) }, (call, apiBaseUrl) => runSimCall(call, { state, operations, onBug, apiBaseUrl }));
    // duplicateRate: the call ran (its write is applied) but the caller never hears so and retries.
    if (loses) {
      req.socket.destroy();
      return;
    }
    send(req, res, answer.status, { ...answer.headers }, answer.body);
  }

  const wrap = options.wrapListener ?? ((listener: RequestListener) => listener);
  const server: Server = createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 30_000, headersTimeout: 15_000, keepAliveTimeout: 5_000 }, wrap((req, res) => {
    res.on('error', () => undefined);
    serve(req, res).catch((error: unknown) => {
      onBug(error, 'http');
      sendJson(req, res, 200, errorEnvelope(vendorError('Error'), 0));
    });
  }));
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    port,
    get state() { return state; },
    clock,
    setFaults: (update) => {
      const next = mergeFaults(faults, update);
      if (typeof next === 'string') throw new Error(next);
      faults = next;
    },
    reset: () => control.reset(),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
