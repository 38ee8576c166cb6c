/**
 * Every VOD a demo viewer may play, played from storage (issue 18 "Done when"): the catalogue (a
 * slice in CI; MEDIA_PLAY_ASSETS=all the whole of it, `npm run check:media-play-all`) is copied to
 * the lab bucket; with `media.default: storage` each demo viewer asks getPlaybackContext for every
 * asset, passed through to the vendor and answered by the platform: each source it gets (the files it may play) is followed through playManifest and
 * as DIRECT URL to the company CDN, and the manifest and every object it names must be the origin's
 * bytes; the manifest URL with a changed token and an expired one answer 403. With killSwitch.media
 * a sample of files leads to the vendor's CDN again.
 */
import type { CatalogVodAsset } from '../../../src/core/catalog';
import type { RunningUnderstudy } from '../../../src/main';
import { migrateLibrary } from '../../../src/media/migrate-library';
import { loadCatalog } from '../../../src/sim/catalog/load-catalog';
import { frozenLabClock, startFacadeLab } from '../../support/facade-lab';
import { emptyTally, expiredUrl, playFromCdn, tamperToken, type PlayTally } from '../../support/media-play-check';
import { labDemo, loginAs, postVendorJson, sendVendorRequest } from '../../support/vendor-http';

// A slice keeps CI short on a shared machine; MEDIA_PLAY_ASSETS=all plays the whole catalogue.
const whole = process.env.MEDIA_PLAY_ASSETS === 'all';
const catalog = loadCatalog();
const formats = new Map(catalog.fileTypes.map((t) => [t.id, t.format]));
const assets = whole ? catalog.vodAssets : catalog.vodAssets.slice(0, Number(process.env.MEDIA_PLAY_ASSETS ?? 8));
const files = new Map(assets.flatMap((a) => a.files.map((f) => [f.vendorId, { file: f, format: formats.get(f.fileTypeId) ?? 'url' }] as const)));
const timeoutMs = whole ? 1_800_000 : 120_000;
let facade: RunningUnderstudy;

beforeAll(async () => {
  facade = await startFacadeLab({ clock: frozenLabClock(), overrides: { media: { enabled: true }, edge: { rateLimits: { enabled: false } } } });
  const runtime = facade.media!.runtime;
  const result = await migrateLibrary({ files: runtime.inventory(assets.map((a) => a.vendorId)), concurrency: 4, dryRun: false }, runtime.copyContext());
  expect({ verified: result.verified, failed: result.failed }).toEqual({ verified: files.size, failed: 0 });
  await facade.media!.refresh();
}, timeoutMs);
afterAll(() => facade.close());

function usePolicy(doc: Record<string, unknown>): void {
  const applied = facade.routing.policy.replace({ salt: 'media-play-all', ...doc }, 'test');
  if (!applied.ok) throw new Error(applied.error.join('; '));
}

async function sourcesOf(ks: string, asset: CatalogVodAsset, urlType: 'DIRECT' | 'PLAYMANIFEST'): Promise<{ id: number; url: string }[]> {
  const answer = await postVendorJson(facade.url, '/api_v3/service/asset/action/getPlaybackContext', { apiVersion: '7.8.1', assetId: String(asset.vendorId), assetType: 'media', contextDataParams: { objectType: 'KalturaPlaybackContextOptions', context: 'PLAYBACK', urlType }, ks });
  const sources: unknown = answer.json?.result?.sources;
  if (!Array.isArray(sources)) throw new Error(`getPlaybackContext ${asset.vendorId}: ${answer.text.slice(0, 300)}`);
  return sources as { id: number; url: string }[];
}

/** Runs `work` over `items` with at most `width` at a time. */
async function eachLimited<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/** One asset for one viewer: both source kinds, every source played and its token checked. */
async function playAsset(ks: string, asset: CatalogVodAsset, tally: PlayTally, mine: number[]): Promise<void> {
  const runtime = facade.media!.runtime;
  const direct = await sourcesOf(ks, asset, 'DIRECT');
  const viaManifest = await sourcesOf(ks, asset, 'PLAYMANIFEST');
  expect(viaManifest.map((s) => s.id)).toEqual(direct.map((s) => s.id));
  for (const [i, source] of viaManifest.entries()) {
    const { file, format } = files.get(source.id)!;
    const redirect = await sendVendorRequest(facade.url, new URL(source.url).pathname);
    expect(redirect.status).toBe(302);
    const location = await playFromCdn(source.url, runtime.cdnBaseUrl, file.vendorId, format, tally);
    expect(redirect.headers.get('location')!.replace(/\/t\/[^/]+\/\d+\//, '/')).toBe(location.replace(/\/t\/[^/]+\/\d+\//, '/'));
    await playFromCdn(direct[i]!.url, runtime.cdnBaseUrl, file.vendorId, format, tally);
    for (const refused of [tamperToken(location), expiredUrl(runtime.cdnBaseUrl, file.cdnUrl, runtime.media.cdn.tokenSecret)]) {
      expect((await fetch(refused)).status).toBe(403);
      tally.refusals++;
    }
    mine.push(file.vendorId);
  }
}

// Both ways a device's call is answered: passed through to the vendor, and answered by the platform.
describe.each([
  ['passed through to the vendor', {}],
  ['answered by the platform', { defaultTarget: 'platform' }],
] as const)('every VOD a demo viewer may play, from storage, %s', (_how, routing) => {
  const played = new Map<string, number[]>();
  it('plays every source of every asset from the company CDN with the origin bytes; forged and expired tokens answer 403', async () => {
    usePolicy({ ...routing, media: { default: 'storage' } });
    const started = Date.now();
    const tally = emptyTally();
    for (const account of labDemo().accounts) {
      const ks = await loginAs(facade.url, account.username, `media-play-all-${account.username}`);
      const mine: number[] = [];
      await eachLimited(assets, 4, (asset) => playAsset(ks, asset, tally, mine));
      played.set(account.username, mine);
    }
    const summary = { viewers: played.size, viewerFiles: tally.files / 2, distinctFiles: new Set([...played.values()].flat()).size, catalogueFiles: files.size, objects: tally.objects, bytes: tally.bytes, refusals: tally.refusals, seconds: (Date.now() - started) / 1000 };
    process.stdout.write(`media-play-all: ${JSON.stringify(summary)}\n`);
    expect(summary.viewerFiles).toBeGreaterThan(0);
    expect(tally.refusals).toBe(2 * summary.viewerFiles);
  }, timeoutMs);

  it('leads a sample of the same calls back to the vendor CDN with killSwitch.media', async () => {
    usePolicy({ ...routing, media: { default: 'storage' }, killSwitch: { media: true } });
    for (const account of labDemo().accounts) {
      const ks = await loginAs(facade.url, account.username, `media-play-all-${account.username}`);
      for (const asset of assets.filter((a) => a.files.some((f) => played.get(account.username)?.includes(f.vendorId))).slice(0, 5)) {
        for (const source of await sourcesOf(ks, asset, 'DIRECT')) expect(source.url).toBe(files.get(source.id)!.file.cdnUrl);
        for (const source of await sourcesOf(ks, asset, 'PLAYMANIFEST')) {
          expect((await sendVendorRequest(facade.url, new URL(source.url).pathname)).headers.get('location')).toBe(files.get(source.id)!.file.cdnUrl);
        }
      }
    }
  }, timeoutMs);
});
