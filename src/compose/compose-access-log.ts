/**
 * The access log (docs/observability.md "Logs"): one `served` line per device request with the
 * operation, the target that answered, the outcome and the duration — never the path, query,
 * headers or body, where KS and passwords travel. The operation is closed over the contract like
 * the metrics' label, so a device cannot write free text into the log.
 */
import type { ExecutedSummary } from '../gateway/facade-request-handler';
import { createLabelCloser } from '../metrics/label-sets';
import type { FacadeLogger } from '../metrics/logger';

/** The listener hook writing one line per answered request. */
export function createAccessLog(logger: FacadeLogger, operations: readonly string[]): (served: ExecutedSummary & { readonly seconds: number }) => void {
  const closeOperation = createLabelCloser(operations);
  return (served) => {
    // Off at `warn` and above: skip building a line nobody writes (once per request, the hot path).
    if (!logger.isLevelEnabled('info')) return;
    logger.info({ event: 'served', operation: closeOperation(served.operation), target: served.target, outcome: served.outcome, durationMs: Math.round(served.seconds * 100_000) / 100 }, 'served');
  };
}
