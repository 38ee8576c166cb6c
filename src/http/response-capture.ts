/**
 * Copies what a ServerResponse sends, up to a cap, without changing a byte of it or delaying it:
 * the passthrough pipes the vendor's answer into `res`; shadow mode needs that answer too.
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** What was sent: status, the headers shadow mode cares about, and the body (or `tooLarge`). */
export interface CapturedResponse {
  readonly status: number;
  readonly location?: string;
  readonly contentEncoding?: string;
  readonly body: Buffer;
  readonly tooLarge: boolean;
}

type RawHeaders = OutgoingHttpHeaders | readonly string[] | readonly (readonly string[])[] | undefined;

/** The value of a header (lower-case `name`) in what writeHead was given: an object or raw name/value pairs. */
function headerIn(headers: RawHeaders, name: string): string | undefined {
  if (headers === undefined) return undefined;
  if (Array.isArray(headers)) {
    // Raw headers are usually flat (`[name, value, …]`, as the passthrough gives them); flattened only when nested.
    const flat = (headers.length > 0 && Array.isArray(headers[0]) ? (headers as unknown[]).flat() : headers) as readonly unknown[];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const key = String(flat[i]);
      if (key.length === name.length && key.toLowerCase() === name) return String(flat[i + 1]);
    }
    return undefined;
  }
  for (const key in headers as OutgoingHttpHeaders) {
    const value = (headers as OutgoingHttpHeaders)[key];
    if (key.length === name.length && key.toLowerCase() === name && value !== undefined) return String(value);
  }
  return undefined;
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return undefined;
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  if (typeof chunk !== 'string') return undefined;
  return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}

/**
 * Starts copying `res`; `onDone` is called once, when the response closed: with what was sent when
 * it finished, undefined when it was aborted. One `close` listener per response (each listener
 * costs on the hot path, bench/README.md).
 */
export function captureResponse(res: ServerResponse, capBytes: number, onDone: (captured: CapturedResponse | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  let headers: RawHeaders;
  const keep = (chunk: unknown, encoding: unknown): void => {
    if (tooLarge) return;
    const buffer = toBuffer(chunk, encoding);
    if (buffer === undefined) return;
    size += buffer.length;
    if (size > capBytes) {
      tooLarge = true;
      chunks.length = 0;
    } else chunks.push(buffer);
  };
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  (res as { writeHead: unknown }).writeHead = (...args: unknown[]) => {
    headers = (typeof args[1] === 'string' ? args[2] : args[1]) as RawHeaders;
    return writeHead(...args);
  };
  (res as { write: unknown }).write = (...args: unknown[]) => {
    keep(args[0], args[1]);
    return write(...args);
  };
  (res as { end: unknown }).end = (...args: unknown[]) => {
    keep(args[0], args[1]);
    return end(...args);
  };
  res.once('close', () => {
    if (!res.writableFinished) return onDone(undefined);
    // Only a redirect's location is compared (shadow-tap.ts liftPrimary).
    const redirect = res.statusCode >= 300 && res.statusCode < 400;
    const location = redirect ? (headerIn(headers, 'location') ?? (res.getHeader('location') as string | undefined)) : undefined;
    const contentEncoding = headerIn(headers, 'content-encoding') ?? (res.getHeader('content-encoding') as string | undefined);
    const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    onDone({ status: res.statusCode, ...(location === undefined ? {} : { location }), ...(contentEncoding === undefined ? {} : { contentEncoding }), body, tooLarge });
  });
}
