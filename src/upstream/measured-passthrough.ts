/**
 * The vendor passthrough, measured: the duration of each forwarded request (until the answer is
 * sent or the client leaves) and a vendor 5xx answer as an `http_5xx` failure. Failures the
 * passthrough answers itself (refused, reset, timeout, open breaker) are reported by its own
 * `onUpstreamError` and arrive here as HTTP 200 error envelopes, so they are not counted twice.
 */
import type { VendorPassthrough } from './passthrough-types';
import type { UpstreamObserver } from './upstream-observer';

/** Wraps `inner` so every forwarded request is reported to `observer`. */
export function measurePassthrough(inner: VendorPassthrough, observer: UpstreamObserver): VendorPassthrough {
  return {
    forward(req, res, body, operation = 'other') {
      const started = performance.now();
      res.once('close', () => {
        observer.onDuration(operation, (performance.now() - started) / 1000);
        if (res.headersSent && res.statusCode >= 500) observer.onError('status');
      });
      inner.forward(req, res, body, operation);
    },
    close: () => inner.close(),
    openUpstreamSockets: () => inner.openUpstreamSockets(),
  };
}
