/**
 * ottUser.register / update / updatePassword → platform identity.createUser (client auth),
 * identity.updateUserProfile, identity.setUserPassword. docs/vendor-decisions.md "Users that change".
 */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readInt } from '../../phoenix/param-readers';
import { readPasswordUpdate, readRegistration, readUserUpdate, type UserProfileInput } from '../../phoenix/user-profile-input';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { PlatformReply } from '../platform-port';
import type { TranslateContext, TranslatorTable } from '../translator';
import { toOttUser } from './identity-mappers';
import { bodyOf, problemCode, unexpectedReply, type PlatformUser } from './platform-replies';

/** Vendor profile fields in platform vocabulary (`externalId` is the platform's `externalRef`). */
function toPlatformProfile(profile: UserProfileInput): Record<string, string | number> {
  const { externalId, ...rest } = profile;
  const body: Record<string, string | number> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  if (externalId !== undefined) body.externalRef = externalId;
  return body;
}

async function register(ctx: TranslateContext): Promise<VendorOutcome> {
  const partnerId = readInt(ctx.params, 'partnerId', { required: true });
  if (!partnerId.ok) return partnerId;
  if (partnerId.value !== ctx.partnerId) return vendorFailure('MissingConfiguration', { configuration: `partner ${partnerId.value}` });
  const input = readRegistration(ctx.params);
  if (!input.ok) return input;
  const request = { method: 'POST' as const, path: '/identity/v1/users', body: { ...toPlatformProfile(input.value.profile), username: input.value.username, password: input.value.password } };
  const reply = await ctx.platform.callAsClient(request);
  if (reply.status === 201) {
    const user = reply.body as PlatformUser;
    // A user the platform made gets its vendor id here, the first time the vendor side names it.
    await ctx.ids.allocateVendorId('user', user.id);
    return ok(toOttUser(user, ctx.ids));
  }
  if (problemCode(reply) === 'username_taken') return vendorFailure('UserExists');
  if (problemCode(reply) === 'validation_failed') return vendorFailure('InvalidArgument', { argument: 'user' });
  throw unexpectedReply('identity.createUser', reply);
}

/** The platform id of the user to change; a vendor id the map does not know is nobody in the household (1020). */
function targetPlatformId(ctx: TranslateContext, vendorId: string): VendorOutcome<string> {
  const platformId = ctx.ids.toPlatform('user', vendorId);
  return platformId === undefined ? vendorFailure('UserNotExistsInDomain') : ok(platformId);
}

/** 404 → 1020 (not in the caller's household), 403 → 1021 (not its master); anything else unexpected. */
function refusalOf(operationId: string, reply: PlatformReply): VendorOutcome<never> {
  if (reply.status === 404) return vendorFailure('UserNotExistsInDomain');
  if (reply.status === 403) return vendorFailure('ActionUserNotMaster');
  if (problemCode(reply) === 'validation_failed') return vendorFailure('InvalidArgument', { argument: 'user' });
  throw unexpectedReply(operationId, reply);
}

async function update(ctx: TranslateContext): Promise<VendorOutcome> {
  const input = readUserUpdate(ctx.params, ctx.session?.userId ?? '');
  if (!input.ok) return input;
  const platformId = targetPlatformId(ctx, input.value.userId);
  if (!platformId.ok) return platformId;
  const request = { method: 'PUT' as const, path: `/identity/v1/users/${encodeURIComponent(platformId.value)}/profile`, body: toPlatformProfile(input.value.profile) };
  const reply = await ctx.platform.call(request);
  if (reply.status !== 200) return refusalOf('identity.updateUserProfile', reply);
  return ok(toOttUser(bodyOf<PlatformUser>(request, reply), ctx.ids));
}

async function updatePassword(ctx: TranslateContext): Promise<VendorOutcome> {
  const input = readPasswordUpdate(ctx.params);
  if (!input.ok) return input;
  const platformId = targetPlatformId(ctx, input.value.userId);
  if (!platformId.ok) return platformId;
  const path = `/identity/v1/users/${encodeURIComponent(platformId.value)}/password`;
  const reply = await ctx.platform.call({ method: 'PUT', path, body: { password: input.value.password } });
  if (reply.status !== 204) return refusalOf('identity.setUserPassword', reply);
  return ok(null);
}

export const userWriteTranslators: TranslatorTable = {
  'ottuser.register': { access: 'none', run: register },
  'ottuser.update': { access: 'user', run: update },
  'ottuser.updatepassword': { access: 'user', run: updatePassword },
};
