/**
 * The passthrough engine kept for production: a node:http request on a keep-alive agent, the
 * answer piped back with its status, reason phrase, raw headers (case, order, repeats) and bytes
 * untouched. Measured against http-proxy-middleware in bench/passthrough-bench.ts (docs/upstream.md).
 */
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createCountingAgent } from './counting-agent';
import { buildUpstreamHeaders, filterAnswerRawHeaders } from './forwarding-headers';
import { answerUpstreamFailure } from './passthrough-failure';
import { copyVendorAnswer, parseVendorUrl, requestPath, type AnswerCopy, type VendorPassthrough, type VendorPassthroughOptions } from './passthrough-types';
import { classifyUpstreamError, UpstreamError, type UpstreamErrorKind } from './upstream-error';

/** Creates the hand-written pipe passthrough. */
export function createPipePassthrough(options: VendorPassthroughOptions): VendorPassthrough {
  const target = parseVendorUrl(options.vendorUrl);
  const maxSockets = options.maxSockets ?? 256;
  const agent = createCountingAgent(target.protocol, { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo', ...(options.tlsCa === undefined ? {} : { ca: options.tlsCa }) });
  // Plain http has no SNI: an empty servername spares the agent deriving one from the Host header
  // on every request (bench/README.md "Hot path, third pass"); https keeps Node's own choice.
  const servername = target.protocol === 'http:' ? '' : undefined;

  function forward(req: IncomingMessage, res: ServerResponse, body: Buffer, _operation?: string, copy?: AnswerCopy): void {
    const started = performance.now();
    if (res.destroyed || req.socket.destroyed) return copy?.end(false); // the client left while its body was read
    const ticket = options.breaker?.tryAcquire();
    if (options.breaker !== undefined && ticket === undefined) {
      copy?.end(false);
      return answerUpstreamFailure(options, req, res, 'breaker-open', started);
    }
    let finished = false;
    let piped = false;
    const fail = (kind: UpstreamErrorKind): void => {
      if (finished) return;
      finished = true;
      ticket?.fail();
      answerUpstreamFailure(options, req, res, kind, started);
    };
    const upstream = (target.protocol === 'https:' ? httpsRequest : httpRequest)({
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: target.prefix + requestPath(req),
      headers: buildUpstreamHeaders(req, { upstreamHost: target.host, bodyLength: body.length }),
      agent,
      servername,
      // The same socket inactivity timeout `upstream.setTimeout` would set, without its extra
      // 'socket' and 'timeout' listeners per request (bench/README.md "Issue 13").
      timeout: options.timeoutMs,
    });
    // A client abort before or during the answer must free the upstream socket (style.md "Traps").
    res.once('close', () => {
      if (!res.writableFinished && !finished) {
        finished = true;
        ticket?.cancel();
        upstream.destroy();
      }
      // Last: the upstream socket is freed whatever the copy's receiver does.
      copy?.end(piped && res.writableFinished);
    });
    upstream.on('timeout', () => upstream.destroy(new UpstreamError('timeout', `no answer from the vendor within ${options.timeoutMs} ms`)));
    upstream.on('error', (error) => fail(classifyUpstreamError(error)));
    upstream.on('response', (answer) => {
      answer.on('error', () => fail('reset'));
      answer.once('end', () => {
        if (finished) return;
        finished = true;
        if ((answer.statusCode ?? 0) >= 500) ticket?.fail();
        else ticket?.succeed();
      });
      if (finished) return;
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, filterAnswerRawHeaders(answer.rawHeaders));
      piped = true;
      if (copy !== undefined) copyVendorAnswer(answer, copy);
      answer.pipe(res);
    });
    upstream.end(body);
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
