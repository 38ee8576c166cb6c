import { toAssetType, toItemKind, toVendorAssetHistory, toVendorBookmark, toVendorFavorite } from '../../../../src/translate/viewing/viewing-mappers';

describe('viewing mappers (platform user data → vendor objects)', () => {
  it('maps asset types to item kinds and back', () => {
    expect(toItemKind('epg')).toBe('programme');
    expect(toItemKind('media')).toBe('media');
    expect(toAssetType('programme')).toBe('epg');
    expect(toAssetType('recording')).toBe('recording');
  });

  it('builds a KalturaBookmark with the asset id as a string and positionOwner "user"', () => {
    const progress = { userId: 'u', itemId: 'i', itemKind: 'programme' as const, positionSeconds: 12, finished: false, updatedAt: '2026-11-18T12:00:00Z' };
    expect(toVendorBookmark(progress, '900596', '614003')).toEqual({
      objectType: 'KalturaBookmark', id: '900596', type: 'epg', userId: '614003', position: 12, positionOwner: 'user', finishedWatching: false,
    });
  });

  it('builds a KalturaFavorite with createDate in epoch seconds', () => {
    expect(toVendorFavorite({ itemId: 'i', note: 'row=1', createdAt: '1970-01-01T00:01:40Z' }, 480003)).toEqual({
      objectType: 'KalturaFavorite', assetId: 480003, extraData: 'row=1', createDate: 100,
    });
  });

  it('builds a KalturaAssetHistory with duration and watchedDate', () => {
    const entry = { itemId: 'i', itemKind: 'media' as const, positionSeconds: 30, durationSeconds: 600, finished: true, watchedAt: '1970-01-01T00:00:10Z' };
    expect(toVendorAssetHistory(entry, 480001)).toEqual({
      objectType: 'KalturaAssetHistory', assetId: 480001, assetType: 'media', position: 30, duration: 600, watchedDate: 10, finishedWatching: true,
    });
  });

  it('refuses a timestamp that does not parse rather than inventing a date', () => {
    expect(() => toVendorFavorite({ itemId: 'i', note: '', createdAt: 'yesterday' }, 1)).toThrow(/not ISO 8601/);
  });
});
