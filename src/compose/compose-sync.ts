/**
 * Wiring of the two-way sync (docs/architecture.md §4 "Sync", docs/sync.md): queue over the store's outbox,
 * capture hooks for the facade, workers applying to the vendor and the platform, the change-feed
 * follower, per-entity switches and the operator controls the admin routes and CLI use.
 */
import { randomBytes } from 'node:crypto';
import type { UnderstudyConfig } from '../config/config-types';
import type { Clock } from '../core/clock';
import type { IdMapper } from '../core/id-mapper';
import type { KsDecoder } from '../phoenix/ks-decoder';
import type { FacadeLogger } from '../metrics/logger';
import { createSyncHomeMetrics } from '../metrics/sync-home-metrics';
import { createSyncMetrics, type SyncMetrics } from '../metrics/sync-metrics';
import type { Store } from '../store';
import { SqlOutboxStore } from '../store/outbox-store';
import { SqlSyncAdminStore } from '../store/sync-admin-store';
import type { HomeScope } from '../store/sync-home-fence';
import { SqlSyncQueue } from '../store/sync-queue-store';
import { followFeedOnce } from '../sync/feed-follower';
import { HybridLogicalClock } from '../sync/hlc';
import { createSyncCapture, type SyncCapture } from '../sync/sync-capture';
import { startSyncLoop, type SyncLoop } from '../sync/sync-loop';
import { SyncStats } from '../sync/sync-stats';
import type { Registry } from 'prom-client';
import { createPlatformChangeFeed } from '../upstream/platform-change-feed';
import { createPlatformHttpClient } from '../upstream/platform-http-client';
import { PlatformTokenCache } from '../upstream/platform-token-cache';
import { createPlatformApplier } from '../upstream/sync-platform-applier';
import { createSyncKsMinter, createVendorApplier } from '../upstream/sync-vendor-applier';
import { createHouseholdDirectory } from '../upstream/household-directory';
import { createVendorCallClient } from '../upstream/vendor-call-client';
import { createPlatformDvrSide, createVendorDvrSide } from '../upstream/sync-dvr-sides';
import { withDvrApplier } from '../upstream/sync-recording-applier';
import { createPlatformListSide, createVendorListSide } from '../upstream/sync-list-sides';
import { withListApplier } from '../upstream/sync-list-applier';
import { SqlSyncLinks } from '../store/sync-link-store';
import { createFacadeHooks, type FacadeHooks } from './sync-facade-hooks';
import { createAppliedTap, type AppliedListener } from './sync-applied-tap';
import { createSyncSwitches, type SyncSwitches } from './sync-switches';
import { startRepeating } from './repeat';
import { createSyncReconciler, type SyncReconciler } from './sync-reconcile';
import { startSyncPruning } from './sync-pruning';

export interface SyncParts {
  readonly hooks: FacadeHooks;
  readonly queue: SqlSyncQueue;
  readonly admin: SqlSyncAdminStore;
  readonly outbox: SqlOutboxStore;
  readonly switches: SyncSwitches;
  readonly stats: SyncStats;
  readonly metrics: SyncMetrics;
  readonly capture: SyncCapture;
  readonly reconciler: SyncReconciler;
  readonly loop: SyncLoop;
  /** The sync's clock (the lab clock in the lab), epoch ms. */
  nowMs(): number;
  /** Reads one feed page now (tests, reconcile). */
  followFeed(): Promise<number>;
  /** Subscribes to changes the workers applied (shadow mode's comparison by state). */
  onApplied(this: void, listener: AppliedListener): void;
  close(): Promise<void>;
}

export interface SyncDeps {
  readonly config: UnderstudyConfig;
  readonly clock: Clock;
  readonly store: Store;
  readonly ids: IdMapper;
  readonly decodeKs: KsDecoder;
  readonly vendorUrl: string;
  readonly platformUrl: string;
  readonly registry: Registry;
  readonly logger: FacadeLogger;
}

/** Two sites splitting the sync by household (docs/sync-home-site.md), when `sync.homeSites` names them. */
function homeScope(config: UnderstudyConfig, registry: Registry): HomeScope | undefined {
  const onFenced = createSyncHomeMetrics(registry);
  const sites = config.sync.homeSites;
  if (sites === undefined) return undefined;
  if (!sites.includes(config.site.id)) throw new Error(`sync.homeSites ${JSON.stringify(sites)} must include this site (${config.site.id})`);
  return { site: config.site.id, sites, onFenced };
}

/** Builds and starts the sync; undefined when `sync.mode` is off. */
export async function composeSync(deps: SyncDeps): Promise<SyncParts | undefined> {
  const { config, clock, store, logger } = deps;
  if (config.sync.mode === 'off') return undefined;
  const outbox = new SqlOutboxStore(store.sql, { maxAttempts: config.sync.maxAttempts, clock });
  const queue = new SqlSyncQueue(store.sql, outbox, clock, config.sync.order, config.sync.claimDepth ?? 32, homeScope(config, deps.registry));
  const admin = new SqlSyncAdminStore(store.sql);
  const stats = new SyncStats();
  const metrics = createSyncMetrics(deps.registry, stats);
  const vendor = createVendorCallClient({ vendorUrl: deps.vendorUrl, timeoutMs: config.vendor.timeoutMs, connections: 64 });
  const platform = createPlatformHttpClient({ baseUrl: deps.platformUrl, timeoutMs: config.platform.timeoutMs, connections: 64 });
  const tokens = new PlatformTokenCache({ client: platform, clientId: config.platform.clientId, clientSecret: config.platform.clientSecret, clock, maxEntries: 10_000 });
  const vendorAccess = { vendor, partnerId: config.vendor.partnerId, partnerSecret: config.vendor.partnerSecret, clock };
  const mint = createSyncKsMinter(vendorAccess);
  const directory = createHouseholdDirectory(vendor, (householdId) => mint({ entity: 'device', op: 'upsert', key: '', householdId, source: 'platform', stamp: '', value: {} }));
  const links = new SqlSyncLinks(store.sql);
  const applied = createAppliedTap();
  const appliers = {
    vendor: applied.wrap('vendor', withListApplier(withDvrApplier(createVendorApplier(vendorAccess), createVendorDvrSide(vendor, mint)), createVendorListSide(vendor, mint), links)),
    platform: applied.wrap(
      'platform',
      withListApplier(
        withDvrApplier(createPlatformApplier({ client: platform, tokens, ids: deps.ids, directory }), createPlatformDvrSide({ client: platform, tokens, ids: deps.ids, directory })),
        createPlatformListSide({ client: platform, tokens, ids: deps.ids }),
        links,
      ),
    ),
  };
  const s = config.sync;
  const loop = startSyncLoop({
    worker: { queue, appliers, events: metrics, nowMs: () => clock.nowMs(), batchSize: s.batchSize, leaseMs: s.leaseMs, backoffMs: s.backoffMs, maxBackoffMs: s.maxBackoffMs },
    ownerPrefix: `${config.site.id}-${randomBytes(4).toString('hex')}`,
    workers: s.workers,
    pollMs: s.pollMs,
    onError: (error) => logger.warn({ event: 'sync_worker_error', error: error instanceof Error ? error.message : String(error) }, 'sync worker batch failed'),
  });
  const switches = createSyncSwitches(admin, queue, () => loop.wake());
  await switches.refresh();
  const capture = createSyncCapture({ queue, clock: new HybridLogicalClock(config.site.id, () => clock.nowMs()), isEnabled: (e) => switches.isEnabled(e), events: metrics, links, onCommitted: () => loop.nudge(), captureInFlight: s.captureInFlight ?? 0 });
  const feed = createPlatformChangeFeed(platform, tokens);
  const lookup = { toVendor: (kind: 'asset' | 'household' | 'user' | 'product' | 'file', id: string) => deps.ids.toVendor(kind, id) };
  const followFeed = (): Promise<number> => followFeedOnce({ feed, cursors: store.cursors, capture, ids: lookup, events: metrics, pageSize: 500 });
  const follower = startRepeating(s.feedPollMs, async () => {
    if (switches.anyEnabled()) while ((await followFeed()) >= 500);
  }, (error) => logger.warn({ event: 'sync_feed_error', error: error instanceof Error ? error.message : String(error) }, 'change feed read failed'));
  const refresher = startRepeating(1000, async () => {
    await switches.refresh();
    const counts = await admin.countsByEntity();
    for (const [entity, on] of Object.entries(switches.snapshot())) metrics.setBacklog(entity, counts.get(entity)?.pending ?? 0, counts.get(entity)?.dead ?? 0, on);
  }, () => undefined);
  const pruner = startSyncPruning(config, store.sql, clock, logger);
  const hooks = createFacadeHooks({ capture, isEnabled: (e) => switches.isEnabled(e), decodeKs: deps.decodeKs, nowSec: () => Math.floor(clock.nowMs() / 1000), metrics, logger });
  const households = async (): Promise<string[]> => (await store.idMap.listAll()).filter((row) => row.kind === 'household').map((row) => row.vendorId);
  const reconciler = createSyncReconciler({ config, clock, ids: deps.ids, vendor, platform, tokens, queue, capture, followFeed, households, isEnabled: (e) => switches.isEnabled(e), directory, links });
  return {
    hooks, queue, admin, outbox, switches, stats, metrics, capture, reconciler, loop, followFeed,
    onApplied: applied.subscribe,
    nowMs: () => clock.nowMs(),
    close: async () => {
      await Promise.all([follower.stop(), refresher.stop(), loop.stop(), pruner.stop()]);
      await Promise.all([vendor.close(), platform.close()]);
    },
  };
}
