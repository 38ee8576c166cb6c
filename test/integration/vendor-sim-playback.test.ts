import { frozenLabClock } from '../support/lab-clock';
import { validateVendorResponse } from '../../src/contract/response-validator';
import { loadCatalog } from '../../src/sim/catalog/load-catalog';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { loginAs, postVendorJson, sendVendorRequest } from '../support/vendor-http';

const catalog = loadCatalog();
const { partnerId } = catalog.demo;
let sim: VendorSim;

beforeAll(async () => {
  sim = await startVendorSim({ catalog, clock: frozenLabClock() });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const playOptions = { objectType: 'KalturaPlaybackContextOptions', context: 'PLAYBACK' };

describe('playkit getMediaConfig multirequest (brief §8.2)', () => {
  it('anonymous: login, asset.get and getPlaybackContext through {1:result:ks}', async () => {
    const body = {
      '1': { service: 'ottuser', action: 'anonymousLogin', partnerId },
      '2': { service: 'asset', action: 'get', id: '480002', assetReferenceType: 'media', ks: '{1:result:ks}' },
      '3': { service: 'asset', action: 'getPlaybackContext', assetId: '480002', assetType: 'media', contextDataParams: playOptions, ks: '{1:result:ks}' },
      apiVersion: '7.8.1',
      partnerId,
    };
    const answer = await postVendorJson(sim.url, '/v4_6/api_v3//service/multirequest', body);
    expect(answer.status).toBe(200);
    expect(validateVendorResponse('multirequest', answer.json)).toEqual([]);
    const [login, asset, context] = answer.json.result;
    expect(typeof login.ks).toBe('string');
    expect(asset).toMatchObject({ objectType: 'KalturaMediaAsset', id: 480002, metas: expect.any(Object), tags: expect.any(Object), images: expect.any(Array) });
    expect(context.objectType).toBe('KalturaPlaybackContext');
    expect(context.messages).toEqual([{ objectType: 'KalturaAccessControlMessage', code: 'OK', message: 'OK' }]);
    expect(context.sources[0].url).toBe(`${sim.url}/v4_6/api_v3/service/assetFile/action/playManifest/partnerId/${partnerId}/assetId/480002/assetType/media/assetFileId/210005/contextType/PLAYBACK/a.m3u8`);
    for (const source of context.sources) expect(['applehttp', 'mpegdash', 'url']).toContain(source.format);
  });

  it('with a KS: asset.get then getPlaybackContext; the Android order and no objectType also work', async () => {
    const ks = await loginAs(sim.url, 'demo1', 'demo1-stb-1');
    const body = {
      '1': { service: 'asset', action: 'getPlaybackContext', assetId: 480008, assetType: 'MEDIA', contextDataParams: { context: 'PLAYBACK', mediaProtocol: 'https', referrer: 'app://tv' }, ks },
      '2': { service: 'asset', action: 'get', id: 480008, assetReferenceType: 'media', ks },
      apiVersion: '7.8.1',
      ks,
      clientTag: 'android',
    };
    const answer = await postVendorJson(sim.url, '/api_v3/service/multirequest', body);
    expect(validateVendorResponse('multirequest', answer.json)).toEqual([]);
    const [context, asset] = answer.json.result;
    expect(context.messages[0].code).toBe('OK');
    expect(context.sources.length).toBeGreaterThan(0);
    expect(asset.id).toBe(480008);
  });
});

describe('sequential mode (brief §8.3)', () => {
  it('runs the three calls one by one', async () => {
    const login = await postVendorJson(sim.url, '/api_v3/service/ottuser/action/anonymousLogin', { apiVersion: '7.8.1', partnerId });
    const ks = login.json.result.ks as string;
    const asset = await postVendorJson(sim.url, '/api_v3/service/asset/action/get', { apiVersion: '7.8.1', id: '360001', assetReferenceType: 'media', ks });
    expect(validateVendorResponse('asset.get', asset.json)).toEqual([]);
    expect(asset.json.result.objectType).toBe('KalturaLiveAsset');
    const context = await postVendorJson(sim.url, '/api_v3/service/asset/action/getPlaybackContext', { apiVersion: '7.8.1', assetId: '360001', assetType: 'media', contextDataParams: playOptions, ks });
    expect(validateVendorResponse('asset.getplaybackcontext', context.json)).toEqual([]);
    expect(context.json.result.messages[0].code).toBe('OK');
  });
});

describe('blocked playback (brief §5.3)', () => {
  it('NotEntitled for an anonymous caller on a sold asset', async () => {
    const ks = await loginAs(sim.url, 'anonymous');
    const answer = await postVendorJson(sim.url, '/api_v3/service/asset/action/getPlaybackContext', { assetId: '480008', assetType: 'media', contextDataParams: playOptions, ks });
    expect(validateVendorResponse('asset.getplaybackcontext', answer.json)).toEqual([]);
    expect(answer.json.result).toMatchObject({ sources: [], actions: [{ objectType: 'KalturaAccessControlBlockAction', type: 'BLOCK' }], messages: [{ code: 'NotEntitled', message: 'Not entitled' }] });
  });

  it('ConcurrencyLimitation for a second device of a household with limit 1', async () => {
    const first = await loginAs(sim.url, 'demo3', 'demo3-stb-1');
    const second = await loginAs(sim.url, 'demo3', 'demo3-phone');
    const play = (ks: string) => postVendorJson(sim.url, '/api_v3/service/asset/action/getPlaybackContext', { assetId: '480002', assetType: 'media', contextDataParams: playOptions, ks });
    expect((await play(first)).json.result.messages[0].code).toBe('OK');
    const blocked = await play(second);
    expect(validateVendorResponse('asset.getplaybackcontext', blocked.json)).toEqual([]);
    expect(blocked.json.result).toMatchObject({ sources: [], actions: [{ type: 'BLOCK' }], messages: [{ code: 'ConcurrencyLimitation', message: 'Concurrency limitation' }] });
  });
});

describe('assetFile.playManifest (brief §1.6)', () => {
  it('redirects 302 to the CDN from a getPlaybackContext URL', async () => {
    const ks = await loginAs(sim.url, 'anonymous');
    const context = await postVendorJson(sim.url, '/api_v3/service/asset/action/getPlaybackContext', { assetId: '480002', assetType: 'media', contextDataParams: playOptions, ks });
    const url = new URL(context.json.result.sources[0].url as string);
    const answer = await sendVendorRequest(sim.url, url.pathname);
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe(catalog.vodAssets[1]!.files[0]!.cdnUrl);
  });

  it('answers an unknown file with a 200 envelope and 500007', async () => {
    const answer = await sendVendorRequest(sim.url, '/api_v3/service/assetFile/action/playManifest/partnerId/3197/assetId/1/assetType/media/assetFileId/1/contextType/PLAYBACK/a.m3u8');
    expect(answer.status).toBe(200);
    expect(answer.json.result.error).toMatchObject({ objectType: 'KalturaAPIException', code: '500007' });
  });
});
