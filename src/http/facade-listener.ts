import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ExecutedSummary, FacadeGateway, GatewayAnswer } from '../gateway/facade-request-handler';
import { handleGatewayRequest } from '../gateway/facade-request-handler';
import type { FacadeMetrics } from '../metrics/facade-metrics';
import type { VendorPassthrough } from '../upstream/passthrough-types';
import { errorEnvelope } from '../phoenix/envelope';
import type { VendorApiResponse } from '../phoenix/vendor-api-handler';
import { vendorError } from '../phoenix/vendor-error-builder';
import { corsHeaders, preflightHeaders } from './cors';
import { readRequestBody } from './read-request-body';
import type { FacadeTap } from './record-tap';
import { checkRequestFraming, refuseRequest } from './request-framing';
import type { PassthroughShadowTap } from './shadow-tap';
import { copyResponse } from './response-capture';
import type { MediaPlaybackHook } from './media-playback-hook';

export interface FacadeAppOptions {
  readonly gateway: FacadeGateway;
  readonly passthrough: VendorPassthrough;
  readonly metrics: FacadeMetrics;
  readonly bodyLimitBytes: number;
  /** Shadow mode: watches passthrough answers the policy shadows (compose-shadow.ts); never delays them. */
  readonly shadow?: PassthroughShadowTap;
  /** False while draining: /readyz answers 503 so load balancers stop sending. */
  readonly isReady: () => boolean;
  /**
   * The public base (`https://api.example`, no trailing slash) absolute playback and playManifest
   * URLs are built on: from configuration, never from the request's `Host` (issue 9, finding 4).
   */
  readonly publicBaseUrl: () => string;
  /** Sync capture of passed-through writes (docs/sync.md): true when it took the request over. */
  readonly capturePassthrough?: (req: IncomingMessage, res: ServerResponse, body: Buffer, answer: Extract<GatewayAnswer, { kind: 'passthrough' }>) => boolean;
  /** Told once per answered device request (the access log); never given the path, query or body. */
  readonly onServed?: (served: ExecutedSummary & { readonly seconds: number }) => void;
  /** The recording tap (docs/recording.md); absent when recording is not configured. */
  readonly tap?: FacadeTap;
  /** Storage playback (docs/media.md): rewrites playback URLs of files played from the bucket. */
  readonly media?: MediaPlaybackHook;
}

const jsonType = 'application/json; charset=utf-8';

function sendReply(req: IncomingMessage, res: ServerResponse, reply: VendorApiResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, { ...corsHeaders(req), ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
  res.end(reply.body);
}

function failureReply(): VendorApiResponse {
  return { status: 200, headers: { 'content-type': jsonType }, body: JSON.stringify(errorEnvelope(vendorError('Error'), 0)) };
}

function record(options: FacadeAppOptions, summary: ExecutedSummary, startedMs: number): void {
  const seconds = (performance.now() - startedMs) / 1000;
  options.metrics.recordRequest({ operation: summary.operation, target: summary.target, outcome: summary.outcome, seconds });
  options.onServed?.({ ...summary, seconds });
}

/** What the request's one `close` listener reports: a passthrough is recorded once its answer is sent. */
interface Exchange {
  readonly startedMs: number;
  passthrough?: string;
}

async function serveVendorApi(options: FacadeAppOptions, req: IncomingMessage, res: ServerResponse, exchange: Exchange): Promise<void> {
  const { startedMs } = exchange;
  const body = await readRequestBody(req, options.bodyLimitBytes);
  if (body.kind === 'aborted') return;
  if (body.kind === 'too-large') {
    record(options, { operation: 'invalid', target: 'vendor', outcome: 'bad_request' }, startedMs);
    return sendReply(req, res, { status: 200, headers: { 'content-type': jsonType }, body: JSON.stringify(errorEnvelope(vendorError('BadRequest'), 0)) });
  }
  const request = { url: req.url ?? '/', contentType: req.headers['content-type'], body: body.body.toString('utf8'), origin: options.publicBaseUrl() };
  const facts = { headers: req.headers, remoteAddress: req.socket.remoteAddress };
  const answer = await handleGatewayRequest(request, facts, options.gateway);
  options.tap?.(req, res, body.body, answer, startedMs);
  if (answer.kind === 'passthrough') {
    exchange.passthrough = answer.operation;
    const copy = options.shadow?.(answer, req, startedMs);
    if (options.capturePassthrough?.(req, res, body.body, answer) === true || options.media?.forward(req, res, body.body, answer, facts) === true) {
      // These answer from a buffer once the vendor answered: the copy follows what they send.
      if (copy !== undefined) copyResponse(res, copy);
      return;
    }
    options.passthrough.forward(req, res, body.body, answer.operation, copy);
    return;
  }
  record(options, answer.summary, startedMs);
  sendReply(req, res, options.media === undefined ? answer.reply : options.media.rewriteReply(request, facts, answer.summary.operation, answer.reply));
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': jsonType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Health endpoints; false when the path is not one of them. `/metrics` is on the admin port, behind its token. */
function serveOperational(options: FacadeAppOptions, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET') return false;
  const path = (req.url ?? '/').split('?', 1)[0];
  if (path === '/livez') sendJson(res, 200, { status: 'ok' });
  else if (path === '/readyz') sendJson(res, options.isReady() ? 200 : 503, { status: options.isReady() ? 'ready' : 'draining' });
  else return false;
  return true;
}

/**
 * The facade's HTTP edge, a plain node:http listener: health endpoints, CORS preflight,
 * and every other path handed to the gateway (all vendor routing forms are parsed there, brief
 * §1.2). API answers are HTTP 200 envelopes (or playManifest's 302), or the vendor's own bytes when
 * passed through; nothing here can produce an HTML error page or a stack trace. A framework router
 * adds nothing on this path (every path is the vendor API) but measurable CPU per request
 * (bench/README.md), so the admin API keeps express and this edge does not.
 */
export function createFacadeListener(options: FacadeAppOptions): RequestListener {
  return (req, res) => {
    res.on('error', () => undefined);
    // Draining: every answer closes its connection, so no idle keep-alive socket is left for a
    // balancer to reuse just as the listener closes (a request lost in that race is a device error).
    if (!options.isReady()) res.shouldKeepAlive = false;
    const refusal = checkRequestFraming(req);
    if (refusal !== null) return refuseRequest(req, res, refusal);
    if (serveOperational(options, req, res)) return;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, preflightHeaders(req));
      res.end();
      return;
    }
    options.metrics.beginRequest();
    const exchange: Exchange = { startedMs: performance.now() };
    // One listener per request for both the in-flight count and the passthrough's record (each
    // listener costs measurably on the hot path, bench/README.md); a passthrough counts when whole.
    res.once('close', () => {
      options.metrics.endRequest();
      if (exchange.passthrough !== undefined && res.writableFinished) {
        record(options, { operation: exchange.passthrough, target: 'vendor', outcome: res.statusCode < 500 ? 'ok' : 'upstream_error' }, exchange.startedMs);
      }
    });
    serveVendorApi(options, req, res, exchange).catch(() => sendReply(req, res, failureReply()));
  };
}
