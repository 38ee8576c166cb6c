import { Pool, type Dispatcher } from 'undici';

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
 * Collects one answer for `Pool.dispatch`: status and body bytes, nothing else. `pool.request`
 * wraps every answer in an AsyncResource and a Readable stream consumed by `body.text()`; a
 * handler that only gathers the chunks costs a fraction of that, on every translated call and
 * every shadow candidate (bench/README.md "Shadow mode").
 */
class JsonAnswerHandler implements Dispatcher.DispatchHandler {
  private status = 0;
  private readonly chunks: Buffer[] = [];

  constructor(
    private readonly resolve: (response: PlatformHttpResponse) => void,
    private readonly reject: (error: Error) => void,
  ) {}

  /** Marks the handler as one of undici's current API (without it, dispatch expects the deprecated one). */
  onRequestStart(): void {}

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    // 1xx informational heads may come first; the final status is what the caller sees.
    if (statusCode >= 200) this.status = statusCode;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    const { chunks } = this;
    const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
    this.resolve({ status: this.status, body: text.length === 0 ? undefined : parseJson(text) });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.reject(error);
  }
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
    send(request) {
      const hasBody = request.body !== undefined;
      const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
      if (hasBody) headers['content-type'] = 'application/json';
      return new Promise<PlatformHttpResponse>((resolve, reject) => {
        pool.dispatch({ method: request.method, path: prefix + request.path, headers, body: hasBody ? JSON.stringify(request.body) : null }, new JsonAnswerHandler(resolve, reject));
      });
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
