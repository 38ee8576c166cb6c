import type { PlatformPort, PlatformRequest } from '../../../../src/translate/platform-port';
import type { TranslateContext } from '../../../../src/translate/translator';
import { playbackTranslators } from '../../../../src/translate/playback/playback-translators';
import { ids, store } from '../catalog/catalog-fixture';

/** A platform stand-in answering items from the platform-sim store and a fixed authorisation. */
function fakePlatform(authorization: { status: number; body: unknown }): { port: PlatformPort; calls: PlatformRequest[] } {
  const calls: PlatformRequest[] = [];
  const port: PlatformPort = {
    call: (request) => {
      calls.push(request);
      if (request.path.startsWith('/catalog/v1/items/')) {
        const entry = store.byId.get(request.path.slice('/catalog/v1/items/'.length));
        return Promise.resolve(entry ? { status: 200, body: JSON.parse(entry.item.json) as unknown } : { status: 404, body: { code: 'not_found' } });
      }
      return Promise.resolve(authorization);
    },
    callAsClient: () => Promise.reject(new Error('not used')),
  };
  return { port, calls };
}

function context(port: PlatformPort, params: Record<string, unknown>): TranslateContext {
  return { params, session: null, nowSec: 0, apiBaseUrl: 'http://lab.test/api_v3', partnerId: 3197, platform: port, ids, sessions: {} as TranslateContext['sessions'] };
}

const run = (ctx: TranslateContext) => (playbackTranslators['asset.getplaybackcontext'] as { run(c: TranslateContext): Promise<unknown> }).run(ctx);

describe('asset.getPlaybackContext translator', () => {
  it('looks an item kind up once, then authorises directly', async () => {
    const { port, calls } = fakePlatform({ status: 200, body: { itemId: 'x', context: 'playback', decision: 'deny', denyReason: 'concurrency_limit', sources: [] } });
    const params = { assetId: '360002', assetType: 'media' };
    await run(context(port, params));
    const second = await run(context(port, params));
    expect(calls.map((c) => c.path)).toEqual(['/catalog/v1/items/' + String(ids.toPlatform('asset', 360002)), '/playback/v1/authorizations', '/playback/v1/authorizations']);
    expect(second).toMatchObject({ ok: true, value: { messages: [{ code: 'ConcurrencyLimitation' }] } });
  });

  it('answers 500007 for a channel asked as epg without authorising', async () => {
    const { port, calls } = fakePlatform({ status: 500, body: {} });
    expect(await run(context(port, { assetId: '360003', assetType: 'epg' }))).toMatchObject({ ok: false, error: { code: '500007', message: 'Asset not found' } });
    expect(calls.some((c) => c.path === '/playback/v1/authorizations')).toBe(false);
  });

  it('throws on an unexpected platform status (the runner answers error 1)', async () => {
    const { port } = fakePlatform({ status: 503, body: { code: 'unavailable' } });
    await expect(run(context(port, { assetId: '360004' }))).rejects.toThrow(/playback.authorize answered 503/);
  });
});
