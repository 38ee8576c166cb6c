/**
 * Storage playback end to end (issue 18 "Done when"): after a copy, with `media.default: storage`,
 * the playManifest 302 and the DIRECT sources lead to the company CDN; every segment the manifest
 * names answers the origin's bytes; a changed or expired token answers 403; `killSwitch.media` puts
 * the device back on the vendor's CDN. Both for calls passed through to the vendor and for calls the
 * platform answers.
 */
import { validateVendorResponse } from '../../../src/contract/response-validator';
import type { RunningUnderstudy } from '../../../src/main';
import { migrateLibrary } from '../../../src/media/migrate-library';
import { tokenizedUrl } from '../../../src/media/cdn-token';
import { listManifestReferences, manifestKindOf } from '../../../src/media/manifest-references';
import { loadCatalog } from '../../../src/sim/catalog/load-catalog';
import { mapOriginUrl } from '../../../src/upstream/media-origin-client';
import { frozenLabClock, startFacadeLab } from '../../support/facade-lab';
import { loginAs, postVendorJson, sendVendorRequest } from '../../support/vendor-http';

const catalog = loadCatalog();
const asset = catalog.vodAssets.find((a) => a.vendorId === 480001)!;
let facade: RunningUnderstudy;

beforeAll(async () => {
  facade = await startFacadeLab({ clock: frozenLabClock(), overrides: { media: { enabled: true } } });
  const runtime = facade.media!.runtime;
  const result = await migrateLibrary({ files: runtime.inventory([asset.vendorId]), concurrency: 2, dryRun: false }, runtime.copyContext());
  expect(result.failed).toBe(0);
  await facade.media!.refresh();
}, 60_000);
afterAll(() => facade.close());

function usePolicy(doc: Record<string, unknown>): void {
  const applied = facade.routing.policy.replace({ salt: 'media-test', ...doc }, 'test');
  if (!applied.ok) throw new Error(applied.error.join('; '));
}

async function originBytes(url: string): Promise<Buffer> {
  const res = await fetch(mapOriginUrl(url, facade.media!.runtime.originHosts));
  return Buffer.from(await res.arrayBuffer());
}

/** Fetches a CDN manifest and everything it names, comparing each object to the origin's bytes. */
async function expectSameAsOrigin(cdnUrl: string, vendorUrl: string): Promise<number> {
  const queue: [string, string][] = [[cdnUrl, vendorUrl]];
  let objects = 0;
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const [cdn, vendor] = next;
    const res = await fetch(cdn);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(await originBytes(vendor))).toBe(true);
    objects++;
    const kind = manifestKindOf(new URL(cdn).pathname);
    if (kind === 'progressive') continue;
    const names = listManifestReferences(kind, bytes.toString(), 100);
    if (!names.ok) throw new Error(names.error);
    for (const name of names.value) queue.push([new URL(name, cdn).href, new URL(name, vendor).href]);
  }
  return objects;
}

function playManifestPath(fileId: number): string {
  return `/api_v3/service/assetFile/action/playManifest/partnerId/3197/assetId/${asset.vendorId}/assetType/media/assetFileId/${fileId}/contextType/PLAYBACK/a.m3u8`;
}

async function playbackSources(urlType: 'DIRECT' | 'PLAYMANIFEST'): Promise<{ id: number; url: string }[]> {
  const ks = await loginAs(facade.url, 'demo1');
  const answer = await postVendorJson(facade.url, '/api_v3/service/asset/action/getPlaybackContext', { apiVersion: '7.8.1', assetId: String(asset.vendorId), assetType: 'media', contextDataParams: { objectType: 'KalturaPlaybackContextOptions', context: 'PLAYBACK', urlType }, ks });
  expect(validateVendorResponse('asset.getPlaybackContext', answer.json)).toEqual([]);
  return answer.json.result.sources;
}

describe.each([
  ['passed through to the vendor', {}],
  ['answered by the platform', { defaultTarget: 'platform' }],
])('storage playback, %s', (_name, routing) => {
  it('302s every file to the company CDN, whose objects are the origin bytes', async () => {
    usePolicy({ ...routing, media: { default: 'storage' } });
    for (const file of asset.files) {
      const answer = await sendVendorRequest(facade.url, playManifestPath(file.vendorId));
      expect(answer.status).toBe(302);
      const location = answer.headers.get('location')!;
      expect(location.startsWith(`${facade.media!.runtime.cdnBaseUrl}/t/`)).toBe(true);
      expect(await expectSameAsOrigin(location, file.cdnUrl)).toBeGreaterThanOrEqual(1);
    }
  });

  it('points DIRECT sources at the CDN and playManifest sources at understudy', async () => {
    usePolicy({ ...routing, media: { default: 'storage' } });
    for (const source of await playbackSources('DIRECT')) {
      expect(source.url.startsWith(`${facade.media!.runtime.cdnBaseUrl}/t/`)).toBe(true);
      await expectSameAsOrigin(source.url, asset.files.find((f) => f.vendorId === source.id)!.cdnUrl);
    }
    for (const source of await playbackSources('PLAYMANIFEST')) {
      expect(source.url.startsWith(`${facade.url}/`)).toBe(true);
      const followed = await fetch(source.url);
      expect(followed.status).toBe(200);
      expect(followed.url.startsWith(`${facade.media!.runtime.cdnBaseUrl}/t/`)).toBe(true);
    }
  });

  it('goes back to the vendor CDN with killSwitch.media', async () => {
    usePolicy({ ...routing, media: { default: 'storage' }, killSwitch: { media: true } });
    const file = asset.files[0]!;
    expect((await sendVendorRequest(facade.url, playManifestPath(file.vendorId))).headers.get('location')).toBe(file.cdnUrl);
    for (const source of await playbackSources('DIRECT')) expect(source.url).toBe(asset.files.find((f) => f.vendorId === source.id)!.cdnUrl);
  });
});

describe('the in-process CDN token check', () => {
  it('answers 403 for a changed token and for an expired one', async () => {
    usePolicy({ media: { default: 'storage' } });
    const file = asset.files[0]!;
    const location = (await sendVendorRequest(facade.url, playManifestPath(file.vendorId))).headers.get('location')!;
    expect((await fetch(location)).status).toBe(200);
    const at = location.indexOf('/t/') + 3;
    const changed = location.slice(0, at) + (location[at] === 'A' ? 'B' : 'A') + location.slice(at + 1);
    expect((await fetch(changed)).status).toBe(403);
    const folder = new URL(file.cdnUrl).pathname.slice(1).replace(/[^/]+$/, '');
    const expired = tokenizedUrl(facade.media!.runtime.cdnBaseUrl, folder, 'master.m3u8', Math.floor(Date.now() / 1000) - 1, facade.media!.runtime.media.cdn.tokenSecret);
    expect((await fetch(expired)).status).toBe(403);
  });

  it('leaves files that are not verified on the vendor CDN', async () => {
    usePolicy({ media: { default: 'storage' } });
    const other = catalog.vodAssets.find((a) => a.vendorId !== asset.vendorId && a.files.length > 0)!.files[0]!;
    const path = playManifestPath(other.vendorId);
    expect((await sendVendorRequest(facade.url, path)).headers.get('location')).toBe(other.cdnUrl);
  });
});

describe('the media admin API', () => {
  const admin = (path: string, init: RequestInit = {}): Promise<Response> => fetch(`${facade.adminUrl}${path}`, { ...init, headers: { authorization: `Bearer ${facade.adminToken}`, 'content-type': 'application/json' } });

  it('starts a migration with 202, reports files by state, refuses a bad body with 400', async () => {
    expect((await admin('/admin/media/migrate', { method: 'POST', body: '{"assets": ["x"]}' })).status).toBe(400);
    const other = catalog.vodAssets.find((a) => a.vendorId !== asset.vendorId && a.files.length > 0)!;
    expect((await admin('/admin/media/migrate', { method: 'POST', body: JSON.stringify({ assets: [other.vendorId] }) })).status).toBe(202);
    let status: { files: Record<string, number>; migrating: boolean } = { files: {}, migrating: true };
    for (let i = 0; i < 300 && status.migrating; i++) {
      status = (await (await admin('/admin/media')).json()) as typeof status;
      if (status.migrating) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status.files.verified).toBe(asset.files.length + other.files.length);
    expect(status.files.failed).toBe(0);
    const metrics = await (await admin('/metrics')).text();
    expect(metrics).toMatch(/understudy_media_files\{state="verified"\} \d+/);
    expect(metrics).toMatch(/understudy_media_decisions_total\{source="storage",reason="default"\} \d+/);
  });
});
