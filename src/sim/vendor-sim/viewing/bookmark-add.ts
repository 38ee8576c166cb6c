import type { CatalogAsset } from '../../../core/catalog';
import type { VendorOutcome } from '../../../core/vendor-error';
import { ok } from '../../../core/result';
import { readEnum, readNumber, readObject, readString, type ParamSource } from '../../../phoenix/param-readers';
import { vendorFailure } from '../../../phoenix/vendor-error-builder';
import { deviceKeyOf } from '../playback/playback-state';
import type { SimCallContext, SimSession } from '../sim-operation';
import { bookmarkKey, type BookmarkAssetType } from './viewing-state';

const assetTypes = ['media', 'epg', 'recording'] as const;
const actions = ['HIT', 'PLAY', 'STOP', 'PAUSE', 'FIRST_PLAY', 'SWOOSH', 'FULL_SCREEN', 'SEND_TO_FRIEND', 'LOAD', 'FULL_SCREEN_EXIT', 'FINISH', 'ERROR', 'BITRATE_CHANGE', 'NONE'] as const;
type BookmarkAction = (typeof actions)[number];

/** Actions that mark the device as playing, and those that free it (docs/lab-rules.md "Concurrency activity"). */
const activating = new Set<BookmarkAction>(['PLAY', 'FIRST_PLAY', 'HIT', 'LOAD', 'BITRATE_CHANGE']);
const releasing = new Set<BookmarkAction>(['STOP', 'FINISH']);

interface BookmarkWrite {
  readonly asset: CatalogAsset;
  readonly assetType: BookmarkAssetType;
  readonly position: number;
  readonly action: BookmarkAction;
}

/** The asset a bookmark names; the kind must match the type (media: VOD/channel, epg: programme). */
function findBookmarkedAsset(ctx: SimCallContext, id: string, type: BookmarkAssetType): CatalogAsset | undefined {
  if (!/^\s*\d+\s*$/.test(id) || type === 'recording') return undefined;
  const asset = ctx.state.index.assetByVendorId.get(Number(id));
  return asset !== undefined && (asset.kind === 'program') === (type === 'epg') ? asset : undefined;
}

function readAction(bookmark: ParamSource): VendorOutcome<BookmarkAction> {
  const action = readEnum(bookmark, 'playerData.action', actions, { label: 'bookmark.playerData.action' });
  if (!action.ok) return vendorFailure('ActionNotRecognized');
  return ok(action.value ?? 'NONE');
}

/**
 * Reads `bookmark`: empty id → 500003 (brief §5.4); unknown asset or a kind that does not match the
 * type → 4024 InvalidAssetId [U, chosen]; unknown action → 4023; float positions floored (§7.7).
 */
function readBookmarkWrite(ctx: SimCallContext): VendorOutcome<BookmarkWrite> {
  const bookmark = readObject(ctx.params, 'bookmark', { required: true });
  if (!bookmark.ok) return bookmark;
  const id = readString(bookmark.value, 'id', { label: 'bookmark.id' });
  if (!id.ok) return id;
  if (id.value === undefined || id.value.trim() === '') return vendorFailure('BadRequest');
  const type = readEnum(bookmark.value, 'type', assetTypes, { label: 'bookmark.type' });
  if (!type.ok) return type;
  const position = readNumber(bookmark.value, 'position', { label: 'bookmark.position' });
  if (!position.ok) return position;
  const action = readAction(bookmark.value);
  if (!action.ok) return action;
  const assetType = type.value ?? 'media';
  const asset = findBookmarkedAsset(ctx, id.value, assetType);
  if (asset === undefined) return vendorFailure('InvalidAssetId');
  return ok({ asset, assetType, position: Math.max(0, Math.floor(position.value ?? 0)), action: action.value });
}

/** Position and finishedWatching after a write (docs/lab-rules.md "Bookmarks", brief §5.4). */
function progressAfter(ctx: SimCallContext, write: BookmarkWrite): { position: number; finishedWatching: boolean } {
  if (write.action === 'FINISH') return { position: 0, finishedWatching: true };
  if (write.action === 'STOP' && write.position === 0) return { position: 0, finishedWatching: false };
  const duration = ctx.state.index.assetDurationSeconds(write.asset);
  return { position: write.position, finishedWatching: duration > 0 && write.position >= 0.95 * duration };
}

function isBlockedByConcurrency(ctx: SimCallContext, session: SimSession): boolean {
  const household = ctx.state.index.householdByVendorId.get(session.householdId);
  if (household === undefined) return false;
  return !ctx.state.playback.mayPlay(session.householdId, deviceKeyOf(session), household.concurrentLimit, ctx.nowSec);
}

function trackActivity(ctx: SimCallContext, session: SimSession, action: BookmarkAction): void {
  if (activating.has(action)) ctx.state.playback.markActive(session.householdId, deviceKeyOf(session), ctx.nowSec);
  if (releasing.has(action)) ctx.state.playback.release(session.householdId, deviceKeyOf(session));
}

/** `bookmark.add` → `true`; 4001 when a new device would exceed the household limit (brief §8.4). */
export function addBookmark(ctx: SimCallContext): VendorOutcome<boolean> {
  const session = ctx.session;
  if (session === null) return vendorFailure('ServiceForbidden');
  const write = readBookmarkWrite(ctx);
  if (!write.ok) return write;
  if (isBlockedByConcurrency(ctx, session)) return vendorFailure('ConcurrencyLimitation');
  const progress = progressAfter(ctx, write.value);
  const key = bookmarkKey(session.userId, write.value.assetType, write.value.asset.vendorId);
  ctx.state.viewing.bookmarks.set(key, {
    userVendorId: session.userId,
    assetVendorId: write.value.asset.vendorId,
    assetType: write.value.assetType,
    ...progress,
    updateDate: ctx.nowSec,
  });
  trackActivity(ctx, session, write.value.action);
  return ok(true);
}
