import { BreakerOpenError } from '../../../src/upstream/circuit-breaker';
import { createRetryBudget, withRetry } from '../../../src/upstream/retry-budget';

function flaky(failures: number) {
  let calls = 0;
  const fn = jest.fn(() => (++calls <= failures ? Promise.reject(new Error(`fail ${calls}`)) : Promise.resolve(`ok ${calls}`)));
  return fn;
}

describe('withRetry', () => {
  const clock = { nowMs: () => 0 };

  it('retries an idempotent read once', async () => {
    const budget = createRetryBudget({ clock });
    const fn = flaky(1);
    await expect(withRetry(fn, { idempotent: true, budget })).resolves.toBe('ok 2');
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('retries at most once', async () => {
    const fn = flaky(5);
    await expect(withRetry(fn, { idempotent: true, budget: createRetryBudget({ clock }) })).rejects.toThrow('fail 2');
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('never retries a write', async () => {
    const fn = flaky(1);
    await expect(withRetry(fn, { idempotent: false, budget: createRetryBudget({ clock }) })).rejects.toThrow('fail 1');
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('does not retry into an open breaker', async () => {
    const fn = jest.fn(() => Promise.reject(new BreakerOpenError('vendor')));
    await expect(withRetry(fn, { idempotent: true, budget: createRetryBudget({ clock }) })).rejects.toBeInstanceOf(BreakerOpenError);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('retry budget', () => {
  it('allows the floor plus 10% of requests in the window, then refuses', () => {
    const budget = createRetryBudget({ clock: { nowMs: () => 0 }, ratio: 0.1, minRetries: 2 });
    for (let i = 0; i < 100; i++) budget.recordRequest();
    const granted = Array.from({ length: 20 }, () => budget.tryRetry()).filter(Boolean).length;
    expect(granted).toBe(12); // 2 + 0.1 × 100
  });

  it('refills as the window rolls on', () => {
    let now = 0;
    const budget = createRetryBudget({ clock: { nowMs: () => now }, windowMs: 10_000, ratio: 0, minRetries: 1 });
    budget.recordRequest();
    expect(budget.tryRetry()).toBe(true);
    expect(budget.tryRetry()).toBe(false);
    now += 11_000;
    expect(budget.tryRetry()).toBe(true);
  });

  it('spends the budget across calls under sustained failure', async () => {
    const budget = createRetryBudget({ clock: { nowMs: () => 0 }, ratio: 0.1, minRetries: 0 });
    let calls = 0;
    const down = () => {
      calls++;
      return Promise.reject(new Error('down'));
    };
    for (let i = 0; i < 100; i++) await expect(withRetry(down, { idempotent: true, budget })).rejects.toThrow();
    expect(calls).toBeLessThanOrEqual(110);
  });
});
