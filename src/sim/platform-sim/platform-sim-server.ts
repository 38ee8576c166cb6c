/**
 * platform-sim over node:http (docs/architecture.md §6): a stateful stand-in for our platform's REST services,
 * seeded from the shared catalogue, with fault knobs, a clock knob and the `/__sim` control surface
 * shared with vendor-sim. Keep-alive friendly; nothing a client sends can crash it.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Catalog } from '../../core/catalog';
import { createClockShifter, OffsetClock } from '../../core/clock';
import { loadCatalog } from '../catalog/load-catalog';
import { applyFaults, mergeFaults, noFaults, willLoseAnswer, type FaultSettings } from '../faults';
import { handleSimControl, isControlPath, type SimControlTarget } from '../sim-control';
import { applyDefects, parseDefects, plantInWrite, type Defect } from './defects';
import { dispatchPlatformCall, type DispatchDeps } from './http/dispatch';
import { readRequestBody } from '../../http/read-request-body';
import { problem, type Reply } from './http/reply';
import { createRouter } from './http/router';
import { platformRoutes } from './platform-routes';
import { createPlatformState, resetPlatformState, type PlatformSimState } from './platform-state';

export interface PlatformSimOptions {
  readonly catalog?: Catalog;
  /** 0 (default) = any free port. */
  readonly port?: number;
  readonly host?: string;
  readonly clock?: OffsetClock;
  readonly faults?: Partial<FaultSettings>;
  /** Bodies above this are answered 413 (default 1 MiB). */
  readonly bodyLimitBytes?: number;
  /** Told about thrown bugs; default writes one line to stderr. */
  readonly onBug?: (error: unknown, operationId: string) => void;
  /** Wraps the request listener (the lab's server spans when tracing is on). */
  readonly wrapListener?: (listener: RequestListener) => RequestListener;
}

export interface PlatformSim {
  readonly url: string;
  readonly port: number;
  readonly state: PlatformSimState;
  readonly clock: OffsetClock;
  setFaults(update: Partial<FaultSettings>): void;
  /** Plants translation defects in answers (defects.ts); an empty list removes them. */
  setDefects(defects: readonly Defect[]): void;
  reset(): void;
  close(): Promise<void>;
}

const defaultBodyLimit = 1024 * 1024;

function logBug(error: unknown, operationId: string): void {
  console.error(`platform-sim: ${operationId} failed: ${error instanceof Error ? error.message : String(error)}`);
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function writeReply(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const isProblem = reply.status >= 400;
  const text = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  const headers: Record<string, string> = { ...reply.headers };
  if (text !== '') headers['content-type'] = isProblem ? 'application/problem+json' : 'application/json; charset=utf-8';
  headers['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(reply.status, headers);
  res.end(text);
}

function isFaultFree(faults: FaultSettings): boolean {
  return faults.latencyMs === 0 && faults.jitterMs === 0 && faults.errorRate === 0 && faults.resetRate === 0;
}

/** Starts platform-sim on 127.0.0.1 (port 0 by default) and resolves once it listens. */
export async function startPlatformSim(options: PlatformSimOptions = {}): Promise<PlatformSim> {
  const clock = options.clock ?? new OffsetClock();
  const state = createPlatformState(options.catalog ?? loadCatalog(), clock);
  let faults: FaultSettings = { ...noFaults, ...options.faults };
  let defects: readonly Defect[] = [];
  const limit = options.bodyLimitBytes ?? defaultBodyLimit;
  const deps: DispatchDeps = { state, router: createRouter(platformRoutes), onBug: options.onBug ?? logBug };
  const control: SimControlTarget = {
    reset: () => resetPlatformState(state),
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
    const isControl = isControlPath(url.split('?')[0] ?? '/');
    if (!isControl && !isFaultFree(faults) && (await applyFaults(faults, req, res))) return;
    const read = await readRequestBody(req, limit);
    if (read.kind === 'aborted') return;
    if (read.kind === 'too-large') {
      writeReply(res, { ...problem('payload_too_large', `bodies are limited to ${limit} bytes`), headers: { connection: 'close' } });
      return;
    }
    const text = read.body.toString('utf8');
    if (isControl && (url.split('?')[0] ?? '').replace(/\/+$/, '') === '/__sim/defects') {
      if (method === 'GET') return writeReply(res, { status: 200, body: { defects } });
      let parsed: Defect[] | string;
      try {
        parsed = method === 'PUT' ? parseDefects(JSON.parse(text === '' ? '{}' : text) as unknown) : `${method} is not allowed; use GET or PUT`;
      } catch {
        parsed = 'body must be JSON';
      }
      if (typeof parsed === 'string') return writeReply(res, { status: 400, body: { error: parsed } });
      defects = parsed;
      return writeReply(res, { status: 200, body: { defects } });
    }
    if (isControl) {
      const answer = handleSimControl(method, url.split('?')[0] ?? '/', text, control);
      writeReply(res, { status: answer.status, body: answer.body });
      return;
    }
    const authorization = headerText(req.headers.authorization);
    const changeOrigin = headerText(req.headers['x-change-origin']);
    const call = { method, url, bodyText: plantInWrite(defects, method, url.split('?')[0] ?? '/', text), ...(authorization !== undefined ? { authorization } : {}), ...(changeOrigin !== undefined ? { changeOrigin } : {}) };
    const reply = applyDefects(defects, url.split('?')[0] ?? '/', dispatchPlatformCall(call, deps));
    // duplicateRate: the call ran (its write is applied) but the caller never hears so and retries.
    if (willLoseAnswer(faults)) {
      req.socket.destroy();
      return;
    }
    writeReply(res, reply);
  }

  const wrap = options.wrapListener ?? ((listener: RequestListener) => listener);
  const server: Server = createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 30_000, headersTimeout: 15_000, keepAliveTimeout: 5_000 }, wrap((req, res) => {
    res.on('error', () => undefined);
    serve(req, res).catch((error: unknown) => {
      deps.onBug(error, 'http');
      writeReply(res, problem('internal_error', 'the platform failed to answer; see its log'));
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
    state,
    clock,
    setFaults: (update) => {
      const next = mergeFaults(faults, update);
      if (typeof next === 'string') throw new Error(next);
      faults = next;
    },
    setDefects: (next) => {
      defects = [...next];
    },
    reset: () => resetPlatformState(state),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
