import type { CompiledPolicy } from '../policy/compiled-policy';
import type { Decision } from '../policy/decision';
import { decideTarget } from '../policy/decide-target';
import type { KsDecoder } from '../phoenix/ks-decoder';
import type { ParsedVendorApiRequest, VendorApiCall } from '../phoenix/vendor-api-handler';
import { buildRoutingInput, type RequestFacts } from './routing-input';

/** Where a whole request goes: forwarded to the vendor untouched, or executed here call by call. */
export type RequestRoute =
  | { readonly kind: 'passthrough'; readonly decisions: readonly RoutedDecision[] }
  | { readonly kind: 'execute'; readonly decisions: readonly RoutedDecision[]; readonly decisionFor: (call: VendorApiCall) => Decision };

/** A decision with the operation it was made for (metrics). */
export interface RoutedDecision {
  readonly operationId: string;
  readonly decision: Decision;
}

export interface RouteContext {
  readonly policy: CompiledPolicy;
  readonly facts: RequestFacts;
  /** Operations the facade can serve itself; any other goes to the vendor whatever the policy says. */
  readonly translatable: (operationId: string) => boolean;
  readonly decodeKs: KsDecoder;
}

function operationIdOf(call: VendorApiCall): string {
  return `${(call.service ?? '').toLowerCase()}.${(call.action ?? '').toLowerCase()}`;
}

/** Decides one call; an operation without a translator always goes to the vendor, which knows it. */
function decideCall(call: VendorApiCall, shared: Readonly<Record<string, unknown>>, ctx: RouteContext): RoutedDecision {
  const operationId = operationIdOf(call);
  const decision = decideTarget(ctx.policy, buildRoutingInput(operationId, call.params, shared, ctx.facts, ctx.policy, ctx.decodeKs));
  if (decision.target === 'platform' && !ctx.translatable(operationId)) return { operationId, decision: { ...decision, target: 'vendor', shadow: false, fallbackToVendor: false } };
  // Shadow decisions answer from the vendor; the platform candidate is the shadow executor's job.
  return { operationId, decision };
}

/**
 * Routes a parsed request (docs/architecture.md §2): when every call goes to the vendor the request is
 * forwarded whole, bytes untouched; otherwise the facade executes it, each call (and each
 * multirequest sub-call) with its own decision. A request that does not even parse goes where an
 * unknown operation would: to the vendor unless the policy sends everything to the platform.
 */
export function routeRequest(parsed: ParsedVendorApiRequest, ctx: RouteContext): RequestRoute {
  if (parsed.kind === 'invalid') {
    // Over the budgets: answered here, whatever the policy says (issue 9: never forwarded).
    if (parsed.answerHere === true) return { kind: 'execute', decisions: [{ operationId: 'invalid', decision: decideTarget(ctx.policy, { operationId: '' }) }], decisionFor: () => decideTarget(ctx.policy, { operationId: '' }) };
    const decision = decideTarget(ctx.policy, { operationId: '', ...(ctx.facts.remoteAddress === undefined ? {} : { remoteAddress: ctx.facts.remoteAddress }) });
    const routed = [{ operationId: 'invalid', decision }];
    return decision.target === 'vendor' ? { kind: 'passthrough', decisions: routed } : { kind: 'execute', decisions: routed, decisionFor: () => decision };
  }
  const calls = parsed.kind === 'single' ? [parsed.call] : parsed.split.subRequests;
  const shared = parsed.kind === 'single' ? {} : parsed.split.shared;
  const decisions = calls.map((call) => decideCall(call, shared, ctx));
  // A sub-request over budget is answered here in its slot, so the rest runs call by call.
  const overBudget = parsed.kind === 'multi' && parsed.split.subRequests.some((sub) => sub.rejected !== undefined);
  if (!overBudget && decisions.every((d) => d.decision.target === 'vendor')) return { kind: 'passthrough', decisions };
  // Sub-calls reach the runner as copies with tokens resolved; their 1-based position identifies them.
  const decisionFor = (call: VendorApiCall): Decision => {
    const position = (call as { position?: unknown }).position;
    return decisions[typeof position === 'number' ? position - 1 : 0]!.decision;
  };
  return { kind: 'execute', decisions, decisionFor };
}
