 
import { frozenLabClock } from '../../support/lab-clock';
import { loadCatalog } from '../../../src/sim/catalog/load-catalog';
import { playbackOperations } from '../../../src/sim/vendor-sim/playback/playback-operations';
import type { SimSession } from '../../../src/sim/vendor-sim/sim-operation';
import { createVendorSimState, type VendorSimState } from '../../../src/sim/vendor-sim/state';

const catalog = loadCatalog();
const baseTime = catalog.demo.baseTime;
const apiBase = 'http://lab.test/v4_6/api_v3';

function session(userId: string, householdId: number, udid: string, sessionId = `s-${udid}`): SimSession {
  const type = userId === '0' ? 'anonymous' : 'user';
  return { ks: 'ks', partnerId: 3197, userId, householdId, udid, type, expiry: baseTime + 1000, createDate: baseTime, sessionId };
}
const anonymous = session('0', 0, '', 'anon');
const demo1 = session('614001', 5001, 'demo1-stb-1');
const demo2 = session('614003', 5002, 'demo2-stb-1');

function freshState(): VendorSimState {
  return createVendorSimState(catalog, frozenLabClock());
}

function playback(state: VendorSimState, who: SimSession | null, params: Record<string, unknown>, nowSec = baseTime): any {
  return playbackOperations['asset.getplaybackcontext']!.run({ params, session: who, state, nowSec, apiBaseUrl: apiBase });
}

const ok = { objectType: 'KalturaAccessControlMessage', code: 'OK', message: 'OK' };
const block = [{ objectType: 'KalturaAccessControlBlockAction', type: 'BLOCK' }];

describe('asset.getPlaybackContext', () => {
  it('gives a free asset to an anonymous caller with playManifest URLs and DRM (lab rules "Sources")', () => {
    const out = playback(freshState(), anonymous, { assetId: '480001', assetType: 'MEDIA', contextDataParams: { objectType: 'KalturaPlaybackContextOptions', context: 'PLAYBACK' } });
    expect(out.ok).toBe(true);
    const ctx = out.value;
    expect(ctx).toMatchObject({ objectType: 'KalturaPlaybackContext', actions: [], messages: [ok], playbackCaptions: [], plugins: [] });
    expect(ctx.sources.map((s: any) => [s.id, s.format, s.type])).toEqual([
      [210001, 'applehttp', 'HLS_Main'],
      [210002, 'applehttp', 'HLS_FairPlay'],
      [210003, 'mpegdash', 'DASH_Main_DRM'],
      [210004, 'url', 'MP4_Mobile'],
    ]);
    expect(ctx.sources[0]).toMatchObject({
      objectType: 'KalturaPlaybackSource',
      assetId: 480001,
      protocols: 'http,https',
      isTokenized: false,
      drm: [],
      url: `${apiBase}/service/assetFile/action/playManifest/partnerId/3197/assetId/480001/assetType/media/assetFileId/210001/contextType/PLAYBACK/a.m3u8`,
    });
    expect(ctx.sources[1].drm).toEqual([
      { objectType: 'KalturaFairPlayPlaybackPluginData', scheme: 'FAIRPLAY', licenseURL: 'https://drm.lab.understudy.test/fairplay/license?fileId=210002', certificate: 'LAB-FAIRPLAY-CERT' },
    ]);
    expect(ctx.sources[2].drm.map((d: any) => [d.objectType, d.scheme])).toEqual([
      ['KalturaDrmPlaybackPluginData', 'WIDEVINE_CENC'],
      ['KalturaDrmPlaybackPluginData', 'PLAYREADY_CENC'],
    ]);
    expect(ctx.sources[2].url).toMatch(/\/a\.mpd$/);
    expect(ctx.sources[3].url).toMatch(/\/a\.mp4$/);
  });

  it('honours urlType DIRECT, assetFileIds and streamerType; ignores referrer and a missing objectType', () => {
    const state = freshState();
    const direct = playback(state, anonymous, { assetId: 480001, assetType: 'media', contextDataParams: { urlType: 'direct', assetFileIds: '210003,210004', streamerType: 'MPEGDASH', referrer: 'x', extra: 1 } });
    expect(direct.value.sources.map((s: any) => [s.id, s.url])).toEqual([[210003, catalog.vodAssets[0]!.files[2]!.cdnUrl]]);
    const none = playback(state, anonymous, { assetId: 480001, assetType: 'media', contextDataParams: { assetFileIds: '999' } });
    expect(none.value).toMatchObject({ sources: [], actions: [], messages: [ok] });
  });

  it('blocks a sold asset with NotEntitled, allows it to an entitled household', () => {
    const state = freshState();
    const params = { assetId: '480008', assetType: 'media', contextDataParams: { context: 'PLAYBACK' } };
    const blocked = playback(state, demo2, params).value;
    expect(blocked).toMatchObject({ sources: [], actions: block, messages: [{ objectType: 'KalturaAccessControlMessage', code: 'NotEntitled', message: 'Not entitled' }] });
    expect(playback(state, anonymous, params).value.messages[0].code).toBe('NotEntitled');
    const allowed = playback(state, demo1, params).value;
    expect(allowed.messages).toEqual([ok]);
    expect(allowed.sources.length).toBeGreaterThan(0);
  });

  it('treats every file as free for TRAILER', () => {
    const out = playback(freshState(), anonymous, { assetId: '480008', assetType: 'media', contextDataParams: { context: 'TRAILER' } }).value;
    expect(out.messages).toEqual([ok]);
    expect(out.sources[0].url).toContain('/contextType/TRAILER/');
  });

  it('blocks a new device over the household concurrency limit for 120 s', () => {
    const state = freshState();
    const first = session('614004', 5003, 'demo3-stb-1');
    const second = session('614004', 5003, 'demo3-phone');
    const params = { assetId: '480002', assetType: 'media', contextDataParams: { context: 'PLAYBACK' } };
    expect(playback(state, first, params).value.messages).toEqual([ok]);
    expect(playback(state, first, params, baseTime + 60).value.messages).toEqual([ok]);
    const blocked = playback(state, second, params, baseTime + 100).value;
    expect(blocked).toMatchObject({ sources: [], actions: block, messages: [{ code: 'ConcurrencyLimitation', message: 'Concurrency limitation' }] });
    expect(playback(state, second, params, baseTime + 180).value.messages).toEqual([ok]);
    // A KS without a udid counts by its session id.
    expect(playback(state, session('614004', 5003, '', 'sess-x'), params, baseTime + 181).value.messages[0].code).toBe('ConcurrencyLimitation');
  });

  it('plays a programme through its channel files with assetType epg', () => {
    const program = catalog.programs.find((p) => p.channelVendorId === 360001)!;
    const out = playback(freshState(), anonymous, { assetId: String(program.vendorId), assetType: 'epg', contextDataParams: { context: 'CATCHUP' } }).value;
    expect(out.sources.map((s: any) => s.id)).toEqual([290001, 290002]);
    expect(out.sources[0].url).toContain(`/assetId/${program.vendorId}/assetType/epg/assetFileId/290001/contextType/CATCHUP/a.m3u8`);
  });

  it('answers 500007 for unknown assets and kind mismatches', () => {
    const state = freshState();
    for (const params of [{ assetId: '1', assetType: 'media' }, { assetId: '480001', assetType: 'epg' }]) {
      expect(playback(state, anonymous, { ...params, contextDataParams: {} }).error).toEqual({ code: '500007', message: 'Asset not found' });
    }
  });

  it('answers 3039 for a recording the caller\'s household does not have (docs/lab-rules.md "Cloud DVR")', () => {
    expect(playback(freshState(), anonymous, { assetId: '480001', assetType: 'recording', contextDataParams: {} }).error).toEqual({ code: '3039', message: 'Recording not found' });
  });
});

describe('assetFile.playManifest', () => {
  const run = (params: Record<string, unknown>): any =>
    playbackOperations['assetfile.playmanifest']!.run({ params, session: null, state: freshState(), nowSec: baseTime, apiBaseUrl: apiBase });

  it('redirects to the CDN URL of the file', () => {
    expect(run({ partnerId: '3197', assetId: '480001', assetType: 'media', assetFileId: '210001', contextType: 'PLAYBACK' }).value).toEqual({ redirectTo: catalog.vodAssets[0]!.files[0]!.cdnUrl });
  });

  it('answers 500007 for an unknown file', () => {
    expect(run({ assetFileId: '1' }).error.code).toBe('500007');
    expect(run({}).error.code).toBe('500007');
  });
});
