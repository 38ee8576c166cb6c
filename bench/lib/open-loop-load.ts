import { Pool } from 'undici';

/** One kind of request the load sends. */
export interface LoadRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: string;
  readonly headers?: Record<string, string>;
}

export interface LoadOptions {
  readonly origin: string;
  /** Requests per second, sent on schedule whatever the answers (open loop: no coordinated omission). */
  readonly rate: number;
  readonly durationMs: number;
  /** Called per request to choose what to send (index counts from 0). */
  readonly request: (index: number) => LoadRequest;
  readonly connections?: number;
  /** Expected HTTP status (default 200); anything else counts as an error. */
  readonly expectStatus?: number;
  /** When given, an answer with the expected status whose body this refuses also counts as an error. */
  readonly acceptBody?: (body: string) => boolean;
}

/** What one stretch of load saw, unsummarised, so stretches can be merged before percentiles. */
export interface LoadSlice {
  readonly sent: number;
  readonly ok: number;
  readonly errors: number;
  readonly elapsedMs: number;
  /** Milliseconds from each request's scheduled send to the end of its answer. */
  readonly latencies: readonly number[];
}

export interface LoadResult {
  readonly sent: number;
  readonly ok: number;
  readonly errors: number;
  readonly achievedRate: number;
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly p999: number; readonly max: number };
}

/** The p-th percentile (0–100) of sorted values; 0 when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Sends requests at a fixed rate for a fixed time and records latency from each scheduled send time. */
export async function runLoadSlice(options: LoadOptions): Promise<LoadSlice> {
  const pool = new Pool(options.origin, { connections: options.connections ?? 64, pipelining: 1 });
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  const total = Math.floor((options.rate * options.durationMs) / 1000);
  const intervalMs = 1000 / options.rate;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = start + i * intervalMs;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const req = options.request(i);
    // Open loop: a late send counts from its schedule (no coordinated omission); an early one from when it left.
    const from = Math.min(scheduled, performance.now());
    inFlight.push(
      pool
        .request({ method: req.method, path: req.path, body: req.body, headers: req.headers })
        .then(async (res) => {
          const body = options.acceptBody === undefined ? (await res.body.dump(), '') : await res.body.text();
          latencies.push(performance.now() - from);
          if (res.statusCode === (options.expectStatus ?? 200) && (options.acceptBody?.(body) ?? true)) ok++;
          else errors++;
        })
        .catch(() => {
          errors++;
        }),
    );
  }
  await Promise.all(inFlight);
  const elapsedMs = performance.now() - start;
  await pool.close();
  return { sent: total, ok, errors, elapsedMs, latencies };
}

/** Merges slices of one target into one result: counts add up, percentiles come from every latency. */
export function summariseSlices(slices: readonly LoadSlice[]): LoadResult {
  const latencies = slices.flatMap((slice) => slice.latencies).sort((a, b) => a - b);
  const sent = slices.reduce((n, slice) => n + slice.sent, 0);
  const elapsedMs = slices.reduce((n, slice) => n + slice.elapsedMs, 0);
  return {
    sent,
    ok: slices.reduce((n, slice) => n + slice.ok, 0),
    errors: slices.reduce((n, slice) => n + slice.errors, 0),
    achievedRate: elapsedMs === 0 ? 0 : (sent * 1000) / elapsedMs,
    latencyMs: { p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99), p999: percentile(latencies, 99.9), max: latencies[latencies.length - 1] ?? 0 },
  };
}
