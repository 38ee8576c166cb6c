import type { Clock } from '../core/clock';

/**
 * Counts of named events over the last `windowMs`, kept in `buckets` slices so memory stays fixed
 * and old events fall out slice by slice (used by the breaker and the retry budget).
 */
export class RollingCounts<K extends string> {
  private readonly sliceMs: number;
  private readonly slices: { start: number; counts: Map<K, number> }[] = [];

  constructor(
    private readonly clock: Clock,
    windowMs: number,
    private readonly buckets = 10,
  ) {
    this.sliceMs = Math.max(1, Math.ceil(windowMs / buckets));
  }

  /** Adds one event of `kind` now. */
  add(kind: K): void {
    const start = Math.floor(this.clock.nowMs() / this.sliceMs) * this.sliceMs;
    let slice = this.slices[this.slices.length - 1];
    if (slice === undefined || slice.start !== start) {
      slice = { start, counts: new Map() };
      this.slices.push(slice);
      this.prune();
    }
    slice.counts.set(kind, (slice.counts.get(kind) ?? 0) + 1);
  }

  /** Events of `kind` within the window. */
  count(kind: K): number {
    this.prune();
    let total = 0;
    for (const slice of this.slices) total += slice.counts.get(kind) ?? 0;
    return total;
  }

  /** Forgets everything. */
  clear(): void {
    this.slices.length = 0;
  }

  private prune(): void {
    const oldest = Math.floor(this.clock.nowMs() / this.sliceMs) * this.sliceMs - (this.buckets - 1) * this.sliceMs;
    while (this.slices.length > 0 && this.slices[0]!.start < oldest) this.slices.shift();
  }
}
