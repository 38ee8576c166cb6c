import type { CatalogAppConfiguration, CatalogConfigurationGroup } from '../../core/catalog';

/** What a device says about itself in `configurations.serveByDevice`. */
export interface AppConfigurationQuery {
  readonly appName: string;
  readonly clientVersion: string;
  readonly platform: string;
  readonly tag: string;
}

/** Dotted numeric version → parts; null when any part is not a whole number. */
function parseVersion(text: string): number[] | null {
  const parts = text.trim().split('.');
  if (parts.some((p) => !/^\d{1,9}$/.test(p))) return null;
  return parts.map(Number);
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The group a tag selects: the one listing it (case-insensitive), else the default group. */
function groupsFor(tag: string, groups: readonly CatalogConfigurationGroup[]): string[] {
  const wanted = tag.trim().toLowerCase();
  const tagged = groups.find((g) => g.tags.some((t) => t.toLowerCase() === wanted));
  const fallback = groups.filter((g) => g.isDefault).map((g) => g.id);
  return tagged === undefined ? fallback : [tagged.id, ...fallback];
}

/** The newest configuration of one group for this app and platform not newer than the client. */
function bestInGroup(query: AppConfigurationQuery, groupId: string, all: readonly CatalogAppConfiguration[]): CatalogAppConfiguration | undefined {
  const asked = parseVersion(query.clientVersion);
  const platform = query.platform.trim().toLowerCase();
  let best: CatalogAppConfiguration | undefined;
  let bestVersion: number[] = [];
  for (const config of all) {
    if (config.groupId !== groupId || config.appName !== query.appName.trim() || config.platform.toLowerCase() !== platform) continue;
    const version = parseVersion(config.clientVersion);
    if (asked === null || version === null) {
      if (config.clientVersion === query.clientVersion.trim() && best === undefined) best = config;
      continue;
    }
    if (compareVersions(version, asked) > 0) continue;
    if (best === undefined || compareVersions(version, bestVersion) > 0) [best, bestVersion] = [config, version];
  }
  return best;
}

/**
 * The configuration a device gets (docs/lab-rules.md "Device configuration"): the tag's group, then
 * the default group; in a group, same app name (exact) and platform (any case), the highest client
 * version not above the device's. Undefined when nothing matches.
 */
export function matchAppConfiguration(query: AppConfigurationQuery, groups: readonly CatalogConfigurationGroup[], all: readonly CatalogAppConfiguration[]): CatalogAppConfiguration | undefined {
  for (const groupId of groupsFor(query.tag, groups)) {
    const found = bestInGroup(query, groupId, all);
    if (found !== undefined) return found;
  }
  return undefined;
}
