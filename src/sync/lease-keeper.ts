/**
 * Keeps a batch's lease alive while the worker still works on it (docs/sync.md "Workers"). The
 * lease is what lets a killed worker's rows come back quickly, so it is short; a live worker whose
 * batch takes longer (a slow vendor, a loaded machine) renews it every third of the lease, so its
 * rows are never reclaimed under it: a reclaim would apply them twice and count an attempt each
 * time, and a row reclaimed often enough would reach its attempt limit without ever failing.
 */
import type { SyncQueue } from './sync-ports';

/** Stops the renewals; resolves once a renewal in flight has settled. */
export type StopKeeping = () => Promise<void>;

/** Renews the lease of `ids` every `leaseMs / 3` until stopped; a failed renewal is retried at the next tick. */
export function keepLease(queue: SyncQueue, ids: readonly number[], owner: string, leaseMs: number): StopKeeping {
  let inFlight: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    inFlight = queue.renew(ids, owner, leaseMs).catch(() => 0);
  }, Math.max(50, Math.floor(leaseMs / 3)));
  timer.unref?.();
  return async () => {
    clearInterval(timer);
    await inFlight;
  };
}
