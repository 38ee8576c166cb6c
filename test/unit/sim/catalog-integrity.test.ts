import type { CatalogAsset } from '../../../src/core/catalog';
import { assetDurationSeconds } from '../../../src/sim/catalog/catalog-index';
import { generateCatalog } from '../../../src/sim/catalog/generate-catalog';

const { catalog, idMap } = generateCatalog();
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const day = 86400;

const playable = [...catalog.vodAssets, ...catalog.channels];
const assets: CatalogAsset[] = [...playable, ...catalog.programs];
const files = playable.flatMap((a) => a.files);
const productIds = new Set(catalog.products.map((p) => p.vendorId));
const householdIds = new Set(catalog.households.map((h) => h.vendorId));
const userById = new Map(catalog.users.map((u) => [u.vendorId, u]));
const deviceByUdid = new Map(catalog.devices.map((d) => [d.udid, d]));
const assetById = new Map(assets.map((a) => [a.vendorId, a]));
const fileById = new Map(playable.flatMap((a) => a.files.map((f) => [f.vendorId, { file: f, asset: a }] as const)));

function expectUnique(values: readonly unknown[]): void {
  expect(new Set(values).size).toBe(values.length);
}

describe('seed catalogue integrity', () => {
  it('has unique ids per kind and distinct vendor id ranges', () => {
    expectUnique(assets.map((a) => a.vendorId));
    expectUnique(files.map((f) => f.vendorId));
    expectUnique(catalog.users.map((u) => u.vendorId));
    expectUnique(catalog.users.map((u) => u.username.toLowerCase()));
    expectUnique(catalog.devices.map((d) => d.udid));
    expectUnique(catalog.entitlements.map((e) => e.vendorId));
    expectUnique(catalog.programs.map((p) => p.epgId));
    expectUnique(catalog.programs.map((p) => p.crid));
    expectUnique(assets.flatMap((a) => a.images.map((i) => i.vendorId)));
    const range = (ids: number[]): [number, number] => [Math.min(...ids), Math.max(...ids)];
    const ranges = [
      range(catalog.channels.map((c) => c.vendorId)),
      range(catalog.vodAssets.map((a) => a.vendorId)),
      range(catalog.programs.map((p) => p.vendorId)),
      range(files.map((f) => f.vendorId)),
      range(catalog.households.map((h) => h.vendorId)),
      range(catalog.entitlements.map((e) => e.vendorId)),
    ].sort((a, b) => a[0] - b[0]);
    ranges.slice(1).forEach((r, i) => expect(r[0]).toBeGreaterThan(ranges[i]![1]));
    expect(Math.min(...assets.map((a) => a.vendorId))).toBeGreaterThanOrEqual(100000);
    expect(Math.min(...files.map((f) => f.vendorId))).toBeGreaterThanOrEqual(200000);
    expect(Math.min(...catalog.households.map((h) => h.vendorId))).toBeGreaterThanOrEqual(5000);
  });

  it('resolves every reference', () => {
    const fileTypeIds = new Set(catalog.fileTypes.map((t) => t.id));
    const mediaTypeIds = new Set([0, ...catalog.mediaTypes.map((t) => t.id)]);
    for (const a of assets) expect(mediaTypeIds.has(a.mediaTypeId)).toBe(true);
    for (const a of playable) {
      for (const id of a.subscriptionProductIds) expect(catalog.products.find((p) => p.vendorId === id)?.type).toBe('subscription');
      for (const f of a.files) {
        expect(fileTypeIds.has(f.fileTypeId)).toBe(true);
        for (const id of f.ppvProductIds) expect(catalog.products.find((p) => p.vendorId === id)?.type).toBe('ppv');
      }
    }
    for (const p of catalog.programs) {
      const channel = catalog.channels.find((c) => c.vendorId === p.channelVendorId);
      expect(channel?.epgChannelId).toBe(p.epgChannelId);
    }
    for (const u of catalog.users) expect(householdIds.has(u.householdVendorId)).toBe(true);
    for (const d of catalog.devices) expect(householdIds.has(d.householdVendorId)).toBe(true);
    for (const e of catalog.entitlements) {
      expect(productIds.has(e.productVendorId)).toBe(true);
      expect(userById.get(e.userVendorId)?.householdVendorId).toBe(e.householdVendorId);
      expect(deviceByUdid.get(e.deviceUdid)?.householdVendorId).toBe(e.householdVendorId);
      expect(catalog.products.find((p) => p.vendorId === e.productVendorId)?.type).toBe(e.type);
      if (e.type === 'ppv') {
        const bought = fileById.get(e.mediaFileVendorId ?? -1);
        expect(bought?.asset.vendorId).toBe(e.mediaVendorId);
        expect(bought?.file.ppvProductIds).toContain(e.productVendorId);
      } else {
        expect(e.mediaFileVendorId).toBeUndefined();
      }
    }
    for (const f of catalog.favorites) expect(userById.has(f.userVendorId) && assetById.has(f.assetVendorId)).toBe(true);
  });

  it('keeps bookmarks within durations and consistent with the 95% rule', () => {
    for (const b of catalog.bookmarks) {
      const asset = assetById.get(b.assetVendorId);
      expect(userById.has(b.userVendorId)).toBe(true);
      expect(asset?.kind).toBe(b.assetType === 'epg' ? 'program' : 'vod');
      const duration = assetDurationSeconds(asset!);
      expect(b.position).toBeGreaterThanOrEqual(0);
      expect(b.position).toBeLessThanOrEqual(duration);
      if (b.position > 0) expect(b.finishedWatching).toBe(b.position >= duration * 0.95);
      expect(b.updateDate).toBeLessThan(catalog.demo.baseTime);
    }
    expectUnique(catalog.bookmarks.map((b) => `${b.userVendorId}:${b.assetType}:${b.assetVendorId}`));
    expectUnique(catalog.favorites.map((f) => `${f.userVendorId}:${f.assetVendorId}`));
  });

  it('gives every mapped entity a UUID, and the id map is a bijection', () => {
    const expected = [
      ...assets.map((a) => `asset|${a.vendorId}|${a.platformId}`),
      ...files.map((f) => `file|${f.vendorId}|${f.platformId}`),
      ...catalog.households.map((h) => `household|${h.vendorId}|${h.platformId}`),
      ...catalog.users.map((u) => `user|${u.vendorId}|${u.platformId}`),
      ...catalog.devices.map((d) => `device|${d.udid}|${d.platformId}`),
      ...catalog.products.map((p) => `product|${p.vendorId}|${p.platformId}`),
      ...catalog.entitlements.map((e) => `entitlement|${e.vendorId}|${e.platformId}`),
    ];
    const rows = idMap.map((r) => `${r.kind}|${r.vendorId}|${r.platformId}`);
    expect([...rows].sort()).toEqual([...expected].sort());
    for (const r of idMap) expect(r.platformId).toMatch(uuid);
    expectUnique(idMap.map((r) => r.platformId));
    expectUnique(idMap.map((r) => `${r.kind}:${r.vendorId}`));
  });

  it('builds cdn and image URLs from the ids', () => {
    for (const a of playable) {
      for (const f of a.files) {
        const format = catalog.fileTypes.find((t) => t.id === f.fileTypeId)?.format;
        const ext = { applehttp: 'm3u8', mpegdash: 'mpd', url: 'mp4' }[format ?? 'url'];
        expect(f.cdnUrl).toBe(`https://cdn.lab.understudy.test/${a.kind === 'vod' ? 'vod' : 'live'}/${a.vendorId}/${f.vendorId}/master.${ext}`);
      }
      for (const i of a.images) expect(i.url).toBe(`https://images.lab.understudy.test/p/3197/thumbnail/asset/${a.vendorId}/ratio/${i.ratio}/width/${i.width}/height/${i.height}`);
    }
  });
});

describe('EPG', () => {
  const base = catalog.demo.baseTime;

  it.each(catalog.channels.map((c) => [c.name, c.vendorId] as const))('%s is continuous over the window', (_name, channelId) => {
    const programs = catalog.programs.filter((p) => p.channelVendorId === channelId).sort((a, b) => a.startDate - b.startDate);
    expect(programs[0]?.startDate).toBe(base - day);
    expect(programs[programs.length - 1]!.endDate).toBeGreaterThanOrEqual(base + 2 * day);
    programs.forEach((p, i) => {
      const minutes = (p.endDate - p.startDate) / 60;
      expect(minutes).toBeGreaterThanOrEqual(30);
      expect(minutes).toBeLessThanOrEqual(120);
      expect(p.startDate % 300).toBe(0);
      expect(p.mediaTypeId).toBe(0);
      expect(p.crid).toMatch(/^crid:\/\/lab\.understudy\.test\/\d+$/);
      expect(typeof p.epgId).toBe('string');
      if (i > 0) expect(p.startDate).toBe(programs[i - 1]!.endDate);
    });
  });
});
