import type { Catalog, PinLevel } from '../../../core/catalog';

/** Parental rules switched on, keyed by `parentalKey` (vendor ids). */
export interface ParentalState {
  readonly enabled: Set<string>;
}

/** The identity of a switched-on rule: level, owner (household or user vendor id), rule. */
export function parentalKey(level: PinLevel, ownerVendorId: string, ruleId: number): string {
  return `${level}|${ownerVendorId}|${ruleId}`;
}

/** Copies the catalogue's settings. */
export function createParentalState(catalog: Catalog): ParentalState {
  return { enabled: new Set(catalog.parentalSettings.map((s) => parentalKey(s.level, s.ownerVendorId, s.ruleId))) };
}
