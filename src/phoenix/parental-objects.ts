/**
 * Vendor objects of parental control, built from plain fields: `KalturaParentalRule` (S2
 * definition and the generated TypeScript client: id, name, description, order, mediaTag, epgTag,
 * blockAnonymousAccess, ruleType, mediaTagValues / epgTagValues as KalturaStringValue arrays,
 * isDefault, origin, isActive, createDate, updateDate) and `KalturaUserAssetRule` (id, name,
 * description, ruleType KalturaRuleType).
 */
import type { PinBy } from './pin-requests';

/** A rule's fields as both sides know them. */
export interface ParentalRuleFields {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly order: number;
  readonly isDefault: boolean;
  readonly ruleType: 'ALL' | 'MOVIES' | 'TV_SERIES';
  readonly mediaTag: number;
  readonly mediaTagValues: readonly string[];
  readonly epgTag: number;
  readonly epgTagValues: readonly string[];
  readonly blockAnonymousAccess: boolean;
  readonly createDate: number;
  readonly updateDate: number;
}

const toStringValues = (values: readonly string[]): object[] => values.map((value) => ({ objectType: 'KalturaStringValue', value }));

/** A `KalturaParentalRule` as it applies to the caller (`origin`: where it was switched on). */
export function toKalturaParentalRule(rule: ParentalRuleFields, origin: PinBy): Record<string, unknown> {
  return {
    objectType: 'KalturaParentalRule',
    id: rule.id,
    name: rule.name,
    description: rule.description,
    order: rule.order,
    mediaTag: rule.mediaTag,
    epgTag: rule.epgTag,
    blockAnonymousAccess: rule.blockAnonymousAccess,
    ruleType: rule.ruleType,
    mediaTagValues: toStringValues(rule.mediaTagValues),
    epgTagValues: toStringValues(rule.epgTagValues),
    isDefault: rule.isDefault,
    origin,
    isActive: true,
    createDate: rule.createDate,
    updateDate: rule.updateDate,
  };
}

/** A parental rule as `userAssetRule.list` lists it. */
export function toKalturaUserAssetRule(rule: ParentalRuleFields): Record<string, unknown> {
  return { objectType: 'KalturaUserAssetRule', id: rule.id, name: rule.name, description: rule.description, ruleType: 'parental' };
}
