 
import { frozenLabClock } from '../../support/lab-clock';
import { loadCatalog } from '../../../src/sim/catalog/load-catalog';
import { catalogOperations } from '../../../src/sim/vendor-sim/catalog/catalog-operations';
import type { SimSession } from '../../../src/sim/vendor-sim/sim-operation';
import { createVendorSimState, type VendorSimState } from '../../../src/sim/vendor-sim/state';

const catalog = loadCatalog();
const baseTime = catalog.demo.baseTime;
const anonymous: SimSession = { ks: 'ks', partnerId: 3197, userId: '0', householdId: 0, udid: '', type: 'anonymous', expiry: baseTime + 1000, createDate: baseTime, sessionId: 'anon' };

function freshState(): VendorSimState {
  return createVendorSimState(catalog, frozenLabClock());
}

async function call(operation: string, params: Record<string, unknown>, state = freshState()): Promise<any> {
  const spec = catalogOperations[operation];
  if (spec === undefined) throw new Error(`no ${operation}`);
  return spec.run({ params, session: anonymous, state, nowSec: baseTime, apiBaseUrl: 'http://lab.test/api_v3' });
}

describe('asset.get', () => {
  it('serialises a VOD asset as KalturaMediaAsset (brief §5.2)', async () => {
    const out = await call('asset.get', { id: 480001, assetReferenceType: 'MEDIA' });
    expect(out.ok).toBe(true);
    const asset = out.value;
    expect(asset).toMatchObject({
      objectType: 'KalturaMediaAsset',
      id: 480001,
      type: 421,
      name: 'The Electric Harbour',
      externalIds: '0',
      entryId: '',
      status: true,
      inheritancePolicy: 'Enable',
      indexStatus: 'Ok',
      relatedEntities: {},
      enableTrickPlay: false,
      multilingualName: [{ objectType: 'KalturaTranslationToken', language: 'eng', value: 'The Electric Harbour' }],
    });
    expect(asset.metas.Year).toEqual({ objectType: 'KalturaDoubleValue', value: 1994 });
    expect(asset.metas.Rating).toEqual({ objectType: 'KalturaStringValue', value: 'R' });
    expect(asset.metas.IsHD).toEqual({ objectType: 'KalturaBooleanValue', value: false });
    expect(asset.tags.Genre).toEqual({
      objectType: 'KalturaMultilingualStringValueArray',
      objects: [
        { objectType: 'KalturaMultilingualStringValue', value: 'Documentary' },
        { objectType: 'KalturaMultilingualStringValue', value: 'War' },
      ],
    });
    expect(asset.images[0]).toMatchObject({ objectType: 'KalturaMediaImage', id: '1000001', ratio: '16x9', isDefault: true });
    expect(asset.mediaFiles.map((f: any) => [f.objectType, f.id, f.type, f.typeId, f.assetId])).toEqual([
      ['KalturaMediaFile', 210001, 'HLS_Main', 1, 480001],
      ['KalturaMediaFile', 210002, 'HLS_FairPlay', 4, 480001],
      ['KalturaMediaFile', 210003, 'DASH_Main_DRM', 3, 480001],
      ['KalturaMediaFile', 210004, 'MP4_Mobile', 5, 480001],
    ]);
    expect(asset.mediaFiles[0].url).toMatch(/^https:\/\/cdn\.lab\.understudy\.test\//);
    expect(asset.epgId).toBeUndefined();
  });

  it('answers the same bytes for the same catalogue', async () => {
    const a = await call('asset.get', { id: '480001', assetReferenceType: 'media' });
    const b = await call('asset.get', { id: '480001', assetReferenceType: 'media' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('serialises a channel as KalturaLiveAsset with a positive externalIds', async () => {
    const out = await call('asset.get', { id: '360001', assetReferenceType: 'media' });
    expect(out.value).toMatchObject({ objectType: 'KalturaLiveAsset', type: 424, typeDescription: 'Linear', externalIds: '1001', channelType: 'OTT' });
    expect(typeof out.value.enableTrickPlay).toBe('boolean');
  });

  it('finds programmes only as epg_internal / epg_external', async () => {
    const program = catalog.programs[0]!;
    const epg = await call('asset.get', { id: String(program.vendorId), assetReferenceType: 'epg_internal' });
    expect(epg.value).toMatchObject({ objectType: 'KalturaProgramAsset', type: 0, epgId: program.epgId, linearAssetId: program.channelVendorId, mediaFiles: [] });
    expect((await call('asset.get', { id: program.vendorId, assetReferenceType: 'epg_external' })).ok).toBe(true);
    expect((await call('asset.get', { id: program.vendorId, assetReferenceType: 'media' })).error).toEqual({ code: '500007', message: 'Asset not found' });
  });

  it('answers 500007 for unknown ids, non-numeric ids and npvr', async () => {
    for (const params of [{ id: '1', assetReferenceType: 'media' }, { id: 'abc' }, { id: '480001', assetReferenceType: 'npvr' }, { id: '480001', assetReferenceType: 'nPVR' }]) {
      expect((await call('asset.get', params)).error).toEqual({ code: '500007', message: 'Asset not found' });
    }
  });
});

describe('asset.list', () => {
  it('lists one channel day of programmes (brief §5.2 EPG example)', async () => {
    const from = baseTime;
    const to = baseTime + 6 * 3600;
    const filter = { objectType: 'KalturaSearchAssetFilter', typeIn: '0', orderBy: 'START_DATE_ASC', kSql: `(and epg_channel_id='1001' start_date>='${from}' end_date<='${to}')` };
    const out = await call('asset.list', { filter, pager: { pageSize: 500 } });
    const expected = catalog.programs.filter((p) => p.epgChannelId === 1001 && p.startDate >= from && p.endDate <= to).sort((a, b) => a.startDate - b.startDate);
    expect(out.value.objectType).toBe('KalturaAssetListResponse');
    expect(out.value.totalCount).toBe(expected.length);
    expect(out.value.objects.map((o: any) => o.id)).toEqual(expected.map((p) => p.vendorId).slice(0, 50));
    expect(out.value.objects.every((o: any) => o.objectType === 'KalturaProgramAsset')).toBe(true);
  });

  it('pages 1-based with default 25 and counts every match', async () => {
    const first = await call('asset.list', { filter: { typeIn: '421' } });
    const second = await call('asset.list', { filter: { typeIn: '421' }, pager: { pageIndex: 2, pageSize: 0 } });
    const movies = catalog.vodAssets.filter((a) => a.mediaTypeId === 421).map((a) => a.vendorId).sort((a, b) => a - b);
    expect(first.value.totalCount).toBe(movies.length);
    expect(first.value.objects.map((o: any) => o.id)).toEqual(movies.slice(0, 25));
    expect(second.value.objects.map((o: any) => o.id)).toEqual(movies.slice(25, 50));
  });

  it('orders by name and lists channels by the linear type', async () => {
    const out = await call('asset.list', { filter: { typeIn: '424', orderBy: 'NAME_DESC' }, pager: { pageSize: 50 } });
    const names = catalog.channels.map((c) => c.name).sort().reverse();
    expect(out.value.objects.map((o: any) => o.name)).toEqual(names);
  });

  it('answers 4004 for a KSQL syntax error', async () => {
    expect((await call('asset.list', { filter: { kSql: "(and name='x'" } })).error).toEqual({ code: '4004', message: 'Syntax error' });
  });

  it('lists a derived collection (KalturaChannelFilter), 4018 when unknown', async () => {
    const out = await call('asset.list', { filter: { objectType: 'KalturaChannelFilter', idEqual: 700001 }, pager: { pageSize: 50 } });
    const genre = [...new Set(catalog.vodAssets.flatMap((a) => a.tags.Genre ?? []))].sort()[0]!;
    const members = catalog.vodAssets.filter((a) => (a.tags.Genre ?? []).includes(genre));
    expect(out.value.totalCount).toBe(members.length);
    const names = out.value.objects.map((o: any) => o.name);
    expect(names).toEqual([...names].sort());
    expect((await call('asset.list', { filter: { objectType: 'KalturaChannelFilter', idEqual: 799999 } })).error.code).toBe('4018');
  });

  it('lists related VOD by shared genres (KalturaRelatedFilter)', async () => {
    const source = catalog.vodAssets[0]!;
    const out = await call('asset.list', { filter: { objectType: 'KalturaRelatedFilter', idEqual: source.vendorId }, pager: { pageSize: 50 } });
    expect(out.value.totalCount).toBeGreaterThan(0);
    for (const o of out.value.objects) {
      expect(o.type).toBe(source.mediaTypeId);
      expect(o.id).not.toBe(source.vendorId);
    }
    expect((await call('asset.list', { filter: { objectType: 'KalturaRelatedFilter', idEqual: 1 } })).error.code).toBe('500007');
  });
});
