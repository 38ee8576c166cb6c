import type { IdMapper } from '../../../../src/core/id-mapper';
import { buildCatalogIndex } from '../../../../src/sim/catalog/catalog-index';
import { loadCatalog, loadIdMap } from '../../../../src/sim/catalog/load-catalog';
import { buildCatalogStore } from '../../../../src/sim/platform-sim/catalog/catalog-store';

/** The lab catalogue as both sims see it, plus an id mapper over the catalogue export. */
export const catalog = loadCatalog();
export const index = buildCatalogIndex(catalog);
export const store = buildCatalogStore(catalog, index);

const toPlatform = new Map<string, string>();
const toVendor = new Map<string, string>();
for (const row of loadIdMap()) {
  toPlatform.set(`${row.kind}:${row.vendorId}`, row.platformId);
  toVendor.set(`${row.kind}:${row.platformId}`, row.vendorId);
}

export const ids: IdMapper = {
  toPlatform: (kind, vendorId) => toPlatform.get(`${kind}:${String(vendorId)}`),
  toVendor: (kind, platformId) => toVendor.get(`${kind}:${platformId}`),
  allocateVendorId: () => Promise.reject(new Error('not used')),
};
