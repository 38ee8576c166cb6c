/**
 * `identity.createUser`, `identity.updateUserProfile`, `identity.setUserPassword`: users that
 * register and change (docs/platform.md "Operations"). Who may change whom is the rule vendor-sim
 * applies too (src/sim/identity/user-rules.ts).
 */
import { randomUUID } from 'node:crypto';
import { applyPasswordChange, applyProfileChange, findUserByUsername, putUser, toLabUser, type LabUser, type ProfileChange } from '../../identity/lab-users';
import { judgeUserTarget } from '../../identity/user-rules';
import type { RouteSpec } from '../http/router';
import { noContent, ok, problem, type Reply } from '../http/reply';
import { isUuid, readObjectBody, readStringField, type Read } from '../http/params';
import type { PlatformRequest } from '../platform-request';
import { toUserView } from './identity-views';

function good<T>(value: T): Read<T> {
  return { ok: true, value };
}

const profileTextFields = ['firstName', 'lastName', 'email', 'address', 'city', 'zip', 'phone', 'affiliateCode'] as const;

/** The profile fields of a body (all optional; `externalRef` is the vendor's externalId). */
function readProfile(body: Record<string, unknown>): Read<ProfileChange> {
  const change: Record<string, string | number> = {};
  for (const field of [...profileTextFields, 'externalRef'] as const) {
    const value = readStringField(body, field, false, 1024);
    if (!value.ok) return value;
    if (value.value !== undefined) change[field === 'externalRef' ? 'externalId' : field] = value.value;
  }
  const countryId = body.countryId;
  if (countryId !== undefined && countryId !== null) {
    if (typeof countryId !== 'number' || !Number.isInteger(countryId)) return { ok: false, reply: problem('validation_failed', 'countryId must be an integer') };
    change.countryId = countryId;
  }
  return good(change as ProfileChange);
}

function createUser(req: PlatformRequest): Reply {
  const body = readObjectBody(req.body);
  if (!body.ok) return body.reply;
  const username = readStringField(body.value, 'username', true);
  if (!username.ok) return username.reply;
  const password = readStringField(body.value, 'password', true, 1024);
  if (!password.ok) return password.reply;
  const profile = readProfile(body.value);
  if (!profile.ok) return profile.reply;
  const name = (username.value ?? '').trim();
  if (name === '') return problem('validation_failed', 'username must not be blank');
  if (findUserByUsername(req.state.users, name) !== undefined) return problem('username_taken', 'a user has this username');
  const platformId = randomUUID();
  const base = toLabUser({
    vendorId: '', platformId, householdVendorId: 0, username: name, password: password.value ?? '',
    firstName: '', lastName: '', email: '', city: '', countryId: 0,
    isHouseholdMaster: false, isHouseholdDefault: false, suspended: false, createDate: req.nowSec,
  });
  const user = applyProfileChange(base, profile.value, req.nowSec);
  putUser(req.state.users, platformId, user);
  return ok(toUserView(req.state, user), 201);
}

/** The user the caller may change: 404 outside the caller's household, 403 for a member when not its master. */
function resolveTarget(req: PlatformRequest): Read<LabUser> {
  const targetId = (req.params.userId ?? '').toLowerCase();
  if (!isUuid(targetId)) return { ok: false, reply: problem('validation_failed', 'userId must be a UUID') };
  const callerId = req.caller.userId;
  const caller = callerId === undefined ? undefined : req.state.users.byId.get(callerId);
  if (caller === undefined || callerId === undefined) return { ok: false, reply: problem('forbidden', 'only a signed-in user changes users') };
  const target = req.state.users.byId.get(targetId);
  const verdict = judgeUserTarget(caller, callerId, target, targetId);
  if (verdict === 'not_in_household') return { ok: false, reply: problem('not_found', `no user ${targetId} in the caller's household`) };
  if (verdict === 'not_master') return { ok: false, reply: problem('forbidden', 'only the household master changes other members') };
  return good(target ?? caller);
}

function updateUserProfile(req: PlatformRequest): Reply {
  const target = resolveTarget(req);
  if (!target.ok) return target.reply;
  const body = readObjectBody(req.body ?? {});
  if (!body.ok) return body.reply;
  const profile = readProfile(body.value);
  if (!profile.ok) return profile.reply;
  const user = applyProfileChange(target.value, profile.value, req.nowSec);
  putUser(req.state.users, user.platformId, user);
  const view = toUserView(req.state, user);
  // The feed names the fields this write set, so a sync carries only those (docs/sync.md "Entities").
  const fields = Object.keys(profile.value).map((f) => (f === 'externalId' ? 'externalRef' : f));
  if (typeof view.householdId === 'string') req.state.changes.append({ entity: 'user', op: 'upsert', key: user.platformId, householdId: view.householdId, userId: user.platformId, data: { ...view, fields } }, req.origin, req.nowSec);
  return ok(view);
}

function setUserPassword(req: PlatformRequest): Reply {
  const target = resolveTarget(req);
  if (!target.ok) return target.reply;
  const body = readObjectBody(req.body);
  if (!body.ok) return body.reply;
  const password = readStringField(body.value, 'password', true, 1024);
  if (!password.ok) return password.reply;
  putUser(req.state.users, target.value.platformId, applyPasswordChange(target.value, password.value ?? '', req.nowSec));
  return noContent();
}

export const userWriteRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'POST', path: '/identity/v1/users', operationId: 'identity.createUser', auth: 'client', body: true, handle: createUser },
  { method: 'PUT', path: '/identity/v1/users/:userId/profile', operationId: 'identity.updateUserProfile', auth: 'bearer', body: true, handle: updateUserProfile },
  { method: 'PUT', path: '/identity/v1/users/:userId/password', operationId: 'identity.setUserPassword', auth: 'bearer', body: true, handle: setUserPassword },
];
