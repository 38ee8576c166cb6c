import { frozenLabClock } from '../support/lab-clock';
import { validateVendorResponse } from '../../src/contract/response-validator';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { loginAs, postVendorJson } from '../support/vendor-http';

const catalog = loadCatalog();
const { baseTime } = catalog.demo;
let sim: VendorSim;

beforeAll(async () => {
  sim = await startVendorSim({ catalog, clock: frozenLabClock() });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

/** The playkit ottAnalytics body (brief §8.4). */
function analytics(ks: string, action: string, position: number): Record<string, unknown> {
  return {
    apiVersion: '7.8.1',
    ks,
    bookmark: { objectType: 'KalturaBookmark', type: 'MEDIA', context: 'PLAYBACK', id: '480002', position, playerData: { objectType: 'KalturaBookmarkPlayerData', action, averageBitrate: 0, totalBitrate: 0, currentBitrate: 0, fileId: '210005' } },
  };
}

describe('OTT analytics = bookmark.add (brief §8.4)', () => {
  it('answers {result: true} to a float position and lists it truncated', async () => {
    const ks = await loginAs(sim.url, 'demo1', 'demo1-stb-1');
    const answer = await postVendorJson(sim.url, '/api_v3/service/bookmark/action/add', analytics(ks, 'HIT', 12.37));
    expect(answer.status).toBe(200);
    expect(answer.json.result).toBe(true);
    expect(validateVendorResponse('bookmark.add', answer.json)).toEqual([]);
    const list = await postVendorJson(sim.url, '/api_v3/service/bookmark/action/list', { ks, filter: { objectType: 'KalturaBookmarkFilter', assetIdIn: '480002' } });
    expect(validateVendorResponse('bookmark.list', list.json)).toEqual([]);
    expect(list.json.result.objects).toEqual([expect.objectContaining({ id: '480002', position: 12, userId: '614001', positionOwner: 'user' })]);
  });

  it('answers the string code "4001" when a second device exceeds the limit', async () => {
    const stb = await loginAs(sim.url, 'demo3', 'demo3-stb-1');
    const phone = await loginAs(sim.url, 'demo3', 'demo3-phone');
    expect((await postVendorJson(sim.url, '/api_v3/service/bookmark/action/add', analytics(stb, 'PLAY', 1))).json.result).toBe(true);
    const refused = await postVendorJson(sim.url, '/api_v3/service/bookmark/action/add', analytics(phone, 'FIRST_PLAY', 1));
    expect(refused.status).toBe(200);
    expect(refused.json.result.error).toEqual({ objectType: 'KalturaAPIException', code: '4001', message: 'Concurrency limitation' });
    expect(validateVendorResponse('bookmark.add', refused.json)).toEqual([]);
  });

  it('needs a user session (anonymous → 500004)', async () => {
    const ks = await loginAs(sim.url, 'anonymous');
    const answer = await postVendorJson(sim.url, '/api_v3/service/bookmark/action/add', analytics(ks, 'HIT', 1));
    expect(answer.json.result.error.code).toBe('500004');
  });
});

describe('bookmark.list, favorites, asset history over HTTP', () => {
  it('answers 50027 for an empty assetIdIn', async () => {
    const ks = await loginAs(sim.url, 'demo1');
    const answer = await postVendorJson(sim.url, '/api_v3/service/bookmark/action/list', { ks, filter: { assetIdIn: '' } });
    expect(answer.json.result.error).toMatchObject({ code: '50027', message: 'Argument [filter.assetIdIn] cannot be empty' });
  });

  it('adds, lists and deletes a favorite; lists asset history', async () => {
    const ks = await loginAs(sim.url, 'demo2');
    const added = await postVendorJson(sim.url, '/api_v3/service/favorite/action/add', { ks, favorite: { objectType: 'KalturaFavorite', assetId: 480003, extraData: 'row=1' } });
    expect(validateVendorResponse('favorite.add', added.json)).toEqual([]);
    const list = await postVendorJson(sim.url, '/api_v3/service/favorite/action/list', { ks, filter: { objectType: 'KalturaFavoriteFilter', orderBy: 'CREATE_DATE_DESC' } });
    expect(validateVendorResponse('favorite.list', list.json)).toEqual([]);
    expect(list.json.result.objects[0]).toEqual({ objectType: 'KalturaFavorite', assetId: 480003, extraData: 'row=1', createDate: baseTime });
    const deleted = await postVendorJson(sim.url, '/api_v3/service/favorite/action/delete', { ks, id: 480003 });
    expect(deleted.json.result).toBe(true);
    expect(validateVendorResponse('favorite.delete', deleted.json)).toEqual([]);
    const history = await postVendorJson(sim.url, '/api_v3/service/assethistory/action/list', { ks, filter: { objectType: 'KalturaAssetHistoryFilter', statusEqual: 'all' }, pager: { pageSize: 5 } });
    expect(validateVendorResponse('assethistory.list', history.json)).toEqual([]);
    expect(history.json.result.objectType).toBe('KalturaAssetHistoryListResponse');
  });
});
