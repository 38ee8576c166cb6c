/**
 * Per-process parity bookkeeping for the shadow executor: deltas per operation and region waiting
 * to be flushed to the parity store, and a gate window per operation (counts and latencies since
 * its last migration transition) that promotion gates read. Bounded in keys.
 */
import { LatencyReservoir } from './latency-reservoir';
import { countCandidateError, countNoiseSample, countSample, emptyOperationCounts, type CountedSample, type OperationCounts } from './parity-counts';
import type { Difference } from './diff-types';

/** What promotion gates see for one operation since its last transition. */
export interface GateWindow {
  readonly counts: OperationCounts;
  readonly primaryMs: LatencyReservoir;
  readonly candidateMs: LatencyReservoir;
  sinceMs: number;
}

const maxKeys = 2000;

export class ParityAccumulator {
  private deltas = new Map<string, OperationCounts>();
  /** Calls per operation since the last flush (region-less: the compared share is per operation). */
  private calls = new Map<string, number>();
  private readonly windows = new Map<string, GateWindow>();

  constructor(private readonly nowMs: () => number) {}

  private delta(operation: string, region: string): OperationCounts | undefined {
    const key = `${operation}\n${region}`;
    let counts = this.deltas.get(key);
    if (counts === undefined) {
      if (this.deltas.size >= maxKeys) return undefined;
      counts = emptyOperationCounts(operation, region);
      this.deltas.set(key, counts);
    }
    return counts;
  }

  /** The gate window of an operation (created on first use). */
  window(operation: string): GateWindow {
    let window = this.windows.get(operation);
    if (window === undefined) {
      window = { counts: emptyOperationCounts(operation, ''), primaryMs: new LatencyReservoir(), candidateMs: new LatencyReservoir(), sinceMs: this.nowMs() };
      if (this.windows.size < maxKeys) this.windows.set(operation, window);
    }
    return window;
  }

  /** Starts a fresh gate window (after a transition, old samples must not mask new behaviour). */
  resetWindow(operation: string): void {
    this.windows.delete(operation);
  }

  /** Counts one call of an operation (every route; the caller passes known operations only). */
  countCall(operation: string): void {
    const count = this.calls.get(operation);
    if (count !== undefined) this.calls.set(operation, count + 1);
    else if (this.calls.size < maxKeys) this.calls.set(operation, 1);
  }

  /** Records one compared sample. */
  addSample(operation: string, region: string, sample: CountedSample): void {
    const delta = this.delta(operation, region);
    if (delta !== undefined) countSample(delta, sample);
    const window = this.window(operation);
    countSample(window.counts, { ...sample, example: undefined });
    if (sample.primaryMs !== undefined) window.primaryMs.add(sample.primaryMs);
    if (sample.candidateMs !== undefined) window.candidateMs.add(sample.candidateMs);
  }

  /** Records one vendor-vs-vendor noise sample. */
  addNoise(operation: string, region: string, differences: readonly Difference[]): void {
    const delta = this.delta(operation, region);
    if (delta !== undefined) countNoiseSample(delta, differences);
    countNoiseSample(this.window(operation).counts, differences);
  }

  /** Records a candidate that failed or timed out. */
  addCandidateError(operation: string, region: string): void {
    const delta = this.delta(operation, region);
    if (delta !== undefined) countCandidateError(delta);
    countCandidateError(this.window(operation).counts);
  }

  /** Hands over the deltas collected since the last call and starts new ones (store flush). */
  takeDeltas(): OperationCounts[] {
    for (const [operation, calls] of this.calls) {
      const delta = this.delta(operation, '');
      if (delta !== undefined) delta.calls += calls;
    }
    this.calls = new Map();
    const taken = [...this.deltas.values()];
    this.deltas = new Map();
    return taken;
  }
}
