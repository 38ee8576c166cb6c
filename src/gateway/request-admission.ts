/**
 * What a parsed request must pass before anything is forwarded or run (issue 9): a KS that does
 * not verify is answered 500015 here, as the vendor would answer it (brief §4.3), and a device or
 * household over its rate budget is answered error `1` (docs/vendor-decisions.md "Rate limits").
 * Either way no upstream sees the call. A multirequest keeps one slot per sub-request: only the
 * offending slots carry the error (every slot, when the request is over a rate budget).
 */
import type { EdgeConfig, OperationClass } from '../config/config-types';
import type { VendorError } from '../core/vendor-error';
import { ksPrivilegeKeys } from '../phoenix/ks-codec';
import type { KsDecoder } from '../phoenix/ks-decoder';
import { parseToken, type SubRequest } from '../phoenix/multirequest';
import { readCallKs } from '../phoenix/operation-dispatch';
import { isReadOnlyOperation } from '../phoenix/read-only-operations';
import type { ParsedVendorApiRequest, VendorApiCall } from '../phoenix/vendor-api-handler';
import { vendorError } from '../phoenix/vendor-error-builder';
import { TokenBuckets } from './token-buckets';

export interface AdmissionOptions {
  readonly decodeKs: KsDecoder;
  /** True for operations the vendor contract knows (the vendor reports unknown ones first, 500011/500012). */
  readonly knowsOperation: (operationId: string) => boolean;
  readonly rateLimits?: EdgeConfig['rateLimits'];
  readonly nowMs: () => number;
}

/** Admits a parsed request: the same request, or one with the calls that must not run answered here. */
export type RequestAdmission = (parsed: ParsedVendorApiRequest) => ParsedVendorApiRequest;

const loginOperations = new Set(['ottuser.login', 'ottuser.anonymouslogin', 'ottuser.refreshsession']);

function operationIdOf(call: VendorApiCall): string {
  return `${(call.service ?? '').toLowerCase()}.${(call.action ?? '').toLowerCase()}`;
}

function classOf(operationId: string): OperationClass {
  if (loginOperations.has(operationId)) return 'login';
  return isReadOnlyOperation(operationId) ? 'read' : 'write';
}

/**
 * The KS a call carries when it is text to verify now. In a multirequest a `{N:result}` token is
 * verified when it is resolved; a single call has no tokens, so there it is just a bad KS.
 */
function literalKs(params: Readonly<Record<string, unknown>>, inMultirequest: boolean): string | undefined {
  const ks = readCallKs(params);
  return ks === undefined || (inMultirequest && parseToken(ks) !== null) ? undefined : ks;
}

/** 500015 when the call names a known operation and carries a KS that does not verify. */
function ksRejection(call: VendorApiCall, options: AdmissionOptions, inMultirequest: boolean): VendorError | undefined {
  const ks = literalKs(call.params, inMultirequest);
  if (ks === undefined || !options.knowsOperation(operationIdOf(call))) return undefined;
  return options.decodeKs(ks).ok ? undefined : vendorError('InvalidKS');
}

/** Rate keys of a call: its device (udid) and household, from a verified KS or the `udid` argument. */
function rateKeys(call: VendorApiCall, options: AdmissionOptions): string[] {
  const ks = literalKs(call.params, true);
  const decoded = ks === undefined ? undefined : options.decodeKs(ks);
  const keys: string[] = [];
  const privileges = decoded?.ok === true ? decoded.value.privileges : {};
  const household = privileges[ksPrivilegeKeys.householdId];
  const udid = privileges[ksPrivilegeKeys.udid] || (typeof call.params.udid === 'string' ? call.params.udid : '');
  if (udid !== undefined && udid !== '') keys.push(`d:${udid}`);
  if (household !== undefined && household !== '' && household !== '0') keys.push(`h:${household}`);
  return keys;
}

/** Checks and charges the buckets of every call of a request; false when one is short. */
function chargeRateBudget(calls: readonly VendorApiCall[], options: AdmissionOptions, buckets: TokenBuckets, limits: EdgeConfig['rateLimits']): boolean {
  const costs = new Map<string, { cost: number; limit: EdgeConfig['rateLimits']['read']['perDevice'] }>();
  for (const call of calls) {
    const perClass = limits[classOf(operationIdOf(call))];
    for (const key of rateKeys(call, options)) {
      const bucketKey = `${classOf(operationIdOf(call))}:${key}`;
      const limit = key.startsWith('d:') ? perClass.perDevice : perClass.perHousehold;
      const known = costs.get(bucketKey);
      costs.set(bucketKey, { cost: (known?.cost ?? 0) + 1, limit });
    }
  }
  const now = options.nowMs();
  for (const [key, { cost, limit }] of costs) if (!buckets.hasTokens(key, cost, limit, now)) return false;
  for (const [key, { cost, limit }] of costs) buckets.take(key, cost, limit, now);
  return true;
}

/** The sub-requests with the new rejections set, or undefined when there is none (nothing to copy). */
function rejectSubRequests(subs: readonly SubRequest[], rejectionOf: (sub: SubRequest) => VendorError | undefined): SubRequest[] | undefined {
  let changed: SubRequest[] | undefined;
  subs.forEach((sub, i) => {
    const rejected = sub.rejected === undefined ? rejectionOf(sub) : undefined;
    if (rejected === undefined) return;
    changed ??= [...subs];
    changed[i] = { ...sub, rejected };
  });
  return changed;
}

/** Creates the admission step of the gateway. */
export function createRequestAdmission(options: AdmissionOptions): RequestAdmission {
  const limits = options.rateLimits?.enabled === true ? options.rateLimits : undefined;
  const buckets = new TokenBuckets(limits?.maxKeys ?? 1);
  return (parsed) => {
    if (parsed.kind === 'invalid') return parsed;
    const calls = parsed.kind === 'single' ? [parsed.call] : parsed.split.subRequests.filter((sub) => sub.rejected === undefined);
    const overRate = limits !== undefined && !chargeRateBudget(calls, options, buckets, limits);
    if (parsed.kind === 'single') {
      const error = overRate ? vendorError('Error') : ksRejection(parsed.call, options, false);
      return error === undefined ? parsed : { kind: 'invalid', error, startedMs: parsed.startedMs, answerHere: true };
    }
    const subRequests = rejectSubRequests(parsed.split.subRequests, (sub) => (overRate ? vendorError('Error') : ksRejection(sub, options, true)));
    // Every sub-request admitted (the common case): the parsed request as it is, no copies on the hot path.
    return subRequests === undefined ? parsed : { ...parsed, split: { ...parsed.split, subRequests } };
  };
}
