/** What the PIN translators share: the partner check and a session for a user the platform signed in. */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readInt } from '../../phoenix/param-readers';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { TranslateContext } from '../translator';
import { vendorHouseholdId, vendorUserId } from './identity-ids';
import { toLoginSession, toOttUser } from './identity-mappers';
import type { PlatformUser } from './platform-replies';

/** `partnerId` (required) must be this facade's partner: else 500006 (brief §4.2). */
export function checkLoginPartner(ctx: TranslateContext): VendorOutcome<number> {
  const partnerId = readInt(ctx.params, 'partnerId', { required: true });
  if (!partnerId.ok) return partnerId;
  if (partnerId.value !== ctx.partnerId) return vendorFailure('MissingConfiguration', { configuration: `partner ${partnerId.value}` });
  return partnerId;
}

/** A KalturaLoginResponse for a platform user, the new KS bound to `udid`. */
export async function startLoginFor(ctx: TranslateContext, user: PlatformUser, udid: string): Promise<VendorOutcome> {
  const subject = { userId: vendorUserId(ctx.ids, user.id), householdId: vendorHouseholdId(ctx.ids, user.householdId), udid, type: 'user' as const };
  const started = await ctx.sessions.start(subject, ctx.nowSec);
  return ok({ objectType: 'KalturaLoginResponse', user: toOttUser(user, ctx.ids), loginSession: toLoginSession(started) });
}

/** The platform path of one typed code; blanks around it do not count (as the vendor trims). */
export function codePath(kind: 'pairing-codes' | 'login-codes', typed: string, action: string): string {
  return `/identity/v1/${kind}/${encodeURIComponent(typed.trim())}/${action}`;
}
