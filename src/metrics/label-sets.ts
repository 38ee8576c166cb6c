/**
 * The closed label sets of understudy's metrics (docs/architecture.md §4 "Observability and admin").
 * Every label value is drawn from a fixed list; anything else is recorded as `other`, so a
 * client-controlled string can never mint a new time series.
 */

/** The value recorded for any label value outside its known set. */
export const OTHER_LABEL = 'other';

export const REQUEST_TARGETS = ['vendor', 'platform', 'shadow', 'none'] as const;
/** Where a request was served from; `none` when it never reached an upstream (bad input). */
export type RequestTarget = (typeof REQUEST_TARGETS)[number];

export const REQUEST_OUTCOMES = ['ok', 'vendor_error', 'upstream_error', 'timeout', 'bad_request', 'fallback'] as const;
/** How a request ended, as the device saw it. */
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number];

export const DECISION_REASONS = [
  'kill-switch-global',
  'kill-switch-operation',
  'qa-override',
  'rule',
  'rule-percent-out',
  'default',
] as const;
/** Why the policy chose a target (docs/architecture.md §4 "Policy"). */
export type DecisionReason = (typeof DECISION_REASONS)[number];

export const UPSTREAMS = ['vendor', 'platform'] as const;
/** The two systems understudy calls. */
export type Upstream = (typeof UPSTREAMS)[number];

export const UPSTREAM_ERROR_KINDS = ['timeout', 'connect', 'reset', 'http_5xx', 'invalid', 'breaker_open'] as const;
/** How an upstream call failed (docs/architecture.md §5). */
export type UpstreamErrorKind = (typeof UPSTREAM_ERROR_KINDS)[number];

export const RELOAD_RESULTS = ['applied', 'rejected'] as const;
/** Whether a new policy version was swapped in. */
export type ReloadResult = (typeof RELOAD_RESULTS)[number];

export const RELOAD_SOURCES = ['file', 'admin'] as const;
/** What triggered a policy reload. */
export type ReloadSource = (typeof RELOAD_SOURCES)[number];

export const BREAKER_STATES = ['closed', 'half-open', 'open'] as const;
/** Circuit breaker state; exported as its index (0 closed, 1 half-open, 2 open). */
export type BreakerState = (typeof BREAKER_STATES)[number];

/** A membership test that maps anything outside `known` to `other`. */
export type LabelCloser = (value: unknown) => string;

/** Builds a closer over a fixed list of label values. */
export function createLabelCloser(known: readonly string[]): LabelCloser {
  const allowed = new Set(known);
  return (value) => (typeof value === 'string' && allowed.has(value) ? value : OTHER_LABEL);
}
