import { loadCatalog } from '../../../src/sim/catalog/load-catalog';
import { startVendorCdnOrigin, type VendorCdnOrigin } from '../../../src/sim/cdn/vendor-cdn-server';
import { listManifestReferences, manifestKindOf } from '../../../src/media/manifest-references';
import { mapOriginUrl } from '../../../src/upstream/media-origin-client';

const catalog = loadCatalog();
let origin: VendorCdnOrigin;

beforeAll(async () => {
  origin = await startVendorCdnOrigin(catalog);
});
afterAll(() => origin.close());

async function get(url: string): Promise<{ status: number; body: Buffer }> {
  const res = await fetch(mapOriginUrl(url, { [origin.catalogHost]: origin.url }));
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

describe('the lab vendor CDN origin', () => {
  it('stands for the catalogue host', () => {
    expect(origin.catalogHost).toBe(new URL(catalog.vodAssets[0]!.files[0]!.cdnUrl).host);
  });

  it('serves every object each kind of manifest names, at the catalogue URL', async () => {
    const formats = new Map(catalog.fileTypes.map((t) => [t.id, t.format]));
    const picked = ['applehttp', 'mpegdash', 'url'].map((format) => catalog.vodAssets.flatMap((a) => a.files).find((f) => formats.get(f.fileTypeId) === format)!);
    for (const file of picked) {
      const queue = [file.cdnUrl];
      let fetched = 0;
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        const answer = await get(url);
        expect(answer.status).toBe(200);
        fetched++;
        const kind = manifestKindOf(url);
        if (kind === 'progressive') continue;
        const names = listManifestReferences(kind, answer.body.toString(), 100);
        if (!names.ok) throw new Error(names.error);
        queue.push(...names.value.map((n) => new URL(n, url).href));
      }
      expect(fetched).toBeGreaterThanOrEqual(formats.get(file.fileTypeId) === 'url' ? 1 : 4);
    }
  });

  it('answers 404 for a path no file holds and applies a defect', async () => {
    const url = catalog.vodAssets[0]!.files[0]!.cdnUrl;
    expect((await get(url.replace(/\/[^/]+$/, '/nope.ts'))).status).toBe(404);
    origin.setDefect(new URL(url).pathname, { kind: 'status', status: 404 });
    expect((await get(url)).status).toBe(404);
    origin.setDefect(new URL(url).pathname, undefined);
    expect((await get(url)).status).toBe(200);
  });
});
