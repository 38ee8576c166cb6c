/**
 * One (sub-)call through vendor-sim: find the operation (unknown service → 500011, unknown action
 * → 500012), verify the KS (500015 / 500016), check access (500004), run it. A thrown bug becomes
 * error `1` in the envelope; no stack trace reaches the wire.
 */
import { err } from '../../../core/result';
import type { VendorError, VendorOutcome } from '../../../core/vendor-error';
import { vendorError } from '../../../vendor/vendor-error-builder';
import type { SimAccess, SimOperationSpec, SimOperationTable, SimSession } from '../sim-operation';
import type { VendorSimState } from '../state';
import { verifySessionKs } from '../identity/sessions';
import { epochSeconds } from '../../../core/clock';

export interface SimCall {
  readonly service?: string;
  readonly action?: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface SimCallEnvironment {
  readonly state: VendorSimState;
  readonly operations: SimOperationTable;
  /** Absolute base up to `/api_v3`, for playManifest URLs. */
  readonly apiBaseUrl: string;
  /** Told about bugs (thrown errors) so they can be logged; never about expected failures. */
  readonly onBug?: (error: unknown, operationId: string) => void;
}

/** The known services, derived from the table (`asset`, `ottuser`, …). */
function knownServices(operations: SimOperationTable): Set<string> {
  return new Set(Object.keys(operations).map((id) => id.slice(0, id.indexOf('.'))));
}

const serviceCache = new WeakMap<SimOperationTable, Set<string>>();

/** Looks an operation up case-insensitively (brief §1.2). */
export function findOperation(operations: SimOperationTable, service: string | undefined, action: string | undefined): SimOperationSpec | VendorError {
  if (service === undefined || service.trim() === '') return vendorError('InvalidService', { service: '' });
  let services = serviceCache.get(operations);
  if (services === undefined) serviceCache.set(operations, (services = knownServices(operations)));
  if (!services.has(service.toLowerCase())) return vendorError('InvalidService', { service });
  if (action === undefined || action.trim() === '') return vendorError('ActionNotSpecified');
  const spec = operations[`${service.toLowerCase()}.${action.toLowerCase()}`];
  return spec ?? vendorError('InvalidAction', { service, action });
}

function readKs(params: Readonly<Record<string, unknown>>): string | undefined {
  const ks = params.ks;
  if (typeof ks === 'string') return ks.trim() === '' ? undefined : ks;
  return typeof ks === 'number' ? String(ks) : undefined;
}

/** Missing or anonymous KS where a user is needed → 500004 ([U], brief §4.3). */
function checkAccess(access: SimAccess, session: SimSession | null): VendorError | null {
  if (access === 'none') return null;
  if (session === null) return vendorError('ServiceForbidden');
  if (access === 'user' && session.type !== 'user') return vendorError('ServiceForbidden');
  return null;
}

/** Runs one call and returns its outcome; never throws. */
export async function runSimCall(call: SimCall, env: SimCallEnvironment): Promise<VendorOutcome> {
  const spec = findOperation(env.operations, call.service, call.action);
  if (!('run' in spec)) return err(spec);
  const nowSec = epochSeconds(env.state.clock);
  const ks = readKs(call.params);
  let session: SimSession | null = null;
  if (ks !== undefined) {
    const verified = verifySessionKs(env.state.identity, ks, nowSec);
    if (!verified.ok) return verified;
    session = verified.value;
  }
  const denied = checkAccess(spec.access, session);
  if (denied !== null) return err(denied);
  try {
    return await spec.run({ params: call.params, session, state: env.state, nowSec, apiBaseUrl: env.apiBaseUrl });
  } catch (error) {
    env.onBug?.(error, `${call.service ?? ''}.${call.action ?? ''}`);
    return err(vendorError('Error'));
  }
}
