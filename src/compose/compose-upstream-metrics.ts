/**
 * Wiring of the upstream metrics: the observer each upstream client reports to, turning the
 * clients' failure vocabulary (upstream-error.ts) into the closed `kind` label of
 * `understudy_upstream_errors_total` (docs/observability.md).
 */
import type { FacadeMetrics } from '../metrics/facade-metrics';
import type { Upstream, UpstreamErrorKind as MetricErrorKind } from '../metrics/label-sets';
import type { UpstreamErrorKind } from '../upstream/upstream-error';
import type { UpstreamObserver } from '../upstream/upstream-observer';

const metricKinds: Readonly<Record<UpstreamErrorKind, MetricErrorKind | 'other'>> = {
  timeout: 'timeout',
  refused: 'connect',
  reset: 'reset',
  status: 'http_5xx',
  invalid: 'invalid',
  'breaker-open': 'breaker_open',
  other: 'other',
};

/** The observer for one upstream, recording into `metrics`. */
export function observeUpstream(metrics: FacadeMetrics, upstream: Upstream): UpstreamObserver {
  return {
    onDuration: (operation, seconds) => metrics.recordUpstream({ upstream, operation, seconds }),
    onError: (kind) => metrics.recordUpstreamError({ upstream, kind: metricKinds[kind] as MetricErrorKind }),
  };
}
