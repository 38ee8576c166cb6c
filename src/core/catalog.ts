/**
 * The seed catalogue both sims load (fixtures/catalog). Every entity carries its vendor id (the id
 * devices know) and its platform id (a UUID), so the same data can be served in either shape and the
 * id map can be loaded from it. Dates are epoch seconds. Plain data only.
 */

export type DrmScheme = 'WIDEVINE_CENC' | 'PLAYREADY_CENC' | 'FAIRPLAY';
export type StreamFormat = 'applehttp' | 'mpegdash' | 'url';

/** A media type of the partner (vendor `KalturaAsset.type`), e.g. Movie, Episode, Linear. */
export interface CatalogMediaType {
  readonly id: number;
  readonly name: string;
}

/** A file type (vendor `KalturaMediaFile.type` is its name, `typeId` its id). */
export interface CatalogFileType {
  readonly id: number;
  readonly name: string;
  readonly format: StreamFormat;
  /** DRM schemes a source of this type is protected with; empty = clear. */
  readonly drm: readonly DrmScheme[];
}

export interface CatalogImage {
  readonly vendorId: string;
  readonly ratio: string;
  readonly width: number;
  readonly height: number;
  readonly url: string;
  readonly imageTypeId: number;
  readonly imageTypeName: string;
  readonly isDefault: boolean;
  readonly version: number;
}

/** A playable file of a VOD asset or a live channel. */
export interface CatalogMediaFile {
  readonly vendorId: number;
  readonly platformId: string;
  readonly fileTypeId: number;
  /** CDN manifest URL the playManifest redirect points at. */
  readonly cdnUrl: string;
  readonly durationSeconds: number;
  readonly externalId: string;
  readonly fileSize: number;
  /** PPV products that unlock this file; empty together with no subscription = free. */
  readonly ppvProductIds: readonly string[];
}

/** Meta values keep their vendor value type (KalturaStringValue, KalturaDoubleValue, …). */
export type CatalogMetaValue =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean };

interface CatalogAssetBase {
  readonly vendorId: number;
  readonly platformId: string;
  readonly mediaTypeId: number;
  readonly name: string;
  readonly description: string;
  readonly images: readonly CatalogImage[];
  readonly metas: Readonly<Record<string, CatalogMetaValue>>;
  readonly tags: Readonly<Record<string, readonly string[]>>;
  readonly createDate: number;
  readonly updateDate: number;
  readonly startDate: number;
  readonly endDate: number;
  readonly externalId: string;
}

/** A VOD media asset (vendor KalturaMediaAsset). */
export interface CatalogVodAsset extends CatalogAssetBase {
  readonly kind: 'vod';
  readonly files: readonly CatalogMediaFile[];
  /** Subscription products whose holders may watch every file of this asset. */
  readonly subscriptionProductIds: readonly string[];
  readonly views: number;
}

/** A linear channel (vendor KalturaLiveAsset). */
export interface CatalogLiveChannel extends CatalogAssetBase {
  readonly kind: 'live';
  readonly files: readonly CatalogMediaFile[];
  readonly subscriptionProductIds: readonly string[];
  /** The EPG channel id programmes reference (vendor `epgChannelId`). */
  readonly epgChannelId: number;
  readonly enableCatchUp: boolean;
  readonly enableStartOver: boolean;
  readonly enableTrickPlay: boolean;
  readonly enableCdvr: boolean;
  /** Minutes. */
  readonly catchUpBuffer: number;
  readonly trickPlayBuffer: number;
}

/** An EPG programme (vendor KalturaProgramAsset). Playable through its channel's files. */
export interface CatalogProgram extends CatalogAssetBase {
  readonly kind: 'program';
  readonly channelVendorId: number;
  readonly epgChannelId: number;
  /** Vendor `epgId`, a string. */
  readonly epgId: string;
  readonly crid: string;
  readonly enableCatchUp: boolean;
  readonly enableStartOver: boolean;
}

export type CatalogAsset = CatalogVodAsset | CatalogLiveChannel | CatalogProgram;

export type HouseholdState = 'ok' | 'suspended';

export interface CatalogHousehold {
  readonly vendorId: number;
  readonly platformId: string;
  readonly name: string;
  readonly description: string;
  readonly externalId: string;
  readonly devicesLimit: number;
  readonly usersLimit: number;
  readonly concurrentLimit: number;
  readonly regionId: number;
  readonly state: HouseholdState;
  readonly createDate: number;
}

export interface CatalogUser {
  /** Vendor user ids are strings (brief §2.5). */
  readonly vendorId: string;
  readonly platformId: string;
  readonly householdVendorId: number;
  readonly username: string;
  /** Lab-only plain password so demo logins work; real platforms never hold this. */
  readonly password: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly city: string;
  readonly countryId: number;
  readonly isHouseholdMaster: boolean;
  readonly isHouseholdDefault: boolean;
  readonly suspended: boolean;
  readonly createDate: number;
}

export interface CatalogDevice {
  readonly udid: string;
  readonly platformId: string;
  readonly householdVendorId: number;
  readonly name: string;
  readonly brandId: number;
  readonly deviceFamilyId: number;
  readonly activatedOn: number;
}

export type ProductType = 'ppv' | 'subscription';

export interface CatalogProduct {
  /** Vendor product ids are strings on entitlements (brief §5.5). */
  readonly vendorId: string;
  readonly platformId: string;
  readonly type: ProductType;
  readonly name: string;
  readonly price: number;
  readonly currency: string;
  /** Days of access after purchase. */
  readonly durationDays: number;
  readonly isRenewable: boolean;
}

export interface CatalogEntitlement {
  readonly vendorId: number;
  readonly platformId: string;
  readonly productVendorId: string;
  readonly type: ProductType;
  readonly householdVendorId: number;
  readonly userVendorId: string;
  readonly purchaseDate: number;
  readonly endDate: number;
  /** For PPV: the file that was bought (vendor `mediaFileId`) and its asset. */
  readonly mediaFileVendorId?: number;
  readonly mediaVendorId?: number;
  readonly deviceUdid: string;
  readonly paymentMethod: string;
}

export interface CatalogBookmark {
  readonly userVendorId: string;
  readonly assetVendorId: number;
  readonly assetType: 'media' | 'epg' | 'recording';
  readonly position: number;
  readonly finishedWatching: boolean;
  readonly updateDate: number;
}

export interface CatalogFavorite {
  readonly userVendorId: string;
  readonly assetVendorId: number;
  readonly extraData: string;
  readonly createDate: number;
}

/** The lab's fixed facts (fixtures/catalog/demo.json). */
export interface CatalogDemo {
  readonly partnerId: number;
  /** Lab partner secret: signs KS in vendor-sim and in the facade's lab configuration. */
  readonly partnerSecret: string;
  /** Secret the facade presents to the platform's identity service for token exchange. */
  readonly platformClientSecret: string;
  /** The epoch second the catalogue's dates are laid out around (EPG starts here minus a day). */
  readonly baseTime: number;
  readonly accounts: readonly { readonly username: string; readonly password: string; readonly household: number; readonly userId: string }[];
  /** The server version the lab vendor reports (`system.getVersion`), also the facade's lab default. */
  readonly serverVersion: string;
}

export type PinType = 'parental' | 'purchase';
export type PinLevel = 'user' | 'household';

/** A parental or purchase PIN set for a household or for one user (vendor `KalturaPin`). */
export interface CatalogPin {
  readonly level: PinLevel;
  /** Household vendor id (as text) or user vendor id. */
  readonly ownerVendorId: string;
  readonly type: PinType;
  readonly pin: string;
}

/** Vendor `KalturaParentalRuleType`: which media types a rule covers. */
export type ParentalRuleType = 'ALL' | 'MOVIES' | 'TV_SERIES';

/** An account parental rule (vendor `KalturaParentalRule`): matches assets by a tag's values. */
export interface CatalogParentalRule {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly order: number;
  readonly isDefault: boolean;
  readonly ruleType: ParentalRuleType;
  /** Tag (topic) id whose values trigger the rule on media assets; the lab's is `Rating`. */
  readonly mediaTag: number;
  readonly mediaTagValues: readonly string[];
  readonly epgTag: number;
  readonly epgTagValues: readonly string[];
  /** Content the rule matches is not available to guests (anonymous sessions). */
  readonly blockAnonymousAccess: boolean;
  readonly createDate: number;
  readonly updateDate: number;
}

/** A parental rule switched on for a household or one user. */
export interface CatalogParentalSetting {
  readonly level: PinLevel;
  readonly ownerVendorId: string;
  readonly ruleId: number;
}

/** Vendor `KalturaPlatform` values (device platforms a configuration is for). */
export type AppPlatform = 'Android' | 'Blackberry' | 'CTV' | 'iOS' | 'Other' | 'STB' | 'WindowsPhone';

/** A configuration group: devices asking with one of its tags get its configurations. */
export interface CatalogConfigurationGroup {
  readonly id: string;
  readonly name: string;
  /** Tags are matched case-insensitively; the default group answers every other tag. */
  readonly tags: readonly string[];
  readonly isDefault: boolean;
}

/** A device configuration (vendor `KalturaConfigurations`): `content` is what serveByDevice returns. */
export interface CatalogAppConfiguration {
  readonly id: string;
  readonly groupId: string;
  readonly appName: string;
  readonly clientVersion: string;
  readonly platform: AppPlatform;
  readonly isForceUpdate: boolean;
  readonly externalPushId: string;
  readonly content: Readonly<Record<string, unknown>>;
}

export interface Catalog {
  readonly demo: CatalogDemo;
  readonly mediaTypes: readonly CatalogMediaType[];
  readonly fileTypes: readonly CatalogFileType[];
  readonly vodAssets: readonly CatalogVodAsset[];
  readonly channels: readonly CatalogLiveChannel[];
  readonly programs: readonly CatalogProgram[];
  readonly households: readonly CatalogHousehold[];
  readonly users: readonly CatalogUser[];
  readonly devices: readonly CatalogDevice[];
  readonly products: readonly CatalogProduct[];
  readonly entitlements: readonly CatalogEntitlement[];
  readonly bookmarks: readonly CatalogBookmark[];
  readonly favorites: readonly CatalogFavorite[];
  readonly configurationGroups: readonly CatalogConfigurationGroup[];
  readonly appConfigurations: readonly CatalogAppConfiguration[];
  readonly pins: readonly CatalogPin[];
  readonly parentalRules: readonly CatalogParentalRule[];
  readonly parentalSettings: readonly CatalogParentalSetting[];
}

/** One row of the vendor ↔ platform id mapping (the catalogue migration export). */
export interface IdMapRow {
  readonly kind: 'asset' | 'file' | 'household' | 'user' | 'device' | 'product' | 'entitlement';
  readonly vendorId: string;
  readonly platformId: string;
}
