/**
 * `understudy_sync_*` metrics (docs/architecture.md §4 "Observability": sync lag, pending, dead letters). The
 * sync reports through SyncEvents; this forwards each event to prom-client and to the in-memory
 * SyncStats the admin status reads. Label sets are closed: the entity names and fixed outcomes.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { SyncEvents } from '../sync/sync-ports';
import type { SyncStats } from '../sync/sync-stats';
import { entityPolicies } from '../sync/conflict-policies';
import type { CaptureOrigin, SyncEntity } from '../sync/sync-types';
import { METRIC_PREFIX } from './metric-definitions';

const lagBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300];

/** The sync's metrics and event sink. */
export interface SyncMetrics extends SyncEvents {
  /** Open outbox rows and dead letters per entity, and whether the entity is switched on. */
  setBacklog(entity: string, pending: number, dead: number, enabled: boolean): void;
  captureFailed(): void;
}

/** Registers the sync metrics on `registry` and forwards events to `stats` as well. */
export function createSyncMetrics(registry: Registry, stats: SyncStats): SyncMetrics {
  const registers = [registry];
  const p = `${METRIC_PREFIX}sync_`;
  const captured = new Counter({ name: `${p}captured_total`, help: 'Changes committed to the outbox, by entity and where they were seen.', labelNames: ['entity', 'origin'] as const, registers });
  const applied = new Counter({ name: `${p}applied_total`, help: 'Changes applied to the other side, by entity.', labelNames: ['entity'] as const, registers });
  const lag = new Histogram({ name: `${p}lag_seconds`, help: 'From capture to applied on the other side, by entity.', labelNames: ['entity'] as const, buckets: lagBuckets, registers });
  const conflicts = new Counter({ name: `${p}conflicts_total`, help: 'Concurrent writes resolved by the entity policy.', labelNames: ['entity', 'policy'] as const, registers });
  const skipped = new Counter({ name: `${p}skipped_total`, help: 'Changes not applied: duplicate deliveries and superseded writes.', labelNames: ['entity', 'reason'] as const, registers });
  const failures = new Counter({ name: `${p}failures_total`, help: 'Failed applies: retried, dead-lettered, or lease lost.', labelNames: ['entity', 'outcome'] as const, registers });
  const echoes = new Counter({ name: `${p}echoes_dropped_total`, help: "The sync's own writes seen again in the change feed and dropped.", labelNames: ['entity'] as const, registers });
  const captureFailures = new Counter({ name: `${p}capture_failures_total`, help: 'Writes answered but not committed to the outbox (store unavailable); reconcile repairs them.', registers });
  const pending = new Gauge({ name: `${p}pending`, help: 'Open outbox rows, by entity.', labelNames: ['entity'] as const, registers });
  const dead = new Gauge({ name: `${p}dead_letters`, help: 'Dead-lettered changes, by entity.', labelNames: ['entity'] as const, registers });
  const enabled = new Gauge({ name: `${p}enabled`, help: '1 when the entity is synced, 0 when switched off.', labelNames: ['entity'] as const, registers });
  return {
    captured(entity: SyncEntity, origin: CaptureOrigin, count: number) {
      captured.inc({ entity, origin }, count);
      stats.captured(entity, origin, count);
    },
    applied(entity, lagMs) {
      applied.inc({ entity });
      lag.observe({ entity }, lagMs / 1000);
      stats.applied(entity, lagMs);
    },
    conflict(entity) {
      conflicts.inc({ entity, policy: entityPolicies[entity] });
      stats.conflict(entity);
    },
    skipped(entity, reason) {
      skipped.inc({ entity, reason });
      stats.skipped(entity);
    },
    failed(entity, outcome) {
      failures.inc({ entity, outcome });
      stats.failed(entity, outcome);
    },
    echoDropped(entity) {
      echoes.inc({ entity });
      stats.echoDropped(entity);
    },
    setBacklog(entity, open, letters, on) {
      pending.set({ entity }, open);
      dead.set({ entity }, letters);
      enabled.set({ entity }, on ? 1 : 0);
    },
    captureFailed: () => captureFailures.inc(),
  };
}
