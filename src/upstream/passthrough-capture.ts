/**
 * Passthrough for requests that carry a synced write (docs/architecture.md §4 "Sync": capture includes writes
 * passed to the vendor untouched). The request goes out exactly as the pipe engine sends it; the
 * answer is read whole (bounded), handed to `capture` with the request's calls, and only once the
 * capture has committed are the vendor's status, raw headers and bytes sent on, unchanged. Reads
 * never come here: they keep the streaming pipe.
 */
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { createCountingAgent } from './counting-agent';
import { buildUpstreamHeaders, filterAnswerRawHeaders } from './forwarding-headers';
import { answerUpstreamFailure } from './passthrough-failure';
import { parseVendorUrl, requestPath, type VendorPassthroughOptions } from './passthrough-types';
import { classifyUpstreamError, UpstreamError } from './upstream-error';

/** Called with the answer's decoded text before the answer is sent; must not reject. */
export type CaptureAnswer = (answerText: string) => Promise<void>;

export interface CapturingPassthrough {
  forward(req: IncomingMessage, res: ServerResponse, body: Buffer, capture: CaptureAnswer): void;
  close(): Promise<void>;
}

/** Vendor answers to writes are small; a larger one is sent on without being captured. */
const maxCapturedAnswerBytes = 4 * 1024 * 1024;

function decodeAnswer(bytes: Buffer, encoding: string | undefined): string {
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(bytes).toString('utf8');
    if (encoding === 'br') return brotliDecompressSync(bytes).toString('utf8');
    if (encoding === 'deflate') return inflateSync(bytes).toString('utf8');
  } catch {
    return '';
  }
  return bytes.toString('utf8');
}

/** Creates the capturing passthrough over its own keep-alive agent. */
export function createCapturingPassthrough(options: VendorPassthroughOptions): CapturingPassthrough {
  const target = parseVendorUrl(options.vendorUrl);
  const agent = createCountingAgent(target.protocol, { keepAlive: true, maxSockets: options.maxSockets ?? 64, ...(options.tlsCa === undefined ? {} : { ca: options.tlsCa }) });

  function relay(res: ServerResponse, answer: IncomingMessage, chunks: readonly Buffer[]): void {
    if (res.destroyed) return;
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, filterAnswerRawHeaders(answer.rawHeaders));
    res.end(Buffer.concat(chunks));
  }

  function forward(req: IncomingMessage, res: ServerResponse, body: Buffer, capture: CaptureAnswer): void {
    const started = performance.now();
    if (res.destroyed || req.socket.destroyed) return;
    let finished = false;
    const fail = (error: unknown): void => {
      if (finished) return;
      finished = true;
      answerUpstreamFailure(options, req, res, classifyUpstreamError(error), started);
    };
    const upstream = (target.protocol === 'https:' ? httpsRequest : httpRequest)({
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: target.prefix + requestPath(req),
      headers: buildUpstreamHeaders(req, { upstreamHost: target.host, bodyLength: body.length }),
      agent,
    });
    upstream.setTimeout(options.timeoutMs, () => upstream.destroy(new UpstreamError('timeout', `no answer from the vendor within ${options.timeoutMs} ms`)));
    upstream.on('error', fail);
    upstream.on('response', (answer) => {
      const chunks: Buffer[] = [];
      let size = 0;
      answer.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
      });
      answer.on('error', () => fail(new UpstreamError('reset', 'vendor answer aborted')));
      answer.once('end', () => {
        if (finished) return;
        finished = true;
        const encoding = answer.headers['content-encoding'];
        const text = size > maxCapturedAnswerBytes || (answer.statusCode ?? 0) !== 200 ? '' : decodeAnswer(Buffer.concat(chunks), typeof encoding === 'string' ? encoding.toLowerCase() : undefined);
        void capture(text)
          .catch(() => undefined)
          .then(() => relay(res, answer, chunks));
      });
    });
    upstream.end(body);
  }

  return {
    forward,
    close: () => {
      agent.destroy();
      return Promise.resolve();
    },
  };
}
