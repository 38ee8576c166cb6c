/**
 * Writes compared by state (issue 11; docs/shadow.md "Writes compared by state"): a shadowed write
 * is answered by the vendor alone and watched; when the sync has applied it to the platform, its
 * entity is read on both sides — the vendor's read, and the facade's translation of the same read
 * on the platform — and the two answers go through the shadow executor's bounded queue, diff and
 * parity counts under the write operation. Nothing here runs on the device's request path.
 */
import type { ShadowExecutor, SideAnswer } from './shadow-executor';
import { answerKeyedEntities, type StateRead } from './state-reads';
import { StateWatches, type WatchLimits } from './state-watches';

/** What the comparer reads the vendor side with. */
export interface StateComparerPorts {
  readVendor(call: StateRead['call'], apiBaseUrl: string): Promise<SideAnswer>;
  readonly nowMs: () => number;
}

/** Queue bytes a state job holds before its answers are read (they are bounded by the body cap when read). */
const nominalJobBytes = 4096;

/** Applied keys remembered for a watch that follows the answer. */
const appliedEarlyEntries = 1000;

export const defaultWatchLimits: WatchLimits = { maxEntries: 1000, ttlMs: 120_000 };

/** Watches shadowed writes and compares their entity once the sync applied them. */
export class StateComparer {
  private readonly watches: StateWatches;
  /** Purchase keys the sync applied before their watch came (the watch follows the vendor's answer). */
  private readonly appliedEarly = new Set<string>();

  constructor(
    private readonly executor: ShadowExecutor,
    private readonly ports: StateComparerPorts,
    limits: WatchLimits = defaultWatchLimits,
  ) {
    this.watches = new StateWatches(limits, ports.nowMs, (reason, operationId) => executor.drop(reason, operationId));
  }

  /**
   * Watches a shadowed write by its sync key (`entity key`); false (counted) when it cannot be.
   * `afterAnswer`: the write is watched once the vendor answered (its key is in the answer) and its
   * key is unique to it, so the sync may have applied it already: then it is compared at once.
   */
  watch(entityKey: string, operationId: string, region: string, apiBaseUrl: string, read: StateRead, afterAnswer = false): boolean {
    if (!this.watches.add(entityKey, { operationId, region, apiBaseUrl, read })) return false;
    if (afterAnswer && this.appliedEarly.delete(entityKey)) this.applied(entityKey);
    return true;
  }

  /** Told by the sync that it applied the change of `entityKey` to the platform: compares it if watched. */
  applied(entityKey: string): void {
    const watch = this.watches.take(entityKey);
    if (watch === undefined) return this.rememberApplied(entityKey);
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

  /** Keys applied with no watch yet, of writes watched only once answered (bounded, oldest forgotten first). */
  private rememberApplied(entityKey: string): void {
    if (!answerKeyedEntities.has(entityKey.slice(0, entityKey.indexOf(' ')))) return;
    if (this.appliedEarly.size >= appliedEarlyEntries) this.appliedEarly.delete(this.appliedEarly.values().next().value!);
    this.appliedEarly.add(entityKey);
  }

  /** Writes waiting for the sync now. */
  waiting(): number {
    return this.watches.size();
  }
}
