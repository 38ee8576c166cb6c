import { chunksOf, fetchAllPages, problemCode } from '../../../../src/translate/viewing/platform-replies';
import type { PlatformRequest } from '../../../../src/translate/platform-port';
import type { TranslateContext } from '../../../../src/translate/translator';

function contextAnswering(pages: (offset: number) => { status: number; body: unknown }, seen: PlatformRequest[]): TranslateContext {
  const call = (request: PlatformRequest) => {
    seen.push(request);
    return Promise.resolve(pages(Number(request.query?.offset ?? 0)));
  };
  return { platform: { call, callAsClient: call } } as unknown as TranslateContext;
}

describe('platform reply helpers', () => {
  it('reads the problem code only from problem bodies', () => {
    expect(problemCode({ status: 409, body: { code: 'concurrency_limit' } })).toBe('concurrency_limit');
    expect(problemCode({ status: 200, body: [] })).toBeUndefined();
    expect(problemCode({ status: 500, body: null })).toBeUndefined();
  });

  it('splits id lists into chunks', () => {
    expect(chunksOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunksOf([], 2)).toEqual([]);
  });

  it('follows offsets until total and keeps the query', async () => {
    const seen: PlatformRequest[] = [];
    const ctx = contextAnswering((offset) => ({ status: 200, body: { items: offset === 0 ? new Array(500).fill('a') : ['b'], total: 501 } }), seen);
    const found = await fetchAllPages<string>(ctx, { method: 'GET', path: '/x', query: { sort: 'createdAt:asc' } });
    expect('items' in found && found.items.length).toBe(501);
    expect(seen.map((r) => r.query)).toEqual([
      { sort: 'createdAt:asc', offset: 0, limit: 500 },
      { sort: 'createdAt:asc', offset: 500, limit: 500 },
    ]);
  });

  it('hands a non-200 page back to the caller', async () => {
    const ctx = contextAnswering(() => ({ status: 403, body: { code: 'forbidden' } }), []);
    const found = await fetchAllPages(ctx, { method: 'GET', path: '/x' });
    expect('reply' in found && found.reply.status).toBe(403);
  });
});
