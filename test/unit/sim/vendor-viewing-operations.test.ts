 
import { frozenLabClock } from '../../support/lab-clock';
import { loadCatalog } from '../../../src/sim/catalog/load-catalog';
import type { SimSession } from '../../../src/sim/vendor-sim/sim-operation';
import { createVendorSimState, type VendorSimState } from '../../../src/sim/vendor-sim/state';
import { viewingOperations } from '../../../src/sim/vendor-sim/viewing/viewing-operations';

const catalog = loadCatalog();
const baseTime = catalog.demo.baseTime;

function session(userId: string, householdId: number, udid: string): SimSession {
  return { ks: 'ks', partnerId: 3197, userId, householdId, udid, type: 'user', expiry: baseTime + 1000, createDate: baseTime, sessionId: `s-${userId}-${udid}` };
}
const demo1 = session('614001', 5001, 'demo1-stb-1');
const demo1Second = session('614002', 5001, 'demo1-tablet-2');

function freshState(): VendorSimState {
  return createVendorSimState(catalog, frozenLabClock());
}

function call(state: VendorSimState, who: SimSession, operation: string, params: Record<string, unknown>, nowSec = baseTime): any {
  return viewingOperations[operation]!.run({ params, session: who, state, nowSec, apiBaseUrl: 'http://lab.test/api_v3' });
}

function bookmark(id: string, position: number, action: string, type = 'media'): Record<string, unknown> {
  return { bookmark: { objectType: 'KalturaBookmark', id, type, position, context: 'PLAYBACK', playerData: { objectType: 'KalturaBookmarkPlayerData', action, fileId: '210005' } } };
}

function listOne(state: VendorSimState, who: SimSession, id: string): any {
  return call(state, who, 'bookmark.list', { filter: { assetIdIn: id } }).value.objects.find((b: any) => b.userId === who.userId);
}

describe('bookmark.add', () => {
  it('accepts a float position, stores it floored and answers true (brief §8.4)', () => {
    const state = freshState();
    expect(call(state, demo1, 'bookmark.add', bookmark('480002', 12.97, 'HIT'))).toEqual({ ok: true, value: true });
    expect(listOne(state, demo1, '480002')).toEqual({ objectType: 'KalturaBookmark', id: '480002', type: 'media', userId: '614001', position: 12, positionOwner: 'user', finishedWatching: false });
  });

  it('sets finishedWatching at 95 %, FINISH resets to 0, STOP at 0 clears', () => {
    const state = freshState();
    const duration = state.index.assetDurationSeconds(state.index.assetByVendorId.get(480002)!);
    call(state, demo1, 'bookmark.add', bookmark('480002', Math.ceil(duration * 0.95), 'HIT'));
    expect(listOne(state, demo1, '480002').finishedWatching).toBe(true);
    call(state, demo1, 'bookmark.add', bookmark('480002', 100, 'FINISH'));
    expect(listOne(state, demo1, '480002')).toMatchObject({ position: 0, finishedWatching: true });
    call(state, demo1, 'bookmark.add', bookmark('480002', 0, 'STOP'));
    expect(listOne(state, demo1, '480002')).toMatchObject({ position: 0, finishedWatching: false });
  });

  it('answers 4001 for a new device when the household is at its limit; STOP frees the slot', () => {
    const state = freshState();
    const stb = session('614004', 5003, 'demo3-stb-1');
    const phone = session('614004', 5003, 'demo3-phone');
    expect(call(state, stb, 'bookmark.add', bookmark('480002', 5, 'PLAY')).ok).toBe(true);
    expect(call(state, phone, 'bookmark.add', bookmark('480003', 5, 'HIT'), baseTime + 30).error).toEqual({ code: '4001', message: 'Concurrency limitation' });
    expect(call(state, stb, 'bookmark.add', bookmark('480002', 35, 'HIT'), baseTime + 30).ok).toBe(true);
    expect(call(state, stb, 'bookmark.add', bookmark('480002', 40, 'STOP'), baseTime + 35).ok).toBe(true);
    expect(call(state, phone, 'bookmark.add', bookmark('480003', 5, 'HIT'), baseTime + 36).ok).toBe(true);
  });

  it('validates the bookmark', () => {
    const state = freshState();
    expect(call(state, demo1, 'bookmark.add', bookmark('', 1, 'HIT')).error.code).toBe('500003');
    expect(call(state, demo1, 'bookmark.add', bookmark('1', 1, 'HIT')).error.code).toBe('4024');
    expect(call(state, demo1, 'bookmark.add', bookmark('480002', 1, 'HIT', 'epg')).error.code).toBe('4024');
    expect(call(state, demo1, 'bookmark.add', bookmark('480002', 1, 'JUMP')).error.code).toBe('4023');
    expect(call(state, demo1, 'bookmark.add', {}).error.code).toBe('500053');
  });
});

describe('bookmark.list', () => {
  it('answers 50027 when assetIdIn is empty or missing', () => {
    const state = freshState();
    const expected = { code: '50027', message: 'Argument [filter.assetIdIn] cannot be empty' };
    expect(call(state, demo1, 'bookmark.list', { filter: { assetIdIn: '' } }).error).toEqual(expected);
    expect(call(state, demo1, 'bookmark.list', { filter: {} }).error).toEqual(expected);
  });

  it('applies the visibility rule and orders by assetIdIn then user', () => {
    const state = freshState();
    const other = session('614002', 5001, 'demo1-tablet-2');
    call(state, demo1, 'bookmark.add', bookmark('480003', 30, 'HIT'));
    call(state, other, 'bookmark.add', bookmark('480003', 60, 'HIT'));
    call(state, other, 'bookmark.add', bookmark('480002', 10, 'HIT'));
    const byDefault = call(state, demo1, 'bookmark.list', { filter: { assetIdIn: '480003,480002' } }).value;
    expect(byDefault.objects.map((b: any) => [b.id, b.userId])).toEqual([['480003', '614001'], ['480003', '614002'], ['480002', '614002']]);
    expect(byDefault.totalCount).toBe(3);
    const byOther = call(state, demo1Second, 'bookmark.list', { filter: { assetIdIn: '480002,480003', orderBy: 'POSITION_DESC' } }).value;
    expect(byOther.objects.map((b: any) => b.position)).toEqual([60, 30, 10]);
  });
});

describe('favorites', () => {
  it('adds, keeps createDate on re-add, lists newest first, deletes idempotently', () => {
    const state = freshState();
    const added = call(state, demo1, 'favorite.add', { favorite: { assetId: 480002, extraData: 'a' } });
    expect(added.value).toEqual({ objectType: 'KalturaFavorite', assetId: 480002, extraData: 'a', createDate: baseTime });
    const again = call(state, demo1, 'favorite.add', { favorite: { assetId: '480002', extraData: 'b' } }, baseTime + 50);
    expect(again.value).toEqual({ objectType: 'KalturaFavorite', assetId: 480002, extraData: 'b', createDate: baseTime });
    const list = call(state, demo1, 'favorite.list', { filter: {} }).value;
    expect(list.objectType).toBe('KalturaFavoriteListResponse');
    expect(list.objects[0].assetId).toBe(480002);
    const dates = list.objects.map((f: any) => f.createDate);
    expect(dates).toEqual([...dates].sort((a: number, b: number) => b - a));
    expect(call(state, demo1, 'favorite.list', { filter: { mediaIdIn: '480002,1' } }).value.totalCount).toBe(1);
    expect(call(state, demo1, 'favorite.list', { filter: { mediaTypeEqual: 424 } }).value.objects.every((f: any) => f.assetId < 400000)).toBe(true);
    expect(call(state, demo1, 'favorite.delete', { id: 480002 }).value).toBe(true);
    expect(call(state, demo1, 'favorite.delete', { id: 480002 }).value).toBe(true);
    expect(call(state, demo1, 'favorite.add', { favorite: { assetId: 1 } }).error).toEqual({ code: '500007', message: 'Asset not found' });
  });
});

describe('assethistory.list', () => {
  it('lists the caller bookmarks newest first with status and day filters', () => {
    const state = freshState();
    call(state, demo1, 'bookmark.add', bookmark('480002', 10, 'HIT'));
    const all = call(state, demo1, 'assethistory.list', {}).value;
    expect(all.objectType).toBe('KalturaAssetHistoryListResponse');
    expect(all.objects[0]).toMatchObject({ objectType: 'KalturaAssetHistory', assetId: 480002, assetType: 'media', position: 10, watchedDate: baseTime, finishedWatching: false });
    expect(all.objects[0].duration).toBeGreaterThan(0);
    const own = catalog.bookmarks.filter((b) => b.userVendorId === '614001');
    expect(all.totalCount).toBe(own.length + 1);
    const done = call(state, demo1, 'assethistory.list', { filter: { statusEqual: 'DONE' } }).value;
    expect(done.objects.every((h: any) => h.finishedWatching)).toBe(true);
    const recent = call(state, demo1, 'assethistory.list', { filter: { daysLessThanOrEqual: 1 } }).value;
    expect(recent.objects.every((h: any) => h.watchedDate >= baseTime - 86400)).toBe(true);
    const paged = call(state, demo1, 'assethistory.list', { pager: { pageSize: 1, pageIndex: 2 } }).value;
    expect(paged.objects).toHaveLength(Math.min(1, Math.max(0, all.totalCount - 1)));
  });
});
