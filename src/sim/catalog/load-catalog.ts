import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Catalog, IdMapRow } from '../../core/catalog';
import { findPackageRoot } from '../../contract/contracts-dir';

/** Where the committed seed catalogue lives (found from the package root, so it works from src/ and dist/src/). */
export const defaultCatalogDir = resolve(findPackageRoot(), 'fixtures/catalog');

const catalogFiles = {
  demo: 'demo.json',
  mediaTypes: 'media-types.json',
  fileTypes: 'file-types.json',
  vodAssets: 'vod-assets.json',
  channels: 'channels.json',
  programs: 'programs.json',
  households: 'households.json',
  users: 'users.json',
  devices: 'devices.json',
  products: 'products.json',
  entitlements: 'entitlements.json',
  bookmarks: 'bookmarks.json',
  favorites: 'favorites.json',
  configurationGroups: 'configuration-groups.json',
  appConfigurations: 'app-configurations.json',
  pins: 'pins.json',
  parentalRules: 'parental-rules.json',
  parentalSettings: 'parental-settings.json',
} as const satisfies Record<keyof Catalog, string>;

/** The file names the catalogue is split into, one per collection. */
export const catalogFileNames: Readonly<Record<keyof Catalog, string>> = catalogFiles;

function readJson(dir: string, file: string): unknown {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
}

/** Reads the whole seed catalogue from a directory (default: fixtures/catalog). */
export function loadCatalog(dir: string = defaultCatalogDir): Catalog {
  const entries = Object.entries(catalogFiles).map(([key, file]) => [key, readJson(dir, file)] as const);
  return Object.fromEntries(entries) as unknown as Catalog;
}

/** Reads the vendor ↔ platform id mapping (fixtures/catalog/id-map.json). */
export function loadIdMap(dir: string = defaultCatalogDir): IdMapRow[] {
  return readJson(dir, 'id-map.json') as IdMapRow[];
}

/** Only the lab's fixed facts (demo.json): what the facade needs when no sim runs in its process. */
export function loadCatalogDemo(dir: string = defaultCatalogDir): Catalog['demo'] {
  return readJson(dir, catalogFiles.demo) as Catalog['demo'];
}
