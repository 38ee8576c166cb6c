/**
 * `identity.requestPasswordReset`: starts the reset of a user's password (the platform mails the
 * user a link; platform-sim only checks the user exists). docs/platform.md "Operations".
 */
import { findUserByUsername } from '../../identity/lab-users';
import type { RouteSpec } from '../http/router';
import { ok, problem, type Reply } from '../http/reply';
import { readObjectBody, readStringField } from '../http/params';
import type { PlatformRequest } from '../platform-request';

function requestPasswordReset(req: PlatformRequest): Reply {
  const body = readObjectBody(req.body);
  if (!body.ok) return body.reply;
  const username = readStringField(body.value, 'username', true);
  if (!username.ok) return username.reply;
  const user = findUserByUsername(req.state.users, username.value ?? '');
  if (!user) return problem('unknown_user', 'no user with this username');
  return ok({ userId: user.platformId }, 202);
}

export const passwordResetRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'POST', path: '/identity/v1/password-resets', operationId: 'identity.requestPasswordReset', auth: 'client', body: true, handle: requestPasswordReset },
];
