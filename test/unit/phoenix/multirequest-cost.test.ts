/** Issue 9, finding 1: what a multirequest costs grows linearly with its size. */
import { err, ok } from '../../../src/core/result';
import type { VendorOutcome } from '../../../src/core/vendor-error';
import { executeMultirequest, splitMultirequest, type ResolvedSubRequest } from '../../../src/phoenix/multirequest';
import { executeMultirequestConcurrently, waitLists } from '../../../src/phoenix/multirequest-concurrent';
import { isReadOnlySubRequest } from '../../../src/phoenix/read-only-operations';

function body(count: number, make: (i: number) => Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 1; i <= count; i++) out[String(i)] = make(i);
  return out;
}

function edges(lists: Map<number, number[]>): number {
  let total = 0;
  for (const list of lists.values()) total += list.length;
  return total;
}

describe('multirequest cost', () => {
  it('keeps the wait lists of 10,000 writes linear (was one entry per earlier call: 50 million)', () => {
    const { subRequests } = splitMultirequest(body(10_000, (i) => ({ service: 'householddevice', action: 'delete', udid: `d${i}` })));
    expect(edges(waitLists(subRequests, isReadOnlySubRequest))).toBeLessThanOrEqual(2 * 10_000);
  });

  it('keeps reads between writes and "skip on any error" linear too', () => {
    const { subRequests } = splitMultirequest(
      body(6_000, (i) => (i % 3 === 0 ? { service: 'favorite', action: 'add', favorite: { assetId: i } } : i % 3 === 1 ? { service: 'asset', action: 'get', id: i } : { service: 'asset', action: 'get', id: i, skipCondition: { objectType: 'KalturaSkipOnErrorCondition', condition: 'any' } })),
    );
    expect(edges(waitLists(subRequests, isReadOnlySubRequest))).toBeLessThanOrEqual(3 * 6_000);
  });

  it('gives the same slots as the sequential executor with "skip on any error" after a failure', async () => {
    const { subRequests } = splitMultirequest({
      '1': { service: 'asset', action: 'get', id: 'bad' },
      '2': { service: 'asset', action: 'get', id: '2' },
      '3': { service: 'asset', action: 'get', id: '3', skipCondition: { objectType: 'KalturaSkipOnErrorCondition', condition: 'Any' } },
      '4': { service: 'asset', action: 'get', id: '4', skipCondition: { objectType: 'KalturaSkipOnErrorCondition', condition: 'Previous' } },
      '5': { service: 'asset', action: 'get', id: '5' },
    });
    const run = async (sub: ResolvedSubRequest): Promise<VendorOutcome> => {
      await new Promise((r) => setTimeout(r, sub.params.id === 'bad' ? 20 : 1));
      return sub.params.id === 'bad' ? err({ code: '500007', message: 'not found' }) : ok({ id: sub.params.id });
    };
    const sequential = await executeMultirequest(subRequests, run);
    const concurrent = await executeMultirequestConcurrently(subRequests, run, isReadOnlySubRequest);
    expect(concurrent).toEqual(sequential);
    expect(concurrent.map((o) => o.ok)).toEqual([false, true, false, false, true]);
  });

  it('runs 5,000 sub-calls, each seeing only the slots before it', async () => {
    const subs = splitMultirequest(body(5_000, (i) => ({ service: 'asset', action: i % 10 === 0 ? 'delete' : 'get', id: i === 1 ? 'x' : '{1:result:id}' }))).subRequests;
    const slots = await executeMultirequestConcurrently(subs, (sub) => Promise.resolve(ok({ id: String(sub.params.id) })), isReadOnlySubRequest);
    expect(slots).toHaveLength(5_000);
    expect(slots.every((s) => s.ok && (s.value as { id: string }).id === 'x')).toBe(true);
  });
});
