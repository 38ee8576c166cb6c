/**
 * One vendor API request through the facade (docs/architecture.md §2): parse → route each call by the active
 * policy → forward the whole request to the vendor untouched, or execute it here with per-call
 * routing (translated to the platform, or sent to the vendor sub-call by sub-call).
 */
import type { CompiledPolicy } from '../policy/compiled-policy';
import type { DecisionReason } from '../policy/decision';
import { isReadOnlySubRequest } from '../phoenix/read-only-operations';
import { executeVendorApiRequest, parseVendorApiRequest, type ParsedVendorApiRequest, type VendorApiCall, type VendorApiRequest, type VendorApiResponse } from '../phoenix/vendor-api-handler';
import { runRoutedCall, type AnsweredBy, type RoutedCallEnvironment } from './routed-call-runner';
import type { RequestAdmission } from './request-admission';
import { routeRequest, type RequestRoute, type RoutedDecision } from './route-request';
import type { RequestFacts } from './routing-input';
import type { GatewayCapture } from './sync-capture-hook';
import type { FacadeWrite } from '../sync/facade-writes';
import type { GatewayTracing } from './gateway-tracing';
import { describeRoute, traceRoutedCall } from './traced-call';
import { ShadowedSlots, type ExecutedShadowHook } from './executed-shadow';

/** What the gateway reports for metrics (the metrics module satisfies it; label sets are closed there). */
export interface GatewayMetrics {
  recordDecision(record: { operation: string; target: 'vendor' | 'platform'; reason: DecisionReason }): void;
}

/** Summary of an executed request, for metrics and logs. */
export interface ExecutedSummary {
  readonly operation: string;
  readonly target: 'vendor' | 'platform';
  readonly outcome: 'ok' | 'vendor_error' | 'upstream_error' | 'bad_request' | 'fallback';
}

export type GatewayAnswer =
  | { readonly kind: 'passthrough'; readonly operation: string; readonly calls: readonly VendorApiCall[]; readonly multi: boolean; readonly parsed: ParsedVendorApiRequest; readonly decisions: readonly RoutedDecision[] }
  | { readonly kind: 'reply'; readonly reply: VendorApiResponse; readonly summary: ExecutedSummary };

export interface FacadeGateway {
  /** The active policy; read once per request, so a swap never splits a request. */
  readonly policy: () => CompiledPolicy;
  readonly routed: RoutedCallEnvironment;
  readonly translatable: (operationId: string) => boolean;
  readonly metrics?: GatewayMetrics;
  /** KS verification and rate limits before anything is forwarded or run (request-admission.ts). */
  readonly admit?: RequestAdmission;
  /** Sync capture: successful writes are committed to the outbox before the answer (docs/sync.md). */
  readonly capture?: GatewayCapture;
  /** Traces (docs/observability.md "Traces"); absent = off, and nothing here costs anything. */
  readonly trace?: GatewayTracing;
  /** Shadow mode for executed requests: their vendor-answered, shadowed slots (executed-shadow.ts). */
  readonly shadow?: ExecutedShadowHook;
}

function summarise(operation: string, answers: readonly { ok: boolean; answeredBy: AnsweredBy; failed: boolean }[], invalid: boolean): ExecutedSummary {
  const target = answers.some((a) => a.answeredBy === 'platform') ? 'platform' : 'vendor';
  if (invalid) return { operation, target, outcome: 'bad_request' };
  if (answers.some((a) => a.failed)) return { operation, target, outcome: 'upstream_error' };
  if (answers.some((a) => a.answeredBy === 'fallback')) return { operation, target, outcome: 'fallback' };
  return { operation, target, outcome: answers.every((a) => a.ok) ? 'ok' : 'vendor_error' };
}

function noted(route: RequestRoute, annotate: (attributes: ReturnType<typeof describeRoute>) => void): RequestRoute {
  annotate(describeRoute(route));
  return route;
}

/** Handles one request; never throws. */
export async function handleGatewayRequest(request: VendorApiRequest, facts: RequestFacts, gateway: FacadeGateway): Promise<GatewayAnswer> {
  const parsed = gateway.admit === undefined ? parseVendorApiRequest(request) : gateway.admit(parseVendorApiRequest(request));
  const trace = gateway.trace?.isRecording() === true ? gateway.trace : undefined;
  const decide = (): RequestRoute => routeRequest(parsed, { policy: gateway.policy(), facts, translatable: gateway.translatable, decodeKs: gateway.routed.facade.decodeKs });
  const route = trace === undefined ? decide() : trace.inSyncSpan('understudy.route', {}, (notes) => noted(decide(), notes.annotate.bind(notes)));
  for (const routed of route.decisions) gateway.metrics?.recordDecision({ operation: routed.operationId, target: routed.decision.target, reason: routed.decision.reason });
  const operation = parsed.kind === 'multi' ? 'multirequest' : route.decisions[0]?.operationId ?? 'invalid';
  trace?.annotateRequest({ 'understudy.operation': operation, 'understudy.route': route.kind });
  if (route.kind === 'passthrough') return { kind: 'passthrough', operation, calls: parsed.kind === 'single' ? [parsed.call] : parsed.kind === 'multi' ? parsed.split.subRequests : [], multi: parsed.kind === 'multi', parsed, decisions: route.decisions };
  const answers: { ok: boolean; answeredBy: AnsweredBy; failed: boolean }[] = [];
  const writes: FacadeWrite[] = [];
  const shadowed = gateway.shadow === undefined ? undefined : new ShadowedSlots();
  const reply = await executeVendorApiRequest(
    parsed,
    async (call, apiBaseUrl) => {
      const run = () => runRoutedCall(call, route.decisionFor(call), apiBaseUrl, gateway.routed);
      const startedMs = shadowed?.start(route.decisionFor(call));
      const routed = trace === undefined ? await run() : await traceRoutedCall(trace, call, route.decisionFor(call), run);
      shadowed?.keep(call, routed.outcome, routed.answeredBy, apiBaseUrl, startedMs);
      answers.push({ ok: routed.outcome.ok, answeredBy: routed.answeredBy, failed: routed.failed });
      const operationId = `${(call.service ?? '').toLowerCase()}.${(call.action ?? '').toLowerCase()}`;
      if (routed.outcome.ok && gateway.capture?.wants(operationId) === true) {
        writes.push({ operationId, params: call.params, result: routed.outcome.value, side: routed.answeredBy === 'platform' ? 'platform' : 'vendor' });
      }
      return routed.outcome;
    },
    { canOverlap: isReadOnlySubRequest },
  );
  if (writes.length > 0 && gateway.capture !== undefined) {
    const capture = gateway.capture;
    await (trace === undefined ? capture.commit(writes) : trace.inSpan('understudy.sync.capture', { 'understudy.sync.writes': writes.length }, () => capture.commit(writes)));
  }
  if (shadowed !== undefined && shadowed.slots.length > 0) gateway.shadow?.offer({ parsed, decisions: route.decisions, slots: shadowed.slots, facts });
  return { kind: 'reply', reply, summary: summarise(operation, answers, parsed.kind === 'invalid') };
}
