import type { IdMapRow } from './catalog';

export type IdKind = IdMapRow['kind'];

/**
 * Vendor ↔ platform id mapping with synchronous lookups (an in-memory cache warmed from the store)
 * and allocation of vendor ids for objects the platform creates.
 */
export interface IdMapper {
  toPlatform(kind: IdKind, vendorId: string | number): string | undefined;
  toVendor(kind: IdKind, platformId: string): string | undefined;
  /** The vendor id of a platform object, allocating a new numeric one the first time. */
  allocateVendorId(kind: IdKind, platformId: string): Promise<string>;
}
