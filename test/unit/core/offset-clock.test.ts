import { OffsetClock } from '../../../src/core/clock';

describe('OffsetClock', () => {
  it('keeps whole milliseconds whatever fraction of a second it is shifted by (stores keep time as bigint)', () => {
    const clock = new OffsetClock({ nowMs: () => 1_000_000 });
    clock.setOffsetSeconds(1.0005);
    expect(Number.isInteger(clock.nowMs())).toBe(true);
    clock.advanceSeconds(0.0004);
    expect(Number.isInteger(clock.nowMs())).toBe(true);
    clock.setOffsetSeconds(3600.5);
    expect(clock.nowMs()).toBe(1_000_000 + 3_600_500);
  });
});
