import type { PlatformFormat } from '../catalog/item-records';
import type { RouteSpec } from '../http/router';
import { ok, problem, type Reply } from '../http/reply';
import { isUuid, readObjectBody, readUuidField } from '../http/params';
import type { PlatformRequest } from '../platform-request';
import { decidePlayback, playbackContexts, type PlaybackContext } from './playback-decision';
import { toPlaybackSource } from './playback-sources';

const formats: readonly PlatformFormat[] = ['hls', 'dash', 'progressive'];

function readStringSet<T extends string>(value: unknown, name: string, check: (v: string) => boolean): ReadonlySet<T> | string {
  if (value === undefined || value === null) return new Set<T>();
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && check(v))) return `${name} is not a valid list`;
  return new Set((value as string[]).map((v) => v.toLowerCase() as T));
}

/** `playback.authorize`: lab-rules "Playback decision" for the token's caller. */
function authorize(req: PlatformRequest): Reply {
  const body = readObjectBody(req.body);
  if (!body.ok) return body.reply;
  const itemId = readUuidField(body.value, 'itemId', true);
  if (!itemId.ok) return itemId.reply;
  const context = body.value.context ?? 'playback';
  if (typeof context !== 'string' || !(playbackContexts as readonly string[]).includes(context)) {
    return problem('validation_failed', `context must be one of ${playbackContexts.join(', ')}`);
  }
  const fileIds = readStringSet<string>(body.value.fileIds, 'fileIds', isUuid);
  if (typeof fileIds === 'string') return problem('validation_failed', fileIds);
  const wanted = readStringSet<PlatformFormat>(body.value.formats, 'formats', (v) => (formats as readonly string[]).includes(v));
  if (typeof wanted === 'string') return problem('validation_failed', `${wanted}: formats are ${formats.join(', ')}`);
  const entry = req.state.store.byId.get(itemId.value ?? '');
  if (!entry) return problem('not_found', `no item ${itemId.value ?? ''}`);
  const household = req.caller.householdId ? req.state.index.householdByPlatformId.get(req.caller.householdId) : undefined;
  const world = { commerce: req.state.commerce, activity: req.state.activity, concurrentLimit: household?.concurrentLimit, parentalRules: req.state.catalog.parentalRules };
  const decision = decidePlayback(world, req.caller, { item: entry.item, context: context as PlaybackContext, fileIds, formats: wanted }, req.nowSec);
  if (decision.decision === 'deny') return ok({ itemId: entry.item.id, context, decision: 'deny', denyReason: decision.denyReason, sources: [] });
  return ok({ itemId: entry.item.id, context, decision: 'allow', sources: decision.files.map(toPlaybackSource) });
}

export const playbackRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'POST', path: '/playback/v1/authorizations', operationId: 'playback.authorize', auth: 'bearer', body: true, handle: authorize },
];
