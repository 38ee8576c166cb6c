import type { IdKind, IdMapRow, IdMapStore } from './ports';

/**
 * Read-through cache over an IdMapStore: after `warm()` the hot path maps ids synchronously from
 * memory. Mappings never change once made (the catalogue is loaded before traffic, allocation only
 * adds), so cached entries need no expiry; a miss reads through and caches, which is how mappings
 * allocated by another instance arrive. Writes go through to the store.
 */
export class CachedIdMap implements IdMapStore {
  private readonly vendorToPlatform = new Map<string, string>();
  private readonly platformToVendor = new Map<string, string>();

  constructor(private readonly inner: IdMapStore) {}

  /** Loads every mapping into memory; returns how many. */
  async warm(): Promise<number> {
    const rows = await this.inner.listAll();
    rows.forEach((row) => this.remember(row));
    return rows.length;
  }

  /** Synchronous lookup from memory only (undefined = not cached; the async method reads through). */
  lookupPlatform(kind: IdKind, vendorId: string): string | undefined {
    return this.vendorToPlatform.get(cacheKey(kind, vendorId));
  }

  /** Synchronous reverse lookup from memory only. */
  lookupVendor(kind: IdKind, platformId: string): string | undefined {
    return this.platformToVendor.get(cacheKey(kind, platformId));
  }

  async load(rows: readonly IdMapRow[]): Promise<number> {
    const changed = await this.inner.load(rows);
    rows.forEach((row) => this.remember(row));
    return changed;
  }

  async toPlatform(kind: IdKind, vendorId: string): Promise<string | undefined> {
    const cached = this.lookupPlatform(kind, vendorId);
    if (cached !== undefined) return cached;
    const platformId = await this.inner.toPlatform(kind, vendorId);
    if (platformId !== undefined) this.remember({ kind, vendorId, platformId });
    return platformId;
  }

  async toVendor(kind: IdKind, platformId: string): Promise<string | undefined> {
    const cached = this.lookupVendor(kind, platformId);
    if (cached !== undefined) return cached;
    const vendorId = await this.inner.toVendor(kind, platformId);
    if (vendorId !== undefined) this.remember({ kind, vendorId, platformId });
    return vendorId;
  }

  async allocateVendorId(kind: IdKind, platformId: string): Promise<string> {
    const cached = this.lookupVendor(kind, platformId);
    if (cached !== undefined) return cached;
    const vendorId = await this.inner.allocateVendorId(kind, platformId);
    this.remember({ kind, vendorId, platformId });
    return vendorId;
  }

  listAll(): Promise<IdMapRow[]> {
    return this.inner.listAll();
  }

  /** A reloaded row that re-points a vendor id also drops the stale reverse entry. */
  private remember(row: IdMapRow): void {
    const previous = this.vendorToPlatform.get(cacheKey(row.kind, row.vendorId));
    if (previous !== undefined && previous !== row.platformId) this.platformToVendor.delete(cacheKey(row.kind, previous));
    this.vendorToPlatform.set(cacheKey(row.kind, row.vendorId), row.platformId);
    this.platformToVendor.set(cacheKey(row.kind, row.platformId), row.vendorId);
  }
}

function cacheKey(kind: IdKind, id: string): string {
  return `${kind}\u0000${id}`;
}
