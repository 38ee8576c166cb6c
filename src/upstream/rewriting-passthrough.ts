/**
 * Passthrough whose answer may be rewritten (issue 18: playback URLs of files played from storage).
 * Only used for `playManifest`, `getPlaybackContext` and multirequests naming it, and only when the
 * policy can send the device to storage; every other call keeps the streaming pipe. The request goes
 * out as the pipe sends it; the answer is read whole (bounded), handed to `rewrite`, and sent on
 * byte for byte when it changes nothing — with a new `Location` or a new body when it does.
 */
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { gunzipSync } from 'node:zlib';
import { createCountingAgent } from './counting-agent';
import { buildUpstreamHeaders, filterAnswerRawHeaders } from './forwarding-headers';
import { answerUpstreamFailure } from './passthrough-failure';
import { parseVendorUrl, requestPath, type VendorPassthroughOptions } from './passthrough-types';
import { classifyUpstreamError, UpstreamError } from './upstream-error';

/** What a rewrite sees and may change. */
export interface AnswerToRewrite {
  readonly status: number;
  readonly location?: string;
  /** Decoded text of a 200 answer ('' otherwise or when over the cap). */
  readonly text: string;
}

export type RewriteAnswer = (answer: AnswerToRewrite) => { readonly location?: string; readonly text?: string } | undefined;

export interface RewritingPassthrough {
  forward(req: IncomingMessage, res: ServerResponse, body: Buffer, rewrite: RewriteAnswer): void;
  close(): Promise<void>;
}

/** Playback answers are small; a larger one is relayed untouched. */
const maxRewrittenBytes = 4 * 1024 * 1024;
/** Nothing a playback call answers comes near this; past it the call fails instead of holding memory. */
const maxHeldBytes = 16 * 1024 * 1024;

function decode(bytes: Buffer, encoding: string | undefined): string | undefined {
  try {
    if (encoding === undefined || encoding === 'identity') return bytes.toString('utf8');
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(bytes).toString('utf8');
  } catch {
    return undefined;
  }
  return undefined;
}

/** Raw headers without the ones a rewrite replaces. */
function keptHeaders(raw: readonly string[], drop: ReadonlySet<string>): string[] {
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (!drop.has(raw[i]!.toLowerCase())) kept.push(raw[i]!, raw[i + 1]!);
  return kept;
}

function relay(res: ServerResponse, answer: IncomingMessage, bytes: Buffer, rewrite: RewriteAnswer, size: number): void {
  if (res.destroyed) return;
  const status = answer.statusCode ?? 502;
  const raw = filterAnswerRawHeaders(answer.rawHeaders);
  const encoding = answer.headers['content-encoding']?.toLowerCase();
  const text = status === 200 && size <= maxRewrittenBytes ? decode(bytes, encoding) ?? '' : '';
  const location = answer.headers.location;
  const change = rewrite({ status, text, ...(location === undefined ? {} : { location }) });
  if (change?.location !== undefined) {
    res.writeHead(status, answer.statusMessage, [...keptHeaders(raw, new Set(['location'])), 'location', change.location]);
    return void res.end(bytes);
  }
  if (change?.text !== undefined) {
    const body = Buffer.from(change.text);
    res.writeHead(status, answer.statusMessage, [...keptHeaders(raw, new Set(['content-length', 'content-encoding'])), 'content-length', String(body.length)]);
    return void res.end(body);
  }
  res.writeHead(status, answer.statusMessage, raw);
  res.end(bytes);
}

/** Creates the rewriting passthrough over its own keep-alive agent. */
export function createRewritingPassthrough(options: VendorPassthroughOptions): RewritingPassthrough {
  const target = parseVendorUrl(options.vendorUrl);
  const agent = createCountingAgent(target.protocol, { keepAlive: true, maxSockets: options.maxSockets ?? 64, ...(options.tlsCa === undefined ? {} : { ca: options.tlsCa }) });
  function forward(req: IncomingMessage, res: ServerResponse, body: Buffer, rewrite: RewriteAnswer): void {
    const started = performance.now();
    if (res.destroyed || req.socket.destroyed) return;
    let finished = false;
    const fail = (error: unknown): void => {
      if (finished) return;
      finished = true;
      answerUpstreamFailure(options, req, res, classifyUpstreamError(error), started);
    };
    const upstream = (target.protocol === 'https:' ? httpsRequest : httpRequest)({
      hostname: target.hostname, port: target.port, method: req.method, path: target.prefix + requestPath(req),
      headers: buildUpstreamHeaders(req, { upstreamHost: target.host, bodyLength: body.length }), agent,
    });
    upstream.setTimeout(options.timeoutMs, () => upstream.destroy(new UpstreamError('timeout', `no answer from the vendor within ${options.timeoutMs} ms`)));
    upstream.on('error', fail);
    upstream.on('response', (answer) => {
      const chunks: Buffer[] = [];
      let size = 0;
      answer.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size > maxHeldBytes) answer.destroy(new Error('over cap'));
      });
      answer.on('error', () => fail(new UpstreamError('reset', 'vendor answer aborted or over the playback answer cap')));
      answer.once('end', () => {
        if (finished) return;
        finished = true;
        relay(res, answer, Buffer.concat(chunks), rewrite, size);
      });
    });
    upstream.end(body);
  }
  return { forward, close: () => Promise.resolve(agent.destroy()) };
}
