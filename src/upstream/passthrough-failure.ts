import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorEnvelope, executionSeconds } from '../phoenix/envelope';
import { vendorError } from '../phoenix/vendor-error-builder';
import type { VendorPassthroughOptions } from './passthrough-types';
import type { UpstreamErrorKind } from './upstream-error';

/**
 * Answers an upstream failure the way devices can survive it (brief §1.6): before any header went
 * out, HTTP 200 with the vendor's generic error `1` in the envelope (docs/upstream.md "Error
 * mapping"); after headers went out the answer cannot be repaired, so the client connection is
 * destroyed and the device sees a truncated response rather than a wrong one.
 */
export function answerUpstreamFailure(options: VendorPassthroughOptions, req: IncomingMessage, res: ServerResponse, kind: UpstreamErrorKind, startedMs: number): void {
  options.onUpstreamError?.(kind);
  if (res.destroyed) return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(errorEnvelope(vendorError('Error'), executionSeconds(startedMs, performance.now())));
  res.writeHead(200, { ...options.failureHeaders?.(req), 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}
