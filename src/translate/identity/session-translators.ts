/** session.get / session.revoke (brief §4.2); sessions are the facade's own, never the platform's. */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readString } from '../../phoenix/param-readers';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { TranslateContext, TranslatorTable } from '../translator';
import { toKalturaSession } from './identity-mappers';

/** Describes the `session` argument when given (500015/500016 when bad), else the request's own KS. */
async function getSession(ctx: TranslateContext): Promise<VendorOutcome> {
  const other = readString(ctx.params, 'session');
  if (!other.ok) return other;
  if (other.value !== undefined && other.value !== '') {
    if (ctx.sessions.inspect === undefined) throw new Error('session port cannot inspect a KS');
    const verified = await ctx.sessions.inspect(other.value, ctx.nowSec);
    return verified.ok ? ok(toKalturaSession(verified.value)) : verified;
  }
  if (ctx.session === null) return vendorFailure('ServiceForbidden');
  return ok(toKalturaSession(ctx.session));
}

/** Revokes every KS of the caller's user (brief §4.2). */
async function revoke(ctx: TranslateContext): Promise<VendorOutcome> {
  if (ctx.session !== null) await ctx.sessions.revokeUser(ctx.session, ctx.nowSec);
  return ok(true);
}

export const sessionTranslators: TranslatorTable = {
  'session.get': { access: 'none', run: getSession },
  'session.revoke': { access: 'user', run: revoke },
};
