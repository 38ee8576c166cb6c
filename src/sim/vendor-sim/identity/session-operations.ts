/** session.get / session.revoke (brief §4.2). */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { formatKsPrivileges } from '../../../phoenix/ks-codec';
import { readString } from '../../../phoenix/param-readers';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import type { SimCallContext, SimOperationTable, SimSession } from '../sim-operation';
import { revokeUserSessions, verifySessionKs } from './sessions';

/** KalturaSession; `privileges` is the KS privilege string `name:value,…`. */
export function toKalturaSession(session: SimSession): Record<string, unknown> {
  const privileges: Record<string, string> = { udid: session.udid, hh: String(session.householdId), sid: session.sessionId };
  if (session.type === 'anonymous') privileges.anon = '1';
  return {
    objectType: 'KalturaSession',
    ks: session.ks,
    partnerId: session.partnerId,
    userId: session.userId,
    expiry: session.expiry,
    privileges: formatKsPrivileges(privileges),
    udid: session.udid,
    createDate: session.createDate,
  };
}

/** Without `session` it describes the request's own KS (brief §4.2, S12 relies on it). */
function getSession(ctx: SimCallContext): VendorOutcome {
  const other = readString(ctx.params, 'session');
  if (!other.ok) return other;
  if (other.value !== undefined && other.value !== '') {
    const verified = verifySessionKs(ctx.state.identity, other.value, ctx.nowSec);
    return verified.ok ? ok(toKalturaSession(verified.value)) : verified;
  }
  if (ctx.session === null) return vendorFailure('ServiceForbidden');
  return ok(toKalturaSession(ctx.session));
}

function revoke(ctx: SimCallContext): VendorOutcome {
  if (ctx.session !== null) revokeUserSessions(ctx.state.identity, ctx.session.userId, ctx.nowSec);
  return ok(true);
}

export const sessionOperations: SimOperationTable = {
  'session.get': { access: 'none', run: getSession },
  'session.revoke': { access: 'user', run: revoke },
};
