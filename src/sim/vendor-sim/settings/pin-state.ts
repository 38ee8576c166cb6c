import type { Catalog, PinLevel, PinType } from '../../../core/catalog';

/** Parental and purchase PINs of vendor-sim, keyed by `pinKey` (vendor ids). */
export interface PinState {
  readonly pins: Map<string, string>;
}

/** The identity of a stored PIN: level, owner (household or user vendor id), type. */
export function pinKey(level: PinLevel, ownerVendorId: string, type: PinType): string {
  return `${level}|${ownerVendorId}|${type}`;
}

/** Copies the catalogue's PINs into a fresh map. */
export function createPinState(catalog: Catalog): PinState {
  const pins = new Map<string, string>();
  for (const p of catalog.pins) pins.set(pinKey(p.level, p.ownerVendorId, p.type), p.pin);
  return { pins };
}
