import { toVendorAsset as vendorSimAsset } from '../../../../src/sim/vendor-sim/catalog/map-asset';
import { toVendorAsset } from '../../../../src/translate/catalog/item-to-asset';
import type { PlatformItem } from '../../../../src/translate/catalog/platform-catalog-types';
import { toEpochSeconds, toMetas } from '../../../../src/translate/catalog/item-values';
import { catalog, ids, index, store } from './catalog-fixture';

describe('toVendorAsset (platform item → KalturaAsset)', () => {
  it('equals vendor-sim for every catalogue entity (VOD, channels, programmes)', () => {
    const byVendorId = new Map([...catalog.vodAssets, ...catalog.channels, ...catalog.programs].map((a) => [a.vendorId, a]));
    expect(store.all.length).toBe(byVendorId.size);
    for (const entry of store.all) {
      const item = JSON.parse(entry.item.json) as PlatformItem;
      const asset = byVendorId.get(item.sortKey);
      if (asset === undefined) throw new Error(`no catalogue asset ${item.sortKey}`);
      expect(toVendorAsset(ids, item)).toEqual(vendorSimAsset(index, asset));
    }
  });

  it('types metas by their JSON value and reads ISO timestamps as epoch seconds', () => {
    expect(toMetas({ a: 'x', b: 2.5, c: false })).toEqual({
      a: { objectType: 'KalturaStringValue', value: 'x' },
      b: { objectType: 'KalturaDoubleValue', value: 2.5 },
      c: { objectType: 'KalturaBooleanValue', value: false },
    });
    expect(toEpochSeconds('2026-11-18T12:00:00Z')).toBe(1795003200);
    expect(() => toEpochSeconds('yesterday')).toThrow();
  });

  it('refuses a file the id map does not know rather than inventing an id', () => {
    const item = JSON.parse(store.all.find((e) => e.item.kind === 'vod')?.item.json ?? '{}') as PlatformItem;
    const broken = { ...item, files: [{ ...item.files[0], id: '00000000-0000-0000-0000-000000000000' }] } as PlatformItem;
    expect(() => toVendorAsset(ids, broken)).toThrow(/no vendor id/);
  });
});
