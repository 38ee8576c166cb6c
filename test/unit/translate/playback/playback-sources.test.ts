import { toPlaybackSource as platformSource } from '../../../../src/sim/platform-sim/playback/playback-sources';
import { toPlaybackSource as vendorSimSource } from '../../../../src/sim/vendor-sim/playback/playback-sources';
import { allowedPlaybackContext, blockedPlaybackContext } from '../../../../src/translate/playback/playback-context-result';
import { toAuthorizationBody } from '../../../../src/translate/playback/playback-request';
import { toApiBase, toVendorSource, type PlatformPlaybackSource } from '../../../../src/translate/playback/playback-sources';
import { ids, index, store } from '../catalog/catalog-fixture';

const request = { apiBaseUrl: 'http://lab.test/v5/api_v3/', partnerId: 3197, assetId: 480001, assetType: 'media', context: 'PLAYBACK' } as const;

describe('toVendorSource (platform playback source → KalturaPlaybackSource)', () => {
  it.each(['PLAYMANIFEST', 'DIRECT'] as const)('equals vendor-sim for every file (%s)', (urlType) => {
    let count = 0;
    for (const file of store.fileById.values()) {
      const fromPlatform = toVendorSource(ids, { ...request, apiBase: toApiBase(request.apiBaseUrl), urlType }, platformSource(file) as unknown as PlatformPlaybackSource);
      expect(fromPlatform).toEqual(vendorSimSource({ ...request, urlType }, file.file, index.fileTypeById.get(file.file.fileTypeId)));
      count += 1;
    }
    expect(count).toBeGreaterThan(100);
  });
});

describe('playback answers', () => {
  it('maps the platform deny reasons to the vendor block messages', () => {
    expect(blockedPlaybackContext('not_entitled')).toMatchObject({ sources: [], actions: [{ objectType: 'KalturaAccessControlBlockAction', type: 'BLOCK' }], messages: [{ code: 'NotEntitled', message: 'Not entitled' }] });
    expect(blockedPlaybackContext('concurrency_limit')).toMatchObject({ messages: [{ code: 'ConcurrencyLimitation', message: 'Concurrency limitation' }] });
    expect(() => blockedPlaybackContext('geo')).toThrow();
    expect(allowedPlaybackContext([])).toEqual({ objectType: 'KalturaPlaybackContext', sources: [], actions: [], messages: [{ objectType: 'KalturaAccessControlMessage', code: 'OK', message: 'OK' }], playbackCaptions: [], plugins: [] });
  });
});

describe('toAuthorizationBody', () => {
  const itemId = ids.toPlatform('asset', 480001) as string;
  const base = { context: 'CATCHUP', urlType: 'PLAYMANIFEST', fileIds: [], streamerType: undefined } as const;

  it('maps context, vendor file ids and the streamer type', () => {
    expect(toAuthorizationBody(ids, itemId, { ...base, fileIds: [210001, 999], streamerType: ' MpegDash ' })).toEqual({
      itemId,
      context: 'catchup',
      fileIds: [ids.toPlatform('file', 210001)],
      formats: ['dash'],
    });
    expect(toAuthorizationBody(ids, itemId, { ...base, context: 'START_OVER', streamerType: '' })).toEqual({ itemId, context: 'startover' });
  });

  it('needs no authorisation when the filters leave no file', () => {
    expect(toAuthorizationBody(ids, itemId, { ...base, fileIds: [1, 2] })).toBe('no-file');
    expect(toAuthorizationBody(ids, itemId, { ...base, streamerType: 'smooth' })).toBe('no-file');
  });
});
