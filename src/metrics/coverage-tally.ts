/**
 * Which vendor operations traffic uses and where they were answered (issue 14 "Coverage"): one
 * entry per operation id seen in a routing decision, with how often it was translated (platform)
 * or passed through (vendor), and whether understudy has a translator for it. Bounded: operation
 * ids are client text, so only well-formed ids are kept and at most `maxOperations` of them; the
 * rest count under `other`.
 */

export interface CoverageEntry {
  readonly operation: string;
  readonly seen: number;
  readonly translated: number;
  readonly passedThrough: number;
  readonly hasTranslator: boolean;
  readonly firstSeen: string;
  readonly lastSeen: string;
}

export interface CoverageReport {
  /** When counting started on this instance (ISO 8601). */
  readonly since: string;
  readonly operations: readonly CoverageEntry[];
  /** Operations seen that have no translator: what still needs the vendor. */
  readonly untranslated: readonly string[];
  readonly totals: { readonly seen: number; readonly translated: number; readonly passedThrough: number };
}

interface MutableEntry {
  seen: number;
  translated: number;
  passedThrough: number;
  hasTranslator: boolean;
  firstSeenMs: number;
  lastSeenMs: number;
}

export const OTHER_OPERATION = 'other';
const operationPattern = /^[a-z][a-z0-9_]{0,63}\.[a-z][a-z0-9_]{0,63}$/;

/** The key an operation id counts under: itself when well-formed, else `other` (ids are client text). */
export function coverageKeyOf(operationId: string): string {
  return operationPattern.test(operationId) ? operationId : OTHER_OPERATION;
}

export interface CoverageTally {
  /** Counts one routed call. */
  record(operationId: string, target: 'vendor' | 'platform', hasTranslator: boolean): void;
  /** The entries, most seen first (ties by name); with `sinceMs`, only those seen since then. */
  report(sinceMs?: number): CoverageReport;
}

function toIso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function toEntry(operation: string, e: MutableEntry): CoverageEntry {
  const { seen, translated, passedThrough, hasTranslator } = e;
  return { operation, seen, translated, passedThrough, hasTranslator, firstSeen: toIso(e.firstSeenMs), lastSeen: toIso(e.lastSeenMs) };
}

/** A fresh tally; `nowMs` is the clock (epoch milliseconds). */
export function createCoverageTally(options: { readonly nowMs: () => number; readonly maxOperations?: number }): CoverageTally {
  const entries = new Map<string, MutableEntry>();
  const maxOperations = options.maxOperations ?? 2000;
  const startedMs = options.nowMs();
  const keyOf = (operationId: string): string =>
    operationPattern.test(operationId) && (entries.has(operationId) || entries.size < maxOperations - 1) ? operationId : OTHER_OPERATION;
  return {
    record(operationId, target, hasTranslator) {
      if (operationId === 'invalid') return;
      const key = keyOf(operationId);
      const nowMs = options.nowMs();
      let entry = entries.get(key);
      if (entry === undefined) entries.set(key, (entry = { seen: 0, translated: 0, passedThrough: 0, hasTranslator: false, firstSeenMs: nowMs, lastSeenMs: nowMs }));
      entry.seen++;
      if (target === 'platform') entry.translated++;
      else entry.passedThrough++;
      entry.hasTranslator = key !== OTHER_OPERATION && hasTranslator;
      entry.lastSeenMs = nowMs;
    },
    report(sinceMs) {
      const operations = [...entries]
        .filter(([, e]) => sinceMs === undefined || e.lastSeenMs >= sinceMs)
        .map(([name, e]) => toEntry(name, e))
        .sort((a, b) => b.seen - a.seen || (a.operation < b.operation ? -1 : 1));
      const totals = operations.reduce((t, e) => ({ seen: t.seen + e.seen, translated: t.translated + e.translated, passedThrough: t.passedThrough + e.passedThrough }), { seen: 0, translated: 0, passedThrough: 0 });
      return { since: toIso(startedMs), operations, untranslated: operations.filter((e) => !e.hasTranslator).map((e) => e.operation), totals };
    },
  };
}
