/** ottuser.anonymousLogin / login / refreshSession / get / logout (brief §4.2, §5.1). */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { readInt, readString } from '../../../phoenix/param-readers';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import type { SimCallContext, SimOperationTable } from '../sim-operation';
import { toOttUser } from './identity-mappers';
import { findUserByUsername } from './identity-state';
import { revokeSession, startSession, toLoginSession } from './sessions';

/** Reads `partnerId` (required) and checks it is the lab partner: unknown → 500006 (brief §4.2). */
function checkPartner(ctx: SimCallContext): VendorOutcome<number> {
  const partnerId = readInt(ctx.params, 'partnerId', { required: true });
  if (!partnerId.ok) return partnerId;
  if (partnerId.value !== ctx.state.identity.partnerId) return vendorFailure('MissingConfiguration', { configuration: `partner ${partnerId.value}` });
  return partnerId;
}

function anonymousLogin(ctx: SimCallContext): VendorOutcome {
  const partner = checkPartner(ctx);
  if (!partner.ok) return partner;
  const udid = readString(ctx.params, 'udid');
  if (!udid.ok) return udid;
  const minted = startSession(ctx.state.identity, { userId: '0', householdId: 0, udid: udid.value ?? '', type: 'anonymous' }, ctx.nowSec);
  return ok(toLoginSession(minted));
}

function login(ctx: SimCallContext): VendorOutcome {
  const partner = checkPartner(ctx);
  if (!partner.ok) return partner;
  const username = readString(ctx.params, 'username', { required: true });
  if (!username.ok) return username;
  const password = readString(ctx.params, 'password', { required: true });
  if (!password.ok) return password;
  const udid = readString(ctx.params, 'udid');
  if (!udid.ok) return udid;
  const { identity } = ctx.state;
  const record = findUserByUsername(identity, username.value);
  if (record === undefined) return vendorFailure('UserDoesNotExist');
  if (record.user.password !== password.value) {
    record.failedLoginCount += 1;
    return vendorFailure('WrongPasswordOrUserName');
  }
  if (record.user.suspended) return vendorFailure('UserSuspended');
  record.failedLoginCount = 0;
  record.lastLoginDate = ctx.nowSec;
  const subject = { userId: record.user.vendorId, householdId: record.user.householdVendorId, udid: udid.value ?? '', type: 'user' as const };
  const minted = startSession(identity, subject, ctx.nowSec);
  const household = identity.households.get(record.user.householdVendorId);
  return ok({ objectType: 'KalturaLoginResponse', user: toOttUser(record, household), loginSession: toLoginSession(minted) });
}

/** New KS and refresh token for the same subject; the old refresh token is consumed (brief §4.2). */
function refreshSession(ctx: SimCallContext): VendorOutcome {
  const token = readString(ctx.params, 'refreshToken', { required: true });
  if (!token.ok) return token;
  const udid = readString(ctx.params, 'udid');
  if (!udid.ok) return udid;
  const { identity } = ctx.state;
  const record = identity.refreshTokens.get(token.value);
  if (record === undefined || record.expiry <= ctx.nowSec) return vendorFailure('InvalidRefreshToken');
  identity.refreshTokens.delete(token.value);
  const subject = { userId: record.userId, householdId: record.householdId, udid: udid.value ?? record.udid, type: record.type };
  return ok(toLoginSession(startSession(identity, subject, ctx.nowSec)));
}

function getUser(ctx: SimCallContext): VendorOutcome {
  const record = ctx.session === null ? undefined : ctx.state.identity.users.get(ctx.session.userId);
  if (record === undefined) return vendorFailure('UserDoesNotExist');
  return ok(toOttUser(record, ctx.state.identity.households.get(record.user.householdVendorId)));
}

function logout(ctx: SimCallContext): VendorOutcome {
  if (ctx.session !== null) revokeSession(ctx.state.identity, ctx.session);
  return ok(true);
}

export const ottUserOperations: SimOperationTable = {
  'ottuser.anonymouslogin': { access: 'none', run: anonymousLogin },
  'ottuser.login': { access: 'none', run: login },
  'ottuser.refreshsession': { access: 'none', run: refreshSession },
  'ottuser.get': { access: 'user', run: getUser },
  'ottuser.logout': { access: 'session', run: logout },
};
