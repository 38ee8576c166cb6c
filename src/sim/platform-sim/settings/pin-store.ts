import type { Catalog, PinLevel, PinType } from '../../../core/catalog';
import type { CatalogIndex } from '../../catalog/catalog-index';

/** Parental and purchase PINs of platform-sim, keyed by `platformPinKey` (platform ids). */
export interface PinStore {
  readonly pins: Map<string, string>;
}

/** The identity of a stored PIN: level, owner (household or user platform id), type. */
export function platformPinKey(level: PinLevel, ownerId: string, type: PinType): string {
  return `${level}|${ownerId}|${type}`;
}

/** Seeds the PINs from the catalogue, owners translated to platform ids. */
export function createPinStore(catalog: Catalog, index: CatalogIndex): PinStore {
  const pins = new Map<string, string>();
  for (const p of catalog.pins) {
    const owner = p.level === 'user' ? index.userByVendorId.get(p.ownerVendorId)?.platformId : index.householdByVendorId.get(Number(p.ownerVendorId))?.platformId;
    if (owner !== undefined) pins.set(platformPinKey(p.level, owner, p.type), p.pin);
  }
  return { pins };
}
