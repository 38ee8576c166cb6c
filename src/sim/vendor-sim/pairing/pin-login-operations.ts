/**
 * householdDevice.loginWithPin, userLoginPin.add, ottUser.loginWithPin (S2; docs/lab-rules.md
 * "Device pairing and login PINs"). A PIN logs in once; unknown → 2003, expired → 2004.
 */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { readInt, readString } from '../../../phoenix/param-readers';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import { issuePairingCode, lookUpPairingCode, type CodeLookup } from '../../pairing/pairing-codes';
import { toOttUser } from '../identity/identity-mappers';
import { listHouseholdUsers } from '../identity/identity-state';
import { startSession, toLoginSession } from '../identity/sessions';
import type { SimCallContext, SimOperationTable } from '../sim-operation';

function checkPartner(ctx: SimCallContext): VendorOutcome<number> {
  const partnerId = readInt(ctx.params, 'partnerId', { required: true });
  if (!partnerId.ok) return partnerId;
  if (partnerId.value !== ctx.state.identity.partnerId) return vendorFailure('MissingConfiguration', { configuration: `partner ${partnerId.value}` });
  return partnerId;
}

function liveEntry<T>(found: CodeLookup<T>): VendorOutcome<{ code: string; value: T }> {
  if (found.kind === 'unknown') return vendorFailure('PinNotExists');
  if (found.kind === 'expired') return vendorFailure('PinExpired');
  return ok({ code: found.entry.code, value: found.entry.value });
}

/** A KalturaLoginResponse for a user (suspended → 2001), the KS bound to `udid`. */
function loginAs(ctx: SimCallContext, userVendorId: string, udid: string): VendorOutcome {
  const { identity } = ctx.state;
  const record = identity.users.get(userVendorId);
  if (record === undefined) return vendorFailure('UserDoesNotExist');
  if (record.user.suspended) return vendorFailure('UserSuspended');
  record.lastLoginDate = ctx.nowSec;
  const minted = startSession(identity, { userId: userVendorId, householdId: record.user.householdVendorId, udid, type: 'user' }, ctx.nowSec);
  const household = identity.households.get(record.user.householdVendorId);
  return ok({ objectType: 'KalturaLoginResponse', user: toOttUser(record, household), loginSession: toLoginSession(minted) });
}

/** The paired device logs in as its household's default user. */
function deviceLoginWithPin(ctx: SimCallContext): VendorOutcome {
  const partner = checkPartner(ctx);
  if (!partner.ok) return partner;
  const pin = readString(ctx.params, 'pin', { required: true });
  if (!pin.ok) return pin;
  const udid = readString(ctx.params, 'udid');
  if (!udid.ok) return udid;
  const entry = liveEntry(lookUpPairingCode(ctx.state.pairing.devicePins, pin.value, ctx.nowSec));
  if (!entry.ok) return entry;
  const { value } = entry.value;
  if (udid.value !== undefined && udid.value !== '' && udid.value !== value.udid) return vendorFailure('PinNotExists');
  if (value.householdVendorId === undefined) return vendorFailure('DeviceNotExists');
  const defaultUser = listHouseholdUsers(ctx.state.identity, value.householdVendorId).find((u) => u.isHouseholdDefault);
  if (defaultUser === undefined) return vendorFailure('UserDoesNotExist');
  const answer = loginAs(ctx, defaultUser.vendorId, value.udid);
  if (answer.ok) ctx.state.pairing.devicePins.codes.delete(entry.value.code);
  return answer;
}

function addLoginPin(ctx: SimCallContext): VendorOutcome {
  const secret = readString(ctx.params, 'secret');
  if (!secret.ok) return secret;
  const userVendorId = ctx.session?.userId ?? '';
  const value = secret.value === undefined || secret.value === '' ? { userVendorId } : { userVendorId, secret: secret.value };
  const issued = issuePairingCode(ctx.state.pairing.loginPins, value, ctx.nowSec);
  return ok({ objectType: 'KalturaUserLoginPin', pinCode: issued.code, expirationTime: issued.expiresAt, userId: userVendorId });
}

function userLoginWithPin(ctx: SimCallContext): VendorOutcome {
  const partner = checkPartner(ctx);
  if (!partner.ok) return partner;
  const pin = readString(ctx.params, 'pin', { required: true });
  if (!pin.ok) return pin;
  const secret = readString(ctx.params, 'secret');
  if (!secret.ok) return secret;
  const udid = readString(ctx.params, 'udid');
  if (!udid.ok) return udid;
  const entry = liveEntry(lookUpPairingCode(ctx.state.pairing.loginPins, pin.value, ctx.nowSec));
  if (!entry.ok) return entry;
  const { value } = entry.value;
  if (value.secret !== undefined && value.secret !== secret.value) return vendorFailure('SecretIsWrong');
  const answer = loginAs(ctx, value.userVendorId, udid.value ?? '');
  if (answer.ok) ctx.state.pairing.loginPins.codes.delete(entry.value.code);
  return answer;
}

export const pinLoginOperations: SimOperationTable = {
  'householddevice.loginwithpin': { access: 'none', run: deviceLoginWithPin },
  'userloginpin.add': { access: 'user', run: addLoginPin },
  'ottuser.loginwithpin': { access: 'none', run: userLoginWithPin },
};
