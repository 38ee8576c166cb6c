import type { Catalog, IdMapRow } from '../../core/catalog';

const row = (kind: IdMapRow['kind'], vendorId: string | number, platformId: string): IdMapRow => ({ kind, vendorId: String(vendorId), platformId });

/** The vendor ↔ platform id mapping of every mapped entity, in catalogue order. */
export function buildIdMap(catalog: Catalog): IdMapRow[] {
  const playable = [...catalog.channels, ...catalog.vodAssets];
  return [
    ...playable.map((a) => row('asset', a.vendorId, a.platformId)),
    ...catalog.programs.map((p) => row('asset', p.vendorId, p.platformId)),
    ...playable.flatMap((a) => a.files.map((f) => row('file', f.vendorId, f.platformId))),
    ...catalog.households.map((h) => row('household', h.vendorId, h.platformId)),
    ...catalog.users.map((u) => row('user', u.vendorId, u.platformId)),
    ...catalog.devices.map((d) => row('device', d.udid, d.platformId)),
    ...catalog.products.map((p) => row('product', p.vendorId, p.platformId)),
    ...catalog.entitlements.map((e) => row('entitlement', e.vendorId, e.platformId)),
  ];
}
