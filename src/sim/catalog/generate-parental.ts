import type { CatalogParentalRule, CatalogParentalSetting, CatalogUser } from '../../core/catalog';
import { vendorIdBase } from './seed-layout';

/** The topic ids parental rules look at: `Rating` and `Genre` on media assets, `Rating` on programmes. */
export const ratingMediaTag = 301;
export const genreMediaTag = 302;
export const ratingEpgTag = 401;
/** 2026-01-01T00:00:00Z: the account's rules predate every other catalogue date that matters. */
const rulesCreated = 1767225600;

type RuleTrigger = { readonly mediaTag: number; readonly media: string[]; readonly epg: string[] };

function rule(id: number, order: number, name: string, ruleType: CatalogParentalRule['ruleType'], trigger: RuleTrigger, blockAnonymousAccess: boolean): CatalogParentalRule {
  const description = `${name}: blocks ${[...trigger.media, ...trigger.epg].join(', ')}`;
  const createDate = rulesCreated + order * 3600;
  const { mediaTag, media: mediaTagValues, epg: epgTagValues } = trigger;
  return { id, name, description, order, isDefault: false, ruleType, mediaTag, mediaTagValues, epgTag: ratingEpgTag, epgTagValues, blockAnonymousAccess, createDate, updateDate: createDate };
}

/** Account parental rules (docs/lab-rules.md "Parental rules"), fixed. */
export const parentalRules: readonly CatalogParentalRule[] = [
  rule(2001, 1, 'Adults only', 'ALL', { mediaTag: ratingMediaTag, media: ['NC-17', 'TV-MA'], epg: ['TV-MA'] }, false),
  rule(2002, 2, 'Teens', 'ALL', { mediaTag: ratingMediaTag, media: ['PG-13', 'R', 'TV-14'], epg: ['TV-14'] }, false),
  rule(2003, 3, 'Mature series', 'TV_SERIES', { mediaTag: ratingMediaTag, media: ['TV-MA', 'TV-14'], epg: [] }, false),
  // Switched on nowhere: what it does is close horror films to guests.
  rule(2004, 4, 'Horror for members', 'MOVIES', { mediaTag: genreMediaTag, media: ['Horror'], epg: [] }, true),
];

/** Rules switched on: household 1 has "Adults only", household 2 "Mature series", demo2 "Teens" for themself. */
export function generateParentalSettings(users: readonly CatalogUser[]): CatalogParentalSetting[] {
  const settings: CatalogParentalSetting[] = [
    { level: 'household', ownerVendorId: String(vendorIdBase.household), ruleId: 2001 },
    { level: 'household', ownerVendorId: String(vendorIdBase.household + 1), ruleId: 2003 },
  ];
  const demo2 = users.find((u) => u.username === 'demo2');
  if (demo2 !== undefined) settings.push({ level: 'user', ownerVendorId: demo2.vendorId, ruleId: 2002 });
  return settings;
}
