import type { IncomingMessage, ServerResponse } from 'node:http';

/** Fault knobs both sims offer for reliability tests (docs/architecture.md §6). */
export interface FaultSettings {
  /** Added to every answer, milliseconds. */
  latencyMs: number;
  /** Uniform extra delay 0..jitterMs. */
  jitterMs: number;
  /** Share of requests (0..1) answered with HTTP 503 instead of being served. */
  errorRate: number;
  /** Share of requests (0..1) whose connection is reset without an answer. */
  resetRate: number;
}

export const noFaults: Readonly<FaultSettings> = Object.freeze({ latencyMs: 0, jitterMs: 0, errorRate: 0, resetRate: 0 });

/** Validates and merges a partial fault update; returns an error text for bad values. */
export function mergeFaults(current: FaultSettings, update: unknown): FaultSettings | string {
  if (typeof update !== 'object' || update === null || Array.isArray(update)) return 'faults must be an object';
  const next: FaultSettings = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (!(key in noFaults)) return `unknown fault knob: ${key}`;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return `${key} must be a non-negative number`;
    if ((key === 'errorRate' || key === 'resetRate') && value > 1) return `${key} must be between 0 and 1`;
    next[key as keyof FaultSettings] = value;
  }
  return next;
}

/**
 * Applies the knobs to one request before it is served. Returns true when the request was
 * consumed by a fault (reset or 503) and must not be served.
 */
export async function applyFaults(faults: FaultSettings, req: IncomingMessage, res: ServerResponse, random: () => number = Math.random): Promise<boolean> {
  const delay = faults.latencyMs + (faults.jitterMs > 0 ? random() * faults.jitterMs : 0);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  if (faults.resetRate > 0 && random() < faults.resetRate) {
    req.socket.destroy();
    return true;
  }
  if (faults.errorRate > 0 && random() < faults.errorRate) {
    res.writeHead(503, { 'content-type': 'text/plain', connection: 'close' });
    res.end('simulated outage');
    return true;
  }
  return false;
}
