import type { ConformanceContext } from './store-conformance';

/** The driver seam itself: result shapes, transactions, savepoints, cursors. */
export function describeSqlClientConformance(ctx: () => ConformanceContext): void {
  describe('sql client', () => {
    it('returns int8 as numbers, timestamptz as Date and jsonb parsed, like the other driver', async () => {
      const { rows, rowCount } = await ctx().sql.query<{ big: number; n: number; at: Date; doc: unknown }>(
        `SELECT 9000000000::bigint AS big, count(*) AS n, now() AS at, '{"a":[1]}'::jsonb AS doc`,
      );
      expect(rowCount).toBe(1);
      expect(rows[0]).toEqual({ big: 9000000000, n: 1, at: expect.any(Date), doc: { a: [1] } });
    });

    it('commits a transaction that resolves and rolls back one that throws', async () => {
      const { sql, store } = ctx();
      await sql.transaction((tx) => store.cursors.set('kept', '1', tx));
      await expect(sql.transaction(async (tx) => {
        await store.cursors.set('lost', '1', tx);
        throw new Error('boom');
      })).rejects.toThrow('boom');
      expect(await store.cursors.get('kept')).toBe('1');
      expect(await store.cursors.get('lost')).toBeUndefined();
    });

    it('nests transactions as savepoints: an inner failure keeps the outer work', async () => {
      const { sql, store } = ctx();
      await sql.transaction(async (tx) => {
        await store.cursors.set('outer', 'a', tx);
        await expect(tx.transaction(async (inner) => {
          await store.cursors.set('inner', 'b', inner);
          throw new Error('inner');
        })).rejects.toThrow('inner');
      });
      expect(await store.cursors.get('outer')).toBe('a');
      expect(await store.cursors.get('inner')).toBeUndefined();
    });

    it('refuses close() on a transaction client', async () => {
      await ctx().sql.transaction(async (tx) => {
        await expect(tx.close()).rejects.toThrow(/transaction client/);
      });
    });

    it('keeps sync cursors: absent, set, overwritten', async () => {
      const { cursors } = ctx().store;
      expect(await cursors.get('platform-feed')).toBeUndefined();
      await cursors.set('platform-feed', '10');
      await cursors.set('platform-feed', '42');
      expect(await cursors.get('platform-feed')).toBe('42');
    });
  });
}
