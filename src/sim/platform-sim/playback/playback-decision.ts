import type { CatalogParentalRule } from '../../../core/catalog';
import { isClosedToGuests } from '../../catalog/parental-rules';
import type { FileRecord, ItemRecord, PlatformFormat } from '../catalog/item-records';
import { holdsActiveEntitlement, type CommerceState } from '../commerce/commerce-state';
import type { TokenSubject } from '../identity/token-service';
import { deviceKeyOf, markActive, mayPlay, type ActivityState } from './activity-state';

/**
 * The playback decision of lab-rules "Playback decision", steps 2–5 (step 1, unknown item, is the
 * route's 404): filters, parental rules closed to guests, entitlement, concurrency, then allow and
 * mark the device active.
 */
export type PlaybackContext = 'playback' | 'catchup' | 'startover' | 'trailer' | 'download';
export const playbackContexts: readonly PlaybackContext[] = ['playback', 'catchup', 'startover', 'trailer', 'download'];
const concurrencyContexts = new Set<PlaybackContext>(['playback', 'catchup', 'startover']);

export interface PlaybackRequest {
  readonly item: ItemRecord;
  readonly context: PlaybackContext;
  readonly fileIds: ReadonlySet<string>;
  readonly formats: ReadonlySet<PlatformFormat>;
}

export type PlaybackDecision =
  | { readonly decision: 'allow'; readonly files: readonly FileRecord[] }
  | { readonly decision: 'deny'; readonly denyReason: 'not_entitled' | 'concurrency_limit' | 'guest_blocked' };

export interface PlaybackWorld {
  readonly commerce: CommerceState;
  readonly activity: ActivityState;
  /** The caller's household concurrency limit (undefined for anonymous callers). */
  readonly concurrentLimit: number | undefined;
  /** The account's parental rules (some close content to guests). */
  readonly parentalRules: readonly CatalogParentalRule[];
}

function isEntitled(world: PlaybackWorld, caller: TokenSubject, item: ItemRecord, file: FileRecord, nowSec: number): boolean {
  if (file.ppvProductIds.length === 0 && item.subscriptionProductIds.length === 0) return true;
  if (caller.userId === undefined) return false;
  return (
    holdsActiveEntitlement(world.commerce, caller.householdId, file.ppvProductIds, nowSec) ||
    holdsActiveEntitlement(world.commerce, caller.householdId, item.subscriptionProductIds, nowSec)
  );
}

/** Decides one authorisation request for the caller at `nowSec`. */
export function decidePlayback(world: PlaybackWorld, caller: TokenSubject, request: PlaybackRequest, nowSec: number): PlaybackDecision {
  const remaining = request.item.playableFiles.filter(
    (f) => (request.fileIds.size === 0 || request.fileIds.has(f.id)) && (request.formats.size === 0 || request.formats.has(f.format)),
  );
  if (remaining.length === 0) return { decision: 'allow', files: [] };
  if (caller.userId === undefined && isClosedToGuests(world.parentalRules, request.item.asset)) return { decision: 'deny', denyReason: 'guest_blocked' };
  const trailer = request.context === 'trailer';
  const entitled = trailer ? remaining : remaining.filter((f) => isEntitled(world, caller, request.item, f, nowSec));
  if (entitled.length === 0) return { decision: 'deny', denyReason: 'not_entitled' };
  const deviceKey = deviceKeyOf(caller);
  const counted = concurrencyContexts.has(request.context) && caller.userId !== undefined && caller.householdId !== undefined && deviceKey !== undefined;
  if (counted && caller.householdId !== undefined && deviceKey !== undefined) {
    if (!mayPlay(world.activity, caller.householdId, deviceKey, world.concurrentLimit ?? 0, nowSec)) return { decision: 'deny', denyReason: 'concurrency_limit' };
    markActive(world.activity, caller.householdId, deviceKey, nowSec);
  }
  return { decision: 'allow', files: entitled };
}
