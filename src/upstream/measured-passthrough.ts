/**
 * The vendor passthrough, measured: the duration of each forwarded request (until the answer is
 * sent or the client leaves) and a vendor 5xx answer as an `http_5xx` failure. Failures the
 * passthrough answers itself (refused, reset, timeout, open breaker) are reported by its own
 * `onUpstreamError` and arrive here as HTTP 200 error envelopes, so they are not counted twice.
 */
import type { ServerResponse } from 'node:http';
import type { VendorPassthrough } from './passthrough-types';
import type { UpstreamObserver } from './upstream-observer';

/** Reports one forwarded request to `observer` once its answer is sent or abandoned. */
export function observeForward(observer: UpstreamObserver, res: ServerResponse, operation: string): void {
  const started = performance.now();
  res.once('close', () => {
    observer.onDuration(operation, (performance.now() - started) / 1000);
    if (res.headersSent && res.statusCode >= 500) observer.onError('status');
  });
}

/** Wraps `inner` so every forwarded request is reported to `observer`. */
export function measurePassthrough(inner: VendorPassthrough, observer: UpstreamObserver): VendorPassthrough {
  return {
    forward(req, res, body, operation = 'other', copy) {
      observeForward(observer, res, operation);
      inner.forward(req, res, body, operation, copy);
    },
    close: () => inner.close(),
    openUpstreamSockets: () => inner.openUpstreamSockets(),
  };
}
