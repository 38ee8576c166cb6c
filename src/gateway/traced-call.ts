/**
 * The spans of one executed request (docs/observability.md "Traces"): the routing decision, and
 * one span per call or multirequest sub-call named by where it runs (`translate asset.get` on the
 * platform, `vendor asset.get`), whose upstream calls are its children.
 */
import type { Decision } from '../policy/decision';
import type { VendorApiCall } from '../phoenix/vendor-api-handler';
import type { GatewayTracing, TraceAttributes } from './gateway-tracing';
import type { RequestRoute } from './route-request';
import type { RoutedOutcome } from './routed-call-runner';

/** What the route span records: how the request goes, and the rules that decided it. */
export function describeRoute(route: RequestRoute): TraceAttributes {
  const rules = [...new Set(route.decisions.map((d) => d.decision.ruleId).filter((id): id is string => id !== undefined))];
  return {
    'understudy.route': route.kind,
    'understudy.calls': route.decisions.length,
    'understudy.platform_calls': route.decisions.filter((d) => d.decision.target === 'platform').length,
    'understudy.shadow': route.decisions.some((d) => d.decision.shadow),
    ...(rules.length === 0 ? {} : { 'understudy.rule_id': rules.join(',') }),
  };
}

function describeDecision(operationId: string, decision: Decision, position: unknown): TraceAttributes {
  return {
    'understudy.operation': operationId,
    'understudy.target': decision.target,
    'understudy.reason': decision.reason,
    'understudy.shadow': decision.shadow,
    'understudy.policy_version': decision.policyVersion,
    ...(decision.ruleId === undefined ? {} : { 'understudy.rule_id': decision.ruleId }),
    ...(typeof position === 'number' ? { 'understudy.position': position } : {}),
  };
}

/** Runs one routed call in its span; the outcome and who answered are recorded on it. */
export async function traceRoutedCall(trace: GatewayTracing, call: VendorApiCall, decision: Decision, run: () => Promise<RoutedOutcome>): Promise<RoutedOutcome> {
  const operationId = `${(call.service ?? '').toLowerCase()}.${(call.action ?? '').toLowerCase()}`;
  const name = `${decision.target === 'platform' ? 'translate' : 'vendor'} ${operationId}`;
  return trace.inSpan(name, describeDecision(operationId, decision, (call as { position?: unknown }).position), async (notes) => {
    const routed = await run();
    notes.annotate({ 'understudy.answered_by': routed.answeredBy, 'understudy.outcome': routed.failed ? 'failed' : routed.outcome.ok ? 'ok' : 'vendor_error' });
    if (routed.failed) notes.fail(`${operationId} failed on the ${routed.answeredBy === 'platform' ? 'platform' : 'vendor'}`);
    return routed;
  });
}
