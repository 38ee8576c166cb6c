/** parentalRule.list / enable / disable and userAssetRule.list (S2; docs/lab-rules.md "Parental rules"). */
import type { CatalogAsset, PinLevel } from '../../../core/catalog';
import { ok } from '../../../core/result';
import type { VendorOutcome } from '../../../core/vendor-error';
import { listResponse } from '../../../phoenix/pager';
import { toKalturaParentalRule, toKalturaUserAssetRule } from '../../../phoenix/parental-objects';
import { readParentalListScope, readParentalSwitch, readUserAssetRuleQuery } from '../../../phoenix/parental-requests';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import { applyingRules, ruleMatchesAsset, type ParentalSettingLookup } from '../../catalog/parental-rules';
import type { SimCallContext, SimOperationTable } from '../sim-operation';
import { parentalKey } from './parental-state';

function ownerOf(ctx: SimCallContext, level: PinLevel): string {
  return level === 'user' ? (ctx.session?.userId ?? '') : String(ctx.session?.householdId ?? 0);
}

function lookupFor(ctx: SimCallContext): ParentalSettingLookup {
  return (level, ruleId) => ctx.state.parental.enabled.has(parentalKey(level, ownerOf(ctx, level), ruleId));
}

function listRules(ctx: SimCallContext): VendorOutcome {
  const by = readParentalListScope(ctx.params);
  if (!by.ok) return by;
  const applied = applyingRules(ctx.state.catalog.parentalRules, lookupFor(ctx), by.value);
  return ok(listResponse('KalturaParentalRuleListResponse', applied.map((a) => toKalturaParentalRule(a.rule, a.level))));
}

function enableRule(ctx: SimCallContext): VendorOutcome {
  const input = readParentalSwitch(ctx.params);
  if (!input.ok) return input;
  if (!ctx.state.catalog.parentalRules.some((r) => r.id === input.value.ruleId)) return vendorFailure('RuleNotExists');
  ctx.state.parental.enabled.add(parentalKey(input.value.by, ownerOf(ctx, input.value.by), input.value.ruleId));
  return ok(true);
}

function disableRule(ctx: SimCallContext): VendorOutcome {
  const input = readParentalSwitch(ctx.params);
  if (!input.ok) return input;
  if (!ctx.state.catalog.parentalRules.some((r) => r.id === input.value.ruleId)) return vendorFailure('RuleNotExists');
  const removed = ctx.state.parental.enabled.delete(parentalKey(input.value.by, ownerOf(ctx, input.value.by), input.value.ruleId));
  return removed ? ok(true) : vendorFailure('UserParentalRuleNotExists');
}

/** The asset a filter names: a programme for EPG, any other asset for media. */
function findRuleSubject(ctx: SimCallContext, assetId: number, assetType: 'epg' | 'media'): CatalogAsset | undefined {
  const asset = ctx.state.index.assetByVendorId.get(assetId);
  if (asset === undefined || (assetType === 'epg') !== (asset.kind === 'program')) return undefined;
  return asset;
}

function listUserAssetRules(ctx: SimCallContext): VendorOutcome {
  const query = readUserAssetRuleQuery(ctx.params);
  if (!query.ok) return query;
  const asset = findRuleSubject(ctx, query.value.assetId, query.value.assetType);
  const applied = asset === undefined ? [] : applyingRules(ctx.state.catalog.parentalRules, lookupFor(ctx), 'user').filter((a) => ruleMatchesAsset(a.rule, asset));
  const sign = query.value.descending ? -1 : 1;
  const rules = applied.map((a) => a.rule).sort((a, b) => sign * (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
  return ok(listResponse('KalturaUserAssetRuleListResponse', rules.map(toKalturaUserAssetRule)));
}

export const parentalOperations: SimOperationTable = {
  'parentalrule.list': { access: 'user', run: listRules },
  'parentalrule.enable': { access: 'user', run: enableRule },
  'parentalrule.disable': { access: 'user', run: disableRule },
  'userassetrule.list': { access: 'user', run: listUserAssetRules },
};
