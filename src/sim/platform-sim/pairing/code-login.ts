/** Login codes: a signed-in user creates one, another device signs in with it (once). */
import type { CatalogUser } from '../../../core/catalog';
import { issuePairingCode, lookUpPairingCode } from '../../pairing/pairing-codes';
import { toIso } from '../http/iso-time';
import type { RouteSpec } from '../http/router';
import { ok, problem, type Reply } from '../http/reply';
import { readObjectBody, readStringField } from '../http/params';
import { requireMember } from '../identity/caller-household';
import { toUserView } from '../identity/identity-views';
import { loginRecordOf } from '../identity/login-state';
import type { PlatformRequest } from '../platform-request';

/** A successful sign-in as `user` (suspended → problem), bookkept like identity.authenticate. */
export function authenticatedUser(req: PlatformRequest, user: CatalogUser): Reply {
  if (user.suspended) return problem('user_suspended', 'the user is suspended');
  const login = loginRecordOf(req.state.logins, user.platformId);
  login.failedLoginCount = 0;
  login.lastLoginAt = req.nowSec;
  return ok(toUserView(req.state, user));
}

/** `identity.createLoginCode`: for the calling user, optionally guarded by a secret. */
function createLoginCode(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const body = readObjectBody(req.body ?? {});
  if (!body.ok) return body.reply;
  const secret = readStringField(body.value, 'secret', false, 256);
  if (!secret.ok) return secret.reply;
  const value = secret.value === undefined || secret.value === '' ? { userId: member.userId } : { userId: member.userId, secret: secret.value };
  const issued = issuePairingCode(req.state.pairing.loginCodes, value, req.nowSec);
  return ok({ code: issued.code, userId: member.userId, expiresAt: toIso(issued.expiresAt) }, 201);
}

/** `identity.authenticateLoginCode`: unknown → not_found, expired → code_expired, wrong secret → invalid_credentials. */
function authenticateLoginCode(req: PlatformRequest): Reply {
  const body = readObjectBody(req.body ?? {});
  if (!body.ok) return body.reply;
  const secret = readStringField(body.value, 'secret', false, 256);
  if (!secret.ok) return secret.reply;
  const store = req.state.pairing.loginCodes;
  const found = lookUpPairingCode(store, req.params.code ?? '', req.nowSec);
  if (found.kind === 'unknown') return problem('not_found', 'no such login code');
  if (found.kind === 'expired') return problem('code_expired', 'login code expired');
  const value = found.entry.value;
  if (value.secret !== undefined && value.secret !== secret.value) return problem('invalid_credentials', 'wrong secret');
  const user = req.state.users.byId.get(value.userId);
  if (user === undefined) return problem('unknown_user', 'the user is gone');
  const answer = authenticatedUser(req, user);
  if (answer.status === 200) store.codes.delete(found.entry.code);
  return answer;
}

export const loginCodeRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'POST', path: '/identity/v1/login-codes', operationId: 'identity.createLoginCode', auth: 'bearer', body: true, handle: createLoginCode },
  { method: 'POST', path: '/identity/v1/login-codes/:code/authenticate', operationId: 'identity.authenticateLoginCode', auth: 'client', body: true, handle: authenticateLoginCode },
];
