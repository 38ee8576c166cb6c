import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { ShadowQueue } from '../../../src/shadow/shadow-queue';
import { TurnLane } from '../../../src/shadow/turn-lane';

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

describe('turn lane', () => {
  it('lets one waiter through per deferred turn, in order', async () => {
    const turns: (() => void)[] = [];
    const lane = new TurnLane((run) => void turns.push(run));
    const passed: number[] = [];
    const waits = [1, 2, 3].map((n) => lane.turn().then(() => passed.push(n)));
    expect(turns).toHaveLength(1); // one turn scheduled however many wait
    expect(lane.length).toBe(3);
    for (let expected = 1; expected <= 3; expected++) {
      turns.shift()!();
      await Promise.resolve();
      expect(passed).toEqual([1, 2, 3].slice(0, expected));
    }
    turns.shift()!(); // finds nobody waiting: stops scheduling
    expect(turns).toHaveLength(0);
    await Promise.all(waits);
    void lane.turn();
    expect(turns).toHaveLength(1);
  });

  it('lets socket I/O that arrived meanwhile be handled between two waiters', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
    const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
    const peer = await accepted;
    const order: string[] = [];
    peer.on('data', () => order.push('device-io'));
    const lane = new TurnLane();
    const first = lane.turn().then(() => {
      order.push('first');
      client.write('x'); // readable on the peer by the next poll
    });
    const second = lane.turn().then(() => order.push('second'));
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'device-io', 'second']);
    client.destroy();
    peer.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
});
