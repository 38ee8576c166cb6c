/**
 * The platform client behind its circuit breaker, measured (docs/architecture.md §5): every call
 * asks the breaker first (open → `UpstreamError('breaker-open')` at once, so a read may fall back
 * to the vendor), reports its outcome to it, and tells the observer its duration and failure kind.
 * A 5xx answer is a failure for the breaker and the metrics, and is still returned: the translator
 * decides what the device sees.
 */
import type { CircuitBreaker, BreakerTicket } from './circuit-breaker';
import type { PlatformHttpClient, PlatformHttpRequest, PlatformHttpResponse } from './platform-http-client';
import { classifyUpstreamError, UpstreamError } from './upstream-error';
import type { UpstreamObserver } from './upstream-observer';

/** Hands out the shared client labelled with the vendor operation it serves. */
export interface GuardedPlatformClient {
  forOperation(operationId: string): PlatformHttpClient;
}

async function sendGuarded(client: PlatformHttpClient, ticket: BreakerTicket, observer: UpstreamObserver, operationId: string, request: PlatformHttpRequest): Promise<PlatformHttpResponse> {
  const started = performance.now();
  try {
    const reply = await client.send(request);
    observer.onDuration(operationId, (performance.now() - started) / 1000);
    if (reply.status >= 500) {
      ticket.fail();
      observer.onError('status');
    } else ticket.succeed();
    return reply;
  } catch (error) {
    observer.onDuration(operationId, (performance.now() - started) / 1000);
    ticket.fail();
    observer.onError(classifyUpstreamError(error));
    throw error;
  }
}

/** Wraps `client` so every call goes through `breaker` and is reported to `observer`. */
export function guardPlatformClient(client: PlatformHttpClient, breaker: CircuitBreaker, observer: UpstreamObserver): GuardedPlatformClient {
  return {
    forOperation: (operationId) => ({
      send(request) {
        const ticket = breaker.tryAcquire();
        if (ticket === undefined) {
          observer.onError('breaker-open');
          return Promise.reject(new UpstreamError('breaker-open', `circuit breaker for the platform is open (${operationId})`, 'platform'));
        }
        return sendGuarded(client, ticket, observer, operationId, request);
      },
      close: () => client.close(),
    }),
  };
}
