import type { Catalog, CatalogUser } from '../../../src/core/catalog';
import { generateCatalog } from '../../../src/sim/catalog/generate-catalog';

const { catalog } = generateCatalog();
const day = 86400;

function isEntitled(c: Catalog, householdVendorId: number, type: 'ppv' | 'subscription', at: number): boolean {
  return c.entitlements.some((e) => e.householdVendorId === householdVendorId && e.type === type && e.endDate > at);
}

describe('generateCatalog', () => {
  it('is deterministic', () => {
    expect(generateCatalog()).toEqual(generateCatalog());
    expect(generateCatalog({ seed: 7, baseTime: 1_700_000_000 })).toEqual(generateCatalog({ seed: 7, baseTime: 1_700_000_000 }));
  });

  it('varies with the seed and lays dates out around baseTime (rounded to the hour)', () => {
    const other = generateCatalog({ seed: 7, baseTime: 1_700_001_234 }).catalog;
    expect(other.demo.baseTime).toBe(1_699_999_200);
    expect(other.vodAssets.map((a) => a.name)).not.toEqual(catalog.vodAssets.map((a) => a.name));
    expect(Math.min(...other.programs.map((p) => p.startDate))).toBe(1_699_999_200 - day);
  });

  it('defaults to a fixed hour-aligned baseTime', () => {
    expect(catalog.demo.baseTime).toBe(1_794_999_600);
    expect(catalog.demo.baseTime % 3600).toBe(0);
  });

  it('has the minimum sizes', () => {
    expect(catalog.vodAssets.length).toBeGreaterThanOrEqual(300);
    expect(catalog.channels.length).toBeGreaterThanOrEqual(20);
    expect(catalog.households.length).toBeGreaterThanOrEqual(40);
    expect(catalog.users.length).toBeGreaterThanOrEqual(60);
    expect(catalog.products.filter((p) => p.type === 'ppv').length).toBeGreaterThanOrEqual(6);
    expect(catalog.products.filter((p) => p.type === 'subscription').length).toBeGreaterThanOrEqual(3);
    expect(catalog.demo.accounts.length).toBeGreaterThanOrEqual(4);
  });

  it('shapes VOD assets like the vendor (media types, images, metas, tags, files)', () => {
    const types = new Set(catalog.vodAssets.map((a) => a.mediaTypeId));
    expect([...types].sort()).toEqual([421, 422]);
    for (const asset of catalog.vodAssets) {
      expect(asset.images.length).toBeGreaterThanOrEqual(2);
      expect(asset.images.length).toBeLessThanOrEqual(3);
      expect(asset.images.filter((i) => i.isDefault)).toHaveLength(1);
      expect(asset.files.length).toBeGreaterThanOrEqual(2);
      expect(asset.files.length).toBeLessThanOrEqual(4);
      expect(asset.metas.Year?.kind).toBe('number');
      expect(asset.metas.Rating?.kind).toBe('string');
      expect(asset.metas.IsHD?.kind).toBe('boolean');
      expect(asset.tags.Genre?.length).toBeGreaterThan(0);
      expect(asset.tags.Actors?.length).toBeGreaterThan(0);
    }
    const formats = new Set(catalog.vodAssets.flatMap((a) => a.files.map((f) => catalog.fileTypes.find((t) => t.id === f.fileTypeId)?.format)));
    expect([...formats].sort()).toEqual(['applehttp', 'mpegdash', 'url']);
    expect(catalog.vodAssets.some((a) => a.files.some((f) => f.fileTypeId === 4))).toBe(true);
  });

  it('mixes free, PPV and subscription VOD (mostly free)', () => {
    const ppv = catalog.vodAssets.filter((a) => a.files.some((f) => f.ppvProductIds.length > 0)).length;
    const sub = catalog.vodAssets.filter((a) => a.subscriptionProductIds.length > 0).length;
    const free = catalog.vodAssets.filter((a) => a.subscriptionProductIds.length === 0 && a.files.every((f) => f.ppvProductIds.length === 0)).length;
    const total = catalog.vodAssets.length;
    expect(free / total).toBeGreaterThan(0.45);
    expect(ppv / total).toBeGreaterThan(0.15);
    expect(ppv / total).toBeLessThan(0.35);
    expect(sub / total).toBeGreaterThan(0.15);
    expect(sub / total).toBeLessThan(0.35);
    for (const p of catalog.products) {
      expect(p.currency).toBe('EUR');
      expect(Math.round(p.price * 100) / 100).toBe(p.price);
      expect(p.isRenewable).toBe(p.type === 'subscription');
    }
  });

  it('varies channel features and puts some channels behind a subscription', () => {
    const epgIds = new Set(catalog.channels.map((c) => c.epgChannelId));
    expect(epgIds.size).toBe(catalog.channels.length);
    expect(new Set(catalog.channels.map((c) => c.enableCatchUp)).size).toBe(2);
    expect(new Set(catalog.channels.map((c) => c.enableStartOver)).size).toBe(2);
    expect(catalog.channels.some((c) => c.subscriptionProductIds.length > 0)).toBe(true);
    expect(catalog.channels.some((c) => c.subscriptionProductIds.length === 0)).toBe(true);
    for (const c of catalog.channels) {
      expect(c.mediaTypeId).toBe(424);
      expect(c.catchUpBuffer > 0).toBe(c.enableCatchUp);
    }
  });

  it('has one master and one default per household, some households where they differ', () => {
    for (const h of catalog.households) {
      const members = catalog.users.filter((u) => u.householdVendorId === h.vendorId);
      expect(members.length).toBeGreaterThanOrEqual(1);
      expect(members.length).toBeLessThanOrEqual(3);
      expect(members.filter((u) => u.isHouseholdMaster)).toHaveLength(1);
      expect(members.filter((u) => u.isHouseholdDefault)).toHaveLength(1);
      const devices = catalog.devices.filter((d) => d.householdVendorId === h.vendorId);
      expect(devices.length).toBeGreaterThanOrEqual(1);
      expect(devices.length).toBeLessThanOrEqual(Math.min(4, h.devicesLimit));
      expect(h.devicesLimit).toBeGreaterThanOrEqual(3);
      expect(h.devicesLimit).toBeLessThanOrEqual(6);
      expect(h.usersLimit).toBe(5);
      expect([1, 2, 3]).toContain(h.concurrentLimit);
      for (const d of devices) expect(d.activatedOn).toBeLessThan(catalog.demo.baseTime);
    }
    expect(catalog.users.some((u) => u.isHouseholdMaster !== u.isHouseholdDefault)).toBe(true);
    expect(catalog.households.filter((h) => h.state === 'suspended')).toHaveLength(1);
    expect(catalog.users.filter((u) => u.suspended).length).toBeGreaterThanOrEqual(1);
    expect(catalog.users.every((u) => /^\d+$/.test(u.vendorId))).toBe(true);
  });

  it('has running and expired entitlements of both types', () => {
    const now = catalog.demo.baseTime;
    for (const type of ['ppv', 'subscription'] as const) {
      const ofType = catalog.entitlements.filter((e) => e.type === type);
      expect(ofType.some((e) => e.endDate > now)).toBe(true);
      expect(ofType.some((e) => e.endDate <= now)).toBe(true);
    }
    expect(catalog.bookmarks.some((b) => b.finishedWatching)).toBe(true);
    expect(catalog.bookmarks.some((b) => b.assetType === 'epg')).toBe(true);
    expect(catalog.favorites.length).toBeGreaterThan(0);
  });
});

describe('demo accounts', () => {
  const account = (name: string): { user: CatalogUser; household: Catalog['households'][number] } => {
    const a = catalog.demo.accounts.find((x) => x.username === name);
    const user = catalog.users.find((u) => u.vendorId === a?.userId);
    const household = catalog.households.find((h) => h.vendorId === a?.household);
    if (!a || !user || !household) throw new Error(`${name} missing`);
    expect(user.username).toBe(name);
    expect(user.password).toBe(a.password);
    expect(a.password).toBe(`${name}-pass`);
    expect(user.householdVendorId).toBe(household.vendorId);
    expect(user.suspended).toBe(false);
    expect(household.state).toBe('ok');
    return { user, household };
  };
  const devicesOf = (householdId: number): number => catalog.devices.filter((d) => d.householdVendorId === householdId).length;
  const now = catalog.demo.baseTime;

  it('carries the lab facts', () => {
    expect(catalog.demo.partnerId).toBe(3197);
    expect(catalog.demo.partnerSecret).toMatch(/^[0-9a-f]{32}$/);
    expect(catalog.demo.platformClientSecret.length).toBeGreaterThan(0);
  });

  it('demo1: master with free device slots, two streams and a running subscription', () => {
    const { user, household } = account('demo1');
    expect(user.isHouseholdMaster).toBe(true);
    expect(devicesOf(household.vendorId)).toBeLessThan(household.devicesLimit);
    expect(household.concurrentLimit).toBe(2);
    expect(isEntitled(catalog, household.vendorId, 'subscription', now)).toBe(true);
    expect(isEntitled(catalog, household.vendorId, 'ppv', now)).toBe(true);
  });

  it('demo2: household at its device limit', () => {
    const { household } = account('demo2');
    expect(devicesOf(household.vendorId)).toBe(household.devicesLimit);
  });

  it('demo3: a single concurrent stream, subscription expired', () => {
    const { household } = account('demo3');
    expect(household.concurrentLimit).toBe(1);
    expect(isEntitled(catalog, household.vendorId, 'subscription', now)).toBe(false);
    expect(catalog.entitlements.some((e) => e.householdVendorId === household.vendorId)).toBe(true);
  });

  it('demo4: a non-default, non-master member of a multi-user household', () => {
    const { user, household } = account('demo4');
    expect(user.isHouseholdDefault).toBe(false);
    expect(user.isHouseholdMaster).toBe(false);
    expect(catalog.users.filter((u) => u.householdVendorId === household.vendorId).length).toBeGreaterThan(1);
  });
});
