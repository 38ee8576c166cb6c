import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CircuitBreaker } from './circuit-breaker';
import type { UpstreamErrorKind } from './upstream-error';

export interface VendorPassthroughOptions {
  /** The vendor base, e.g. `https://rest-us.ott.kaltura.com`; a path prefix is kept in front of each request's path. */
  readonly vendorUrl: string;
  /** No upstream activity for this long (connect, waiting for headers, between body chunks) fails the call. */
  readonly timeoutMs: number;
  /** A private CA (PEM) to trust for an https vendor URL, besides the system's. */
  readonly tlsCa?: string;
  /** Upstream connections at most (default 256). */
  readonly maxSockets?: number;
  /** Counts upstream failures (metrics). */
  readonly onUpstreamError?: (kind: UpstreamErrorKind) => void;
  /** Extra headers on the error envelope sent on a failure (the composition root passes CORS). */
  readonly failureHeaders?: (req: IncomingMessage) => Readonly<Record<string, string>>;
  /** When given, an open circuit answers the error envelope at once and outcomes are reported to it. */
  readonly breaker?: CircuitBreaker;
}

/**
 * Receives a copy of the vendor's answer as the passthrough sends it on (shadow mode,
 * http/shadow-tap.ts), taken from the vendor's answer stream beside the pipe: nothing is hooked
 * into the device's response (hooks on each response keep young objects alive until a full
 * collection, bench/README.md "Shadow mode").
 */
export interface AnswerCopy {
  /** The vendor answered and its head was sent on: status and the two headers a comparison reads. */
  head(status: number, location: string | undefined, contentEncoding: string | undefined): void;
  /** A body chunk as it was sent on, bytes untouched (still encoded). */
  chunk(data: Buffer): void;
  /**
   * Called once for every copy handed to `forward`, when the device's response is over: `whole` when
   * the device got the vendor's whole answer (false when it went away, or got an error envelope instead).
   */
  end(whole: boolean): void;
}

/** Feeds `copy` with the vendor's answer: its head now, its body chunks as the pipe reads them. */
export function copyVendorAnswer(answer: IncomingMessage, copy: AnswerCopy): void {
  copy.head(answer.statusCode ?? 502, answer.headers.location, answer.headers['content-encoding']);
  answer.on('data', (chunk: Buffer) => copy.chunk(chunk));
}

/** Forwards vendor-routed requests byte for byte (docs/architecture.md §2, issue: vendor passthrough). */
export interface VendorPassthrough {
  /**
   * Forwards one request whose body was already read; answers `res` (never throws). `operation`
   * labels its metrics; `copy`, when given, receives the vendor's answer as it is sent on.
   */
  forward(req: IncomingMessage, res: ServerResponse, body: Buffer, operation?: string, copy?: AnswerCopy): void;
  /** Closes idle upstream connections and refuses nothing: in-flight calls finish or fail. */
  close(): Promise<void>;
  /** Upstream sockets open right now (busy or idle). */
  openUpstreamSockets(): number;
}

/** Splits a vendor URL into what a request needs: origin parts and the path prefix. */
export function parseVendorUrl(vendorUrl: string): { readonly protocol: 'http:' | 'https:'; readonly hostname: string; readonly port: string; readonly host: string; readonly prefix: string; readonly origin: string } {
  const url = new URL(vendorUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`vendor passthrough speaks http and https, not ${url.protocol}`);
  const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
  return { protocol: url.protocol, hostname: url.hostname, port, host: url.host, prefix: url.pathname.replace(/\/+$/, ''), origin: url.origin };
}

/** The request's path and query (origin-form), as sent by the client. */
export function requestPath(req: IncomingMessage): string {
  const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  if (url.startsWith('/')) return url;
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return '/';
  }
}
