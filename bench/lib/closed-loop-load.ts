/**
 * Closed-loop load for the saturation bench: `connections` loops each send the next request as
 * soon as the previous answer ends, so the target runs as fast as it can; what counts is how many
 * answers it gave per second of its own CPU (max req/s per core).
 */
import { Pool } from 'undici';
import type { LoadRequest } from './open-loop-load';

export interface ClosedLoopOptions {
  readonly origin: string;
  readonly connections: number;
  readonly durationMs: number;
  readonly request: () => LoadRequest;
  /** A 200 counts only when its body contains this (a vendor error inside a 200 is an error here). */
  readonly expectBody?: string;
}

/** What one closed-loop stretch saw. */
export interface ClosedLoopSlice {
  readonly completed: number;
  readonly errors: number;
  readonly elapsedMs: number;
  readonly latencies: readonly number[];
}

async function loop(pool: Pool, options: ClosedLoopOptions, until: number, slice: { completed: number; errors: number; latencies: number[] }): Promise<void> {
  while (performance.now() < until) {
    const req = options.request();
    const sent = performance.now();
    try {
      const res = await pool.request({ method: req.method, path: req.path, body: req.body, headers: req.headers });
      const text = await res.body.text();
      slice.latencies.push(performance.now() - sent);
      if (res.statusCode === 200 && (options.expectBody === undefined || text.includes(options.expectBody))) slice.completed++;
      else slice.errors++;
    } catch {
      slice.errors++;
    }
  }
}

/** Runs the closed loop for `durationMs`. */
export async function runClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopSlice> {
  const pool = new Pool(options.origin, { connections: options.connections, pipelining: 1 });
  const slice = { completed: 0, errors: 0, latencies: [] as number[] };
  const start = performance.now();
  const until = start + options.durationMs;
  await Promise.all(Array.from({ length: options.connections }, () => loop(pool, options, until, slice)));
  const elapsedMs = performance.now() - start;
  await pool.close();
  return { ...slice, elapsedMs };
}
