import type { CatalogAppConfiguration, CatalogConfigurationGroup } from '../../core/catalog';
import { partnerId } from './seed-layout';

/**
 * Device configurations (vendor `KalturaConfigurations`, served by `configurations.serveByDevice`).
 * Fixed data, no randomness. `content` holds the `params` block the native OTT players read
 * (kaltura-player-android `PhoenixTVPlayerDMSParams`, kaltura-player-ios `KalturaOTTPlayerManager`).
 */
export const configurationGroups: readonly CatalogConfigurationGroup[] = [
  { id: 'cg-default', name: 'Everyone', tags: [], isDefault: true },
  { id: 'cg-beta', name: 'Beta testers', tags: ['beta', 'qa'], isDefault: false },
];

function playerParams(uiConfId: number): Record<string, unknown> {
  return {
    params: {
      analyticsUrl: 'https://analytics.lab.understudy.test/api_v3/index.php',
      ovpServiceUrl: 'https://ovp.lab.understudy.test/api_v3',
      ovpPartnerId: partnerId * 1000 + 1,
      uiConfId,
    },
  };
}

function configuration(id: string, groupId: string, appName: string, platform: CatalogAppConfiguration['platform'], clientVersion: string, content: Record<string, unknown>): CatalogAppConfiguration {
  return { id, groupId, appName, clientVersion, platform, isForceUpdate: false, externalPushId: '', content };
}

const androidPlayer = `com.kaltura.player.${partnerId}`;

export const appConfigurations: readonly CatalogAppConfiguration[] = [
  configuration('cfg-0001', 'cg-default', androidPlayer, 'Android', '4', playerParams(4390001)),
  configuration('cfg-0002', 'cg-default', androidPlayer, 'Android', '4.5', playerParams(4390002)),
  configuration('cfg-0003', 'cg-default', 'com.kaltura.player', 'iOS', '4', playerParams(4390003)),
  configuration('cfg-0004', 'cg-default', `understudy.stb.${partnerId}`, 'STB', '1.0', { ...playerParams(4390004), features: { catchUp: true, cdvr: true } }),
  configuration('cfg-0005', 'cg-beta', androidPlayer, 'Android', '4', playerParams(4390005)),
];
