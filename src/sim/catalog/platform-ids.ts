import { createHash } from 'node:crypto';
import type { IdMapRow } from '../../core/catalog';

export type PlatformIdKind = IdMapRow['kind'];

/**
 * The platform id of a catalogue entity: a UUID (RFC 4122 version-5 layout) derived from
 * `kind:vendorId`, so the id map is reproducible and both sims agree without sharing state.
 * Same layout as the derived collections (collections.ts).
 */
export function platformIdFor(kind: PlatformIdKind, vendorId: string | number): string {
  const hex = createHash('sha1').update(`${kind}:${vendorId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
