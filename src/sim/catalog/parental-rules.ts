import type { CatalogAsset, CatalogParentalRule, PinLevel } from '../../core/catalog';
import { mediaTypeIds } from './seed-layout';

/** Tells whether a rule is switched on at a level for the caller (user or household). */
export type ParentalSettingLookup = (level: PinLevel, ruleId: number) => boolean;

/** A rule that applies to the caller, and the level it was switched on at. */
export interface AppliedRule {
  readonly rule: CatalogParentalRule;
  readonly level: PinLevel;
}

/**
 * The rules that apply (docs/lab-rules.md "Parental rules"): asked by user, the user's own then the
 * household's (a rule on at both levels counts once, as the user's); asked by household, the
 * household's. Ordered by the rule's `order`, then id.
 */
export function applyingRules(rules: readonly CatalogParentalRule[], isOn: ParentalSettingLookup, by: PinLevel): AppliedRule[] {
  const levels: readonly PinLevel[] = by === 'user' ? ['user', 'household'] : ['household'];
  const applied: AppliedRule[] = [];
  for (const rule of rules) {
    const level = levels.find((l) => isOn(l, rule.id));
    if (level !== undefined) applied.push({ rule, level });
  }
  return applied.sort((a, b) => a.rule.order - b.rule.order || a.rule.id - b.rule.id);
}

/** The lab's topics by id: 301 / 401 `Rating` (a meta), 302 `Genre` (a tag). */
const topicNames: Readonly<Record<number, string>> = { 301: 'Rating', 302: 'Genre', 401: 'Rating' };

/** The asset's values of a topic: a string meta's value, or a tag's values. */
function topicValues(asset: CatalogAsset, topicId: number): readonly string[] {
  const name = topicNames[topicId];
  if (name === undefined) return [];
  const meta = asset.metas[name];
  if (meta?.kind === 'string') return [meta.value];
  return asset.tags[name] ?? [];
}

/** True when a rule covers this asset: its type (movies, series, all) and its topic's values. */
export function ruleMatchesAsset(rule: CatalogParentalRule, asset: CatalogAsset): boolean {
  if (asset.kind === 'program') {
    return rule.ruleType !== 'MOVIES' && topicValues(asset, rule.epgTag).some((v) => rule.epgTagValues.includes(v));
  }
  if (rule.ruleType === 'MOVIES' && asset.mediaTypeId !== mediaTypeIds.movie) return false;
  if (rule.ruleType === 'TV_SERIES' && asset.mediaTypeId !== mediaTypeIds.episode) return false;
  return topicValues(asset, rule.mediaTag).some((v) => rule.mediaTagValues.includes(v));
}

/** True when the asset is closed to guests by any rule of the account (lab-rules "Playback decision"). */
export function isClosedToGuests(rules: readonly CatalogParentalRule[], asset: CatalogAsset): boolean {
  return rules.some((rule) => rule.blockAnonymousAccess && ruleMatchesAsset(rule, asset));
}
