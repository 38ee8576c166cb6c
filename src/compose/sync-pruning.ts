/**
 * Runs the sync's pruning on a timer (docs/sync.md "Pruning"): done outbox rows, relay copies and
 * applied marks are kept for `sync.prune.maxAgeHours` and at most `maxRows` per table, so no sync
 * table grows without bound. Every instance prunes; the deletes are idempotent.
 */
import type { UnderstudyConfig } from '../config/config-types';
import type { Clock } from '../core/clock';
import type { FacadeLogger } from '../metrics/logger';
import type { SqlClient } from '../store/sql-client';
import { pruneSyncTables, type SyncPruneLimits } from '../store/sync-prune-store';
import { startRepeating } from './repeat';

/** The limits from the configuration, with their defaults. */
export function syncPruneLimits(config: UnderstudyConfig): SyncPruneLimits & { readonly everyMs: number } {
  const prune = config.sync.prune ?? {};
  return { maxAgeMs: (prune.maxAgeHours ?? 168) * 3_600_000, maxRows: prune.maxRows ?? 1_000_000, batchRows: 5000, maxRounds: 20, everyMs: prune.everyMs ?? 60_000 };
}

/** Starts pruning every `everyMs`; resolves a stopper. */
export function startSyncPruning(config: UnderstudyConfig, sql: SqlClient, clock: Clock, logger: FacadeLogger): { stop(): Promise<void> } {
  const limits = syncPruneLimits(config);
  return startRepeating(limits.everyMs, async () => {
    const report = await pruneSyncTables(sql, clock.nowMs(), limits);
    if (report.outbox + report.relay + report.applied > 0) logger.info({ event: 'sync_pruned', ...report }, 'sync rows pruned');
  }, (error) => logger.warn({ event: 'sync_prune_failed', error: error instanceof Error ? error.message : String(error) }, 'sync prune failed'));
}
