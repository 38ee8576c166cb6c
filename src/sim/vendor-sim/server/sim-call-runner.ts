/**
 * One (sub-)call through vendor-sim: find the operation (unknown service → 500011, unknown action
 * → 500012), verify the KS (500015 / 500016), check access (500004), run it. A thrown bug becomes
 * error `1` in the envelope; no stack trace reaches the wire.
 */
import { epochSeconds } from '../../../core/clock';
import { err } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import type { VendorApiCall } from '../../../phoenix/vendor-api-handler';
import { checkOperationAccess, findOperationIn, readCallKs } from '../../../phoenix/operation-dispatch';
import { vendorError } from '../../../phoenix/vendor-error-builder';
import { verifySessionKs } from '../identity/sessions';
import type { SimOperationTable, SimSession } from '../sim-operation';
import type { VendorSimState } from '../state';

export interface SimCallEnvironment {
  readonly state: VendorSimState;
  readonly operations: SimOperationTable;
  /** Absolute base up to `/api_v3`, for playManifest URLs. */
  readonly apiBaseUrl: string;
  /** Told about bugs (thrown errors) so they can be logged; never about expected failures. */
  readonly onBug?: (error: unknown, operationId: string) => void;
}

/** Runs one call and returns its outcome; never throws. */
export async function runSimCall(call: VendorApiCall, env: SimCallEnvironment): Promise<VendorOutcome> {
  const found = findOperationIn(env.operations, call.service, call.action);
  if (!('spec' in found)) return err(found);
  const nowSec = epochSeconds(env.state.clock);
  const ks = readCallKs(call.params);
  let session: SimSession | null = null;
  if (ks !== undefined) {
    const verified = verifySessionKs(env.state.identity, ks, nowSec);
    if (!verified.ok) return verified;
    session = verified.value;
  }
  const denied = checkOperationAccess(found.spec.access, session);
  if (denied !== null) return err(denied);
  try {
    return await found.spec.run({ params: call.params, session, state: env.state, nowSec, apiBaseUrl: env.apiBaseUrl });
  } catch (error) {
    env.onBug?.(error, found.operationId);
    return err(vendorError('Error'));
  }
}
