import { addSeriesRecording, deleteSeriesRecording, listSeriesRecordings, type SeriesRefusal } from '../../cdvr/series-book';
import type { RouteSpec } from '../http/router';
import { ok, problem, type Reply } from '../http/reply';
import { isUuid, readObjectBody } from '../http/params';
import type { ProblemCode } from '../http/problems';
import { requireMember } from '../identity/caller-household';
import type { PlatformRequest } from '../platform-request';
import { toSeriesRecordingView } from './cdvr-views';

const addProblems = {
  not_a_programme: 'invalid_recording_target',
  not_recordable: 'not_recordable',
  already_recorded: 'series_already_recorded',
  limit_reached: 'recording_limit_exceeded',
} as const satisfies Record<SeriesRefusal, ProblemCode>;

function readScope(body: Record<string, unknown>): { type: 'SERIES' | 'SEASON'; seasonNumber?: number } | Reply {
  const { scope, seasonNumber } = body;
  if (scope !== undefined && scope !== 'series' && scope !== 'season') return problem('validation_failed', 'scope must be series or season');
  if (seasonNumber !== undefined && !Number.isInteger(seasonNumber)) return problem('validation_failed', 'seasonNumber must be an integer');
  if (scope === 'season' && seasonNumber === undefined) return problem('validation_failed', 'a season recording needs seasonNumber');
  return { type: scope === 'season' ? 'SEASON' : 'SERIES', ...(seasonNumber === undefined ? {} : { seasonNumber: seasonNumber as number }) };
}

/** A series-recording write on the change feed (docs/sync.md "Entities"). */
function appendSeries(req: PlatformRequest, member: { householdId: string; userId: string }, op: 'upsert' | 'delete', view: Record<string, unknown>): void {
  req.state.changes.append({ entity: 'seriesRecording', op, key: `${member.householdId}:${String(view.number)}`, householdId: member.householdId, userId: member.userId, data: view }, req.origin, req.nowSec);
}

/** `cdvr.createSeriesRecording`: records the programme's series (or season) on its channel. */
function createSeries(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const body = readObjectBody(req.body);
  if (!body.ok) return body.reply;
  const { itemId } = body.value;
  if (!isUuid(itemId)) return problem('validation_failed', 'itemId must be a UUID');
  const scope = readScope(body.value);
  if ('status' in scope) return scope;
  const asset = req.state.index.assetByPlatformId.get(itemId.toLowerCase());
  if (asset === undefined) return problem('not_found', `no item ${itemId}`);
  const added = addSeriesRecording(req.state.index, req.state.cdvr, member.householdId, { programId: asset.vendorId, ...scope }, req.nowSec);
  if (!added.ok) return problem(addProblems[added.error], `cannot record the series of ${itemId}`);
  const view = toSeriesRecordingView(req.state.index, added.value);
  appendSeries(req, member, 'upsert', view);
  return ok(view, 201);
}

/** `cdvr.listSeriesRecordings`: every series recording of the household by number (at most 50). */
function listSeries(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const items = listSeriesRecordings(req.state.cdvr, member.householdId).map((s) => toSeriesRecordingView(req.state.index, s));
  return ok({ items, total: items.length });
}

/** `cdvr.deleteSeriesRecording`: the series recording and the recordings it made. */
function deleteSeries(req: PlatformRequest): Reply {
  const member = requireMember(req);
  if ('reply' in member) return member.reply;
  const text = req.params.number ?? '';
  const removed = /^\d{1,15}$/.test(text) ? deleteSeriesRecording(req.state.cdvr, member.householdId, Number(text)) : undefined;
  if (removed === undefined) return problem('not_found', `no series recording ${text}`);
  const view = toSeriesRecordingView(req.state.index, removed);
  appendSeries(req, member, 'delete', view);
  return ok(view);
}

export const seriesRecordingRoutes: readonly RouteSpec<PlatformRequest>[] = [
  { method: 'GET', path: '/cdvr/v1/series-recordings', operationId: 'cdvr.listSeriesRecordings', auth: 'bearer', handle: listSeries },
  { method: 'POST', path: '/cdvr/v1/series-recordings', operationId: 'cdvr.createSeriesRecording', auth: 'bearer', body: true, handle: createSeries },
  { method: 'DELETE', path: '/cdvr/v1/series-recordings/:number', operationId: 'cdvr.deleteSeriesRecording', auth: 'bearer', handle: deleteSeries },
];
