import { OffsetClock } from '../../../src/core/clock';
import { decideTarget, PolicyHolder } from '../../../src/policy';
import { MigrationController, type MigrationStatePort } from '../../../src/shadow/migration-controller';
import type { MigrationTransition, OperationMigration } from '../../../src/shadow/migration-state';
import { ParityAccumulator } from '../../../src/shadow/parity-accumulator';
import { defaultGateSettings, evaluateGates } from '../../../src/shadow/promotion-gates';
import type { Difference } from '../../../src/shadow';

const name: Difference = { pointer: '/result/name', field: '/result/name', kind: 'value' };

function setup(gates = { ...defaultGateSettings, minSamples: 10, minDwellMs: 0 }) {
  let now = 1_000_000;
  const clock = new OffsetClock({ nowMs: () => now });
  const policy = new PolicyHolder({ clock });
  policy.replace({ salt: 's', rules: [{ id: 'operator-rule', match: { operations: ['asset.list'] }, target: 'platform' }] }, 'operator');
  const saved: MigrationTransition[] = [];
  const store: MigrationStatePort = { list: () => Promise.resolve([]), save: (_s: OperationMigration, t: MigrationTransition) => Promise.resolve(void saved.push(t)) };
  const parity = new ParityAccumulator(() => now);
  const controller = new MigrationController({ policy, store, window: (op) => parity.window(op), resetWindow: (op) => parity.resetWindow(op), isReadOnly: (op) => op.endsWith('.get') || op.endsWith('.list'), nowMs: () => now }, gates, 100);
  const feed = (op: string, samples: number, differing: number, candidateMs = 10) => {
    for (let i = 0; i < samples; i++) parity.addSample(op, '', { differences: i < differing ? [name] : [], primaryMs: 10, candidateMs });
  };
  return { policy, controller, saved, feed, parity, advance: (ms: number) => (now += ms) };
}

describe('migration controller and promotion gates', () => {
  it('moves an operation by hand through the versioned policy, keeping the operator rules', async () => {
    const { policy, controller, saved } = setup();
    const before = policy.current().version;
    const moved = await controller.move('asset.get', { to: 'canary', percent: 10 }, 'ops');
    expect(moved.ok).toBe(true);
    expect(policy.current().version).toBe(before + 1);
    expect(policy.current().author).toBe('migration:ops');
    expect(policy.current().document.rules.map((r) => r.id)).toEqual(['migration/asset.get', 'operator-rule']);
    expect(policy.current().document.rules[0]).toMatchObject({ target: 'platform', percent: 10, shadowPercent: 100, fallbackToVendor: true });
    expect(saved[0]).toMatchObject({ operation: 'asset.get', from: { stage: 'vendor' }, to: { stage: 'canary', percent: 10 }, cause: 'manual', actor: 'ops', policyVersion: before + 1 });
  });

  it('refuses bad moves without touching the policy', async () => {
    const { policy, controller } = setup();
    const version = policy.current().version;
    expect(await controller.move('asset.get', { to: 'canary' }, 'ops')).toMatchObject({ ok: false });
    expect(await controller.move('asset.get', { to: 'platform', percent: 5 }, 'ops')).toMatchObject({ ok: false });
    expect(await controller.move('asset.get', { to: 'sideways' as never }, 'ops')).toMatchObject({ ok: false });
    expect(policy.current().version).toBe(version);
  });

  it('shadows reads but never writes in the shadow stage', async () => {
    const { policy, controller } = setup();
    await controller.move('asset.get', { to: 'shadow' }, 'ops');
    await controller.move('bookmark.add', { to: 'shadow' }, 'ops');
    expect(decideTarget(policy.current().policy, { operationId: 'asset.get' })).toMatchObject({ target: 'vendor', shadow: true });
    expect(decideTarget(policy.current().policy, { operationId: 'bookmark.add' })).toMatchObject({ target: 'vendor', shadow: false });
  });

  it('advances shadow → canary steps → platform when gates pass over enough samples', async () => {
    const { controller, feed } = setup();
    await controller.move('asset.get', { to: 'shadow' }, 'ops');
    feed('asset.get', 5, 0);
    expect((await controller.tick())[0]).toMatchObject({ action: 'stay', reason: '5/10 samples' });
    const walk: string[] = [];
    for (let round = 0; round < 4; round++) {
      feed('asset.get', 20, 0);
      await controller.tick();
      const state = controller.stateOf('asset.get');
      walk.push(state.stage === 'canary' ? `canary ${state.percent}` : state.stage);
    }
    expect(walk).toEqual(['canary 1', 'canary 10', 'canary 50', 'platform']);
  });

  it('rolls a canary back to shadow when parity drops below its gate, and says why', async () => {
    const { policy, controller, feed, saved } = setup();
    await controller.move('asset.get', { to: 'canary', percent: 10 }, 'ops');
    feed('asset.get', 20, 5);
    const [verdict] = await controller.tick();
    expect(verdict).toMatchObject({ action: 'rollback', to: 'shadow' });
    expect(controller.stateOf('asset.get')).toMatchObject({ stage: 'shadow', percent: 0 });
    expect(saved.at(-1)).toMatchObject({ cause: 'rollback', actor: 'schedule', reason: expect.stringMatching(/parity 75\.00% < 99%/) });
    expect(decideTarget(policy.current().policy, { operationId: 'asset.get', householdId: 1 })).toMatchObject({ target: 'vendor', shadow: true });
  });

  it('rolls back on candidate errors or p99 before N samples, but never on parity alone', () => {
    const { parity } = setup();
    const canary: OperationMigration = { operation: 'x', stage: 'canary', percent: 10, hold: false, reason: '', changedAtMs: 0 };
    for (let i = 0; i < 3; i++) parity.addSample('x', '', { differences: [name], primaryMs: 10, candidateMs: 10 });
    expect(evaluateGates(canary, parity.window('x'), { ...defaultGateSettings, minSamples: 10 }, 0).action).toBe('stay');
    for (let i = 0; i < 3; i++) parity.addSample('y', '', { differences: [], primaryMs: 10, candidateMs: 900 });
    expect(evaluateGates({ ...canary, operation: 'y' }, parity.window('y'), { ...defaultGateSettings, minSamples: 10 }, 0)).toMatchObject({ action: 'rollback', reason: expect.stringMatching(/p99 delta/) });
    parity.addCandidateError('z', '');
    expect(evaluateGates({ ...canary, operation: 'z' }, parity.window('z'), { ...defaultGateSettings, minSamples: 10 }, 0)).toMatchObject({ action: 'rollback', reason: expect.stringMatching(/candidate errors/) });
  });

  it('leaves a held operation alone and waits for the dwell time before advancing', async () => {
    const { controller, feed, advance } = setup({ ...defaultGateSettings, minSamples: 10, minDwellMs: 60_000 });
    await controller.move('asset.get', { to: 'shadow' }, 'ops');
    feed('asset.get', 20, 0);
    expect((await controller.tick())[0]).toMatchObject({ action: 'stay', reason: expect.stringMatching(/dwell/) });
    await controller.setHold('asset.get', true, 'ops');
    advance(120_000);
    expect((await controller.tick())[0]).toMatchObject({ action: 'stay', reason: 'held' });
    await controller.setHold('asset.get', false, 'ops');
    advance(120_000);
    feed('asset.get', 20, 0);
    expect((await controller.tick())[0]).toMatchObject({ action: 'advance', to: 'canary', percent: 1 });
  });
});
