/**
 * Wiring of reconcile (docs/sync.md "Reconcile"): readers over both sides (every synced entity),
 * households from the id map, and a settle step that reads the change feed and waits for the outbox
 * before judging.
 */
import type { UnderstudyConfig } from '../config/config-types';
import type { Clock } from '../core/clock';
import type { IdMapper } from '../core/id-mapper';
import type { SqlSyncQueue } from '../store/sync-queue-store';
import { runReconcileCycle, waitForEmptyOutbox, type ReconcileReport } from '../sync/reconcile-cycle';
import type { SyncCapture } from '../sync/sync-capture';
import type { SyncLinks } from '../sync/sync-links';
import type { SideReader } from '../sync/sync-ports';
import { syncEntities, type SyncChange, type SyncEntity } from '../sync/sync-types';
import type { PlatformHttpClient } from '../upstream/platform-http-client';
import type { PlatformTokenCache } from '../upstream/platform-token-cache';
import { createPlatformDvrSide, createVendorDvrSide } from '../upstream/sync-dvr-sides';
import { createDvrListReads } from '../upstream/sync-dvr-list-reads';
import { withEntityReads } from '../upstream/sync-entity-reads';
import { createPlatformListSide, createVendorListSide } from '../upstream/sync-list-sides';
import { createPlatformRead, createPlatformSettingsReads, createVendorRead, createVendorSettingsReads } from '../upstream/sync-settings-reads';
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
  /** Side ids of list items: reconcile links every personal list and reminder it reads. */
  readonly links?: SyncLinks;
}

/** Entities reconcile pages on both sides: every synced one (purchases compare active entitlements). */
export const reconciledEntities: readonly SyncEntity[] = syncEntities;

/** Both sides' readers: the first four entities through sync-side-readers.ts, the device API's through their own reads. */
function createReaders(w: ReconcileWiring, membersOf: (hh: string) => Promise<string[]>): { vendor: SideReader; platform: SideReader } {
  const mint = createSyncKsMinter({ vendor: w.vendor, partnerId: w.config.vendor.partnerId, partnerSecret: w.config.vendor.partnerSecret, clock: w.clock });
  const ksFor = (who: Pick<SyncChange, 'userId' | 'householdId'>): string => mint({ entity: 'bookmark', op: 'upsert', key: '', source: 'vendor', stamp: '', value: {}, householdId: who.householdId, ...(who.userId === undefined ? {} : { userId: who.userId }) });
  const platformSides = { client: w.platform, tokens: w.tokens, ids: w.ids, directory: w.directory };
  const vendorReads = { ...createVendorSettingsReads(createVendorRead(w.vendor, ksFor)), ...createDvrListReads(createVendorDvrSide(w.vendor, mint), createVendorListSide(w.vendor, mint), 'vendor') };
  const platformReads = { ...createPlatformSettingsReads(createPlatformRead(w.platform, w.tokens, w.ids)), ...createDvrListReads(createPlatformDvrSide(platformSides), createPlatformListSide(platformSides), 'platform') };
  return {
    vendor: withEntityReads(createVendorReader(w.vendor, ksFor, membersOf), vendorReads, membersOf),
    platform: withEntityReads(createPlatformReader(w.platform, w.tokens, w.ids, membersOf), platformReads, membersOf),
  };
}

/** Builds the reconciler; one cycle at a time (a second caller waits for the running one's report). */
export function createSyncReconciler(w: ReconcileWiring): SyncReconciler {
  const membersOf = (hh: string): Promise<string[]> => w.directory.membersOf(hh);
  const readers = createReaders(w, membersOf);
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
          readers,
          queue: w.queue,
          capture: w.capture,
          entities: (options.entities ?? reconciledEntities).filter((e) => reconciledEntities.includes(e) && w.isEnabled(e)),
          settle,
          nowMs: () => w.clock.nowMs(),
          ...(w.links === undefined ? {} : { links: w.links }),
        },
        { repair: options.repair ?? true, waitForRepairsMs: 30_000 },
      ).finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
