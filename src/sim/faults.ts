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
  /**
   * Share of requests (0..1) that are served (a write is applied) and whose answer is then lost: the
   * connection is reset instead, so the caller cannot tell and retries — the write is delivered twice.
   */
  duplicateRate: number;
}

export const noFaults: Readonly<FaultSettings> = Object.freeze({ latencyMs: 0, jitterMs: 0, errorRate: 0, resetRate: 0, duplicateRate: 0 });

const shares = new Set(['errorRate', 'resetRate', 'duplicateRate']);

/** Validates and merges a partial fault update; returns an error text for bad values. */
export function mergeFaults(current: FaultSettings, update: unknown): FaultSettings | string {
  if (typeof update !== 'object' || update === null || Array.isArray(update)) return 'faults must be an object';
  const next: FaultSettings = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (!(key in noFaults)) return `unknown fault knob: ${key}`;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return `${key} must be a non-negative number`;
    if (shares.has(key) && value > 1) return `${key} must be between 0 and 1`;
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

/**
 * Decides, before a request is served, whether its answer will be lost (`duplicateRate`): the sim
 * serves it and then resets the connection instead of answering.
 */
export function willLoseAnswer(faults: FaultSettings, random: () => number = Math.random): boolean {
  return faults.duplicateRate > 0 && random() < faults.duplicateRate;
}

