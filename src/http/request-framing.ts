/**
 * Strict framing where node:http is lenient (issue 9, finding 4 and 8): requests whose framing a
 * proxy in front or the vendor behind could read differently are refused and their connection
 * closed, never served or forwarded. RFC 9112 §6.1: a server that does not understand a
 * transfer coding answers 501; §2.3: an unsupported major version 505; RFC 9110 §7.2: more
 * than one Host is 400.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Why a request is refused, with the status it gets. */
export interface FramingRefusal {
  readonly status: 400 | 501 | 505;
  readonly reason: string;
}

function countRawHeader(rawHeaders: readonly string[], name: string): { count: number; values: string[] } {
  const values: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]!.toLowerCase() === name) values.push(rawHeaders[i + 1] ?? '');
  return { count: values.length, values };
}

/** Null when the request is framed as devices frame it, else the refusal. */
export function checkRequestFraming(req: IncomingMessage): FramingRefusal | null {
  if (req.httpVersion !== '1.1' && req.httpVersion !== '1.0') return { status: 505, reason: 'HTTP version not supported' };
  const hosts = countRawHeader(req.rawHeaders, 'host');
  if (hosts.count > 1) return { status: 400, reason: 'more than one Host header' };
  const codings = countRawHeader(req.rawHeaders, 'transfer-encoding');
  // Only a single plain `chunked` is understood; `gzip, chunked`, repeats and anything else are not.
  if (codings.count > 1 || (codings.count === 1 && codings.values[0]!.trim().toLowerCase() !== 'chunked')) return { status: 501, reason: 'transfer coding not implemented' };
  return null;
}

/** Answers a refusal with a short plain-text body and closes the connection. */
export function refuseRequest(req: IncomingMessage, res: ServerResponse, refusal: FramingRefusal): void {
  const body = `${refusal.reason}\n`;
  res.shouldKeepAlive = false;
  res.writeHead(refusal.status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' });
  res.end(body, () => req.socket.destroySoon());
}
