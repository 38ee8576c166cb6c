/**
 * Entities added to the sync beyond the first four (docs/sync.md "Entities"): each extension says
 * which vendor operations write it, how a platform change-feed entry maps to it, and how a change is
 * written to each side. The shared rule tables (capture-rules.ts, apply-rules.ts, feed-changes.ts)
 * fall back to this list, so an entity lives in its own file and is registered here by one line.
 */
import type { CapturedCall, UnstampedChange } from './capture-rules';
import type { FeedChange, VendorIdLookup } from './feed-changes';
import type { PlatformIdLookup, PlatformWrite, VendorWrite } from './apply-rules';
import type { SyncChange, SyncEntity } from './sync-types';
import { settingsExtensions } from './entities-settings';
import { profileExtension } from './entities-profile';
import { recordingExtensions } from './entities-recordings';
import { listExtensions } from './entities-lists';

/** The vendor ids a feed entry belongs to (already mapped). */
export interface FeedIds {
  readonly householdId: string;
  readonly userId?: string;
}

/** One synced entity's rules. */
export interface EntityExtension {
  readonly entity: SyncEntity;
  /** Lower-cased vendor operation → the changes its success made (several for a profile update). */
  readonly capture: Readonly<Record<string, (call: CapturedCall) => readonly UnstampedChange[]>>;
  /** Platform feed entity → the changes it carries (none: ids unknown or nothing to carry). */
  readonly feed: Readonly<Record<string, (change: FeedChange, ids: FeedIds, lookup: VendorIdLookup) => readonly UnstampedChange[]>>;
  /** The one write that makes each side hold a change; absent where applying needs the side's list first (recordings). */
  readonly toVendorWrite?: (change: SyncChange) => VendorWrite | undefined;
  readonly toPlatformWrite?: (change: SyncChange, ids: PlatformIdLookup) => PlatformWrite | undefined;
  /** Vendor error codes per `service.action` that mean the write is already there. */
  readonly vendorAlreadyApplied?: Readonly<Record<string, readonly string[]>>;
  /** Platform problem codes that mean the write is already there. */
  readonly platformAlreadyApplied?: readonly string[];
}

/** Every extension (append a line per new entity group). */
export const entityExtensions: readonly EntityExtension[] = [
  ...settingsExtensions,
  profileExtension,
  ...recordingExtensions,
  ...listExtensions,
];

/** The extension of an entity, if it is one. */
export function extensionOf(entity: SyncEntity): EntityExtension | undefined {
  return entityExtensions.find((e) => e.entity === entity);
}

/** The extension capturing a vendor operation, if any. */
export function extensionCapturing(operationId: string): EntityExtension | undefined {
  return entityExtensions.find((e) => operationId in e.capture);
}

/** The extension following a platform feed entity, if any. */
export function extensionFollowing(feedEntity: string): EntityExtension | undefined {
  return entityExtensions.find((e) => feedEntity in e.feed);
}
