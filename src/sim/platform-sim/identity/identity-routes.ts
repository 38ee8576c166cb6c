import { findUserByUsername } from '../../identity/lab-users';
import type { RouteSpec } from '../http/router';
import { ok, problem, type Reply } from '../http/reply';
import { isUuid, readObjectBody, readStringField, readUuidField } from '../http/params';
import type { PlatformRequest } from '../platform-request';
import { toHouseholdView, toUserView } from './identity-views';
import { loginRecordOf } from './login-state';
import type { TokenSubject } from './token-service';

/** `identity.exchangeToken`: the facade names a subject it verified; the platform signs it. */
function exchangeToken(req: PlatformRequest): Reply {
  const body = readObjectBody(req.body ?? {});
  if (!body.ok) return body.reply;
  const userId = readUuidField(body.value, 'userId', false);
  if (!userId.ok) return userId.reply;
  const householdId = readUuidField(body.value, 'householdId', false);
  if (!householdId.ok) return householdId.reply;
  const deviceUdid = readStringField(body.value, 'deviceUdid', false);
  if (!deviceUdid.ok) return deviceUdid.reply;
  const sessionKey = readStringField(body.value, 'sessionKey', false);
  if (!sessionKey.ok) return sessionKey.reply;
  let subjectHousehold: string | undefined;
  if (userId.value !== undefined) {
    const user = req.state.users.byId.get(userId.value);
    if (!user) return problem('unknown_user', `no user ${userId.value}`);
    subjectHousehold = req.state.index.householdByVendorId.get(user.householdVendorId)?.platformId;
    if (householdId.value !== undefined && householdId.value !== subjectHousehold) return problem('validation_failed', 'householdId is not the user’s household');
  } else if (householdId.value !== undefined) {
    return problem('validation_failed', 'an anonymous subject has no household');
  }
  const subject: TokenSubject = {
    ...(userId.value !== undefined ? { userId: userId.value } : {}),
    ...(subjectHousehold !== undefined ? { householdId: subjectHousehold } : {}),
    ...(deviceUdid.value ? { deviceUdid: deviceUdid.value } : {}),
    ...(sessionKey.value ? { sessionKey: sessionKey.value } : {}),
  };
  const minted = req.state.tokens.mint(subject, req.nowSec);
  return ok({ accessToken: minted.accessToken, tokenType: 'Bearer', expiresIn: minted.expiresIn });
}

/** `identity.authenticate`: username (case-insensitive) and password → the user. */
function authenticate(req: PlatformRequest): Reply {
  const body = readObjectBody(req.body);
  if (!body.ok) return body.reply;
  const username = readStringField(body.value, 'username', true);
  if (!username.ok) return username.reply;
  const password = readStringField(body.value, 'password', true, 1024);
  if (!password.ok) return password.reply;
  const user = findUserByUsername(req.state.users, username.value ?? '');
  if (!user) return problem('unknown_user', 'no user with this username');
  const login = loginRecordOf(req.state.logins, user.platformId);
  if (user.password !== password.value) {
    login.failedLoginCount += 1;
    return problem('invalid_credentials', 'wrong username or password');
  }
  if (user.suspended) return problem('user_suspended', 'the user is suspended');
  login.failedLoginCount = 0;
  login.lastLoginAt = req.nowSec;
  return ok(toUserView(req.state, user));
}

/** `identity.getUser`: the caller and members of the caller's household may read a user. */
function getUser(req: PlatformRequest): Reply {
  const userId = req.params.userId ?? '';
  if (!isUuid(userId)) return problem('validation_failed', 'userId must be a UUID');
  const user = req.state.users.byId.get(userId.toLowerCase());
  if (!user) return problem('not_found', `no user ${userId}`);
  const householdId = req.state.index.householdByVendorId.get(user.householdVendorId)?.platformId;
  if (req.caller.userId === undefined || (req.caller.userId !== user.platformId && req.caller.householdId !== householdId)) {
    return problem('forbidden', 'a user is readable by themselves and their household');
  }
  return ok(toUserView(req.state, user));
}

/** `identity.getHousehold`: readable by its members. */
function getHousehold(req: PlatformRequest): Reply {
  const householdId = req.params.householdId ?? '';
  if (!isUuid(householdId)) return problem('validation_failed', 'householdId must be a UUID');
  const household = req.state.index.householdByPlatformId.get(householdId.toLowerCase());
  if (!household) return problem('not_found', `no household ${householdId}`);
  if (req.caller.householdId !== household.platformId) return problem('forbidden', 'a household is readable by its members');
  return ok(toHouseholdView(req.state.index, household));
}

export const identityRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'POST', path: '/identity/v1/token', operationId: 'identity.exchangeToken', auth: 'client', body: true, handle: exchangeToken },
  { method: 'POST', path: '/identity/v1/authenticate', operationId: 'identity.authenticate', auth: 'client', body: true, handle: authenticate },
  { method: 'GET', path: '/identity/v1/users/:userId', operationId: 'identity.getUser', auth: 'bearer', handle: getUser },
  { method: 'GET', path: '/identity/v1/households/:householdId', operationId: 'identity.getHousehold', auth: 'bearer', handle: getHousehold },
];
