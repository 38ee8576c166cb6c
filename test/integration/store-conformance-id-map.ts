import { CachedIdMap, SqlIdMapStore, type IdMapRow } from '../../src/store';
import type { ConformanceContext } from './store-conformance';

const FIRST_ALLOCATED = 9_000_000_000;

/** n catalogue-like rows of one kind: small numeric vendor ids, UUID-like platform ids. */
function catalogueRows(n: number, kind: IdMapRow['kind'] = 'asset'): IdMapRow[] {
  return Array.from({ length: n }, (_, i) => ({ kind, vendorId: String(100_000 + i), platformId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
}

/** IdMapStore and its CachedIdMap wrapper. */
export function describeIdMapConformance(ctx: () => ConformanceContext): void {
  describe('id map', () => {
    it('maps both ways after a load, per kind', async () => {
      const { idMap } = ctx().store;
      await idMap.load([
        { kind: 'asset', vendorId: '1', platformId: 'p-asset-1' },
        { kind: 'user', vendorId: '1', platformId: 'p-user-1' },
      ]);
      expect(await idMap.toPlatform('asset', '1')).toBe('p-asset-1');
      expect(await idMap.toPlatform('user', '1')).toBe('p-user-1');
      expect(await idMap.toVendor('user', 'p-user-1')).toBe('1');
      expect(await idMap.toVendor('asset', 'p-user-1')).toBeUndefined();
      expect(await idMap.toPlatform('file', '1')).toBeUndefined();
    });

    it('bulk-loads 10,000 rows idempotently and applies changed rows', async () => {
      const { idMap } = ctx().store;
      const rows = catalogueRows(10_000);
      expect(await idMap.load(rows)).toBe(10_000);
      expect(await idMap.load(rows)).toBe(0);
      expect(await idMap.load([{ ...rows[5]!, platformId: 'moved' }, rows[5]!, { ...rows[6]!, platformId: 'moved-6' }])).toBe(1);
      expect(await idMap.toPlatform('asset', rows[5]!.vendorId)).toBe(rows[5]!.platformId);
      expect(await idMap.toPlatform('asset', rows[6]!.vendorId)).toBe('moved-6');
      expect(await idMap.listAll()).toHaveLength(10_000);
    });

    it('allocates distinct vendor ids above the catalogue range for 50 parallel new objects', async () => {
      const { idMap } = ctx().store;
      await idMap.load(catalogueRows(10));
      const platformIds = Array.from({ length: 50 }, (_, i) => `new-${i}`);
      const ids = await Promise.all(platformIds.map((p) => idMap.allocateVendorId('household', p)));
      expect(new Set(ids).size).toBe(50);
      ids.forEach((id) => expect(Number(id)).toBeGreaterThanOrEqual(FIRST_ALLOCATED));
      expect(await Promise.all(platformIds.map((p) => idMap.allocateVendorId('household', p)))).toEqual(ids);
      expect(await idMap.toPlatform('household', ids[7]!)).toBe('new-7');
    });

    it('gives 50 parallel allocations of the same platform id one vendor id', async () => {
      const { idMap } = ctx().store;
      const ids = await Promise.all(Array.from({ length: 50 }, () => idMap.allocateVendorId('device', 'same-device')));
      expect(new Set(ids).size).toBe(1);
      expect(await idMap.allocateVendorId('device', 'same-device')).toBe(ids[0]);
      expect(await idMap.toVendor('device', 'same-device')).toBe(ids[0]);
    });

    it('returns the catalogue id when allocating for a known platform object', async () => {
      const { idMap } = ctx().store;
      await idMap.load([{ kind: 'user', vendorId: 'alice', platformId: 'p-alice' }]);
      expect(await idMap.allocateVendorId('user', 'p-alice')).toBe('alice');
    });

    it('serves warmed lookups synchronously and reads through on a miss', async () => {
      const { idMap, } = ctx().store;
      await idMap.load(catalogueRows(100));
      const cached = new CachedIdMap(new SqlIdMapStore(ctx().sql));
      expect(await cached.warm()).toBe(100);
      expect(cached.lookupPlatform('asset', '100003')).toBe('00000000-0000-4000-8000-000000000003');
      expect(cached.lookupVendor('asset', '00000000-0000-4000-8000-000000000003')).toBe('100003');
      const elsewhere = await idMap.allocateVendorId('entitlement', 'p-ent'); // another instance
      expect(cached.lookupVendor('entitlement', 'p-ent')).toBeUndefined();
      expect(await cached.toVendor('entitlement', 'p-ent')).toBe(elsewhere);
      expect(cached.lookupPlatform('entitlement', elsewhere)).toBe('p-ent');
      const mine = await cached.allocateVendorId('entitlement', 'p-ent-2');
      expect(cached.lookupVendor('entitlement', 'p-ent-2')).toBe(mine);
      expect(await idMap.toPlatform('entitlement', mine)).toBe('p-ent-2');
    });
  });
}
