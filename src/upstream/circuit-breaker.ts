/**
 * A circuit breaker per upstream (docs/architecture.md §5): closed → open after too many failures in a
 * rolling window (a count, or a ratio over enough calls); open → half-open after a cool-down;
 * half-open lets one probe through, whose outcome closes or re-opens the circuit.
 */
import type { Clock } from '../core/clock';
import { RollingCounts } from './rolling-window';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Names the upstream in errors and callbacks, e.g. `vendor`. */
  readonly name: string;
  readonly clock: Clock;
  /** Rolling window for counting (default 10 s). */
  readonly windowMs?: number;
  /** Opens at this many failures in the window (default 20). */
  readonly failureThreshold?: number;
  /** …or at this failure ratio, once the window holds `minimumCalls` calls (default 0.5 over 20). */
  readonly failureRatio?: number;
  readonly minimumCalls?: number;
  /** Open for this long before a probe is let through (default 5 s). */
  readonly coolDownMs?: number;
  /** Told about every state change (for the `breaker_state` metric). */
  readonly onStateChange?: (to: BreakerState, from: BreakerState, name: string) => void;
}

/** Rejected by `run` while the circuit is open: the call was not tried. */
export class BreakerOpenError extends Error {
  readonly kind = 'breaker-open' as const;
  constructor(readonly upstream: string) {
    super(`circuit breaker for ${upstream} is open`);
    this.name = 'BreakerOpenError';
  }
}

/** Permission for one call; report exactly one outcome (later reports are ignored). */
export interface BreakerTicket {
  succeed(): void;
  fail(): void;
  /** No outcome to report (the client went away first): frees a half-open probe slot. */
  cancel(): void;
}

export interface CircuitBreaker {
  readonly name: string;
  state(): BreakerState;
  /** A ticket when a call may go ahead, undefined when it must fail fast. */
  tryAcquire(): BreakerTicket | undefined;
  /** Runs `fn` under the breaker; a rejection counts as a failure unless `isFailure` says no. */
  run<T>(fn: () => Promise<T>, isFailure?: (error: unknown) => boolean): Promise<T>;
}

/** Creates a breaker in the closed state. */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const threshold = options.failureThreshold ?? 20;
  const ratio = options.failureRatio ?? 0.5;
  const minimumCalls = options.minimumCalls ?? 20;
  const coolDownMs = options.coolDownMs ?? 5000;
  const counts = new RollingCounts<'call' | 'failure'>(options.clock, options.windowMs ?? 10_000);
  let current: BreakerState = 'closed';
  let openedAt = 0;
  let probing = false;

  const moveTo = (next: BreakerState): void => {
    if (next === current) return;
    const from = current;
    current = next;
    if (next === 'open') openedAt = options.clock.nowMs();
    if (next === 'closed') counts.clear();
    options.onStateChange?.(next, from, options.name);
  };
  const tooManyFailures = (): boolean => {
    const failures = counts.count('failure');
    const calls = counts.count('call');
    return failures >= threshold || (calls >= minimumCalls && failures / calls >= ratio);
  };
  const settle = (probe: boolean, failed: boolean): void => {
    if (probe) {
      probing = false;
      moveTo(failed ? 'open' : 'closed');
      return;
    }
    if (current !== 'closed') return;
    counts.add('call');
    if (failed) counts.add('failure');
    if (failed && tooManyFailures()) moveTo('open');
  };
  const ticketFor = (probe: boolean): BreakerTicket => {
    let done = false;
    const once = (outcome: 'ok' | 'failed' | 'none') => () => {
      if (done) return;
      done = true;
      if (outcome !== 'none') settle(probe, outcome === 'failed');
      else if (probe) probing = false;
    };
    return { succeed: once('ok'), fail: once('failed'), cancel: once('none') };
  };
  const tryAcquire = (): BreakerTicket | undefined => {
    if (current === 'open' && options.clock.nowMs() - openedAt >= coolDownMs) moveTo('half-open');
    if (current === 'closed') return ticketFor(false);
    if (current === 'half-open' && !probing) {
      probing = true;
      return ticketFor(true);
    }
    return undefined;
  };
  return {
    name: options.name,
    state: () => {
      if (current === 'open' && options.clock.nowMs() - openedAt >= coolDownMs) moveTo('half-open');
      return current;
    },
    tryAcquire,
    async run(fn, isFailure = () => true) {
      const ticket = tryAcquire();
      if (ticket === undefined) throw new BreakerOpenError(options.name);
      try {
        const value = await fn();
        ticket.succeed();
        return value;
      } catch (error) {
        if (isFailure(error)) ticket.fail();
        else ticket.succeed();
        throw error;
      }
    },
  };
}
