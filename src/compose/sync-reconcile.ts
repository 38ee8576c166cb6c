/**
 * Wiring of reconcile (docs/sync.md "Reconcile"): readers over both sides, households from the id
 * map, and a settle step that reads the change feed and waits for the outbox before judging.
 */
import type { UnderstudyConfig } from '../config/config-types';
import type { Clock } from '../core/clock';
import type { IdMapper } from '../core/id-mapper';
import type { SqlSyncQueue } from '../store/sync-queue-store';
import { runReconcileCycle, waitForEmptyOutbox, type ReconcileReport } from '../sync/reconcile-cycle';
import type { SyncCapture } from '../sync/sync-capture';
import type { SyncEntity } from '../sync/sync-types';
import type { PlatformHttpClient } from '../upstream/platform-http-client';
import type { PlatformTokenCache } from '../upstream/platform-token-cache';
import { createPlatformReader, createVendorReader } from '../upstream/sync-side-readers';
import { createSyncKsMinter } from '../upstream/sync-vendor-applier';
import type { VendorCallClient } from '../upstream/vendor-call-client';
import type { HouseholdDirectory } from '../upstream/household-directory';

export interface SyncReconciler {
  run(options?: { repair?: boolean; entities?: readonly SyncEntity[] }): Promise<ReconcileReport>;
}

export interface ReconcileWiring {
  readonly config: UnderstudyConfig;
  readonly clock: Clock;
  readonly ids: IdMapper;
  readonly vendor: VendorCallClient;
  readonly platform: PlatformHttpClient;
  readonly tokens: PlatformTokenCache;
  readonly queue: SqlSyncQueue;
  readonly capture: SyncCapture;
  readonly followFeed: () => Promise<number>;
  readonly households: () => Promise<readonly string[]>;
  readonly isEnabled: (entity: SyncEntity) => boolean;
  readonly directory: HouseholdDirectory;
}

/** Entities reconcile can page on both sides (profile has no comparable list on both; purchases compare active entitlements). */
export const reconciledEntities: readonly SyncEntity[] = ['bookmark', 'favorite', 'device', 'purchase'];

/** Builds the reconciler; one cycle at a time (a second caller waits for the running one's report). */
export function createSyncReconciler(w: ReconcileWiring): SyncReconciler {
  const membersOf = (hh: string): Promise<string[]> => w.directory.membersOf(hh);
  const platformReader = createPlatformReader(w.platform, w.tokens, w.ids, membersOf);
  const mint = createSyncKsMinter({ vendor: w.vendor, partnerId: w.config.vendor.partnerId, partnerSecret: w.config.vendor.partnerSecret, clock: w.clock });
  const vendorReader = createVendorReader(w.vendor, (who) => mint({ entity: 'bookmark', op: 'upsert', key: '', source: 'vendor', stamp: '', value: {}, householdId: who.householdId, ...(who.userId === undefined ? {} : { userId: who.userId }) }), membersOf);
  let running: Promise<ReconcileReport> | undefined;
  const settle = async (): Promise<void> => {
    while ((await w.followFeed()) >= 500);
    await waitForEmptyOutbox(w.queue, 10_000);
  };
  return {
    run(options = {}) {
      running ??= runReconcileCycle(
        {
          households: { listHouseholds: w.households },
          readers: { vendor: vendorReader, platform: platformReader },
          queue: w.queue,
          capture: w.capture,
          entities: (options.entities ?? reconciledEntities).filter((e) => reconciledEntities.includes(e) && w.isEnabled(e)),
          settle,
          nowMs: () => w.clock.nowMs(),
        },
        { repair: options.repair ?? true, waitForRepairsMs: 30_000 },
      ).finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
