/** ottUser.resetPassword → platform identity.requestPasswordReset (client auth); docs/vendor-decisions.md "Password reset". */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readInt } from '../../phoenix/param-readers';
import { readPasswordResetUsername } from '../../phoenix/password-reset';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { TranslateContext, TranslatorTable } from '../translator';
import { problemCode, unexpectedReply } from './platform-replies';

async function resetPassword(ctx: TranslateContext): Promise<VendorOutcome> {
  const partnerId = readInt(ctx.params, 'partnerId', { required: true });
  if (!partnerId.ok) return partnerId;
  if (partnerId.value !== ctx.partnerId) return vendorFailure('MissingConfiguration', { configuration: `partner ${partnerId.value}` });
  const username = readPasswordResetUsername(ctx.params);
  if (!username.ok) return username;
  if (username.value === '') return vendorFailure('UserDoesNotExist');
  const reply = await ctx.platform.callAsClient({ method: 'POST', path: '/identity/v1/password-resets', body: { username: username.value } });
  if (reply.status === 202) return ok(true);
  if (problemCode(reply) === 'unknown_user') return vendorFailure('UserDoesNotExist');
  throw unexpectedReply('identity.requestPasswordReset', reply);
}

export const passwordResetTranslators: TranslatorTable = {
  'ottuser.resetpassword': { access: 'none', run: resetPassword },
};
