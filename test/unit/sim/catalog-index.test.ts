import { assetDurationSeconds, buildCatalogIndex } from '../../../src/sim/catalog/catalog-index';
import { generateCatalog } from '../../../src/sim/catalog/generate-catalog';

const { catalog } = generateCatalog();
const index = buildCatalogIndex(catalog);

describe('buildCatalogIndex', () => {
  it('finds every asset kind by vendor and platform id', () => {
    for (const asset of [catalog.vodAssets[0]!, catalog.channels[0]!, catalog.programs[0]!]) {
      expect(index.assetByVendorId.get(asset.vendorId)).toBe(asset);
      expect(index.assetByPlatformId.get(asset.platformId)).toBe(asset);
    }
    expect(index.assetByVendorId.size).toBe(catalog.vodAssets.length + catalog.channels.length + catalog.programs.length);
    expect(index.assetByVendorId.get(1)).toBeUndefined();
  });

  it('finds files with their asset', () => {
    const asset = catalog.vodAssets[3]!;
    const file = asset.files[1]!;
    expect(index.fileByVendorId.get(file.vendorId)).toEqual({ file, asset });
    expect(index.fileByPlatformId.get(file.platformId)?.asset).toBe(asset);
    const liveFile = catalog.channels[0]!.files[0]!;
    expect(index.fileByVendorId.get(liveFile.vendorId)?.asset.kind).toBe('live');
  });

  it('finds users, households and devices', () => {
    const account = catalog.demo.accounts[0]!;
    const user = index.userByUsername.get(account.username.toUpperCase().toLowerCase())!;
    expect(user.vendorId).toBe(account.userId);
    expect(index.userByVendorId.get(user.vendorId)).toBe(user);
    expect(index.userByPlatformId.get(user.platformId)).toBe(user);
    const household = index.householdByVendorId.get(account.household)!;
    expect(index.householdByPlatformId.get(household.platformId)).toBe(household);
    expect(index.usersByHousehold.get(household.vendorId)).toContain(user);
    const devices = index.devicesByHousehold.get(household.vendorId)!;
    expect(devices.length).toBeGreaterThan(0);
    expect(index.deviceByUdid.get(devices[0]!.udid)).toBe(devices[0]);
    expect(index.deviceByPlatformId.get(devices[0]!.platformId)).toBe(devices[0]);
    const members = catalog.users.filter((u) => u.householdVendorId === household.vendorId);
    expect(index.usersByHousehold.get(household.vendorId)).toEqual(members);
  });

  it('finds products, types and channels', () => {
    const product = catalog.products[0]!;
    expect(index.productByVendorId.get(product.vendorId)).toBe(product);
    expect(index.productByPlatformId.get(product.platformId)).toBe(product);
    expect(index.mediaTypeById.get(424)?.name).toBe('Linear');
    expect(index.fileTypeById.get(catalog.fileTypes[0]!.id)).toBe(catalog.fileTypes[0]);
    const channel = catalog.channels[5]!;
    expect(index.channelByEpgChannelId.get(channel.epgChannelId)).toBe(channel);
  });

  it('lists each channel’s programmes by start date', () => {
    for (const channel of catalog.channels) {
      const programs = index.programsByChannelVendorId.get(channel.vendorId)!;
      expect(programs.length).toBeGreaterThan(30);
      expect(programs.every((p, i) => i === 0 || p.startDate > programs[i - 1]!.startDate)).toBe(true);
      expect(programs.every((p) => p.channelVendorId === channel.vendorId)).toBe(true);
    }
  });

  it('computes durations: longest file, or a programme’s airtime', () => {
    const asset = catalog.vodAssets.find((a) => new Set(a.files.map((f) => f.durationSeconds)).size > 1)!;
    expect(assetDurationSeconds(asset)).toBe(Math.max(...asset.files.map((f) => f.durationSeconds)));
    const program = catalog.programs[0]!;
    expect(index.assetDurationSeconds(program)).toBe(program.endDate - program.startDate);
    expect(assetDurationSeconds(catalog.channels[0]!)).toBe(0);
  });

  it('does not modify the catalogue', () => {
    const before = JSON.stringify(catalog);
    buildCatalogIndex(catalog);
    expect(JSON.stringify(catalog)).toBe(before);
  });
});
