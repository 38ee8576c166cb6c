/**
 * The QA contract diff's report (docs/recording.md "QA diff"), computed once and rendered by the
 * pure renderers (qa-render.ts, qa-html.ts): one result per request, sent to targets A and B;
 * per operation parity, contract violations on each side and latency.
 */
import type { Difference } from '../shadow';

/** One side's answer to one request. */
export interface SideResult {
  readonly status: number | null;
  readonly ms: number;
  readonly body: unknown;
  /** Contract violations (src/contract validators), or the transport error. */
  readonly violations: readonly string[];
}

/** One request (a golden case or a recorded exchange) through both targets. */
export interface CaseResult {
  readonly operation: string;
  readonly name: string;
  readonly request: { readonly path: string; readonly params?: unknown };
  readonly a: SideResult;
  readonly b: SideResult;
  readonly differences: readonly Difference[];
}

export interface OperationSummary {
  readonly operation: string;
  readonly cases: number;
  readonly identical: number;
  readonly parityPercent: number;
  readonly violationsA: number;
  readonly violationsB: number;
  readonly meanMsA: number;
  readonly meanMsB: number;
}

export interface QaReport {
  readonly a: string;
  readonly b: string;
  readonly rulesVersion: string;
  readonly operations: readonly OperationSummary[];
  readonly cases: readonly CaseResult[];
  readonly failed: number;
  readonly clean: boolean;
}

/** True when the case differs or either side broke the contract. */
export function caseFailed(result: CaseResult): boolean {
  return result.differences.length > 0 || result.a.violations.length > 0 || result.b.violations.length > 0;
}

/** Why a case failed, one line per reason: pointer, both values, the rule that did not apply. */
export function explainCase(result: CaseResult, rulesVersion: string): string[] {
  const lines = result.differences.map((d) => `${d.kind} at ${d.pointer === '' ? '/' : d.pointer}: A ${JSON.stringify(d.primary)} vs B ${JSON.stringify(d.candidate)} — no rule of ${rulesVersion} covers ${d.field}`);
  for (const v of result.a.violations) lines.push(`A breaks the vendor contract: ${v}`);
  for (const v of result.b.violations) lines.push(`B breaks the vendor contract: ${v}`);
  return lines;
}

function summarise(operation: string, cases: readonly CaseResult[]): OperationSummary {
  const identical = cases.filter((c) => c.differences.length === 0).length;
  const mean = (pick: (c: CaseResult) => number): number => cases.reduce((n, c) => n + pick(c), 0) / Math.max(1, cases.length);
  return {
    operation,
    cases: cases.length,
    identical,
    parityPercent: cases.length === 0 ? 100 : (identical / cases.length) * 100,
    violationsA: cases.filter((c) => c.a.violations.length > 0).length,
    violationsB: cases.filter((c) => c.b.violations.length > 0).length,
    meanMsA: mean((c) => c.a.ms),
    meanMsB: mean((c) => c.b.ms),
  };
}

/** Builds the report from every case result. */
export function buildQaReport(a: string, b: string, rulesVersion: string, cases: readonly CaseResult[]): QaReport {
  const byOperation = new Map<string, CaseResult[]>();
  for (const c of cases) byOperation.set(c.operation, [...(byOperation.get(c.operation) ?? []), c]);
  const operations = [...byOperation.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([op, list]) => summarise(op, list));
  const failed = cases.filter(caseFailed).length;
  return { a, b, rulesVersion, operations, cases, failed, clean: failed === 0 };
}
