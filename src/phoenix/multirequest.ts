/**
 * Running a multirequest (brief §3): sub-requests in order, tokens resolved against earlier
 * results, failures in their slots, `abortOnError` (top level) and `abortAllOnError` (per
 * sub-request) stop everything after a failure, `skipCondition` skips single sub-requests.
 * Always exactly N slots. Aborted and skipped slots carry error `1` (docs/vendor-decisions.md).
 * Generic over `runOne`, so the facade can reuse it; `buildDependencyGraph` tells which
 * sub-requests could run concurrently.
 */
import type { VendorError, VendorOutcome } from '../core/vendor-error';
import { err } from '../core/result';
import type { SubRequest } from './multirequest-split';
import { collectTokenIndexes, resolveTokens } from './multirequest-tokens';
import { shouldSkip, skipConditionDependencies } from './multirequest-skip';
import { readBool } from './param-readers';
import { vendorError } from './vendor-error-builder';

export { splitMultirequest, inheritedGlobalParams, type SubRequest, type SplitMultirequest } from './multirequest-split';
export { resolveTokens, parseToken, resolveToken, readResultPath, type MultirequestToken } from './multirequest-tokens';
export { shouldSkip } from './multirequest-skip';

/** A sub-request ready to run: tokens resolved in `params`. */
export interface ResolvedSubRequest extends SubRequest {
  readonly params: Readonly<Record<string, unknown>>;
}

export interface MultirequestOptions {
  /** Top-level `abortOnError`: any failure aborts every later sub-request. */
  readonly abortOnError?: boolean;
}

/** Parameters that steer the executor, not the operation; not token-resolved. */
const controlParams = new Set(['skipCondition', 'abortAllOnError']);

/** Error of a slot that did not run because an earlier one failed under abortOnError/abortAllOnError. */
export function abortedSlotError(): VendorError {
  return vendorError('Error');
}

/** Error of a slot whose `skipCondition` held. */
export function skippedSlotError(): VendorError {
  return vendorError('Error');
}

/** Reads the top-level multirequest options from its shared parameters. */
export function readMultirequestOptions(shared: Readonly<Record<string, unknown>>): MultirequestOptions {
  const abort = readBool(shared, 'abortOnError');
  return { abortOnError: abort.ok && abort.value === true };
}

function withoutControlParams(params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) if (!controlParams.has(key)) out[key] = value;
  return out;
}

/** True when the sub-request asks to abort everything after it on failure. */
export function abortsAll(sub: SubRequest): boolean {
  const flag = readBool(sub.params, 'abortAllOnError');
  return flag.ok && flag.value === true;
}

/** Runs the sub-requests in order and returns exactly one outcome per sub-request. */
export async function executeMultirequest(
  subRequests: readonly SubRequest[],
  runOne: (sub: ResolvedSubRequest) => Promise<VendorOutcome>,
  options: MultirequestOptions = {},
): Promise<VendorOutcome[]> {
  const outcomes: VendorOutcome[] = [];
  let aborted = false;
  for (const sub of subRequests) {
    const outcome = await runSubRequest(sub, outcomes, aborted, runOne);
    outcomes.push(outcome);
    if (!outcome.ok && !aborted && (options.abortOnError === true || abortsAll(sub))) aborted = true;
  }
  return outcomes;
}

/** Runs one sub-request after its predecessors: abort, skip, token resolution, then `runOne`. */
export async function runSubRequest(
  sub: SubRequest,
  prior: readonly VendorOutcome[],
  aborted: boolean,
  runOne: (sub: ResolvedSubRequest) => Promise<VendorOutcome>,
): Promise<VendorOutcome> {
  if (aborted) return err(abortedSlotError());
  if (sub.rejected !== undefined) return err(sub.rejected);
  if (shouldSkip(sub.params.skipCondition, prior)) return err(skippedSlotError());
  const resolved = resolveTokens(withoutControlParams(sub.params), prior);
  if (!resolved.ok) return resolved;
  return runOne({ ...sub, params: resolved.value });
}

/**
 * For each sub-request (by position, 1-based), the earlier positions it depends on through tokens
 * or its skip condition. Sub-requests with no path between them may run concurrently, provided
 * no abort option is set.
 */
export function buildDependencyGraph(subRequests: readonly SubRequest[]): ReadonlyMap<number, readonly number[]> {
  const graph = new Map<number, number[]>();
  for (const sub of subRequests) {
    const deps = collectTokenIndexes(withoutControlParams(sub.params));
    for (const d of skipConditionDependencies(sub.params.skipCondition, sub.position)) deps.add(d);
    graph.set(sub.position, [...deps].filter((d) => d >= 1 && d < sub.position).sort((a, b) => a - b));
  }
  return graph;
}
