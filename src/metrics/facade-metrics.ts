import { collectDefaultMetrics, Registry } from 'prom-client';
import { cacheLabelChildren } from './label-child-cache';
import {
  BREAKER_STATES,
  createLabelCloser,
  DECISION_REASONS,
  RELOAD_RESULTS,
  RELOAD_SOURCES,
  REQUEST_OUTCOMES,
  REQUEST_TARGETS,
  UPSTREAM_ERROR_KINDS,
  UPSTREAMS,
  type BreakerState,
  type DecisionReason,
  type ReloadResult,
  type ReloadSource,
  type RequestOutcome,
  type RequestTarget,
  type Upstream,
  type UpstreamErrorKind,
} from './label-sets';
import { defineFacadeMetrics, METRIC_PREFIX, type FacadeMetricSet } from './metric-definitions';

/** One answered request. `operation` is an operation id; unknown ids are recorded as `other`. */
export interface RequestRecord {
  readonly operation: string;
  readonly target: RequestTarget;
  readonly outcome: RequestOutcome;
  readonly seconds: number;
}

/** One policy decision (docs/architecture.md §4 "Policy"). */
export interface DecisionRecord {
  readonly operation: string;
  readonly target: RequestTarget;
  readonly reason: DecisionReason;
}

/** One call to an upstream, successful or not. */
export interface UpstreamRecord {
  readonly upstream: Upstream;
  readonly operation: string;
  readonly seconds: number;
}

/** What `/metrics` answers with. */
export interface RenderedMetrics {
  readonly contentType: string;
  readonly body: string;
}

/** understudy's metrics over one private registry; every method is safe on the request hot path. */
export interface FacadeMetrics {
  /** The instance's own registry, for the few components that register extra collectors. */
  readonly registry: Registry;
  recordRequest(record: RequestRecord): void;
  recordDecision(record: DecisionRecord): void;
  recordUpstream(record: UpstreamRecord): void;
  recordUpstreamError(record: { readonly upstream: Upstream; readonly kind: UpstreamErrorKind }): void;
  setPolicyVersion(version: number): void;
  recordPolicyReload(record: { readonly result: ReloadResult; readonly source: ReloadSource }): void;
  setBreakerState(record: { readonly upstream: Upstream; readonly state: BreakerState }): void;
  recordContractViolation(record: { readonly operation: string }): void;
  /** Call when a request arrives; pair with `endRequest` in a `finally`. */
  beginRequest(): void;
  endRequest(): void;
  setDraining(draining: boolean): void;
  render(): Promise<RenderedMetrics>;
}

/** Options for {@link createFacadeMetrics}. */
export interface FacadeMetricsOptions {
  /** Operation ids of the vendor contract: the only values the `operation` label may take. */
  readonly operations: readonly string[];
}

/** A duration fit for a histogram: negative (clock skew) becomes 0, non-finite is dropped. */
function toObservableSeconds(seconds: number): number | undefined {
  if (!Number.isFinite(seconds)) return undefined;
  return seconds < 0 ? 0 : seconds;
}

/** One closer per label, so no client-controlled string becomes a label value. */
function createClosers(operations: readonly string[]) {
  return {
    operation: createLabelCloser(operations),
    target: createLabelCloser(REQUEST_TARGETS),
    outcome: createLabelCloser(REQUEST_OUTCOMES),
    reason: createLabelCloser(DECISION_REASONS),
    upstream: createLabelCloser(UPSTREAMS),
    errorKind: createLabelCloser(UPSTREAM_ERROR_KINDS),
    result: createLabelCloser(RELOAD_RESULTS),
    source: createLabelCloser(RELOAD_SOURCES),
  };
}

/** Memoised label children of the per-event metrics (the hot path). */
function cacheChildren(m: FacadeMetricSet) {
  return {
    requests: cacheLabelChildren((...v) => m.requests.labels(...v)),
    requestDuration: cacheLabelChildren((...v) => m.requestDuration.labels(...v)),
    upstreamDuration: cacheLabelChildren((...v) => m.upstreamDuration.labels(...v)),
    decisions: cacheLabelChildren((...v) => m.decisions.labels(...v)),
    upstreamErrors: cacheLabelChildren((...v) => m.upstreamErrors.labels(...v)),
    contractViolations: cacheLabelChildren((...v) => m.contractViolations.labels(...v)),
    policyReloads: cacheLabelChildren((...v) => m.policyReloads.labels(...v)),
  };
}

type EventRecorders = Pick<
  FacadeMetrics,
  'recordRequest' | 'recordDecision' | 'recordUpstream' | 'recordUpstreamError' | 'recordPolicyReload' | 'recordContractViolation'
>;

/** The counters and histograms, each label closed before its child is looked up. */
function bindEventRecorders(m: FacadeMetricSet, close: ReturnType<typeof createClosers>): EventRecorders {
  const child = cacheChildren(m);
  return {
    recordRequest({ operation, target, outcome, seconds }) {
      const op = close.operation(operation);
      const tg = close.target(target);
      child.requests(op, tg, close.outcome(outcome)).inc();
      const observed = toObservableSeconds(seconds);
      if (observed !== undefined) child.requestDuration(op, tg).observe(observed);
    },
    recordDecision({ operation, target, reason }) {
      child.decisions(close.operation(operation), close.target(target), close.reason(reason)).inc();
    },
    recordUpstream({ upstream, operation, seconds }) {
      const observed = toObservableSeconds(seconds);
      if (observed !== undefined) child.upstreamDuration(close.upstream(upstream), close.operation(operation)).observe(observed);
    },
    recordUpstreamError({ upstream, kind }) {
      child.upstreamErrors(close.upstream(upstream), close.errorKind(kind)).inc();
    },
    recordPolicyReload({ result, source }) {
      child.policyReloads(close.result(result), close.source(source)).inc();
    },
    recordContractViolation({ operation }) {
      child.contractViolations(close.operation(operation)).inc();
    },
  };
}

type StateSetters = Pick<FacadeMetrics, 'setPolicyVersion' | 'setBreakerState' | 'beginRequest' | 'endRequest' | 'setDraining'>;

/** The gauges, starting from a definite state so scrapes never show an absent series. */
function bindStateSetters(m: FacadeMetricSet, close: ReturnType<typeof createClosers>, inflight: { count: number }): StateSetters {
  for (const upstream of UPSTREAMS) m.breakerState.labels(upstream).set(0);
  m.inflight.set(0);
  m.draining.set(0);
  return {
    setPolicyVersion(version) {
      if (Number.isFinite(version)) m.policyVersion.set(version);
    },
    setBreakerState({ upstream, state }) {
      const index = BREAKER_STATES.indexOf(state);
      // An unknown state is a bug in the caller; reporting "open" is the conservative reading.
      m.breakerState.labels(close.upstream(upstream)).set(index < 0 ? 2 : index);
    },
    // The gauge reads the count when scraped (metric-definitions.ts).
    beginRequest() {
      inflight.count += 1;
    },
    endRequest() {
      // Never below zero, so one unpaired call cannot leave the gauge wrong for the process's life.
      inflight.count = inflight.count > 0 ? inflight.count - 1 : 0;
    },
    setDraining(draining) {
      m.draining.set(draining ? 1 : 0);
    },
  };
}

/** Creates a metrics instance with its own registry and the process metrics, all `understudy_`-prefixed. */
export function createFacadeMetrics(options: FacadeMetricsOptions = { operations: [] }): FacadeMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  const inflight = { count: 0 };
  const m = defineFacadeMetrics(registry, () => inflight.count);
  const close = createClosers(options.operations);
  return {
    registry,
    ...bindEventRecorders(m, close),
    ...bindStateSetters(m, close, inflight),
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
