/**
 * The per-call vendor client (sub-calls of a mixed multirequest) behind the vendor's circuit
 * breaker, measured like the passthrough (docs/architecture.md §5).
 */
import type { CircuitBreaker } from './circuit-breaker';
import { classifyUpstreamError, UpstreamError } from './upstream-error';
import type { UpstreamObserver } from './upstream-observer';
import type { VendorCallClient } from './vendor-call-client';

/** Wraps `client` so every call goes through `breaker` and is reported to `observer`. */
export function guardVendorCalls(client: VendorCallClient, breaker: CircuitBreaker, observer: UpstreamObserver): VendorCallClient {
  return {
    async call(call) {
      const operationId = `${call.service}.${call.action}`.toLowerCase();
      const ticket = breaker.tryAcquire();
      if (ticket === undefined) {
        observer.onError('breaker-open');
        throw new UpstreamError('breaker-open', `circuit breaker for the vendor is open (${operationId})`);
      }
      const started = performance.now();
      try {
        const outcome = await client.call(call);
        ticket.succeed();
        return outcome;
      } catch (error) {
        ticket.fail();
        observer.onError(classifyUpstreamError(error));
        throw error;
      } finally {
        observer.onDuration(operationId, (performance.now() - started) / 1000);
      }
    },
    close: () => client.close(),
  };
}
