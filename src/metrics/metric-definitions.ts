import { Counter, Gauge, Registry } from 'prom-client';
import { PlainCounter, PlainHistogram } from './plain-labelled-metrics';

/** Every metric name starts with this (docs/architecture.md §4 "Observability and admin"). */
export const METRIC_PREFIX = 'understudy_';

/**
 * Latency buckets in seconds, from a cached answer (0.5 ms) to the slowest upstream call worth
 * telling apart from a timeout (5 s).
 */
export const LATENCY_BUCKETS: readonly number[] = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
];

/** Creates understudy's own metrics, registered into `registry` only (never the global one). */
export function defineFacadeMetrics(registry: Registry, readInflight: () => number = () => 0) {
  const registers = [registry];
  const buckets = [...LATENCY_BUCKETS];
  return {
    requests: new PlainCounter({
      name: `${METRIC_PREFIX}requests_total`,
      help: 'Vendor API requests answered, by operation, serving target and outcome.',
      labelNames: ['operation', 'target', 'outcome'] as const,
      registers,
    }),
    requestDuration: new PlainHistogram({
      name: `${METRIC_PREFIX}request_duration_seconds`,
      help: 'Time from request received to response sent, by operation and target.',
      labelNames: ['operation', 'target'] as const,
      buckets,
      registers,
    }),
    upstreamDuration: new PlainHistogram({
      name: `${METRIC_PREFIX}upstream_duration_seconds`,
      help: 'Duration of calls to an upstream (vendor or platform), by operation.',
      labelNames: ['upstream', 'operation'] as const,
      buckets,
      registers,
    }),
    decisions: new PlainCounter({
      name: `${METRIC_PREFIX}decisions_total`,
      help: 'Policy decisions, by operation, chosen target and reason.',
      labelNames: ['operation', 'target', 'reason'] as const,
      registers,
    }),
    policyVersion: new Gauge({
      name: `${METRIC_PREFIX}policy_version`,
      help: 'Version of the policy rule set currently applied.',
      registers,
    }),
    policyReloads: new Counter({
      name: `${METRIC_PREFIX}policy_reloads_total`,
      help: 'Policy reload attempts, by result and source.',
      labelNames: ['result', 'source'] as const,
      registers,
    }),
    upstreamErrors: new Counter({
      name: `${METRIC_PREFIX}upstream_errors_total`,
      help: 'Failed upstream calls, by upstream and kind of failure.',
      labelNames: ['upstream', 'kind'] as const,
      registers,
    }),
    breakerState: new Gauge({
      name: `${METRIC_PREFIX}breaker_state`,
      help: 'Circuit breaker state per upstream: 0 closed, 1 half-open, 2 open.',
      labelNames: ['upstream'] as const,
      registers,
    }),
    contractViolations: new Counter({
      name: `${METRIC_PREFIX}contract_violations_total`,
      help: 'Sampled responses that failed validation against the vendor contract, by operation.',
      labelNames: ['operation'] as const,
      registers,
    }),
    inflight: new Gauge({
      name: `${METRIC_PREFIX}inflight_requests`,
      help: 'Requests received and not yet answered.',
      registers,
      // Read at scrape time: setting a gauge twice per request was measurable on the hot path.
      collect() {
        this.set(readInflight());
      },
    }),
    draining: new Gauge({
      name: `${METRIC_PREFIX}draining`,
      help: '1 while the instance drains before shutdown, else 0.',
      registers,
    }),
  };
}

/** The metric objects behind a facade metrics instance. */
export type FacadeMetricSet = ReturnType<typeof defineFacadeMetrics>;
