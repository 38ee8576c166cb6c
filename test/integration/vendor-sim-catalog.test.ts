import { frozenLabClock } from '../support/lab-clock';
import { validateVendorResponse } from '../../src/contract/response-validator';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { loginAs, postVendorJson } from '../support/vendor-http';

const catalog = loadCatalog();
const { baseTime } = catalog.demo;
let sim: VendorSim;
let ks: string;

beforeAll(async () => {
  sim = await startVendorSim({ catalog, clock: frozenLabClock() });
  ks = await loginAs(sim.url, 'anonymous');
});
afterAll(() => sim.close());

describe('asset.get over HTTP', () => {
  it.each([
    ['480001', 'media', 'KalturaMediaAsset'],
    ['360005', 'media', 'KalturaLiveAsset'],
    [String(catalog.programs[10]!.vendorId), 'epg_internal', 'KalturaProgramAsset'],
  ])('%s as %s → %s, valid against the contract', async (id, assetReferenceType, objectType) => {
    const answer = await postVendorJson(sim.url, '/api_v3/service/asset/action/get', { ks, id, assetReferenceType, apiVersion: '7.8.1' });
    expect(answer.json.result.objectType).toBe(objectType);
    expect(validateVendorResponse('asset.get', answer.json)).toEqual([]);
  });

  it('unknown → 500007 "Asset not found"', async () => {
    const answer = await postVendorJson(sim.url, '/api_v3/service/asset/action/get', { ks, id: '42', assetReferenceType: 'media' });
    expect(answer.json.result.error).toEqual({ objectType: 'KalturaAPIException', code: '500007', message: 'Asset not found' });
    expect(validateVendorResponse('asset.get', answer.json)).toEqual([]);
  });

  it('the same request gives the same bytes (apart from executionTime)', async () => {
    const strip = (text: string) => text.replace(/"executionTime":[0-9.e-]+/, '');
    const a = await postVendorJson(sim.url, '/api_v3/service/asset/action/get', { ks, id: '480010', assetReferenceType: 'media' });
    const b = await postVendorJson(sim.url, '/api_v3/service/asset/action/get', { ks, id: '480010', assetReferenceType: 'media' });
    expect(strip(a.text)).toBe(strip(b.text));
  });
});

describe('asset.list over HTTP', () => {
  it('lists an EPG window, a collection and related assets, all valid', async () => {
    const filters = [
      { objectType: 'KalturaSearchAssetFilter', typeIn: '0', orderBy: 'START_DATE_ASC', kSql: `(and epg_channel_id='1002' start_date>='${baseTime}' end_date<='${baseTime + 86400}')` },
      { objectType: 'KalturaChannelFilter', idEqual: 700002, kSql: "Country!='Italy'" },
      { objectType: 'KalturaRelatedFilter', idEqual: 480001, typeIn: '421' },
      { objectType: 'KalturaSearchAssetFilter', kSql: "(or name^'the' Genre='Comedy')", orderBy: 'VIEWS_DESC' },
    ];
    for (const filter of filters) {
      const answer = await postVendorJson(sim.url, '/api_v3/service/asset/action/list', { ks, filter, pager: { objectType: 'KalturaFilterPager', pageIndex: 1, pageSize: 10 } });
      expect(validateVendorResponse('asset.list', answer.json)).toEqual([]);
      expect(answer.json.result.totalCount).toBeGreaterThan(0);
      expect(answer.json.result.objects.length).toBeLessThanOrEqual(10);
    }
  });

  it('answers 4004 for a malformed kSql', async () => {
    const answer = await postVendorJson(sim.url, '/api_v3/service/asset/action/list', { ks, filter: { objectType: 'KalturaSearchAssetFilter', kSql: "(and name='x' (or" } });
    expect(answer.json.result.error).toMatchObject({ code: '4004' });
  });
});
