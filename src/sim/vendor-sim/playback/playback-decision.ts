import type { CatalogAsset, CatalogLiveChannel, CatalogMediaFile, CatalogVodAsset } from '../../../core/catalog';
import { isClosedToGuests } from '../../catalog/parental-rules';
import type { SimCallContext } from '../sim-operation';
import { allowedPlaybackContext, blockedPlaybackContext, concurrencyMessage, guestBlockedMessage, notEntitledMessage } from './playback-context-result';
import { deviceKeyOf } from './playback-state';
import { toPlaybackSource, type SourceRequest } from './playback-sources';

/** Contexts that occupy a concurrency slot (docs/lab-rules.md "Playback decision" step 4). */
const countedContexts = new Set(['PLAYBACK', 'CATCHUP', 'START_OVER']);

/** The files a request may get, already narrowed by `assetFileIds` / `streamerType`. */
export interface PlaybackRequest {
  readonly source: SourceRequest;
  /** The VOD asset or channel whose files play (a programme's channel). */
  readonly owner: CatalogVodAsset | CatalogLiveChannel;
  readonly files: readonly CatalogMediaFile[];
  /** The asset asked for (a programme, or the owner itself): what parental rules look at. */
  readonly subject: CatalogAsset;
}

/** True when the caller would exceed the household's concurrency limit (step 4). */
function isOverConcurrency(ctx: SimCallContext, context: string): boolean {
  const session = ctx.session;
  if (session === null || session.type !== 'user' || session.householdId === 0 || !countedContexts.has(context)) return false;
  const household = ctx.state.index.householdByVendorId.get(session.householdId);
  if (household === undefined) return false;
  return !ctx.state.playback.mayPlay(session.householdId, deviceKeyOf(session), household.concurrentLimit, ctx.nowSec);
}

function markCallerActive(ctx: SimCallContext, context: string): void {
  const session = ctx.session;
  if (session === null || session.type !== 'user' || session.householdId === 0 || !countedContexts.has(context)) return;
  ctx.state.playback.markActive(session.householdId, deviceKeyOf(session), ctx.nowSec);
}

/**
 * Steps 2–5 of docs/lab-rules.md "Playback decision": no file → OK with no sources; a guest and a
 * rule closing the asset to guests → AnonymousAccessBlocked block; none entitled →
 * NotEntitled block; over the limit → ConcurrencyLimitation block; else the entitled files' sources
 * in file id order, and the caller's device becomes active. TRAILER treats files as free and skips
 * concurrency.
 */
export function decidePlayback(ctx: SimCallContext, request: PlaybackRequest): object {
  if (request.files.length === 0) return allowedPlaybackContext([]);
  const context = request.source.context;
  if (ctx.session?.type !== 'user' && isClosedToGuests(ctx.state.catalog.parentalRules, request.subject)) return blockedPlaybackContext(guestBlockedMessage);
  const householdId = ctx.session?.householdId ?? 0;
  const entitled =
    context === 'TRAILER' ? [...request.files] : request.files.filter((file) => ctx.state.commerce.isEntitled(householdId, file, request.owner, ctx.nowSec));
  if (entitled.length === 0) return blockedPlaybackContext(notEntitledMessage);
  if (isOverConcurrency(ctx, context)) return blockedPlaybackContext(concurrencyMessage);
  markCallerActive(ctx, context);
  const sources = [...entitled]
    .sort((a, b) => a.vendorId - b.vendorId)
    .map((file) => toPlaybackSource(request.source, file, ctx.state.index.fileTypeById.get(file.fileTypeId)));
  return allowedPlaybackContext(sources);
}
