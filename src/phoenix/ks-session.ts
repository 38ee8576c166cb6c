import { createHash } from 'node:crypto';
import type { CallerSession } from '../core/caller-session';
import { err, ok, type Result } from '../core/result';
import type { VendorError } from '../core/vendor-error';
import { decodeKs, ksPrivilegeKeys, type KsDecodeError, type KsPayload } from './ks-codec';
import { vendorError } from './vendor-error-builder';

/**
 * The session id a KS is revoked by: its `sid` privilege, or — for a KS without one (which
 * privileges the vendor's KS carry is [U], brief §4.3) — a digest of the KS itself, so a logout of
 * one such KS never revokes another (an empty id would be shared by all of them).
 */
function sessionIdOf(ks: string, payload: KsPayload): string {
  const sid = payload.privileges[ksPrivilegeKeys.sessionId];
  return sid !== undefined && sid !== '' ? sid : `ks:${createHash('sha256').update(ks).digest('hex').slice(0, 32)}`;
}

/** The caller session a decoded KS describes. */
export function toCallerSession(ks: string, payload: KsPayload): CallerSession {
  const householdId = Number(payload.privileges[ksPrivilegeKeys.householdId] ?? '0');
  return {
    ks,
    partnerId: payload.partnerId,
    userId: payload.userId,
    householdId: Number.isFinite(householdId) ? householdId : 0,
    udid: payload.privileges[ksPrivilegeKeys.udid] ?? '',
    type: payload.type,
    expiry: payload.expiry,
    createDate: payload.createDate,
    sessionId: sessionIdOf(ks, payload),
  };
}

/**
 * Decodes a KS and checks its expiry (brief §4.3): not decodable with the partner secret →
 * 500015 InvalidKS; past its expiry → 500016 ExpiredKS. Revocation is checked by the caller, which
 * knows where revocations live.
 */
export function decodeCallerSession(ks: string, secretForPartner: (partnerId: number) => string | undefined, nowSec: number): Result<CallerSession, VendorError> {
  return toCallerSessionAt(ks, decodeKs(ks, secretForPartner), nowSec);
}

/** The session of an already decoded KS, or 500015 / 500016 as above. */
export function toCallerSessionAt(ks: string, decoded: Result<KsPayload, KsDecodeError>, nowSec: number): Result<CallerSession, VendorError> {
  if (!decoded.ok) return err(vendorError('InvalidKS'));
  if (decoded.value.expiry <= nowSec) return err(vendorError('ExpiredKS'));
  return ok(toCallerSession(ks, decoded.value));
}
