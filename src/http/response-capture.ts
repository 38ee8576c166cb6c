/**
 * Copies of the vendor's answer for shadow mode, up to a cap, without changing a byte of it or
 * delaying it: `collectAnswer` gathers one copy (the pipe passthrough feeds it from the vendor's
 * answer stream); `copyResponse` feeds one from what a ServerResponse sends, for the forwarders that
 * answer from a buffer (sync capture, media playback).
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { AnswerCopy } from '../upstream/passthrough-types';

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
 * A copy that keeps the body up to `capBytes` (beyond it only `tooLarge`) and calls `onDone` once, at
 * its end: with what was sent when the device got the whole answer, undefined otherwise.
 */
export function collectAnswer(capBytes: number, onDone: (captured: CapturedResponse | undefined) => void): AnswerCopy {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  let status = 0;
  let location: string | undefined;
  let contentEncoding: string | undefined;
  let ended = false;
  return {
    head(answerStatus, answerLocation, answerEncoding) {
      status = answerStatus;
      // Only a redirect's location is compared (shadow-tap.ts liftPrimary).
      location = answerStatus >= 300 && answerStatus < 400 ? answerLocation : undefined;
      contentEncoding = answerEncoding;
    },
    chunk(data) {
      if (tooLarge) return;
      size += data.length;
      if (size > capBytes) {
        tooLarge = true;
        chunks.length = 0;
      } else chunks.push(data);
    },
    end(whole) {
      if (ended) return;
      ended = true;
      if (!whole || status === 0) return onDone(undefined);
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      chunks.length = 0;
      onDone({ status, ...(location === undefined ? {} : { location }), ...(contentEncoding === undefined ? {} : { contentEncoding }), body, tooLarge });
    },
  };
}

/**
 * Feeds `copy` from what `res` sends (its writeHead, write and end), ending it when `res` closed.
 * A response that already answered (an error envelope at once) or lost its device ends the copy
 * unfed: there is no vendor answer to compare. One `close` listener per response (each listener
 * costs on the hot path, bench/README.md).
 */
export function copyResponse(res: ServerResponse, copy: AnswerCopy): void {
  if (res.headersSent || res.destroyed) return copy.end(false);
  let headers: RawHeaders;
  const keep = (chunk: unknown, encoding: unknown): void => {
    const buffer = toBuffer(chunk, encoding);
    if (buffer !== undefined) copy.chunk(buffer);
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
    if (!res.writableFinished) return copy.end(false);
    const header = (name: string): string | undefined => headerIn(headers, name) ?? (res.getHeader(name) as string | undefined);
    copy.head(res.statusCode, header('location'), header('content-encoding'));
    copy.end(true);
  });
}
