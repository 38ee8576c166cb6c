import type { Catalog, PinLevel } from '../../../core/catalog';
import type { CatalogIndex } from '../../catalog/catalog-index';

/** Parental rules switched on, keyed by `platformParentalKey` (platform owner ids). */
export interface ParentalStore {
  readonly enabled: Set<string>;
}

/** The identity of a switched-on rule: level, owner (household or user platform id), rule number. */
export function platformParentalKey(level: PinLevel, ownerId: string, ruleId: number): string {
  return `${level}|${ownerId}|${ruleId}`;
}

/** Seeds the settings from the catalogue, owners translated to platform ids. */
export function createParentalStore(catalog: Catalog, index: CatalogIndex): ParentalStore {
  const enabled = new Set<string>();
  for (const s of catalog.parentalSettings) {
    const owner = s.level === 'user' ? index.userByVendorId.get(s.ownerVendorId)?.platformId : index.householdByVendorId.get(Number(s.ownerVendorId))?.platformId;
    if (owner !== undefined) enabled.add(platformParentalKey(s.level, owner, s.ruleId));
  }
  return { enabled };
}
