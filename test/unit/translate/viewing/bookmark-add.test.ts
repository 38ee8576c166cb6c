import { bookmarkAdd } from '../../../../src/translate/viewing/bookmark-add';
import type { PlatformReply, PlatformRequest } from '../../../../src/translate/platform-port';
import type { TranslateContext } from '../../../../src/translate/translator';

const vodItem = '00000000-0000-4000-8000-000000480002';

function contextWith(params: Record<string, unknown>, progressReply: PlatformReply, seen: PlatformRequest[] = []): TranslateContext {
  const call = (request: PlatformRequest): Promise<PlatformReply> => {
    seen.push(request);
    if (request.method === 'GET') return Promise.resolve({ status: 200, body: { id: vodItem, kind: 'vod' } });
    return Promise.resolve(progressReply);
  };
  return {
    params,
    ids: { toPlatform: (_kind: string, id: string | number) => (String(id) === '480002' ? vodItem : undefined), toVendor: () => undefined, allocateVendorId: () => Promise.resolve('') },
    platform: { call, callAsClient: call },
  } as unknown as TranslateContext;
}

const bookmark = (extra: Record<string, unknown> = {}) => ({ bookmark: { id: '480002', type: 'media', position: 12.9, playerData: { action: 'play' }, ...extra } });

describe('bookmark.add translation', () => {
  it('writes floored progress with the lower-case action and answers true', async () => {
    const seen: PlatformRequest[] = [];
    const outcome = await bookmarkAdd.run(contextWith(bookmark(), { status: 200, body: {} }, seen));
    expect(outcome).toEqual({ ok: true, value: true });
    expect(seen.at(-1)).toEqual({ method: 'PUT', path: `/user-data/v1/progress/${vodItem}`, body: { positionSeconds: 12, itemKind: 'media', action: 'play' } });
  });

  it('maps 409 concurrency_limit to 4001', async () => {
    const outcome = await bookmarkAdd.run(contextWith(bookmark(), { status: 409, body: { code: 'concurrency_limit' } }));
    expect(outcome).toMatchObject({ ok: false, error: { code: '4001' } });
  });

  it('answers 4024 for a VOD asset bookmarked as epg without writing', async () => {
    const seen: PlatformRequest[] = [];
    const outcome = await bookmarkAdd.run(contextWith(bookmark({ type: 'epg', id: '480002' }), { status: 200, body: {} }, seen));
    expect(outcome).toMatchObject({ ok: false, error: { code: '4024' } });
    expect(seen.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('throws on an unexpected platform status (the runner answers error 1)', async () => {
    await expect(bookmarkAdd.run(contextWith(bookmark(), { status: 503, body: null }))).rejects.toThrow(/503/);
  });
});
