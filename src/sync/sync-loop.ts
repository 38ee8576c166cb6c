/**
 * Keeps workers claiming: each loop runs batches back to back while there is work, then sleeps
 * `pollMs` (or until woken: an in-process capture wakes the loop so a write crosses in
 * milliseconds, while other instances' rows are found by polling). Stopping lets the batch in
 * hand finish; rows a stopped or killed worker still holds are claimable when their lease ends.
 */
import { runSyncBatch, type SyncWorkerOptions } from './sync-worker';

export interface SyncLoopOptions {
  readonly worker: Omit<SyncWorkerOptions, 'owner'>;
  /** Owner prefix; each worker appends its number. */
  readonly ownerPrefix: string;
  readonly workers: number;
  readonly pollMs: number;
  readonly onError?: (error: unknown) => void;
}

export interface SyncLoop {
  /** Runs every sleeping worker now instead of at its next poll (a switch flipped, dead letters re-driven). */
  wake(): void;
  /**
   * New rows were committed here: within `nudgeDelayMs` one sleeping worker claims (or the next
   * worker to finish empty-handed claims again instead of sleeping). Captures arriving meanwhile
   * share that one claim: waking every worker per capture cost a claim per worker per write.
   */
  nudge(): void;
  stop(): Promise<void>;
  readonly running: boolean;
}

/** How long a nudge waits for more captures to share its claim (lag stays far below the poll). */
const nudgeDelayMs = 5;

/** Starts the worker loops. */
export function startSyncLoop(options: SyncLoopOptions): SyncLoop {
  let running = true;
  let nudgeTimer: ReturnType<typeof setTimeout> | undefined;
  /** A nudge that found no sleeper: the next worker about to sleep claims once more instead. */
  let nudgePending = false;
  const sleepers = new Set<() => void>();
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });
  const runWorker = async (index: number): Promise<void> => {
    const worker = { ...options.worker, owner: `${options.ownerPrefix}-${index}` };
    while (running) {
      let held = 0;
      try {
        held = await runSyncBatch(worker);
      } catch (error) {
        options.onError?.(error);
      }
      if (held === 0 && running && nudgePending) nudgePending = false;
      else if (held === 0 && running) await sleep(options.pollMs);
    }
  };
  const loops = Array.from({ length: Math.max(1, options.workers) }, (_, i) => runWorker(i + 1));
  return {
    wake: () => {
      for (const wake of [...sleepers]) wake();
    },
    nudge: () => {
      if (nudgeTimer !== undefined || !running) return;
      nudgeTimer = setTimeout(() => {
        nudgeTimer = undefined;
        const sleeper = sleepers.values().next().value;
        if (sleeper === undefined) nudgePending = true;
        else sleeper();
      }, nudgeDelayMs);
    },
    stop: async () => {
      running = false;
      if (nudgeTimer !== undefined) clearTimeout(nudgeTimer);
      for (const wake of [...sleepers]) wake();
      await Promise.all(loops);
    },
    get running() {
      return running;
    },
  };
}
