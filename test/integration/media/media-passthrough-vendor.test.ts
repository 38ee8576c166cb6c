/**
 * Passed-through playback calls go through the one buffered passthrough (issue 18; docs/upstream.md
 * "Buffered passthrough"): with a media rule that can send devices to storage, `playManifest` is read
 * and rewritten, and still counts in the vendor passthrough metrics and feeds the vendor circuit
 * breaker like the streaming pipe — vendor 5xx answers open it, and an open breaker answers the
 * vendor error envelope without asking the vendor.
 */
import type { RunningUnderstudy } from '../../../src/main';
import { migrateLibrary } from '../../../src/media/migrate-library';
import { loadCatalog } from '../../../src/sim/catalog/load-catalog';
import { scrapeMetrics, sumSamples, TEST_ADMIN_TOKEN } from '../../support/admin-http';
import { frozenLabClock, startFacadeLab } from '../../support/facade-lab';
import { sendVendorRequest } from '../../support/vendor-http';

const asset = loadCatalog().vodAssets.find((a) => a.vendorId === 480001)!;
const file = asset.files[0]!;
let facade: RunningUnderstudy;

beforeAll(async () => {
  facade = await startFacadeLab({ clock: frozenLabClock(), overrides: { media: { enabled: true }, admin: { token: TEST_ADMIN_TOKEN } } });
  const runtime = facade.media!.runtime;
  const result = await migrateLibrary({ files: runtime.inventory([asset.vendorId]), concurrency: 2, dryRun: false }, runtime.copyContext());
  expect(result.failed).toBe(0);
  await facade.media!.refresh();
  const applied = facade.routing.policy.replace({ salt: 'media-passthrough', media: { default: 'storage' } }, 'test');
  if (!applied.ok) throw new Error(applied.error.join('; '));
}, 60_000);
afterAll(() => facade.close());

const other = loadCatalog().vodAssets.find((a) => a.vendorId !== asset.vendorId && a.files.length > 0)!;
const playManifest = (assetId = asset.vendorId, fileId = file.vendorId): ReturnType<typeof sendVendorRequest> =>
  sendVendorRequest(facade.url, `/api_v3/service/assetFile/action/playManifest/partnerId/3197/assetId/${assetId}/assetType/media/assetFileId/${fileId}/contextType/PLAYBACK/a.m3u8`);

const setVendorFaults = (faults: Record<string, number>): Promise<Response> =>
  fetch(`${facade.upstreams.vendorUrl}/__sim/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });

const vendorDurations = async (): Promise<number> =>
  sumSamples(await scrapeMetrics(facade.adminUrl), 'understudy_upstream_duration_seconds_count', { upstream: 'vendor', operation: 'assetfile.playmanifest' });

describe('the media passthrough', () => {
  it('rewrites the vendor 302 and counts the call in the vendor passthrough metrics', async () => {
    const before = await vendorDurations();
    const answer = await playManifest();
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')!.startsWith(`${facade.media!.runtime.cdnBaseUrl}/t/`)).toBe(true);
    expect(await vendorDurations()).toBe(before + 1);
  });

  it('keeps the vendor URL of a file decided storage but not verified, and counts the fallback', async () => {
    const fallbacks = async (): Promise<number> => sumSamples(await scrapeMetrics(facade.adminUrl), 'understudy_media_storage_fallbacks_total', { reason: 'not-verified' });
    const before = await fallbacks();
    const answer = await playManifest(other.vendorId, other.files[0]!.vendorId);
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe(other.files[0]!.cdnUrl);
    expect(await fallbacks()).toBe(before + 1);
  });

  it('feeds the vendor breaker: 5xx answers open it, then calls fail fast with the vendor envelope', async () => {
    await setVendorFaults({ errorRate: 1 });
    try {
      for (let i = 0; i < 30 && facade.routing.breakers.vendor.state() !== 'open'; i++) await playManifest();
    } finally {
      await setVendorFaults({ errorRate: 0 });
    }
    expect(facade.routing.breakers.vendor.state()).toBe('open');
    const samples = await scrapeMetrics(facade.adminUrl);
    expect(sumSamples(samples, 'understudy_upstream_errors_total', { upstream: 'vendor', kind: 'http_5xx' })).toBeGreaterThanOrEqual(10);
    expect(sumSamples(samples, 'understudy_breaker_state', { upstream: 'vendor' })).toBe(2);

    const refused = await playManifest();
    expect(refused.status).toBe(200);
    expect(refused.json).toMatchObject({ result: { error: { code: '1' } } });
    expect(sumSamples(await scrapeMetrics(facade.adminUrl), 'understudy_upstream_errors_total', { upstream: 'vendor', kind: 'breaker_open' })).toBeGreaterThanOrEqual(1);
  });
});
