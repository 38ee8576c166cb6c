/**
 * Writes compared by state (issue 11; docs/shadow.md "Writes compared by state"): a shadowed write
 * is answered by the vendor alone and watched; when the sync has applied it to the platform, its
 * entity is read on both sides — the vendor's read, and the facade's translation of the same read
 * on the platform — and the two answers go through the shadow executor's bounded queue, diff and
 * parity counts under the write operation. Nothing here runs on the device's request path.
 */
import type { ShadowExecutor, SideAnswer } from './shadow-executor';
import type { StateRead } from './state-reads';
import { StateWatches, type WatchLimits } from './state-watches';

/** What the comparer reads the vendor side with. */
export interface StateComparerPorts {
  readVendor(call: StateRead['call'], apiBaseUrl: string): Promise<SideAnswer>;
  readonly nowMs: () => number;
}

/** Queue bytes a state job holds before its answers are read (they are bounded by the body cap when read). */
const nominalJobBytes = 4096;

export const defaultWatchLimits: WatchLimits = { maxEntries: 1000, ttlMs: 120_000 };

/** Watches shadowed writes and compares their entity once the sync applied them. */
export class StateComparer {
  private readonly watches: StateWatches;

  constructor(
    private readonly executor: ShadowExecutor,
    private readonly ports: StateComparerPorts,
    limits: WatchLimits = defaultWatchLimits,
  ) {
    this.watches = new StateWatches(limits, ports.nowMs, (reason, operationId) => executor.drop(reason, operationId));
  }

  /** Watches a shadowed write by its sync key (`entity key`); false (counted) when it cannot be. */
  watch(entityKey: string, operationId: string, region: string, apiBaseUrl: string, read: StateRead): boolean {
    return this.watches.add(entityKey, { operationId, region, apiBaseUrl, read });
  }

  /** Told by the sync that it applied the change of `entityKey` to the platform: compares it if watched. */
  applied(entityKey: string): void {
    const watch = this.watches.take(entityKey);
    if (watch === undefined) return;
    const { read, apiBaseUrl } = watch;
    this.executor.offer({
      operationId: watch.operationId,
      region: watch.region,
      call: read.call,
      apiBaseUrl,
      primary: '',
      primaryBytes: nominalJobBytes,
      primaryMs: 0,
      compareAs: read.operationId,
      readPrimary: () => this.ports.readVendor(read.call, apiBaseUrl),
      ...(read.focus === undefined ? {} : { focus: read.focus }),
    });
  }

  /** Writes waiting for the sync now. */
  waiting(): number {
    return this.watches.size();
  }
}
