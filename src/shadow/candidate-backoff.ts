/**
 * Backoff for the shadow candidate (issue: "backs off when the platform is slow or failing"): after
 * `failureThreshold` failures or slow answers in a row, shadowing pauses for a period that doubles
 * up to `maxPauseMs`; after a pause one probe decides whether to resume or pause longer.
 */

export interface BackoffSettings {
  readonly failureThreshold: number;
  /** An answer slower than this counts as a failure (the platform is struggling). */
  readonly slowMs: number;
  readonly initialPauseMs: number;
  readonly maxPauseMs: number;
}

export const defaultBackoff: BackoffSettings = { failureThreshold: 5, slowMs: 1000, initialPauseMs: 1000, maxPauseMs: 30_000 };

export class CandidateBackoff {
  private failures = 0;
  private pauseMs = 0;
  private pausedUntilMs = 0;
  private probing = false;

  constructor(
    private readonly settings: BackoffSettings,
    private readonly nowMs: () => number,
  ) {}

  /** True when a new sample may start now (false while paused, or while the probe is out). */
  admits(): boolean {
    if (this.pauseMs === 0) return true;
    if (this.nowMs() < this.pausedUntilMs || this.probing) return false;
    this.probing = true;
    return true;
  }

  /** Gives back a probe admitted by `admits` that never ran (the queue refused it). */
  release(): void {
    this.probing = false;
  }

  /** True while shadowing is paused. */
  paused(): boolean {
    return this.pauseMs > 0 && (this.nowMs() < this.pausedUntilMs || this.probing);
  }

  /** Records how a candidate run went. */
  record(outcome: { readonly failed: boolean; readonly ms: number }): void {
    const bad = outcome.failed || outcome.ms > this.settings.slowMs;
    if (!bad) {
      this.failures = 0;
      this.pauseMs = 0;
      this.probing = false;
      return;
    }
    this.failures++;
    if (this.probing || this.failures >= this.settings.failureThreshold) {
      this.pauseMs = this.pauseMs === 0 ? this.settings.initialPauseMs : Math.min(this.pauseMs * 2, this.settings.maxPauseMs);
      this.pausedUntilMs = this.nowMs() + this.pauseMs;
      this.probing = false;
    }
  }
}
