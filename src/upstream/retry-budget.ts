/**
 * Retries for idempotent reads only, within a budget (docs/architecture.md §5): at most `ratio` retries per
 * request over a rolling window, plus a small floor so a quiet upstream can still retry. A budget,
 * not a per-call count, is what keeps retries from multiplying load on an upstream that is failing.
 */
import type { Clock } from '../core/clock';
import { BreakerOpenError } from './circuit-breaker';
import { RollingCounts } from './rolling-window';

export interface RetryBudgetOptions {
  readonly clock: Clock;
  /** Default 10 s. */
  readonly windowMs?: number;
  /** Retries allowed per request in the window (default 0.1 = 10%). */
  readonly ratio?: number;
  /** Retries always allowed per window regardless of traffic (default 10). */
  readonly minRetries?: number;
}

export interface RetryBudget {
  /** Counts one first attempt. */
  recordRequest(): void;
  /** Takes one retry from the budget; false when it is spent. */
  tryRetry(): boolean;
}

/** Creates a budget shared by every call to one upstream. */
export function createRetryBudget(options: RetryBudgetOptions): RetryBudget {
  const counts = new RollingCounts<'request' | 'retry'>(options.clock, options.windowMs ?? 10_000);
  const ratio = options.ratio ?? 0.1;
  const floor = options.minRetries ?? 10;
  return {
    recordRequest: () => counts.add('request'),
    tryRetry() {
      if (counts.count('retry') >= floor + ratio * counts.count('request')) return false;
      counts.add('retry');
      return true;
    },
  };
}

export interface RetryOptions {
  /** Only idempotent reads are retried (docs/architecture.md §5); writes run exactly once. */
  readonly idempotent: boolean;
  readonly budget: RetryBudget;
  /** Which failures are worth a second try (default: any but an open breaker). */
  readonly isRetryable?: (error: unknown) => boolean;
}

const defaultRetryable = (error: unknown): boolean => !(error instanceof BreakerOpenError);

/** Runs `fn`; when it rejects, runs it once more if the call is idempotent and the budget allows. */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  options.budget.recordRequest();
  try {
    return await fn();
  } catch (error) {
    const retryable = options.isRetryable ?? defaultRetryable;
    if (!options.idempotent || !retryable(error) || !options.budget.tryRetry()) throw error;
    return fn();
  }
}
