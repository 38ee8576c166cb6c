import { createCoverageDayBuffer, dayOf, reportFromTotals, type CoverageDayCount } from '../../../src/metrics/coverage-days';

const day1 = Date.UTC(2026, 10, 18, 23, 59, 0);
const day2 = Date.UTC(2026, 10, 19, 0, 1, 0);

describe('coverage day buffer', () => {
  it('counts per UTC day and operation, translated and passed through apart', () => {
    const buffer = createCoverageDayBuffer();
    buffer.record('system.ping', 'platform', day1);
    buffer.record('system.ping', 'vendor', day1 + 1000);
    buffer.record('system.ping', 'platform', day2);
    const taken = buffer.take().sort((a, b) => a.day.localeCompare(b.day));
    expect(taken).toEqual([
      { day: '2026-11-18', operation: 'system.ping', seen: 2, translated: 1, passedThrough: 1, firstSeenMs: day1, lastSeenMs: day1 + 1000 },
      { day: '2026-11-19', operation: 'system.ping', seen: 1, translated: 1, passedThrough: 0, firstSeenMs: day2, lastSeenMs: day2 },
    ]);
    expect(buffer.take()).toEqual([]);
  });

  it('keeps at most maxKeys keys, the rest counting under other', () => {
    const buffer = createCoverageDayBuffer(3);
    for (const op of ['a.one', 'b.two', 'c.three', 'd.four']) buffer.record(op, 'vendor', day1);
    const taken = buffer.take();
    expect(taken.map((t) => [t.operation, t.seen])).toEqual([['a.one', 1], ['b.two', 1], ['other', 2]]);
  });

  it('names the UTC day of an instant', () => {
    expect(dayOf(day1)).toBe('2026-11-18');
    expect(dayOf(day2)).toBe('2026-11-19');
  });

  it('names the right day on both sides of midnight whatever it named last', () => {
    const midnight = Date.UTC(2026, 10, 19);
    expect([dayOf(midnight - 1), dayOf(midnight), dayOf(midnight - 1), dayOf(midnight + 86_400_000), dayOf(-1)]).toEqual(['2026-11-18', '2026-11-19', '2026-11-18', '2026-11-20', '1969-12-31']);
  });
});

describe('coverage report from stored totals', () => {
  const totals: CoverageDayCount[] = [
    { day: '', operation: 'recording.add', seen: 1, translated: 0, passedThrough: 1, firstSeenMs: day2, lastSeenMs: day2 },
    { day: '', operation: 'system.ping', seen: 3, translated: 3, passedThrough: 0, firstSeenMs: day1, lastSeenMs: day2 },
    { day: '', operation: 'other', seen: 1, translated: 0, passedThrough: 1, firstSeenMs: day2, lastSeenMs: day2 },
  ];

  it('sorts by calls, asks for translators now, and sums', () => {
    const report = reportFromTotals(totals, (op) => op === 'system.ping' || op === 'other', day2 + 5000);
    expect(report.operations.map((e) => [e.operation, e.hasTranslator])).toEqual([['system.ping', true], ['other', false], ['recording.add', false]]);
    expect(report.untranslated).toEqual(['other', 'recording.add']);
    expect(report.totals).toEqual({ seen: 5, translated: 3, passedThrough: 2 });
    expect(report.since).toBe('2026-11-18T23:59:00Z');
  });

  it('falls back to the given start when nothing is stored', () => {
    expect(reportFromTotals([], () => true, day1).since).toBe('2026-11-18T23:59:00Z');
  });
});
