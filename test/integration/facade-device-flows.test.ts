/**
 * The flows real clients run (brief §8), against the facade with the platform doing the work:
 * playkit's player multirequest anonymous and with a KS (§8.2), its sequential mode (§8.3), OTT
 * analytics bookmark.add (§8.4), the native client's session flows (§8.5), and a device that logged
 * in on the vendor continuing on the facade with the same KS.
 */
import { validateVendorResponse } from '../../src/contract/response-validator';
import type { RunningUnderstudy } from '../../src/main';
import { startVendorSim, type VendorSim } from '../../src/sim/vendor-sim/vendor-sim-server';
import { frozenLabClock, startFacadeLab } from '../support/facade-lab';
import { loginAs, postVendorJson } from '../support/vendor-http';

let facade: RunningUnderstudy;
let vendor: VendorSim;

beforeAll(async () => {
  const clock = frozenLabClock();
  facade = await startFacadeLab({ clock });
  vendor = await startVendorSim({ clock });
}, 60_000);
afterAll(async () => {
  await vendor.close();
  await facade.close();
});

const playbackOptions = { objectType: 'KalturaPlaybackContextOptions', context: 'PLAYBACK' };
const post = (path: string, body: unknown) => postVendorJson(facade.url, `/v4_6/api_v3${path}`, body);

function slots(answer: { json: any }): any[] {
  expect(validateVendorResponse('multirequest', answer.json)).toEqual([]);
  return answer.json.result;
}

describe('brief §8 flows through the facade', () => {
  it('§8.2 anonymous player multirequest: login, asset, playback context chained by {1:result:ks}', async () => {
    const answer = await post('/service/multirequest', {
      '1': { service: 'ottuser', action: 'anonymousLogin', partnerId: 3197 },
      '2': { service: 'asset', action: 'get', id: '480001', assetReferenceType: 'media', ks: '{1:result:ks}' },
      '3': { service: 'asset', action: 'getPlaybackContext', assetId: '480001', assetType: 'media', contextDataParams: playbackOptions, ks: '{1:result:ks}' },
      apiVersion: '7.8.1',
      partnerId: 3197,
    });
    const [login, asset, context] = slots(answer);
    expect(typeof login.ks).toBe('string');
    expect(asset.objectType).toBe('KalturaMediaAsset');
    expect(asset.metas).toEqual(expect.any(Object));
    expect(asset.tags).toEqual(expect.any(Object));
    expect(context.objectType).toBe('KalturaPlaybackContext');
    expect(context.messages[0].code).toBe('OK');
    for (const source of context.sources) expect(['applehttp', 'mpegdash', 'url']).toContain(source.format);
  });

  it('§8.2 with a KS, Android order (context before asset), no objectType on the options', async () => {
    const ks = await loginAs(facade.url, 'demo1');
    const answer = await post('/service/multirequest', {
      '1': { service: 'asset', action: 'getPlaybackContext', assetId: 480001, assetType: 'MEDIA', contextDataParams: { context: 'PLAYBACK', referrer: 'app://x' }, ks },
      '2': { service: 'asset', action: 'get', id: 480001, assetReferenceType: 'media', ks },
      ks,
      clientTag: 'android-7',
      apiVersion: '7.8.1',
    });
    const [context, asset] = slots(answer);
    expect(context.sources.length).toBeGreaterThan(0);
    expect(asset.id).toBe(480001);
  });

  it('§8.3 sequential mode: the same three calls one by one', async () => {
    const login = await post('/service/ottuser/action/anonymousLogin', { apiVersion: '7.8.1', partnerId: 3197 });
    const ks = login.json.result.ks;
    const asset = await post('/service/asset/action/get', { apiVersion: '7.8.1', id: '480001', assetReferenceType: 'media', ks });
    expect(asset.json.result.objectType).toBe('KalturaMediaAsset');
    const context = await post('/service/asset/action/getPlaybackContext', { apiVersion: '7.8.1', assetId: '480001', assetType: 'media', contextDataParams: playbackOptions, ks });
    expect(validateVendorResponse('asset.getPlaybackContext', context.json)).toEqual([]);
  });

  it('§8.4 bookmark.add with a float position answers {"result": true}', async () => {
    const ks = await loginAs(facade.url, 'demo1', 'demo1-stb-1');
    const answer = await post('/service/bookmark/action/add', {
      apiVersion: '7.8.1',
      ks,
      bookmark: { objectType: 'KalturaBookmark', id: '480001', type: 'media', context: 'PLAYBACK', position: 12.37, playerData: { objectType: 'KalturaBookmarkPlayerData', action: 'HIT', averageBitrate: 0, totalBitrate: 0, currentBitrate: 0, fileId: '210001' } },
    });
    expect(answer.json.result).toBe(true);
  });

  it('§8.5 native flows: anonymous + session.get, login + session.get, refresh, logout', async () => {
    const anonymous = slots(await post('/service/multirequest', { '1': { service: 'ottUser', action: 'anonymousLogin', partnerId: 3197, udid: 'stb-42' }, '2': { service: 'session', action: 'get', ks: '{1:result:ks}' } }));
    expect(anonymous[1]).toMatchObject({ objectType: 'KalturaSession', userId: '0', udid: 'stb-42' });
    const login = slots(await post('/service/multirequest', { '1': { service: 'ottUser', action: 'login', partnerId: 3197, username: 'demo1', password: 'demo1-pass', udid: 'demo1-stb-1' }, '2': { service: 'session', action: 'get', ks: '{1:result:loginSession:ks}' } }));
    expect(login[1]).toMatchObject({ objectType: 'KalturaSession', userId: '614001', udid: 'demo1-stb-1' });
    const refreshed = slots(await post('/service/multirequest', { '1': { service: 'ottUser', action: 'refreshSession', refreshToken: login[0].loginSession.refreshToken, ks: login[0].loginSession.ks }, '2': { service: 'session', action: 'get', ks: '{1:result:ks}' } }));
    expect(refreshed[1].userId).toBe('614001');
    const logout = await post('/service/ottUser/action/logout', { ks: refreshed[0].ks });
    expect(logout.json.result).toBe(true);
    const after = await post('/service/ottuser/action/get', { ks: refreshed[0].ks });
    expect(after.json.result.error.code).toBe('500016');
  });

  it('accepts a KS the vendor issued: a device logged in on the vendor continues on the facade', async () => {
    const vendorKs = await loginAs(vendor.url, 'demo1');
    const user = await post('/service/ottuser/action/get', { ks: vendorKs });
    expect(user.json.result).toMatchObject({ objectType: 'KalturaOTTUser', id: '614001' });
    const facadeKs = await loginAs(facade.url, 'demo1');
    const onVendor = await postVendorJson(vendor.url, '/api_v3/service/ottuser/action/get', { ks: facadeKs });
    expect(onVendor.json.result.id).toBe('614001');
  });
});
