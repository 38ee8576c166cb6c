import type { OperationMigration } from '../../../src/shadow/migration-state';
import { ruleForMigration } from '../../../src/shadow/migration-rules';
import { createDiffEngine, phoenixRuleSet } from '../../../src/shadow';
import { ShadowExecutor, type SideAnswer } from '../../../src/shadow/shadow-executor';
import { StateComparer } from '../../../src/shadow/state-comparer';
import { isStateCompared, stateReadOf } from '../../../src/shadow/state-reads';
import { StateWatches } from '../../../src/shadow/state-watches';

const engine = createDiffEngine({ rules: phoenixRuleSet });
const answer = (value: unknown): SideAnswer => ({ answer: JSON.stringify(value), bytes: JSON.stringify(value).length, failed: false });
const list = (objects: unknown[]) => ({ executionTime: 0.2, result: { objectType: 'KalturaHouseholdDeviceListResponse', objects, totalCount: objects.length } });

describe('state reads of synced writes', () => {
  it('reads bookmarks by asset and user, favorites by asset, devices by udid; a purchase without a known product type has none', () => {
    const bookmark = stateReadOf({ entity: 'bookmark', key: 'u1:480001:media', userId: 'u1', value: { assetId: 480001, assetType: 'media', position: 5 } }, 'KS');
    expect(bookmark).toMatchObject({ operationId: 'bookmark.list', call: { service: 'bookmark', action: 'list', params: { ks: 'KS', filter: { assetIdIn: '480001', assetTypeEqual: 'media' } } } });
    const mine = bookmark!.focus!({ result: { objects: [{ userId: 'u1', position: 5 }, { userId: 'u2', position: 9 }], totalCount: 2 } });
    expect(mine).toEqual({ result: { objects: [{ userId: 'u1', position: 5 }], totalCount: 1 } });
    expect(stateReadOf({ entity: 'favorite', key: 'u1:480002', value: { assetId: 480002 } }, 'KS')).toMatchObject({ operationId: 'favorite.list', call: { params: { filter: { mediaIdIn: '480002' } } } });
    const device = stateReadOf({ entity: 'device', key: '5002:stb', value: { udid: 'stb' } }, 'KS')!;
    expect(device.focus!(list([{ udid: 'stb' }, { udid: 'other' }]))).toEqual(list([{ udid: 'stb' }]));
    expect(device.focus!({ result: { error: { code: '500016' } } })).toEqual({ result: { error: { code: '500016' } } });
    expect(stateReadOf({ entity: 'purchase', key: '5002:vendor:1', value: { productId: 1 } }, 'KS')).toBeUndefined();
    expect(['bookmark.add', 'favorite.delete', 'householddevice.add', 'transaction.purchase', 'asset.get'].map(isStateCompared)).toEqual([true, true, true, true, false]);
  });
});

describe('state watches', () => {
  it('is bounded, replaces an older watch of a key, and expires what the sync never applied', () => {
    let now = 0;
    const lost: string[] = [];
    const read = stateReadOf({ entity: 'favorite', key: 'k', value: { assetId: 1 } }, 'KS')!;
    const watches = new StateWatches({ maxEntries: 2, ttlMs: 1000 }, () => now, (reason, op) => lost.push(`${reason} ${op}`));
    const watch = (op: string) => ({ operationId: op, region: '', apiBaseUrl: '', read });
    expect(watches.add('favorite a', watch('favorite.add'))).toBe(true);
    expect(watches.add('favorite a', watch('favorite.delete'))).toBe(true);
    expect(watches.add('favorite b', watch('favorite.add'))).toBe(true);
    expect(watches.add('favorite c', watch('favorite.add'))).toBe(false);
    expect(lost).toEqual(['superseded favorite.add', 'queue-full favorite.add']);
    expect(watches.take('favorite a')?.operationId).toBe('favorite.delete');
    expect(watches.take('favorite a')).toBeUndefined();
    now = 1500;
    expect(watches.take('favorite b')).toBeUndefined();
    expect(lost).toEqual(['superseded favorite.add', 'queue-full favorite.add', 'unsynced favorite.add']);
    expect(watches.size()).toBe(0);
  });
});

describe('state comparer', () => {
  it('reads both sides once applied, diffs the focused entity under the write operation with the read rules', async () => {
    const vendorSide = list([{ udid: 'stb', name: 'Den' }, { udid: 'x', name: 'Only vendor' }]);
    const platformSide = list([{ udid: 'stb', name: 'DEN' }]);
    const reads: string[] = [];
    const executor = new ShadowExecutor(engine, { runCandidate: (job) => (reads.push(`platform ${job.call.action}`), Promise.resolve(answer(platformSide))), nowMs: () => Date.now(), random: () => 0.99 });
    const comparer = new StateComparer(executor, { readVendor: (call) => (reads.push(`vendor ${call.action}`), Promise.resolve(answer(vendorSide))), nowMs: () => 0 });
    const read = stateReadOf({ entity: 'device', key: '5002:stb', value: { udid: 'stb' } }, 'KS')!;
    expect(comparer.watch('device 5002:stb', 'householddevice.add', 'eu', 'http://x/api_v3', read)).toBe(true);
    comparer.applied('device 5002:other');
    await executor.idle();
    expect(reads).toEqual([]);
    comparer.applied('device 5002:stb');
    await executor.idle();
    expect(reads).toEqual(['vendor list', 'platform list']);
    const [delta] = executor.parity.takeDeltas();
    expect(delta).toMatchObject({ operation: 'householddevice.add', region: 'eu', samples: 1, identical: 0 });
    expect([...delta!.fields.values()].map((f) => [f.pointer, f.kind])).toEqual([['/result/objects/0/name', 'value']]);
    expect(comparer.waiting()).toBe(0);
  });

  it('counts a vendor read that fails as unsupported and compares nothing', async () => {
    const executor = new ShadowExecutor(engine, { runCandidate: () => Promise.resolve(answer(list([]))), nowMs: () => Date.now(), random: () => 0.99 });
    const comparer = new StateComparer(executor, { readVendor: () => Promise.resolve({ answer: '', bytes: 0, failed: true }), nowMs: () => 0 });
    comparer.watch('favorite u:1', 'favorite.add', '', '', stateReadOf({ entity: 'favorite', key: 'u:1', value: { assetId: 1 } }, 'KS')!);
    comparer.applied('favorite u:1');
    await executor.idle();
    expect(executor.dropCounts('favorite.add').unsupported).toBe(1);
    expect(executor.parity.takeDeltas()).toEqual([]);
  });
});

describe('migration rules of writes compared by state', () => {
  it('shadows a state-compared write in the shadow stage only; other writes never', () => {
    const shadowStage: OperationMigration = { operation: 'favorite.add', stage: 'shadow', percent: 0, hold: false, reason: '', changedAtMs: 0 };
    expect(ruleForMigration(shadowStage, { shadowPercent: 50, readOnly: false, stateCompared: true })).toMatchObject({ target: 'vendor', shadow: true, shadowPercent: 50 });
    expect(ruleForMigration(shadowStage, { shadowPercent: 50, readOnly: false })).not.toHaveProperty('shadow');
    const canary = ruleForMigration({ ...shadowStage, stage: 'canary', percent: 10 }, { shadowPercent: 50, readOnly: false, stateCompared: true });
    expect(canary).toMatchObject({ target: 'platform', percent: 10 });
    expect(canary).not.toHaveProperty('shadowPercent');
  });
});
