import { backoffDelay } from '../../../src/sync/sync-worker';

describe('retry backoff', () => {
  it('doubles per attempt up to the cap, with ±20 % jitter', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffDelay(n, 100, 1000, () => 0.5))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelay(1, 100, 1000, () => 0)).toBe(80);
    expect(backoffDelay(1, 100, 1000, () => 1)).toBe(120);
  });
});
