import { SqlCoverageDayStore } from '../../src/store/coverage-day-store';
import type { ConformanceContext } from './store-conformance';

const day1 = Date.UTC(2026, 10, 18, 10, 0, 0);
const day2 = Date.UTC(2026, 10, 19, 10, 0, 0);

/** Coverage day counts (migration 14): instances add to one row per day and operation; totals sum days. */
export function describeCoverageConformance(ctx: () => ConformanceContext): void {
  describe('coverage days', () => {
    it('sum what several instances add to the same day, and keep days apart', async () => {
      const a = new SqlCoverageDayStore(ctx().sql);
      const b = new SqlCoverageDayStore(ctx().sql);
      await a.addCounts([{ day: '2026-11-18', operation: 'system.ping', seen: 2, translated: 2, passedThrough: 0, firstSeenMs: day1, lastSeenMs: day1 + 10 }]);
      await b.addCounts([{ day: '2026-11-18', operation: 'system.ping', seen: 1, translated: 0, passedThrough: 1, firstSeenMs: day1 - 5, lastSeenMs: day1 + 5 }]);
      await b.addCounts([{ day: '2026-11-19', operation: 'system.ping', seen: 4, translated: 4, passedThrough: 0, firstSeenMs: day2, lastSeenMs: day2 }]);
      await a.addCounts([{ day: '2026-11-18', operation: 'recording.add', seen: 1, translated: 0, passedThrough: 1, firstSeenMs: day1, lastSeenMs: day1 }]);
      const all = await a.readTotals();
      expect(all.map((t) => [t.operation, t.seen, t.translated, t.passedThrough, t.firstSeenMs, t.lastSeenMs])).toEqual([
        ['recording.add', 1, 0, 1, day1, day1],
        ['system.ping', 7, 6, 1, day1 - 5, day2],
      ]);
      const rows = await ctx().sql.query<{ n: string | number }>('SELECT count(*) AS n FROM coverage_days');
      expect(Number(rows.rows[0]?.n)).toBe(3);
    });

    it('read only the days with calls since a time', async () => {
      const store = new SqlCoverageDayStore(ctx().sql);
      await store.addCounts([
        { day: '2026-11-18', operation: 'recording.add', seen: 1, translated: 0, passedThrough: 1, firstSeenMs: day1, lastSeenMs: day1 },
        { day: '2026-11-19', operation: 'system.ping', seen: 2, translated: 2, passedThrough: 0, firstSeenMs: day2, lastSeenMs: day2 },
      ]);
      expect((await store.readTotals(day2 - 1000)).map((t) => t.operation)).toEqual(['system.ping']);
      expect((await store.readTotals(day2 + 1000)).map((t) => t.operation)).toEqual([]);
    });

    it('accept an empty batch', async () => {
      await new SqlCoverageDayStore(ctx().sql).addCounts([]);
      expect(await new SqlCoverageDayStore(ctx().sql).readTotals()).toEqual([]);
    });
  });
}
