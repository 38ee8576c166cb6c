import type { Catalog, IdMapRow } from '../../core/catalog';
import { buildDemo } from './generate-demo';
import { generateDevices } from './generate-devices';
import { generateEntitlements } from './generate-entitlements';
import { generatePrograms } from './generate-epg';
import { generateChannels } from './generate-channels';
import { appConfigurations, configurationGroups } from './generate-app-configurations';
import { generatePins } from './generate-pins';
import { generateParentalSettings, parentalRules } from './generate-parental';
import { generateHouseholds } from './generate-households';
import { buildIdMap } from './generate-id-map';
import { generateProducts } from './generate-products';
import { generateViewing } from './generate-viewing';
import { generateVodAssets } from './generate-vod';
import { planHouseholds } from './household-plans';
import { createPrng } from './prng';
import { createSeedContext } from './seed-context';
import { defaultBaseTime, defaultSeed, fileTypes, mediaTypes } from './seed-layout';

export interface GenerateCatalogOptions {
  readonly seed?: number;
  /** Rounded down to the hour, so EPG slots stay on 5-minute boundaries. */
  readonly baseTime?: number;
}

export interface GeneratedCatalog {
  readonly catalog: Catalog;
  readonly idMap: IdMapRow[];
}

const demoHouseholdCount = 4;

/** Builds the whole seed catalogue; the same options always give the same data. */
export function generateCatalog(options: GenerateCatalogOptions = {}): GeneratedCatalog {
  const baseTime = Math.floor((options.baseTime ?? defaultBaseTime) / 3600) * 3600;
  const context = createSeedContext(createPrng(options.seed ?? defaultSeed), baseTime);
  const products = generateProducts();
  const vodAssets = generateVodAssets(context, products);
  const channels = generateChannels(context, products);
  const programs = generatePrograms(context, channels);
  const plans = planHouseholds(context);
  const { households, users } = generateHouseholds(context, plans);
  const devices = generateDevices(context, households, plans, users);
  const entitlements = generateEntitlements(context, { households, users, devices, products, vodAssets }, demoHouseholdCount);
  const { bookmarks, favorites } = generateViewing(context, { users, vodAssets, channels, programs });
  const catalog: Catalog = {
    demo: buildDemo(baseTime, users),
    mediaTypes,
    fileTypes,
    vodAssets,
    channels,
    programs,
    households,
    users,
    devices,
    products: products.all,
    entitlements,
    bookmarks,
    favorites,
    configurationGroups,
    appConfigurations,
    pins: generatePins(users),
    parentalRules,
    parentalSettings: generateParentalSettings(users),
  };
  return { catalog, idMap: buildIdMap(catalog) };
}
