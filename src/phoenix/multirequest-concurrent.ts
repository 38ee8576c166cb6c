import type { VendorOutcome } from '../core/vendor-error';
import { abortsAll, buildDependencyGraph, executeMultirequest, runSubRequest, type MultirequestOptions, type ResolvedSubRequest, type SubRequest } from './multirequest';

/**
 * Which positions each sub-request must wait for: what its tokens and skip condition read, plus
 * write ordering — a sub-request that may not overlap waits for everything before it, and every
 * later one waits for it (a read after a write in one multirequest must see the write).
 */
function waitLists(subRequests: readonly SubRequest[], canOverlap: (sub: SubRequest) => boolean): Map<number, number[]> {
  const graph = buildDependencyGraph(subRequests);
  const lists = new Map<number, number[]>();
  let barrier = 0;
  for (const sub of subRequests) {
    const deps = new Set(graph.get(sub.position) ?? []);
    if (canOverlap(sub)) {
      if (barrier > 0) deps.add(barrier);
    } else {
      for (let p = 1; p < sub.position; p++) deps.add(p);
      barrier = sub.position;
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
      // Earlier slots this one does not depend on may still be running; only its dependencies are read.
      const prior = outcomes.slice(0, sub.position - 1) as VendorOutcome[];
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
