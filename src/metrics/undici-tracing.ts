/**
 * A client span per upstream call made with undici (the platform client, the vendor per-call and
 * shadow clients), from undici's diagnostics channels: no client code changes, and a request made
 * outside a traced request (a sync worker's) is left alone. `traceparent` goes to the platform
 * always and to the vendor only when configured (docs/observability.md "Traces").
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { OpenSpan, Tracing } from './otel-tracing';

export interface UndiciTracingOptions {
  readonly tracing: Tracing;
  /** Origins (`http://host:port`) of each upstream; a request elsewhere gets a span named `http`. */
  readonly platformOrigin: string;
  readonly vendorOrigin: string;
  readonly propagateToVendor: boolean;
}

interface UndiciRequest {
  readonly origin?: unknown;
  readonly method?: unknown;
  readonly path?: unknown;
  addHeader?(name: string, value: string): unknown;
}

function originOf(value: unknown): string {
  if (typeof value === 'string') return value.endsWith('/') ? value.replace(/\/+$/, '') : value;
  return value instanceof URL ? value.origin : '';
}

const methodOf = (request: UndiciRequest): string => (typeof request.method === 'string' ? request.method : 'GET');

function describeRequest(request: UndiciRequest, upstream: string): Record<string, string> {
  const path = typeof request.path === 'string' ? request.path.split('?', 1)[0]! : '';
  return { 'understudy.upstream': upstream, 'http.request.method': methodOf(request), 'url.path': path, 'server.address': originOf(request.origin) };
}

/** Subscribes; the returned function unsubscribes. */
export function traceUndiciRequests(options: UndiciTracingOptions): () => void {
  const spans = new WeakMap<object, OpenSpan>();
  const upstreamOf = (origin: string): 'platform' | 'vendor' | 'http' => (origin === options.platformOrigin ? 'platform' : origin === options.vendorOrigin ? 'vendor' : 'http');
  const onCreate = (message: unknown): void => {
    const request = (message as { request: UndiciRequest }).request;
    // Outside a traced request: nothing. In an unsampled one: the request's stand-in, no span.
    const span = options.tracing.startChild('client', () => {
      const upstream = upstreamOf(originOf(request.origin));
      return [`${upstream} ${methodOf(request)}`, describeRequest(request, upstream)];
    });
    if (span === undefined) return;
    if (span.recording) spans.set(request, span);
    const upstream = upstreamOf(originOf(request.origin));
    if (upstream === 'platform' || (upstream === 'vendor' && options.propagateToVendor)) {
      const headers = span.traceHeaders();
      for (const name in headers) request.addHeader?.(name, headers[name]!);
    }
  };
  const onHeaders = (message: unknown): void => {
    const { request, response } = message as { request: object; response: { statusCode: number } };
    const span = spans.get(request);
    span?.annotate({ 'http.response.status_code': response.statusCode });
    if (response.statusCode >= 500) span?.fail(`HTTP ${response.statusCode}`);
  };
  const onDone = (message: unknown): void => {
    const { request, error } = message as { request: object; error?: unknown };
    const span = spans.get(request);
    if (span === undefined) return;
    spans.delete(request);
    if (error !== undefined) span.fail(error instanceof Error ? error.message : 'request failed');
    span.end();
  };
  subscribe('undici:request:create', onCreate);
  subscribe('undici:request:headers', onHeaders);
  subscribe('undici:request:trailers', onDone);
  subscribe('undici:request:error', onDone);
  return () => {
    unsubscribe('undici:request:create', onCreate);
    unsubscribe('undici:request:headers', onHeaders);
    unsubscribe('undici:request:trailers', onDone);
    unsubscribe('undici:request:error', onDone);
  };
}
