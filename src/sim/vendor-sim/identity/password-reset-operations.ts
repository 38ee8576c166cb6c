/** ottUser.resetPassword: true for a known username (the mail itself is not simulated); docs/vendor-decisions.md "Password reset". */
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { readInt } from '../../../phoenix/param-readers';
import { readPasswordResetUsername } from '../../../phoenix/password-reset';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import { findUserByUsername } from './identity-state';
import type { SimCallContext, SimOperationTable } from '../sim-operation';

function resetPassword(ctx: SimCallContext): VendorOutcome {
  const partnerId = readInt(ctx.params, 'partnerId', { required: true });
  if (!partnerId.ok) return partnerId;
  if (partnerId.value !== ctx.state.identity.partnerId) return vendorFailure('MissingConfiguration', { configuration: `partner ${partnerId.value}` });
  const username = readPasswordResetUsername(ctx.params);
  if (!username.ok) return username;
  if (findUserByUsername(ctx.state.identity, username.value) === undefined) return vendorFailure('UserDoesNotExist');
  return ok(true);
}

export const passwordResetOperations: SimOperationTable = {
  'ottuser.resetpassword': { access: 'none', run: resetPassword },
};
