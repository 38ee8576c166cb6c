/**
 * The same passthrough on http-proxy-middleware (http-proxy underneath), kept as the measured
 * alternative (docs/upstream.md "Engines"). Three things http-proxy does not do by itself are
 * added here: hop-by-hop request headers are stripped (it forwards them), the already-read body is
 * replayed through its `buffer` option, and a client abort destroys the upstream request (it only
 * listens for `aborted` on the request, which never fires once the body was fully read).
 */
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type * as httpProxy from 'http-proxy';
import { createCountingAgent } from './counting-agent';
import { buildUpstreamHeaders, stripHopByHopInPlace } from './forwarding-headers';
import { answerUpstreamFailure } from './passthrough-failure';
import { copyVendorAnswer, parseVendorUrl, type AnswerCopy, type VendorPassthrough, type VendorPassthroughOptions } from './passthrough-types';
import { classifyUpstreamError, UpstreamError } from './upstream-error';
import type { BreakerTicket } from './circuit-breaker';

interface ForwardState {
  readonly body: Buffer;
  readonly started: number;
  readonly ticket: BreakerTicket | undefined;
  readonly copy: AnswerCopy | undefined;
  finished: boolean;
  piped: boolean;
}

/** Creates the http-proxy-middleware passthrough. */
export function createHpmPassthrough(options: VendorPassthroughOptions): VendorPassthrough {
  const target = parseVendorUrl(options.vendorUrl);
  const maxSockets = options.maxSockets ?? 256;
  const agent = createCountingAgent(target.protocol, { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo', ...(options.tlsCa === undefined ? {} : { ca: options.tlsCa }) });
  const states = new WeakMap<IncomingMessage, ForwardState>();

  const finish = (req: IncomingMessage): ForwardState | undefined => {
    const state = states.get(req);
    if (state === undefined || state.finished) return undefined;
    state.finished = true;
    return state;
  };
  const onProxyReq = (proxyReq: ClientRequest, req: IncomingMessage, res: ServerResponse): void => {
    if (res.destroyed) proxyReq.destroy();
    res.once('close', () => {
      if (res.writableFinished) return;
      const state = finish(req);
      if (state === undefined) return;
      state.ticket?.cancel();
      proxyReq.destroy();
    });
    proxyReq.setTimeout(options.timeoutMs, () => proxyReq.destroy(new UpstreamError('timeout', `no answer from the vendor within ${options.timeoutMs} ms`)));
  };
  const onProxyRes = (proxyRes: IncomingMessage, req: IncomingMessage, res: ServerResponse): void => {
    stripHopByHopInPlace(proxyRes.headers);
    const state = states.get(req);
    if (state !== undefined && !state.finished) {
      state.piped = true;
      if (state.copy !== undefined) copyVendorAnswer(proxyRes, state.copy);
    }
    // http-proxy leaves a broken answer stream unpiped and the client waiting: cut it instead.
    proxyRes.on('error', () => onError(new UpstreamError('reset', 'vendor answer broke off'), req, res));
    proxyRes.once('end', () => {
      const state = finish(req);
      if ((proxyRes.statusCode ?? 0) >= 500) state?.ticket?.fail();
      else state?.ticket?.succeed();
    });
  };
  const onError = (error: Error, req: IncomingMessage, res: unknown): void => {
    const state = finish(req);
    if (state === undefined) return;
    state.ticket?.fail();
    answerUpstreamFailure(options, req, res as ServerResponse, classifyUpstreamError(error), state.started);
  };
  const replayBody = (proxyServer: httpProxy): void => {
    const web = proxyServer.web.bind(proxyServer);
    // http-proxy pipes `options.buffer` instead of the request when given: the body read earlier.
    proxyServer.web = (req: IncomingMessage, res: ServerResponse, opts?: httpProxy.ServerOptions, callback?: httpProxy.ErrorCallback) => {
      const buffer = new PassThrough();
      buffer.end(states.get(req)?.body ?? Buffer.alloc(0));
      // http-proxy reads its optional arguments by position: pass no callback rather than undefined.
      if (callback === undefined) web(req, res, { ...opts, buffer });
      else web(req, res, { ...opts, buffer }, callback);
    };
    proxyServer.on('proxyReq', onProxyReq);
    proxyServer.on('proxyRes', onProxyRes);
    proxyServer.on('error', onError);
  };
  const middleware = createProxyMiddleware<IncomingMessage, ServerResponse>({
    target: target.origin + target.prefix,
    changeOrigin: true,
    xfwd: false,
    preserveHeaderKeyCase: true,
    agent,
    ejectPlugins: true,
    plugins: [replayBody],
  });

  function forward(req: IncomingMessage, res: ServerResponse, body: Buffer, _operation?: string, copy?: AnswerCopy): void {
    const started = performance.now();
    if (res.destroyed || req.socket.destroyed) return copy?.end(false);
    const ticket = options.breaker?.tryAcquire();
    if (options.breaker !== undefined && ticket === undefined) {
      copy?.end(false);
      return answerUpstreamFailure(options, req, res, 'breaker-open', started);
    }
    const state: ForwardState = { body, started, ticket, copy, finished: false, piped: false };
    states.set(req, state);
    if (copy !== undefined) res.once('close', () => copy.end(state.piped && res.writableFinished));
    const headers = buildUpstreamHeaders(req, { upstreamHost: target.host, bodyLength: body.length });
    for (const name of Object.keys(req.headers)) delete req.headers[name];
    Object.assign(req.headers, headers);
    // hpm hands its own failures (and "not proxied") to `next`; both end as the error envelope.
    const next = (error?: unknown): void => onError(error instanceof Error ? error : new Error('not proxied'), req, res);
    middleware(req, res, next).catch(next);
  }

  return {
    forward,
    close: () => {
      agent.destroy();
      return Promise.resolve();
    },
    openUpstreamSockets: () => agent.openSockets(),
  };
}
