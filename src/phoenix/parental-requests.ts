/**
 * Arguments of parentalRule.list / enable / disable and userAssetRule.list (S2): filters
 * `KalturaParentalRuleFilter {entityReferenceEqual, orderBy}` and `KalturaUserAssetRuleFilter
 * {assetIdEqual, assetTypeEqual (0 EPG, 1 media), orderBy NAME_ASC | NAME_DESC}`; enable and disable
 * take `ruleId` and `entityReference` (KalturaEntityReferenceBy).
 */
import { ok } from '../core/result';
import type { VendorOutcome } from '../core/vendor-error';
import { readEnum, readInt, readObject } from './param-readers';
import type { PinBy } from './pin-requests';

const byValues: readonly PinBy[] = ['user', 'household'];

/** parentalRule.list: the filter's `entityReferenceEqual`, `user` when absent (docs/vendor-decisions.md "Parental rules"). */
export function readParentalListScope(params: Readonly<Record<string, unknown>>): VendorOutcome<PinBy> {
  const filter = readObject(params, 'filter');
  if (!filter.ok) return filter;
  const f = filter.value ?? {};
  const by = readEnum(f, 'entityReferenceEqual', byValues, { label: 'filter.entityReferenceEqual' });
  if (!by.ok) return by;
  const orderBy = readEnum(f, 'orderBy', ['PARTNER_SORT_VALUE'] as const, { label: 'filter.orderBy' });
  if (!orderBy.ok) return orderBy;
  return ok(by.value ?? 'user');
}

/** parentalRule.enable / disable: `ruleId` and `entityReference`, both required. */
export function readParentalSwitch(params: Readonly<Record<string, unknown>>): VendorOutcome<{ ruleId: number; by: PinBy }> {
  const ruleId = readInt(params, 'ruleId', { required: true });
  if (!ruleId.ok) return ruleId;
  const by = readEnum(params, 'entityReference', byValues, { required: true });
  if (!by.ok) return by;
  return ok({ ruleId: ruleId.value, by: by.value });
}

/** What userAssetRule.list asks about. */
export interface UserAssetRuleQuery {
  readonly assetId: number;
  readonly assetType: 'epg' | 'media';
  readonly descending: boolean;
}

/** userAssetRule.list: `filter.assetIdEqual` required; `assetTypeEqual` 0 (EPG) or 1 (media, default). */
export function readUserAssetRuleQuery(params: Readonly<Record<string, unknown>>): VendorOutcome<UserAssetRuleQuery> {
  const filter = readObject(params, 'filter', { required: true });
  if (!filter.ok) return filter;
  const assetId = readInt(filter.value, 'assetIdEqual', { required: true, label: 'filter.assetIdEqual' });
  if (!assetId.ok) return assetId;
  const assetType = readInt(filter.value, 'assetTypeEqual', { label: 'filter.assetTypeEqual', min: 0, max: 1 });
  if (!assetType.ok) return assetType;
  const orderBy = readEnum(filter.value, 'orderBy', ['NAME_ASC', 'NAME_DESC'] as const, { label: 'filter.orderBy' });
  if (!orderBy.ok) return orderBy;
  return ok({ assetId: assetId.value, assetType: assetType.value === 0 ? 'epg' : 'media', descending: orderBy.value === 'NAME_DESC' });
}
