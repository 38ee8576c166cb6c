import { startSyncLoop } from '../../../src/sync/sync-loop';
import type { SyncQueue } from '../../../src/sync/sync-ports';

/** A queue with nothing to claim that counts the claims (the loop's only call on an empty queue). */
function emptyQueue(): { queue: SyncQueue; claims: () => number } {
  let claims = 0;
  const queue = {
    claim: () => {
      claims += 1;
      return Promise.resolve([]);
    },
  } as unknown as SyncQueue;
  return { queue, claims: () => claims };
}

const noEvents = { captured: () => undefined, applied: () => undefined, conflict: () => undefined, skipped: () => undefined, failed: () => undefined, echoDropped: () => undefined };

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('sync loop waking', () => {
  it('a burst of nudges wakes one worker once; wake() wakes every sleeping worker', async () => {
    const { queue, claims } = emptyQueue();
    const worker = { queue, appliers: {} as never, events: noEvents, nowMs: () => Date.now(), batchSize: 8, leaseMs: 10_000, backoffMs: 10, maxBackoffMs: 100 };
    const loop = startSyncLoop({ worker, ownerPrefix: 't', workers: 3, pollMs: 60_000 });
    try {
      await until(() => claims() === 3);
      expect(claims()).toBe(3);
      for (let i = 0; i < 10; i++) loop.nudge();
      await until(() => claims() > 3);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(claims()).toBe(4);
      loop.wake();
      await until(() => claims() >= 7);
      expect(claims()).toBe(7);
    } finally {
      await loop.stop();
    }
  });
});
