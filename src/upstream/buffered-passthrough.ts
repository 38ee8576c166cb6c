/**
 * The one buffered vendor passthrough (docs/upstream.md "Buffered passthrough"): for the calls
 * whose answer understudy must read before a device gets it — writes captured for the sync
 * (docs/architecture.md §4) and playback answers rewritten for storage playback (docs/media.md).
 * The request goes out exactly as the streaming pipe sends it, under the vendor circuit breaker;
 * the answer is read whole (≤ `maxHeldBytes`), handed to the caller's handler, then sent on
 * unchanged or with the handler's change. Every forward is reported to the observer like the
 * pipe's (duration per operation, failures by kind), so it counts in the passthrough metrics.
 */
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { holdAnswer, sendHeldAnswer, type AnswerChange, type HeldAnswer } from './buffered-answer';
import { createCountingAgent } from './counting-agent';
import { buildUpstreamHeaders } from './forwarding-headers';
import { observeForward } from './measured-passthrough';
import { answerUpstreamFailure } from './passthrough-failure';
import { parseVendorUrl, requestPath, type VendorPassthroughOptions } from './passthrough-types';
import { classifyUpstreamError, UpstreamError, type UpstreamErrorKind } from './upstream-error';
import type { UpstreamObserver } from './upstream-observer';

export type { AnswerChange, HeldAnswer } from './buffered-answer';

/** Reads the held answer; may change it. A rejection is treated as "no change". */
export type HandleAnswer = (answer: HeldAnswer) => Promise<AnswerChange | undefined> | AnswerChange | undefined;

export interface BufferedPassthroughOptions extends VendorPassthroughOptions {
  /** Told the duration of every forward and 5xx answers (failures come through `onUpstreamError`). */
  readonly observer?: UpstreamObserver;
  /** Past this many answer bytes the call fails instead of holding memory (default 16 MiB). */
  readonly maxHeldBytes?: number;
  /** Answers larger than this are handed over with text '' (default 4 MiB). */
  readonly maxDecodedBytes?: number;
}

export interface BufferedPassthrough {
  /** Forwards one request whose body was already read; answers `res` (never throws). `operation` labels its metrics. */
  forward(req: IncomingMessage, res: ServerResponse, body: Buffer, handle: HandleAnswer, operation?: string): void;
  close(): Promise<void>;
  openUpstreamSockets(): number;
}

/** Creates the buffered passthrough over its own keep-alive agent. */
export function createBufferedPassthrough(options: BufferedPassthroughOptions): BufferedPassthrough {
  const target = parseVendorUrl(options.vendorUrl);
  const agent = createCountingAgent(target.protocol, { keepAlive: true, maxSockets: options.maxSockets ?? 64, ...(options.tlsCa === undefined ? {} : { ca: options.tlsCa }) });
  const maxHeld = options.maxHeldBytes ?? 16 * 1024 * 1024;
  const maxDecoded = options.maxDecodedBytes ?? 4 * 1024 * 1024;

  function send(req: IncomingMessage, res: ServerResponse, body: Buffer, handle: HandleAnswer): void {
    const started = performance.now();
    if (res.destroyed || req.socket.destroyed) return;
    const ticket = options.breaker?.tryAcquire();
    if (options.breaker !== undefined && ticket === undefined) return answerUpstreamFailure(options, req, res, 'breaker-open', started);
    let finished = false;
    const fail = (kind: UpstreamErrorKind): void => {
      if (finished) return;
      finished = true;
      ticket?.fail();
      answerUpstreamFailure(options, req, res, kind, started);
    };
    // The upstream request is not cancelled when the device leaves: a write it carries still
    // happens at the vendor, and its capture must still see the answer.
    const upstream = (target.protocol === 'https:' ? httpsRequest : httpRequest)({
      hostname: target.hostname, port: target.port, method: req.method, path: target.prefix + requestPath(req),
      headers: buildUpstreamHeaders(req, { upstreamHost: target.host, bodyLength: body.length }), agent,
    });
    upstream.setTimeout(options.timeoutMs, () => upstream.destroy(new UpstreamError('timeout', `no answer from the vendor within ${options.timeoutMs} ms`)));
    upstream.on('error', (error) => fail(classifyUpstreamError(error)));
    upstream.on('response', (answer) => {
      const chunks: Buffer[] = [];
      let size = 0;
      answer.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size > maxHeld) answer.destroy(new UpstreamError('reset', `vendor answer over the ${maxHeld}-byte cap`));
      });
      answer.on('error', () => fail('reset'));
      answer.once('end', () => {
        if (finished) return;
        finished = true;
        if ((answer.statusCode ?? 0) >= 500) ticket?.fail();
        else ticket?.succeed();
        const bytes = Buffer.concat(chunks);
        void Promise.resolve()
          .then(() => handle(holdAnswer(answer, bytes, maxDecoded)))
          .catch(() => undefined)
          .then((change) => sendHeldAnswer(res, answer, bytes, change));
      });
    });
    upstream.end(body);
  }

  return {
    forward(req, res, body, handle, operation = 'other') {
      if (options.observer !== undefined) observeForward(options.observer, res, operation);
      send(req, res, body, handle);
    },
    close: () => Promise.resolve(agent.destroy()),
    openUpstreamSockets: () => agent.openSockets(),
  };
}
