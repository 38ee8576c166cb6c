/**
 * Budgets on what one request may make the facade do (issue 9, docs/architecture.md §5 "bounded"): how many
 * sub-requests a multirequest may carry, how deep and how wide one call's parameters may be. The
 * limits sit far above what devices send (recorded flows: ≤ 10 sub-requests, parameters ≤ 5
 * levels deep, a few dozen keys) and are written down in docs/vendor-decisions.md "Request budgets".
 */

import { overBudgetMarker } from './json-prune';

/** Sub-requests one multirequest may carry; beyond it the whole request is answered 500003. */
export const maxSubRequests = 1_000;
/** Nesting depth of one call's parameters (objects and arrays); beyond it the call's slot is 500003. */
export const maxParamDepth = 32;
/** Object keys plus array items in one call's parameters; beyond it the call's slot is 500003. */
export const maxParamNodes = 5_000;

/**
 * True when a value stays within the depth and node budgets. Iterative (an explicit stack), so a
 * value nested 100,000 deep is measured without recursion, and it stops at the first excess, so
 * the cost is bounded by the budget, not by the input.
 */
export function fitsParamBudget(value: unknown, depthLimit: number = maxParamDepth, nodeLimit: number = maxParamNodes): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= depthLimit) return false;
    const children: unknown[] = Array.isArray(current) ? current : Object.values(current);
    nodes += children.length;
    if (nodes > nodeLimit) return false;
    for (const child of children) {
      // A container the parser never built because it was over budget (json-prune.ts).
      if (child === overBudgetMarker) return false;
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return true;
}
