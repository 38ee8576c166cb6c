import { createCoverageTally, OTHER_OPERATION } from '../../../src/metrics/coverage-tally';

describe('coverage tally', () => {
  it('counts translated and passed-through calls per operation, most seen first', () => {
    let now = Date.UTC(2026, 10, 18);
    const tally = createCoverageTally({ nowMs: () => now });
    tally.record('asset.get', 'platform', true);
    now += 1000;
    tally.record('asset.get', 'vendor', true);
    tally.record('recording.add', 'vendor', false);
    tally.record('invalid', 'vendor', false);
    const report = tally.report();
    expect(report.operations.map((e) => [e.operation, e.seen, e.translated, e.passedThrough])).toEqual([['asset.get', 2, 1, 1], ['recording.add', 1, 0, 1]]);
    expect(report.operations[0]?.firstSeen).toBe('2026-11-18T00:00:00Z');
    expect(report.operations[0]?.lastSeen).toBe('2026-11-18T00:00:01Z');
    expect(report.untranslated).toEqual(['recording.add']);
    expect(tally.report(now + 1).operations).toEqual([]);
  });

  it('keeps at most maxOperations names and malformed ids under "other"', () => {
    const tally = createCoverageTally({ nowMs: () => 0, maxOperations: 3 });
    for (const id of ['a.one', 'b.two', 'c.three', 'd.four', 'Bad Id.x', `${'x'.repeat(70)}.y`]) tally.record(id, 'vendor', true);
    const names = tally.report().operations.map((e) => e.operation);
    expect(names.sort()).toEqual(['a.one', 'b.two', OTHER_OPERATION].sort());
    expect(tally.report().operations.find((e) => e.operation === OTHER_OPERATION)).toMatchObject({ seen: 4, hasTranslator: false });
  });
});
