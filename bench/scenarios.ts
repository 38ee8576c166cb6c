import type { LoadRequest } from './lib/open-loop-load';

/** One benchmarked vendor call: what a device sends (with its KS filled in). */
export interface Scenario {
  readonly name: string;
  readonly request: (ks: string) => LoadRequest;
}

function postJson(path: string, body: unknown): LoadRequest {
  return { method: 'POST', path, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}

/** The calls devices make most (brief §8): asset.get, getPlaybackContext, bookmark.add, the player multirequest. */
export const scenarios: readonly Scenario[] = [
  { name: 'asset.get', request: (ks) => postJson('/api_v3/service/asset/action/get', { apiVersion: '7.8.1', id: '480001', assetReferenceType: 'media', ks }) },
  {
    name: 'asset.getPlaybackContext',
    request: (ks) =>
      postJson('/api_v3/service/asset/action/getPlaybackContext', {
        apiVersion: '7.8.1',
        assetId: '480001',
        assetType: 'media',
        contextDataParams: { objectType: 'KalturaPlaybackContextOptions', context: 'PLAYBACK' },
        ks,
      }),
  },
  {
    name: 'bookmark.add',
    request: (ks) =>
      postJson('/api_v3/service/bookmark/action/add', {
        apiVersion: '7.8.1',
        bookmark: { objectType: 'KalturaBookmark', id: '480001', type: 'media', context: 'PLAYBACK', position: 12.37, playerData: { objectType: 'KalturaBookmarkPlayerData', action: 'HIT', averageBitrate: 0, totalBitrate: 0, currentBitrate: 0, fileId: 210001 } },
        ks,
      }),
  },
  {
    name: 'player multirequest',
    request: (ks) =>
      postJson('/api_v3/service/multirequest', {
        apiVersion: '7.8.1',
        ks,
        '1': { service: 'asset', action: 'get', id: '480001', assetReferenceType: 'media', ks },
        '2': { service: 'asset', action: 'getPlaybackContext', assetId: '480001', assetType: 'media', contextDataParams: { objectType: 'KalturaPlaybackContextOptions', context: 'PLAYBACK' }, ks },
      }),
  },
];
