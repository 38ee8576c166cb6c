/**
 * ottUser.resetPassword (generated TypeScript client `OttUserResetPasswordAction(partnerId,
 * username, templateName?)` → boolean: "Send an e-mail with URL to enable the user to set new
 * password"). docs/vendor-decisions.md "Password reset".
 */
import { ok } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import { readString } from './param-readers';

/** `username` (required; trimmed) and the optional `templateName` (accepted, unused). */
export function readPasswordResetUsername(params: Readonly<Record<string, unknown>>): VendorOutcome<string> {
  const username = readString(params, 'username', { required: true });
  if (!username.ok) return username;
  const template = readString(params, 'templateName');
  if (!template.ok) return template;
  return ok(username.value.trim());
}
