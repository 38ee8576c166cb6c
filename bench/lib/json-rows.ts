/**
 * `--json` for every bench: besides its table, a bench prints one JSON object per row (one per
 * line) with the same fields everywhere, so runs can be compared by a script. A field a bench does
 * not measure is null.
 */
import type { Row } from './measure-row';

/** True when the bench was started with `--json`. */
export const wantsJson = process.argv.includes('--json');

/** One row, machine-readable. */
export interface JsonRow {
  readonly scenario: string;
  readonly target: string;
  readonly sent: number;
  readonly errors: number;
  readonly ratePerSec: number | null;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  readonly cpuUsPerRequest: number | null;
  readonly rssMiB: number | null;
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/** A measured load row as a JSON row. */
export function toJsonRow(row: Row): JsonRow {
  return {
    scenario: row.scenario,
    target: row.target,
    sent: row.load.sent,
    errors: row.load.errors,
    ratePerSec: round(row.load.achievedRate, 1),
    p50Ms: round(row.load.latencyMs.p50, 3),
    p99Ms: round(row.load.latencyMs.p99, 3),
    cpuUsPerRequest: round(row.cpuMicrosPerRequest, 1),
    rssMiB: round(row.rssMiB, 1),
  };
}

/** Prints the rows as JSON lines when `--json` was given. */
export function printJsonRows(rows: readonly JsonRow[]): void {
  if (!wantsJson) return;
  for (const row of rows) console.log(JSON.stringify(row));
}
