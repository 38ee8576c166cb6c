/**
 * Coverage counts per UTC day, as they travel between the facade and the store (issue 14
 * "Coverage"; migration 14): an instance buffers the calls it routes, adds them to the day's row
 * now and then, and reports read back the sum of every instance and day. Pure: no I/O here.
 */
import type { CoverageEntry, CoverageReport } from './coverage-tally';

/** One operation's counts on one day (a delta to add, or a stored total). */
export interface CoverageDayCount {
  /** UTC day, `YYYY-MM-DD`. */
  readonly day: string;
  readonly operation: string;
  readonly seen: number;
  readonly translated: number;
  readonly passedThrough: number;
  readonly firstSeenMs: number;
  readonly lastSeenMs: number;
}

/** Where day counts are kept (the store implements it). */
export interface CoverageDayPort {
  /** Adds the deltas to their rows (creating them). */
  addCounts(deltas: readonly CoverageDayCount[]): Promise<void>;
  /** Every operation's totals over the day rows with calls at or after `sinceMs` (all rows without it). */
  readTotals(sinceMs?: number): Promise<CoverageDayCount[]>;
}

const dayMs = 86_400_000;
/** The last day `dayOf` formatted: every call of one day hits it (once per routed call, the hot path). */
let lastDay = { startMs: 0, endMs: 0, text: '' };

/** The UTC day of an epoch-millisecond instant. */
export function dayOf(ms: number): string {
  if (ms >= lastDay.startMs && ms < lastDay.endMs) return lastDay.text;
  const startMs = Math.floor(ms / dayMs) * dayMs;
  const text = new Date(ms).toISOString().slice(0, 10);
  if (Number.isFinite(startMs)) lastDay = { startMs, endMs: startMs + dayMs, text };
  return text;
}

/** Buffered deltas, bounded: at most `maxKeys` day+operation keys wait (more count under `other`). */
export interface CoverageDayBuffer {
  record(operation: string, target: 'vendor' | 'platform', nowMs: number): void;
  /** The deltas gathered since the last take; the buffer starts empty again. */
  take(): CoverageDayCount[];
}

interface Delta {
  day: string;
  operation: string;
  seen: number;
  translated: number;
  passedThrough: number;
  firstSeenMs: number;
  lastSeenMs: number;
}

/** A fresh buffer; `operation` must already be the tally's bounded key (a well-formed id or `other`). */
export function createCoverageDayBuffer(maxKeys = 4000): CoverageDayBuffer {
  let deltas = new Map<string, Delta>();
  return {
    record(operation, target, nowMs) {
      const day = dayOf(nowMs);
      let key = `${day} ${operation}`;
      if (!deltas.has(key) && deltas.size >= maxKeys - 1) key = `${day} other`;
      let delta = deltas.get(key);
      if (delta === undefined) deltas.set(key, (delta = { day, operation: key.slice(day.length + 1), seen: 0, translated: 0, passedThrough: 0, firstSeenMs: nowMs, lastSeenMs: nowMs }));
      delta.seen++;
      if (target === 'platform') delta.translated++;
      else delta.passedThrough++;
      delta.lastSeenMs = Math.max(delta.lastSeenMs, nowMs);
    },
    take() {
      const taken = [...deltas.values()];
      deltas = new Map();
      return taken;
    },
  };
}

function toIso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Builds the coverage report from stored totals; whether a translator exists is asked now, not stored. */
export function reportFromTotals(totals: readonly CoverageDayCount[], hasTranslator: (operation: string) => boolean, fallbackSinceMs: number): CoverageReport {
  const operations: CoverageEntry[] = totals
    .map((t) => ({ operation: t.operation, seen: t.seen, translated: t.translated, passedThrough: t.passedThrough, hasTranslator: t.operation !== 'other' && hasTranslator(t.operation), firstSeen: toIso(t.firstSeenMs), lastSeen: toIso(t.lastSeenMs) }))
    .sort((a, b) => b.seen - a.seen || (a.operation < b.operation ? -1 : 1));
  const sum = operations.reduce((s, e) => ({ seen: s.seen + e.seen, translated: s.translated + e.translated, passedThrough: s.passedThrough + e.passedThrough }), { seen: 0, translated: 0, passedThrough: 0 });
  const sinceMs = totals.reduce((min, t) => Math.min(min, t.firstSeenMs), fallbackSinceMs);
  return { since: toIso(sinceMs), operations, untranslated: operations.filter((e) => !e.hasTranslator).map((e) => e.operation), totals: sum };
}
