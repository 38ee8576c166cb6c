/** ottuser.anonymousLogin / login / refreshSession / get / logout (brief §4.2, §5.1). */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readInt, readString } from '../../phoenix/param-readers';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { TranslateContext, TranslatorTable } from '../translator';
import { vendorHouseholdId } from './identity-ids';
import { toLoginSession, toOttUser } from './identity-mappers';
import { bodyOf, problemCode, unexpectedReply, type PlatformUser } from './platform-replies';

/** `partnerId` (required) must be this facade's partner: else 500006 (brief §4.2). */
function checkPartner(ctx: TranslateContext): VendorOutcome<number> {
  const partnerId = readInt(ctx.params, 'partnerId', { required: true });
  if (!partnerId.ok) return partnerId;
  if (partnerId.value !== ctx.partnerId) return vendorFailure('MissingConfiguration', { configuration: `partner ${partnerId.value}` });
  return partnerId;
}

async function anonymousLogin(ctx: TranslateContext): Promise<VendorOutcome> {
  const partner = checkPartner(ctx);
  if (!partner.ok) return partner;
  const udid = readString(ctx.params, 'udid');
  if (!udid.ok) return udid;
  const started = await ctx.sessions.start({ userId: '0', householdId: 0, udid: udid.value ?? '', type: 'anonymous' }, ctx.nowSec);
  return ok(toLoginSession(started));
}

/**
 * Username and password checked by the platform: unknown → 2000, wrong password → 1011, suspended
 * → 2001 (the platform checks in the vendor's order). A blank username names nobody (2000); a
 * blank password is a wrong one.
 */
async function authenticate(ctx: TranslateContext, username: string, password: string): Promise<VendorOutcome<PlatformUser>> {
  const name = username.trim();
  if (name === '') return vendorFailure('UserDoesNotExist');
  const request = { method: 'POST' as const, path: '/identity/v1/authenticate', body: { username: name, password } };
  const reply = await ctx.platform.callAsClient(request);
  if (reply.status === 200) return ok(bodyOf<PlatformUser>(request, reply));
  switch (problemCode(reply)) {
    case 'unknown_user':
      return vendorFailure('UserDoesNotExist');
    case 'invalid_credentials':
      return vendorFailure('WrongPasswordOrUserName');
    case 'user_suspended':
      return vendorFailure('UserSuspended');
    case 'validation_failed':
      return vendorFailure(password === '' ? 'WrongPasswordOrUserName' : 'UserDoesNotExist');
    default:
      throw unexpectedReply(`${request.method} ${request.path}`, reply);
  }
}

async function login(ctx: TranslateContext): Promise<VendorOutcome> {
  const partner = checkPartner(ctx);
  if (!partner.ok) return partner;
  const username = readString(ctx.params, 'username', { required: true });
  if (!username.ok) return username;
  const password = readString(ctx.params, 'password', { required: true });
  if (!password.ok) return password;
  const udid = readString(ctx.params, 'udid');
  if (!udid.ok) return udid;
  const user = await authenticate(ctx, username.value, password.value);
  if (!user.ok) return user;
  // allocate, not look up: a user the platform made (registered here or elsewhere) gets its vendor id now.
  const userId = await ctx.ids.allocateVendorId('user', user.value.id);
  const subject = { userId, householdId: vendorHouseholdId(ctx.ids, user.value.householdId), udid: udid.value ?? '', type: 'user' as const };
  const started = await ctx.sessions.start(subject, ctx.nowSec);
  return ok({ objectType: 'KalturaLoginResponse', user: toOttUser(user.value, ctx.ids), loginSession: toLoginSession(started) });
}

/** New KS and refresh token for the same subject; the refresh token is used up (brief §4.2). */
async function refreshSession(ctx: TranslateContext): Promise<VendorOutcome> {
  const token = readString(ctx.params, 'refreshToken', { required: true });
  if (!token.ok) return token;
  const udid = readString(ctx.params, 'udid');
  if (!udid.ok) return udid;
  const started = await ctx.sessions.refresh(token.value, udid.value, ctx.nowSec);
  return started.ok ? ok(toLoginSession(started.value)) : started;
}

/** The caller's own user; a user the platform does not know (or will not show) → 2000. */
async function getUser(ctx: TranslateContext): Promise<VendorOutcome> {
  const platformId = ctx.session === null ? undefined : ctx.ids.toPlatform('user', ctx.session.userId);
  if (platformId === undefined) return vendorFailure('UserDoesNotExist');
  const request = { method: 'GET' as const, path: `/identity/v1/users/${encodeURIComponent(platformId)}` };
  const reply = await ctx.platform.call(request);
  if (reply.status === 404 || reply.status === 403) return vendorFailure('UserDoesNotExist');
  return ok(toOttUser(bodyOf<PlatformUser>(request, reply), ctx.ids));
}

/** Logout ends this KS only (brief §4.2). */
async function logout(ctx: TranslateContext): Promise<VendorOutcome> {
  if (ctx.session !== null) await ctx.sessions.end(ctx.session);
  return ok(true);
}

export const ottUserTranslators: TranslatorTable = {
  'ottuser.anonymouslogin': { access: 'none', run: anonymousLogin },
  'ottuser.login': { access: 'none', run: login },
  'ottuser.refreshsession': { access: 'none', run: refreshSession },
  'ottuser.get': { access: 'user', run: getUser },
  'ottuser.logout': { access: 'session', run: logout },
};
