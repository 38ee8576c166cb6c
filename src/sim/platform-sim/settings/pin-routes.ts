import type { PinLevel, PinType } from '../../../core/catalog';
import { resolvePin } from '../../catalog/resolve-pin';
import type { RouteSpec } from '../http/router';
import { ok, problem, type Reply } from '../http/reply';
import { readEnumParam, readObjectBody, readStringField } from '../http/params';
import { requireMember } from '../identity/caller-household';
import type { PlatformRequest } from '../platform-request';
import { platformPinKey } from './pin-store';

const types: readonly PinType[] = ['parental', 'purchase'];
const levels: readonly PinLevel[] = ['user', 'household'];

/** The caller, the PIN type of the path, and a lookup over the caller's own PINs. */
function pinContext(req: PlatformRequest): { reply: Reply } | { type: PinType; member: { userId: string; householdId: string }; owner: (level: PinLevel) => string; lookup: (level: PinLevel, type: PinType) => string | undefined } {
  const member = requireMember(req);
  if ('reply' in member) return member;
  const type = types.find((t) => t === req.params.type);
  if (type === undefined) return { reply: problem('validation_failed', 'type must be parental or purchase') };
  const owner = (level: PinLevel): string => (level === 'user' ? member.userId : member.householdId);
  return { type, member, owner, lookup: (level, t) => req.state.pins.pins.get(platformPinKey(level, owner(level), t)) };
}

/** `settings.getPin`: the PIN that applies at a scope (docs/lab-rules.md "PINs"). */
function getPin(req: PlatformRequest): Reply {
  const ctx = pinContext(req);
  if ('reply' in ctx) return ctx.reply;
  const scope = readEnumParam(req.query, 'scope', levels, 'user');
  if (!scope.ok) return scope.reply;
  const found = resolvePin(ctx.lookup, scope.value ?? 'user', ctx.type);
  if (found === undefined) return problem('not_found', `no ${ctx.type} PIN set`);
  return ok({ type: ctx.type, level: found.level, pin: found.pin });
}

/** `settings.putPin`: sets the caller's own or household PIN. */
function putPin(req: PlatformRequest): Reply {
  const ctx = pinContext(req);
  if ('reply' in ctx) return ctx.reply;
  const body = readObjectBody(req.body ?? {});
  if (!body.ok) return body.reply;
  const scope = body.value.scope;
  if (scope !== 'user' && scope !== 'household') return problem('validation_failed', 'scope must be user or household');
  const pin = readStringField(body.value, 'pin', true, 64);
  if (!pin.ok) return pin.reply;
  const value = pin.value ?? '';
  const key = platformPinKey(scope, ctx.owner(scope), ctx.type);
  req.state.pins.pins.set(key, value);
  const view = { type: ctx.type, level: scope, pin: value };
  req.state.changes.append({ entity: 'pin', op: 'upsert', key, householdId: ctx.member.householdId, userId: ctx.member.userId, data: view }, req.origin, req.nowSec);
  return ok(view);
}

/** `settings.verifyPin`: compares with the PIN that applies to the caller (user, else household). */
function verifyPin(req: PlatformRequest): Reply {
  const ctx = pinContext(req);
  if ('reply' in ctx) return ctx.reply;
  const body = readObjectBody(req.body ?? {});
  if (!body.ok) return body.reply;
  const pin = readStringField(body.value, 'pin', false, 64);
  if (!pin.ok) return pin.reply;
  const found = resolvePin(ctx.lookup, 'user', ctx.type);
  if (found === undefined) return problem('not_found', `no ${ctx.type} PIN set`);
  return ok({ matches: found.pin === (pin.value ?? ''), level: found.level });
}

export const pinRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'GET', path: '/settings/v1/pins/:type', operationId: 'settings.getPin', auth: 'bearer', handle: getPin },
  { method: 'PUT', path: '/settings/v1/pins/:type', operationId: 'settings.putPin', auth: 'bearer', body: true, handle: putPin },
  { method: 'POST', path: '/settings/v1/pins/:type/verify', operationId: 'settings.verifyPin', auth: 'bearer', body: true, handle: verifyPin },
];
