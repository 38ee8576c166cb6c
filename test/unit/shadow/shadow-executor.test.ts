import { createDiffEngine, phoenixRuleSet } from '../../../src/shadow';
import { defaultShadowSettings, ShadowExecutor, type ShadowJob, type ShadowPorts, type SideAnswer } from '../../../src/shadow/shadow-executor';

const engine = createDiffEngine({ rules: phoenixRuleSet });
const primary = JSON.stringify({ executionTime: 0.1, result: { id: 1, name: 'Film' } });

function job(over: Partial<ShadowJob> = {}): ShadowJob {
  return { operationId: 'asset.get', region: 'eu', call: { service: 'asset', action: 'get', params: { id: 1 } }, apiBaseUrl: 'http://x/api_v3', primary, primaryBytes: primary.length, primaryMs: 5, ...over };
}

const answer = (text: string): SideAnswer => ({ answer: text, bytes: text.length, failed: false });

function ports(over: Partial<ShadowPorts> = {}): ShadowPorts {
  return { runCandidate: () => Promise.resolve(answer(primary)), nowMs: () => Date.now(), random: () => 0.99, ...over };
}

describe('shadow executor', () => {
  it('compares the candidate with the primary and counts parity per operation and region', async () => {
    const executor = new ShadowExecutor(engine, ports({ runCandidate: (j) => Promise.resolve(answer(j.call.params.id === 2 ? primary.replace('Film', 'Flim') : primary)) }));
    executor.offer(job());
    executor.offer(job({ call: { service: 'asset', action: 'get', params: { id: 2 } } }));
    await executor.idle();
    const [delta] = executor.parity.takeDeltas();
    expect(delta).toMatchObject({ operation: 'asset.get', region: 'eu', samples: 2, identical: 1 });
    expect([...delta!.fields.values()]).toEqual([{ field: '/result/name', kind: 'value', raw: 1, noise: 0, pointer: '/result/name' }]);
    expect([...delta!.clusters.values()][0]!.sample).toMatchObject({ primary: { result: { name: 'Film' } }, candidate: { result: { name: 'Flim' } } });
  });

  it('refuses at once when the queue is full (entries or bytes) and counts why', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const executor = new ShadowExecutor(engine, ports({ runCandidate: () => gate.then(() => answer(primary)) }), { ...defaultShadowSettings, concurrency: 1, maxQueueEntries: 2, maxQueueBytes: 10_000, bodyCapBytes: 15_000 });
    const offered = Array.from({ length: 5 }, () => executor.offer(job()));
    expect(offered).toEqual([true, true, true, false, false]);
    // A full queue is seen before the next answer is captured.
    expect(executor.admits(0)).toBe('queue-full');
    expect(executor.offer(job({ primaryBytes: 20_000 }))).toBe(false);
    expect(executor.dropCounts()).toMatchObject({ 'queue-full': 2, 'too-large': 1 });
    release();
    await executor.idle();
    expect(executor.load()).toEqual({ queued: 0, running: 0, bytes: 0 });
    expect(executor.admits(0)).toBeUndefined();
    expect(executor.offer(job({ primaryBytes: 9_000 }))).toBe(true);
    expect(executor.offer(job({ primaryBytes: 2_000 }))).toBe(false);
    expect(executor.dropCounts()['queue-full']).toBe(3);
    await executor.idle();
  });

  it('drops a candidate that misses its deadline, keeps the slot until it settles, and backs off', async () => {
    let now = 0;
    const settle: (() => void)[] = [];
    const executor = new ShadowExecutor(
      engine,
      ports({ nowMs: () => now, runCandidate: () => new Promise((resolve) => settle.push(() => resolve(answer(primary)))) }),
      { ...defaultShadowSettings, timeoutMs: 20, concurrency: 2, backoff: { failureThreshold: 2, slowMs: 1000, initialPauseMs: 5000, maxPauseMs: 60_000 } },
    );
    executor.offer(job());
    executor.offer(job());
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(executor.dropCounts().timeout).toBe(2);
    expect(executor.load().running).toBe(2);
    expect(executor.backingOff()).toBe(true);
    expect(executor.offer(job())).toBe(false);
    expect(executor.dropCounts().backoff).toBe(1);
    settle.forEach((f) => f());
    await executor.idle();
    now = 6000;
    expect(executor.offer(job())).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 5));
    settle.slice(2).forEach((f) => f());
    await executor.idle();
    expect(executor.backingOff()).toBe(false);
    expect(executor.parity.window('asset.get').counts.candidateErrors).toBe(2);
  });

  it('learns noise from a second primary call on the sampled share', async () => {
    let calls = 0;
    const varying = (): SideAnswer => answer(JSON.stringify({ result: { id: 1, name: 'Film', views: ++calls } }));
    const executor = new ShadowExecutor(engine, ports({ random: () => 0, runCandidate: () => Promise.resolve(varying()), fetchPrimaryAgain: () => Promise.resolve(varying()) }));
    executor.offer(job({ primary: JSON.stringify({ result: { id: 1, name: 'Film', views: 0 } }) }));
    await executor.idle();
    const [delta] = executor.parity.takeDeltas();
    expect(delta).toMatchObject({ samples: 1, noiseSamples: 1 });
    expect(delta!.fields.get('value /result/views')).toMatchObject({ raw: 1, noise: 1 });
  });

  it('validates the contract on the sampled share only, and counts how many were checked', async () => {
    let r = 0.05;
    const executor = new ShadowExecutor(engine, ports({ random: () => r, countViolations: (_op, value) => ((value as any).result.name === 'Film' ? 0 : 1) }), { ...defaultShadowSettings, contractPercent: 10, noisePercent: 0 });
    executor.offer(job());
    await executor.idle();
    r = 0.5;
    executor.offer(job());
    await executor.idle();
    expect(executor.parity.takeDeltas()[0]).toMatchObject({ samples: 2, contractChecks: 1, primaryViolations: 0, candidateViolations: 0 });
  });

  it('counts a failed candidate as an error, not a sample', async () => {
    const executor = new ShadowExecutor(engine, ports({ runCandidate: () => Promise.reject(new Error('down')) }));
    executor.offer(job());
    executor.offer(job());
    await executor.idle();
    expect(executor.parity.takeDeltas()[0]).toMatchObject({ samples: 0, candidateErrors: 2 });
  });

  it('samples by percentage', () => {
    let r = 0;
    const executor = new ShadowExecutor(engine, ports({ random: () => r }));
    r = 0.3;
    expect([executor.sampled(undefined), executor.sampled(100), executor.sampled(0), executor.sampled(20), executor.sampled(40)]).toEqual([true, true, false, false, true]);
  });
});

describe('learned baselines', () => {
  it('calls the vendor again for noise at the full share until learnedAfter noise samples, then at a tenth', async () => {
    let again = 0;
    const executor = new ShadowExecutor(
      engine,
      ports({ random: () => 0.3, fetchPrimaryAgain: () => (again++, Promise.resolve(answer(primary))) }),
      { ...defaultShadowSettings, noisePercent: 50, contractPercent: 0, learnedAfter: 2 },
    );
    for (let i = 0; i < 5; i++) {
      executor.offer(job());
      await executor.idle();
    }
    expect(again).toBe(2);
    expect(executor.parity.window('asset.get').counts).toMatchObject({ samples: 5, noiseSamples: 2 });
    executor.parity.resetWindow('asset.get');
    executor.offer(job());
    await executor.idle();
    expect(again).toBe(3);
  });
});
