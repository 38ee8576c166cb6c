/**
 * Wiring of the media library (issue 18, docs/media.md): the runtime (origin, bucket, company CDN,
 * state store), the verified set refreshed from the store every `media.refreshMs` (so `media verify`
 * sending a file back to `failed` takes it off storage playback within a refresh), the facade's
 * playback hook, the admin routes and the metrics. Media is on when the configuration has a `media`
 * section (any `UNDERSTUDY_MEDIA_*` variable makes one) unless `media.enabled` is false.
 */
import type { Registry } from 'prom-client';
import type { UnderstudyConfig } from '../config/config-types';
import type { Upstreams } from '../lab';
import type { PolicyHolder } from '../policy/policy-holder';
import type { KsDecoder } from '../phoenix/ks-decoder';
import type { Store } from '../store';
import type { FacadeLogger } from '../metrics/logger';
import { corsHeaders } from '../http/cors';
import type { AdminFeatureRoutes } from '../http/admin-app';
import { mediaAdminRoutes } from '../http/admin-media-routes';
import { createMediaPlaybackHook, type MediaPlaybackHook } from '../http/media-playback-hook';
import { createMediaMetrics, type MediaMetrics } from '../metrics/media-metrics';
import { mediaFileStates } from '../media/media-ports';
import { migrateLibrary } from '../media/migrate-library';
import { createBufferedPassthrough } from '../upstream/buffered-passthrough';
import type { CircuitBreaker } from '../upstream/circuit-breaker';
import type { UpstreamObserver } from '../upstream/upstream-observer';
import type { UpstreamErrorKind } from '../upstream/upstream-error';
import { openMediaRuntime, type MediaRuntime } from './media-runtime';
import { isMediaEnabled } from '../config/media-config';

export interface MediaParts {
  readonly runtime: MediaRuntime;
  readonly hook: MediaPlaybackHook;
  readonly adminRoutes: AdminFeatureRoutes;
  readonly banner: readonly string[];
  /** Re-reads the verified set now (tests; the timer does it every `media.refreshMs`). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

export interface MediaInput {
  readonly config: UnderstudyConfig;
  readonly store: Store;
  readonly upstreams: Upstreams;
  readonly policy: PolicyHolder;
  readonly decodeKs: KsDecoder;
  readonly registry: Registry;
  readonly publicBaseUrl: () => string;
  readonly logger: FacadeLogger;
  /** The vendor breaker and observer of the streaming passthrough: passed-through playback calls share them. */
  readonly vendor?: { readonly breaker: CircuitBreaker; readonly observer: UpstreamObserver };
}

function startMigrationRunner(runtime: MediaRuntime, metrics: MediaMetrics, refresh: () => Promise<void>, logger: FacadeLogger): { start: (selection: { all: true } | { assets: readonly number[] }) => boolean; running: () => boolean; idle: () => Promise<void> } {
  let current: Promise<void> | undefined;
  const start = (selection: { all: true } | { assets: readonly number[] }): boolean => {
    if (current !== undefined) return false;
    const files = runtime.inventory('assets' in selection ? selection.assets : undefined);
    current = migrateLibrary({ files, concurrency: runtime.media.copy.concurrency, dryRun: false, onFile: (_d, _t, outcome) => outcome?.reason !== undefined && metrics.recordFailure(outcome.reason) }, runtime.copyContext((bytes) => metrics.addCopiedBytes(bytes)))
      .then((result) => logger.info({ event: 'media_migrated', files: result.files, verified: result.verified, failed: result.failed, uploadedBytes: result.uploadedBytes }, 'media migration finished'))
      .catch((error: unknown) => logger.warn({ event: 'media_migration_failed', error: error instanceof Error ? error.message : String(error) }, 'media migration stopped'))
      .then(refresh)
      .finally(() => (current = undefined));
    return true;
  };
  return { start, running: () => current !== undefined, idle: () => current ?? Promise.resolve() };
}

/** Builds the media parts, or nothing when media is off. */
export async function composeMedia(input: MediaInput): Promise<MediaParts | undefined> {
  const { config } = input;
  // Registered either way: docs/observability.md lists every family a running instance exports.
  const metrics = createMediaMetrics(input.registry);
  if (!isMediaEnabled(config)) return undefined;
  const runtime = await openMediaRuntime(config, input.store, input.upstreams.vendorCdn);
  let verified: ReadonlyMap<number, string> = new Map();
  const refresh = async (): Promise<void> => {
    verified = await runtime.store.verifiedFolders();
    const status = await runtime.store.summarise(0);
    for (const state of mediaFileStates) metrics.setFiles(state, status.files[state]);
  };
  await refresh();
  const timer = setInterval(() => void refresh().catch(() => undefined), runtime.media.refreshMs);
  timer.unref();
  const vendor = input.vendor === undefined ? {} : { breaker: input.vendor.breaker, observer: input.vendor.observer, onUpstreamError: (kind: UpstreamErrorKind) => input.vendor?.observer.onError(kind) };
  const passthrough = createBufferedPassthrough({ vendorUrl: input.upstreams.vendorUrl, timeoutMs: config.vendor.timeoutMs, failureHeaders: (req) => corsHeaders(req), ...vendor });
  const hook = createMediaPlaybackHook({
    policy: () => input.policy.current().policy, decodeKs: input.decodeKs, verified: () => verified,
    cdnBaseUrl: runtime.cdnBaseUrl, tokenSecret: runtime.media.cdn.tokenSecret, tokenTtlSeconds: runtime.media.cdn.tokenTtlSeconds,
    nowMs: Date.now, publicBaseUrl: input.publicBaseUrl, passthrough, onDecision: (d) => metrics.recordDecision(d), onFallback: (reason) => metrics.recordFallback(reason),
  });
  const runner = startMigrationRunner(runtime, metrics, refresh, input.logger);
  return {
    runtime, hook, refresh, banner: runtime.banner,
    adminRoutes: mediaAdminRoutes({ status: () => runtime.store.summarise(100), startMigration: runner.start, running: runner.running }),
    close: async () => {
      clearInterval(timer);
      await runner.idle();
      await passthrough.close();
      await runtime.close();
    },
  };
}
