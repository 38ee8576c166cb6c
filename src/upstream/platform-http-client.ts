import { Pool } from 'undici';

/** One JSON request to the platform. */
export interface PlatformHttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path with the query string already applied, e.g. `/catalog/v1/items/…`. */
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The platform's answer: status and parsed JSON body (undefined when empty). */
export interface PlatformHttpResponse {
  readonly status: number;
  readonly body: unknown;
}

export interface PlatformHttpClientOptions {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  /** Keep-alive connections to the platform (default 64). */
  readonly connections?: number;
}

/** A keep-alive JSON client for the platform; network failures and timeouts reject. */
export interface PlatformHttpClient {
  send(request: PlatformHttpRequest): Promise<PlatformHttpResponse>;
  close(): Promise<void>;
}

/**
 * undici Pool on the hot path: measured cheaper per request than axios (bench/README.md), which
 * is what decides the facade's CPU cost per translated call. The deadline is the pool's own
 * connect, headers and body timeouts: an `AbortSignal.timeout` per request cost ~90 µs of CPU
 * each (a timer, a signal and its listeners), more than a third of the client's whole cost.
 * undici keeps those timeouts on a coarse timer wheel, so one fires up to ~1 s after `timeoutMs`.
 */
export function createPlatformHttpClient(options: PlatformHttpClientOptions): PlatformHttpClient {
  const url = new URL(options.baseUrl);
  const prefix = url.pathname.replace(/\/+$/, '');
  const pool = new Pool(url.origin, {
    connections: options.connections ?? 64,
    keepAliveTimeout: 30_000,
    connectTimeout: options.timeoutMs,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
  return {
    async send(request) {
      const hasBody = request.body !== undefined;
      const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
      if (hasBody) headers['content-type'] = 'application/json';
      const response = await pool.request({
        method: request.method,
        path: prefix + request.path,
        headers,
        body: hasBody ? JSON.stringify(request.body) : undefined,
      });
      const text = await response.body.text();
      return { status: response.statusCode, body: text.length === 0 ? undefined : parseJson(text) };
    },
    close: () => pool.close(),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { unparsable: text.slice(0, 200) };
  }
}
