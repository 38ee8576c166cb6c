/**
 * Where understudy's Prometheus metrics are scraped: the one place tests take it from. `/metrics`
 * is served on the admin port behind the bearer token (src/http/admin-app.ts). Change it here and in
 * deploy/kubernetes/base/servicemonitor.yaml together; deploy-manifests-code.test.ts keeps the two
 * in agreement, and the real-scrape test scrapes whatever this says.
 */
import type { RunningUnderstudy } from '../../src/main';

/** Which container port serves the metrics (named `device` or `admin` in the Deployment), at which path, with or without the admin bearer token. */
export interface MetricsEndpoint {
  readonly portRole: 'device' | 'admin';
  readonly path: string;
  readonly bearer: boolean;
}

/** The metrics endpoint understudy serves today. */
export const metricsEndpoint: MetricsEndpoint = { portRole: 'admin', path: '/metrics', bearer: true };

/** How Prometheus reaches one running instance's metrics. */
export interface MetricsScrapeTarget {
  readonly path: string;
  /** `host:port` of the running instance. */
  readonly hostPort: string;
  readonly bearerToken?: string;
}

/** The scrape target of a running understudy. */
export function metricsScrapeTarget(running: RunningUnderstudy): MetricsScrapeTarget {
  const base = metricsEndpoint.portRole === 'device' ? running.url : running.adminUrl;
  return { path: metricsEndpoint.path, hostPort: new URL(base).host, ...(metricsEndpoint.bearer ? { bearerToken: running.adminToken } : {}) };
}
