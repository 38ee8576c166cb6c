/**
 * `bookmark.add` → platform `userData.putProgress` (brief §5.4, lab rules "Bookmarks",
 * "Concurrency activity"). Validation mirrors the vendor exactly: empty id → 500003, unknown
 * action → 4023, unknown asset or a kind that does not match `type` → 4024, then the platform's
 * 409 concurrency_limit → 4001.
 */
import { ok } from '../../core/result';
import type { VendorOutcome } from '../../core/vendor-error';
import { readEnum, readNumber, readObject, readString, type ParamSource } from '../../phoenix/param-readers';
import { vendorFailure } from '../../phoenix/vendor-error-builder';
import type { TranslateContext, TranslatorSpec } from '../translator';
import { isItemOfType } from './item-kinds';
import { problemCode, unexpectedReply } from './platform-replies';
import { assetTypes, toItemKind, type AssetType } from './viewing-mappers';

const actions = ['HIT', 'PLAY', 'STOP', 'PAUSE', 'FIRST_PLAY', 'SWOOSH', 'FULL_SCREEN', 'SEND_TO_FRIEND', 'LOAD', 'FULL_SCREEN_EXIT', 'FINISH', 'ERROR', 'BITRATE_CHANGE', 'NONE'] as const;
type BookmarkAction = (typeof actions)[number];

interface BookmarkWrite {
  readonly itemId: string;
  readonly assetType: AssetType;
  readonly position: number;
  readonly action: BookmarkAction;
}

function readAction(bookmark: ParamSource): VendorOutcome<BookmarkAction> {
  const action = readEnum(bookmark, 'playerData.action', actions, { label: 'bookmark.playerData.action' });
  if (!action.ok) return vendorFailure('ActionNotRecognized');
  return ok(action.value ?? 'NONE');
}

/** The platform item a bookmark names, provided its kind matches the type (media: VOD/channel, epg: programme). */
async function findBookmarkedItem(ctx: TranslateContext, id: string, type: AssetType): Promise<string | undefined> {
  if (!/^\s*\d+\s*$/.test(id) || type === 'recording') return undefined;
  const itemId = ctx.ids.toPlatform('asset', Number(id));
  if (itemId === undefined) return undefined;
  return (await isItemOfType(ctx, itemId, type)) ? itemId : undefined;
}

/** Reads `bookmark` in the vendor's order; positions are floored and negatives stored as 0. */
async function readBookmarkWrite(ctx: TranslateContext): Promise<VendorOutcome<BookmarkWrite>> {
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
  const itemId = await findBookmarkedItem(ctx, id.value, assetType);
  if (itemId === undefined) return vendorFailure('InvalidAssetId');
  return ok({ itemId, assetType, position: Math.max(0, Math.floor(position.value ?? 0)), action: action.value });
}

/** Writes the progress; the platform applies the finish/95% rules and the concurrency check. */
async function addBookmark(ctx: TranslateContext): Promise<VendorOutcome<boolean>> {
  const write = await readBookmarkWrite(ctx);
  if (!write.ok) return write;
  const { itemId, assetType, position, action } = write.value;
  const reply = await ctx.platform.call({
    method: 'PUT',
    path: `/user-data/v1/progress/${encodeURIComponent(itemId)}`,
    body: { positionSeconds: position, itemKind: toItemKind(assetType), action: action.toLowerCase() },
  });
  if (reply.status === 200) return ok(true);
  const code = problemCode(reply);
  if (reply.status === 409 && code === 'concurrency_limit') return vendorFailure('ConcurrencyLimitation');
  if (reply.status === 404) return vendorFailure('InvalidAssetId');
  if (reply.status === 403) return vendorFailure('ServiceForbidden');
  throw unexpectedReply('userData.putProgress', reply);
}

/** `bookmark.add(bookmark)` → `true`. */
export const bookmarkAdd: TranslatorSpec = { access: 'user', run: addBookmark };
