/**
 * Promotion gates (docs/architecture.md §4 "Policy"; issue 11): from an operation's gate window — parity over
 * at least N samples, candidate error rate, p99 latency delta — decide to advance one step, roll
 * back to shadow, or stay. Pure: the controller applies the verdict on its schedule.
 */
import type { GateWindow } from './parity-accumulator';
import { reportOperation, type Thresholds } from './parity-report';
import { describeStage, type MigrationStage, type OperationMigration } from './migration-state';

export interface GateSettings {
  /** Parity (0–100) required to advance and to stay in canary. */
  readonly minParityPercent: number;
  /** Samples needed in the window before any verdict. */
  readonly minSamples: number;
  /** Candidate errors / attempts, in percent, allowed. */
  readonly maxErrorPercent: number;
  /** Candidate p99 − primary p99, milliseconds, allowed. */
  readonly maxP99DeltaMs: number;
  /** Canary shares walked in order before `platform`. */
  readonly canarySteps: readonly number[];
  /** Minimum time in a stage before advancing (rollbacks do not wait). */
  readonly minDwellMs: number;
  readonly thresholds: Thresholds;
}

export const defaultGateSettings: GateSettings = {
  minParityPercent: 99,
  minSamples: 200,
  maxErrorPercent: 1,
  maxP99DeltaMs: 250,
  canarySteps: [1, 10, 50],
  minDwellMs: 10 * 60_000,
  thresholds: { absolutePercent: 1, relativePercent: 20 },
};

/** What the gates measured. */
export interface GateReading {
  readonly samples: number;
  readonly parityPercent: number;
  readonly errorPercent: number;
  readonly p99DeltaMs: number | undefined;
}

export type GateVerdict =
  | { readonly action: 'stay'; readonly reason: string; readonly reading: GateReading }
  | { readonly action: 'advance' | 'rollback'; readonly to: MigrationStage; readonly percent: number; readonly reason: string; readonly reading: GateReading };

/** Reads a gate window. */
export function readGates(window: GateWindow, settings: GateSettings): GateReading {
  const report = reportOperation(window.counts, settings.thresholds);
  const attempts = window.counts.samples + window.counts.candidateErrors;
  const p99Candidate = window.candidateMs.quantile(0.99);
  const p99Primary = window.primaryMs.quantile(0.99);
  return {
    samples: window.counts.samples,
    parityPercent: report.parityPercent,
    errorPercent: attempts === 0 ? 0 : (window.counts.candidateErrors / attempts) * 100,
    p99DeltaMs: p99Candidate === undefined || p99Primary === undefined ? undefined : p99Candidate - p99Primary,
  };
}

/** The failed gate, if any, as a sentence. */
function failedGate(reading: GateReading, settings: GateSettings): string | undefined {
  const fmt = (n: number): string => n.toFixed(2);
  if (reading.parityPercent < settings.minParityPercent) return `parity ${fmt(reading.parityPercent)}% < ${settings.minParityPercent}% over ${reading.samples} samples`;
  if (reading.errorPercent > settings.maxErrorPercent) return `candidate errors ${fmt(reading.errorPercent)}% > ${settings.maxErrorPercent}%`;
  if (reading.p99DeltaMs !== undefined && reading.p99DeltaMs > settings.maxP99DeltaMs) return `p99 delta ${fmt(reading.p99DeltaMs)} ms > ${settings.maxP99DeltaMs} ms`;
  return undefined;
}

function nextStep(state: OperationMigration, steps: readonly number[]): { to: MigrationStage; percent: number } | undefined {
  if (state.stage === 'shadow') return steps.length > 0 ? { to: 'canary', percent: steps[0]! } : { to: 'platform', percent: 0 };
  if (state.stage !== 'canary') return undefined;
  const next = steps.find((step) => step > state.percent);
  return next === undefined ? { to: 'platform', percent: 0 } : { to: 'canary', percent: next };
}

/** Decides what the schedule does with one operation now. */
export function evaluateGates(state: OperationMigration, window: GateWindow, settings: GateSettings, nowMs: number): GateVerdict {
  const reading = readGates(window, settings);
  if (state.hold) return { action: 'stay', reason: 'held', reading };
  if (state.stage !== 'shadow' && state.stage !== 'canary') return { action: 'stay', reason: `${state.stage} has no gates`, reading };
  const enough = reading.samples >= settings.minSamples;
  const failed = failedGate(reading, settings);
  // Errors and latency can condemn a canary before N samples; parity needs N samples to mean anything.
  const condemning = failed !== undefined && (enough || !failed.startsWith('parity'));
  if (state.stage === 'canary' && condemning) return { action: 'rollback', to: 'shadow', percent: 0, reason: `rolled back from ${describeStage('canary', state.percent)}: ${failed}`, reading };
  if (!enough) return { action: 'stay', reason: `${reading.samples}/${settings.minSamples} samples`, reading };
  if (failed !== undefined) return { action: 'stay', reason: failed, reading };
  if (nowMs - state.changedAtMs < settings.minDwellMs) return { action: 'stay', reason: 'gates pass; waiting for the dwell time', reading };
  const step = nextStep(state, settings.canarySteps)!;
  return { action: 'advance', to: step.to, percent: step.percent, reason: `gates pass: parity ${reading.parityPercent.toFixed(2)}% over ${reading.samples} samples`, reading };
}
