/**
 * parentalRule.list / enable / disable and userAssetRule.list → platform settings parental rules
 * (docs/vendor-decisions.md "Parental rules"). The platform decides which rules apply.
 */
import type { components } from '../../../contracts/generated/platform';
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { listResponse } from '../../phoenix/pager';
import { toKalturaParentalRule, toKalturaUserAssetRule, type ParentalRuleFields } from '../../phoenix/parental-objects';
import { readParentalListScope, readParentalSwitch, readUserAssetRuleQuery } from '../../phoenix/parental-requests';
import type { PinBy } from '../../phoenix/pin-requests';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import { epochOf, expectOk, problemCode, unexpectedReply } from '../platform-reply';
import type { TranslateContext, TranslatorTable } from '../translator';

type PlatformRule = components['schemas']['ParentalRule'];
type AppliedRules = { readonly items: readonly { readonly rule: PlatformRule; readonly level: PinBy }[] };

const ruleTypes = { all: 'ALL', movies: 'MOVIES', series: 'TV_SERIES' } as const;

function toRuleFields(rule: PlatformRule): ParentalRuleFields {
  return { ...rule, ruleType: ruleTypes[rule.coverage], blockAnonymousAccess: rule.blockGuests, createDate: epochOf(rule.createdAt), updateDate: epochOf(rule.updatedAt) };
}

async function listRules(ctx: TranslateContext): Promise<VendorOutcome> {
  const by = readParentalListScope(ctx.params);
  if (!by.ok) return by;
  const reply = await ctx.platform.call({ method: 'GET', path: '/settings/v1/parental-rules', query: { scope: by.value } });
  const applied = expectOk<AppliedRules>('settings.listParentalRules', reply);
  return ok(listResponse('KalturaParentalRuleListResponse', applied.items.map((a) => toKalturaParentalRule(toRuleFields(a.rule), a.level))));
}

async function switchRule(ctx: TranslateContext, method: 'PUT' | 'DELETE'): Promise<VendorOutcome> {
  const input = readParentalSwitch(ctx.params);
  if (!input.ok) return input;
  const path = `/settings/v1/parental-rules/${input.value.ruleId}/enablement`;
  const reply = await ctx.platform.call({ method, path, query: { scope: input.value.by } });
  if (reply.status === 204) return ok(true);
  if (reply.status === 404) return vendorFailure('RuleNotExists');
  if (problemCode(reply) === 'rule_not_enabled') return vendorFailure('UserParentalRuleNotExists');
  throw unexpectedReply(`${method} ${path}`, reply);
}

/** Rules that apply to the caller and match the asset; an unknown asset has none. */
async function listUserAssetRules(ctx: TranslateContext): Promise<VendorOutcome> {
  const query = readUserAssetRuleQuery(ctx.params);
  if (!query.ok) return query;
  const itemId = ctx.ids.toPlatform('asset', query.value.assetId);
  let rules: PlatformRule[] = [];
  if (itemId !== undefined) {
    const itemKind = query.value.assetType === 'epg' ? 'programme' : 'media';
    const reply = await ctx.platform.call({ method: 'GET', path: '/settings/v1/parental-rules', query: { scope: 'user', itemId, itemKind } });
    if (reply.status !== 404) rules = expectOk<AppliedRules>('settings.listParentalRules', reply).items.map((a) => a.rule);
  }
  const sign = query.value.descending ? -1 : 1;
  rules.sort((a, b) => sign * (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
  return ok(listResponse('KalturaUserAssetRuleListResponse', rules.map((r) => toKalturaUserAssetRule(toRuleFields(r)))));
}

export const parentalTranslators: TranslatorTable = {
  'parentalrule.list': { access: 'user', run: listRules },
  'parentalrule.enable': { access: 'user', run: (ctx) => switchRule(ctx, 'PUT') },
  'parentalrule.disable': { access: 'user', run: (ctx) => switchRule(ctx, 'DELETE') },
  'userassetrule.list': { access: 'user', run: listUserAssetRules },
};
