import { compareStamps, formatStamp, HybridLogicalClock, parseStamp } from '../../../src/sync/hlc';

describe('hybrid logical clock', () => {
  it('never goes backwards when the wall clock does, and orders as text', () => {
    let wall = 5000;
    const clock = new HybridLogicalClock('a', () => wall);
    const first = clock.now();
    wall = 4000;
    const second = clock.now();
    expect(compareStamps(second, first)).toBeGreaterThan(0);
    expect(parseStamp(second)).toEqual({ physicalMs: 5000, counter: 1, site: 'a' });
  });

  it('moves past a stamp it observed from another site', () => {
    const clock = new HybridLogicalClock('a', () => 1000);
    const remote = formatStamp({ physicalMs: 9000, counter: 4, site: 'b' });
    clock.observe(remote);
    expect(compareStamps(clock.now(), remote)).toBeGreaterThan(0);
  });

  it('breaks ties between sites by site id, the same way everywhere', () => {
    const a = formatStamp({ physicalMs: 1, counter: 0, site: 'a' });
    const b = formatStamp({ physicalMs: 1, counter: 0, site: 'b' });
    expect(compareStamps(a, b)).toBeLessThan(0);
    expect(parseStamp('nonsense')).toBeUndefined();
    expect(() => new HybridLogicalClock('bad site', () => 0)).toThrow();
  });
});
