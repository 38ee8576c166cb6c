import { BreakerOpenError, createCircuitBreaker, type BreakerState } from '../../../src/upstream/circuit-breaker';

function setup(overrides: Partial<Parameters<typeof createCircuitBreaker>[0]> = {}) {
  let now = 1_000_000;
  const changes: string[] = [];
  const breaker = createCircuitBreaker({
    name: 'vendor',
    clock: { nowMs: () => now },
    windowMs: 10_000,
    failureThreshold: 3,
    failureRatio: 0.5,
    minimumCalls: 10,
    coolDownMs: 5000,
    onStateChange: (to: BreakerState, from: BreakerState, name: string) => changes.push(`${name}:${from}->${to}`),
    ...overrides,
  });
  return { breaker, changes, advance: (ms: number) => (now += ms) };
}

const fail = () => Promise.reject(new Error('down'));
const succeed = () => Promise.resolve('ok');

describe('circuit breaker', () => {
  it('opens after N failures in the window and then fails fast without calling', async () => {
    const { breaker, changes } = setup();
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow('down');
    expect(breaker.state()).toBe('open');
    const fn = jest.fn(succeed);
    await expect(breaker.run(fn)).rejects.toBeInstanceOf(BreakerOpenError);
    expect(fn).not.toHaveBeenCalled();
    expect(changes).toEqual(['vendor:closed->open']);
  });

  it('forgets failures that fall out of the rolling window', async () => {
    const { breaker, advance } = setup();
    await expect(breaker.run(fail)).rejects.toThrow();
    await expect(breaker.run(fail)).rejects.toThrow();
    advance(11_000);
    await expect(breaker.run(fail)).rejects.toThrow();
    expect(breaker.state()).toBe('closed');
  });

  it('opens on the failure ratio once enough calls were seen', async () => {
    const { breaker } = setup({ failureThreshold: 100 });
    for (let i = 0; i < 5; i++) await breaker.run(succeed);
    for (let i = 0; i < 4; i++) await expect(breaker.run(fail)).rejects.toThrow();
    expect(breaker.state()).toBe('closed'); // 4/9, below the minimum of 10 calls
    await expect(breaker.run(fail)).rejects.toThrow();
    expect(breaker.state()).toBe('open'); // 5/10 = 0.5
  });

  it('half-opens after the cool-down, lets one probe through, and closes on its success', async () => {
    const { breaker, advance, changes } = setup();
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow();
    advance(4999);
    expect(breaker.state()).toBe('open');
    advance(1);
    expect(breaker.state()).toBe('half-open');
    const probe = breaker.tryAcquire();
    expect(probe).toBeDefined();
    expect(breaker.tryAcquire()).toBeUndefined(); // only one probe at a time
    probe!.succeed();
    expect(breaker.state()).toBe('closed');
    expect(changes).toEqual(['vendor:closed->open', 'vendor:open->half-open', 'vendor:half-open->closed']);
    await expect(breaker.run(fail)).rejects.toThrow();
    expect(breaker.state()).toBe('closed'); // the window was reset on closing
  });

  it('re-opens when the probe fails, for a new cool-down', async () => {
    const { breaker, advance } = setup();
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow();
    advance(5000);
    await expect(breaker.run(fail)).rejects.toThrow('down');
    expect(breaker.state()).toBe('open');
    advance(4000);
    expect(breaker.state()).toBe('open');
    advance(1000);
    expect(breaker.state()).toBe('half-open');
  });

  it('frees the probe slot when a probe is cancelled, and ignores repeated reports', async () => {
    const { breaker, advance } = setup();
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow();
    advance(5000);
    const probe = breaker.tryAcquire()!;
    probe.cancel();
    probe.fail();
    expect(breaker.state()).toBe('half-open');
    expect(breaker.tryAcquire()).toBeDefined();
  });

  it('does not count errors that isFailure excludes', async () => {
    const { breaker } = setup();
    for (let i = 0; i < 5; i++) await expect(breaker.run(fail, () => false)).rejects.toThrow();
    expect(breaker.state()).toBe('closed');
  });
});
