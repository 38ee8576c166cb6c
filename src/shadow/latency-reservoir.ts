/** A ring of the last `capacity` latencies, for p99 gates (bounded; no per-sample allocation). */
export class LatencyReservoir {
  private readonly values: Float64Array;
  private size = 0;
  private next = 0;

  constructor(capacity = 1000) {
    this.values = new Float64Array(capacity);
  }

  /** Records one latency in milliseconds. */
  add(ms: number): void {
    this.values[this.next] = ms;
    this.next = (this.next + 1) % this.values.length;
    this.size = Math.min(this.size + 1, this.values.length);
  }

  count(): number {
    return this.size;
  }

  /** The q-quantile (0–1) of what is held, or undefined when empty. */
  quantile(q: number): number | undefined {
    if (this.size === 0) return undefined;
    const sorted = Array.from(this.values.subarray(0, this.size)).sort((a, b) => a - b);
    return sorted[Math.min(this.size - 1, Math.max(0, Math.ceil(q * this.size) - 1))];
  }
}
