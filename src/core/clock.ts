/** Time source; injected so expiry and ordering can be tested without waiting. */
export interface Clock {
  /** Milliseconds since the epoch. */
  nowMs(): number;
}

/** The wall clock. */
export const systemClock: Clock = { nowMs: () => Date.now() };

/** Whole epoch seconds, the vendor's date unit (brief §2.5). */
export function epochSeconds(clock: Clock): number {
  return Math.floor(clock.nowMs() / 1000);
}

/**
 * A clock that runs with the system clock plus an adjustable offset (tests and the sims' time knob).
 * The offset is kept in whole milliseconds, so the time stays an integer (stores keep it as bigint).
 */
export class OffsetClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly base: Clock = systemClock) {}
  nowMs(): number {
    return this.base.nowMs() + this.offsetMs;
  }
  /** Moves time forward (or back) by the given number of seconds. */
  advanceSeconds(seconds: number): void {
    this.offsetMs += Math.round(seconds * 1000);
  }
  /** Sets the total offset from the base clock. */
  setOffsetSeconds(seconds: number): void {
    this.offsetMs = Math.round(seconds * 1000);
  }
  /** The total offset from the base clock, in seconds. */
  offsetSeconds(): number {
    return this.offsetMs / 1000;
  }
}

/**
 * The sims' `PUT /__sim/clock {offsetSeconds}` (docs/lab-rules.md "Clock"): shifts the clock by
 * that much from where it stood when the sim started (lab time stays lab time), not from the wall
 * clock; each call replaces the previous shift.
 */
export function createClockShifter(clock: OffsetClock): (offsetSeconds: number) => void {
  const startOffset = clock.offsetSeconds();
  return (offsetSeconds) => clock.setOffsetSeconds(startOffset + offsetSeconds);
}
