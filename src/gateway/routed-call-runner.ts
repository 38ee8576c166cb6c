import { err } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import type { Decision } from '../policy/decision';
import type { VendorApiCall } from '../phoenix/vendor-api-handler';
import { vendorError } from '../phoenix/vendor-error-builder';
import { runTranslatedCall, type FacadeCallEnvironment } from './facade-call-runner';

/** The vendor, one call at a time (sub-calls of a mixed multirequest). Rejects on network failure. */
export interface VendorCaller {
  call(call: { service: string; action: string; params: Record<string, unknown> }): Promise<VendorOutcome>;
}

export interface RoutedCallEnvironment {
  readonly facade: FacadeCallEnvironment;
  readonly vendor: VendorCaller;
  /** True for operations that only read: the only ones that may fall back to the vendor. */
  readonly isReadOnly: (operationId: string) => boolean;
  readonly onVendorFailure?: (error: unknown, operationId: string) => void;
}

/** Where a call was answered from, for metrics. */
export type AnsweredBy = 'vendor' | 'platform' | 'fallback';

export interface RoutedOutcome {
  readonly outcome: VendorOutcome;
  readonly answeredBy: AnsweredBy;
  /** A bug or an outage on the side that answered (not a vendor error). */
  readonly failed: boolean;
}

async function callVendor(call: VendorApiCall, env: RoutedCallEnvironment, operationId: string): Promise<{ outcome: VendorOutcome; failed: boolean }> {
  try {
    return { outcome: await env.vendor.call({ service: call.service ?? '', action: call.action ?? '', params: { ...call.params } }), failed: false };
  } catch (error) {
    env.onVendorFailure?.(error, operationId);
    return { outcome: err(vendorError('Error')), failed: true };
  }
}

/**
 * Runs one call where its decision sends it. A read sent to the platform that fails there (a bug
 * or an outage, never a vendor error) is answered by the vendor when the rule allows it
 * (docs/architecture.md §5); writes never fall back, so nothing is written twice.
 */
export async function runRoutedCall(call: VendorApiCall, decision: Decision, apiBaseUrl: string, env: RoutedCallEnvironment): Promise<RoutedOutcome> {
  const operationId = `${(call.service ?? '').toLowerCase()}.${(call.action ?? '').toLowerCase()}`;
  if (decision.target === 'vendor') {
    const answered = await callVendor(call, env, operationId);
    return { ...answered, answeredBy: 'vendor' };
  }
  const translated = await runTranslatedCall(call, apiBaseUrl, env.facade);
  if (!translated.failed || !decision.fallbackToVendor || !env.isReadOnly(operationId)) return { ...translated, answeredBy: 'platform' };
  const answered = await callVendor(call, env, operationId);
  return { ...answered, answeredBy: 'fallback' };
}
