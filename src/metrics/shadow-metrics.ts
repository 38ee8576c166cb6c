/**
 * `understudy_shadow_*` and `understudy_parity_*` metrics (issue 11), registered into the facade's
 * own registry so `/metrics` shows them. Label values are closed: operations of the vendor
 * contract (others become `other`), drop reasons, sample outcomes, migration stages and causes.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { migrationStages, type MigrationStage, type MigrationTransition } from '../shadow/migration-state';
import type { OperationReport } from '../shadow/parity-report';
import type { DropReason } from '../shadow/shadow-drops';
import type { QueueLoad } from '../shadow/shadow-queue';
import { LATENCY_BUCKETS, METRIC_PREFIX } from './metric-definitions';

export interface ShadowMetrics {
  recordDrop(reason: DropReason, operation: string): void;
  recordSample(operation: string, outcome: 'identical' | 'different' | 'candidate-error', candidateMs: number): void;
  recordNoiseSample(operation: string): void;
  setParity(report: OperationReport, reportedFields: number): void;
  setStage(operation: string, stage: MigrationStage, percent: number): void;
  recordTransition(transition: MigrationTransition): void;
}

export interface ShadowMetricsOptions {
  readonly registry: Registry;
  readonly operations: readonly string[];
  readonly load: () => QueueLoad & { readonly backingOff: boolean };
}

/** Creates the shadow and parity metrics on the given registry. */
export function createShadowMetrics(options: ShadowMetricsOptions): ShadowMetrics {
  const registers = [options.registry];
  const known = new Set(options.operations);
  const op = (operation: string): string => (known.has(operation) ? operation : 'other');
  const p = METRIC_PREFIX;
  const samples = new Counter({ name: `${p}shadow_samples_total`, help: 'Shadow samples compared, by operation and outcome.', labelNames: ['operation', 'outcome'] as const, registers });
  const drops = new Counter({ name: `${p}shadow_dropped_total`, help: 'Shadow samples not compared, by operation and reason.', labelNames: ['operation', 'reason'] as const, registers });
  const noise = new Counter({ name: `${p}shadow_noise_samples_total`, help: 'Second vendor calls made to learn noise, by operation.', labelNames: ['operation'] as const, registers });
  const candidate = new Histogram({ name: `${p}shadow_candidate_seconds`, help: 'Duration of the platform candidate of shadowed calls.', labelNames: ['operation'] as const, buckets: [...LATENCY_BUCKETS], registers });
  const sampleChildren = new Map<string, { readonly samples: { inc(): void }; readonly candidate: { observe(value: number): void } }>();
  const read = options.load;
  new Gauge({ name: `${p}shadow_queue_entries`, help: 'Shadow samples queued or running.', registers, collect() { const l = read(); this.set(l.queued + l.running); } });
  new Gauge({ name: `${p}shadow_queue_bytes`, help: 'Bytes held by queued and running shadow samples.', registers, collect() { this.set(read().bytes); } });
  new Gauge({ name: `${p}shadow_backoff`, help: '1 while shadowing is paused because the platform is slow or failing.', registers, collect() { this.set(read().backingOff ? 1 : 0); } });
  const parity = new Gauge({ name: `${p}parity_percent`, help: 'Parity of shadowed answers (0-100), by operation.', labelNames: ['operation'] as const, registers });
  const paritySamples = new Gauge({ name: `${p}parity_samples`, help: 'Shadow samples counted in the parity store, by operation.', labelNames: ['operation'] as const, registers });
  const fields = new Gauge({ name: `${p}parity_differing_fields`, help: 'Fields reported as differing beyond noise, by operation.', labelNames: ['operation'] as const, registers });
  const stage = new Gauge({ name: `${p}parity_migration_stage`, help: '1 for the migration stage an operation is in.', labelNames: ['operation', 'stage'] as const, registers });
  const share = new Gauge({ name: `${p}parity_migration_canary_percent`, help: 'Canary share of an operation (0 outside canary).', labelNames: ['operation'] as const, registers });
  const transitions = new Counter({ name: `${p}parity_transitions_total`, help: 'Migration transitions, by operation, target stage and cause (manual, promotion, rollback, hold).', labelNames: ['operation', 'to', 'cause'] as const, registers });
  const lastTransition = new Gauge({ name: `${p}parity_last_transition_timestamp_seconds`, help: 'When an operation last changed stage (epoch seconds).', labelNames: ['operation'] as const, registers });
  return {
    recordDrop: (reason, operation) => drops.inc({ operation: op(operation), reason }),
    recordSample: (operation, outcome, candidateMs) => {
      // Once per compared sample: the labelled children are looked up once per operation, not hashed per call.
      const key = `${operation}\n${outcome}`;
      let child = sampleChildren.get(key);
      if (child === undefined) {
        const labels = { operation: op(operation), outcome: outcome === 'candidate-error' ? 'candidate_error' : outcome };
        child = { samples: samples.labels(labels), candidate: candidate.labels({ operation: labels.operation }) };
        if (sampleChildren.size < 3 * (known.size + 1)) sampleChildren.set(key, child);
      }
      child.samples.inc();
      child.candidate.observe(Math.max(0, candidateMs) / 1000);
    },
    recordNoiseSample: (operation) => noise.inc({ operation: op(operation) }),
    setParity: (report, reportedFields) => {
      parity.set({ operation: op(report.operation) }, report.parityPercent);
      paritySamples.set({ operation: op(report.operation) }, report.samples);
      fields.set({ operation: op(report.operation) }, reportedFields);
    },
    setStage: (operation, current, percent) => {
      for (const s of migrationStages) stage.set({ operation: op(operation), stage: s }, s === current ? 1 : 0);
      share.set({ operation: op(operation) }, current === 'canary' ? percent : 0);
    },
    recordTransition: (t) => {
      transitions.inc({ operation: op(t.operation), to: t.to.stage, cause: t.cause });
      lastTransition.set({ operation: op(t.operation) }, t.atMs / 1000);
    },
  };
}
