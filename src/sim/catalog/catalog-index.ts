import type {
  Catalog,
  CatalogAsset,
  CatalogDevice,
  CatalogFileType,
  CatalogHousehold,
  CatalogLiveChannel,
  CatalogMediaFile,
  CatalogMediaType,
  CatalogProduct,
  CatalogProgram,
  CatalogUser,
  CatalogVodAsset,
} from '../../core/catalog';

/** A file together with the asset (VOD or channel) it belongs to. */
export interface IndexedFile {
  readonly file: CatalogMediaFile;
  readonly asset: CatalogVodAsset | CatalogLiveChannel;
}

/** Read-only lookups over the seed catalogue, shared by vendor-sim and platform-sim. */
export interface CatalogIndex {
  /** VOD assets, channels and programmes. */
  readonly assetByVendorId: ReadonlyMap<number, CatalogAsset>;
  readonly assetByPlatformId: ReadonlyMap<string, CatalogAsset>;
  readonly fileByVendorId: ReadonlyMap<number, IndexedFile>;
  readonly fileByPlatformId: ReadonlyMap<string, IndexedFile>;
  readonly userByVendorId: ReadonlyMap<string, CatalogUser>;
  readonly userByPlatformId: ReadonlyMap<string, CatalogUser>;
  /** Keyed by the lower-cased username (logins are case-insensitive). */
  readonly userByUsername: ReadonlyMap<string, CatalogUser>;
  readonly householdByVendorId: ReadonlyMap<number, CatalogHousehold>;
  readonly householdByPlatformId: ReadonlyMap<string, CatalogHousehold>;
  readonly usersByHousehold: ReadonlyMap<number, readonly CatalogUser[]>;
  readonly deviceByUdid: ReadonlyMap<string, CatalogDevice>;
  readonly deviceByPlatformId: ReadonlyMap<string, CatalogDevice>;
  readonly devicesByHousehold: ReadonlyMap<number, readonly CatalogDevice[]>;
  readonly productByVendorId: ReadonlyMap<string, CatalogProduct>;
  readonly productByPlatformId: ReadonlyMap<string, CatalogProduct>;
  /** Each channel's programmes, sorted by startDate. */
  readonly programsByChannelVendorId: ReadonlyMap<number, readonly CatalogProgram[]>;
  readonly channelByEpgChannelId: ReadonlyMap<number, CatalogLiveChannel>;
  readonly mediaTypeById: ReadonlyMap<number, CatalogMediaType>;
  readonly fileTypeById: ReadonlyMap<number, CatalogFileType>;
  /** Same as the exported `assetDurationSeconds`. */
  readonly assetDurationSeconds: (asset: CatalogAsset) => number;
}

/** An asset's duration: its longest file, or a programme's airtime (docs/lab-rules.md "Bookmarks"). */
export function assetDurationSeconds(asset: CatalogAsset): number {
  if (asset.kind === 'program') return asset.endDate - asset.startDate;
  let longest = 0;
  for (const file of asset.files) if (file.durationSeconds > longest) longest = file.durationSeconds;
  return longest;
}

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function indexPlayable(assets: readonly (CatalogVodAsset | CatalogLiveChannel)[], index: MutableIndex): void {
  for (const asset of assets) {
    index.assetByVendorId.set(asset.vendorId, asset);
    index.assetByPlatformId.set(asset.platformId, asset);
    for (const file of asset.files) {
      const entry = { file, asset };
      index.fileByVendorId.set(file.vendorId, entry);
      index.fileByPlatformId.set(file.platformId, entry);
    }
  }
}

function indexPrograms(catalog: Catalog, index: MutableIndex): void {
  for (const channel of catalog.channels) {
    index.channelByEpgChannelId.set(channel.epgChannelId, channel);
    index.programsByChannelVendorId.set(channel.vendorId, []);
  }
  for (const program of catalog.programs) {
    index.assetByVendorId.set(program.vendorId, program);
    index.assetByPlatformId.set(program.platformId, program);
    appendTo(index.programsByChannelVendorId, program.channelVendorId, program);
  }
  for (const list of index.programsByChannelVendorId.values()) list.sort((a, b) => a.startDate - b.startDate || a.vendorId - b.vendorId);
}

function indexPeople(catalog: Catalog, index: MutableIndex): void {
  for (const household of catalog.households) {
    index.householdByVendorId.set(household.vendorId, household);
    index.householdByPlatformId.set(household.platformId, household);
    index.usersByHousehold.set(household.vendorId, []);
    index.devicesByHousehold.set(household.vendorId, []);
  }
  for (const user of catalog.users) {
    index.userByVendorId.set(user.vendorId, user);
    index.userByPlatformId.set(user.platformId, user);
    index.userByUsername.set(user.username.toLowerCase(), user);
    appendTo(index.usersByHousehold, user.householdVendorId, user);
  }
  for (const device of catalog.devices) {
    index.deviceByUdid.set(device.udid, device);
    index.deviceByPlatformId.set(device.platformId, device);
    appendTo(index.devicesByHousehold, device.householdVendorId, device);
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends ReadonlyMap<infer K2, infer V> ? Map<K2, V extends readonly (infer E)[] ? E[] : V> : T[K] };
type MutableIndex = Mutable<Omit<CatalogIndex, 'assetDurationSeconds'>>;

function createEmptyIndex(): MutableIndex {
  return {
    assetByVendorId: new Map(), assetByPlatformId: new Map(), fileByVendorId: new Map(), fileByPlatformId: new Map(),
    userByVendorId: new Map(), userByPlatformId: new Map(), userByUsername: new Map(),
    householdByVendorId: new Map(), householdByPlatformId: new Map(), usersByHousehold: new Map(),
    deviceByUdid: new Map(), deviceByPlatformId: new Map(), devicesByHousehold: new Map(),
    productByVendorId: new Map(), productByPlatformId: new Map(),
    programsByChannelVendorId: new Map(), channelByEpgChannelId: new Map(),
    mediaTypeById: new Map(), fileTypeById: new Map(),
  };
}

/** Indexes the catalogue in one pass over each collection; the catalogue itself is not copied. */
export function buildCatalogIndex(catalog: Catalog): CatalogIndex {
  const index = createEmptyIndex();
  indexPlayable(catalog.channels, index);
  indexPlayable(catalog.vodAssets, index);
  indexPrograms(catalog, index);
  indexPeople(catalog, index);
  for (const product of catalog.products) {
    index.productByVendorId.set(product.vendorId, product);
    index.productByPlatformId.set(product.platformId, product);
  }
  for (const type of catalog.mediaTypes) index.mediaTypeById.set(type.id, type);
  for (const type of catalog.fileTypes) index.fileTypeById.set(type.id, type);
  return { ...index, assetDurationSeconds };
}
