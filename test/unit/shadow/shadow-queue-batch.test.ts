import { ShadowQueue } from '../../../src/shadow/shadow-queue';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('shadow queue batches', () => {
  it('starts jobs offered within one batch window together, not one by one', async () => {
    const started: number[] = [];
    const queue = new ShadowQueue<number>({ maxEntries: 100, maxBytes: 1000, concurrency: 10, batchMs: 40 }, (job) => {
      started.push(job);
      return Promise.resolve();
    });
    for (let i = 0; i < 5; i++) queue.offer(i, 1);
    await sleep(5);
    expect(started).toEqual([]); // still inside the window
    expect(queue.load()).toMatchObject({ queued: 5, running: 0 });
    await sleep(80);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    await queue.idle();
    expect(queue.load()).toEqual({ queued: 0, running: 0, bytes: 0 });
  });

  it('keeps the concurrency bound per batch and starts the rest at a later tick', async () => {
    const release: (() => void)[] = [];
    let running = 0;
    let most = 0;
    const queue = new ShadowQueue<number>({ maxEntries: 100, maxBytes: 1000, concurrency: 2, batchMs: 5 }, async () => {
      most = Math.max(most, ++running);
      await new Promise<void>((resolve) => release.push(resolve));
      running--;
    });
    for (let i = 0; i < 5; i++) queue.offer(i, 10);
    await sleep(30);
    expect(queue.load()).toEqual({ queued: 3, running: 2, bytes: 50 });
    while (queue.load().queued + queue.load().running > 0) {
      release.splice(0).forEach((r) => r());
      await sleep(15);
    }
    expect(most).toBe(2);
    expect(queue.load().bytes).toBe(0);
  });

  it('without batchMs starts a job at once', () => {
    const started: number[] = [];
    const queue = new ShadowQueue<number>({ maxEntries: 10, maxBytes: 100, concurrency: 1 }, (job) => {
      started.push(job);
      return Promise.resolve();
    });
    queue.offer(7, 1);
    expect(started).toEqual([7]);
  });
});
