import type { ClaimedOutboxRow, OutboxEntry } from '../../src/store';
import type { ConformanceContext } from './store-conformance';

const LEASE_MS = 30_000;

function entry(key: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return { entity: 'bookmark', entityKey: `u1:${key}`, householdId: 'h1', op: 'upsert', payload: { position: 42 }, origin: 'vendor', idempotencyKey: key, ...overrides };
}

/** Claims until the outbox is empty; completes what it claims. */
async function drain(ctx: ConformanceContext, owner: string, seen: number[][]): Promise<void> {
  for (;;) {
    const batch = await ctx.store.outbox.claimBatch(owner, 7, LEASE_MS);
    if (batch.length === 0) return;
    seen.push(batch.map((row) => row.id));
    await ctx.store.outbox.complete(batch.map((row) => row.id), owner);
  }
}

/** OutboxStore: dedupe, SKIP LOCKED claims, leases, retries, dead letters, stats. */
export function describeOutboxConformance(ctx: () => ConformanceContext): void {
  describe('outbox', () => {
    it('deduplicates by idempotency key, within a batch and across calls', async () => {
      const { outbox } = ctx().store;
      expect(await outbox.enqueue([entry('a'), entry('b'), entry('a')])).toEqual({ enqueued: 2, duplicates: 1 });
      expect(await outbox.enqueue([entry('b'), entry('c')])).toEqual({ enqueued: 1, duplicates: 1 });
      expect((await outbox.stats()).pending).toBe(3);
    });

    it('keeps payloads exactly, arrays included, and hands rows out oldest first', async () => {
      const { outbox } = ctx().store;
      const payloads = [[1, 'two', { three: 3 }], { nested: { list: [] } }, 'text', null];
      await outbox.enqueue(payloads.map((payload, i) => entry(`p${i}`, { payload, householdId: undefined })));
      const rows = await outbox.claimBatch('w1', 10, LEASE_MS);
      expect(rows.map((r) => r.payload)).toEqual(payloads);
      expect(rows[0]).toMatchObject({ entity: 'bookmark', entityKey: 'u1:p0', householdId: null, op: 'upsert', origin: 'vendor', idempotencyKey: 'p0', attempts: 1, leaseOwner: 'w1', lastError: null });
    });

    it('enqueues inside a caller\'s transaction: rolled back with it', async () => {
      const { outbox } = ctx().store;
      await expect(ctx().sql.transaction(async (tx) => {
        await outbox.enqueue([entry('tx')], tx);
        throw new Error('write failed');
      })).rejects.toThrow('write failed');
      expect((await outbox.stats()).pending).toBe(0);
    });

    it('never gives the same row to two concurrent claimers', async () => {
      const c = ctx();
      await c.store.outbox.enqueue(Array.from({ length: 200 }, (_, i) => entry(`k${i}`)));
      const first: number[][] = [];
      const second: number[][] = [];
      await Promise.all([drain(c, 'w1', first), drain(c, 'w2', second), drain(c, 'w3', second)]);
      const all = [...first.flat(), ...second.flat()];
      expect(all).toHaveLength(200);
      expect(new Set(all).size).toBe(200);
      expect(await c.store.outbox.stats()).toMatchObject({ pending: 0, leased: 0, dead: 0, oldestOpenMs: null });
    });

    it('makes a row claimable again when its lease runs out, and fences the old owner', async () => {
      const { store, clock } = ctx();
      await store.outbox.enqueue([entry('lease')]);
      const [row] = await store.outbox.claimBatch('w1', 10, LEASE_MS);
      expect(await store.outbox.claimBatch('w2', 10, LEASE_MS)).toEqual([]);
      expect(await store.outbox.stats()).toMatchObject({ pending: 0, leased: 1 });
      clock.advanceSeconds(31);
      expect(await store.outbox.stats()).toMatchObject({ pending: 1, leased: 0 });
      const [again] = await store.outbox.claimBatch('w2', 10, LEASE_MS);
      expect(again).toMatchObject({ id: row!.id, attempts: 2, leaseOwner: 'w2' });
      expect(await store.outbox.complete([row!.id], 'w1')).toBe(0);
      expect(await store.outbox.fail(row!.id, 'late', clock.nowMs(), 'w1')).toBe('stale');
      expect(await store.outbox.complete([row!.id], 'w2')).toBe(1);
      expect(await store.outbox.complete([row!.id])).toBe(0);
    });

    it('retries at the requested time, then dead-letters after the maximum attempts', async () => {
      const { store, clock, maxAttempts } = ctx();
      await store.outbox.enqueue([entry('poison')]);
      let row: ClaimedOutboxRow | undefined;
      for (let attempt = 1; attempt < maxAttempts; attempt++) {
        [row] = await store.outbox.claimBatch('w1', 10, LEASE_MS);
        expect(row?.attempts).toBe(attempt);
        expect(await store.outbox.fail(row!.id, `error ${attempt}`, clock.nowMs() + 5000, 'w1')).toBe('retry');
        expect(await store.outbox.claimBatch('w1', 10, LEASE_MS)).toEqual([]);
        clock.advanceSeconds(6);
      }
      [row] = await store.outbox.claimBatch('w1', 10, LEASE_MS);
      expect(row).toMatchObject({ attempts: maxAttempts, lastError: `error ${maxAttempts - 1}` });
      expect(await store.outbox.fail(row!.id, 'final', clock.nowMs(), 'w1')).toBe('dead');
      expect(await store.outbox.stats()).toMatchObject({ pending: 0, leased: 0, dead: 1 });
      const [dead] = await store.outbox.listDeadLetters(10);
      expect(dead).toMatchObject({ id: row!.id, idempotencyKey: 'poison', attempts: maxAttempts, lastError: 'final' });
    });

    it('dead-letters a row abandoned under lease on its final attempt', async () => {
      const { store, clock, maxAttempts } = ctx();
      await store.outbox.enqueue([entry('crasher')]);
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        expect(await store.outbox.claimBatch('w1', 10, LEASE_MS)).toHaveLength(1);
        clock.advanceSeconds(31); // the worker died holding it
      }
      expect(await store.outbox.claimBatch('w2', 10, LEASE_MS)).toEqual([]);
      const [dead] = await store.outbox.listDeadLetters(10);
      expect(dead?.lastError).toMatch(/lease expired on the final attempt/);
    });

    it('reports pending, leased, dead and the oldest open row; prunes done rows', async () => {
      const { store, clock } = ctx();
      const createdAt = clock.nowMs();
      await store.outbox.enqueue([entry('s1'), entry('s2'), entry('s3'), entry('later', { availableAtMs: createdAt + 60_000 })]);
      const [claimed] = await store.outbox.claimBatch('w1', 1, LEASE_MS);
      expect(claimed?.idempotencyKey).toBe('s1');
      const stats = await store.outbox.stats();
      expect(stats).toMatchObject({ pending: 3, leased: 1, dead: 0 });
      expect(Math.abs(stats.oldestOpenMs! - createdAt)).toBeLessThan(5);
      await store.outbox.complete([claimed!.id]);
      clock.advanceSeconds(10);
      expect(await store.outbox.pruneCompleted(clock.nowMs())).toBe(1);
      expect(await store.outbox.enqueue([entry('s1')])).toEqual({ enqueued: 1, duplicates: 0 });
    });
  });
}
