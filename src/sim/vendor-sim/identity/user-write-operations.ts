/**
 * ottUser.register / update / updatePassword on vendor-sim's mutable users; the rules are shared
 * with platform-sim (src/sim/identity). docs/vendor-decisions.md "Users that change".
 */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { readInt } from '../../../phoenix/param-readers';
import { readPasswordUpdate, readRegistration, readUserUpdate } from '../../../phoenix/user-profile-input';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import { applyPasswordChange, applyProfileChange, toLabUser } from '../../identity/lab-users';
import { judgeUserTarget } from '../../identity/user-rules';
import type { SimCallContext, SimOperationTable } from '../sim-operation';
import { toOttUser } from './identity-mappers';
import { findUserByUsername, type SimUser } from './identity-state';

/** A new user without a household (household.add makes one); the vendor id follows the highest so far. */
function register(ctx: SimCallContext): VendorOutcome {
  const partnerId = readInt(ctx.params, 'partnerId', { required: true });
  if (!partnerId.ok) return partnerId;
  const { identity } = ctx.state;
  if (partnerId.value !== identity.partnerId) return vendorFailure('MissingConfiguration', { configuration: `partner ${partnerId.value}` });
  const input = readRegistration(ctx.params);
  if (!input.ok) return input;
  if (findUserByUsername(identity, input.value.username) !== undefined) return vendorFailure('UserExists');
  const vendorId = String(identity.nextUserId++);
  const base = toLabUser({
    vendorId, platformId: '', householdVendorId: 0, username: input.value.username, password: input.value.password,
    firstName: '', lastName: '', email: '', city: '', countryId: 0,
    isHouseholdMaster: false, isHouseholdDefault: false, suspended: false, createDate: ctx.nowSec,
  });
  const record: SimUser = { user: applyProfileChange(base, input.value.profile, ctx.nowSec), lastLoginDate: 0, failedLoginCount: 0 };
  identity.users.set(vendorId, record);
  identity.userIdByUsername.set(input.value.username.toLowerCase(), vendorId);
  return ok(toOttUser(record, undefined));
}

/** The record the caller may change, or the vendor's refusal (1020 outside the household, 1021 not its master). */
function resolveTarget(ctx: SimCallContext, targetId: string): VendorOutcome<SimUser> {
  const callerId = ctx.session?.userId ?? '';
  const caller = ctx.state.identity.users.get(callerId);
  if (caller === undefined) return vendorFailure('UserDoesNotExist');
  const target = ctx.state.identity.users.get(targetId);
  const verdict = judgeUserTarget(caller.user, callerId, target?.user, targetId);
  if (verdict === 'not_in_household') return vendorFailure('UserNotExistsInDomain');
  if (verdict === 'not_master') return vendorFailure('ActionUserNotMaster');
  return ok(target ?? caller);
}

function update(ctx: SimCallContext): VendorOutcome {
  const input = readUserUpdate(ctx.params, ctx.session?.userId ?? '');
  if (!input.ok) return input;
  const target = resolveTarget(ctx, input.value.userId);
  if (!target.ok) return target;
  target.value.user = applyProfileChange(target.value.user, input.value.profile, ctx.nowSec);
  return ok(toOttUser(target.value, ctx.state.identity.households.get(target.value.user.householdVendorId)));
}

function updatePassword(ctx: SimCallContext): VendorOutcome {
  const input = readPasswordUpdate(ctx.params);
  if (!input.ok) return input;
  const target = resolveTarget(ctx, input.value.userId);
  if (!target.ok) return target;
  target.value.user = applyPasswordChange(target.value.user, input.value.password, ctx.nowSec);
  return ok(null);
}

export const userWriteOperations: SimOperationTable = {
  'ottuser.register': { access: 'none', run: register },
  'ottuser.update': { access: 'user', run: update },
  'ottuser.updatepassword': { access: 'user', run: updatePassword },
};
