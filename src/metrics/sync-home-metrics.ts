/**
 * Home-site partitioning metrics (docs/sync-home-site.md): claimed rows given back because their
 * household is no longer homed here, and completions the fence refused. Registered whenever the
 * sync runs (zero on a single site), so the exported families do not depend on the topology.
 */
import { Counter, type Registry } from 'prom-client';
import { METRIC_PREFIX } from './metric-definitions';

/** Why a claimed row was not completed here. */
export type FencedReason = 'moved' | 'refused';

/** Registers the counter; resolves the callback the fence reports through. */
export function createSyncHomeMetrics(registry: Registry): (reason: FencedReason, count: number) => void {
  const fenced = new Counter({ name: `${METRIC_PREFIX}sync_fenced_total`, help: 'Claimed sync rows not completed here: household moved to another site at claim, or completion refused by the epoch fence.', labelNames: ['reason'] as const, registers: [registry] });
  return (reason, count) => {
    if (count > 0) fenced.inc({ reason }, count);
  };
}
