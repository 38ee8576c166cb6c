import type { CatalogParentalRule, PinLevel } from '../../../core/catalog';
import { applyingRules, ruleMatchesAsset } from '../../catalog/parental-rules';
import { toIso } from '../http/iso-time';
import type { RouteSpec } from '../http/router';
import { noContent, ok, problem, type Reply } from '../http/reply';
import { isUuid, readEnumParam } from '../http/params';
import { requireMember } from '../identity/caller-household';
import type { PlatformRequest } from '../platform-request';
import type { ChangeInput } from '../changes/change-feed';
import { platformParentalKey } from './parental-store';

const levels: readonly PinLevel[] = ['user', 'household'];
const coverage = { ALL: 'all', MOVIES: 'movies', TV_SERIES: 'series' } as const;

function toRuleView(rule: CatalogParentalRule): Record<string, unknown> {
  return {
    id: rule.id,
    name: rule.name,
    description: rule.description,
    order: rule.order,
    isDefault: rule.isDefault,
    coverage: coverage[rule.ruleType],
    mediaTag: rule.mediaTag,
    mediaTagValues: rule.mediaTagValues,
    epgTag: rule.epgTag,
    epgTagValues: rule.epgTagValues,
    blockGuests: rule.blockAnonymousAccess,
    createdAt: toIso(rule.createDate),
    updatedAt: toIso(rule.updateDate),
  };
}

type Member = { userId: string; householdId: string };

function isOnFor(req: PlatformRequest, member: Member): (level: PinLevel, ruleId: number) => boolean {
  return (level, ruleId) => req.state.parental.enabled.has(platformParentalKey(level, level === 'user' ? member.userId : member.householdId, ruleId));
}

/** `settings.listParentalRules`: the rules that apply at a scope, optionally only those matching an item of a kind. */
function listParentalRules(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const scope = readEnumParam(req.query, 'scope', levels, 'user');
  if (!scope.ok) return scope.reply;
  const itemKind = readEnumParam(req.query, 'itemKind', ['media', 'programme'] as const);
  if (!itemKind.ok) return itemKind.reply;
  let applied = applyingRules(req.state.catalog.parentalRules, isOnFor(req, member), scope.value ?? 'user');
  const itemId = req.query.get('itemId');
  if (itemId !== null) {
    if (!isUuid(itemId)) return problem('validation_failed', 'itemId must be a UUID');
    const item = req.state.store.byId.get(itemId.toLowerCase())?.item;
    if (item === undefined) return problem('not_found', `no item ${itemId}`);
    const kindMatches = itemKind.value === undefined || (itemKind.value === 'programme') === (item.kind === 'programme');
    applied = kindMatches ? applied.filter((a) => ruleMatchesAsset(a.rule, item.asset)) : [];
  }
  return ok({ items: applied.map((a) => ({ rule: toRuleView(a.rule), level: a.level })) });
}

/** The rule of the path and the scope of the query, for the switches. */
function readSwitch(req: PlatformRequest): { reply: Reply } | { key: string; change: Omit<ChangeInput, 'op'> } {
  const member = requireMember(req);
  if ('reply' in member) return member;
  const scope = readEnumParam(req.query, 'scope', levels);
  if (!scope.ok) return { reply: scope.reply };
  if (scope.value === undefined) return { reply: problem('validation_failed', 'scope is required') };
  const ruleId = Number(req.params.ruleId);
  if (!req.state.catalog.parentalRules.some((r) => r.id === ruleId)) return { reply: problem('not_found', `no parental rule ${req.params.ruleId ?? ''}`) };
  const key = platformParentalKey(scope.value, scope.value === 'user' ? member.userId : member.householdId, ruleId);
  return { key, change: { entity: 'parental', key, householdId: member.householdId, userId: member.userId, data: { ruleId, scope: scope.value } } };
}

/** `settings.enableParentalRule`: idempotent. */
function enableParentalRule(req: PlatformRequest): Reply {
  const target = readSwitch(req);
  if ('reply' in target) return target.reply;
  req.state.parental.enabled.add(target.key);
  req.state.changes.append({ ...target.change, op: 'upsert' }, req.origin, req.nowSec);
  return noContent();
}

/** `settings.disableParentalRule`: a rule not switched on at that scope → rule_not_enabled. */
function disableParentalRule(req: PlatformRequest): Reply {
  const target = readSwitch(req);
  if ('reply' in target) return target.reply;
  if (!req.state.parental.enabled.delete(target.key)) return problem('rule_not_enabled', 'the rule is not switched on at this scope');
  req.state.changes.append({ ...target.change, op: 'delete' }, req.origin, req.nowSec);
  return noContent();
}

export const parentalRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'GET', path: '/settings/v1/parental-rules', operationId: 'settings.listParentalRules', auth: 'bearer', handle: listParentalRules },
  { method: 'PUT', path: '/settings/v1/parental-rules/:ruleId/enablement', operationId: 'settings.enableParentalRule', auth: 'bearer', handle: enableParentalRule },
  { method: 'DELETE', path: '/settings/v1/parental-rules/:ruleId/enablement', operationId: 'settings.disableParentalRule', auth: 'bearer', handle: disableParentalRule },
];
