/** vendor-sim's control endpoints (`/__sim/…`): reset, fault knobs, clock, health. Not vendor API. */
import type { FaultSettings } from './faults';

export interface SimControlTarget {
  reset(): void;
  getFaults(): FaultSettings;
  setFaults(update: unknown): FaultSettings | string;
  setClockOffset(offsetSeconds: number): void;
  nowMs(): number;
}

export interface SimControlAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** True for paths the control surface owns. */
export function isControlPath(pathname: string): boolean {
  return pathname === '/__sim' || pathname.startsWith('/__sim/');
}

function parseJson(body: string): unknown {
  try {
    return body.trim() === '' ? {} : (JSON.parse(body) as unknown);
  } catch {
    return undefined;
  }
}

/** Answers a control request. */
export function handleSimControl(method: string, pathname: string, body: string, target: SimControlTarget): SimControlAnswer {
  const route = `${method} ${pathname.replace(/\/+$/, '')}`;
  if (route === 'GET /__sim/health') {
    const nowMs = target.nowMs();
    return { status: 200, body: { status: 'ok', now: Math.floor(nowMs / 1000), nowMs } };
  }
  if (route === 'POST /__sim/reset') {
    target.reset();
    return { status: 200, body: { reset: true } };
  }
  if (route === 'PUT /__sim/faults' || route === 'GET /__sim/faults') {
    if (method === 'GET') return { status: 200, body: target.getFaults() };
    const next = target.setFaults(parseJson(body) ?? null);
    return typeof next === 'string' ? { status: 400, body: { error: next } } : { status: 200, body: next };
  }
  if (route === 'PUT /__sim/clock') {
    const parsed = parseJson(body);
    const offset = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).offsetSeconds : undefined;
    if (typeof offset !== 'number' || !Number.isFinite(offset)) return { status: 400, body: { error: 'offsetSeconds must be a number' } };
    target.setClockOffset(offset);
    return { status: 200, body: { offsetSeconds: offset, now: Math.floor(target.nowMs() / 1000) } };
  }
  return { status: 404, body: { error: `unknown control endpoint ${route}` } };
}
