import { toPlatformWrite, toVendorWrite } from '../../../src/sync/apply-rules';
import { readFeedChange, type FeedChange } from '../../../src/sync/feed-changes';
import type { SyncChange } from '../../../src/sync/sync-types';

const known: Readonly<Record<string, string>> = { 'household:hh-p': '5002', 'user:u-p': '614003', 'asset:item-1': '480001' };
const lookup = { toVendor: (kind: string, id: string): string | undefined => known[`${kind}:${id}`] };
const ids = { toPlatform: (kind: string, id: string): string | undefined => (kind === 'asset' && id === '480001' ? 'item-1' : undefined) };
const feed = (op: 'upsert' | 'delete', origin: string): FeedChange => ({ cursor: '1', entity: 'progress', op, key: 'k', householdId: 'hh-p', userId: 'u-p', origin, at: '2026-01-01T00:00:00Z', data: { itemId: 'item-1', itemKind: 'media', positionSeconds: 40, action: 'pause' } });

describe('bookmark deletes (a history clean carried per entry)', () => {
  it('reads a cleared history entry from the feed as a bookmark delete, the facade\'s own clean included', () => {
    for (const origin of ['new-app', 'understudy-facade']) {
      expect(readFeedChange(feed('delete', origin), lookup)).toEqual({ kind: 'change', change: { entity: 'bookmark', op: 'delete', key: '614003:480001:media', householdId: '5002', userId: '614003', source: 'platform', value: { assetId: 480001, assetType: 'media' } } });
    }
    expect(readFeedChange(feed('upsert', 'understudy-facade'), lookup)).toEqual({ kind: 'captured' });
    expect(readFeedChange(feed('delete', 'understudy-sync'), lookup)).toEqual({ kind: 'echo' });
    expect(readFeedChange(feed('upsert', 'new-app'), lookup)).toMatchObject({ kind: 'change', change: { op: 'upsert', value: { position: 40 } } });
  });

  it('writes a bookmark delete as a clean of that asset on the vendor and of that item on the platform', () => {
    const change: SyncChange = { entity: 'bookmark', op: 'delete', key: '614003:480001:media', householdId: '5002', userId: '614003', source: 'platform', stamp: 's', value: { assetId: 480001, assetType: 'media' } };
    expect(toVendorWrite(change)).toEqual({ service: 'assethistory', action: 'clean', params: { filter: { objectType: 'KalturaAssetHistoryFilter', assetIdIn: '480001', statusEqual: 'all' } } });
    expect(toPlatformWrite(change, ids, '/identity/v1/households/x/devices')).toEqual({ method: 'DELETE', path: '/user-data/v1/history?itemIds=item-1' });
    expect(toPlatformWrite({ ...change, value: { assetId: 1 } }, ids, '')).toBeUndefined();
  });
});
