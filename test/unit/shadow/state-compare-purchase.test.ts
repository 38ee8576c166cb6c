/** Purchases compared by state: the read that shows one, and a purchase the sync applied before it was watched. */
import { createDiffEngine, phoenixRuleSet } from '../../../src/shadow';
import { ShadowExecutor, type SideAnswer } from '../../../src/shadow/shadow-executor';
import { StateComparer } from '../../../src/shadow/state-comparer';
import { stateReadOf } from '../../../src/shadow/state-reads';

const engine = createDiffEngine({ rules: phoenixRuleSet });
const answer = (value: unknown): SideAnswer => ({ answer: JSON.stringify(value), bytes: JSON.stringify(value).length, failed: false });
const entitlements = (objects: unknown[]) => ({ executionTime: 0.1, result: { objectType: 'KalturaEntitlementListResponse', objects, totalCount: objects.length } });
const rental = { entity: 'purchase', key: '5002:vendor:900001', value: { transactionId: '900001', productId: 50004, productType: 'ppv', contentId: 210024 } };

describe('purchase state reads', () => {
  it('reads the household entitlements of the product type and keeps those of the bought product', () => {
    const read = stateReadOf(rental, 'KS')!;
    expect(read).toMatchObject({ operationId: 'entitlement.list', call: { service: 'entitlement', action: 'list', params: { ks: 'KS', filter: { productTypeEqual: 'ppv', entityReferenceEqual: 'household' } } } });
    const focused = read.focus!(entitlements([{ productId: '50004', mediaFileId: 210024 }, { productId: '50004', mediaFileId: 210030 }, { productId: '50001', mediaFileId: 210024 }]));
    expect(focused).toEqual(entitlements([{ productId: '50004', mediaFileId: 210024 }, { productId: '50004', mediaFileId: 210030 }]));
    const subscription = stateReadOf({ ...rental, value: { productId: 60002, productType: 'subscription', contentId: 0 } }, 'KS')!;
    expect(subscription.focus!(entitlements([{ productId: '60002' }, { productId: '60001' }]))).toEqual(entitlements([{ productId: '60002' }]));
    expect(stateReadOf({ ...rental, value: { productId: 1, productType: 'collection' } }, 'KS')).toBeUndefined();
  });

  it('compares a purchase the sync applied before its watch came, and only a purchase', async () => {
    const reads: string[] = [];
    const executor = new ShadowExecutor(engine, { runCandidate: () => (reads.push('platform'), Promise.resolve(answer(entitlements([])))), nowMs: () => Date.now(), random: () => 0.99 });
    const comparer = new StateComparer(executor, { readVendor: () => (reads.push('vendor'), Promise.resolve(answer(entitlements([])))), nowMs: () => 0 });
    const read = stateReadOf(rental, 'KS')!;
    comparer.applied('purchase 5002:vendor:900001');
    comparer.applied('bookmark u1:480001:media');
    expect(comparer.watch('bookmark u1:480001:media', 'bookmark.add', '', '', read)).toBe(true);
    expect(comparer.watch('purchase 5002:vendor:900001', 'transaction.purchase', '', '', read, true)).toBe(true);
    await executor.idle();
    // The purchase was compared at once; the bookmark waits for an apply after its watch.
    expect(reads).toEqual(['vendor', 'platform']);
    expect(executor.parity.window('transaction.purchase').counts.samples).toBe(1);
    expect(comparer.waiting()).toBe(1);
  });
});

describe('entitlement currentDate', () => {
  const entitlement = (currentDate: number) => entitlements([{ objectType: 'KalturaSubscriptionEntitlement', productId: '60002', currentDate }]);
  const pointers = (a: number, b: number): string[] =>
    engine.diff({ json: entitlement(a), text: JSON.stringify(entitlement(a)) }, { json: entitlement(b), text: JSON.stringify(entitlement(b)) }, 'entitlement.list').differences.map((d) => d.pointer);

  it('is each side\'s "now": two reads a second apart agree, ten seconds apart they do not', () => {
    expect(pointers(1_796_000_000, 1_796_000_001)).toEqual([]);
    expect(pointers(1_796_000_000, 1_796_000_010)).toEqual(['/result/objects/0/currentDate']);
  });
});
