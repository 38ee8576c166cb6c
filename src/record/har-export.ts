/**
 * HAR 1.2 export of a recording (docs/recording.md "HAR"), for browser tools and proxies that read
 * HAR. Built from the redacted lines, so the HAR is as redacted as the recording: each request is
 * the canonical JSON POST replay would send.
 */
import type { RecordedExchange } from './recording-format';

interface HarEntry {
  readonly startedDateTime: string;
  readonly time: number;
  readonly request: Record<string, unknown>;
  readonly response: Record<string, unknown>;
  readonly cache: Record<string, never>;
  readonly timings: { readonly send: number; readonly wait: number; readonly receive: number };
  readonly comment: string;
}

function responseText(exchange: RecordedExchange): string {
  const body = exchange.response.body;
  if (body === null) return '';
  if (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 1 && typeof (body as { text?: unknown }).text === 'string') return (body as { text: string }).text;
  return JSON.stringify(body);
}

function toEntry(exchange: RecordedExchange, origin: string): HarEntry {
  const requestText = exchange.request.params === null ? '' : JSON.stringify(exchange.request.params);
  const text = responseText(exchange);
  return {
    startedDateTime: new Date(exchange.at).toISOString(),
    time: exchange.durationMs,
    request: {
      method: 'POST',
      url: `${origin}${exchange.request.path}`,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [{ name: 'content-type', value: 'application/json' }],
      queryString: [],
      postData: { mimeType: 'application/json', text: requestText },
      headersSize: -1,
      bodySize: Buffer.byteLength(requestText),
    },
    response: {
      status: exchange.response.status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [{ name: 'content-type', value: exchange.response.contentType }, ...(exchange.response.location === undefined ? [] : [{ name: 'location', value: exchange.response.location }])],
      content: { size: Buffer.byteLength(text), mimeType: exchange.response.contentType, text },
      redirectURL: exchange.response.location ?? '',
      headersSize: -1,
      bodySize: Buffer.byteLength(text),
    },
    cache: {},
    timings: { send: 0, wait: exchange.durationMs, receive: 0 },
    comment: `${exchange.operation} seq=${exchange.seq} ${exchange.routing.kind}→${exchange.routing.target} (${exchange.routing.outcome})`,
  };
}

/** The HAR document of the given exchanges; `origin` is the host the requests are shown against. */
export function exportHar(exchanges: readonly RecordedExchange[], origin = 'http://understudy.invalid'): { log: Record<string, unknown> } {
  return {
    log: {
      version: '1.2',
      creator: { name: 'understudy', version: '1' },
      entries: exchanges.map((exchange) => toEntry(exchange, origin)),
    },
  };
}
