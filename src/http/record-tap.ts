/**
 * The recording tap on the facade's edge (issue 12): for a sampled request, copies the response
 * bytes as they are written (up to the per-exchange cap) and hands the exchange to the recorder
 * when the response finishes. Works for answers built here and for vendor bytes passed through
 * alike. Nothing here awaits or throws into the request path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayAnswer } from '../gateway/facade-request-handler';
import type { Recorder } from '../record/recorder';

/** Called by the listener once the gateway has answered, before the response is written. */
export type FacadeTap = (req: IncomingMessage, res: ServerResponse, body: Buffer, answer: GatewayAnswer, startedMs: number) => void;

type Chunk = string | Uint8Array;

function toBuffer(chunk: unknown, encoding: unknown): Buffer | null {
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return null;
}

/** Wraps `res.write` / `res.end` to keep a copy of at most `cap` bytes; returns the reader. */
function captureBody(res: ServerResponse, cap: number): () => { body: Buffer; bytes: number } {
  const chunks: Buffer[] = [];
  let bytes = 0;
  const keep = (chunk: unknown, encoding: unknown): void => {
    const buffer = toBuffer(chunk, encoding);
    if (buffer === null) return;
    bytes += buffer.length;
    if (bytes <= cap) chunks.push(buffer);
  };
  const write = res.write.bind(res) as (chunk: Chunk, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: Chunk, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    if (args.length > 0 && typeof args[0] !== 'function') keep(args[0], args[1]);
    return end(...args);
  }) as typeof res.end;
  return () => ({ body: Buffer.concat(chunks), bytes });
}

function headerText(value: number | string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value);
}

/** The tap for one recorder; `maxExchangeBytes` caps what is copied of each answer. */
export function createRecordTap(recorder: Recorder, maxExchangeBytes: number): FacadeTap {
  return (req, res, body, answer, startedMs) => {
    if (!recorder.wants()) return;
    const at = Date.now() - (performance.now() - startedMs);
    const read = captureBody(res, maxExchangeBytes);
    res.once('finish', () => {
      const response = read();
      const location = res.getHeader('location');
      const routing = answer.kind === 'passthrough'
        ? { kind: 'passthrough' as const, target: 'vendor' as const, outcome: res.statusCode < 500 ? 'ok' : 'upstream_error' }
        : { kind: 'executed' as const, target: answer.summary.target, outcome: answer.summary.outcome };
      const bytes = response.bytes > maxExchangeBytes ? Number.POSITIVE_INFINITY : response.bytes + body.length;
      recorder.offer({
        at: Math.round(at),
        durationMs: performance.now() - startedMs,
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        ...(req.headers['content-type'] === undefined ? {} : { contentType: req.headers['content-type'] }),
        requestBody: body.toString('utf8'),
        status: res.statusCode,
        responseContentType: headerText(res.getHeader('content-type')),
        responseBody: response.body.toString('utf8'),
        ...(location === undefined ? {} : { location: headerText(location) }),
        operation: answer.kind === 'passthrough' ? answer.operation : answer.summary.operation,
        routing,
      }, bytes);
    });
  };
}
