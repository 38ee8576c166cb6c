/**
 * The sync's own counters for the admin status (docs/architecture.md §4 "Observability"): per entity captured,
 * applied, conflicts, duplicates skipped, failures, dead letters, echoes dropped, and apply lag
 * percentiles over the last `lagWindow` applies (a bounded ring, so memory stays constant).
 */
import { entityPolicies, type ConflictPolicy } from './conflict-policies';
import type { SyncEvents } from './sync-ports';
import { syncEntities, type CaptureOrigin, type SyncEntity } from './sync-types';

export interface EntityStats {
  captured: number;
  applied: number;
  conflicts: number;
  duplicatesSkipped: number;
  retries: number;
  deadLettered: number;
  echoesDropped: number;
}

/** One entity's status line (GET /admin/sync). */
export interface EntityReport extends EntityStats {
  readonly policy: ConflictPolicy;
  readonly lagSeconds: { readonly p50: number; readonly p99: number };
}

/** The p-th percentile (0–100) of samples, nearest rank; 0 when empty. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** In-memory sync statistics; also the SyncEvents sink the metrics adapter forwards to. */
export class SyncStats implements SyncEvents {
  private readonly counts = new Map<SyncEntity, EntityStats>();
  private readonly lags = new Map<SyncEntity, number[]>();
  private readonly lagNext = new Map<SyncEntity, number>();
  echoesOther = 0;

  constructor(private readonly lagWindow = 2048) {
    for (const entity of syncEntities) {
      this.counts.set(entity, { captured: 0, applied: 0, conflicts: 0, duplicatesSkipped: 0, retries: 0, deadLettered: 0, echoesDropped: 0 });
      this.lags.set(entity, []);
      this.lagNext.set(entity, 0);
    }
  }

  private of(entity: SyncEntity): EntityStats {
    return this.counts.get(entity)!;
  }

  captured(entity: SyncEntity, _origin: CaptureOrigin, count: number): void {
    this.of(entity).captured += count;
  }

  applied(entity: SyncEntity, lagMs: number): void {
    this.of(entity).applied += 1;
    const ring = this.lags.get(entity)!;
    const next = this.lagNext.get(entity)!;
    ring[next] = lagMs / 1000;
    this.lagNext.set(entity, (next + 1) % this.lagWindow);
  }

  conflict(entity: SyncEntity): void {
    this.of(entity).conflicts += 1;
  }

  skipped(entity: SyncEntity): void {
    this.of(entity).duplicatesSkipped += 1;
  }

  failed(entity: SyncEntity, outcome: 'retry' | 'dead' | 'stale'): void {
    if (outcome === 'retry') this.of(entity).retries += 1;
    if (outcome === 'dead') this.of(entity).deadLettered += 1;
  }

  echoDropped(entity: SyncEntity | 'other'): void {
    if (entity === 'other') this.echoesOther += 1;
    else this.of(entity).echoesDropped += 1;
  }

  /** Every entity's counters and lag percentiles. */
  report(): Record<SyncEntity, EntityReport> {
    const out = {} as Record<SyncEntity, EntityReport>;
    for (const entity of syncEntities) {
      const lags = this.lags.get(entity)!;
      out[entity] = { ...this.of(entity), policy: entityPolicies[entity], lagSeconds: { p50: percentile(lags, 50), p99: percentile(lags, 99) } };
    }
    return out;
  }
}
