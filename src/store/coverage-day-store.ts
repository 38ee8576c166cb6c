/** Coverage day counts over SQL (migration 14): instances add to the day's row, reports sum rows. */
import type { CoverageDayCount, CoverageDayPort } from '../metrics/coverage-days';
import type { SqlClient } from './sql-client';

interface TotalRow {
  operation_id: string;
  seen: string | number;
  translated: string | number;
  passed_through: string | number;
  first_seen_ms: string | number;
  last_seen_ms: string | number;
}

const addDay = `INSERT INTO coverage_days (day, operation_id, seen, translated, passed_through, first_seen_ms, last_seen_ms)
  VALUES ($1::date, $2, $3, $4, $5, $6, $7)
  ON CONFLICT (day, operation_id, site) DO UPDATE SET
    seen = coverage_days.seen + EXCLUDED.seen,
    translated = coverage_days.translated + EXCLUDED.translated,
    passed_through = coverage_days.passed_through + EXCLUDED.passed_through,
    first_seen_ms = LEAST(coverage_days.first_seen_ms, EXCLUDED.first_seen_ms),
    last_seen_ms = GREATEST(coverage_days.last_seen_ms, EXCLUDED.last_seen_ms)`;

/** Totals per operation; `$1` (when given) keeps the day rows with calls at or after it (day granularity). */
const readTotals = (filtered: boolean): string => `SELECT operation_id, sum(seen) AS seen, sum(translated) AS translated, sum(passed_through) AS passed_through,
    min(first_seen_ms) AS first_seen_ms, max(last_seen_ms) AS last_seen_ms
  FROM coverage_days${filtered ? ' WHERE last_seen_ms >= $1' : ''} GROUP BY operation_id ORDER BY operation_id`;

/** The store side of operation coverage. */
export class SqlCoverageDayStore implements CoverageDayPort {
  constructor(private readonly sql: SqlClient) {}

  async addCounts(deltas: readonly CoverageDayCount[]): Promise<void> {
    if (deltas.length === 0) return;
    await this.sql.transaction(async (tx) => {
      for (const d of deltas) await tx.query(addDay, [d.day, d.operation, d.seen, d.translated, d.passedThrough, d.firstSeenMs, d.lastSeenMs]);
    });
  }

  async readTotals(sinceMs?: number): Promise<CoverageDayCount[]> {
    const { rows } = await this.sql.query<TotalRow>(readTotals(sinceMs !== undefined), sinceMs === undefined ? [] : [sinceMs]);
    return rows.map((r) => ({
      day: '',
      operation: r.operation_id,
      seen: Number(r.seen),
      translated: Number(r.translated),
      passedThrough: Number(r.passed_through),
      firstSeenMs: Number(r.first_seen_ms),
      lastSeenMs: Number(r.last_seen_ms),
    }));
  }
}
