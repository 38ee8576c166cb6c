import type { VendorOutcome } from '../core/vendor-error';
import { abortsAll, buildDependencyGraph, executeMultirequest, runSubRequest, type MultirequestOptions, type ResolvedSubRequest, type SubRequest } from './multirequest';
import { readsEveryEarlierSlot } from './multirequest-skip';

/**
 * Which positions each sub-request must wait for: what its tokens and skip condition read, plus
 * write ordering — a sub-request that may not overlap waits for everything before it, and every
 * later one waits for it (a read after a write in one multirequest must see the write).
 * "Everything before it" is the previous barrier (which already waited for all before it) and
 * the sub-requests since then, so each position lands in at most one barrier's list and the lists
 * stay linear in the request's size (issue 9, finding 1: one list per write of every earlier
 * position made a 10,000-write request quadratic).
 */
export function waitLists(subRequests: readonly SubRequest[], canOverlap: (sub: SubRequest) => boolean): Map<number, number[]> {
  const graph = buildDependencyGraph(subRequests);
  const lists = new Map<number, number[]>();
  let barrier = 0;
  let sinceBarrier: number[] = [];
  for (const sub of subRequests) {
    const deps = new Set(graph.get(sub.position) ?? []);
    // A skip condition on "any earlier failure" reads every earlier slot: it is a barrier too.
    if (canOverlap(sub) && !readsEveryEarlierSlot(sub.params.skipCondition)) {
      if (barrier > 0) deps.add(barrier);
      sinceBarrier.push(sub.position);
    } else {
      if (barrier > 0) deps.add(barrier);
      for (const p of sinceBarrier) deps.add(p);
      barrier = sub.position;
      sinceBarrier = [];
    }
    lists.set(sub.position, [...deps]);
  }
  return lists;
}

/**
 * Runs a multirequest with independent reads in parallel: each sub-request starts as soon as the
 * ones it must wait for have finished (see waitLists). With an abort option anywhere, order
 * decides what gets aborted, so it runs strictly in order instead. The answer equals the
 * sequential executor's: exactly one outcome per sub-request, in order.
 */
export async function executeMultirequestConcurrently(
  subRequests: readonly SubRequest[],
  runOne: (sub: ResolvedSubRequest) => Promise<VendorOutcome>,
  canOverlap: (sub: SubRequest) => boolean,
  options: MultirequestOptions = {},
): Promise<VendorOutcome[]> {
  if (options.abortOnError === true || subRequests.some(abortsAll)) return executeMultirequest(subRequests, runOne, options);
  const graph = waitLists(subRequests, canOverlap);
  const outcomes: (VendorOutcome | undefined)[] = new Array<VendorOutcome | undefined>(subRequests.length);
  const running = new Map<number, Promise<VendorOutcome>>();
  for (const sub of subRequests) {
    const waits: Promise<VendorOutcome>[] = [];
    for (const d of graph.get(sub.position) ?? []) {
      const before = running.get(d);
      if (before !== undefined) waits.push(before);
    }
    const started = Promise.all(waits).then(() => {
      // Earlier slots this one does not depend on may still be running; only its dependencies
      // are read. The view is not a copy, so a request of N slots costs N, not N².
      const prior = priorView(outcomes, sub.position - 1);
      return runSubRequest(sub, prior, false, runOne);
    });
    running.set(
      sub.position,
      started.then((outcome) => {
        outcomes[sub.position - 1] = outcome;
        return outcome;
      }),
    );
  }
  return Promise.all(running.values());
}

/** The first `count` outcomes as a read-only array, without copying them. */
function priorView(outcomes: readonly (VendorOutcome | undefined)[], count: number): readonly VendorOutcome[] {
  if (count === outcomes.length) return outcomes as readonly VendorOutcome[];
  return new Proxy(outcomes as VendorOutcome[], {
    get(target, key, receiver) {
      if (key === 'length') return count;
      if (typeof key === 'string' && /^\d+$/.test(key) && Number(key) >= count) return undefined;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}
