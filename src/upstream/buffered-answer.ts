/**
 * The answer half of the buffered passthrough (buffered-passthrough.ts): decoding a held vendor
 * answer for its handler and sending it on — byte for byte when the handler changes nothing, with a
 * new `Location` or a new body when it does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { filterAnswerRawHeaders } from './forwarding-headers';

/** What a handler sees of a held answer. */
export interface HeldAnswer {
  readonly status: number;
  readonly location?: string;
  /** Decoded text of a 200 answer ('' otherwise, when over the decode cap or not decodable). */
  readonly text: string;
}

/** What a handler may change: the `Location` header or the whole body. */
export interface AnswerChange {
  readonly location?: string;
  readonly text?: string;
}

/** Decodes the answer's bytes by its content-encoding; undefined when it cannot. */
function decodeBytes(bytes: Buffer, encoding: string | undefined): string | undefined {
  try {
    if (encoding === undefined || encoding === 'identity') return bytes.toString('utf8');
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(bytes).toString('utf8');
    if (encoding === 'br') return brotliDecompressSync(bytes).toString('utf8');
    if (encoding === 'deflate') return inflateSync(bytes).toString('utf8');
  } catch {
    return undefined;
  }
  return undefined;
}

/** The handler's view of a held answer; text only for a 200 of at most `maxDecodedBytes`. */
export function holdAnswer(answer: IncomingMessage, bytes: Buffer, maxDecodedBytes: number): HeldAnswer {
  const status = answer.statusCode ?? 502;
  const encoding = answer.headers['content-encoding']?.toLowerCase();
  const text = status === 200 && bytes.length <= maxDecodedBytes ? decodeBytes(bytes, encoding) ?? '' : '';
  const location = answer.headers.location;
  return { status, text, ...(location === undefined ? {} : { location }) };
}

/** Raw headers without the ones a change replaces. */
function keptHeaders(raw: readonly string[], drop: ReadonlySet<string>): string[] {
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (!drop.has(raw[i]!.toLowerCase())) kept.push(raw[i]!, raw[i + 1]!);
  return kept;
}

/** Sends the held answer on, applying `change`. */
export function sendHeldAnswer(res: ServerResponse, answer: IncomingMessage, bytes: Buffer, change: AnswerChange | undefined): void {
  if (res.destroyed) return;
  const status = answer.statusCode ?? 502;
  const raw = filterAnswerRawHeaders(answer.rawHeaders);
  if (change?.location !== undefined) {
    res.writeHead(status, answer.statusMessage, [...keptHeaders(raw, new Set(['location'])), 'location', change.location]);
    return void res.end(bytes);
  }
  if (change?.text !== undefined) {
    const body = Buffer.from(change.text);
    res.writeHead(status, answer.statusMessage, [...keptHeaders(raw, new Set(['content-length', 'content-encoding', 'transfer-encoding'])), 'content-length', String(body.length)]);
    return void res.end(body);
  }
  res.writeHead(status, answer.statusMessage, raw);
  res.end(bytes);
}
