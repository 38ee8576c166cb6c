/**
 * Report data for the admin API and the dashboard (issue 11 "Interfaces"): per operation its
 * migration state, traffic split, parity, top differing fields with JSON pointers and kinds,
 * errors, latency, dropped samples by reason. Computed once from plain inputs; renderers only
 * format it.
 */
import type { MigrationTransition, OperationMigration } from './migration-state';
import { mergeOperationCounts, reportOperation, type FieldReport, type OperationReport, type Thresholds } from './parity-report';
import { emptyOperationCounts, type OperationCounts } from './parity-counts';
import type { GateReading, GateVerdict } from './promotion-gates';
import type { DropCounts } from './shadow-drops';

/** How an operation's traffic is split right now, in percent of its calls. */
export interface TrafficSplit {
  readonly vendor: number;
  readonly platform: number;
  /** Share of all calls whose candidate runs in the shadow. */
  readonly shadowed: number;
}

export interface OperationOverview {
  readonly operation: string;
  readonly state: OperationMigration;
  readonly split: TrafficSplit;
  readonly report: OperationReport;
  /** Reported fields only, at most 10. */
  readonly topFields: readonly FieldReport[];
  readonly dropped: DropCounts;
  /** How its samples are taken: the answer compared, the written entity's state after the sync, or not at all (writes). */
  readonly compared: ComparedBy;
  readonly gates?: GateReading;
  readonly lastVerdict?: string;
}

export interface OverviewInputs {
  readonly counts: readonly OperationCounts[];
  readonly states: readonly OperationMigration[];
  readonly stateOf: (operation: string) => OperationMigration;
  readonly dropsOf: (operation: string) => DropCounts;
  readonly gatesOf: (operation: string) => GateReading | undefined;
  readonly verdictOf: (operation: string) => GateVerdict | undefined;
  readonly readOnly: (operation: string) => boolean;
  /** Writes compared by state (absent: none). */
  readonly stateCompared?: (operation: string) => boolean;
  readonly shadowPercent: number;
  readonly thresholds: Thresholds;
}

/** How an operation's samples are taken. */
export type ComparedBy = 'answer' | 'state' | 'excluded';

/** The split a migration stage gives (writes are shadowed only in the shadow stage, compared by state). */
export function splitOf(state: OperationMigration, readOnly: boolean, shadowPercent: number, stateCompared = false): TrafficSplit {
  const shadow = readOnly ? shadowPercent : 0;
  switch (state.stage) {
    case 'vendor':
      return { vendor: 100, platform: 0, shadowed: 0 };
    case 'shadow':
      return { vendor: 100, platform: 0, shadowed: readOnly || stateCompared ? shadowPercent : 0 };
    case 'canary':
      return { vendor: 100 - state.percent, platform: state.percent, shadowed: ((100 - state.percent) * shadow) / 100 };
    default:
      return { vendor: 0, platform: 100, shadowed: 0 };
  }
}

/** Sums an operation's counts over its regions. */
export function totalOverRegions(operation: string, counts: readonly OperationCounts[]): OperationCounts {
  const total = emptyOperationCounts(operation, '');
  for (const entry of counts) if (entry.operation === operation) mergeOperationCounts(total, entry);
  return total;
}

/** One operation's overview. */
export function overviewOf(operation: string, inputs: OverviewInputs): OperationOverview {
  const state = inputs.stateOf(operation);
  const report = reportOperation(totalOverRegions(operation, inputs.counts), inputs.thresholds);
  const gates = inputs.gatesOf(operation);
  const verdict = inputs.verdictOf(operation);
  const readOnly = inputs.readOnly(operation);
  const byState = !readOnly && inputs.stateCompared?.(operation) === true;
  return {
    operation,
    state,
    split: splitOf(state, readOnly, inputs.shadowPercent, byState),
    compared: readOnly ? 'answer' : byState ? 'state' : 'excluded',
    report,
    topFields: report.fields.filter((f) => f.reported).slice(0, 10),
    dropped: inputs.dropsOf(operation),
    ...(gates === undefined ? {} : { gates }),
    ...(verdict === undefined ? {} : { lastVerdict: `${verdict.action}: ${verdict.reason}` }),
  };
}

/** Every operation that has a state or counts, in name order. */
export function buildOverview(inputs: OverviewInputs): OperationOverview[] {
  const names = new Set([...inputs.states.map((s) => s.operation), ...inputs.counts.map((c) => c.operation)]);
  return [...names].sort().map((operation) => overviewOf(operation, inputs));
}

/** A transition as the API shows it. */
export function describeTransition(t: MigrationTransition): Record<string, unknown> {
  return { operation: t.operation, from: t.from, to: t.to, cause: t.cause, reason: t.reason, actor: t.actor, policyVersion: t.policyVersion, at: new Date(t.atMs).toISOString() };
}
