/**
 * Read sub-calls of a multirequest that also writes (docs/shadow.md "Mixed multirequests"), over
 * the real sims: the request goes to the vendor whole and untouched; reads that saw nothing of its
 * writes are compared slot by slot, the others are counted as `write` drops, and a write without
 * tokens is compared by state once the sync applied it.
 */
import type { RunningUnderstudy } from '../../src/main';
import { readParity, startShadowLab } from '../support/shadow-lab';
import { loginAs, postVendorJson } from '../support/vendor-http';

let lab: RunningUnderstudy;
beforeAll(async () => {
  lab = await startShadowLab({ contractPercent: 100 });
}, 60_000);
afterAll(() => lab.close());

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

const operation = (name: string): Promise<any> => readParity(lab, name);

describe('a multirequest that reads and writes, shadowed', () => {
  it('compares the reads its writes cannot have changed, and only those', async () => {
    const ks = await loginAs(lab.url, 'demo3');
    const before = { favorites: (await operation('favorite.list')).report.samples, bookmarkDrops: (await operation('bookmark.list')).dropped.write, assetDrops: (await operation('asset.get')).dropped.write };
    const playerData = { objectType: 'KalturaBookmarkPlayerData', action: 'HIT', averageBitrate: 0, totalBitrate: 0, currentBitrate: 0 };
    const answer = await postVendorJson(lab.url, '/api_v3/service/multirequest', {
      ks,
      apiVersion: '7.8.1',
      '1': { service: 'favorite', action: 'list', filter: { objectType: 'KalturaFavoriteFilter' } },
      '2': { service: 'bookmark', action: 'add', bookmark: { objectType: 'KalturaBookmark', id: '480007', type: 'media', context: 'PLAYBACK', position: 42, playerData } },
      '3': { service: 'favorite', action: 'list', filter: { objectType: 'KalturaFavoriteFilter' } },
      '4': { service: 'bookmark', action: 'list', filter: { objectType: 'KalturaBookmarkFilter', assetIdIn: '480007', assetTypeEqual: 'media' } },
      '5': { service: 'asset', action: 'get', id: '480001', assetReferenceType: 'media', ks: '{2:result}' },
    });
    expect(answer.json.result[1]).toBe(true);
    expect(answer.json.result[3].objects.map((b: any) => b.position)).toContain(42);
    const favorites = await operation('favorite.list');
    expect(favorites.report.samples).toBe(before.favorites + 2);
    expect(favorites.topFields).toEqual([]);
    expect(favorites.report.contractViolations).toMatchObject({ primary: 0, candidate: 0 });
    expect((await operation('bookmark.list')).dropped.write).toBe(before.bookmarkDrops + 1);
    expect((await operation('asset.get')).dropped.write).toBe(before.assetDrops + 1);
    const written = await until(() => operation('bookmark.add'), (o) => o.report.samples >= 1);
    expect({ samples: written.report.samples, compared: written.compared, reported: written.topFields }).toEqual({ samples: 1, compared: 'state', reported: [] });
  }, 60_000);

  it('compares nothing of a read that takes a write result through a token, and still watches a token-free write', async () => {
    const ks = await loginAs(lab.url, 'demo3');
    const drops = (await operation('favorite.list')).dropped.write;
    const watching = lab.shadow.states!.waiting();
    const answer = await postVendorJson(lab.url, '/api_v3/service/multirequest', {
      ks,
      '1': { service: 'favorite', action: 'add', favorite: { objectType: 'KalturaFavorite', assetId: 480008 } },
      '2': { service: 'favorite', action: 'list', filter: { objectType: 'KalturaFavoriteFilter', mediaIdIn: '{1:result:assetId}' } },
    });
    expect(answer.json.result[1].objects.map((f: any) => f.assetId)).toEqual([480008]);
    expect((await operation('favorite.list')).dropped.write).toBe(drops + 1);
    expect(lab.shadow.states!.waiting() + (await operation('favorite.add')).report.samples).toBeGreaterThan(watching);
  }, 60_000);
});
